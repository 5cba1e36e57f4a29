"""English says "1 result", "2 results": every message with a count (%n) has both English forms,
so no "(s)" reaches an English screen."""
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from desktop.i18n import install_language

CATALOGUE = Path(__file__).resolve().parents[2] / "resources" / "translations" / "tongguan_en.ts"


def _counted() -> list[tuple[str, str]]:
    root = ET.parse(CATALOGUE).getroot()
    return [(c.findtext("name"), m.findtext("source")) for c in root.findall("context")
            for m in c.findall("message") if m.get("numerus") == "yes"]


def test_there_are_counted_messages():
    assert len(_counted()) >= 8


@pytest.mark.parametrize("context, source", _counted())
def test_both_english_forms_are_given(console_app, context, source):
    install_language(console_app, "en")
    try:
        one = QCoreApplication.translate(context, source, None, 1)
        many = QCoreApplication.translate(context, source, None, 3)
    finally:
        install_language(console_app, "zh_CN")
    assert "(s)" not in one and "(s)" not in many, (one, many)
    assert "1" in one and "3" in many and one != many
