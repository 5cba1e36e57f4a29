"""Audit entries for reads that let data leave the system: exports and attachment opens.

Changes are audited by the services that make them; these record who took what out,
which file and how many rows, in the same hash chain.
"""
from __future__ import annotations

from pathlib import Path

from core.db.database import Database


def record_export(db: Database, actor: str, kind: str, path: str | Path, rows: int, **details: object) -> None:
    """Audit an export: who wrote which kind of data to which file, and how many rows."""
    path = Path(path)
    with db.uow(actor) as uow:
        uow.require("audit.record")
        uow.audit(f"export.{kind}", "file", path.name[:40],
                  after={"file": path.name, "path": str(path), "rows": rows, **details})
        uow.commit()


def record_attachment_open(db: Database, actor: str, attachment_id: int, clue_id: int, filename: str,
                           size: int) -> None:
    """Audit that ``actor`` opened (read out) a clue's attachment."""
    with db.uow(actor) as uow:
        uow.require("audit.record")
        uow.audit("clue.attachment.open", "clue_attachment", attachment_id,
                  after={"clue_id": clue_id, "file": filename, "bytes": size})
        uow.commit()
