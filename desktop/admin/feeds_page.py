"""The Feeds & mappings page (数据接入配置): what the administrator sets up for data from other systems.

Four tabs: the permit-to-department mapping the registration feed's double notification
follows, the commitment catalogue (告知承诺事项清单), foreign service codes mapped to our
matters (with the codes clues still wait with), and the source systems' API keys. The
page holds what the tabs share: the task manager, the message bar, the departments and
matters for the pickers, and the change bus (another console's edit reloads the tabs; a
new clue reloads the waiting codes). The core checks ``feeds.manage`` again and audits.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QLabel, QMessageBox, QTabWidget, QWidget

from core.db.database import Database
from core.live.changes import ChangeSet
from core.services.matters import DepartmentInfo, MatterInfo, departments_with_matters
from desktop.entities.message_bar import MessageBar
from desktop.i18n import current_language
from desktop.live.bus import ChangeBus
from desktop.live.follow import on_changes
from desktop.tasks import TaskManager
from desktop.page_layout import page_column

from .feeds_words import feeds_refusal

FEEDS_SETTING = "feeds"  # core.live.changes.SETTING_OBJECTS names the feed configuration so


class FeedsPage(QWidget):
    """The four tabs for the signed-in administrator ``actor``."""

    changed = Signal(str)  # the message shown after a change the core made
    failed = Signal(str)   # the refusal shown
    pickers_loaded = Signal()

    def __init__(self, db: Database, tasks: TaskManager, actor: str, lang: str, *,
                 changes: ChangeBus | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from .feeds_codes_tab import ForeignCodesTab
        from .feeds_keys_tab import ApiKeysTab
        from .feeds_mapping_tabs import CatalogueTab, PermitsTab

        self.setObjectName("feedsPage")
        self.setProperty("workspacePage", True)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.db, self.actor, self.lang = db, actor, lang
        self._tasks = tasks
        self.departments: list[DepartmentInfo] = []
        self.title = QLabel(objectName="workspaceTitle")
        self.intro = QLabel(objectName="feedsIntro", wordWrap=True)
        self.message_bar = MessageBar(self)
        self.permits = PermitsTab(self)
        self.catalogue = CatalogueTab(self)
        self.codes = ForeignCodesTab(self)
        self.keys = ApiKeysTab(self)
        self.tabs = QTabWidget(objectName="feedsTabs")
        for tab in self._all_tabs():
            self.tabs.addTab(tab, "")
        page_column(self, self.title, self.intro, self.message_bar, self.tabs)
        self.listeners = []
        if changes is not None:
            self.listeners = [
                on_changes(self, changes, (), self._on_feeds_changed, settings=(FEEDS_SETTING, "reference")),
                # Waiting codes move with every clue; a second's delay gathers an import's burst.
                on_changes(self, changes, ("clues",), lambda _c: self.codes.refresh(), delay_ms=1000),
            ]
        self.retranslate_ui()
        self.load_pickers()
        self.refresh()

    # ---- what the tabs use ----------------------------------------------------

    def run(self, fn: Callable[[], object], on_done: Callable[[object], None]) -> None:
        """``fn()`` off the GUI thread; ``on_done(result)`` back on it, a refusal in the message bar."""
        self._tasks.run(fn, on_done=on_done, on_error=self._on_failed, owner=self)

    def change(self, fn: Callable[[], object], message: Callable[[object], str] | str) -> None:
        """Run the core change ``fn``; then say ``message`` (or ``message(result)``) and reload the tabs."""
        self.run(fn, lambda result: self._after_change(message(result) if callable(message) else message))

    def confirm(self, title: str, question: str) -> bool:
        answer = QMessageBox.question(self, title, question)
        return answer == QMessageBox.StandardButton.Yes

    def department_name(self, department_id: int | None, fallback: str = "") -> str:
        for department in self.departments:
            if department.id == department_id:
                return department.name(self.lang)
        return fallback or "—"

    def matters(self) -> list[tuple[MatterInfo, DepartmentInfo]]:
        """Every matter with its department, for the matter picker."""
        return [(m, d) for d in self.departments for m in d.matters]

    def matter_name(self, matter: MatterInfo) -> str:
        return matter.name_en if self.lang == "en" and matter.name_en else matter.name_zh

    # ---- loading ---------------------------------------------------------------

    def refresh(self) -> None:
        """Read all four tabs again (F5)."""
        for tab in self._all_tabs():
            tab.refresh()

    def main_view(self) -> QAbstractItemView:
        """The list on show, for the next and previous item keys."""
        return self.tabs.currentWidget().main_view()

    def load_pickers(self) -> None:
        db = self.db
        self.run(lambda: departments_with_matters(db), self._on_pickers_loaded)

    def _all_tabs(self) -> tuple:
        return self.permits, self.catalogue, self.codes, self.keys

    def _on_pickers_loaded(self, departments: list[DepartmentInfo]) -> None:
        self.departments = list(departments)
        for tab in self._all_tabs():
            tab.fill()
        self.pickers_loaded.emit()

    def _on_feeds_changed(self, changes: ChangeSet) -> None:
        if "reference" in changes.settings or changes.everything:
            self.load_pickers()
        self.refresh()

    def _after_change(self, message: str) -> None:
        self.message_bar.show_message(message, kind="success")
        self.refresh()
        self.changed.emit(message)

    def _on_failed(self, error: BaseException) -> None:
        text = feeds_refusal(error, self.lang)
        self.message_bar.show_message(text, kind="error")
        self.failed.emit(text)

    # ---- language --------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Feeds & mappings"))
        self.intro.setText(self.tr(
            "What data from other systems needs: which department approves each permit, the matters handled "
            "by notification and commitment, the other systems' service codes, and their API keys. "
            "Every change here is written to the audit log."))
        for i, text in enumerate((self.tr("Permits and approving departments"),
                                  self.tr("Notification and commitment matters"),
                                  self.tr("Other systems' codes"), self.tr("API keys"))):
            self.tabs.setTabText(i, text)
        for tab in self._all_tabs():
            tab.retranslate_ui()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.lang = current_language(QCoreApplication.instance())
            self.retranslate_ui()
        super().changeEvent(event)
