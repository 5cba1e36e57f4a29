"""GeoReport v2 for the systems that push rather than send files (``tongguan serve open311``).

- ``GET /services.json``: our matters as services (code, name, the department as group);
- ``GET /requests.json``: the calling system's requests (``service_request_id`` comma list,
  ``status``, ``service_code``, ``start_date``/``end_date`` filters), newest first;
- ``GET /requests/<id>.json``: one of them, by the system's own id or our reference number;
- ``POST /requests.json``: a new request (form-encoded as GeoReport has it, or JSON), checked and
  routed exactly as a file import is (:func:`core.services.clues.open311.import_requests`); an
  unknown service code or an unregistered credit code (``attribute[uscc]``) is accepted and
  kept (:mod:`core.feeds.foreign_codes`). Posting the same ``service_request_id`` again changes
  nothing and answers the same id.

Every call needs the system's API key (:mod:`core.feeds.api_keys`): ``api_key`` as GeoReport
sends it (query or form), an ``X-API-Key`` header, or HTTP Basic (user: the system, password:
the key). Errors are JSON in GeoReport's shape, ``[{"code": 400, "description": ..., "field":
...}]``: 400 names the field, 401 a missing or wrong key, 404 an unknown path or request, 405
a method the path does not take. It listens on 127.0.0.1 unless told ``allow_remote``.
Every path also answers in GeoReport's XML with ``.xml`` in place of ``.json`` (the same
content: ``<services><service>``, ``<service_requests><request>``, ``<errors><error>``).
Standard library only (``http.server``, ``xml.etree``).
"""
from __future__ import annotations

import base64
import datetime as dt
import json
import logging
import re
import threading
import xml.etree.ElementTree as ET
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from sqlalchemy import select

from core.db.database import Database
from core.db.models import Clue, ClueState, Department, RegulatoryMatter
from core.db.models.base import utcnow
from core.errors import NotFound, PermissionDenied, TongguanError, ValidationError
from core.serving import serve_until

from .api_keys import system_of_key

_log = logging.getLogger(__name__)
MAX_BODY = 1 << 20
MAX_LIST = 1000
_ONE = re.compile(r"^/requests/([^/]+)$")
_ROOTS = {"services": ("services", "service"), "requests": ("service_requests", "request"),
          "errors": ("errors", "error")}


def _xml_fill(parent: ET.Element, value: object) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            _xml_fill(ET.SubElement(parent, str(key)), item)
    elif isinstance(value, bool):
        parent.text = "true" if value else "false"
    elif value is not None:
        parent.text = str(value)


def to_xml(kind: str, items: list) -> bytes:
    """GeoReport's XML for a list of ``kind`` ("services", "requests" or "errors")."""
    root_name, item_name = _ROOTS[kind]
    root = ET.Element(root_name)
    for item in items:
        _xml_fill(ET.SubElement(root, item_name), item)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)
# GeoReport POST fields -> where our import reads them
_ATTRS = ("uscc", "source", "source_ref", "agency_code")


class Open311Error(Exception):
    """An answer other than 200: status, description and the field at fault."""

    def __init__(self, status: int, description: str, field: str | None = None) -> None:
        super().__init__(description)
        self.status, self.description, self.field = status, description, field


def _field_of(where: str | None) -> str | None:
    """The wire name of the field an import error names ("request 1 (X): extended_attributes.uscc")."""
    if not where:
        return None
    last = where.rsplit(": ", 1)[-1]
    if last.startswith("extended_attributes."):
        return f"attribute[{last.split('.', 1)[1]}]"
    return last if re.fullmatch(r"[a-z_]+", last) else None


def services(db: Database) -> list[dict]:
    """Our matters as GeoReport services."""
    with db.sessions() as s:
        names = dict(s.execute(select(Department.id, Department.name_zh)).all())
        return [{"service_code": m.code, "service_name": m.name_zh, "description": m.name_en, "metadata": False,
                 "type": "realtime", "keywords": m.category.value, "group": names.get(m.department_id, "")}
                for m in s.scalars(select(RegulatoryMatter).order_by(RegulatoryMatter.code))]


def _when(value: str | None, name: str) -> dt.datetime | None:
    if not value:
        return None
    try:
        when = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise Open311Error(400, f"{name} 不是 ISO 8601 时间 (not an ISO 8601 date-time)", name) from None
    return when if when.tzinfo else when.replace(tzinfo=dt.timezone.utc)


def list_requests(db: Database, actor: str, system: str, query: dict[str, str]) -> list[dict]:
    """The system's requests matching GeoReport's filters, newest first (at most 1000)."""
    from core.services.clues.open311 import export_requests

    stmt = select(Clue.id).where(Clue.source_system == system)
    if query.get("service_request_id"):
        ids = [i.strip() for i in query["service_request_id"].split(",") if i.strip()][:MAX_LIST]
        stmt = stmt.where(Clue.source_ref.in_([f"{system}:{i}" for i in ids] + ids) | Clue.ref_no.in_(ids))
    else:
        start, end = _when(query.get("start_date"), "start_date"), _when(query.get("end_date"), "end_date")
        if start:
            stmt = stmt.where(Clue.received_at >= start)
        if end:
            stmt = stmt.where(Clue.received_at <= end)
        if query.get("status"):
            wanted = {v.strip() for v in query["status"].split(",")}
            if not wanted <= {"open", "closed"}:
                raise Open311Error(400, "status 须为 open 或 closed (status is open or closed)", "status")
            if wanted == {"closed"}:
                stmt = stmt.where(Clue.state == ClueState.CLOSED)
            elif wanted == {"open"}:
                stmt = stmt.where(Clue.state != ClueState.CLOSED)
    with db.sessions() as s:
        ids = list(s.scalars(stmt.order_by(Clue.received_at.desc(), Clue.id.desc()).limit(MAX_LIST)))
    found = export_requests(db, ids, viewer=actor)
    if query.get("service_code"):
        codes = {c.strip() for c in query["service_code"].split(",")}
        found = [r for r in found if r["service_code"] in codes]
    return found[::-1]


def one_request(db: Database, actor: str, system: str, request_id: str) -> dict:
    found = list_requests(db, actor, system, {"service_request_id": request_id})
    if not found:
        raise Open311Error(404, f"没有请求 {request_id} (no request {request_id} from {system})", "service_request_id")
    return found[0]


def post_request(db: Database, actor: str, system: str, form: dict[str, str]) -> tuple[dict, bool]:
    """Store one posted request; returns (GeoReport's answer, whether it was new)."""
    from core.services.clues.common import new_ref
    from core.services.clues.open311 import import_requests

    ext = {k: form[f"attribute[{k}]"] for k in _ATTRS if form.get(f"attribute[{k}]")}
    rid = form.get("service_request_id") or ext.pop("source_ref", None) or new_ref("OS", utcnow().date())
    request = {"service_request_id": rid, "status": "open", "description": form.get("description"),
               "service_code": form.get("service_code"), "service_name": form.get("service_name"),
               "requested_datetime": form.get("requested_datetime") or utcnow().isoformat(timespec="seconds"),
               "lat": form.get("lat"), "long": form.get("long"), "address_id": form.get("address_id"),
               "extended_attributes": {"source": "hotline", **ext}}
    try:
        added, _ = import_requests(db, actor, [request], where=f"POST from {system}", system=system)
    except ValidationError as error:
        raise Open311Error(400, error.message, _field_of(error.where)) from None
    return {"service_request_id": rid, "service_notice": "", "account_id": None}, bool(added)


class _Handler(BaseHTTPRequestHandler):
    server: Open311Server
    server_version = "TongguanOpen311/1"
    sys_version = ""
    protocol_version = "HTTP/1.1"

    def _send(self, status: int, body: list, kind: str = "errors") -> None:
        if self._route()[1] == "xml":
            data, media = to_xml(kind, body), "application/xml"
        else:
            data, media = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), "application/json"
        self.send_response(status)
        self.send_header("Content-Type", f"{media}; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        if status == 401:
            self.send_header("WWW-Authenticate", 'Basic realm="tongguan-open311"')
        if status == 405:
            self.send_header("Allow", "GET, POST" if self._route()[0] == "/requests" else "GET")
        self.end_headers()
        self.wfile.write(data)

    def _route(self) -> tuple[str, str]:
        """(the resource's path without its format, "json" or "xml")."""
        path = urlsplit(self.path).path.rstrip("/") or "/"
        for fmt in ("json", "xml"):
            if path.endswith(f".{fmt}"):
                return path[:-len(fmt) - 1], fmt
        return path, "json"

    def _query(self) -> dict[str, str]:
        return {k: v[-1] for k, v in parse_qs(urlsplit(self.path).query).items()}

    def _key(self, form: dict[str, str]) -> str | None:
        if form.get("api_key"):
            return form["api_key"]
        if self.headers.get("X-API-Key"):
            return self.headers["X-API-Key"].strip()
        auth = self.headers.get("Authorization", "")
        if auth[:6].lower() == "basic ":
            try:
                return base64.b64decode(auth[6:].strip()).decode("utf-8").split(":", 1)[1]
            except (ValueError, IndexError, UnicodeDecodeError):
                return None
        return None

    def _body(self) -> dict[str, str]:
        length = self.headers.get("Content-Length")
        if length is None or not length.isdigit():
            raise Open311Error(411 if length is None else 400, "须有 Content-Length (Content-Length is required)")
        if int(length) > MAX_BODY:
            raise Open311Error(413, "请求体超过 1 MB (the body is over 1 MB)")
        raw = self.rfile.read(int(length))
        kind = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
        try:
            if kind == "application/json":
                data = json.loads(raw.decode("utf-8"))
                if not isinstance(data, dict):
                    raise Open311Error(400, "JSON 请求体须是对象 (a JSON body is an object)")
                attrs = data.pop("attribute", None) or {}
                flat = {k: v for k, v in data.items()}
                if isinstance(attrs, dict):
                    flat.update({f"attribute[{k}]": v for k, v in attrs.items()})
                return flat
            return {k: v[-1] for k, v in parse_qs(raw.decode("utf-8"), keep_blank_values=False).items()}
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise Open311Error(400, f"请求体无法读取 (the body cannot be read): {error}") from None

    def _system(self, form: dict[str, str]) -> str:
        system = system_of_key(self.server.db, self._key(form))
        if system is None:
            raise Open311Error(401, "须有有效的 api_key (a valid api_key is required)", "api_key")
        return system

    def _answer(self, work) -> None:
        try:
            status, body, kind = work()
        except Open311Error as error:
            if error.status in (400, 411, 413):
                self.close_connection = True
            body = [{"code": error.status, "description": error.description, **(
                {"field": error.field} if error.field else {})}]
            self._send(error.status, body)
            return
        except (PermissionDenied, NotFound) as error:
            self._send(403 if isinstance(error, PermissionDenied) else 404,
                       [{"code": 403 if isinstance(error, PermissionDenied) else 404, "description": str(error)}])
            return
        except TongguanError as error:
            self._send(503, [{"code": 503, "description": str(error)}])
            return
        except Exception:  # noqa: BLE001 - the client gets JSON, the log the rest
            _log.exception("open311: %s %s failed", self.command, self.path)
            self._send(500, [{"code": 500, "description": "internal error"}])
            return
        self._send(status, body, kind)

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        def work():
            query = self._query()
            system = self._system(query)
            path, db, actor = self._route()[0], self.server.db, self.server.actor
            if path == "/services":
                return 200, services(db), "services"
            if path == "/requests":
                return 200, list_requests(db, actor, system, query), "requests"
            match = _ONE.match(path)
            if match:
                return 200, [one_request(db, actor, system, match.group(1))], "requests"
            raise Open311Error(404, f"没有这个资源 (no such resource): {path}; try /services.json, /requests.json, "
                                    "/requests/<id>.json")
        self._answer(work)

    def do_POST(self) -> None:  # noqa: N802
        def work():
            path = self._route()[0]
            if path == "/services" or _ONE.match(path):
                self.close_connection = True
                raise Open311Error(405, "此路径只能 GET (this path takes GET only)")
            if path != "/requests":
                self.close_connection = True
                raise Open311Error(404, f"没有这个资源 (no such resource): {path}")
            form = self._body()
            system = self._system({**self._query(), **form})
            answer, new = post_request(self.server.db, self.server.actor, system, form)
            return (201 if new else 200), [answer], "requests"
        self._answer(work)

    def _not_allowed(self) -> None:
        self.close_connection = True

        def work():
            raise Open311Error(405, f"不支持 {self.command} (method not allowed)")
        self._answer(work)

    do_PUT = do_DELETE = do_PATCH = _not_allowed  # noqa: N815

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        try:
            self._send(code, [{"code": code, "description": message or ""}])
        except Exception:  # noqa: BLE001 - the client went away
            pass

    def log_message(self, format: str, *args) -> None:  # noqa: A002
        _log.debug("open311 %s: " + format, self.address_string(), *args)


class Open311Server(ThreadingHTTPServer):
    """The GeoReport v2 endpoint (``server_address`` holds the port it got)."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], db: Database, actor: str) -> None:
        self.db, self.actor = db, actor
        super().__init__(address, _Handler)


def make_open311_server(db: Database, actor: str, *, host: str = "127.0.0.1", port: int = 0,
                        allow_remote: bool = False) -> Open311Server:
    """A bound, not yet serving endpoint acting as ``actor`` (a system account that may take clues in).

    A non-loopback ``host`` is refused unless ``allow_remote`` (keys travel in clear over plain HTTP:
    put a TLS proxy in front)."""
    from core.services.wall_feed import is_loopback

    if not is_loopback(host) and not allow_remote:
        raise ValidationError(f"Open311 接口默认只监听本机；监听 {host or '所有地址'} 须加 --allow-remote "
                              f"(the Open311 endpoint listens on localhost only; {host or 'every address'} needs "
                              "--allow-remote)", where="host", code="feeds.open311_remote", params={"host": host})
    if not 0 <= int(port) <= 65535:
        raise ValidationError(f"端口 {port} 不是有效的 TCP 端口 (not a TCP port)", where="port", code="feeds.open311_port")
    with db.uow(actor) as uow:  # the actor is checked before anything listens
        uow.require("clue.intake")
        uow.require("clue.read")
    try:
        return Open311Server((host, int(port)), db, actor)
    except OSError as error:
        raise ValidationError(f"Open311 接口无法监听 {host}:{port}：{error.strerror or error} (cannot listen)",
                              where="address", code="feeds.open311_bind") from error


def serve_open311(db: Database, actor: str, *, host: str = "127.0.0.1", port: int = 8311, allow_remote: bool = False,
                  stop_event: threading.Event | None = None, ready=None) -> None:
    """Serve until ``stop_event`` is set or the process is interrupted; ``ready(server)`` once bound."""
    server = make_open311_server(db, actor, host=host, port=port, allow_remote=allow_remote)
    if ready is not None:
        ready(server)
    serve_until(server, stop_event, name="open311")
