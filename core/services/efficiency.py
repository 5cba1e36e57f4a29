"""What the efficiency monitor reads: every clock assessed for a day, the names behind the
numbers, the rows behind a drill-down, and the report for a period.

The numbers come from :mod:`core.deadlines`; this module adds the database lookups a
person needs to read them (department, town, person names; what each clock is about).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from core.db.database import Database
from core.db.models import (
    Case,
    Clue,
    Commitment,
    CommitmentVerification,
    Department,
    DrawBatch,
    InspectionTask,
    Inspector,
    MarketEntity,
    NotificationPush,
    Town,
    User,
)
from core.deadlines import (
    Assessment,
    DeadlineItems,
    DeadlinePolicy,
    GroupRow,
    Kind,
    assess,
    kind_name,
    load_items,
    load_policy,
)
from core.errors import ValidationError
from core.services.clues.case_clock import extended_cases
from core.sheets import Percent, Sheet, write_xlsx
from core.workdays import WorkdayCalendar, default_calendar


@dataclass(frozen=True)
class Names:
    """Names for group keys, in Chinese and English."""

    departments: dict[int, tuple[str, str]]
    towns: dict[str, tuple[str, str]]
    users: dict[int, str]
    inspectors: dict[int, str]

    def department(self, key, lang: str) -> str:
        if key is None:
            zh, en = "（待认领 / 未分派）", "(shared queue / not routed)"
        else:
            zh, en = self.departments.get(key, (str(key), str(key)))
        return zh if lang.startswith("zh") else en

    def town(self, key, lang: str) -> str:
        zh, en = self.towns.get(key, ("（未知）", "(unknown)"))
        return zh if lang.startswith("zh") else en

    def person(self, key, table: str | None, lang: str) -> str:
        if key is None:
            return "（未指定）" if lang.startswith("zh") else "(nobody)"
        return (self.users if table == "users" else self.inspectors).get(key, f"#{key}")

    def of(self, row: GroupRow, lang: str) -> str:
        if row.group == "department":
            return self.department(row.key, lang)
        if row.group == "town":
            return self.town(row.key, lang)
        if row.group == "person":
            return self.person(row.key, row.table, lang)
        return kind_name(Kind(row.key), lang) if row.key is not None else ""


def load_names(db: Database) -> Names:
    with db.sessions() as s:
        return Names({d.id: (d.name_zh, d.name_en) for d in s.scalars(select(Department))},
                     {t.code: (t.name_zh, t.name_en) for t in s.scalars(select(Town))},
                     dict(s.execute(select(User.id, User.display_name)).tuples().all()),
                     dict(s.execute(select(Inspector.id, Inspector.name)).tuples().all()))


@dataclass(frozen=True)
class Efficiency:
    """Every clock, assessed for ``today``, with the names to read it by.

    ``fresh`` is False when the clocks came from a snapshot older than the data: show
    them, and load again.
    """

    items: DeadlineItems
    assessment: Assessment
    today: dt.date
    names: Names
    policy: DeadlinePolicy
    load_s: float
    fresh: bool = True
    # Cases whose decision period was extended or paused (规定 Art. 64): the report lists them apart.
    extended_cases: tuple = ()


def load_clocks(db: Database, today: dt.date | None = None, *, calendar: WorkdayCalendar | None = None,
                policy: DeadlinePolicy | None = None, snapshot_dir: Path | None = None,
                allow_stale: bool = False) -> tuple[DeadlineItems, Assessment, bool]:
    """Every clock, assessed for ``today``: (items, assessment, fresh). See :func:`load_efficiency`."""
    calendar, policy = calendar or default_calendar(), policy or load_policy()
    today = today or dt.date.today()
    if snapshot_dir is None:
        items, fresh = load_items(db, calendar=calendar, policy=policy), True
    else:
        from core.deadlines.snapshot import current_items

        items, fresh = current_items(db, snapshot_dir, calendar=calendar, policy=policy, allow_stale=allow_stale)
    return items, assess(items, today, calendar, policy), fresh


def require_efficiency(db: Database, viewer: object | None) -> None:
    """Refuse (``efficiency.read``) a viewer whose role may not read the efficiency watch.

    The watch is the center's and the monitor's (core.rights); no other role reads it in part."""
    from core.services.read_scope import read_scope

    with db.sessions() as s:
        read_scope(s, viewer, "efficiency.read")


def load_efficiency(db: Database, today: dt.date | None = None, *, calendar: WorkdayCalendar | None = None,
                    policy: DeadlinePolicy | None = None, snapshot_dir: Path | None = None,
                    allow_stale: bool = False, viewer: object | None = None) -> Efficiency:
    """Load and assess every clock (a second or so on a whole city: call it off the GUI thread).

    With ``snapshot_dir`` the clocks come from the snapshot kept there (and in memory),
    brought up to date by re-reading only the clocks changed since (core.deadlines.snapshot);
    a full load happens only when it cannot be caught up. ``allow_stale`` then returns the
    outdated snapshot, marked ``fresh=False``, for the caller to show while it loads again.
    """
    import time

    require_efficiency(db, viewer)
    started = time.perf_counter()
    policy = policy or load_policy()
    today = today or dt.date.today()
    items, assessment, fresh = load_clocks(db, today, calendar=calendar, policy=policy, snapshot_dir=snapshot_dir,
                                           allow_stale=allow_stale)
    return Efficiency(items, assessment, today, load_names(db), policy, time.perf_counter() - started, fresh,
                      tuple(extended_cases(db)))


@dataclass(frozen=True)
class ItemLine:
    """One clock as a person reads it."""

    kind: int
    item_id: int
    ref: str
    subject: str
    entity: str


def _chunks(ids: Sequence[int], size: int = 900):
    for i in range(0, len(ids), size):
        yield list(ids[i:i + size])


def describe_items(db: Database, kinds: Iterable[int], item_ids: Iterable[int], *,
                   viewer: object | None = None) -> dict[tuple[int, int], ItemLine]:
    """What each (kind, item id) is about: reference, subject and entity name (``efficiency.read``)."""
    require_efficiency(db, viewer)
    wanted: dict[int, list[int]] = {}
    for k, i in zip(kinds, item_ids):
        wanted.setdefault(int(k), []).append(int(i))
    out: dict[tuple[int, int], ItemLine] = {}
    entity_name = MarketEntity.name
    with db.sessions() as s:
        for kind, ids in wanted.items():
            for chunk in _chunks(sorted(set(ids))):
                for item_id, ref, subject, entity in s.execute(_describe_stmt(Kind(kind), chunk, entity_name)):
                    out[(kind, int(item_id))] = ItemLine(kind, int(item_id), str(ref or ""), str(subject or ""),
                                                         str(entity or ""))
    return out


def _describe_stmt(kind: Kind, ids: list[int], entity_name):
    if kind == Kind.CLUE_HANDLING:
        return (select(Clue.id, Clue.ref_no, Clue.description, entity_name)
                .outerjoin(MarketEntity, MarketEntity.id == Clue.entity_id).where(Clue.id.in_(ids)))
    if kind == Kind.PUSH_CLAIM:
        return (select(NotificationPush.id, NotificationPush.id, NotificationPush.permit_name, entity_name)
                .join(MarketEntity, MarketEntity.id == NotificationPush.entity_id).where(NotificationPush.id.in_(ids)))
    if kind == Kind.COMMITMENT_VERIFICATION:
        return (select(CommitmentVerification.id, CommitmentVerification.id, Commitment.matter_name, entity_name)
                .join(Commitment, Commitment.id == CommitmentVerification.commitment_id)
                .join(MarketEntity, MarketEntity.id == Commitment.entity_id).where(CommitmentVerification.id.in_(ids)))
    if kind in (Kind.INSPECTION_TASK, Kind.RESULTS_PUBLICATION):  # a result's clock has its task's id
        return (select(InspectionTask.id, InspectionTask.id, DrawBatch.name, entity_name)
                .outerjoin(DrawBatch, DrawBatch.id == InspectionTask.batch_id)
                .join(MarketEntity, MarketEntity.id == InspectionTask.entity_id).where(InspectionTask.id.in_(ids)))
    return (select(Case.id, Case.ref_no, Case.ref_no, entity_name)
            .join(MarketEntity, MarketEntity.id == Case.entity_id).where(Case.id.in_(ids)))


REF_FORMATS = {Kind.PUSH_CLAIM: "TZ{:06d}", Kind.COMMITMENT_VERIFICATION: "HC{:06d}", Kind.INSPECTION_TASK: "JC{:06d}",
               Kind.RESULTS_PUBLICATION: "PC{:06d}"}


def reference(line: ItemLine) -> str:
    """The number people quote for an item (clues and cases have their own)."""
    fmt = REF_FORMATS.get(Kind(line.kind))
    return fmt.format(line.item_id) if fmt else line.ref


# ---- the report ---------------------------------------------------------------------

REPORT_HEADERS = {
    "zh": ["排名", "名称", "时限事项", "已办结", "按期办结", "按期办结率", "在办", "即将到期", "已逾期", "严重逾期"],
    "en": ["Rank", "Name", "Clocks", "Done", "Done on time", "On-time rate", "Open", "Due soon", "Overdue",
           "Seriously overdue"],
}


def report_rows(ranked: Sequence[tuple[int | None, GroupRow]], names: Names, lang: str) -> list[list]:
    """Rows under :data:`REPORT_HEADERS`; the on-time rate is a :class:`~core.sheets.Percent` (a
    fraction that reads "92.3%"), empty when nothing was due."""
    return [[rank if rank is not None else "", names.of(r, lang), r.total, r.done, r.done_on_time,
             "" if r.on_time_rate is None else Percent(r.on_time_rate), r.open, r.due_soon, r.overdue,
             r.seriously_overdue] for rank, r in ranked]


def write_report_xlsx(path: str | Path, title: str, sheets: Sequence[tuple[str, list[str], list[list]]]) -> Path:
    """Sheets of (name, headers, rows) with the title on top of each; written atomically."""
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise ValidationError("报表须保存为 .xlsx (the report is written as an .xlsx file)", where=str(path))
    write_xlsx(path, [Sheet(name, headers, rows, title=title) for name, headers, rows in sheets])
    return path
