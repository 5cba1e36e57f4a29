"""The sign-in dialog after repeated failures: it says how long the name stays locked."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLineEdit

from desktop.bootstrap import load_context
from desktop.i18n import install_language
from desktop.signin import SignInDialog

from .test_users_page import centre  # noqa: F401 - the fixture


@pytest.fixture(autouse=True)
def english(console_app):
    install_language(console_app, "en")
    yield
    install_language(console_app, "zh_CN")


def _try(dialog: SignInDialog, qtbot, password: str) -> str:
    dialog.findChild(QLineEdit, "usernameEdit").setText("li")
    dialog.findChild(QLineEdit, "passwordEdit").setText(password)
    with qtbot.waitSignal(dialog.sign_in_failed, timeout=5000) as blocker:
        dialog.sign_in()
    return blocker.args[0]


def test_the_fifth_failure_locks_and_the_right_password_is_then_refused(centre, qtbot):  # noqa: F811
    services, _ = centre
    dialog = SignInDialog(services, load_context(services.db))
    qtbot.addWidget(dialog)
    messages = [_try(dialog, qtbot, "wrong-password") for _ in range(5)]
    assert messages[:4] == ["Wrong user name or password."] * 4
    locked = ("Too many failed sign-ins. Try again in 15 min, or ask an administrator to unlock the account.")
    assert messages[4] == locked
    assert _try(dialog, qtbot, "li-password").startswith("Too many failed sign-ins. Try again in ")
    assert dialog.user is None
