"""The ``trust`` suite: figures of issue 13 (rights, audit chain, concurrency, hostile input).

``audit_verify_s``: seconds to verify the audit hash chain of the demo city (``--entities``,
a cached SQLite city unless ``--db`` is given); ``audit_rows`` is how many entries that was.
``fuzz_cases``, ``fuzz_tracebacks``, ``partial_writes``: see tests/bench/trust_fuzz.py.
``claim_trials``, ``double_claims``, ``lost_updates``: see tests/bench/trust_claims.py
(TONGGUAN_CLAIM_TRIALS per backend, default 1,000; PostgreSQL at TONGGUAN_BENCH_PG_URL, else
TONGGUAN_TEST_PG_URL, which it wipes).
"""
from __future__ import annotations

import argparse
import os

from .suites import cached_city, suite


@suite("trust")
def trust(args: argparse.Namespace) -> dict:
    from core.db.audit_chain import verify
    from core.db.database import Database

    db = Database.open(args.db or cached_city(args.entities, args.seed))
    try:
        report = verify(db.engine)
    finally:
        db.dispose()
    if not report.ok:
        raise SystemExit(f"the audit chain is broken: {report.broken}")
    figures = {"audit_verify_s": round(report.seconds, 3), "audit_rows": report.entries}
    # Rights: every role x permission x own/other data cell of the permission matrix.
    from tests.core.rights.matrix import check_matrix

    figures["permission_cells"] = check_matrix()
    # Hostile input: fuzzed Open311 files, plan files and searches (TONGGUAN_FUZZ_CASES per kind).
    from .trust_fuzz import fuzz

    figures.update(fuzz(int(os.environ.get("TONGGUAN_FUZZ_CASES", "10000"))))
    # Concurrency: two processes claiming the same push or clue at once, on each backend.
    from .trust_claims import claims_figures

    figures.update(claims_figures(int(os.environ.get("TONGGUAN_CLAIM_TRIALS", "1000")),
                                  os.environ.get("TONGGUAN_BENCH_PG_URL") or os.environ.get("TONGGUAN_TEST_PG_URL")))
    return figures
