"""Bring loaded clocks up to date after a few changes, reading only the rows that changed.

A clue step, a case decision or a push claim changes one clock; re-reading all 270,000 of a
city for it costs the server seconds. :func:`refresh` re-reads the clocks of the named clues,
cases, pushes, commitments (their verifications), inspection tasks (their task and results
clocks), draw batches (their tasks) and entities (every clock about them), drops rows that
are gone (a cancelled task) and returns arrays equal to a full :func:`~core.deadlines.load_items`
in the same order. :func:`refresh_changes` does the same for a
:class:`core.live.changes.ChangeSet`; it returns None when the set asks for more than a refresh
can do (``everything``, new reference data): load all instead.
"""
from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from sqlalchemy import select

from core.db.models import CommitmentVerification, InspectionTask

from .items import DeadlineItems, complete, from_parts, in_order, read_rows
from .kinds import Kind
from .sources import id_in, sources

CHUNK = 5_000  # item ids per query


def _ids(values: Iterable[int] | None) -> set[int]:
    return {int(v) for v in values or ()}


def _lookup(db, column, where_column, ids: set[int]) -> set[int]:
    """Values of ``column`` on rows whose ``where_column`` is one of ``ids``."""
    if not ids:
        return set()
    with db.engine.connect() as conn:
        return set(conn.execute(select(column).where(id_in(where_column, sorted(ids), conn.dialect.name))).scalars())


def refresh(db, items: DeadlineItems, *, clue_ids: Iterable[int] = (), case_ids: Iterable[int] = (),
            push_ids: Iterable[int] = (), commitment_ids: Iterable[int] = (), inspection_ids: Iterable[int] = (),
            batch_ids: Iterable[int] = (), entity_ids: Iterable[int] = (), calendar=None, policy=None,
            ) -> DeadlineItems:
    """``items`` with the clocks of the named rows read again (see the module docstring).

    ``commitment_ids`` are commitments (the services audit the commitment) or verifications,
    ``inspection_ids`` inspection tasks. Due days are completed with ``calendar`` and ``policy`` as a load does.
    """
    wanted: dict[Kind, set[int]] = {
        Kind.CLUE_HANDLING: _ids(clue_ids),
        Kind.PUSH_CLAIM: _ids(push_ids),
        # Either id may be meant (services audit the commitment; a verification id names itself):
        # re-reading a clock that did not change costs a row, missing one would keep it wrong.
        Kind.COMMITMENT_VERIFICATION: _ids(commitment_ids) | _lookup(
            db, CommitmentVerification.id, CommitmentVerification.commitment_id, _ids(commitment_ids)),
        Kind.INSPECTION_TASK: _ids(inspection_ids) | _lookup(db, InspectionTask.id, InspectionTask.batch_id,
                                                             _ids(batch_ids)),
        Kind.RESULTS_PUBLICATION: set(),
        Kind.CASE_DECISION: _ids(case_ids),
    }
    wanted[Kind.RESULTS_PUBLICATION] |= wanted[Kind.INSPECTION_TASK]  # a result's clock has its task's id
    entities = _ids(entity_ids)
    if entities:
        about = np.isin(items.entity, np.fromiter(entities, dtype=np.int64, count=len(entities)))
        for kind, item_id in zip(items.kind[about].tolist(), items.item_id[about].tolist()):
            wanted[Kind(kind)].add(item_id)
    if not any(wanted.values()):
        return items
    index = {c: i for i, c in enumerate(items.town_codes)}
    parts = []
    for src in sources():
        ids = sorted(wanted[src.kind])
        for start in range(0, len(ids), CHUNK):
            stmt = src.subset(ids[start:start + CHUNK], db.dialect)
            parts.extend(read_rows(db, src, stmt, index))
    stale = np.zeros(len(items), dtype=bool)
    for kind, ids in wanted.items():
        if ids:
            stale |= (items.kind == int(kind)) & np.isin(items.item_id, np.fromiter(ids, dtype=np.int64, count=len(ids)))
    fresh = complete(from_parts(parts, items.town_codes), calendar, policy)
    return in_order(DeadlineItems.concat([items.take(~stale), fresh]))


def refresh_changes(db, items: DeadlineItems, changes, *, calendar=None, policy=None) -> DeadlineItems | None:
    """``items`` after ``changes`` (a ChangeSet, or anything with its fields); None when the
    changes need a full load (``everything``, or the reference data changed)."""
    if getattr(changes, "everything", False) or "reference" in (getattr(changes, "settings", None) or ()):
        return None
    return refresh(db, items, clue_ids=changes.clues, case_ids=changes.cases, push_ids=changes.pushes,
                   commitment_ids=changes.commitments, inspection_ids=changes.inspections,
                   batch_ids=changes.batches, entity_ids=changes.entities, calendar=calendar, policy=policy)


__all__ = ["refresh", "refresh_changes"]
