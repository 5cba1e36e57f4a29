"""The Users page: every user and system account with its role, department and state.

Administrators create users and system accounts, change a role or department, reset a
password, lift a lock-out and deactivate an account. Every action runs off the GUI
thread through the task manager; the core checks the right again and audits it.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from core.db.database import Database
from core.services import users
from core.services.auth import UserInfo
from core.services.users import UserRow
from desktop.entities.message_bar import MessageBar
from desktop.i18n import current_language
from desktop.signin import role_label
from desktop.tasks import TaskManager
from desktop.page_layout import page_column

from .user_dialogs import PasswordDialog, UserDialog, UserForm
from .words import refusal_text

_ROW = Qt.ItemDataRole.UserRole


class UsersPage(QWidget):
    """The users table and its actions (for the signed-in administrator ``acting``)."""

    loaded = Signal(list)  # list[UserRow]
    changed = Signal(str)  # the message shown

    def __init__(self, db: Database, tasks: TaskManager, acting: UserInfo, lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("usersPage")
        self.setProperty("workspacePage", True)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._db, self._tasks, self._acting, self._lang = db, tasks, acting, lang
        self._rows: list[UserRow] = []
        self._departments: list[tuple[int, str, str, str]] = []
        self.title = QLabel(objectName="workspaceTitle")
        self.intro = QLabel(objectName="usersIntro", wordWrap=True)
        self.message_bar = MessageBar(self)
        self.table = QTableWidget(0, 6, objectName="usersTable")
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((150, 170, 150, 200, 110)):
            self.table.setColumnWidth(column, width)
        self.table.itemSelectionChanged.connect(self._sync_buttons)
        self.table.doubleClicked.connect(lambda _index: self.edit_dialog())
        self.buttons: dict[str, QPushButton] = {}
        bar = QHBoxLayout()
        for key, slot in (("new", self.new_dialog), ("system", self.new_system_dialog), ("edit", self.edit_dialog),
                          ("password", self.password_dialog), ("unlock", self.unlock_chosen),
                          ("deactivate", self.deactivate_chosen)):
            button = QPushButton(objectName=f"users_{key}")
            button.clicked.connect(slot)
            self.buttons[key] = button
            bar.addWidget(button)
        bar.addStretch(1)
        page_column(self, self.title, self.intro, self.message_bar, bar, self.table)
        self.retranslate_ui()
        self.refresh()
        db_ = db
        self._run(lambda: users.departments(db_), self._on_departments_loaded)

    # ---- public API -----------------------------------------------------

    def rows(self) -> list[UserRow]:
        return list(self._rows)

    def chosen(self) -> UserRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.table.item(rows[0].row(), 0).data(_ROW) if rows else None

    def select(self, username: str) -> None:
        for r in range(self.table.rowCount()):
            if self.table.item(r, 0).text() == username:
                self.table.selectRow(r)
                return

    def refresh(self) -> None:
        db, acting = self._db, self._acting
        self._run(lambda: users.list_users(db, acting), self._on_loaded)

    def new_dialog(self) -> UserDialog:
        return self._open(UserDialog(self._departments, self._lang, parent=self), self.create)

    def new_system_dialog(self) -> UserDialog:
        return self._open(UserDialog(self._departments, self._lang, system=True, parent=self), self.create_system)

    def edit_dialog(self) -> UserDialog | None:
        row = self.chosen()
        if row is None:
            return None
        return self._open(UserDialog(self._departments, self._lang, user=row, parent=self), self.save)

    def password_dialog(self) -> PasswordDialog | None:
        row = self.chosen()
        if row is None or row.is_system:
            return None
        dialog = PasswordDialog(row.username, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.reset_password(row.username, dialog.password.text()))
        dialog.open()
        return dialog

    def create(self, form: UserForm) -> None:
        db, acting = self._db, self._acting
        self._change(lambda: users.create_user(db, acting, form.username, form.display_name, form.role_code,
                                               form.password, form.department_id),
                     self.tr("User %1 created.").replace("%1", form.username))

    def create_system(self, form: UserForm) -> None:
        db, acting = self._db, self._acting
        self._change(lambda: users.create_system_account(db, acting, form.username, form.display_name,
                                                         form.role_code, form.department_id),
                     self.tr("System account %1 created.").replace("%1", form.username))

    def save(self, form: UserForm) -> None:
        db, acting = self._db, self._acting
        self._change(lambda: users.update_user(db, acting, form.username, role_code=form.role_code,
                                               department_id=form.department_id, display_name=form.display_name),
                     self.tr("%1 saved.").replace("%1", form.username))

    def reset_password(self, username: str, password: str) -> None:
        db, acting = self._db, self._acting
        self._change(lambda: users.reset_password(db, acting, username, password),
                     self.tr("New password set for %1.").replace("%1", username))

    def unlock_chosen(self) -> None:
        row = self.chosen()
        if row is not None:
            db, acting, name = self._db, self._acting, row.username
            self._change(lambda: users.unlock(db, acting, name), self.tr("%1 unlocked.").replace("%1", name))

    def deactivate_chosen(self, *, confirmed: bool = False) -> None:
        row = self.chosen()
        if row is None or not row.active:
            return
        if not confirmed:
            answer = QMessageBox.question(
                self, self.tr("Deactivate"),
                self.tr("Deactivate %1? The account can no longer sign in or act; its history stays.")
                .replace("%1", row.username))
            if answer != QMessageBox.StandardButton.Yes:
                return
        db, acting, name = self._db, self._acting, row.username
        self._change(lambda: users.deactivate(db, acting, name), self.tr("%1 deactivated.").replace("%1", name))

    def set_language(self, lang: str) -> None:
        self._lang = lang
        self._fill()

    # ---- internals ------------------------------------------------------

    def _run(self, fn: Callable[[], object], on_done: Callable[[object], None]) -> None:
        self._tasks.run(fn, on_done=on_done, on_error=self._on_failed, owner=self)

    def _change(self, fn: Callable[[], object], message: str) -> None:
        self._run(fn, lambda _result: self._after_change(message))

    def _open(self, dialog, on_accept: Callable[[UserForm], None]):
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: on_accept(dialog.form()))
        dialog.open()
        return dialog

    def _after_change(self, message: str) -> None:
        self.message_bar.show_message(message, kind="success")
        self.changed.emit(message)
        self.refresh()

    def _on_failed(self, error: BaseException) -> None:
        self.message_bar.show_message(refusal_text(error), kind="error")

    def _on_departments_loaded(self, departments: list) -> None:
        self._departments = list(departments)

    def _on_loaded(self, rows: list[UserRow]) -> None:
        chosen = self.chosen()
        self._rows = list(rows)
        self._fill()
        if chosen is not None:
            self.select(chosen.username)
        self.loaded.emit(self._rows)

    def _state(self, row: UserRow) -> str:
        if not row.active:
            return self.tr("inactive")
        if row.locked_until is not None:
            return self.tr("locked until %1").replace("%1", row.locked_until.astimezone().strftime("%H:%M"))
        return self.tr("active")

    def _fill(self) -> None:
        self.table.setRowCount(len(self._rows))
        for r, row in enumerate(self._rows):
            department = row.department_en if self._lang == "en" else row.department_zh
            kind = self.tr("system account") if row.is_system else self.tr("user")
            cells = (row.username, row.display_name, role_label(row.role_code), department or "—", kind,
                     self._state(row))
            for c, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if c == 0:
                    item.setData(_ROW, row)
                if c == 5 and (not row.active or row.locked_until is not None):
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.table.setItem(r, c, item)
        self._sync_buttons()

    def _sync_buttons(self) -> None:
        row = self.chosen()
        self.buttons["edit"].setEnabled(row is not None)
        self.buttons["password"].setEnabled(row is not None and not row.is_system)
        self.buttons["unlock"].setEnabled(row is not None and row.locked_until is not None)
        self.buttons["deactivate"].setEnabled(row is not None and row.active)

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Users"))
        self.intro.setText(self.tr("Each person signs in with their own account; the role decides what they may "
                                   "do. System accounts run imports and command-line jobs and never sign in. "
                                   "Every change here is written to the audit log."))
        self.table.setHorizontalHeaderLabels([self.tr("User name"), self.tr("Name"), self.tr("Role"),
                                              self.tr("Department"), self.tr("Kind"), self.tr("State")])
        for key, text in (("new", self.tr("New user…")), ("system", self.tr("New system account…")),
                          ("edit", self.tr("Edit…")), ("password", self.tr("Reset password…")),
                          ("unlock", self.tr("Unlock")), ("deactivate", self.tr("Deactivate…"))):
            self.buttons[key].setText(text)
        self._fill()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self._lang = current_language(QCoreApplication.instance())
            self.retranslate_ui()
        super().changeEvent(event)
