"""A watched drop folder per source system, for unattended imports (``tongguan feeds watch``).

The folder is polled with ``os.scandir`` (no watcher library): a file is taken once its size
and modification time have not changed between two scans, so a file still being written is
left for later. Each file is imported whole or not at all (Open311 requests or registrations,
told apart by content), its result is kept (:class:`~core.db.models.FeedFileResult`: name,
SHA-256, system, start and end, counts, problems) and the file moves to ``done/`` or
``failed/`` beside it. Hidden files and ``*.part``/``*.tmp`` files are never taken. When the
database cannot be reached the file stays where it is and is tried again at a later scan.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from core.db.database import Database
from core.db.models import FeedFileResult
from core.db.models.base import utcnow
from core.errors import DatabaseUnavailable, TongguanError, ValidationError

_log = logging.getLogger(__name__)
DONE, FAILED = "done", "failed"
SKIPPED_SUFFIXES = (".part", ".tmp", ".crdownload", ".partial", "~")
KINDS = ("auto", "open311", "registrations")
DEFAULT_INTERVAL_S = 3.0


@dataclass(frozen=True)
class FileResult:
    """A file's result, as kept and shown."""

    id: int
    source_system: str
    file_name: str
    sha256: str
    kind: str
    started_at: dt.datetime
    finished_at: dt.datetime
    ok: bool
    added: int
    already: int
    problems: tuple[str, ...]
    moved_to: str


def _row(r: FeedFileResult) -> FileResult:
    return FileResult(r.id, r.source_system, r.file_name, r.sha256, r.kind, r.started_at, r.finished_at, r.ok,
                      r.added, r.already, tuple(r.problems or ()), r.moved_to)


def kind_of(path: Path) -> str:
    """``open311`` for a JSON array of service requests, else ``registrations``."""
    if path.suffix.lower() != ".json":
        return "registrations"
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, ValueError):
        return "open311"  # the Open311 reader names what is wrong with it
    if isinstance(data, dict):
        data = data.get("service_requests", data.get("records"))
    first = data[0] if isinstance(data, list) and data else None
    return "open311" if isinstance(first, dict) and "service_request_id" in first else "registrations"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _move(path: Path, folder: str) -> Path:
    target_dir = path.parent / folder
    target_dir.mkdir(exist_ok=True)
    target = target_dir / path.name
    if target.exists():  # the same name dropped again: keep both
        target = target_dir / f"{path.stem}-{utcnow():%Y%m%dT%H%M%S%f}{path.suffix}"
    os.replace(path, target)
    return target


def _problems(error: Exception) -> list[str]:
    if isinstance(error, ValidationError):
        return [f"{error.where}: {error.message}" if error.where else error.message]
    return [str(error)]


class DropFolder:
    """One system's drop folder: scans it and imports the files that have settled."""

    def __init__(self, db: Database, actor: str, folder: str | Path, system: str, *, kind: str = "auto") -> None:
        if kind not in KINDS:
            raise ValidationError(f"未知的文件类别 {kind} (kind is one of {', '.join(KINDS)})", where="kind",
                                  code="feeds.bad_kind")
        self.db, self.actor, self.system, self.kind = db, actor, system, kind
        self.folder = Path(folder)
        if not self.folder.is_dir():
            raise ValidationError(f"文件夹不存在 (no such folder): {folder}", where=str(folder),
                                  code="feeds.no_folder")
        self._seen: dict[str, tuple[int, int]] = {}

    def settled(self) -> list[Path]:
        """Files unchanged since the previous scan (the first scan only looks)."""
        current: dict[str, tuple[int, int]] = {}
        with os.scandir(self.folder) as entries:
            for entry in entries:
                if entry.name.startswith(".") or entry.name.endswith(SKIPPED_SUFFIXES):
                    continue
                if entry.is_file(follow_symlinks=False):
                    st = entry.stat(follow_symlinks=False)
                    current[entry.name] = (st.st_size, st.st_mtime_ns)
        ready = sorted(name for name, sig in current.items() if self._seen.get(name) == sig and sig[0] > 0)
        self._seen = current
        return [self.folder / name for name in ready]

    def take(self, path: Path) -> FileResult:
        """Import ``path``, keep its result and move it to done/ or failed/."""
        started = utcnow()
        digest = _sha256(path)
        kind = self.kind if self.kind != "auto" else kind_of(path)
        added = already = 0
        problems: list[str] = []
        try:
            if kind == "open311":
                from core.services.clues.open311 import import_open311

                added, already = import_open311(self.db, self.actor, path, system=self.system)
            else:
                from .files import take_registration_file

                outcome = take_registration_file(self.db, self.actor, path, system=self.system)
                added, already = outcome.added, outcome.already
        except DatabaseUnavailable:
            self._seen.pop(path.name, None)  # not the file's fault: left in place, tried again later
            raise
        except TongguanError as error:
            problems = _problems(error)
        except (OSError, ValueError) as error:
            problems = [f"{path.name}: {error}"]
        ok = not problems
        try:
            moved = _move(path, DONE if ok else FAILED)
        except OSError as error:
            moved, problems = path, [*problems, f"无法移动文件 (cannot move the file): {error}"]
        with self.db.uow(self.actor) as uow:
            uow.require("audit.record")
            row = FeedFileResult(source_system=self.system, file_name=path.name[:255], sha256=digest, kind=kind,
                                 started_at=started, finished_at=utcnow(), ok=ok, added=added, already=already,
                                 problems=problems[:50], moved_to=str(moved)[:400])
            uow.session.add(row)
            uow.session.flush()
            uow.audit("feeds.file", "feed_file_result", row.id,
                      after={"system": self.system, "file": path.name, "sha256": digest, "ok": ok, "added": added})
            result = _row(row)
            uow.commit()
        return result

    def scan(self) -> list[FileResult]:
        """One scan: take every settled file."""
        return [self.take(path) for path in self.settled() if path.exists()]


def watch(db: Database, actor: str, folder: str | Path, system: str, *, kind: str = "auto",
          interval: float = DEFAULT_INTERVAL_S, once: bool = False, stop_event: threading.Event | None = None,
          on_result: Callable[[FileResult], None] | None = None) -> list[FileResult]:
    """Poll ``folder`` every ``interval`` seconds until ``stop_event`` is set; ``once``: look, wait one
    interval (a file must hold still that long) and take what settled. Returns the results."""
    drop = DropFolder(db, actor, folder, system, kind=kind)
    stop = stop_event or threading.Event()
    results: list[FileResult] = []
    drop.settled()
    while not stop.wait(interval):
        try:
            for result in drop.scan():
                results.append(result)
                if on_result is not None:
                    on_result(result)
        except DatabaseUnavailable:
            if once:
                raise
            _log.warning("drop folder %s: the database is unavailable; trying again", folder, exc_info=True)
        if once:
            break
    return results


def list_results(db: Database, *, system: str | None = None, limit: int = 50) -> list[FileResult]:
    """The latest file results (of ``system``), newest first."""
    with db.sessions() as s:
        stmt = select(FeedFileResult)
        if system:
            stmt = stmt.where(FeedFileResult.source_system == system)
        return [_row(r) for r in s.scalars(stmt.order_by(FeedFileResult.id.desc()).limit(limit))]
