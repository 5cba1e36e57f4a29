"""One wording of the core's permission refusals for every workspace, in the UI language.

The core refuses with :class:`~core.errors.PermissionDenied` naming the permission of the
table in ``core.rights`` (and the data scope it failed); the words live here only.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from core.errors import PermissionDenied

CONTEXT = "Refusals"
PERMISSION_WORDS = {
    "clue.read": QT_TRANSLATE_NOOP("Refusals", "see this clue"),
    "clue.intake": QT_TRANSLATE_NOOP("Refusals", "register or add to this clue"),
    "clue.route": QT_TRANSLATE_NOOP("Refusals", "route, close or reopen clues"),
    "clue.handle": QT_TRANSLATE_NOOP("Refusals", "handle this clue"),
    "case.handle": QT_TRANSLATE_NOOP("Refusals", "file or decide this case"),
    "case.clock": QT_TRANSLATE_NOOP("Refusals", "extend or pause this case"),
    "push.read": QT_TRANSLATE_NOOP("Refusals", "see these pushes"),
    "push.claim": QT_TRANSLATE_NOOP("Refusals", "claim or return this push"),
    "commitment.verify": QT_TRANSLATE_NOOP("Refusals", "verify this commitment"),
    "routing.manage": QT_TRANSLATE_NOOP("Refusals", "change the routing rules"),
    "entity.read": QT_TRANSLATE_NOOP("Refusals", "see market entities"),
    "entity.tag": QT_TRANSLATE_NOOP("Refusals", "tag market entities"),
    "entity.locate": QT_TRANSLATE_NOOP("Refusals", "move a market entity"),
    "tag.manage": QT_TRANSLATE_NOOP("Refusals", "create tags"),
    "risk.read": QT_TRANSLATE_NOOP("Refusals", "see risk classes"),
    "draw.read": QT_TRANSLATE_NOOP("Refusals", "see this draw"),
    "draw.plan": QT_TRANSLATE_NOOP("Refusals", "plan draws"),
    "draw.run": QT_TRANSLATE_NOOP("Refusals", "lock, draw or publish batches"),
    "draw.result": QT_TRANSLATE_NOOP("Refusals", "record results of this inspection"),
    "wall.push": QT_TRANSLATE_NOOP("Refusals", "push views to the wall"),
    "efficiency.read": QT_TRANSLATE_NOOP("Refusals", "see the efficiency watch"),
    "audit.record": QT_TRANSLATE_NOOP("Refusals", "do this"),
    "users.manage": QT_TRANSLATE_NOOP("Refusals", "manage users"),
    "session.actor": QT_TRANSLATE_NOOP("Refusals", "act under this name"),
    "credit.manage": QT_TRANSLATE_NOOP("Refusals", "score the city or move credit listings"),
    "credit.repair": QT_TRANSLATE_NOOP("Refusals", "repair this credit record"),
    "credit.rules": QT_TRANSLATE_NOOP("Refusals", "change the credit rules"),
    "data.export": QT_TRANSLATE_NOOP("Refusals", "export data"),
    "data.import": QT_TRANSLATE_NOOP("Refusals", "import data"),
    "feeds.import": QT_TRANSLATE_NOOP("Refusals", "take in this feed"),
    "feeds.manage": QT_TRANSLATE_NOOP("Refusals", "set up the data feeds"),
    "geo.manage": QT_TRANSLATE_NOOP("Refusals", "change the city's boundaries"),
    "report.leadership": QT_TRANSLATE_NOOP("Refusals", "produce the leadership report"),
    "warning.read": QT_TRANSLATE_NOOP("Refusals", "see early warnings"),
    "warning.review": QT_TRANSLATE_NOOP("Refusals", "review early warnings"),
    "warning.train": QT_TRANSLATE_NOOP("Refusals", "train the warning model"),
}
SCOPE_WORDS = {
    "dept": QT_TRANSLATE_NOOP("Refusals", "It belongs to another department."),
    "joint": QT_TRANSLATE_NOOP("Refusals", "Your department takes no part in it."),
    "town": QT_TRANSLATE_NOOP("Refusals", "It is outside your town's grid."),
}


def refusal_text(error: PermissionDenied) -> str:
    """"You are not allowed to …" for ``error``, with why when the data was another's."""
    tr = QCoreApplication.translate
    words = PERMISSION_WORDS.get(error.permission)
    # Literal contexts below, not CONTEXT: lupdate collects only calls it can read.
    text = QCoreApplication.translate("Refusals", "You are not allowed to {permission}.").format(
        permission=tr(CONTEXT, words) if words else error.permission)
    if error.permission == "session.actor":
        return QCoreApplication.translate("Refusals", "{actor} is no active user or system account.").format(
            actor=error.actor or "")
    scope = SCOPE_WORDS.get(str(error.params.get("scope", "")))
    if not scope:
        return text
    # Sentences join with a space in English, with none in Chinese.
    return QCoreApplication.translate("Refusals", "{refusal} {why}").format(refusal=text, why=tr(CONTEXT, scope))
