"""The dialog sequences of dual tagging: pick tags, confirm a bulk change, create a tag, move a point.

Every dialog opens with ``open()`` (window-modal, not blocking), so the flow is a chain
of signal handlers; the last step calls :class:`EntityOperations`. The outcome shows
in the workspace's message bar, with an Undo action after a tag change.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QLocale, QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from core.services.tagging import LocationChange, TagChange, TagInfo

from .errors import show_error
from .location_dialog import LocationDialog
from .message_bar import MessageBar
from .operations import EntityOperations
from .tag_dialogs import NewTag, NewTagDialog, TagPickerDialog

IdsProvider = Callable[[Callable[[Sequence[int]], None]], None]
"""Calls back with the entity ids to change (possibly after fetching them in a worker)."""


class TaggingFlow(QObject):
    """Runs the tagging dialogs over ``parent`` and reports in ``message_bar``."""

    tags_applied = Signal(object)  # TagChange
    tags_undone = Signal(object)  # TagChange
    tag_created = Signal(object)  # TagInfo
    location_saved = Signal(object)  # LocationChange

    def __init__(self, operations: EntityOperations, message_bar: MessageBar, parent: QWidget) -> None:
        super().__init__(parent)
        self._ops, self._bar, self._parent = operations, message_bar, parent
        self._tags: tuple[TagInfo, ...] = ()
        self._lang = "zh_CN"
        self.picker: TagPickerDialog | None = None
        self.new_tag_dialog: NewTagDialog | None = None
        self.location_dialog: LocationDialog | None = None
        self.confirm_box: QMessageBox | None = None

    def set_tags(self, tags: tuple[TagInfo, ...], lang: str) -> None:
        self._tags, self._lang = tags, lang

    # ---- tags -----------------------------------------------------------

    def start(self, action: str, count: int, ids: IdsProvider, *, subject: str = "",
              offered: Sequence[int] | None = None) -> TagPickerDialog:
        """Ask which tags to add/remove for ``count`` entities, confirm if several, then apply.

        ``offered`` limits the choice (e.g. to the tags one entity carries, for removal).
        """
        tags = self._tags if offered is None else tuple(t for t in self._tags if t.id in set(offered))
        picker = TagPickerDialog(tags, self._lang, action=action, entity_count=count, subject=subject,
                                 parent=self._parent)
        picker.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        picker.new_tag_requested.connect(self.open_new_tag)
        picker.accepted.connect(lambda: self._on_picker_accepted(action, count, ids, picker.selected_ids()))
        picker.destroyed.connect(lambda: setattr(self, "picker", None))
        self.picker = picker
        picker.open()
        return picker

    def apply(self, action: str, entity_ids: Sequence[int], tag_ids: Sequence[int]) -> None:
        """Change tags without asking (the dialogs end here)."""
        self._ops.change_tags(action, entity_ids, tag_ids,
                              on_done=lambda change: self._on_tags_done(change, tag_ids),
                              on_error=lambda error: show_error(self._parent, self.tr("Tags not changed"), error))

    def undo(self, change: TagChange) -> None:
        self._ops.undo(change, on_done=self._on_undo_done,
                       on_error=lambda error: show_error(self._parent, self.tr("Undo failed"), error))

    def _on_picker_accepted(self, action: str, count: int, ids: IdsProvider, tag_ids: tuple[int, ...]) -> None:
        if not tag_ids:
            return
        if count <= 1:
            ids(lambda entity_ids: self.apply(action, entity_ids, tag_ids))
            return
        names = self._names(tag_ids)
        question = (self.tr("Add {tags} to {count} entities?") if action == "add"
                    else self.tr("Remove {tags} from {count} entities?"))
        text = question.format(tags=names, count=QLocale().toString(count))
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Change tags of several entities"), text,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self._parent)
        box.setObjectName("bulkTagConfirm")
        box.setInformativeText(self.tr("Every change is recorded in the audit log and can be undone "
                                       "right afterwards."))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def on_button_clicked(button) -> None:
            if box.standardButton(button) == QMessageBox.StandardButton.Yes:
                ids(lambda entity_ids: self.apply(action, entity_ids, tag_ids))

        box.buttonClicked.connect(on_button_clicked)
        box.destroyed.connect(lambda: setattr(self, "confirm_box", None))
        self.confirm_box = box
        box.open()

    def _on_tags_done(self, change: TagChange, tag_ids: Sequence[int]) -> None:
        names = self._names(tag_ids)
        count = QLocale().toString(change.entity_count)
        if not change.pairs:
            self._bar.show_message(self.tr("Nothing changed: the entities already had (or lacked) {tags}.")
                                   .format(tags=names))
        elif change.action == "add":
            self._bar.show_message(self.tr("Added {tags} to {count} entities.").format(tags=names, count=count),
                                   kind="success", action=self.tr("Undo"), callback=lambda: self.undo(change))
        else:
            self._bar.show_message(self.tr("Removed {tags} from {count} entities.").format(tags=names, count=count),
                                   kind="success", action=self.tr("Undo"), callback=lambda: self.undo(change))
        self.tags_applied.emit(change)

    def _on_undo_done(self, change: TagChange) -> None:
        self._bar.show_message(self.tr("Undone: {count} entities are as they were.").format(
            count=QLocale().toString(change.entity_count)))
        self.tags_undone.emit(change)

    def _names(self, tag_ids: Sequence[int]) -> str:
        by_id = {t.id: t for t in self._tags}
        names = [(by_id[i].name_en if self._lang == "en" else by_id[i].name_zh) if i in by_id else f"#{i}"
                 for i in tag_ids]
        return "“" + "”、“".join(names) + "”" if self._lang != "en" else ", ".join(f"“{n}”" for n in names)

    # ---- new tag --------------------------------------------------------

    def open_new_tag(self) -> NewTagDialog:
        dialog = NewTagDialog(self.picker or self._parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.submitted.connect(lambda tag: self._on_new_tag_submitted(dialog, tag))
        dialog.destroyed.connect(lambda: setattr(self, "new_tag_dialog", None))
        self.new_tag_dialog = dialog
        dialog.open()
        return dialog

    def _on_new_tag_submitted(self, dialog: NewTagDialog, tag: NewTag) -> None:
        def done(info: TagInfo) -> None:
            self._tags = (*self._tags, info)
            if self.picker is not None:
                self.picker.add_tag(info, checked=True)
            self._bar.show_message(self.tr("Created the tag “{name}”.").format(
                name=info.name_en if self._lang == "en" else info.name_zh), kind="success")
            self.tag_created.emit(info)
            dialog.accept()

        self._ops.create_tag(tag, on_done=done, on_error=dialog.show_error)

    # ---- location -------------------------------------------------------

    def open_location(self, entity_id: int, name: str, lat: float, lng: float) -> LocationDialog:
        dialog = LocationDialog(name, lat, lng, self._parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.submitted.connect(lambda la, ln, system: self._ops.set_location(
            entity_id, la, ln, system, on_done=lambda change: self._on_location_done(dialog, name, change),
            on_error=dialog.show_error))
        dialog.destroyed.connect(lambda: setattr(self, "location_dialog", None))
        self.location_dialog = dialog
        dialog.open()
        return dialog

    def _on_location_done(self, dialog: LocationDialog, name: str, change: LocationChange) -> None:
        self._bar.show_message(self.tr("Moved {name} to {lat:.6f}, {lng:.6f} (WGS-84).").format(
            name=name, lat=change.new[0], lng=change.new[1]), kind="success")
        self.location_saved.emit(change)
        dialog.accept()
