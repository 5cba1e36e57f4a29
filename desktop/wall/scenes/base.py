"""What every wall scene is: a widget with a name, a title and ``apply(figures)``.

A scene is built once and updated in place: ``apply`` only sets texts and data of the
widgets it made in its constructor, so a refresh never flickers. ``rescale`` tells
a scene the wall's size (the style sheet does the rest); ``retranslate_ui`` rewrites its
words, and the last figures are applied again after a language change.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop.wall.style import WallMetrics


class WallScene(QWidget):
    """Base of the wall's scenes; subclasses set ``scene_name`` and fill :meth:`apply`."""

    scene_name: str = ""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"scene_{self.scene_name}")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._figures: Any = None
        self.metrics = WallMetrics(1080)
        self.title_label = QLabel(objectName="sceneTitle")
        self.note_label = QLabel(objectName="sceneNote")
        head = QHBoxLayout()
        head.setContentsMargins(0, 0, 0, 0)
        head.addWidget(self.title_label, 1)
        head.addWidget(self.note_label, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom)
        self.body = QVBoxLayout(self)
        self.body.addLayout(head)

    @property
    def figures(self) -> Any:
        """The figures applied last (None before the first)."""
        return self._figures

    def title(self) -> str:
        """The scene's title in the current language."""
        return self.scene_name

    def apply(self, figures: Any) -> None:
        """Show ``figures`` (a WallFigures); subclasses update their widgets in :meth:`show_figures`."""
        self._figures = figures
        if figures is not None:
            self.show_figures(figures)

    def show_figures(self, figures: Any) -> None:
        """Update the scene's widgets in place from ``figures``."""

    def rescale(self, metrics: WallMetrics) -> None:
        """Follow the wall's size: margins and spacing here, painted sizes in subclasses."""
        self.metrics = metrics
        sizes = metrics.sizes()
        self.body.setContentsMargins(sizes["margin"], sizes["margin"] // 2, sizes["margin"], sizes["margin"])
        self.body.setSpacing(sizes["gap"])

    def retranslate_ui(self) -> None:
        # Subclasses call this last in their constructor: from then on they are whole.
        self._built = True
        self.title_label.setText(self.title())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        # A LanguageChange can arrive while a subclass is still building its widgets.
        if event.type() == QEvent.Type.LanguageChange and getattr(self, "_built", False):
            self.retranslate_ui()
            if self._figures is not None:
                self.show_figures(self._figures)
        super().changeEvent(event)
