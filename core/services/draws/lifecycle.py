"""A batch's life: draft -> locked (pool frozen, randomness fixed) -> drawn -> published.

Locking freezes the ordered pool, the inspector pools and the avoidance data in a
``DrawRecord`` and publishes the pool hash (and, for an operator seed, the seed's
commitment). Drawing takes public random values known only after locking (RFC 3797
sources) or reveals the committed seed, runs ``core.draws.run_draw`` on the frozen
inputs, and writes drawn objects, teams, inspection tasks and the record in one
transaction: a refused or failed draw leaves the batch locked and nothing written.

A locked batch whose draw is refused can be abandoned with a reason (:func:`abandon_batch`):
it stays locked, so its published pool hash and seed commitment stay on record and can
never be drawn again, and the abandonment (who, when, why) is kept in its lock record,
audited, and published in a notice of abandonment (:func:`.abandonment.abandonment_notice`). The
schema's batch statuses are unchanged: "abandoned" is a fact of the lock record.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy import select

from core.db.bulk import load_rows
from core.db.database import Database
from core.db.models import (
    Department,
    DrawnObject,
    DrawPlan,
    DrawRecord,
    DrawStatus,
    DrawTeamMember,
    Inspector,
    MarketEntity,
)
from core.db.models.base import utcnow
from core.draws import (
    ALGORITHM_VERSION,
    STRATA,
    DrawRefused,
    Problem,
    Randomness,
    check_commitment,
    make_record,
    parse_source,
    record_digest,
    run_draw,
    spec_from_record,
)
from core.draws.spec import RULE_RANDOMNESS
from core.errors import ValidationError
from core.workdays import WorkdayCalendar

from .abandonment import AbandonedBatch, abandoned_of, abandonment
from .checks import problems_of
from .common import (
    RESULTS_WORKING_DAYS,
    Progress,
    default_calendar,
    get_batch,
    get_record,
    require_status,
    stepper,
    utc,
)
from .pools import batch_departments
from .records import frozen_inputs, frozen_of
from .tasks import create_tasks

KINDS = ("rfc3797", "seed")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True)
class StratumRow:
    """One risk stratum of a batch (internal: classes are never published)."""

    stratum: str
    pool: int
    planned: int          # what the sampling rule asks for
    drawn: int | None     # None before the draw
    ratio: float          # drawn (or planned) / pool


@dataclass(frozen=True)
class LockedBatch:
    batch_id: int
    status: str
    pool_count: int
    pool_hash: str
    strata_hash: str
    randomness_kind: str
    seed_commitment: str | None
    announcement: str
    locked_at: dt.datetime
    strata: tuple[StratumRow, ...]


@dataclass(frozen=True)
class TeamMember:
    inspector_id: int
    name: str
    department_id: int


@dataclass(frozen=True)
class DrawnPick:
    order: int
    entity_id: int
    uscc: str
    name: str
    address: str
    town_code: str
    village_code: str
    stratum: str          # internal; never shown in public notices
    team: tuple[TeamMember, ...]
    task_id: int


@dataclass(frozen=True)
class DrawnBatch:
    batch_id: int
    status: str
    algorithm_version: str
    randomness_kind: str
    sources: tuple[str, ...]
    seed: str | None
    seed_commitment: str | None
    key: str
    pool_count: int
    pool_hash: str
    digest: str
    drawn_at: dt.datetime
    results_due: dt.date
    strata: tuple[StratumRow, ...]
    picks: tuple[DrawnPick, ...]
    alternates: int
    tasks_created: int
    tasks_merged: int


def stratum_rows(sizes: dict[str, int], rule, drawn: dict[str, int] | None = None) -> tuple[StratumRow, ...]:
    out = []
    for s in STRATA:
        pool = int(sizes.get(s, 0))
        planned = rule.count_for(s, pool)
        got = None if drawn is None else int(drawn.get(s, 0))
        base = planned if got is None else got
        out.append(StratumRow(s, pool, planned, got, base / pool if pool else 0.0))
    return tuple(out)


def lock_batch(db: Database, actor: str, batch_id: int, *, randomness_kind: str,
               seed_commitment: str | None = None, announcement: str = "",
               progress: Progress | None = None, is_cancelled: Callable[[], bool] | None = None) -> LockedBatch:
    """Freeze batch ``batch_id`` for drawing; DrawRefused (with ``problems``) if anything blocks it.

    ``randomness_kind`` "rfc3797": the public sources are entered when drawing (say which
    in ``announcement``, published with the pool hash). "seed": ``seed_commitment`` (the
    SHA-256 of a seed from ``core.draws.new_seed``) is fixed now and the seed revealed when drawing.
    """
    if randomness_kind not in KINDS:
        raise ValidationError(f"随机数类型须为 rfc3797 或 seed，不是 {randomness_kind!r} "
                              f"(randomness must be rfc3797 or seed)", where="randomness")
    commitment = (seed_commitment or "").strip().lower() or None
    if randomness_kind == "seed" and (commitment is None or not _HEX64.match(commitment)):
        raise DrawRefused([Problem("no_commitment", RULE_RANDOMNESS,
                                   "用种子抽取须在锁定前给出种子的 SHA-256 承诺值（64 位十六进制）"
                                   "(a seed draw needs the seed's SHA-256 commitment, 64 hex digits, before locking)",
                                   "randomness")])
    if randomness_kind == "rfc3797" and commitment is not None:
        raise ValidationError("RFC 3797 公开随机源抽取不使用种子承诺值 (an RFC 3797 draw takes no seed commitment)",
                              where="randomness")
    step = stepper(progress, is_cancelled)
    with db.uow(actor) as uow:
        uow.require("draw.run")
        s = uow.session
        batch = get_batch(s, batch_id, for_update=True)
        require_status(batch, DrawStatus.DRAFT, doing=("锁定", "locked"))
        spec, problems = problems_of(s, batch, progress=step)
        if problems:
            raise DrawRefused(problems)
        step(0.6, "freezing the pool")
        frozen = frozen_inputs(spec)
        sizes = {s_: 0 for s_ in STRATA}
        for e in spec.pool:
            sizes[e.stratum] += 1
        now = utcnow()
        summary = {"strata": sizes, "strata_hash": frozen["pool"]["strata_hash"],
                   "announcement": announcement.strip(),
                   "inspectors": {str(d.department_id): len(d.inspectors) for d in spec.departments}}
        s.add(DrawRecord(batch_id=batch.id, randomness_kind=randomness_kind, frozen=frozen, summary=summary,
                         created_at=now))
        batch.pool_count = len(spec.pool)
        batch.pool_hash = frozen["pool"]["hash"]
        batch.seed_commitment = commitment
        batch.algorithm_version = ALGORITHM_VERSION
        batch.status = DrawStatus.LOCKED
        batch.locked_at = now
        uow.audit("draw.batch.lock", "draw_batch", batch.id, before={"status": "draft"},
                  after={"status": "locked", "pool_count": batch.pool_count, "pool_hash": batch.pool_hash,
                         "strata_hash": summary["strata_hash"], "randomness_kind": randomness_kind,
                         "seed_commitment": commitment, "announcement": summary["announcement"]})
        locked = LockedBatch(batch.id, DrawStatus.LOCKED.value, batch.pool_count, batch.pool_hash,
                             summary["strata_hash"], randomness_kind, commitment, summary["announcement"], now,
                             stratum_rows(sizes, spec.sampling))
        uow.commit()
    return locked


def _randomness(kind: str, commitment: str | None, sources: Sequence[str] | None, seed: str | None) -> Randomness:
    if kind == "rfc3797":
        if seed:
            raise ValidationError("本批次锁定为 RFC 3797 公开随机源抽取，不能用种子 "
                                  "(this batch was locked for RFC 3797 public sources, not a seed)", where="seed")
        texts = [str(t) for t in (sources or ()) if str(t).strip()]
        if not texts:
            raise DrawRefused([Problem("no_sources", RULE_RANDOMNESS,
                                       "请输入锁定后公布的公开随机数 (enter the public random values published "
                                       "after the batch was locked)", "sources")])
        parsed = []
        for n, text in enumerate(texts, start=1):
            try:
                parsed.append(parse_source(text))
            except ValueError as exc:
                raise ValidationError(str(exc), where=f"source {n}") from None
        return Randomness(kind="rfc3797", sources=tuple(parsed))
    if sources:
        raise ValidationError("本批次锁定为种子抽取，不接受公开随机源 "
                              "(this batch was locked for a committed seed, not public sources)", where="sources")
    seed = (seed or "").strip()
    if not seed or not check_commitment(seed, commitment or ""):
        raise DrawRefused([Problem("seed_mismatch", RULE_RANDOMNESS,
                                   "揭示的种子与锁定时公布的承诺值不符 (the revealed seed does not match the "
                                   "commitment published when the batch was locked)", "seed")])
    return Randomness(kind="seed", seed=seed, commitment=commitment or "")


def draw_batch(db: Database, actor: str, batch_id: int, *, sources: Sequence[str] | None = None,
               seed: str | None = None, calendar: WorkdayCalendar | None = None,
               progress: Progress | None = None, is_cancelled: Callable[[], bool] | None = None) -> DrawnBatch:
    """Draw locked batch ``batch_id`` with the public ``sources`` or the revealed ``seed``.

    All in one transaction: drawn objects and teams, inspection tasks (merged into joint
    visits with overlapping planned tasks of the same plan), the record and its digest,
    the results deadline (20 working days after the window), status drawn. Audited.
    """
    calendar = calendar or default_calendar()
    step = stepper(progress, is_cancelled)
    with db.uow(actor) as uow:
        uow.require("draw.run")
        s = uow.session
        batch = get_batch(s, batch_id, for_update=True)
        require_status(batch, DrawStatus.LOCKED, doing=("抽取", "drawn"))
        row = get_record(s, batch_id)
        _refuse_abandoned(batch, row)
        frozen = frozen_of(row, batch_id)
        randomness = _randomness(row.randomness_kind, batch.seed_commitment, sources, seed)
        step(0.1, "reading the frozen pool")
        spec = spec_from_record(frozen)
        step(0.3, "drawing")
        outcome = run_draw(spec, randomness)
        now = utcnow()
        due = calendar.add_working_days(batch.window_end, RESULTS_WORKING_DAYS).date
        plan = s.get(DrawPlan, batch.plan_id)
        depts = batch_departments(s, batch)
        meta = {"batch_id": batch.id, "batch_name": batch.name, "plan_id": plan.id, "plan_name": plan.name,
                "year": plan.year, "lead_department_id": batch.lead_department_id,
                "window": [batch.window_start.isoformat(), batch.window_end.isoformat()],
                "locked_at": utc(batch.locked_at).isoformat() if batch.locked_at else None,
                "drawn_at": now.isoformat(), "results_due": due.isoformat(),
                "announcement": row.summary.get("announcement", "")}
        record = make_record(spec, randomness, outcome, meta=meta)
        # make_record hashes the pool it drew from: it must be the pool published at locking.
        if record["pool"]["hash"] != batch.pool_hash or record["pool"]["strata_hash"] != row.summary.get("strata_hash"):
            raise ValidationError("冻结的对象库与锁定时公布的哈希不符 (the frozen pool does not match the hash "
                                  "published when the batch was locked)", where=f"draw batch {batch_id}")
        digest = record_digest(record)
        step(0.5, "writing drawn objects and tasks")
        conn = s.connection()
        load_rows(conn, DrawnObject.__table__, ("batch_id", "entity_id", "stratum", "pick_order"),
                  [(batch.id, p.entity_id, p.stratum, p.order) for p in outcome.picks])
        obj_of = dict(s.execute(select(DrawnObject.pick_order, DrawnObject.id)
                                .where(DrawnObject.batch_id == batch.id)).tuples().all())
        load_rows(conn, DrawTeamMember.__table__, ("drawn_object_id", "inspector_id", "department_id"),
                  [(obj_of[p.order], i, d) for p in outcome.picks for d, team in p.teams.items() for i in team])
        plan_tasks = create_tasks(s, batch, depts,
                                  [(obj_of[p.order], p.entity_id, dict(p.teams)) for p in outcome.picks])
        source_texts = [" ".join(str(v) for v in src) for src in randomness.sources]
        drawn = {st.stratum: st.drawn for st in outcome.strata}
        row.record = record
        row.digest = digest
        row.frozen = None
        row.seed = randomness.seed or None
        row.results_due = due
        row.summary = {**row.summary, "drawn": drawn, "picks": len(outcome.picks),
                       "alternates": outcome.alternates, "tasks_created": plan_tasks.created,
                       "tasks_merged": plan_tasks.merged}
        batch.random_sources = source_texts
        batch.draw_key = outcome.key
        batch.algorithm_version = ALGORITHM_VERSION
        batch.drawn_at = now
        batch.status = DrawStatus.DRAWN
        uow.audit("draw.batch.draw", "draw_batch", batch.id, before={"status": "locked"},
                  after={"status": "drawn", "randomness_kind": randomness.kind, "sources": source_texts,
                         "seed": randomness.seed or None, "key": outcome.key, "digest": digest,
                         "picks": len(outcome.picks), "drawn": drawn, "tasks_created": plan_tasks.created,
                         "tasks_merged": plan_tasks.merged, "results_due": due.isoformat()})
        step(0.8, "collecting the picks")
        picks = _picks(s, batch.id, outcome.picks, plan_tasks.task_of_entity)
        result = DrawnBatch(
            batch.id, DrawStatus.DRAWN.value, ALGORITHM_VERSION, randomness.kind, tuple(source_texts),
            randomness.seed or None, batch.seed_commitment, outcome.key, batch.pool_count, batch.pool_hash, digest,
            now, due, stratum_rows(row.summary["strata"], spec.sampling, drawn), picks, outcome.alternates,
            plan_tasks.created, plan_tasks.merged)
        uow.commit()
    return result


def _picks(s, batch_id: int, picks, task_of: dict[int, int]) -> tuple[DrawnPick, ...]:
    entities = {row[0]: tuple(row[1:]) for row in s.execute(
        select(MarketEntity.id, MarketEntity.name, MarketEntity.address, MarketEntity.town_code,
               MarketEntity.village_code)
        .join(DrawnObject, DrawnObject.entity_id == MarketEntity.id).where(DrawnObject.batch_id == batch_id))}
    names = dict(s.execute(select(Inspector.id, Inspector.name)
                           .where(Inspector.department_id.in_({d for p in picks[:1] for d in p.teams}))).tuples().all())
    members: dict[tuple[int, int], TeamMember] = {}
    out = []
    for p in picks:
        name, address, town, village = entities.get(p.entity_id, ("", "", "", ""))
        team = []
        for d, ids in p.teams.items():
            for i in ids:
                member = members.get((i, d))
                if member is None:
                    member = members[(i, d)] = TeamMember(i, names.get(i, ""), d)
                team.append(member)
        out.append(DrawnPick(p.order, p.entity_id, p.uscc, name, address, town, village, p.stratum, tuple(team),
                             task_of.get(p.entity_id, 0)))
    return tuple(out)


def publish_batch(db: Database, actor: str, batch_id: int) -> dt.datetime:
    """Mark a drawn batch published (its notice is public); returns when."""
    with db.uow(actor) as uow:
        uow.require("draw.run")
        s = uow.session
        batch = get_batch(s, batch_id, for_update=True)
        require_status(batch, DrawStatus.DRAWN, doing=("公布", "published"))
        now = utcnow()
        row = get_record(s, batch_id)
        if row is not None:
            row.summary = {**row.summary, "published_at": now.isoformat(), "published_by": uow.actor}
        batch.status = DrawStatus.PUBLISHED
        uow.audit("draw.batch.publish", "draw_batch", batch.id, before={"status": "drawn"},
                  after={"status": "published", "at": now.isoformat()})
        uow.commit()
    return now


REASON_MAX = 500


def abandon_batch(db: Database, actor: str, batch_id: int, reason: str) -> AbandonedBatch:
    """Abandon locked batch ``batch_id`` (its draw was refused) for ``reason``; audited, published."""
    reason = " ".join(str(reason or "").split())
    if len(reason) < 2:
        raise ValidationError("须说明放弃该批次的理由 (give the reason the batch is abandoned)", where="reason")
    if len(reason) > REASON_MAX or "\x00" in reason:
        raise ValidationError(f"理由不超过 {REASON_MAX} 字 (the reason is at most {REASON_MAX} characters)",
                              where="reason")
    with db.uow(actor) as uow:
        uow.require("draw.run")
        s = uow.session
        batch = get_batch(s, batch_id, for_update=True)
        require_status(batch, DrawStatus.LOCKED, doing=("放弃", "abandoned"))
        row = get_record(s, batch_id)
        _refuse_abandoned(batch, row)
        now = utcnow()
        row.summary = {**row.summary, "abandoned": {"at": now.isoformat(), "by": uow.actor, "reason": reason}}
        uow.audit("draw.batch.abandon", "draw_batch", batch.id, before={"status": "locked"},
                  after={"status": "locked", "abandoned": True, "reason": reason, "pool_hash": batch.pool_hash,
                         "seed_commitment": batch.seed_commitment, "at": now.isoformat()})
        uow.commit()
    found = abandonment(db, batch_id)
    assert found is not None
    return found


def _refuse_abandoned(batch, row) -> None:
    gone = abandoned_of(row)
    if gone:
        raise ValidationError(f"抽查批次“{batch.name}”已放弃，不能再抽取或放弃：{gone['reason']} "
                              f"(draw batch {batch.name!r} was abandoned: {gone['reason']})",
                              where=f"draw batch {batch.id}")


def department_names(s, ids) -> dict[int, tuple[str, str, str]]:
    """id -> (code, name_zh, name_en)."""
    ids = list(ids)
    if not ids:
        return {}
    return {d.id: (d.code, d.name_zh, d.name_en) for d in s.scalars(select(Department).where(Department.id.in_(ids)))}
