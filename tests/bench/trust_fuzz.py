"""The ``fuzz`` part of the ``trust`` suite: hostile Open311 files, plan files and searches.

Each kind runs ``--fuzz-cases`` cases (default 10,000) drawn by hypothesis from mutated valid
templates (tests/support/fuzz_inputs.py) against a small demo city. Figures: ``fuzz_cases``
(all kinds), ``fuzz_tracebacks`` (exceptions that were not a named refusal), ``partial_writes``
(refusals that changed a row count) and per kind its accepted/refused split. Plan files cost
a CLI run each, so they run on the same city with cases that mostly stop at the checks.
"""
from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st


def city(path: Path) -> str:
    from core.demo.builder import build_demo
    from core.demo.spec import DemoSpec

    build_demo(str(path), DemoSpec(entities=1500, seed=5, as_of=dt.date(2026, 11, 20), chunk=1000))
    return str(path)


def open311_template(db) -> list[dict]:
    """Two requests as our own export writes them, under ids the city does not know."""
    from core.services import clues

    requests = clues.export_requests(db)[:2]
    for n, r in enumerate(requests):
        r["service_request_id"] = f"FUZZ-{n}"
        r["extended_attributes"].update(ref_no=None, duplicate_of=None)
        del r["extended_attributes"]["source_ref"]  # the import's key is then the id (a null one is refused)
    return requests


def plan_template(db) -> dict:
    """A plan of one small batch (one village) the city can draw."""
    from sqlalchemy import text

    with db.engine.connect() as conn:
        village = conn.execute(text("SELECT village_code FROM market_entities WHERE status = 'active' "
                                    "GROUP BY village_code ORDER BY COUNT(*) DESC, village_code")).first()[0]
    return {"year": 2027, "name": "模糊测试计划", "actor": "planner",  # the demo's planner account
            "sampling_bands": {"A": [0.01, 1], "B": [0.01, 1], "C": [0.01, 1], "D": [0.01, 1]},
            "batches": [{"name": "模糊批次", "lead_department": "SCJG",
                         "departments": [{"department": "SCJG", "team_size": 2, "matters": ["SCJG-001"]}],
                         "window": ["2027-03-01", "2027-04-30"], "pool": {"village_codes": [village]},
                         "sampling": {"ratios": {"A": 0.3, "B": 0.5, "C": 1.0, "D": 1.0}},
                         "avoidance": {"declared_conflicts": True, "last_inspection": True},
                         "randomness": {"kind": "seed"}}]}


def search_filters():
    """Filters with hostile text (typed into the box) and hostile codes and ids (from callers)."""
    from core.services.search import EntityFilter
    from tests.support.fuzz_inputs import HOSTILE, NASTY_TEXT

    text = st.one_of(st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=40),
                     st.sampled_from(NASTY_TEXT), HOSTILE)
    codes = st.one_of(st.just(()), st.just(()), st.just(()), st.lists(HOSTILE, max_size=3).map(tuple))  # mostly unset
    return st.builds(EntityFilter, text=text, town_codes=codes, village_codes=codes, industry_codes=codes,
                     entity_types=codes, statuses=codes, risk_classes=codes,
                     tag_ids=st.one_of(st.just(()), st.lists(st.integers(), max_size=3).map(tuple), codes),
                     entity_ids=st.one_of(st.just(()), st.lists(st.integers(), max_size=3).map(tuple), codes))


def fuzz(cases: int, kinds: tuple[str, ...] = ("open311", "plan", "search"), folder: Path | None = None) -> dict:
    """Run ``cases`` cases of each kind; returns the figures (and a few examples of each failure)."""
    from core.db.database import Database
    from tests.support.fuzz_inputs import FUZZ_SETTINGS, Tally, mutated, run_open311, run_plan, run_search

    with tempfile.TemporaryDirectory() as tmp:
        work = folder or Path(tmp)
        url = city(work / "fuzz.sqlite")
        db = Database.open(url)
        tallies: dict[str, Tally] = {}
        run = settings(FUZZ_SETTINGS, max_examples=cases)
        try:
            if "open311" in kinds:
                tallies["open311"] = tally = Tally()
                template = open311_template(db)

                @run
                @given(mutated(template))
                def open311_case(data):
                    run_open311(tally, db, data, work / f"requests{tally.cases % 7}.json")
                open311_case()
            if "search" in kinds:
                tallies["search"] = tally_s = Tally()

                @run
                @given(search_filters())
                def search_case(f):
                    run_search(tally_s, db, f)
                search_case()
            if "plan" in kinds:
                tallies["plan"] = tally_p = Tally()
                template_p = plan_template(db)

                @run
                @given(mutated(template_p))
                def plan_case(data):
                    run_plan(tally_p, db, url, data, work / "plan.json")
                plan_case()
        finally:
            db.dispose()
    out: dict = {"fuzz_cases": sum(t.cases for t in tallies.values()),
                 "fuzz_tracebacks": sum(len(t.tracebacks) for t in tallies.values()),
                 "partial_writes": sum(len(t.partial_writes) for t in tallies.values())}
    for kind, t in tallies.items():
        out[f"fuzz_{kind}"] = t.as_dict()
        out[f"fuzz_{kind}_examples"] = (t.tracebacks[:3] + t.partial_writes[:3] + t.unnamed[:3])
    return out


if __name__ == "__main__":  # python -m tests.bench.trust_fuzz [CASES] [KIND ...]
    import json
    import sys

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    print(json.dumps(fuzz(n, tuple(sys.argv[2:]) or ("open311", "plan", "search")), ensure_ascii=False, indent=1))
