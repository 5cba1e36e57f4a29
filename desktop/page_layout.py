"""The column of a plain workspace page (users, feeds, credit rules): the house margins and
spacing, its parts top to bottom, the last one taking the spare height."""
from __future__ import annotations

from PySide6.QtWidgets import QLayout, QVBoxLayout, QWidget

MARGINS = (24, 20, 24, 20)
SPACING = 10


def page_column(page: QWidget, *parts: QWidget | QLayout) -> QVBoxLayout:
    """Lay ``parts`` (widgets or layouts) out down ``page``; the last stretches."""
    layout = QVBoxLayout(page)
    layout.setContentsMargins(*MARGINS)
    layout.setSpacing(SPACING)
    for n, part in enumerate(parts):
        stretch = 1 if n == len(parts) - 1 else 0
        if isinstance(part, QLayout):
            layout.addLayout(part, stretch)
        else:
            layout.addWidget(part, stretch)
    return layout
