"""make_record / verify_record: a record re-runs to itself; any change is found and named."""
import copy
import dataclasses
import json

import pytest

from core.draws import (
    ALGORITHM_VERSION,
    Avoidance,
    Randomness,
    commit,
    make_record,
    pool_hash,
    record_digest,
    run_draw,
    verify_record,
)

from .helpers import RFC_KEY, RFC_SOURCES, code, department, simple_spec

RFC = Randomness("rfc3797", RFC_SOURCES)


@pytest.fixture(scope="module")
def drawn():
    spec = simple_spec(sizes={"A": 60, "B": 30, "C": 20, "D": 10}, villages=4,
                       departments=(department(1, 6, villages=4), department(2, 5, team=3)))
    spec = dataclasses.replace(spec, avoidance=Avoidance(
        conflicts=frozenset({(101, spec.pool[3].entity_id), (200, spec.pool[8].entity_id)}),
        last_inspectors={spec.pool[5].entity_id: frozenset({102, 203})}, same_village=True))
    outcome = run_draw(spec, RFC)
    return spec, outcome, make_record(spec, RFC, outcome, meta={"batch_id": 7, "drawn_at": "2027-03-01 10:00"})


def round_trip(record):
    return json.loads(json.dumps(record, sort_keys=True, ensure_ascii=False))


def problems_of(record):
    report = verify_record(record)
    assert not report.ok
    return "\n".join(report.problems)


def test_record_holds_everything_needed(drawn):
    spec, outcome, record = drawn
    assert record["algorithm"] == ALGORITHM_VERSION == "tongguan-draw/1"
    assert record["batch"] == spec.batch and record["meta"]["batch_id"] == 7
    assert record["pool"]["count"] == len(spec.pool)
    assert record["pool"]["hash"] == pool_hash(e.uscc for e in spec.pool)
    assert record["pool"]["entries"][0] == [spec.pool[0].uscc, spec.pool[0].entity_id, spec.pool[0].stratum,
                                            spec.pool[0].village]
    assert record["sampling"] == {"ratios": {"A": 0.05, "B": 0.2, "C": 0.6, "D": 1.0}}
    assert [d["team_size"] for d in record["departments"]] == [2, 3]
    assert record["departments"][0]["inspectors"][0] == [100, "村0"]
    assert record["avoidance"]["same_village"] is True
    assert record["randomness"]["sources"] == [list(s) for s in RFC_SOURCES]
    assert record["key"] == RFC_KEY
    assert len(record["outcome"]["picks"]) == len(outcome.picks)
    json.dumps(record, sort_keys=True)


def test_the_same_record_always_verifies(drawn):
    _, _, record = drawn
    assert verify_record(record).ok
    assert verify_record(round_trip(record)) == verify_record(record)
    assert record_digest(round_trip(record)) == record_digest(record)


def test_pool_hash_matches_the_demo_publication():
    # core/demo/draws.py publishes sha256("\n".join(sorted(usccs))): keep identical.
    import hashlib
    usccs = [code(5), code(2), code(9)]
    assert pool_hash(usccs) == hashlib.sha256("\n".join(sorted(usccs)).encode()).hexdigest()


def test_changed_uscc_is_found(drawn):
    record = copy.deepcopy(drawn[2])
    record["pool"]["entries"][4][0] = code(123456)
    text = problems_of(record)
    assert "pool hash differs" in text


def test_changed_source_value_is_named(drawn):
    record = copy.deepcopy(drawn[2])
    record["randomness"]["sources"][1][2] = 13
    text = problems_of(record)
    assert "source 2" in text and "2.5.8.10.12./" in text and "2.5.8.10.13./" in text
    assert "pick " in text   # and the re-run with the real sources draws differently


def test_changed_seed_is_found():
    seed = "ab" * 32
    spec = simple_spec()
    randomness = Randomness("seed", seed=seed, commitment=commit(seed))
    record = make_record(spec, randomness, run_draw(spec, randomness))
    assert verify_record(record).ok
    record["randomness"]["seed"] = "ac" + seed[2:]
    text = problems_of(record)
    assert "commitment does not match the seed" in text


def test_changed_team_member_is_found(drawn):
    record = copy.deepcopy(drawn[2])
    pick = record["outcome"]["picks"][6]
    team = pick["teams"][1]
    team["inspectors"][0] = 999
    text = problems_of(record)
    assert f"pick 7, department {team['department_id']}: record has inspectors 999" in text


def test_changed_pick_is_found(drawn):
    record = copy.deepcopy(drawn[2])
    pick = record["outcome"]["picks"][16]
    pick["entity_id"], pick["uscc"] = 123, code(4242)
    text = problems_of(record)
    assert f"pick 17: record has entity 123 (USCC {code(4242)})" in text


def test_changed_stratum_of_an_entry_is_found(drawn):
    record = copy.deepcopy(drawn[2])
    entry = next(e for e in record["pool"]["entries"] if e[2] == "A")
    entry[2] = "D"
    text = problems_of(record)
    assert "strata hash differs" in text
    assert "stratum A: record has pool 60" in text and "re-run gives pool 59" in text


def test_changed_team_size_or_avoidance_is_found(drawn):
    record = copy.deepcopy(drawn[2])
    record["avoidance"]["same_village"] = False
    assert not verify_record(record).ok
    record = copy.deepcopy(drawn[2])
    record["departments"][1]["team_size"] = 2
    assert not verify_record(record).ok


def test_changed_key_alone_is_found(drawn):
    record = copy.deepcopy(drawn[2])
    record["key"] = "1./"
    assert "key differs" in problems_of(record) or "source" in problems_of(record)


def test_malformed_or_foreign_records_do_not_verify(drawn):
    record = copy.deepcopy(drawn[2])
    del record["pool"]
    assert not verify_record(record).ok
    record = copy.deepcopy(drawn[2])
    record["algorithm"] = "tongguan-draw/0"
    assert "not supported" in problems_of(record)


def test_many_differences_are_summarised(drawn):
    record = copy.deepcopy(drawn[2])
    for pick in record["outcome"]["picks"]:
        pick["teams"][0]["inspectors"] = [0, 0]
    report = verify_record(record)
    assert not report.ok and any("more differences" in p for p in report.problems)
    assert len(report.problems) <= 25


def test_digest_changes_with_any_change(drawn):
    record = copy.deepcopy(drawn[2])
    before = record_digest(record)
    record["meta"]["drawn_at"] = "2027-03-01 10:01"
    assert record_digest(record) != before
