"""Alembic environment: runs against the connection handed in by core.db.migrate."""
from __future__ import annotations

from alembic import context

from core.db.models import Base
from core.db.text_search import include_object_for

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    connection = config.attributes["connection"]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        include_object=include_object_for(connection.dialect.name),
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise RuntimeError("offline migrations are not supported; use `tongguan db upgrade`")
run_migrations_online()
