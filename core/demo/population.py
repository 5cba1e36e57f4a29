"""What later stages need to know about all generated entities, as compact arrays."""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .entities import EntityChunk


@dataclass
class Population:
    """Columns of every entity so far, appended chunk by chunk."""

    parts: list[EntityChunk] = field(default_factory=list)
    usccs: list[str] = field(default_factory=list)

    def add(self, chunk: EntityChunk) -> None:
        # Keep only the arrays, not the row tuples, to bound memory at full scale.
        self.parts.append(EntityChunk(chunk.ids, chunk.type_idx, chunk.industry_idx,
                                      chunk.village_idx, chunk.registered, chunk.risk_idx,
                                      chunk.status, []))
        self.usccs.extend(r[1] for r in chunk.rows)

    def freeze(self) -> "Frozen":
        cat = lambda name: np.concatenate([getattr(p, name) for p in self.parts])  # noqa: E731
        return Frozen(cat("ids"), cat("type_idx"), cat("industry_idx"), cat("village_idx"),
                      cat("registered"), cat("risk_idx"), cat("status"), np.array(self.usccs))


@dataclass(frozen=True)
class Frozen:
    """All entities as arrays, indexed by position (entity id = position + 1)."""

    ids: np.ndarray
    type_idx: np.ndarray
    industry_idx: np.ndarray
    village_idx: np.ndarray
    registered: np.ndarray
    risk_idx: np.ndarray
    status: np.ndarray
    usccs: np.ndarray

    def __len__(self) -> int:
        return len(self.ids)
