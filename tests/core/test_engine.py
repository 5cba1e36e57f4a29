"""Choosing and opening the database: defaults, env, URLs, and clear failures."""
import pytest

from core.db import engine as eng
from core.db.database import Database
from core.errors import DatabaseUnavailable


def test_default_is_a_sqlite_file_in_the_user_data_folder(monkeypatch, tmp_path):
    monkeypatch.delenv(eng.ENV_VAR, raising=False)
    monkeypatch.setattr(eng, "user_data_dir", lambda: tmp_path)
    url = eng.resolve_url(None)
    assert url.get_backend_name() == "sqlite" and url.database == str(tmp_path / "tongguan.sqlite")


def test_environment_variable_and_explicit_url_order(monkeypatch, tmp_path):
    monkeypatch.setenv(eng.ENV_VAR, str(tmp_path / "env.sqlite"))
    assert eng.resolve_url(None).database.endswith("env.sqlite")
    assert eng.resolve_url(str(tmp_path / "cli.sqlite")).database.endswith("cli.sqlite")


def test_postgresql_urls_get_the_psycopg3_driver():
    url = eng.resolve_url("postgresql://u:secret@db.example:5433/tg")
    assert url.drivername == "postgresql+psycopg"
    assert eng.describe(url) == "PostgreSQL tg@db.example:5433"
    assert "secret" not in eng.describe(url)


def test_unsupported_database_is_refused():
    with pytest.raises(DatabaseUnavailable, match="only SQLite"):
        eng.resolve_url("mysql://u@h/db")


def test_sqlite_runs_with_wal_and_foreign_keys(tmp_path):
    db = Database.open(str(tmp_path / "x.sqlite"))
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    db.dispose()


def test_unreachable_server_gives_one_clear_error():
    with pytest.raises(DatabaseUnavailable) as err:
        Database.open("postgresql://nobody:x@127.0.0.1:1/none")
    text = str(err.value)
    assert "PostgreSQL none@127.0.0.1:1" in text and "cannot reach the database" in text
    assert "Traceback" not in text


def test_sqlite_file_that_is_not_a_database(tmp_path):
    bad = tmp_path / "junk.sqlite"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(DatabaseUnavailable, match="junk.sqlite"):
        Database.open(str(bad))
