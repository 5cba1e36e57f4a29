"""The deadlines benchmark suite runs (on the small demo city) and reports the figures the lead tracks."""
import argparse

from tests.bench.deadlines_suite import deadlines_bench
from tests.bench.suites import SUITES


def test_deadlines_suite_is_registered_and_reports_its_figures(demo_db):
    import tests.bench.__main__  # noqa: F401 - the import that registers the suite

    assert SUITES["deadlines"] is deadlines_bench
    url = demo_db.url.render_as_string(hide_password=False)
    figures = deadlines_bench(argparse.Namespace(entities=3000, seed=11, db=url))
    assert figures["today"] == "2026-11-20"  # the demo's as-of day, read from the database
    assert figures["items"] == sum(figures["items_by_kind"].values()) == sum(figures["levels"].values())
    assert figures["items_timed"] >= 1_000_000 and "tiled" in figures["recompute_note"]
    for key in ("load_s", "recompute_ms", "recompute_city_ms", "summary_ms", "summary_timed_ms", "peak_rss_mb"):
        assert figures[key] >= 0, key
    # The efficiency workspace opens in a child process: once reading every clock, once from the snapshot.
    assert figures["efficiency_open_cold_s"] > 0 and 0 < figures["efficiency_open_s"]
