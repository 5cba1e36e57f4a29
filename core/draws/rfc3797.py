"""RFC 3797 (Publicly Verifiable NomCom Random Selection): key string and selection.

The key string (RFC 3797 sec. 4) is built from public random sources that were announced
before the pool was frozen and whose values become known only later (lottery draws,
stock indexes). Each source contributes its values sorted (integers numerically, as
decimal digits without leading zeros), each value followed by ``.``, and the source ends
with ``/``: the RFC's sources 9319 / 2 5 12 8 10 / 9 18 26 34 41 45 give
``9319./2.5.8.10.12./9.18.26.34.41.45./``. A value that is not a whole number (a name, a
stock price written ``12.50``) is kept as text: stripped, Unicode NFKC-normalised and
upper-cased, sorted after the numbers by code point, also followed by ``.``; it may not
contain ``/`` (which would blur where a source ends).

Selection (RFC 3797 sec. 5): the pool is an ordered list. Pick ``i`` (0, 1, 2, ...) takes
the MD5 digest of ``u16be(i) + key + u16be(i)`` (the key as UTF-8 bytes; ``u16be`` is the
counter as two big-endian bytes), reads it as a 128-bit big-endian integer, divides it by
the number of candidates still left and takes the candidate at that remainder (0-based)
among those left; that candidate is removed and the next pick continues.

Extension (part of ``tongguan-draw/1``): the RFC's two-byte counter would wrap at 65536
picks, so from ``i = 65536`` on the counter is written as four big-endian bytes
(``u32be(i) + key + u32be(i)``). Picks below 65536 are exactly the RFC's.

Finding "the r-th candidate still left" naively costs a list deletion per pick; for
pools of a million that is too slow. The same answer is computed with numpy, without a
loop over the picks. Pick j's rank r_j counts among the candidates left after picks
0..j-1; going back one pick, a position y among those left after pick i maps to
``y + (y >= r_i)`` among those left before it. Blocks of 16 picks apply these maps
directly; then blocks are merged pairwise: the right block's positions (counted among
what was left after the left block) become the y-th free position around the left
block's sorted positions X, that is ``y + #{t : X_t - t <= y}`` (a searchsorted), until
one block holds every pick counted in the whole pool. The remainders themselves are one
MD5 per pick (sequential by definition) and the 128-bit remainder is taken on 32-bit
limbs in numpy. A Fenwick tree walked by binary lifting is kept as an independent
cross-check; the tests compare both with the naive list-deletion method.
"""
from __future__ import annotations

import hashlib
import re
import struct
import unicodedata
from collections.abc import Sequence
from itertools import repeat
from operator import methodcaller

import numpy as np

try:    # CPython's own MD5: the same digest as OpenSSL's, at half the cost per short message
    from _md5 import md5 as _md5
except ImportError:     # pragma: no cover - a build without it
    _md5 = hashlib.md5

__all__ = ["key_string", "parse_source", "pick_digest", "pick_remainders", "rfc3797_select", "select_positions"]

_SPLIT = re.compile(r"[\s,，、;；]+")
_DIGITS = re.compile(r"[0-9]+")
_WIDE_COUNTER_FROM = 65536
_BLOCK = 16     # picks resolved directly before blocks are merged pairwise
_digest = methodcaller("digest")
_U16, _U32 = struct.Struct(">H"), struct.Struct(">I")   # the pick counter, two or four bytes big-endian


def parse_source(text: str) -> tuple[int | str, ...]:
    """The values of one random source as published: ``"2 5 12 8 10"`` -> ``(2, 5, 12, 8, 10)``.

    Values are separated by white space, commas (also ``，`` and ``、``) or semicolons.
    Whole numbers (ASCII digits, leading zeros allowed: ``"05"`` -> 5) become ``int``;
    any other token stays text.
    """
    tokens = [t for t in _SPLIT.split(text.strip()) if t] if text else []
    if not tokens:
        raise ValueError(f"随机源没有任何数值 (random source has no values): {text!r}")
    return tuple(int(t) if _DIGITS.fullmatch(t) else t for t in tokens)


def _canonical_text(value: str) -> str:
    text = unicodedata.normalize("NFKC", value).strip().upper()
    if not text:
        raise ValueError(f"随机源中有空白值 (empty value in a random source): {value!r}")
    if "/" in text:
        raise ValueError(f"随机源的值不能含有 '/' (a source value may not contain '/'): {value!r}")
    return text


def key_string(sources: Sequence[Sequence[int | str]]) -> str:
    """The RFC 3797 sec. 4 key string of the given sources, in the order they were announced.

    ValueError for an empty source, a negative number or a text that would blur the key;
    TypeError for a value that is neither a whole number nor text.
    """
    if not sources:
        raise ValueError("没有随机源 (no random sources)")
    parts: list[str] = []
    for n, source in enumerate(sources, start=1):
        if isinstance(source, (str, bytes)):
            raise TypeError(f"随机源 {n} 应是数值序列而非文字 (source {n} must be a sequence of values, not text): "
                            f"{source!r}")
        if not len(source):
            raise ValueError(f"随机源 {n} 没有任何数值 (source {n} has no values)")
        numbers: list[int] = []
        texts: list[str] = []
        for value in source:
            if isinstance(value, bool):
                raise TypeError(f"随机源 {n} 的值无效 (source {n} has an invalid value): {value!r}")
            if isinstance(value, int):
                if value < 0:
                    raise ValueError(f"随机源 {n} 含负数 (source {n} has a negative number): {value}")
                numbers.append(value)
            elif isinstance(value, str):
                texts.append(_canonical_text(value))
            else:
                raise TypeError(f"随机源 {n} 的值必须是整数或文字 (source {n} values must be int or str): {value!r}")
        parts.append("".join(f"{v}." for v in sorted(numbers)) + "".join(f"{t}." for t in sorted(texts)) + "/")
    return "".join(parts)


def _counter(i: int) -> bytes:
    return (_U16 if i < _WIDE_COUNTER_FROM else _U32).pack(i)


def pick_digest(key: str, i: int) -> bytes:
    """The MD5 digest used by pick ``i`` (0-based) of ``key``."""
    c = _counter(i)
    return hashlib.md5(c + key.encode("utf-8") + c).digest()


def pick_remainders(key: str, pool_size: int, count: int) -> list[int]:
    """For each pick ``i``: the digest as a big-endian integer modulo ``pool_size - i``."""
    return _remainders(key, pool_size, count).tolist()


def _remainders(key: str, pool_size: int, count: int) -> np.ndarray:
    keyb = key.encode("utf-8")
    counters = list(map(_U16.pack, range(min(count, _WIDE_COUNTER_FROM))))
    counters += map(_U32.pack, range(_WIDE_COUNTER_FROM, count))
    messages = list(map(b"".join, zip(counters, repeat(keyb), counters)))
    if pool_size >= 1 << 32:    # the limb arithmetic below needs the divisor under 2**32
        return np.array([int.from_bytes(_md5(m).digest(), "big") % (pool_size - i)
                         for i, m in enumerate(messages)], dtype=object)
    limbs = np.frombuffer(b"".join(map(_digest, map(_md5, messages))), dtype=">u4").reshape(count, 4)
    limbs = limbs.astype(np.uint64)
    divisor = np.arange(pool_size, pool_size - count, -1, dtype=np.uint64)
    rest = limbs[:, 0] % divisor
    for j in (1, 2, 3):     # (rest * 2**32 + limb) < 2**64 as rest < divisor < 2**32
        rest = ((rest << np.uint64(32)) | limbs[:, j]) % divisor
    return rest.astype(np.int64)


def rfc3797_select(key: str, pool_size: int, count: int) -> list[int]:
    """0-based indexes into the ordered pool of ``pool_size``, in pick order (RFC 3797 sec. 5)."""
    return select_positions(key, pool_size, count).tolist()


def select_positions(key: str, pool_size: int, count: int) -> np.ndarray:
    """:func:`rfc3797_select` as an int64 array."""
    if isinstance(pool_size, bool) or isinstance(count, bool) or not isinstance(pool_size, int) \
            or not isinstance(count, int):
        raise TypeError("pool_size and count must be integers")
    if pool_size < 0 or count < 0:
        raise ValueError(f"pool_size and count must not be negative: {pool_size}, {count}")
    if count > pool_size:
        raise ValueError(f"cannot pick {count} from a pool of {pool_size}")
    if count == 0:
        return np.zeros(0, dtype=np.int64)
    if pool_size >= 1 << 40:    # keeps the block offsets of ``_select_merged`` within int64
        raise ValueError(f"pool_size {pool_size} is beyond 2**40")
    return _select_merged(pool_size, _remainders(key, pool_size, count))


def _select_merged(n: int, ranks: np.ndarray) -> np.ndarray:
    """Positions in 0..n-1 of picks with the given ranks (see the module text)."""
    k = len(ranks)
    size = 1 << (k - 1).bit_length()            # padded with rank 0: later picks never move earlier ones
    b = min(_BLOCK, size)
    rank = np.zeros(size, dtype=np.int64)
    rank[:k] = ranks
    pos = rank.reshape(-1, b).copy()
    for t in range(1, b):                       # pick j in its block: maps of picks j-1, j-2, ... in turn
        pos[:, t:] += pos[:, t:] >= rank.reshape(-1, b)[:, :-t]
    perm = np.argsort(pos, axis=1, kind="stable")
    srt = np.take_along_axis(pos, perm, axis=1).ravel()    # each block's positions, sorted
    perm = (perm + np.arange(0, size, b, dtype=np.int64)[:, None]).ravel()   # srt[i] is pick perm[i]'s
    big = np.int64(1 << (n + size).bit_length())   # above every position (padding too): keeps blocks apart
    while b < size:
        pairs = size // (2 * b)
        s = srt.reshape(pairs, 2, b)
        offset = np.arange(pairs, dtype=np.int64)[:, None] * big
        free_before = (s[:, 0, :] - np.arange(b, dtype=np.int64) + offset).ravel()   # X_t - t
        below = np.searchsorted(free_before, (s[:, 1, :] + offset).ravel(), side="right").reshape(pairs, b) \
            - np.arange(0, pairs * b, b, dtype=np.int64)[:, None]
        right = s[:, 1, :] + below              # still sorted; ``below`` of the left block's lie under each
        at = (np.arange(b, dtype=np.int64) + below + np.arange(0, size, 2 * b, dtype=np.int64)[:, None]).ravel()
        left = np.ones(size, dtype=bool)
        left[at] = False
        p = perm.reshape(pairs, 2, b)
        merged, merged_perm = np.empty_like(srt), np.empty_like(perm)
        merged[at], merged_perm[at] = right.ravel(), p[:, 1, :].ravel()
        merged[left], merged_perm[left] = s[:, 0, :].ravel(), p[:, 0, :].ravel()
        srt, perm = merged, merged_perm
        b *= 2
    out = np.empty(size, dtype=np.int64)
    out[perm] = srt
    return out[:k]


def _select_fenwick(n: int, ranks: list[int]) -> list[int]:
    """The same answer with a Fenwick tree (kept as an independent cross-check for the tests)."""
    # Fenwick tree over n ones (tree[i] = lowbit(i)); binary lifting finds the largest
    # prefix holding at most r free positions, i.e. the r-th free one (0-based) sits next.
    idx = np.arange(n + 1, dtype=np.int64)
    tree = (idx & -idx).tolist()
    top = 1 << (n.bit_length() - 1)
    out: list[int] = []
    for r in ranks:
        pos, step = 0, top
        while step:
            nxt = pos + step
            if nxt <= n and tree[nxt] <= r:
                pos = nxt
                r -= tree[nxt]
            step >>= 1
        out.append(pos)
        i = pos + 1
        while i <= n:
            tree[i] -= 1
            i += i & -i
    return out
