"""Checking text and numbers that people and files hand us, before any database sees them.

PostgreSQL refuses NUL bytes in text, lone UTF-16 surrogates cannot be encoded as UTF-8,
``VARCHAR(n)`` refuses longer values and a 64-bit column refuses larger integers. SQLite
would take (or mangle) all of these, so the same file would import on one backend and
fail half-way on the other. Every input (search text, imports, plan files, clue intake,
tag names...) goes through these helpers, which raise :class:`ValidationError` naming
the field (``where``) on both backends alike.
"""
from __future__ import annotations

import math
import re
from typing import Any

from core.errors import ValidationError

INT64_MAX = 2**63 - 1
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def text_problem(value: str, *, max_length: int | None = None, multiline: bool = True) -> str | None:
    """Why ``value`` cannot be stored as text (a bilingual sentence), or None when it can."""
    if "\x00" in value:
        return "含有空字符 NUL (contains a NUL character)"
    if any("\ud800" <= ch <= "\udfff" for ch in value):
        return "含有无效的 Unicode 代理字符 (contains a lone surrogate, not valid Unicode)"
    if not multiline and ("\n" in value or "\r" in value):
        return "不能换行 (must be on one line)"
    if _CONTROL.search(value):
        return "含有控制字符 (contains a control character)"
    if max_length is not None and len(value) > max_length:
        return f"不超过 {max_length} 字，现有 {len(value)} 字 (at most {max_length} characters, not {len(value)})"
    return None


def check_text(value: Any, where: str, *, max_length: int | None = None, required: bool = False,
               multiline: bool = True, strip: bool = True) -> str:
    """``value`` as clean text (stripped), or ValidationError naming ``where``.

    None and "" give "" unless ``required``. Numbers are not text: a file that puts a
    list, an object or a number where text belongs is refused, not silently converted.
    """
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ValidationError(f"须为文本，不是 {_kind(value)} (must be text, not {_kind(value)})", where=where)
    if strip:
        value = value.strip()
    if required and not value:
        raise ValidationError("不能为空 (is required)", where=where)
    problem = text_problem(value, max_length=max_length, multiline=multiline)
    if problem:
        raise ValidationError(problem, where=where)
    return value


def check_code(value: Any, where: str, *, max_length: int, required: bool = False) -> str | None:
    """An identifier-like value (a code, a reference): one line of text; numbers are accepted
    and written out (``17`` -> ``"17"``); empty gives None unless ``required``."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    text = check_text(value, where, max_length=max_length, required=required, multiline=False)
    return text or None


def check_int(value: Any, where: str, *, minimum: int = -INT64_MAX, maximum: int = INT64_MAX) -> int:
    """A whole number within [minimum, maximum] (by default what a 64-bit column holds)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(f"须为整数，不是 {_kind(value)} (must be a whole number, not {_kind(value)})",
                              where=where)
    if not minimum <= value <= maximum:
        raise ValidationError(f"须在 {minimum} 与 {maximum} 之间 (must be between {minimum} and {maximum})",
                              where=where)
    return value


def check_number(value: Any, where: str, *, minimum: float | None = None, maximum: float | None = None) -> float:
    """A finite number (int, float, or its decimal text) within the bounds."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise ValidationError(f"须为数值，不是 {_kind(value)} (must be a number, not {_kind(value)})", where=where)
    try:
        number = float(value)
    except (ValueError, OverflowError):
        raise ValidationError(f"不是数值 (not a number): {shown(value)}", where=where) from None
    if not math.isfinite(number):
        raise ValidationError(f"须为有限数值 (must be a finite number): {shown(value)}", where=where)
    if (minimum is not None and number < minimum) or (maximum is not None and number > maximum):
        raise ValidationError(f"须在 {minimum} 与 {maximum} 之间 (must be between {minimum} and {maximum}): "
                              f"{shown(value)}", where=where)
    return number


def shown(value: Any, limit: int = 40) -> str:
    """``value`` for an error message: its repr, cut short, with no NUL or surrogate left in it."""
    text = repr(value)
    text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _kind(value: Any) -> str:
    return {dict: "object", list: "list", str: "text", bool: "true/false", int: "number",
            float: "number", type(None): "null"}.get(type(value), type(value).__name__)
