"""The map's thematic-warnings layer (专题预警): the warnings of :mod:`core.credit.themes` as markers.

Who sees which warning follows the clue layer's rule (``clue.read``, :mod:`core.services.read_scope`):
a role without it is refused; the center, the leader and the monitor (scope ``all``) see every
warning; a town user the warnings about entities of its town; a department user the warnings
about entities with a clue it may read. A warning about no entity (complaints made by clues
alone) is shown only to the ``all`` scope. :class:`MapThemes` keeps the markers of one viewer
and forgets them on a change of clues or entities (and when the day turns).
"""
from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass

from sqlalchemy import select

from core.credit.themes import ThematicWarning, thematic_warnings
from core.db.database import Database
from core.db.models import Clue, MarketEntity
from core.rights import ALL, TOWN

from .read_scope import clue_condition, read_scope

_CHUNK = 500


@dataclass(frozen=True)
class ThemeMarkers:
    """Thematic warnings placed on the map (WGS-84), parallel tuples; ``ids`` the entity a click
    opens (the warning's first entity; 0 for none)."""

    ids: tuple[int, ...]
    lats: tuple[float, ...]
    lngs: tuple[float, ...]
    kinds: tuple[str, ...]
    titles_zh: tuple[str, ...]
    titles_en: tuple[str, ...]

    @classmethod
    def of(cls, warnings: list[ThematicWarning]) -> ThemeMarkers:
        return cls(tuple(w.entity_ids[0] if w.entity_ids else 0 for w in warnings),
                   tuple(w.lat for w in warnings), tuple(w.lng for w in warnings), tuple(w.kind for w in warnings),
                   tuple(w.title_zh for w in warnings), tuple(w.title_en for w in warnings))


def _chunks(ids: list[int]):
    for i in range(0, len(ids), _CHUNK):
        yield ids[i:i + _CHUNK]


def visible_warnings(db: Database, warnings: list[ThematicWarning], viewer: object | None) -> list[ThematicWarning]:
    """The warnings ``viewer`` may see (see the module's rule); PermissionDenied without ``clue.read``."""
    with db.sessions() as s:
        scope, principal = read_scope(s, viewer, "clue.read")
        if scope == ALL:
            return list(warnings)
        ids = sorted({e for w in warnings for e in w.entity_ids})
        seen: set[int] = set()
        if scope == TOWN and principal is not None and principal.town_code is not None:
            for part in _chunks(ids):
                seen.update(s.scalars(select(MarketEntity.id).where(
                    MarketEntity.id.in_(part), MarketEntity.town_code == principal.town_code)))
        else:
            condition = clue_condition(s, principal)
            for part in _chunks(ids):
                seen.update(s.scalars(select(Clue.entity_id).distinct().where(Clue.entity_id.in_(part), condition)))
    return [w for w in warnings if seen.intersection(w.entity_ids)]


def theme_markers(db: Database, today: dt.date | None = None, *, viewer: object | None = None) -> ThemeMarkers:
    """The thematic warnings of ``today`` that ``viewer`` may see, as markers."""
    return ThemeMarkers.of(visible_warnings(db, thematic_warnings(db, today or dt.date.today()), viewer))


class MapThemes:
    """The thematic-warning markers of one viewer, read when first wanted and again after a change
    of clues or entities (:meth:`apply`), a reset, or when the day turns (thread-safe)."""

    def __init__(self, db: Database, *, viewer: object | None = None, today: dt.date | None = None) -> None:
        self._db, self._viewer, self._fixed_today = db, viewer, today
        self._lock = threading.Lock()
        self._kept: tuple[dt.date, ThemeMarkers] | None = None

    def _today(self) -> dt.date:
        return self._fixed_today or dt.date.today()

    def reset(self) -> None:
        with self._lock:
            self._kept = None

    def apply(self, changes) -> bool:
        """Forget the markers when ``changes`` names clues or entities (or everything); True then."""
        if not (getattr(changes, "everything", False) or getattr(changes, "clues", None)
                or getattr(changes, "entities", None)):
            return False
        self.reset()
        return True

    def markers(self) -> ThemeMarkers:
        today = self._today()
        with self._lock:
            if self._kept is None or self._kept[0] != today:
                self._kept = (today, theme_markers(self._db, today, viewer=self._viewer))
            return self._kept[1]
