"""The items behind what the views list: a flow band's clues, and what opens an item that
has no page of its own. Read-only; the desktop runs them in its worker (services.tasks)."""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import numpy as np

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.db.database import Database
from core.db.models import Clue, Commitment, InspectionTask, MarketEntity, NotificationPush

from .graph import CollabItem

CHUNK = 500
ITEM_LIMIT = 500


def clue_items(db: Database, clue_ids: Sequence[int], limit: int = ITEM_LIMIT) -> list[CollabItem]:
    """The clues ``clue_ids`` (the first ``limit``) as items that open: reference and entity
    (or description) as the label, newest first."""
    ids = list(clue_ids)[:limit]
    if not ids:
        return []
    rows = []
    with db.sessions() as s:
        for start in range(0, len(ids), CHUNK):
            rows += s.execute(select(Clue.id, Clue.ref_no, Clue.received_at, MarketEntity.name, Clue.description)
                              .outerjoin(MarketEntity, MarketEntity.id == Clue.entity_id)
                              .where(Clue.id.in_(ids[start:start + CHUNK]))).all()
    rows.sort(key=lambda r: (r[2] is not None, r[2], r[0]), reverse=True)
    return [CollabItem("clue", "clue", cid, f"{ref} {(name or description or '')[:40]}".strip(),
                       at.date() if at else None) for cid, ref, at, name, description in rows]


def open_targets(db: Database, items: Sequence[CollabItem]) -> dict[tuple[str, int], tuple[str, int]]:
    """``(object_type, object_id) -> (object_type, object_id)`` to open instead, for the items
    whose own kind has no page: an inspection visit opens its draw batch (outside any batch,
    its entity); a double-notification push and a commitment open the entity they concern."""
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


def label_items(s: Session, rows, idx: np.ndarray) -> list[CollabItem]:
    """The items of ``rows`` at ``idx``, in that order, with a label each."""
    labels: dict[tuple[str, int], str] = {}
    for otype in set(rows.object_type[idx].tolist()):
        ids = sorted({int(i) for i in rows.object_id[idx][rows.object_type[idx] == otype]})
        for chunk in range(0, len(ids), 500):
            part = ids[chunk:chunk + 500]
            if otype == "clue":
                stmt = select(Clue.id, Clue.ref_no, Clue.description).where(Clue.id.in_(part))
                labels.update({("clue", i): f"{ref} {text[:40]}" for i, ref, text in s.execute(stmt)})
            elif otype == "inspection_task":
                stmt = (select(InspectionTask.id, MarketEntity.name).join(
                    MarketEntity, MarketEntity.id == InspectionTask.entity_id).where(InspectionTask.id.in_(part)))
                labels.update({(otype, i): name for i, name in s.execute(stmt)})
            elif otype == "push":
                stmt = (select(NotificationPush.id, NotificationPush.permit_name, MarketEntity.name).join(
                    MarketEntity, MarketEntity.id == NotificationPush.entity_id).where(NotificationPush.id.in_(part)))
                labels.update({(otype, i): f"{permit} · {name}" for i, permit, name in s.execute(stmt)})
            elif otype == "commitment":
                stmt = (select(Commitment.id, Commitment.matter_name, MarketEntity.name).join(
                    MarketEntity, MarketEntity.id == Commitment.entity_id).where(Commitment.id.in_(part)))
                labels.update({(otype, i): f"{matter} · {name}" for i, matter, name in s.execute(stmt)})
    out = []
    for i in idx.tolist():
        otype, oid = str(rows.object_type[i]), int(rows.object_id[i])
        at = rows.at[i]
        out.append(CollabItem(str(rows.kind[i]), otype, oid, labels.get((otype, oid), f"#{oid}"),
                              None if np.isnat(at) else at.astype(dt.date), str(rows.source[i]),
                              str(rows.target[i])))
    return out
