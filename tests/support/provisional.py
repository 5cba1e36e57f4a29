"""A calendar on which 2027 is official: the administrator's 2027.json written (the dates of
the views then carry no provisional marker)."""
from __future__ import annotations

import json
from pathlib import Path

from core.workdays import WorkdayCalendar

SCHEDULE_2027 = {
    "year": 2027, "source": "test schedule",
    "holidays": [{"name": "元旦", "days": ["2027-01-01"]},
                 {"name": "春节", "days": ["2027-02-05", "2027-02-08", "2027-02-09", "2027-02-10"]},
                 {"name": "劳动节", "days": ["2027-05-03", "2027-05-04"]},
                 {"name": "国庆节", "days": ["2027-10-01", "2027-10-04", "2027-10-05"]}],
    "workdays": [],
}


def official_2027_calendar(folder: Path) -> WorkdayCalendar:
    """A calendar reading ``folder``, where a 2027 schedule file is written."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "2027.json").write_text(json.dumps(SCHEDULE_2027, ensure_ascii=False), encoding="utf-8")
    return WorkdayCalendar([folder])


def make_2027_official(monkeypatch, folder: Path) -> WorkdayCalendar:
    """Every desktop view marks dates with this calendar, on which 2027 is official."""
    import desktop.provisional

    cal = official_2027_calendar(folder)
    monkeypatch.setattr(desktop.provisional, "calendar", lambda: cal)
    return cal
