"""Importing one file of one kind: all or nothing, or the valid rows only, in one transaction.

The file is read in chunks; each row is checked (core.exchange.validate) and its key (the
credit code of an entity, the source system and source id of anything else) must not
repeat in the file. Good rows are written chunk by chunk inside the unit of work's one
transaction. When any row is bad the import, by default, stops writing, checks the rest
for the report, and commits nothing; ``valid_rows_only`` commits the good rows (and is
still reported as failed). ``dry_run`` commits nothing in any case. A process killed
part-way leaves the database as it was: nothing is committed before the end.

One audit entry records the import (kind, file, counts); each updated record has its own
entry with its before and after. An import that changes nothing writes nothing at all.
"""
from __future__ import annotations

import datetime as dt
import gc
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from core.db.database import Database
from core.errors import Cancelled

from .entity_load import BIG, EntityLoader
from .readers import open_table
from .record_load import RecordLoader
from .spec import spec_of
from .validate import Problem, Reference, RowChecker

Progress = Callable[[float, str], None]
CHUNK = 20_000
PERMISSION = "data.import"


@dataclass
class ImportResult:
    """What an import found and did."""

    kind: str
    file: str
    format: str
    encoding: str | None = None
    rows: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    problems: list[Problem] = field(default_factory=list)
    committed: bool = False
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def bad_rows(self) -> int:
        return len({p.row for p in self.problems})

    def summary(self) -> dict[str, object]:
        return {"kind": self.kind, "file": self.file, "format": self.format, "encoding": self.encoding,
                "rows": self.rows, "new": self.new, "updated": self.updated, "unchanged": self.unchanged,
                "bad_rows": self.bad_rows, "problems": len(self.problems), "committed": self.committed,
                "dry_run": self.dry_run}


_gc_lock = threading.Lock()
_gc_users = [0, (700, 10, 10)]  # imports under way, the thresholds to restore


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """Fewer cyclic garbage collections while rows stream through (a million rows: 44 s -> 35 s).

    Each row makes a few dicts and lists; with the default thresholds the collector runs every
    700 of them and, now and then, scans every object the process holds. What exists before the
    import is frozen out of those scans (``gc.freeze``) and the young generation collected less
    often; rows hold no cycles, so nothing accumulates. Process-wide, hence counted.
    """
    with _gc_lock:
        if _gc_users[0] == 0:
            _gc_users[1] = gc.get_threshold()
            gc.freeze()
            gc.set_threshold(100_000, 50, 100)
        _gc_users[0] += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_users[0] -= 1
            if _gc_users[0] == 0:
                gc.set_threshold(*_gc_users[1])
                gc.unfreeze()


def _chunks(table, checker: RowChecker, size: int):
    """Each chunk of the file's rows checked: (row number, values or None, problems)."""
    while rows := list(islice(table.rows, size)):
        yield [(number, *checker.check(number, cells)) for number, cells in rows]


def _key(kind_target: str, values: dict) -> tuple[str, str]:
    """(the column a repeat is reported in, the row's key). Keys are plain strings: a million
    tuples would be tracked, and scanned again and again, by the cyclic garbage collector."""
    if kind_target == "entity":
        return "统一社会信用代码", values["uscc"]
    return "来源编号", f"{values['source_system']}/{values['source_ref']}"


def import_file(db: Database, actor: object, kind: str, path: str | Path, *, valid_rows_only: bool = False,
                dry_run: bool = False, progress: Progress | None = None,
                is_cancelled: Callable[[], bool] | None = None, today: dt.date | None = None,
                chunk: int = CHUNK) -> ImportResult:
    """Import ``path`` as ``kind`` acting as ``actor`` (needs ``data.import``); see the module doc.

    Raises ConfigError when the file cannot be read at all, PermissionDenied when refused,
    Cancelled when ``is_cancelled`` says so (nothing is written then).
    """
    spec = spec_of(kind)
    if spec.target == "registration":
        return _registrations(db, actor, spec, path, valid_rows_only=valid_rows_only, dry_run=dry_run)
    progress = progress or (lambda f, m: None)
    is_cancelled = is_cancelled or (lambda: False)
    name = Path(path).name
    with db.uow(actor) as uow:
        uow.require(PERMISSION)
        table = open_table(path)
        result = ImportResult(kind, str(path), table.format, table.encoding, dry_run=dry_run)
        checker = RowChecker(spec, table.header, Reference(uow.session), name)
        result.problems.extend(checker.file_problems())
        if result.problems:
            return result
        loader = (EntityLoader(uow, today or dt.date.today()) if spec.target == "entity"
                  else RecordLoader(uow, spec, name))
        with _fewer_collections():
            _load(table, checker, loader, result, chunk=chunk, write_bad=valid_rows_only,
                  is_cancelled=is_cancelled, progress=progress)
        result.new, result.updated, result.unchanged = loader.new, loader.updated, loader.unchanged
        if dry_run or (result.problems and not valid_rows_only) or not (result.new or result.updated):
            progress(1.0, "done")
            return result
        _record(uow, result, loader, name)
        progress(0.97, "commit")
        uow.commit()
        result.committed = True
        progress(1.0, "done")
        return result


def _load(table, checker: RowChecker, loader, result: ImportResult, *, chunk: int, write_bad: bool,
          is_cancelled: Callable[[], bool], progress: Progress) -> None:
    """Check every row, refuse repeated keys, write the good rows chunk by chunk (all of them while
    the file is clean, or with ``write_bad`` despite bad rows), then what the loader deferred."""
    seen: dict[str, int] = {}
    batch: list[tuple[int, dict]] = []

    def flush() -> None:
        # After a problem (all or nothing) rows are still checked, no longer written.
        write = write_bad or not result.problems
        if batch and isinstance(loader, EntityLoader):
            if write:
                loader.load([v for _, v in batch])
        elif batch:
            result.problems.extend(loader.load(batch, write=write))
        batch.clear()

    for checked in _chunks(table, checker, chunk):
        for number, values, problems in checked:
            result.rows += 1
            if values is not None:
                column, key = _key(checker.kind.target, values)
                first = seen.setdefault(key, number)
                if first != number:
                    values = None
                    problems = [Problem(checker.file, number, column, key,
                                        f"文件中重复，与第 {first} 行相同 (duplicate id in the file, same as row {first})")]
            if problems:
                result.problems.extend(problems)
            else:
                batch.append((number, values))
        flush()
        if is_cancelled():
            raise Cancelled("import cancelled; nothing was written")
        progress(0.95 * table.done(), f"{result.rows:,} rows")
    flush()
    if isinstance(loader, EntityLoader):
        loader.finish()


def _record(uow, result: ImportResult, loader, name: str) -> None:
    """The import's own audit entry, and what the consoles should reload."""
    uow.audit("exchange.import", "import", name, after={
        k: v for k, v in result.summary().items() if k not in ("committed", "dry_run")})
    if isinstance(loader, EntityLoader):
        ids = loader.new_ids + loader.changed_ids
    else:
        ids = sorted(loader.entity_ids)
    if len(ids) > BIG:
        uow.touch("everything")
    else:
        uow.touch("entities", ids)


_FEED_KEYS = {"source_ref": "registration_id", "town_code": "town", "village_code": "village"}


def _registrations(db: Database, actor: object, spec, path: str | Path, *, valid_rows_only: bool,
                   dry_run: bool) -> ImportResult:
    """Registrations go through the registration feed (core.feeds), which makes the entity and opens its
    双告知 pushes: the rows are checked here (the same report), then taken per source system."""
    from core.feeds.registrations import take_registrations

    name = Path(path).name
    with db.uow(actor) as uow:
        uow.require(PERMISSION)
        table = open_table(path)
        result = ImportResult(spec.name, str(path), table.format, table.encoding, dry_run=dry_run)
        checker = RowChecker(spec, table.header, Reference(uow.session), name)
        result.problems.extend(checker.file_problems())
        by_system: dict[str, list[dict]] = {}
        seen: dict[str, int] = {}
        for number, cells in ([] if result.problems else table.rows):
            result.rows += 1
            values, problems = checker.check(number, cells)
            if values is not None:
                first = seen.setdefault(_key(spec.target, values)[1], number)
                if first != number:
                    values, problems = None, [Problem(name, number, "来源编号", str(values["source_ref"]),
                                                      f"文件中重复，与第 {first} 行相同 (duplicate id in the file, same as row {first})")]
            result.problems.extend(problems)
            if values is not None:
                by_system.setdefault(values.pop("source_system"), []).append(
                    {_FEED_KEYS.get(k, k): v for k, v in values.items()})
    if dry_run or (result.problems and not valid_rows_only):
        return result
    for system, records in by_system.items():
        outcome = take_registrations(db, actor if isinstance(actor, str) else uow.actor, records,
                                     system=system, where=name)
        result.new += outcome.added
        result.unchanged += outcome.already
        result.committed = result.committed or outcome.added > 0
    return result
