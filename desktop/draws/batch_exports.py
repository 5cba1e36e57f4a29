"""What a drawn batch gives out: its public notices, its record, a re-verification, its
place on the map and the ceremony full screen for the wall.

A mixin of :class:`~desktop.draws.workspace.DrawsWorkspace`: it uses the workspace's
database, task manager, chosen batch, ceremony and message bar.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from core.services import draws
from desktop.entities.errors import show_error

from . import exports
from .ceremony import CeremonyView


class BatchExports:
    def export_notice(self, path: Path, *, with_results: bool = False) -> None:
        """Write the public notice (XLSX or PDF by the suffix of ``path``)."""
        batch_id, db, lang, family = self._batch_id, self._db, self._lang, QApplication.font().family()
        self._tasks.run_with_progress(
            lambda progress, cancelled: exports.write_notice(db, batch_id, Path(path), lang=lang,
                                                             with_results=with_results, font_family=family,
                                                             progress=progress),
            title=self.tr("Writing the public notice…"), parent=self,
            on_done=self._on_file_written, on_error=lambda e: show_error(self, self.tr("Notice not written"), e))

    def export_record(self, path: Path) -> None:
        batch_id, db = self._batch_id, self._db
        self._tasks.run_with_progress(lambda progress, cancelled: draws.export_record(db, batch_id, path),
                                      title=self.tr("Writing the draw record…"), parent=self,
                                      on_done=self._on_file_written,
                                      on_error=lambda e: show_error(self, self.tr("Record not written"), e))

    def verify(self) -> None:
        batch_id, db = self._batch_id, self._db
        self._tasks.run_with_progress(lambda progress, cancelled: draws.verify_batch(db, batch_id),
                                      title=self.tr("Re-running the draw from its record…"), parent=self,
                                      on_done=self._on_verified,
                                      on_error=lambda e: show_error(self, self.tr("Draw not verified"), e))

    def show_on_map(self) -> None:
        window = self.window()
        if self._batch_id is None or not hasattr(window, "page"):
            return
        page = window.page("map")
        if hasattr(page, "show_draw_batch"):
            window.select_workspace("map")
            page.show_draw_batch(self._batch_id)

    def show_ceremony_full_screen(self) -> CeremonyView | None:
        data = self.ceremony.data
        if data is None:
            return None
        view = CeremonyView()
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view.setWindowTitle(data.title)
        view.set_data(data)
        view.showFullScreen()
        return view

    def _on_file_written(self, path) -> None:
        self.message_bar.show_message(self.tr("Saved %1.").replace("%1", str(path)), kind="success")
        self.file_written.emit(str(path))

    def _on_verified(self, report) -> None:
        self.verified.emit(report)
        if report.ok:
            self.message_bar.show_message(self.tr("Verified: re-running the record gives exactly what was drawn."),
                                          kind="success")
            return
        box = QMessageBox(QMessageBox.Icon.Critical, self.tr("The draw does not verify"),
                          self.tr("Re-running the record does not give what is stored:"),
                          QMessageBox.StandardButton.Ok, self)
        box.setObjectName("drawVerifyFailed")
        box.setDetailedText("\n".join(report.problems))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

