"""Sampling ratios that follow the risk class: each class's ratio lies in its band, and no
ratio falls as the risk rises (A <= B <= C <= D).

The bands are plan policy, not part of the reproducible draw: ``validate`` (and so a
record's re-run) does not check them; the services check them before locking, with the
plan's bands, unless the planner recorded an override (which then travels in the
record's ``sampling.override``). Ratios that fall as the risk rises are refused even
with an override.

By count: the band is read as the counts a ratio within it would draw from the stratum
as it is at lock time: ``ceil(low x size) <= min(count, size) <= ceil(high x size)`` (at
least 1: no class is exempt). The order rule compares ``min(count, size) / size``.
"""
from __future__ import annotations

import math
from collections.abc import Mapping
from decimal import Decimal
from numbers import Real

from .spec import STRATA, Problem, SamplingRule

__all__ = ["DEFAULT_BANDS", "RULE_BANDS", "RULE_ORDER", "band_problems", "format_bands", "normalise_bands"]

Band = tuple[float, float]
# DOMAIN.md's published local table: A <= 5%, B 5-20%, C 21-60%, D 61-100%.
DEFAULT_BANDS: dict[str, Band] = {"A": (0.0, 0.05), "B": (0.05, 0.20), "C": (0.21, 0.60), "D": (0.61, 1.00)}

RULE_BANDS = ("本地抽查比例表：按信用风险分类确定各类抽查比例的区间，计划可另定 "
              "(the local ratio table: each credit-risk class is sampled within its band; a plan may set its own)")
RULE_ORDER = ("国发〔2019〕5号：信用风险越高，抽查比例越高，不得倒挂 "
              "(State Council Guideline 2019 No. 5: the higher the credit risk, the higher the sampling ratio)")


def normalise_bands(given: Mapping | None) -> dict[str, Band]:
    """``{class: (low, high)}`` for A-D from ``{class: [low, high]}`` (or ``{"min", "max"}``);
    ValueError naming the class when a band is not 0 <= low <= high <= 1."""
    out = dict(DEFAULT_BANDS)
    for key, value in dict(given or {}).items():
        if key not in STRATA:
            raise ValueError(f"类别 {key!r} 不是 A-D (class {key!r} is not one of A-D)")
        if isinstance(value, Mapping):
            value = (value.get("min", 0.0), value.get("max", 1.0))
        try:
            low, high = (float(v) for v in value)
        except (TypeError, ValueError):
            raise ValueError(f"{key} 类的区间须为 [下限, 上限] (class {key}: a band is [low, high])") from None
        if not (0.0 <= low <= high <= 1.0):
            raise ValueError(f"{key} 类的区间 {low:.0%}-{high:.0%} 无效，须 0 ≤ 下限 ≤ 上限 ≤ 100% "
                             f"(class {key}: band {low:.0%}-{high:.0%} is not 0 <= low <= high <= 100%)")
        out[key] = (low, high)
    return out


def format_bands(bands: Mapping[str, Band]) -> str:
    """``A ≤5% · B 5–20% · ...`` (percentages to one decimal when needed)."""
    parts = []
    for s in STRATA:
        low, high = bands[s]
        parts.append(f"{s} ≤{_pct(high)}" if low <= 0 else f"{s} {_pct(low)}–{_pct(high)}")
    return " · ".join(parts)


def band_problems(rule: SamplingRule, bands: Mapping[str, Band], sizes: Mapping[str, int], *,
                  overridden: bool = False) -> list[Problem]:
    """What breaks the bands (unless ``overridden``) and the order A <= B <= C <= D (always).

    ``sizes`` are the pool's strata at check time; counts are judged against them, ratios
    as declared. Malformed values are left to ``validate``, which names them.
    """
    out: list[Problem] = []
    effective: dict[str, float] = {}
    by_ratio = rule.counts is None
    table = (rule.ratios or {}) if by_ratio else rule.counts
    for s in STRATA:
        value = table.get(s)
        if isinstance(value, bool) or not isinstance(value, Real) or not math.isfinite(float(value)) or value <= 0:
            continue
        low, high = bands[s]
        if by_ratio:
            effective[s] = float(value)
            if not overridden and not _within(float(value), low, high):
                out.append(Problem("ratio_out_of_band", RULE_BANDS,
                                   f"{s} 类的抽查比例 {_pct(value)} 不在本计划的区间 {_band(low, high)} 内 "
                                   f"(class {s}: ratio {_pct(value)} is outside the plan's band {_band(low, high)})",
                                   f"stratum {s}", params={"stratum": s, "value": _pct(value),
                                                           "band": _band(low, high)}))
            continue
        size = int(sizes.get(s, 0))
        if size <= 0:
            continue
        k = min(int(value), size)
        effective[s] = k / size
        least = max(1, _ceil(low, size))
        most = max(1, _ceil(high, size))
        if not overridden and not least <= k <= most:
            out.append(Problem("count_out_of_band", RULE_BANDS,
                               f"{s} 类抽取 {k} 个（共 {size} 个，{_pct(k / size)}），本计划的区间 {_band(low, high)} "
                               f"对应 {least}-{most} 个 (class {s}: {k} of {size} ({_pct(k / size)}); the plan's band "
                               f"{_band(low, high)} means {least}-{most})", f"stratum {s}",
                               params={"stratum": s, "count": k, "size": size, "ratio": _pct(k / size),
                                       "band": _band(low, high), "least": least, "most": most}))
    present = [s for s in STRATA if s in effective]
    for lower, higher in zip(present, present[1:]):
        if effective[higher] < effective[lower]:
            out.append(Problem("ratio_falls_with_risk", RULE_ORDER,
                               f"{higher} 类（风险更高）的抽查比例 {_pct(effective[higher])} 低于 {lower} 类的 "
                               f"{_pct(effective[lower])} (class {higher}, of higher risk, is sampled at "
                               f"{_pct(effective[higher])}, less than class {lower} at {_pct(effective[lower])})",
                               f"stratum {higher}", params={"higher": higher, "ratio": _pct(effective[higher]),
                                                            "lower": lower, "lower_ratio": _pct(effective[lower])}))
    return out


def _ceil(ratio: float, size: int) -> int:
    # As SamplingRule.count_for: the ratio at its shortest decimal spelling (7% of 100 is 7).
    return min(math.ceil(Decimal(repr(float(ratio))) * size), size)


def _within(value: float, low: float, high: float) -> bool:
    # Ratios are typed as percentages: compare at 1e-9 so 0.2 is within 5%-20%.
    return low - 1e-9 <= value <= high + 1e-9


def _pct(value: float) -> str:
    text = f"{float(value) * 100:.1f}".rstrip("0").rstrip(".")
    return f"{text}%"


def _band(low: float, high: float) -> str:
    return f"≤{_pct(high)}" if low <= 0 else f"{_pct(low)}–{_pct(high)}"
