"""``tongguan users``: the first administrator of a fresh database, then admin-only actions by name."""
from __future__ import annotations

import json

import pytest

from core.db.database import Database
from core.services.auth import AuthError, authenticate
from desktop.cli.main import main


@pytest.fixture
def fresh(tmp_path):
    url = str(tmp_path / "centre.sqlite")
    assert main(["db", "upgrade", "--db", url]) == 0
    secret = tmp_path / "pw.txt"
    secret.write_text("chosen-at-install\n", encoding="utf-8")
    return url, secret


def _db(url: str) -> Database:
    return Database.open(url)


def test_create_admin_then_manage_users(fresh, tmp_path, capsys):
    url, secret = fresh
    assert main(["users", "create-admin", "--username", "chief", "--password-file", str(secret), "--db", url]) == 0
    assert authenticate(_db(url), "chief", "chosen-at-install").role_code == "admin"
    # A second "first" administrator is refused.
    assert main(["users", "create-admin", "--username", "other", "--password-file", str(secret), "--db", url]) == 2
    assert "already has an administrator" in capsys.readouterr().err

    li_pw = tmp_path / "li.txt"
    li_pw.write_text("li-password\n", encoding="utf-8")
    assert main(["users", "create", "li", "--role", "operator", "--password-file", str(li_pw),
                 "--as", "chief", "--db", url]) == 0
    assert main(["users", "create-system", "importer", "--role", "admin", "--as", "chief", "--db", url]) == 0
    assert main(["users", "set-role", "li", "planner", "--as", "importer", "--db", url]) == 0  # a CLI job
    for _ in range(5):
        with pytest.raises(AuthError):
            authenticate(_db(url), "li", "nope")
    capsys.readouterr()
    assert main(["users", "list", "--as", "chief", "--db", url, "--json"]) == 0
    listed = {u["username"]: u for u in json.loads(capsys.readouterr().out)}
    assert listed["li"]["role"] == "planner" and listed["li"]["locked_until"] is not None
    assert listed["importer"]["system"] is True
    assert main(["users", "unlock", "li", "--as", "chief", "--db", url]) == 0
    assert main(["users", "reset-password", "li", "--password-file", str(secret), "--as", "chief", "--db", url]) == 0
    assert authenticate(_db(url), "li", "chosen-at-install").role_code == "planner"
    assert main(["users", "deactivate", "li", "--as", "chief", "--db", url]) == 0
    with pytest.raises(AuthError):
        authenticate(_db(url), "li", "chosen-at-install")
    assert main(["users", "policy", "--max-failures", "3", "--lockout-minutes", "30", "--as", "chief",
                 "--db", url, "--json"]) == 0
    assert json.loads(capsys.readouterr().out.strip().splitlines()[-1]) == {"max_failures": 3, "lockout_minutes": 30}


def test_non_administrators_and_unknown_names_are_refused(fresh, tmp_path, capsys):
    url, secret = fresh
    main(["users", "create-admin", "--username", "chief", "--password-file", str(secret), "--db", url])
    main(["users", "create", "li", "--role", "operator", "--password-file", str(secret), "--as", "chief", "--db", url])
    capsys.readouterr()
    assert main(["users", "create", "x", "--role", "admin", "--password-file", str(secret),
                 "--as", "li", "--db", url]) == 2
    assert "lacks the permission 'users.manage'" in capsys.readouterr().err
    assert main(["users", "list", "--as", "ghost", "--db", url]) == 2
    assert "no active user or system account 'ghost'" in capsys.readouterr().err


def test_no_terminal_and_no_password_file_is_refused(fresh, capsys, monkeypatch):
    url, _ = fresh
    monkeypatch.setattr("sys.stdin.isatty", lambda: False, raising=False)
    assert main(["users", "create-admin", "--db", url]) == 2
    assert "--password-file" in capsys.readouterr().err
