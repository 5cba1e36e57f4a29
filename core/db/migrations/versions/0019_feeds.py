"""Feeds: the registration feed (permit-to-department mapping, the commitment catalogue, the
registrations taken), foreign Open311 codes and API keys, drop-folder results, and a clue's
foreign words (source system, service code and name, an unregistered credit code).

Revision ID: 0019_feeds
Revises: 0017_credit
Create Date: 2026-12-06
"""
import sqlalchemy as sa
from alembic import op

revision = "0019_feeds"
down_revision = "0017_credit"
branch_labels = None
depends_on = None



def _keywords() -> sa.Column:
    return sa.Column("keywords", sa.String(length=400), nullable=False)


def _dept(table: str) -> sa.Column:
    return sa.Column("department_id", sa.Integer(),
                     sa.ForeignKey("departments.id", name=f"fk_{table}_department_id_departments"), nullable=False)


def upgrade() -> None:
    t = "feed_permit_departments"
    op.create_table(
        t,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("permit_code", sa.String(length=40), nullable=False),
        sa.Column("permit_name", sa.String(length=120), nullable=False),
        _keywords(),
        _dept(t),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{t}")),
        sa.UniqueConstraint("permit_code", name=op.f(f"uq_{t}_permit_code")),
    )
    op.create_index(op.f(f"ix_{t}_department_id"), t, ["department_id"])
    t = "feed_commitment_matters"
    op.create_table(
        t,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        _keywords(),
        _dept(t),
        sa.Column("commitment_text", sa.Text(), nullable=False),
        sa.Column("fulfil_days", sa.Integer(), nullable=False),
        sa.Column("verification_standard", sa.String(length=400), nullable=False),
        sa.Column("breach_consequence", sa.String(length=400), nullable=False),
        sa.Column("verify_working_days", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{t}")),
        sa.UniqueConstraint("code", name=op.f(f"uq_{t}_code")),
    )
    op.create_index(op.f(f"ix_{t}_department_id"), t, ["department_id"])
    t = "feed_registrations"
    op.create_table(
        t,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_system", sa.String(length=40), nullable=False),
        sa.Column("registration_ref", sa.String(length=64), nullable=False),
        sa.Column("entity_id", sa.Integer(),
                  sa.ForeignKey("market_entities.id", name=f"fk_{t}_entity_id_market_entities"), nullable=False),
        sa.Column("registered_on", sa.Date(), nullable=False),
        sa.Column("scope_text", sa.Text(), nullable=False),
        sa.Column("permit_codes", sa.JSON(), nullable=False),
        sa.Column("push_ids", sa.JSON(), nullable=False),
        sa.Column("commitment_ids", sa.JSON(), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{t}")),
        sa.UniqueConstraint("source_system", "registration_ref", name=op.f(f"uq_{t}_source_system_registration_ref")),
    )
    op.create_index(op.f(f"ix_{t}_entity_id"), t, ["entity_id"])
    t = "feed_foreign_codes"
    op.create_table(
        t,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_system", sa.String(length=40), nullable=False),
        sa.Column("service_code", sa.String(length=64), nullable=False),
        sa.Column("service_name", sa.String(length=120), nullable=False),
        sa.Column("matter_id", sa.Integer(),
                  sa.ForeignKey("regulatory_matters.id", name=f"fk_{t}_matter_id_regulatory_matters"), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{t}")),
        sa.UniqueConstraint("source_system", "service_code", name=op.f(f"uq_{t}_source_system_service_code")),
    )
    t = "feed_open311_keys"
    op.create_table(
        t,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_system", sa.String(length=40), nullable=False),
        sa.Column("key_hash", sa.String(length=64), nullable=False),
        sa.Column("prefix", sa.String(length=12), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=60), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{t}")),
        sa.UniqueConstraint("key_hash", name=op.f(f"uq_{t}_key_hash")),
    )
    op.create_index(op.f(f"ix_{t}_source_system"), t, ["source_system"])
    t = "feed_file_results"
    op.create_table(
        t,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_system", sa.String(length=40), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ok", sa.Boolean(), nullable=False),
        sa.Column("added", sa.Integer(), nullable=False),
        sa.Column("already", sa.Integer(), nullable=False),
        sa.Column("problems", sa.JSON(), nullable=False),
        sa.Column("moved_to", sa.String(length=400), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{t}")),
    )
    op.create_index(op.f(f"ix_{t}_source_system"), t, ["source_system"])
    with op.batch_alter_table("clues") as batch:
        batch.add_column(sa.Column("source_system", sa.String(length=40), nullable=True))
        batch.add_column(sa.Column("foreign_service_code", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("foreign_service_name", sa.String(length=120), nullable=True))
        batch.add_column(sa.Column("unregistered_uscc", sa.String(length=18), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("clues") as batch:
        for column in ("unregistered_uscc", "foreign_service_name", "foreign_service_code", "source_system"):
            batch.drop_column(column)
    for table, indexed in (("feed_file_results", "source_system"), ("feed_open311_keys", "source_system"),
                           ("feed_foreign_codes", None), ("feed_registrations", "entity_id"),
                           ("feed_commitment_matters", "department_id"), ("feed_permit_departments", "department_id")):
        if indexed:
            op.drop_index(op.f(f"ix_{table}_{indexed}"), table_name=table)
        op.drop_table(table)
