"""What a wall shows: a header (title, push banner, clock), the scenes, and a status line.

A :class:`WallBoard` follows one :class:`~desktop.wall.session.WallSession`: the wall
window is a board full screen, the control page's preview a small one. Every size comes
from the board's height (desktop.wall.style), so the same board reads well from 1920x1080
to 7680x2160. Scenes are built once; figures update them in place.
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLayout, QSizePolicy, QStackedWidget, QVBoxLayout, QWidget

from .registry import create_scene, scene_names
from .scenes.map import regions_from_geojson
from .scenes.push_card import PushCardScene
from .scenes.widgets import in_language
from .session import PUSH_SCENE
from .style import WallMetrics, wall_stylesheet

# Explicit context: WallWindow inherits these methods, and its own context would miss them.
translate = QCoreApplication.translate


class WallBoard(QWidget):
    """The scenes of ``session`` with their header; ``session`` None: figures applied by hand."""

    def __init__(self, session=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("wallRoot")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.session = session
        self._metrics: WallMetrics | None = None
        self._online, self._problem = True, ""
        self.title_label = QLabel(objectName="wallTitle")
        self.banner = QLabel(objectName="wallPush")
        self.status_label = QLabel(objectName="wallStatus")
        self.clock_label = QLabel(objectName="wallClock")
        header = QWidget(objectName="wallHeader")
        header.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._header_layout = QHBoxLayout(header)
        self._header_layout.addWidget(self.title_label, 1)
        self._header_layout.addWidget(self.banner)
        self._header_layout.addWidget(self.clock_label)
        self.stack = QStackedWidget()
        self.scenes: dict[str, QWidget] = {}
        for name in scene_names():
            self._add_scene(name, create_scene(name, self.stack))
        self.push_card = PushCardScene(self.stack)
        self._add_scene(PUSH_SCENE, self.push_card)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        layout.addWidget(header)
        layout.addWidget(self.stack, 1)
        # "Reconnecting…" across the foot of the wall: seen, and never in the way of the figures.
        self.status_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.status_label)
        self.banner.hide()
        self._clock = QTimer(self, interval=1000)
        self._clock.timeout.connect(self._tick)
        self._clock.start()
        self._tick()
        if session is not None:
            self._follow(session)
        self.rescale(WallMetrics(max(240, self.height())))
        self.retranslate_ui()

    def _add_scene(self, name: str, scene: QWidget) -> None:
        # A scene fits the wall it is given: its own wishes never make the board grow.
        scene.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.scenes[name] = scene
        self.stack.addWidget(scene)

    def _follow(self, session) -> None:
        c, p = session.controller, session.playlist
        c.figures_changed.connect(self.apply)
        c.online_changed.connect(self._on_online_changed)
        c.failed.connect(self._on_controller_failed)
        c.ceremony_ready.connect(self._on_ceremony_ready)
        p.scene_changed.connect(self.show_scene)
        p.push_started.connect(self.show_push)
        p.push_ended.connect(self._on_push_ended)
        if c.figures is not None:
            self.apply(c.figures)
        self.show_scene(p.current())
        if session.last_push is not None and p.pushing:
            self.show_push(session.last_push)
        self._online = c.online

    # ---- what shows ---------------------------------------------------------------------

    def current_scene(self) -> str:
        for name, scene in self.scenes.items():
            if scene is self.stack.currentWidget():
                return name
        return ""

    def show_scene(self, name: str) -> None:
        scene = self.scenes.get(name)
        if scene is not None and scene is not self.stack.currentWidget():
            self.stack.setCurrentWidget(scene)

    def apply(self, figures) -> None:
        """Show ``figures`` in every scene (in place) and the city in the title."""
        self._figures = figures
        for scene in self.scenes.values():
            if scene is not self.push_card:
                scene.apply(figures)
        self.retranslate_ui()
        self._problem = ""
        self._show_status()

    def set_regions(self, collection) -> None:
        """Town polygons (maps.regions.town_regions' GeoJSON) for the map scene."""
        self.scenes["map"].set_regions(regions_from_geojson(collection))

    def show_push(self, item) -> None:
        """Show what a push carries: the card of an entity, clue or case, a map view, a draw."""
        if item is None:
            return
        if item.kind in ("entity", "clue", "case"):
            self.push_card.show_item(item)
        elif item.kind == "map":
            town = item.push.view.get("town") if isinstance(item.push.view, dict) else None
            self.scenes["map"].map.highlight = town or ""
            self.scenes["map"].map.update()
        text = translate("WallBoard", "Pushed: %1").replace("%1", item.push.title)
        # A long title is cut short: the clock and the city's name keep their place.
        width = int(self.width() * 0.6)
        self.banner.setText(self.banner.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, width))
        self.banner.setToolTip(text)
        self.banner.show()
        self.retranslate_ui()  # the title makes room for the banner

    def _on_push_ended(self) -> None:
        self.banner.hide()
        self.retranslate_ui()
        self.scenes["map"].map.highlight = ""
        self.scenes["map"].map.update()

    def _on_ceremony_ready(self, batch_id, data) -> None:
        push = self.session.last_push if self.session is not None else None
        pushed = push is not None and push.kind == "batch" and push.object_id == batch_id
        self.scenes["draw"].set_ceremony(batch_id, data, pushed=pushed)

    # ---- status and clock -------------------------------------------------------------

    def _on_online_changed(self, online: bool) -> None:
        self._online = online
        self._show_status()

    def _on_controller_failed(self, message: str) -> None:
        self._problem = message
        self._show_status()

    def status_text(self) -> str:
        return self.status_label.text()

    def _show_status(self) -> None:
        if not self._online:
            text = translate("WallBoard", "Reconnecting to the database…")
        elif self._problem:
            text = translate("WallBoard", "Figures not updated: %1").replace("%1", self._problem)
        else:
            text = ""
        self.status_label.setText(text)
        self.status_label.setVisible(bool(text))

    def _tick(self) -> None:
        text = dt.datetime.now().strftime("%Y-%m-%d %H:%M")
        if self.clock_label.text() != text:
            self.clock_label.setText(text)

    # ---- size and language --------------------------------------------------------------

    def rescale(self, metrics: WallMetrics) -> None:
        if metrics == self._metrics:
            return
        self._metrics = metrics
        self.setStyleSheet(wall_stylesheet(metrics))
        sizes = metrics.sizes()
        self._header_layout.setContentsMargins(sizes["margin"], sizes["pad"], sizes["margin"], sizes["pad"])
        self._header_layout.setSpacing(sizes["gap"] * 2)
        for scene in self.scenes.values():
            if hasattr(scene, "rescale"):
                scene.rescale(metrics)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.rescale(WallMetrics(max(240, self.height())))

    def retranslate_ui(self) -> None:
        figures = getattr(self, "_figures", None)
        city = in_language(figures.overview.city_zh, figures.overview.city_en) if figures is not None else ""
        title = translate("WallBoard", "Market Supervision Command Center")
        if self.banner.isVisibleTo(self) and city:
            self.title_label.setText(city)  # a push banner needs the room more than the title
        else:
            self.title_label.setText(f"{city} · {title}" if city else title)
        self._show_status()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "push_card"):
            self.retranslate_ui()
        super().changeEvent(event)
