"""The map index on disk: a versioned ``.npz`` snapshot beside the database, and
``open_columns``, which uses it while it is fresh and rebuilds it when not.

A snapshot holds the columns exactly as loaded (display coordinates included), their
vocabularies, tag rows and the data stamp. It is written to a temporary file and
renamed into place, so a reader never sees half a file. Reading one never raises: a
missing, stale, foreign or damaged file just yields ``None`` (damaged ones are logged).
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
import threading
import time
from pathlib import Path

import numpy as np

from core.db.database import Database
from core.paths import user_cache_dir

from .columns import CODE_COLUMNS, EntityColumns
from .loader import IsCancelled, Progress, load_columns, read_transaction
from .stamp import data_stamp, read_stamp

log = logging.getLogger(__name__)

FORMAT = "tongguan.mapindex"
VERSION = 1
SUFFIX = ".mapindex.npz"
_FLOATS = ("lat", "lng", "x", "y")


def cache_dir() -> Path:
    """Where snapshots of server databases live (the user's cache folder)."""
    return user_cache_dir() / "mapindex"


def snapshot_path(db: Database) -> Path:
    """Beside a SQLite file ("<file>.mapindex.npz"); otherwise in the cache folder, named
    by a hash of the URL without its password."""
    url = db.url
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        file = Path(url.database)
        return file.with_name(file.name + SUFFIX)
    digest = hashlib.sha256(url.set(password=None).render_as_string(hide_password=False).encode()).hexdigest()
    return cache_dir() / f"{digest[:20]}{SUFFIX}"


def save_snapshot(columns: EntityColumns, path: str | os.PathLike[str], *, stamp: str | None = None) -> Path:
    """Write ``columns`` to ``path`` atomically (under ``stamp`` if given, else theirs); returns the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tags = sorted(columns.tag_rows)
    rows = [columns.tag_rows[t] for t in tags]
    meta = {"format": FORMAT, "version": VERSION, "stamp": columns.stamp if stamp is None else stamp, "display": columns.display,
            "rows": len(columns), "vocab": {k: list(v) for k, v in columns.vocab.items()}}
    arrays = {
        "meta": np.frombuffer(json.dumps(meta, ensure_ascii=False).encode(), dtype=np.uint8),
        "ids": columns.ids, "id_rows": np.asarray(columns.id_rows),
        **{name: getattr(columns, name) for name in _FLOATS},
        **{name: columns.codes(name) for name in CODE_COLUMNS},
        "tag_ids": np.asarray(tags, dtype=np.int64),
        "tag_offsets": np.cumsum([0] + [r.size for r in rows], dtype=np.int64),
        "tag_rows": np.concatenate(rows).astype(np.int32) if rows else np.zeros(0, np.int32),
    }
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, 0o644)  # mkstemp makes it private; a snapshot is no more secret than its database
        with os.fdopen(fd, "wb") as fh:
            np.savez(fh, **arrays)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def load_snapshot(path: str | os.PathLike[str], *, expect_stamp: str | None = None,
                  display: str | None = None) -> EntityColumns | None:
    """The columns in ``path``, or None when it is missing, stale (another stamp or
    display system), of another format version, or damaged."""
    path = Path(path)
    if not path.is_file():
        return None
    try:
        with np.load(path, allow_pickle=False) as z:
            meta = json.loads(bytes(z["meta"]).decode())
            if meta.get("format") != FORMAT or meta.get("version") != VERSION:
                log.warning("map index snapshot %s has format %r version %r, not %s %d; ignoring it",
                            path, meta.get("format"), meta.get("version"), FORMAT, VERSION)
                return None
            if (expect_stamp is not None and meta["stamp"] != expect_stamp) or (
                    display is not None and meta["display"] != display):
                log.info("map index snapshot %s is stale (%s, %s)", path, meta["stamp"], meta["display"])
                return None
            return _columns(meta, {name: z[name] for name in z.files if name != "meta"})
    except Exception as exc:  # noqa: BLE001 - a damaged cache file must never stop the map; it is rebuilt
        log.warning("map index snapshot %s is unreadable (%s: %s); ignoring it", path, type(exc).__name__, exc)
        return None


def _columns(meta: dict, a: dict[str, np.ndarray]) -> EntityColumns:
    n = int(meta["rows"])
    vocab = {name: tuple(meta["vocab"][name]) for name in CODE_COLUMNS}
    expected = {"ids": np.int64, "id_rows": np.int64, **{f: np.float64 for f in _FLOATS}, **CODE_COLUMNS}
    for name, dtype in expected.items():
        if a[name].dtype != dtype or a[name].shape != (n,):
            raise ValueError(f"column {name} is {a[name].dtype}{a[name].shape}, expected {np.dtype(dtype)}({n},)")
        if name in CODE_COLUMNS and n and int(a[name].max()) >= len(vocab[name]):
            raise ValueError(f"column {name} has codes outside its vocabulary")
    if n and (a["id_rows"].min() < 0 or a["id_rows"].max() >= n):
        raise ValueError("id_rows out of range")
    offsets, rows = a["tag_offsets"], a["tag_rows"]
    if offsets.size != a["tag_ids"].size + 1 or offsets[0] != 0 or offsets[-1] != rows.size or (
            rows.size and (rows.min() < 0 or rows.max() >= n)):
        raise ValueError("tag rows are inconsistent")
    tag_rows = {int(t): rows[offsets[i]:offsets[i + 1]] for i, t in enumerate(a["tag_ids"])}
    return EntityColumns(
        ids=a["ids"], **{f: a[f] for f in _FLOATS}, **{c: a[c] for c in CODE_COLUMNS},
        vocab=vocab, tag_rows=tag_rows, display=meta["display"], stamp=meta["stamp"], id_rows=a["id_rows"])


def open_columns(db: Database, *, display: str = "wgs84", progress: Progress | None = None,
                 is_cancelled: IsCancelled | None = None) -> EntityColumns:
    """The snapshot if it matches the database's current stamp; else load and save a new one."""
    path = snapshot_path(db)
    columns = load_snapshot(path, expect_stamp=data_stamp(db), display=display)
    if columns is not None:
        return columns
    columns = load_columns(db, display=display, progress=progress, is_cancelled=is_cancelled)
    try:
        save_snapshot(columns, path)
    except OSError as exc:  # a read-only folder costs the next start a reload, nothing more
        log.warning("cannot save the map index snapshot %s: %s", path, exc)
    return columns


class LazySnapshot:
    """Saves patched columns now and then instead of on every change.

    A console that follows changes patches its columns many times a minute; writing 70 MB
    each time would cost more than the patches. :meth:`mark` remembers the newest columns,
    :meth:`due` says when ``interval_s`` has passed since the last save, and :meth:`flush`
    (on a worker thread, and at close) writes them under the database's current stamp,
    but only when no committed change is newer than the last one applied
    (``applied_change_id``, the change log's id): otherwise the file would claim data it
    does not hold, and the next flush tries again.
    """

    def __init__(self, path: Path, *, interval_s: float = 300.0, clock=time.monotonic) -> None:
        self.path, self.interval_s, self._clock = path, interval_s, clock
        self._columns: EntityColumns | None = None
        self._since = clock()
        self._lock = threading.Lock()

    @property
    def dirty(self) -> bool:
        return self._columns is not None

    def mark(self, columns: EntityColumns) -> None:
        with self._lock:
            if self._columns is None:
                self._since = self._clock()
            self._columns = columns

    def due(self) -> bool:
        return self._columns is not None and self._clock() - self._since >= self.interval_s

    def flush(self, db: Database, applied_change_id: int | None = None) -> bool:
        """Write the marked columns if the database holds nothing newer; True when written."""
        with self._lock:
            columns = self._columns
        if columns is None:
            return False
        with read_transaction(db) as conn:
            stamp = read_stamp(conn)
            newest = _newest_change(conn)
        if applied_change_id is not None and newest is not None and newest > applied_change_id:
            return False
        try:
            save_snapshot(columns, self.path, stamp=stamp)
        except OSError as exc:
            log.warning("cannot save the map index snapshot %s: %s", self.path, exc)
            return False
        with self._lock:
            if self._columns is columns:
                self._columns = None
            self._since = self._clock()
        return True


def _newest_change(conn) -> int | None:
    from sqlalchemy import func, inspect, select

    from core.db.models import ChangeLogEntry

    if not inspect(conn).has_table(ChangeLogEntry.__tablename__):
        return None
    return conn.execute(select(func.max(ChangeLogEntry.id))).scalar_one()
