"""``python -m tests.bench import``: a 1,000,000-row entity CSV into an empty city.

The city is the yiwu reference data with no entity (a temp SQLite file, or ``--db``'s
database, wiped first). The CSV is written first (not timed): valid credit codes, every town,
a village for most rows, a position for half of them (WGS-84; GCJ-02 for one row in 50: its
iterative inversion costs ~80 µs a row).
Figures: ``import_1m_s`` (the import, commit included), ``rows_per_s``, ``peak_rss_mb``, and
``import_cpu_s`` and ``load_avg``, which say how busy the machine was.
``TONGGUAN_BENCH_IMPORT_ROWS`` sets another row count.
"""
from __future__ import annotations

import argparse
import csv
import os
import tempfile
import time
from pathlib import Path

from .suites import peak_rss_mb, suite

ROWS = int(os.environ.get("TONGGUAN_BENCH_IMPORT_ROWS", "1000000"))
ACTOR = "import-bench"


def write_entities(path: Path, rows: int, towns: list[tuple[str, str, float, float]],
                   villages: dict[str, list[str]]) -> None:
    """``rows`` entity rows in the exchange's columns (core.exchange.spec)."""
    from stdnum.cn import uscc

    from core.exchange.spec import KINDS

    kinds = (("1", "企业"), ("2", "个体工商户"), ("3", "农民专业合作社"))
    with open(path, "w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(KINDS["entities"].headers)
        for i in range(rows):
            digit, word = kinds[0 if i % 10 < 6 else 1 if i % 10 < 9 else 2]
            first = f"9{digit}330782{i:09d}"
            code = first + uscc.calc_check_digit(first)
            code_, name, lat, lng = towns[i % len(towns)]
            vs = villages[code_]
            village = vs[i % len(vs)] if i % 7 else ""
            system = "GCJ-02" if i % 50 == 0 else "WGS-84"
            pos = ("", "", "") if i % 2 else (f"{lng + (i % 97) * 1e-4:.6f}", f"{lat + (i % 89) * 1e-4:.6f}", system)
            out.writerow([code, f"义乌市试验商行{i}号", word, name if i % 3 else code_, village, "5139",
                          f"义乌市试验路{i % 1000}号", "张三", f"20{10 + i % 15}-0{1 + i % 9}-1{i % 9}", "存续",
                          *pos, ""])


def _empty_city(url: str):
    from core.db.database import Database
    from core.db.migrate import upgrade
    from core.reference.loader import load_profile
    from core.services.reference import seed_reference
    from tests.support.accounts import account

    if url.startswith("postgres"):
        from tests.conftest import wipe_postgres
        wipe_postgres(url)
    db = Database.open(url)
    upgrade(db.engine)
    with db.bootstrap_uow("import-bench") as uow:
        seed_reference(uow, load_profile())
        uow.commit()
    account(db, ACTOR, "operator")
    return db


@suite("import")
def import_bench(args: argparse.Namespace) -> dict:
    """Import ROWS entities from CSV into an empty city; SQLite unless --db names PostgreSQL."""
    from sqlalchemy import func, select

    from core.db.models import MarketEntity, Town, Village
    from core.exchange import import_file

    with tempfile.TemporaryDirectory() as tmp:
        url = args.db or str(Path(tmp) / "import.sqlite")
        db = _empty_city(url)
        try:
            with db.sessions() as s:
                towns = [(t.code, t.name_zh, t.lat, t.lng) for t in s.scalars(select(Town).order_by(Town.code))]
                villages: dict[str, list[str]] = {}
                for v in s.scalars(select(Village).order_by(Village.code)):
                    villages.setdefault(v.town_code, []).append(v.name_zh)
            path = Path(tmp) / "entities.csv"
            write_entities(path, ROWS, towns, villages)
            start, cpu = time.perf_counter(), time.process_time()
            result = import_file(db, ACTOR, "entities", path)
            seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
            with db.sessions() as s:
                stored = s.scalar(select(func.count()).select_from(MarketEntity))
        finally:
            db.dispose()
    assert result.ok and stored == ROWS, (result.summary(), [str(p) for p in result.problems[:5]])
    return {
        "rows": ROWS,
        "import_1m_s": round(seconds * 1_000_000 / ROWS, 2),
        "import_s": round(seconds, 2),
        "rows_per_s": round(ROWS / seconds),
        "import_cpu_s": round(cpu, 2),  # this process's CPU: the wall time on a busy machine is more
        "load_avg": round(os.getloadavg()[0], 1),
        "peak_rss_mb": round(peak_rss_mb()),
        "database": "postgresql" if args.db and args.db.startswith("postgres") else "sqlite",
    }
