"""A drawn batch's picks as text: the table of visits and the ceremony's reveal.

``team_text`` and ``place_text`` are shared by both; the ceremony lists picks in USCC
order (as the public notice does), because strata are drawn A, B, C, D in turn and the
pick order would reveal an entity's internal risk class.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from core.services.draws import BatchDetail, DrawnPick, TeamMember
from desktop.provisional import date_text, span_note, tooltip

from .ceremony import CeremonyData, CeremonyPick

_Index = QModelIndex | QPersistentModelIndex
translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")


def department_names(detail: BatchDetail, lang: str) -> dict[int, str]:
    zh = lang.startswith("zh")
    return {d.department_id: (d.name_zh if zh or not d.name_en else d.name_en) for d in detail.departments}


def team_text(team: Sequence[TeamMember], names: Mapping[int, str], lang: str) -> str:
    """"市场监管局：张三、李四；卫健局：王五、赵六" (departments in batch order)."""
    zh = lang.startswith("zh")
    by_dept: dict[int, list[str]] = {}
    for member in team:
        by_dept.setdefault(member.department_id, []).append(member.name)
    order = list(names) + [d for d in by_dept if d not in names]
    parts = [f"{names.get(d, str(d))}{'：' if zh else ': '}{('、' if zh else ', ').join(by_dept[d])}"
             for d in order if d in by_dept]
    return ("；" if zh else "; ").join(parts)


def place_text(pick: DrawnPick, reference, lang: str) -> str:
    if reference is None:
        return pick.village_code or pick.town_code
    return f"{reference.name(pick.town_code, lang)} {reference.name(pick.village_code, lang)}".strip()


def ceremony_data(title: str, detail: BatchDetail, picks: Sequence[DrawnPick], reference, lang: str) -> CeremonyData:
    names = department_names(detail, lang)
    public = sorted(picks, key=lambda p: p.uscc)
    return CeremonyData(
        title=title, pool_count=detail.pool_count or 0, pool_hash=detail.pool_hash or "",
        randomness=detail.randomness_kind or "", sources=detail.random_sources, seed=detail.seed or "",
        commitment=detail.seed_commitment or "", key=detail.draw_key or "",
        picks=tuple(CeremonyPick(n, p.name, p.uscc, place_text(p, reference, lang), team_text(p.team, names, lang))
                    for n, p in enumerate(public, start=1)))


def publication_note(state, today: dt.date | None = None):
    """Why the due date and working days of an unpublished result are provisional, or None:
    the working days from the day it was formed to its due date, or to ``today`` once late."""
    if state is None or state.state not in ("pending", "overdue") or state.due_on is None:
        return None
    return span_note(state.formed_on, max(state.due_on, today or state.due_on))


def publication_text(state, today: dt.date | None = None) -> str:
    """"Published 2027-04-06", "Due 2027-05-20 (12 working days left)", "Overdue since 2027-04-02 (3
    working days)"; empty while the visit has no result. A due date counted across a provisional
    year is marked (:mod:`desktop.provisional`)."""
    if state is None or state.state == "no_result":
        return ""
    if state.state == "published":
        text = (translate("DrawPicks", "Published %1 (late)") if state.published_late else
                translate("DrawPicks", "Published %1"))
        return text.replace("%1", state.published_on.isoformat())
    if state.state == "overdue":
        return (translate("DrawPicks", "Overdue since %1 (%2 working days)")
                .replace("%1", date_text(state.due_on, publication_note(state, today)))
                .replace("%2", str(state.working_days_overdue)))
    return (translate("DrawPicks", "Due %1 (%2 working days left)")
            .replace("%1", date_text(state.due_on, publication_note(state, today)))
            .replace("%2", str(state.working_days_left)))


class PicksModel(QAbstractTableModel):
    """One row per drawn entity: pick order, entity, team, task, place, USCC, class (internal users only)."""

    COLUMNS = ("order", "entity", "team", "task", "published", "place", "uscc", "stratum")

    def __init__(self, *, show_risk: bool, parent=None) -> None:
        super().__init__(parent)
        self._show_risk = show_risk
        self._picks: list[DrawnPick] = []
        self._names: dict[int, str] = {}
        self._reference = None
        self._lang = "zh_CN"
        self._publication: dict = {}   # task id -> PublicationState
        self._today: dt.date | None = None

    def set_publication(self, states: Mapping, today: dt.date | None = None) -> None:
        """Where each visit's result stands on ``today``: published on, due, overdue (企业信息公示暂行条例)."""
        self._publication, self._today = dict(states), today
        if self._picks:
            column = self.columns().index("published")
            self.dataChanged.emit(self.index(0, column), self.index(len(self._picks) - 1, column))

    def publication(self, task_id: int):
        return self._publication.get(task_id)

    def set_picks(self, picks: Sequence[DrawnPick], names: Mapping[int, str], reference, lang: str) -> None:
        self.beginResetModel()
        self._picks, self._names, self._reference, self._lang = list(picks), dict(names), reference, lang
        self.endResetModel()

    def pick(self, row: int) -> DrawnPick:
        return self._picks[row]

    def columns(self) -> tuple[str, ...]:
        return self.COLUMNS if self._show_risk else tuple(c for c in self.COLUMNS if c != "stratum")

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self._picks)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self.columns())

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        pick, column = self._picks[index.row()], self.columns()[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                "order": pick.order, "entity": pick.name, "uscc": pick.uscc,
                "place": place_text(pick, self._reference, self._lang),
                "team": team_text(pick.team, self._names, self._lang),
                "task": f"JC{pick.task_id:06d}" if pick.task_id else "",
                "stratum": pick.stratum, "published": publication_text(self._publication.get(pick.task_id), self._today),
            }[column]
        if role == Qt.ItemDataRole.ToolTipRole and column in ("entity", "place"):
            return pick.address
        if role == Qt.ItemDataRole.ToolTipRole and column == "published":
            return tooltip(publication_note(self._publication.get(pick.task_id), self._today), self._lang) or None
        if role == Qt.ItemDataRole.ToolTipRole and column == "team":
            return team_text(pick.team, self._names, self._lang)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "order":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return pick.task_id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            "order": translate("DrawPicks", "No."), "entity": translate("DrawPicks", "Entity"),
            "uscc": translate("DrawPicks", "USCC"), "place": translate("DrawPicks", "Town / village"),
            "team": translate("DrawPicks", "Team"), "task": translate("DrawPicks", "Task"),
            "stratum": translate("DrawPicks", "Class"), "published": translate("DrawPicks", "Results published"),
        }[self.columns()[section]]
