"""The search box and filters of the Entities workspace; emits the filter to search for.

Typing searches after a short pause (``DEBOUNCE_MS``); the Search button and Enter
search at once. Filters search as soon as they change. The village list follows the
chosen town. Tags are a multi-select: entities must carry every chosen tag.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from core.reference import ENTITY_TYPES, RISK_CLASSES
from core.services.search import EntityFilter

from . import vocabulary
from .reference import EntityReference

DEBOUNCE_MS = 300
STATUS_CODES = ("active", "deregistered", "revoked")


def colour_icon(colour: str, size: int = 12) -> QIcon:
    """A small square of ``colour`` (tag swatches)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


class TagMultiSelect(QToolButton):
    """A drop-down of checkable tags; ``selection_changed`` carries the chosen ids."""

    selection_changed = Signal(tuple)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tagFilterButton")
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self._list = QListWidget(objectName="tagFilterList")
        self._list.setMinimumSize(240, 320)
        self._list.itemChanged.connect(self._on_list_item_changed)
        menu = QMenu(self)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self._list)
        menu.addAction(action)
        self.setMenu(menu)
        self._lang = "zh_CN"
        self.retranslate_ui()

    def set_tags(self, tags, lang: str) -> None:
        """Offer ``tags`` (TagInfo), keeping the ids already chosen."""
        chosen = set(self.selected_ids())
        self._lang = lang
        self._list.blockSignals(True)
        self._list.clear()
        for tag in tags:
            item = QListWidgetItem(colour_icon(tag.colour), tag.name_en if lang == "en" else tag.name_zh)
            item.setData(Qt.ItemDataRole.UserRole, tag.id)
            item.setToolTip(tag.meaning_en if lang == "en" else tag.meaning_zh)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if tag.id in chosen else Qt.CheckState.Unchecked)
            self._list.addItem(item)
        self._list.blockSignals(False)
        self.retranslate_ui()

    def selected_ids(self) -> tuple[int, ...]:
        return tuple(self._list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self._list.count())
                     if self._list.item(i).checkState() == Qt.CheckState.Checked)

    def set_selected(self, ids) -> None:
        wanted = set(ids)
        self._list.blockSignals(True)
        for i in range(self._list.count()):
            item = self._list.item(i)
            checked = item.data(Qt.ItemDataRole.UserRole) in wanted
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self._list.blockSignals(False)
        self._on_list_item_changed(None)

    def retranslate_ui(self) -> None:
        chosen = [self._list.item(i).text() for i in range(self._list.count())
                  if self._list.item(i).checkState() == Qt.CheckState.Checked]
        if not chosen:
            self.setText(self.tr("Any tags"))
        elif len(chosen) == 1:
            self.setText(chosen[0])
        else:
            self.setText(self.tr("{count} tags").format(count=len(chosen)))
        self.setToolTip(self.tr("Entities carrying every chosen tag"))

    def _on_list_item_changed(self, _item) -> None:
        self.retranslate_ui()
        self.selection_changed.emit(self.selected_ids())


class EntitySearchBar(QWidget):
    """One search box plus filters; ``filter_changed`` carries the EntityFilter to search for."""

    filter_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None, *, show_risk: bool = True, stacked: bool = False) -> None:
        """``stacked`` lays the filters out one per row (a side panel, e.g. beside the map)."""
        super().__init__(parent)
        self.setObjectName("entitySearchBar")
        self._reference: EntityReference | None = None
        self._lang = "zh_CN"
        self._show_risk = show_risk

        self._text = QLineEdit(objectName="entitySearchField", clearButtonEnabled=True)
        self._text.setMinimumWidth(160 if stacked else 260)
        self._text.textEdited.connect(self._on_text_edited)
        self._text.returnPressed.connect(self.search_now)
        self._search_button = QPushButton(objectName="entitySearchButton", default=True, autoDefault=True)
        self._search_button.clicked.connect(self.search_now)
        self._reset_button = QPushButton(objectName="entityResetButton")
        self._reset_button.clicked.connect(self.reset)
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self.search_now)

        self._town, self._village, self._industry = QComboBox(), QComboBox(), QComboBox()
        self._type, self._status, self._risk = QComboBox(), QComboBox(), QComboBox()
        self._tags = TagMultiSelect()
        self._labels = [QLabel() for _ in range(7)]
        # Narrow combos with wide pop-ups: the filter row must fit 1440 px in either language.
        for combo, chars in ((self._town, 7), (self._village, 7), (self._industry, 10), (self._type, 6),
                             (self._status, 7), (self._risk, 6)):
            combo.setMinimumContentsLength(chars)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.view().setMinimumWidth(220 if combo is not self._industry else 340)
        # Connected first, so the village list follows the town before the search runs.
        self._town.currentIndexChanged.connect(self._on_town_changed)
        for combo in (self._town, self._village, self._industry, self._type, self._status, self._risk):
            combo.setMaxVisibleItems(20)
            combo.currentIndexChanged.connect(self._on_filter_combo_changed)
        self._tags.selection_changed.connect(lambda _ids: self.search_now())

        top = QGridLayout()
        top.setSpacing(8 if not stacked else 6)
        top.addWidget(self._text, 0, 0, 1, 1 if not stacked else 2)
        top.addWidget(self._search_button, 0 if not stacked else 1, 1 if not stacked else 0)
        top.addWidget(self._reset_button, 0 if not stacked else 1, 2 if not stacked else 1)
        top.setColumnStretch(0, 1)
        filters = QGridLayout()
        filters.setHorizontalSpacing(6)
        widgets = (self._town, self._village, self._industry, self._type, self._status, self._risk, self._tags)
        for i, (label, widget) in enumerate(zip(self._labels, widgets)):
            label.setBuddy(widget)
            label.setObjectName("entityFilterLabel")
            row, column = (i, 0) if stacked else (0, 2 * i)
            if stacked:
                widget.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            filters.addWidget(label, row, column)
            filters.addWidget(widget, row, column + 1)
        filters.setColumnStretch(1 if stacked else 2 * 7, 1)
        self._labels[5].setVisible(show_risk)
        self._risk.setVisible(show_risk)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setVerticalSpacing(8)
        layout.addLayout(top, 0, 0)
        layout.addLayout(filters, 1, 0)
        self._fill_combos()
        self.retranslate_ui()

    # ---- public API -----------------------------------------------------

    def set_reference(self, reference: EntityReference, lang: str) -> None:
        """Fill the town, industry and tag choices (keeping what is chosen)."""
        self._reference, self._lang = reference, lang
        self._fill_combos()
        self._tags.set_tags(reference.tags, lang)

    def set_language(self, lang: str) -> None:
        self._lang = lang
        self._fill_combos()
        if self._reference is not None:
            self._tags.set_tags(self._reference.tags, lang)
        self.retranslate_ui()

    def text(self) -> str:
        return self._text.text()

    def focus_text(self) -> None:
        """Put the cursor in the search box, its text selected for typing over (Ctrl+F)."""
        self._text.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self._text.selectAll()

    def set_text(self, text: str) -> None:
        """Put ``text`` in the box and search at once (no debounce)."""
        self._text.setText(text)
        self.search_now()

    def current_filter(self) -> EntityFilter:
        def chosen(combo: QComboBox) -> tuple[str, ...]:
            value = combo.currentData()
            return (value,) if value else ()

        return EntityFilter(
            text=self._text.text().strip(), town_codes=chosen(self._town), village_codes=chosen(self._village),
            industry_codes=chosen(self._industry), entity_types=chosen(self._type),
            statuses=chosen(self._status), risk_classes=chosen(self._risk) if self._show_risk else (),
            tag_ids=self._tags.selected_ids())

    def combo(self, name: str) -> QComboBox:
        """The filter combo ``name`` (town, village, industry, type, status, risk)."""
        return {"town": self._town, "village": self._village, "industry": self._industry,
                "type": self._type, "status": self._status, "risk": self._risk}[name]

    @property
    def tag_select(self) -> TagMultiSelect:
        return self._tags

    def search_now(self) -> None:
        self._debounce.stop()
        self.filter_changed.emit(self.current_filter())

    def reset(self) -> None:
        """Clear the text and every filter, then search."""
        for combo in (self._town, self._village, self._industry, self._type, self._status, self._risk):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self._fill_villages()
        self._tags.blockSignals(True)
        self._tags.set_selected(())
        self._tags.blockSignals(False)
        self._text.clear()
        self.search_now()

    def retranslate_ui(self) -> None:
        self._text.setPlaceholderText(self.tr("Credit code (full or partial), part of a name or an address"))
        self._search_button.setText(self.tr("Search"))
        self._reset_button.setText(self.tr("Reset"))
        self._reset_button.setToolTip(self.tr("Clear the search text and all filters"))
        for label, text in zip(self._labels, (self.tr("Town"), self.tr("Village"), self.tr("Industry"),
                                              self.tr("Type"), self.tr("Status"), self.tr("Risk"), self.tr("Tags"))):
            label.setText(text)
        self._village.setToolTip(self.tr("Choose a town first"))
        self._tags.retranslate_ui()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # ---- filling the combos ---------------------------------------------

    def _refill(self, combo: QComboBox, any_text: str, items) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(any_text, None)
        for code, text in items:
            combo.addItem(text, code)
        found = combo.findData(current) if current else 0
        combo.setCurrentIndex(max(found, 0))
        combo.blockSignals(False)

    def _fill_combos(self) -> None:
        ref, lang = self._reference, self._lang
        self._refill(self._town, self.tr("All towns"), [(t.code, t.name(lang)) for t in ref.towns] if ref else [])
        self._refill(self._industry, self.tr("All industries"),
                     [(i.code, f"{i.code} {i.name(lang)}") for i in ref.industries] if ref else [])
        self._refill(self._type, self.tr("All types"), [(c, vocabulary.entity_type(c)) for c in ENTITY_TYPES])
        self._refill(self._status, self.tr("All statuses"), [(c, vocabulary.status(c)) for c in STATUS_CODES])
        self._refill(self._risk, self.tr("All classes"), [(c, vocabulary.risk_class(c)) for c in RISK_CLASSES])
        self._fill_villages()

    def _fill_villages(self) -> None:
        town = self._town.currentData()
        villages = self._reference.villages_of(town) if self._reference is not None and town else ()
        self._refill(self._village, self.tr("All villages"), [(v.code, v.name_zh) for v in villages])
        self._village.setEnabled(bool(town))

    def _on_town_changed(self, _index: int) -> None:
        self._village.blockSignals(True)
        self._village.setCurrentIndex(0)
        self._village.blockSignals(False)
        self._fill_villages()

    def _on_filter_combo_changed(self, _index: int) -> None:
        self.search_now()

    def _on_text_edited(self, _text: str) -> None:
        self._debounce.start()
