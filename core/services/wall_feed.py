"""The wall's figures as a read-only JSON feed, for display software a center already runs.

``GET /figures`` answers every figure (:func:`core.services.wall_figures.figures_json`);
``GET /scenes/<name>`` one scene's (``overview``, ``towns``, ``rankings``, ``trend``,
``feed``, ``pushes``, ``draw``). UTF-8 JSON with Chinese as characters. Figures are
brought up to date at most once a second, from the changes other processes record
(:class:`core.live.follow.ChangeFollower`): a clue step rereads that clue, not the city.

It listens on 127.0.0.1 by default. Bound to any other address it needs a token, sent as
``Authorization: Bearer <token>`` or ``?token=<token>`` and compared in constant time.
Other methods get 405, unknown paths 404, a missing or wrong token 401, a database that
cannot be read 503: always a JSON body ``{"error": code, "message": words}``, never a
traceback. Standard library only (``http.server``).
"""
from __future__ import annotations

import hmac
import ipaddress
import json
import logging
import threading
import time
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from core.db.database import Database
from core.db.engine import as_unavailable
from core.errors import DatabaseUnavailable, ValidationError
from core.serving import serve_until

from .wall_figures import SCENES, WallFigureCache, WallFigures, figures_json, scene_json

_log = logging.getLogger(__name__)
MIN_REFRESH_S = 1.0


def is_loopback(host: str) -> bool:
    """True for localhost and loopback addresses (127.0.0.0/8, ::1)."""
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # another name: it may resolve to anything


class FeedFigures:
    """The figures the feed serves, refreshed from other processes' changes at most once a second."""

    def __init__(self, db: Database, *, cache: WallFigureCache | None = None, snapshot_dir: Path | None = None,
                 min_interval: float = MIN_REFRESH_S) -> None:
        from core.live.follow import ChangeFollower

        self._cache = cache or WallFigureCache(db, snapshot_dir=snapshot_dir)
        self._label = db.label
        self._follower = ChangeFollower(db)
        self._lock = threading.Lock()
        self._interval = min_interval
        self._checked = -float("inf")
        self._figures: WallFigures | None = None

    def current(self) -> WallFigures:
        """The figures, brought up to date if the last look is a second old (DatabaseUnavailable:
        the database cannot be read and there is nothing to show yet)."""
        with self._lock:
            now = time.monotonic()
            if self._figures is not None and now - self._checked < self._interval:
                return self._figures
            self._checked = now
            try:
                self._figures = self._bring_up_to_date()
            except Exception as error:  # noqa: BLE001 - only a lost database is survived, the rest re-raised
                unavailable = as_unavailable(error, self._label)
                if unavailable is None:
                    raise
                if self._figures is None:
                    raise unavailable from error
                _log.warning("wall feed: the database cannot be read (%s); serving the last figures", unavailable)
            return self._figures

    def _bring_up_to_date(self) -> WallFigures:
        if self._figures is None:
            self._follower.start()  # before reading, so no commit in between is missed
            return self._cache.get()
        changes = self._follower.read_new()
        if not changes:
            return self._cache.get()  # redone when the day turned
        merged = changes[0]
        for more in changes[1:]:
            merged = merged.merged(more)
        return self._cache.refresh(merged)

    def close(self) -> None:
        self._follower.close()


def _token_of(handler: BaseHTTPRequestHandler, query: dict[str, list[str]]) -> bytes | None:
    """The token sent, as bytes: a header as it came on the wire (http.server reads headers as
    Latin-1), a query value percent-decoded as UTF-8."""
    auth = handler.headers.get("Authorization", "")
    if auth[:7].lower() == "bearer ":
        return auth[7:].strip().encode("latin-1", errors="replace")
    values = query.get("token")
    return values[0].encode("utf-8") if values else None


class _Handler(BaseHTTPRequestHandler):
    server: FeedServer
    server_version = "TongguanWallFeed/1"
    sys_version = ""  # no Python version in the Server header
    protocol_version = "HTTP/1.1"

    def _send(self, status: int, body: dict, extra: dict[str, str] | None = None) -> None:
        data = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def _error(self, status: HTTPStatus, code: str, message: str, extra: dict[str, str] | None = None) -> None:
        self._send(status, {"error": code, "message": message}, extra)

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        try:
            self._get()
        except Exception:  # noqa: BLE001 - a client gets JSON, the log gets the rest
            _log.exception("wall feed: %s failed", self.path)
            self._error(HTTPStatus.INTERNAL_SERVER_ERROR, "internal", "the figures could not be served")

    do_HEAD = do_GET  # noqa: N815

    def _get(self) -> None:
        url = urlsplit(self.path)
        query = parse_qs(url.query)
        expected = self.server.token
        if expected is not None:
            given = _token_of(self, query)
            if given is None or not hmac.compare_digest(given, expected.encode("utf-8")):
                self._error(HTTPStatus.UNAUTHORIZED, "unauthorized", "a valid token is required",
                            {"WWW-Authenticate": 'Bearer realm="tongguan-wall"'})
                return
        parts = [p for p in url.path.split("/") if p]
        if parts == ["figures"]:
            render = figures_json
        elif len(parts) == 2 and parts[0] == "scenes" and parts[1] in SCENES:
            scene = parts[1]

            def render(figures: WallFigures) -> dict:
                return scene_json(figures, scene)
        else:
            self._error(HTTPStatus.NOT_FOUND, "not_found",
                        "no such resource; try /figures or /scenes/<name> with name one of " + ", ".join(SCENES))
            return
        try:
            figures = self.server.figures.current()
        except DatabaseUnavailable as error:
            self._error(HTTPStatus.SERVICE_UNAVAILABLE, "database_unavailable", str(error), {"Retry-After": "2"})
            return
        self._send(HTTPStatus.OK, render(figures))

    def _not_allowed(self) -> None:
        self.close_connection = True  # a body we did not read must not be taken for the next request
        self._error(HTTPStatus.METHOD_NOT_ALLOWED, "method_not_allowed", "the wall feed is read-only: use GET",
                    {"Allow": "GET, HEAD"})

    do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = _not_allowed  # noqa: N815

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        # http.server's own errors (a malformed request line, an unknown method) in JSON as well
        try:
            self._error(HTTPStatus(code), "bad_request" if code == 400 else f"http_{code}", message or "")
        except Exception:  # noqa: BLE001 - the client went away
            pass

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - http.server's signature
        _log.debug("wall feed %s: " + format, self.address_string(), *args)


class FeedServer(ThreadingHTTPServer):
    """The feed's HTTP server (``server_address`` holds the port it got)."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], figures: FeedFigures, token: str | None) -> None:
        self.figures = figures
        self.token = token
        super().__init__(address, _Handler)

    def handle_error(self, request, client_address) -> None:
        _log.warning("wall feed: a request from %s failed", client_address, exc_info=True)

    def server_close(self) -> None:
        super().server_close()
        self.figures.close()


def make_feed_server(db: Database, *, host: str = "127.0.0.1", port: int = 0, token: str | None = None,
                     cache: WallFigureCache | None = None, snapshot_dir: Path | None = None) -> FeedServer:
    """A bound, not yet serving feed server (port 0: any free port). Refuses (ValidationError)
    a non-loopback address without a token."""
    token = token or None
    if not is_loopback(host) and token is None:
        raise ValidationError(f"大屏数据接口监听 {host or '所有地址'} 须设置令牌（--token）；不设令牌只能监听 127.0.0.1 "
                              f"(the wall feed listens on {host or 'every address'} only with a token (--token); "
                              "without one it listens on 127.0.0.1 alone)", where="wall feed host",
                              code="wall.feed_needs_token", params={"host": host})
    if not 0 <= int(port) <= 65535:
        raise ValidationError(f"端口 {port} 不是有效的 TCP 端口（0-65535） (port {port} is not a TCP port, 0-65535)", where="wall feed port",
                              code="wall.feed_port", params={"port": port})
    try:
        return FeedServer((host, int(port)), FeedFigures(db, cache=cache, snapshot_dir=snapshot_dir), token)
    except OSError as error:
        raise ValidationError(f"大屏数据接口无法监听 {host}:{port}：{error.strerror or error} "
                              f"(the wall feed cannot listen on {host}:{port}: {error.strerror or error})",
                              where="wall feed address", code="wall.feed_bind",
                              params={"host": host, "port": port}) from error


def serve_feed(db: Database, *, host: str = "127.0.0.1", port: int, token: str | None = None,
               stop_event: threading.Event | None = None, snapshot_dir: Path | None = None) -> None:
    """Serve the feed until ``stop_event`` is set (or the process is interrupted)."""
    server = make_feed_server(db, host=host, port=port, token=token, snapshot_dir=snapshot_dir)
    serve_until(server, stop_event, name="wall-feed")
