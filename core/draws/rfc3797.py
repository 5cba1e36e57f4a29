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
pools of a million that is too slow. The same answer is computed in chunks: within a
chunk, with a sorted list of the positions the chunk already took (the r-th free one is
the least x with x = r + #taken <= x); between chunks, by deleting the chunk's picks from
a numpy array of the free positions. A Fenwick tree walked by binary lifting was ~2x
slower at 1.2 million entities; it is kept as an independent cross-check. The tests
compare both with the naive list-deletion method.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from bisect import bisect_right, insort
from collections.abc import Sequence

import numpy as np

__all__ = ["key_string", "parse_source", "pick_digest", "pick_remainders", "rfc3797_select"]

_SPLIT = re.compile(r"[\s,，、;；]+")
_DIGITS = re.compile(r"[0-9]+")
_WIDE_COUNTER_FROM = 65536
_CHUNK = 2048


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
    return i.to_bytes(2, "big") if i < _WIDE_COUNTER_FROM else i.to_bytes(4, "big")


def pick_digest(key: str, i: int) -> bytes:
    """The MD5 digest used by pick ``i`` (0-based) of ``key``."""
    c = _counter(i)
    return hashlib.md5(c + key.encode("utf-8") + c).digest()


def pick_remainders(key: str, pool_size: int, count: int) -> list[int]:
    """For each pick ``i``: the digest as a big-endian integer modulo ``pool_size - i``."""
    keyb = key.encode("utf-8")
    md5 = hashlib.md5
    out: list[int] = []
    for i in range(count):
        c = i.to_bytes(2, "big") if i < _WIDE_COUNTER_FROM else i.to_bytes(4, "big")
        out.append(int.from_bytes(md5(c + keyb + c).digest(), "big") % (pool_size - i))
    return out


def rfc3797_select(key: str, pool_size: int, count: int) -> list[int]:
    """0-based indexes into the ordered pool of ``pool_size``, in pick order (RFC 3797 sec. 5)."""
    if isinstance(pool_size, bool) or isinstance(count, bool) or not isinstance(pool_size, int) \
            or not isinstance(count, int):
        raise TypeError("pool_size and count must be integers")
    if pool_size < 0 or count < 0:
        raise ValueError(f"pool_size and count must not be negative: {pool_size}, {count}")
    if count > pool_size:
        raise ValueError(f"cannot pick {count} from a pool of {pool_size}")
    if count == 0:
        return []
    return _select_chunked(pool_size, pick_remainders(key, pool_size, count))


def _select_chunked(n: int, ranks: list[int]) -> list[int]:
    # The positions still free are kept as a sorted numpy array. Picks are resolved a
    # chunk at a time against the array as it was when the chunk began (with
    # ``_select_sparse``, cheap because a chunk takes at most 1/16 of what is free),
    # then the chunk's positions are deleted from the array in one go.
    free = np.arange(n, dtype=np.int64)
    out: list[int] = []
    start = 0
    while start < len(ranks):
        size = max(16, min(_CHUNK, len(free) // 16))
        local = np.asarray(_select_sparse(ranks[start:start + size]), dtype=np.int64)
        out += free[local].tolist()
        free = np.delete(free, local)
        start += size
    return out


def _select_sparse(ranks: list[int]) -> list[int]:
    # The r-th position still free is the least x with x = r + #(taken positions <= x);
    # iterating x <- r + #(taken <= x) from x = r climbs to it (the map is monotone).
    taken: list[int] = []
    out: list[int] = []
    for r in ranks:
        x = r
        below = bisect_right(taken, x)
        while True:
            y = r + below
            if y == x:
                break
            x = y
            below = bisect_right(taken, x, below)
        out.append(x)
        insort(taken, x)
    return out


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
