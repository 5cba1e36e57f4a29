"""Exchange: the source system's own record id on entity records and commitments.

An imported record is keyed by (kind, source_system, source_ref) so importing the same file
twice adds nothing; records made here (no source) leave both NULL, outside the key.

Revision ID: 0016_exchange
Revises: 0014_change_log
Create Date: 2026-12-06
"""
import sqlalchemy as sa
from alembic import op

revision = "0016_exchange"
down_revision = "0014_change_log"
branch_labels = None
depends_on = None

_SOURCED = sa.text("source_ref IS NOT NULL")


def upgrade() -> None:
    for table in ("entity_records", "commitments"):
        op.add_column(table, sa.Column("source_system", sa.String(length=40), nullable=True))
        op.add_column(table, sa.Column("source_ref", sa.String(length=64), nullable=True))
    op.create_index("ux_entity_records_source", "entity_records", ["kind", "source_system", "source_ref"],
                    unique=True, sqlite_where=_SOURCED, postgresql_where=_SOURCED)
    op.create_index("ux_commitments_source", "commitments", ["source_system", "source_ref"],
                    unique=True, sqlite_where=_SOURCED, postgresql_where=_SOURCED)


def downgrade() -> None:
    op.drop_index("ux_commitments_source", table_name="commitments")
    op.drop_index("ux_entity_records_source", table_name="entity_records")
    for table in ("commitments", "entity_records"):
        op.drop_column(table, "source_ref")
        op.drop_column(table, "source_system")
