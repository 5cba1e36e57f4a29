"""Each wall scene shows the figures it is given, updates in place, and speaks English too."""
from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtWidgets import QLabel

from desktop.i18n import install_language
from desktop.wall.board import WallBoard
from desktop.wall.registry import create_scene, register_scene, scene_names
from desktop.wall.scenes.base import WallScene
from tests.desktop.wall import sample


def texts(widget) -> set[str]:
    return {label.text() for label in widget.findChildren(QLabel)}


def test_overview_shows_every_number_and_updates_in_place(console_app, qtbot):
    scene = create_scene("overview")
    qtbot.addWidget(scene)
    scene.apply(sample.figures())
    shown = texts(scene)
    for text in ("1,203,456", "5,678", "93.1%", "4,321", "87.6%", "42", "2"):
        assert text in shown
    tiles = dict(scene.tiles)
    scene.apply(sample.figures(overdue=17))
    assert scene.tiles["overdue"].value_label.text() == "17"
    assert all(scene.tiles[k] is tiles[k] for k in tiles)  # the same widgets: no flicker
    assert "4,321" not in texts(scene)


def test_overview_without_anything_due_shows_a_dash(console_app, qtbot):
    scene = create_scene("overview")
    qtbot.addWidget(scene)
    figures = sample.figures()
    scene.apply(replace(figures, overview=replace(figures.overview, on_time_rate=None, claim_rate=None)))
    assert scene.tiles["on_time_rate"].value_label.text() == "—"
    assert scene.tiles["claim_rate"].value_label.text() == "—"


def test_map_colours_towns_by_the_measure(console_app, qtbot):
    scene = create_scene("map")
    qtbot.addWidget(scene)
    figures = sample.figures()
    scene.apply(figures)
    total = sum(t.overdue for t in figures.towns)
    assert f"{total:,}" in scene.note_label.text()
    assert scene.map.towns == figures.towns
    scene.set_measure("entities")
    assert [scene.map.value(t) for t in figures.towns] == [t.entities for t in figures.towns]
    assert scene.title_label.text() == scene.title() and scene.title() != "map"


def test_rankings_bars_follow_the_figures(console_app, qtbot):
    scene = create_scene("rankings")
    qtbot.addWidget(scene)
    figures = sample.figures()
    scene.apply(figures)
    assert scene.departments.rows[0] == (figures.departments[0].name_zh, figures.departments[0].overdue)
    assert [v for _, v in scene.towns.rows] == sorted((t.overdue for t in figures.towns), reverse=True)[:10]


def test_trends_plot_the_30_days(console_app, qtbot):
    scene = create_scene("trends")
    qtbot.addWidget(scene)
    figures = sample.figures()
    scene.apply(figures)
    xs, ys = scene.curves["overdue"].getData()
    assert list(ys) == [p.overdue for p in figures.trend]
    curve = scene.curves["new_clues"]
    scene.apply(replace(figures, trend=figures.trend[:5]))
    assert scene.curves["new_clues"] is curve and len(curve.getData()[0]) == 5
    last = figures.trend[4]
    assert f"{last.overdue:,}" in scene.note_label.text()


def test_feed_lists_newest_events_and_pushes(console_app, qtbot):
    scene = create_scene("feed")
    qtbot.addWidget(scene)
    figures = sample.figures(pushes=2)
    scene.apply(figures)
    assert figures.feed[0].title_zh in scene.events.item(0).text()
    assert scene.pushes.count() == 2 and "推送 2" in scene.pushes.item(0).text()
    assert "leader" not in scene.pushes.item(0).text()  # the wall names no person
    first_item = scene.events.item(0)
    scene.apply(replace(figures, feed=figures.feed[1:]))
    assert scene.events.item(0) is first_item and figures.feed[1].title_zh in first_item.text()


def test_draw_scene_calm_card_or_next_draw(console_app, qtbot):
    from desktop.wall.scenes.draw import CALM, CARD

    scene = create_scene("draw")
    qtbot.addWidget(scene)
    scene.apply(sample.figures(draw=None))
    assert scene.page() == CALM and scene.calm.text()
    scene.apply(sample.figures(draw=sample.a_draw()))
    assert scene.page() == CARD
    assert "第 11 批" in scene.card_title.text() and "12,345" in scene.card_body.text()


def test_draw_scene_shows_the_ceremony_of_the_days_draw(console_app, qtbot):
    from desktop.draws.ceremony import CeremonyData, CeremonyPick
    from desktop.wall.scenes.draw import CEREMONY

    scene = create_scene("draw")
    qtbot.addWidget(scene)
    scene.apply(sample.figures(draw=sample.a_draw("drawn")))
    data = CeremonyData("食品抽查", 10, "ab" * 32, "seed", (), "s", "c", "",
                        (CeremonyPick(1, "某某公司", "91330782MA2ABCDE1X", "稠城街道", "市场监管局：甲、乙"),))
    scene.set_ceremony(7, data)
    assert scene.page() == CEREMONY and scene.ceremony.data == data


def test_english_after_install_language(console_app, qtbot):
    board = WallBoard()
    qtbot.addWidget(board)
    board.apply(sample.figures(draw=None))
    install_language(console_app, "en")
    try:
        assert board.scenes["overview"].tiles["overdue"].caption_label.text() == "Overdue"
        assert board.scenes["rankings"].departments.rows[0][0] == "Market Regulation"
        assert "New clue" in board.scenes["feed"].events.item(0).text()
        assert board.scenes["draw"].calm.text() == "No draw today"
        assert board.title_label.text().startswith("Yiwu")
    finally:
        install_language(console_app, "zh_CN")
    assert board.title_label.text().startswith("义乌市")


def test_another_package_registers_a_scene(console_app, qtbot):
    class Flows(WallScene):
        scene_name = "flows"

        def show_figures(self, figures) -> None:
            self.note_label.setText(str(figures.overview.open_clues))

    register_scene("flows", Flows)
    try:
        assert "flows" in scene_names()
        board = WallBoard()
        qtbot.addWidget(board)
        board.apply(sample.figures())
        assert board.scenes["flows"].note_label.text() == "5678"
    finally:
        from desktop.wall import registry

        registry._FACTORIES.pop("flows", None)
    with pytest.raises(ValueError):
        register_scene("not a name", Flows)
