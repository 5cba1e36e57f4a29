"""The clue desk's refusals from the core, worded by their code in the UI language.

The core refuses with a :class:`~core.errors.ValidationError` carrying a ``code`` and
``params``; the sentence is the desktop's own (the catalogue holds the Chinese). A message
whose code is not in the table yet falls back to the core's bilingual text, split.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from core.clues import ACTIONS, state_name
from core.errors import TongguanError
from desktop.bilingual import in_language

# code -> English source; placeholders {name} are filled from the error's params
REFUSAL_WORDS = {
    "clue.illegal_transition": QT_TRANSLATE_NOOP(
        "ClueRefusals", "A clue in the state “{state}” cannot be given “{action}”; allowed: {allowed}."),
    "clue.unknown_action": QT_TRANSLATE_NOOP("ClueRefusals", "There is no clue action “{action}”."),
    "clue.needs_note": QT_TRANSLATE_NOOP("ClueRefusals", "“{action}” needs a reason or a result in words."),
    "clue.needs_department": QT_TRANSLATE_NOOP("ClueRefusals", "“{action}” needs a department."),
    "clue.same_department": QT_TRANSLATE_NOOP(
        "ClueRefusals", "A return or a transfer names another department."),
    "clue.bad_original": QT_TRANSLATE_NOOP(
        "ClueRefusals", "A duplicate links to an original clue: not itself, not another duplicate."),
    "case.not_handling": QT_TRANSLATE_NOOP(
        "ClueRefusals", "Only a claimed clue, or one being handled, can become a case."),
    "case.needs_entity": QT_TRANSLATE_NOOP("ClueRefusals", "A case needs the market entity and the department."),
    "case.not_found": QT_TRANSLATE_NOOP("ClueRefusals", "Case {case} does not exist."),
    "case.not_filed": QT_TRANSLATE_NOOP("ClueRefusals", "Only a filed case not yet decided can be decided."),
    "case.decided_before_filing": QT_TRANSLATE_NOOP("ClueRefusals", "A decision cannot precede the filing."),
}


def _action(key: object, lang: str) -> str:
    action = ACTIONS.get(str(key))
    if action is None:
        return str(key)
    return action.name_zh if lang.startswith("zh") else action.name_en


def _state(state: object, lang: str) -> str:
    try:
        return state_name(str(state), lang)
    except ValueError:
        return str(state)


def _params(error: TongguanError, lang: str) -> dict[str, str]:
    """The error's params in words: states and actions named in ``lang``, lists joined as it joins them."""
    words = {k: str(v) for k, v in error.params.items()}
    if "state" in error.params:
        words["state"] = _state(error.params["state"], lang)
    if "action" in error.params:
        words["action"] = _action(error.params["action"], lang)
    if "allowed" in error.params:
        names = [_action(a, lang) for a in error.params["allowed"]]   # type: ignore[attr-defined]
        words["allowed"] = (QCoreApplication.translate("ClueRefusals", ", ").join(names) if names
                            else QCoreApplication.translate("ClueRefusals", "none"))
    return words


def is_worded(error: TongguanError) -> bool:
    """Whether the desktop words ``error`` itself (its code is in the table)."""
    return error.code in REFUSAL_WORDS


def refusal_text(error: TongguanError, lang: str) -> str:
    """``error``'s sentence in the UI language: from the table by code, else the core's text split."""
    source = REFUSAL_WORDS.get(error.code)
    if source is None:
        return in_language(error.message, lang)
    return QCoreApplication.translate("ClueRefusals", source).format(**_params(error, lang))
