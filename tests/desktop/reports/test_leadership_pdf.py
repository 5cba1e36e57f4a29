"""The leadership report as a PDF: Chinese searchable (title, a department, a town), the internal
mark on every page, charts as images; the dialog builds it in the background; the efficiency
workspace offers it to the roles that may read it."""
from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from core.reports.leadership import build_report
from core.reports.leadership_tables import INTERNAL, TITLE, sections
from desktop.reports.leadership_dialog import LeadershipReportDialog, period_range
from desktop.reports.leadership_pdf import write_report

from ..test_entities_support import AS_OF, entities_db, entities_template, tasks  # noqa: F401 - fixtures

TIMEOUT = 60000
START, END = dt.date(2026, 1, 1), dt.date(2026, 9, 30)


@pytest.fixture
def report(entities_db):  # noqa: F811
    return build_report(entities_db, START, END, viewer="monitor", today=AS_OF)


def _pages(path) -> list[str]:
    return [page.extract_text() for page in PdfReader(str(path)).pages]


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_pdf_text_is_searchable_and_every_page_is_marked_internal(console_app, report, tmp_path, lang):
    path = write_report(report, tmp_path / "r.pdf", lang, console_app.font().family())
    pages = _pages(path)
    zh = lang == "zh_CN"
    mark = INTERNAL[0 if zh else 1]
    assert len(pages) >= 6 and all(mark in p for p in pages)
    text = " ".join("\n".join(pages).split())  # a long English name wraps in its cell
    assert (TITLE[0] if zh else TITLE[1]) in text
    department = report.inspections_by_department[0]
    town = report.population_by_town[0]
    assert department.name(lang) in text and town.name(lang) in text
    if zh:
        assert "市场主体总量及变化" in text and "重点风险" in text
    # every column of every table is on the page (a wide table once lost its last columns off the edge)
    squeezed = "".join(text.split())
    for section in sections(report, lang):
        for table in section.tables:
            assert "".join("".join(str(h).split()) for h in table.headers) in squeezed, (section.number, table.title)
    reader = PdfReader(str(path))
    images = sum(len(page.images) for page in reader.pages)
    assert images >= 5  # one chart per section with data


def test_period_choices(qapp):
    today = dt.date(2026, 11, 20)
    assert period_range("month", today) == (dt.date(2026, 11, 1), today)
    assert period_range("last_quarter", today) == (dt.date(2026, 7, 1), dt.date(2026, 9, 30))
    assert period_range("last_quarter", dt.date(2026, 2, 3)) == (dt.date(2025, 10, 1), dt.date(2025, 12, 31))
    assert period_range("year", today) == (dt.date(2026, 1, 1), today)
    assert period_range("custom", today, (START, END)) == (START, END)


def test_the_dialog_builds_both_files_in_the_background(console_app, entities_db, tasks, qtbot, tmp_path):  # noqa: F811
    dialog = LeadershipReportDialog(entities_db, tasks, "leader", "zh_CN", today=AS_OF)
    qtbot.addWidget(dialog)
    dialog.period_combo.setCurrentIndex(dialog.period_combo.findData("last_quarter"))
    assert not dialog.start_edit.isEnabled()
    with qtbot.waitSignal(dialog.built, timeout=TIMEOUT) as signal:
        dialog.build(tmp_path / "leaders.pdf")
        assert not dialog.build_button.isEnabled()  # the work runs in a worker; the dialog is not blocked
    written = signal.args[0]
    assert sorted(p.suffix for p in written) == [".pdf", ".xlsx"] and all(p.exists() for p in written)
    book = load_workbook(tmp_path / "leaders.xlsx", read_only=True)
    assert any(name.startswith("6.") for name in book.sheetnames)
    assert "2026-07-01" in "\n".join(_pages(tmp_path / "leaders.pdf"))
    assert dialog.build_button.isEnabled() and str(tmp_path) in dialog.status.text()


def test_the_dialog_refuses_a_role_without_the_report(console_app, entities_db, tasks, qtbot, tmp_path,  # noqa: F811
                                                      monkeypatch):
    errors = []
    monkeypatch.setattr("desktop.reports.leadership_dialog.show_error", lambda _w, title, e: errors.append(e))
    dialog = LeadershipReportDialog(entities_db, tasks, "operator", "zh_CN", today=AS_OF)
    qtbot.addWidget(dialog)
    dialog.build(tmp_path / "x.pdf")
    qtbot.waitUntil(lambda: bool(errors), timeout=TIMEOUT)
    assert "report.leadership" in str(errors[0]) and not (tmp_path / "x.pdf").exists()


def test_the_efficiency_workspace_offers_it_to_the_monitor_not_the_operator(console_app, entities_db, tasks,  # noqa: F811
                                                                             qtbot):
    from desktop.efficiency.workspace import EfficiencyWorkspace

    shown = {}
    for actor in ("monitor", "operator"):
        ws = EfficiencyWorkspace(entities_db, tasks, actor, "zh_CN", today=AS_OF)
        qtbot.addWidget(ws)
        shown[actor] = not ws.leadership_button.isHidden()
        if actor == "monitor":
            dialog = ws.leadership_dialog()
            qtbot.addWidget(dialog)
            assert dialog.isVisible()
            dialog.close()
        tasks.wait_idle()
    assert shown == {"monitor": True, "operator": False}


def test_a_cancelled_build_writes_nothing_and_says_so(console_app, entities_db, tasks, qtbot, tmp_path,  # noqa: F811
                                                      monkeypatch):
    import desktop.reports.leadership_dialog as module

    errors = []
    monkeypatch.setattr(module, "show_error", lambda _w, title, e: errors.append(e))
    real = module.build_files
    monkeypatch.setattr(module, "build_files", lambda *a, **k: real(*a, **{**k, "is_cancelled": lambda: True}))
    dialog = LeadershipReportDialog(entities_db, tasks, "leader", "zh_CN", today=AS_OF)
    qtbot.addWidget(dialog)
    dialog.build(tmp_path / "c.pdf")
    qtbot.waitUntil(dialog.build_button.isEnabled, timeout=TIMEOUT)
    assert not errors and not list(tmp_path.glob("c.*"))
    assert dialog.status.text() == dialog.tr("Cancelled; no file was written.")
