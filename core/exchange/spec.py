"""What each kind of exchanged record looks like: its columns, in one declaration per kind.

A column has its Chinese header (what files carry), an English name (documentation and the
error report), the key the validator produces and a type saying how its cell is read. The
same declaration drives reading, validation, export and ``docs/exchange.md``.

Kinds and where they are stored:

- ``entities``: ``market_entities`` (matched by the credit code);
- ``registrations``: the registration feed (core.feeds: the entity, its business scope and
  the 双告知 pushes it opens), keyed by source system and registration id;
- ``licences`` ... ``grid_events``: ``entity_records`` of one :class:`RecordKind` each;
- ``commitments``: ``commitments``.

Every record other than an entity is matched by its source system and that system's own
record id (``来源系统`` + ``来源编号``), so importing the same file twice changes nothing.
"""
from __future__ import annotations

from dataclasses import dataclass

from core.db.models import RecordKind

# Cell types: how a value is read and checked (core.exchange.validate).
TEXT, CODE, DATE, NUMBER, USCC, TOWN, VILLAGE, DEPARTMENT, INDUSTRY = (
    "text", "code", "date", "number", "uscc", "town", "village", "department", "industry")
ENTITY_TYPE, STATUS, COORD_SYSTEM, LAT, LNG, FLAG, COMMITMENT_STATUS = (
    "entity_type", "status", "coord_system", "lat", "lng", "flag", "commitment_status")


@dataclass(frozen=True)
class Field:
    """One column of an exchange file."""

    header: str                 # the Chinese header files carry
    english: str                # its English name (docs, error report)
    key: str                    # the validated value's key
    type: str = TEXT
    required: bool = False
    max_length: int | None = None


@dataclass(frozen=True)
class KindSpec:
    """One kind of record: its name, its table and its columns."""

    name: str                   # CLI name: "entities", "penalties"...
    zh: str
    en: str
    target: str                 # "entity", "record", "commitment" or "registration"
    fields: tuple[Field, ...]
    record_kind: RecordKind | None = None

    @property
    def headers(self) -> tuple[str, ...]:
        return tuple(f.header for f in self.fields)

    def field(self, key: str) -> Field:
        return next(f for f in self.fields if f.key == key)


_USCC = Field("统一社会信用代码", "Unified Social Credit Code", "uscc", USCC, required=True)
_SOURCE = (
    Field("来源系统", "Source system", "source_system", CODE, required=True, max_length=40),
    Field("来源编号", "Record id in the source system", "source_ref", CODE, required=True, max_length=64),
)

ENTITY_FIELDS = (
    _USCC,
    Field("名称", "Name", "name", TEXT, required=True, max_length=120),
    Field("主体类型", "Entity type (企业/个体工商户/农民专业合作社)", "entity_type", ENTITY_TYPE, required=True),
    Field("镇街", "Town or street (name or code)", "town_code", TOWN, required=True),
    Field("村社", "Village or community (name or code)", "village_code", VILLAGE),
    Field("行业代码", "Industry code (GB/T 4754)", "industry_code", INDUSTRY),
    Field("住所", "Address", "address", TEXT, max_length=200),
    Field("法定代表人", "Legal representative", "legal_rep", TEXT, max_length=40),
    Field("成立日期", "Founded on", "registered_on", DATE),
    Field("登记状态", "Registration status (存续/注销/吊销)", "status", STATUS),
    Field("经度", "Longitude", "lng", LNG),
    Field("纬度", "Latitude", "lat", LAT),
    Field("坐标系", "Coordinate system (WGS-84/GCJ-02/BD-09)", "coord_system", COORD_SYSTEM),
    Field("位置待核实", "Location to verify (是/否)", "unverified", FLAG),
)


def _record(name: str, zh: str, en: str, kind: RecordKind, *, title: tuple[str, str], date: tuple[str, str],
            department: tuple[str, str], outcome: tuple[str, str] | None = None,
            ref: tuple[str, str] | None = None, amount: tuple[str, str] | None = None,
            valid_until: tuple[str, str] | None = None) -> KindSpec:
    """An ``entity_records`` kind: the entity, the source key, then the kind's own columns."""
    fields = [_USCC, *_SOURCE, Field(title[0], title[1], "title", TEXT, required=True, max_length=200),
              Field(date[0], date[1], "occurred_on", DATE, required=True),
              Field(department[0], department[1], "department_id", DEPARTMENT)]
    if outcome:
        fields.append(Field(outcome[0], outcome[1], "outcome", TEXT, max_length=200))
    if ref:
        fields.append(Field(ref[0], ref[1], "ref_no", CODE, max_length=40))
    if amount:
        fields.append(Field(amount[0], amount[1], "amount_yuan", NUMBER))
    if valid_until:
        fields.append(Field(valid_until[0], valid_until[1], "valid_until", DATE))
    fields.append(Field("备注", "Notes", "details", TEXT, max_length=4000))
    return KindSpec(name, zh, en, "record", tuple(fields), kind)


KINDS: dict[str, KindSpec] = {spec.name: spec for spec in (
    KindSpec("entities", "市场主体", "Market entities", "entity", ENTITY_FIELDS),
    _record("licences", "行政许可", "Licences", RecordKind.LICENCE,
            title=("许可事项", "Licence"), date=("许可日期", "Granted on"), department=("许可机关", "Granting department"),
            outcome=("许可结果", "Decision"), ref=("许可证编号", "Licence number"),
            valid_until=("有效期至", "Valid until")),
    _record("penalties", "行政处罚", "Penalties", RecordKind.PENALTY,
            title=("违法行为", "Offence"), date=("处罚日期", "Decided on"), department=("处罚机关", "Deciding department"),
            outcome=("处罚结果", "Penalty"), ref=("处罚决定书文号", "Decision number"),
            amount=("罚没金额（元）", "Fine and confiscation (yuan)")),
    _record("inspections", "检查结果", "Inspection results", RecordKind.INSPECTION,
            title=("检查事项", "Inspected matter"), date=("检查日期", "Inspected on"),
            department=("检查部门", "Inspecting department"), outcome=("检查结果", "Result"),
            ref=("检查文书编号", "Document number")),
    _record("tests", "抽检结果", "Test (抽检) results", RecordKind.TEST,
            title=("抽检项目", "Tested product"), date=("抽样日期", "Sampled on"),
            department=("抽检部门", "Testing department"), outcome=("检验结论", "Conclusion"),
            ref=("检验报告编号", "Report number")),
    _record("honours", "荣誉", "Honours", RecordKind.HONOUR,
            title=("荣誉名称", "Honour"), date=("授予日期", "Awarded on"), department=("授予部门", "Awarding department"),
            outcome=("评定结果", "Result"), ref=("文号", "Document number"), valid_until=("有效期至", "Valid until")),
    _record("complaints", "投诉举报", "Complaints", RecordKind.COMPLAINT,
            title=("投诉事由", "Complaint"), date=("受理日期", "Received on"), department=("受理部门", "Receiving department"),
            outcome=("处理结果", "Outcome"), ref=("投诉编号", "Complaint number")),
    _record("grid_events", "网格事件", "Grid events", RecordKind.GRID_EVENT,
            title=("事件描述", "Event"), date=("发生日期", "Happened on"), department=("处置部门", "Handling department"),
            outcome=("处置结果", "Outcome"), ref=("事件编号", "Event number")),
    _record("credit", "信用记录", "Credit records", RecordKind.CREDIT,
            title=("信用事项", "Credit matter"), date=("认定日期", "Decided on"), department=("认定部门", "Deciding department"),
            outcome=("公示状态", "Disclosure"), ref=("文号", "Document number"), valid_until=("有效期至", "Valid until")),
    KindSpec("commitments", "告知承诺", "Commitments", "commitment", (
        _USCC, *_SOURCE,
        Field("承诺事项", "Matter", "matter_name", TEXT, required=True, max_length=120),
        Field("承诺内容", "Commitment text", "commitment_text", TEXT, required=True, max_length=4000),
        Field("履行期限", "Fulfil by", "fulfil_by", DATE, required=True),
        Field("核查标准", "Verification standard", "verification_standard", TEXT, required=True, max_length=400),
        Field("核查部门", "Verifying department", "department_id", DEPARTMENT, required=True),
        Field("违诺后果", "Consequence of breach", "breach_consequence", TEXT, required=True, max_length=400),
        Field("状态", "Status (待核查/已履行/已违诺)", "status", COMMITMENT_STATUS),
    )),
    KindSpec("registrations", "登记信息", "Registrations", "registration", (
        *ENTITY_FIELDS[:8], *_SOURCE,
        Field("登记日期", "Registered on", "registered_on", DATE),
        Field("经营范围", "Business scope", "business_scope", TEXT, max_length=4000),
        Field("许可事项", "Permits (codes separated by ;)", "permits", TEXT, max_length=1000),
    )),
)}

# The words files use for closed vocabularies, and the values stored.
ENTITY_TYPES = {"企业": "enterprise", "个体工商户": "individual", "农民专业合作社": "cooperative"}
STATUSES = {"存续": "active", "在业": "active", "开业": "active", "注销": "deregistered", "吊销": "revoked"}
STATUS_WORDS = {"active": "存续", "deregistered": "注销", "revoked": "吊销"}
COMMITMENT_STATUSES = {"待核查": "pending", "已履行": "fulfilled", "已违诺": "broken"}
COORD_SYSTEMS = {"WGS84": "wgs84", "GCJ02": "gcj02", "BD09": "bd09"}
FLAGS = {"是": True, "否": False, "Y": True, "N": False, "TRUE": True, "FALSE": False, "1": True, "0": False}

UNVERIFIED_TAG = ("location_unverified", "位置待核实", "Location to verify", "#E6A23C",
                  "导入时没有坐标，暂放在村社或镇街中心，待现场核实。",
                  "Imported without coordinates: placed at its village or town centre until checked on site.")
"""The tag (code, zh, en, colour, meaning zh, meaning en) on entities placed at a centre."""
UNCLASSIFIED_INDUSTRY = ("0000", "未分类", "Unclassified")
"""The industry of an entity imported without an industry code."""


def spec_of(kind: str) -> KindSpec:
    """The spec of ``kind`` (its CLI name); KeyError naming the known kinds otherwise."""
    try:
        return KINDS[kind]
    except KeyError:
        raise KeyError(f"unknown kind {kind!r}; one of {', '.join(KINDS)}") from None
