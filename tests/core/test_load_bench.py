"""The load bench runs: workstations and a wall in processes of their own, on the small demo city
of each dialect, and reports every operation kind (no timings are judged here)."""
from __future__ import annotations

from tests.bench.load_suite import KINDS, run_load
from tests.bench.suites import SUITES


def test_the_load_bench_reports_every_kind(demo_db):
    assert SUITES["load"].__name__ == "load_bench"
    url = demo_db.engine.url.render_as_string(hide_password=False)
    figures = run_load(url, workstations=2, seconds=4.0, think_s=0.1)
    assert figures["errors"] == {}, figures["errors"]
    assert figures["search_n"] > 0 and figures["wall_n"] > 0
    for kind in KINDS:
        if figures[f"{kind}_n"]:
            assert 0 <= figures[f"{kind}_p50_ms"] <= figures[f"{kind}_p95_ms"], kind
    assert ("server_cpu_s_per_min" in figures) == (demo_db.dialect == "postgresql")
