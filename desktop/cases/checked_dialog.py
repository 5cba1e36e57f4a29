"""A dialog that stays open, saying in red what is still missing, until its form is complete."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel

from .words import OVERDUE_COLOR


class CheckedDialog(QDialog):
    """Subclasses say what is missing in :meth:`missing` ("" when complete)."""

    def problem_label(self, name: str) -> QLabel:
        """The hidden red label :meth:`accept` fills; call once, then place it in the layout."""
        self.problem = QLabel(objectName=name, wordWrap=True)
        self.problem.setStyleSheet(f"color: {OVERDUE_COLOR}")
        self.problem.hide()
        return self.problem

    def missing(self) -> str:
        return ""

    def accept(self) -> None:
        problem = self.missing()
        if problem:
            self.problem.setText(problem)
            self.problem.show()
            return
        super().accept()
