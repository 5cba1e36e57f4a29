"""Vectorised Unified Social Credit Codes for millions of demo entities."""
from __future__ import annotations

import numpy as np

from core.uscc import ALPHABET

_WEIGHTS = [pow(3, i, 31) for i in range(17)]
_ASCII = np.frombuffer(ALPHABET.encode("ascii"), dtype=np.uint8)
_SPACE = 31**7
_MULT = 1_000_003  # prime, not 31: i -> i*MULT mod 31^7 is a bijection, so codes never repeat
_OFFSET = 4_810_231

TYPE_DIGIT = {"enterprise": 1, "individual": 2, "cooperative": 3}


def demo_usccs(global_index: np.ndarray, type_digit: np.ndarray, division: str) -> list[str]:
    """Codes ``9 <type> <division> MA <7 chars> <check>``, unique per global index."""
    n = len(global_index)
    # Column-major: one vector per code position keeps every step a cheap 1-D operation.
    digits = np.empty((18, n), dtype=np.int64)
    digits[0] = 9
    digits[1] = type_digit
    for pos, ch in enumerate(division, start=2):
        digits[pos] = int(ch)
    digits[8] = ALPHABET.index("M")
    digits[9] = ALPHABET.index("A")
    x = (global_index.astype(np.int64) * _MULT + _OFFSET) % _SPACE
    for pos in range(16, 9, -1):
        digits[pos] = x % 31
        x //= 31
    total = np.zeros(n, dtype=np.int64)
    for pos, weight in enumerate(_WEIGHTS):
        total += digits[pos] * weight
    digits[17] = (31 - total % 31) % 31
    ascii_codes = np.ascontiguousarray(_ASCII[digits.T])
    return ascii_codes.view("S18").ravel().astype("U18").tolist()
