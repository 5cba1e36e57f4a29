"""What changed, and who hears it: the change record every unit of work leaves behind.

``changes`` holds the typed :class:`ChangeSet` and the in-process :class:`ChangeHub`;
``follow`` reads the change sets other processes commit (PostgreSQL LISTEN/NOTIFY, SQLite
polling). No Qt here: the console's bus (desktop/live) turns both into one Qt signal.
"""
from .changes import KINDS, ChangeHub, ChangeSet

__all__ = ["KINDS", "ChangeHub", "ChangeSet"]
