"""Extensions of a case's decision period and the periods that do not count (市场监督管理行政处罚程序规定 Art. 64).

Revision ID: 0008_case_extensions
Revises: 0007_sampling_bands
Create Date: 2026-11-27
"""
import sqlalchemy as sa
from alembic import op

revision = "0008_case_extensions"
down_revision = "0007_sampling_bands"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "case_extensions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("approval", sa.Enum("head", "collective", name="case_approval", native_enum=False,
                                      create_constraint=True), nullable=False),
        sa.Column("days", sa.Integer(), nullable=False),
        sa.Column("approved_on", sa.Date(), nullable=False),
        sa.Column("reason", sa.String(length=400), nullable=False),
        sa.Column("actor", sa.String(length=60), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], ondelete="CASCADE",
                                name=op.f("fk_case_extensions_case_id_cases")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_extensions")),
    )
    op.create_index(op.f("ix_case_extensions_case_id"), "case_extensions", ["case_id"])
    op.create_table(
        "case_pauses",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.Enum("hearing", "announcement", "testing", "appraisal", name="case_pause_kind",
                                  native_enum=False, create_constraint=True), nullable=False),
        sa.Column("started_on", sa.Date(), nullable=False),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("reason", sa.String(length=400), nullable=False),
        sa.Column("started_by", sa.String(length=60), nullable=False),
        sa.Column("ended_by", sa.String(length=60), nullable=True),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], ondelete="CASCADE",
                                name=op.f("fk_case_pauses_case_id_cases")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_pauses")),
    )
    op.create_index(op.f("ix_case_pauses_case_id"), "case_pauses", ["case_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_case_pauses_case_id"), table_name="case_pauses")
    op.drop_table("case_pauses")
    op.drop_index(op.f("ix_case_extensions_case_id"), table_name="case_extensions")
    op.drop_table("case_extensions")
