"""``tongguan draw run``, all or nothing: the plan, batches, locks, draws and audit entries are one transaction.

A refusal anywhere (a rule broken, a draw refused after locking, an error, the process
killed) leaves the database as it was: no plan, no batch locked for good, no audit entry
of the attempt (a refused run did not happen in the database; stderr says why). The
secret seeds of the seed batches are written to ``<plan>.plan<id>.seeds.json`` next to
the plan file, atomically and before any batch is locked, so a seed whose commitment
could be published is never lost. Record files are written from the committed draws.
"""
from __future__ import annotations

from pathlib import Path

from core.errors import NotFound, ValidationError


def _print_problems(path: Path, name: str, problems) -> None:
    """Each broken rule on its own line, naming the plan file, the batch and the field."""
    import sys

    for p in problems:
        print(f"{path}: batch {name!r}: [{p.code}] {p.where}: {p.message}\n    rule: {p.rule}", file=sys.stderr)


class RunStopped(Exception):
    """Leaves the run's transaction: everything the run wrote is rolled back; ``message`` says why."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def write_atomically(path: Path, text: str) -> None:
    """Write ``path`` whole or not at all: a temporary file beside it, flushed to disk, then renamed."""
    import os
    import tempfile

    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, 0o600)  # the seeds are secret until the draw
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _keep_seeds(path: Path, plan_id: int, inputs, batch_ids, seeds: dict[int, str]) -> Path | None:
    """Write the seeds of the seed batches next to the plan before any is locked; returns the file."""
    import json

    from core.draws import commit

    if not seeds:
        return None
    seed_file = path.with_name(f"{path.stem}.plan{plan_id}.seeds.json")
    write_atomically(seed_file, json.dumps({
        "plan_file": path.name, "plan_id": plan_id,
        "note": "secret seeds of this run, written before locking; each is revealed at its draw",
        "batches": [{"batch_id": batch_ids[n], "name": inputs[n]["name"], "seed": seed,
                     "seed_commitment": commit(seed)} for n, seed in sorted(seeds.items())]},
        ensure_ascii=False, indent=2) + "\n")
    return seed_file


def run_plan(db, actor: str, path: Path, data: dict, year: int, inputs, seeds: dict[int, str]):
    """Create, check, lock and draw every batch inside ``db``'s one transaction; RunStopped if not all.

    Returns (plan id, [(input, LockedBatch, DrawnBatch)], the seeds file or None).
    """
    from core.draws import DrawRefused, commit
    from core.services import draws as draw_service

    try:
        # A plan may set its own ratio bands per risk class ({"A": [0, 0.05], ...}); default: the local table.
        plan_id = draw_service.create_plan(db, actor, year=year, name=str(data["name"]),
                                           sampling_bands=data.get("sampling_bands"))
    except ValidationError as exc:
        raise RunStopped(f"{path}: sampling_bands: {exc}") from None
    batch_ids = []
    problems_found = False
    try:
        for item in inputs:
            fields = {k: v for k, v in item.items() if k != "randomness"}
            batch_ids.append(draw_service.create_batch(db, actor, plan_id, **fields))
        for item, batch_id in zip(inputs, batch_ids):
            problems = draw_service.check_batch(db, batch_id)
            if problems:
                problems_found = True
                _print_problems(path, item["name"], problems)
    except (ValidationError, NotFound) as exc:
        raise RunStopped(str(exc)) from None
    if problems_found:
        raise RunStopped("the plan breaks the rules above; nothing was drawn")
    seed_file = _keep_seeds(path, plan_id, inputs, batch_ids, seeds)
    done = []
    for n, (item, batch_id) in enumerate(zip(inputs, batch_ids)):
        r = item["randomness"]
        try:
            if r["kind"] == "seed":
                locked = draw_service.lock_batch(db, actor, batch_id, randomness_kind="seed",
                                                 seed_commitment=commit(seeds[n]), announcement=r["announcement"])
                drawn = draw_service.draw_batch(db, actor, batch_id, seed=seeds[n])
            else:
                locked = draw_service.lock_batch(db, actor, batch_id, randomness_kind="rfc3797",
                                                 announcement=r["announcement"])
                drawn = draw_service.draw_batch(db, actor, batch_id, sources=r["sources"])
        except DrawRefused as exc:
            _print_problems(path, item["name"], exc.problems)
            raise RunStopped(f"batch {item['name']!r} could not be drawn; nothing of the plan was kept "
                              f"(no plan, batch, lock or draw)") from None
        except (ValidationError, NotFound) as exc:
            raise RunStopped(f"batch {item['name']!r}: {exc}; nothing of the plan was kept") from None
        done.append((item, locked, drawn))
    return plan_id, done, seed_file
