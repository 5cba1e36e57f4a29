"""``tongguan serve open311`` driven by a GeoReport v2 client library from PyPI (``georeport``, for
the GETs; it has no POST, so the POST is GeoReport's documented form-encoded wire format sent
with ``requests``): a key per system, refused or accepted; the same validation and routing as a
file import; clear JSON errors."""
import threading

import pytest
import requests
from sqlalchemy import select

from core.db.models import AuditEntry, Clue, Village
from core.errors import PermissionDenied, ValidationError
from core.feeds.api_keys import create_key, revoke_keys
from core.feeds.open311_server import make_open311_server

from .conftest import fresh_uscc

georeport = pytest.importorskip("georeport")
SYSTEM = "grid-sys"


@pytest.fixture(scope="module")
def served(city):
    server = make_open311_server(city, "operator", port=0)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    key = create_key(city, "admin", SYSTEM)
    yield city, f"http://{host}:{port}", key
    server.shutdown()
    server.server_close()


def _client(base, key):
    # GeoReport's GETs carry no key; the library's requests sends the URL's user info as HTTP Basic
    return georeport.GeoReport(base.replace("http://", f"http://{SYSTEM}:{key}@"))


def _village(db):
    with db.sessions() as s:
        return s.scalar(select(Village.code).where(Village.town_code == "330782002").order_by(Village.code))


def test_post_then_get_with_the_client_library(served):
    db, base, key = served
    unregistered = fresh_uscc(4101)
    posted = requests.post(f"{base}/requests.json", data={
        "api_key": key, "service_code": "G-17", "service_name": "占道经营", "description": "店外占道经营",
        "lat": "29.300", "long": "120.105", "address_id": _village(db), "attribute[uscc]": unregistered,
        "service_request_id": "GRID-0001"}, timeout=10)
    assert posted.status_code == 201, posted.text
    assert posted.json() == [{"service_request_id": "GRID-0001", "service_notice": "", "account_id": None}]
    again = requests.post(f"{base}/requests.json", data={"api_key": key, "service_code": "G-17", "description": "店外占道经营",
                                                          "lat": "29.300", "long": "120.105",
                                                          "service_request_id": "GRID-0001"}, timeout=10)
    assert again.status_code == 200  # the same id again: nothing new
    client = _client(base, key)
    services = client.get_service_list()
    assert any(s["service_code"] == "SCJG-001" for s in services)
    one = client.get_service_request("GRID-0001")
    assert one["service_code"] == "G-17" and one["service_name"] == "占道经营" and one["status"] == "open"
    assert one["extended_attributes"]["uscc"] == unregistered
    assert one["extended_attributes"]["entity_registered"] is False
    assert "GRID-0001" in [r["service_request_id"] for r in client.get_service_requests(status="open")]
    with db.sessions() as s:
        clue = s.scalar(select(Clue).where(Clue.source_ref == f"{SYSTEM}:GRID-0001"))
        assert clue.source_system == SYSTEM and clue.department_id is None  # unmapped code: unrouted queue
        assert s.scalar(select(AuditEntry).where(AuditEntry.action == "feeds.open311_key.create")).actor == "admin"


def test_a_missing_wrong_or_revoked_key_is_refused(served, city):
    db, base, key = served
    with pytest.raises(requests.HTTPError) as refused:
        _client(base, "tg311_wrong").get_service_list()
    assert refused.value.response.status_code == 401
    bare = requests.get(f"{base}/requests.json", timeout=10)
    assert bare.status_code == 401 and bare.json()[0]["field"] == "api_key"
    assert requests.get(f"{base}/services.json", headers={"X-API-Key": key}, timeout=10).status_code == 200
    spare = create_key(city, "admin", "spare-sys")
    assert requests.get(f"{base}/services.json", params={"api_key": spare}, timeout=10).status_code == 200
    revoke_keys(city, "admin", "spare-sys")
    assert requests.get(f"{base}/services.json", params={"api_key": spare}, timeout=10).status_code == 401
    with pytest.raises(PermissionDenied):
        create_key(city, "operator", "rogue")


def test_bad_requests_get_clear_json_errors(served):
    db, base, key = served
    bad = requests.post(f"{base}/requests.json", data={"api_key": key, "service_code": "G-17", "description": "x",
                                                       "lat": "north", "long": "120.1"}, timeout=10)
    assert bad.status_code == 400
    assert bad.json()[0]["code"] == 400 and bad.json()[0]["field"] == "lat" and bad.json()[0]["description"]
    nodesc = requests.post(f"{base}/requests.json", json={"api_key": key, "service_code": "G-17",
                                                          "lat": 29.3, "long": 120.1}, timeout=10)
    assert nodesc.status_code == 400 and nodesc.json()[0]["field"] == "description"
    badcode = requests.post(f"{base}/requests.json", json={"api_key": key, "description": "x", "lat": 29.3,
                                                           "long": 120.1, "attribute": {"uscc": "91330782MA2ABCDE1X"}},
                            timeout=10)
    assert badcode.status_code == 400 and badcode.json()[0]["field"] == "attribute[uscc]"
    odd_key = requests.post(f"{base}/requests.json", json={"api_key": 5, "description": "x"}, timeout=10)
    assert odd_key.status_code == 401
    missing = requests.get(f"{base}/requests/NO-SUCH.json", params={"api_key": key}, timeout=10)
    assert missing.status_code == 404 and missing.json()[0]["code"] == 404
    assert requests.get(f"{base}/nothing.json", params={"api_key": key}, timeout=10).status_code == 404
    assert requests.delete(f"{base}/requests.json", timeout=10).status_code == 405
    assert requests.post(f"{base}/services.json", data={"api_key": key}, timeout=10).status_code == 405


def test_only_loopback_unless_allowed(city):
    with pytest.raises(ValidationError) as refused:
        make_open311_server(city, "operator", host="0.0.0.0", port=0)
    assert refused.value.code == "feeds.open311_remote"
    with pytest.raises(PermissionDenied):
        make_open311_server(city, "admin", port=0)  # the server's actor must take clues in


def test_the_same_answers_in_georeport_xml(served):
    db, base, key = served
    posted = requests.post(f"{base}/requests.xml", data={
        "api_key": key, "service_code": "SCJG-001", "description": "过期食品", "lat": "29.30", "long": "120.10",
        "service_request_id": "GRID-XML-1"}, timeout=10)
    assert posted.status_code == 201 and posted.headers["Content-Type"].startswith("application/xml")
    client = georeport.GeoReport(base.replace("http://", f"http://{SYSTEM}:{key}@"), output_format="xml")
    assert any(s["service_code"] == "SCJG-001" for s in client.get_service_list())
    one = client.get_service_request("GRID-XML-1")
    assert one["service_code"] == "SCJG-001" and one["description"] == "过期食品"
    assert one["extended_attributes"]["source_system"] == SYSTEM
    missing = requests.get(f"{base}/requests/NO-SUCH.xml", params={"api_key": key}, timeout=10)
    assert missing.status_code == 404 and "<errors><error><code>404</code>" in missing.text


def test_a_body_too_big_missing_or_unreadable_is_refused(served):
    import http.client

    db, base, key = served
    host, port = base.rsplit("/", 1)[1].split(":")
    for headers, body, status in (({"Content-Length": str(2 << 20)}, b"", 413),
                                  ({}, None, 411),
                                  ({"Content-Type": "application/json"}, b"{not json", 400),
                                  ({"Content-Type": "application/json"}, b"[1, 2]", 400)):
        conn = http.client.HTTPConnection(host, int(port), timeout=10)
        try:
            conn.putrequest("POST", f"/requests.json?api_key={key}")
            for name, value in headers.items():
                conn.putheader(name, value)
            if body is not None and "Content-Length" not in headers:
                conn.putheader("Content-Length", str(len(body)))
            conn.endheaders()
            if body and "Content-Length" not in headers:
                conn.send(body)
            answer = conn.getresponse()
            assert answer.status == status, (headers, answer.status)
            assert answer.getheader("Content-Type").startswith("application/json")
        finally:
            conn.close()
