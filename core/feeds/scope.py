"""A business scope (经营范围) read into the items that need a permit.

Registrations written in the standard wording (经营范围规范表述) split the scope into
"许可项目：…" (items needing a permit after registration) and "一般项目：…" (items that need
none), each item separated by "；" or "、", with the boilerplate "（依法须经批准的项目，经相关部门
批准后方可开展经营活动…）". Permit items are pushed whether or not a department is mapped for
them (an unmapped one goes to the shared queue); other items only when a mapping's words name
them (older free-text scopes carry no sections).
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

PERMIT_HEADS = ("许可经营项目", "许可项目", "前置许可经营项目", "后置许可经营项目")
GENERAL_HEADS = ("一般经营项目", "一般项目")
_BOILERPLATE = re.compile(r"[（(][^（()）]*(?:依法须经批准|以审批结果为准|凭营业执照|许可证件为准)[^（()）]*[)）]")
_SEPARATORS = re.compile(r"[；;，,、。\n\r]+")
_HEAD = re.compile("(" + "|".join(sorted(PERMIT_HEADS + GENERAL_HEADS, key=len, reverse=True)) + r")\s*[:：]")


@dataclass(frozen=True)
class ScopeItems:
    """A scope's items: those needing a permit, and the rest (general or unsectioned)."""

    permit: tuple[str, ...]
    other: tuple[str, ...]


def _items(text: str) -> list[str]:
    return [item.strip(" \t*·") for item in _SEPARATORS.split(text) if item.strip(" \t*·")]


def read_scope(text: str | None) -> ScopeItems:
    """The items of ``text``; without section heads every item is an "other" item."""
    text = _BOILERPLATE.sub("", text or "")
    parts = _HEAD.split(text)
    if len(parts) == 1:
        return ScopeItems((), tuple(_items(text)))
    permit: list[str] = []
    other: list[str] = _items(parts[0])
    for head, body in zip(parts[1::2], parts[2::2]):
        (permit if head in PERMIT_HEADS else other).extend(_items(body))
    return ScopeItems(tuple(dict.fromkeys(permit)), tuple(dict.fromkeys(other)))


def keywords_of(text: str | None) -> tuple[str, ...]:
    """A mapping's words, stored separated by "|" (or "；", "、")."""
    return tuple(w.strip() for w in re.split(r"[|｜；;、]", text or "") if w.strip())


def names(item: str, words: Sequence[str]) -> bool:
    """Whether scope ``item`` is named by any of ``words``."""
    return any(w and w in item for w in words)


def first_match(item: str, candidates: Iterable[tuple[object, Sequence[str]]]) -> object | None:
    """The first candidate (value, words) whose words name ``item``; None if none does.

    Longer words win: "食品经营（仅销售预包装食品）" is matched by "预包装食品" before "食品".
    """
    best, best_len = None, 0
    for value, words in candidates:
        for w in words:
            if w and w in item and len(w) > best_len:
                best, best_len = value, len(w)
    return best
