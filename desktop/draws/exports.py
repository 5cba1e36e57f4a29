"""Files a batch is exported to: the public notice (XLSX or PDF, list or results) and the record.

``write_notice`` runs in a worker thread; ``ask_path`` asks where on the GUI thread.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from core.db.database import Database
from core.services import draws
from core.services.draws import BatchDetail
from desktop.entities.file_dialogs import ask_save_path

from .notice_pdf import write_notice_pdf

translate = QCoreApplication.translate


def ask_path(parent: QWidget, key: str, detail: BatchDetail) -> Path | None:
    """Where to save export ``key`` ("notice_xlsx", "notice_pdf", "results_xlsx", "results_pdf", "record",
    "public_record")."""
    stem = f"{detail.plan_name}_{detail.name}"
    if key == "public_record":
        return ask_save_path(parent, translate("DrawExports", "Export the public draw record"),
                             translate("DrawExports", "{stem}_public_record").format(stem=stem), ".json",
                             translate("DrawExports", "Draw record (*.json)"))
    if key == "record":
        return ask_save_path(parent, translate("DrawExports", "Export the draw record"),
                             translate("DrawExports", "{stem}_record").format(stem=stem), ".json",
                             translate("DrawExports", "Draw record (*.json)"))
    results = key.startswith("results")
    stem = (translate("DrawExports", "{stem}_results") if results else
            translate("DrawExports", "{stem}_notice")).format(stem=stem)
    title = (translate("DrawExports", "Export the results notice") if results else
             translate("DrawExports", "Export the public notice"))
    if key.endswith("pdf"):
        return ask_save_path(parent, title, stem, ".pdf", translate("DrawExports", "PDF document (*.pdf)"))
    return ask_save_path(parent, title, stem, ".xlsx", translate("DrawExports", "Excel workbook (*.xlsx)"))


def write_notice(db: Database, batch_id: int, path: Path, *, lang: str, with_results: bool,
                 font_family: str | None = None, progress=None, actor: str | None = None) -> Path:
    """The public notice of ``batch_id`` as .xlsx or .pdf (by the suffix); never a risk class.

    Audited under ``actor`` (who, which file, how many rows) when one is given."""
    if progress is not None:
        progress(0.1, "")
    rows = draws.notice_rows(db, batch_id, with_results=with_results)
    if progress is not None:
        progress(0.5, "")
    return write_rows(db, batch_id, path, rows, lang=lang, with_results=with_results, font_family=font_family,
                      actor=actor)


def write_rows(db: Database, batch_id: int, path: Path, rows, *, lang: str, with_results: bool,
               font_family: str | None = None, actor: str | None = None) -> Path:
    """Some rows of the batch's notice (e.g. the results being published) as .xlsx or .pdf, audited
    under ``actor`` when one is given."""
    rows = list(rows)
    if path.suffix.lower() == ".xlsx":
        written = draws.export_notice_xlsx(db, batch_id, path, lang=lang, with_results=with_results, rows=rows)
    else:
        written = write_notice_pdf(
            path, title=draws.notice_title(db, batch_id, lang=lang, with_results=with_results),
            lead=draws.notice_lead(db, batch_id, lang=lang, with_results=with_results),
            headers=draws.notice_headers(lang, with_results),
            rows=[draws.notice_values(r, lang, with_results) for r in rows],
            footer=draws.notice_footer(db, batch_id, lang=lang), font_family=font_family or "Noto Sans CJK SC")
    if actor:
        from core.services.audit_events import record_export

        record_export(db, actor, "draw_notice", written, len(rows), batch_id=batch_id, results=with_results,
                      format=written.suffix.lower().lstrip("."))
    return written
