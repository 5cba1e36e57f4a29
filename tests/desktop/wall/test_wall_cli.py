"""``tongguan wall``: a snapshot from a real database; bad input is one clear line and exit 2."""
from __future__ import annotations

import pytest
from PySide6.QtGui import QImage

from core.db.database import Database
from desktop.cli.main import main
from tests.support.accounts import account, standard_accounts

UNREACHABLE = "postgresql+psycopg://nobody:nothing@127.0.0.1:9/none"


def one_clean_line(capsys) -> str:
    err = capsys.readouterr().err.strip()
    assert "Traceback" not in err
    assert len(err.splitlines()) == 1, err
    return err


@pytest.fixture(scope="module")
def wall_url(demo_url):
    db = Database.open(demo_url)
    try:
        standard_accounts(db)
        account(db, "wallpc", "leader")
    finally:
        db.dispose()
    return demo_url


def test_snapshot_of_a_scene_from_the_database(console_app, wall_url, tmp_path, capsys):
    out = tmp_path / "wall.png"
    assert main(["wall", "--db", wall_url, "--snapshot", str(out), "--size", "1280x720", "--scene", "map"]) == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 720)
    assert str(out) in capsys.readouterr().out


@pytest.mark.parametrize("argv, words", [
    (["--size", "wide"], "--size must look like 3840x1080"),
    (["--size", "100x100"], "each side must be"),
    (["--scene", "weather"], "unknown scene 'weather'"),
])
def test_bad_snapshot_input(console_app, wall_url, tmp_path, capsys, argv, words):
    out = tmp_path / "x.png"
    assert main(["wall", "--db", wall_url, "--snapshot", str(out), *argv]) == 2
    assert words in one_clean_line(capsys)
    assert not out.exists()


def test_unreachable_database(console_app, tmp_path, capsys):
    assert main(["wall", "--db", UNREACHABLE, "--snapshot", str(tmp_path / "x.png")]) == 2
    assert "database unavailable" in one_clean_line(capsys)


def test_snapshot_and_serve_do_not_go_together(capsys, tmp_path):
    assert main(["wall", "--snapshot", str(tmp_path / "x.png"), "--serve", "8080"]) == 2
    assert "--serve" in one_clean_line(capsys)


def test_the_feed_off_localhost_needs_a_token(wall_url, capsys):
    assert main(["wall", "--db", wall_url, "--serve", "0", "--host", "0.0.0.0"]) == 2
    assert "--token" in one_clean_line(capsys)


def test_the_wall_reads_as_an_account_that_may_read_its_figures(wall_url, capsys, monkeypatch):
    monkeypatch.delenv("TONGGUAN_ACTOR", raising=False)
    assert main(["wall", "--db", wall_url]) == 2
    assert "no actor" in one_clean_line(capsys)
    assert main(["wall", "--db", wall_url, "--actor", "nobody"]) == 2
    assert "'nobody' is no active user" in one_clean_line(capsys)
    assert main(["wall", "--db", wall_url, "--actor", "planner"]) == 2
    assert "may not read the wall's figures" in one_clean_line(capsys)


def test_a_leader_account_is_accepted(wall_url):
    from argparse import Namespace

    from desktop.cli.wall_commands import wall_actor

    db = Database.open(wall_url)
    try:
        assert wall_actor(db, Namespace(actor="wallpc")) == "wallpc"
    finally:
        db.dispose()


def test_a_screen_that_is_not_there(console_app, wall_url, capsys):
    assert main(["wall", "--db", wall_url, "--actor", "wallpc", "--screen", "7"]) == 2
    assert "--screen 7: this PC has" in one_clean_line(capsys)


def test_span_and_screen_do_not_go_together(capsys):
    assert main(["wall", "--span", "--screen", "1"]) == 2
    assert "--span" in one_clean_line(capsys)
