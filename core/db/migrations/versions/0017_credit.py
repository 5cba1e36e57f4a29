"""Credit: credit records with validity and repair, versioned rule sets (the first one active),
official classes that override computed ones, abnormal -> serious list transitions, repairs;
an index on the legal representative for linked credit.

Revision ID: 0017_credit
Revises: 0016_exchange
Create Date: 2026-12-06
"""
import datetime as dt

import sqlalchemy as sa
from alembic import op

revision = "0017_credit"
down_revision = "0016_exchange"
branch_labels = None
depends_on = None


BUILT_IN_AT = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
"""When the built-in rule set was defined."""


def upgrade() -> None:
    op.create_table(
        "credit_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("valid_until", sa.Date(), nullable=True),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("repaired_on", sa.Date(), nullable=True),
        sa.Column("department_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("source_record_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["entity_id"], ["market_entities.id"], ondelete="CASCADE",
                                name=op.f("fk_credit_records_entity_id_market_entities")),
        sa.ForeignKeyConstraint(["department_id"], ["departments.id"],
                                name=op.f("fk_credit_records_department_id_departments")),
        sa.ForeignKeyConstraint(["source_record_id"], ["entity_records.id"], ondelete="SET NULL",
                                name=op.f("fk_credit_records_source_record_id_entity_records")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_credit_records")),
        sa.UniqueConstraint("source_record_id", name=op.f("uq_credit_records_source_record_id")),
    )
    op.create_index(op.f("ix_credit_records_entity_id"), "credit_records", ["entity_id"])
    op.create_index("ix_credit_records_kind_occurred_on", "credit_records", ["kind", "occurred_on"])

    rule_sets = op.create_table(
        "credit_rule_sets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("rules", sa.Text(), nullable=False),
        sa.Column("note", sa.String(length=400), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("applied_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_credit_rule_sets")),
        sa.UniqueConstraint("version", name=op.f("uq_credit_rule_sets_version")),
    )
    op.create_index(op.f("ix_credit_rule_sets_active"), "credit_rule_sets", ["active"])

    op.create_table(
        "credit_official_classes",
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("risk_class", sa.String(length=1), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column("imported_on", sa.Date(), nullable=False),
        sa.Column("imported_by", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["entity_id"], ["market_entities.id"], ondelete="CASCADE",
                                name=op.f("fk_credit_official_classes_entity_id_market_entities")),
        sa.PrimaryKeyConstraint("entity_id", name=op.f("pk_credit_official_classes")),
    )
    op.create_table(
        "credit_transitions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("from_record_id", sa.Integer(), nullable=False),
        sa.Column("to_record_id", sa.Integer(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("applied_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["entity_id"], ["market_entities.id"], ondelete="CASCADE",
                                name=op.f("fk_credit_transitions_entity_id_market_entities")),
        sa.ForeignKeyConstraint(["from_record_id"], ["credit_records.id"], ondelete="CASCADE",
                                name=op.f("fk_credit_transitions_from_record_id_credit_records")),
        sa.ForeignKeyConstraint(["to_record_id"], ["credit_records.id"], ondelete="CASCADE",
                                name=op.f("fk_credit_transitions_to_record_id_credit_records")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_credit_transitions")),
        sa.UniqueConstraint("from_record_id", name=op.f("uq_credit_transitions_from_record_id")),
    )
    op.create_index(op.f("ix_credit_transitions_entity_id"), "credit_transitions", ["entity_id"])
    op.create_table(
        "credit_repairs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("repaired_on", sa.Date(), nullable=False),
        sa.Column("note", sa.String(length=1000), nullable=False),
        sa.Column("attachment_name", sa.String(length=255), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["record_id"], ["credit_records.id"], ondelete="CASCADE",
                                name=op.f("fk_credit_repairs_record_id_credit_records")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_credit_repairs")),
    )
    op.create_index(op.f("ix_credit_repairs_record_id"), "credit_repairs", ["record_id"])
    # Linked credit finds the other entities of a legal representative by name.
    op.create_index(op.f("ix_market_entities_legal_rep"), "market_entities", ["legal_rep"])

    # Version 1 is the built-in rule set (core.credit.rules), active from the start;
    # administrators add versions after it. It is dated to its definition, not to the
    # upgrade, so the same seed builds the same demo city byte for byte.
    from core.credit.rules import DEFAULT_RULES

    op.bulk_insert(rule_sets, [{
        "id": 1, "version": 1, "rules": DEFAULT_RULES.to_json(), "note": "built-in rule set",
        "created_by": "system", "created_at": BUILT_IN_AT, "active": True, "applied_at": None,
    }])


def downgrade() -> None:
    op.drop_index(op.f("ix_market_entities_legal_rep"), table_name="market_entities")
    op.drop_index(op.f("ix_credit_repairs_record_id"), table_name="credit_repairs")
    op.drop_table("credit_repairs")
    op.drop_index(op.f("ix_credit_transitions_entity_id"), table_name="credit_transitions")
    op.drop_table("credit_transitions")
    op.drop_table("credit_official_classes")
    op.drop_index(op.f("ix_credit_rule_sets_active"), table_name="credit_rule_sets")
    op.drop_table("credit_rule_sets")
    op.drop_index("ix_credit_records_kind_occurred_on", table_name="credit_records")
    op.drop_index(op.f("ix_credit_records_entity_id"), table_name="credit_records")
    op.drop_table("credit_records")
