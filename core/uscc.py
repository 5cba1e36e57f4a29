"""Unified Social Credit Code (GB 32100-2015): validation with reasons, and parts.

python-stdnum decides validity; this module says *why* a code is refused, in words an
operator can act on (length, which character, the check character expected vs given).
"""
from __future__ import annotations

from dataclasses import dataclass

from stdnum import exceptions as stdnum_errors
from stdnum.cn import uscc as stdnum_uscc

from core.errors import InvalidUSCC

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_FORBIDDEN = {"I": "1", "O": "0", "S": "5", "V": "U", "Z": "2"}

ENTITY_TYPE_DIGITS = {"1": "enterprise", "2": "individual", "3": "cooperative"}


@dataclass(frozen=True)
class USCCParts:
    """The fields of a valid code."""

    code: str
    authority: str  # "9" = market regulation
    entity_type_digit: str
    division: str
    organisation: str
    check: str

    @property
    def entity_type(self) -> str | None:
        """enterprise / individual / cooperative for market-regulation codes."""
        return ENTITY_TYPE_DIGITS.get(self.entity_type_digit) if self.authority == "9" else None


def _diagnose(code: str) -> tuple[str, str]:
    """(reason code, English message) for a compacted code stdnum refused."""
    if len(code) != 18:
        return "length", f"must be 18 characters, got {len(code)}"
    for pos, ch in enumerate(code, start=1):
        if pos <= 8 and not ch.isdigit():
            return "character", f"character {pos} '{ch}' must be a digit (positions 1-8)"
        if ch not in ALPHABET:
            hint = f" (letters I, O, S, V, Z are never used; did you mean '{_FORBIDDEN[ch]}'?)" if ch in _FORBIDDEN else ""
            return "character", f"character {pos} '{ch}' is not allowed{hint}"
    expected = stdnum_uscc.calc_check_digit(code[:17])
    return "check", f"check character should be '{expected}', got '{code[17]}'"


def validate(value: str) -> str:
    """Return the compact code, or raise InvalidUSCC saying why it is wrong."""
    code = stdnum_uscc.compact(value or "")
    try:
        return stdnum_uscc.validate(code)
    except stdnum_errors.ValidationError:
        reason, message = _diagnose(code)
        raise InvalidUSCC(
            f"invalid Unified Social Credit Code {value!r}: {message}",
            value=value,
            reason=reason,
        ) from None


def is_valid(value: str) -> bool:
    """True when ``value`` is a valid code."""
    return stdnum_uscc.is_valid(value or "")


def parse(value: str) -> USCCParts:
    """Validate and split a code into its GB 32100 fields."""
    code = validate(value)
    return USCCParts(code, code[0], code[1], code[2:8], code[8:17], code[17])


def with_check(first17: str) -> str:
    """Append the check character to 17 code characters."""
    return first17 + stdnum_uscc.calc_check_digit(first17)
