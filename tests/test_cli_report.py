"""``tongguan report leadership``: the internal report of a period as PDF and XLSX, refused to a
department user, audited, with one clear line for a bad request."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import select

from core.db.database import Database
from core.db.models import AuditEntry
from tests.support.accounts import standard_accounts

from .test_cli_draw import tongguan

PERIOD = ("--from", "2026-01-01", "--to", "2026-09-30")


@pytest.fixture(scope="module")
def city(tmp_path_factory):
    from core.demo.builder import build_demo
    from core.demo.spec import DemoSpec

    path = tmp_path_factory.mktemp("reportcity") / "city.sqlite"
    build_demo(str(path), DemoSpec(entities=3000, seed=11, as_of=dt.date(2026, 11, 20), chunk=1000))
    db = Database.open(str(path))
    standard_accounts(db)
    db.dispose()
    return path


def _exports(city) -> list[dict]:
    db = Database.open(str(city))
    try:
        with db.sessions() as s:
            return [json.loads(e.after) if isinstance(e.after, str) else e.after
                    for e in s.scalars(select(AuditEntry).where(AuditEntry.action == "export.leadership_report"))]
    finally:
        db.dispose()


def test_the_report_is_written_as_pdf_and_xlsx(city, tmp_path):
    pdf = tmp_path / "领导分析.pdf"
    result = tongguan("report", "leadership", *PERIOD, "--out", str(pdf), "--actor", "leader", "--db", str(city),
                      "--today", "2026-11-20")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(pdf)
    text = "\n".join(p.extract_text() for p in PdfReader(str(pdf)).pages)
    assert "领导分析报告" in text and "内部资料" in text and "市场监管局" in text

    xlsx = tmp_path / "report.xlsx"
    result = tongguan("report", "leadership", *PERIOD, "--out", str(xlsx), "--actor", "monitor", "--db", str(city),
                      "--lang", "en", "--json", "--today", "2026-11-20")
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["file"] == str(xlsx) and summary["from"] == "2026-01-01" and summary["as_of"] == "2026-09-30"
    book = load_workbook(xlsx, read_only=True)
    assert book.sheetnames[0] == "Cover" and book.sheetnames[-1] == "Chart data"
    assert {name.split(".")[0] for name in book.sheetnames[1:-1]} == {"1", "2", "3", "4", "5", "6"}
    files = {e["file"] for e in _exports(city)}
    assert {pdf.name, xlsx.name} <= files


def test_a_department_user_is_refused_and_nothing_is_written(city, tmp_path):
    out = tmp_path / "r.pdf"
    before = len(_exports(city))
    result = tongguan("report", "leadership", *PERIOD, "--out", str(out), "--actor", "scjg", "--db", str(city))
    assert result.returncode == 2 and "report.leadership" in result.stderr and "Traceback" not in result.stderr
    assert not out.exists() and len(_exports(city)) == before


def test_bad_requests_are_one_clear_line(city, tmp_path):
    wrong = tongguan("report", "leadership", *PERIOD, "--out", str(tmp_path / "r.csv"), "--actor", "leader",
                     "--db", str(city))
    assert wrong.returncode == 2 and ".pdf or .xlsx" in wrong.stderr
    backwards = tongguan("report", "leadership", "--from", "2026-09-30", "--to", "2026-01-01",
                         "--out", str(tmp_path / "r.pdf"), "--actor", "leader", "--db", str(city))
    assert backwards.returncode == 2 and "before" in backwards.stderr and "Traceback" not in backwards.stderr
