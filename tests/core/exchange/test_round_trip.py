"""Every kind out and back in, through XLSX, CSV (UTF-8 with BOM and GB18030) and JSON: a
second import of what was exported changes nothing, and a fresh city loaded from the export
exports the very same rows."""
from __future__ import annotations

import pytest

from core.db.database import Database
from core.exchange import KINDS, export_file, import_file
from tests.support.db_state import database_state

from .city import ORDER, empty_city, import_samples


@pytest.fixture
def city(db):
    empty_city(db)
    import_samples(db)
    return db


def _gb18030(src, dst):
    dst.write_bytes(src.read_text(encoding="utf-8-sig").encode("gb18030"))
    assert not dst.read_bytes().startswith(b"\xef\xbb\xbf")
    return dst


def test_every_kind_has_sample_rows_and_every_format_reimports_unchanged(city, tmp_path):
    assert set(ORDER) == set(KINDS)
    before = database_state(city.engine)
    for kind in ORDER:
        for fmt in ("xlsx", "csv", "json"):
            path = tmp_path / f"{kind}.{fmt}"
            count = export_file(city, "op", kind, path)
            assert count > 0, kind
            files = [path] + ([_gb18030(path, tmp_path / f"{kind}.gb.csv")] if fmt == "csv" else [])
            for file in files:
                result = import_file(city, "op", kind, file)
                assert result.ok, [str(p) for p in result.problems]
                assert (result.new, result.updated, result.unchanged) == (0, 0, count), (kind, file.name)
                assert not result.committed
    after = database_state(city.engine)
    changed = {t for t in before if before[t] != after[t] and not t.startswith("audit")}
    assert changed == set(), changed  # the exports are audited; nothing else moved


def test_a_fresh_city_loaded_from_the_export_exports_the_same_rows(city, tmp_path):
    fresh = empty_city(Database.open(str(tmp_path / "fresh.sqlite")))
    try:
        formats = ("xlsx", "json", "gb18030")
        for n, kind in enumerate(ORDER):
            original = tmp_path / f"{kind}.csv"
            export_file(city, "op", kind, original)
            fmt = formats[n % len(formats)]
            if fmt == "gb18030":
                source = _gb18030(original, tmp_path / f"{kind}.in.csv")
            else:
                source = tmp_path / f"{kind}.in.{fmt}"
                export_file(city, "op", kind, source)
            result = import_file(fresh, "op", kind, source)
            assert result.ok and result.committed, (kind, [str(p) for p in result.problems])
            again = tmp_path / f"{kind}.again.csv"
            export_file(fresh, "op", kind, again)
            assert again.read_text(encoding="utf-8-sig") == original.read_text(encoding="utf-8-sig"), kind
    finally:
        fresh.dispose()
