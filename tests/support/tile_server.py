"""A local XYZ tile server for tests and screenshots: each tile shows its z/x/y and border.

It stands in for an intranet tile server (a Tianditu mirror, a tile cache): the map must
ask it, and only it, for tiles. Tiles are drawn with Qt (a QGuiApplication must exist).
"""
from __future__ import annotations

import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

_PATH = re.compile(r"^/(\d+)/(\d+)/(\d+)\.png$")


def _tile_png(z: int, x: int, y: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen

    image = QImage(256, 256, QImage.Format.Format_RGB32)
    image.fill(QColor("#eef1e6") if (x + y) % 2 else QColor("#e6eadc"))
    painter = QPainter(image)
    painter.setPen(QPen(QColor("#b8c2a8"), 1))
    painter.drawRect(0, 0, 255, 255)
    painter.setPen(QColor("#8a957a"))
    painter.setFont(QFont("Noto Sans CJK SC", 9))
    painter.drawText(QRect(6, 4, 244, 20), Qt.AlignmentFlag.AlignLeft, f"test tile {z}/{x}/{y}")
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


class TileServer:
    """``with TileServer() as server: server.url`` is an XYZ template on 127.0.0.1."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        self._cache: dict[tuple[int, int, int], bytes] = {}
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server API
                server.requests.append(self.path)
                match = _PATH.match(self.path)
                if not match:
                    self.send_error(404)
                    return
                key = tuple(int(g) for g in match.groups())
                body = server._cache.get(key)
                if body is None:
                    body = server._cache[key] = _tile_png(*key)
                self.send_response(200)
                self.send_header("Content-Type", "image/png")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args) -> None:
                pass

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._httpd.server_address[1]}/{{z}}/{{x}}/{{y}}.png"

    def __enter__(self) -> TileServer:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
