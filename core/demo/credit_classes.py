"""The demo city's credit classes come from the rules, as a real city's do.

After the city is written, every entity is scored with the built-in rule set (core.credit)
and abnormal listings three years old move to the serious-violation list (企业信息公示暂行条例):
the classes the draws sample by and the map colours are the rule set's, and
the panorama's "why" explains exactly the class shown. Both run on the demo's clock, just
after its history ends, as the demo's system account.
"""
from __future__ import annotations

import datetime as dt

from core.credit.city import score_city
from core.credit.lists import apply_transitions
from core.db.database import Database
from core.db.models.base import clock_from

from .people import DEMO_SYSTEM_ACCOUNT
from .spec import DemoSpec

ACTOR = DEMO_SYSTEM_ACCOUNT[0]


def score_demo_city(db: Database, spec: DemoSpec) -> list[int]:
    """Score the city (which first turns the timeline's credit facts into credit records), then
    apply the list transitions due by the demo's day (which rescores the entities moved);
    returns the number of entities per class, A to D."""
    with clock_from(spec.history_end.astimezone(dt.timezone.utc) + dt.timedelta(minutes=25)):
        score_city(db, ACTOR, as_of=spec.as_of)
        apply_transitions(db, ACTOR, as_of=spec.as_of)
    with db.engine.connect() as conn:
        counts = dict(conn.exec_driver_sql("SELECT risk_class, COUNT(*) FROM market_entities GROUP BY 1").all())
    return [int(counts.get(c, 0)) for c in "ABCD"]
