"""The console's main window: navigation, workspace pages, menus, status bar."""

from __future__ import annotations

import html
from importlib import metadata

from PySide6.QtCore import (
    QCoreApplication,
    QDateTime,
    QEvent,
    QLocale,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.context import ConsoleContext
from desktop.db_health import ConnectionBanner, DatabaseHealthMonitor
from desktop.i18n import (
    LANGUAGE_NAMES,
    SUPPORTED_LANGUAGES,
    current_language,
    install_language,
)
from desktop.settings import (  # noqa: F401 - open_settings and the names are re-exported
    LANGUAGE,
    LAST_WORKSPACE,
    SETTINGS_APPLICATION,
    SETTINGS_ORGANIZATION,
    THEME,
    WINDOW_GEOMETRY,
    WINDOW_STATE,
    Settings,
    open_settings,
)
from desktop.shortcuts import WindowShortcuts, with_keys
from desktop.theme import THEMES, apply_theme, current_theme
from desktop.workspaces import TRANSLATION_CONTEXT, WorkspaceRegistry

from desktop.services import AppServices
from desktop.window_navigation import install_window_navigation

_KEY_ROLE = Qt.ItemDataRole.UserRole
_CLOCK_FORMAT = "yyyy-MM-dd dddd HH:mm:ss"


class MainWindow(QMainWindow):
    """The command-center shell: one page per workspace, chosen in a left nav bar.

    Pages are built the first time their workspace is shown. With
    ``remember_geometry`` the window restores and saves its geometry, dock state
    and last workspace in ``settings`` (default: those of ``services``, else
    :meth:`Settings.open`); language and theme chosen in the menus are saved too.

    With ``services`` (see ``desktop/bootstrap.py``) the status bar names the
    signed-in user, workspace factories receive the services, and a
    :class:`DatabaseHealthMonitor` watches the database: a red banner appears
    at the top while it is lost.
    """

    workspace_changed = Signal(str)
    language_changed = Signal(str)
    theme_changed = Signal(str)

    def __init__(
        self,
        context: ConsoleContext,
        *,
        registry: WorkspaceRegistry | None = None,
        services: AppServices | None = None,
        settings: Settings | None = None,
        remember_geometry: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        user = services.user if services is not None else None
        # Role-restricted workspaces (administration) are not even listed for other roles.
        self._registry = (registry if registry is not None else WorkspaceRegistry()).visible_to(
            user.role_code if user is not None else None)
        self._services = services
        if settings is None:
            settings = services.settings if services is not None else Settings.open()
        self._settings = settings
        self._remember_geometry = remember_geometry
        self._pages: dict[str, QWidget] = {}
        self._health_monitor: DatabaseHealthMonitor | None = None
        if services is not None:
            self._health_monitor = DatabaseHealthMonitor(services.tasks, services.db.engine, self)
            install_window_navigation(self, services.navigator)
        self.setObjectName("mainWindow")
        self.setMinimumSize(720, 480)
        self.resize(self._default_size())

        self._build_central()
        self._build_menus()
        self._build_status_bar()

        self._clock_timer = QTimer(self, interval=1000, timerType=Qt.TimerType.PreciseTimer)
        self._clock_timer.timeout.connect(self._on_clock_timer_timeout)
        self._clock_timer.start()
        if self._health_monitor is not None:
            self._health_monitor.start()

        self.retranslate_ui()
        first = self._registry.keys()[0]
        if remember_geometry:
            first = self._restore_settings() or first
        self.select_workspace(first)

    # ---- public API -----------------------------------------------------

    @property
    def context(self) -> ConsoleContext:
        """The installation facts shown by this window."""
        return self._context

    @property
    def registry(self) -> WorkspaceRegistry:
        """The workspaces of this window, in navigation order."""
        return self._registry

    @property
    def services(self) -> AppServices | None:
        """The session's services, or None for a bare shell."""
        return self._services

    @property
    def settings(self) -> Settings:
        """The settings this window reads and saves."""
        return self._settings

    @property
    def health_monitor(self) -> DatabaseHealthMonitor | None:
        """The database watcher (None without services)."""
        return self._health_monitor

    @property
    def connection_banner(self) -> ConnectionBanner | None:
        """The lost-database banner (None without services)."""
        return self._banner

    @property
    def shortcuts(self) -> WindowShortcuts:
        """The keyboard actions (refresh, full screen, find, export, next/previous item, workspaces)."""
        return self._shortcuts

    @property
    def clock_timer(self) -> QTimer:
        """The timer that refreshes the status-bar clock."""
        return self._clock_timer

    def current_workspace(self) -> str:
        """Return the key of the workspace on show."""
        item = self._nav.currentItem()
        return item.data(_KEY_ROLE) if item is not None else ""

    def select_workspace(self, key: str) -> None:
        """Show workspace ``key`` (KeyError if unknown)."""
        row = self._registry.keys().index(self._registry.get(key).key)
        self._nav.setCurrentRow(row)

    def current_page(self) -> QWidget | None:
        """Return the page of the workspace on show (None before the first)."""
        return self._pages.get(self.current_workspace())

    def has_workspace(self, key: str) -> bool:
        """True when this window lists workspace ``key`` (the user's role sees it)."""
        return key in self._registry.keys()

    def page(self, key: str) -> QWidget:
        """Return the page of workspace ``key``, building it if needed."""
        if key not in self._pages:
            page = self._registry.create_page(key, self._context, self._services)
            self._pages[key] = page
            self._stack.addWidget(page)
        return self._pages[key]

    def retranslate_ui(self) -> None:
        """Set every visible string in the current UI language."""
        city = self._context.city(current_language(QCoreApplication.instance()))
        self.setWindowTitle(self.tr("Tongguan — {city}").format(city=city))
        self._brand_title.setText(self.tr("Tongguan"))
        self._brand_subtitle.setText(
            self.tr("{city} market supervision command center").format(city=city)
        )
        for row, spec in enumerate(self._registry):
            self._nav.item(row).setText(spec.translated_title())
            self._nav.item(row).setToolTip(
                with_keys(spec.translated_title(), self._shortcuts.workspace_keys(spec.key)))
        self._shortcuts.retranslate(lambda title: QCoreApplication.translate(TRANSLATION_CONTEXT, title))

        self._file_menu.setTitle(self.tr("&File"))
        self._quit_action.setText(self.tr("&Quit"))
        self._view_menu.setTitle(self.tr("&View"))
        self._go_menu.setTitle(self.tr("&Go"))
        self._language_menu.setTitle(self.tr("&Language"))
        self._theme_menu.setTitle(self.tr("&Theme"))
        theme_names = {"light": self.tr("Light"), "dark": self.tr("Dark")}
        for action in self._theme_group.actions():
            action.setText(theme_names[action.data()])
        self._help_menu.setTitle(self.tr("&Help"))
        self._about_action.setText(self.tr("&About Tongguan"))

        self._database_label.setText(
            self.tr("Database: {label}").format(label=self._context.database_label)
        )
        self._demo_badge.setText(self.tr("Demo data"))
        self._demo_badge.setToolTip(
            self.tr("This database holds generated demonstration data, not real records.")
        )
        self._retranslate_user()
        count = self._context.entity_count
        if count is not None:
            self._entity_count_label.setText(
                self.tr("{count} market entities").format(count=QLocale().toString(count))
            )
        self._sync_menu_checks()
        self._update_clock()

    def _retranslate_user(self) -> None:
        user = self._services.user if self._services is not None else None
        if user is None:
            return
        english = current_language(QCoreApplication.instance()) == "en"
        # Names come from the database in both languages; English falls back to Chinese.
        department = (user.department_en or user.department_zh) if english else user.department_zh
        self._user_label.setText(user.display_name)
        self._user_label.setToolTip(self.tr("Signed in as {username}").format(username=user.username))
        self._role_label.setText(user.role_en if english else user.role_zh)
        self._role_label.setToolTip(self.tr("Role"))
        self._department_label.setText(department or "")
        self._department_label.setToolTip(self.tr("Department"))
        self._department_label.setVisible(bool(department))

    # ---- construction ---------------------------------------------------

    def _build_central(self) -> None:
        self._brand_title = QLabel(objectName="brandTitle")
        self._brand_subtitle = QLabel(objectName="brandSubtitle", wordWrap=True)
        header = QWidget(objectName="navigationHeader")
        header.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        header_layout = QVBoxLayout(header)
        header_layout.setContentsMargins(20, 18, 16, 16)
        header_layout.setSpacing(2)
        header_layout.addWidget(self._brand_title)
        header_layout.addWidget(self._brand_subtitle)

        self._nav = QListWidget(objectName="navigationBar")
        self._nav.setUniformItemSizes(True)
        self._nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._nav.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        for spec in self._registry:
            item = QListWidgetItem(spec.title)
            item.setData(_KEY_ROLE, spec.key)
            self._nav.addItem(item)
        self._nav.currentRowChanged.connect(self._on_navigation_current_row_changed)

        panel = QWidget(objectName="navigationPanel")
        panel.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        panel.setFixedWidth(208)
        panel_layout = QVBoxLayout(panel)
        panel_layout.setContentsMargins(0, 0, 0, 0)
        panel_layout.setSpacing(0)
        panel_layout.addWidget(header)
        panel_layout.addWidget(self._nav, 1)

        self._stack = QStackedWidget(objectName="workspaceStack")
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(panel)
        body.addWidget(self._stack, 1)
        central = QWidget(objectName="centralArea")
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        # The banner spans the whole width above navigation and page, hidden until needed.
        self._banner: ConnectionBanner | None = None
        if self._health_monitor is not None:
            self._banner = ConnectionBanner(self._health_monitor)
            layout.addWidget(self._banner)
        layout.addLayout(body, 1)
        self.setCentralWidget(central)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self._file_menu = bar.addMenu("")
        self._quit_action = QAction(
            self, objectName="quitAction", shortcut=QKeySequence.StandardKey.Quit
        )
        self._quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self._quit_action.triggered.connect(self._on_quit_action_triggered)
        keys = self._shortcuts = WindowShortcuts(
            self, [(spec.key, spec.title) for spec in self._registry], self.current_page, self.select_workspace,
            also=(self._quit_action,))
        self._file_menu.addAction(keys.actions["export"])
        self._file_menu.addSeparator()
        self._file_menu.addAction(self._quit_action)

        self._view_menu = bar.addMenu("")
        self._view_menu.addActions([keys.actions["refresh"], keys.actions["full_screen"]])
        self._view_menu.addSeparator()
        self._language_menu = self._view_menu.addMenu("")
        self._language_group = QActionGroup(self, exclusive=True)
        for lang in SUPPORTED_LANGUAGES:
            # Language names are endonyms: a reader must find their own language.
            action = QAction(LANGUAGE_NAMES[lang], self, checkable=True, data=lang)
            self._language_group.addAction(action)
            self._language_menu.addAction(action)
        self._language_group.triggered.connect(self._on_language_group_triggered)

        self._theme_menu = self._view_menu.addMenu("")
        self._theme_group = QActionGroup(self, exclusive=True)
        for name in THEMES:
            action = QAction(name, self, checkable=True, data=name)
            self._theme_group.addAction(action)
            self._theme_menu.addAction(action)
        self._theme_group.triggered.connect(self._on_theme_group_triggered)

        self._go_menu = bar.addMenu("")
        self._go_menu.addActions([keys.actions["find"], keys.actions["next_item"], keys.actions["previous_item"]])
        self._go_menu.addSeparator()
        self._go_menu.addActions(keys.workspace_actions)

        self._help_menu = bar.addMenu("")
        self._help_menu.addAction(keys.actions["shortcuts_help"])
        self._about_action = QAction(self, objectName="aboutAction")
        self._about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self._about_action.triggered.connect(self._on_about_action_triggered)
        self._help_menu.addAction(self._about_action)

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        status.setSizeGripEnabled(False)
        self._user_label = QLabel(objectName="userLabel")
        self._role_label = QLabel(objectName="roleLabel")
        self._department_label = QLabel(objectName="departmentLabel")
        signed_in = self._services is not None and self._services.user is not None
        for label in (self._user_label, self._role_label, self._department_label):
            status.addWidget(label)
            label.setVisible(signed_in)
        self._database_label = QLabel(objectName="databaseLabel")
        self._demo_badge = QLabel(objectName="demoBadge")
        self._entity_count_label = QLabel(objectName="entityCountLabel")
        self._clock_label = QLabel(objectName="clockLabel")
        status.addWidget(self._database_label)
        status.addWidget(self._demo_badge)
        status.addWidget(self._entity_count_label)
        status.addPermanentWidget(self._clock_label)
        self._demo_badge.setVisible(self._context.is_demo)
        self._entity_count_label.setVisible(self._context.entity_count is not None)

    # ---- settings -------------------------------------------------------

    def _restore_settings(self) -> str | None:
        geometry = self._settings[WINDOW_GEOMETRY]
        if geometry:
            self.restoreGeometry(geometry)
        state = self._settings[WINDOW_STATE]
        if state:
            self.restoreState(state)
        workspace = self._settings[LAST_WORKSPACE]
        return workspace if workspace in self._registry.keys() else None

    def _save_settings(self) -> None:
        self._settings[WINDOW_GEOMETRY] = self.saveGeometry().data()
        self._settings[WINDOW_STATE] = self.saveState().data()
        self._settings[LAST_WORKSPACE] = self.current_workspace()
        self._settings.sync()

    # ---- helpers --------------------------------------------------------

    def _default_size(self) -> QSize:
        # Room for a 1440x900 layout, but never larger than the screen offers.
        available = self.screen().availableGeometry().size()
        return QSize(1440, 900).boundedTo(available * 0.92).expandedTo(self.minimumSize())

    def _sync_menu_checks(self) -> None:
        app = QApplication.instance()
        for action in self._language_group.actions():
            action.setChecked(action.data() == current_language(app))
        for action in self._theme_group.actions():
            action.setChecked(action.data() == current_theme(app))

    def _update_clock(self) -> None:
        now = QDateTime.currentDateTime()
        self._clock_label.setText(QLocale().toString(now, _CLOCK_FORMAT))

    # ---- events and slots -----------------------------------------------

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self._clock_timer.stop()
        if self._health_monitor is not None:
            self._health_monitor.stop()
        if self._remember_geometry:
            self._save_settings()
        super().closeEvent(event)

    def _on_navigation_current_row_changed(self, row: int) -> None:
        if row < 0:
            return
        key = self._registry.keys()[row]
        self._stack.setCurrentWidget(self.page(key))
        self._shortcuts.page_changed(self.page(key))
        self.workspace_changed.emit(key)

    def _on_clock_timer_timeout(self) -> None:
        self._update_clock()

    def _on_language_group_triggered(self, action: QAction) -> None:
        lang = action.data()
        install_language(QApplication.instance(), lang)
        self._settings[LANGUAGE] = lang
        self._settings.sync()
        self.language_changed.emit(lang)

    def _on_theme_group_triggered(self, action: QAction) -> None:
        name = action.data()
        apply_theme(QApplication.instance(), name)
        self._settings[THEME] = name
        self._settings.sync()
        self._sync_menu_checks()
        self.theme_changed.emit(name)

    def _on_quit_action_triggered(self) -> None:
        self.close()

    def _on_about_action_triggered(self) -> None:
        try:
            version = metadata.version("tongguan")
        except metadata.PackageNotFoundError:
            version = "dev"
        QMessageBox.about(
            self,
            self.tr("About Tongguan"),
            self.tr(
                "<p><b>Tongguan</b> {version}</p>"
                "<p>Market supervision command center for {city}.</p>"
                "<p>Database: {label}</p>"
            ).format(
                version=html.escape(version),
                city=html.escape(self._context.city(current_language(QCoreApplication.instance()))),
                label=html.escape(self._context.database_label),
            ),
        )
