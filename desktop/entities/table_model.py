"""A virtual table over a search result of any size, fetched a page at a time in the background.

The model knows the total (once counted; on a shared server possibly an estimate, see
:meth:`EntitySearch.total`, made exact as soon as a short page shows where the result ends) and keeps at most ``max_pages`` pages of
rows. A row that is not fetched yet shows a placeholder and asks for its page; pages
come back from the :class:`~desktop.tasks.TaskManager` on the GUI thread. Every new
filter or sort order starts a new *generation*: answers to older requests are dropped,
so only the latest search counts however fast the operator types.
"""
from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor

from core.services.search import SORT_KEYS, EntityFilter, EntityRow, EntitySearch, SearchTotal
from desktop.tasks import TaskManager

from . import vocabulary
from .reference import EntityReference

_ROOT = QModelIndex()  # the invisible root: these models are flat
_CONTEXT = "EntityTableModel"
ENTITY_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_HIGH_RISK = QColor("#c0392b")
_INACTIVE = QColor("#8a96a6")


@dataclass(frozen=True)
class Column:
    """One result column: ``header`` is the English source; ``sort_key`` None = not sortable."""

    key: str
    header: str
    sort_key: str | None

    def title(self) -> str:
        return QCoreApplication.translate(_CONTEXT, self.header)


COLUMNS: tuple[Column, ...] = (
    Column("uscc", QT_TRANSLATE_NOOP("EntityTableModel", "Credit code"), "uscc"),
    Column("name", QT_TRANSLATE_NOOP("EntityTableModel", "Name"), "name"),
    Column("entity_type", QT_TRANSLATE_NOOP("EntityTableModel", "Type"), None),
    Column("status", QT_TRANSLATE_NOOP("EntityTableModel", "Status"), "status"),
    Column("risk_class", QT_TRANSLATE_NOOP("EntityTableModel", "Risk class"), "risk_class"),
    Column("industry", QT_TRANSLATE_NOOP("EntityTableModel", "Industry"), "industry_code"),
    Column("town", QT_TRANSLATE_NOOP("EntityTableModel", "Town"), "town_code"),
    Column("village", QT_TRANSLATE_NOOP("EntityTableModel", "Village"), None),
    Column("legal_rep", QT_TRANSLATE_NOOP("EntityTableModel", "Legal rep."), None),
    Column("registered_on", QT_TRANSLATE_NOOP("EntityTableModel", "Registered on"), "registered_on"),
    Column("address", QT_TRANSLATE_NOOP("EntityTableModel", "Address"), None),
)
assert all(c.sort_key is None or c.sort_key in SORT_KEYS for c in COLUMNS)


def column_index(key: str) -> int:
    """The position of column ``key`` (ValueError if there is none)."""
    return next(i for i, c in enumerate(COLUMNS) if c.key == key)


class EntityTableModel(QAbstractTableModel):
    """Rows of an :class:`EntitySearch`, paged on demand; never holds the whole result."""

    count_changed = Signal(object)  # the total (int) once counted, None while counting
    page_loaded = Signal(int)  # page number, for the latest generation only
    search_failed = Signal(object)  # the exception of the latest generation

    MAX_IN_FLIGHT = 2
    MAX_QUEUED = 6

    def __init__(self, search: EntitySearch, tasks: TaskManager, *, page_size: int = 200,
                 max_pages: int = 64, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._search, self._tasks = search, tasks
        self._page_size, self._max_pages = page_size, max_pages
        self._filter: EntityFilter | None = None
        self._sort, self._descending = "id", False
        self._generation = 0
        self._rows = 0
        self._total: int | None = None
        self._estimated = False  # the total is the database's estimate
        self._end: int | None = None  # where the result ends, once a short page showed it
        self._beyond: int | None = None  # an offset an empty page showed to be past the end
        self._pages: OrderedDict[int, list[EntityRow]] = OrderedDict()  # LRU: newest last
        self._stale: dict[int, list[EntityRow]] = {}  # shown while a refresh refetches
        self._in_flight: set[int] = set()
        self._failed = False
        self._queue: list[int] = []  # newest last
        self._reference: EntityReference | None = None
        self._lang = "zh_CN"
        self._dispatch_timer = QTimer(self, singleShot=True, interval=0)
        self._dispatch_timer.timeout.connect(self._dispatch)

    # ---- public API -----------------------------------------------------

    @property
    def filter(self) -> EntityFilter | None:
        return self._filter

    @property
    def sort_key(self) -> str:
        return self._sort

    @property
    def descending(self) -> bool:
        return self._descending

    @property
    def total(self) -> int | None:
        """How many entities match, or None until counted."""
        return self._total

    @property
    def estimated(self) -> bool:
        """True while :attr:`total` is an estimate (a count too costly to make on the server)."""
        return self._estimated

    @property
    def search(self) -> EntitySearch:
        return self._search

    def set_filter(self, f: EntityFilter) -> None:
        """Start a new search; earlier answers are ignored from now on."""
        self._filter = f
        self._restart(keep_rows=False)

    def refresh(self) -> None:
        """Search again with the same filter, keeping rows on show until new ones arrive."""
        if self._filter is not None:
            self._restart(keep_rows=True)

    def set_reference(self, reference: EntityReference) -> None:
        self._reference = reference
        self._all_changed()

    def set_language(self, lang: str) -> None:
        """Show headers and words in ``lang`` (a LanguageChange already happened)."""
        self._lang = lang
        if self.columnCount():
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        self._all_changed()

    def row_at(self, row: int) -> EntityRow | None:
        """The fetched row ``row``, or None if its page is not here (yet)."""
        page, offset = divmod(row, self._page_size)
        rows = self._pages.get(page) or self._stale.get(page)
        return rows[offset] if rows is not None and offset < len(rows) else None

    def is_loaded(self, row: int) -> bool:
        return row // self._page_size in self._pages

    def page_size(self) -> int:
        return self._page_size

    def loaded_pages(self) -> tuple[int, ...]:
        return tuple(self._pages)

    def sortable(self, column: int) -> bool:
        return 0 <= column < len(COLUMNS) and COLUMNS[column].sort_key is not None

    # ---- Qt model interface ---------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(  # noqa: N802 - Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return COLUMNS[section].title()
            if role == Qt.ItemDataRole.ToolTipRole:
                return (self.tr("Click to sort by this column")
                        if self.sortable(section)
                        else self.tr("This column cannot be sorted"))
        elif orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole and section >= 0:
            return QLocale().toString(section + 1)
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < self._rows):
            return None
        page = index.row() // self._page_size
        if page not in self._pages:
            self._want(page)
        row = self.row_at(index.row())
        if row is None:
            if role == Qt.ItemDataRole.DisplayRole and COLUMNS[index.column()].key == "name":
                return self.tr("Loading…")
            return None
        key = COLUMNS[index.column()].key
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(row, key)
        if role == ENTITY_ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.ForegroundRole:
            if key == "risk_class" and row.risk_class == "D":
                return _HIGH_RISK
            if key == "status" and row.status != "active":
                return _INACTIVE
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by ``column`` if the database can (an indexed key); other columns are ignored."""
        if not self.sortable(column):
            return
        self._sort = COLUMNS[column].sort_key or "id"
        self._descending = order == Qt.SortOrder.DescendingOrder
        if self._filter is not None:
            self._restart(keep_rows=False)

    def sort_column(self) -> int:
        """The column sorted by, or -1 when sorted by id (no column)."""
        return next((i for i, c in enumerate(COLUMNS) if c.sort_key == self._sort), -1)

    # ---- fetching -------------------------------------------------------

    def _text(self, row: EntityRow, key: str) -> str:
        ref, lang = self._reference, self._lang
        if key == "entity_type":
            return vocabulary.entity_type(row.entity_type)
        if key == "status":
            return vocabulary.status(row.status)
        if key == "risk_class":
            return vocabulary.risk_class(row.risk_class)
        if key == "industry":
            return ref.name(row.industry_code, lang) if ref else row.industry_code
        if key == "town":
            return ref.name(row.town_code, lang) if ref else row.town_code
        if key == "village":
            return ref.name(row.village_code, lang) if ref else row.village_code
        if key == "registered_on":
            return row.registered_on.isoformat()
        return str(getattr(row, key))

    def _restart(self, *, keep_rows: bool) -> None:
        self._generation += 1
        self._in_flight.clear()
        self._queue.clear()
        self._failed = False
        if keep_rows:
            stale = {**self._stale, **self._pages}
            self._stale = dict(list(stale.items())[-self._max_pages:])
            self._pages = OrderedDict()
            self._all_changed()
        else:
            self.beginResetModel()
            self._pages, self._stale = OrderedDict(), {}
            self._rows, self._total, self._estimated = 0, None, False
            self.endResetModel()
            self.count_changed.emit(None)
        self._end = self._beyond = None
        self._tasks.run(partial(self._search.total, self._filter),
                        on_done=partial(self._on_count_done, self._generation),
                        on_error=partial(self._on_failed, self._generation), owner=self)
        self._want(0)

    def _want(self, page: int) -> None:
        if self._failed or page in self._pages or page in self._in_flight:
            return
        if page in self._queue:
            self._queue.remove(page)
        self._queue.append(page)
        # Scrolling fast asks for many pages; only the most recent ones are still on screen.
        del self._queue[:-self.MAX_QUEUED]
        if not self._dispatch_timer.isActive():
            self._dispatch_timer.start()

    def _dispatch(self) -> None:
        while self._queue and len(self._in_flight) < self.MAX_IN_FLIGHT:
            page = self._queue.pop()
            self._in_flight.add(page)
            # partial binds the values now: the worker may start after the loop moved on.
            fetch = partial(self._search.page, self._filter, sort=self._sort, descending=self._descending,
                            offset=page * self._page_size, limit=self._page_size)
            self._tasks.run(fetch, on_done=partial(self._on_page_done, self._generation, page),
                            on_error=partial(self._on_failed, self._generation), owner=self)

    def _on_page_done(self, generation: int, page: int, rows: list[EntityRow]) -> None:
        if generation != self._generation:
            return
        self._in_flight.discard(page)
        self._pages[page] = rows
        self._pages.move_to_end(page)
        self._stale.pop(page, None)
        while len(self._pages) > self._max_pages:
            self._pages.popitem(last=False)
        first = page * self._page_size
        if self._total is None and page == 0 and not self._rows and rows:
            # The count may still be running: show the first page already.
            self.beginInsertRows(QModelIndex(), 0, len(rows) - 1)
            self._rows = len(rows)
            self.endInsertRows()
        elif first < self._rows:
            last = min(first + self._page_size, self._rows) - 1
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))
        if rows and len(rows) < self._page_size or not rows and first == 0:
            self._end = first + len(rows)
        elif not rows:
            self._beyond = first if self._beyond is None else min(self._beyond, first)
        elif first + len(rows) == self._beyond:
            self._end = self._beyond
        if self._estimated:
            self._settle_estimate(first + len(rows))
        self.page_loaded.emit(page)
        self._dispatch()

    def _settle_estimate(self, fetched_to: int) -> None:
        """An estimated total is corrected by what pages show: a short page is the exact end;
        a full page at the last row adds a page, so scrolling goes on past a low estimate."""
        if self._end is not None:
            self._estimated, self._total = False, self._end
            self._resize(self._end)
            self.count_changed.emit(self._total)
        elif self._beyond is not None and self._rows > self._beyond:
            self._resize(self._beyond)  # the estimate was too high
        elif fetched_to >= self._rows:
            more = fetched_to + self._page_size
            self._resize(more if self._beyond is None else min(more, self._beyond))

    def _on_count_done(self, generation: int, total: SearchTotal | int) -> None:
        if generation != self._generation:
            return
        if not isinstance(total, SearchTotal):
            total = SearchTotal(int(total))
        self._total, self._estimated = total.count, total.estimated
        if self._estimated and self._end is not None:  # a page already showed the exact end
            self._total, self._estimated = self._end, False
        self._resize(self._total if not self._estimated or self._beyond is None else min(self._total, self._beyond))
        self.count_changed.emit(self._total)

    def _on_failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        # No retries until the next search: a lost database would otherwise be asked on every repaint.
        self._failed = True
        self._in_flight.clear()
        self._queue.clear()
        self.search_failed.emit(error)

    def _resize(self, rows: int) -> None:
        if rows > self._rows:
            self.beginInsertRows(QModelIndex(), self._rows, rows - 1)
            self._rows = rows
            self.endInsertRows()
        elif rows < self._rows:
            self.beginRemoveRows(QModelIndex(), rows, self._rows - 1)
            self._rows = rows
            self.endRemoveRows()

    def _all_changed(self) -> None:
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(self._rows - 1, len(COLUMNS) - 1))
