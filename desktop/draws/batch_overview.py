"""One batch at a glance: its rules, what was frozen and drawn, the rule-citing problems
that block it, the per-class statistics (internal users only) and the actions its state allows."""
from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.draws import Problem
from core.services.draws import BatchDetail
from desktop.bilingual import in_language  # noqa: F401 - the workspace words untyped refusals with it
from desktop.provisional import ProvisionalCaption, date_html, span_note

from .plan_tree import shown_status, status_label
from .problem_words import problem_text, rule_text


# action key -> the batch states it is offered in (exports and checks need no actor)
ACTIONS: dict[str, tuple[frozenset[str], bool]] = {
    "edit": (frozenset({"draft"}), True),
    "check": (frozenset({"draft"}), False),
    "lock": (frozenset({"draft"}), True),
    "discard": (frozenset({"draft"}), True),
    "draw": (frozenset({"locked"}), True),
    "abandon": (frozenset({"locked"}), True),
    "publish": (frozenset({"drawn"}), True),
    "notice_xlsx": (frozenset({"drawn", "published"}), False),
    "notice_pdf": (frozenset({"drawn", "published"}), False),
    "results_xlsx": (frozenset({"drawn", "published"}), False),
    "results_pdf": (frozenset({"drawn", "published"}), False),
    "record": (frozenset({"drawn", "published"}), False),
    "verify": (frozenset({"drawn", "published"}), False),
    "map": (frozenset({"drawn", "published"}), False),
}


class BatchOverview(QScrollArea):
    """Shows a :class:`BatchDetail`; ``action_requested`` carries one of :data:`ACTIONS`."""

    action_requested = Signal(str)

    def __init__(self, *, show_risk: bool, read_only: bool, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drawBatchOverview")
        self.setWidgetResizable(True)
        self._show_risk, self._read_only, self._lang = show_risk, read_only, lang
        self._detail: BatchDetail | None = None
        self._problems: list[Problem] | None = None
        self._warnings: list[Problem] = []
        body = QWidget()
        self.title = QLabel(objectName="drawBatchTitle", wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title.setFont(font)
        self.facts = QLabel(objectName="drawBatchFacts", wordWrap=True, textFormat=Qt.TextFormat.RichText)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.public = QLabel(objectName="drawBatchPublic", wordWrap=True, textFormat=Qt.TextFormat.RichText)
        self.public.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problems = QListWidget(objectName="drawBatchProblems")
        self.problems.setWordWrap(True)
        self.problems.setMaximumHeight(180)
        self.problem_note = QLabel(objectName="drawBatchProblemNote", wordWrap=True)
        self.strata = QTableWidget(0, 5, objectName="drawBatchStrata")
        self.strata.verticalHeader().hide()
        self.strata.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.buttons: dict[str, QPushButton] = {}
        actions = QGridLayout()
        for n, key in enumerate(ACTIONS):
            button = QPushButton(objectName=f"drawAction_{key}")
            button.clicked.connect(lambda _checked=False, key=key: self.action_requested.emit(key))
            self.buttons[key] = button
            actions.addWidget(button, n // 5, n % 5)
        self.provisional = ProvisionalCaption()
        self.rules_box = QGroupBox()
        rules_layout = QVBoxLayout(self.rules_box)
        rules_layout.addWidget(self.facts)
        rules_layout.addWidget(self.provisional)
        self.public_box = QGroupBox()
        QVBoxLayout(self.public_box).addWidget(self.public)
        self.problem_box = QGroupBox()
        problem_layout = QVBoxLayout(self.problem_box)
        problem_layout.addWidget(self.problem_note)
        problem_layout.addWidget(self.problems)
        self.strata_box = QGroupBox()
        QVBoxLayout(self.strata_box).addWidget(self.strata)
        self.strata_box.setVisible(show_risk)
        layout = QVBoxLayout(body)
        layout.addWidget(self.title)
        layout.addLayout(actions)
        layout.addWidget(self.problem_box)
        layout.addWidget(self.rules_box)
        layout.addWidget(self.public_box)
        layout.addWidget(self.strata_box)
        layout.addStretch(1)
        self.setWidget(body)
        self.retranslate_ui()
        self.set_detail(None)

    # ---- public API -----------------------------------------------------

    @property
    def detail(self) -> BatchDetail | None:
        return self._detail

    def set_detail(self, detail: BatchDetail | None) -> None:
        self._detail = detail
        if detail is None or detail.status != "draft":
            self._problems = None
        self._fill()

    def set_problems(self, problems: Sequence[Problem] | None) -> None:
        """The result of the last check (None: not checked since the last change); a check
        result's ``warnings`` (workload, matter fit) are listed after what blocks locking."""
        if problems is None:
            self._problems = None
        else:
            self._problems = [p for p in problems if p.severity != "warning"]
            self._warnings = [p for p in problems if p.severity == "warning"] + list(getattr(problems, "warnings", ()))
        self._fill_problems()

    def set_language(self, lang: str) -> None:
        self._lang = lang
        self._fill()

    def problem_texts(self) -> list[str]:
        return [self.problems.item(i).text() for i in range(self.problems.count())]

    # ---- filling --------------------------------------------------------

    def _fill(self) -> None:
        d = self._detail
        for key, button in self.buttons.items():
            states, needs_actor = ACTIONS[key]
            shown = d is not None and d.status in states and not (needs_actor and self._read_only)
            if key in ("record", "verify", "ceremony") and d is not None and not d.has_record:
                shown = False  # imported history: drawn before records were kept
            button.setVisible(shown)
            # An abandoned batch stays locked but is never drawn or abandoned again.
            gone = d is not None and bool(d.abandoned) and key in ("draw", "abandon")
            button.setEnabled(not gone)
            button.setToolTip(self.tr("This batch was abandoned: it will not be drawn.") if gone else "")
        if d is None:
            self.title.setText(self.tr("Choose a batch on the left, or create a plan and a batch."))
            for box in (self.rules_box, self.public_box, self.problem_box, self.strata_box):
                box.hide()
            return
        state = status_label(shown_status(d))
        if d.status == "locked" and not d.abandoned:
            state = self.tr("%1, awaiting the random values").replace("%1", state)
        self.title.setText(f"{d.plan_name} · {d.name}  —  {state}")
        self.rules_box.show()
        self.public_box.setVisible(d.status != "draft")
        self.strata_box.setVisible(self._show_risk)
        self.facts.setText(self._rules_html(d))
        self.public.setText(self._public_html(d))
        self._fill_strata(d)
        self._fill_problems()

    def _join(self, names) -> str:
        return ("、" if self._lang.startswith("zh") else "; ").join(names)

    def _name(self, zh: str, en: str) -> str:
        return zh if self._lang.startswith("zh") or not en else en

    def _rules_html(self, d: BatchDetail) -> str:
        rows = [(self.tr("Lead department"), html.escape(self._name(d.lead_department_zh, d.lead_department_en))),
                (self.tr("Inspection window"), f"{d.window_start.isoformat()} — {d.window_end.isoformat()}")]
        for dept in d.departments:
            matters = self._join(self._name(m.name_zh, m.name_en) for m in dept.matters) or self.tr("(no matter chosen)")
            rows.append((self._name(dept.name_zh, dept.name_en),
                         self.tr("teams of %1, %2 eligible inspectors; checks: %3").replace("%1", str(dept.team_size))
                         .replace("%2", str(dept.eligible_inspectors)).replace("%3", html.escape(matters))))
        if d.pool_count is not None:
            rows.append((self.tr("Pool"), self.tr("%1 entities").replace("%1", f"{d.pool_count:,}")))
        if d.sampling.get("counts"):
            sampling = ", ".join(f"{k}: {v}" for k, v in sorted(d.sampling["counts"].items()))
            rows.append((self.tr("Sampling (fixed number per class)"), sampling))
        else:
            sampling = ", ".join(f"{k}: {100 * float(v):g}%" for k, v in sorted(d.sampling.get("ratios", {}).items()))
            rows.append((self.tr("Sampling (ratio per class)"), sampling))
        override = d.sampling.get("override")
        if override:
            rows.append((self.tr("Outside the plan's bands"), html.escape(
                self.tr("on purpose: “%1” (%2, %3)").replace("%1", str(override.get("reason", "")))
                .replace("%2", str(override.get("by", ""))).replace("%3", str(override.get("at", ""))[:10]))))
        if d.pool_filter.get("fit_matters"):
            rows.append((self.tr("Pool narrowed"), self.tr("only the objects a chosen matter applies to")))
        avoid = [label for key, label in (("declared_conflicts", self.tr("declared conflicts")),
                                          ("last_inspection", self.tr("last inspection of the entity")),
                                          ("same_village", self.tr("same village"))) if d.avoidance.get(key)]
        rows.append((self.tr("Avoidance"), self._join(avoid) or self.tr("none")))
        if d.task_count:
            rows.append((self.tr("Inspection tasks"), self.tr("%1 done of %2").replace("%1", f"{d.tasks_done:,}")
                         .replace("%2", f"{d.task_count:,}")))
        note = span_note(d.window_end, d.results_due)
        self.provisional.set_note(note, self._lang)
        if d.results_due is not None:
            due = date_html(d.results_due, note)
            if d.results_due < dt.date.today() and d.tasks_done < d.task_count:
                due += " <b style='color:#b3261e'>" + html.escape(self.tr("overdue: %1 inspections without results")
                                                                  .replace("%1", f"{d.task_count - d.tasks_done:,}")) + "</b>"
            rows.append((self.tr("Results to be published by"), due))
        return _table(rows)

    def _public_html(self, d: BatchDetail) -> str:
        rows = [(self.tr("Pool hash (SHA-256)"), f"<code>{d.pool_hash or ''}</code>")]
        if d.locked_at:
            rows.append((self.tr("Locked at"), _local(d.locked_at)))
        if d.randomness_kind == "rfc3797":
            rows.append((self.tr("Randomness"), self.tr("RFC 3797 public sources")))
            if d.announcement:
                rows.append((self.tr("Announced sources"), html.escape(d.announcement)))
            if d.random_sources:
                rows.append((self.tr("Source values"), "<br>".join(html.escape(s) for s in d.random_sources)))
        elif d.randomness_kind == "seed":
            rows.append((self.tr("Randomness"), self.tr("Operator seed, committed before locking")))
            rows.append((self.tr("Seed commitment"), f"<code>{d.seed_commitment or ''}</code>"))
            if d.seed:
                rows.append((self.tr("Revealed seed"), f"<code>{html.escape(d.seed)}</code>"))
        if d.draw_key:
            rows.append((self.tr("Key"), f"<code>{html.escape(d.draw_key)}</code>"))
        if d.drawn_at:
            rows.append((self.tr("Drawn at"), _local(d.drawn_at)))
            rows.append((self.tr("Drawn"), self.tr("%1 entities (%2 alternates taken for avoidance)")
                         .replace("%1", f"{d.drawn_count:,}").replace("%2", f"{d.alternates or 0:,}")))
        if d.record_digest:
            rows.append((self.tr("Record digest (SHA-256)"), f"<code>{d.record_digest}</code>"))
        if d.status in ("drawn", "published") and not d.has_record:
            rows.append((self.tr("Record"), self.tr("none: this batch was imported from before draws were recorded, "
                                                    "so it cannot be verified")))
        if d.algorithm_version:
            rows.append((self.tr("Algorithm"), html.escape(d.algorithm_version)))
        if d.published_at:
            rows.append((self.tr("Published at"), _local(d.published_at)))
        if d.abandoned:
            at = d.abandoned.get("at")
            rows.append((self.tr("Abandoned at"), _local(dt.datetime.fromisoformat(at)) if at else "—"))
            rows.append((self.tr("Abandoned by"), html.escape(str(d.abandoned.get("by", "")))))
            rows.append((self.tr("Reason (published)"), html.escape(str(d.abandoned.get("reason", "")))))
        return _table(rows)

    def _fill_strata(self, d: BatchDetail) -> None:
        self.strata.setRowCount(len(d.strata))
        for r, row in enumerate(d.strata):
            values = [self.tr("Class %1").replace("%1", row.stratum), f"{row.pool:,}", f"{row.planned:,}",
                      "—" if row.drawn is None else f"{row.drawn:,}", f"{100 * row.ratio:.1f}%"]
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                if c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.strata.setItem(r, c, item)
        self.strata.resizeColumnsToContents()
        self.strata.resizeRowsToContents()
        rows = sum(self.strata.rowHeight(r) for r in range(self.strata.rowCount()))
        self.strata.setFixedHeight(self.strata.horizontalHeader().height() + rows + 2 * self.strata.frameWidth() + 2)

    def _fill_problems(self) -> None:
        d = self._detail
        self.problems.clear()
        if d is None or d.status != "draft" or self._problems is None:
            self.problem_box.setVisible(d is not None and d.status == "draft")
            self.problem_note.setText(self.tr("Not checked yet: “Check” lists every rule the batch breaks."))
            self.problems.hide()
            return
        self.problem_box.show()
        self.problems.setVisible(bool(self._problems or self._warnings))
        if not self._problems:
            note = self.tr("No problem found: the batch can be locked.")
        else:
            note = self.tr("%1 problems block locking:").replace("%1", str(len(self._problems)))
        if self._warnings:
            note += " " + self.tr("%1 warnings (they do not block locking).").replace("%1", str(len(self._warnings)))
        if any(w.code == "matter_not_applicable" for w in self._warnings):
            note += " " + self.tr("“Edit…” can keep in the pool only the objects a chosen matter applies to.")
        self.problem_note.setText(note)
        for p in self._problems:
            self._add_problem(p, "")
        for p in self._warnings:
            self._add_problem(p, self.tr("Warning: "))

    def _add_problem(self, p: Problem, prefix: str) -> None:
        item = QListWidgetItem(f"{prefix}{problem_text(p, self._lang)}\n    — {rule_text(p.rule, self._lang)}")
        item.setData(Qt.ItemDataRole.UserRole, p.code)
        item.setToolTip(p.where)
        self.problems.addItem(item)

    def retranslate_ui(self) -> None:
        labels = {
            "edit": self.tr("Edit…"), "check": self.tr("Check"), "lock": self.tr("Lock the pool…"),
            "discard": self.tr("Discard batch…"), "draw": self.tr("Draw…"), "publish": self.tr("Publish"),
            "abandon": self.tr("Abandon batch…"),
            "notice_xlsx": self.tr("Notice (XLSX)…"), "notice_pdf": self.tr("Notice (PDF)…"),
            "results_xlsx": self.tr("Results notice (XLSX)…"), "results_pdf": self.tr("Results notice (PDF)…"),
            "record": self.tr("Export record…"), "verify": self.tr("Verify"), "map": self.tr("Show on map"),
        }
        for key, button in self.buttons.items():
            button.setText(labels[key])
        self.rules_box.setTitle(self.tr("Rules of the batch"))
        self.public_box.setTitle(self.tr("Published for verification"))
        self.problem_box.setTitle(self.tr("Check before locking"))
        self.strata_box.setTitle(self.tr("Pool and drawn by credit-risk class (internal)"))
        self.strata.setHorizontalHeaderLabels([self.tr("Class"), self.tr("Pool"), self.tr("Planned"),
                                               self.tr("Drawn"), self.tr("Ratio")])
        self._fill()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


def _table(rows) -> str:
    body = "".join(f"<tr><td style='padding-right:14px;color:#667;white-space:nowrap'>{html.escape(k)}</td>"
                   f"<td>{v}</td></tr>" for k, v in rows)
    return f"<table>{body}</table>"


def _local(when) -> str:
    return when.astimezone().strftime("%Y-%m-%d %H:%M:%S")
