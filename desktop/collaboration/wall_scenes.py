"""The collaboration graph and the case flow as wall scenes ("collaboration", "flows").

Each scene draws the console's own picture (:class:`.graph_view.GraphView`,
:class:`.flow_view.FlowView`) in the wall's dark theme, every size following the wall's
height (the views are zoomed, :mod:`.zoom`), with nothing to click. It shows this year up to
today; a pushed view ``{"kind": "scene", "scene": "collaboration", "period": {"start": ...,
"end": ...}, "filters": {...}}`` shows its period and filters while the push holds.

The figures are read in the console's worker (``tasks.run``), never on the GUI thread: when
the wall's figures arrive (``apply``) and the scene's are older than :data:`RELOAD_MS`, when a
push names the scene, and after the push ends. Reads need the database and the task
manager: :meth:`CollabWallScene.set_source` hands them in; otherwise the scene takes them
from the wall session of the board it stands on.

    from desktop.collaboration.wall_scenes import register_wall_scenes
    register_wall_scenes()      # desktop.wall.registry.register_scene for both
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, QElapsedTimer, Qt
from PySide6.QtGui import QFontMetrics, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from core.collab import Period
from desktop.wall.scenes.base import WallScene
from desktop.wall.style import WallMetrics, colour

from .flow_view import FlowView
from .graph_view import GraphView
from .words import days_text, escaped, flow_label, node_name, stage_name

RELOAD_MS = 5 * 60_000   # the wall's figures arrive often; a year's graph is read at most this often
ZOOM_AT_1080 = 1.7       # the console's drawing, this many times bigger on a 1080-pixel-high wall
SLOWEST_SHOWN = 6
VIEW_FONT_PX = 14        # the views' text before the zoom
LAYOUT_SEED = 7          # as the console's graph page: the same period gives the same picture
# The shared base's words, in its own context (the scenes inherit the methods that say them).


def default_period(today: dt.date | None = None) -> Period:
    """This year up to today (Beijing)."""
    from core.collab.scope import local_today

    today = today or local_today()
    return Period(dt.date(today.year, 1, 1), today)


def period_of_view(view: Any) -> Period | None:
    """The period a pushed view names (``{"period": {"start", "end"}}``), None when it names none."""
    try:
        period = view.get("period") or {}
        return Period(dt.date.fromisoformat(period["start"]), dt.date.fromisoformat(period["end"]))
    except (AttributeError, KeyError, TypeError, ValueError):
        return None


def wall_palette(widget: QWidget) -> QPalette:
    """``widget``'s palette in the wall's colours (the views take text and fills from it)."""
    palette = QPalette(widget.palette())
    for role, token in ((QPalette.ColorRole.Window, "ground"), (QPalette.ColorRole.Base, "ground"),
                        (QPalette.ColorRole.Text, "text"), (QPalette.ColorRole.WindowText, "text"),
                        (QPalette.ColorRole.Highlight, "accent"), (QPalette.ColorRole.PlaceholderText, "muted")):
        palette.setColor(role, colour(token))
    return palette


class CollabWallScene(WallScene):
    """What both scenes share: the source of their figures, the period shown, the reloads."""

    def __init__(self, parent: QWidget | None = None, *, db=None, tasks=None) -> None:
        super().__init__(parent)
        self._db, self._tasks = db, tasks
        self._session = None
        self.period: Period | None = None     # None: the default period, worked out at each read
        self.filters: dict = {}
        self.data: Any = None
        self.shown_period: Period | None = None
        self._pushed = False
        self._generation = 0
        self._loaded = QElapsedTimer()

    # -- where the figures come from ----------------------------------------------------------
    def set_source(self, db, tasks) -> None:
        """Read from ``db`` through ``tasks`` (a desktop.tasks.TaskManager)."""
        self._db, self._tasks = db, tasks

    def _find_source(self) -> bool:
        if self._db is not None and self._tasks is not None:
            return True
        widget = self.parentWidget()
        while widget is not None and getattr(widget, "session", None) is None:
            widget = widget.parentWidget()
        session = getattr(widget, "session", None) if widget is not None else None
        controller = getattr(session, "controller", None)
        if controller is None:
            return False
        db = getattr(controller, "db", None) or getattr(controller, "_db", None)
        tasks = getattr(controller, "tasks", None) or getattr(controller, "_tasks", None)
        if db is None or tasks is None:
            return False
        self._db, self._tasks = db, tasks
        self._follow(session)
        return True

    def _follow(self, session) -> None:
        if self._session is session:
            return
        self._session = session
        session.push_shown.connect(self._on_push_shown)
        session.playlist.push_ended.connect(self._on_push_ended)

    # -- what to show -------------------------------------------------------------------------
    def apply(self, figures: Any) -> None:
        """The wall's figures arrived: read ours again when they are old (or never read)."""
        super().apply(figures)
        if self._find_source() and (not self._loaded.isValid() or self._loaded.hasExpired(RELOAD_MS)):
            self.reload()

    def show_view(self, view: Any) -> None:
        """Show what a pushed view names: its period (else the default) and its filters."""
        self.period = period_of_view(view)
        filters = view.get("filters") if isinstance(view, dict) else None
        self.filters = dict(filters) if isinstance(filters, dict) else {}
        self.reload()

    def show_default(self) -> None:
        """Back to this year with no filters."""
        self.period, self.filters = None, {}
        self.reload()

    def _on_push_shown(self, item) -> None:
        if getattr(item, "kind", None) == "scene" and getattr(item, "scene", None) == self.scene_name:
            self._pushed = True
            self.show_view(getattr(item.push, "view", None) or {})

    def _on_push_ended(self) -> None:
        if self._pushed:
            self._pushed = False
            self.show_default()

    def reload(self) -> None:
        """Read the figures of the period in the worker; the newest read wins."""
        if not self._find_source():
            return
        self._generation += 1
        generation, db, filters = self._generation, self._db, dict(self.filters)
        period = self.period or default_period()
        self._loaded.start()
        loading = QCoreApplication.translate("CollabWallScene", "Loading…")
        self.note_label.setText(loading if self.data is None else self.note_label.text())
        self._tasks.run(lambda: (period, self.read(db, period, filters)), quiet=True, owner=self,
                        on_done=lambda result: self._on_read(generation, *result),
                        on_error=lambda error: self._on_failed(generation, error))

    def _on_read(self, generation: int, period: Period, data: Any) -> None:
        if generation == self._generation:
            self.show_data(data, period)

    def _on_failed(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            first = str(error).splitlines()[0] if str(error) else type(error).__name__
            self.note_label.setText(QCoreApplication.translate("CollabWallScene", "Figures not read: %1").replace("%1", first))

    def show_now(self, db, view: Any = None) -> None:
        """Read and show at once, on this thread: for a headless snapshot of the wall (which
        has no session to read through), never for a wall that is running."""
        self.period = period_of_view(view or {})
        filters = view.get("filters") if isinstance(view, dict) else None
        self.filters = dict(filters) if isinstance(filters, dict) else {}
        period = self.period or default_period()
        self.show_data(self.read(db, period, self.filters), period)

    def show_data(self, data: Any, period: Period) -> None:
        """Show ``data`` (what :meth:`read` returned) for ``period``; tests hand it in too."""
        self.data, self.shown_period = data, period
        self.note_label.setText(QCoreApplication.translate("CollabWallScene", "%1 to %2").replace("%1", period.start.isoformat())
                                .replace("%2", period.end.isoformat()))
        self.draw()

    # -- for the subclasses ------------------------------------------------------------------
    @staticmethod
    def read(db, period: Period, filters: dict) -> Any:  # worker thread: no widgets here
        raise NotImplementedError

    def draw(self) -> None:
        raise NotImplementedError

    def _quiet_view(self, view) -> None:
        view.setInteractive(False)
        view.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        view.setPalette(wall_palette(view))
        # The console's text size (the wall sheet's would be zoomed once more): the zoom makes it big.
        view.setStyleSheet(f"font-size: {VIEW_FONT_PX}px;")

    def rescale(self, metrics: WallMetrics) -> None:
        super().rescale(metrics)
        self.zoom_views(metrics)

    def zoom_views(self, metrics: WallMetrics) -> None:
        raise NotImplementedError

    def lang(self) -> str:
        from desktop.wall.scenes.widgets import is_english

        return "en" if is_english() else "zh_CN"


class CollaborationScene(CollabWallScene):
    """The collaboration graph, with the slowest hand-overs beside it."""

    scene_name = "collaboration"

    def __init__(self, parent: QWidget | None = None, *, db=None, tasks=None) -> None:
        super().__init__(parent, db=db, tasks=tasks)
        self.view = GraphView(self)
        self._quiet_view(self.view)
        self.slowest_caption = QLabel(objectName="tileLabel")
        self.slowest_list = QLabel(objectName="tileLabel")
        for label in (self.slowest_caption, self.slowest_list):  # the column's share, not its words, sets its width
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.slowest_list.setTextFormat(Qt.TextFormat.RichText)
        self.slowest_list.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        side = QVBoxLayout()
        side.addWidget(self.slowest_caption)
        side.addWidget(self.slowest_list, 1)
        self._row = QHBoxLayout()
        self._row.addWidget(self.view, 3)
        self._row.addLayout(side, 1)
        self.body.addLayout(self._row, 1)
        self.retranslate_ui()

    def title(self) -> str:
        return self.tr("How departments work together")

    @staticmethod
    def read(db, period: Period, filters: dict):
        from core.collab import EDGE_KINDS, build_graph

        kinds = tuple(k for k in filters.get("kinds") or EDGE_KINDS if k in EDGE_KINDS) or EDGE_KINDS
        graph = build_graph(db, period, kinds=kinds, villages=bool(filters.get("villages")))
        return graph, graph.layout(LAYOUT_SEED)

    def zoom_views(self, metrics: WallMetrics) -> None:
        self._row.setSpacing(metrics.px(48))
        self.view.set_zoom(ZOOM_AT_1080 * metrics.unit)

    def draw(self) -> None:
        if self.data is None:
            return
        graph, positions = self.data
        lang = self.lang()
        self.view.show_graph(graph, positions, lang)
        self._fill_slowest()

    def _fill_slowest(self) -> None:
        """Each slow hand-over on two lines, elided to the column: who receives it, then from
        whom and its median."""
        graph = self.data[0] if self.data is not None else None
        edges = graph.slowest_edges(SLOWEST_SHOWN, min_count=3) if graph is not None else []
        if not edges:
            self.slowest_list.setText(escaped(self.tr("No figures for this period yet.")))
            return
        lang = self.lang()
        names = {n.key: node_name(n, lang) for n in graph.nodes}
        self.slowest_list.ensurePolished()
        fm = QFontMetrics(self.slowest_list.font())
        room = max(self.metrics.px(120), self.slowest_list.width() or self.width() // 4)
        small = self.metrics.sizes()["small"]
        rows = []
        for e in edges:
            target = fm.elidedText(names.get(e.target, e.target), Qt.TextElideMode.ElideRight, room)
            source = self.tr("from %1").replace("%1", names.get(e.source, e.source))
            line = f"{source} · {days_text(e.median_days)}"
            rows.append(f"<p style='margin-bottom:{self.metrics.px(14)}px'>{escaped(target)}<br>"
                        f"<span style='font-size:{small}px; color:{colour('muted').name()}'>"
                        f"{escaped(fm.elidedText(line, Qt.TextElideMode.ElideMiddle, room * 4 // 3))}</span></p>")
        self.slowest_list.setText(f"<div style='color:{colour('text').name()}'>{''.join(rows)}</div>")

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fill_slowest()

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.slowest_caption.setText(self.tr("Slowest hand-overs (median)"))
        self.draw()


class FlowsScene(CollabWallScene):
    """The case flow, with where time is lost most."""

    scene_name = "flows"

    def __init__(self, parent: QWidget | None = None, *, db=None, tasks=None) -> None:
        super().__init__(parent, db=db, tasks=tasks)
        self.view = FlowView(self)
        self._quiet_view(self.view)
        self.slowest_label = QLabel(objectName="tileLabel", wordWrap=True)
        self.body.addWidget(self.view, 1)
        self.body.addWidget(self.slowest_label)
        self.retranslate_ui()

    def title(self) -> str:
        return self.tr("Case flows: where time is lost")

    @staticmethod
    def read(db, period: Period, filters: dict):
        from sqlalchemy import select

        from core.collab import build_flow
        from core.db.models import Department

        chosen = {k: filters.get(k) for k in ("source", "matter", "town", "department") if filters.get(k) is not None}
        flow = build_flow(db, period, **chosen)
        with db.sessions() as s:
            names = {d: (zh, en) for d, zh, en in s.execute(select(Department.id, Department.name_zh,
                                                                    Department.name_en))}
        return flow, names

    def zoom_views(self, metrics: WallMetrics) -> None:
        self.view.set_zoom(ZOOM_AT_1080 * metrics.unit)

    def _names(self) -> dict[int, str]:
        english = self.lang() == "en"
        return {d: (en or zh) if english else zh for d, (zh, en) in (self.data[1] if self.data else {}).items()}

    def draw(self) -> None:
        if self.data is None:
            return
        flow, _ = self.data
        lang, names = self.lang(), self._names()
        headers = [self.tr("Source"), self.tr("Routed to"), self.tr("Transferred to"), self.tr("Outcome")]
        self.view.show_flow(flow.bands, lambda key: flow_label(key, lang, names), headers)
        slowest = flow.slowest_stage()
        if slowest is None:
            self.slowest_label.setText(self.tr("No figures for this period yet."))
        else:
            who = self.tr("all departments") if slowest.department_id is None else names.get(slowest.department_id, "")
            self.slowest_label.setText(self.tr("Time is lost most at: %1, %2 (median %3).")
                                       .replace("%1", stage_name(slowest.stage)).replace("%2", who)
                                       .replace("%3", days_text(slowest.median_days)))

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.draw()


def register_wall_scenes() -> None:
    """Give the wall its "collaboration" and "flows" scenes (desktop.wall.registry)."""
    from desktop.wall.registry import register_scene

    register_scene(CollaborationScene.scene_name, CollaborationScene)
    register_scene(FlowsScene.scene_name, FlowsScene)
