"""Small dialogs of the map workspace: wall title, draw-pool choice (the base map: tile_dialog.py)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")


def ask_wall_title(parent: QWidget, default: str) -> str | None:
    """The caption the wall shows for a pushed view; None when cancelled."""
    title, ok = QInputDialog.getText(parent, translate("MapDialogs", "Push to wall"),
                                     translate("MapDialogs", "The wall will show this view with the caption:"),
                                     QLineEdit.EchoMode.Normal, default)
    return title.strip() if ok and title.strip() else None


def ask_draft_batch(parent: QWidget, batches, count: int) -> int | None:
    """Which draft batch gets the selection as its pool; None when cancelled."""
    names = [f"{b.plan_name} · {b.name}" + (f" ({b.pool_count:,})" if b.pool_count else "") for b in batches]
    prompt = translate("MapDialogs", "Use the %1 selected entities as the pool of inspection objects of:").replace(
        "%1", f"{count:,}")
    name, ok = QInputDialog.getItem(parent, translate("MapDialogs", "Use as draw pool"), prompt, names, 0, False)
    if not ok or name not in names:
        return None
    return batches[names.index(name)].id
