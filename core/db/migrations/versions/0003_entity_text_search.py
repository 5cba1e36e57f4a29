"""Entity search: SQLite FTS5 trigram table, PostgreSQL pg_trgm GIN indexes, sort indexes.

Revision ID: 0003_entity_text_search
Revises: 0002_workflows
Create Date: 2026-11-25
"""
from alembic import op

from core.db.text_search import create_sqlite_fts, drop_sqlite_fts

revision = "0003_entity_text_search"
down_revision = "0002_workflows"
branch_labels = None
depends_on = None

_PG_COLUMNS = ("uscc", "name", "address")


def upgrade() -> None:
    conn = op.get_bind()
    # Sortable result columns need an index, or a sorted page of a million rows is a full sort.
    op.create_index("ix_market_entities_name", "market_entities", ["name"])
    op.create_index("ix_market_entities_registered_on", "market_entities", ["registered_on"])
    if conn.dialect.name == "sqlite":
        create_sqlite_fts(conn)
        return
    # pg_trgm is a trusted extension: the database owner may create it.
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for column in _PG_COLUMNS:
        op.execute(
            f"CREATE INDEX IF NOT EXISTS ix_market_entities_{column}_trgm "
            f"ON market_entities USING gin ({column} gin_trgm_ops)"
        )


def downgrade() -> None:
    conn = op.get_bind()
    op.drop_index("ix_market_entities_registered_on", "market_entities")
    op.drop_index("ix_market_entities_name", "market_entities")
    if conn.dialect.name == "sqlite":
        drop_sqlite_fts(conn)
        return
    for column in _PG_COLUMNS:
        op.execute(f"DROP INDEX IF EXISTS ix_market_entities_{column}_trgm")
