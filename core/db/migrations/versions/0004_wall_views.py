"""Views pushed to the big-screen wall.

Revision ID: 0004_wall_views
Revises: 0003_entity_text_search
Create Date: 2026-11-25
"""
import sqlalchemy as sa
from alembic import op

revision = "0004_wall_views"
down_revision = "0003_entity_text_search"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "wall_views",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pushed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("pushed_by", sa.String(length=60), nullable=False),
        sa.Column("workspace", sa.String(length=40), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("view", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_wall_views")),
    )
    op.create_index(op.f("ix_wall_views_pushed_at"), "wall_views", ["pushed_at"])


def downgrade() -> None:
    op.drop_index(op.f("ix_wall_views_pushed_at"), table_name="wall_views")
    op.drop_table("wall_views")
