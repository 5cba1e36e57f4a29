"""What the panorama's credit section shows to one viewer, in one call (frozen data for the UI).

A viewer with ``risk.read`` sees the class and why (the explanation); every viewer sees
the entity's credit records (public facts), the linked serious-violation listings and the
joint measures of its own department (a center user: of every department). A department
user never receives the score, the weights or the class. ``repairable`` names the records
the viewer may repair (信用修复), so the UI offers the action without asking again.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from core.db.database import Database
from core.db.models.base import utcnow
from core.rights import Principal, resolve

from .joint import MeasuresFor, measures_for
from .kinds import HONOUR
from .records import Explanation, LinkedListing, WeightedRecord, explain


@dataclass(frozen=True)
class CreditPanel:
    entity_id: int
    records: tuple[WeightedRecord, ...]
    explanation: Explanation | None      # None: the viewer may not see classes
    linked: tuple[LinkedListing, ...]
    linked_total: int
    measures: MeasuresFor
    repairable: frozenset[int] = frozenset()   # records the viewer may repair now (信用修复)

    def may_repair(self, record_id: int) -> bool:
        """Whether the viewer may repair record ``record_id`` now (the core checks again)."""
        return record_id in self.repairable


def credit_panel(db: Database, entity_id: int, viewer: str | None, as_of: dt.date | None = None) -> CreditPanel:
    """The credit section of ``entity_id``'s panorama as ``viewer`` may see it (None: inside the core)."""
    day = as_of or utcnow().date()
    principal = None
    if viewer:
        with db.sessions() as s:
            principal = resolve(s, viewer)
    sees = principal is None or principal.sees_risk
    e = explain(db, entity_id, day)
    measures = measures_for(db, entity_id, principal.department_id if principal else None, day)
    return CreditPanel(entity_id, e.records, e if sees else None, e.linked, e.linked_total, measures,
                       _repairable(e.records, principal))


def _repairable(records: tuple[WeightedRecord, ...], principal: Principal | None) -> frozenset[int]:
    """The records ``principal`` may repair: in force, not repaired, not an honour, and in its scope of
    ``credit.repair`` (the leader: all; a department user: its own department's). No viewer: none."""
    if principal is None:
        return frozenset()
    return frozenset(w.record.id for w in records
                     if w.in_force and w.record.repaired_on is None and w.record.kind != HONOUR
                     and principal.may("credit.repair", department_id=w.record.department_id))
