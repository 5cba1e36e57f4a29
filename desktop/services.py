"""What every window and workspace of one console session works with (a leaf module).

The composition root (``desktop/bootstrap.py``) builds one :class:`AppServices`; windows,
dialogs and workspace pages receive it and import only this module, so nothing imports
the composition root back.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from core.db.database import Database
from core.services.auth import UserInfo
from desktop.live.bus import ChangeBus
from desktop.navigation import Navigator
from desktop.settings import Settings
from desktop.tasks import TaskManager


@dataclass(frozen=True)
class AppServices:
    """One console session's services.

    ``db`` is the opened database, ``tasks`` runs work off the GUI thread, ``settings``
    are the user's declared settings, ``user`` is who signed in (None until then;
    :meth:`signed_in` returns a copy that carries the user), ``changes`` delivers every
    committed change (this console's and other workstations') and ``navigator`` opens an
    entity, a clue, a case or a batch wherever it is shown.
    """

    db: Database
    tasks: TaskManager
    settings: Settings
    user: UserInfo | None = None
    changes: ChangeBus = field(default=None)  # type: ignore[assignment] - filled in __post_init__
    navigator: Navigator = field(default_factory=Navigator)

    def __post_init__(self) -> None:
        if self.changes is None:
            object.__setattr__(self, "changes", ChangeBus.detached(self.db))

    @property
    def actor(self) -> str:
        """The signed-in user's name ("" before sign-in: read-only)."""
        return self.user.username if self.user is not None else ""

    def signed_in(self, user: UserInfo) -> AppServices:
        """Return these services with ``user`` signed in."""
        return replace(self, user=user)

    def close(self) -> None:
        """Stop following changes, let running jobs finish (up to 5 s), close the connections."""
        self.changes.close()
        self.tasks.wait_idle(5000)
        self.db.dispose()
