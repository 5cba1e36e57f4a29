"""外部系统编码: other systems' service codes mapped to our matters, and the codes clues still wait with.

A 12345 hotline or a grid system sends its own service codes; a clue with an unknown code
waits unrouted in the center's queue. Mapping the code (once per system, or for ``*``
every system) routes the waiting clues at once and the later ones as they arrive.
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from core.feeds import foreign_codes
from core.feeds.foreign_codes import ANY_SYSTEM, ForeignCode, WaitingCode

from .feeds_dialogs import MapCodeDialog
from .feeds_table import Action, Column, RowTable, needs_row

_OLDEST = dt.datetime.min.replace(tzinfo=dt.timezone.utc)


def newest_first(rows: list[WaitingCode]) -> list[WaitingCode]:
    """The waiting codes, the one with the most recently received clue first."""
    def when(row: WaitingCode) -> dt.datetime:
        latest = row.latest
        if latest is None:
            return _OLDEST
        return latest if latest.tzinfo else latest.replace(tzinfo=dt.timezone.utc)
    return sorted(rows, key=when, reverse=True)


def _local(moment: dt.datetime | None) -> str:
    if moment is None:
        return "—"
    return (moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)).astimezone().strftime(
        "%Y-%m-%d %H:%M")


class ForeignCodesTab(QWidget):
    """The mapped codes above, the waiting ones below."""

    def __init__(self, page) -> None:
        super().__init__()
        self.page = page
        self.mapped = RowTable("feedsCodes", [
            Column(lambda: self.tr("Source system"), lambda r: r.source_system, 120),
            Column(lambda: self.tr("Service code"), lambda r: r.service_code, 110),
            Column(lambda: self.tr("Their name"), lambda r: r.service_name or "—", 180),
            Column(lambda: self.tr("Our matter"), lambda r: f"{r.matter_code}  {r.matter_name}")],
            (Action("new", self.new_dialog), Action("edit", self.edit_dialog, needs_row),
             Action("delete", self.delete_chosen, needs_row)),
            key=lambda r: (r.source_system, r.service_code))
        self.waiting = RowTable("feedsWaiting", [
            Column(lambda: self.tr("Source system"), lambda r: r.source_system or "—", 120),
            Column(lambda: self.tr("Service code"), lambda r: r.service_code, 110),
            Column(lambda: self.tr("Their name"), lambda r: r.service_name or "—", 180),
            Column(lambda: self.tr("Clues waiting"), lambda r: f"{r.clues:,}", 100),
            Column(lambda: self.tr("Newest received"), lambda r: _local(r.latest))],
            (Action("map", self.map_dialog, needs_row),),
            key=lambda r: (r.source_system, r.service_code))
        self.waiting.table.doubleClicked.connect(lambda _index: self.map_dialog())
        self.mapped.table.doubleClicked.connect(lambda _index: self.edit_dialog())
        splitter = QSplitter(Qt.Orientation.Vertical, objectName="feedsCodesSplitter")
        splitter.addWidget(self.waiting)
        splitter.addWidget(self.mapped)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def refresh(self) -> None:
        db = self.page.db
        self.page.run(lambda: foreign_codes.list_foreign_codes(db), self.mapped.set_rows)
        self.page.run(lambda: newest_first(foreign_codes.waiting_codes(db)), self.waiting.set_rows)

    def main_view(self):
        return self.waiting.table

    def fill(self) -> None:
        self.mapped.fill()
        self.waiting.fill()

    # ---- actions ----------------------------------------------------------------

    def map_dialog(self) -> MapCodeDialog | None:
        row: WaitingCode | None = self.waiting.chosen()
        if row is None:
            return None
        return self._open(MapCodeDialog(self._matters(), system=row.source_system or ANY_SYSTEM,
                                        code=row.service_code, name=row.service_name))

    def new_dialog(self) -> MapCodeDialog:
        return self._open(MapCodeDialog(self._matters()))

    def edit_dialog(self) -> MapCodeDialog | None:
        row: ForeignCode | None = self.mapped.chosen()
        if row is None:
            return None
        return self._open(MapCodeDialog(self._matters(), system=row.source_system, code=row.service_code,
                                        name=row.service_name, matter_code=row.matter_code))

    def map_code(self, values: dict) -> None:
        db, actor = self.page.db, self.page.actor

        def said(result) -> str:
            return self.tr("%1 %2 mapped to %3; %n waiting clue(s) routed.", "", result[1]).replace(
                "%1", values["system"]).replace("%2", values["service_code"]).replace("%3", values["matter_code"])
        self.page.change(lambda: foreign_codes.map_foreign_code(db, actor, **values), said)

    def delete_chosen(self, *, confirmed: bool = False) -> None:
        row: ForeignCode | None = self.mapped.chosen()
        if row is None:
            return
        system, code = row.source_system, row.service_code
        if not confirmed and not self.page.confirm(
                self.tr("Delete mapping"),
                self.tr("Forget that %1's code %2 means %3? New requests with it will wait unrouted again.")
                .replace("%1", system).replace("%2", code).replace("%3", row.matter_code)):
            return
        db, actor = self.page.db, self.page.actor
        self.page.change(lambda: foreign_codes.delete_foreign_code(db, actor, system=system, service_code=code),
                         self.tr("Mapping of %1 %2 deleted.").replace("%1", system).replace("%2", code))

    def _matters(self) -> list:
        page = self.page
        return [(m, f"{m.code}  {page.matter_name(m)} — {d.name(page.lang)}") for m, d in page.matters()]

    def _open(self, dialog: MapCodeDialog) -> MapCodeDialog:
        dialog.setParent(self, dialog.windowFlags())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.map_code(dialog.values()))
        dialog.open()
        return dialog

    def retranslate_ui(self) -> None:
        self.waiting.caption.setText(self.tr("Codes that clues wait with, unmapped, in the center's queue "
                                             "(newest first). Map one to route its clues."))
        self.waiting.set_button_texts({"map": self.tr("Map…")})
        self.mapped.caption.setText(self.tr("Mapped codes (system * holds for every system)."))
        self.mapped.set_button_texts({"new": self.tr("New mapping…"), "edit": self.tr("Change…"),
                                      "delete": self.tr("Delete…")})
        self.fill()
