"""PostgreSQL: the application's role adds audit entries but cannot change or remove them,
owns no table, and still does its normal work; migrations run as the owner."""
from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError, ProgrammingError

from core.db.audit_chain import verify
from core.db.database import Database
from core.db.roles import upgrade_and_grant
from tests.support.accounts import account

from .tamper import write_entries

pytestmark = pytest.mark.postgres


@pytest.fixture
def app_db(empty_db_url):
    if not empty_db_url.startswith("postgres"):
        pytest.skip("roles are a PostgreSQL matter (SQLite refuses changes with triggers)")
    owner = Database.open(empty_db_url)
    role = f"{owner.url.database}_app"
    with owner.engine.connect() as conn:
        try:
            # The tables were just dropped, and their grants with them; the role outlives them.
            if not conn.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}):
                conn.execute(text(f"CREATE ROLE \"{role}\" LOGIN PASSWORD 'app-test'"))
            conn.commit()
        except ProgrammingError:
            pytest.skip(f"the test role cannot create the role {role} (needs CREATEROLE)")
    upgrade_and_grant(owner.engine, role)
    app = Database.open(owner.url.set(username=role, password="app-test"))
    yield owner, app, role
    app.dispose()
    owner.dispose()


def _refused(db: Database, sql: str) -> None:
    with pytest.raises(DBAPIError, match="permission denied|must be owner"):
        with db.engine.begin() as conn:
            conn.execute(text(sql))


def test_the_app_role_cannot_change_the_audit_log_but_works(app_db):
    from core.services import tagging, wall

    owner, app, role = app_db
    account(owner, "clerk", "leader")  # services act as a real account
    write_entries(app, 3, actor="clerk")  # appends work as the app role
    tagging.create_tag(app, "clerk", code="t_audit", name_zh="审计", name_en="Audit", colour="#336699")
    wall.push_view(app, "clerk", workspace="map", title="t", view={"zoom": 3})
    for sql in ("UPDATE audit_log SET actor = 'x'", "DELETE FROM audit_log", "TRUNCATE audit_log"):
        _refused(app, sql)
    _refused(app, "ALTER TABLE audit_log DISABLE TRIGGER ALL")
    _refused(app, "DROP TABLE audit_log")
    with app.engine.connect() as conn:
        owned = conn.scalar(text("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' "
                                 "AND tableowner = current_user"))
        assert owned == 0
    report = verify(app.engine)  # the app role may read and check the chain
    assert report.ok and report.entries == 5


def test_upgrades_remember_the_app_role(app_db):
    owner, app, role = app_db
    with owner.engine.begin() as conn:
        conn.execute(text(f'REVOKE ALL ON audit_log FROM "{role}"'))
    _, _, granted = upgrade_and_grant(owner.engine)  # no role named: the remembered one
    assert granted == role
    write_entries(app, 1)
    _refused(app, "DELETE FROM audit_log")
