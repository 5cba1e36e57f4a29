"""The console's live updates: one change bus fed by this process's commits and by the
changes other workstations commit to the same database."""
from .bus import ChangeBus

__all__ = ["ChangeBus"]
