"""Every console setting, declared once, and the versioned INI file that keeps them.

A setting is declared with :func:`declare` (key, type, default, English label) at
import time of the module that owns it, like Picard's ``picard/options.py``; a key
declared twice is an error, and reading or writing an undeclared key is one too.
:class:`Settings` gives typed access: a missing or malformed stored value reads
as the default, and a value of the wrong type is refused when written.

The file is QSettings' INI format in the user scope (tests redirect it with
``QSettings.setPath``). It carries ``schema_version``; :func:`upgrade` brings an
older file to :data:`CURRENT_SCHEMA_VERSION` by running the steps of
:data:`UPGRADE_STEPS` in order (Picard's ``picard/config_upgrade.py``). Version 1
is the unversioned file of the first shell. No module but this one creates a
QSettings: everything persistent goes through a declared setting.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QByteArray, QCoreApplication, QSettings

from desktop.i18n import DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES
from desktop.theme import DEFAULT_THEME, THEMES

_log = logging.getLogger(__name__)

SETTINGS_ORGANIZATION = "Tongguan"
SETTINGS_APPLICATION = "Tongguan"
TRANSLATION_CONTEXT = "Settings"
SCHEMA_VERSION_KEY = "schema_version"
CURRENT_SCHEMA_VERSION = 2

_TYPES = (str, int, bool, bytes)
_BOOL_TEXT = {"true": True, "1": True, "false": False, "0": False}


@dataclass(frozen=True)
class Setting:
    """One declared setting; ``label`` is the untranslated English source."""

    key: str
    type: type
    default: Any
    label: str
    choices: tuple[Any, ...] = ()

    def translated_label(self) -> str:
        """Return the label in the current UI language."""
        return QCoreApplication.translate(TRANSLATION_CONTEXT, self.label)

    def accepts(self, value: Any) -> bool:
        """True when ``value`` has this setting's type and is one of its choices."""
        # bool is an int subclass: an int setting must not silently take True.
        if type(value) is not self.type:
            return False
        return not self.choices or value in self.choices


_DECLARED: dict[str, Setting] = {}


def declare(key: str, type_: type, default: Any, label: str, *, choices: tuple = ()) -> Setting:
    """Declare setting ``key``; raise ValueError if it is declared already.

    ``type_`` is one of str, int, bool or bytes; ``default`` must have that type
    and, when ``choices`` are given, be one of them.
    """
    if key in _DECLARED or key == SCHEMA_VERSION_KEY:
        raise ValueError(f"setting {key!r} is declared twice")
    if type_ not in _TYPES:
        raise TypeError(f"setting {key!r}: type must be one of str, int, bool, bytes")
    setting = Setting(key, type_, default, label, tuple(choices))
    if not setting.accepts(default):
        raise TypeError(f"setting {key!r}: default {default!r} is not an allowed {type_.__name__}")
    _DECLARED[key] = setting
    return setting


def declared() -> Mapping[str, Setting]:
    """Return every declared setting by key, in declaration order."""
    return dict(_DECLARED)


# QT_TRANSLATE_NOOP marks the labels for lupdate; they are translated on display.
LANGUAGE = declare(
    "ui/language", str, DEFAULT_LANGUAGE,
    QT_TRANSLATE_NOOP("Settings", "Interface language"), choices=SUPPORTED_LANGUAGES,
)
THEME = declare(
    "ui/theme", str, DEFAULT_THEME, QT_TRANSLATE_NOOP("Settings", "Colour theme"), choices=THEMES
)
LAST_USERNAME = declare(
    "sign_in/last_username", str, "", QT_TRANSLATE_NOOP("Settings", "User name of the last sign-in")
)
WINDOW_GEOMETRY = declare(
    "main_window/geometry", bytes, b"", QT_TRANSLATE_NOOP("Settings", "Main window position and size")
)
WINDOW_STATE = declare(
    "main_window/state", bytes, b"", QT_TRANSLATE_NOOP("Settings", "Main window toolbars and panels")
)
LAST_WORKSPACE = declare(
    "main_window/last_workspace", str, "", QT_TRANSLATE_NOOP("Settings", "Workspace shown last")
)
TILE_URL = declare(
    "map/tile_url", str, "", QT_TRANSLATE_NOOP("Settings", "Map tile server address (empty: schematic base map)")
)
TILE_COORDS = declare(
    "map/tile_coords", str, "wgs84", QT_TRANSLATE_NOOP("Settings", "Coordinate system of the map tiles"),
    choices=("wgs84", "gcj02"),
)
TILE_ATTRIBUTION = declare(
    "map/tile_attribution", str, "", QT_TRANSLATE_NOOP("Settings", "Map tile attribution")
)
TILE_KIND = declare(
    "map/tile_kind", str, "xyz", QT_TRANSLATE_NOOP("Settings", "Kind of map tile server (XYZ template or WMTS)"),
    choices=("xyz", "wmts"),
)
TILE_SUBDOMAINS = declare(
    "map/tile_subdomains", str, "", QT_TRANSLATE_NOOP("Settings", "Map tile server subdomains ({s})")
)
TILE_WMTS_LAYER = declare("map/tile_wmts_layer", str, "", QT_TRANSLATE_NOOP("Settings", "WMTS layer of the base map"))
TILE_WMTS_MATRIX_SET = declare(
    "map/tile_wmts_matrix_set", str, "GoogleMapsCompatible",
    QT_TRANSLATE_NOOP("Settings", "WMTS tile matrix set of the base map"),
)
TILE_WMTS_FORMAT = declare(
    "map/tile_wmts_format", str, "image/png", QT_TRANSLATE_NOOP("Settings", "WMTS image format of the base map")
)
OVERLAY_URL = declare(
    "map/overlay_url", str, "", QT_TRANSLATE_NOOP("Settings", "Map label overlay address (empty: none)")
)
OVERLAY_KIND = declare(
    "map/overlay_kind", str, "xyz", QT_TRANSLATE_NOOP("Settings", "Kind of map label overlay server"),
    choices=("xyz", "wmts"),
)
OVERLAY_SUBDOMAINS = declare(
    "map/overlay_subdomains", str, "", QT_TRANSLATE_NOOP("Settings", "Map label overlay subdomains ({s})")
)
OVERLAY_WMTS_LAYER = declare(
    "map/overlay_wmts_layer", str, "", QT_TRANSLATE_NOOP("Settings", "WMTS layer of the label overlay")
)
OVERLAY_WMTS_MATRIX_SET = declare(
    "map/overlay_wmts_matrix_set", str, "GoogleMapsCompatible",
    QT_TRANSLATE_NOOP("Settings", "WMTS tile matrix set of the label overlay"),
)
OVERLAY_WMTS_FORMAT = declare(
    "map/overlay_wmts_format", str, "image/png", QT_TRANSLATE_NOOP("Settings", "WMTS image format of the label overlay")
)
# The map's tile settings by the names maps.tiles.tile_config_from uses.
TILE_SETTINGS = {
    "url": TILE_URL, "coords": TILE_COORDS, "attribution": TILE_ATTRIBUTION, "kind": TILE_KIND,
    "subdomains": TILE_SUBDOMAINS, "layer": TILE_WMTS_LAYER, "matrix_set": TILE_WMTS_MATRIX_SET,
    "format": TILE_WMTS_FORMAT, "overlay_url": OVERLAY_URL, "overlay_kind": OVERLAY_KIND,
    "overlay_subdomains": OVERLAY_SUBDOMAINS, "overlay_layer": OVERLAY_WMTS_LAYER,
    "overlay_matrix_set": OVERLAY_WMTS_MATRIX_SET, "overlay_format": OVERLAY_WMTS_FORMAT,
}
RANK_MIN_CLOCKS = declare(
    "efficiency/rank_min_clocks", int, 20,
    QT_TRANSLATE_NOOP("Settings", "Efficiency ranking: clocks a unit needs to be ranked"),
)
WALL_SCREEN = declare(
    "draws/wall_screen", str, "",
    QT_TRANSLATE_NOOP("Settings", "Screen of the draw ceremony's full screen (empty: a secondary one)"),
)
WALL_SCENES = declare(
    "wall/scenes", str, "",
    QT_TRANSLATE_NOOP("Settings", "Wall: the playlist's scenes, in order, separated by commas (empty: every scene)"),
)
WALL_INTERVAL_S = declare(
    "wall/interval_s", int, 20, QT_TRANSLATE_NOOP("Settings", "Wall: seconds each scene of the playlist shows"),
)
WALL_PUSH_HOLD_S = declare(
    "wall/push_hold_s", int, 60,
    QT_TRANSLATE_NOOP("Settings", "Wall: seconds a push shows before the playlist resumes"),
)
WALL_PINNED = declare(
    "wall/pinned", str, "", QT_TRANSLATE_NOOP("Settings", "Wall: the pinned scene (empty: none)"),
)
WALL_WINDOW_SCREEN = declare(
    "wall/screen", str, "",
    QT_TRANSLATE_NOOP("Settings", "Screen of the wall window (empty: a secondary one)"),
)


# ---- schema upgrades --------------------------------------------------------

UpgradeStep = Callable[[QSettings], None]
"""Rewrites a settings file of version N into version N + 1."""


def _rename(qsettings: QSettings, old: str, new: str) -> None:
    if qsettings.contains(old):
        if not qsettings.contains(new):
            qsettings.setValue(new, qsettings.value(old))
        qsettings.remove(old)


def _upgrade_v1_to_v2(qsettings: QSettings) -> None:
    # The first shell saved the current workspace under a name that did not say "last".
    _rename(qsettings, "main_window/workspace", LAST_WORKSPACE.key)


UPGRADE_STEPS: dict[int, UpgradeStep] = {1: _upgrade_v1_to_v2}
"""Version N -> the step that turns a version-N file into version N + 1."""


def stored_schema_version(qsettings: QSettings) -> int | None:
    """Return the file's schema version: None when empty, 1 when written unversioned."""
    raw = qsettings.value(SCHEMA_VERSION_KEY)
    if raw is None:
        return 1 if qsettings.allKeys() else None
    try:
        return int(raw)
    except (TypeError, ValueError):
        _log.warning("settings %s: unreadable schema_version %r; treating it as 1",
                     qsettings.fileName(), raw)
        return 1


def upgrade(
    qsettings: QSettings,
    *,
    steps: Mapping[int, UpgradeStep] = UPGRADE_STEPS,
    current: int = CURRENT_SCHEMA_VERSION,
) -> tuple[int | None, int]:
    """Bring ``qsettings`` to schema ``current``; return (version before, version after).

    The version is written after each step, so an interrupted upgrade resumes
    where it stopped. A file written by a newer Tongguan is left untouched.
    """
    before = stored_schema_version(qsettings)
    version = current if before is None else before
    if version > current:
        _log.warning("settings %s have schema %d, newer than %d; leaving them as they are",
                     qsettings.fileName(), version, current)
        return before, version
    while version < current:
        try:
            step = steps[version]
        except KeyError:
            raise RuntimeError(f"no settings upgrade step from schema {version}") from None
        _log.info("upgrading settings %s from schema %d", qsettings.fileName(), version)
        step(qsettings)
        version += 1
        qsettings.setValue(SCHEMA_VERSION_KEY, version)
    if before != version:
        qsettings.setValue(SCHEMA_VERSION_KEY, version)
    qsettings.sync()
    return before, version


# ---- typed access -----------------------------------------------------------


def open_settings() -> QSettings:
    """Return the raw QSettings of the console (INI on every platform), not upgraded.

    Prefer :meth:`Settings.open`; this is for tools and tests that inspect the file.
    """
    return QSettings(
        QSettings.Format.IniFormat,
        QSettings.Scope.UserScope,
        SETTINGS_ORGANIZATION,
        SETTINGS_APPLICATION,
    )


class Settings:
    """Typed access to the declared settings stored in one upgraded INI file.

    ``settings[LANGUAGE]`` and ``settings["ui/language"]`` read a value;
    assignment writes it. Values are written through at once; :meth:`sync`
    flushes them to disk.
    """

    def __init__(self, qsettings: QSettings) -> None:
        self._qsettings = qsettings

    @classmethod
    def open(cls, path: str | Path | None = None) -> Settings:
        """Open (and upgrade) the user's settings, or the INI file at ``path``."""
        if path is None:
            qsettings = open_settings()
        else:
            qsettings = QSettings(str(path), QSettings.Format.IniFormat)
        upgrade(qsettings)
        return cls(qsettings)

    @property
    def schema_version(self) -> int | None:
        """The schema version of the file."""
        return stored_schema_version(self._qsettings)

    def file_name(self) -> str:
        """Return the path of the INI file."""
        return self._qsettings.fileName()

    def __getitem__(self, setting: Setting | str) -> Any:
        setting = _lookup(setting)
        raw = self._qsettings.value(setting.key)
        if raw is None:
            return setting.default
        value = _coerce(setting, raw)
        if not setting.accepts(value):
            _log.warning("setting %s: ignoring stored value %r", setting.key, raw)
            return setting.default
        return value

    def __setitem__(self, setting: Setting | str, value: Any) -> None:
        setting = _lookup(setting)
        if not setting.accepts(value):
            allowed = f" (one of {', '.join(map(repr, setting.choices))})" if setting.choices else ""
            raise TypeError(
                f"setting {setting.key!r} takes a {setting.type.__name__}{allowed}, not {value!r}"
            )
        self._qsettings.setValue(setting.key, QByteArray(value) if setting.type is bytes else value)

    def reset(self, setting: Setting | str) -> None:
        """Forget the stored value so the default applies again."""
        self._qsettings.remove(_lookup(setting).key)

    def sync(self) -> None:
        """Write pending changes to disk."""
        self._qsettings.sync()


def _lookup(setting: Setting | str) -> Setting:
    key = setting.key if isinstance(setting, Setting) else setting
    try:
        return _DECLARED[key]
    except KeyError:
        raise KeyError(f"setting {key!r} is not declared") from None


def _coerce(setting: Setting, raw: Any) -> Any:
    """Turn what QSettings read back (INI gives strings) into the setting's type."""
    if setting.type is bytes:
        if isinstance(raw, QByteArray):
            return raw.data()
        return raw if isinstance(raw, bytes) else None
    if setting.type is bool:
        return raw if isinstance(raw, bool) else _BOOL_TEXT.get(str(raw).strip().lower())
    if setting.type is int:
        try:
            return int(raw)
        except (TypeError, ValueError):
            return None
    return raw if isinstance(raw, str) else None
