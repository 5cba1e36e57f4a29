"""Data leaving the system is audited: entity exports, Open311 exports and attachment opens
name who, which file and how many rows, in the same chain."""
from __future__ import annotations

import json

from sqlalchemy import select

from core.db.audit_chain import verify
from core.db.models import AuditEntry
from core.services import clues, export
from core.services.search import EntityFilter, EntitySearch


def _last(db, action):
    with db.sessions() as s:
        e = s.scalars(select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.seq.desc())).first()
    assert e is not None, action
    return e


def test_exports_and_attachment_opens_are_audited(demo_db, tmp_path):
    out = tmp_path / "主体清单.csv"
    rows = export.export_entities(EntitySearch(demo_db), EntityFilter(town_codes=()), out,
                                  include_risk=False, actor="monitor")
    e = _last(demo_db, "export.entities")
    after = json.loads(e.after)
    assert (e.actor, after["file"], after["rows"], after["include_risk"]) == ("monitor", "主体清单.csv", rows, False)
    assert rows > 0

    requests = tmp_path / "requests.json"
    n = clues.export_open311(demo_db, requests, actor="monitor")
    e = _last(demo_db, "export.open311")
    assert (e.actor, json.loads(e.after)["rows"], json.loads(e.after)["file"]) == ("monitor", n, "requests.json")

    c = clues.create_clue(demo_db, "grid", clues.NewClue(source="grid", description="附件审计测试", lat=29.31,
                                                          lng=120.07))
    clues.attach(demo_db, "grid", c, [clues.Attachment("举报信.txt", "请查处".encode())])
    file_id = clues.clue_detail(demo_db, c).files[0].id
    assert clues.attachment_content(demo_db, file_id, actor="monitor") == ("举报信.txt", "请查处".encode())
    e = _last(demo_db, "clue.attachment.open")
    assert (e.actor, e.object_id, json.loads(e.after)) == ("monitor", str(file_id),
                                                          {"clue_id": c, "file": "举报信.txt", "bytes": 9})
    assert verify(demo_db.engine).ok
