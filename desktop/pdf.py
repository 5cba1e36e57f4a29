"""Rich text to an A4 PDF file, with the console's CJK font embedded.

QTextDocument lays the HTML out and QPdfWriter prints it; the file is written beside its
place first and moved in, so a crash or a cancelled export never leaves half a PDF. Safe
to run in a worker thread (no widgets involved).
"""
from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QMarginsF, QUrl
from PySide6.QtGui import (
    QFont,
    QImage,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextDocument,
)


def write_pdf(html: str, path: Path, *, title: str, font_family: str, point_size: float = 9,
              images: Mapping[QUrl, QImage] | None = None, landscape: bool = False) -> Path:
    """Print ``html`` to ``path``; ``images`` are resources the HTML refers to by URL."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.part")
    document = QTextDocument()
    font = QFont(font_family)
    font.setPointSizeF(point_size)
    document.setDefaultFont(font)
    for url, image in (images or {}).items():
        document.addResource(QTextDocument.ResourceType.ImageResource, url, image)
    document.setHtml(html)
    writer = QPdfWriter(str(tmp))
    writer.setTitle(title)
    writer.setCreator("Tongguan")
    writer.setResolution(300)
    orientation = QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    # No printer margins: QTextDocument.print_() puts its own 2 cm around the text.
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), orientation,
                                     QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter))
    try:
        document.print_(writer)
        del writer  # flushes and closes the file
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path
