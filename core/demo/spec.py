"""What to build: size, seed, reference date; and the seeded random streams."""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field

import numpy as np

FULL_SCALE = 1_200_000
CHUNK = 50_000  # default entities per generation chunk

# Independent random streams, so adding one kind of data never shifts another.
STREAM_ENTITIES = 1
STREAM_TAGS = 2
STREAM_RECORDS = 3
STREAM_PEOPLE = 4
STREAM_CLUES = 5
STREAM_PUSHES = 6
STREAM_COMMITMENTS = 7
STREAM_DRAWS = 8
STREAM_GRID = 9
STREAM_COLLAB = 10  # structure planted for the collaboration views (core.demo.collab)
STREAM_RISK = 11  # signal planted for the early-warning model (core.demo.risk_signal)

LOCAL_TIME = dt.timezone(dt.timedelta(hours=8), "CST")  # China keeps one offset, no DST
# The demo's clock reads this on its "as of" day; its history ends half an hour before,
# and the work done through the services (the build's audit entry, next year's plan)
# fills that half hour. Nothing in the demo happens after its now.
NOW = dt.time(9, 0)
HISTORY_ENDS = dt.timedelta(minutes=30)


@dataclass(frozen=True)
class DemoSpec:
    """Parameters of a demo build; the same spec always yields the same data."""

    entities: int = FULL_SCALE
    seed: int = 20190320  # the day the seed plan was issued
    as_of: dt.date = field(default_factory=dt.date.today)
    profile: str = "yiwu"
    # Entities per generation chunk. Each chunk has its own random streams, so the chunk
    # size is part of the data's identity: same spec (chunk included), same city.
    chunk: int = CHUNK

    def as_meta(self) -> str:
        """The spec as stored in app_meta, so a database says how it was made."""
        return json.dumps({"entities": self.entities, "seed": self.seed, "as_of": self.as_of.isoformat(),
                           "profile": self.profile, "chunk": self.chunk}, sort_keys=True)

    @property
    def now(self) -> dt.datetime:
        """The demo's now: 09:00 Beijing time on ``as_of`` (timezone-aware)."""
        return dt.datetime.combine(self.as_of, NOW, LOCAL_TIME)

    @property
    def history_end(self) -> dt.datetime:
        """Generated history happens before this; service work runs from it up to :attr:`now`."""
        return self.now - HISTORY_ENDS

    def rng(self, stream: int, chunk: int = 0) -> np.random.Generator:
        """A generator for one stream and chunk, independent of every other."""
        return np.random.default_rng([self.seed, stream, chunk])

    @property
    def scale(self) -> float:
        """Size relative to the full city, for scaling counts of other things."""
        return self.entities / FULL_SCALE

    def chunks(self) -> list[tuple[int, int]]:
        """(first index, count) of each generation chunk."""
        return [(s, min(self.chunk, self.entities - s)) for s in range(0, self.entities, self.chunk)]
