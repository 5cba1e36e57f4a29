"""What a drawn batch gives out: its public notices, its record, a re-verification, its
place on the map and the ceremony full screen for the wall.

A mixin of :class:`~desktop.draws.workspace.DrawsWorkspace`: it uses the workspace's
database, task manager, chosen batch, ceremony, settings and message bar.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QPushButton

from core.services import draws
from desktop.entities.errors import show_error
from desktop.settings import WALL_SCREEN

from . import exports
from .ceremony import CeremonyView
from .wall import choose_screen, fill_screen_menu, open_wall


class BatchExports:
    def export_notice(self, path: Path, *, with_results: bool = False) -> None:
        """Write the public notice (XLSX or PDF by the suffix of ``path``)."""
        batch_id, db, lang, family = self._batch_id, self._db, self._lang, QApplication.font().family()
        actor = self._actor
        self._tasks.run_with_progress(
            lambda progress, cancelled: exports.write_notice(db, batch_id, Path(path), lang=lang,
                                                             with_results=with_results, font_family=family,
                                                             progress=progress, actor=actor),
            title=self.tr("Writing the public notice…"), parent=self,
            on_done=self._on_file_written, on_error=lambda e: show_error(self, self.tr("Notice not written"), e))

    def export_record_dialog(self, detail) -> None:
        """Ask which record and where, then write it. Department users get the public record
        only; the center's users choose it or the full record for auditors (it holds the
        risk classes, the inspectors' villages and declared conflicts)."""
        public: bool | None = True
        if self._show_risk:
            public = self.ask_record_kind()
            if public is None:
                return
        path = exports.ask_path(self, "public_record" if public else "record", detail)
        if path is not None:
            self.export_record(path, public=public)

    def record_kind_box(self) -> QMessageBox:
        """The question "public record / full record (auditors)"; its buttons are named
        ``drawRecordPublic`` and ``drawRecordFull``."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Export the draw record"),
                          self.tr("Which record?"), QMessageBox.StandardButton.Cancel, self)
        box.setObjectName("drawRecordKind")
        box.setInformativeText(self.tr(
            "The public record holds no risk class, village or conflict: anyone can check the pool, the "
            "randomness and the teams with it, but not which entities were drawn. The full record re-runs "
            "the whole draw and holds the risk classes: give it only to auditors (the discipline inspection "
            "office, a higher-level bureau)."))
        public = box.addButton(self.tr("Public record"), QMessageBox.ButtonRole.AcceptRole)
        public.setObjectName("drawRecordPublic")
        full = box.addButton(self.tr("Full record (auditors)"), QMessageBox.ButtonRole.AcceptRole)
        full.setObjectName("drawRecordFull")
        box.setDefaultButton(public)
        for button in box.buttons():   # QMessageBox lays buttons out narrower than the theme's padding needs
            button.ensurePolished()
            button.setMinimumWidth(button.sizeHint().width())
        return box

    def ask_record_kind(self) -> bool | None:
        """True for the public record, False for the full one, None when cancelled."""
        box = self.record_kind_box()
        box.exec()
        clicked = box.clickedButton()
        box.deleteLater()
        name = clicked.objectName() if clicked is not None else ""
        return {"drawRecordPublic": True, "drawRecordFull": False}.get(name)

    def export_record(self, path: Path, *, public: bool = False) -> None:
        """Write the full record, or with ``public`` the public one (no risk class), to ``path``."""
        batch_id, db = self._batch_id, self._db
        if public is False and not self._show_risk:
            public = True  # the full record holds the risk classes: not for department users
        self._tasks.run_with_progress(lambda progress, cancelled: draws.export_record(db, batch_id, path,
                                                                                      public=public),
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
        if self._batch_id is not None:
            self.navigator.show_batch_on_map(self._batch_id)

    def show_ceremony_full_screen(self, screen: QScreen | None = None) -> CeremonyView | None:
        """The ceremony full screen on ``screen``, which is remembered; without one, on the
        screen chosen last, else a secondary one (the wall), else the only one."""
        data = self.ceremony.data
        if data is None:
            return None
        if screen is None:
            screen = self.wall_screen()
        elif self._settings is not None:
            self._settings[WALL_SCREEN] = screen.name()
        return open_wall(data, screen, self)  # the workspace keeps it until it is closed

    def wall_screen(self) -> QScreen | None:
        """The screen the ceremony goes to when none is chosen (see :func:`choose_screen`)."""
        remembered = self._settings[WALL_SCREEN] if self._settings is not None else ""
        return choose_screen(QGuiApplication.screens(), QGuiApplication.primaryScreen(), remembered)

    def _make_wall_button(self) -> QPushButton:
        """The full-screen button: with several screens it lists them to choose from."""
        button = QPushButton(objectName="drawCeremonyFullScreen")
        button.clicked.connect(self._on_wall_button_clicked)
        self._wall_menu = QMenu(button, objectName="drawWallScreens")
        self._wall_menu.aboutToShow.connect(self._on_wall_menu_about_to_show)
        self._wall_menu.triggered.connect(self._on_wall_menu_triggered)
        self._wall_actions: dict = {}
        app = QGuiApplication.instance()
        app.screenAdded.connect(self._sync_wall_menu)
        app.screenRemoved.connect(self._sync_wall_menu)
        self.wall_button = button
        self._sync_wall_menu()
        return button

    def _sync_wall_menu(self, *_screen) -> None:
        self.wall_button.setMenu(self._wall_menu if len(QGuiApplication.screens()) > 1 else None)

    def _on_wall_button_clicked(self) -> None:
        if self.wall_button.menu() is None:  # with a menu the click opens it
            self.show_ceremony_full_screen()

    def _on_wall_menu_about_to_show(self) -> None:
        chosen = self.wall_screen()
        self._wall_actions = fill_screen_menu(self._wall_menu, chosen)
        for action, screen in self._wall_actions.items():
            if screen == chosen:
                self._wall_menu.setActiveAction(action)  # Enter takes it

    def _on_wall_menu_triggered(self, action) -> None:
        screen = self._wall_actions.get(action)
        if screen is not None:
            self.show_ceremony_full_screen(screen)

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

