"""Even-odd point-in-polygon over many points at once, in numpy.

The ring's edges are straight lines in Web-Mercator (screen) space, as Leaflet draws
them, so the test runs on world x/y rather than on degrees. One pass per edge, each
vectorised over the candidate points: cost is edges x candidates, and callers first cut
candidates to the ring's bounding box.
"""
from __future__ import annotations

import numpy as np
from numpy.typing import NDArray


def inside_ring(px: NDArray[np.float64], py: NDArray[np.float64],
                ring_x: NDArray[np.float64], ring_y: NDArray[np.float64]) -> NDArray[np.bool_]:
    """bool per point: is (px, py) inside the ring (vertices not repeated at the end)?

    A horizontal ray from each point crosses an odd number of edges exactly when the
    point is inside; each edge counts when it straddles the point's y (half-open, so a
    vertex on the ray counts once) and crosses the ray east of the point.
    """
    inside = np.zeros(px.shape, dtype=bool)
    n = len(ring_x)
    for i in range(n):
        x1, y1 = ring_x[i], ring_y[i]
        x2, y2 = ring_x[i - 1], ring_y[i - 1]
        if y1 == y2:
            continue  # a horizontal edge never straddles
        hit = np.flatnonzero((y1 > py) != (y2 > py))
        if hit.size:
            crossing_x = (x2 - x1) * (py[hit] - y1) / (y2 - y1) + x1
            inside[hit] ^= px[hit] < crossing_x
    return inside
