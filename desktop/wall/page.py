"""The Wall workspace: the operators' control of the big screen.

A live preview of what the wall shows, the playlist (which scenes, how long each, how long
a push stays), a pinned scene, "open the wall window" on a chosen screen, and the wall's
push history (double-click shows a push again). The preview and any wall window opened
from here follow one session, so they always show the same scene.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.draws.wall import fill_screen_menu
from desktop.settings import WALL_WINDOW_SCREEN

from .app import make_session, open_window, town_regions_of
from .board import WallBoard
from .registry import scene_names
from .scenes.feed import PushHistory
from .window import wall_screen


class AspectFrame(QWidget):
    """Holds one child at the wall's aspect ratio (16:9 until a wall window says otherwise),
    as large as fits, at the top, so the preview looks like the wall."""

    def __init__(self, child: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.child = child
        child.setParent(self)
        self.aspect = 16 / 9

    def set_aspect(self, width: int, height: int) -> None:
        self.aspect = width / max(1, height)
        self._place()

    def _place(self) -> None:
        width = min(self.width(), int(self.height() * self.aspect))
        height = int(width / self.aspect)
        self.child.setGeometry((self.width() - width) // 2, 0, width, height)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._place()


class WallPage(QWidget):
    """The control page of the wall, on the console's ``services``."""

    def __init__(self, services, parent: QWidget | None = None, *, session=None) -> None:
        super().__init__(parent)
        self.setObjectName("wallPage")
        self.setProperty("workspacePage", True)
        self._services = services
        self.session = session or make_session(services.db, services.tasks, services.changes, services.settings,
                                               parent=self)
        self.window_: WallBoard | None = None
        self._regions = None
        self.preview = WallBoard(self.session)
        self.preview_frame = AspectFrame(self.preview, self)
        self.preview_frame.setMinimumSize(480, 270)
        self.scene_list = QListWidget(objectName="wallScenes")
        self.interval = QSpinBox(objectName="wallInterval", minimum=3, maximum=3600)
        self.hold = QSpinBox(objectName="wallPushHold", minimum=3, maximum=3600)
        self.pin_box = QComboBox(objectName="wallPin")
        self.open_button = QPushButton(objectName="wallOpen")
        self._screen_menu = QMenu(self.open_button, objectName="wallScreens")
        self._screen_menu.aboutToShow.connect(self._on_screen_menu_about_to_show)
        self._screen_menu.triggered.connect(self._on_screen_menu_triggered)
        self._screen_actions: dict = {}
        self._span_action = None  # "all screens" in the screen menu, once it has been filled
        self.open_button.clicked.connect(self._on_open_button_clicked)
        self.history = PushHistory(self, with_author=True)
        self.history.setObjectName("wallHistory")
        self.history.itemDoubleClicked.connect(self._on_history_double_clicked)
        self._build()
        self._load_state()
        self.scene_list.itemChanged.connect(self._on_scene_list_changed)
        self.scene_list.itemDoubleClicked.connect(self._on_scene_list_double_clicked)
        self.interval.valueChanged.connect(self.session.set_interval_s)
        self.hold.valueChanged.connect(self.session.set_hold_s)
        self.pin_box.currentIndexChanged.connect(self._on_pin_changed)
        self.session.controller.figures_changed.connect(self._on_figures_changed)
        self.retranslate_ui()
        services.tasks.run(lambda: town_regions_of(services.db), on_done=self._on_regions_loaded,
                           on_error=lambda _e: None, quiet=True, owner=self)
        self.session.start()

    def _build(self) -> None:
        self.playlist_group = QGroupBox()
        form = QFormLayout(self.playlist_group)
        self.scenes_label, self.interval_label = QLabel(), QLabel()
        self.hold_label, self.pin_label = QLabel(), QLabel()
        form.addRow(self.scenes_label, self.scene_list)
        form.addRow(self.interval_label, self.interval)
        form.addRow(self.hold_label, self.hold)
        form.addRow(self.pin_label, self.pin_box)
        self.history_group = QGroupBox()
        QVBoxLayout(self.history_group).addWidget(self.history)
        side = QVBoxLayout()
        side.addWidget(self.playlist_group)
        side.addWidget(self.open_button)
        side.addWidget(self.history_group, 1)
        layout = QHBoxLayout(self)
        layout.addWidget(self.preview_frame, 3)
        layout.addLayout(side, 1)

    def _load_state(self) -> None:
        playlist = self.session.playlist
        for name in scene_names():
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if name in playlist.scenes else Qt.CheckState.Unchecked)
            self.scene_list.addItem(item)
        self.interval.setValue(max(3, playlist.interval() // 1000))
        self.hold.setValue(max(3, playlist.hold() // 1000))
        self.pin_box.addItem("", None)
        for name in scene_names():
            self.pin_box.addItem("", name)
        self.pin_box.setCurrentIndex(max(0, self.pin_box.findData(playlist.pinned)))

    def refresh(self) -> None:
        """Read every figure of the wall again (F5)."""
        self.session.controller.refresh_all()

    def wait_until_painted(self, timeout_ms: int = 30000) -> bool:
        """Spin the event loop until the first figures are shown (screenshots only)."""
        from PySide6.QtCore import QDeadlineTimer
        from PySide6.QtTest import QTest

        deadline = QDeadlineTimer(timeout_ms)
        while self.session.controller.figures is None and not deadline.hasExpired():
            QTest.qWait(20)
        return self.session.controller.figures is not None

    def scene_title(self, name: str) -> str:
        scene = self.preview.scenes.get(name)
        return scene.title() if scene is not None and hasattr(scene, "title") else name

    # ---- the wall window ----------------------------------------------------------------

    def open_wall(self, screen=None, *, span: bool = False) -> WallBoard:
        """Open (or move) the wall window on ``screen`` (None: the remembered or a secondary one),
        or over every screen with ``span``."""
        settings = self._services.settings
        if span:
            screen = None
        elif screen is None:
            screen = wall_screen(settings[WALL_WINDOW_SCREEN])
        elif settings is not None:
            settings[WALL_WINDOW_SCREEN] = screen.name()
        if self.window_ is None:
            self.window_ = open_window(self.session, self._regions, screen, span=span)
            self.window_.closed.connect(self._on_window_closed)
        elif span:
            self.window_.span()
        else:
            self.window_.show_on(screen)
        size = self.window_.geometry().size() if span else screen.size() if screen is not None else None
        if size is not None:
            self.preview_frame.set_aspect(size.width(), size.height())
        return self.window_

    def _on_window_closed(self) -> None:
        self.window_ = None

    def _on_open_button_clicked(self) -> None:
        if len(QGuiApplication.screens()) > 1:
            self._screen_menu.popup(self.open_button.mapToGlobal(self.open_button.rect().bottomLeft()))
        else:
            self.open_wall()

    def _on_screen_menu_about_to_show(self) -> None:
        current = self.window_.screen() if self.window_ is not None else None
        self._screen_actions = fill_screen_menu(self._screen_menu, current)
        self._screen_menu.addSeparator()
        self._span_action = self._screen_menu.addAction(self.tr("All screens, as one wall"))

    def _on_screen_menu_triggered(self, action) -> None:
        if action is not None and action is self._span_action:
            self.open_wall(span=True)
            return
        screen = self._screen_actions.get(action)
        if screen is not None:
            self.open_wall(screen)

    # ---- the playlist ------------------------------------------------------------------

    def _on_scene_list_changed(self, _item) -> None:
        chosen = [self.scene_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.scene_list.count())
                  if self.scene_list.item(i).checkState() == Qt.CheckState.Checked]
        self.session.set_scenes(chosen)

    def _on_scene_list_double_clicked(self, item) -> None:
        self.session.playlist.show_scene(item.data(Qt.ItemDataRole.UserRole))

    def _on_pin_changed(self, index: int) -> None:
        self.session.pin(self.pin_box.itemData(index))

    def _on_history_double_clicked(self, item) -> None:
        push_id = item.data(Qt.ItemDataRole.UserRole)
        figures = self.session.controller.figures
        pushed = next((p for p in (figures.pushes if figures else ()) if p.id == push_id), None)
        if pushed is not None:
            self.session.controller.show_push(pushed)

    def _on_figures_changed(self, figures) -> None:
        self.history.set_pushes(figures.pushes)

    def _on_regions_loaded(self, regions) -> None:
        self._regions = regions
        self.preview.set_regions(regions)
        if self.window_ is not None:
            self.window_.set_regions(regions)

    # ---- language and life ----------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.playlist_group.setTitle(self.tr("Playlist"))
        self.scenes_label.setText(self.tr("Scenes"))
        self.scene_list.setToolTip(self.tr("Tick the scenes the wall rotates through; double-click one to show it now."))
        self.interval_label.setText(self.tr("Seconds per scene"))
        self.hold_label.setText(self.tr("Seconds a push stays"))
        self.pin_label.setText(self.tr("Pinned scene"))
        self.open_button.setText(self.tr("Open the wall window…"))
        self.history_group.setTitle(self.tr("Pushed to the wall (double-click to show again)"))
        for i in range(self.scene_list.count()):
            item = self.scene_list.item(i)
            item.setText(self.scene_title(item.data(Qt.ItemDataRole.UserRole)))
        self.pin_box.setItemText(0, self.tr("None: rotate"))
        for i in range(1, self.pin_box.count()):
            self.pin_box.setItemText(i, self.scene_title(self.pin_box.itemData(i)))

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "history_group"):
            self.retranslate_ui()
        super().changeEvent(event)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.session.stop()
        if self.window_ is not None:
            self.window_.close()
        super().closeEvent(event)
