"""The map's thematic-warnings layer (专题预警): in the payload only when switched on, the warnings of
core.credit.themes as markers whose click opens the entity, in a department's scope for its users."""
from __future__ import annotations

from sqlalchemy import select, update

from core.credit.themes import thematic_warnings
from core.db.models import Clue, Department
from core.geoindex import MapIndex, open_columns
from core.live.changes import ChangeSet
from core.services.map_themes import MapThemes, theme_markers
from desktop.map.labels import build_labels
from desktop.map.query import LayerChoice, Query, compose, whole_city_view
from core.reference import load_profile
from tests.core.test_wall_themes import TODAY, city  # noqa: F401 - the demo city with warnings of both kinds

BOUNDS = load_profile("yiwu").bounds


def _payload(db, choice: LayerChoice, lang: str = "zh_CN") -> dict:
    b = BOUNDS
    payload, _ = compose(MapIndex(open_columns(db)),
                         Query(seq=1, view=whole_city_view((b.south, b.west, b.north, b.east)), choice=choice),
                         build_labels((), lang=lang, title="义乌市"), db=db, themes=MapThemes(db, today=TODAY))
    return payload


def test_the_layer_is_in_the_payload_only_when_switched_on(city):  # noqa: F811
    expected = thematic_warnings(city, TODAY)
    assert {w.kind for w in expected} == {"complaint_cluster", "licence_expiring"}
    assert "themes" not in _payload(city, LayerChoice()).get("overlays", {})
    layer = _payload(city, LayerChoice(themes=True))["overlays"]["themes"]
    assert layer["label"] and layer["title"] == [w.title_zh for w in expected]
    assert layer["id"] == [w.entity_ids[0] if w.entity_ids else 0 for w in expected]
    assert len(layer["lat"]) == len(layer["lng"]) == len(expected)
    english = _payload(city, LayerChoice(themes=True), lang="en")["overlays"]["themes"]
    assert english["title"] == [w.title_en for w in expected]


def test_a_department_sees_the_warnings_about_entities_with_its_clues(city):  # noqa: F811
    warnings = [w for w in thematic_warnings(city, TODAY) if w.kind == "licence_expiring"]
    entity = warnings[0].entity_ids[0]
    with city.sessions() as s:
        dept_id, code = s.execute(select(Department.id, Department.code).order_by(Department.id)).first()
        clue_id = s.scalars(select(Clue.id).order_by(Clue.id)).first()
    user = code.lower()
    before = theme_markers(city, TODAY, viewer=user)
    assert entity not in before.ids
    with city.engine.begin() as conn:
        conn.execute(update(Clue).where(Clue.id == clue_id).values(entity_id=entity, department_id=dept_id))
    after = theme_markers(city, TODAY, viewer=user)
    assert entity in after.ids
    assert len(after.ids) < len(theme_markers(city, TODAY).ids)  # not every warning: only its own


def test_kept_markers_are_read_again_after_a_clue_or_entity_change(city, monkeypatch):  # noqa: F811
    from core.services import map_themes

    themes = MapThemes(city, today=TODAY)
    first = themes.markers()
    reads = []
    monkeypatch.setattr(map_themes, "theme_markers", lambda *a, **k: reads.append(1) or first)
    assert themes.markers() is first and reads == []
    assert not themes.apply(ChangeSet(wall=frozenset({1})))
    themes.markers()
    assert reads == []
    assert themes.apply(ChangeSet(entities=frozenset({5})))
    themes.markers()
    assert reads == [1]
