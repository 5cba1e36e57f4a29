"""Generates each part of the demo city in order and writes it through the bulk loader."""
from __future__ import annotations

import json
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import numpy as np
from sqlalchemy import Connection, Table, select

from core.db import text_search
from core.db.bulk import load_rows, reset_sequences
from core.db.models import (
    AppMeta, Base, ChecklistItem, Department, RegulatoryMatter, Tag, Village,
)
from core.db.uow import UnitOfWork
from core.reference import load_profile
from core.services.geography import approximate_village_centres
from core.services.reference import seed_reference
from core.workdays import WorkdayCalendar

from . import clues as clue_gen
from . import draws as draw_gen
from . import obligations
from . import people
from . import risk_signal
from .applicability import IndustryRules, TitlePicker
from .entities import ENTITY_COLUMNS, EntityGenerator, Geography
from .names import NameMaker, village_short_name
from .population import Population
from .records import RECORD_COLUMNS, generate_records, kind_plans
from .spec import STREAM_GRID, DemoSpec
from .vocabulary import load_vocabulary

# Tables whose secondary indexes are dropped during the load and rebuilt after it.
BULK_TABLES = ("market_entities", "entity_records", "entity_tags", "clues", "clue_events",
               "notification_pushes", "inspection_tasks")


def _t(name: str) -> Table:
    return Base.metadata.tables[name]


class DemoWriter:
    """One build: reference data, entities and records in chunks, then workflows."""

    def __init__(self, conn: Connection, uow: UnitOfWork, spec: DemoSpec,
                 progress: Callable[[float, str], None], check: Callable[[], None]) -> None:
        self.conn, self.uow, self.spec = conn, uow, spec
        self.progress, self.check = progress, check
        self.counts: dict[str, int] = {}
        self.profile = load_profile(spec.profile)
        self.vocab = load_vocabulary()
        self.calendar = WorkdayCalendar()
        self.rules = IndustryRules.from_vocabulary(self.vocab)
        self.industry_codes = [i.code for i in self.profile.industries]  # the generator's industry order

    def _load(self, table: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
        n = load_rows(self.conn, _t(table), columns, rows)
        self.counts[table] = self.counts.get(table, 0) + n

    def run(self) -> dict[str, int]:
        self.progress(0.0, "reference data")
        seed_reference(self.uow, self.profile)
        self.uow.session.flush()
        s = self.uow.session
        self.dept_id = {d.name_zh: d.id for d in s.scalars(select(Department))}
        self.depts = [(d.id, d.name_zh, d.group) for d in s.scalars(select(Department).order_by(Department.id))]
        sqlite = self.conn.dialect.name == "sqlite"
        indexes = [ix for name in BULK_TABLES for ix in _t(name).indexes
                   if not (sqlite and ix.name.endswith("_trgm"))]
        for ix in indexes:
            ix.drop(self.conn)
        if sqlite:
            text_search.drop_sqlite_triggers(self.conn)
        pop = self._entities_and_records()
        self.progress(0.82, "people")
        self._people(pop)
        self.progress(0.86, "clues and cases")
        self._clues(pop)
        self.progress(0.9, "double notification and commitments")
        self._obligations(pop)
        self.progress(0.93, "past draws and inspections")
        self._draws(pop)
        self.progress(0.95, "indexes")
        for ix in indexes:
            ix.create(self.conn)
        if sqlite:
            self.progress(0.97, "text search index")
            text_search.rebuild_sqlite_fts(self.conn)
            text_search.create_sqlite_triggers(self.conn)
        reset_sequences(self.conn, Base.metadata.sorted_tables)
        s.add_all([
            AppMeta(key="demo", value="1"),
            AppMeta(key="demo_spec", value=self.spec.as_meta()),
            AppMeta(key="demo_users", value=json.dumps(
                [{"username": u, "role": r.value, "password": people.DEMO_PASSWORD}
                 for u, _, r, _ in people.DEMO_USERS])),
        ])
        s.flush()
        self.progress(1.0, "done")
        return self.counts

    def _entities_and_records(self) -> Population:
        centres = approximate_village_centres(self.profile)
        geo = Geography.build(self.profile, centres)
        gen = EntityGenerator(self.spec, self.profile, geo)
        tags = {t.code: t.id for t in self.uow.session.scalars(select(Tag))}
        tag_ids = [tags[t.code] for t in gen.tags]
        plans = kind_plans(self.vocab, self.dept_id, list(gen.industry_codes))
        town_name = {t.code: t.name_zh for t in self.profile.towns}
        village_town_names = np.array([town_name[c] for c in geo.town_codes], dtype=object)
        key_area = tags.get(self.profile.demo_mix.key_area_tag)
        key_towns = set(self.profile.demo_mix.key_area_towns)
        troubled = risk_signal.troubled_villages(self.spec, len(geo.town_codes))
        problem_parts: list[np.ndarray] = []

        def make(k: int, start: int, n: int):
            chunk = gen.chunk(k, start, n)
            tag_rows = gen.tag_rows(k, chunk, tag_ids, key_area, key_towns)
            records = generate_records(self.spec, k, chunk.ids, chunk.registered, chunk.risk_idx, plans,
                                       chunk.industry_idx, village_town_names[chunk.village_idx])
            problem_parts.append(risk_signal.plant_chunk(self.spec, k, chunk.ids, chunk.village_idx, records,
                                                         troubled))  # chunks are made in order
            return chunk, tag_rows, records

        pop = Population()
        next_record = 1
        chunks = self.spec.chunks()
        # Generate chunk k+1 on a second core while chunk k is written (the driver releases the GIL).
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="demo-gen") as pool:
            pending = pool.submit(make, 0, *chunks[0])
            for k, (start, n) in enumerate(chunks):
                chunk, tag_rows, records = pending.result()
                if k + 1 < len(chunks):
                    pending = pool.submit(make, k + 1, *chunks[k + 1])
                self.check()
                self._load("market_entities", ENTITY_COLUMNS, chunk.rows)
                self._load("entity_tags", ("entity_id", "tag_id"), tag_rows)
                count = len(records[0])
                self._load("entity_records", RECORD_COLUMNS,
                           list(zip(range(next_record, next_record + count), *records)))
                next_record += count
                pop.add(chunk)
                self.progress(0.02 + 0.8 * (k + 1) / len(chunks), f"entities {start + n:,}/{self.spec.entities:,}")
        self.geo = geo
        self.problem = np.concatenate(problem_parts)
        return pop

    def _people(self, pop: Population) -> None:
        self.pop = pop.freeze()
        rows = people.inspector_rows(self.spec, self.depts, self.geo.village_codes, NameMaker(self.profile))
        self._load("inspectors", people.INSPECTOR_COLUMNS, rows)
        self.inspectors_by_dept: dict[int, np.ndarray] = {}
        for r in rows:
            if r[5] and r[4] > self.spec.as_of.isoformat():
                self.inspectors_by_dept.setdefault(r[1], []).append(r[0])  # type: ignore[arg-type]
        self.inspectors_by_dept = {d: np.array(v) for d, v in self.inspectors_by_dept.items()}
        self.conflicts = people.conflict_rows(self.spec, len(rows), self.pop)
        self._load("inspector_conflicts", ("inspector_id", "entity_id", "reason", "declared_on"), self.conflicts)
        self._load("users", ("id", "username", "display_name", "password_hash", "role_code", "department_id",
                             "town_code", "active", "is_system"),
                   people.user_rows(self.dept_id, {t.name_zh: t.code for t in self.profile.towns}))

    def _matters(self) -> list[tuple[int, str, int, list[int]]]:
        """[(matter id, code, department id, checklist item ids)] in id order."""
        s = self.uow.session
        items: dict[int, list[int]] = {}
        for item in s.scalars(select(ChecklistItem).order_by(ChecklistItem.matter_id, ChecklistItem.seq)):
            items.setdefault(item.matter_id, []).append(item.id)
        return [(m.id, m.code, m.department_id, items.get(m.id, []))
                for m in s.scalars(select(RegulatoryMatter).order_by(RegulatoryMatter.id))]

    def _clue_matters(self) -> list[clue_gen.ClueMatter]:
        """Matters with clue texts, each with the active entities it applies to: its tags (those
        industries carry) and the industries the vocabulary names for it."""
        texts = self.vocab["clues"]["matters"]
        tags_of = {m.code: set(m.tags) for m in self.profile.matters}
        industry_tags = [set(i.tags) for i in self.profile.industries]
        carried = set().union(*industry_tags)
        active = self.pop.status == "active"
        out = []
        for matter_id, code, dept_id, _ in self._matters():
            entry = texts.get(code)
            if entry is None:
                continue
            wanted = tags_of[code] & carried
            fits = np.array([(not wanted or bool(wanted & tags)) and self.rules.applies(entry, c)
                             for tags, c in zip(industry_tags, self.industry_codes)], dtype=bool)
            candidates = np.flatnonzero(fits[self.pop.industry_idx] & active)
            out.append(clue_gen.ClueMatter(matter_id, dept_id, float(entry.get("weight", 1.0)),
                                           tuple(entry["texts"]), candidates))
        return out

    def _clues(self, pop: Population) -> None:
        villages = list(self.uow.session.scalars(select(Village).order_by(Village.code)))
        town_name = {t.code: t.name_zh for t in self.profile.towns}
        members = NameMaker(self.profile).people(self.spec.rng(STREAM_GRID, 0), len(villages))
        places = clue_gen.Places(np.array([v.code for v in villages]), np.array([v.lat for v in villages]),
                                 np.array([v.lng for v in villages]),
                                 [village_short_name(v.name_zh) for v in villages],
                                 [town_name[v.town_code] for v in villages], members)
        dept_names = {d: name for d, name, _ in self.depts}
        data = clue_gen.generate_clues(self.spec, self.pop, self.vocab["clues"], places, self._clue_matters(),
                                       dept_names, self.calendar)
        self._load("clues", clue_gen.CLUE_COLUMNS, data.clues)
        self._load("clue_events", clue_gen.EVENT_COLUMNS, data.events)
        self._load("cases", clue_gen.CASE_COLUMNS, data.cases)

    def _picker(self, titles: dict) -> TitlePicker:
        return TitlePicker(self.rules.matrix(list(titles.values()), self.industry_codes))

    def _obligations(self, pop: Population) -> None:
        pushes, commitments = self.vocab["pushes"], self.vocab["commitments"]
        self._load("notification_pushes", obligations.PUSH_COLUMNS, obligations.push_rows(
            self.spec, self.pop, pushes, self.dept_id, self.calendar, self._picker(pushes["permits"])))
        data = obligations.commitment_rows(self.spec, self.pop, commitments, self.dept_id,
                                           self.inspectors_by_dept, self.calendar,
                                           self._picker(commitments["matters"]))
        self._load("commitments", obligations.COMMITMENT_COLUMNS, data.commitments)
        self._load("commitment_verifications", obligations.VERIFICATION_COLUMNS, data.verifications)

    def _draws(self, pop: Population) -> None:
        matters_by_dept: dict[int, list[tuple[int, list[int]]]] = {}
        for m, _, d, items in self._matters():
            matters_by_dept.setdefault(d, []).append((m, items))
        batches = tuple(draw_gen.HistoryBatch(b["name"], int(b["month"]),
                                              tuple(self.dept_id[d] for d in b["departments"]))
                        for b in self.vocab["draws"]["history"])
        data = draw_gen.generate_draws(self.spec, self.pop, draw_gen.DrawInputs(
            self.dept_id, matters_by_dept, self.inspectors_by_dept,
            {(i, e) for i, e, *_ in self.conflicts}, self.geo.town_codes,
            sorted({str(t) for t in self.geo.town_codes}), batches,
            risk_signal.item_fail_p(self.problem)))
        for table, columns, rows in (
            ("draw_plans", ("id", "year", "name", "created_by", "created_at"), data.plans),
            ("draw_batches", draw_gen.BATCH_COLUMNS, data.batches),
            ("batch_departments", ("batch_id", "department_id", "team_size", "matter_ids"), data.batch_departments),
            ("drawn_objects", ("id", "batch_id", "entity_id", "stratum", "pick_order"), data.drawn),
            ("draw_team_members", ("drawn_object_id", "inspector_id", "department_id"), data.team),
            ("inspection_tasks", ("id", "batch_id", "entity_id", "lead_department_id", "joint", "status",
                                  "due_on", "done_on"), data.tasks),
            ("task_matters", ("task_id", "matter_id"), data.task_matters),
            ("task_inspectors", ("task_id", "inspector_id"), data.task_inspectors),
            ("inspection_results", ("task_id", "checklist_item_id", "outcome", "note"), data.results),
            ("result_publications", draw_gen.RESULT_PUBLICATION_COLUMNS, data.publications),
        ):
            self._load(table, columns, rows)
