"""PDFs people can search and copy: the text layer of a public notice, a panorama and an
efficiency report says what the pages show (门 not ⻔, every digit of a credit code, the
whole pool hash), and a long notice repeats its header row on every page."""
from __future__ import annotations

import dataclasses
import re

import pytest
from pypdf import PdfReader

from core.services import draws
from core.services import efficiency as efficiency_service
from core.services.panorama import load_panorama
from desktop.draws import exports
from desktop.efficiency.report import write_report
from desktop.entities.panorama_pdf import write_panorama_pdf
from desktop.i18n import install_language
from desktop.pdf_text_layer import FontTwins, name_shared_glyphs, parse_to_unicode, to_unicode_cmap

from ...core.services_draws.helpers import WINDOW, dept, matters, plan
from ..test_entities_support import AS_OF, entities_db, entities_template, sql  # noqa: F401 - fixtures

FONT = "Noto Sans CJK SC"
RADICALS = re.compile("[\u2e80-\u2eff\u2f00-\u2fdf]")  # CJK radicals supplement, Kangxi radicals


def _pages(path) -> list[str]:
    return [page.extract_text() for page in PdfReader(str(path)).pages]


def _drawn_batch(db, name: str) -> int:
    """A drawn batch of the busiest town at the local table's highest ratios (several pages)."""
    from core.draws import commit, new_seed

    (town,) = sql(db, "SELECT town_code FROM market_entities WHERE status = 'active' GROUP BY town_code "
                      "ORDER BY count(*) DESC LIMIT 1")[0]

    batch_id = draws.create_batch(
        db, "planner", plan(db), name=name, lead_department_id=dept(db, "SCJG"),
        window_start=WINDOW[0], window_end=WINDOW[1],
        departments=[(dept(db, "SCJG"), 2, matters(db, "SCJG", 2)), (dept(db, "WJJ"), 2, matters(db, "WJJ"))],
        pool_filter={"statuses": ["active"], "town_codes": [town]},
        sampling={"ratios": {"A": 0.05, "B": 0.2, "C": 0.6, "D": 1.0}})
    seed = new_seed()
    draws.lock_batch(db, "planner", batch_id, randomness_kind="seed", seed_commitment=commit(seed))
    draws.draw_batch(db, "planner", batch_id, seed=seed)
    return batch_id


@pytest.mark.parametrize("console_lang", ["zh_CN", "en"])
def test_a_notice_pdf_can_be_searched_for_every_code_the_pool_hash_and_its_title(console_app, entities_db, tmp_path,
                                                                                 console_lang):  # noqa: F811
    # The console's language is the text shaper's: in English, Noto Sans CJK's locl swaps the digits of a code.
    install_language(console_app, console_lang)
    batch_id = _drawn_batch(entities_db, "北门食品展示区专项抽查")
    path = exports.write_notice(entities_db, batch_id, tmp_path / "公示.pdf", lang="zh_CN", with_results=False,
                                font_family=FONT)
    pages = _pages(path)
    text = "\n".join(pages)
    rows = draws.notice_rows(entities_db, batch_id)
    assert len(rows) >= 40 and len(pages) >= 2
    missing = [r.uscc for r in rows if r.uscc not in text]
    assert not missing, f"{len(missing)} of {len(rows)} credit codes not in the text, e.g. {missing[:3]}"
    detail = draws.batch_detail(entities_db, batch_id)
    assert detail.pool_hash in text
    # pypdf's plain mode starts a line at each Chinese/Latin run (Qt prints runs apart); by position
    # the record digest is one piece too, wherever its digits and letters meet.
    laid_out = "\n".join(page.extract_text(extraction_mode="layout") for page in PdfReader(str(path)).pages)
    assert detail.record_digest in laid_out
    title = draws.notice_title(entities_db, batch_id, lang="zh_CN")
    assert "北门食品展示区" in title and title in text
    assert not RADICALS.findall(text)
    assert "检查部门" in text and "食品" in text  # 门 and 食 as the unified ideographs
    # Page 2 opens with the table's header row, then rows.
    headers = draws.notice_headers("zh_CN", False)
    at = [pages[1].find(h) for h in headers]
    assert -1 not in at and at == sorted(at), (headers, pages[1][:200])
    first_code = min(pages[1].find(r.uscc) for r in rows if r.uscc in pages[1])
    assert at[-1] < first_code


def test_the_panorama_and_the_efficiency_report_keep_their_chinese(console_app, entities_db,
                                                                  tmp_path):  # noqa: F811
    (entity_id,) = sql(entities_db, "SELECT id FROM market_entities ORDER BY id LIMIT 1")[0]
    panorama = load_panorama(entities_db, entity_id)
    panorama = dataclasses.replace(panorama, header=dataclasses.replace(panorama.header, name="西门食品展示店"))
    path = write_panorama_pdf(tmp_path / "全景.pdf", panorama, None, "zh_CN", show_risk=False,
                              today=AS_OF, font_family=FONT)
    text = "\n".join(_pages(path))
    assert "西门食品展示店" in text and panorama.header.uscc in text
    assert not RADICALS.findall(text)

    data = efficiency_service.load_efficiency(entities_db, AS_OF)
    title = "部门时限效能报告（示例）"
    path = write_report(tmp_path / "效能.pdf", data, title, None, None, "zh_CN", FONT)
    text = "\n".join(_pages(path))
    assert title in text and "按部门" in text
    assert not RADICALS.findall(text)


def test_to_unicode_maps_read_and_write_both_forms():
    cmap = (b"2 beginbfrange\n<0001> <0003> [<2ED4> <0009> <0031>]\n<0010> <0011> <0041>\nendbfrange\n"
            b"1 beginbfchar\n<0020> <D840DC00>\nendbfchar\n")
    mapping = parse_to_unicode(cmap)
    assert mapping == {1: "\u2ed4", 2: "\t", 3: "1", 16: "A", 17: "B", 32: "\U00020000"}
    assert parse_to_unicode(to_unicode_cmap(mapping)) == mapping


def test_shared_glyphs_are_named_by_the_ordinary_character(console_app):
    from PySide6.QtGui import QFont, QRawFont

    twins = FontTwins(QRawFont.fromFont(QFont(FONT)))
    named = name_shared_glyphs({1: "\u2ed4", 2: "\u2f70", 3: "\t", 4: "\ufb00", 5: "A", 6: "\u95e8"}, twins)
    assert named == {1: "门", 2: "示", 3: " ", 4: "ff", 5: "A", 6: "门"}


def test_a_hash_in_running_text_is_never_cut_even_on_a_narrow_line(console_app):
    from desktop.pdf import pdf_document

    digest = "028137f07c1a54abd477f2b7f8ab595d8e0490cddc8f2289e16ef6a2cdbd81b8"
    document = pdf_document(f"<p>名录哈希值（SHA-256）：{digest}；统一社会信用代码 91330782MA0G9EH38L。</p>", FONT)
    document.setTextWidth(120)  # narrower than the hash
    document.size()
    block = document.begin()
    layout = block.layout()
    lines = [block.text()[layout.lineAt(i).textStart():][:layout.lineAt(i).textLength()]
             for i in range(layout.lineCount())]
    assert len(lines) > 2 and any(digest in line for line in lines), lines
    assert any("91330782MA0G9EH38L" in line for line in lines), lines


def test_codes_keep_to_one_line_and_headers_repeat():
    from desktop.pdf import table_html

    html = table_html(["代码", "名称"], [["91330782MA1D16Y8AG", "义乌市某某商行"]])
    assert "<thead><tr><th>代码</th><th>名称</th></tr></thead>" in html
    assert "<td style='white-space:nowrap'>91330782MA1D16Y8AG</td>" in html
    assert "<td>义乌市某某商行</td>" in html

