"""``tongguan draw notice``: a drawn batch's public notice from the command line, by id or name."""
import json

from openpyxl import load_workbook
from pypdf import PdfReader

from core.db.database import Database
from core.services import draws

from .test_cli_draw import city, tongguan  # noqa: F401 - fixture


def _batches(city) -> dict[str, object]:  # noqa: F811
    db = Database.open(str(city))
    try:
        return {b.status: b for p in draws.list_plans(db) for b in p.batches if b.name.startswith("2027-")}
    finally:
        db.dispose()


def _rows(city, batch_id):  # noqa: F811
    db = Database.open(str(city))
    try:
        return draws.notice_rows(db, batch_id), draws.batch_detail(db, batch_id)
    finally:
        db.dispose()


def test_a_notice_by_batch_name_as_pdf_and_by_id_as_xlsx(city, tmp_path):  # noqa: F811
    drawn = _batches(city)["drawn"]
    name = drawn.name.split()[0]  # "2027-1"
    rows, detail = _rows(city, drawn.id)
    result = tongguan("draw", "notice", name, "--actor", "planner", "--db", str(city), "--out", str(tmp_path / "公示.pdf"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(tmp_path / "公示.pdf")
    text = "\n".join(page.extract_text() for page in PdfReader(str(tmp_path / "公示.pdf")).pages)
    assert all(r.uscc in text for r in rows) and detail.pool_hash in text
    assert "抽查对象名单公示" in text

    result = tongguan("draw", "notice", str(drawn.id), "--actor", "planner", "--db", str(city), "--out", str(tmp_path / "notice.xlsx"),
                      "--lang", "en", "--json")
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["batch_id"] == drawn.id and summary["file"] == str(tmp_path / "notice.xlsx")
    sheet = load_workbook(tmp_path / "notice.xlsx", read_only=True).active
    cells = {str(c) for row in sheet.iter_rows(values_only=True) for c in row if c is not None}
    assert {r.uscc for r in rows} <= cells
    assert any("entities to be inspected" in c for c in cells)


def test_unknown_undrawn_batches_and_bad_files_are_one_clear_line(city, tmp_path):  # noqa: F811
    batches = _batches(city)
    out = str(tmp_path / "n.pdf")
    unknown = tongguan("draw", "notice", "1999-9", "--actor", "planner", "--db", str(city), "--out", out)
    assert unknown.returncode == 2 and "'1999-9'" in unknown.stderr and "Traceback" not in unknown.stderr
    assert batches["drawn"].name in unknown.stderr  # names the batches there are
    for status in ("draft", "locked"):
        undrawn = tongguan("draw", "notice", str(batches[status].id), "--actor", "planner", "--db", str(city), "--out", out)
        assert undrawn.returncode == 2 and status in undrawn.stderr and "drawn" in undrawn.stderr
    bad = tongguan("draw", "notice", str(batches["drawn"].id), "--actor", "planner", "--db", str(city), "--out", str(tmp_path / "n.csv"))
    assert bad.returncode == 2 and ".csv" in bad.stderr and ".pdf or .xlsx" in bad.stderr
    nowhere = tongguan("draw", "notice", str(batches["drawn"].id), "--actor", "planner", "--db", str(city),
                       "--out", str(tmp_path / "missing" / "n.pdf"))
    assert nowhere.returncode == 2 and "missing" in nowhere.stderr
    assert not list(tmp_path.iterdir())
    help_text = tongguan("draw", "notice", "--help").stdout
    assert "BATCH" in help_text and "--out" in help_text and "2027-1" in help_text
