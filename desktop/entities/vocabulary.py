"""Words for the codes the core stores: entity types, statuses, risk classes, record kinds.

The core keeps stable English codes ("individual", "revoked", "licence"); the console
shows words in the UI language. Sources are marked with QT_TRANSLATE_NOOP in the
``EntityVocabulary`` context and translated when shown, so a language switch applies
at the next repaint. An unknown code is shown as it is rather than hidden.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "EntityVocabulary"

ENTITY_TYPES: dict[str, str] = {
    "enterprise": QT_TRANSLATE_NOOP("EntityVocabulary", "Enterprise"),
    "individual": QT_TRANSLATE_NOOP("EntityVocabulary", "Individual business"),
    "cooperative": QT_TRANSLATE_NOOP("EntityVocabulary", "Farmers' cooperative"),
}

STATUSES: dict[str, str] = {
    "active": QT_TRANSLATE_NOOP("EntityVocabulary", "Active"),
    "deregistered": QT_TRANSLATE_NOOP("EntityVocabulary", "Deregistered"),
    "revoked": QT_TRANSLATE_NOOP("EntityVocabulary", "Licence revoked"),
}

RISK_CLASSES: dict[str, str] = {
    "A": QT_TRANSLATE_NOOP("EntityVocabulary", "A (low risk)"),
    "B": QT_TRANSLATE_NOOP("EntityVocabulary", "B (moderate risk)"),
    "C": QT_TRANSLATE_NOOP("EntityVocabulary", "C (elevated risk)"),
    "D": QT_TRANSLATE_NOOP("EntityVocabulary", "D (high risk)"),
}

RECORD_KINDS: dict[str, str] = {
    "licence": QT_TRANSLATE_NOOP("EntityVocabulary", "Licence"),
    "key_item": QT_TRANSLATE_NOOP("EntityVocabulary", "Key item"),
    "inspection": QT_TRANSLATE_NOOP("EntityVocabulary", "Inspection"),
    "penalty": QT_TRANSLATE_NOOP("EntityVocabulary", "Penalty"),
    "test": QT_TRANSLATE_NOOP("EntityVocabulary", "Sampling test"),
    "honour": QT_TRANSLATE_NOOP("EntityVocabulary", "Honour"),
    "credit": QT_TRANSLATE_NOOP("EntityVocabulary", "Credit"),
    "complaint": QT_TRANSLATE_NOOP("EntityVocabulary", "Complaint"),
    "grid_event": QT_TRANSLATE_NOOP("EntityVocabulary", "Grid event"),
    "tag_change": QT_TRANSLATE_NOOP("EntityVocabulary", "Tag or location change"),
}

OPEN_ITEM_KINDS: dict[str, str] = {
    "clue": QT_TRANSLATE_NOOP("EntityVocabulary", "Lead"),
    "case": QT_TRANSLATE_NOOP("EntityVocabulary", "Case"),
    "push": QT_TRANSLATE_NOOP("EntityVocabulary", "Double notification"),
    "commitment": QT_TRANSLATE_NOOP("EntityVocabulary", "Notification commitment"),
    "inspection": QT_TRANSLATE_NOOP("EntityVocabulary", "Inspection task"),
}

# States of leads, cases, tasks, pushes and commitments share one vocabulary: the
# panorama only needs words, and equal codes mean the same thing in every table.
STATES: dict[str, str] = {
    "received": QT_TRANSLATE_NOOP("EntityVocabulary", "Received"),
    "assigned": QT_TRANSLATE_NOOP("EntityVocabulary", "Assigned"),
    "claimed": QT_TRANSLATE_NOOP("EntityVocabulary", "Claimed"),
    "handling": QT_TRANSLATE_NOOP("EntityVocabulary", "Being handled"),
    "fed_back": QT_TRANSLATE_NOOP("EntityVocabulary", "Reported back"),
    "reopened": QT_TRANSLATE_NOOP("EntityVocabulary", "Reopened"),
    "transferred": QT_TRANSLATE_NOOP("EntityVocabulary", "Transferred"),
    "closed": QT_TRANSLATE_NOOP("EntityVocabulary", "Closed"),
    "returned": QT_TRANSLATE_NOOP("EntityVocabulary", "Returned"),
    "duplicate": QT_TRANSLATE_NOOP("EntityVocabulary", "Duplicate"),
    "filed": QT_TRANSLATE_NOOP("EntityVocabulary", "Filed for investigation"),
    "decided": QT_TRANSLATE_NOOP("EntityVocabulary", "Decided"),
    "planned": QT_TRANSLATE_NOOP("EntityVocabulary", "Planned"),
    "in_progress": QT_TRANSLATE_NOOP("EntityVocabulary", "In progress"),
    "done": QT_TRANSLATE_NOOP("EntityVocabulary", "Done"),
    "cancelled": QT_TRANSLATE_NOOP("EntityVocabulary", "Cancelled"),
    "pending": QT_TRANSLATE_NOOP("EntityVocabulary", "Pending"),
    "fulfilled": QT_TRANSLATE_NOOP("EntityVocabulary", "Fulfilled"),
    "broken": QT_TRANSLATE_NOOP("EntityVocabulary", "Broken"),
}


def word(vocabulary: dict[str, str], code: str | None) -> str:
    """The word for ``code`` in the current UI language ("" for None)."""
    if code is None:
        return ""
    source = vocabulary.get(code)
    return QCoreApplication.translate(CONTEXT, source) if source is not None else code


def entity_type(code: str) -> str:
    return word(ENTITY_TYPES, code)


def status(code: str) -> str:
    return word(STATUSES, code)


def risk_class(code: str) -> str:
    return word(RISK_CLASSES, code)


def record_kind(code: str) -> str:
    return word(RECORD_KINDS, code)


def open_item_kind(code: str) -> str:
    return word(OPEN_ITEM_KINDS, code)


def state(code: str) -> str:
    return word(STATES, code)
