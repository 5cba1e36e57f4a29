"""Asking where to save exports; the default names carry what and when, in the UI language."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")



def _documents() -> Path:
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or Path.home())


def _safe(name: str) -> str:
    return re.sub(r'[\\/:*?"<>|\s]+', "_", name).strip("_") or "entity"


def ask_export_path(parent: QWidget) -> Path | None:
    """Where to export the result set (.xlsx or .csv); None if the operator cancelled."""
    stem = translate("EntityFileDialogs", "entities_{date}").format(date=dt.date.today().strftime("%Y%m%d"))
    xlsx = translate("EntityFileDialogs", "Excel workbook (*.xlsx)")
    csv = translate("EntityFileDialogs", "CSV, UTF-8 (*.csv)")
    title = translate("EntityFileDialogs", "Export entities")
    path, chosen = QFileDialog.getSaveFileName(parent, title, str(_documents() / f"{stem}.xlsx"), f"{xlsx};;{csv}")
    if not path:
        return None
    path = Path(path)
    if path.suffix.lower() not in (".xlsx", ".csv"):
        path = path.with_suffix(".csv" if chosen == csv else ".xlsx")
    return path


def ask_pdf_path(parent: QWidget, entity_name: str) -> Path | None:
    """Where to save a panorama PDF; None if the operator cancelled."""
    stem = translate("EntityFileDialogs", "panorama_{name}").format(name=_safe(entity_name))
    return ask_save_path(parent, translate("EntityFileDialogs", "Export panorama as PDF"), stem, ".pdf",
                         translate("EntityFileDialogs", "PDF document (*.pdf)"))


def ask_save_path(parent: QWidget, title: str, stem: str, suffix: str, kinds: str) -> Path | None:
    """Where to save one file of type ``suffix`` (".pdf", ".xlsx", ".json"); the suffix is added if missing."""
    path, _ = QFileDialog.getSaveFileName(parent, title, str(_documents() / f"{_safe(stem)}{suffix}"), kinds)
    if not path:
        return None
    path = Path(path)
    return path if path.suffix.lower() == suffix else path.with_suffix(suffix)
