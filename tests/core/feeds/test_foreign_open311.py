"""Open311 from a system that is not ours: an unknown service code and an unregistered credit code
are accepted and kept, the clue waits unrouted or is routed and flagged 主体未登记, an
administrator maps the code once, and an export gives the original codes back."""
import datetime as dt
import json

import pytest
from sqlalchemy import select

from core.db.database import Database
from core.db.models import AuditEntry, Clue
from core.errors import PermissionDenied
from core.feeds.foreign_codes import list_foreign_codes, map_foreign_code, waiting_codes
from core.services import clues

from .samples import foreign_file, place

SYSTEM = "yw12345"


def _clue(db, ref):
    with db.sessions() as s:
        return s.scalar(select(Clue).where(Clue.source_ref == f"{SYSTEM}:{ref}"))


def test_unknown_codes_and_an_unregistered_credit_code_are_kept_flagged_and_routed(city, tmp_path):
    sent, unregistered = foreign_file(city, tmp_path / "hotline.json", "HL")
    assert clues.import_open311(city, "operator", tmp_path / "hotline.json", system=SYSTEM) == (3, 0)
    first, second, third = (_clue(city, f"HL-{n}") for n in (1, 2, 3))
    # unknown code: the center's unrouted queue, code and name kept, the credit code kept and flagged
    assert first.department_id is None and first.state.value == "received" and first.matter_id is None
    assert (first.foreign_service_code, first.foreign_service_name) == ("0301", "无证无照经营")
    assert first.entity_id is None and first.unregistered_uscc == unregistered and first.source_system == SYSTEM
    # our own code with an unregistered entity: routed like any clue, still flagged
    assert second.department_id is not None and second.state.value == "assigned"
    assert second.unregistered_uscc == unregistered and second.foreign_service_code is None
    assert third.department_id is None and third.unregistered_uscc is None
    assert {(w.source_system, w.service_code) for w in waiting_codes(city)} >= {(SYSTEM, "0301"), (SYSTEM, "0999")}
    # the export gives the original codes, names and ids back
    back = clues.export_requests(city, [first.id, second.id, third.id])
    assert [r["service_request_id"] for r in back] == ["HL-1", "HL-2", "HL-3"]
    assert [r["service_code"] for r in back] == [s["service_code"] for s in sent]
    assert back[0]["service_name"] == "无证无照经营"
    assert back[0]["extended_attributes"]["uscc"] == unregistered
    assert back[0]["extended_attributes"]["entity_registered"] is False
    # the same file again changes nothing
    assert clues.import_open311(city, "operator", tmp_path / "hotline.json", system=SYSTEM) == (0, 3)


def test_an_administrator_maps_a_foreign_code_once(city, tmp_path):
    foreign_file(city, tmp_path / "hotline.json", "MAP")
    clues.import_open311(city, "operator", tmp_path / "hotline.json", system=SYSTEM)
    with pytest.raises(PermissionDenied):
        map_foreign_code(city, "operator", system=SYSTEM, service_code="0301", matter_code="SCJG-001")
    _, routed = map_foreign_code(city, "admin", system=SYSTEM, service_code="0301", matter_code="SCJG-001",
                                 service_name="无证无照经营")
    assert routed >= 1
    waiting = _clue(city, "MAP-1")
    assert waiting.matter_id is not None and waiting.department_id is not None and waiting.state.value == "assigned"
    assert [c.matter_code for c in list_foreign_codes(city) if c.service_code == "0301"] == ["SCJG-001"]
    with city.sessions() as s:
        assert s.scalar(select(AuditEntry).where(AuditEntry.action == "feeds.foreign_code.map")).actor == "admin"
    # later requests with the code are routed at once; the export still says 0301
    path = tmp_path / "later.json"
    village, _ = place(city)
    path.write_text(json.dumps([{"service_request_id": "MAP-9", "status": "open", "service_code": "0301",
                                 "description": "又一处无证摊点", "requested_datetime": "2026-11-19T09:00:00+08:00",
                                 "address_id": village}]), encoding="utf-8")
    assert clues.import_open311(city, "operator", path, system=SYSTEM) == (1, 0)
    later = _clue(city, "MAP-9")
    assert later.department_id is not None and later.foreign_service_code == "0301"
    exported = clues.export_requests(city, [later.id])[0]
    assert exported["service_code"] == "0301" and exported["extended_attributes"]["matter_code"] == "SCJG-001"


def test_a_foreign_file_round_trips_through_another_city(city, tmp_path):
    """Export from this city, import into a fresh one: the same requests, codes and flags."""
    from core.demo.builder import build_demo
    from core.demo.spec import DemoSpec
    from tests.support.accounts import standard_accounts

    foreign_file(city, tmp_path / "hotline.json", "RT")
    clues.import_open311(city, "operator", tmp_path / "hotline.json", system=SYSTEM)
    ids = [_clue(city, f"RT-{n}").id for n in (1, 2, 3)]
    out = tmp_path / "out.json"
    assert clues.export_open311(city, out, ids) == 3
    sent = json.loads(out.read_text(encoding="utf-8"))
    other_path = tmp_path / "other.sqlite"
    build_demo(str(other_path), DemoSpec(entities=600, seed=16, as_of=dt.date(2026, 11, 20), chunk=1000))
    other = Database.open(str(other_path))
    try:
        standard_accounts(other)
        assert clues.import_open311(other, "operator", out) == (3, 0)
        with other.sessions() as s:
            new_ids = list(s.scalars(select(Clue.id).where(Clue.source_system == SYSTEM).order_by(Clue.id)))
        again = clues.export_requests(other, new_ids)
        strip = ("updated_datetime", "status_notes", "agency_responsible")  # the receiving city routes anew
        assert [{k: v for k, v in r.items() if k not in strip} for r in again] == \
               [{k: v for k, v in r.items() if k not in strip} for r in sent]
        assert clues.import_open311(other, "operator", out) == (0, 3)
    finally:
        other.dispose()
