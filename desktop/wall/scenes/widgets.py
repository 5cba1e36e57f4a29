"""Small building blocks the scenes share: a big-number tile and number formats."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from desktop.i18n import current_language

DASH = "—"


def is_english() -> bool:
    """True when the wall speaks English (the application's current language)."""
    app = QCoreApplication.instance()
    return app is not None and current_language(app) == "en"


def in_language(zh: str, en: str) -> str:
    """``en`` when the wall speaks English and there is one, else ``zh``."""
    return en if en and is_english() else zh


def count_text(value: int | None) -> str:
    """"1,234,567"; a dash for no value."""
    return DASH if value is None else f"{int(value):,}"


def rate_text(value: float | None) -> str:
    """A 0..1 share as "92.4%"; a dash for no value (nothing to measure yet)."""
    return DASH if value is None else f"{value * 100:.1f}%"


class Tile(QFrame):
    """One big figure with its caption; ``set_value`` changes the text and its tone only.

    The figure is ``value_px`` pixels tall unless the tile is too narrow for it: then it
    shrinks to fit (a seven-digit count in a quarter of a 16:9 wall).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tile")
        self.value_label = QLabel(DASH, objectName="tileValue")
        self.caption_label = QLabel(objectName="tileLabel", wordWrap=True)
        for label in (self.value_label, self.caption_label):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            # Every tile as wide as the next, whatever its number: the grid shares the width out.
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.value_px = 92
        self._shown_px = 0
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.value_label)
        layout.addWidget(self.caption_label)
        layout.addStretch(1)

    def set_value(self, text: str, tone: str = "") -> None:
        if self.value_label.text() != text:
            self.value_label.setText(text)
            self._fit()
        if self.value_label.property("tone") != tone:
            self.value_label.setProperty("tone", tone)
            # A property selector applies only after the style is polished again.
            self.value_label.style().unpolish(self.value_label)
            self.value_label.style().polish(self.value_label)

    def set_caption(self, text: str) -> None:
        self.caption_label.setText(text)

    def set_padding(self, pixels: int) -> None:
        self.layout().setContentsMargins(pixels, pixels, pixels, pixels)

    def set_value_px(self, pixels: int) -> None:
        """The figure's height in pixels when the tile is wide enough."""
        self.value_px = pixels
        self._fit()

    def _fit(self) -> None:
        font = QFont(self.value_label.font())
        font.setBold(True)
        font.setPixelSize(self.value_px)
        room = self.contentsRect().width() - self.layout().contentsMargins().left() * 2
        wide = QFontMetrics(font).horizontalAdvance(self.value_label.text())
        pixels = self.value_px if room <= 0 or wide <= room else max(8, int(self.value_px * room / wide))
        if pixels != self._shown_px:
            # The wall's style sheet sets every font size, so the fitted one goes through a sheet too.
            self._shown_px = pixels
            self.value_label.setStyleSheet(f"font-size: {pixels}px;")

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit()
