"""run_draw: strata, picks and teams, against the rules and a by-the-book re-implementation."""
import dataclasses
import hashlib
from collections import Counter

import pytest

from core.draws import (
    STRATA,
    Avoidance,
    DrawRefused,
    PoolEntry,
    Randomness,
    commit,
    draw_key,
    ordered_pool,
    round_order,
    run_draw,
)

from .helpers import RFC_KEY, RFC_SOURCES, code, department, naive_draw, simple_spec

RFC = Randomness("rfc3797", RFC_SOURCES)


def check_teams(spec, outcome):
    """Every team: right size, from the department's pool, nobody twice, nobody who must withdraw."""
    av = spec.avoidance
    village = {e.entity_id: e.village for e in spec.pool}
    for pick in outcome.picks:
        assert set(pick.teams) == {d.department_id for d in spec.departments}
        for rule in spec.departments:
            team = pick.teams[rule.department_id]
            pool = {r.id: r for r in rule.inspectors}
            assert len(team) == rule.team_size
            assert len(set(team)) == len(team)
            assert set(team) <= set(pool)
            for i in team:
                assert (i, pick.entity_id) not in av.conflicts
                assert i not in av.last_inspectors.get(pick.entity_id, ())
                if av.same_village:
                    assert pool[i].village is None or pool[i].village != village[pick.entity_id]


def test_strata_are_drawn_in_order_with_the_rule_counts():
    spec = simple_spec()
    out = run_draw(spec, RFC)
    assert out.key == RFC_KEY
    assert [(s.stratum, s.pool, s.drawn) for s in out.strata] == [("A", 40, 2), ("B", 30, 6), ("C", 20, 12),
                                                                  ("D", 10, 10)]
    assert [p.order for p in out.picks] == list(range(1, 31))
    assert "".join(p.stratum for p in out.picks) == "AA" + "B" * 6 + "C" * 12 + "D" * 10
    by_id = {e.entity_id: e for e in spec.pool}
    assert all(by_id[p.entity_id].uscc == p.uscc and by_id[p.entity_id].stratum == p.stratum for p in out.picks)
    assert len({p.entity_id for p in out.picks}) == 30


def test_each_stratum_uses_its_own_key_suffix():
    from .helpers import naive_select
    spec = simple_spec()
    out = run_draw(spec, RFC)
    b = [e for e in spec.pool if e.stratum == "B"]
    expected = [b[i].entity_id for i in naive_select(RFC_KEY + "B/", len(b), 6)]
    assert [p.entity_id for p in out.picks if p.stratum == "B"] == expected


def test_the_draw_is_reproducible_and_depends_on_the_key():
    spec = simple_spec()
    assert run_draw(spec, RFC) == run_draw(spec, RFC)
    other = run_draw(spec, Randomness("rfc3797", ((9319,), (2, 5, 12, 8, 11), (9, 18, 26, 34, 41, 45))))
    assert [p.entity_id for p in other.picks] != [p.entity_id for p in run_draw(spec, RFC).picks]


def test_engine_matches_the_readme_by_the_book():
    spec = simple_spec(sizes={"A": 300, "B": 120, "C": 60, "D": 20}, villages=9,
                       departments=(department(1, 7, villages=9), department(2, 4, team=2),
                                    department(3, 9, team=3, villages=5)))
    picks = [e for e in spec.pool][:200:3]
    conflicts = frozenset((100 + (e.entity_id % 7), e.entity_id) for e in picks) | \
        frozenset((300 + (e.entity_id % 9), e.entity_id) for e in picks[::2])
    last = {e.entity_id: frozenset({200 + e.entity_id % 4, 101}) for e in spec.pool[::5]}
    for same_village in (False, True):
        s = dataclasses.replace(spec, avoidance=Avoidance(conflicts, last, same_village))
        out = run_draw(s, RFC)
        assert [(p.entity_id, dict(p.teams)) for p in out.picks] == naive_draw(s, RFC_KEY)
        check_teams(s, out)
        assert out.alternates > 0


def test_seed_draw_matches_the_readme_too():
    seed = "c0ffee" * 8
    spec = simple_spec()
    out = run_draw(spec, Randomness("seed", seed=seed, commitment=commit(seed)))
    assert out.key == "seed:" + seed
    assert [(p.entity_id, dict(p.teams)) for p in out.picks] == naive_draw(spec, "seed:" + seed)


@pytest.mark.parametrize("size, team", [(2, 2), (3, 2), (5, 2), (7, 3), (40, 2), (9, 5), (120, 2)])
def test_loads_are_balanced_without_avoidance(size, team):
    spec = simple_spec(sizes={"A": 300, "B": 100, "C": 50, "D": 20},
                       departments=(department(4, size, team=team),))
    out = run_draw(spec, RFC)
    loads = [out.load[r.id] for r in spec.departments[0].inspectors]
    assert max(loads) - min(loads) <= 1, loads
    assert sum(loads) == len(out.picks) * team
    check_teams(spec, out)


def test_withdrawing_inspectors_are_skipped_for_the_next_in_line():
    spec = simple_spec(sizes={"A": 10}, ratios={"A": 1.0}, departments=(department(5, 6),))
    ids = sorted(r.id for r in spec.departments[0].inspectors)
    line = [ids[j] for j in round_order(RFC_KEY, 5, range(1), 6)[0]]
    first = run_draw(spec, RFC).picks[0].entity_id
    # The first entity conflicts with the first three in line: its team is the 4th and 5th.
    av = Avoidance(conflicts=frozenset((i, first) for i in line[:3]))
    out = run_draw(dataclasses.replace(spec, avoidance=av), RFC)
    assert out.picks[0].entity_id == first
    assert out.picks[0].teams[5] == (line[3], line[4])
    assert out.alternates == 3
    # The skipped ones are first in line for the next entity.
    assert out.picks[1].teams[5] == (line[0], line[1])
    check_teams(dataclasses.replace(spec, avoidance=av), out)


def test_last_inspection_team_withdraws():
    spec = simple_spec(sizes={"A": 20}, ratios={"A": 1.0}, departments=(department(1, 4),))
    out = run_draw(spec, RFC)
    last = {p.entity_id: frozenset(p.teams[1]) for p in out.picks}   # as if this were last year's batch
    again = dataclasses.replace(spec, avoidance=Avoidance(last_inspectors=last))
    out2 = run_draw(again, RFC)
    check_teams(again, out2)
    for p in out2.picks:
        assert not set(p.teams[1]) & last[p.entity_id]


def test_same_village_rule_only_when_on():
    # Every inspector lives in 村0, and so does every entity.
    spec = simple_spec(sizes={"A": 6}, ratios={"A": 1.0}, villages=1, departments=(department(1, 3, villages=1),))
    assert run_draw(spec, RFC).picks
    with pytest.raises(DrawRefused) as err:
        run_draw(dataclasses.replace(spec, avoidance=Avoidance(same_village=True)), RFC)
    assert err.value.problems[0].code == "no_team_after_avoidance"


def test_refused_when_avoidance_leaves_too_few_naming_entity_and_department():
    spec = simple_spec(sizes={"A": 8}, ratios={"A": 1.0}, departments=(department(1, 4), department(6, 3)))
    victim = spec.pool[5]
    av = Avoidance(conflicts=frozenset({(600, victim.entity_id), (601, victim.entity_id)}))
    with pytest.raises(DrawRefused) as err:
        run_draw(dataclasses.replace(spec, avoidance=av), RFC)
    problem = err.value.problems[0]
    assert problem.code == "no_team_after_avoidance" and "第四十三条" in problem.rule
    assert problem.where == f"department 6, entity {victim.entity_id}"
    assert victim.uscc in problem.message and "department 6" in problem.message


def test_conflicts_with_other_departments_inspectors_do_not_count():
    spec = simple_spec(sizes={"A": 8}, ratios={"A": 1.0}, departments=(department(1, 2),))
    av = Avoidance(conflicts=frozenset((999, e.entity_id) for e in spec.pool))
    out = run_draw(dataclasses.replace(spec, avoidance=av), RFC)
    assert out.alternates == 0 and len(out.picks) == 8


def test_load_counts_every_eligible_inspector():
    spec = simple_spec(sizes={"A": 1}, ratios={"A": 1.0}, departments=(department(1, 5),))
    out = run_draw(spec, RFC)
    assert sorted(out.load) == [100, 101, 102, 103, 104]
    assert sorted(out.load.values()) == [0, 0, 0, 1, 1]


def test_seed_must_match_its_commitment():
    seed = "5eed" * 16
    assert draw_key(Randomness("seed", seed=seed, commitment=commit(seed))) == "seed:" + seed
    for bad in (Randomness("seed", seed=seed, commitment=commit(seed + "x")),
                Randomness("seed", seed=seed), Randomness("seed", commitment=commit(""))):
        with pytest.raises(ValueError):
            draw_key(bad)
    with pytest.raises(DrawRefused) as err:
        run_draw(simple_spec(), Randomness("seed", seed="other", commitment=commit(seed)))
    assert [p.code for p in err.value.problems] == ["bad_randomness"]
    with pytest.raises(ValueError):
        draw_key(Randomness("dice"))
    with pytest.raises(ValueError):
        draw_key(Randomness("rfc3797"))


def test_round_order_is_shake256_numbers_sorted():
    n = 7
    data = hashlib.shake_256(f"{RFC_KEY}inspectors/12/3".encode()).digest(8 * n)
    numbers = [int.from_bytes(data[8 * j:8 * j + 8], "big") for j in range(n)]
    assert round_order(RFC_KEY, 12, range(3, 4), n)[0].tolist() == sorted(range(n), key=lambda j: numbers[j])


def test_chi_square_picks_within_a_stratum_are_uniform():
    # 20 entities of class C, 3 drawn per batch, 1500 batches with different sources:
    # each entity should be drawn 225 times; chi-square (19 d.f.) critical value at p = 0.001: 43.82.
    spec = simple_spec(sizes={"C": 20}, ratios={"C": 0.15}, departments=(department(1, 2),))
    counts = Counter()
    batches = 1500
    for k in range(batches):
        out = run_draw(spec, Randomness("rfc3797", ((k,), (7, 3))))
        counts.update(p.entity_id for p in out.picks)
    expected = batches * 3 / 20
    chi2 = sum((counts[e.entity_id] - expected) ** 2 / expected for e in spec.pool)
    assert chi2 < 43.82, chi2


def test_chi_square_first_team_member_is_uniform_over_the_department():
    spec = simple_spec(sizes={"D": 1}, ratios={"D": 1.0}, departments=(department(1, 20),))
    counts = Counter(run_draw(spec, Randomness("rfc3797", ((k,),))).picks[0].teams[1][0] for k in range(4000))
    expected = 4000 / 20
    assert sum((counts[100 + j] - expected) ** 2 / expected for j in range(20)) < 43.82


def test_strata_without_entities_draw_nothing():
    spec = simple_spec(sizes={"D": 3}, ratios={"D": 1.0})
    out = run_draw(spec, RFC)
    assert [(s.stratum, s.pool, s.drawn) for s in out.strata] == [(s, 0, 0) for s in "ABC"] + [("D", 3, 3)]
    assert STRATA == ("A", "B", "C", "D")


def test_big_pool_with_a_wide_stratum():
    # More than 65536 picks in one stratum goes through the four-byte counter.
    pool = ordered_pool(PoolEntry(code(n), n, "D") for n in range(70_000))
    spec = dataclasses.replace(simple_spec(), pool=pool, sampling=simple_spec().sampling,
                               departments=(department(1, 40),))
    out = run_draw(spec, RFC)
    assert len(out.picks) == 70_000 and len({p.entity_id for p in out.picks}) == 70_000
    loads = list(out.load.values())
    assert max(loads) - min(loads) <= 1
