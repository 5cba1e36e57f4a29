"""Light and dark themes: Fusion, a QPalette and a rendered QSS template.

Each theme is a flat set of colour tokens in ``resources/themes/<name>.json``.
The tokens fill the application palette (so built-in painting follows the theme)
and the ``{{ token }}`` placeholders of ``resources/themes/base.qss``.
"""

from __future__ import annotations

import json
import re
from importlib import resources

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

THEMES: tuple[str, ...] = ("light", "dark")
DEFAULT_THEME = "light"

_THEMES_PACKAGE = "resources.themes"
_TEMPLATE_NAME = "base.qss"
_THEME_PROPERTY = "tongguan_theme"
_PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")

_ROLE = QPalette.ColorRole
_GROUP = QPalette.ColorGroup

# Palette role -> token, for the active and inactive groups.
_PALETTE_TOKENS: dict[QPalette.ColorRole, str] = {
    _ROLE.Window: "window",
    _ROLE.WindowText: "window_text",
    _ROLE.Base: "base",
    _ROLE.AlternateBase: "alternate_base",
    _ROLE.Text: "text",
    _ROLE.Button: "button",
    _ROLE.ButtonText: "button_text",
    _ROLE.Highlight: "highlight",
    _ROLE.HighlightedText: "highlighted_text",
    _ROLE.ToolTipBase: "tooltip_base",
    _ROLE.ToolTipText: "tooltip_text",
    _ROLE.Link: "link",
    _ROLE.LinkVisited: "link",
    _ROLE.PlaceholderText: "placeholder_text",
    _ROLE.Accent: "accent",
}
_DISABLED_TOKENS: dict[QPalette.ColorRole, str] = {
    _ROLE.WindowText: "disabled_text",
    _ROLE.Text: "disabled_text",
    _ROLE.ButtonText: "disabled_text",
}


class ThemeError(ValueError):
    """A theme name is unknown or its tokens do not fit the template."""


def load_tokens(name: str) -> dict[str, str]:
    """Return the colour tokens of theme ``name``."""
    if name not in THEMES:
        raise ThemeError(f"unknown theme {name!r}; known: {', '.join(THEMES)}")
    text = resources.files(_THEMES_PACKAGE).joinpath(f"{name}.json").read_text("utf-8")
    colors = json.loads(text)["colors"]
    for token, value in colors.items():
        if not QColor.isValidColorName(value):
            raise ThemeError(f"theme {name!r}: token {token!r} is not a colour: {value!r}")
    return dict(colors)


def render_stylesheet(tokens: dict[str, str], template: str | None = None) -> str:
    """Fill the ``{{ token }}`` placeholders of ``template`` (default: base.qss)."""
    if template is None:
        template = resources.files(_THEMES_PACKAGE).joinpath(_TEMPLATE_NAME).read_text("utf-8")
    missing = sorted({m.group(1) for m in _PLACEHOLDER.finditer(template)} - tokens.keys())
    if missing:
        raise ThemeError(f"style sheet uses undefined tokens: {', '.join(missing)}")
    return _PLACEHOLDER.sub(lambda match: tokens[match.group(1)], template)


def build_palette(tokens: dict[str, str]) -> QPalette:
    """Return a QPalette whose roles come from ``tokens``.

    The bevel shades (Light, Mid, Dark, Shadow) are derived by Qt from the button
    and window colours, the way Fusion expects.
    """
    palette = QPalette(QColor(tokens["button"]), QColor(tokens["window"]))
    for role, token in _PALETTE_TOKENS.items():
        palette.setColor(role, QColor(tokens[token]))
    for role, token in _DISABLED_TOKENS.items():
        palette.setColor(_GROUP.Disabled, role, QColor(tokens[token]))
    return palette


def current_theme(app: QCoreApplication) -> str:
    """Return the theme last applied with :func:`apply_theme`."""
    value = app.property(_THEME_PROPERTY)
    return value if isinstance(value, str) and value else DEFAULT_THEME


def apply_theme(app: QApplication, name: str) -> None:
    """Apply theme ``name`` (``"light"`` or ``"dark"``) to the whole application."""
    tokens = load_tokens(name)
    stylesheet = render_stylesheet(tokens)
    if app.style().name().lower() != "fusion":
        app.setStyle(QStyleFactory.create("Fusion"))
    app.setPalette(build_palette(tokens))
    app.setStyleSheet(stylesheet)
    app.setProperty(_THEME_PROPERTY, name)
