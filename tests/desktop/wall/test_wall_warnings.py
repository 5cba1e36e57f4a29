"""The thematic-warnings scene: a count per kind and the warnings listed, updated in place."""
from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtWidgets import QLabel

from core.credit.themes import ThematicWarning
from core.services.wall_figures import ThemeFigure
from desktop.wall.registry import create_scene, scene_names
from tests.desktop.wall import sample


def _themes() -> tuple[ThemeFigure, ...]:
    cluster = ThematicWarning("complaint_cluster", 29.31, 120.07, "投诉聚集：一周内 4 起投诉，涉及 3 个主体（国际商贸城一区）",
                              "Complaints cluster: 4 complaints in a week about 3 entities", (5, 6, 7), 4,
                              dt.date(2026, 11, 19))
    licences = [ThematicWarning("licence_expiring", 29.3, 120.1 + i / 100,
                                f"重点监管主体许可证即将到期：商行{i}的食品经营许可证于 2026-12-0{i} 到期",
                                f"Licence of a closely watched entity expires soon: shop {i}", (100 + i,), 1,
                                dt.date(2026, 12, i)) for i in range(1, 4)]
    return (ThemeFigure(cluster, "330782001", "稠城街道", "Choucheng"),
            *(ThemeFigure(w, "330782005", "佛堂镇", "Fotang") for w in licences))


def test_the_scene_counts_each_kind_and_lists_the_warnings(console_app, qtbot):
    assert "warnings" in scene_names()
    scene = create_scene("warnings")
    qtbot.addWidget(scene)
    scene.apply(replace(sample.figures(), themes=_themes()))
    assert scene.tiles["complaint_cluster"].value_label.text() == "1"
    assert scene.tiles["licence_expiring"].value_label.text() == "3"
    lines = [scene.warnings.item(i).text() for i in range(scene.warnings.count())]
    assert lines[0] == "11-19   稠城街道   投诉聚集：一周内 4 起投诉，涉及 3 个主体（国际商贸城一区）"
    assert lines[1].startswith("12-01   佛堂镇   重点监管主体许可证即将到期：商行1")
    assert len(lines) == 4
    assert "4" in scene.note_label.text()
    tiles, listing = dict(scene.tiles), scene.warnings
    scene.apply(replace(sample.figures(), themes=_themes()[:1]))
    assert scene.tiles["licence_expiring"].value_label.text() == "0"
    assert scene.warnings.count() == 1 and scene.warnings is listing
    assert all(scene.tiles[k] is tiles[k] for k in tiles)


def test_a_day_without_warnings_says_so(console_app, qtbot):
    scene = create_scene("warnings")
    qtbot.addWidget(scene)
    scene.show()
    scene.apply(sample.figures())
    assert scene.calm.isVisible() and not scene.warnings.isVisible()
    assert scene.tiles["complaint_cluster"].value_label.text() == "0"
    assert any(label.text() for label in scene.findChildren(QLabel) if label is scene.calm)
