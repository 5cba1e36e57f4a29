"""An empty city (reference data, no entities) with the accounts exchange tests act as."""
from __future__ import annotations

from pathlib import Path

from core.db.database import Database
from core.db.migrate import upgrade
from core.reference.loader import load_profile
from core.services.reference import seed_reference
from tests.support.accounts import account

SAMPLES = Path(__file__).resolve().parents[3] / "resources" / "samples" / "exchange"
# Entities first: every other kind names an entity by its credit code.
ORDER = ("entities", "licences", "penalties", "inspections", "tests", "honours", "complaints", "grid_events",
         "credit", "commitments", "registrations")


def empty_city(db: Database) -> Database:
    """Seed ``db`` (upgraded, empty) with the yiwu reference data and the accounts: op (operator),
    admin, scjg (a department user of 市场监管局)."""
    upgrade(db.engine)
    with db.bootstrap_uow("test-setup") as uow:
        seed_reference(uow, load_profile())
        uow.commit()
    account(db, "op", "operator")
    account(db, "admin", "admin")
    account(db, "scjg", "department", department="SCJG")
    return db


def import_samples(db: Database) -> None:
    from core.exchange import import_file

    for kind in ORDER:
        result = import_file(db, "op", kind, SAMPLES / f"{kind}.csv")
        assert result.ok and result.committed, (kind, [str(p) for p in result.problems])
