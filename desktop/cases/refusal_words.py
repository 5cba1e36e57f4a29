"""The clue desk's refusals from the core, worded by their code in the UI language.

The core refuses with a :class:`~core.errors.ValidationError` carrying a ``code`` and
``params``; the sentence is the desktop's own (the catalogue holds the Chinese). A message
whose code is not in the table yet falls back to the core's bilingual text, split.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from core.clues import ACTIONS, state_name
from core.errors import TongguanError
from desktop.bilingual import in_language, table_key

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
    "clue.already_claimed": QT_TRANSLATE_NOOP("ClueRefusals", "The clue was already claimed by {by}."),
    "clue.already_filed": QT_TRANSLATE_NOOP("ClueRefusals", "A case was already filed from this clue: {case}."),
    # intake and attachments
    "clue.attachment_too_big": QT_TRANSLATE_NOOP("ClueRefusals", "An attachment is at most 20 MB: {file}."),
    "clue.attachment_unreadable": QT_TRANSLATE_NOOP("ClueRefusals", "The attachment {file} cannot be read."),
    "clue.no_entity": QT_TRANSLATE_NOOP("ClueRefusals", "No market entity has the USCC {uscc}."),
    "clue.unknown_source": QT_TRANSLATE_NOOP(
        "ClueRefusals", "A clue's source is one of {allowed}, not “{source}”."),
    "clue.needs_description": QT_TRANSLATE_NOOP("ClueRefusals", "A clue needs a description."),
    "clue.description_too_long": QT_TRANSLATE_NOOP("ClueRefusals", "A description is at most {max} characters."),
    "clue.no_village": QT_TRANSLATE_NOOP("ClueRefusals", "There is no village with the code {village}."),
    "clue.needs_place": QT_TRANSLATE_NOOP(
        "ClueRefusals", "A clue names the market entity by its USCC, or where it happened."),
    "clue.bad_position": QT_TRANSLATE_NOOP("ClueRefusals", "Not a position: {lat}, {lng}."),
    "clue.no_matter": QT_TRANSLATE_NOOP("ClueRefusals", "Matter {matter} does not exist."),
    "clue.no_attachment": QT_TRANSLATE_NOOP("ClueRefusals", "Attachment {attachment} does not exist."),
    "clue.attachment_corrupt": QT_TRANSLATE_NOOP(
        "ClueRefusals", "The attachment {file} is damaged: the stored file no longer matches its SHA-256."),
    "clue.attachment_folder_not_private": QT_TRANSLATE_NOOP(
        "ClueRefusals", "The attachment folder is not this user's own folder."),
    "clue.attachment_copy_mismatch": QT_TRANSLATE_NOOP(
        "ClueRefusals", "The written copy of the attachment {file} does not match its SHA-256."),
    # routing rules
    "routing.needs_key": QT_TRANSLATE_NOOP("ClueRefusals", "A routing rule names a matter, an industry or a town."),
    "routing.unknown:matter": QT_TRANSLATE_NOOP("ClueRefusals", "There is no matter {value}."),
    "routing.unknown:industry": QT_TRANSLATE_NOOP("ClueRefusals", "There is no industry {value}."),
    "routing.unknown:town": QT_TRANSLATE_NOOP("ClueRefusals", "There is no town {value}."),
    "routing.unknown:department": QT_TRANSLATE_NOOP("ClueRefusals", "There is no department {value}."),
    "routing.not_found": QT_TRANSLATE_NOOP("ClueRefusals", "Routing rule {rule} does not exist."),
    # the case clock (the rule a refusal cites is added from CLOCK_RULES)
    "case.clock_decided:extend": QT_TRANSLATE_NOOP(
        "ClueRefusals", "Case {case} is already decided and its period is over: it cannot be extended."),
    "case.clock_decided:pause": QT_TRANSLATE_NOOP(
        "ClueRefusals", "Case {case} is already decided and its period is over: its clock cannot be paused."),
    "case.needs_reason": QT_TRANSLATE_NOOP("ClueRefusals", "A reason is required."),
    "case.date_before_filing": QT_TRANSLATE_NOOP("ClueRefusals", "A date cannot precede the filing on {filed}."),
    "case.date_after_today": QT_TRANSLATE_NOOP("ClueRefusals", "A date cannot be after today, {today}."),
    "case.unknown_approval": QT_TRANSLATE_NOOP(
        "ClueRefusals", "Unknown approval “{approval}”: the head's or a collective decision."),
    "case.head_once": QT_TRANSLATE_NOOP(
        "ClueRefusals", "The head approves one extension only; a further one is a collective decision."),
    "case.head_days": QT_TRANSLATE_NOOP("ClueRefusals", "The head's extension is {days} days."),
    "case.first_by_head": QT_TRANSLATE_NOOP(
        "ClueRefusals", "The first extension is the head's {days} days; a collective decision extends further."),
    "case.extension_days": QT_TRANSLATE_NOOP("ClueRefusals", "An extension is 1 to 366 days."),
    "case.extension_late": QT_TRANSLATE_NOOP(
        "ClueRefusals", "An extension is approved before the period ends on {due}."),
    "case.unknown_pause": QT_TRANSLATE_NOOP(
        "ClueRefusals", "Only a hearing, an announcement, testing or appraisal does not count, not “{kind}”."),
    "case.pause_open": QT_TRANSLATE_NOOP("ClueRefusals", "The case has a pause still open: end it first."),
    "case.pause_overlap": QT_TRANSLATE_NOOP(
        "ClueRefusals", "Pauses cannot overlap: the last one ended on {last}."),
    "case.no_open_pause": QT_TRANSLATE_NOOP("ClueRefusals", "The case has no open pause to end."),
    "case.pause_end_early": QT_TRANSLATE_NOOP("ClueRefusals", "A pause cannot end before it starts on {start}."),
    "case.decide_paused": QT_TRANSLATE_NOOP(
        "ClueRefusals", "The pause that began on {since} is still open: resume the clock before the decision."),
    # an Open311 import (the request and field are shown beside: error.where)
    "import.needs_time": QT_TRANSLATE_NOOP("ClueRefusals", "A date-time is required."),
    "import.bad_time": QT_TRANSLATE_NOOP("ClueRefusals", "Not an ISO 8601 date-time: {value}."),
    "import.bad_year": QT_TRANSLATE_NOOP("ClueRefusals", "The year must be 1900–2200: {value}."),
    "import.no_source_ref": QT_TRANSLATE_NOOP(
        "ClueRefusals", "The source reference is the import's key: it cannot be empty."),
    "import.not_object": QT_TRANSLATE_NOOP("ClueRefusals", "Each request is a JSON object."),
    "import.no_request_id": QT_TRANSLATE_NOOP("ClueRefusals", "service_request_id is required."),
    "import.ext_not_object": QT_TRANSLATE_NOOP("ClueRefusals", "{ext} must be an object."),
    "import.bad_status": QT_TRANSLATE_NOOP("ClueRefusals", "The status is open or closed, not {value}."),
    "import.unknown_service_code": QT_TRANSLATE_NOOP(
        "ClueRefusals", "Unknown service_code {value}: not a matter code."),
    "import.unknown_agency": QT_TRANSLATE_NOOP("ClueRefusals", "Unknown department {value}."),
    "import.unknown_village": QT_TRANSLATE_NOOP("ClueRefusals", "Unknown village code {value}."),
    "import.lat_long_together": QT_TRANSLATE_NOOP("ClueRefusals", "lat and long go together."),
    "import.needs_place": QT_TRANSLATE_NOOP("ClueRefusals", "A request needs an entity, a position or a village."),
    "import.repeats": QT_TRANSLATE_NOOP("ClueRefusals", "Repeats request {first}: {key}."),
    "import.not_array": QT_TRANSLATE_NOOP("ClueRefusals", "An Open311 file is a JSON array of service requests."),
    "import.busy": QT_TRANSLATE_NOOP(
        "ClueRefusals", "Another workstation is importing the same requests; try again."),
    "import.missing_original": QT_TRANSLATE_NOOP(
        "ClueRefusals", "The original clue {original} of a duplicate is missing."),
}
# params["rule"] of a case-clock refusal -> the rule it cites
CLOCK_RULES = {
    "head": QT_TRANSLATE_NOOP(
        "ClueRefusals", "Rules on Administrative Penalty Procedure of Market Regulation, Art. 64: the department "
        "head may approve one extension of 30 days"),
    "collective": QT_TRANSLATE_NOOP(
        "ClueRefusals", "Rules on Administrative Penalty Procedure of Market Regulation, Art. 64: any further "
        "extension is decided collectively by the department's heads"),
    "pause": QT_TRANSLATE_NOOP(
        "ClueRefusals", "Rules on Administrative Penalty Procedure of Market Regulation, Art. 64: hearings, "
        "announcements, testing, inspection and appraisal do not count towards the period"),
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


def _key(error: TongguanError) -> str:
    return table_key(error.code, error.params)


def is_worded(error: TongguanError) -> bool:
    """Whether the desktop words ``error`` itself (its code is in the table)."""
    return _key(error) in REFUSAL_WORDS


def refusal_text(error: TongguanError, lang: str) -> str:
    """``error``'s sentence in the UI language: from the table by code, else the core's text split."""
    source = REFUSAL_WORDS.get(_key(error))
    if source is None:
        return in_language(error.message, lang)
    text = QCoreApplication.translate("ClueRefusals", source).format(**_params(error, lang))
    rule = CLOCK_RULES.get(str(error.params.get("rule")))
    if rule is None:
        return text
    return QCoreApplication.translate("ClueRefusals", "{sentence} ({rule})").format(
        sentence=text, rule=QCoreApplication.translate("ClueRefusals", rule))
