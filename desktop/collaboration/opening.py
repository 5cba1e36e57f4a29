"""What opens an item that has no page of its own: an inspection visit opens its draw batch
(or, outside any batch, its entity); a double-notification push and a commitment open the
entity they concern. Worked out in the worker that lists the items (one query per kind)."""
from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select

from core.db.models import Commitment, InspectionTask, NotificationPush

CHUNK = 500


def open_targets(db, items: Sequence) -> dict[tuple[str, int], tuple[str, int]]:
    """``(object_type, object_id) -> (object_type, object_id)`` to open instead, for the
    items whose own kind the navigator does not open."""
    wanted: dict[str, set[int]] = {}
    for item in items:
        if item.object_type in ("inspection_task", "push", "commitment"):
            wanted.setdefault(item.object_type, set()).add(item.object_id)
    if not wanted:
        return {}
    targets: dict[tuple[str, int], tuple[str, int]] = {}
    with db.sessions() as s:
        for otype, ids in wanted.items():
            ordered = sorted(ids)
            for start in range(0, len(ordered), CHUNK):
                part = ordered[start:start + CHUNK]
                if otype == "inspection_task":
                    rows = s.execute(select(InspectionTask.id, InspectionTask.batch_id, InspectionTask.entity_id)
                                     .where(InspectionTask.id.in_(part)))
                    targets.update({(otype, i): ("draw_batch", batch) if batch is not None else ("entity", entity)
                                    for i, batch, entity in rows})
                else:
                    model = NotificationPush if otype == "push" else Commitment
                    rows = s.execute(select(model.id, model.entity_id).where(model.id.in_(part)))
                    targets.update({(otype, i): ("entity", entity) for i, entity in rows})
    return targets
