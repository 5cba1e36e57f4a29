"""The Draws workspace (双随机抽查): plans and batches, from configuration to public notice.

Left: the annual plans and their batches. Right, for the chosen batch: the overview
(rules, rule-citing checks, what was frozen and drawn, actions for its state), the
ceremony (the picks revealed one by one, fit for the wall) and the visits (the drawn
entities with their teams; results are recorded item by item). Every database call runs
in the TaskManager's workers; long ones (check, lock, draw, verify, exports) show progress.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QInputDialog,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.db.database import Database
from core.draws import DrawRefused
from core.live.changes import ChangeSet
from core.services import draws
from desktop.entities.errors import show_error
from desktop.entities.message_bar import MessageBar
from desktop.entities.reference import EntityReference, load_reference
from desktop.i18n import current_language
from desktop.live.bus import ChangeBus
from desktop.live.follow import on_changes
from desktop.navigation import Navigator
from desktop.provisional import date_text, span_note
from desktop.settings import Settings
from desktop.tasks import TaskManager

from . import exports
from .batch_exports import BatchExports
from .batch_overview import BatchOverview
from .ceremony import CeremonyView
from .picks_model import PicksModel, ceremony_data, department_names
from .visits_page import VisitsPage
from .plan_editing import PlanEditing
from .plan_tree import PlanTree
from .problem_words import problem_text
from .result_publishing import ResultPublishing
from .randomness_dialogs import DrawDialog, LockChoice, LockDialog


class DrawsWorkspace(PlanEditing, BatchExports, ResultPublishing, QWidget):
    """Plan, check, lock, draw, publish and follow double-random inspection batches.

    ``actor`` is the signed-in user recorded with every change (empty: read-only);
    ``show_risk`` is False for users outside the center (no per-class statistics);
    ``settings`` keep the screen the ceremony was last shown full screen on.
    """

    plans_loaded = Signal(object)      # list[PlanSummary]
    batch_loaded = Signal(object)      # BatchDetail
    picks_loaded = Signal(object)      # tuple[DrawnPick, ...]
    checked = Signal(object)           # list[Problem]
    drawn = Signal(object)             # DrawnBatch
    file_written = Signal(str)
    verified = Signal(object)          # VerifyReport

    def __init__(self, db: Database, tasks: TaskManager, actor: str, lang: str = "zh_CN", *,
                 show_risk: bool = True, today: dt.date | None = None, settings: Settings | None = None,
                 changes: ChangeBus | None = None, navigator: Navigator | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drawsWorkspace")
        self.setProperty("workspacePage", True)
        self._db, self._tasks, self._actor, self._lang = db, tasks, actor, lang
        self._show_risk, self._today, self._settings = show_risk, today, settings
        self.navigator = navigator if navigator is not None else Navigator(self)
        self._reference: EntityReference | None = None
        self._batch_id: int | None = None
        self._picks: tuple = ()
        self._reveal: int | None = None    # the batch just drawn: its ceremony reveals the picks

        self.new_plan_button = QPushButton(objectName="drawNewPlan")
        self.new_batch_button = QPushButton(objectName="drawNewBatch")
        self.discard_plan_button = QPushButton(objectName="drawDiscardPlan")
        self.refresh_button = QPushButton(objectName="drawRefresh")
        self.new_plan_button.clicked.connect(self.new_plan_dialog)
        self.new_batch_button.clicked.connect(self.new_batch_dialog)
        self.discard_plan_button.clicked.connect(self.discard_plan_dialog)
        self.refresh_button.clicked.connect(self.refresh)
        toolbar = QHBoxLayout()
        for button in (self.new_plan_button, self.new_batch_button, self.discard_plan_button):
            button.setVisible(not self.read_only)
            toolbar.addWidget(button)
        toolbar.addStretch(1)
        toolbar.addWidget(self.refresh_button)

        self.tree = PlanTree()
        self.overview = BatchOverview(show_risk=show_risk, read_only=self.read_only, lang=lang)
        self.ceremony = CeremonyView()
        self._make_wall_button()
        ceremony_page = QWidget()
        ceremony_layout = QVBoxLayout(ceremony_page)
        ceremony_layout.setContentsMargins(0, 0, 0, 0)
        ceremony_layout.addWidget(self.ceremony, 1)
        ceremony_layout.addWidget(self.wall_button, 0, Qt.AlignmentFlag.AlignRight)

        self.visits = VisitsPage(show_risk=show_risk)
        self.visits.results_requested.connect(self.open_results)
        self.visits.panorama_requested.connect(self.open_panorama)
        self._init_result_publishing()

        self.tabs = QTabWidget(objectName="drawTabs", documentMode=True)
        self.tabs.addTab(self.overview, "")
        self.tabs.addTab(ceremony_page, "")
        self.tabs.addTab(self.visits, "")
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.tree)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([400, 1000])
        self.message_bar = MessageBar()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 0)
        layout.addLayout(toolbar)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message_bar)

        self.tree.batch_selected.connect(self.show_batch)
        self.tree.plan_selected.connect(self._sync_plan_buttons)
        self.overview.action_requested.connect(self._on_overview_action_requested)
        if changes is not None:  # another workspace or workstation changed plans, batches or visits
            self.change_listener = on_changes(self, changes, ("plans", "batches", "inspections"), self.on_changes,
                                              delay_ms=300)
        self.retranslate_ui()
        self._sync_plan_buttons(None)
        self._run(lambda: load_reference(db), self._on_reference_loaded, self.tr("Reference data not loaded"))
        self.refresh()

    # ---- public API -----------------------------------------------------

    @property
    def read_only(self) -> bool:
        return not self._actor

    @property
    def db(self) -> Database:
        return self._db

    @property
    def batch_id(self) -> int | None:
        return self._batch_id

    def refresh(self) -> None:
        """Reload the plans (and the chosen batch)."""
        db = self._db
        self._run(lambda: draws.list_plans(db), self._on_plans_loaded, self.tr("Plans not loaded"))

    # keyboard (desktop/shortcuts.py): Ctrl+F filters the visits, Ctrl+E the notice, the tree steps
    def focus_search(self) -> None:
        self.tabs.setCurrentWidget(self.visits)
        self.visits.filter.setFocus()

    def export_dialog(self) -> None:
        """The public notice of the batch on show (PDF), as its button does."""
        if self.overview.detail is not None:
            self._on_overview_action_requested("notice_pdf")

    def main_view(self) -> QAbstractItemView:
        return self.tree

    def show_batch(self, batch_id: int | None) -> None:
        """Load and show batch ``batch_id`` (None: nothing chosen); reloads it when already shown."""
        if batch_id != self._batch_id:
            self.overview.set_detail(None)
            self.visits.set_picks((), {}, self._reference, self._lang)
        self._batch_id = batch_id
        if batch_id is None:
            self._sync_tabs(None)
            return
        db = self._db
        self._run(lambda: draws.batch_detail(db, batch_id), lambda d: self._on_batch_loaded(batch_id, d),
                  self.tr("Batch not loaded"))

    def select_batch(self, batch_id: int) -> bool:
        return self.tree.select("batch", batch_id)

    def open_batch(self, batch_id: int) -> None:
        """Show batch ``batch_id`` (chosen in the tree when it is listed)."""
        if not self.select_batch(batch_id):
            self.show_batch(batch_id)

    def on_changes(self, changes: ChangeSet) -> None:
        """Plans, batches or their inspections changed (here or elsewhere): re-read the plans, and the
        batch on show if it is among them."""
        if changes.touches("plans", "batches"):
            self.refresh()
        if self._batch_id is not None and (changes.everything or self._batch_id in changes.batches
                                           or changes.inspections):
            self.show_batch(self._batch_id)

    # checking, locking, drawing -------------------------------------------

    def check(self) -> None:
        batch_id, db = self._batch_id, self._db
        if batch_id is None:
            return
        self._tasks.run_with_progress(
            lambda progress, cancelled: draws.check_batch(db, batch_id, progress=progress, is_cancelled=cancelled),
            title=self.tr("Checking the batch against the rules…"), parent=self,
            on_done=self._on_checked, on_error=lambda e: show_error(self, self.tr("Batch not checked"), e))

    def lock_dialog(self) -> LockDialog | None:
        d = self.overview.detail
        if d is None:
            return None
        dialog = LockDialog(d.name, d.pool_count, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.lock(dialog.choice()))
        dialog.open()
        return dialog

    def lock(self, choice: LockChoice) -> None:
        batch_id, db, actor = self._batch_id, self._db, self._actor
        if batch_id is None:
            return
        self._tasks.run_with_progress(
            lambda progress, cancelled: draws.lock_batch(
                db, actor, batch_id, randomness_kind=choice.kind, seed_commitment=choice.commitment,
                announcement=choice.announcement, progress=progress, is_cancelled=cancelled),
            title=self.tr("Freezing the pool…"), parent=self,
            on_done=lambda locked: self._after_change(
                self.tr("Locked: %1 entities, pool hash %2.").replace("%1", f"{locked.pool_count:,}")
                .replace("%2", locked.pool_hash[:16] + "…"), ("batch", batch_id)),
            on_error=self._on_refusable_error)

    def draw_dialog(self) -> DrawDialog | None:
        d = self.overview.detail
        if d is None or d.status != "locked" or d.abandoned:
            return None
        dialog = DrawDialog(d.name, d.randomness_kind or "", announcement=d.announcement,
                            commitment=d.seed_commitment or "", parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        kind = d.randomness_kind
        dialog.accepted.connect(lambda: self.draw(sources=dialog.source_lines() if kind == "rfc3797" else None,
                                                  seed=dialog.seed_text() if kind == "seed" else None))
        dialog.open()
        return dialog

    def draw(self, *, sources: Sequence[str] | None = None, seed: str | None = None) -> None:
        batch_id, db, actor = self._batch_id, self._db, self._actor
        if batch_id is None:
            return
        self._tasks.run_with_progress(
            lambda progress, cancelled: draws.draw_batch(db, actor, batch_id, sources=sources, seed=seed,
                                                         progress=progress, is_cancelled=cancelled),
            title=self.tr("Drawing…"), parent=self, on_done=self._on_drawn, on_error=self._on_refusable_error)

    def abandon_dialog(self, d) -> QInputDialog:
        """Ask why locked batch ``d`` is abandoned; the reason is published and audited."""
        dialog = QInputDialog(self, objectName="drawAbandonDialog")
        dialog.setWindowTitle(self.tr("Abandon batch"))
        dialog.setLabelText(self.tr("Abandon “%1”? It will never be drawn. The reason is published in a notice "
                                    "of abandonment and in the audit log:").replace("%1", d.name))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.textValueSelected.connect(lambda reason: self.abandon(d.id, reason))
        dialog.open()
        return dialog

    def abandon(self, batch_id: int, reason: str) -> None:
        db, actor = self._db, self._actor
        self._run(lambda: draws.abandon_batch(db, actor, batch_id, reason),
                  lambda gone: self._after_change(self.tr("Abandoned: %1").replace("%1", gone.reason),
                                                  ("batch", batch_id)),
                  self.tr("Batch not abandoned"))

    def publish(self) -> None:
        batch_id, db, actor = self._batch_id, self._db, self._actor
        self._run(lambda: draws.publish_batch(db, actor, batch_id),
                  lambda _when: self._after_change(self.tr("Published."), ("batch", batch_id)),
                  self.tr("Batch not published"))

    # visits ---------------------------------------------------------------

    @property
    def picks_model(self) -> PicksModel:
        return self.visits.model

    def selected_pick(self):
        return self.visits.selected_pick()

    def open_results(self, pick=None):
        pick = pick or self.selected_pick()
        if pick is None or not pick.task_id:
            return None
        from .results_dialog import ResultsDialog

        names = department_names(self.overview.detail, self._lang) if self.overview.detail else {}
        dialog = ResultsDialog(self._db, self._tasks, self._actor, pick.task_id, self._lang,
                               department_names=names, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.results_saved.connect(lambda _task: self.show_batch(self._batch_id))
        dialog.open()
        return dialog

    def open_panorama(self, pick=None) -> None:
        pick = pick or self.selected_pick()
        if pick is not None:
            self.navigator.open_entity(pick.entity_id)

    # ---- internals ----------------------------------------------------------

    def _run(self, fn: Callable[[], object], on_done: Callable[[object], None], failure: str) -> None:
        self._tasks.run(fn, on_done=on_done, on_error=lambda e: show_error(self, failure, e), owner=self)

    def _confirm(self, question: str, then: Callable[[], None]) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Please confirm"), question,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self)
        box.setObjectName("drawConfirmBox")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.accepted.connect(then)
        box.open()
        return box

    def _after_change(self, message: str, select: tuple[str, int] | None) -> None:
        self.message_bar.show_message(message, kind="success")
        db = self._db
        self._run(lambda: draws.list_plans(db), lambda plans: self._on_plans_loaded(plans, select),
                  self.tr("Plans not loaded"))

    def _sync_plan_buttons(self, plan_id: int | None) -> None:
        plan = next((p for p in self.tree.plans() if p.id == plan_id), None)
        self.new_batch_button.setEnabled(plan is not None)
        self.discard_plan_button.setEnabled(plan is not None and all(b.status == "draft" for b in plan.batches))

    def _sync_tabs(self, status: str | None) -> None:
        drawn = status in ("drawn", "published")
        self.tabs.setTabEnabled(1, drawn)
        self.tabs.setTabEnabled(2, drawn)
        if not drawn:
            self.tabs.setCurrentIndex(0)
        self.visits.results_button.setEnabled(drawn)

    def _load_picks(self, batch_id: int, *, reveal: bool = False) -> None:
        db = self._db

        def loaded(picks) -> None:
            if batch_id != self._batch_id or self.overview.detail is None:
                return
            self._picks = picks
            detail = self.overview.detail
            self.visits.set_picks(picks, department_names(detail, self._lang), self._reference, self._lang)
            self.ceremony.set_data(ceremony_data(self._ceremony_title(detail), detail, picks, self._reference,
                                                 self._lang), reveal=reveal)
            self.picks_loaded.emit(picks)

        self._run(lambda: draws.drawn_picks(db, batch_id), loaded, self.tr("Drawn entities not loaded"))

    def _ceremony_title(self, d) -> str:
        return f"{d.plan_name} · {d.name}"

    # ---- slots --------------------------------------------------------------

    def _on_reference_loaded(self, reference: EntityReference) -> None:
        self._reference = reference

    def _on_plans_loaded(self, plans, select: tuple[str, int] | None = None) -> None:
        self.tree.set_plans(plans)
        if select is not None:
            self.tree.select(*select, notify=False)
        self._sync_plan_buttons(self.tree.current_plan_id())
        self.show_batch(self.tree.current_batch_id())
        self.plans_loaded.emit(plans)

    def _on_batch_loaded(self, batch_id: int, detail) -> None:
        if batch_id != self._batch_id:
            return  # another batch was chosen meanwhile
        self.overview.set_detail(detail)
        self._sync_tabs(detail.status)
        if detail.status in ("drawn", "published"):
            reveal = self._reveal == batch_id
            self._reveal = None
            if reveal:
                self.tabs.setCurrentIndex(1)
            self._load_picks(batch_id, reveal=reveal)
        self.batch_loaded.emit(detail)

    def _on_checked(self, problems) -> None:
        self.overview.set_problems(problems)
        self.checked.emit(problems)

    def _on_refusable_error(self, error: BaseException) -> None:
        if isinstance(error, DrawRefused):
            self.overview.set_problems(list(error.problems))
            self.tabs.setCurrentIndex(0)
            self.message_bar.show_message(self.tr("; ").join(problem_text(p, self._lang) for p in error.problems),
                                          kind="error")
            return
        show_error(self, self.tr("Not done"), error)

    def _on_drawn(self, result) -> None:
        batch_id = result.batch_id
        self.message_bar.show_message(
            self.tr("Drawn: %1 entities, %2 inspection tasks (%3 joined to other visits). Results are due by %4.")
            .replace("%1", f"{len(result.picks):,}").replace("%2", f"{result.tasks_created:,}")
            .replace("%3", f"{result.tasks_merged:,}").replace("%4", date_text(result.results_due, span_note(None, result.results_due))),
            kind="success")
        self._reveal = batch_id  # the ceremony shows the picks one by one once they are loaded
        self.drawn.emit(result)
        db = self._db
        self._run(lambda: draws.list_plans(db), lambda plans: self._on_plans_loaded(plans, ("batch", batch_id)),
                  self.tr("Plans not loaded"))

    def _on_overview_action_requested(self, key: str) -> None:
        d = self.overview.detail
        if d is None:
            return
        if key == "discard":
            self._confirm(self.tr("Discard the draft batch “%1”?").replace("%1", d.name),
                          lambda: self.discard_batch(d.id))
        elif key == "publish":
            self._confirm(self.tr("Publish the notice of “%1”? The list becomes public; results must follow by %2.")
                          .replace("%1", d.name).replace("%2", date_text(d.results_due, span_note(d.window_end, d.results_due)) or "—"),
                          self.publish)
        elif key == "abandon":
            self.abandon_dialog(d)
        elif key == "record":
            self.export_record_dialog(d)
        elif key in ("notice_xlsx", "notice_pdf", "results_xlsx", "results_pdf"):
            path = exports.ask_path(self, key, d)
            if path is not None:
                self.export_notice(path, with_results=key.startswith("results"))
        else:
            {"edit": self.edit_batch_dialog, "check": self.check, "lock": self.lock_dialog,
             "draw": self.draw_dialog, "verify": self.verify, "map": self.show_on_map}[key]()

    def retranslate_ui(self) -> None:
        self.new_plan_button.setText(self.tr("New plan…"))
        self.new_batch_button.setText(self.tr("New batch…"))
        self.discard_plan_button.setText(self.tr("Discard plan…"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.tabs.setTabText(0, self.tr("Batch"))
        self.tabs.setTabText(1, self.tr("Ceremony"))
        self.tabs.setTabText(2, self.tr("Visits and results"))
        self.wall_button.setText(self.tr("Show full screen (for the wall)"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self._lang = current_language(QCoreApplication.instance())
            self.overview.set_language(self._lang)
            self.retranslate_ui()
            if self._batch_id is not None:
                self.show_batch(self._batch_id)
        super().changeEvent(event)
