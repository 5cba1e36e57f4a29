"""Persistence: typed SQLAlchemy models, engine selection, unit of work, migrations."""
