"""Refusals of the feed configuration (``core.feeds``), worded in the UI language.

Permission refusals share :mod:`desktop.refusals`; the typed ``feeds.*`` codes are worded
here from their parameters; a validation problem names the form's field and gives the
core's "中文 (English)" reason in the UI language.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from core.errors import DatabaseUnavailable, NotFound, PermissionDenied, ValidationError
from desktop.bilingual import in_language
from desktop.refusals import refusal_text as permission_refusal

CONTEXT = "FeedsWords"
_REFUSALS = {
    "feeds.unknown_department": QT_TRANSLATE_NOOP("FeedsWords", "There is no department {value}."),
    "feeds.unknown_matter": QT_TRANSLATE_NOOP("FeedsWords", "There is no matter {value}."),
    "feeds.no_permit": QT_TRANSLATE_NOOP(
        "FeedsWords", "Permit {code} has no mapping any more; someone may have removed it."),
    "feeds.no_catalogue_matter": QT_TRANSLATE_NOOP(
        "FeedsWords", "Matter {code} is no longer in the catalogue; someone may have removed it."),
    "feeds.no_foreign_code": QT_TRANSLATE_NOOP(
        "FeedsWords", "Code {value} has no mapping any more; someone may have removed it."),
    "feeds.no_key": QT_TRANSLATE_NOOP("FeedsWords", "{system} has no active key any more."),
}
FIELDS = {
    "permit_code": QT_TRANSLATE_NOOP("FeedsWords", "Permit code"),
    "permit_name": QT_TRANSLATE_NOOP("FeedsWords", "Permit name"),
    "code": QT_TRANSLATE_NOOP("FeedsWords", "Code"),
    "name": QT_TRANSLATE_NOOP("FeedsWords", "Name"),
    "keywords": QT_TRANSLATE_NOOP("FeedsWords", "Words in a business scope"),
    "commitment_text": QT_TRANSLATE_NOOP("FeedsWords", "Commitment text"),
    "verification_standard": QT_TRANSLATE_NOOP("FeedsWords", "Verification standard"),
    "breach_consequence": QT_TRANSLATE_NOOP("FeedsWords", "Consequence of a breach"),
    "fulfil_days": QT_TRANSLATE_NOOP("FeedsWords", "Days to fulfil"),
    "verify_working_days": QT_TRANSLATE_NOOP("FeedsWords", "Working days to verify"),
    "system": QT_TRANSLATE_NOOP("FeedsWords", "Source system"),
    "service_code": QT_TRANSLATE_NOOP("FeedsWords", "Service code"),
    "service_name": QT_TRANSLATE_NOOP("FeedsWords", "Service name"),
    "department": QT_TRANSLATE_NOOP("FeedsWords", "Department"),
    "matter": QT_TRANSLATE_NOOP("FeedsWords", "Matter"),
}


def field_label(where: str) -> str:
    """The form's name for the core's field ``where`` (the field itself if unknown)."""
    words = FIELDS.get(where)
    return QCoreApplication.translate(CONTEXT, words) if words else where


def feeds_refusal(error: BaseException, lang: str) -> str:
    """What to tell the administrator about ``error`` from a feed service, in ``lang``."""
    tr = QCoreApplication.translate
    if isinstance(error, PermissionDenied):
        return permission_refusal(error)
    code = getattr(error, "code", "")
    if code in _REFUSALS:
        params = {k: str(v) for k, v in getattr(error, "params", {}).items()}
        try:
            return tr(CONTEXT, _REFUSALS[code]).format(**params)
        except (KeyError, IndexError):
            pass
    if isinstance(error, ValidationError):
        reason = in_language(error.message, lang)
        if error.where:
            return QCoreApplication.translate("FeedsWords", "{field}: {reason}").format(
                field=field_label(error.where), reason=reason)
        return reason
    if isinstance(error, NotFound):
        return QCoreApplication.translate("FeedsWords", "Not found: {detail}").format(
            detail=in_language(error.message, lang))
    if isinstance(error, DatabaseUnavailable):
        return QCoreApplication.translate("FeedsWords", "Cannot reach the database: {detail}").format(
            detail=str(error))
    return QCoreApplication.translate("FeedsWords", "Not done: {detail}").format(detail=str(error))
