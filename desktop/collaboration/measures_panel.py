"""The graph's measures, in words: the busiest nodes, the central ones, the slowest edges,
the departments that send on much of what they receive, and the communities.

Each row names a node or an edge; choosing it emits ``node_chosen(key)`` or
``edge_chosen(source, target)``, so the graph marks it and lists its items.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from .words import days_text, node_name, percent_text

TOP = 8
_NODE, _EDGE = Qt.ItemDataRole.UserRole, Qt.ItemDataRole.UserRole + 1


class MeasuresPanel(QWidget):
    """A tree of five groups of two columns (who, figure); see the module docstring."""

    node_chosen = Signal(str)
    edge_chosen = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("collabMeasures")
        self.graph = None
        self.lang = "zh_CN"
        self.tree = QTreeWidget(objectName="collabMeasuresTree")
        self.tree.setColumnCount(2)
        self.tree.setRootIsDecorated(False)
        self.tree.setIndentation(10)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemClicked.connect(self._on_tree_clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)
        self.retranslate_ui()

    def show_graph(self, graph, lang: str) -> None:
        self.graph, self.lang = graph, lang
        self._fill()

    def group_texts(self) -> list[str]:
        return [self.tree.topLevelItem(i).text(0) for i in range(self.tree.topLevelItemCount())]

    def rows_of(self, group: int) -> list[tuple[str, str]]:
        top = self.tree.topLevelItem(group)
        return [(top.child(i).text(0), top.child(i).text(1)) for i in range(top.childCount())]

    # -- filling -------------------------------------------------------------------------
    def _fill(self) -> None:
        self.tree.clear()
        graph = self.graph
        if graph is None:
            return
        names = {n.key: node_name(n, self.lang) for n in graph.nodes}

        def name(key: str) -> str:
            return names.get(key, key)

        busiest = sorted(graph.nodes, key=lambda n: (-n.volume, n.key))[:TOP]
        self._group(self.tr("Busiest"), [(name(n.key), f"{n.volume:,}", n.key, None) for n in busiest])
        central = sorted((n for n in graph.nodes if n.betweenness > 0), key=lambda n: (-n.betweenness, n.key))[:TOP]
        self._group(self.tr("Most central (betweenness)"),
                    [(name(n.key), f"{n.betweenness:.3f}", n.key, None) for n in central])
        slow = graph.slowest_edges(TOP)
        self._group(self.tr("Slowest hand-overs (median)"),
                    [(f"{name(e.source)} → {name(e.target)}", days_text(e.median_days), None, (e.source, e.target))
                     for e in slow])
        forwarders = graph.forwarders()[:TOP]
        self._group(self.tr("Sending on what they receive"),
                    [(name(key), self.tr("%1 of %2 (%3)").replace("%1", f"{sent:,}").replace("%2", f"{got:,}")
                      .replace("%3", percent_text(share)), key, None)
                     for key, got, sent, share in forwarders if sent > 0])
        rows = []
        for i, group in enumerate(graph.communities()):
            members = sorted(group, key=name)
            rows.append(("、".join(name(k) for k in members) if self.lang.startswith("zh")
                         else ", ".join(name(k) for k in members),
                         self.tr("Community %1").replace("%1", str(i + 1)), members[0], None))
        self._group(self.tr("Communities (often at the same entities)"), rows)
        self.tree.expandAll()

    def _group(self, title: str, rows: list[tuple[str, str, str | None, tuple[str, str] | None]]) -> None:
        top = QTreeWidgetItem([title, ""])
        font = top.font(0)
        font.setBold(True)
        top.setFont(0, font)
        top.setFirstColumnSpanned(False)
        top.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.tree.addTopLevelItem(top)
        if not rows:
            empty = QTreeWidgetItem([self.tr("none in this period"), ""])
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            top.addChild(empty)
        for text, figure, node, edge in rows:
            child = QTreeWidgetItem([text, figure])
            child.setToolTip(0, text)
            child.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            child.setData(0, _NODE, node)
            child.setData(0, _EDGE, edge)
            top.addChild(child)

    def _on_tree_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        edge = item.data(0, _EDGE)
        node = item.data(0, _NODE)
        if edge:
            self.edge_chosen.emit(edge[0], edge[1])
        elif node:
            self.node_chosen.emit(node)

    def retranslate_ui(self) -> None:
        self.tree.setHeaderLabels([self.tr("Measure"), self.tr("Figure")])
        self._fill()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
