"""The sign-in dialog: user name and password, checked off the GUI thread.

A failed sign-in says only that the user name or password is wrong, never
which; after repeated failures the name is locked for a while (the core counts them
per user name for every workstation) and the dialog says for how long. On a demonstration database the dialog lists the demo accounts (they
exist only there); clicking one fills in the fields.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.errors import DatabaseUnavailable
from core.services.auth import (
    AccountLocked,
    AuthError,
    DemoAccount,
    UserInfo,
    authenticate,
    demo_accounts,
)
from desktop.services import AppServices
from desktop.context import ConsoleContext
from desktop.i18n import (
    LANGUAGE_NAMES,
    SUPPORTED_LANGUAGES,
    current_language,
    install_language,
)
from desktop.settings import LANGUAGE, LAST_USERNAME

_log = logging.getLogger(__name__)

ROLES_CONTEXT = "Roles"
# Role names by code, for the demo accounts (the signed-in user's come from the database).
ROLE_LABELS: dict[str, str] = {
    "operator": QT_TRANSLATE_NOOP("Roles", "Operator"),
    "leader": QT_TRANSLATE_NOOP("Roles", "Leader"),
    "planner": QT_TRANSLATE_NOOP("Roles", "Inspection planner"),
    "monitor": QT_TRANSLATE_NOOP("Roles", "Efficiency monitor"),
    "department": QT_TRANSLATE_NOOP("Roles", "Department user"),
    "town": QT_TRANSLATE_NOOP("Roles", "Town grid officer"),
    "admin": QT_TRANSLATE_NOOP("Roles", "Administrator"),
}


def role_label(code: str) -> str:
    """Return the name of role ``code`` in the current UI language."""
    source = ROLE_LABELS.get(code)
    return QCoreApplication.translate(ROLES_CONTEXT, source) if source else code


class SignInDialog(QDialog):
    """Asks for a user name and password and signs in through the TaskManager.

    Accepted once a user is signed in (:attr:`user`). ``services`` None gives an
    inert preview whose button does nothing (for screenshots without a database).
    """

    signed_in = Signal(object)  # UserInfo
    sign_in_failed = Signal(str)  # the message shown
    demo_accounts_loaded = Signal(list)  # list[DemoAccount], empty on real data

    def __init__(
        self, services: AppServices | None, context: ConsoleContext, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._context = context
        self._user: UserInfo | None = None
        self._error_source: str | None = None
        self._error_detail = ""
        self._busy = False
        self._closed = False
        self._accounts: list[DemoAccount] = []
        self._account_buttons: list[QPushButton] = []
        self.setObjectName("signInDialog")
        self.setModal(True)
        self._build()
        if services is not None:
            self._username_edit.setText(services.settings[LAST_USERNAME])
            self._load_demo_accounts()
        (self._password_edit if self._username_edit.text() else self._username_edit).setFocus()
        self.retranslate_ui()

    @property
    def user(self) -> UserInfo | None:
        """Who signed in, once the dialog is accepted."""
        return self._user

    def error_text(self) -> str:
        """The error line as shown ("" when there is none)."""
        return self._error_label.text() if not self._error_label.isHidden() else ""

    def demo_account_buttons(self) -> list[QPushButton]:
        """The buttons of the listed demo accounts, in order."""
        return list(self._account_buttons)

    def sign_in(self) -> None:
        """Check the entered user name and password (the sign-in button does this)."""
        if self._busy or self._services is None:
            return
        username = self._username_edit.text().strip()
        password = self._password_edit.text()
        if not username or not password:
            self._show_error(QT_TRANSLATE_NOOP("SignInDialog", "Enter your user name and password."))
            return
        self._set_busy(True)
        db = self._services.db
        self._services.tasks.run(
            lambda: authenticate(db, username, password),
            on_done=self._on_authenticate_done,
            on_error=self._on_authenticate_failed,
        )

    def retranslate_ui(self) -> None:
        """Set every visible string in the current UI language."""
        city = self._context.city(current_language(QCoreApplication.instance()))
        self.setWindowTitle(self.tr("Sign in — Tongguan"))
        self._title_label.setText(self.tr("Tongguan"))
        self._subtitle_label.setText(
            self.tr("{city} market supervision command center").format(city=city)
        )
        self._username_label.setText(self.tr("User name"))
        self._password_label.setText(self.tr("Password"))
        self._username_edit.setPlaceholderText(self.tr("e.g. operator"))
        self._sign_in_button.setText(self.tr("Signing in…") if self._busy else self.tr("Sign in"))
        self._database_label.setText(
            self.tr("Database: {label}").format(label=self._context.database_label)
        )
        self._demo_box.setTitle(self.tr("Demo accounts"))
        self._demo_note.setText(
            self.tr("This is a demonstration database. Click an account to fill it in.")
        )
        for button, account in zip(self._account_buttons, self._accounts, strict=True):
            button.setText(
                self.tr("{role}:  {username} / {password}").format(
                    role=role_label(account.role_code),
                    username=account.username,
                    password=account.password,
                )
            )
        if self._error_source is not None:
            text = QCoreApplication.translate("SignInDialog", self._error_source)
            self._error_label.setText(text.format(detail=self._error_detail))

    # ---- construction ---------------------------------------------------

    def _build(self) -> None:
        self._title_label = QLabel(objectName="signInTitle")
        self._subtitle_label = QLabel(objectName="signInSubtitle", wordWrap=True)
        self._language_combo = QComboBox(objectName="signInLanguage")
        for lang in SUPPORTED_LANGUAGES:
            self._language_combo.addItem(LANGUAGE_NAMES[lang], lang)
        self._language_combo.setCurrentIndex(
            SUPPORTED_LANGUAGES.index(current_language(QCoreApplication.instance()))
        )
        self._language_combo.currentIndexChanged.connect(self._on_language_combo_index_changed)
        titles = QVBoxLayout()
        titles.setSpacing(2)
        titles.addWidget(self._title_label)
        titles.addWidget(self._subtitle_label)
        header = QWidget(objectName="signInHeader")
        header.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        header_layout = QHBoxLayout(header)
        header_layout.setContentsMargins(24, 18, 18, 18)
        header_layout.addLayout(titles, 1)
        header_layout.addWidget(self._language_combo, 0, Qt.AlignmentFlag.AlignTop)

        self._username_edit = QLineEdit(objectName="usernameEdit")
        self._password_edit = QLineEdit(objectName="passwordEdit")
        self._password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self._form = QFormLayout()
        self._form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._form.setHorizontalSpacing(12)
        self._form.setVerticalSpacing(10)
        self._username_label = QLabel(objectName="usernameLabel", buddy=self._username_edit)
        self._password_label = QLabel(objectName="passwordLabel", buddy=self._password_edit)
        self._form.addRow(self._username_label, self._username_edit)
        self._form.addRow(self._password_label, self._password_edit)
        self._error_label = QLabel(objectName="signInError", wordWrap=True)
        self._error_label.hide()

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        # Only the sign-in button may answer Enter, even after the cancel button had focus.
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAutoDefault(False)
        self._sign_in_button = buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self._sign_in_button.setObjectName("signInButton")
        self._sign_in_button.setDefault(True)
        # Not buttons.accepted: the dialog closes only after the check succeeded.
        self._sign_in_button.clicked.connect(self._on_sign_in_button_clicked)
        buttons.rejected.connect(self.reject)

        self._demo_note = QLabel(objectName="demoAccountsNote", wordWrap=True)
        self._demo_layout = QVBoxLayout()
        self._demo_layout.setSpacing(4)
        self._demo_layout.addWidget(self._demo_note)
        self._demo_box = QGroupBox(objectName="demoAccountsBox")
        self._demo_box.setLayout(self._demo_layout)
        self._demo_box.hide()
        self._database_label = QLabel(objectName="signInDatabase", wordWrap=True)

        body = QVBoxLayout()
        body.setContentsMargins(24, 20, 24, 18)
        body.setSpacing(12)
        body.addLayout(self._form)
        body.addWidget(self._error_label)
        body.addWidget(buttons)
        body.addWidget(self._demo_box)
        body.addWidget(self._database_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(header)
        layout.addLayout(body)
        self.setMinimumWidth(440)

    def _load_demo_accounts(self) -> None:
        db = self._services.db
        self._services.tasks.run(
            lambda: demo_accounts(db),
            on_done=self._on_demo_accounts_done,
            on_error=self._on_demo_accounts_failed,
        )

    # ---- slots ----------------------------------------------------------

    def _on_sign_in_button_clicked(self) -> None:
        self.sign_in()

    def _on_authenticate_done(self, user: UserInfo) -> None:
        if self._closed:
            return
        self._set_busy(False)
        self._user = user
        self._services.settings[LAST_USERNAME] = user.username
        self._services.settings.sync()
        self.signed_in.emit(user)
        self.accept()

    def _on_authenticate_failed(self, error: BaseException) -> None:
        if self._closed:
            return
        self._set_busy(False)
        if isinstance(error, AccountLocked):
            # Said only after repeated failures; the password was not checked.
            self._show_error(QT_TRANSLATE_NOOP(
                "SignInDialog", "Too many failed sign-ins. Try again in {detail} min, or ask an administrator "
                "to unlock the account."), str(error.minutes_left))
            self._password_edit.clear()
        elif isinstance(error, AuthError):
            self._show_error(QT_TRANSLATE_NOOP("SignInDialog", "Wrong user name or password."))
            self._password_edit.clear()
            self._password_edit.setFocus()
        elif isinstance(error, DatabaseUnavailable):
            self._show_error(
                QT_TRANSLATE_NOOP("SignInDialog", "Cannot reach the database: {detail}"), str(error)
            )
        else:
            _log.error("sign-in failed", exc_info=error)
            self._show_error(QT_TRANSLATE_NOOP("SignInDialog", "Sign-in failed: {detail}"), str(error))

    def _on_demo_accounts_done(self, accounts: list[DemoAccount]) -> None:
        if self._closed:
            return
        self._accounts = list(accounts)
        for account in self._accounts:
            button = QPushButton(objectName="demoAccountButton")
            button.setProperty("username", account.username)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setAutoDefault(False)
            button.clicked.connect(
                lambda _checked=False, a=account: self._on_demo_account_clicked(a)
            )
            self._demo_layout.addWidget(button)
            self._account_buttons.append(button)
        self._demo_box.setVisible(bool(self._accounts))
        self.retranslate_ui()
        self.adjustSize()
        self.demo_accounts_loaded.emit(self._accounts)

    def _on_demo_accounts_failed(self, error: BaseException) -> None:
        # No list is the safe answer: demo accounts must never show on doubtful data.
        _log.warning("could not read the demo accounts: %s", error)
        if not self._closed:
            self.demo_accounts_loaded.emit([])

    def _on_demo_account_clicked(self, account: DemoAccount) -> None:
        self._username_edit.setText(account.username)
        self._password_edit.setText(account.password)
        self._hide_error()
        self._sign_in_button.setFocus()

    def _on_language_combo_index_changed(self, index: int) -> None:
        lang = self._language_combo.itemData(index)
        install_language(QApplication.instance(), lang)
        if self._services is not None:
            self._services.settings[LANGUAGE] = lang

    # ---- events and helpers ---------------------------------------------

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        self._closed = False
        super().showEvent(event)

    def done(self, result: int) -> None:  # noqa: D102 - QDialog override
        # Results of jobs still running arrive after this and must not touch the dialog.
        self._closed = True
        super().done(result)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self._username_edit, self._password_edit, self._sign_in_button):
            widget.setEnabled(not busy)
        self._sign_in_button.setDefault(True)
        self.retranslate_ui()

    def _show_error(self, source: str, detail: str = "") -> None:
        self._error_source, self._error_detail = source, detail
        self._error_label.show()
        self.retranslate_ui()
        self.sign_in_failed.emit(self._error_label.text())

    def _hide_error(self) -> None:
        self._error_source = None
        self._error_label.clear()
        self._error_label.hide()
