"""The public notice (一公开) of a batch as PDF: who is checked, for what, by which departments.

Built from rows the caller has already turned into text (never a risk class: the notice
is public). Safe to run in a worker thread.
"""
from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path

from desktop.pdf import table_html, write_pdf


def notice_html(title: str, lead: str, headers: Sequence[str], rows: Sequence[Sequence[object]], footer: str) -> str:
    """The notice as rich text: its header row repeats on every page, codes and hashes never wrap."""
    return (f"<h2 align='center'>{html.escape(title)}</h2><p>{html.escape(lead)}</p>"
            f"{table_html(headers, rows)}<p style='color:#555'>{html.escape(footer)}</p>")


def write_notice_pdf(path: Path, *, title: str, lead: str, headers: Sequence[str],
                     rows: Sequence[Sequence[object]], footer: str, font_family: str) -> Path:
    return write_pdf(notice_html(title, lead, headers, rows, footer), path, title=title, font_family=font_family,
                     landscape=True)
