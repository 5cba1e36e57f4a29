"""The same registration taken by two workers at once (two drop folders, a file and the feed) is
taken once: one adds it, the other finds it taken; one entity, one set of pushes."""
import threading

from sqlalchemy import func, select

from core.db.models import FeedRegistration, MarketEntity, NotificationPush
from core.feeds.registrations import take_registrations

from .conftest import fresh_uscc
from .samples import registration


def test_two_takes_at_once_take_it_once(city):
    code = fresh_uscc(1701)
    record = registration("DJ-2026-0700", code)
    barrier, outcomes, errors = threading.Barrier(2, timeout=60), [], []

    def take():
        try:
            barrier.wait()
            outcomes.append(take_registrations(city, "operator", [record], system="djxt-race"))
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)

    workers = [threading.Thread(target=take) for _ in range(2)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(timeout=120)
    assert errors == []
    assert sorted((o.added, o.already) for o in outcomes) == [(0, 1), (1, 0)]
    with city.sessions() as s:
        entity_ids = s.scalars(select(MarketEntity.id).where(MarketEntity.uscc == code)).all()
        assert len(entity_ids) == 1
        assert s.scalar(select(func.count()).select_from(FeedRegistration).where(
            FeedRegistration.registration_ref == "DJ-2026-0700")) == 1
        assert s.scalar(select(func.count()).select_from(NotificationPush).where(
            NotificationPush.entity_id == entity_ids[0])) == 2
