"""Words of the collaboration views: edge kinds, flow stages and outcomes, figures.

Names the core keeps in both languages (departments, towns, clue sources, clue states)
are taken from the core in the UI language; the rest is translated here
(context ``CollabWords``).
"""
from __future__ import annotations

import html

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

translate = QCoreApplication.translate
CONTEXT = "CollabWords"

# The kinds of hand-over an edge can carry (core.collab.graph.EDGE_KINDS).
KIND_NAMES = {
    "joint_visit": QT_TRANSLATE_NOOP("CollabWords", "Joint inspection"),
    "clue_routing": QT_TRANSLATE_NOOP("CollabWords", "Clue routed"),
    "clue_transfer": QT_TRANSLATE_NOOP("CollabWords", "Clue transferred"),
    "clue_return": QT_TRANSLATE_NOOP("CollabWords", "Clue returned"),
    "clue_duplicate": QT_TRANSLATE_NOOP("CollabWords", "Duplicate clue"),
    "push": QT_TRANSLATE_NOOP("CollabWords", "Double notification"),
    "commitment": QT_TRANSLATE_NOOP("CollabWords", "Commitment check"),
    "grid_handover": QT_TRANSLATE_NOOP("CollabWords", "Grid hand-over"),
    "clue": QT_TRANSLATE_NOOP("CollabWords", "Clue"),  # a clue behind a flow band
}

# A stage's time is the time it took to reach it from the step before (core.collab.flows).
STAGE_NAMES = {
    "received": QT_TRANSLATE_NOOP("CollabWords", "Received"),
    "assigned": QT_TRANSLATE_NOOP("CollabWords", "Received → assigned"),
    "claimed": QT_TRANSLATE_NOOP("CollabWords", "Assigned → claimed"),
    "handling": QT_TRANSLATE_NOOP("CollabWords", "Claimed → handling"),
    "fed_back": QT_TRANSLATE_NOOP("CollabWords", "Handling → fed back"),
    "closed": QT_TRANSLATE_NOOP("CollabWords", "Fed back → closed"),
}

OUTCOME_NAMES = {
    "closed": QT_TRANSLATE_NOOP("CollabWords", "Closed"),
    "returned": QT_TRANSLATE_NOOP("CollabWords", "Returned"),
    "duplicate": QT_TRANSLATE_NOOP("CollabWords", "Duplicate"),
    "case_filed": QT_TRANSLATE_NOOP("CollabWords", "Case filed"),
    "decided": QT_TRANSLATE_NOOP("CollabWords", "Decided"),
    "open": QT_TRANSLATE_NOOP("CollabWords", "Still open"),
}

NODE_KIND_NAMES = {
    "dept": QT_TRANSLATE_NOOP("CollabWords", "Department"),
    "town": QT_TRANSLATE_NOOP("CollabWords", "Town"),
    "village": QT_TRANSLATE_NOOP("CollabWords", "Village"),
    "queue": QT_TRANSLATE_NOOP("CollabWords", "Shared queue"),
}


def zh(lang: str) -> bool:
    return lang.startswith("zh")


def kind_name(kind: str) -> str:
    source = KIND_NAMES.get(kind)
    return translate(CONTEXT, source) if source else kind


def node_kind_name(kind: str) -> str:
    source = NODE_KIND_NAMES.get(kind)
    return translate(CONTEXT, source) if source else kind


def stage_name(stage: str) -> str:
    source = STAGE_NAMES.get(stage)
    return translate(CONTEXT, source) if source else stage


def outcome_name(outcome: str) -> str:
    source = OUTCOME_NAMES.get(outcome)
    return translate(CONTEXT, source) if source else outcome


def source_name(source: str, lang: str) -> str:
    """A clue source in ``lang``, from the core's own names."""
    from core.services.clues import SOURCE_NAMES

    names = SOURCE_NAMES.get(source)
    return source if names is None else names[0 if zh(lang) else 1]


def node_name(node, lang: str) -> str:
    """A graph node's name in ``lang`` (Chinese when it has no English one)."""
    if zh(lang):
        return node.name_zh or node.name_en or node.key
    return node.name_en or node.name_zh or node.key


def days_text(days: float | None) -> str:
    """Working days, to one decimal: "3.5 wd"; "—" when nothing was timed."""
    if days is None:
        return "—"
    return translate("CollabWords", "%1 wd").replace("%1", f"{days:.1f}")


def percent_text(share: float | None) -> str:
    return "—" if share is None else f"{100 * share:.0f}%"


def escaped(text: str) -> str:
    return html.escape(text, quote=False)


def flow_label(key: str, lang: str, department_names: dict[int, str]) -> str:
    """A flow band's end in ``lang``: ``src:<source>``, ``dept:<id>`` (``dept:none``: not
    routed yet), ``xfer:<id>`` (the department after transfers) or ``out:<outcome>``."""
    prefix, _, rest = key.partition(":")
    if prefix == "src":
        return source_name(rest, lang)
    if prefix == "out":
        return outcome_name(rest)
    if prefix in ("dept", "xfer"):
        if rest == "none":
            return translate("CollabWords", "Not routed yet")
        try:
            return department_names.get(int(rest), key)
        except ValueError:
            return key
    return key
