"""Shared helpers for the audit-chain tests: write entries, tamper with rows as the owner."""
from __future__ import annotations

from sqlalchemy import text

from core.db.database import Database


def write_entries(db: Database, n: int, actor: str = "alice") -> None:
    for i in range(n):
        with db.bootstrap_uow(actor) as uow:
            uow.audit("test.write", "thing", i, before={"n": i - 1}, after={"n": i, "名": "值"})
            uow.commit()


def tamper(db: Database, *statements: str, **params) -> None:
    """Run raw SQL as the table owner; on SQLite the append-only triggers are dropped first."""
    with db.engine.begin() as conn:
        if db.dialect == "sqlite":
            conn.exec_driver_sql("DROP TRIGGER IF EXISTS audit_log_no_update")
            conn.exec_driver_sql("DROP TRIGGER IF EXISTS audit_log_no_delete")
        for sql in statements:
            conn.execute(text(sql), params)
