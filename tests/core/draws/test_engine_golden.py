"""The draw's results are pinned: digests of whole outcomes computed with the engine as it
was before its hot path was vectorised (commit 5d1c50d), and a randomised cross-check of
the engine against the by-the-book re-implementation with many withdrawals."""
import dataclasses
import hashlib
import json
import random

import pytest

from core.draws import Avoidance, DepartmentRule, InspectorRef, Randomness, draw_key, run_draw
from tests.bench.draw_suite import synthetic_spec

from .helpers import RFC_SOURCES, department, naive_draw, simple_spec

RFC = Randomness("rfc3797", RFC_SOURCES)


def outcome_digest(outcome) -> str:
    """SHA-256 of the outcome as canonical JSON: key, picks with their teams, strata, loads, alternates."""
    data = {"key": outcome.key,
            "picks": [[p.order, p.entity_id, p.uscc, p.stratum, [[d, list(t)] for d, t in p.teams.items()]]
                      for p in outcome.picks],
            "strata": [[s.stratum, s.pool, s.drawn] for s in outcome.strata],
            "load": sorted(outcome.load.items()), "alternates": outcome.alternates}
    return hashlib.sha256(json.dumps(data, separators=(",", ":")).encode()).hexdigest()


@pytest.fixture(scope="module")
def bench_batch():
    return synthetic_spec(30_000, seed=7, departments=8, taking_part=4)


def test_benchmark_batch_outcome_is_unchanged(bench_batch):
    spec, randomness = bench_batch
    out = run_draw(spec, randomness)
    assert (len(out.picks), out.alternates) == (1832, 16)
    assert outcome_digest(out) == "d2f56e2cb7c365855c55aadb9296d02d46bd3de702626bfd93fe2a4e072921b1"


def test_mixed_team_sizes_with_the_village_rule_are_unchanged(bench_batch):
    spec, randomness = bench_batch
    departments = tuple(dataclasses.replace(r, team_size=2 + i % 3) for i, r in enumerate(spec.departments))
    spec = dataclasses.replace(spec, departments=departments,
                               avoidance=dataclasses.replace(spec.avoidance, same_village=True))
    out = run_draw(spec, randomness)
    assert (len(out.picks), out.alternates) == (1832, 43)
    assert outcome_digest(out) == "86775d4160ecb4a1592ffa523970e493f967dc27646998145d4cab2700a23fa1"


def test_small_departments_with_many_withdrawals_are_unchanged(bench_batch):
    spec, randomness = bench_batch
    departments = tuple(dataclasses.replace(r, team_size=2 + i % 3, inspectors=r.inspectors[:7])
                        for i, r in enumerate(spec.departments))
    keep = {ref.id for r in departments for ref in r.inspectors}
    av = spec.avoidance
    last = {e: ids & keep for e, ids in av.last_inspectors.items() if ids & keep}
    spec = dataclasses.replace(spec, departments=departments, avoidance=Avoidance(
        frozenset((i, e) for i, e in av.conflicts if i in keep), last, True))
    out = run_draw(spec, randomness)
    assert (len(out.picks), out.alternates) == (1832, 65)
    assert outcome_digest(out) == "b9d783aabd8185fabe5483ae823977a61dc9560f16631d576e344efd3509aba2"


@pytest.mark.parametrize("seed", range(6))
def test_engine_matches_the_book_under_heavy_withdrawals(seed):
    # Small departments, teams of 2-4, a third of the picks with withdrawals: every path of
    # the team assignment (stretches, waiting inspectors, round ends, skips) is exercised.
    rng = random.Random(seed)
    departments = (department(1, rng.randint(5, 8)), department(2, rng.randint(7, 10), team=3, first_id=50),
                   department(3, rng.randint(9, 12), team=rng.choice((2, 3)), first_id=70, villages=3))
    spec = simple_spec(sizes={"A": 200, "B": 120, "C": 60, "D": 30}, villages=4, departments=departments)
    ids = [r.id for d in departments for r in d.inspectors]
    entities = [e.entity_id for e in spec.pool]
    conflicts = frozenset((rng.choice(ids), rng.choice(entities)) for _ in range(150))
    last = {e: frozenset(rng.sample(ids, 2)) for e in rng.sample(entities, 120)}
    for same_village in (False, True):
        s = dataclasses.replace(spec, avoidance=Avoidance(conflicts, last, same_village))
        randomness = Randomness("rfc3797", ((seed, 17), (3, 1, 4)))
        out = run_draw(s, randomness)
        assert [(p.entity_id, dict(p.teams)) for p in out.picks] == naive_draw(s, draw_key(randomness))


def test_one_department_pool_of_exactly_one_team():
    # Every round's order is the whole team: each team is a round, in that round's order.
    refs = tuple(InspectorRef(i, 9) for i in (5, 3, 8))
    spec = simple_spec(sizes={"A": 40}, ratios={"A": 1.0}, departments=(DepartmentRule(9, 3, refs),))
    out = run_draw(spec, Randomness("rfc3797", ((1,),)))
    assert [(p.entity_id, dict(p.teams)) for p in out.picks] == naive_draw(spec, out.key)


def test_wide_teams_from_a_large_pool_match_the_book():
    # 300 inspectors in teams of 3: too many possible teams to number, each team its own tuple.
    spec = simple_spec(sizes={"A": 200, "B": 150, "C": 60, "D": 30},
                       departments=(department(1, 300, team=3), department(2, 4, first_id=1000)))
    entities = [e.entity_id for e in spec.pool]
    rng = random.Random(3)
    last = {e: frozenset(rng.sample(range(100, 400), 40)) for e in rng.sample(entities, 80)}
    spec = dataclasses.replace(spec, avoidance=Avoidance(last_inspectors=last))
    out = run_draw(spec, RFC)
    assert [(p.entity_id, dict(p.teams)) for p in out.picks] == naive_draw(spec, out.key)
    assert out.alternates > 0


def test_equal_priorities_keep_position_order(monkeypatch):
    import core.draws.teams as teams

    n = 1000
    values = [j * 7919 % 5 for j in range(n)]      # five numbers, each shared by 200 inspectors

    class FewNumbers:
        def __init__(self, data):
            pass

        def digest(self, length):
            assert length == 8 * n
            return b"".join(v.to_bytes(8, "big") for v in values)

    monkeypatch.setattr(teams.hashlib, "shake_256", FewNumbers)
    expected = sorted(range(n), key=lambda j: (values[j], j))
    assert teams.round_order("k", 1, range(2), n).tolist() == [expected] * 2
