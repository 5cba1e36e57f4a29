"""Every clock saved beside the user's cache, so the efficiency monitor opens at once.

The snapshot is valid while the data it came from is unchanged: every change to a clock
goes through an audited service, so the newest audit entry (with the schema revision and
the policy) stamps it. A stale snapshot is still shown while a fresh load runs (the
console says so); a missing, corrupt or foreign file is simply ignored.
"""
from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path

import numpy as np
from sqlalchemy import func, select

from core.db.models import (
    AuditEntry,
    Case,
    Clue,
    CommitmentVerification,
    DrawRecord,
    InspectionTask,
    NotificationPush,
)

from .items import _DTYPES, DeadlineItems

FORMAT = 1
_log = logging.getLogger(__name__)


_TABLES = (AuditEntry, Clue, NotificationPush, CommitmentVerification, InspectionTask, Case, DrawRecord)


def data_stamp(db, policy_key: str = "") -> str:
    """What the clocks were computed from: the newest row and row count of the audit log and
    of every table a clock comes from (a rebuilt database differs), schema revision, policy."""
    from core.db.migrate import head_revision

    with db.sessions() as s:
        parts = [s.execute(select(func.count(), func.max(t.id))).one() for t in _TABLES]
    return f"{FORMAT}:{parts}:{head_revision()}:{policy_key}"


def snapshot_path(db, folder: Path) -> Path:
    url = db.engine.url.render_as_string(hide_password=True)
    return folder / "deadlines" / f"{hashlib.sha256(url.encode()).hexdigest()[:20]}.npz"


def save_snapshot(items: DeadlineItems, stamp: str, path: Path) -> None:
    """Write atomically; a failure is logged, never raised (the snapshot is only a speed-up)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.part.npz")
        np.savez(tmp, stamp=np.array(stamp), town_codes=np.array(items.town_codes, dtype=object).astype(str),
                 **{name: getattr(items, name) for name in _DTYPES})
        os.replace(tmp, path)
    except OSError as error:
        _log.warning("deadline snapshot not written to %s: %s", path, error)


def load_snapshot(path: Path) -> tuple[DeadlineItems, str] | None:
    """(items, stamp) from ``path``; None when there is none or it cannot be read."""
    if not path.exists():
        return None
    try:
        with np.load(path, allow_pickle=False) as data:
            items = DeadlineItems(**{name: data[name] for name in _DTYPES},
                                  town_codes=tuple(str(c) for c in data["town_codes"]))
            return items, str(data["stamp"])
    except (OSError, KeyError, ValueError) as error:
        _log.warning("deadline snapshot %s ignored: %s", path, error)
        return None
