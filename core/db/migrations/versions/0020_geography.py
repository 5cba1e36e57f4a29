"""Geography: surveyed town and village boundaries (or village centroids) imported as GeoJSON.

Revision ID: 0020_geography
Revises: 0018_warnings
Create Date: 2026-12-06
"""
import sqlalchemy as sa
from alembic import op

revision = "0020_geography"
down_revision = "0018_warnings"
branch_labels = None
depends_on = None


def upgrade() -> None:
    t = "region_geometries"
    op.create_table(
        t,
        sa.Column("level", sa.String(length=10), nullable=False),
        sa.Column("code", sa.String(length=12), nullable=False),
        sa.Column("geometry", sa.Text(), nullable=False),
        sa.Column("centroid_lat", sa.Float(), nullable=False),
        sa.Column("centroid_lng", sa.Float(), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column("source_coords", sa.String(length=10), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("level", "code", name=op.f(f"pk_{t}")),
    )


def downgrade() -> None:
    op.drop_table("region_geometries")
