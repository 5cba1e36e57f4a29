"""The one table writer: codes stay text, no string becomes a formula, percentages and dates
are typed, the header is frozen and filtered, the file appears only when complete."""
import csv
import datetime as dt

import pytest
from openpyxl import load_workbook

from core.sheets import (
    CODE,
    DATE,
    PERCENT,
    Column,
    Percent,
    Sheet,
    csv_safe,
    display_width,
    write_csv,
    write_xlsx,
)

EVIL = ['=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(A1:A2)", "\t=1", "\r=1"]


def _sheet(path, name=None):
    book = load_workbook(path)
    return book[name] if name else book.active


def test_codes_stay_text_and_formulas_stay_strings(tmp_path):
    rows = [["913307820000000001", 330782008001, name, Percent(0.923), dt.date(2026, 3, 1), 7] for name in EVIL]
    cols = [Column("统一社会信用代码", CODE), Column("村社代码", CODE), "名称", Column("率", PERCENT),
            Column("日期", DATE), "数"]
    path = tmp_path / "t.xlsx"
    assert write_xlsx(path, [Sheet("表", cols, rows)]) == len(EVIL)
    ws = _sheet(path)
    body = list(ws.iter_rows(min_row=2))
    for row, name in zip(body, EVIL):
        uscc, village, cell, rate, day, n = row
        assert uscc.value == "913307820000000001" and uscc.data_type == "s" and uscc.number_format == "@"
        assert village.value == "330782008001" and village.data_type == "s" and village.number_format == "@"
        assert cell.value == name and cell.data_type == "s"  # 'f' would be a live formula
        assert rate.value == pytest.approx(0.923) and rate.number_format == "0.0%"
        assert day.is_date and day.value.date() == dt.date(2026, 3, 1) and day.number_format == "yyyy-mm-dd"
        assert n.value == 7 and n.data_type == "n"


def test_the_written_xml_has_no_formula(tmp_path):
    import zipfile
    path = tmp_path / "t.xlsx"
    write_xlsx(path, [Sheet("s", ["名称"], [[e] for e in EVIL])])
    xml = zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml and "<f " not in xml


@pytest.mark.parametrize("title", [None, "2026年度 抽查结果公示"])
def test_header_frozen_and_filtered_below_a_title(tmp_path, title):
    path = tmp_path / "t.xlsx"
    write_xlsx(path, [Sheet("s", ["甲", "乙", "丙"], [[1, 2, 3], [4, 5, 6]], title=title)])
    ws = _sheet(path)
    header = 1 if title is None else 2
    assert ws.freeze_panes == f"A{header + 1}"
    assert ws.auto_filter.ref == f"A{header}:C{header + 2}"
    assert [c.value for c in ws[header]] == ["甲", "乙", "丙"]
    if title:
        assert ws["A1"].value == title


def test_widths_follow_content_with_cjk_counting_double_and_a_cap(tmp_path):
    path = tmp_path / "t.xlsx"
    write_xlsx(path, [Sheet("s", ["a", "b", "c"], [["x" * 20, "中" * 20, "y" * 500]])])
    dims = _sheet(path).column_dimensions
    assert display_width("中文ab") == 6
    assert dims["B"].width > dims["A"].width >= 20
    assert dims["C"].width <= 60


def test_several_sheets_each_with_title(tmp_path):
    path = tmp_path / "t.xlsx"
    write_xlsx(path, [Sheet("按部门", ["x"], [[1]], title="T"), Sheet("按镇街", ["x"], [[2], [3]], title="T")])
    book = load_workbook(path)
    assert book.sheetnames == ["按部门", "按镇街"]
    assert book["按镇街"].auto_filter.ref == "A2:A4" and book["按镇街"].freeze_panes == "A3"


def test_csv_neutralises_formulas_and_keeps_codes(tmp_path):
    path = tmp_path / "t.csv"
    write_csv(path, ["代码", "名称", "率", "日期"],
              [["0330782", e, Percent(0.5), dt.date(2026, 1, 2)] for e in EVIL] + [["1", "普通", None, None]])
    with open(path, encoding="utf-8-sig", newline="") as fh:
        header, *rows = list(csv.reader(fh))
    assert header == ["代码", "名称", "率", "日期"]
    for row, e in zip(rows, EVIL):
        assert row == ["0330782", "'" + e, "50.0%", "2026-01-02"]
    assert rows[-1] == ["1", "普通", "", ""]
    assert csv_safe("普通") == "普通" and csv_safe(-1) == -1


def _broken_rows():
    yield [1]
    raise RuntimeError("source broke")


def test_a_failed_write_leaves_nothing(tmp_path):
    with pytest.raises(RuntimeError):
        write_xlsx(tmp_path / "t.xlsx", [Sheet("s", ["x"], _broken_rows())])
    with pytest.raises(RuntimeError):
        write_csv(tmp_path / "t.csv", ["x"], _broken_rows())
    assert not list(tmp_path.iterdir())


def test_control_characters_from_imported_data_do_not_break_the_file(tmp_path):
    path = tmp_path / "t.xlsx"
    write_xlsx(path, [Sheet("s", ["名称"], [["义乌\x07小商品\x1f店"]])])
    assert _sheet(path)["A2"].value == "义乌小商品店"


def test_percent_reads_as_a_percentage():
    assert str(Percent(0.9234)) == "92.3%" and float(Percent(0.5)) == 0.5
