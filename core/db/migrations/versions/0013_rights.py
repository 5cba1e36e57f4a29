"""Rights: a town (grid) user role, and the town a town user belongs to.

The role codes are a CHECK constraint on ``roles.code`` and ``users.role_code``; both
are widened to ``town``, and ``users.town_code`` names the town of a town user.

Revision ID: 0013_rights
Revises: 0012_import_keys
Create Date: 2026-12-02
"""
import sqlalchemy as sa
from alembic import op

revision = "0013_rights"
down_revision = "0012_import_keys"
branch_labels = None
depends_on = None

_OLD = ("operator", "leader", "planner", "monitor", "department", "admin")
_NEW = _OLD + ("town",)


def _in(column: str, codes: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(c) for c in codes)})"


def _checks(codes: tuple[str, ...]) -> None:
    with op.batch_alter_table("roles") as batch:
        batch.drop_constraint(op.f("ck_roles_role_code"), type_="check")
        batch.create_check_constraint("role_code", _in("code", codes))
    with op.batch_alter_table("users") as batch:
        batch.drop_constraint(op.f("ck_users_user_role_code"), type_="check")
        batch.create_check_constraint("user_role_code", _in("role_code", codes))


def upgrade() -> None:
    _checks(_NEW)
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("town_code", sa.String(length=9), nullable=True))
        batch.create_foreign_key(op.f("fk_users_town_code_towns"), "towns", ["town_code"], ["code"])
    op.execute("INSERT INTO roles (code, name_zh, name_en) SELECT 'town', '乡镇网格用户', 'Town grid user' "
               "WHERE EXISTS (SELECT 1 FROM roles) AND NOT EXISTS (SELECT 1 FROM roles WHERE code = 'town')")


def downgrade() -> None:
    op.execute("UPDATE users SET role_code = 'monitor' WHERE role_code = 'town'")
    op.execute("DELETE FROM roles WHERE code = 'town'")
    with op.batch_alter_table("users") as batch:
        batch.drop_constraint(op.f("fk_users_town_code_towns"), type_="foreignkey")
        batch.drop_column("town_code")
    _checks(_OLD)
