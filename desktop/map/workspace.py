"""The Map workspace (地图): every entity on the city map, filtered like the entity search.

Top: the same filter bar as the Entities workspace. Centre: the map page (a file loaded in
QtWebEngine, talking through one channel object). Right: colouring, town measure, drawn
entities of a batch, counts, the drawn selection's actions and the map's own actions.
"""
from __future__ import annotations

import datetime as dt
import logging
from dataclasses import asdict
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from core.db.database import Database
from core.services import draw_pool, map_layers, wall
from core.services.audit_events import record_export
from core.services.export import export_entities
from core.services.search import EntityFilter, EntitySearch
from desktop.entities.errors import show_error
from desktop.entities.file_dialogs import ask_export_path
from desktop.entities.message_bar import MessageBar
from desktop.entities.operations import EntityOperations
from desktop.entities.reference import EntityReference, load_reference
from desktop.entities.search_bar import EntitySearchBar
from desktop.entities.tagging_flow import TaggingFlow
from desktop.i18n import current_language
from desktop.live.bus import ChangeBus
from desktop.live.follow import on_changes
from desktop.navigation import Navigator
from desktop.tasks import TaskManager
from maps.export import export_standalone_html
from maps.regions import city_regions
from maps.tiles import TileConfig

from .controller import MapController
from .dialogs import ask_draft_batch, ask_wall_title
from .labels import build_labels
from .page_file import build_page, entity_map_of, tile_hosts
from .panel import MapPanel
from .tile_dialog import TileDialog
from .web_view import MapWebView

_log = logging.getLogger(__name__)
WORKSPACE_KEY = "map"


class MapWorkspace(QWidget):
    """The map of every entity; see the module docstring."""

    painted = Signal(dict)          # the page drew a payload (tests, benchmark)
    selection_changed = Signal(int)  # entities in the drawn shape (-1: none drawn)

    def __init__(self, db: Database, tasks: TaskManager, actor: str, lang: str = "zh_CN", *,
                 tiles: TileConfig | None = None, show_risk: bool = True, settings=None,
                 changes: ChangeBus | None = None, navigator: Navigator | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mapWorkspace")
        # Without the console's bus, this process's own commits still reach the map.
        self.changes = changes if changes is not None else ChangeBus.detached(db, parent=self)
        self.navigator = navigator if navigator is not None else Navigator(self)
        self._db, self._tasks, self._actor, self._lang = db, tasks, actor, lang
        self._tiles, self._show_risk, self._settings = tiles, show_risk, settings
        self._reference: EntityReference | None = None
        self._selection: dict | None = None
        self._selection_ids = None
        self._painted_once = False
        self.search_bar = EntitySearchBar(self, show_risk=show_risk, stacked=True)
        self.message_bar = MessageBar(self)
        self.view = MapWebView(tile_hosts=tile_hosts(tiles), parent=self)
        self.panel = MapPanel(show_risk=show_risk, can_change=bool(actor), parent=self)
        self.panel.set_filters(self.search_bar)
        self.controller = MapController(db, tasks, display=tiles.coords if tiles else "wgs84", show_risk=show_risk,
                                        viewer=actor or None, changes=self.changes, parent=self)
        self.operations = EntityOperations(db, tasks, actor, self)
        self.tagging = TaggingFlow(self.operations, self.message_bar, self)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.view)
        scroller = QScrollArea(self, objectName="mapPanelScroll", widgetResizable=True)
        scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        scroller.setWidget(self.panel)
        splitter.addWidget(scroller)
        splitter.setCollapsible(0, False)
        splitter.setStretchFactor(0, 1)
        splitter.setSizes([1200, 300])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.message_bar)
        layout.addWidget(splitter, 1)
        self._connect()
        self._start()

    # ---- public -----------------------------------------------------------

    @property
    def read_only(self) -> bool:
        return not self._actor

    def selection_ids(self):
        return self._selection_ids

    def wait_until_painted(self, timeout_ms: int = 30000) -> bool:
        """Spin the event loop until the page has drawn its first payload (screenshots)."""
        from PySide6.QtCore import QDeadlineTimer
        from PySide6.QtTest import QTest

        deadline = QDeadlineTimer(timeout_ms)
        while not self._painted_once and not deadline.hasExpired():
            QTest.qWait(20)
        if self._painted_once:
            QTest.qWait(300)  # let the canvas reach the screen
        return self._painted_once

    def run_js(self, script: str, callback=None) -> None:
        self.view.run_js(script, callback)

    # keyboard (desktop/shortcuts.py): F5 recounts, Ctrl+F the filter box, Ctrl+E the offline HTML
    def refresh(self) -> None:
        self.controller.reload()

    def focus_search(self) -> None:
        self.search_bar.focus_text()

    def export_dialog(self) -> None:
        self.export_html_dialog()

    # ---- wiring -----------------------------------------------------------

    def _connect(self) -> None:
        bridge = self.view.bridge
        bridge.view_changed.connect(self.controller.set_view)
        bridge.layers_changed.connect(self._on_bridge_layers_changed)
        bridge.entity_clicked.connect(self.open_entity)
        bridge.selection_drawn.connect(self._on_bridge_selection_drawn)
        bridge.drawn.connect(self._on_bridge_drawn)
        self.controller.payload_ready.connect(self._on_controller_payload_ready)
        self.controller.failed.connect(self._on_controller_failed)
        self.search_bar.filter_changed.connect(self._on_search_bar_filter_changed)
        self.panel.colour_changed.connect(lambda key, tags: self.controller.set_choice(colour_by=key, colour_tags=tags))
        self.panel.measure_changed.connect(lambda key: self.controller.set_choice(measure=key))
        self.panel.level_changed.connect(lambda level: self.controller.set_choice(level=level))
        self.panel.draw_batch_changed.connect(lambda batch: self.controller.set_choice(draw_batch=batch))
        self.panel.selection_action.connect(self._on_panel_selection_action)
        self.panel.map_action.connect(self._on_panel_map_action)
        self.operations.tags_listed.connect(self._on_operations_tags_listed)
        self.tags_listener = on_changes(self, self.changes, ("tags",), lambda _changes: self.operations.reload_tags())

    def _load_page(self) -> None:
        """Build (or reuse) the page in the UI language and load it; its controls speak that language only."""
        db, tiles, lang = self._db, self._tiles, self._lang
        self._tasks.run(lambda: build_page(db, tiles, lang), on_done=self.view.load_file,
                        on_error=lambda error: self._on_controller_failed("page", error), owner=self)

    def _start(self) -> None:
        db = self._db
        self._load_page()
        self._tasks.run(lambda: load_reference(db), on_done=self._on_reference_loaded,
                        on_error=lambda error: self._on_controller_failed("reference", error), owner=self)
        self._tasks.run(lambda: map_layers.drawn_batches(db), on_done=self.panel.set_batches,
                        on_error=lambda error: _log.warning("drawn batches not listed: %s", error), quiet=True,
                        owner=self)
        self._tasks.run(lambda: city_regions(db), on_done=lambda r: self.panel.set_regions(r.levels, r.surveyed),
                        on_error=lambda error: _log.warning("regions not read: %s", error), quiet=True, owner=self)
        self.controller.start(self)

    def _title(self) -> str:
        ref = self._reference
        if ref is None:
            return ""
        return ref.city_zh if self._lang.startswith("zh") or not ref.city_en else ref.city_en

    def _apply_labels(self) -> None:
        tags = self._reference.tags if self._reference else ()
        self.controller.set_labels(build_labels(tags, lang=self._lang, title=self._title()))

    # ---- slots ------------------------------------------------------------

    def _on_reference_loaded(self, reference: EntityReference) -> None:
        self._reference = reference
        self.search_bar.set_reference(reference, self._lang)
        self.panel.set_tags(reference.tags, self._lang)
        self.tagging.set_tags(reference.tags, self._lang)
        self._apply_labels()

    def _on_operations_tags_listed(self, tags) -> None:
        if self._reference is not None:
            self._on_reference_loaded(self._reference.with_tags(tags))

    def _on_search_bar_filter_changed(self, f: EntityFilter) -> None:
        self.controller.set_filter(f)
        if self._selection is not None:
            self._on_bridge_selection_drawn(self._selection)

    def _on_bridge_drawn(self, info: dict) -> None:
        self._painted_once = True
        self.painted.emit(info)

    def _on_bridge_layers_changed(self, layers: dict) -> None:
        self.controller.set_choice(heat=bool(layers.get("heat")), clues=bool(layers.get("clues")),
                                   themes=bool(layers.get("themes")))

    def _on_controller_payload_ready(self, payload_json: str, payload: dict) -> None:
        self.view.bridge.send(payload_json)
        self.panel.set_counts(payload.get("total", 0), payload.get("visible", 0), payload.get("elapsed_ms"))

    def _on_controller_failed(self, what: str, error: BaseException) -> None:
        titles = {"index": self.tr("The map index could not be prepared"),
                  "page": self.tr("The map page could not be built"),
                  "reference": self.tr("The city's reference data could not be read"),
                  "update": self.tr("The map could not be updated")}
        show_error(self, titles.get(what, self.tr("Map error")), error)

    def _on_bridge_selection_drawn(self, selection: dict) -> None:
        if selection.get("type") in (None, "none") or not selection.get("ring"):
            self._selection, self._selection_ids = None, None
            self.panel.set_selection(None)
            self.selection_changed.emit(-1)
            return
        self._selection = selection
        # A polygon over the market district holds ~700k entities: counted off the GUI thread.
        self._tasks.run(self.controller.selection_job(selection["ring"]),
                        on_done=lambda ids: self._on_selection_counted(selection, ids),
                        on_error=lambda error: self._on_controller_failed("update", error), owner=self)

    def _on_selection_counted(self, selection: dict, ids) -> None:
        if selection is not self._selection:  # drawn again (or cleared) meanwhile
            return
        self._selection_ids = ids
        self.panel.set_selection(len(ids))
        self.selection_changed.emit(len(ids))

    def _on_panel_selection_action(self, key: str) -> None:
        ids = [int(i) for i in (self._selection_ids if self._selection_ids is not None else ())]
        if key == "clear":
            self.view.run_js("tongguan.clearSelection()")
            self._on_bridge_selection_drawn({"type": "none"})
        elif key in ("tag", "untag") and ids:
            self.tagging.start("add" if key == "tag" else "remove", len(ids), lambda use: use(ids),
                               subject=self.tr("the map selection"))
        elif key == "export" and ids:
            self._export_selection(ids)
        elif key == "pool" and ids:
            self._send_to_pool(ids)

    def _on_panel_map_action(self, key: str) -> None:
        {"export_html": self.export_html_dialog, "export_png": self.export_png_dialog,
         "export_geojson": self.export_geojson_dialog,
         "wall": self.push_to_wall_dialog, "tiles": self.tiles_dialog}[key]()

    # ---- actions ----------------------------------------------------------

    def open_entity(self, entity_id: int) -> None:
        """Show the entity's panorama in the Entities workspace (or a window of its own)."""
        if self.navigator.open_entity(entity_id):
            return
        from desktop.entities.panorama_view import (
            PanoramaView,  # a map shown on its own (tests, wall)
        )
        view = PanoramaView(self._db, self._tasks, entity_id, reference=self._reference, lang=self._lang,
                            show_risk=self._show_risk, actor=self._actor, parent=self)
        view.setWindowFlag(Qt.WindowType.Window)
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view.show()

    def show_draw_batch(self, batch_id: int) -> None:
        """Overlay the entities drawn in ``batch_id`` (the list of drawn batches is re-read: it may be new)."""
        db = self._db

        def listed(batches) -> None:
            self.panel.set_batches(batches)
            self.panel.select_batch(batch_id)

        self._tasks.run(lambda: map_layers.drawn_batches(db), on_done=listed,
                        on_error=lambda error: self._on_controller_failed("batches", error), owner=self)

    def _export_selection(self, ids: list[int]) -> None:
        path = ask_export_path(self)
        if path is None:
            return
        search, f, lang, risk = EntitySearch(self._db), EntityFilter(entity_ids=tuple(ids)), self._lang, self._show_risk
        actor = self._actor or None  # the export is audited under the signed-in user
        self._tasks.run_with_progress(
            lambda progress, cancelled: export_entities(search, f, path, lang=lang, include_risk=risk,
                                                        progress=progress, is_cancelled=cancelled, actor=actor),
            title=self.tr("Exporting the selection…"),
            on_done=lambda n: self.message_bar.show_message(
                self.tr("%1 entities written to %2").replace("%1", f"{n:,}").replace("%2", str(path)), kind="success"),
            on_error=lambda error: show_error(self, self.tr("Export failed"), error), parent=self)

    def _send_to_pool(self, ids: list[int]) -> None:
        db, actor = self._db, self._actor

        def chosen(batches) -> None:
            if not batches:
                QMessageBox.information(self, self.tr("Use as draw pool"),
                                        self.tr("There is no draft batch; create one in the draw planner first."))
                return
            batch_id = ask_draft_batch(self, batches, len(ids))
            if batch_id is None:
                return
            source = {"kind": "map_selection", "shape": self._selection, "filter": _filter_dict(self.controller.filter),
                      "display": self.controller.index.columns.display if self.controller.index else "wgs84"}
            self._tasks.run(lambda: draw_pool.set_pool(db, actor, batch_id, ids, source=source),
                            on_done=lambda n: self.message_bar.show_message(
                                self.tr("The draw batch's pool now holds %1 entities.").replace("%1", f"{n:,}"),
                                kind="success"),
                            on_error=lambda error: show_error(self, self.tr("Pool not set"), error), owner=self)

        self._tasks.run(lambda: draw_pool.draft_batches(db), on_done=chosen,
                        on_error=lambda error: show_error(self, self.tr("Pool not set"), error), owner=self)

    def current_view_state(self) -> dict:
        """What a wall (or a later session) needs to show this view again."""
        return {"view": self.controller.view, "filter": _filter_dict(self.controller.filter),
                "choice": asdict(self.controller.choice)}

    def push_to_wall_dialog(self) -> None:
        title = ask_wall_title(self, f"{self._title()} · {dt.datetime.now():%H:%M}")
        if title:
            self.push_to_wall(title)

    def push_to_wall(self, title: str) -> None:
        db, actor, state = self._db, self._actor, self.current_view_state()
        self._tasks.run(lambda: wall.push_view(db, actor, workspace=WORKSPACE_KEY, title=title, view=state),
                        on_done=lambda pushed: self.message_bar.show_message(
                            self.tr("Pushed to the wall: %1").replace("%1", pushed.title), kind="success"),
                        on_error=lambda error: show_error(self, self.tr("Not pushed to the wall"), error), owner=self)

    def export_html_dialog(self) -> None:
        path = self._ask_path(self.tr("Export map as HTML"), "html", self.tr("Web page (*.html)"))
        if path is not None:
            self.export_html(path)

    def export_html(self, path: Path) -> None:
        payload, db, tiles, lang = self.controller.last_payload, self._db, self._tiles, self._lang
        actor = self._actor or None  # the export is audited under the signed-in user
        if payload is None:
            return

        def write() -> Path:
            page = entity_map_of(db, tiles, lang, channel=False, static_payload=payload)
            out = export_standalone_html(page, payload, path)
            if actor:
                record_export(db, actor, "map_html", out, int(payload.get("total", 0)))
            return out

        self._tasks.run(write, on_done=lambda out: self.message_bar.show_message(
            self.tr("Map saved to %1").replace("%1", str(out)), kind="success"),
            on_error=lambda error: show_error(self, self.tr("Export failed"), error), owner=self)

    def export_geojson_dialog(self) -> None:
        path = self._ask_path(self.tr("Export entities as GeoJSON"), "geojson", self.tr("GeoJSON (*.geojson)"))
        if path is not None:
            self.export_geojson(path)

    def export_geojson(self, path: Path) -> None:
        """The drawn selection's entities, else the filter's, as GeoJSON points (audited)."""
        from core.services.geojson_export import export_geojson

        ids = self._selection_ids
        f = EntityFilter(entity_ids=tuple(int(i) for i in ids)) if ids is not None else self.controller.filter
        db, actor, lang = self._db, self._actor, self._lang
        self._tasks.run_with_progress(
            lambda progress, cancelled: export_geojson(db, actor, f, path, lang=lang, progress=progress,
                                                       is_cancelled=cancelled),
            title=self.tr("Exporting GeoJSON…"),
            on_done=lambda n: self.message_bar.show_message(
                self.tr("%1 entities written to %2").replace("%1", f"{n:,}").replace("%2", str(path)), kind="success"),
            on_error=lambda error: show_error(self, self.tr("Export failed"), error), parent=self)

    def export_png_dialog(self) -> None:
        path = self._ask_path(self.tr("Export map as PNG"), "png", self.tr("PNG image (*.png)"))
        if path is not None:
            self.export_png(path)

    def export_png(self, path: Path) -> bool:
        ok = self.view.grab().save(str(path), "PNG")
        if ok:
            self.message_bar.show_message(self.tr("Map saved to %1").replace("%1", str(path)), kind="success")
        else:
            show_error(self, self.tr("Export failed"), OSError(f"cannot write {path}"))
        return ok

    def tiles_dialog(self) -> None:
        from desktop.settings import TILE_SETTINGS
        if self._settings is None:
            return
        settings = self._settings
        dialog = TileDialog({name: settings[setting] for name, setting in TILE_SETTINGS.items()}, self)
        if dialog.exec() == TileDialog.DialogCode.Accepted:
            for name, value in dialog.values().items():
                settings[TILE_SETTINGS[name]] = value
            self.message_bar.show_message(self.tr("The new base map is used the next time the console starts."))

    def _ask_path(self, title: str, suffix: str, kinds: str) -> Path | None:
        docs = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or Path.home())
        default = docs / f"map_{dt.date.today():%Y%m%d}.{suffix}"
        path, _ = QFileDialog.getSaveFileName(self, title, str(default), kinds)
        if not path:
            return None
        path = Path(path)
        return path if path.suffix.lower() == f".{suffix}" else path.with_suffix(f".{suffix}")

    # ---- lifecycle ----------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            lang = current_language(QCoreApplication.instance())
            if lang != self._lang:  # the page's own controls: a page in the new language (a drawn shape goes)
                self._lang = lang
                self._on_bridge_selection_drawn({"type": "none"})
                self._load_page()
            self.search_bar.set_language(self._lang)
            if self._reference is not None:
                self._on_reference_loaded(self._reference)
        super().changeEvent(event)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.controller.stop()
        super().closeEvent(event)


def _filter_dict(f: EntityFilter) -> dict:
    return {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(f).items() if v}
