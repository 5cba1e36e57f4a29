"""Joint-plan suggestions (进一次门、查多项事): departments whose separate visits fall on the
same entities, how many visits one joint batch would save, and the draft batch made in one click.
"""
from __future__ import annotations

from dataclasses import dataclass

from core.db.database import Database

MIN_SHARED = 3  # entities two departments must both have visited separately to be suggested


@dataclass(frozen=True)
class JointSuggestion:
    """Departments (lead first) that visited ``entity_ids`` separately in ``year``.

    ``visits_now`` the separate visits they made there, ``visits_joint`` one joint visit per
    entity, ``visits_saved`` the difference. ``draft_batch_ids`` next year's draft batches of
    these departments (single-department ones that a joint batch could replace).
    """

    department_ids: tuple[int, ...]
    entity_ids: tuple[int, ...]
    visits_now: int
    visits_joint: int
    visits_saved: int
    shared_matters: tuple[str, ...]           # matter codes inspected there
    year: int = 0
    matter_ids: tuple[tuple[int, tuple[int, ...]], ...] = ()   # (department id, its matter ids)
    draft_batch_ids: tuple[int, ...] = ()


def suggest_joint(db: Database, year: int, *, min_shared: int = MIN_SHARED,
                  viewer: object | None = None) -> list[JointSuggestion]:
    """Suggestions from ``year``'s inspection history and year + 1's draft batches, most
    visits saved first."""
    raise NotImplementedError


def create_joint_draft(db: Database, actor: str, suggestion: JointSuggestion, *, name: str | None = None) -> int:
    """A draft joint batch for ``suggestion`` in a plan of year + 1 (made if none), through the
    draw services (rights-checked: ``draw.plan``; audited). Returns the batch id."""
    raise NotImplementedError
