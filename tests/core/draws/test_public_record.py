"""The public record: no risk class, village or conflict, yet its pool, randomness, counts and
teams check out, tampering is found, and it is bound to the full record auditors re-run."""
import copy
import dataclasses
import json

import pytest

from core.draws import (
    PUBLIC_FORMAT,
    STRATA,
    Avoidance,
    Randomness,
    commit,
    is_public,
    make_record,
    public_differences,
    public_record,
    record_digest,
    run_draw,
    verify_record,
)

from .helpers import RFC_SOURCES, code, department, simple_spec

RFC = Randomness("rfc3797", RFC_SOURCES)
ENTITY_KEYS = {"entity_id", "entries", "stratum", "village", "avoidance", "conflicts", "last_inspectors",
               "same_village", "strata_hash", "strata"}


def _spec():
    spec = simple_spec(sizes={"A": 60, "B": 30, "C": 20, "D": 10}, villages=4,
                       departments=(department(1, 6, villages=4), department(2, 5, team=3)))
    return dataclasses.replace(spec, avoidance=Avoidance(
        conflicts=frozenset({(101, spec.pool[3].entity_id), (200, spec.pool[8].entity_id)}),
        last_inspectors={spec.pool[5].entity_id: frozenset({102, 203})}, same_village=True))


def _roster(spec):
    return {r.id: (f"检查员{r.id}", f"ZF{r.id:06d}") for d in spec.departments for r in d.inspectors}


@pytest.fixture(scope="module")
def drawn():
    spec = _spec()
    outcome = run_draw(spec, RFC)
    full = make_record(spec, RFC, outcome, meta={"batch_id": 7})
    public = json.loads(json.dumps(public_record(full, _roster(spec), full_digest=record_digest(full))))
    return spec, outcome, full, public


def _walk(node, path=()):
    """(path, key or value) for every dict key and every scalar in ``node``."""
    if isinstance(node, dict):
        for k, v in node.items():
            yield path, k
            yield from _walk(v, path + (k,))
    elif isinstance(node, list):
        for n, v in enumerate(node):
            yield from _walk(v, path + (n,))
    else:
        yield path, node


def test_public_record_holds_no_class_village_or_conflict(drawn):
    spec, outcome, full, public = drawn
    assert outcome.alternates > 0    # withdrawals happened: conflicts, last team and villages were used
    assert is_public(public) and public["format"] == PUBLIC_FORMAT and not is_public(full)
    for path, item in _walk(public):
        # A class letter appears only as policy: the sampling rule (not even the class sizes are published).
        if item in STRATA:
            assert path[:2] == ("sampling", "ratios"), path
        assert item not in ENTITY_KEYS, (path, item)
        assert not (isinstance(item, str) and "村" in item), path
    text = json.dumps(public, ensure_ascii=False)
    assert "村" not in text and '"stratum": "A", "uscc"' not in text
    # inspectors: id, name, certificate number, nothing else
    rows = [row for d in public["departments"] for row in d["inspectors"]]
    assert rows and all(len(row) == 3 for row in rows)
    assert rows[0] == [100, "检查员100", "ZF000100"]
    # no entity id either: the conflicts and last teams name entities by id in the full record
    ids = {e.entity_id for e in spec.pool}
    assert not ids & {item for _path, item in _walk(public) if isinstance(item, int) and item >= 1000}
    # and the drawn entities are listed in code order, not pick order (which would give the classes away)
    assert public["outcome"]["drawn"] == sorted(p.uscc for p in outcome.picks)
    assert public["outcome"]["drawn"] != [p.uscc for p in outcome.picks]


def test_public_record_verifies_and_says_what_it_checked(drawn):
    _, _, full, public = drawn
    report = verify_record(public)
    assert report.ok, report.problems
    assert report.kind == "public"
    assert report.checks == ("pool", "randomness", "drawn_in_pool", "teams_line")
    assert {"picks", "counts", "withdrawals", "strata_hash", "team_entity"} <= set(report.not_checked)
    assert public["full_digest"] == record_digest(full)
    full_report = verify_record(full)
    assert full_report.ok and full_report.kind == "full"
    assert full_report.checks == ("pool", "strata_hash", "randomness", "rules", "picks", "teams")
    assert full_report.not_checked == ()


def test_the_full_record_rederives_its_public_record(drawn):
    spec, _, full, public = drawn
    assert public_differences(public, full, record_digest(full)) == []
    assert public_record(full, _roster(spec), full_digest=record_digest(full)) == public


def _problems(record):
    report = verify_record(record)
    assert not report.ok
    return "\n".join(report.problems)


def test_tampered_pool_or_randomness_is_found(drawn):
    public = copy.deepcopy(drawn[3])
    public["pool"]["usccs"][3] = code(987654)
    assert "pool hash differs" in _problems(public)
    public = copy.deepcopy(drawn[3])
    public["key"] = "9319./2.5.8.10.13./9.18.26.34.41.45./"
    assert "source 2" in _problems(public)
    public = copy.deepcopy(drawn[3])
    public["randomness"]["sources"][0][0] = 9318
    assert "source 1" in _problems(public)


def test_tampered_seed_is_found():
    seed = "cd" * 32
    spec = _spec()
    randomness = Randomness("seed", seed=seed, commitment=commit(seed))
    full = make_record(spec, randomness, run_draw(spec, randomness))
    public = public_record(full, _roster(spec), full_digest=record_digest(full))
    assert verify_record(public).ok
    public["randomness"]["seed"] = "ce" + seed[2:]
    assert "commitment does not match the seed" in _problems(public)


def test_tampered_picks_are_found(drawn):
    _, outcome, full, public = drawn
    drawn_usccs = set(public["outcome"]["drawn"])
    # a code that is not in the pool
    p = copy.deepcopy(public)
    p["outcome"]["drawn"][0] = code(987654)
    p["outcome"]["drawn"].sort()
    assert "not in the pool" in _problems(p)
    # one pick dropped: each department has a team more than there are drawn entities
    p = copy.deepcopy(public)
    del p["outcome"]["drawn"][5]
    assert f"department 1: {len(outcome.picks)} teams for {len(outcome.picks) - 1} drawn entities" in _problems(p)
    # one drawn entity swapped for an undrawn one of the pool: without the classes the public
    # record cannot tell (its checks say so); the auditor's comparison with the full record does.
    p = copy.deepcopy(public)
    p["outcome"]["drawn"][0] = next(u for u in p["pool"]["usccs"] if u not in drawn_usccs)
    p["outcome"]["drawn"].sort()
    assert "picks" in verify_record(p).not_checked
    assert any("'outcome'" in d for d in public_differences(p, full, record_digest(full)))


def test_tampered_teams_are_found(drawn):
    public = drawn[3]
    p = copy.deepcopy(public)
    team = p["departments"][0]["teams"][4]
    team[0], team[1] = team[1], team[0]
    assert "department 1, team 5" in _problems(p)
    p = copy.deepcopy(public)
    p["departments"][1]["teams"][2][0] = 999
    assert "department 2, team 3" in _problems(p)
    p = copy.deepcopy(public)
    p["outcome"]["alternates"] += 1
    assert "alternates differ" in _problems(p)


def test_public_record_of_another_full_record_is_found(drawn):
    spec, _, full, public = drawn
    other = copy.deepcopy(full)
    other["meta"]["batch_id"] = 8
    problems = public_differences(public, other, record_digest(other))
    assert any("names full record" in p for p in problems)


def test_old_full_records_still_verify(drawn):
    # The full record's format is unchanged (algorithm tongguan-draw/1, no "format" key).
    _, _, full, _ = drawn
    assert "format" not in full and full["algorithm"] == "tongguan-draw/1"
    assert verify_record(json.loads(json.dumps(full))).ok
