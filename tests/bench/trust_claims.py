"""Two processes change the same push or clue at the same moment, trial after trial.

Used by the ``trust`` benchmark (``claim_trials``, ``double_claims``, ``lost_updates``) and,
with fewer trials, by tests/core/test_concurrent_claims.py. Each trial makes fresh targets,
then two worker processes wait at a barrier and call the service at once:

- ``push_claim``: a push in the shared queue, claimed by two departments;
- ``clue_claim``: an assigned clue, claimed twice;
- ``push_race``: a pending push its department claims while another caller returns it;
- ``clue_race``: a claimed clue one caller starts handling while the other returns it.

A *double claim* is a claim trial where both callers were told they succeeded, or where the
history shows two claims. A *lost update* is a trial whose stored state is not what the one
successful caller left (or where both of two conflicting changes "succeeded"). Refusals
must be typed: anything else is reported as an error.
"""
from __future__ import annotations

import datetime as dt
import multiprocessing as mp
import time
from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import func, select

CLAIM_KINDS = ("push_claim", "clue_claim")
RACE_KINDS = ("push_race", "clue_race")
_DAY = dt.date(2026, 3, 2)
# System accounts (centre leaders: any department's push, clue or case) the trials act as.
ACTOR = "trust-bench"
WORKERS = ("trust-w0", "trust-w1")
READ_DELAY_S = 0.005


@dataclass
class TrialReport:
    """What a series of trials on one database found."""

    trials: Counter = field(default_factory=Counter)
    double_claims: int = 0
    lost_updates: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def claim_trials(self) -> int:
        return sum(self.trials[k] for k in CLAIM_KINDS)


def prepare(url: str) -> tuple[int, int, int]:
    """Upgrade and seed an empty database once; (department 1, department 2, entity id)."""
    from core.db.database import Database
    from core.db.migrate import upgrade
    from core.db.models import Department, EntityStatus, EntityType, Industry, MarketEntity, RiskClass, Village
    from core.reference.loader import load_profile
    from core.services.reference import seed_reference
    from tests.support.accounts import account

    db = Database.open(url)
    try:
        upgrade(db.engine)
        with getattr(db, "bootstrap_uow", db.uow)(ACTOR) as uow:  # no account exists yet
            seed_reference(uow, load_profile())
            s = uow.session
            entity = s.scalar(select(MarketEntity.id).where(MarketEntity.uscc == "91330782TRUST0001X"))
            if entity is None:
                village = s.scalars(select(Village).order_by(Village.code).limit(1)).one()
                e = MarketEntity(uscc="91330782TRUST0001X", name="并发试验商行", entity_type=EntityType.ENTERPRISE,
                                 industry_code=s.scalar(select(Industry.code).order_by(Industry.code).limit(1)),
                                 legal_rep="试验", address="试验地址", town_code=village.town_code,
                                 village_code=village.code, lat=village.lat, lng=village.lng,
                                 registered_on=_DAY, status=EntityStatus.ACTIVE, risk_class=RiskClass.B)
                s.add(e)
                s.flush()
                entity = e.id
            d1, d2 = s.scalars(select(Department.id).order_by(Department.id).limit(2)).all()
            uow.commit()
        for name in (ACTOR, *WORKERS):  # after the roles exist: the same accounts every test makes
            account(db, name, "leader")
        return d1, d2, entity
    finally:
        db.dispose()


def _targets(db, kind: str, n: int, d1: int, entity: int) -> list[int]:
    from core.db.models import NotificationPush, PushStatus
    from core.services import clues

    if kind.startswith("push"):
        with db.bootstrap_uow(ACTOR) as uow:
            pushes = [NotificationPush(entity_id=entity, permit_name="食品经营许可",
                                       department_id=None if kind == "push_claim" else d1, pushed_on=_DAY,
                                       claim_due=_DAY + dt.timedelta(days=7), status=PushStatus.PENDING)
                      for _ in range(n)]
            uow.session.add_all(pushes)
            uow.session.flush()
            ids = [p.id for p in pushes]
            uow.commit()
        return ids
    with db.sessions() as s:
        from core.db.models import Village
        village = s.scalars(select(Village.code).order_by(Village.code).limit(1)).one()
    ids = [clues.create_clue(db, ACTOR, clues.NewClue(source="hotline", description="并发试验",
                                                               village_code=village, department_id=d1))
           for _ in range(n)]
    if kind == "clue_race":
        for i in ids:
            clues.act(db, ACTOR, i, "claim")
    return ids


def _call(db, kind: str, side: int, target: int, d1: int, d2: int) -> None:
    from core.services import clues, obligations

    if kind == "push_claim":
        obligations.claim_push(db, WORKERS[side], target, (d1, d2)[side], on=_DAY)
    elif kind == "clue_claim":
        clues.act(db, WORKERS[side], target, "claim")
    elif kind == "push_race":
        if side == 0:
            obligations.claim_push(db, WORKERS[0], target, d1, on=_DAY)
        else:
            obligations.return_push(db, WORKERS[1], target, "不属于本部门审批")
    else:
        if side == 0:
            clues.act(db, WORKERS[0], target, "start")
        else:
            clues.act(db, WORKERS[1], target, "return", note="不属于本部门", department_id=d2)


def _slow_reads(_conn, _cursor, statement: str, *_args) -> None:
    # A workstation on a slow network: a moment passes between reading a push or clue
    # and writing it back. It widens the window a race needs; nothing is asserted on time.
    if statement.lstrip().upper().startswith("SELECT") and ("FROM clues" in statement
                                                             or "FROM notification_pushes" in statement):
        time.sleep(READ_DELAY_S)


def _worker(url: str, side: int, barrier, conn, d1: int, d2: int) -> None:
    """Run each (kind, target) of every batch received, in step with the other worker."""
    from sqlalchemy import event

    from core.db.database import Database
    from core.errors import TongguanError

    db = Database.open(url)
    event.listen(db.engine, "after_cursor_execute", _slow_reads)
    try:
        while (batch := conn.recv()) is not None:
            outcomes = []
            for kind, target in batch:
                barrier.wait()
                try:
                    _call(db, kind, side, target, d1, d2)
                    outcomes.append("ok")
                except TongguanError as error:
                    outcomes.append(f"refused:{error.code}")
                except Exception as error:  # noqa: BLE001 - reported as an error, not hidden
                    outcomes.append(f"error:{type(error).__name__}: {str(error)[:200]}")
            conn.send(outcomes)
    finally:
        db.dispose()


def _check(db, kind: str, target: int, outcomes: tuple[str, str], d1: int, d2: int) -> tuple[bool, bool]:
    """(double claim, lost update) for one trial, from what the callers heard and what is stored."""
    from core.db.models import AuditEntry, Clue, ClueEvent, NotificationPush

    ok = [o == "ok" for o in outcomes]
    with db.sessions() as s:
        if kind.startswith("push"):
            push = s.get(NotificationPush, target)
            entries = s.scalar(select(func.count()).select_from(AuditEntry).where(
                AuditEntry.object_type == "notification_push", AuditEntry.object_id == str(target)))
            if kind == "push_claim":
                claims = entries
                expected = (d1, d2)[ok.index(True)] if any(ok) else None
                lost = push.department_id != expected or push.status.value != ("claimed" if any(ok) else "pending")
                return all(ok) or claims > 1, lost
            # Returned first and then claimed from the shared queue is a legal order: both succeed.
            expected = "claimed" if ok[0] else "returned" if ok[1] else "pending"
            return False, entries != sum(ok) or push.status.value != expected
        clue = s.get(Clue, target)
        events = list(s.scalars(select(ClueEvent).where(ClueEvent.clue_id == target).order_by(ClueEvent.id)))
        chained = all(a.to_state == b.from_state for a, b in zip(events, events[1:]))
        if kind == "clue_claim":
            claims = sum(1 for e in events if e.to_state == "claimed")
            lost = not chained or clue.state.value != ("claimed" if any(ok) else "assigned")
            return all(ok) or claims > 1, lost
        expected = "handling" if ok[0] else "returned" if ok[1] else "claimed"
        return False, all(ok) or not chained or clue.state.value != expected


def run_trials(url: str, per_kind: dict[str, int], *, batch: int = 50) -> TrialReport:
    """Run ``per_kind[kind]`` trials of each kind against ``url`` (an empty or prepared database)."""
    from core.db.database import Database

    d1, d2, entity = prepare(url)
    ctx = mp.get_context("spawn")
    barrier = ctx.Barrier(2, timeout=60)
    pipes = [ctx.Pipe() for _ in range(2)]
    workers = [ctx.Process(target=_worker, args=(url, side, barrier, pipes[side][1], d1, d2), daemon=True)
               for side in range(2)]
    for w in workers:
        w.start()
    report = TrialReport()
    db = Database.open(url)
    try:
        for kind, total in per_kind.items():
            done = 0
            while done < total:
                targets = _targets(db, kind, min(batch, total - done), d1, entity)
                work = [(kind, t) for t in targets]
                for parent, _child in pipes:
                    parent.send(work)
                heard = [parent.recv() for parent, _child in pipes]
                for target, outcomes in zip(targets, zip(*heard)):
                    report.trials[kind] += 1
                    report.errors.extend(o for o in outcomes if o.startswith("error:"))
                    double, lost = _check(db, kind, target, outcomes, d1, d2)
                    report.double_claims += double
                    report.lost_updates += lost
                done += len(targets)
    finally:
        for parent, _child in pipes:
            parent.send(None)
        for w in workers:
            w.join(timeout=30)
            if w.is_alive():
                w.kill()
        db.dispose()
    return report


def claims_figures(trials: int, pg_url: str | None) -> dict:
    """The ``trust`` figures: ``trials`` claim trials per backend (half pushes, half clues)
    plus half as many claim-vs-return races; SQLite in a temp file, PostgreSQL at ``pg_url``
    (wiped first: give a database the benchmark may fill), skipped without one."""
    import tempfile
    from pathlib import Path

    backends: dict[str, TrialReport | None] = {}
    plan = {"push_claim": trials // 2, "clue_claim": trials - trials // 2,
            "push_race": trials // 4, "clue_race": trials // 4}
    with tempfile.TemporaryDirectory() as tmp:
        backends["sqlite"] = run_trials(str(Path(tmp) / "claims.sqlite"), plan)
    if pg_url:
        from tests.conftest import wipe_postgres

        wipe_postgres(pg_url)
        backends["postgresql"] = run_trials(pg_url, plan)
    else:
        backends["postgresql"] = None
    done = [r for r in backends.values() if r is not None]
    return {"claim_trials": sum(r.claim_trials for r in done),
            "double_claims": sum(r.double_claims for r in done),
            "lost_updates": sum(r.lost_updates for r in done),
            "claim_errors": sum(len(r.errors) for r in done),
            "claim_backends": {name: (None if r is None else {"claim_trials": r.claim_trials,
                                                              "race_trials": sum(r.trials[k] for k in RACE_KINDS),
                                                              "double_claims": r.double_claims,
                                                              "lost_updates": r.lost_updates})
                               for name, r in backends.items()}}
