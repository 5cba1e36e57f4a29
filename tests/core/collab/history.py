"""A small hand-built history whose collaboration figures are known (March 2025 has no
holidays: working days are Monday to Friday).

- three grid clues from town T1 go to A (SCJG), claimed after 1, 2 and 5 working days; the
  first is closed on 12 March;
- two hotline clues from town T2 go to B (WJJ), claimed the same day; B transfers one to C
  (XZZF), claimed 3 working days later, and returns the other naming C, which the center
  assigns to C and C claims 2 working days later;
- A (the registration bureau) pushes two registrations to D (XFZD): claimed after 7 working
  days (late) and after 1;
- A and D visit entity E1 together (one joint task, one inspector each).
"""
from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass

from sqlalchemy import insert, select

from core.db.database import Database
from core.db.models import (
    Clue,
    ClueEvent,
    Department,
    Industry,
    InspectionTask,
    Inspector,
    MarketEntity,
    NotificationPush,
    Village,
)
from core.db.models.inspections import task_inspectors
from core.reference import load_profile
from core.services.reference import seed_reference

T1, T2 = "330782001", "330782002"
BEIJING = dt.timedelta(hours=8)


@dataclass(frozen=True)
class History:
    a: int
    b: int
    c: int
    d: int
    e1: int
    clues: dict[str, int]
    pushes: tuple[int, int]
    task: int


def at(day: int, hour: int = 9) -> dt.datetime:
    """Beijing wall time on ``day`` March 2025, stored as naive UTC."""
    return dt.datetime(2025, 3, day, hour) - BEIJING


def build(db: Database) -> History:
    with db.bootstrap_uow("test-setup") as uow:
        s = uow.session
        if s.scalar(select(Department.id).limit(1)) is None:
            seed_reference(uow, load_profile("yiwu"))
            s.flush()
        dept = {c: s.scalar(select(Department.id).where(Department.code == c)) for c in ("SCJG", "WJJ", "XZZF", "XFZD")}
        a, b, c, d = dept["SCJG"], dept["WJJ"], dept["XZZF"], dept["XFZD"]
        village = {t: s.scalar(select(Village.code).where(Village.town_code == t).order_by(Village.code).limit(1))
                   for t in (T1, T2)}
        industry = s.scalar(select(Industry.code).order_by(Industry.code).limit(1))
        entities = []
        for k in range(4):
            e = MarketEntity(uscc=f"92330782TEST{k:06d}", name=f"测试商户{k}", entity_type="individual",
                             industry_code=industry, legal_rep="张三", address="测试路1号", town_code=T1,
                             village_code=village[T1], lat=29.3, lng=120.07, registered_on=dt.date(2020, 1, 1),
                             status="active", risk_class="B")
            s.add(e)
            entities.append(e)
        s.flush()
        n = itertools.count(1)
        clues: dict[str, int] = {}

        def clue(name: str, source: str, town: str, state: str, steps, closed=None) -> None:
            row = Clue(ref_no=f"XS-T{next(n):04d}", source=source, source_village_code=village[town],
                       entity_id=entities[1].id, description=f"测试线索{name}", department_id=steps[-1][2],
                       state=state, received_at=steps[0][1], due_on=dt.date(2025, 3, 14), closed_at=closed)
            s.add(row)
            s.flush()
            clues[name] = row.id
            prev = None
            for to_state, when, department in steps:
                s.add(ClueEvent(clue_id=row.id, at=when, actor="测试", from_state=prev, to_state=to_state,
                                department_id=department, note=""))
                prev = to_state

        for name, claimed in (("g1", 4), ("g2", 5), ("g3", 10)):
            steps = [("received", at(3), None), ("assigned", at(3, 10), a), ("claimed", at(claimed), a)]
            if name == "g1":
                steps += [("handling", at(5), a), ("fed_back", at(11), a), ("closed", at(12), a)]
            clue(name, "grid", T1, "closed" if name == "g1" else "claimed", steps,
                 closed=at(12) if name == "g1" else None)
        clue("transferred", "hotline", T2, "claimed", [
            ("received", at(3), None), ("assigned", at(3, 10), b), ("claimed", at(3, 11), b),
            ("transferred", at(4), c), ("claimed", at(7), c)])
        clue("returned", "hotline", T2, "claimed", [
            ("received", at(3), None), ("assigned", at(3, 10), b), ("claimed", at(3, 11), b),
            ("returned", at(4), c), ("assigned", at(4, 10), c), ("claimed", at(6), c)])
        pushes = []
        for claimed, due in ((dt.date(2025, 3, 12), dt.date(2025, 3, 10)), (dt.date(2025, 3, 4), dt.date(2025, 3, 10))):
            p = NotificationPush(entity_id=entities[2].id, permit_name="消防安全检查合格证", department_id=d,
                                 pushed_on=dt.date(2025, 3, 3), claim_due=due, claimed_on=claimed, status="claimed")
            s.add(p)
            s.flush()
            pushes.append(p.id)
        inspectors = []
        for k, dept_id in enumerate((a, d)):
            i = Inspector(department_id=dept_id, name=f"检查员{k}", certificate_no=f"TEST{k:04d}",
                          certificate_valid_until=dt.date(2030, 1, 1))
            s.add(i)
            inspectors.append(i)
        task = InspectionTask(entity_id=entities[0].id, lead_department_id=a, joint=True, status="done",
                              due_on=dt.date(2025, 3, 20), done_on=dt.date(2025, 3, 18))
        s.add(task)
        s.flush()
        s.execute(insert(task_inspectors), [{"task_id": task.id, "inspector_id": i.id} for i in inspectors])
        uow.commit()
        return History(a, b, c, d, entities[0].id, clues, tuple(pushes), task.id)
