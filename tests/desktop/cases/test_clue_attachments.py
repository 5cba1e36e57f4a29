"""Clue files on the desk (issue 13): a program is not opened (a warning names its type and
offers "Save as…"), a document opens from the user's private folder, and the clue table's
tooltips show a clue's text as written, never as HTML."""
from __future__ import annotations

import datetime as dt
import os
import stat
import tempfile

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from core.services import clues
from core.services.clues import ClueRow
from desktop.cases import workspace as workspace_module
from desktop.cases.clue_table import COLUMNS, ClueTableModel

from .conftest import TIMEOUT


def _clue(db, name: str, content: bytes) -> int:
    return clues.create_clue(db, "operator", clues.NewClue(
        source="hotline", description="带附件的线索", lat=29.3, lng=120.07,
        attachments=(clues.Attachment(name, content),)))


def _show(ws, qtbot, clue_id):
    ws.desk.refresh(select=clue_id)
    qtbot.waitUntil(lambda: ws.desk.detail.detail is not None and ws.desk.detail.detail.id == clue_id,
                    timeout=TIMEOUT)


def test_a_program_is_not_opened_and_save_as_is_offered(make_workspace, entities_db, qtbot, monkeypatch, tmp_path):
    run = tmp_path / "run"
    run.mkdir()
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(run))
    clue_id = _clue(entities_db, "发票.exe", b"MZ\x90\x00 a program")
    ws = make_workspace()
    opened, asked = [], []
    ws.open_url = opened.append
    monkeypatch.setattr(workspace_module.clue_files, "ask_attachment_path", lambda parent, name: asked.append(name))
    _show(ws, qtbot, clue_id)
    ws.desk.detail.open_file_button.click()
    qtbot.waitUntil(lambda: ws.findChild(QMessageBox, "clueExecutableWarning") is not None, timeout=TIMEOUT)
    box = ws.findChild(QMessageBox, "clueExecutableWarning")
    assert "发票.exe" in box.text() and ".exe" in box.text()
    save = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
    save.click()
    assert asked == ["发票.exe"] and opened == []
    assert not any(p.is_file() for p in run.rglob("*"))


def test_a_document_opens_from_a_private_folder(make_workspace, entities_db, qtbot, monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    content = b"%PDF-1.7 a document"
    clue_id = _clue(entities_db, "笔录.pdf", content)
    ws = make_workspace()
    opened = []
    ws.open_url = opened.append
    _show(ws, qtbot, clue_id)
    ws.desk.detail.open_file_button.click()
    qtbot.waitUntil(lambda: len(opened) == 1, timeout=TIMEOUT)
    path = opened[0].toLocalFile()
    assert path.startswith(str(tmp_path)) and not path.startswith(tempfile.gettempdir() + "/tongguan")
    assert open(path, "rb").read() == content
    assert stat.S_IMODE(os.stat(os.path.dirname(os.path.dirname(path))).st_mode) == 0o700


def test_tooltips_show_a_clues_text_as_written(qtbot):
    hostile = '<img src=x> <b>bold</b> & <a href="file:///etc">link</a>'
    model = ClueTableModel(dt.date(2026, 11, 20))
    model.set_rows([ClueRow(1, "XS-1", "hotline", "received", None, None, None, None, hostile,
                            dt.datetime(2026, 11, 1, tzinfo=dt.timezone.utc), None, False)])
    tip = model.data(model.index(0, COLUMNS.index("entity")), Qt.ItemDataRole.ToolTipRole)
    label = QLabel()
    qtbot.addWidget(label)
    label.setTextFormat(Qt.TextFormat.AutoText)  # as QToolTip does
    label.setText(tip)
    shown = QApplication.instance() and label.text()
    assert "<img" not in tip and "<b>" not in tip and "&lt;img src=x&gt;" in shown
    from PySide6.QtGui import QTextDocument
    doc = QTextDocument()
    doc.setHtml(tip)
    assert doc.toPlainText() == hostile  # what the reader sees is the clue's own text
