"""Pause the cyclic garbage collector while building a million small containers."""
from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Creating ~10^6 lists or entries (a record's pool) triggers full collections that walk
    every live object again and again: 3-4x the work itself. Nothing built here forms
    reference cycles, so pausing the collector loses nothing; its state is restored after."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
