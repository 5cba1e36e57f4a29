"""The Efficiency workspace (效能监察): who is late, with what, and since when.

Every clock of the center (clues, double-notification claims, commitment checks,
inspection tasks, results publication, case decisions) is loaded and assessed in a worker;
the numbers are then regrouped on demand (a few milliseconds over a whole city). Any
number drills down to the items behind it; the trend shows the chosen row week by week;
the escalation list is what leadership sees first. Reports go to XLSX or PDF.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.db.database import Database
from core.deadlines import (
    KINDS,
    GroupRow,
    Kind,
    Level,
    ProvisionalRows,
    by_group,
    claim_rate_in_time,
    day_date,
    drill_down,
    escalation_list,
    kind_name,
    level_name,
    rank_rows,
    weekly_trend,
)
from core.deadlines.summary import ClaimRow, below_volume
from core.live.changes import ChangeSet
from core.services import efficiency as service
from desktop.entities.errors import show_error
from desktop.entities.file_dialogs import ask_save_path
from desktop.entities.message_bar import MessageBar
from desktop.i18n import current_language
from desktop.live.bus import ChangeBus
from desktop.live.follow import on_changes
from desktop.provisional import ProvisionalCaption, clock_flags, date_text, tooltip, years_note
from desktop.reports.leadership_dialog import LeadershipReportDialog, may_build
from desktop.settings import RANK_MIN_CLOCKS, Settings
from desktop.tasks import TaskManager

from .report import write_report
from .tables import ClaimsTable, ItemsTable, ItemView, RankingTable, ranking_note
from .trend_plot import TrendPlot
from .warnings_tab import WarningsPanel

GROUPS = ("department", "town", "person")
PERIODS = ("4w", "quarter", "year", "all")
DRILL_LIMIT = 500
MAX_MIN_CLOCKS = 100_000


def period_for(key: str, today: dt.date) -> tuple[dt.date, dt.date] | None:
    """Clocks due in: the last 4 weeks, this quarter, this year (up to today), or all."""
    if key == "4w":
        return today - dt.timedelta(days=27), today
    if key == "quarter":
        return dt.date(today.year, 3 * ((today.month - 1) // 3) + 1, 1), today
    if key == "year":
        return dt.date(today.year, 1, 1), today
    return None


CLOCK_KINDS = ("clues", "cases", "pushes", "commitments", "inspections", "batches")
"""The change kinds that move a deadline clock."""


class EfficiencyWorkspace(QWidget):
    """``ready`` is emitted each time the numbers on show are complete (first load, reloads).

    Only units with at least the ``settings``' minimum of clocks are ranked (without
    ``settings``, the setting's default, not kept).
    """

    ready = Signal()
    items_shown = Signal(int)

    def __init__(self, db: Database, tasks: TaskManager, actor: str, lang: str = "zh_CN", *,
                 today: dt.date | None = None, snapshot_dir: Path | None = None,
                 settings: Settings | None = None, changes: ChangeBus | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("efficiencyWorkspace")
        self._snapshot_dir = snapshot_dir
        self._settings = settings
        self.setProperty("workspacePage", True)
        self._db, self._tasks, self._actor, self._lang = db, tasks, actor, lang
        self._today = today
        self._stale = False
        self.data: service.Efficiency | None = None
        self.provisional: ProvisionalRows | None = None  # the clocks whose figures rely on a provisional year
        self._ranked: list[tuple[int | None, GroupRow]] = []
        self._drill: tuple[GroupRow | None, tuple[Level, ...]] | None = None

        self.group_combo = QComboBox(objectName="efficiencyGroup")
        self.kind_combo = QComboBox(objectName="efficiencyKind")
        self.period_combo = QComboBox(objectName="efficiencyPeriod")
        self.refresh_button = QPushButton(objectName="efficiencyRefresh")
        self.export_button = QPushButton(objectName="efficiencyExport")
        self.leadership_button = QPushButton(objectName="efficiencyLeadership")  # issue 16: desktop.reports
        self.leadership_button.setVisible(may_build(db, actor))
        self.leadership_button.clicked.connect(self.leadership_dialog)
        self.min_clocks_spin = QSpinBox(objectName="efficiencyMinClocks")
        self.min_clocks_spin.setRange(0, MAX_MIN_CLOCKS)
        self.min_clocks_spin.setValue(min(max(0, settings[RANK_MIN_CLOCKS] if settings is not None
                                              else RANK_MIN_CLOCKS.default), MAX_MIN_CLOCKS))
        self.caption = QLabel(objectName="efficiencyCaption")
        # The caption takes the room the controls leave and never widens the window: a
        # narrow screen (or a longer language) cuts it, and its tooltip keeps it whole.
        self.caption.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        bar = QHBoxLayout()
        self._captions = [QLabel(), QLabel(), QLabel(), QLabel()]
        for caption, combo in zip(self._captions, (self.group_combo, self.kind_combo, self.period_combo,
                                                   self.min_clocks_spin)):
            bar.addWidget(caption)
            bar.addWidget(combo)
        bar.addWidget(self.caption, 1)
        bar.addWidget(self.refresh_button)
        bar.addWidget(self.export_button)
        bar.addWidget(self.leadership_button)

        self.kpis: dict[str, QLabel] = {}
        self._kpi_titles: dict[str, QLabel] = {}
        kpi_row = QHBoxLayout()
        for key in ("clocks", "rate", "open", "overdue", "serious", "claims"):
            box = QFrame(objectName="efficiencyKpi")
            box.setFrameShape(QFrame.Shape.StyledPanel)
            grid = QGridLayout(box)
            value = QLabel("—", objectName=f"efficiencyKpi_{key}")
            font = value.font()
            font.setPointSizeF(font.pointSizeF() * 1.9)
            font.setBold(True)
            value.setFont(font)
            title = QLabel()
            grid.addWidget(title, 0, 0)
            grid.addWidget(value, 1, 0)
            self.kpis[key], self._kpi_titles[key] = value, title
            kpi_row.addWidget(box, 1)

        self.ranking = RankingTable()
        self.ranking_caption = QLabel(objectName="efficiencyRankingCaption", wordWrap=True)
        ranking_page = QWidget()
        ranking_layout = QVBoxLayout(ranking_page)
        ranking_layout.setContentsMargins(0, 0, 0, 0)
        ranking_layout.addWidget(self.ranking_caption)
        ranking_layout.addWidget(self.ranking, 1)
        self.trend = TrendPlot()
        self.items = ItemsTable()
        self.escalation = ItemsTable()
        self.escalation.setObjectName("efficiencyEscalation")
        self.items_caption = QLabel(objectName="efficiencyItemsCaption", wordWrap=True)
        items_page = QWidget()
        items_layout = QVBoxLayout(items_page)
        items_layout.setContentsMargins(0, 0, 0, 0)
        items_layout.addWidget(self.items_caption)
        items_layout.addWidget(self.items, 1)
        self.tabs = QTabWidget(objectName="efficiencyTabs", documentMode=True)
        self.tabs.addTab(self.trend, "")
        self.tabs.addTab(items_page, "")
        self.tabs.addTab(self.escalation, "")
        self.claims = ClaimsTable()
        self.tabs.addTab(self.claims, "")
        self.warnings = WarningsPanel(db, tasks, actor, lang)  # the risk model's warnings (issue 17)
        self.tabs.addTab(self.warnings, "")
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(ranking_page)
        splitter.addWidget(self.tabs)
        splitter.setSizes([760, 560])
        self.message_bar = MessageBar()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 0)
        layout.addLayout(bar)
        layout.addLayout(kpi_row)
        self.provisional_caption = ProvisionalCaption()
        layout.addWidget(self.provisional_caption)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message_bar)

        self.retranslate_ui()
        for combo in (self.group_combo, self.kind_combo, self.period_combo):
            combo.currentIndexChanged.connect(self.regroup)
        self.min_clocks_spin.valueChanged.connect(self._on_min_clocks_spin_value_changed)
        self.refresh_button.clicked.connect(self.reload)
        self.export_button.clicked.connect(self.export_dialog)
        self.ranking.drill.connect(self.show_items)
        self.ranking.row_chosen.connect(self._on_ranking_row_chosen)
        if changes is not None:  # clocks move with clues, cases, pushes, commitments and inspections
            self.change_listener = on_changes(self, changes, CLOCK_KINDS, self.on_changes, delay_ms=1000)
        self.reload(allow_stale=True)

    # ---- public API -----------------------------------------------------

    @property
    def today(self) -> dt.date:
        return self._today or dt.date.today()

    def reload(self, *, allow_stale: bool = False) -> None:
        """Load and assess every clock again (in a worker). With ``allow_stale`` an outdated
        snapshot is shown first while the clocks are read again."""
        db, today, folder, viewer = self._db, self.today, self._snapshot_dir, self._actor or None
        self._set_caption(self.tr("Loading every deadline…"))

        def load():  # refused (efficiency.read) to roles the watch is not for
            data = service.load_efficiency(db, today, snapshot_dir=folder, allow_stale=allow_stale, viewer=viewer)
            return data, clock_flags(data.items, data.today)

        self._tasks.run(load, on_done=self._on_loaded,
                        on_error=lambda e: show_error(self, self.tr("Deadlines not loaded"), e), owner=self)

    def refresh(self) -> None:
        """Read every clock again (F5, desktop/shortcuts.py)."""
        self.reload()

    def on_changes(self, _changes: ChangeSet) -> None:
        """Clocks changed (here or at another workstation): reload now if on show, else when shown."""
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.reload()

    def main_view(self) -> QAbstractItemView:
        return self.ranking

    def set_choice(self, *, group: str | None = None, kind: int | None = None, period: str | None = None) -> None:
        if group is not None:
            self.group_combo.setCurrentIndex(GROUPS.index(group))
        if kind is not None:
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind))
        if period is not None:
            self.period_combo.setCurrentIndex(PERIODS.index(period))

    def choice(self) -> tuple[str, int | None, tuple[dt.date, dt.date] | None]:
        return (GROUPS[max(0, self.group_combo.currentIndex())], self.kind_combo.currentData(),
                period_for(PERIODS[max(0, self.period_combo.currentIndex())], self.today))

    def ranked(self) -> list[tuple[int | None, GroupRow]]:
        return list(self._ranked)

    @property
    def min_clocks(self) -> int:
        """The clocks a unit needs to be ranked (the setting, as the spin box shows it)."""
        return self.min_clocks_spin.value()

    def set_min_clocks(self, value: int) -> None:
        self.min_clocks_spin.setValue(value)

    def regroup(self) -> None:
        """Recount for the chosen grouping, kind and period (milliseconds; no database)."""
        d = self.data
        if d is None:
            return
        group, kind, period = self.choice()
        kinds = None if kind is None else [Kind(kind)]
        rows = by_group(d.items, d.assessment, group, period, kinds=kinds)
        least = self.min_clocks
        self._ranked = rank_rows(rows, "on_time_rate", min_clocks=least)
        self.ranking.set_rows(self._ranked, [d.names.of(r, self._lang) for _, r in self._ranked], min_clocks=least)
        self.ranking_caption.setText(ranking_note(least, below_volume(rows, least)))
        self._fill_kpis(rows, period)
        self._fill_trend(None)
        self._fill_escalation()
        self.ready.emit()

    def show_items(self, row: GroupRow | None, levels: tuple[Level, ...]) -> None:
        """List the clocks behind a number (at most 500, described in a worker)."""
        d = self.data
        if d is None:
            return
        group, kind, period = self.choice()
        found = drill_down(d.items, d.assessment, levels_in=levels, kinds=None if kind is None else [Kind(kind)],
                           group=row.group if row is not None else None, key=row.key if row is not None else None,
                           table=row.table if row is not None else None, period=period)
        total = len(found.rows)
        rows = found.rows[:DRILL_LIMIT]
        who = d.names.of(row, self._lang) if row is not None else self.tr("the whole city")
        states = "、".join(level_name(lv, self._lang) for lv in levels) if len(levels) < len(Level) else \
            self.tr("all")
        self.items_caption.setText(self.tr("%1 — %2: %3 items").replace("%1", who).replace("%2", states)
                                   .replace("%3", f"{total:,}") + (self.tr(" (the first 500 are listed)")
                                                                   if total > DRILL_LIMIT else ""))
        self.tabs.setCurrentIndex(1)
        self._describe(rows, self.items)

    def export_dialog(self) -> None:
        if self.data is None:
            return
        path = ask_save_path(self, self.tr("Export the efficiency report"),
                             self.tr("efficiency_%1").replace("%1", f"{self.today:%Y%m%d}"), ".xlsx",
                             self.tr("Excel workbook (*.xlsx);;PDF document (*.pdf)"))
        if path is not None:
            self.export(path)

    def leadership_dialog(self) -> LeadershipReportDialog:
        dialog = LeadershipReportDialog(self._db, self._tasks, self._actor, self._lang, today=self._today,
                                        snapshot_dir=self._snapshot_dir, parent=self)
        dialog.show()
        return dialog

    def export(self, path: Path) -> None:
        """The report for the chosen period and kind, every grouping, as XLSX or PDF (by suffix)."""
        d, (_group, kind, period), lang = self.data, self.choice(), self._lang
        title = self._report_title(period, kind)
        family, least, flags = QApplication.font().family(), self.min_clocks, self.provisional
        db, actor = self._db, self._actor
        self._tasks.run(lambda: write_report(Path(path), d, title, kind, period, lang, family, least, flags,
                                             db=db, actor=actor),
                        on_done=lambda p: self.message_bar.show_message(
                            self.tr("Saved %1.").replace("%1", str(p)), kind="success"),
                        on_error=lambda e: show_error(self, self.tr("Report not written"), e), owner=self)

    # ---- filling --------------------------------------------------------

    def _on_loaded(self, loaded: tuple[service.Efficiency, ProvisionalRows]) -> None:
        data, self.provisional = loaded
        self.data = data
        self.provisional_caption.set_note(years_note(self.provisional.years), self._lang)
        self.regroup()
        if data.fresh:
            self._set_caption(self.tr("%1 deadlines as of %2 (loaded in %3 s)").replace(
                "%1", f"{len(data.items):,}").replace("%2", data.today.isoformat()).replace("%3", f"{data.load_s:.1f}"))
        else:
            self.reload()
            self._set_caption(self.tr("Showing the last saved figures; reading the latest…"))

    def _fill_kpis(self, rows: list[GroupRow], period) -> None:
        total = sum(r.total for r in rows)
        done = sum(r.done for r in rows)
        on_time = sum(r.done_on_time for r in rows)
        self.kpis["clocks"].setText(f"{total:,}")
        self.kpis["rate"].setText("—" if not done else f"{100 * on_time / done:.1f}%")
        self.kpis["open"].setText(f"{sum(r.open for r in rows):,}")
        self.kpis["overdue"].setText(f"{sum(r.overdue for r in rows):,}")
        self.kpis["serious"].setText(f"{sum(r.seriously_overdue for r in rows):,}")
        by_department = claim_rate_in_time(self.data.items, self.data.assessment, period)
        worst_first = sorted(by_department, key=lambda r: (r.rate is None, r.rate if r.rate is not None else 0,
                                                            -r.pushes))
        self.claims.set_rows(worst_first, [self.data.names.department(r.department_id, self._lang)
                                           for r in worst_first])
        claims = ClaimRow.total(by_department)
        self.kpis["claims"].setText("—" if claims.rate is None else f"{100 * claims.rate:.1f}%")
        self.kpis["claims"].setToolTip(self.tr("%1 of %2 pushes claimed within 5 working days (target 100%)")
                                       .replace("%1", f"{claims.claimed_in_time:,}")
                                       .replace("%2", f"{claims.claimed + claims.unclaimed_overdue:,}"))

    def _fill_trend(self, row: GroupRow | None) -> None:
        d = self.data
        _, kind, _ = self.choice()
        weeks = weekly_trend(d.items, d.assessment, 12, group=row.group if row else None,
                             key=row.key if row else None, table=row.table if row else None,
                             kinds=None if kind is None else [Kind(kind)])
        self.trend.set_weeks(weeks)

    def _fill_escalation(self) -> None:
        d = self.data
        _, kind, _ = self.choice()
        mask = None if kind is None else d.items.kind == kind
        worst = escalation_list(d.items, d.assessment, limit=100, mask=mask)
        rows = np.array([self._row_of(e.kind, e.item_id) for e in worst], dtype=np.int64)
        self._describe(rows, self.escalation)

    def _row_of(self, kind: int, item_id: int) -> int:
        items = self.data.items
        return int(np.flatnonzero((items.kind == kind) & (items.item_id == item_id))[0])

    def _describe(self, rows: np.ndarray, table: ItemsTable) -> None:
        d, db, lang = self.data, self._db, self._lang
        kinds, ids = d.items.kind[rows].tolist(), d.items.item_id[rows].tolist()

        flags = self.provisional.rows if self.provisional is not None else np.zeros(len(d.items), dtype=bool)
        note = years_note(self.provisional.years) if self.provisional is not None else None

        def shown(lines: dict) -> None:
            views = []
            for r, k, i in zip(rows.tolist(), kinds, ids):
                line = lines.get((k, i))
                dept = int(d.items.department[r])
                level = int(d.assessment.levels[r])
                marked = note if flags[r] else None
                views.append(ItemView(
                    kind_name(Kind(k), lang), service.reference(line) if line else str(i),
                    line.subject if line else "", line.entity if line else "",
                    d.names.department(dept if dept >= 0 else None, lang), date_text(day_date(int(d.items.due[r])), marked),
                    level_name(level, lang), int(d.assessment.overdue_days[r]), level == Level.SERIOUSLY_OVERDUE,
                    tooltip(marked, lang)))
            table.set_items(views)
            if table is self.items:
                self.items_shown.emit(len(views))

        viewer = self._actor or None
        self._tasks.run(lambda: service.describe_items(db, kinds, ids, viewer=viewer), on_done=shown,
                        on_error=lambda e: show_error(self, self.tr("Items not read"), e), owner=self)

    def _report_title(self, period, kind) -> str:
        what = self.tr("all deadlines") if kind is None else kind_name(Kind(kind), self._lang)
        span = self.tr("all time") if period is None else f"{period[0].isoformat()} — {period[1].isoformat()}"
        return self.tr("Efficiency report: %1, due %2 (as of %3)").replace("%1", what).replace("%2", span) \
            .replace("%3", self.today.isoformat())

    def _on_min_clocks_spin_value_changed(self, value: int) -> None:
        if self._settings is not None:
            self._settings[RANK_MIN_CLOCKS] = value
        self.regroup()

    def _on_ranking_row_chosen(self, row: GroupRow | None) -> None:
        if self.data is not None:
            self._fill_trend(row)

    # ---- language ---------------------------------------------------------

    def _set_caption(self, text: str) -> None:
        self.caption.setText(text)
        self.caption.setToolTip(text)

    def retranslate_ui(self) -> None:
        for caption, text in zip(self._captions, (self.tr("Rank by"), self.tr("Deadlines"), self.tr("Due"),
                                                  self.tr("Rank from"))):
            caption.setText(text)
        self.min_clocks_spin.setSuffix(self.tr(" clocks"))
        self.min_clocks_spin.setToolTip(self.tr("Units with fewer clocks are listed after the ranked ones, "
                                                "unranked: a unit with a handful of clocks says little."))
        self._refill(self.group_combo, [(self.tr("Department"), "department"), (self.tr("Town"), "town"),
                                        (self.tr("Person"), "person")])
        self._refill(self.kind_combo, [(self.tr("All deadlines"), None)]
                     + [(kind_name(k, self._lang), int(k)) for k in KINDS])
        self._refill(self.period_combo, [(self.tr("Last 4 weeks"), "4w"), (self.tr("This quarter"), "quarter"),
                                         (self.tr("This year"), "year"), (self.tr("All time"), "all")])
        titles = {"clocks": self.tr("Deadlines"), "rate": self.tr("Done on time"), "open": self.tr("Open"),
                  "overdue": self.tr("Overdue"), "serious": self.tr("Seriously overdue"),
                  "claims": self.tr("Pushes claimed in time")}
        for key, label in self._kpi_titles.items():
            label.setText(titles[key])
        self.refresh_button.setText(self.tr("Refresh"))
        self.export_button.setText(self.tr("Export report…"))
        self.leadership_button.setText(self.tr("Leadership report…"))
        self.tabs.setTabText(0, self.tr("Trend"))
        self.tabs.setTabText(1, self.tr("Items"))
        self.tabs.setTabText(2, self.tr("Escalation"))
        self.tabs.setTabText(3, self.tr("Double notification"))
        self.tabs.setTabText(4, self.tr("Warnings"))

    @staticmethod
    def _refill(combo: QComboBox, entries) -> None:
        index = max(0, combo.currentIndex())
        combo.blockSignals(True)
        combo.clear()
        for text, data in entries:
            combo.addItem(text, data)
        combo.setCurrentIndex(min(index, combo.count() - 1))
        combo.blockSignals(False)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self._lang = current_language(QCoreApplication.instance())
            self.retranslate_ui()
            self.regroup()
            if self.provisional is not None:
                self.provisional_caption.set_note(years_note(self.provisional.years), self._lang)
        super().changeEvent(event)

