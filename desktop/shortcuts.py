"""The console's keyboard: one table of window-wide shortcuts and the protocol pages implement.

Every shortcut is a :class:`QAction` of the main window, shown in its menus with the key
and in its tooltip ("Refresh (F5)"). What an action does depends on the workspace on
show, which opts in by having the method of a small protocol:

* :class:`Refreshable` ``refresh()`` — reload what the workspace shows (F5);
* :class:`Searchable` ``focus_search()`` — put the cursor in its search or filter box (Ctrl+F);
* :class:`Exportable` ``export_dialog()`` — start its main export (Ctrl+E);
* :class:`Listing` ``main_view()`` — the list the next/previous item keys move in when the
  focus is not in a list of the page already.

Actions a page does not support are disabled while it is on show. Next and previous
item are Alt+PgDown and Alt+PgUp: unlike Alt+Up/Down they do not take the popup key
from combo boxes, unlike Ctrl+./Ctrl+, they are not the Chinese input methods'
punctuation toggle, and no item view, text box or tab widget uses them.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QItemSelectionModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

CONTEXT = "Shortcuts"
translate = QCoreApplication.translate  # lupdate reads translate("Shortcuts", "text")
MAX_WORKSPACE_KEYS = 9


@runtime_checkable
class Refreshable(Protocol):
    def refresh(self) -> None: ...


@runtime_checkable
class Searchable(Protocol):
    def focus_search(self) -> None: ...


@runtime_checkable
class Exportable(Protocol):
    def export_dialog(self) -> None: ...


@runtime_checkable
class Listing(Protocol):
    def main_view(self) -> QAbstractItemView | None: ...


@dataclass(frozen=True)
class Shortcut:
    """One window action: stable ``key``, English menu text, its keys (a standard key first)."""

    key: str
    text: str
    standard: QKeySequence.StandardKey | None
    fallback: tuple[str, ...]

    def sequences(self) -> list[QKeySequence]:
        """The platform's binding of the standard key, else the fallback keys.

        Keys of multimedia keyboards (e.g. the "Refresh" key bound with F5) are left out:
        a menu would spell them as a second word beside the key people press.
        """
        found = QKeySequence.keyBindings(self.standard) if self.standard is not None else []
        found = [s for s in found if s.count() and s[0].key().value < Qt.Key.Key_Back.value]
        return found or [QKeySequence(k) for k in self.fallback]


SK = QKeySequence.StandardKey
SHORTCUTS: tuple[Shortcut, ...] = (
    Shortcut("refresh", QT_TRANSLATE_NOOP("Shortcuts", "&Refresh"), SK.Refresh, ("F5",)),
    Shortcut("full_screen", QT_TRANSLATE_NOOP("Shortcuts", "&Full screen"), SK.FullScreen, ("F11",)),
    Shortcut("find", QT_TRANSLATE_NOOP("Shortcuts", "&Find…"), SK.Find, ("Ctrl+F",)),
    Shortcut("export", QT_TRANSLATE_NOOP("Shortcuts", "&Export…"), None, ("Ctrl+E",)),
    Shortcut("next_item", QT_TRANSLATE_NOOP("Shortcuts", "&Next item"), None, ("Alt+PgDown",)),
    Shortcut("previous_item", QT_TRANSLATE_NOOP("Shortcuts", "&Previous item"), None, ("Alt+PgUp",)),
    Shortcut("shortcuts_help", QT_TRANSLATE_NOOP("Shortcuts", "&Keyboard shortcuts"), None, ("F1", "Ctrl+/")),
)
_NEEDS = {"refresh": Refreshable, "find": Searchable, "export": Exportable}


def plain(text: str) -> str:
    """Menu text without its mnemonic ("&Find…", "查找(&F)…") and trailing ellipsis: "Find", "查找"."""
    text = re.sub(r"\s*[(（]&\w[)）]", "", text)  # Chinese menus add the key in brackets
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").removesuffix("…").removesuffix("...")


def keys_text(sequences: list[QKeySequence]) -> str:
    """The keys as the platform writes them, alternatives joined ("F1, Ctrl+/")."""
    return ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in sequences if not s.isEmpty())


def with_keys(text: str, sequences: list[QKeySequence]) -> str:
    """``"Refresh (F5)"``: a tooltip naming the keys (``text`` alone without keys)."""
    keys = keys_text(sequences)
    return translate(CONTEXT, "%1 (%2)").replace("%1", text).replace("%2", keys) if keys else text


def list_view_in(page: QWidget) -> QAbstractItemView | None:
    """The list to step through: the focused one inside ``page``, else its main list."""
    widget = QApplication.focusWidget()
    while widget is not None and widget is not page:
        if isinstance(widget, QAbstractItemView) and page.isAncestorOf(widget):
            return widget
        widget = widget.parentWidget()
    return page.main_view() if isinstance(page, Listing) else None


def step_view(view: QAbstractItemView, delta: int) -> bool:
    """Move the current row of ``view`` by ``delta`` (±1), select it and click it; False at an end."""
    model, current = view.model(), view.currentIndex()
    if model is None:
        return False
    if isinstance(view, QTreeView):  # through expanded branches, as the arrow keys go
        if not current.isValid():
            target = model.index(0, 0, view.rootIndex())
        else:
            target = view.indexBelow(current) if delta > 0 else view.indexAbove(current)
    else:
        rows, root = model.rowCount(view.rootIndex()), view.rootIndex()
        row = current.row() + delta if current.isValid() else (0 if delta > 0 else rows - 1)
        hidden = getattr(view, "isRowHidden", lambda _r: False)
        while 0 <= row < rows and hidden(row):
            row += 1 if delta > 0 else -1
        if not 0 <= row < rows:
            return False
        target = model.index(row, max(current.column(), 0), root)
    if not target.isValid():
        return False
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
    if view.selectionBehavior() == QAbstractItemView.SelectionBehavior.SelectRows:
        flags |= QItemSelectionModel.SelectionFlag.Rows
    view.selectionModel().setCurrentIndex(target, flags)
    view.scrollTo(target)
    view.clicked.emit(QModelIndex(target))
    return True


class ShortcutsDialog(QDialog):
    """The list of the console's keys (Help > Keyboard shortcuts)."""

    def __init__(self, rows: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(translate(CONTEXT, "Keyboard shortcuts"))
        self.table = QTableWidget(len(rows), 2, objectName="shortcutsTable")
        self.table.setHorizontalHeaderLabels([translate(CONTEXT, "Action"), translate(CONTEXT, "Keys")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        for r, (action, keys) in enumerate(rows):
            self.table.setItem(r, 0, QTableWidgetItem(action))
            self.table.setItem(r, 1, QTableWidgetItem(keys))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(480, 600)  # every row without scrolling

    def rows(self) -> list[tuple[str, str]]:
        return [(self.table.item(r, 0).text(), self.table.item(r, 1).text()) for r in range(self.table.rowCount())]


class WindowShortcuts(QObject):
    """The main window's keyboard actions; ``current_page`` returns the workspace page on show.

    ``window`` gets every action (so the keys work without opening a menu); the window
    places them in its menus. ``select_workspace(key)`` switches workspaces; the actions
    ``also`` (e.g. Quit) are listed in the help too.
    """

    def __init__(self, window: QWidget, workspaces: list[tuple[str, str]],
                 current_page: Callable[[], QWidget | None], select_workspace: Callable[[str], None],
                 *, also: tuple[QAction, ...] = ()) -> None:
        super().__init__(window)
        self._window, self._current_page, self._also = window, current_page, also
        self._workspaces = workspaces[:MAX_WORKSPACE_KEYS]  # (key, English title) in navigation order
        self.actions: dict[str, QAction] = {}
        self.help_dialog: ShortcutsDialog | None = None
        self._was_maximized = False
        for spec in SHORTCUTS:
            action = QAction(window, objectName=f"{spec.key}Action")
            action.setShortcuts(spec.sequences())
            action.setProperty("shortcutText", spec.text)
            self.actions[spec.key] = action
        self.actions["full_screen"].setCheckable(True)
        self.workspace_actions: list[QAction] = []
        for number, (key, title) in enumerate(self._workspaces, start=1):
            action = QAction(window, objectName=f"workspace_{key}Action", shortcut=QKeySequence(f"Ctrl+{number}"))
            action.setProperty("workspaceTitle", title)
            action.triggered.connect(lambda _checked=False, key=key: select_workspace(key))
            self.workspace_actions.append(action)
        handlers = {"refresh": self.refresh, "full_screen": self.toggle_full_screen, "find": self.find,
                    "export": self.export, "next_item": lambda: self.step(1), "previous_item": lambda: self.step(-1),
                    "shortcuts_help": self.show_help}
        for key, handler in handlers.items():
            self.actions[key].triggered.connect(lambda _checked=False, handler=handler: handler())
        window.addActions([*self.actions.values(), *self.workspace_actions])

    def workspace_keys(self, key: str) -> list[QKeySequence]:
        """The keys that switch to workspace ``key`` (empty past the ninth)."""
        for (k, _title), action in zip(self._workspaces, self.workspace_actions):
            if k == key:
                return action.shortcuts()
        return []

    def retranslate(self, title_of: Callable[[str], str]) -> None:
        """Texts and tooltips in the current language; ``title_of`` translates a workspace title."""
        for action in self.actions.values():
            action.setText(translate(CONTEXT, action.property("shortcutText")))
            action.setToolTip(with_keys(plain(action.text()), action.shortcuts()))
        for action in self.workspace_actions:
            title = title_of(action.property("workspaceTitle"))
            action.setText(title.replace("&", "&&"))  # "Cases & deadlines" has no mnemonic
            action.setToolTip(with_keys(title, action.shortcuts()))

    def page_changed(self, page: QWidget | None) -> None:
        """Enable the actions the page on show supports."""
        for key, protocol in _NEEDS.items():
            self.actions[key].setEnabled(isinstance(page, protocol))

    def rows(self) -> list[tuple[str, str]]:
        """(action, keys) of every shortcut, for the help list."""
        rows = [(plain(a.text()), keys_text(a.shortcuts())) for a in self.actions.values()]
        rows += [(translate(CONTEXT, "Go to %1").replace("%1", plain(a.text())), keys_text(a.shortcuts()))
                 for a in self.workspace_actions]
        rows += [(plain(a.text()), keys_text(a.shortcuts())) for a in self._also]
        return [(action, keys) for action, keys in rows if keys]  # a platform may bind no Quit key

    # ---- what the keys do ---------------------------------------------------

    def refresh(self) -> None:
        page = self._current_page()
        if isinstance(page, Refreshable):
            page.refresh()

    def find(self) -> None:
        page = self._current_page()
        if isinstance(page, Searchable):
            page.focus_search()

    def export(self) -> None:
        page = self._current_page()
        if isinstance(page, Exportable):
            page.export_dialog()

    def step(self, delta: int) -> bool:
        page = self._current_page()
        view = list_view_in(page) if page is not None else None
        return step_view(view, delta) if view is not None else False

    def toggle_full_screen(self) -> None:
        window = self._window
        if window.isFullScreen():
            window.showMaximized() if self._was_maximized else window.showNormal()
        else:
            self._was_maximized = window.isMaximized()
            window.showFullScreen()
        self.actions["full_screen"].setChecked(window.isFullScreen())

    def show_help(self) -> ShortcutsDialog:
        if self.help_dialog is not None:
            self.help_dialog.close()
        self.help_dialog = ShortcutsDialog(self.rows(), self._window)
        self.help_dialog.show()
        return self.help_dialog
