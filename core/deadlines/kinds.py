"""The kinds of clock the deadline engine follows, as data: code, names, unit, law.

Every deadline in the command center is one of these kinds. The numeric code is what the
columnar :class:`~core.deadlines.items.DeadlineItems` stores (int8); the ``key`` is what
configuration files and the UI use. Names are "中文 (English)" data; the desktop keeps
its own translated labels.
"""
from __future__ import annotations

import enum
from dataclasses import dataclass


class Kind(enum.IntEnum):
    """A kind of clock; the value is the int8 code stored per item."""

    CLUE_HANDLING = 0
    PUSH_CLAIM = 1
    COMMITMENT_VERIFICATION = 2
    INSPECTION_TASK = 3
    RESULTS_PUBLICATION = 4
    CASE_DECISION = 5

    @property
    def key(self) -> str:
        return self.name.lower()


WORKING = "working"
CALENDAR = "calendar"


@dataclass(frozen=True)
class KindInfo:
    """What a kind of clock is: names, the unit of its duration, default duration, basis.

    ``default_days`` is used only where a row carries no due date of its own, and as the
    administrator-overridable default of :class:`~core.deadlines.policy.DeadlinePolicy`.
    ``person_table`` names the table a person id of this kind refers to (``users`` or
    ``inspectors``), or None when the kind has no person.
    """

    kind: Kind
    name_zh: str
    name_en: str
    unit: str  # WORKING or CALENDAR
    default_days: int
    basis_zh: str
    basis_en: str
    person_table: str | None

    @property
    def label(self) -> str:
        return f"{self.name_zh} ({self.name_en})"


KINDS: dict[Kind, KindInfo] = {k.kind: k for k in (
    KindInfo(Kind.CLUE_HANDLING, "线索办理", "Clue handling", WORKING, 10,
             "线索办理时限 (由受理渠道确定，默认值可配置)",
             "handling time set per intake channel (default configurable)", "users"),
    KindInfo(Kind.PUSH_CLAIM, "双告知认领", "Double-notification claim", WORKING, 5,
             "先照后证“双告知”：审批部门5个工作日内认领",
             "post-registration double notification: claimed within 5 working days", None),
    KindInfo(Kind.COMMITMENT_VERIFICATION, "承诺核查", "Commitment verification", WORKING, 20,
             "告知承诺制：核查任务有其自身时限",
             "notification-commitment: verification is a task with its own deadline", "inspectors"),
    KindInfo(Kind.INSPECTION_TASK, "检查任务", "Inspection task", WORKING, 20,
             "双随机抽查任务在检查期限内完成",
             "double-random inspection visits finished within their window", "inspectors"),
    KindInfo(Kind.RESULTS_PUBLICATION, "结果公示", "Results publication", WORKING, 20,
             "企业信息公示暂行条例：检查结果20个工作日内公示",
             "Interim Regulations on Enterprise Information Disclosure: results within 20 working days",
             None),
    KindInfo(Kind.CASE_DECISION, "案件决定", "Case decision", CALENDAR, 90,
             "行政处罚法第六十条：自立案之日起90日内作出处理决定",
             "Administrative Penalty Law Art. 60: decision within 90 days of filing", None),
)}

KIND_BY_KEY: dict[str, Kind] = {k.key: k for k in Kind}


def kind_name(kind: Kind | int | str, lang: str = "zh_CN") -> str:
    """The name of a kind in ``lang`` ("zh..." gives Chinese, anything else English)."""
    info = KINDS[KIND_BY_KEY[kind] if isinstance(kind, str) else Kind(kind)]
    return info.name_zh if lang.startswith("zh") else info.name_en
