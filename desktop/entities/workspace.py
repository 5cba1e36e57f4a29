"""The Entities workspace (市场主体): search, result table, panoramas and dual tagging.

One tab holds the search; each opened panorama gets a closable tab of its own, so
operators can compare a few entities. Changes go through :class:`EntityOperations`;
the console's change bus then refreshes the table and the panoramas concerned.
All database work runs in the TaskManager's workers.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, Signal
from PySide6.QtWidgets import QAbstractItemView, QTabBar, QTabWidget, QVBoxLayout, QWidget

from core.db.database import Database
from core.errors import Cancelled, ValidationError
from core.live.changes import ChangeSet
from core.services.export import export_entities
from core.services.search import EntityFilter, EntitySearch
from core.services.tagging import TagInfo
from desktop.i18n import current_language
from desktop.live.bus import ChangeBus
from desktop.live.follow import on_changes
from desktop.tasks import TaskHandle, TaskManager

from .errors import show_error
from .file_dialogs import ask_export_path
from .message_bar import MessageBar
from .operations import EntityOperations
from .panorama_view import PanoramaView
from .reference import EntityReference, load_reference
from .search_page import EntitySearchPage
from .table_model import EntityTableModel
from .tagging_flow import TaggingFlow

MAX_PANORAMAS = 8


class EntitiesWorkspace(QWidget):
    """Find market entities, open their panoramas, tag them and correct their location.

    ``actor`` is the signed-in user name recorded with every change; an empty actor
    makes the workspace read-only. ``show_risk`` is False for users outside the center.
    """

    reference_loaded = Signal(object)  # EntityReference
    panorama_opened = Signal(object)  # PanoramaView
    export_finished = Signal(str, int)  # path, rows written
    export_failed = Signal(object)

    def __init__(self, db: Database, tasks: TaskManager, actor: str, lang: str = "zh_CN", *,
                 show_risk: bool = True, today: dt.date | None = None, changes: ChangeBus | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("entitiesWorkspace")
        self.setProperty("workspacePage", True)
        self._db, self._tasks, self._actor, self._lang = db, tasks, actor, lang
        self._show_risk, self._today = show_risk, today
        self._reference: EntityReference | None = None
        self.search = EntitySearch(db, actor or None)  # the signed-in user: risk filters follow risk.read
        self.model = EntityTableModel(self.search, tasks, parent=self)
        self.model.set_language(lang)
        self.operations = EntityOperations(db, tasks, actor, self)
        self.search_page = EntitySearchPage(self.model, show_risk=show_risk)
        self.search_page.set_read_only(self.read_only)
        self.message_bar = MessageBar()
        self.flow = TaggingFlow(self.operations, self.message_bar, self)

        self.tabs = QTabWidget(objectName="entityTabs", documentMode=True, tabsClosable=True, movable=True)
        self.tabs.setTabBarAutoHide(True)  # the tab bar appears with the first panorama
        self.tabs.addTab(self.search_page, "")
        self.tabs.tabBar().setTabButton(0, QTabBar.ButtonPosition.RightSide, None)
        self.tabs.tabBar().setTabButton(0, QTabBar.ButtonPosition.LeftSide, None)
        self.tabs.tabCloseRequested.connect(self._on_tabs_close_requested)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message_bar)

        bar = self.search_page.search_bar
        bar.filter_changed.connect(self.model.set_filter)
        self.model.count_changed.connect(self.search_page.update_count)
        self.model.search_failed.connect(self.search_page.show_failure)
        self.search_page.entity_activated.connect(self.open_panorama)
        self.search_page.action_requested.connect(self._on_search_page_action_requested)
        self.operations.tags_listed.connect(self._on_operations_tags_listed)
        # Every committed change (here, in another workspace or at another workstation) arrives on
        # the bus; without the console's, this process's own commits still do.
        self.changes = changes if changes is not None else ChangeBus.detached(db, parent=self)
        self.change_listener = on_changes(self, self.changes, ("entities", "tags"), self.on_changes)
        self.operations.failed.connect(lambda _key, error: show_error(self, self.tr("Operation failed"), error))

        self.retranslate_ui()
        tasks.run(lambda: load_reference(db), on_done=self._on_reference_loaded,
                  on_error=lambda error: show_error(self, self.tr("Reference data not loaded"), error))
        bar.search_now()

    # ---- public API -----------------------------------------------------

    @property
    def read_only(self) -> bool:
        """True without an actor (nobody signed in): searching only, no changes."""
        return not self._actor

    @property
    def reference(self) -> EntityReference | None:
        return self._reference

    @property
    def language(self) -> str:
        return self._lang

    def panoramas(self) -> list[PanoramaView]:
        return [w for i in range(self.tabs.count()) if isinstance(w := self.tabs.widget(i), PanoramaView)]

    def open_panorama(self, entity_id: int) -> PanoramaView:
        """Show the panorama of ``entity_id`` in its tab (reusing an open one)."""
        for view in self.panoramas():
            if view.entity_id == entity_id:
                self.tabs.setCurrentWidget(view)
                return view
        while len(self.panoramas()) >= MAX_PANORAMAS:
            self._close_tab(self.tabs.indexOf(self.panoramas()[0]))
        view = PanoramaView(self._db, self._tasks, entity_id, reference=self._reference, lang=self._lang,
                            show_risk=self._show_risk, today=self._today, actor=self._actor,
                            read_only=self.read_only)
        view.loaded.connect(lambda p, view=view: self._set_tab_title(view, p.header.name))
        view.add_tags_requested.connect(lambda i, view=view: self._tag_one("add", view))
        view.remove_tags_requested.connect(lambda i, view=view: self._tag_one("remove", view))
        view.location_requested.connect(lambda i, view=view: self._locate_one(view))
        view.pdf_written.connect(lambda path: self.message_bar.show_message(
            self.tr("Saved the panorama as {path}.").format(path=path), kind="success"))
        view.pdf_failed.connect(lambda error: show_error(self, self.tr("PDF not written"), error))
        view.credit.repaired.connect(lambda text: self.message_bar.show_message(text, kind="success"))
        index = self.tabs.addTab(view, self.tr("Panorama #{id}").format(id=entity_id))
        self.tabs.setCurrentIndex(index)
        self.panorama_opened.emit(view)
        return view

    def apply_tags(self, action: str, entity_ids: Sequence[int], tag_ids: Sequence[int]) -> None:
        """Add or remove tags without dialogs (the end of every tagging flow)."""
        self.flow.apply(action, entity_ids, tag_ids)

    def tag_selection(self, action: str):
        """Start the add/remove dialogs for the selected rows; returns the picker (None if nothing selected)."""
        count = self.search_page.selected_count()
        if not count:
            return None
        return self.flow.start(action, count, self.resolve_selected_ids)

    def resolve_selected_ids(self, callback: Callable[[Sequence[int]], None]) -> None:
        """Call back with the ids of the selected rows, fetching pages not loaded yet in a worker."""
        ranges = self.search_page.selected_ranges()
        count = sum(b - a + 1 for a, b in ranges)
        model, search, f = self.model, self.search, self.model.filter or EntityFilter()
        if count and count == model.total:
            self._tasks.run(lambda: search.ids(f), on_done=callback,
                            on_error=lambda error: show_error(self, self.tr("Selection not read"), error))
            return
        rows = [r for a, b in ranges for r in range(a, b + 1)]
        known = {r: model.row_at(r).id for r in rows if model.is_loaded(r)}
        size, sort, descending = model.page_size(), model.sort_key, model.descending
        missing = sorted({r // size for r in rows if r not in known})

        def fetch() -> list[int]:
            found = dict(known)
            for page in missing:
                for offset, row in enumerate(search.page(f, sort=sort, descending=descending,
                                                         offset=page * size, limit=size)):
                    found.setdefault(page * size + offset, row.id)
            return [found[r] for r in rows if r in found]

        self._tasks.run(fetch, on_done=callback,
                        on_error=lambda error: show_error(self, self.tr("Selection not read"), error))

    def export_results(self, path: Path) -> TaskHandle:
        """Export the whole current result to ``path`` (.xlsx/.csv) with a cancellable progress dialog."""
        search, f, lang, risk = self.search, self.model.filter or EntityFilter(), self._lang, self._show_risk
        sort, descending = self.model.sort_key, self.model.descending
        total = self.model.total
        title = (self.tr("Exporting {count} entities…").format(count=QLocale().toString(total))
                 if total is not None else self.tr("Exporting entities…"))
        actor = self._actor or None  # the export is audited under the signed-in user
        return self._tasks.run_with_progress(
            lambda progress, is_cancelled: export_entities(search, f, Path(path), lang=lang, sort=sort,
                                                           descending=descending, include_risk=risk,
                                                           progress=progress, is_cancelled=is_cancelled,
                                                           actor=actor),
            title=title, parent=self,
            on_done=lambda written: self._on_export_done(str(path), written),
            on_error=self._on_export_failed)

    # ---- keyboard (desktop/shortcuts.py) ---------------------------------------

    def refresh(self) -> None:
        """Search again, and reload the panorama on show."""
        self.model.refresh()
        if isinstance(view := self.tabs.currentWidget(), PanoramaView):
            view.reload()

    def focus_search(self) -> None:
        self.tabs.setCurrentWidget(self.search_page)
        self.search_page.focus_search()

    def export_dialog(self) -> None:
        """Ask where, then export the whole current result."""
        path = ask_export_path(self)
        if path is not None:
            self.export_results(path)

    def main_view(self) -> QAbstractItemView:
        return self.search_page.table

    def retranslate_ui(self) -> None:
        self.tabs.setTabText(0, self.tr("Search"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self._set_language(current_language(QCoreApplication.instance()))
        super().changeEvent(event)

    # ---- slots ----------------------------------------------------------

    def _set_language(self, lang: str) -> None:
        self._lang = lang
        self.model.set_language(lang)
        self.search_page.search_bar.set_language(lang)
        if self._reference is not None:
            self.search_page.set_reference(self._reference, lang)
        if self._reference is not None:
            self.flow.set_tags(self._reference.tags, lang)
        for view in self.panoramas():
            view.set_language(lang)
        self.retranslate_ui()

    def _on_reference_loaded(self, reference: EntityReference) -> None:
        self._reference = reference
        self.model.set_reference(reference)
        self.search_page.search_bar.set_reference(reference, self._lang)
        self.search_page.set_reference(reference, self._lang)
        self.flow.set_tags(reference.tags, self._lang)
        for view in self.panoramas():
            view.set_reference(reference)
        self.reference_loaded.emit(reference)

    def _on_operations_tags_listed(self, tags: tuple[TagInfo, ...]) -> None:
        if self._reference is not None:
            self._on_reference_loaded(self._reference.with_tags(tags))

    def on_changes(self, changes: ChangeSet) -> None:
        """Refresh the table and the open panoramas of changed entities; re-read the tags when they changed."""
        if changes.touches("entities"):
            self.model.refresh()
            for view in self.panoramas():
                if changes.everything or view.entity_id in changes.entities:
                    view.reload()
        if changes.touches("tags"):
            self.operations.reload_tags()

    def _on_search_page_action_requested(self, key: str) -> None:
        if key in ("add_tags", "remove_tags"):
            self.tag_selection("add" if key == "add_tags" else "remove")
        elif key == "new_tag":
            self.flow.open_new_tag()
        elif key == "location":
            ranges = self.search_page.selected_ranges()
            row = self.model.row_at(ranges[0][0]) if ranges else None
            if row is not None:
                self.flow.open_location(row.id, row.name, row.lat, row.lng)
        elif key == "export":
            self.export_dialog()

    def _tag_one(self, action: str, view: PanoramaView) -> None:
        header = view.panorama.header if view.panorama else None
        # Removing from one entity offers only the tags it carries.
        offered = [t.id for t in header.tags] if header is not None and action == "remove" else None
        self.flow.start(action, 1, lambda callback: callback([view.entity_id]),
                        subject=header.name if header is not None else "", offered=offered)

    def _locate_one(self, view: PanoramaView) -> None:
        if view.panorama is not None:
            h = view.panorama.header
            self.flow.open_location(h.id, h.name, h.lat, h.lng)

    def _on_export_done(self, path: str, written: int) -> None:
        self.message_bar.show_message(self.tr("Exported {count} entities to {path}.").format(
            count=QLocale().toString(written), path=path), kind="success")
        self.export_finished.emit(path, written)

    def _on_export_failed(self, error: BaseException) -> None:
        if isinstance(error, Cancelled):
            self.message_bar.show_message(self.tr("Export cancelled; no file was written."))
        elif isinstance(error, ValidationError):
            show_error(self, self.tr("Export failed"), error,
                       lead=self.tr("This result cannot be exported to that file type; for very large results "
                                    "choose CSV."))
        else:
            show_error(self, self.tr("Export failed"), error)
        self.export_failed.emit(error)

    def _set_tab_title(self, view: PanoramaView, name: str) -> None:
        index = self.tabs.indexOf(view)
        if index >= 0:
            self.tabs.setTabText(index, name if len(name) <= 14 else name[:13] + "…")
            self.tabs.setTabToolTip(index, name)

    def _on_tabs_close_requested(self, index: int) -> None:
        if index > 0:
            self._close_tab(index)

    def _close_tab(self, index: int) -> None:
        widget = self.tabs.widget(index)
        self.tabs.removeTab(index)
        widget.deleteLater()
