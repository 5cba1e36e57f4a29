"""Dialogs of dual tagging: choose tags to add or remove, and create a new tag.

Neither dialog touches the database. The picker returns tag ids; the new-tag dialog
emits ``submitted`` with the values and stays open until the workspace reports the
outcome, so a refused code or colour is shown inline next to its field.
"""
from __future__ import annotations

import re

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QColor, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.errors import ValidationError
from core.reference.model import Tag
from core.services.tagging import TagInfo

from .errors import detail, headline
from .search_bar import colour_icon

_CODE = re.compile(r"^[a-z][a-z0-9_]{1,39}$")


class TagPickerDialog(QDialog):
    """Tick the tags to add to (or remove from) ``entity_count`` entities."""

    new_tag_requested = Signal()

    def __init__(self, tags: tuple[TagInfo, ...], lang: str, *, action: str, entity_count: int,
                 subject: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tagPickerDialog")
        self._lang, self._action = lang, action
        self.setWindowTitle(self.tr("Add tags") if action == "add" else self.tr("Remove tags"))
        if subject:
            intro = self.tr("Tags for {name}").format(name=subject)
        else:
            intro = self.tr("Tags for {count} selected entities").format(count=f"{entity_count:,}")
        self._intro = QLabel(intro, wordWrap=True)
        self._filter = QLineEdit(placeholderText=self.tr("Filter tags"), clearButtonEnabled=True)
        self._filter.textChanged.connect(self._on_filter_text_changed)
        self._list = QListWidget(objectName="tagPickerList")
        self._list.itemChanged.connect(self._update_ok)
        self._list.itemDoubleClicked.connect(self._on_item_double_clicked)
        for tag in tags:
            self.add_tag(tag, checked=False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self._ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self._ok.setText(self.tr("Add") if action == "add" else self.tr("Remove"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self._intro)
        layout.addWidget(self._filter)
        layout.addWidget(self._list, 1)
        bottom = QHBoxLayout()
        if action == "add":
            new = QPushButton(self.tr("New tag…"), objectName="newTagButton")
            new.clicked.connect(self.new_tag_requested)
            bottom.addWidget(new)
        bottom.addStretch(1)
        bottom.addWidget(buttons)
        layout.addLayout(bottom)
        self.resize(380, 480)
        self._update_ok()

    def add_tag(self, tag: TagInfo, *, checked: bool) -> None:
        name = tag.name_en if self._lang == "en" else tag.name_zh
        text = name if tag.entity_count is None else self.tr("{name} ({count})").format(
            name=name, count=f"{tag.entity_count:,}")
        item = QListWidgetItem(colour_icon(tag.colour), text)
        item.setData(Qt.ItemDataRole.UserRole, tag.id)
        item.setToolTip(tag.meaning_en if self._lang == "en" else tag.meaning_zh)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self._list.addItem(item)
        if checked:
            self._list.scrollToItem(item)

    def selected_ids(self) -> tuple[int, ...]:
        return tuple(self._list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self._list.count())
                     if self._list.item(i).checkState() == Qt.CheckState.Checked)

    def set_checked(self, tag_ids) -> None:
        wanted = set(tag_ids)
        for i in range(self._list.count()):
            item = self._list.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in wanted
                               else Qt.CheckState.Unchecked)

    def _update_ok(self, *_args) -> None:
        self._ok.setEnabled(bool(self.selected_ids()))

    def _on_item_double_clicked(self, item: QListWidgetItem) -> None:
        checked = item.checkState() == Qt.CheckState.Checked
        item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)

    def _on_filter_text_changed(self, text: str) -> None:
        needle = text.strip().lower()
        for i in range(self._list.count()):
            item = self._list.item(i)
            item.setHidden(bool(needle) and needle not in item.text().lower())


# What the operator types into the new-tag dialog is a tag definition as a city profile
# holds one: reuse that type rather than a twin of it.
NewTag = Tag


class NewTagDialog(QDialog):
    """Code, Chinese and English names, colour and meaning of a new regulatory tag."""

    submitted = Signal(object)  # NewTag

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newTagDialog")
        self.setWindowTitle(self.tr("New tag"))
        self._code = QLineEdit(objectName="newTagCode", placeholderText="cold_storage")
        self._code.setValidator(QRegularExpressionValidator(QRegularExpression(r"[a-z][a-z0-9_]{0,39}"), self))
        self._code.setToolTip(self.tr("2 to 40 lowercase letters, digits or _, starting with a letter; "
                                      "it cannot be changed later"))
        self._name_zh = QLineEdit(objectName="newTagNameZh")
        self._name_en = QLineEdit(objectName="newTagNameEn")
        self._meaning_zh = QLineEdit(objectName="newTagMeaningZh")
        self._meaning_en = QLineEdit(objectName="newTagMeaningEn")
        self._colour = "#1f4e8c"
        self._colour_button = QPushButton(objectName="newTagColour")
        self._colour_button.clicked.connect(self._on_colour_clicked)
        self._error = QLabel(objectName="formError", wordWrap=True)
        self._error.hide()
        form = QFormLayout()
        form.addRow(self.tr("Code"), self._code)
        form.addRow(self.tr("Chinese name"), self._name_zh)
        form.addRow(self.tr("English name"), self._name_en)
        form.addRow(self.tr("Colour"), self._colour_button)
        form.addRow(self.tr("Meaning (Chinese)"), self._meaning_zh)
        form.addRow(self.tr("Meaning (English)"), self._meaning_en)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self._ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self._ok.setText(self.tr("Create"))
        buttons.accepted.connect(self._on_ok_clicked)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self._error)
        layout.addWidget(buttons)
        self.set_colour(self._colour)
        self.resize(440, 0)

    def set_values(self, tag: NewTag) -> None:
        self._code.setText(tag.code)
        self._name_zh.setText(tag.name_zh)
        self._name_en.setText(tag.name_en)
        self._meaning_zh.setText(tag.meaning_zh)
        self._meaning_en.setText(tag.meaning_en)
        self.set_colour(tag.colour)

    def values(self) -> NewTag:
        return NewTag(self._code.text().strip(), self._name_zh.text().strip(), self._name_en.text().strip(),
                      self._colour, self._meaning_zh.text().strip(), self._meaning_en.text().strip())

    def set_colour(self, colour: str) -> None:
        self._colour = QColor(colour).name()
        self._colour_button.setText(self._colour)
        self._colour_button.setIcon(colour_icon(self._colour, 14))

    def error_text(self) -> str:
        return "" if self._error.isHidden() else self._error.text()

    def show_error(self, error: BaseException) -> None:
        """Show why the tag was refused next to the form, and put the cursor on the field."""
        self._ok.setEnabled(True)
        if isinstance(error, ValidationError) and error.where == "code" and "exists" in error.message:
            text = self.tr("A tag with this code already exists; choose another code.")
        else:
            text = f"{headline(error)} {detail(error)}"
        self._show_error_text(text, getattr(error, "where", None))

    def _show_error_text(self, text: str, where: str | None) -> None:
        self._error.setText(text)
        self._error.show()
        field = {"code": self._code, "name": self._name_zh, "colour": self._colour_button}.get(where or "")
        if field is not None:
            field.setFocus()

    def _on_colour_clicked(self) -> None:
        colour = QColorDialog.getColor(QColor(self._colour), self, self.tr("Tag colour"))
        if colour.isValid():
            self.set_colour(colour.name())

    def _on_ok_clicked(self) -> None:
        tag = self.values()
        if not _CODE.match(tag.code):
            self._show_error_text(self.tr("The code must be 2 to 40 lowercase letters, digits or _, "
                                          "starting with a letter."), "code")
        elif not tag.name_zh or not tag.name_en:
            self._show_error_text(self.tr("A tag needs both a Chinese and an English name."), "name")
        else:
            self._error.hide()
            self._ok.setEnabled(False)  # until the workspace reports back
            self.submitted.emit(tag)
