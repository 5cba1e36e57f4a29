"""Creating and editing the Draws workspace's plans and batches: a mixin of DrawsWorkspace.

It uses the workspace's database, actor, task runner (``_run``), plan tree and message bar;
every call runs in the TaskManager's workers.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt

from core.draws.bands import DEFAULT_BANDS
from core.services import draws
from core.services.draws.checks import DEFAULT_VISIT_CAPACITY
from core.services.matters import departments_with_matters

from .batch_editor import BatchEditor
from .forms import detail_to_form
from .plan_dialog import PlanDialog, PlanForm


class PlanEditing:
    """New, edited and discarded plans and batches."""

    def new_plan_dialog(self) -> PlanDialog:
        dialog = PlanDialog(self._today, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.create_plan(dialog.values()))
        dialog.open()
        return dialog

    def create_plan(self, form: PlanForm) -> None:
        db, actor, name = self._db, self._actor, form.name
        # The local table and the default capacity stay "default" (None) unless changed.
        bands = None if form.bands == DEFAULT_BANDS else {k: list(v) for k, v in form.bands.items()}
        capacity = None if form.visit_capacity == DEFAULT_VISIT_CAPACITY else form.visit_capacity
        self._run(lambda: draws.create_plan(db, actor, year=form.year, name=name, sampling_bands=bands,
                                            visit_capacity=capacity),
                  lambda plan_id: self._after_change(self.tr("Plan “%1” created.").replace("%1", name), ("plan", plan_id)),
                  self.tr("Plan not created"))

    def new_batch_dialog(self) -> None:
        plan_id = self.tree.current_plan_id()
        if plan_id is not None:
            self._open_editor(plan_id, None, None)

    def edit_batch_dialog(self) -> None:
        d = self.overview.detail
        if d is not None and d.status == "draft":
            self._open_editor(d.plan_id, d.id, detail_to_form(d))

    def save_batch(self, form, *, plan_id: int, batch_id: int | None = None) -> None:
        """Create a batch in ``plan_id`` from a BatchForm, or update ``batch_id``."""
        db, actor = self._db, self._actor
        fields = dict(name=form.name, lead_department_id=form.lead_department_id, window_start=form.window_start,
                      window_end=form.window_end, departments=form.departments, pool_filter=form.pool_filter,
                      sampling=form.sampling, avoidance=form.avoidance)
        if batch_id is None:
            work: Callable[[], object] = lambda: draws.create_batch(db, actor, plan_id, **fields)  # noqa: E731
            done = lambda new_id: self._after_change(  # noqa: E731
                self.tr("Batch “%1” created; check it before locking.").replace("%1", form.name), ("batch", new_id))
        else:
            work = lambda: draws.update_batch(db, actor, batch_id, **fields)  # noqa: E731
            done = lambda _none: self._after_change(  # noqa: E731
                self.tr("Batch “%1” saved.").replace("%1", form.name), ("batch", batch_id))
        self._run(work, done, self.tr("Batch not saved"))

    def discard_plan_dialog(self) -> None:
        plan_id = self.tree.current_plan_id()
        plan = next((p for p in self.tree.plans() if p.id == plan_id), None)
        if plan is None:
            return
        self._confirm(self.tr("Discard the plan “%1” and its %2 draft batches?").replace("%1", plan.name)
                      .replace("%2", str(len(plan.batches))), lambda: self.discard_plan(plan.id))

    def discard_plan(self, plan_id: int) -> None:
        db, actor = self._db, self._actor
        self._run(lambda: draws.discard_plan(db, actor, plan_id),
                  lambda _none: self._after_change(self.tr("Plan discarded."), None), self.tr("Plan not discarded"))

    def discard_batch(self, batch_id: int) -> None:
        db, actor = self._db, self._actor
        self._run(lambda: draws.discard_batch(db, actor, batch_id),
                  lambda _none: self._after_change(self.tr("Batch discarded."), None), self.tr("Batch not discarded"))

    def _open_editor(self, plan_id: int, batch_id: int | None, form) -> None:
        db = self._db

        def opened(departments) -> None:
            editor = BatchEditor(departments, self._reference, self._lang, form, self)
            editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            editor.accepted.connect(lambda: self.save_batch(editor.form(), plan_id=plan_id, batch_id=batch_id))
            editor.open()

        self._run(lambda: departments_with_matters(db), opened, self.tr("Departments not loaded"))
