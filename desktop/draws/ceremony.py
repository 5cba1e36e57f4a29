"""The draw ceremony (抽取现场): what was frozen, where the randomness came from, and the
picks appearing one by one — large enough to show live on the wall.

On the wall (``wall=True``: a window of its own, full screen) Esc or the "Leave full
screen" button closes it. It shows only what is public: the pool's size and hash, the random sources (or the seed
and the commitment published before the pool was frozen), the key, and each pick's entity
and team. The risk stratum an entity was drawn from is internal and is not shown.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

REVEAL_MS = 120  # one pick every 120 ms: 500 picks take a minute; "Show all" ends it at once


@dataclass(frozen=True)
class CeremonyPick:
    order: int
    entity: str          # name
    uscc: str
    place: str           # town / village
    team: str            # "市场监管局：张三、李四；卫健局：…"


@dataclass(frozen=True)
class CeremonyData:
    title: str
    pool_count: int
    pool_hash: str
    randomness: str      # "rfc3797" | "seed"
    sources: tuple[str, ...]
    seed: str
    commitment: str
    key: str
    picks: tuple[CeremonyPick, ...]


class CeremonyView(QFrame):
    """Reveals ``CeremonyData`` pick by pick; ``finished`` when every pick is shown.

    With ``wall`` it is a window of its own that deletes itself when closed; Esc and the
    leave button close it.
    """

    finished = Signal()

    def __init__(self, parent: QWidget | None = None, *, wall: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("drawCeremonyWall" if wall else "drawCeremony")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._data: CeremonyData | None = None
        self._shown = 0
        self._timer = QTimer(self, interval=REVEAL_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        self.title = QLabel(objectName="ceremonyTitle", wordWrap=True)
        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 1.8)
        big.setBold(True)
        self.title.setFont(big)
        self.facts = QLabel(objectName="ceremonyFacts", wordWrap=True)
        self.facts.setTextFormat(Qt.TextFormat.RichText)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QLabel(objectName="ceremonyProgress")
        self.picks = QListWidget(objectName="ceremonyPicks")
        pick_font = QFont(self.font())
        pick_font.setPointSizeF(pick_font.pointSizeF() * 1.25)
        self.picks.setFont(pick_font)
        self.picks.setWordWrap(True)
        self.skip_button = QPushButton(objectName="ceremonySkip")
        self.skip_button.clicked.connect(self.show_all)
        self.replay_button = QPushButton(objectName="ceremonyReplay")
        self.replay_button.clicked.connect(self.start)
        self.leave_button = QPushButton(objectName="ceremonyLeave")
        self.leave_button.clicked.connect(self.close)
        self.leave_button.setVisible(wall)
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        buttons.addWidget(self.replay_button)
        buttons.addWidget(self.skip_button)
        buttons.addWidget(self.leave_button)
        self._wall = wall
        if wall:
            self.setWindowFlag(Qt.WindowType.Window, True)
            self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        head = QGridLayout()
        head.addWidget(self.title, 0, 0)
        head.addWidget(self.facts, 1, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addLayout(head)
        layout.addWidget(self.picks, 1)
        layout.addLayout(buttons)
        self.retranslate_ui()

    @property
    def data(self) -> CeremonyData | None:
        return self._data

    def set_data(self, data: CeremonyData, *, reveal: bool = True) -> None:
        """Show ``data``; picks appear one by one (``reveal``) or all at once."""
        self._data = data
        self.title.setText(data.title)
        self._fill_facts()
        self.start()
        if not reveal:
            self.show_all()

    def start(self) -> None:
        """Reveal from the first pick."""
        self._shown = 0
        self.picks.clear()
        self._update_progress()
        if self._data is not None and self._data.picks:
            self._timer.start()

    def show_all(self) -> None:
        if self._data is None:
            return
        while self._shown < len(self._data.picks):
            self._reveal_next()
        self._timer.stop()
        self._update_progress()
        self.finished.emit()

    def shown_count(self) -> int:
        return self._shown

    def _reveal_next(self) -> None:
        assert self._data is not None
        pick = self._data.picks[self._shown]
        text = f"{pick.order:>4}.  {pick.entity}  ({pick.uscc})  {pick.place}\n        {pick.team}"
        item = QListWidgetItem(text)
        self.picks.addItem(item)
        self._shown += 1

    def _on_timer_timeout(self) -> None:
        if self._data is None or self._shown >= len(self._data.picks):
            self._timer.stop()
            self.finished.emit()
            return
        self._reveal_next()
        self.picks.scrollToBottom()
        self._update_progress()

    def _update_progress(self) -> None:
        total = len(self._data.picks) if self._data else 0
        self.progress.setText(self.tr("%1 of %2 drawn").replace("%1", f"{self._shown:,}").replace("%2", f"{total:,}"))

    def _fill_facts(self) -> None:
        d = self._data
        if d is None:
            return
        rows = [(self.tr("Pool"), self.tr("%1 entities, frozen before any randomness was known").replace(
            "%1", f"{d.pool_count:,}")), (self.tr("Pool hash (SHA-256)"), f"<code>{d.pool_hash}</code>")]
        if not d.randomness:
            rows.append((self.tr("Randomness"), self.tr("not recorded (imported history)")))
        elif d.randomness == "rfc3797":
            rows.append((self.tr("Public random sources (RFC 3797)"),
                         "<br>".join(f"{i}. {s}" for i, s in enumerate(d.sources, start=1))))
        else:
            rows.append((self.tr("Seed commitment, published before locking"), f"<code>{d.commitment}</code>"))
            rows.append((self.tr("Seed revealed at the draw"), f"<code>{d.seed}</code>"))
        if d.key:
            rows.append((self.tr("Key"), f"<code>{d.key}</code>"))
        body = "".join(f"<tr><td style='padding-right:12px;color:#667'>{k}</td><td>{v}</td></tr>" for k, v in rows)
        self.facts.setText(f"<table>{body}</table>")

    def retranslate_ui(self) -> None:
        self.skip_button.setText(self.tr("Show all"))
        self.replay_button.setText(self.tr("Replay"))
        self.leave_button.setText(self.tr("Leave full screen (Esc)"))
        self._fill_facts()
        self._update_progress()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        # Esc reaches the window from whichever child has the focus (none of them takes it).
        if self._wall and event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
