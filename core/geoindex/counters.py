"""How many database rows the map read, by purpose: an instrument for tests and benchmarks.

The map promises never to re-read the city for one change: a clue step reads a few clock
and clue rows, an entity change reads that entity's row and tags. ``ROWS_READ`` counts
every row the loaders fetch (``entity_columns`` for the columnar index, ``clocks`` and
``clues`` for the overlays), so a test can assert the promise and the benchmark can
print it. Counting costs one locked addition per query, not per row.
"""
from __future__ import annotations

import threading
from collections import Counter


class RowCounter:
    """Thread-safe running totals of rows read, per purpose."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._counts: Counter[str] = Counter()

    def add(self, purpose: str, rows: int) -> None:
        if rows:
            with self._lock:
                self._counts[purpose] += int(rows)

    def snapshot(self) -> dict[str, int]:
        """The totals so far (subtract two snapshots to count one operation)."""
        with self._lock:
            return dict(self._counts)

    def since(self, before: dict[str, int]) -> dict[str, int]:
        """Rows read per purpose since ``before`` (a :meth:`snapshot`); purposes with none left out."""
        now = self.snapshot()
        return {k: n - before.get(k, 0) for k, n in now.items() if n - before.get(k, 0)}


ROWS_READ = RowCounter()
