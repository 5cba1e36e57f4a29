"""A new clue: where it came from, what it says, who or where it is about, the matter,
the department (by the routing rules unless the center chooses) and its files.

The dialog checks what it can see (a description, a place, a well-formed USCC) and
refuses to close without them; the files are read later, in a worker
(:meth:`ClueForm.new_clue`), and the core checks everything again.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from core import uscc as uscc_codes
from core.errors import InvalidUSCC
from core.services.clues import SOURCE_NAMES, Attachment, NewClue

from .checked_dialog import CheckedDialog
from .reference import CasesReference
from .words import matter_label, source_name

BY_ENTITY, BY_POSITION, BY_VILLAGE = "entity", "position", "village"


@dataclass(frozen=True)
class ClueForm:
    """What the dialog gathered; ``paths`` are the files to attach, read by :meth:`new_clue`."""

    clue: NewClue
    paths: tuple[Path, ...] = ()

    def new_clue(self) -> NewClue:
        """The clue with its files read (worker thread: files may be large or on a share)."""
        return replace(self.clue, attachments=tuple(Attachment.from_file(p) for p in self.paths))


class NewClueDialog(CheckedDialog):
    """Enter a clue by hand (a call, a grid report, an inspection finding)."""

    def __init__(self, reference: CasesReference, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newClueDialog")
        self.setWindowTitle(self.tr("New clue"))
        self.source = QComboBox(objectName="newClueSource")
        for key in SOURCE_NAMES:
            self.source.addItem(source_name(key, lang), key)
        self.source_ref = QLineEdit(objectName="newClueSourceRef")
        self.source_ref.setPlaceholderText(self.tr("Its number in the system it came from (optional)"))
        self.description = QPlainTextEdit(objectName="newClueDescription")
        self.description.setTabChangesFocus(True)
        self.description.setPlaceholderText(self.tr("What was reported, where and when"))
        self.description.setMinimumHeight(90)
        self.description.setMaximumHeight(160)

        self.by_entity = QRadioButton(self.tr("Entity (USCC)"), objectName="newClueByEntity", checked=True)
        self.by_position = QRadioButton(self.tr("Position"), objectName="newClueByPosition")
        self.by_village = QRadioButton(self.tr("Village"), objectName="newClueByVillage")
        self._where = QButtonGroup(self)
        for button in (self.by_entity, self.by_position, self.by_village):
            self._where.addButton(button)
        self.uscc = QLineEdit(objectName="newClueUscc", maxLength=24)
        self.uscc.setPlaceholderText(self.tr("18-character unified social credit code"))
        self.lat = QDoubleSpinBox(objectName="newClueLat", decimals=6, minimum=-90, maximum=90,
                                  value=reference.centre[0], singleStep=0.001)
        self.lng = QDoubleSpinBox(objectName="newClueLng", decimals=6, minimum=-180, maximum=180,
                                  value=reference.centre[1], singleStep=0.001)
        self.village = QComboBox(objectName="newClueVillage", editable=True)
        self.village.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        towns = {t.code: t.name(lang) for t in reference.towns}
        self.village.addItem("", None)
        for v in reference.villages:
            self.village.addItem(f"{towns.get(v.parent or '', '')} · {v.name(lang)}  {v.code}", v.code)
        compact_combo(self.village)
        self.village.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.village.completer().setCompletionMode(self.village.completer().CompletionMode.PopupCompletion)
        self._position_row = _row(QHBoxLayout, QLabel(self.tr("Latitude")), self.lat, QLabel(self.tr("Longitude")),
                                  self.lng)
        where = _row(QVBoxLayout, _row(QHBoxLayout, self.by_entity, self.by_position, self.by_village, None),
                     self.uscc, self._position_row, self.village)
        self._where.buttonToggled.connect(lambda _button, _on: self._sync_where())

        self.matter = QComboBox(objectName="newClueMatter")
        self.matter.addItem(self.tr("(no matter named)"), None)
        for d, m in reference.matters():
            self.matter.addItem(f"{d.name(lang)} · {matter_label(m, lang)}", m.id)
        compact_combo(self.matter)
        self.department = QComboBox(objectName="newClueDepartment")
        self.department.addItem(self.tr("By the routing rules"), None)
        for d in reference.departments:
            self.department.addItem(d.name(lang), d.id)
        self.files = QListWidget(objectName="newClueFiles")
        self.files.setMaximumHeight(90)
        add_files = QPushButton(self.tr("Add files…"), objectName="newClueAddFiles")
        add_files.clicked.connect(self._on_add_files_clicked)
        remove_file = QPushButton(self.tr("Remove"), objectName="newClueRemoveFile")
        remove_file.clicked.connect(lambda: self.files.takeItem(self.files.currentRow()))
        files_row = _row(QHBoxLayout, self.files, _row(QVBoxLayout, add_files, remove_file, None))

        self.problem_label("newClueProblem")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.create_button = buttons.addButton(self.tr("Register the clue"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.create_button.setObjectName("newClueConfirm")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Source"), self.source)
        form.addRow(self.tr("Source number"), self.source_ref)
        form.addRow(self.tr("Description"), self.description)
        form.addRow(self.tr("About"), where)
        form.addRow(self.tr("Matter"), self.matter)
        form.addRow(self.tr("Department"), self.department)
        form.addRow(self.tr("Files"), files_row)
        form.addRow(self.problem)
        form.addRow(buttons)
        self._sync_where()
        self.resize(640, self.sizeHint().height())

    # ---- public API -----------------------------------------------------

    def where(self) -> str:
        return BY_POSITION if self.by_position.isChecked() else BY_VILLAGE if self.by_village.isChecked() \
            else BY_ENTITY

    def add_paths(self, paths) -> None:
        for path in paths:
            self.files.addItem(str(path))

    def form(self) -> ClueForm:
        where = self.where()
        clue = NewClue(
            source=self.source.currentData(), description=self.description.toPlainText().strip(),
            uscc=self.uscc.text().strip().upper() or None if where == BY_ENTITY else None,
            lat=self.lat.value() if where == BY_POSITION else None,
            lng=self.lng.value() if where == BY_POSITION else None,
            village_code=self.village.currentData() if where == BY_VILLAGE else None,
            matter_id=self.matter.currentData(), department_id=self.department.currentData(),
            source_ref=self.source_ref.text().strip() or None)
        return ClueForm(clue, tuple(Path(self.files.item(i).text()) for i in range(self.files.count())))

    def missing(self) -> str:
        """What must still be given or corrected, in words ("" when the form can be sent)."""
        clue = self.form().clue
        if not clue.description:
            return self.tr("Describe the clue.")
        where = self.where()
        if where == BY_ENTITY:
            if not clue.uscc:
                return self.tr("Type the entity's USCC, or give a position or a village instead.")
            try:
                uscc_codes.validate(clue.uscc)
            except InvalidUSCC:
                return self.tr("%1 is not a valid unified social credit code.").replace("%1", clue.uscc)
        if where == BY_VILLAGE and clue.village_code is None:
            return self.tr("Choose the village from the list.")
        return ""


    # ---- internals ------------------------------------------------------

    def _sync_where(self) -> None:
        where = self.where()
        self.uscc.setVisible(where == BY_ENTITY)
        self._position_row.setVisible(where == BY_POSITION)
        self.village.setVisible(where == BY_VILLAGE)

    def _on_add_files_clicked(self) -> None:
        start = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Files of the clue"), start,
                                                self.tr("All files (*)"))
        self.add_paths(paths)


def _row(layout_type, *widgets) -> QWidget:
    """``widgets`` (None: a stretch) in a layout of their own widget.

    Layouts are never nested in this dialog: PySide 6.11 can crash when a Python-made
    layout inside another is destroyed (the dialog closing) while a worker thread runs
    Python and collects garbage (~QLayout calls back into the half-destroyed parent layout).
    """
    row = QWidget()
    layout = layout_type(row)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        if widget is None:
            layout.addStretch(1)
        else:
            layout.addWidget(widget)
    return row


def compact_combo(combo: QComboBox) -> None:
    """Long item texts (matters, villages) must not widen the dialog; the popup shows them whole."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(30)
