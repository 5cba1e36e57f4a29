"""The words of an entity's credit: record kinds and states, the class and why, the rule set,
linked credit and joint measures, in the UI language. Shared by the panorama's Credit tab
and its PDF (no widgets here: the PDF is written in a worker).
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from core.credit.panel import CreditPanel
from core.credit.records import Explanation

from .panorama_tables import Cell

KIND_NAMES = {
    "penalty": QT_TRANSLATE_NOOP("CreditPanel", "Administrative penalty"),
    "abnormal": QT_TRANSLATE_NOOP("CreditPanel", "Abnormal-operation list"),
    "serious": QT_TRANSLATE_NOOP("CreditPanel", "Serious-violation list"),
    "broken_commitment": QT_TRANSLATE_NOOP("CreditPanel", "Broken commitment"),
    "late_annual_report": QT_TRANSLATE_NOOP("CreditPanel", "Late annual report"),
    "upheld_complaint": QT_TRANSLATE_NOOP("CreditPanel", "Upheld complaint"),
    "dishonesty": QT_TRANSLATE_NOOP("CreditPanel", "Other dishonesty record"),
    "honour": QT_TRANSLATE_NOOP("CreditPanel", "Honour"),
}
STATES = {
    "": QT_TRANSLATE_NOOP("CreditPanel", "In force"),
    "not_yet": QT_TRANSLATE_NOOP("CreditPanel", "Not yet"),
    "expired": QT_TRANSLATE_NOOP("CreditPanel", "Expired"),
    "ended": QT_TRANSLATE_NOOP("CreditPanel", "Taken off the list"),
    "repaired": QT_TRANSLATE_NOOP("CreditPanel", "Repaired"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("CreditPanel", text)


def kind_text(kind: str) -> str:
    """A credit record kind's name in the UI language."""
    return _tr(KIND_NAMES.get(kind, kind))


def _state(w, lang: str) -> str:
    text = _tr(STATES.get(w.why_not, w.why_not))
    if not (w.ends_on and w.in_force):
        return text
    until = QCoreApplication.translate("CreditPanel", "until {day}").format(day=w.ends_on.isoformat())
    return QCoreApplication.translate("CreditPanel", "{state} ({until})").format(state=text, until=until)


RECORD_COLUMNS = (
    Cell(QT_TRANSLATE_NOOP("PanoramaTables", "Date"), lambda w, lang: w.record.occurred_on.isoformat()),
    Cell(QT_TRANSLATE_NOOP("PanoramaTables", "Kind"), lambda w, lang: kind_text(w.record.kind)),
    Cell(QT_TRANSLATE_NOOP("PanoramaTables", "Record"), lambda w, lang: w.record.title),
    Cell(QT_TRANSLATE_NOOP("PanoramaTables", "State"), _state),
)
WEIGHT_COLUMNS = (
    Cell(QT_TRANSLATE_NOOP("PanoramaTables", "Weight"), lambda w, lang: f"{w.weight:+.1f}", numeric=True),
    Cell(QT_TRANSLATE_NOOP("PanoramaTables", "Decay"), lambda w, lang: f"{w.decay:.3f}", numeric=True),
    Cell(QT_TRANSLATE_NOOP("PanoramaTables", "Points"), lambda w, lang: f"{w.contribution:+.2f}", numeric=True),
)


def internal_note() -> str:
    """What a viewer who may not see classes reads instead of the class."""
    return QCoreApplication.translate("CreditSection", "The credit class is internal to the supervision center; "
                                                       "the records below are the entity's credit facts.")


def rules_text(e: Explanation) -> str:
    t = e.rules.thresholds
    return QCoreApplication.translate("CreditSection", "Rule set version {version}: A from {a:g}, B from {b:g}, "
                                                       "C from {c:g}, otherwise D; weights halve every {half:g} days."
                                      ).format(version=e.rules_version, a=t["A"], b=t["B"], c=t["C"],
                                               half=e.rules.half_life_days)


def summary_text(e: Explanation) -> str:
    """The class, the score and how it is made up (and an official override, if any)."""
    total = sum(w.contribution for w in e.records)
    text = QCoreApplication.translate(
        "CreditSection", "Class {cls}: score {score:.2f} = base {base:g} {total:+.2f} from {count} records in force"
    ).format(cls=e.computed_class, score=e.score, base=e.base, total=total,
             count=sum(1 for w in e.records if w.in_force))
    if e.floor_kinds:
        text += QCoreApplication.translate("CreditSection", "; at least {cls} while on the list: {kinds}").format(
            cls=max(e.rules.floors[k] for k in e.floor_kinds),
            kinds=", ".join(kind_text(k) for k in e.floor_kinds))
    if e.overridden:
        text += "\n" + QCoreApplication.translate(
            "CreditSection", "The official class {cls} overrides the computed one (source: {source})").format(
            cls=e.risk_class, source=e.official_source or "")
    return text


def linked_text(p: CreditPanel) -> str:
    if not p.linked:
        return QCoreApplication.translate("CreditSection", "Linked credit: no other entity of the same legal "
                                                           "representative is on the serious-violation list.")
    lines = [QCoreApplication.translate("CreditSection", "Linked credit: {count} other entities of the same legal "
                                                         "representative are on the serious-violation list"
                                        ).format(count=p.linked_total)]
    lines += [f"  {x.uscc}  {x.name}  {x.listed_on.isoformat()}" for x in p.linked]
    return "\n".join(lines)


def measures_text(p: CreditPanel, lang: str) -> str:
    """The red and black lists the entity is on, why, and the measures that follow."""
    m = p.measures
    zh = lang.startswith("zh")
    if not m.memberships:
        return QCoreApplication.translate("CreditSection", "Joint reward and punishment: on no red or black list.")
    lines = []
    for ms in m.memberships:
        because = "; ".join(f"{w.record.occurred_on.isoformat()} {w.record.title}" for w in ms.because)
        lines.append(QCoreApplication.translate("CreditSection", "{list}, because of: {records}").format(
            list=ms.list.name_zh if zh else ms.list.name_en, records=because))
    if not m.measures:
        lines.append(QCoreApplication.translate("CreditSection", "Your department applies no measure of these lists."))
    elif m.department_code:
        lines.append(QCoreApplication.translate("CreditSection", "Measures your department applies:"))
    else:
        lines.append(QCoreApplication.translate("CreditSection", "Measures the departments apply:"))
    for a in m.measures:
        name, basis = (a.measure.name_zh, a.measure.basis_zh) if zh else (a.measure.name_en, a.measure.basis_en)
        lines.append("  • " + QCoreApplication.translate("CreditSection", "{measure} (basis: {basis})").format(
            measure=name, basis=basis))
    return "\n".join(lines)
