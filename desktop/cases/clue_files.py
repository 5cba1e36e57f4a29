"""Files of the clue desk: where an attachment, an Open311 export or import goes or comes from,
and the worker-side halves (writing an attachment to disk, exporting the clues of a filter)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from core.db.database import Database
from core.services import clues
from core.services.clues import ClueFilter
from core.services.clues.attachment_files import open_copy
from desktop.entities.file_dialogs import ask_save_path

translate = QCoreApplication.translate


def ask_attachment_path(parent: QWidget, filename: str) -> Path | None:
    """Where to save an attachment; its own suffix is kept."""
    suffix = Path(filename).suffix or ".bin"
    return ask_save_path(parent, translate("ClueFiles", "Save the file"), Path(filename).stem, suffix,
                         translate("ClueFiles", "Files like this one (*%1)").replace("%1", suffix))


def ask_export_path(parent: QWidget) -> Path | None:
    stem = translate("ClueFiles", "clues_open311_%1").replace("%1", dt.date.today().strftime("%Y%m%d"))
    return ask_save_path(parent, translate("ClueFiles", "Export clues (Open311)"), stem, ".json",
                         translate("ClueFiles", "Open311 GeoReport v2 (*.json)"))


def ask_import_path(parent: QWidget) -> Path | None:
    start = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    path, _ = QFileDialog.getOpenFileName(parent, translate("ClueFiles", "Import clues (Open311)"), start,
                                          translate("ClueFiles", "Open311 GeoReport v2 (*.json);;All files (*)"))
    return Path(path) if path else None


# ---- worker side: no widgets below ----------------------------------------------------


def save_attachment(db: Database, attachment_id: int, path: Path) -> Path:
    """Write attachment ``attachment_id`` to ``path``, the place the operator chose ("Save as…")."""
    _filename, content = clues.attachment_content(db, attachment_id)
    path.write_bytes(content)
    return path


def copy_to_open(db: Database, attachment_id: int, actor: str | None) -> Path:
    """A private, checked copy of the attachment to open (audited); ExecutableAttachment for programs."""
    return open_copy(db, attachment_id, actor).path


def export_filtered(db: Database, f: ClueFilter, path: Path, everything: bool,
                    viewer: str | None = None) -> int:
    """The clues matching ``f`` (all clues when ``everything``) that ``viewer`` may see (``clue.read``)
    as Open311 requests in ``path``."""
    if everything:
        return clues.export_open311(db, path, viewer=viewer)
    count = clues.count_clues(db, f, viewer=viewer)
    ids = [row.id for row in clues.list_clues(db, f, limit=max(1, count), viewer=viewer)]
    return clues.export_open311(db, path, ids, viewer=viewer)


def find_by_ref(db: Database, ref_no: str, viewer: str | None = None) -> int | None:
    """The id of the clue ``viewer`` may see whose reference number is ``ref_no`` (None when there is none)."""
    wanted = ref_no.strip().upper()
    rows = clues.list_clues(db, ClueFilter(text=wanted), limit=50, viewer=viewer)
    return next((r.id for r in rows if r.ref_no.upper() == wanted), None)
