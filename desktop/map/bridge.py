"""The one QWebChannel object the map page talks to (registered as ``bridge``).

The page calls the slots with JSON strings (see docs/map-protocol.md); the bridge
parses them and re-emits plain Python values as Qt signals for the workspace.
Python sends payloads to the page with :meth:`MapBridge.send`.
"""
from __future__ import annotations

import json
import logging

from PySide6.QtCore import QObject, Signal, Slot

_log = logging.getLogger(__name__)


def _parse(raw: str, what: str) -> dict | None:
    try:
        value = json.loads(raw)
    except (TypeError, ValueError) as error:
        _log.warning("map page sent a malformed %s message (%s): %.200r", what, error, raw)
        return None
    if not isinstance(value, dict):
        _log.warning("map page sent a %s message that is not an object: %.200r", what, raw)
        return None
    return value


class MapBridge(QObject):
    """Signals out of the page, and ``payloadReady`` into it."""

    payloadReady = Signal(str)  # noqa: N815 - the page connects to this exact name

    ready = Signal()
    view_changed = Signal(dict)
    layers_changed = Signal(dict)
    entity_clicked = Signal(int)
    selection_drawn = Signal(dict)
    drawn = Signal(dict)  # the page finished drawing a payload: {"seq", "ms", "clusters", "points"}

    def send(self, payload_json: str) -> None:
        """Hand one payload (a JSON string) to the page."""
        self.payloadReady.emit(payload_json)

    @Slot()
    def pageReady(self) -> None:  # noqa: N802 - called from JavaScript
        self.ready.emit()

    @Slot(str)
    def viewChanged(self, raw: str) -> None:  # noqa: N802
        view = _parse(raw, "view")
        if view is not None:
            self.view_changed.emit(view)

    @Slot(str)
    def layersChanged(self, raw: str) -> None:  # noqa: N802
        layers = _parse(raw, "layers")
        if layers is not None:
            self.layers_changed.emit(layers)

    @Slot(int)
    def entityClicked(self, entity_id: int) -> None:  # noqa: N802
        self.entity_clicked.emit(int(entity_id))

    @Slot(str)
    def selectionDrawn(self, raw: str) -> None:  # noqa: N802
        selection = _parse(raw, "selection")
        if selection is not None:
            self.selection_drawn.emit(selection)

    @Slot(str)
    def painted(self, raw: str) -> None:
        info = _parse(raw, "painted")
        if info is not None:
            self.drawn.emit(info)
