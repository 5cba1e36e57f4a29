"""Sign-in: system accounts and the shared lock-out counter per user name.

Revision ID: 0010_sign_in
Revises: 0009_result_publication
Create Date: 2026-12-01
"""
import sqlalchemy as sa
from alembic import op

revision = "0010_sign_in"
down_revision = "0009_result_publication"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("users", sa.Column("is_system", sa.Boolean(), server_default=sa.false(), nullable=False))
    op.create_table(
        "sign_in_throttle",
        sa.Column("username", sa.String(length=60), nullable=False),
        sa.Column("failed_count", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_failed_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("username", name=op.f("pk_sign_in_throttle")),
    )


def downgrade() -> None:
    op.drop_table("sign_in_throttle")
    with op.batch_alter_table("users") as batch:
        batch.drop_column("is_system")
