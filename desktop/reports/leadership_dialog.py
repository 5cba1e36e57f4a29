"""The dialog that builds the leadership analysis: a period, the formats, built in the background.

The figures and files are made in a worker (:meth:`desktop.tasks.TaskManager.run_with_progress`,
cancellable); the dialog stays usable and says where the files went. Opened from the
efficiency workspace; only roles with ``report.leadership`` see the way in (:func:`may_build`).
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.db.database import Database
from core.errors import Cancelled
from core.reports.leadership import PERMISSION, build_report
from desktop.entities.errors import show_error
from desktop.entities.file_dialogs import ask_save_path
from desktop.tasks import TaskManager

PERIODS = ("month", "last_quarter", "year", "custom")


def period_range(key: str, today: dt.date, custom: tuple[dt.date, dt.date] | None = None
                 ) -> tuple[dt.date, dt.date]:
    """This month (to today), the last full quarter, this year (to today), or ``custom``."""
    if key == "month":
        return today.replace(day=1), today
    if key == "last_quarter":
        first_this = dt.date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
        end = first_this - dt.timedelta(days=1)
        return dt.date(end.year, 3 * ((end.month - 1) // 3) + 1, 1), end
    if key == "year":
        return dt.date(today.year, 1, 1), today
    if custom is None:
        raise ValueError("a custom period needs its two dates")
    return custom


def may_build(db: Database, actor: str | None) -> bool:
    """Whether ``actor`` may build the report (``report.leadership``)."""
    from core.rights import UnknownActor, resolve

    if not actor:
        return False
    with db.sessions() as s:
        try:
            return resolve(s, actor).scope(PERMISSION) is not None
        except UnknownActor:
            return False


def build_files(db: Database, actor: str, start: dt.date, end: dt.date, outputs: list[Path], lang: str,
                font_family: str, *, today: dt.date | None = None, snapshot_dir: Path | None = None,
                progress=None, is_cancelled=None) -> list[Path]:
    """The report of ``start``..``end`` written to each of ``outputs`` (PDF/XLSX by suffix); runs in a worker."""
    from desktop.reports.leadership_pdf import write_report

    def part(lo: float, hi: float):
        return None if progress is None else (lambda f, m: progress(lo + (hi - lo) * f, m))

    report = build_report(db, start, end, viewer=actor, today=today, snapshot_dir=snapshot_dir,
                          progress=part(0.0, 0.8), is_cancelled=is_cancelled)
    written = []
    for k, path in enumerate(outputs):
        if is_cancelled is not None and is_cancelled():
            break
        if progress is not None:
            progress(0.8 + 0.2 * k / len(outputs), path.name)
        written.append(write_report(report, path, lang, font_family, db=db, actor=actor))
    return written


class LeadershipReportDialog(QDialog):
    """Choose a period and the formats; ``built`` carries the files written."""

    built = Signal(list)

    def __init__(self, db: Database, tasks: TaskManager, actor: str, lang: str = "zh_CN", *,
                 today: dt.date | None = None, snapshot_dir: Path | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("leadershipReportDialog")
        self._db, self._tasks, self._actor, self._lang = db, tasks, actor, lang
        self._today, self._snapshot_dir = today, snapshot_dir
        self._handle = None
        self.output: Path | None = None  # the chosen file (its suffix is replaced per format)
        self.period_combo = QComboBox(objectName="leadershipPeriod")
        for key in PERIODS:
            self.period_combo.addItem("", key)
        self.start_edit = QDateEdit(objectName="leadershipFrom", calendarPopup=True)
        self.end_edit = QDateEdit(objectName="leadershipTo", calendarPopup=True)
        for edit in (self.start_edit, self.end_edit):
            edit.setDisplayFormat("yyyy-MM-dd")
        today_q = QDate(self.today.year, self.today.month, self.today.day)
        self.start_edit.setDate(today_q.addMonths(-1))
        self.end_edit.setDate(today_q)
        self.pdf_check = QCheckBox(objectName="leadershipPdf", checked=True)
        self.xlsx_check = QCheckBox(objectName="leadershipXlsx", checked=True)
        self.status = QLabel(objectName="leadershipStatus", wordWrap=True)
        self.build_button = QPushButton(objectName="leadershipBuild")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.addButton(self.build_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        self.build_button.clicked.connect(self._on_build_clicked)
        self.period_combo.currentIndexChanged.connect(self._on_period_changed)
        self.pdf_check.toggled.connect(self._on_format_toggled)
        self.xlsx_check.toggled.connect(self._on_format_toggled)

        self._labels = [QLabel(), QLabel(), QLabel(), QLabel()]
        form = QFormLayout()
        form.addRow(self._labels[0], self.period_combo)
        form.addRow(self._labels[1], self.start_edit)
        form.addRow(self._labels[2], self.end_edit)
        formats = QHBoxLayout()
        formats.addWidget(self.pdf_check)
        formats.addWidget(self.xlsx_check)
        formats.addStretch(1)
        form.addRow(self._labels[3], formats)
        layout = QVBoxLayout(self)
        self.note = QLabel(objectName="leadershipNote", wordWrap=True)
        layout.addWidget(self.note)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.retranslate_ui()
        self._on_period_changed()

    @property
    def today(self) -> dt.date:
        return self._today or dt.date.today()

    def period(self) -> tuple[dt.date, dt.date]:
        key = self.period_combo.currentData()
        custom = (self.start_edit.date().toPython(), self.end_edit.date().toPython())
        return period_range(key, self.today, custom)

    def formats(self) -> list[str]:
        return [s for s, box in ((".pdf", self.pdf_check), (".xlsx", self.xlsx_check)) if box.isChecked()]

    def build(self, output: Path) -> None:
        """Build the report for the chosen period into ``output`` with each chosen format's suffix."""
        start, end = self.period()
        if end < start:
            self.status.setText(self.tr("The period ends before it starts."))
            return
        outputs = [Path(output).with_suffix(s) for s in self.formats()]
        db, actor, lang, today, folder = self._db, self._actor, self._lang, self._today, self._snapshot_dir
        family = QApplication.font().family()
        self.build_button.setEnabled(False)
        self.status.setText(self.tr("Building the report…"))
        self._handle = self._tasks.run_with_progress(
            lambda progress, cancelled: build_files(db, actor, start, end, outputs, lang, family, today=today,
                                                    snapshot_dir=folder, progress=progress,
                                                    is_cancelled=cancelled),
            title=self.tr("Building the leadership report"), on_done=self._on_built, on_error=self._on_failed,
            parent=self)

    def _on_build_clicked(self) -> None:
        if not self.formats():
            return
        start, end = self.period()
        stem = self.tr("leadership_%1_%2").replace("%1", f"{start:%Y%m%d}").replace("%2", f"{end:%Y%m%d}")
        first = self.formats()[0]
        kinds = self.tr("PDF document (*.pdf)") if first == ".pdf" else self.tr("Excel workbook (*.xlsx)")
        path = ask_save_path(self, self.tr("Save the leadership report"), stem, first, kinds)
        if path is not None:
            self.build(path)

    def _on_built(self, paths: list[Path]) -> None:
        self.build_button.setEnabled(True)
        if not paths:
            self.status.setText(self.tr("Cancelled; no file was written."))
            return
        self.status.setText(self.tr("Saved %1.").replace("%1", "; ".join(str(p) for p in paths)))
        self.built.emit(list(paths))

    def _on_failed(self, error: BaseException) -> None:
        self.build_button.setEnabled(True)
        if isinstance(error, Cancelled):  # the person asked for it: no error box
            self.status.setText(self.tr("Cancelled; no file was written."))
            return
        self.status.setText(self.tr("Report not written."))
        show_error(self, self.tr("Report not written"), error)

    def _on_period_changed(self, *_args) -> None:
        custom = self.period_combo.currentData() == "custom"
        self.start_edit.setEnabled(custom)
        self.end_edit.setEnabled(custom)
        if not custom:
            start, end = self.period()
            self.start_edit.setDate(QDate(start.year, start.month, start.day))
            self.end_edit.setDate(QDate(end.year, end.month, end.day))

    def _on_format_toggled(self, _checked: bool) -> None:
        self.build_button.setEnabled(bool(self.formats()))

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Leadership analysis report"))
        names = {"month": self.tr("This month"), "last_quarter": self.tr("Last quarter"),
                 "year": self.tr("This year"), "custom": self.tr("Custom period")}
        for i in range(self.period_combo.count()):
            self.period_combo.setItemText(i, names[self.period_combo.itemData(i)])
        for label, text in zip(self._labels, (self.tr("Period"), self.tr("From"), self.tr("To"),
                                              self.tr("Formats"))):
            label.setText(text)
        self.pdf_check.setText(self.tr("PDF with charts"))
        self.xlsx_check.setText(self.tr("Excel workbook"))
        self.build_button.setText(self.tr("Build…"))
        self.note.setText(self.tr("Internal: the report names risk classes and is marked 内部资料 on every page. "
                                  "It is built in the background; you may keep working."))
