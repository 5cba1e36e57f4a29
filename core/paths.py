"""Folders Tongguan reads and writes outside the database."""
from __future__ import annotations

from pathlib import Path

import platformdirs

APP = "tongguan"


def user_data_dir() -> Path:
    """Where the embedded database and snapshots live."""
    return Path(platformdirs.user_data_dir(APP, appauthor=False))


def user_cache_dir() -> Path:
    """What can be rebuilt at any time: map index snapshots of server databases, map pages."""
    return Path(platformdirs.user_cache_dir(APP, appauthor=False))


def calendar_schedule_dir() -> Path:
    """Where an administrator drops holiday schedule files for years the package lacks."""
    return Path(platformdirs.user_config_dir(APP, appauthor=False)) / "calendar"
