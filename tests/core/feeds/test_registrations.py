"""The registration feed: a registration's scope pushes to the mapped department and, unmapped,
to the shared queue; the commitment catalogue opens verifications; taken twice = taken once;
the mapping is the administrator's and audited."""
import datetime as dt

import pytest
from sqlalchemy import func, select

from core.db.models import (
    AuditEntry,
    Commitment,
    CommitmentVerification,
    Department,
    FeedRegistration,
    MarketEntity,
    NotificationPush,
    Tag,
    entity_tags,
)
from core.errors import PermissionDenied, ValidationError
from core.feeds import mapping
from core.feeds.registrations import take_registrations
from core.services.obligations import claim_push, shared_queue

from .conftest import fresh_uscc
from .samples import registration

def _dept(db, code):
    with db.sessions() as s:
        return s.scalar(select(Department.id).where(Department.code == code))


@pytest.fixture(scope="module")
def configured(city):
    mapping.save_permit(city, "admin", permit_code="JY-FOOD", permit_name="食品经营许可", department="SCJG",
                        keywords="食品经营|食品销售")
    mapping.save_catalogue_matter(city, "admin", code="CN-FOOD", name="食品经营许可（告知承诺）", department="SCJG",
                                  commitment_text="本人承诺在 30 日内具备食品经营条件", keywords="食品经营",
                                  verification_standard="现场核查经营场所与设备", breach_consequence="撤销许可并记入信用",
                                  fulfil_days=30, verify_working_days=20)
    return city


def _pushes(db, entity_id):
    with db.sessions() as s:
        return [(p.permit_name, p.department_id, p.status.value)
                for p in s.scalars(select(NotificationPush).where(NotificationPush.entity_id == entity_id)
                                   .order_by(NotificationPush.id))]


def test_a_registration_pushes_mapped_and_unmapped_scopes_once(configured):
    db = configured
    code = fresh_uscc(1601)
    out = take_registrations(db, "operator", [registration("DJ-2026-0001", code)], system="djxt",
                             on=dt.date(2026, 11, 16))
    assert (out.added, out.already, out.pushes, out.queued, out.entities_created) == (1, 0, 2, 1, 1)
    with db.sessions() as s:
        entity = s.scalar(select(MarketEntity).where(MarketEntity.uscc == code))
        assert entity is not None and entity.entity_type.value == "individual"
        assert entity.town_code == "330782001"
        tags = s.scalars(select(Tag.code).join(entity_tags, entity_tags.c.tag_id == Tag.id)
                         .where(entity_tags.c.entity_id == entity.id)).all()
        assert "location_unverified" in tags  # placed at its village's centre until checked
    pushes = _pushes(db, entity.id)
    assert sorted(pushes, key=str) == sorted([("食品经营许可", _dept(db, "SCJG"), "pending"),
                                              ("烟草制品零售", None, "pending")], key=str)
    queued = [p for p in shared_queue(db) if p.entity_id == entity.id]
    assert [p.permit_name for p in queued] == ["烟草制品零售"]
    assert queued[0].claim_due > dt.date(2026, 11, 16)  # 5 working days
    # Taken again (the same id): nothing new anywhere
    again = take_registrations(db, "operator", [registration("DJ-2026-0001", code)], system="djxt",
                               on=dt.date(2026, 11, 17))
    assert (again.added, again.already, again.pushes) == (0, 1, 0)
    assert _pushes(db, entity.id) == pushes
    with db.sessions() as s:
        assert s.scalar(select(func.count()).select_from(FeedRegistration).where(
            FeedRegistration.registration_ref == "DJ-2026-0001")) == 1
    # The queued push is claimable by a department like any other
    claimed = claim_push(db, "operator", queued[0].id, _dept(db, "SCJG"), on=dt.date(2026, 11, 18))
    assert claimed.status == "claimed"


def test_the_commitment_catalogue_opens_verifications(configured):
    db = configured
    code = fresh_uscc(1602)
    out = take_registrations(db, "operator", [registration("DJ-2026-0002", code)], system="djxt",
                             on=dt.date(2026, 11, 16))
    assert out.commitments == 1
    with db.sessions() as s:
        entity_id = s.scalar(select(MarketEntity.id).where(MarketEntity.uscc == code))
        c = s.scalar(select(Commitment).where(Commitment.entity_id == entity_id))
        assert c.matter_name == "食品经营许可（告知承诺）" and c.status.value == "pending"
        assert c.fulfil_by == dt.date(2026, 12, 16) and c.department_id == _dept(db, "SCJG")
        v = s.scalar(select(CommitmentVerification).where(CommitmentVerification.commitment_id == c.id))
        assert v is not None and v.done_on is None and v.due_on > c.fulfil_by + dt.timedelta(days=20)


def test_permit_codes_map_too_and_an_unknown_code_is_queued(configured):
    db = configured
    code = fresh_uscc(1603, "1")
    out = take_registrations(db, "operator", [registration("DJ-2026-0003", code, business_scope="",
                                                      permits="JY-FOOD;YC-999", entity_type="企业")],
                             system="djxt")
    assert (out.pushes, out.queued) == (2, 1)
    with db.sessions() as s:
        entity_id = s.scalar(select(MarketEntity.id).where(MarketEntity.uscc == code))
    assert {(n, d) for n, d, _ in _pushes(db, entity_id)} == {("食品经营许可", _dept(db, "SCJG")), ("YC-999", None)}


def test_a_bad_record_refuses_the_batch(configured):
    db = configured
    good, bad = registration("DJ-2026-0010", fresh_uscc(1610)), registration("DJ-2026-0011", "91330782MA2ABCDE1X")
    with db.sessions() as s:
        before = s.scalar(select(func.count()).select_from(NotificationPush))
    with pytest.raises(ValidationError) as refused:
        take_registrations(db, "operator", [good, bad], system="djxt")
    assert "registration 2 (DJ-2026-0011): uscc" in refused.value.where
    with pytest.raises(ValidationError) as refused:
        take_registrations(db, "operator", [registration("DJ-2026-0012", fresh_uscc(1612), town="火星镇")], system="djxt")
    assert refused.value.where.endswith("town")
    with db.sessions() as s:
        assert s.scalar(select(func.count()).select_from(NotificationPush)) == before


def test_the_mapping_is_the_administrators_and_audited(configured):
    db = configured
    with pytest.raises(PermissionDenied):
        mapping.save_permit(db, "operator", permit_code="X-1", permit_name="x", department="SCJG")
    with pytest.raises(PermissionDenied):
        take_registrations(db, "leader", [registration("DJ-2026-0020", fresh_uscc(1620))], system="djxt")
    mapping.save_permit(db, "admin", permit_code="JY-FOOD", permit_name="食品经营许可", department="WJJ",
                        keywords="食品经营")
    with db.sessions() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "feeds.permit.save")
                          .order_by(AuditEntry.id.desc())).first()
        assert entry.actor == "admin" and '"department_id": %d' % _dept(db, "SCJG") in entry.before
    assert [r.department_id for r in mapping.list_permits(db) if r.permit_code == "JY-FOOD"] == [_dept(db, "WJJ")]
    mapping.save_permit(db, "admin", permit_code="JY-FOOD", permit_name="食品经营许可", department="SCJG",
                        keywords="食品经营|食品销售")
