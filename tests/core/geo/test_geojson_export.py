"""GeoJSON export of entities (a filter, a selection, a drawn batch) and the geo CLI."""
from __future__ import annotations

import json

import pytest
from shapely.geometry import Point, shape
from sqlalchemy import select

from core.db.models import AuditEntry
from core.errors import PermissionDenied, ValidationError
from core.services.geojson_export import PUBLIC_KEYS, export_geojson
from core.services.search import EntityFilter, EntitySearch
from desktop.cli.main import main

from .make_samples import TOWNS_FILE

CHOUCHENG = "330782001"


def _read(path):
    return json.loads(path.read_text("utf-8"))


def test_an_exported_filter_round_trips_through_shapely(demo_db, tmp_path):
    f = EntityFilter(town_codes=(CHOUCHENG,))
    path = tmp_path / "choucheng.geojson"
    count = export_geojson(demo_db, "operator", f, path)
    data = _read(path)
    assert data["type"] == "FeatureCollection" and len(data["features"]) == count == EntitySearch(demo_db).count(f)
    rows = {r.id: r for batch in EntitySearch(demo_db).batches(f) for r in batch}
    for feature in data["features"]:
        point = shape(feature["geometry"])
        row = rows[feature["id"]]
        assert isinstance(point, Point) and (point.y, point.x) == (pytest.approx(row.lat), pytest.approx(row.lng))
        props = feature["properties"]
        assert props["uscc"] == row.uscc and props["town_code"] == CHOUCHENG and props["town_name"] == "稠城街道"
        assert props["registered_on"] == row.registered_on.isoformat()
        assert props["risk_class"] == row.risk_class  # the operator may read risk classes
    with demo_db.sessions() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "export.map_geojson")
                          .order_by(AuditEntry.id.desc())).first()
    assert entry.actor == "operator" and f'"rows": {count}' in entry.after


def test_no_risk_class_for_a_role_that_may_not_read_it(demo_db, tmp_path):
    path = tmp_path / "dept.geojson"
    ids = tuple(EntitySearch(demo_db).ids(EntityFilter(town_codes=(CHOUCHENG,)))[:40])
    assert export_geojson(demo_db, "scjg", EntityFilter(entity_ids=ids), path) == len(ids)
    features = _read(path)["features"]
    assert sorted(f["id"] for f in features) == sorted(ids)
    assert all(set(f["properties"]) == set(PUBLIC_KEYS) for f in features)
    with pytest.raises(PermissionDenied):
        export_geojson(demo_db, "scjg", EntityFilter(risk_classes=("D",)), tmp_path / "d.geojson")
    assert not (tmp_path / "d.geojson").exists()


def test_only_geojson_files(demo_db, tmp_path):
    with pytest.raises(ValidationError, match=".geojson"):
        export_geojson(demo_db, "operator", EntityFilter(), tmp_path / "x.csv")


def test_cli_exports_geojson_and_imports_boundaries(demo_db, tmp_path, capsys):
    if demo_db.dialect != "sqlite":
        pytest.skip("the CLI is exercised on the SQLite city (the services run on both)")
    db = str(demo_db.engine.url.database)
    out = tmp_path / "risk_d.geojson"
    assert main(["map", "export-geojson", str(out), "--filter", "risk=D", "--db", db, "--actor", "operator",
                 "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    data = _read(out)
    assert summary["entities"] == len(data["features"]) > 0
    assert {f["properties"]["risk_class"] for f in data["features"]} == {"D"}

    bad = tmp_path / "bad.geojson"
    bad.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"code": "330782999"},
         "geometry": {"type": "Polygon", "coordinates": [[[120, 29.3], [120.1, 29.3], [120.1, 29.4], [120, 29.3]]]}}]}))
    assert main(["geo", "import", "towns", str(bad), "--db", db, "--actor", "admin"]) == 1
    assert "feature 0 (330782999): unknown town code" in capsys.readouterr().err
    assert main(["geo", "import", "towns", str(TOWNS_FILE), "--db", db, "--actor", "admin", "--check"]) == 0
    assert "nothing imported" in capsys.readouterr().out
    assert main(["geo", "status", "--db", db, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["town"]["state"] == "approximate"
