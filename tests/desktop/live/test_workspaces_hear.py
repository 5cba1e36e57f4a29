"""Each workspace refreshes on the change records that concern it, and only on those."""
from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import QCoreApplication

from core.live.changes import KINDS, ChangeSet
from desktop.cases.workspace import CasesWorkspace
from desktop.draws.workspace import DrawsWorkspace
from desktop.efficiency.workspace import EfficiencyWorkspace
from desktop.entities.workspace import EntitiesWorkspace
from desktop.live.bus import ChangeBus

from ..test_entities_support import AS_OF, entities_db, entities_template, tasks  # noqa: F401 - fixtures

TIMEOUT = 20000
_next_id = iter(range(1, 1_000_000))


def _one(kind: str) -> ChangeSet:
    value = frozenset({"routing"}) if kind == "settings" else frozenset({1})
    return ChangeSet(**{kind: value}, change_id=next(_next_id))


def _spy(monkeypatch, target, name: str, calls: Counter) -> None:
    monkeypatch.setattr(target, name, lambda *a, **k: calls.update([name]))


def _hear(qtbot, bus: ChangeBus, kind: str, calls: Counter) -> Counter:
    calls.clear()
    bus.publish(_one(kind))
    qtbot.wait(400)  # longer than every workspace's debounce
    QCoreApplication.processEvents()
    return Counter(calls)


def _shown(qtbot, ws, tasks):  # noqa: F811
    qtbot.addWidget(ws)
    ws.resize(1300, 850)
    ws.show()
    qtbot.waitExposed(ws)
    tasks.wait_idle()
    qtbot.wait(50)
    return ws


@pytest.fixture
def bus(qapp):
    bus = ChangeBus.detached()
    yield bus
    bus.close()


def test_the_cases_workspace_hears_clues_cases_pushes_commitments_and_routing(console_app, entities_db, tasks,  # noqa: F811
                                                                              qtbot, bus, monkeypatch):
    ws = _shown(qtbot, CasesWorkspace(entities_db, tasks, "leader", "zh_CN", today=AS_OF, changes=bus), tasks)
    calls: Counter = Counter()
    _spy(monkeypatch, ws.desk, "refresh", calls)
    for page, name in ((ws.pushes, "mark_stale"), (ws.commitments, "mark_stale"), (ws.cases, "mark_stale"),
                       (ws.rules, "refresh")):
        monkeypatch.setattr(page, name, lambda *a, _p=page.objectName(), **k: calls.update([_p]))
    heard = {kind: _hear(qtbot, bus, kind, calls) for kind in KINDS}
    for kind in ("entities", "tags", "inspections", "batches", "plans", "wall"):
        assert heard[kind] == Counter(), kind
    assert heard["clues"]["refresh"] == 1 and heard["clues"][ws.cases.objectName()] == 1
    assert not heard["clues"][ws.pushes.objectName()]
    assert heard["pushes"] == Counter({ws.pushes.objectName(): 1})
    assert heard["commitments"] == Counter({ws.commitments.objectName(): 1})
    assert heard["settings"] == Counter({ws.rules.objectName(): 1})


def test_the_entities_workspace_hears_entities_and_tags(console_app, entities_db, tasks, qtbot, bus,  # noqa: F811
                                                        monkeypatch):
    ws = _shown(qtbot, EntitiesWorkspace(entities_db, tasks, "operator", "zh_CN", today=AS_OF, changes=bus), tasks)
    calls: Counter = Counter()
    _spy(monkeypatch, ws.model, "refresh", calls)
    _spy(monkeypatch, ws.operations, "reload_tags", calls)
    heard = {kind: _hear(qtbot, bus, kind, calls) for kind in KINDS}
    assert heard["entities"] == Counter({"refresh": 1})
    assert heard["tags"] == Counter({"reload_tags": 1})
    assert all(not heard[k] for k in KINDS if k not in ("entities", "tags"))
    calls.clear()
    bus.publish(ChangeSet(everything=True, change_id=next(_next_id)))
    qtbot.waitUntil(lambda: calls == Counter({"refresh": 1, "reload_tags": 1}), timeout=TIMEOUT)


def test_the_draws_workspace_hears_plans_batches_and_visits(console_app, entities_db, tasks, qtbot, bus,  # noqa: F811
                                                            monkeypatch):
    ws = _shown(qtbot, DrawsWorkspace(entities_db, tasks, "planner", "zh_CN", today=AS_OF, changes=bus), tasks)
    calls: Counter = Counter()
    _spy(monkeypatch, ws, "refresh", calls)
    _spy(monkeypatch, ws, "show_batch", calls)
    heard = {kind: _hear(qtbot, bus, kind, calls) for kind in KINDS}
    assert heard["plans"] == Counter({"refresh": 1}) and heard["batches"] == Counter({"refresh": 1})
    assert all(not heard[k] for k in KINDS if k not in ("plans", "batches"))  # no batch on show: no visits
    ws._batch_id = 1  # a batch on show re-reads its visits when inspections change
    assert _hear(qtbot, bus, "inspections", calls) == Counter({"show_batch": 1})


def test_the_efficiency_workspace_hears_what_moves_a_clock(console_app, entities_db, tasks, qtbot, bus,  # noqa: F811
                                                           monkeypatch, tmp_path):
    ws = _shown(qtbot, EfficiencyWorkspace(entities_db, tasks, "monitor", "zh_CN", today=AS_OF,
                                           snapshot_dir=tmp_path, changes=bus), tasks)
    calls: Counter = Counter()
    _spy(monkeypatch, ws, "reload", calls)
    heard = {}
    for kind in KINDS:
        calls.clear()
        bus.publish(_one(kind))
        qtbot.wait(1200)  # its debounce is a second: a clock reload is not cheap
        heard[kind] = Counter(calls)
    moving = ("clues", "cases", "pushes", "commitments", "inspections", "batches")
    assert all(heard[k] == Counter({"reload": 1}) for k in moving)
    assert all(not heard[k] for k in KINDS if k not in moving)
