"""The registration feed's two lists: permits and their approving departments, and the commitment
catalogue (告知承诺事项清单). Both add, edit and delete rows keyed by a code, the same way; they
differ in their columns, dialog and core calls.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from core.feeds import mapping
from core.feeds.mapping import CatalogueRow, PermitRow

from .feeds_dialogs import CatalogueDialog, FormDialog, PermitDialog
from .feeds_table import Action, Column, RowTable, needs_row


class _MappingTab(QWidget):
    """A table of coded rows with New…, Edit… and Delete…; subclasses name the rest."""

    NAME = ""

    def __init__(self, page) -> None:
        super().__init__()
        self.page = page
        self.view = RowTable(self.NAME, self.columns(), (
            Action("new", self.new_dialog), Action("edit", self.edit_dialog, needs_row),
            Action("delete", self.delete_chosen, needs_row)), key=self.code_of, parent=self)
        self.view.table.doubleClicked.connect(lambda _index: self.edit_dialog())
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)

    # ---- what a subclass says -------------------------------------------------

    def columns(self) -> list[Column]:
        raise NotImplementedError

    def code_of(self, row) -> str:
        raise NotImplementedError

    def dialog(self, row) -> FormDialog:
        raise NotImplementedError

    def save_call(self, values: dict) -> Callable[[], object]:
        raise NotImplementedError

    def delete_call(self, code: str) -> Callable[[], object]:
        raise NotImplementedError

    def list_call(self) -> Callable[[], list]:
        raise NotImplementedError

    def words(self) -> dict[str, str]:
        """Caption, button texts and the messages (with %1 for the code)."""
        raise NotImplementedError

    # ---- shared ---------------------------------------------------------------

    def refresh(self) -> None:
        self.page.run(self.list_call(), self.view.set_rows)

    def fill(self) -> None:
        self.view.fill()

    def rows(self) -> list:
        return self.view.rows()

    def main_view(self):
        return self.view.table

    def new_dialog(self) -> FormDialog:
        return self._open(self.dialog(None))

    def edit_dialog(self) -> FormDialog | None:
        row = self.view.chosen()
        return None if row is None else self._open(self.dialog(row))

    def save(self, values: dict) -> None:
        code = values.get("permit_code") or values.get("code") or ""
        self.page.change(self.save_call(values), self.words()["saved"].replace("%1", code))

    def delete_chosen(self, *, confirmed: bool = False) -> None:
        row = self.view.chosen()
        if row is None:
            return
        words, code = self.words(), self.code_of(row)
        if not confirmed and not self.page.confirm(words["delete_title"], words["delete_question"].replace("%1", code)):
            return
        self.page.change(self.delete_call(code), words["deleted"].replace("%1", code))

    def _open(self, dialog: FormDialog) -> FormDialog:
        dialog.setParent(self, dialog.windowFlags())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.save(dialog.values()))
        dialog.open()
        return dialog

    def retranslate_ui(self) -> None:
        words = self.words()
        self.view.caption.setText(words["caption"])
        # Literal context: tr() in a base class would look the words up under the subclass's name.
        self.view.set_button_texts({"new": words["new"], "edit": QCoreApplication.translate("FeedsPage", "Edit…"),
                                    "delete": QCoreApplication.translate("FeedsPage", "Delete…")})
        self.view.fill()


class PermitsTab(_MappingTab):
    """许可事项与审批部门: which department approves each permit."""

    NAME = "feedsPermits"

    def columns(self) -> list[Column]:
        return [Column(lambda: self.tr("Permit code"), lambda r: r.permit_code, 130),
                Column(lambda: self.tr("Permit name"), lambda r: r.permit_name, 220),
                Column(lambda: self.tr("Approving department"),
                       lambda r: self.page.department_name(r.department_id, r.department), 200),
                Column(lambda: self.tr("Words in a business scope"), lambda r: " | ".join(r.keywords))]

    def code_of(self, row: PermitRow) -> str:
        return row.permit_code

    def dialog(self, row: PermitRow | None) -> FormDialog:
        return PermitDialog(self.page.departments, self.page.lang, row)

    def list_call(self):
        db = self.page.db
        return lambda: mapping.list_permits(db)

    def save_call(self, values: dict):
        db, actor = self.page.db, self.page.actor
        return lambda: mapping.save_permit(db, actor, **values)

    def delete_call(self, code: str):
        db, actor = self.page.db, self.page.actor
        return lambda: mapping.delete_permit(db, actor, code)

    def words(self) -> dict[str, str]:
        return {"caption": self.tr("A registration whose business scope names a permit is pushed to the department "
                                   "that approves it (double notification); unmapped permits go to the shared queue."),
                "new": self.tr("New permit…"), "saved": self.tr("Permit %1 saved."),
                "delete_title": self.tr("Delete permit"),
                "delete_question": self.tr("Delete the mapping of permit %1? Its registrations then go to the "
                                           "shared queue."),
                "deleted": self.tr("Permit %1 deleted.")}


class CatalogueTab(_MappingTab):
    """告知承诺事项: the matters handled by notification and commitment."""

    NAME = "feedsCatalogue"

    def columns(self) -> list[Column]:
        return [Column(lambda: self.tr("Code"), lambda r: r.code, 110),
                Column(lambda: self.tr("Name"), lambda r: r.name, 200),
                Column(lambda: self.tr("Verifying department"),
                       lambda r: self.page.department_name(r.department_id, r.department), 180),
                Column(lambda: self.tr("Days to fulfil"), lambda r: str(r.fulfil_days), 110),
                Column(lambda: self.tr("Working days to verify"), lambda r: str(r.verify_working_days), 160),
                Column(lambda: self.tr("Verification standard"), lambda r: r.verification_standard)]

    def code_of(self, row: CatalogueRow) -> str:
        return row.code

    def dialog(self, row: CatalogueRow | None) -> FormDialog:
        return CatalogueDialog(self.page.departments, self.page.lang, row)

    def list_call(self):
        db = self.page.db
        return lambda: mapping.list_catalogue(db)

    def save_call(self, values: dict):
        db, actor = self.page.db, self.page.actor
        return lambda: mapping.save_catalogue_matter(db, actor, **values)

    def delete_call(self, code: str):
        db, actor = self.page.db, self.page.actor
        return lambda: mapping.delete_catalogue_matter(db, actor, code)

    def words(self) -> dict[str, str]:
        return {"caption": self.tr("A registration whose business scope names a matter of this catalogue opens a "
                                   "commitment verification with these terms."),
                "new": self.tr("New matter…"), "saved": self.tr("Catalogue matter %1 saved."),
                "delete_title": self.tr("Delete catalogue matter"),
                "delete_question": self.tr("Take matter %1 off the catalogue? Commitments already opened stay."),
                "deleted": self.tr("Catalogue matter %1 deleted.")}
