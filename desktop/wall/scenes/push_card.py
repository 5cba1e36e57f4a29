"""The card a push shows: an entity, a clue or a case (core.services.wall.PushedItem)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QWidget

from .base import WallScene
from .feed import local_time
from .widgets import in_language

MAX_FACTS = 10


class PushCardScene(WallScene):
    """A pushed item's heading and facts, big, with who pushed it and when."""

    scene_name = "push"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = None
        self.card = QFrame(objectName="card")
        self.heading = QLabel(objectName="cardTitle", wordWrap=True)
        grid = QGridLayout(self.card)
        grid.addWidget(self.heading, 0, 0, 1, 2)
        # The fact rows exist from the start; a new push only changes their texts.
        self.fact_labels = []
        for row in range(MAX_FACTS):
            label, value = QLabel(objectName="cardLabel"), QLabel(objectName="cardBody", wordWrap=True)
            grid.addWidget(label, row + 1, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(value, row + 1, 1, Qt.AlignmentFlag.AlignTop)
            self.fact_labels.append((label, value))
        grid.setColumnStretch(1, 1)
        self._grid = grid
        grid.setRowStretch(MAX_FACTS + 1, 1)
        self.body.addWidget(self.card, 1)
        self.retranslate_ui()

    def rescale(self, metrics) -> None:
        super().rescale(metrics)
        self._grid.setVerticalSpacing(metrics.px(14))

    def title(self) -> str:
        return self.tr("Pushed to the wall")

    def show_item(self, item) -> None:
        """Show ``item`` (a PushedItem)."""
        self.item = item
        self._fill()

    def _fill(self) -> None:
        item = self.item
        if item is None:
            self.heading.setText(self.tr("Nothing pushed yet"))
            for label, value in self.fact_labels:
                label.hide()
                value.hide()
            return
        heading = in_language(item.heading_zh, item.heading_en)
        if not item.found:
            heading = self.tr("%1 (no longer in the database)").replace("%1", heading)
        self.heading.setText(heading)
        facts = tuple(item.facts)[:MAX_FACTS]
        for row, (label, value) in enumerate(self.fact_labels):
            shown = row < len(facts)
            label.setVisible(shown)
            value.setVisible(shown)
            if shown:
                label.setText(in_language(facts[row].label_zh, facts[row].label_en))
                value.setText(in_language(facts[row].value_zh, facts[row].value_en))
        push = item.push
        # The wall shows no person's name (core.services.wall_figures): the title and the time.
        self.note_label.setText(self.tr("%1 · pushed at %2").replace("%1", push.title)
                                .replace("%2", local_time(push.pushed_at)))

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self._fill()
