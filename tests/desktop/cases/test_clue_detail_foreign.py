"""A clue from a foreign system shows the code it came with and, for a credit code the registry
does not hold, 主体未登记 (entity not registered) with the code; our own clue shows neither."""
import datetime as dt

import pytest

from desktop.cases.clue_detail import ClueDetailPanel
from desktop.i18n import install_language

from .conftest import clue_detail_sample


def _detail(**foreign):
    return clue_detail_sample(**foreign)


@pytest.fixture
def english(console_app):
    install_language(console_app, "en")  # the panel's words come from the catalogue
    yield
    install_language(console_app, "zh_CN")


def test_the_foreign_code_and_the_unregistered_flag_are_shown(qtbot, english):
    panel = ClueDetailPanel(read_only=False, lang="en", today=dt.date(2026, 11, 20))
    qtbot.addWidget(panel)
    panel.set_detail(_detail(source_system="yw12345", foreign_service_code="0301", foreign_service_name="无证无照经营",
                             unregistered_uscc="92330782MA0007001N"))
    facts = panel.facts.text()
    assert "Entity not registered" in facts and "92330782MA0007001N" in facts
    assert "yw12345 code 0301 无证无照经营" in facts and "not mapped yet" in facts
    panel.set_detail(_detail())
    facts = panel.facts.text()
    assert "Entity not registered" not in facts and "code 0301" not in facts and "not known yet" in facts
