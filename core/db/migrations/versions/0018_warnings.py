"""Early warnings of the risk model (issue 17): credit_warnings.

Revision ID: 0018_warnings
Revises: 0019_feeds
Create Date: 2026-12-06
"""
import sqlalchemy as sa
from alembic import op

revision = "0018_warnings"
down_revision = "0019_feeds"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "credit_warnings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("rank", sa.Integer(), nullable=False),
        sa.Column("factors", sa.JSON(), nullable=False),
        sa.Column("model_version", sa.String(length=40), nullable=False),
        sa.Column("status", sa.Enum("new", "reviewed", "dismissed", "made_clue", name="warning_status",
                                    native_enum=False, create_constraint=True, length=9), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reviewer", sa.String(length=60), nullable=True),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("note", sa.String(length=400), nullable=False),
        sa.Column("clue_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["entity_id"], ["market_entities.id"], ondelete="CASCADE",
                                name=op.f("fk_credit_warnings_entity_id_market_entities")),
        sa.ForeignKeyConstraint(["clue_id"], ["clues.id"], name=op.f("fk_credit_warnings_clue_id_clues")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_credit_warnings")),
    )
    op.create_index(op.f("ix_credit_warnings_entity_id"), "credit_warnings", ["entity_id"])
    op.create_index("ix_credit_warnings_status_score", "credit_warnings", ["status", "score"])


def downgrade() -> None:
    op.drop_index("ix_credit_warnings_status_score", table_name="credit_warnings")
    op.drop_index(op.f("ix_credit_warnings_entity_id"), table_name="credit_warnings")
    op.drop_table("credit_warnings")
