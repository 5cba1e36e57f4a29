"""Inspection results published (企业信息公示暂行条例 Arts. 6-7): one row per published task result.

Revision ID: 0009_result_publication
Revises: 0008_case_extensions
Create Date: 2026-11-27
"""
import sqlalchemy as sa
from alembic import op

revision = "0009_result_publication"
down_revision = "0008_case_extensions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # No row: the result is not published yet. Existing results start unpublished; their
    # clocks run from the day each task was done.
    op.create_table(
        "result_publications",
        sa.Column("task_id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=True),
        sa.Column("published_on", sa.Date(), nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("published_by", sa.String(length=60), nullable=False),
        sa.Column("notice_file", sa.String(length=260), nullable=False),
        sa.ForeignKeyConstraint(["task_id"], ["inspection_tasks.id"], ondelete="CASCADE",
                                name=op.f("fk_result_publications_task_id_inspection_tasks")),
        sa.ForeignKeyConstraint(["batch_id"], ["draw_batches.id"],
                                name=op.f("fk_result_publications_batch_id_draw_batches")),
        sa.PrimaryKeyConstraint("task_id", name=op.f("pk_result_publications")),
    )
    op.create_index(op.f("ix_result_publications_batch_id"), "result_publications", ["batch_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_result_publications_batch_id"), table_name="result_publications")
    op.drop_table("result_publications")
