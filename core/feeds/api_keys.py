"""API keys of the source systems that push Open311 requests (``tongguan open311 key create SYSTEM``).

A key is shown once, when made; only its SHA-256 is stored (a key is 256 random bits, so a
plain hash suffices), with a short prefix to tell keys apart in lists. Creating and revoking
keys is the administrator's (``feeds.manage``) and audited; the audit names the prefix only.
"""
from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from sqlalchemy import select

from core.db.database import Database
from core.db.models import Open311Key
from core.db.models.base import utcnow
from core.errors import NotFound
from core.text_input import check_code

KEY_PREFIX = "tg311_"


@dataclass(frozen=True)
class KeyRow:
    id: int
    source_system: str
    prefix: str
    created_at: str
    created_by: str
    revoked: bool


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def create_key(db: Database, actor: str, system: str) -> str:
    """A new key for ``system`` (returned once; only its hash is kept). Audited."""
    system = check_code(system, "system", max_length=40, required=True)
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    with db.uow(actor) as uow:
        uow.require("feeds.manage")
        row = Open311Key(source_system=system, key_hash=_hash(key), prefix=key[:12], created_at=utcnow(),
                         created_by=uow.actor)
        uow.session.add(row)
        uow.session.flush()
        uow.audit("feeds.open311_key.create", "open311_key", row.id, after={"system": system, "prefix": row.prefix})
        uow.commit()
    return key


def revoke_keys(db: Database, actor: str, system: str, prefix: str | None = None) -> int:
    """Revoke ``system``'s keys (those starting with ``prefix``, else all); returns how many. Audited."""
    with db.uow(actor) as uow:
        uow.require("feeds.manage")
        rows = [k for k in uow.session.scalars(select(Open311Key).where(Open311Key.source_system == system,
                                                                         Open311Key.revoked_at.is_(None)))
                if prefix is None or k.prefix.startswith(prefix) or prefix.startswith(k.prefix)]
        if not rows:
            raise NotFound(f"{system} 没有有效的密钥 (no active key of {system})", where="system",
                           code="feeds.no_key", params={"system": system})
        now = utcnow()
        for row in rows:
            row.revoked_at = now
            uow.audit("feeds.open311_key.revoke", "open311_key", row.id, after={"system": system, "prefix": row.prefix})
        uow.commit()
        return len(rows)


def list_keys(db: Database) -> list[KeyRow]:
    with db.sessions() as s:
        return [KeyRow(k.id, k.source_system, k.prefix, k.created_at.isoformat(timespec="seconds"), k.created_by,
                       k.revoked_at is not None)
                for k in s.scalars(select(Open311Key).order_by(Open311Key.source_system, Open311Key.id))]


def system_of_key(db: Database, key: str | None) -> str | None:
    """The source system ``key`` belongs to, None for a missing, unknown or revoked key."""
    if not isinstance(key, str) or not key.startswith(KEY_PREFIX) or len(key) > 200:
        return None
    with db.sessions() as s:
        row = s.scalar(select(Open311Key).where(Open311Key.key_hash == _hash(key)))
        return row.source_system if row is not None and row.revoked_at is None else None
