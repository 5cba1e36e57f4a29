"""Default colour classes for the entity map: risk class, entity type, status and tags.

Each helper returns the ``categories`` list of the payload (``docs/map-protocol.md``):
dicts ``{"key", "label", "colour"}`` in legend order. Labels are in one language, the
UI's: Chinese for ``lang="zh_CN"`` ("A 低风险"), English for ``"en"`` ("A Low risk"); the names are
:mod:`core.vocabulary`'s, as in exports and notices.
"""
from __future__ import annotations

from collections.abc import Iterable

from core.vocabulary import ENTITY_TYPE_NAMES as _TYPE_LABELS
from core.vocabulary import RISK_NAMES as _RISK_LABELS
from core.vocabulary import STATUS_NAMES as _STATUS_LABELS

OTHER_COLOUR = "#9e9e9e"
OTHER_KEY = "other"

RISK_COLOURS = {"A": "#2e7d32", "B": "#1565c0", "C": "#f9a825", "D": "#c62828"}
TYPE_COLOURS = {"individual": "#00897b", "enterprise": "#3949ab", "cooperative": "#8d6e63"}
STATUS_COLOURS = {"active": "#43a047", "deregistered": "#757575", "revoked": "#e53935"}
# Eight colours that stay apart on light tiles and for common colour-vision deficiencies.
TAG_PALETTE = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf")
MAX_TAG_CATEGORIES = len(TAG_PALETTE)


def is_english(lang: str) -> bool:
    """True for an English UI language ("en", "en_US"); everything else reads Chinese."""
    return lang.lower().startswith("en")


def in_language(zh: str, en: str, lang: str = "zh_CN") -> str:
    """The words of ``lang``: English for an English UI (Chinese when there is none), else Chinese."""
    return (en or zh) if is_english(lang) else zh


def _category(key: str, label: str, colour: str) -> dict:
    return {"key": key, "label": label, "colour": colour}


def risk_categories(lang: str = "zh_CN") -> list[dict]:
    """A (green), B (blue), C (amber), D (red)."""
    return [
        _category(k, f"{k} {in_language(zh, en, lang)}", RISK_COLOURS[k]) for k, (zh, en) in _RISK_LABELS.items()
    ]


def entity_type_categories(lang: str = "zh_CN") -> list[dict]:
    """Individual business, enterprise, cooperative."""
    return [_category(k, in_language(zh, en, lang), TYPE_COLOURS[k]) for k, (zh, en) in _TYPE_LABELS.items()]


def status_categories(lang: str = "zh_CN") -> list[dict]:
    """Active, deregistered, revoked."""
    return [_category(k, in_language(zh, en, lang), STATUS_COLOURS[k]) for k, (zh, en) in _STATUS_LABELS.items()]


def other_category(lang: str = "zh_CN") -> dict:
    """The trailing class for everything not listed."""
    return _category(OTHER_KEY, in_language("其他", "Other", lang), OTHER_COLOUR)


def tag_categories(tags: Iterable, lang: str = "zh_CN", *, with_other: bool = True) -> list[dict]:
    """Up to eight tags (``core.reference.Tag`` or ``(code, name_zh, name_en)``), then "other".

    Colours come from :data:`TAG_PALETTE` in order (a tag's own profile colour is for
    badges, and neighbouring tags often share a hue). Raises ``ValueError`` past eight.
    """
    items = []
    for tag in tags:
        code, zh, en = (tag.code, tag.name_zh, tag.name_en) if hasattr(tag, "code") else tag
        items.append((code, zh, en))
    if len(items) > MAX_TAG_CATEGORIES:
        raise ValueError(f"at most {MAX_TAG_CATEGORIES} tags can be coloured apart, got {len(items)}")
    out = [_category(code, in_language(zh, en, lang), TAG_PALETTE[i]) for i, (code, zh, en) in enumerate(items)]
    if with_other:
        out.append(other_category(lang))
    return out
