"""Dialogs of the Users page: a new user or system account, an edit, a new password.

They only collect values (:meth:`form`); the page sends them to the core off the GUI
thread, and the core checks every rule again.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from core.services.users import MIN_PASSWORD_LENGTH, UserRow
from desktop.signin import ROLE_LABELS, role_label

Department = tuple[int, str, str, str]  # id, code, Chinese name, English name


@dataclass(frozen=True)
class UserForm:
    username: str
    display_name: str
    role_code: str
    department_id: int | None
    password: str  # "" for a system account or an edit


def _password_edit(name: str) -> QLineEdit:
    edit = QLineEdit(objectName=name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class UserDialog(QDialog):
    """Create a user (with a password), a system account (without), or edit role and department."""

    def __init__(self, departments: list[Department], lang: str, *, system: bool = False,
                 user: UserRow | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("userDialog")
        self._system, self._user = system, user
        self.username = QLineEdit(objectName="userName")
        self.display_name = QLineEdit(objectName="userDisplayName")
        self.role = QComboBox(objectName="userRole")
        for code in ROLE_LABELS:
            self.role.addItem(role_label(code), code)
        self.department = QComboBox(objectName="userDepartment")
        self.department.addItem(self.tr("(none)"), None)
        for dept_id, _code, name_zh, name_en in departments:
            self.department.addItem(name_en if lang == "en" else name_zh, dept_id)
        self.password = _password_edit("userPassword")
        self.repeat = _password_edit("userPasswordRepeat")
        self.problem = QLabel(objectName="userDialogProblem", wordWrap=True)
        self.problem.hide()
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Name"), self.display_name)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("Department"), self.department)
        asks_password = user is None and not system
        if asks_password:
            form.addRow(self.tr("Password"), self.password)
            form.addRow(self.tr("Repeat password"), self.repeat)
        if user is not None:
            self.username.setText(user.username)
            self.username.setReadOnly(True)
            self.display_name.setText(user.display_name)
            self.role.setCurrentIndex(max(0, self.role.findData(user.role_code)))
            self.department.setCurrentIndex(max(0, self.department.findData(user.department_id)))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if system:
            note = QLabel(self.tr("A system account runs imports and command-line jobs under its own name. "
                                  "It has no password and can never sign in at the console."), wordWrap=True)
            layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setWindowTitle(self.tr("Edit user") if user is not None
                            else self.tr("New system account") if system else self.tr("New user"))
        self.setMinimumWidth(420)

    def form(self) -> UserForm:
        """The values entered."""
        return UserForm(self.username.text().strip(), self.display_name.text().strip(), self.role.currentData(),
                        self.department.currentData(), "" if self._system or self._user else self.password.text())

    def _on_buttons_accepted(self) -> None:
        problem = self._problem()
        if problem:
            self.problem.setText(problem)
            self.problem.show()
            return
        self.accept()

    def _problem(self) -> str:
        values = self.form()
        if not values.username:
            return self.tr("Enter a user name.")
        if values.role_code == "department" and values.department_id is None:
            return self.tr("A department user needs a department.")
        if self._user is None and not self._system:
            return password_problem(values.password, self.repeat.text())
        return ""


def password_problem(password: str, repeat: str) -> str:
    """Why ``password`` cannot be used ("" when it can), in the UI language."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return QCoreApplication.translate("PasswordRules", "A password has at least %n characters.", "",
                                          MIN_PASSWORD_LENGTH)
    if password != repeat:
        return QCoreApplication.translate("PasswordRules", "The two passwords differ.")
    return ""


class PasswordDialog(QDialog):
    """A new password for one user, typed twice."""

    def __init__(self, username: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("passwordDialog")
        self.password = _password_edit("newPassword")
        self.repeat = _password_edit("newPasswordRepeat")
        self.problem = QLabel(objectName="passwordDialogProblem", wordWrap=True)
        self.problem.hide()
        form = QFormLayout()
        form.addRow(self.tr("New password"), self.password)
        form.addRow(self.tr("Repeat password"), self.repeat)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Set a new password for %1. The old one stops working, "
                                        "and a lock-out is lifted.").replace("%1", username), wordWrap=True))
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.setWindowTitle(self.tr("Reset password"))

    def _on_buttons_accepted(self) -> None:
        problem = password_problem(self.password.text(), self.repeat.text())
        if problem:
            self.problem.setText(problem)
            self.problem.show()
            return
        self.accept()
