"""The public notice PDF (with results) carries no internal field: no risk class, no internal
note, no inspector data beyond what is published (core side: tests/core/reports/test_public_disclosure.py)."""
from __future__ import annotations

from pypdf import PdfReader

from core.services import draws
from desktop.draws.exports import write_notice
from tests.core.reports.disclosure import finished_batch, internal_markers, leaks

from ..test_entities_support import entities_db, entities_template  # noqa: F401 - fixtures


def test_the_notice_pdf_with_results_leaks_nothing_internal(console_app, entities_db, tmp_path):  # noqa: F811
    b, tasks = finished_batch(entities_db)
    markers = internal_markers(entities_db, tasks)
    for lang in ("zh_CN", "en"):
        path = write_notice(entities_db, b, tmp_path / f"notice_{lang}.pdf", lang=lang, with_results=True,
                            font_family=console_app.font().family())
        text = "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)
        assert draws.notice_rows(entities_db, b)[0].uscc in text
        assert not leaks(text, markers), lang
