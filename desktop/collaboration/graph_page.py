"""The collaboration graph tab: kind filters, the graph with its legend, the measures, and
the items behind what was clicked. All database work runs in the task manager's workers;
an answer that arrives after a newer request was made is dropped."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from core.collab import EDGE_KINDS, Period, build_graph, items_behind, open_targets
from desktop.tasks import TaskManager

from .graph_view import GraphView
from .items_panel import ItemsPanel
from .measures_panel import MeasuresPanel
from .scale import OVERDUE_SHARE, ScaleLegend
from .words import kind_name, node_name
from .period_loading import PeriodLoading

LAYOUT_SEED = 7
RIGHT_MIN_W = 320  # the measures and items stay readable beside a wide graph


class GraphPage(PeriodLoading, QWidget):
    """``loaded`` is emitted when a graph is on show, ``items_shown(n)`` when a click's
    items are listed."""

    loaded = Signal()
    items_shown = Signal(int)

    def __init__(self, db, tasks: TaskManager, viewer: str | None, lang: str, *, navigator=None,
                 on_error: Callable[[BaseException], None] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("collabGraphPage")
        self._db, self._tasks, self._viewer, self.lang = db, tasks, viewer, lang
        self._on_error = on_error
        self.period: Period | None = None
        self.graph = None
        self.positions: dict[str, tuple[float, float]] = {}
        self._generation = 0
        self._clicked: tuple[str, object] | None = None  # ("node", key) or ("edge", (source, target))

        self.kind_label = QLabel()
        self.kind_boxes: dict[str, QCheckBox] = {}
        kinds_bar = QHBoxLayout()
        kinds_bar.addWidget(self.kind_label)
        for kind in EDGE_KINDS:
            box = QCheckBox(objectName=f"collabKind_{kind}", checked=True)
            box.toggled.connect(self._on_filter_changed)
            self.kind_boxes[kind] = box
            kinds_bar.addWidget(box)
        self.villages_box = QCheckBox(objectName="collabVillages")
        self.villages_box.toggled.connect(self._on_filter_changed)
        kinds_bar.addSpacing(12)
        kinds_bar.addWidget(self.villages_box)
        kinds_bar.addStretch(1)
        kinds_bar.setContentsMargins(0, 0, 0, 0)
        # the boxes scroll sideways on a narrow screen instead of widening the window
        kinds_row = QWidget(objectName="collabKindsRow")
        kinds_row.setLayout(kinds_bar)
        self.kinds_area = QScrollArea(objectName="collabKindsArea", widgetResizable=True)
        self.kinds_area.setWidget(kinds_row)
        self.kinds_area.setFrameShape(QFrame.Shape.NoFrame)
        self.kinds_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.kinds_area.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        # room for the scroll bar below the boxes, which shows when they do not fit
        self.kinds_area.setFixedHeight(kinds_row.sizeHint().height()
                                       + self.kinds_area.horizontalScrollBar().sizeHint().height() + 2)

        self.view = GraphView()
        self.caption = QLabel(objectName="collabGraphCaption")
        # captions take the room the legend leaves and never widen the window (tooltips keep them whole)
        self.caption.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.legend = ScaleLegend(OVERDUE_SHARE)
        legend_bar = QHBoxLayout()
        legend_bar.addWidget(self.caption, 1)
        legend_bar.addSpacing(12)
        legend_bar.addWidget(self.legend)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.view, 1)
        left_layout.addLayout(legend_bar)

        self.measures = MeasuresPanel()
        self.items = ItemsPanel(navigator)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.measures)
        right.addWidget(self.items)
        right.setSizes([300, 300])
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        right.setMinimumWidth(RIGHT_MIN_W)
        self.splitter.setSizes([900, 480])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.kinds_area)
        layout.addWidget(self.splitter, 1)

        self.view.node_clicked.connect(self._on_view_node_clicked)
        self.view.edge_clicked.connect(self._on_view_edge_clicked)
        self.measures.node_chosen.connect(self._on_measure_node)
        self.measures.edge_chosen.connect(self._on_measure_edge)
        self.retranslate_ui()

    # -- the filters ---------------------------------------------------------------------
    def kinds(self) -> tuple[str, ...]:
        return tuple(k for k, box in self.kind_boxes.items() if box.isChecked())

    def villages(self) -> bool:
        return self.villages_box.isChecked()

    def set_filters(self, kinds: tuple[str, ...] | None = None, villages: bool | None = None) -> None:
        """Set the kind boxes and the villages option without a reload per box."""
        for box in (*self.kind_boxes.values(), self.villages_box):
            box.blockSignals(True)
        if kinds is not None:
            for kind, box in self.kind_boxes.items():
                box.setChecked(kind in kinds)
        if villages is not None:
            self.villages_box.setChecked(villages)
        for box in (*self.kind_boxes.values(), self.villages_box):
            box.blockSignals(False)

    def as_view(self) -> dict:
        return {"kinds": list(self.kinds()), "villages": self.villages()}

    # -- loading -------------------------------------------------------------------------
    def load(self, period: Period) -> None:
        """Build the graph of ``period`` with the chosen filters, in a worker."""
        kinds, villages = self.kinds(), self.villages()
        db, viewer = self._db, self._viewer
        self.caption.setText(self.tr("Loading…"))

        def work():
            graph = build_graph(db, period, kinds=kinds, villages=villages, viewer=viewer)
            return graph, graph.layout(LAYOUT_SEED)

        self._run_load(period, work)

    def show_graph(self, graph, positions) -> None:
        """Show an already built graph (the loader's answer; tests hand one in)."""
        clicked = self._clicked
        self.graph, self.positions = graph, positions
        self.view.show_graph(graph, positions, self.lang)
        self.measures.show_graph(graph, self.lang)
        self._clicked = None
        self.items.clear_items()
        self._update_caption()
        self.loaded.emit()
        # a refresh keeps what was clicked when it is still there, and lists it anew
        if clicked is not None and clicked[0] == "node" and clicked[1] in self.view.nodes:
            self.view.choose_node(clicked[1])
        elif clicked is not None and clicked[0] == "edge" and clicked[1] in self.view.edges:
            self.view.choose_edge(*clicked[1])

    def _show_result(self, graph, positions) -> None:
        self.show_graph(graph, positions)

    def _failed_text(self) -> str:
        return self.tr("The graph could not be built.")

    # -- clicks --------------------------------------------------------------------------
    def _on_measure_node(self, key: str) -> None:
        if key in self.view.nodes:
            self.view.choose_node(key)

    def _on_measure_edge(self, source: str, target: str) -> None:
        if (source, target) in self.view.edges:
            self.view.choose_edge(source, target)

    def _on_view_node_clicked(self, key: str) -> None:
        self._clicked = ("node", key)
        self._list_items(node=key)

    def _on_view_edge_clicked(self, source: str, target: str) -> None:
        self._clicked = ("edge", (source, target))
        self._list_items(edge=(source, target))

    def _list_items(self, *, node: str | None = None, edge: tuple[str, str] | None = None) -> None:
        if self.period is None:
            return
        period, kinds, villages, db, viewer = self.period, self.kinds(), self.villages(), self._db, self._viewer
        clicked = self._clicked
        self.items.show_items(self._clicked_title(), [])
        self.items.title.setText(self.tr("Loading…"))
        def work():
            items = items_behind(db, period, node=node, edge=edge, kinds=kinds, villages=villages, viewer=viewer)
            return items, open_targets(db, items)

        self._tasks.run(work, on_done=lambda result: self._on_items(clicked, *result),
                        on_error=self._on_error, owner=self)

    def _on_items(self, clicked, items, targets) -> None:
        if clicked != self._clicked:
            return  # another click came since
        self.items.show_items(self._clicked_title(), items, total=self._clicked_volume(), targets=targets)
        self.items_shown.emit(len(items))

    def _clicked_volume(self) -> int | None:
        """How many items stand behind the clicked node or edge (the list holds the newest)."""
        if self._clicked is None or self.graph is None:
            return None
        what, key = self._clicked
        found = self.graph.node(key) if what == "node" else self.graph.edge(*key)
        return found.volume if found is not None else None

    def _clicked_title(self) -> str:
        if self._clicked is None or self.graph is None:
            return ""
        names = {n.key: node_name(n, self.lang) for n in self.graph.nodes}
        what, key = self._clicked
        if what == "node":
            return names.get(key, key)
        return f"{names.get(key[0], key[0])} → {names.get(key[1], key[1])}"

    # -- words ---------------------------------------------------------------------------
    def _update_caption(self) -> None:
        if self.graph is None:
            text = ""
        elif not self.graph.nodes:
            text = self.tr("No hand-overs of the chosen kinds in this period.")
        else:
            text = " ".join((
                self.tr("%1 nodes, %2 edges; hover for figures, click for the items behind.")
                .replace("%1", str(len(self.graph.nodes))).replace("%2", str(len(self.graph.edges))),
                self.tr("Size and width: volume; grey: not timed")))
        self.caption.setText(text)
        self.caption.setToolTip(text)

    def retranslate_ui(self) -> None:
        self.kind_label.setText(self.tr("Kinds:"))
        for kind, box in self.kind_boxes.items():
            box.setText(kind_name(kind))
        self.villages_box.setText(self.tr("Villages instead of towns"))
        self.legend.set_texts(self.tr("Overdue:"), self.tr("on time"), self.tr("late"))
        self._update_caption()

    def set_language(self, lang: str) -> None:
        """Redraw names in ``lang`` (the workspace calls this on a language switch)."""
        self.lang = lang
        if self.graph is not None:
            self.view.show_graph(self.graph, self.positions, lang)
            self.measures.show_graph(self.graph, lang)
            if self._clicked is not None:
                self.items.show_items(self._clicked_title(), self.items.items)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
