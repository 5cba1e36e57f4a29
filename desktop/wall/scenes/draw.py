"""The draw ceremony on the wall: the picks of today's draw appearing one by one
(desktop.draws' CeremonyView), the next locked draw's card, or a calm "no draw today"."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QListView, QStackedLayout, QVBoxLayout, QWidget

from desktop.draws.ceremony import CeremonyData, CeremonyView

from .base import WallScene
from .widgets import count_text, in_language

CALM, CARD, CEREMONY = 0, 1, 2


class DrawScene(WallScene):
    """``apply`` shows ``figures.next_draw``; ``set_ceremony`` the picks once they are read."""

    scene_name = "draw"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.calm = QLabel(objectName="calmCard", alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.card = QFrame(objectName="card")
        self.card_title = QLabel(objectName="cardTitle", wordWrap=True)
        self.card_body = QLabel(objectName="cardBody", wordWrap=True)
        self.card_body.setTextFormat(Qt.TextFormat.PlainText)
        card_layout = QVBoxLayout(self.card)
        card_layout.addWidget(self.card_title)
        card_layout.addWidget(self.card_body, 1, Qt.AlignmentFlag.AlignTop)
        self.card_body.setObjectName("cardBody")
        self.ceremony = CeremonyView(self)
        for button in (self.ceremony.skip_button, self.ceremony.replay_button):
            button.hide()  # nobody clicks on a wall
        picks = self.ceremony.picks
        picks.setFlow(QListView.Flow.TopToBottom)
        picks.setResizeMode(QListView.ResizeMode.Adjust)
        self.ceremony.picks.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.ceremony.picks.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.stack = QStackedLayout()
        for page in (self.calm, self.card, self.ceremony):
            self.stack.addWidget(page)
        self.body.addLayout(self.stack, 1)
        self._ceremony_batch: int | None = None
        self._pushed = False
        self.retranslate_ui()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        # On a spliced wall (32:9) the picks fill column after column instead of one long list.
        self.ceremony.picks.setWrapping(self.width() > 2.4 * max(1, self.height()))

    def title(self) -> str:
        return self.tr("Double-random draw")

    def page(self) -> int:
        """Which page shows: CALM, CARD or CEREMONY."""
        return self.stack.currentIndex()

    def set_ceremony(self, batch_id: int | None, data: CeremonyData | None, *, pushed: bool = False) -> None:
        """The picks of batch ``batch_id`` (None: none to show); revealed from the first when new.
        A ``pushed`` ceremony shows whatever the day's draw is."""
        self._pushed = pushed and data is not None
        if data is None:
            self._ceremony_batch = None
        elif batch_id != self._ceremony_batch or self.ceremony.data != data:
            self._ceremony_batch = batch_id
            self.ceremony.set_data(data)
        if self.figures is not None:
            self.show_figures(self.figures)
        elif data is not None:
            self.stack.setCurrentIndex(CEREMONY)

    def show_figures(self, figures) -> None:
        draw = figures.next_draw
        if draw is None and self._ceremony_batch is None:
            self.stack.setCurrentIndex(CALM)
            self.note_label.setText("")
            return
        if self._ceremony_batch is not None and (self._pushed or draw is None or draw.batch_id == self._ceremony_batch):
            self.stack.setCurrentIndex(CEREMONY)
            self.note_label.setText("")
            return
        lead = in_language(draw.lead_department_zh, draw.lead_department_en)
        self.card_title.setText(f"{draw.plan_name} · {draw.name}")
        status = {"draft": self.tr("being prepared"), "locked": self.tr("pool frozen, waiting for the draw"),
                  "drawn": self.tr("drawn"), "published": self.tr("drawn and published")}.get(draw.status, draw.status)
        lines = [
            self.tr("Status: %1").replace("%1", status),
            self.tr("Lead department: %1 (%2 departments on the joint team)").replace("%1", lead)
            .replace("%2", str(draw.departments)),
            self.tr("Inspection window: %1 to %2").replace("%1", draw.window_start.isoformat())
            .replace("%2", draw.window_end.isoformat()),
            self.tr("Pool: %1 entities").replace("%1", count_text(draw.pool_count)),
        ]
        if draw.drawn:
            lines.append(self.tr("Drawn: %1 entities").replace("%1", count_text(draw.drawn)))
        self.card_body.setText("\n".join(lines))
        self.note_label.setText(self.tr("Next draw"))
        self.stack.setCurrentIndex(CARD)

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.calm.setText(self.tr("No draw today"))
