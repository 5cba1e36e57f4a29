"""Sampling ratios follow the risk class: bands per class, never falling as the risk rises."""
import dataclasses

from core.draws import Randomness, SamplingRule, make_record, run_draw, spec_from_record, verify_record
from core.draws.bands import DEFAULT_BANDS, band_problems, normalise_bands

from .helpers import simple_spec

SIZES = {"A": 1656, "B": 400, "C": 120, "D": 69}


def codes(problems):
    return sorted((p.code, p.where) for p in problems)


def test_inverted_ratios_are_refused_with_the_rule_cited():
    rule = SamplingRule(ratios={"A": 0.90, "B": 0.20, "C": 0.05, "D": 0.01})
    problems = band_problems(rule, DEFAULT_BANDS, SIZES)
    assert codes(problems) == [("ratio_falls_with_risk", "stratum B"), ("ratio_falls_with_risk", "stratum C"),
                               ("ratio_falls_with_risk", "stratum D"),
                               ("ratio_out_of_band", "stratum A"), ("ratio_out_of_band", "stratum C"),
                               ("ratio_out_of_band", "stratum D")]
    out_a = next(p for p in problems if p.where == "stratum A")
    assert "90%" in out_a.message and "≤5%" in out_a.message and "(class A" in out_a.message
    assert out_a.rule.startswith("本地抽查比例表") and "local ratio table" in out_a.rule
    falls = next(p for p in problems if p.code == "ratio_falls_with_risk")
    assert falls.rule.startswith("国发〔2019〕5号") and "higher the credit risk" in falls.rule
    assert all(p.severity == "error" for p in problems)


def test_the_published_table_and_a_plan_of_its_own():
    assert band_problems(SamplingRule(ratios={"A": 0.05, "B": 0.2, "C": 0.21, "D": 0.61}), DEFAULT_BANDS, SIZES) == []
    assert codes(band_problems(SamplingRule(ratios={"A": 0.05, "B": 0.205, "C": 0.6, "D": 1}), DEFAULT_BANDS,
                               SIZES)) == [("ratio_out_of_band", "stratum B")]  # 20-21% is in no band
    wide = normalise_bands({"A": [0, 0.9]})
    assert wide["B"] == DEFAULT_BANDS["B"]
    # A plan may widen A's band, but the order still holds.
    rule = SamplingRule(ratios={"A": 0.5, "B": 0.2, "C": 0.3, "D": 0.7})
    assert codes(band_problems(rule, wide, SIZES)) == [("ratio_falls_with_risk", "stratum B")]


def test_an_override_lifts_the_bands_but_not_the_order():
    rule = SamplingRule(ratios={"A": 0.2, "B": 0.5, "C": 1.0, "D": 1.0})
    assert {p.code for p in band_problems(rule, DEFAULT_BANDS, SIZES)} == {"ratio_out_of_band"}
    assert band_problems(rule, DEFAULT_BANDS, SIZES, overridden=True) == []
    inverted = SamplingRule(ratios={"A": 0.9, "B": 0.2, "C": 0.05, "D": 0.01})
    assert {p.code for p in band_problems(inverted, DEFAULT_BANDS, SIZES, overridden=True)} == {"ratio_falls_with_risk"}


def test_counts_are_judged_against_the_stratum_at_lock_time():
    sizes = {"A": 100, "B": 10, "C": 10, "D": 3}
    ok = SamplingRule(counts={"A": 5, "B": 2, "C": 6, "D": 3})   # 5%, 20%, 60%, 100%
    assert band_problems(ok, DEFAULT_BANDS, sizes) == []
    # 1 of 10 B is 10%; ceil(5% x 10) = 1 .. ceil(20% x 10) = 2; D 1 of 3 is 33% < 61%.
    over = SamplingRule(counts={"A": 6, "B": 1, "C": 6, "D": 1})
    found = band_problems(over, DEFAULT_BANDS, sizes)
    assert codes(found) == [("count_out_of_band", "stratum A"), ("count_out_of_band", "stratum D"),
                            ("ratio_falls_with_risk", "stratum D")]
    a = next(p for p in found if p.where == "stratum A")
    assert "6 of 100" in a.message and "1-5" in a.message
    # A small class: one entity of ten is 10%, yet it is what "at most 5%" draws (no class is exempt).
    assert band_problems(SamplingRule(counts={"A": 1, "B": 1, "C": 3, "D": 3}), DEFAULT_BANDS,
                         {"A": 10, "B": 10, "C": 10, "D": 3}) == []


def _record(override=None):
    spec = simple_spec(ratios={"A": 0.05, "B": 0.2, "C": 0.5, "D": 1.0})
    spec = dataclasses.replace(spec, sampling=dataclasses.replace(spec.sampling, override=override))
    randomness = Randomness(kind="rfc3797", sources=((9319,), (2, 5, 8, 10, 12)))
    return make_record(spec, randomness, run_draw(spec, randomness))


def test_a_record_without_override_is_written_as_before_and_one_with_it_verifies():
    plain = _record()
    assert plain["sampling"] == {"ratios": {"A": 0.05, "B": 0.2, "C": 0.5, "D": 1.0}}
    assert verify_record(plain).ok
    override = {"reason": "专项整治：夏季食品安全", "by": "planner", "at": "2027-03-01T08:00:00+00:00",
                "bands": {k: list(v) for k, v in DEFAULT_BANDS.items()}}
    record = _record(override)
    assert record["sampling"]["override"] == override
    assert record["outcome"] == plain["outcome"]  # the override changes nothing in the draw
    assert verify_record(record).ok
    assert spec_from_record(record).sampling.override == override
