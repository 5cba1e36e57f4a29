"""validate(): each rule refuses a spec that breaks it, citing the rule; a good spec passes."""
import dataclasses

import pytest

from core.draws import (
    DEFAULT_RATIOS,
    RULE_TEAM,
    Avoidance,
    DepartmentRule,
    DrawRefused,
    DrawSpec,
    InspectorRef,
    PoolEntry,
    Randomness,
    SamplingRule,
    ordered_pool,
    run_draw,
    validate,
)
from core.errors import ValidationError

from .helpers import RFC_SOURCES, code, department, pool_of, simple_spec


def codes(spec):
    return sorted(p.code for p in validate(spec))


def test_a_good_spec_has_no_problems():
    assert validate(simple_spec()) == []
    assert validate(simple_spec(ratios=DEFAULT_RATIOS)) == []


def test_default_ratios_are_the_published_upper_bounds_and_exempt_no_class():
    assert DEFAULT_RATIOS == {"A": 0.05, "B": 0.20, "C": 0.60, "D": 1.00}


def test_empty_pool():
    spec = dataclasses.replace(simple_spec(), pool=())
    assert codes(spec) == ["empty_pool"]


def test_team_too_small_cites_article_42():
    spec = simple_spec(departments=(department(1, 6, team=1),))
    problems = validate(spec)
    assert [p.code for p in problems] == ["team_too_small"]
    assert problems[0].rule == RULE_TEAM and "第四十二条" in problems[0].rule
    assert problems[0].where == "department 1" and "1" in problems[0].message


def test_not_enough_inspectors_names_department_and_numbers():
    spec = simple_spec(departments=(department(7, 2, team=3),))
    problems = validate(spec)
    assert [p.code for p in problems] == ["not_enough_inspectors"]
    assert problems[0].where == "department 7"
    assert "2" in problems[0].message and "3" in problems[0].message


def test_ratio_over_100():
    assert codes(simple_spec(ratios={"A": 0.05, "B": 0.2, "C": 0.6, "D": 1.5})) == ["ratio_over_100"]


@pytest.mark.parametrize("ratios", [{"A": 0, "B": 0.2, "C": 0.6, "D": 1.0}, {"B": 0.2, "C": 0.6, "D": 1.0}])
def test_class_exempt(ratios):
    problems = validate(simple_spec(ratios=ratios))
    assert [p.code for p in problems] == ["class_exempt"]
    assert problems[0].where == "stratum A"


def test_a_class_absent_from_the_pool_needs_no_ratio():
    assert validate(simple_spec(sizes={"C": 5, "D": 5}, ratios={"C": 0.5, "D": 1.0})) == []


def test_class_exempt_by_a_zero_count():
    spec = dataclasses.replace(simple_spec(), sampling=SamplingRule(counts={"A": 1, "B": 1, "C": 0, "D": 1}))
    assert codes(spec) == ["class_exempt"]


@pytest.mark.parametrize("rule", [SamplingRule(), SamplingRule(ratios=DEFAULT_RATIOS, counts={"A": 1})])
def test_ratio_and_count(rule):
    assert codes(dataclasses.replace(simple_spec(), sampling=rule)) == ["ratio_and_count"]


def test_unknown_stratum_in_pool_and_in_rule():
    pool = ordered_pool([*pool_of({"A": 3}), PoolEntry(code(999), 9, "E")])
    spec = dataclasses.replace(simple_spec(), pool=pool, sampling=SamplingRule(ratios={"A": 0.5, "X": 0.1}))
    problems = validate(spec)
    assert sorted(p.code for p in problems) == ["unknown_stratum", "unknown_stratum"]
    assert {p.where for p in problems} == {"stratum E", "stratum X"}


def test_pool_order_and_duplicates():
    pool = pool_of({"A": 3})
    assert codes(dataclasses.replace(simple_spec(), pool=(pool[1], pool[0], pool[2]))) == ["pool_not_ordered"]
    assert codes(dataclasses.replace(simple_spec(), pool=(pool[0], pool[0], pool[2]))) == ["duplicate_uscc"]


def test_ordered_pool_refuses_a_duplicate_naming_it():
    a = PoolEntry(code(1), 1, "A")
    with pytest.raises(ValueError, match=code(1)):
        ordered_pool([a, PoolEntry(code(1), 2, "B")])


@pytest.mark.parametrize("value, expected", [(float("nan"), "bad_ratio"), ("0.1", "bad_ratio"), (True, "bad_ratio")])
def test_bad_ratio(value, expected):
    assert codes(simple_spec(ratios={"A": value, "B": 0.2, "C": 0.6, "D": 1.0})) == [expected]


def test_bad_count():
    spec = dataclasses.replace(simple_spec(), sampling=SamplingRule(counts={"A": 1.5, "B": 1, "C": 1, "D": 1}))
    assert codes(spec) == ["bad_count"]


def test_department_pool_problems():
    assert codes(dataclasses.replace(simple_spec(), departments=())) == ["no_departments"]
    assert codes(simple_spec(departments=(department(1, 4), department(1, 4, first_id=50)))) == ["duplicate_department"]
    wrong = DepartmentRule(1, 2, (InspectorRef(1, 1), InspectorRef(2, 9), InspectorRef(3, 1)))
    assert codes(simple_spec(departments=(wrong,))) == ["inspector_department_mismatch"]
    shared = (department(1, 4, first_id=10), department(2, 4, first_id=12))
    assert codes(simple_spec(departments=shared)) == ["duplicate_inspector", "duplicate_inspector"]


def test_messages_are_chinese_first_and_bilingual():
    for p in validate(simple_spec(departments=(department(3, 1, team=1),), ratios={"A": 2, "B": 0})):
        first_chinese = next(i for i, ch in enumerate(p.message) if "\u4e00" <= ch <= "\u9fff")
        assert first_chinese < p.message.index("(")
        assert p.rule and p.where


def test_run_draw_refuses_an_invalid_spec_with_its_problems():
    spec = simple_spec(departments=(department(1, 6, team=1),))
    with pytest.raises(DrawRefused) as err:
        run_draw(spec, Randomness("rfc3797", RFC_SOURCES))
    assert isinstance(err.value, ValidationError)
    assert [p.code for p in err.value.problems] == ["team_too_small"]


@pytest.mark.parametrize("ratio, size, expected", [(0.07, 100, 7), (0.05, 1, 1), (0.2, 7, 2), (1.0, 9, 9),
                                                   (0.61, 36, 22), (0.01, 0, 0), (0.3, 10, 3)])
def test_count_for_rounds_up_at_the_decimal_value(ratio, size, expected):
    assert SamplingRule(ratios={"A": ratio}).count_for("A", size) == expected


def test_count_for_fixed_counts_are_capped_by_the_stratum():
    rule = SamplingRule(counts={"A": 5})
    assert rule.count_for("A", 3) == 3 and rule.count_for("A", 50) == 5


def test_avoidance_defaults_are_empty():
    av = DrawSpec("b", (), SamplingRule(ratios=DEFAULT_RATIOS), ()).avoidance
    assert av == Avoidance() and not av.conflicts and not av.last_inspectors and av.same_village is False
