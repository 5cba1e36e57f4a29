"""What the draw services share: rules they cite, input normalisation, small lookups."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.db.models import DrawBatch, DrawRecord, DrawStatus
from core.draws import STRATA, SamplingRule
from core.errors import Cancelled, NotFound, ValidationError
from core.workdays import WorkdayCalendar, default_calendar  # noqa: F401 - re-exported

# 企业信息公示暂行条例: inspection results are published within 20 working days.
RESULTS_WORKING_DAYS = 20
# Local practice (the demo vocabulary's "inspection" handling period), so a parameter.
CLUE_WORKING_DAYS = 10

RULE_LIST = "一单两库：抽查事项清单 (one list, two pools: the list of inspection matters)"
RULE_WINDOW = "检查时间窗须先开始后结束 (the inspection window must start before it ends)"
RULE_STATUS = ("抽查批次锁定后不得更改，锁定后才能抽取 "
               "(a batch cannot change once locked, and is drawn only after it is locked)")
RULE_LEAD = "联合抽查由牵头部门组织，牵头部门须参加 (the lead department takes part in a joint batch)"

POOL_FILTER_KEYS = ("town_codes", "village_codes", "industry_codes", "entity_types", "statuses",
                    "risk_classes", "tag_ids", "entity_ids")
AVOIDANCE_KEYS = ("declared_conflicts", "last_inspection", "same_village")
DEFAULT_AVOIDANCE = {"declared_conflicts": True, "last_inspection": True, "same_village": False}


Progress = Callable[[float, str], None]


def stepper(progress: Progress | None, is_cancelled: Callable[[], bool] | None) -> Progress:
    """One callable for long work: reports progress and stops (Cancelled) when asked to.

    Services call it only before they commit, so a cancelled call changes nothing.
    """
    def step(fraction: float, message: str) -> None:
        if is_cancelled is not None and is_cancelled():
            raise Cancelled("已取消，未做任何更改 (cancelled; nothing was changed)")
        if progress is not None:
            progress(fraction, message)

    return step


def utc(value: dt.datetime | None) -> dt.datetime | None:
    """A stored timestamp as aware UTC (SQLite keeps no zone; we always store UTC)."""
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value


def get_batch(s: Session, batch_id: int, *, for_update: bool = False) -> DrawBatch:
    stmt = select(DrawBatch).where(DrawBatch.id == batch_id)
    if for_update:
        stmt = stmt.with_for_update()
    batch = s.scalars(stmt).first()
    if batch is None:
        raise NotFound(f"抽查批次 {batch_id} 不存在 (draw batch {batch_id} does not exist)",
                       where=f"draw batch {batch_id}")
    return batch


def get_record(s: Session, batch_id: int) -> DrawRecord | None:
    return s.scalars(select(DrawRecord).where(DrawRecord.batch_id == batch_id)).first()


def require_status(batch: DrawBatch, *allowed: DrawStatus, doing: str) -> None:
    if batch.status not in allowed:
        wanted = " / ".join(a.value for a in allowed)
        raise ValidationError(
            f"抽查批次“{batch.name}”状态为 {batch.status.value}，只有 {wanted} 状态的批次才能{doing[0]} "
            f"(draw batch {batch.name!r} is {batch.status.value}; only a {wanted} batch can be {doing[1]})",
            where=f"draw batch {batch.id}")


def normalise_pool_filter(pool_filter: Mapping | None) -> dict:
    """The stored pool filter: known keys only, lists of values; statuses default to active.

    ``source`` (where a map selection came from) is kept as given; ``fit_matters`` (true: only
    the entities some matter of the batch applies to) as a flag; unknown keys are refused.
    """
    given = dict(pool_filter or {})
    unknown = sorted(set(given) - set(POOL_FILTER_KEYS) - {"source", "fit_matters"})
    if unknown:
        raise ValidationError(f"抽查对象库筛选条件不认识 {', '.join(unknown)} (unknown pool filter keys; "
                              f"known: {', '.join(POOL_FILTER_KEYS)})", where="pool_filter")
    out: dict = {}
    for key in POOL_FILTER_KEYS:
        values = given.get(key)
        if values is None or values == []:
            continue
        if isinstance(values, (str, int)):
            values = [values]
        if key in ("tag_ids", "entity_ids"):
            try:
                values = sorted({int(v) for v in values}) if key == "entity_ids" else [int(v) for v in values]
            except (TypeError, ValueError):
                raise ValidationError(f"{key} 须为整数列表 ({key} must be a list of whole numbers)",
                                      where="pool_filter") from None
        else:
            values = [str(v) for v in values]
        out[key] = values
    out.setdefault("statuses", ["active"])
    if "source" in given:
        out["source"] = given["source"]
    if given.get("fit_matters"):
        out["fit_matters"] = True
    return out


def normalise_sampling(sampling: Mapping | None) -> dict:
    """``{"ratios": {...}}`` or ``{"counts": {...}}`` (validated later with the law cited)."""
    given = dict(sampling or {})
    if not given:
        from core.draws import DEFAULT_RATIOS

        return {"ratios": dict(DEFAULT_RATIOS)}
    if set(given) <= set(STRATA):  # a bare ratio table, as the demo stores it
        return {"ratios": dict(given)}
    unknown = sorted(set(given) - {"ratios", "counts"})
    if unknown:
        raise ValidationError(f"抽查规则只能是 ratios 或 counts，不认识 {', '.join(unknown)} "
                              f"(sampling is {{'ratios': ...}} or {{'counts': ...}}; unknown {', '.join(unknown)})",
                              where="sampling")
    out = {}
    for key in ("ratios", "counts"):
        if key in given and given[key] is not None:
            if not isinstance(given[key], Mapping):
                raise ValidationError(f"sampling.{key} 须为按类别的表 (sampling.{key} must map classes to values)",
                                      where="sampling")
            out[key] = {str(k): v for k, v in given[key].items()}
    return out


def sampling_rule(stored: Mapping | None) -> SamplingRule:
    table = normalise_sampling(stored)
    return SamplingRule(ratios=table.get("ratios"), counts=table.get("counts"))


def normalise_avoidance(avoidance: Mapping | None) -> dict:
    given = dict(avoidance or {})
    if "last_inspector" in given and "last_inspection" not in given:  # the demo's spelling
        given["last_inspection"] = given.pop("last_inspector")
    unknown = sorted(set(given) - set(AVOIDANCE_KEYS))
    if unknown:
        raise ValidationError(f"回避规则不认识 {', '.join(unknown)} (unknown avoidance rules; known: "
                              f"{', '.join(AVOIDANCE_KEYS)})", where="avoidance")
    return {k: bool(given.get(k, DEFAULT_AVOIDANCE[k])) for k in AVOIDANCE_KEYS}


def batch_label(batch: DrawBatch) -> str:
    return f"#{batch.id} {batch.name}"
