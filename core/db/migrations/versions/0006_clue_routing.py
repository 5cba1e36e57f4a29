"""Clue routing rules, attachments kept with a clue, and a clue's outside reference.

Revision ID: 0006_clue_routing
Revises: 0005_draw_records
Create Date: 2026-11-26
"""
import sqlalchemy as sa
from alembic import op

revision = "0006_clue_routing"
down_revision = "0005_draw_records"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("clues") as batch:
        batch.add_column(sa.Column("source_ref", sa.String(length=64), nullable=True))
        batch.create_index(batch.f("ix_clues_source_ref"), ["source_ref"])
    op.create_table(
        "clue_attachments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("clue_id", sa.Integer(), nullable=False),
        sa.Column("filename", sa.String(length=200), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("added_by", sa.String(length=60), nullable=False),
        sa.ForeignKeyConstraint(["clue_id"], ["clues.id"], ondelete="CASCADE",
                                name=op.f("fk_clue_attachments_clue_id_clues")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_clue_attachments")),
    )
    op.create_index(op.f("ix_clue_attachments_clue_id"), "clue_attachments", ["clue_id"])
    op.create_table(
        "routing_rules",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("matter_id", sa.Integer(), nullable=True),
        sa.Column("industry_code", sa.String(length=4), nullable=True),
        sa.Column("town_code", sa.String(length=9), nullable=True),
        sa.Column("department_id", sa.Integer(), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(["matter_id"], ["regulatory_matters.id"],
                                name=op.f("fk_routing_rules_matter_id_regulatory_matters")),
        sa.ForeignKeyConstraint(["industry_code"], ["industries.code"],
                                name=op.f("fk_routing_rules_industry_code_industries")),
        sa.ForeignKeyConstraint(["town_code"], ["towns.code"], name=op.f("fk_routing_rules_town_code_towns")),
        sa.ForeignKeyConstraint(["department_id"], ["departments.id"],
                                name=op.f("fk_routing_rules_department_id_departments")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_routing_rules")),
        sa.UniqueConstraint("matter_id", "industry_code", "town_code",
                            name=op.f("uq_routing_rules_matter_id_industry_code_town_code")),
    )


def downgrade() -> None:
    op.drop_table("routing_rules")
    op.drop_index(op.f("ix_clue_attachments_clue_id"), table_name="clue_attachments")
    op.drop_table("clue_attachments")
    with op.batch_alter_table("clues") as batch:
        batch.drop_index(batch.f("ix_clues_source_ref"))
        batch.drop_column("source_ref")
