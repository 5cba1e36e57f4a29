"""The public notice says by when results are published; a date counted across a year whose
holiday schedule is not published (2027 here) is marked provisional in the lead, and the
footer gives the reason and the schedule file that would make it official."""
import datetime as dt

import pytest

from core.services import draws
from core.workdays import WorkdayCalendar, YearSource, explain_provisional

from ...support.provisional import official_2027_calendar
from .helpers import batch, lock_and_draw, plan

needs_2027_unknown = pytest.mark.skipif(WorkdayCalendar().source_of(2027) is not YearSource.PROVISIONAL,
                                        reason="2027 is official on this machine")
MARK = {"zh_CN": "（暂定）", "en": " (provisional)"}


@needs_2027_unknown
@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_a_results_date_in_2027_is_marked_and_the_footer_says_why(demo_db, lang):
    b = batch(demo_db, plan(demo_db))  # window in spring 2027
    lock_and_draw(demo_db, b)
    due = draws.batch_detail(demo_db, b).results_due
    cal = WorkdayCalendar()
    note = explain_provisional(cal.add_working_days(draws.batch_detail(demo_db, b).window_end, 20), cal)
    lead = draws.notice_lead(demo_db, b, lang=lang, calendar=cal)
    footer = draws.notice_footer(demo_db, b, lang=lang, calendar=cal)
    assert f"{due.isoformat()}{MARK[lang]}" in lead
    assert note.text(lang) in footer and "2027.json" in footer
    assert ("检查结果于" if lang == "zh_CN" else "results published by") in lead


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_with_the_2027_schedule_file_the_same_date_is_official(demo_db, lang, tmp_path):
    b = batch(demo_db, plan(demo_db))
    lock_and_draw(demo_db, b)
    cal = official_2027_calendar(tmp_path / "calendar")
    lead = draws.notice_lead(demo_db, b, lang=lang, calendar=cal)
    footer = draws.notice_footer(demo_db, b, lang=lang, calendar=cal)
    assert draws.batch_detail(demo_db, b).results_due.isoformat() in lead
    assert MARK[lang].strip() not in lead and "2027.json" not in footer and "暂定" not in footer


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_a_batch_of_2026_has_official_dates(demo_db, lang):
    b = batch(demo_db, plan(demo_db, year=2026), window=(dt.date(2026, 3, 2), dt.date(2026, 4, 30)))
    lock_and_draw(demo_db, b)
    lead, footer = draws.notice_lead(demo_db, b, lang=lang), draws.notice_footer(demo_db, b, lang=lang)
    assert draws.batch_detail(demo_db, b).results_due.isoformat() in lead
    assert MARK[lang].strip() not in lead and "暂定" not in footer and "provisional" not in footer
