"""A watched drop folder per source system, for unattended imports (``tongguan feeds watch``).

The folder is polled with ``os.scandir`` (no watcher library): a file is taken once its size
and modification time have not changed between two scans, so a file still being written is
left for later. Files in the top folder and in subfolders named after a kind (``entities/``,
``penalties/``...) are taken; the kind comes from the subfolder or, in the top folder, from the
file itself (:mod:`core.feeds.kinds`). Each file is imported whole or not at all (every exchange
kind through :func:`core.exchange.import_file`, Open311 requests and the registration feed's own
files as before), its result is kept (:class:`~core.db.models.FeedFileResult`: name, SHA-256,
system, kind, start and end, counts, problems) and the file moves to ``done/`` or ``failed/``
beside it; a failed file gets its error report beside it (``NAME.errors.xlsx``). Hidden files and
``*.part``/``*.tmp`` files are never taken. When the database cannot be reached the file stays
where it is and is tried again at a later scan.
"""
from __future__ import annotations

import datetime as dt
import hashlib
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
from core.exchange.validate import Problem

from .kinds import KIND_NAMES, OPEN311, detect, uses_exchange_columns

_log = logging.getLogger(__name__)
DONE, FAILED = "done", "failed"
SKIPPED_SUFFIXES = (".part", ".tmp", ".crdownload", ".partial", "~")
KINDS = ("auto", *KIND_NAMES)
KEPT_PROBLEMS = 1000  # kept in the result row; the error report beside the file has every one
REPORT_SUFFIX = ".errors.xlsx"
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
    """The kind of a file in the top folder (:func:`core.feeds.kinds.detect`)."""
    return detect(path)


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


def _problems(error: Exception, name: str) -> list[Problem]:
    where = getattr(error, "where", None) or ""
    message = getattr(error, "message", None) or str(error)
    return [Problem(name, 0, "" if where == name else where, "", message)]


def _kept(problems: list[Problem], report: Path | None) -> list[str]:
    """The problems as kept in the result row (file:row:column: reason), the first KEPT_PROBLEMS."""
    kept = [str(p) if p.row else (f"{p.column}: {p.reason}" if p.column else p.reason)
            for p in problems[:KEPT_PROBLEMS]]
    if len(problems) > KEPT_PROBLEMS:
        more = len(problems) - KEPT_PROBLEMS
        kept.append(f"另有 {more} 个问题见错误报告 ({more} more problems in the error report) {report or ''}")
    return kept


def _write_report(moved: Path, problems: list[Problem]) -> Path | None:
    from core.exchange.report import write_report

    target = moved.with_name(moved.name + REPORT_SUFFIX)
    try:
        write_report(target, problems)
    except OSError:
        _log.warning("drop folder: cannot write %s", target, exc_info=True)
        return None
    return target


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
        """Files unchanged since the previous scan (the first scan only looks), in the top folder and
        in the subfolders named after a kind."""
        current: dict[str, tuple[int, int]] = {}
        self._look(self.folder, "", current)
        for kind in KIND_NAMES:
            if (self.folder / kind).is_dir():
                self._look(self.folder / kind, f"{kind}/", current)
        ready = sorted((name for name, sig in current.items() if self._seen.get(name) == sig and sig[0] > 0),
                       key=lambda name: (not name.startswith("entities/"), name))  # others name the entities
        self._seen = current
        return [self.folder / name for name in ready]

    @staticmethod
    def _look(folder: Path, prefix: str, current: dict[str, tuple[int, int]]) -> None:
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.name.startswith(".") or entry.name.endswith(SKIPPED_SUFFIXES):
                    continue
                if entry.is_file(follow_symlinks=False):
                    st = entry.stat(follow_symlinks=False)
                    current[prefix + entry.name] = (st.st_size, st.st_mtime_ns)

    def kind_for(self, path: Path) -> str:
        """The subfolder's kind, else the one the watch was told, else the file's own (ValidationError)."""
        if path.parent != self.folder and path.parent.name in KIND_NAMES:
            return path.parent.name
        return self.kind if self.kind != "auto" else detect(path)

    def _import(self, kind: str, path: Path) -> tuple[int, int, list[Problem]]:
        """(written, already there, problems) of importing ``path`` as ``kind``; nothing written on a problem."""
        if kind == OPEN311:
            from core.services.clues.open311 import import_open311

            added, already = import_open311(self.db, self.actor, path, system=self.system)
            return added, already, []
        if kind == "registrations" and not uses_exchange_columns(path, kind):
            from .files import take_registration_file  # the feed's own columns, its system this folder's

            outcome = take_registration_file(self.db, self.actor, path, system=self.system)
            return outcome.added, outcome.already, []
        from core.exchange import import_file

        result = import_file(self.db, self.actor, kind, path)
        return result.new + result.updated, result.unchanged, list(result.problems)

    def take(self, path: Path) -> FileResult:
        """Import ``path``, keep its result and move it to done/ or failed/ (with its error report)."""
        started = utcnow()
        digest = _sha256(path)
        name = path.name
        kind, added, already = self.kind if self.kind != "auto" else "unknown", 0, 0
        problems: list[Problem] = []
        try:
            kind = self.kind_for(path)
            added, already, problems = self._import(kind, path)
        except DatabaseUnavailable:
            self._seen.pop(str(path.relative_to(self.folder)), None)  # not the file's fault: tried again later
            raise
        except TongguanError as error:
            problems = _problems(error, name)
        except (OSError, ValueError) as error:
            problems = [Problem(name, 0, "", "", str(error))]
        ok = not problems
        report = None
        try:
            moved = _move(path, DONE if ok else FAILED)
            if not ok:
                report = _write_report(moved, problems)
        except OSError as error:
            moved = path
            problems = [*problems, Problem(name, 0, "", "", f"无法移动文件 (cannot move the file): {error}")]
        kept = _kept(problems, report)
        with self.db.uow(self.actor) as uow:
            uow.require("audit.record")
            row = FeedFileResult(source_system=self.system, file_name=name[:255], sha256=digest, kind=kind[:20],
                                 started_at=started, finished_at=utcnow(), ok=ok, added=added, already=already,
                                 problems=kept, moved_to=str(moved)[:400])
            uow.session.add(row)
            uow.session.flush()
            uow.audit("feeds.file", "feed_file_result", row.id,
                      after={"system": self.system, "file": name, "kind": kind, "sha256": digest, "ok": ok,
                             "added": added})
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
