"""Runs map updates off the GUI thread, newest request only, and keeps the index fresh.

The page reports every settled view; the filter bar and the layer panel change what is
asked. Each change makes a :class:`~desktop.map.query.Query`; while one is computing,
further ones replace each other and only the newest runs next, so a burst of pans or
keystrokes costs one update after the current one. The columnar index is opened in the
background (from its snapshot when its data stamp is current, else from the database with
a progress dialog).

After that the controller follows the console's change bus (``changed(ChangeSet)``), one
change set at a time on a worker thread, sets that arrive meanwhile merged into one:
changed entities and tags patch the index (only their rows are read), clue, case, push,
commitment and inspection changes recompute only the overlays
(:class:`~core.services.map_overlays.MapOverlays`), ``everything`` reloads. The patched
columns are saved to the snapshot now and then (``SNAPSHOT_EVERY_S``) and at close.
Without a bus it falls back to polling the data stamp every 30 s.
"""
from __future__ import annotations

import json
import logging
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import replace

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal

from core.db.database import Database
from core.geoindex import (
    LazySnapshot,
    MapIndex,
    data_stamp,
    load_columns,
    open_columns,
    save_snapshot,
    snapshot_path,
)
from core.paths import user_cache_dir
from core.services.map_overlays import MapOverlays
from core.services.map_themes import MapThemes
from core.services.search import EntityFilter, EntitySearch
from desktop.tasks import TaskManager

from .query import DbCache, Labels, LayerChoice, Query, compose

_log = logging.getLogger(__name__)
STAMP_POLL_MS = 30_000     # only without a change bus
SNAPSHOT_CHECK_MS = 60_000
SNAPSHOT_EVERY_S = 300.0
_TEXT_CACHE = 8
# The change kinds something on the map depends on (not: plans, wall pushes).
MAP_KINDS = ("entities", "tags", "clues", "cases", "pushes", "commitments", "inspections", "batches", "settings")


class MapController(QObject):
    """Owns the map index and turns view/filter/layer changes into payloads."""

    index_ready = Signal()
    payload_ready = Signal(str, dict)      # JSON for the page, and the payload itself
    failed = Signal(str, object)           # what failed ("index", "update"), the error
    busy_changed = Signal(bool)
    changes_applied = Signal(object)       # a ChangeSet now reflected in the index and overlays

    def __init__(self, db: Database, tasks: TaskManager, *, display: str = "wgs84", show_risk: bool = True,
                 viewer: str | None = None, changes: QObject | None = None, parent: QObject | None = None) -> None:
        """``changes``: the console's change bus (an object with a ``changed(ChangeSet)`` signal)."""
        super().__init__(parent)
        self._db, self._tasks, self._display, self._viewer = db, tasks, display, viewer
        # Without the right to see risk classes (core.rights "risk.read") nothing here uses them:
        # not the colours, the legend, the town measure nor the filter.
        self._show_risk = show_risk
        self.index: MapIndex | None = None
        self.cache = DbCache()
        self._text_ids: OrderedDict[str, np.ndarray] = OrderedDict()
        self._seq = 0
        self._view: dict | None = None
        self._filter = EntityFilter()
        self._choice = self._allowed(LayerChoice())
        self._labels = Labels({}, {}, {})
        self._fit: list | None = None
        self._running = False
        self._pending: Query | None = None
        self._loading = False
        self.last_payload: dict | None = None
        self.last_elapsed_ms: float = 0.0
        self.overlays = MapOverlays(db, viewer=viewer, snapshot_dir=user_cache_dir())
        self.themes = MapThemes(db, viewer=viewer)
        self._snapshot: LazySnapshot | None = None
        self._bus = changes
        self._waiting = None            # ChangeSet (merged) not yet applied
        self._applying = False
        self._last_change_id: int | None = None
        self._stamp_timer = QTimer(self)
        self._stamp_timer.setInterval(STAMP_POLL_MS)
        self._stamp_timer.timeout.connect(self.check_for_changes)
        self._save_timer = QTimer(self)
        self._save_timer.setInterval(SNAPSHOT_CHECK_MS)
        self._save_timer.timeout.connect(self.save_snapshot_if_due)
        if changes is not None:
            changes.changed.connect(self._on_changes_changed)

    # ---- state -----------------------------------------------------------

    @property
    def filter(self) -> EntityFilter:
        return self._filter

    @property
    def choice(self) -> LayerChoice:
        return self._choice

    @property
    def view(self) -> dict | None:
        return self._view

    def set_labels(self, labels: Labels) -> None:
        self._labels = labels
        self.refresh()

    def set_view(self, view: dict) -> None:
        self._view = view
        self.refresh()

    def _allowed(self, choice: LayerChoice) -> LayerChoice:
        if self._show_risk:
            return choice
        return replace(choice, colour_by="entity_type" if choice.colour_by == "risk" else choice.colour_by,
                       measure="entities" if choice.measure == "risk_d_share" else choice.measure)

    def set_filter(self, f: EntityFilter) -> None:
        if not self._show_risk and f.risk_classes:
            f = replace(f, risk_classes=())
        if f != self._filter:
            self._filter = f
            self.refresh()

    def set_choice(self, **changes) -> None:
        choice = self._allowed(replace(self._choice, **changes))
        if choice != self._choice:
            self._choice = choice
            self.refresh()

    def fit_once(self, bounds: list) -> None:
        """Ask the page to fit ``[[s, w], [n, e]]`` with the next payload."""
        self._fit = bounds
        self.refresh()

    # ---- index -----------------------------------------------------------

    def start(self, parent_widget=None) -> None:
        """Open the index (snapshot or database) in the background; then updates flow."""
        if self.index is not None or self._loading:
            return
        self._loading = True
        db, display = self._db, self._display

        def load(progress, is_cancelled) -> MapIndex:
            def report(done: int, total: int) -> None:
                progress(done / max(total, 1), f"{done:,}/{total:,}")
            return MapIndex(open_columns(db, display=display, progress=report, is_cancelled=is_cancelled))

        self._tasks.run_with_progress(load, title=self.tr("Preparing the map of every entity…"),
                                      on_done=self._on_index_loaded, on_error=self._on_index_failed,
                                      parent=parent_widget)

    @property
    def follows_changes(self) -> bool:
        """True when a change bus keeps the index current (no stamp polling)."""
        return self._bus is not None

    def _on_index_loaded(self, index: MapIndex) -> None:
        self._loading = False
        self.index = index
        self._snapshot = LazySnapshot(snapshot_path(self._db), interval_s=SNAPSHOT_EVERY_S)
        if self._bus is None:
            self._stamp_timer.start()
        self._save_timer.start()
        self.index_ready.emit()
        self.refresh()
        self._apply_waiting()
        if not index.has_pyramid:
            # Pre-aggregated levels make whole-city views ~1 ms instead of ~30; built after the
            # first paint so it never delays it.
            self._tasks.run(index.build_pyramid, on_done=lambda _none: None,
                            on_error=lambda error: _log.warning("map pyramid not built: %s", error), quiet=True,
                            owner=self)

    def _on_index_failed(self, error: BaseException) -> None:
        self._loading = False
        self.failed.emit("index", error)

    def check_for_changes(self) -> None:
        """Reload the index in the background when the database's data stamp moved."""
        if self.index is None or self._loading:
            return
        db, current = self._db, self.index.columns.stamp
        self._tasks.run(lambda: data_stamp(db), on_done=lambda stamp: self._on_stamp(stamp, current),
                        on_error=lambda error: _log.info("map data stamp check failed: %s", error), quiet=True,
                        owner=self)

    def reload(self, *, from_database: bool = False) -> None:
        """Reload the index and cached measures now (F5; a change of everything).

        ``from_database`` skips the snapshot even when its stamp looks current: a bulk change
        written behind the services need not move the stamp."""
        if self.index is None or self._loading:
            return
        self._loading = True
        self.overlays.reset()  # read again by the next update that shows them
        self.themes.reset()
        db, display = self._db, self._display
        if from_database:
            def work():
                columns = load_columns(db, display=display)
                try:
                    save_snapshot(columns, snapshot_path(db))
                except OSError as error:  # a read-only folder costs the next start a reload, nothing more
                    _log.warning("map snapshot not saved: %s", error)
                return columns
        else:
            def work():
                return open_columns(db, display=display)
        self._tasks.run(work, on_done=self._on_reloaded, on_error=self._on_index_failed, quiet=True, owner=self)

    def _on_stamp(self, stamp: str, seen: str) -> None:
        if stamp != seen:
            _log.info("map data changed (%s -> %s); reloading the index", seen, stamp)
            self.reload()

    def _on_reloaded(self, columns) -> None:
        self._loading = False
        if self.index is None:
            return
        self.index.replace_columns(columns)
        # What was marked for saving is older than these columns, which were read or saved whole.
        self._snapshot = LazySnapshot(snapshot_path(self._db), interval_s=SNAPSHOT_EVERY_S)
        self.cache.clear()
        self._text_ids.clear()
        self.refresh()
        self._apply_waiting()

    # ---- following changes ------------------------------------------------

    def _on_changes_changed(self, changes) -> None:
        """A committed change set (this console's or another's): queue it, merged with any waiting."""
        if not changes:
            return
        self._waiting = changes if self._waiting is None else self._waiting.merged(changes)
        self._apply_waiting()

    def apply_changes(self, changes) -> None:
        """Bring the index and overlays up to ``changes`` (a ChangeSet) in the background."""
        self._on_changes_changed(changes)

    def _apply_waiting(self) -> None:
        if self._applying or self._loading or self.index is None or self._waiting is None:
            return  # after the running step, or once the index is loaded
        changes, self._waiting = self._waiting, None
        if not changes.touches(*MAP_KINDS):
            self._note_applied(changes)
            return
        if changes.everything:
            self._note_applied(changes)  # the reload reads after its commit
            self.reload(from_database=True)
            return
        index, overlays, themes, db = self.index, self.overlays, self.themes, self._db
        patch = changes.touches("entities", "tags")

        # A tag's membership changes with its entities, which the set names: re-read whole tags
        # only when it names none (a tag deleted or refilled in bulk).
        tags = () if changes.entities else sorted(changes.tags)

        def work():
            columns = index.patch(db, sorted(changes.entities), tags) if patch else None
            overlays.apply(changes)
            themes.apply(changes)
            return changes, columns

        self._applying = True
        self._tasks.run(work, on_done=self._on_changes_done, on_error=self._on_changes_failed, quiet=True,
                        owner=self)

    def _note_applied(self, changes) -> None:
        """Remember the newest change log id the index holds (the snapshot may claim no newer)."""
        change_id = getattr(changes, "change_id", None)
        if change_id is not None:
            self._last_change_id = max(change_id, self._last_change_id or change_id)

    def _on_changes_done(self, outcome) -> None:
        changes, columns = outcome
        self._applying = False
        self._note_applied(changes)
        if columns is not None:
            self._text_ids.clear()  # a renamed entity may match other words now
        if self._snapshot is not None and self.index is not None:
            self._snapshot.mark(self.index.columns)  # its stamp moved either way: save it later
        if changes.touches("batches", "inspections"):
            self.cache.clear()  # drawn entities of a batch
        self.changes_applied.emit(changes)
        self.refresh()
        self._apply_waiting()

    def _on_changes_failed(self, error: BaseException) -> None:
        self._applying = False
        _log.warning("map could not follow a change (%s); reloading", error)
        self.reload()

    def save_snapshot_if_due(self, *, now: bool = False) -> None:
        """Save the patched columns in the background when it is time (or ``now``)."""
        saver, db, last = self._snapshot, self._db, self._last_change_id
        if saver is None or not saver.dirty or (not now and not saver.due()):
            return
        if self._applying or self._waiting is not None or self._loading:
            return  # the columns are about to change: the next check saves them
        self._tasks.run(lambda: saver.flush(db, last), on_done=lambda _saved: None,
                        on_error=lambda error: _log.warning("map snapshot not saved: %s", error), quiet=True)

    # ---- updates ---------------------------------------------------------

    def refresh(self) -> None:
        """Queue an update for the current state (replacing any queued one)."""
        if self.index is None or self._view is None or not self._labels.categories:
            return
        self._seq += 1
        query = Query(seq=int(self._view.get("seq", self._seq)), view=self._view, filter=self._filter,
                      choice=self._choice, fit=self._fit, viewer=self._viewer)
        self._fit = None
        if self._running:
            self._pending = query
            return
        self._submit(query)

    def _submit(self, query: Query) -> None:
        self._running = True
        self.busy_changed.emit(True)
        index, db, cache, labels, overlays = self.index, self._db, self.cache, self._labels, self.overlays
        themes = self.themes
        text = query.filter.text.strip()
        known = self._text_ids.get(text) if text else None

        def work():
            started = time.perf_counter()
            text_ids = known
            if text and text_ids is None:
                text_ids = np.asarray(EntitySearch(db).ids(EntityFilter(text=text)), dtype=np.int64)
            payload, _result = compose(index, query, labels, db=db, cache=cache, text_ids=text_ids,
                                       overlays=overlays, themes=themes)
            payload["elapsed_ms"] = round((time.perf_counter() - started) * 1000, 1)
            return payload, json.dumps(payload, ensure_ascii=False, separators=(",", ":")), text, text_ids

        self._tasks.run(work, on_done=self._on_update_done, on_error=self._on_update_failed, quiet=True, owner=self)

    def _on_update_done(self, outcome) -> None:
        payload, payload_json, text, text_ids = outcome
        if text and text_ids is not None:
            self._text_ids[text] = text_ids
            while len(self._text_ids) > _TEXT_CACHE:
                self._text_ids.popitem(last=False)
        self._running = False
        if self._pending is not None:  # a newer request waits: this answer is already stale
            query, self._pending = self._pending, None
            self._submit(query)
            return
        self.busy_changed.emit(False)
        self.last_payload = payload
        self.last_elapsed_ms = payload.get("elapsed_ms", 0.0)
        self.payload_ready.emit(payload_json, payload)

    def _on_update_failed(self, error: BaseException) -> None:
        self._running = False
        self.busy_changed.emit(False)
        self.failed.emit("update", error)
        if self._pending is not None:
            query, self._pending = self._pending, None
            self._submit(query)

    def selection_job(self, ring: list) -> Callable[[], np.ndarray]:
        """Work for a thread: ids of the filtered entities inside ``ring`` (display coordinates).

        The filter and the index are taken now, on the GUI thread.
        """
        index, f = self.index, self._filter
        text = f.text.strip()
        text_ids = self._text_ids.get(text) if text else None
        points = [(float(lat), float(lng)) for lat, lng in ring]
        if index is None:
            return lambda: np.empty(0, dtype=np.int64)
        return lambda: index.ids_in_polygon(points, replace(f, text=""), text_ids)

    def stop(self) -> None:
        self._stamp_timer.stop()
        self._save_timer.stop()
        self._pending = None
        self.save_snapshot_if_due(now=True)  # the patched columns, so the next start reads no city
