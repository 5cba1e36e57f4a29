"""Noticing a lost database and saying so: the health monitor and the red banner.

:class:`DatabaseHealthMonitor` asks the database for ``SELECT 1`` through the
TaskManager every few seconds (so the GUI never waits on the network) and also
listens to the TaskManager's ``database_lost``, which any failing job raises.
While the database is lost it retries more often; the first answer ends it.
A check that does not answer within ``check_timeout_ms`` counts as lost: the ping runs
under that statement time-out on the server, and a watchdog here notices a backend (or a
network) so frozen that not even the time-out comes back.
:class:`ConnectionBanner` shows what the monitor reports at the top of the
main window.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QDateTime, QEvent, QLocale, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Engine

from core.db.engine import as_unavailable, check_connection, describe
from core.errors import DatabaseTimedOut, DatabaseUnavailable
from desktop.tasks import TaskManager

_log = logging.getLogger(__name__)

CHECK_INTERVAL_MS = 5000
RETRY_INTERVAL_MS = 3000
RESTORED_NOTE_MS = 3000
CHECK_TIMEOUT_MS = 4000


class DatabaseHealthMonitor(QObject):
    """Watches one database engine; every check runs on the TaskManager's threads."""

    connection_lost = Signal(object)  # DatabaseUnavailable, when an answering database stops
    retry_failed = Signal(object)  # DatabaseUnavailable, each failed retry while lost
    connection_restored = Signal()
    check_started = Signal()
    check_finished = Signal()

    def __init__(
        self,
        tasks: TaskManager,
        engine: Engine,
        parent: QObject | None = None,
        *,
        check_interval_ms: int = CHECK_INTERVAL_MS,
        retry_interval_ms: int = RETRY_INTERVAL_MS,
        check_timeout_ms: int = CHECK_TIMEOUT_MS,
    ) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._engine = engine
        self._check_interval_ms = check_interval_ms
        self._retry_interval_ms = retry_interval_ms
        self._lost: DatabaseUnavailable | None = None
        self._checking = False
        self._stopped = True
        self._timer = QTimer(self, interval=check_interval_ms)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._check_timeout_ms = check_timeout_ms
        self._deadline = QTimer(self, singleShot=True, interval=check_timeout_ms)
        self._deadline.timeout.connect(self._on_deadline_timeout)
        tasks.database_lost.connect(self._on_tasks_database_lost)
        tasks.database_ok.connect(self._on_tasks_database_ok)

    @property
    def lost_error(self) -> DatabaseUnavailable | None:
        """Why the database is lost, or None while it answers."""
        return self._lost

    @property
    def checking(self) -> bool:
        """True while a check is running."""
        return self._checking

    def interval_ms(self) -> int:
        """Milliseconds until the next scheduled check."""
        return self._timer.interval()

    def set_intervals(self, check_ms: int, retry_ms: int) -> None:
        """Check every ``check_ms`` while the database answers, every ``retry_ms`` while lost."""
        self._check_interval_ms, self._retry_interval_ms = check_ms, retry_ms
        self._timer.setInterval(retry_ms if self._lost else check_ms)

    def start(self) -> None:
        """Begin the periodic checks."""
        self._stopped = False
        self._timer.start()

    def stop(self) -> None:
        """End the checks; results of one still running are ignored."""
        self._stopped = True
        self._timer.stop()
        self._deadline.stop()

    def check_now(self) -> None:
        """Check at once, unless a check is already running."""
        if self._checking or self._stopped:
            return
        self._checking = True
        self.check_started.emit()
        engine, timeout_s = self._engine, self._check_timeout_ms / 1000
        self._deadline.start()
        self._tasks.run_check(
            lambda: check_connection(engine, timeout_s),
            on_done=self._on_check_done,
            on_error=self._on_check_failed,
        )

    # ---- slots ----------------------------------------------------------

    def _on_timer_timeout(self) -> None:
        self.check_now()

    def _on_deadline_timeout(self) -> None:
        # The check is still waiting: say the database is lost now. The check stays
        # "running" (no second one piles up behind it); its late answer is taken as usual.
        if self._checking and not self._stopped:
            seconds = QLocale().toString(self._check_timeout_ms / 1000, "g", 3)
            self._mark_lost(DatabaseTimedOut(self.tr("no answer within %1 s").replace("%1", seconds),
                                             where=describe(self._engine.url)))

    def _on_check_done(self, _result: object) -> None:
        if self._stopped:
            return
        self._deadline.stop()
        self._checking = False
        self.check_finished.emit()
        if self._lost is not None:
            _log.info("database answers again after: %s", self._lost)
            self._lost = None
            self._timer.setInterval(self._check_interval_ms)
            self.connection_restored.emit()

    def _on_check_failed(self, error: BaseException) -> None:
        if self._stopped:
            return
        self._deadline.stop()
        self._checking = False
        self.check_finished.emit()
        lost = as_unavailable(error, describe(self._engine.url))
        if lost is None:
            # Not a driver error (a pool timeout, say): still no answer from the database.
            lost = DatabaseUnavailable(str(error), where=describe(self._engine.url))
        if lost is not self._lost:  # the TaskManager may have reported this very error already
            self._mark_lost(lost)

    def _on_tasks_database_lost(self, error: DatabaseUnavailable) -> None:
        if not self._stopped:
            self._mark_lost(error)

    def _on_tasks_database_ok(self) -> None:
        # Any finished job raises this, even one that never touched the database: only
        # our own check may end an outage, so take it as a hint to check at once.
        if self._lost is not None:
            self.check_now()

    def _mark_lost(self, error: DatabaseUnavailable) -> None:
        first = self._lost is None
        self._lost = error
        self._timer.setInterval(self._retry_interval_ms)
        if first:
            _log.warning("database lost: %s", error)
            self.connection_lost.emit(error)
        else:
            self.retry_failed.emit(error)


class ConnectionBanner(QFrame):
    """A banner across the top of the window: red while the database is lost, then a
    short green "restored" note. Hidden while all is well."""

    def __init__(self, monitor: DatabaseHealthMonitor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._monitor = monitor
        self._error: DatabaseUnavailable | None = None
        self._attempt_time: QDateTime | None = None
        self.setObjectName("connectionBanner")
        self.setProperty("state", "lost")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)

        self._title_label = QLabel(objectName="connectionBannerTitle")
        self._detail_label = QLabel(objectName="connectionBannerDetail", wordWrap=True)
        self._detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._retry_button = QPushButton(objectName="connectionRetryButton")
        self._retry_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self._retry_button.clicked.connect(self._on_retry_button_clicked)

        texts = QVBoxLayout()
        texts.setSpacing(2)
        texts.addWidget(self._title_label)
        texts.addWidget(self._detail_label)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 8, 12, 8)
        layout.addLayout(texts, 1)
        layout.addWidget(self._retry_button, 0, Qt.AlignmentFlag.AlignVCenter)

        self._hide_timer = QTimer(self, singleShot=True, interval=RESTORED_NOTE_MS)
        self._hide_timer.timeout.connect(self._on_hide_timer_timeout)
        monitor.connection_lost.connect(self._on_monitor_connection_lost)
        monitor.retry_failed.connect(self._on_monitor_retry_failed)
        monitor.connection_restored.connect(self._on_monitor_connection_restored)
        monitor.check_started.connect(self._on_monitor_check_changed)
        monitor.check_finished.connect(self._on_monitor_check_changed)
        self.hide()
        self.retranslate_ui()

    def state(self) -> str:
        """``"lost"`` or ``"restored"`` (meaningful while the banner is visible)."""
        return self.property("state")

    def title_text(self) -> str:
        """The banner's headline as shown."""
        return self._title_label.text()

    def detail_text(self) -> str:
        """The banner's second line as shown."""
        return self._detail_label.text()

    def retranslate_ui(self) -> None:
        """Set every visible string in the current UI language."""
        self._retry_button.setText(self.tr("Retry now"))
        if self.state() == "restored":
            self._title_label.setText(self.tr("Database connection restored."))
            self._detail_label.setText(self.tr("Changes can be saved again."))
            return
        self._title_label.setText(self.tr("Database connection lost — retrying…"))
        if self._error is not None:
            detail = self.tr("{where}: {message}").format(
                where=self._error.where or self.tr("database"), message=self._error.message
            )
            if self._attempt_time is not None:
                detail += "  " + self.tr("(last attempt {time})").format(
                    time=QLocale().toString(self._attempt_time.time(), "HH:mm:ss")
                )
            self._detail_label.setText(detail)

    # ---- slots ----------------------------------------------------------

    def _on_monitor_connection_lost(self, error: DatabaseUnavailable) -> None:
        self._hide_timer.stop()
        self._set_state("lost")
        self._show_error(error)
        self.show()

    def _on_monitor_retry_failed(self, error: DatabaseUnavailable) -> None:
        self._show_error(error)

    def _on_monitor_connection_restored(self) -> None:
        self._set_state("restored")
        self._hide_timer.start()

    def _on_monitor_check_changed(self) -> None:
        self._retry_button.setEnabled(not self._monitor.checking)

    def _on_retry_button_clicked(self) -> None:
        self._monitor.check_now()

    def _on_hide_timer_timeout(self) -> None:
        self.hide()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # ---- helpers --------------------------------------------------------

    def _show_error(self, error: DatabaseUnavailable) -> None:
        self._error = error
        self._attempt_time = QDateTime.currentDateTime()
        self.retranslate_ui()

    def _set_state(self, state: str) -> None:
        self.setProperty("state", state)
        self._retry_button.setVisible(state == "lost")
        # A dynamic property only restyles after the style sheet is re-applied.
        for widget in (self, self._title_label, self._detail_label):
            widget.style().unpolish(widget)
            widget.style().polish(widget)
        self.retranslate_ui()
