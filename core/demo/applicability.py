"""Which industries a licence, permit or clue applies to (GB/T 4754-2017 sections or code prefixes).

The demo vocabulary names a title either by its issuing department alone (it fits every
industry) or as ``{"department": ..., "industries": [...]}`` where each entry is a section
letter ("C", manufacturing) or a prefix of the four-digit class code ("51" a division,
"543" a group, "5251" a class). Generation only gives an entity a title its industry fits.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from core.errors import ConfigError


def issuer(entry: str | Mapping) -> str:
    """The department that issues a title (its name as in departments.json)."""
    return entry if isinstance(entry, str) else entry["department"]


def patterns(entry: str | Mapping | None) -> Sequence[str]:
    """The industry patterns of a title; empty: every industry."""
    return () if entry is None or isinstance(entry, str) else entry.get("industries", ())


@dataclass(frozen=True)
class IndustryRules:
    """Matches industry codes against section letters and code prefixes."""

    sections: Mapping[str, tuple[int, int]]  # letter -> (first, last) two-digit division

    @classmethod
    def from_vocabulary(cls, vocabulary: Mapping) -> IndustryRules:
        table = vocabulary.get("industry_sections", {})
        return cls({k: (int(v[0]), int(v[1])) for k, v in table.items() if not k.startswith("_")})

    def check(self, pattern: str, where: str) -> None:
        """Raise ConfigError for a pattern that is neither a known section nor a code prefix."""
        if pattern in self.sections or (pattern.isdigit() and 1 <= len(pattern) <= 4):
            return
        raise ConfigError(f"{pattern!r} is neither a GB/T 4754 section letter nor an industry code prefix",
                          where=where)

    def matches(self, pattern: str, code: str) -> bool:
        if pattern in self.sections:
            first, last = self.sections[pattern]
            return first <= int(code[:2]) <= last
        return code.startswith(pattern)

    def applies(self, entry: str | Mapping | None, code: str) -> bool:
        """Whether a title (vocabulary entry) fits an industry class."""
        wanted = patterns(entry)
        return not wanted or any(self.matches(p, code) for p in wanted)

    def matrix(self, entries: Sequence[str | Mapping | None], codes: Sequence[str]) -> np.ndarray:
        """fits[industry, title] for industries ``codes`` (the generator's order)."""
        return np.array([[self.applies(e, c) for e in entries] for c in codes], dtype=bool).reshape(
            len(codes), len(entries))


@dataclass(frozen=True)
class TitlePicker:
    """Draws, per record, a title its owner's industry fits (uniformly among those)."""

    fits: np.ndarray  # bool [industry, title]

    def __post_init__(self) -> None:
        counts = self.fits.sum(axis=1)
        width = max(1, int(counts.max()) if counts.size else 1)
        table = np.zeros((len(self.fits), width), dtype=np.int64)
        for i, row in enumerate(self.fits):
            allowed = np.flatnonzero(row)
            table[i, :len(allowed)] = allowed
        object.__setattr__(self, "_counts", counts)
        object.__setattr__(self, "_table", table)

    def eligible(self, industry_idx: np.ndarray) -> np.ndarray:
        """Whether each entity's industry fits at least one title."""
        return self._counts[industry_idx] > 0

    def pick(self, rng: np.random.Generator, industry_idx: np.ndarray) -> np.ndarray:
        """A title index for each owner (every owner must be eligible)."""
        slot = (rng.random(len(industry_idx)) * self._counts[industry_idx]).astype(np.int64)
        return self._table[industry_idx, slot]
