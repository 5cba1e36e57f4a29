"""Choosing the period the collaboration views look at: this year, the last 90 days, or
two dates of one's own. ``changed`` is emitted with the new :class:`core.collab.Period`."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QWidget

from core.collab import Period

CHOICES = ("year", "90d", "custom")
DATE_SETTLE_MS = 500


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class PeriodPicker(QWidget):
    """A combo of the three choices; the two date fields show only for "custom"."""

    changed = Signal(object)

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self.label = QLabel()
        self.combo = QComboBox(objectName="collabPeriod")
        self.start = QDateEdit(objectName="collabPeriodStart", calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.end = QDateEdit(objectName="collabPeriodEnd", calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.dash = QLabel("–")
        first = Period.year(today.year)
        self.start.setDate(_qdate(first.start))
        self.end.setDate(_qdate(today))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.label, self.combo, self.start, self.dash, self.end):
            layout.addWidget(widget)
        self.retranslate_ui()
        self.combo.currentIndexChanged.connect(self._on_combo_changed)
        # typing a date changes it digit by digit: the figures follow once the typing pauses
        self._settle = QTimer(self, singleShot=True, interval=DATE_SETTLE_MS)
        self._settle.timeout.connect(self._on_dates_settled)
        self.start.dateChanged.connect(self._on_date_changed)
        self.end.dateChanged.connect(self._on_date_changed)
        self._show_dates()

    def choice(self) -> str:
        return CHOICES[max(0, self.combo.currentIndex())]

    def period(self) -> Period:
        """The chosen period; a reversed custom one is put the right way round."""
        choice = self.choice()
        if choice == "year":
            return Period(dt.date(self._today.year, 1, 1), self._today)
        if choice == "90d":
            return Period.last_days(90, self._today)
        start, end = _date(self.start.date()), _date(self.end.date())
        return Period(min(start, end), max(start, end))

    def set_choice(self, choice: str, start: dt.date | None = None, end: dt.date | None = None) -> None:
        """Choose ``choice`` ("year", "90d" or "custom" with ``start`` and ``end``)."""
        if start is not None:
            self.start.blockSignals(True)
            self.start.setDate(_qdate(start))
            self.start.blockSignals(False)
        if end is not None:
            self.end.blockSignals(True)
            self.end.setDate(_qdate(end))
            self.end.blockSignals(False)
        if self.combo.currentIndex() == CHOICES.index(choice):
            self._on_combo_changed()
        else:
            self.combo.setCurrentIndex(CHOICES.index(choice))

    def as_view(self) -> dict:
        """The period as a wall view stores it."""
        period = self.period()
        return {"choice": self.choice(), "start": period.start.isoformat(), "end": period.end.isoformat()}

    def retranslate_ui(self) -> None:
        self.label.setText(self.tr("Period"))
        index = max(0, self.combo.currentIndex())
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItems([self.tr("This year"), self.tr("Last 90 days"), self.tr("Custom")])
        self.combo.setCurrentIndex(index)
        self.combo.blockSignals(False)

    def _show_dates(self) -> None:
        custom = self.choice() == "custom"
        for widget in (self.start, self.dash, self.end):
            widget.setVisible(custom)

    def _on_combo_changed(self, *_args) -> None:
        self._show_dates()
        self.changed.emit(self.period())

    def _on_date_changed(self, *_args) -> None:
        if self.choice() == "custom":
            self._settle.start()

    def _on_dates_settled(self) -> None:
        if self.choice() == "custom":
            self.changed.emit(self.period())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
