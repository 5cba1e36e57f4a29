"""Publishing a batch's inspection results (企业信息公示暂行条例 Arts. 6-7: within 20 working
days of each result being formed): the state of each visit's publication in the visits
tab, and the action that publishes the selected results or every unpublished one.

A mixin of :class:`~desktop.draws.workspace.DrawsWorkspace`: it uses the workspace's
database, task manager, actor, chosen batch, visits page, confirmation box and message bar.
Every database call and the file writing run in the TaskManager's workers.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QApplication, QFileDialog

from core.services.draws.publication import publication_states, publish_results
from desktop.entities.errors import show_error
from desktop.entities.file_dialogs import _documents, _safe  # the same default folder and safe names

from . import exports

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")
PUBLISHABLE = ("pending", "overdue")


def ask_results_path(parent, stem: str) -> Path | None:
    """Where to write the results notice being published (.pdf or .xlsx); None if cancelled."""
    pdf = translate("DrawExports", "PDF document (*.pdf)")
    xlsx = translate("DrawExports", "Excel workbook (*.xlsx)")
    name = translate("DrawExports", "{stem}_results").format(stem=stem)
    path, chosen = QFileDialog.getSaveFileName(parent, translate("DrawResultsPublishing", "Publish results"),
                                               str(_documents() / f"{_safe(name)}.pdf"), f"{pdf};;{xlsx}")
    if not path:
        return None
    path = Path(path)
    if path.suffix.lower() not in (".pdf", ".xlsx"):
        path = path.with_suffix(".xlsx" if chosen == xlsx else ".pdf")
    return path


class ResultPublishing:
    results_published = Signal(object)     # ResultsPublished
    publication_loaded = Signal(object)    # dict[int, PublicationState]

    def _init_result_publishing(self) -> None:
        self._publication: dict = {}
        self.visits.publish_requested.connect(self.publish_results_dialog)
        self.picks_loaded.connect(self._on_picks_loaded_for_publication)
        self.batch_loaded.connect(self._on_batch_loaded_for_publication)
        self.visits.publish_button.setEnabled(False)
        self.visits.publish_button.setVisible(not self.read_only)

    def publishable(self, task_ids: Sequence[int] | None = None) -> list[int]:
        """The tasks whose result is formed and unpublished: of ``task_ids``, or of the whole batch."""
        ids = self._publication if task_ids is None else task_ids
        return [t for t in ids if t in self._publication and self._publication[t].state in PUBLISHABLE]

    def publish_results_dialog(self, task_ids: Sequence[int] | None = None, path: Path | None = None):
        """Ask where to write the results notice (unless ``path``), then confirm how many and where.

        ``task_ids``: the selected visits' tasks; None: every unpublished result of the batch.
        Returns the confirmation box, or None when there is nothing to publish or no file chosen.
        """
        d = self.overview.detail
        if d is None or self.read_only:
            return None
        chosen = self.publishable(task_ids)
        if not chosen:
            self.message_bar.show_message(
                self.tr("None of the selected visits has an unpublished result.") if task_ids is not None else
                self.tr("This batch has no unpublished results."), kind="error")
            return None
        if path is None:
            path = ask_results_path(self, f"{d.plan_name}_{d.name}")
            if path is None:
                return None
        question = (self.tr("Publish %n result(s)? The results notice is written to %1, and each result is "
                            "recorded as published today and shown on its entity's timeline.", "", len(chosen))
                    .replace("%1", str(path)))
        skipped = len(task_ids) - len(chosen) if task_ids is not None else 0
        if skipped:
            question += " " + self.tr("%n selected visit(s) have no unpublished result and are left out.", "",
                                      skipped)
        box = self._confirm(question, lambda: self.publish_results(path, None if task_ids is None else chosen))
        box.setObjectName("drawPublishResultsConfirm")
        return box

    def publish_results(self, path: Path, task_ids: Sequence[int] | None = None) -> None:
        """Publish (in a worker) and write the notice; ``task_ids`` None: every unpublished result."""
        batch_id, db, actor, lang = self._batch_id, self._db, self._actor, self._lang
        family, on = QApplication.font().family(), self._today
        ids = None if task_ids is None else tuple(task_ids)

        def write(p: Path, rows) -> Path:
            # No export entry: the file is written inside the publication, whose own audit entry names it.
            return exports.write_rows(db, batch_id, p, rows, lang=lang, with_results=True, font_family=family)

        self._tasks.run_with_progress(
            lambda progress, cancelled: publish_results(db, actor, batch_id, Path(path), task_ids=ids, lang=lang,
                                                        on=on, write=write),
            title=self.tr("Publishing the results…"), parent=self, on_done=self._on_results_published,
            on_error=lambda e: show_error(self, self.tr("Results not published"), e))

    def _load_publication(self, batch_id: int) -> None:
        db, today = self._db, self._today or dt.date.today()

        def loaded(states) -> None:
            if batch_id != self._batch_id:
                return
            self._publication = states
            self.visits.model.set_publication(states, today)
            self.visits.publish_button.setEnabled(not self.read_only and bool(self.publishable()))
            self.publication_loaded.emit(states)

        self._run(lambda: publication_states(db, batch_id, today=today), loaded,
                  self.tr("Publication of results not loaded"))

    def _on_picks_loaded_for_publication(self, _picks) -> None:
        if self._batch_id is not None:
            self._load_publication(self._batch_id)

    def _on_batch_loaded_for_publication(self, detail) -> None:
        if detail.status not in ("drawn", "published"):  # nothing drawn: nothing to publish
            self._publication = {}
            self.visits.model.set_publication({})
            self.visits.publish_button.setEnabled(False)

    def _on_results_published(self, done) -> None:
        self.message_bar.show_message(
            self.tr("Published %n result(s); the notice is in %1.", "", len(done.task_ids))
            .replace("%1", str(done.path)), kind="success")
        self.results_published.emit(done)
        self.file_written.emit(str(done.path))
        self.show_batch(self._batch_id)

