"""The live feed: the newest clues and state changes, newest on top, beside the wall's push history."""
from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from .base import WallScene
from .widgets import is_english

FEED_ROWS = 14

translate = QCoreApplication.translate


def local_time(at) -> str:
    """"14:05" in local time (stored times are UTC)."""
    if at is None:
        return ""
    if getattr(at, "tzinfo", None) is not None:
        at = at.astimezone()
    return at.strftime("%H:%M")


def feed_line(event, english: bool = False) -> str:
    """"14:05   新线索 · 某某公司无证经营" for one feed event, in the wall's language."""
    text = event.title_en if english and event.title_en else event.title_zh
    return f"{local_time(event.at)}   {text}"


def push_line(push, with_author: bool = False) -> str:
    """"14:05   佛堂镇逾期线索" for one wall push; ``with_author`` adds who pushed it (the
    operators' control page: the wall itself shows no person's name)."""
    author = f"{push.pushed_by} · " if with_author else ""
    return f"{local_time(push.pushed_at)}   {author}{push.title}"


def fill_list(widget: QListWidget, lines: Sequence[str]) -> None:
    """Make ``widget`` show ``lines`` by changing item texts in place (no clear, so no flicker)."""
    while widget.count() > len(lines):
        widget.takeItem(widget.count() - 1)
    for row, line in enumerate(lines):
        item = widget.item(row)
        if item is None:
            widget.addItem(QListWidgetItem(line))
        elif item.text() != line:
            item.setText(line)


class PushHistory(QListWidget):
    """The wall's pushes, newest first (``set_pushes``)."""

    def __init__(self, parent: QWidget | None = None, *, with_author: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("pushList")
        self._with_author = with_author
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWordWrap(True)

    def set_pushes(self, pushes: Sequence) -> None:
        fill_list(self, [push_line(p, self._with_author) for p in pushes])
        for row, push in enumerate(pushes):
            self.item(row).setData(Qt.ItemDataRole.UserRole, push.id)


class FeedScene(WallScene):
    """Newest events on the left, the wall's recent pushes on the right."""

    scene_name = "feed"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.events = QListWidget(objectName="feedList")
        self.events.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.events.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.events.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.events.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.pushes = PushHistory(self)
        self.pushes_caption = QLabel(objectName="tileLabel")
        right = QVBoxLayout()
        right.addWidget(self.pushes_caption)
        right.addWidget(self.pushes, 1)
        self.no_pushes = QLabel(objectName="sceneNote", wordWrap=True)
        right.addWidget(self.no_pushes)
        right.addStretch(0)
        row = QHBoxLayout()
        row.addWidget(self.events, 3)
        row.addLayout(right, 1)
        self.body.addLayout(row, 1)
        self.retranslate_ui()

    def title(self) -> str:
        return self.tr("Live: new clues and changes")

    def show_figures(self, figures) -> None:
        english = is_english()
        fill_list(self.events, [feed_line(e, english) for e in tuple(figures.feed)[:FEED_ROWS]])
        self.pushes.set_pushes(tuple(figures.pushes)[:FEED_ROWS])
        self.pushes.setVisible(bool(figures.pushes))
        self.no_pushes.setVisible(not figures.pushes)
        self.note_label.setText(self.tr("%1 events").replace("%1", f"{len(figures.feed):,}"))

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.pushes_caption.setText(self.tr("Pushed to the wall"))
        self.no_pushes.setText(self.tr("Nothing pushed yet"))
