"""The operator-seed alternative to public sources: commit first, reveal after.

When no suitable public random source is available, the center draws a secret seed,
publishes ``commit(seed)`` (SHA-256 of the seed text, UTF-8) before the pool is frozen,
and reveals the seed when drawing. Anyone can then check that the revealed seed is the
one committed to. This is weaker than RFC 3797's public sources (the operator knows the
seed before the pool is frozen), so the commitment must be published first.
"""
from __future__ import annotations

import hashlib
import hmac
import secrets

__all__ = ["check_commitment", "commit", "new_seed"]


def new_seed() -> str:
    """A fresh secret seed: 32 random bytes as 64 hex digits."""
    return secrets.token_hex(32)


def commit(seed: str) -> str:
    """The commitment to publish: SHA-256 (hex) of the seed text."""
    return hashlib.sha256(seed.encode("utf-8")).hexdigest()


def check_commitment(seed: str, commitment: str) -> bool:
    """Whether ``seed`` is the seed ``commitment`` was made for."""
    return hmac.compare_digest(commit(seed), (commitment or "").strip().lower())
