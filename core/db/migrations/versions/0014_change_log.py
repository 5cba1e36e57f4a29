"""The change log: each commit's change set, for the consoles of other processes.

Revision ID: 0014_change_log
Revises: 0013_rights
Create Date: 2026-12-06
"""
import sqlalchemy as sa
from alembic import op

revision = "0014_change_log"
down_revision = "0013_rights"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "change_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("changes", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_change_log")),
    )
    op.create_index(op.f("ix_change_log_at"), "change_log", ["at"])


def downgrade() -> None:
    op.drop_index(op.f("ix_change_log_at"), table_name="change_log")
    op.drop_table("change_log")
