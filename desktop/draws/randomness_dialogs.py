"""Where the randomness comes from: fixed when a batch is locked, supplied when it is drawn.

:class:`LockDialog` chooses RFC 3797 public sources (announced now, entered after the
pool is frozen) or a seed generated here whose SHA-256 commitment is published with the
pool hash. :class:`DrawDialog` takes the source values or the revealed seed and checks
them as they are typed: the key the sources make, or whether the seed matches.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from core.draws import check_commitment, commit, key_string, new_seed, parse_source

SEED_MAX_BYTES = 4096


@dataclass(frozen=True)
class LockChoice:
    kind: str                 # "rfc3797" | "seed"
    announcement: str         # which public sources, when (RFC 3797); may note where the seed is kept
    commitment: str | None    # SHA-256 of the seed (seed draws)
    seed: str | None          # the seed itself, for the operator to keep; never sent to the database here


def _mono(widget: QWidget) -> None:
    widget.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))


def _state(label: QLabel, ok: bool, text: str) -> None:
    label.setText(text)
    label.setProperty("kind", "success" if ok else "error")
    label.setStyleSheet(f"color: {'#1b7f3b' if ok else '#b3261e'}")


class LockDialog(QDialog):
    """Choose the randomness of a batch before its pool is frozen."""

    def __init__(self, batch_title: str, pool_count: int | None, *, make_seed: Callable[[], str] = new_seed,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drawLockDialog")
        self.setWindowTitle(self.tr("Lock the pool of %1").replace("%1", batch_title))
        self.resize(720, 480)
        self._make_seed = make_seed
        count = "?" if pool_count is None else f"{pool_count:,}"
        intro = QLabel(self.tr("Locking freezes the pool (%1 entities) and the rules of this batch. Their SHA-256 "
                               "hash is published before any randomness is known. A locked batch cannot be "
                               "edited.").replace("%1", count), wordWrap=True)
        self.rfc_radio = QRadioButton(self.tr("Public random sources (RFC 3797), entered after locking"),
                                      objectName="lockRfc", checked=True)
        self.seed_radio = QRadioButton(self.tr("A seed generated here: its commitment is published now and the "
                                               "seed revealed at the draw"), objectName="lockSeed")
        self.announcement = QPlainTextEdit(objectName="lockAnnouncement")
        self.announcement.setPlaceholderText(self.tr("Which public sources, drawn when: e.g. the welfare lottery "
                                                     "results of 2027-03-02 and the Shanghai index close of that day"))
        rfc_page = QWidget()
        rfc_layout = QVBoxLayout(rfc_page)
        rfc_layout.setContentsMargins(0, 0, 0, 0)
        rfc_layout.addWidget(QLabel(self.tr("Announce the sources now, in the order they will be used. They must "
                                            "be published after this moment and by someone outside the center."),
                                    wordWrap=True))
        rfc_layout.addWidget(self.announcement)
        self.seed_edit = QLineEdit(objectName="lockSeedValue", readOnly=True)
        self.commitment_edit = QLineEdit(objectName="lockCommitment", readOnly=True)
        for edit in (self.seed_edit, self.commitment_edit):
            _mono(edit)
        regenerate = QPushButton(self.tr("New seed"), objectName="lockNewSeed")
        regenerate.clicked.connect(self._new_seed)
        copy = QPushButton(self.tr("Copy seed"), objectName="lockCopySeed")
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.seed_edit.text()))
        save = QPushButton(self.tr("Save seed to file…"), objectName="lockSaveSeed")
        save.clicked.connect(self._save_seed)
        self.kept = QCheckBox(self.tr("I have kept the seed safely. It is not stored until the draw; without it "
                                      "the batch cannot be drawn."), objectName="lockSeedKept")
        seed_row = QHBoxLayout()
        seed_row.addWidget(self.seed_edit, 1)
        seed_row.addWidget(regenerate)
        seed_row.addWidget(copy)
        seed_row.addWidget(save)
        seed_page = QWidget()
        seed_layout = QVBoxLayout(seed_page)
        seed_layout.setContentsMargins(0, 0, 0, 0)
        seed_layout.addWidget(QLabel(self.tr("Seed (secret until the draw)")))
        seed_layout.addLayout(seed_row)
        seed_layout.addWidget(QLabel(self.tr("Commitment = SHA-256 of the seed (published now)")))
        seed_layout.addWidget(self.commitment_edit)
        seed_layout.addWidget(self.kept)
        seed_layout.addStretch(1)
        self.pages = QStackedWidget()
        self.pages.addWidget(rfc_page)
        self.pages.addWidget(seed_page)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.lock_button = self.buttons.addButton(self.tr("Lock"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.lock_button.setObjectName("lockConfirm")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.rfc_radio)
        layout.addWidget(self.seed_radio)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.buttons)
        self.rfc_radio.toggled.connect(self._sync)
        self.announcement.textChanged.connect(self._sync)
        self.kept.toggled.connect(self._sync)
        self._sync()

    def choice(self) -> LockChoice:
        if self.rfc_radio.isChecked():
            return LockChoice("rfc3797", self.announcement.toPlainText().strip(), None, None)
        seed = self.seed_edit.text()
        return LockChoice("seed", "", commit(seed), seed)

    def _sync(self) -> None:
        seed = self.seed_radio.isChecked()
        self.pages.setCurrentIndex(1 if seed else 0)
        if seed and not self.seed_edit.text():
            self._new_seed()
        ready = self.kept.isChecked() if seed else bool(self.announcement.toPlainText().strip())
        self.lock_button.setEnabled(ready)

    def _new_seed(self) -> None:
        seed = self._make_seed()
        self.seed_edit.setText(seed)
        self.commitment_edit.setText(commit(seed))
        self.kept.setChecked(False)

    def _save_seed(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the seed"), str(Path(folder) / "draw-seed.txt"),
                                              self.tr("Text files (*.txt)"))
        if not path:
            return
        try:
            Path(path).write_text(self.seed_edit.text() + "\n", encoding="utf-8")
        except OSError as error:
            QMessageBox.warning(self, self.tr("Seed not saved"),
                                self.tr("%1 could not be written: %2").replace("%1", path).replace("%2", str(error)))


class DrawDialog(QDialog):
    """Enter the public source values (one source per line) or the revealed seed."""

    def __init__(self, batch_title: str, kind: str, *, announcement: str = "", commitment: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drawDrawDialog")
        self.setWindowTitle(self.tr("Draw %1").replace("%1", batch_title))
        self.resize(720, 440 if kind == "rfc3797" else 240)
        self._kind, self._commitment = kind, commitment
        self.sources = QPlainTextEdit(objectName="drawSources")
        self.seed = QLineEdit(objectName="drawSeed")
        self.state = QLabel(objectName="drawInputState", wordWrap=True)
        for widget in (self.sources, self.seed):
            _mono(widget)
        layout = QVBoxLayout(self)
        if kind == "rfc3797":
            layout.addWidget(QLabel(self.tr("Announced when the pool was locked:")))
            shown = QLabel(announcement or "—", wordWrap=True, objectName="drawAnnouncement")
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(shown)
            layout.addWidget(QLabel(self.tr("Enter each source's published values on its own line, in the "
                                            "announced order (e.g. “2 5 12 8 10”):"), wordWrap=True))
            layout.addWidget(self.sources, 1)
            self.sources.textChanged.connect(self._sync)
        else:
            layout.addWidget(QLabel(self.tr("Commitment published when the pool was locked:")))
            shown = QLineEdit(commitment, readOnly=True, objectName="drawCommitment")
            _mono(shown)
            layout.addWidget(shown)
            layout.addWidget(QLabel(self.tr("Reveal the seed:")))
            row = QHBoxLayout()
            row.addWidget(self.seed, 1)
            load = QPushButton(self.tr("Load from file…"), objectName="drawLoadSeed")
            load.clicked.connect(self._load_seed)
            row.addWidget(load)
            layout.addLayout(row)
            layout.addStretch(1)
            self.seed.textChanged.connect(self._sync)
        layout.addWidget(self.state)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.draw_button = self.buttons.addButton(self.tr("Draw"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.draw_button.setObjectName("drawConfirm")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._sync()

    def source_lines(self) -> list[str]:
        return [line.strip() for line in self.sources.toPlainText().splitlines() if line.strip()]

    def seed_text(self) -> str:
        return self.seed.text().strip()

    def _sync(self) -> None:
        if self._kind == "rfc3797":
            lines = self.source_lines()
            if not lines:
                ok, text = False, self.tr("No source entered yet.")
            else:
                try:
                    key = key_string([parse_source(line) for line in lines])
                    ok, text = True, self.tr("Key: %1").replace("%1", key)
                except (TypeError, ValueError) as error:
                    ok, text = False, self.tr("Not usable: %1").replace("%1", str(error))
        else:
            seed = self.seed_text()
            ok = bool(seed) and check_commitment(seed, self._commitment)
            text = (self.tr("The seed matches the published commitment.") if ok else
                    self.tr("No seed entered yet.") if not seed else
                    self.tr("This seed does not match the published commitment."))
        _state(self.state, ok, text)
        self.draw_button.setEnabled(ok)

    def _load_seed(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Load the seed"), folder, self.tr("Text files (*.txt)"))
        if not path:
            return
        try:
            data = Path(path).read_bytes()[:SEED_MAX_BYTES].decode("utf-8")
        except (OSError, UnicodeDecodeError) as error:
            _state(self.state, False, self.tr("%1 could not be read: %2").replace("%1", path).replace("%2", str(error)))
            return
        self.seed.setText(data.strip())
