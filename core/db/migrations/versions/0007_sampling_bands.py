"""Sampling bands per plan (risk class -> allowed ratio band), the plan's visit capacity,
a batch's recorded override of the bands, and the objects a matter applies to.

Revision ID: 0007_sampling_bands
Revises: 0006_clue_routing
Create Date: 2026-11-27
"""
import sqlalchemy as sa
from alembic import op

revision = "0007_sampling_bands"
down_revision = "0006_clue_routing"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # NULL means "the default table" (DOMAIN.md) and "the default capacity": existing plans keep working.
    with op.batch_alter_table("draw_plans") as batch:
        batch.add_column(sa.Column("sampling_bands", sa.JSON(none_as_null=True), nullable=True))
        batch.add_column(sa.Column("visit_capacity", sa.Float(), nullable=True))
    with op.batch_alter_table("draw_batches") as batch:
        batch.add_column(sa.Column("band_override", sa.JSON(none_as_null=True), nullable=True))
    # NULL: the matter applies to every entity (as before); seeded from the reference matters.
    with op.batch_alter_table("regulatory_matters") as batch:
        batch.add_column(sa.Column("applies_to", sa.JSON(none_as_null=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("regulatory_matters") as batch:
        batch.drop_column("applies_to")
    with op.batch_alter_table("draw_batches") as batch:
        batch.drop_column("band_override")
    with op.batch_alter_table("draw_plans") as batch:
        batch.drop_column("visit_capacity")
        batch.drop_column("sampling_bands")
