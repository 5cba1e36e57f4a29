"""The stable command line that scripts and later issues call."""
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def tongguan(*args, env=None):
    return subprocess.run([sys.executable, "-m", "desktop.cli.main", *args], cwd=ROOT,
                          capture_output=True, text=True, env=env, timeout=300)


def test_uscc_check_valid_and_invalid_codes():
    ok = tongguan("uscc", "check", "914403001922038216")
    assert ok.returncode == 0 and "valid" in ok.stdout
    bad = tongguan("uscc", "check", "914403001922038216", "914403001922038217")
    assert bad.returncode == 1
    assert "check character should be '6', got '7'" in bad.stdout
    js = json.loads(tongguan("uscc", "check", "9144030019220382", "--json").stdout)
    assert js == [{"code": "9144030019220382", "valid": False, "reason": "length",
                   "message": js[0]["message"]}] and "18 characters" in js[0]["message"]


def test_calendar_json_official_and_provisional():
    official = json.loads(tongguan("calendar", "add-working-days", "2025-09-30", "5", "--json").stdout)
    assert official["date"] == "2025-10-14" and official["official"] is True
    result = tongguan("calendar", "add-working-days", "2026-12-30", "3")
    assert result.stdout.startswith("2027-01-05\tprovisional")
    assert "2027" in result.stdout and "schedule file" in result.stdout


def test_calendar_follows_an_administrators_schedule_file(tmp_path):
    (tmp_path / "2027.json").write_text(json.dumps({
        "year": 2027, "source": "test schedule",
        "holidays": [{"name": "元旦", "days": ["2027-01-01", "2027-01-04"]}], "workdays": []}))
    out = json.loads(tongguan("calendar", "add-working-days", "2026-12-30", "3", "--json",
                              "--schedule-dir", str(tmp_path)).stdout)
    assert out == {"date": "2027-01-06", "official": True, "provisional_years": []}


def test_bad_date_is_one_clear_line():
    result = tongguan("calendar", "add-working-days", "2025-13-01", "5")
    assert result.returncode == 2 and "not a date" in result.stderr and "Traceback" not in result.stderr


def test_db_upgrade_then_demo_then_info(tmp_path):
    db = str(tmp_path / "cli.sqlite")
    up = tongguan("db", "upgrade", "--db", db, "--json")
    assert up.returncode == 0, up.stderr
    assert json.loads(up.stdout)["from"] is None
    demo = tongguan("demo", "--entities", "400", "--seed", "3", "--as-of", "2026-11-20", "--db", db, "--json")
    assert demo.returncode == 0, demo.stderr
    figures = json.loads(demo.stdout)
    assert figures["entities"] == 400 and figures["tables"]["market_entities"] == 400
    again = tongguan("demo", "--entities", "400", "--db", db)
    assert again.returncode == 2 and "--replace" in again.stderr
    info = json.loads(tongguan("--db", db, "db", "info", "--json").stdout)
    assert info["revision"] == info["head"] and info["meta"]["demo"] == "1"


def test_unreachable_database_is_one_message_not_a_traceback():
    result = tongguan("db", "upgrade", "--db", "postgresql://x:y@127.0.0.1:1/none")
    assert result.returncode == 2
    assert "database unavailable" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_screenshot_of_the_console(tmp_path, lang):
    db = str(tmp_path / "shot.sqlite")
    assert tongguan("demo", "--entities", "200", "--db", db).returncode == 0
    out = tmp_path / f"console_{lang}.png"
    result = tongguan("screenshot", "console", "--out", str(out), "--lang", lang, "--size", "1024x640", "--db", db)
    assert result.returncode == 0, result.stderr
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (1024, 640)


def test_screenshot_of_an_unknown_view_names_the_known_ones(tmp_path):
    result = tongguan("screenshot", "nowhere", "--out", str(tmp_path / "x.png"), "--db", str(tmp_path / "e.sqlite"))
    assert result.returncode == 2 and "console" in result.stderr


@pytest.fixture(scope="module")
def demo_url(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli-map") / "city.sqlite"
    built = tongguan("demo", "--entities", "800", "--seed", "5", "--db", str(path), "--json")
    assert built.returncode == 0, built.stderr
    return str(path)


def test_map_export_writes_an_offline_page_of_the_filtered_city(demo_url, tmp_path):
    out = tmp_path / "risk.html"
    done = tongguan("map", "export", "--actor", "operator", "--db", demo_url, "--out", str(out), "--filter", "risk=C,D",
                   "--layer", "entities", "--layer", "choropleth", "--json")
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    with sqlite3.connect(demo_url) as conn:
        expected = conn.execute("SELECT COUNT(*) FROM market_entities WHERE risk_class IN ('C','D')").fetchone()[0]
    assert summary["entities"] == expected > 0
    page = out.read_text("utf-8")
    assert "TONGGUAN_STATIC" in page and "file://" not in page
    assert '"choropleth": true' in page.replace('"choropleth":true', '"choropleth": true')


def test_map_export_speaks_the_language_asked_for(demo_url, tmp_path):
    import re

    from maps.entity_map import page_texts

    static = re.compile(r'<script id="tongguan-static">window\.TONGGUAN_STATIC = (.*?);</script>', re.DOTALL)
    for lang, own, other in (("zh", "zh_CN", "en"), ("en", "en", "zh_CN")):
        out = tmp_path / f"map_{lang}.html"
        done = tongguan("map", "export", "--actor", "operator", "--db", demo_url, "--out", str(out), "--lang", lang)
        assert done.returncode == 0, done.stderr
        page = out.read_text("utf-8")
        payload = json.loads(static.search(page).group(1))
        labels = [payload["colour_by"]["label"], *(c["label"] for c in payload["categories"])]
        theirs = set(page_texts(other).values())
        for text in page_texts(own).values():
            assert json.dumps(text, ensure_ascii=False) in page, (lang, text)
        assert not theirs & set(labels), (lang, labels)
        has_cjk = [bool(re.search(r"[\u4e00-\u9fff]", label)) for label in labels]
        assert all(has_cjk) if lang == "zh" else not any(has_cjk), (lang, labels)


def test_map_export_names_a_bad_filter_and_writes_nothing(demo_url, tmp_path):
    out = tmp_path / "bad.html"
    done = tongguan("map", "export", "--actor", "operator", "--db", demo_url, "--out", str(out), "--filter", "colour=red")
    assert done.returncode == 2 and "colour=red" in done.stderr and "KEY=VALUE" in done.stderr
    done = tongguan("map", "export", "--actor", "operator", "--db", demo_url, "--out", str(out), "--filter", "tag=no_such_tag")
    assert done.returncode == 2 and "no_such_tag" in done.stderr
    assert not out.exists()
