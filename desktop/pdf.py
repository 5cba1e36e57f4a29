"""Rich text to an A4 PDF file, with the console's CJK font embedded and a text layer
that says what the pages show.

QTextDocument lays the HTML out and QPdfWriter prints it; the file is written beside its
place first and moved in, so a crash or a cancelled export never leaves half a PDF. Safe
to run in a worker thread (no widgets involved).

Two faults of Qt's PDF text layer are handled here, once for every document:

* The font's ``locl`` feature swaps Latin digits for glyphs that no code point maps to
  (Noto Sans CJK SC does so in Latin runs), and Qt names glyphs only through the
  character map, so credit codes and hashes lost their digits when copied. The
  document's font has ``locl`` off: the digits look the same and keep their names.
  Ligatures are off too: "ff" in a hash is two letters, named as two.
* Qt names a glyph by the lowest code point mapped to it, which for CJK fonts is a
  radical (⻔ for 门); :mod:`desktop.pdf_text_layer` renames such glyphs after printing.

Lines break only at word boundaries, so credit codes, hashes and keys stay whole; the
table helpers also keep a code cell on one line and repeat a table's header row on
every page.
"""
from __future__ import annotations

import html
import os
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import QMarginsF, QUrl
from PySide6.QtGui import (
    QFont,
    QImage,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QRawFont,
    QTextDocument,
    QTextOption,
)

from .pdf_text_layer import repair_text_layer

# Credit codes (18), hashes (64), record digests, RFC 3797 keys: one token of 12+
# letters and digits is a value to copy whole, never a word to break.
_CODE = re.compile(r"^[0-9A-Za-z./:+=_-]{12,}$")
GRID = "width='100%' border='1' cellspacing='0' cellpadding='3' style='border-collapse: collapse'"


def pdf_font(family: str, point_size: float = 9) -> QFont:
    """The document font: ``family`` with no ``locl`` or ligature substitutions (see the module doc)."""
    font = QFont(family)
    font.setPointSizeF(point_size)
    font.setFeature(QFont.Tag("locl"), 0)
    font.setFeature(QFont.Tag("liga"), 0)  # a hash shows "ff" as two letters, not one ﬀ glyph
    return font


def is_code(text: str) -> bool:
    """Whether a cell holds one value to keep on a line: a credit code, hash or key."""
    return bool(_CODE.match(text)) and any(c.isdigit() for c in text)


def cell_html(tag: str, value: object, *, align_right: bool = False, attrs: str = "") -> str:
    """A ``td``/``th`` holding ``value``; a code cell never wraps."""
    text = str(value)
    style = " style='white-space:nowrap'" if is_code(text) else ""
    align = " align='right'" if align_right else ""
    return f"<{tag}{attrs and ' ' + attrs}{align}{style}>{html.escape(text)}</{tag}>"


def table_html(headers: Sequence[object], rows: Iterable[Sequence[object]], *, attrs: str = GRID,
               right: Collection[int] = (), row_styles: Sequence[str] | None = None) -> str:
    """A table whose header row repeats on every printed page; code cells never wrap.

    ``right`` are the indexes of right-aligned columns; ``row_styles`` an inline style per row.
    """
    head = "".join(cell_html("th", h) for h in headers)
    body = []
    for n, row in enumerate(rows):
        style = row_styles[n] if row_styles is not None and row_styles[n] else ""
        body.append((f"<tr style='{style}'>" if style else "<tr>")
                    + "".join(cell_html("td", c, align_right=k in right) for k, c in enumerate(row)) + "</tr>")
    return f"<table {attrs}><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _fonts_used(document: QTextDocument) -> list[QRawFont]:
    """Every font the laid-out document draws with (fallbacks included)."""
    document.size()  # lays the whole document out
    seen: dict[tuple, QRawFont] = {}
    block = document.begin()
    while block.isValid():
        layout, length = block.layout(), block.length()
        for run in layout.glyphRuns(0, length) if layout is not None else ():
            raw = run.rawFont()
            seen.setdefault((raw.familyName(), raw.styleName(), raw.weight(), int(raw.style().value)), raw)
        block = block.next()
    return list(seen.values())


def pdf_document(html_text: str, font_family: str, point_size: float = 9,
                 images: Mapping[QUrl, QImage] | None = None) -> QTextDocument:
    """The laid-out rich text a PDF prints: lines break only between words (Chinese breaks
    between characters), so a credit code or a hash is never cut, even in running text."""
    document = QTextDocument()
    document.setDefaultFont(pdf_font(font_family, point_size))
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)  # Qt's default also breaks "anywhere"
    document.setDefaultTextOption(option)
    for url, image in (images or {}).items():
        document.addResource(QTextDocument.ResourceType.ImageResource, url, image)
    document.setHtml(html_text)
    return document


def write_pdf(html_text: str, path: Path, *, title: str, font_family: str, point_size: float = 9,
              images: Mapping[QUrl, QImage] | None = None, landscape: bool = False,
              page_mark: str | None = None) -> Path:
    """Print ``html_text`` to ``path``; ``images`` are resources the HTML refers to by URL.

    ``page_mark`` (e.g. 内部资料) is printed at the top of every page, with "page / pages" below."""
    path = Path(path)
    printed = path.with_name(f".{path.name}.qt.part")
    tmp = path.with_name(f".{path.name}.part")
    document = pdf_document(html_text, font_family, point_size, images)
    writer = QPdfWriter(str(printed))
    writer.setTitle(title)
    writer.setCreator("Tongguan")
    writer.setResolution(300)
    orientation = QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    # No printer margins: QTextDocument.print_() puts its own 2 cm around the text.
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), orientation,
                                     QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter))
    try:
        if page_mark:
            _print_marked(document, writer, page_mark)
        else:
            document.print_(writer)
        del writer  # flushes and closes the file
        repair_text_layer(printed, tmp, _fonts_used(document))
        os.replace(tmp, path)
    finally:
        printed.unlink(missing_ok=True)
        tmp.unlink(missing_ok=True)
    return path


def _print_marked(document: QTextDocument, writer: QPdfWriter, mark: str) -> None:
    """Print ``document`` as QTextDocument.print_() does (2 cm margins), with ``mark`` on top of
    every page and the page number under it: a mark in the text would appear once, not per page."""
    from PySide6.QtCore import QRectF, QSizeF, Qt
    from PySide6.QtGui import QColor, QPainter

    dpi = writer.resolution()
    margin = 2 / 2.54 * dpi
    width, height = writer.width(), writer.height()
    body = QRectF(margin, margin, width - 2 * margin, height - 2 * margin)
    layout = document.documentLayout()
    layout.setPaintDevice(writer)
    document.setDocumentMargin(0)
    document.setPageSize(QSizeF(body.width(), body.height()))
    pages = max(1, document.pageCount())
    painter = QPainter(writer)
    try:
        mark_font = pdf_font(document.defaultFont().family(), 8)
        for page in range(pages):
            if page:
                writer.newPage()
            painter.save()
            painter.translate(body.left(), body.top() - page * body.height())
            document.drawContents(painter, QRectF(0, page * body.height(), body.width(), body.height()))
            painter.restore()
            painter.setFont(mark_font)
            painter.setPen(QColor("#b00020"))
            painter.drawText(QRectF(margin, margin * 0.35, width - 2 * margin, margin * 0.5),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), mark)
            painter.setPen(QColor("#555555"))
            painter.drawText(QRectF(margin, height - margin * 0.85, width - 2 * margin, margin * 0.5),
                             int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter),
                             f"{page + 1} / {pages}")
    finally:
        painter.end()
