"""The ordered pool of inspection objects (抽查对象名录库) a batch draws from.

The pool is ordered by Unified Social Credit Code (plain code-point order of the 18
characters), which anyone can reproduce from the published list. Its fingerprint is the
SHA-256 of the codes in that order joined by newlines (UTF-8, no trailing newline),
published with the pool count before the random sources are known.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise
from operator import attrgetter

__all__ = ["PoolEntry", "ordered_pool", "pool_hash", "strata_hash"]


@dataclass(frozen=True, slots=True)   # slots: a pool holds ~10^6 of them
class PoolEntry:
    """One market entity in a batch's pool, with the risk class (stratum) it is drawn in."""

    uscc: str
    entity_id: int
    stratum: str              # risk class "A".."D": in the record, never in public notices
    village: str | None = None


def ordered_pool(entries: Iterable[PoolEntry]) -> tuple[PoolEntry, ...]:
    """The entries sorted by USCC; a code present twice is refused (ValueError naming it)."""
    pool = sorted(entries, key=lambda e: e.uscc)
    for a, b in pairwise(pool):
        if a.uscc == b.uscc:
            raise ValueError(f"抽查对象库中统一社会信用代码重复 (duplicate USCC in the pool): {a.uscc}")
    return tuple(pool)


def pool_hash(usccs: Iterable[str]) -> str:
    """SHA-256 (hex) of the codes sorted, one per line: the pool fingerprint published before the draw."""
    return hashlib.sha256("\n".join(sorted(usccs)).encode("utf-8")).hexdigest()


def strata_hash(pool: Iterable[PoolEntry]) -> str:
    """SHA-256 (hex) of ``"USCC stratum"`` lines in USCC order, joined by newlines.

    The risk classes are not published, but fixing this digest when the batch is locked
    shows afterwards that no entity was moved to another stratum once the random values
    were known.
    """
    ordered = sorted(pool, key=attrgetter("uscc"))   # linear when already in order
    return hashlib.sha256("\n".join([f"{e.uscc} {e.stratum}" for e in ordered]).encode("utf-8")).hexdigest()
