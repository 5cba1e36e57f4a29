"""What a click asks for: the rows behind one node or one edge, read with SQL conditions on
just that node's (or edge's) departments, towns and villages instead of the whole period.

A :class:`Focus` turns node keys into SQL conditions per source of rows. The conditions may
let through a few rows too many (e.g. a clue assigned to a department that was not the first
to get it); :func:`core.collab.graph.items_behind` then keeps exactly the rows whose source and
target match, so the answer is the same as filtering every row of the period.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy import and_, false, or_, select, true

from core.db.models import Clue, ClueEvent, MarketEntity, Village

PLACE_KINDS = ("clue_routing", "grid_handover", "commitment")  # the kinds whose source is a town or village


@dataclass(frozen=True)
class Focus:
    """A node (``edge`` None) or an edge ``(source, target)`` whose rows are read."""

    node: str | None = None
    edge: tuple[str, str] | None = None

    def kinds(self, kinds: Sequence[str]) -> tuple[str, ...]:
        """The ``kinds`` that can have rows touching the focus (a town meets no transfer)."""
        keys = (self.node,) if self.node is not None else tuple(self.edge or ())
        out = tuple(kinds)
        if any(_prefix(k) in ("town", "village") for k in keys):
            out = tuple(k for k in out if k in PLACE_KINDS)
        if any(_prefix(k) == "queue" for k in keys):
            out = tuple(k for k in out if k == "push")
        if self.edge is not None and _prefix(self.edge[0]) == "dept":
            out = tuple(k for k in out if k not in PLACE_KINDS)
        return out

    def condition(self, source: Callable[[str], object], target: Callable[[str], object]):
        """The SQL condition of the rows touching the focus, given how a row's ``source`` and
        ``target`` match a node key (a condition, or None: not expressible, let it through)."""
        def expr(c):
            return true() if c is None else c

        if self.edge is not None:
            return and_(expr(source(self.edge[0])), expr(target(self.edge[1])))
        return or_(expr(source(self.node)), expr(target(self.node)))


def _prefix(key: str) -> str:
    return key.split(":", 1)[0]


def _value(key: str, prefix: str) -> str | None:
    head, _, value = key.partition(":")
    return value if head == prefix else None


def dept_of(key: str) -> int | None:
    """The department id of a ``dept:<id>`` key, else None."""
    value = _value(key, "dept")
    return int(value) if value not in (None, "", "none") else None


def matches_dept(column, key: str):
    """``column`` (a department id) matches ``key``: false for a key that is no department."""
    d = dept_of(key)
    return column == d if d is not None else false()


def clue_place(key: str, villages: bool):
    """Clues whose place (their village's town, else their entity's) can be ``key``."""
    prefix = "village" if villages else "town"
    code = _value(key, prefix)
    if code is None:
        return false()
    if villages:
        return or_(Clue.source_village_code == code,
                   Clue.entity_id.in_(select(MarketEntity.id).where(MarketEntity.village_code == code)))
    return or_(Clue.source_village_code.in_(select(Village.code).where(Village.town_code == code)),
               Clue.entity_id.in_(select(MarketEntity.id).where(MarketEntity.town_code == code)))


def clue_dept(key: str, states: Sequence[str] | None = None):
    """Clues with an event naming the department ``key`` (in one of ``states`` when given)."""
    d = dept_of(key)
    if d is None:
        return false()
    events = select(ClueEvent.clue_id).where(ClueEvent.department_id == d)
    if states:
        events = events.where(ClueEvent.to_state.in_(tuple(states)))
    return Clue.id.in_(events)
