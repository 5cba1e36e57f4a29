"""接口密钥: the API keys of the source systems that push Open311 requests.

The list never holds a key, only its prefix; a new key is shown once, in its own dialog.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from core.feeds import api_keys
from core.feeds.api_keys import KeyRow

from .feeds_key_dialogs import KeyShownDialog, NewKeyDialog
from .feeds_table import Action, Column, RowTable


def _active(row: KeyRow | None) -> bool:
    return row is not None and not row.revoked


class ApiKeysTab(QWidget):
    """Keys per system: New key…, Revoke…."""

    key_shown = Signal(object)  # the KeyShownDialog (tests read the key from it)

    def __init__(self, page) -> None:
        super().__init__()
        self.page = page
        self.view = RowTable("feedsKeys", [
            Column(lambda: self.tr("Source system"), lambda r: r.source_system, 140),
            Column(lambda: self.tr("Key begins"), lambda r: f"{r.prefix}…", 150),
            Column(lambda: self.tr("Created"), lambda r: r.created_at.replace("T", " ")[:16], 150),
            Column(lambda: self.tr("Created by"), lambda r: r.created_by, 120),
            Column(lambda: self.tr("State"), lambda r: self.tr("revoked") if r.revoked else self.tr("active"))],
            (Action("new", self.new_dialog), Action("revoke", self.revoke_chosen, _active)),
            key=lambda r: r.id, parent=self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)

    def rows(self) -> list[KeyRow]:
        return self.view.rows()

    def main_view(self):
        return self.view.table

    def refresh(self) -> None:
        db = self.page.db
        self.page.run(lambda: api_keys.list_keys(db), self.view.set_rows)

    def fill(self) -> None:
        self.view.fill()

    def new_dialog(self) -> NewKeyDialog:
        dialog = NewKeyDialog([r.source_system for r in self.view.rows()])
        dialog.setParent(self, dialog.windowFlags())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.create(dialog.values()["system"]))
        dialog.open()
        return dialog

    def create(self, system: str) -> None:
        db, actor = self.page.db, self.page.actor

        def said(key: str) -> str:
            self._show_key(system, key)
            return self.tr("A new key for %1 was made; copy it from the dialog.").replace("%1", system)
        self.page.change(lambda: api_keys.create_key(db, actor, system), said)

    def revoke_chosen(self, *, confirmed: bool = False) -> None:
        row: KeyRow | None = self.view.chosen()
        if not _active(row):
            return
        system, prefix = row.source_system, row.prefix
        if not confirmed and not self.page.confirm(
                self.tr("Revoke key"),
                self.tr("Revoke %1's key %2…? Requests sent with it are refused from now on.")
                .replace("%1", system).replace("%2", prefix)):
            return
        db, actor = self.page.db, self.page.actor
        self.page.change(lambda: api_keys.revoke_keys(db, actor, system, prefix),
                         self.tr("Key %2… of %1 revoked.").replace("%1", system).replace("%2", prefix))

    def _show_key(self, system: str, key: str) -> None:
        dialog = KeyShownDialog(system, key, self)
        dialog.open()
        self.key_shown.emit(dialog)

    def retranslate_ui(self) -> None:
        self.view.caption.setText(self.tr("Each system that pushes Open311 requests signs them with its own key. "
                                          "Only the beginning of a key is listed; the key itself is shown once, "
                                          "when it is made."))
        self.view.set_button_texts({"new": self.tr("New key…"), "revoke": self.tr("Revoke…")})
        self.view.fill()
