"""``python -m tests.bench credit``: credit scores of the whole demo city, and of one entity.

Runs on a copy of ``--db`` (a SQLite file; a PostgreSQL URL is used as it is), else of the
full demo city at ``/tmp/city_full.sqlite``, else of the cached bench city: scoring writes.

- ``first_score_s`` / ``first_apply_changed``: the first scoring, which also turns every
  timeline fact into its credit record (once per database) and writes computed classes over
  the demo's planted ones (most entities change class);
- ``transitions_s`` / ``transitions_moved``: moving every abnormal listing three years old to
  the serious-violation list (the demo's history goes back decades: tens of thousands move);
- ``score_city_s`` (target <= 10): scoring the whole city on demand with the active rule
  set, classes written where they changed (the median of 3 runs);
- ``score_one_ms`` (target <= 50): rescoring one entity when a record arrives, inside a
  transaction (its new timeline facts, its records, its class written), median of 21;
- ``explain_ms``: :func:`core.credit.explain` of the entity with the most credit records;
  ``explain_listed_ms`` of an entity on the serious-violation list (its linked credit looked up).

Figures of the early-warning model come from ``core.credit.warning_bench.figures`` when
that module is there.
"""
from __future__ import annotations

import argparse
import datetime as dt
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from .suites import _median_ms, cached_city, peak_rss_mb, suite

FULL_CITY = Path("/tmp/city_full.sqlite")
AS_OF = dt.date(2026, 11, 20)


def _copy(source: str, folder: str) -> str:
    target = Path(folder) / "credit-bench.sqlite"
    subprocess.run(["cp", "--reflink=auto", source, str(target)], check=True)
    return str(target)


def _timed(fn) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


@suite("credit")
def credit_bench(args: argparse.Namespace) -> dict:
    from sqlalchemy import func, select

    from core.credit import apply_transitions, explain, rescore, score_city
    from core.db.database import Database
    from core.db.migrate import upgrade
    from core.db.models import CreditRecord, MarketEntity
    from tests.support.accounts import account

    with tempfile.TemporaryDirectory(dir="/tmp") as tmp:
        if args.db and args.db.startswith("postgres"):
            url = args.db
        else:
            source = args.db or (str(FULL_CITY) if FULL_CITY.exists() else cached_city(args.entities, args.seed))
            url = _copy(source, tmp)
        db = Database.open(url)
        try:
            upgrade(db.engine)
            first_s, first = _timed(lambda: score_city(db, None, as_of=AS_OF))
            leader = account(db, "bench-credit", "leader")
            transitions_s, moved = _timed(lambda: apply_transitions(db, leader, AS_OF))
            runs = [_timed(lambda: score_city(db, None, as_of=AS_OF)) for _ in range(3)]
            with db.sessions() as s:
                listed = s.scalar(select(CreditRecord.entity_id).where(CreditRecord.kind == "serious").limit(1))
                busiest = s.execute(select(CreditRecord.entity_id, func.count()).group_by(CreditRecord.entity_id)
                                    .order_by(func.count().desc()).limit(1)).one()
                entities = s.scalar(select(func.count()).select_from(MarketEntity))
                records = s.scalar(select(func.count()).select_from(CreditRecord))

            def one() -> None:
                with db.bootstrap_uow("bench") as uow:  # rolled back: nothing stays
                    rescore(uow.session, [busiest[0]], AS_OF)

            figures = {
                "entities": int(entities), "credit_records": int(records),
                "first_score_s": round(first_s, 2), "first_apply_changed": first.changed,
                "transitions_s": round(transitions_s, 2), "transitions_moved": moved.moved,
                "score_city_s": round(statistics.median(t for t, _ in runs), 2),
                "score_city_changed": runs[-1][1].changed,
                "score_one_ms": round(_median_ms(one, 21), 2),
                "score_one_records": int(busiest[1]),
                "explain_ms": round(_median_ms(lambda: explain(db, busiest[0], AS_OF), 21), 2),
                "explain_listed_ms": round(_median_ms(lambda: explain(db, listed, AS_OF), 21), 2) if listed else None,
                "class_counts": runs[-1][1].counts(),
                "database": db.engine.dialect.name,
            }
            try:
                from core.credit.warning_bench import figures as warning_figures
            except ImportError:
                pass
            else:
                figures.update(warning_figures(db))
            figures["peak_rss_mb"] = round(peak_rss_mb())
            return figures
        finally:
            db.dispose()
