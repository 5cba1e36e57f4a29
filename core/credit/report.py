"""An explanation and joint measures as plain text lines (the CLI prints them), Chinese or English."""
from __future__ import annotations

from .joint import MeasuresFor
from .kinds import kind_name
from .records import Explanation

_WORDS = {
    "class": ("信用风险分类", "Credit risk class"),
    "computed": ("计算结果", "computed"),
    "version": ("规则版本", "rule set version"),
    "score": ("得分", "Score"),
    "base": ("基准分", "base"),
    "records": ("信用记录", "Records"),
    "none": ("（无）", "(none)"),
    "weight": ("权重", "weight"),
    "decay": ("衰减", "decay"),
    "in_force": ("有效", "in force"),
    "not_yet": ("尚未发生", "not yet"),
    "expired": ("已过有效期", "expired"),
    "ended": ("已移出名单", "taken off the list"),
    "repaired": ("已信用修复", "repaired"),
    "until": ("有效至", "until"),
    "thresholds": ("分级线", "Thresholds"),
    "otherwise": ("其余为 D", "otherwise D"),
    "half_life": ("半衰期（天）", "half-life (days)"),
    "floor": ("保底等级（在效记录）", "Floor from records in force"),
    "override": ("已由官方等级覆盖", "Overridden by the official class"),
    "source": ("来源", "source"),
    "linked": ("关联信用：同一法定代表人的其他主体列入严重违法失信名单",
               "Linked credit: other entities of the same legal representative on the serious-violation list"),
    "of": ("共", "of"),
    "as_of": ("截至", "as of"),
    "lists": ("联合奖惩名单", "Joint reward and punishment lists"),
    "measures": ("适用措施", "Measures that apply"),
    "because": ("依据记录", "because of"),
    "basis": ("依据", "basis"),
}


def _w(key: str, lang: str) -> str:
    zh, en = _WORDS[key]
    return zh if lang.startswith("zh") else en


def explanation_lines(e: Explanation, lang: str = "zh_CN") -> list[str]:
    """What :func:`core.credit.explain` found, line by line."""
    w = lambda k: _w(k, lang)  # noqa: E731 - a local shorthand
    head = f"{e.uscc}  {e.name}  ({w('as_of')} {e.as_of.isoformat()})"
    cls = f"{w('class')}: {e.risk_class}  ({w('computed')} {e.computed_class}; {w('version')} {e.rules_version})"
    total = sum(r.contribution for r in e.records)
    lines = [head, cls, f"{w('score')}: {e.score:.2f} = {w('base')} {e.base:.2f} {total:+.2f}"]
    if e.overridden:
        lines.append(f"{w('override')} {e.risk_class} ({w('source')}: {e.official_source})")
    lines.append(f"{w('records')} ({len(e.records)}):")
    if not e.records:
        lines.append(f"  {w('none')}")
    for r in e.records:
        state = w("in_force") if r.in_force else w(r.why_not)
        until = f"; {w('until')} {r.ends_on.isoformat()}" if r.ends_on else ""
        lines.append(f"  {r.record.occurred_on.isoformat()}  {kind_name(r.record.kind, lang)}  {r.record.title}  "
                     f"{w('weight')} {r.weight:+.1f} x {w('decay')} {r.decay:.3f} = {r.contribution:+.2f}  "
                     f"[{state}{until}]")
    t = e.rules.thresholds
    lines.append(f"{w('thresholds')}: A >= {t['A']:g}, B >= {t['B']:g}, C >= {t['C']:g}, {w('otherwise')}; "
                 f"{w('half_life')} {e.rules.half_life_days:g}")
    if e.floor_kinds:
        lines.append(f"{w('floor')}: " + ", ".join(f"{kind_name(k, lang)} -> {e.rules.floors[k]}" for k in e.floor_kinds))
    if e.linked:
        lines.append(f"{w('linked')} ({w('of')} {e.linked_total}):")
        lines += [f"  {link.uscc}  {link.name}  {link.listed_on.isoformat()}" for link in e.linked]
    return lines


def measures_lines(m: MeasuresFor, lang: str = "zh_CN") -> list[str]:
    """The lists an entity is on and the measures a department applies, with why."""
    zh = lang.startswith("zh")
    lines = [f"{_w('lists', lang)}:"]
    if not m.memberships:
        lines.append(f"  {_w('none', lang)}")
    for ms in m.memberships:
        because = "; ".join(f"{w.record.occurred_on.isoformat()} {w.record.title}" for w in ms.because)
        lines.append(f"  {ms.list.name_zh if zh else ms.list.name_en}  ({_w('because', lang)}: {because})")
    lines.append(f"{_w('measures', lang)}:")
    if not m.measures:
        lines.append(f"  {_w('none', lang)}")
    for a in m.measures:
        name, basis = (a.measure.name_zh, a.measure.basis_zh) if zh else (a.measure.name_en, a.measure.basis_en)
        lines.append(f"  {name}  ({_w('basis', lang)}: {basis})")
    return lines
