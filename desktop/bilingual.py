"""The fallback for core messages not yet typed: the half of "中文 (English)" in the UI language.

Typed refusals (a ``code`` and ``params``) are worded by the desktop from its own tables
(``desktop.cases.refusal_words``, ``desktop.draws.problem_words``); this split remains only
for the messages the core has not converted yet.
"""
from __future__ import annotations

import re

_ENGLISH_TAIL = re.compile(r"^(?P<zh>.*?)\s*\((?P<en>[^()]*[A-Za-z][^()]*)\)\s*$", re.DOTALL)


def in_language(message: str, lang: str) -> str:
    """The part of a core message "中文 (English)" in the UI language (the whole text if unsplit)."""
    match = _ENGLISH_TAIL.match(message)
    if match is None:
        return message
    return match["zh"] if lang.startswith("zh") else match["en"]


def table_key(code: str, params: dict) -> str:
    """The key a typed message is worded by in a desktop table: its code, and its variant if any."""
    variant = params.get("variant")
    return f"{code}:{variant}" if variant else code
