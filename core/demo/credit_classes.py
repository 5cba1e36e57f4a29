"""The demo city's credit classes come from the rules, as a real city's do.

After the city is written, abnormal listings three years old move to the serious-violation
list (企业信息公示暂行条例) and every entity is scored with the built-in rule set
(core.credit): the classes the draws sample by and the map colours are the rule set's, and
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
    """Apply the list transitions due by the demo's day, then score the city; returns the
    number of entities per class, A to D."""
    with clock_from(spec.history_end.astimezone(dt.timezone.utc) + dt.timedelta(minutes=25)):
        apply_transitions(db, ACTOR, as_of=spec.as_of)
        result = score_city(db, ACTOR, as_of=spec.as_of)
    return [int((result.classes == c).sum()) for c in range(4)]
