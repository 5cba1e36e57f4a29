"""The panorama as a PDF file: header, location map, open items, timeline, draws, obligations, credit.

Built as rich text (QTextDocument) and printed with QPdfWriter; the document's font is
the console's CJK font, so Chinese renders and is embedded. Safe to run in a worker:
it paints only on a QImage and the PDF writer, never on widgets.
"""
from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRectF, QUrl
from PySide6.QtGui import (
    QColor,
    QImage,
    QPainter,
)

from core.credit.panel import CreditPanel
from core.services.panorama import Panorama
from desktop.pdf import GRID, cell_html, table_html, write_pdf
from desktop.provisional import caption_text, rows_note

from .credit_words import (
    RECORD_COLUMNS,
    WEIGHT_COLUMNS,
    internal_note,
    linked_text,
    measures_text,
    rules_text,
    summary_text,
)
from .location_map import paint_location_map
from .panorama_fields import header_fields, label, no_tags
from .panorama_tables import (
    DRAW_COLUMNS,
    TIMELINE_COLUMNS,
    Cell,
    is_overdue,
    obligation_columns,
    open_item_columns,
)
from .reference import EntityReference

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")
_MAP_URL = QUrl("tongguan://panorama/map.png")
_MAP_SIZE = (560, 420)  # pixels of the map image; shown 300 points wide


def _e(text: object) -> str:
    return html.escape(str(text))


def _table(columns: tuple[Cell, ...], rows, lang: str, today: dt.date) -> str:
    if not rows:
        none = translate("PanoramaPdf", "None")
        return f"<p class='none'>{_e(none)}</p>"
    return table_html([c.title() for c in columns], [[c.text(row, lang) for c in columns] for row in rows],
                      right={k for k, c in enumerate(columns) if c.numeric},
                      row_styles=["color:#c62828" if is_overdue(row, today) else "" for row in rows])


def _text_colour(background: str) -> str:
    c = QColor(background)
    return "#000000" if (0.299 * c.red() + 0.587 * c.green() + 0.114 * c.blue()) > 160 else "#ffffff"


def _lines(text: str) -> str:
    return "<br>".join(_e(line) for line in text.split("\n"))


def credit_html(c: CreditPanel, lang: str, today: dt.date) -> str:
    """The credit section as the viewer may see it: no class, score or weight without ``risk.read``."""
    e = c.explanation
    head = (f"<p>{_lines(summary_text(e))}</p><p class='stamp'>{_e(rules_text(e))}</p>" if e is not None
            else f"<p class='stamp'>{_e(internal_note())}</p>")
    columns = RECORD_COLUMNS + WEIGHT_COLUMNS if e is not None else RECORD_COLUMNS
    return (head + _table(columns, c.records, lang, today) + f"<p>{_lines(linked_text(c))}</p>"
            + f"<p>{_lines(measures_text(c, lang))}</p>")


def panorama_html(p: Panorama, lang: str, *, show_risk: bool, today: dt.date, generated_by: str = "",
                  credit: CreditPanel | None = None) -> str:
    """The panorama as rich text for QTextDocument (the map is the image resource ``map.png``)."""
    h = p.header
    fields = header_fields(h, lang, show_risk=show_risk)
    cells = [f"<td class='label' width='15%'>{_e(label(k))}</td>" + cell_html("td", v, attrs="width='35%'")
             for k, v in fields]
    rows = "".join("<tr>" + "".join(cells[i:i + 2]) + "</tr>" for i in range(0, len(cells), 2))
    tags = "&nbsp; ".join(
        f"<span style='background-color:{t.colour}; color:{_text_colour(t.colour)}'>&nbsp;"
        f"{_e(t.name_en if lang == 'en' else t.name_zh)}&nbsp;</span>" for t in h.tags) or _e(no_tags())
    stamp = translate("PanoramaPdf", "Generated {date} by {user} with Tongguan").format(
        date=today.isoformat(), user=generated_by or "—")
    kind = translate("PanoramaPdf", "Entity panorama")
    sections = [
        (translate("PanoramaPdf", "Open items"), _table(open_item_columns(today), p.open_items, lang, today),
         len(p.open_items)),
        (translate("PanoramaPdf", "Timeline (newest first)"), _table(TIMELINE_COLUMNS, p.timeline, lang, today),
         len(p.timeline)),
        (translate("PanoramaPdf", "Double-random draws"), _table(DRAW_COLUMNS, p.draws, lang, today),
         len(p.draws)),
        (translate("PanoramaPdf", "Double notification and commitments"),
         _table(obligation_columns(today), p.obligations, lang, today), len(p.obligations)),
    ]
    if credit is not None:
        sections.append((translate("PanoramaPdf", "Credit"), credit_html(credit, lang, today), len(credit.records)))
    body = "".join(f"<h2>{_e(title)} ({count})</h2>{table}" for title, table, count in sections)
    note = rows_note(p.open_items + p.obligations)
    if note is not None:
        body += f"<p class='stamp'>{_e(caption_text(note, lang))} {_e(note.text(lang))}</p>"
    return f"""<html><head><style>
h1 {{ font-size: 16pt; color: #143a68; margin-bottom: 2px; }}
h2 {{ font-size: 11pt; color: #143a68; margin-top: 14px; margin-bottom: 4px; }}
td, th {{ font-size: 8pt; border: 1px solid #c3cedb; }}
th {{ background-color: #e7ebf1; text-align: left; }}
td.label {{ color: #5b6778; width: 16%; }}
p.stamp {{ color: #5b6778; font-size: 8pt; }}
p.none {{ color: #5b6778; font-size: 8pt; }}
</style></head><body>
<h1>{_e(h.name)}</h1>
<p class='stamp'>{_e(kind)} · {_e(stamp)}</p>
<table {GRID}>{rows}
<tr><td class='label'>{_e(label('tags'))}</td><td colspan='3'>{tags}</td></tr></table>
<p align='center'><img src='{_MAP_URL.toString()}' width='300'></p>
{body}
</body></html>"""


def write_panorama_pdf(path: Path, p: Panorama, reference: EntityReference | None, lang: str, *,
                       show_risk: bool, today: dt.date, font_family: str, generated_by: str = "",
                       credit: CreditPanel | None = None) -> Path:
    """Write the panorama to ``path`` (written beside it first, then moved into place).

    ``credit`` is the credit section as loaded for the viewer (None: not loaded yet, left out).
    """
    image = QImage(*_MAP_SIZE, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    paint_location_map(painter, QRectF(image.rect()), reference, (p.header.lat, p.header.lng), lang,
                       font_family=font_family, font_scale=1.3)
    painter.end()
    return write_pdf(panorama_html(p, lang, show_risk=show_risk, today=today, generated_by=generated_by,
                                   credit=credit), path,
                     title=p.header.name, font_family=font_family, images={_MAP_URL: image})
