"""Drawing the graph and the flow bigger without laying them out anew: the wall's scenes
(:mod:`.wall_scenes`) show the console's pictures with every size multiplied."""
from __future__ import annotations

from PySide6.QtCore import QSizeF


class Zoomable:
    """For a QGraphicsView whose ``_rebuild`` lays out its scene over :meth:`canvas_size`."""

    zoom = 1.0

    def set_zoom(self, zoom: float) -> None:
        """Draw everything (text, nodes, widths) ``zoom`` times bigger: the layout fills the
        view at 1/``zoom`` of its size and the view scales it back up."""
        zoom = max(0.1, float(zoom))
        if zoom == self.zoom:
            return
        self.zoom = zoom
        self.resetTransform()
        self.scale(zoom, zoom)
        self._rebuild()

    def canvas_size(self) -> QSizeF:
        """The size the layout fills: the viewport's, divided by the zoom."""
        size = self.viewport().size()
        return QSizeF(size.width() / self.zoom, size.height() / self.zoom)
