"""Schema, migrations, unit of work and audit: the same tests on SQLite and PostgreSQL."""
import datetime as dt

import pytest
from sqlalchemy import func, inspect, select

from core.db.database import Database
from core.db.migrate import current_revision, head_revision, schema_drift, upgrade
from core.db.models import AuditEntry, Base, Department, EntityType, MarketEntity, Town, Village
from core.errors import InvalidUSCC, ValidationError
from core.services.entities import EntityInput, register_entity


def test_migrations_create_exactly_the_model_schema(empty_db_url):
    db = Database.open(empty_db_url)
    assert current_revision(db.engine) is None
    before, after = upgrade(db.engine)
    assert (before, after) == (None, head_revision())
    assert schema_drift(db.engine) == []
    assert set(Base.metadata.tables) <= set(inspect(db.engine).get_table_names())
    assert upgrade(db.engine) == (head_revision(), head_revision())  # idempotent
    db.dispose()


def _place(db):
    with db.bootstrap_uow("tester") as uow:
        uow.session.add(Town(code="330782001", name_zh="稠城街道", name_en="Choucheng", kind="street",
                             lat=29.306, lng=120.075))
        uow.session.flush()
        uow.session.add(Village(code="330782001001", name_zh="测试社区", town_code="330782001",
                                lat=29.3, lng=120.07))
        from core.db.models import Industry
        uow.session.add(Industry(code="5137", name_zh="服装批发", name_en="Clothing wholesale"))
        uow.commit()


def _entity(code="914403001922038216", **kw):
    data = dict(uscc=code, name="义乌市测试商行", entity_type=EntityType.INDIVIDUAL, industry_code="5137",
                legal_rep="张三", address="稠城街道测试路1号", town_code="330782001",
                village_code="330782001001", lat=29.3, lng=120.07, registered_on=dt.date(2024, 5, 6))
    data.update(kw)
    return EntityInput(**data)


def test_registration_is_audited_and_committed(db):
    _place(db)
    with db.bootstrap_uow("operator") as uow:
        eid = register_entity(uow, _entity())
        uow.commit()
    with db.sessions() as s:
        assert s.get(MarketEntity, eid).uscc == "914403001922038216"
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "entity.register")).one()
        assert entry.actor == "operator" and entry.object_id == str(eid)
        assert "914403001922038216" in entry.after


def test_leaving_a_unit_without_commit_keeps_nothing(db):
    _place(db)
    with db.bootstrap_uow("operator") as uow:
        register_entity(uow, _entity())
    with db.sessions() as s:
        assert s.scalar(select(func.count()).select_from(MarketEntity)) == 0
        assert s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "entity.register")) == 0


def test_failure_half_way_rolls_back_everything(db):
    _place(db)
    with pytest.raises(ValidationError):
        with db.bootstrap_uow("operator") as uow:
            register_entity(uow, _entity())
            uow.session.add(Department(code="SCJG", name_zh="市场监管局", name_en="AMR", group="5", field="market"))
            register_entity(uow, _entity())  # same code twice: refused
            uow.commit()
    with db.sessions() as s:
        assert s.scalar(select(func.count()).select_from(MarketEntity)) == 0
        assert s.scalar(select(func.count()).select_from(Department)) == 0


def test_invalid_code_is_never_stored(db):
    _place(db)
    with pytest.raises(InvalidUSCC) as err:
        with db.bootstrap_uow("operator") as uow:
            register_entity(uow, _entity("914403001922038217"))
            uow.commit()
    assert "should be '6'" in err.value.message
    with db.sessions() as s:
        assert s.scalar(select(func.count()).select_from(MarketEntity)) == 0


def test_foreign_keys_are_enforced(db):
    from sqlalchemy.exc import IntegrityError
    with pytest.raises(IntegrityError):
        with db.bootstrap_uow("operator") as uow:
            uow.session.add(Village(code="330782999001", name_zh="孤村", town_code="330782999", lat=0, lng=0))
            uow.commit()
