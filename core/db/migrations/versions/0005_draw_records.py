"""Draw records (frozen inputs at lock, the published record after the draw) and the
link from inspection tasks to the drawn objects they visit.

Revision ID: 0005_draw_records
Revises: 0004_wall_views
Create Date: 2026-11-25
"""
import sqlalchemy as sa
from alembic import op

revision = "0005_draw_records"
down_revision = "0004_wall_views"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "draw_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("randomness_kind", sa.String(length=10), nullable=False),
        sa.Column("frozen", sa.JSON(none_as_null=True), nullable=True),
        sa.Column("record", sa.JSON(none_as_null=True), nullable=True),
        sa.Column("digest", sa.String(length=64), nullable=True),
        sa.Column("seed", sa.String(length=128), nullable=True),
        sa.Column("summary", sa.JSON(), nullable=False),
        sa.Column("results_due", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["batch_id"], ["draw_batches.id"],
                                name=op.f("fk_draw_records_batch_id_draw_batches")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_draw_records")),
        sa.UniqueConstraint("batch_id", name=op.f("uq_draw_records_batch_id")),
    )
    op.create_table(
        "task_drawn_objects",
        sa.Column("drawn_object_id", sa.Integer(), nullable=False),
        sa.Column("task_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["drawn_object_id"], ["drawn_objects.id"],
                                name=op.f("fk_task_drawn_objects_drawn_object_id_drawn_objects")),
        sa.ForeignKeyConstraint(["task_id"], ["inspection_tasks.id"], ondelete="CASCADE",
                                name=op.f("fk_task_drawn_objects_task_id_inspection_tasks")),
        sa.PrimaryKeyConstraint("drawn_object_id", name=op.f("pk_task_drawn_objects")),
    )
    op.create_index(op.f("ix_task_drawn_objects_task_id"), "task_drawn_objects", ["task_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_task_drawn_objects_task_id"), table_name="task_drawn_objects")
    op.drop_table("task_drawn_objects")
    op.drop_table("draw_records")
