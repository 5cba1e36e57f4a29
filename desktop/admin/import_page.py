"""The Data exchange page: import a department's file (preview, check, import) and export a kind.

Every step is a call into :mod:`core.exchange` off the GUI thread: the preview reads the
file's first rows, "Check" is a dry run listing every problem with its row and column,
"Import" writes (all or nothing, or the valid rows only) with a progress dialog, and
"Export…" writes the chosen kind to XLSX, CSV or JSON. The core checks the rights again
(``data.import`` / ``data.export``) and audits both.
"""
from __future__ import annotations

from collections.abc import Callable
from itertools import islice
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.db.database import Database
from core.exchange import KINDS, ImportResult, export_file, import_file, write_report
from core.exchange.readers import open_table
from core.services.auth import UserInfo
from desktop.entities.message_bar import MessageBar
from desktop.tasks import TaskManager

from .words import refusal_text

PREVIEW_ROWS = 20
SHOWN_PROBLEMS = 1000
FILES = "XLSX, CSV, JSON (*.xlsx *.csv *.json)"


def _fit(table: QTableWidget, widest: int = 320) -> None:
    """Columns as wide as their content, none wider than ``widest`` pixels."""
    table.resizeColumnsToContents()
    for column in range(table.columnCount()):
        table.setColumnWidth(column, min(table.columnWidth(column), widest))


def _preview(path: str) -> tuple[list[str], list[list[str]], str]:
    """The header, the first rows and the format (with the CSV encoding) of ``path``."""
    table = open_table(path)
    rows = [["" if v is None else str(v) for v in cells] for _, cells in islice(table.rows, PREVIEW_ROWS)]
    return table.header, rows, table.format + (f" ({table.encoding})" if table.encoding else "")


class ImportPage(QWidget):
    """File chooser, kind, preview, problems and result; import and export of every kind."""

    previewed = Signal(int)      # rows shown
    finished = Signal(object)    # ImportResult (a check or an import)
    exported = Signal(int)       # rows written

    def __init__(self, db: Database, tasks: TaskManager, acting: UserInfo, lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importPage")
        self.setProperty("workspacePage", True)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._db, self._tasks, self._acting, self._lang = db, tasks, acting, lang
        self.result: ImportResult | None = None
        self.title = QLabel(objectName="workspaceTitle")
        self.intro = QLabel(objectName="importIntro", wordWrap=True)
        self.message_bar = MessageBar(self)
        self.kind = QComboBox(objectName="importKind")
        for name in KINDS:
            self.kind.addItem("", name)
        self.path = QLineEdit(objectName="importPath")
        self.path.editingFinished.connect(self.load_preview)
        self.choose = QPushButton(objectName="importChoose", clicked=self.choose_file)
        self.valid_only = QCheckBox(objectName="importValidOnly")
        self.check_button = QPushButton(objectName="importCheck", clicked=lambda: self.start(dry_run=True))
        self.import_button = QPushButton(objectName="importRun", clicked=lambda: self.start(dry_run=False))
        self.report_button = QPushButton(objectName="importReport", clicked=self.save_report, enabled=False)
        self.export_button = QPushButton(objectName="importExport", clicked=self.export_dialog)
        self.preview_label = QLabel(objectName="importPreviewLabel")
        self.preview = self._table("importPreview")
        self.problems_label = QLabel(objectName="importProblemsLabel")
        self.problems = self._table("importProblems", 5)
        self.summary = QLabel(objectName="importSummary", wordWrap=True)
        top = QHBoxLayout()
        for widget in (self.kind, self.path, self.choose):
            top.addWidget(widget, 1 if widget is self.path else 0)
        actions = QHBoxLayout()
        for widget in (self.valid_only, self.check_button, self.import_button, self.report_button):
            actions.addWidget(widget)
        actions.addStretch(1)
        actions.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        for item in (self.title, self.intro, self.message_bar, top, actions, self.summary, self.preview_label,
                     self.preview, self.problems_label, self.problems):
            (layout.addLayout if isinstance(item, QHBoxLayout) else layout.addWidget)(item)
        layout.setStretch(layout.count() - 3, 1)
        layout.setStretch(layout.count() - 1, 1)
        self.retranslate_ui()

    @staticmethod
    def _table(name: str, columns: int = 0) -> QTableWidget:
        table = QTableWidget(0, columns, objectName=name)
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    # ---- public API -----------------------------------------------------

    def chosen_kind(self) -> str:
        return self.kind.currentData()

    def set_file(self, path: str, kind: str | None = None) -> None:
        """Choose ``path`` (and ``kind``) and read its preview."""
        if kind is not None:
            self.kind.setCurrentIndex(self.kind.findData(kind))
        self.path.setText(path)
        self.load_preview()

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a file to import"), self.path.text(), FILES)
        if path:
            self.set_file(path)

    def load_preview(self) -> None:
        path = self.path.text().strip()
        if path:
            self._tasks.run(lambda: _preview(path), on_done=self._on_preview, on_error=self._on_failed, owner=self)

    def start(self, *, dry_run: bool) -> None:
        """Check (``dry_run``) or import the chosen file, with a progress dialog."""
        path = self.path.text().strip()
        if not path:
            self.message_bar.show_message(self.tr("Choose a file first."), kind="error")
            return
        db, actor, kind, valid_only = self._db, self._acting, self.chosen_kind(), self.valid_only.isChecked()

        def work(progress: Callable[[float, str], None], is_cancelled: Callable[[], bool]) -> ImportResult:
            return import_file(db, actor, kind, path, valid_rows_only=valid_only, dry_run=dry_run,
                               progress=progress, is_cancelled=is_cancelled)

        title = self.tr("Checking %1") if dry_run else self.tr("Importing %1")
        self._tasks.run_with_progress(work, title=title.replace("%1", Path(path).name), on_done=self._on_result,
                                      on_error=self._on_failed, parent=self)

    def export_dialog(self) -> None:
        kind = self.chosen_kind()
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export"), f"{kind}.xlsx", FILES)
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> None:
        db, actor, kind = self._db, self._acting, self.chosen_kind()
        self._tasks.run_with_progress(lambda progress, cancelled: export_file(db, actor, kind, path),
                                      title=self.tr("Exporting %1").replace("%1", Path(path).name),
                                      on_done=lambda n: self._on_exported(n, path), on_error=self._on_failed,
                                      parent=self)

    def save_report(self) -> None:
        if self.result is None or not self.result.problems:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the error report"), "errors.xlsx",
                                              "XLSX (*.xlsx)")
        if path:
            problems = list(self.result.problems)
            self._tasks.run(lambda: write_report(path, problems), on_error=self._on_failed, owner=self,
                            on_done=lambda _n: self.message_bar.show_message(
                                self.tr("Error report saved: %1").replace("%1", path), kind="success"))

    def set_language(self, lang: str) -> None:
        self._lang = lang
        self.retranslate_ui()

    # ---- results --------------------------------------------------------

    def _on_preview(self, preview: tuple[list[str], list[list[str]], str]) -> None:
        header, rows, fmt = preview
        self.preview.clear()
        self.preview.setColumnCount(len(header))
        self.preview.setHorizontalHeaderLabels(header)
        self.preview.setRowCount(len(rows))
        for r, cells in enumerate(rows):
            for c, value in enumerate(cells[:len(header)]):
                self.preview.setItem(r, c, QTableWidgetItem(value))
        _fit(self.preview)
        self.preview_label.setText(self.tr("First %1 rows (%2)").replace("%1", str(len(rows))).replace("%2", fmt))
        self.previewed.emit(len(rows))

    def _on_result(self, result: ImportResult) -> None:
        self.result = result
        self.problems.setRowCount(0)
        self.problems.setRowCount(min(len(result.problems), SHOWN_PROBLEMS))
        for r, p in enumerate(result.problems[:SHOWN_PROBLEMS]):
            for c, value in enumerate((p.file, str(p.row), p.column, p.value, p.reason)):
                self.problems.setItem(r, c, QTableWidgetItem(value))
        self.report_button.setEnabled(bool(result.problems))
        self._retranslate_problems()
        _fit(self.problems)
        self.summary.setText(self._summary(result))
        self.summary.setProperty("state", "ok" if result.ok else "problems")
        self.message_bar.hide()
        self.finished.emit(result)

    def _summary(self, r: ImportResult) -> str:
        counts = (self.tr("%1 rows: %2 new, %3 updated, %4 unchanged, %5 with problems.")
                  .replace("%1", str(r.rows)).replace("%2", str(r.new)).replace("%3", str(r.updated))
                  .replace("%4", str(r.unchanged)).replace("%5", str(r.bad_rows)))
        if r.dry_run:
            return self.tr("Check only, nothing written.") + " " + counts
        if r.problems and not r.committed:
            return self.tr("Nothing imported: the file has problems.") + " " + counts
        if r.problems:
            return self.tr("Valid rows imported; rows with problems left out.") + " " + counts
        if not r.committed:
            return self.tr("Nothing to change: the file was imported before.") + " " + counts
        return self.tr("Imported.") + " " + counts

    def _on_exported(self, count: int, path: str) -> None:
        self.message_bar.show_message(self.tr("%1 rows exported to %2").replace("%1", str(count)).replace("%2", path),
                                      kind="success")
        self.exported.emit(count)

    def _on_failed(self, error: BaseException) -> None:
        self.message_bar.show_message(refusal_text(error), kind="error")

    # ---- language -------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Data exchange"))
        self.intro.setText(self.tr(
            "Import a department's file (XLSX, CSV in UTF-8 or GB18030, JSON) with Chinese column headers: "
            "check it first, then import all of it, or only its valid rows. Export any kind in the same columns."))
        zh = self._lang.startswith("zh")
        for i in range(self.kind.count()):
            spec = KINDS[self.kind.itemData(i)]
            self.kind.setItemText(i, spec.zh if zh else spec.en)
        self.path.setPlaceholderText(self.tr("File to import"))
        self.choose.setText(self.tr("Choose file…"))
        self.valid_only.setText(self.tr("Import valid rows only"))
        self.check_button.setText(self.tr("Check"))
        self.import_button.setText(self.tr("Import"))
        self.report_button.setText(self.tr("Save error report…"))
        self.export_button.setText(self.tr("Export…"))
        if not self.preview_label.text():
            self.preview_label.setText(self.tr("Preview"))
        self._retranslate_problems()
        if self.result is not None:
            self.summary.setText(self._summary(self.result))

    def _retranslate_problems(self) -> None:
        count = len(self.result.problems) if self.result else 0
        self.problems_label.setText(self.tr("Problems: %1").replace("%1", str(count)))
        self.problems.setHorizontalHeaderLabels([self.tr("File"), self.tr("Row"), self.tr("Column"), self.tr("Value"),
                                                 self.tr("Reason")])
