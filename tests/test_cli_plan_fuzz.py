"""``tongguan draw run`` with fuzzed plan files (issue 13): every refusal is an exit 2 naming the
plan file and the JSON path; no traceback; a plan refused at its checks stores nothing."""
import json

import pytest
from hypothesis import given

from core.db.database import Database
from tests.bench.trust_fuzz import city, plan_template
from tests.support.fuzz_inputs import FUZZ_SETTINGS, Tally, fingerprint, mutated, run_plan


@pytest.fixture(scope="module")
def plan_city(tmp_path_factory):
    path = tmp_path_factory.mktemp("planfuzz") / "city.sqlite"
    db = Database.open(city(path))
    yield db, str(path)
    db.dispose()


def test_fuzzed_plan_files_are_drawn_or_refused_by_name(plan_city, tmp_path):
    db, url = plan_city
    tally = Tally()
    template = plan_template(db)

    @FUZZ_SETTINGS
    @given(mutated(template))
    def case(data):
        run_plan(tally, db, url, data, tmp_path / "plan.json")

    case()
    assert tally.tracebacks == []
    assert tally.refused > tally.cases // 2


@pytest.mark.parametrize("change, where", [
    (lambda p: p.update(year=[2027]), "year"),
    (lambda p: p.update(year=10**30), "year"),
    (lambda p: p.update(name="计划\x00"), "name"),
    (lambda p: p["batches"][0].update(name="x\ud800"), "batches[0].name"),
    (lambda p: p["batches"][0]["departments"][0].update(team_size=2**64), "batches[0].departments[0].team_size"),
    (lambda p: p["batches"][0]["departments"][0].update(matters=[["SCJG-001"]]), "batches[0].departments[0].matters[0]"),
    (lambda p: p["batches"][0]["pool"].update(village_codes=[{"a": 1}]), "batches[0].pool.village_codes[0]"),
    (lambda p: p["batches"][0]["pool"].update(entity_ids=[2**63]), "batches[0].pool.entity_ids[0]"),
    (lambda p: p["batches"][0]["sampling"]["ratios"].update(A=float("nan")), "batches[0].sampling.ratios.A"),
    (lambda p: p["batches"][0].update(avoidance={"same_village": "yes"}), "batches[0].avoidance.same_village"),
    (lambda p: p["batches"][0].update(randomness={"kind": "rfc3797", "sources": ["1\x00"]}),
     "batches[0].randomness.sources[0]"),
    (lambda p: p["batches"][0].update(window=["2027-03-01", ["x"]]), "batches[0].window"),
])
def test_a_plan_refusal_names_the_file_and_json_path(plan_city, tmp_path, change, where):
    db, url = plan_city
    plan = plan_template(db)
    change(plan)
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(plan), encoding="utf-8")
    before = fingerprint(db.engine)
    from desktop.cli.plan_file import PlanFileError, batch_fields, load_plan
    with pytest.raises(PlanFileError) as refused:
        data = load_plan(path)
        for n, raw in enumerate(data["batches"]):
            batch_fields(raw, f"{path}: batches[{n}]")
    assert refused.value.where == f"{path}: {where}"
    assert fingerprint(db.engine) == before
