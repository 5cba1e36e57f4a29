"""Import keys: a clue's (source, source_ref) is unique, so no import adds a request twice.

Clues imported twice before this (re-imports, two imports at once) keep their history; the
later copies' references get a ``#dup<id>`` suffix so the key can be unique, and an empty
reference becomes NULL (a clue entered by hand has none).

Revision ID: 0012_import_keys
Revises: 0011_audit_chain
Create Date: 2026-12-02
"""
import sqlalchemy as sa
from alembic import op

revision = "0012_import_keys"
down_revision = "0011_audit_chain"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("UPDATE clues SET source_ref = NULL WHERE TRIM(source_ref) = ''")
    op.execute(
        "UPDATE clues SET source_ref = SUBSTR(source_ref, 1, 48) || '#dup' || CAST(id AS VARCHAR(12)) "
        "WHERE source_ref IS NOT NULL AND id > (SELECT MIN(c2.id) FROM clues c2 "
        "WHERE c2.source = clues.source AND c2.source_ref = clues.source_ref)"
    )
    op.create_index("ux_clues_source_source_ref", "clues", ["source", "source_ref"], unique=True)


def downgrade() -> None:
    op.drop_index("ux_clues_source_source_ref", table_name="clues")
