"""Hand-made wall figures (real dataclasses, invented numbers) for the scene tests."""
from __future__ import annotations

import datetime as dt

from core.reference import load_profile
from core.services.wall import Fact, PushedItem, PushedView
from core.services.wall_figures import (
    CityOverview,
    DrawSummary,
    FeedEvent,
    RankRow,
    TownFigure,
    TrendPoint,
    WallFigures,
)

NOW = dt.datetime(2026, 11, 20, 6, 30, tzinfo=dt.timezone.utc)
TODAY = dt.date(2026, 11, 20)
TOWNS = tuple((t.code, t.name_zh, t.name_en, t.lng, t.lat) for t in load_profile("yiwu").towns)


def push(push_id: int, view: dict, title: str = "佛堂镇逾期线索") -> PushedView:
    return PushedView(push_id, NOW + dt.timedelta(minutes=push_id), "leader", "map", title, view)


def figures(*, overdue: int = 4321, draw: DrawSummary | None = None, pushes: int = 3,
            scale: int = 1) -> WallFigures:
    towns = tuple(TownFigure(code, zh, en, 10000 * (i + 1) * scale, 40 * (i + 2) * scale, (i * 37 % 90 + 1) * scale,
                             lon, lat) for i, (code, zh, en, lon, lat) in enumerate(TOWNS))
    departments = tuple(RankRow(str(i), zh, en, (9 - i) * 31 * scale, 100 + i, 0.9 - i * 0.03)
                        for i, (zh, en) in enumerate((("市场监管局", "Market Regulation"), ("卫健局", "Health"),
                                                      ("应急管理局", "Emergency Management"), ("消防救援大队", "Fire Brigade"),
                                                      ("商务局", "Commerce"), ("税务局", "Taxation"))))
    ranking = tuple(sorted((RankRow(t.code, t.name_zh, t.name_en, t.overdue, t.open_clues, 0.8) for t in towns),
                           key=lambda r: -r.overdue))
    trend = tuple(TrendPoint(TODAY - dt.timedelta(days=29 - d), 40 + (d * 7) % 23, 35 + (d * 5) % 19, 200 + d * 3)
                  for d in range(30))
    feed = tuple(FeedEvent(NOW - dt.timedelta(minutes=3 * i), "clue.open", f"新线索 XS-2026-{1000 + i} · 稠城街道",
                           f"New clue XS-2026-{1000 + i} · Choucheng", "clue", 1000 + i, "330782001")
                 for i in range(20))
    history = tuple(push(n, {"kind": "map", "town": "330782005"}, f"推送 {n}") for n in range(pushes, 0, -1))
    overview = CityOverview(1_203_456, 5_678, 0.9312, overdue, 0.8765, 42, 2, NOW, "义乌市", "Yiwu")
    return WallFigures(overview, towns, departments, ranking, trend, feed, history[0] if history else None,
                       history, draw, TODAY)


def a_draw(status: str = "locked") -> DrawSummary:
    return DrawSummary(7, "第 11 批", "2026 年食品经营双随机", 2026, status, "市场监管局", "Market Regulation", 3,
                       dt.date(2026, 11, 23), dt.date(2026, 12, 18), 12_345, 0 if status == "locked" else 120,
                       NOW, None)


def entity_item(push_id: int = 50) -> PushedItem:
    pushed = push(push_id, {"kind": "entity", "entity_id": 12}, "重点关注主体")
    return PushedItem(pushed, "entity", 12, "义乌市鑫源饰品有限公司", "Yiwu Xinyuan Accessories Co., Ltd.",
                      (Fact("统一社会信用代码", "USCC", "91330782MA2ABCDE1X", "91330782MA2ABCDE1X"),
                       Fact("所在镇街", "Town", "稠城街道", "Choucheng")))
