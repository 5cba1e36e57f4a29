"""The console's "Export record…": the public record for everyone, the full record (auditors)
only for the center's users; the public file holds no risk class and verifies."""
from __future__ import annotations

import json

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QPushButton

from core.draws import verify_record
from core.services import draws
from desktop.draws import exports

from ..test_entities_support import entities_db, entities_template  # noqa: F401 - fixtures
from .test_draws_workspace import TIMEOUT, _new_batch, _status, make_workspace  # noqa: F401 - fixture


def _drawn(ws, qtbot, db) -> int:
    batch_id = _new_batch(ws, qtbot, db)
    dialog = ws.lock_dialog()
    dialog.announcement.setPlainText("2027-03-02 福利彩票3D开奖号码")
    dialog.accept()
    qtbot.waitUntil(lambda: _status(ws) == "locked", timeout=TIMEOUT)
    dialog = ws.draw_dialog()
    dialog.sources.setPlainText("9319\n2 5 12 8 10\n")
    with qtbot.waitSignal(ws.drawn, timeout=TIMEOUT):
        dialog.accept()
    qtbot.waitUntil(lambda: _status(ws) == "drawn", timeout=TIMEOUT)
    return batch_id


def _click_later(name: str) -> None:
    def click():
        box = QApplication.activeModalWidget()
        box.findChild(QPushButton, name).click()
    QTimer.singleShot(0, click)


def test_center_user_chooses_public_or_full_record(make_workspace, entities_db, qtbot, tmp_path,  # noqa: F811
                                                   monkeypatch):
    ws = make_workspace()
    batch_id = _drawn(ws, qtbot, entities_db)
    box = ws.record_kind_box()
    assert {b.objectName() for b in box.buttons()} >= {"drawRecordPublic", "drawRecordFull"}
    box.deleteLater()
    asked = []
    monkeypatch.setattr(exports, "ask_path", lambda parent, key, detail: asked.append(key) or tmp_path / f"{key}.json")
    for button in ("drawRecordPublic", "drawRecordFull"):
        _click_later(button)
        with qtbot.waitSignal(ws.file_written, timeout=TIMEOUT):
            ws.export_record_dialog(ws.overview.detail)
    assert asked == ["public_record", "record"]
    public = draws.read_record_file(tmp_path / "public_record.json")
    full = draws.read_record_file(tmp_path / "record.json")
    text = json.dumps(public, ensure_ascii=False)
    assert '"stratum"' not in text and '"village"' not in text and '"avoidance"' not in text
    assert "stratum" in json.dumps(full) and full["meta"]["batch_id"] == batch_id
    report = verify_record(public)
    assert report.ok and report.kind == "public" and "picks" in report.not_checked
    assert verify_record(full).ok
    # Cancelled: nothing is asked or written.
    QTimer.singleShot(0, lambda: QApplication.activeModalWidget().reject())
    ws.export_record_dialog(ws.overview.detail)
    assert asked == ["public_record", "record"]


def test_department_user_gets_only_the_public_record(make_workspace, entities_db, qtbot, tmp_path,  # noqa: F811
                                                     monkeypatch):
    center = make_workspace()
    batch_id = _drawn(center, qtbot, entities_db)
    ws = make_workspace("dept_user", show_risk=False)
    ws.show_batch(batch_id)
    qtbot.waitUntil(lambda: ws.overview.detail is not None and ws.overview.detail.id == batch_id, timeout=TIMEOUT)
    monkeypatch.setattr(ws, "ask_record_kind", lambda: (_ for _ in ()).throw(AssertionError("asked")))
    monkeypatch.setattr(exports, "ask_path", lambda parent, key, detail: tmp_path / f"{key}.json")
    with qtbot.waitSignal(ws.file_written, timeout=TIMEOUT):
        ws.export_record_dialog(ws.overview.detail)
    assert draws.read_record_file(tmp_path / "public_record.json")["format"] == "tongguan-draw-public/1"
    # even asked directly for the full record, a department user's console writes the public one
    with qtbot.waitSignal(ws.file_written, timeout=TIMEOUT):
        ws.export_record(tmp_path / "asked_full.json")
    assert "stratum" not in (tmp_path / "asked_full.json").read_text(encoding="utf-8")
