"""The audit entries a test looks for: ``exports(db, "draw_notice")`` -> [(actor, after dict)] in order."""
from __future__ import annotations

import json

from sqlalchemy import select

from core.db.database import Database
from core.db.models import AuditEntry


def exports(db: Database, kind: str) -> list[tuple[str, dict]]:
    """Who exported ``kind`` (``export.<kind>`` entries) and what each entry says (file, rows, ...)."""
    with db.sessions() as s:
        rows = s.execute(select(AuditEntry.actor, AuditEntry.after).where(AuditEntry.action == f"export.{kind}")
                         .order_by(AuditEntry.seq)).all()
    return [(actor, json.loads(after or "{}")) for actor, after in rows]
