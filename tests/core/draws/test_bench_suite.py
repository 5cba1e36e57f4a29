"""The draw benchmark suite runs (small) and reports the figures the lead tracks."""
import argparse

from tests.bench.draw_suite import draw_bench, synthetic_usccs
from tests.bench.suites import SUITES


def test_draw_suite_is_registered_and_reports_its_figures():
    assert SUITES["draw"] is draw_bench
    figures = draw_bench(argparse.Namespace(entities=20_000, seed=7))
    assert figures["pool"] == 20_000 and figures["verified"] is True
    assert 1000 < figures["picks"] < 1500    # ~6.2% of the pool with the demo's mix and ratios
    for key in ("draw_s", "record_s", "verify_s", "max_load", "min_load"):
        assert key in figures


def test_synthetic_codes_are_valid_distinct_and_sorted():
    import numpy as np
    from stdnum.cn import uscc

    codes = synthetic_usccs(500, np.random.default_rng(1))
    assert codes == sorted(set(codes)) and len(codes) == 500
    assert all(uscc.is_valid(c) for c in codes[:50])
