"""The console shell: navigation, placeholders, language, theme, settings, screenshots."""

from __future__ import annotations

import logging
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QColor, QImage, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QMessageBox,
    QStackedWidget,
)

from desktop import i18n
from desktop.context import ConsoleContext
from desktop.i18n import current_language, install_language
from desktop.main_window import MainWindow, open_settings
from desktop.screenshot import known_views, render_view
from desktop.theme import THEMES, ThemeError, load_tokens, render_stylesheet
from desktop.workspaces import PlaceholderPage, WorkspaceRegistry

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"

KEYS = ("map", "entities", "draws", "cases", "collaboration", "efficiency", "wall")
ZH_TITLES = ("地图", "市场主体", "双随机抽查", "线索案件与时限", "部门协同", "效能监察", "指挥大屏")
EN_TITLES = (
    "Map",
    "Entities",
    "Double-random draws",
    "Cases & deadlines",
    "Collaboration",
    "Efficiency",
    "Wall",
)


def _nav(window: MainWindow) -> QListWidget:
    nav = window.findChild(QListWidget, "navigationBar")
    assert nav is not None
    return nav


def _nav_titles(window: MainWindow) -> tuple[str, ...]:
    nav = _nav(window)
    return tuple(nav.item(row).text() for row in range(nav.count()))


def _action(window: MainWindow, data: str) -> QAction:
    matches = [a for a in window.findChildren(QAction) if a.data() == data]
    assert len(matches) == 1, f"expected one menu action for {data!r}"
    return matches[0]


def _window_colour(palette: QPalette) -> QColor:
    return palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Window)


# ---- navigation and pages ---------------------------------------------------


def test_nav_lists_all_workspaces_in_order(main_window):
    nav = _nav(main_window)
    keys = tuple(nav.item(row).data(Qt.ItemDataRole.UserRole) for row in range(nav.count()))
    assert keys == KEYS
    assert _nav_titles(main_window) == ZH_TITLES
    assert main_window.current_workspace() == "map"


def test_clicking_each_nav_entry_switches_page_and_emits(main_window, qtbot):
    nav = _nav(main_window)
    stack = main_window.findChild(QStackedWidget, "workspaceStack")
    # The first workspace is already current, so visit it last.
    for row in [*range(1, len(KEYS)), 0]:
        key = KEYS[row]
        with qtbot.waitSignal(main_window.workspace_changed, timeout=1000) as blocker:
            qtbot.mouseClick(
                nav.viewport(),
                Qt.MouseButton.LeftButton,
                pos=nav.visualItemRect(nav.item(row)).center(),
            )
        assert blocker.args == [key]
        assert main_window.current_workspace() == key
        assert stack.currentWidget() is main_window.page(key)
        assert stack.currentWidget().property("workspaceKey") == key
        title = stack.currentWidget().findChild(QLabel, "workspaceTitle")
        assert title.text() == ZH_TITLES[row]


def test_placeholder_is_honest_about_not_being_built(main_window):
    page = main_window.page("draws")
    assert isinstance(page, PlaceholderPage)
    assert "尚未建成" in page.notice_text()
    texts = [label.text() for label in page.findChildren(QLabel)]
    # Title, one sentence of purpose, the notice: nothing that looks like data.
    assert texts[0] == "双随机抽查"
    assert len(texts) == 3
    assert not any(ch.isdigit() for text in texts for ch in text)


def test_registered_factory_replaces_placeholder(console_app, console_context, qtbot):
    registry = WorkspaceRegistry()
    registry.set_factory("entities", lambda context: QLabel(context.city_name))
    window = MainWindow(console_context, registry=registry)
    qtbot.addWidget(window)
    page = window.page("entities")
    assert isinstance(page, QLabel) and page.text() == "义乌市"
    assert isinstance(window.page("map"), PlaceholderPage)
    assert WorkspaceRegistry().get("entities").factory is None
    with pytest.raises(KeyError, match="known: map"):
        registry.get("nope")


# ---- status bar -------------------------------------------------------------


def test_status_bar_shows_database_and_demo_badge(main_window, console_context):
    label = main_window.findChild(QLabel, "databaseLabel")
    assert console_context.database_label in label.text()
    badge = main_window.findChild(QLabel, "demoBadge")
    assert badge.isVisible() and badge.text() == "演示数据"
    assert "1,200,000" in main_window.findChild(QLabel, "entityCountLabel").text()


def test_no_demo_badge_for_real_data(console_app, qtbot):
    context = ConsoleContext(
        database_label="PostgreSQL tongguan@db", city_name="义乌市", is_demo=False
    )
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert not window.findChild(QLabel, "demoBadge").isVisible()
    assert not window.findChild(QLabel, "entityCountLabel").isVisible()


def test_clock_ticks_and_stops_when_window_closes(main_window, qtbot):
    clock = main_window.findChild(QLabel, "clockLabel")
    first = clock.text()
    assert re.match(r"\d{4}-\d\d-\d\d .+ \d\d:\d\d:\d\d$", first)
    qtbot.waitUntil(lambda: clock.text() != first, timeout=3000)
    assert main_window.clock_timer.isActive()
    main_window.close()
    assert not main_window.clock_timer.isActive()


def test_about_names_city_and_database(main_window, monkeypatch):
    shown = []
    monkeypatch.setattr(
        QMessageBox, "about", lambda parent, title, text: shown.append((title, text))
    )
    main_window.findChild(QAction, "aboutAction").trigger()
    [(title, text)] = shown
    assert title == "关于通管"
    assert "义乌市" in text and "SQLite /tmp/tongguan-test.sqlite" in text


# ---- language ---------------------------------------------------------------


def test_language_switch_retranslates_open_window(main_window, qtbot):
    assert main_window.windowTitle() == "通管 — 义乌市 一网通管指挥中心"
    placeholder = main_window.page("map")

    with qtbot.waitSignal(main_window.language_changed) as blocker:
        _action(main_window, "en").trigger()
    assert blocker.args == ["en"]
    assert current_language(QApplication.instance()) == "en"
    assert _nav_titles(main_window) == EN_TITLES
    assert main_window.windowTitle() == "Tongguan — 义乌市"
    assert placeholder.notice_text() == "This workspace is not built yet."
    assert main_window.menuBar().actions()[0].text() == "&File"

    _action(main_window, "zh_CN").trigger()
    assert _nav_titles(main_window) == ZH_TITLES
    assert _nav(main_window).item(0).text() == "地图"
    assert placeholder.notice_text() == "此工作区尚未建成。"
    assert _action(main_window, "zh_CN").isChecked()


def test_qt_standard_buttons_follow_language(console_app, qtbot):
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    cancel = box.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel.text() == "取消"
    install_language(console_app, "en")
    assert cancel.text() == "Cancel"


def test_missing_catalogue_falls_back_to_source_strings(main_window, monkeypatch, caplog):
    # A package without .qm files stands in for a checkout that was never built.
    monkeypatch.setattr(i18n, "_TRANSLATIONS_PACKAGE", "resources.themes")
    with caplog.at_level(logging.WARNING, logger="desktop.i18n"):
        install_language(QApplication.instance(), "zh_CN")
    assert "build_translations.py" in caplog.text
    assert _nav_titles(main_window) == EN_TITLES


def test_unknown_language_is_rejected(console_app):
    with pytest.raises(ValueError, match="zh_CN, en"):
        install_language(console_app, "fr")


# ---- theme ------------------------------------------------------------------


def test_theme_switch_changes_window_palette(main_window, qtbot):
    light = QColor(load_tokens("light")["window"])
    dark = QColor(load_tokens("dark")["window"])
    assert light != dark
    assert _window_colour(main_window.palette()) == light

    with qtbot.waitSignal(main_window.theme_changed):
        _action(main_window, "dark").trigger()
    assert _window_colour(QApplication.instance().palette()) == dark
    assert _window_colour(main_window.palette()) == dark
    assert _action(main_window, "dark").isChecked()


@pytest.mark.parametrize("name", THEMES)
def test_every_theme_fills_the_style_sheet(name):
    tokens = load_tokens(name)
    assert tokens.keys() == load_tokens("light").keys()
    sheet = render_stylesheet(tokens)
    assert "{{" not in sheet and tokens["accent"] in sheet


def test_undefined_token_is_an_error():
    with pytest.raises(ThemeError, match="nav_glow"):
        render_stylesheet({"window": "#fff"}, "QWidget { color: {{ nav_glow }}; }")
    with pytest.raises(ThemeError):
        load_tokens("sepia")


# ---- settings ---------------------------------------------------------------


def test_settings_live_in_the_test_directory(settings_dir):
    assert Path(open_settings().fileName()).is_relative_to(settings_dir)


def test_geometry_and_workspace_persist_across_windows(console_app, console_context, qtbot):
    first = MainWindow(console_context)
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    # The offscreen screen is 800x800: a size that fits it survives the restore.
    size = QSize(760, 590)
    assert size != first.size()
    first.resize(size)
    first.select_workspace("cases")
    qtbot.waitUntil(lambda: first.size() == size)
    first.close()

    second = MainWindow(console_context)
    qtbot.addWidget(second)
    assert second.size() == size
    assert second.current_workspace() == "cases"


# ---- screenshots ------------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_render_view_writes_png_of_requested_size(console_app, console_context, tmp_path, lang):
    out = render_view(
        "console",
        tmp_path / lang / "console.png",
        context=console_context,
        lang=lang,
        size=(1024, 640),
    )
    assert out.stat().st_size > 0
    image = QImage(str(out))
    assert not image.isNull()
    assert (image.width(), image.height()) == (1024, 640)
    # Screenshots neither read nor write the user's window settings.
    assert open_settings().value("main_window/geometry") is None


def test_render_view_differs_by_language_and_workspace(console_app, console_context, tmp_path):
    def render(view: str, lang: str) -> QImage:
        path = render_view(
            view, tmp_path / f"{view}-{lang}.png", context=console_context, lang=lang
        )
        return QImage(str(path))

    zh = render("console", "zh_CN")
    assert zh != render("console", "en")
    assert zh != render("console:wall", "zh_CN")


def test_render_view_rejects_unknown_view(console_context, tmp_path):
    with pytest.raises(ValueError, match="console:wall"):
        render_view("dashboard", tmp_path / "x.png", context=console_context)
    assert "console" in known_views()


# ---- translation catalogues -------------------------------------------------


def _unfinished(ts_file: Path) -> list[str]:
    problems = []
    for context in ET.parse(ts_file).getroot().iter("context"):
        for message in context.iter("message"):
            source = message.findtext("source", "")
            translation = message.find("translation")
            if translation is None or translation.get("type") in {"vanished", "obsolete"}:
                continue
            forms = translation.findall("numerusform") or [translation]
            if translation.get("type") == "unfinished" or not all(
                (f.text or "").strip() for f in forms
            ):
                problems.append(f"{context.findtext('name')}: {source!r} is not translated")
                continue
            fields = set(re.findall(r"\{\w+\}", source))
            if any(set(re.findall(r"\{\w+\}", f.text)) != fields for f in forms):
                problems.append(f"{context.findtext('name')}: {source!r} loses a {{field}}")
    return problems


def test_chinese_catalogue_is_complete():
    ts_file = TRANSLATIONS / "tongguan_zh_CN.ts"
    assert ET.parse(ts_file).getroot().findall("./context/message"), "catalogue is empty"
    assert _unfinished(ts_file) == []


def test_every_desktop_string_is_in_the_chinese_catalogue(tmp_path):
    lupdate = shutil.which("pyside6-lupdate")
    if lupdate is None:
        pytest.skip("pyside6-lupdate is not installed")
    scratch = tmp_path / "tongguan_zh_CN.ts"
    shutil.copy(TRANSLATIONS / "tongguan_zh_CN.ts", scratch)
    sources = sorted(str(p) for p in (ROOT / "desktop").rglob("*.py"))
    subprocess.run(
        [lupdate, *sources, "-locations", "none", "-no-obsolete", "-silent", "-ts", str(scratch)],
        check=True,
    )
    missing = _unfinished(scratch)
    assert missing == [], (
        "tr() strings without a Chinese translation; run "
        "`python scripts/build_translations.py` and translate them in tongguan_zh_CN.ts"
    )
