"""The records of each entity's timeline (licences, inspections, penalties, ...), vectorised."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .applicability import IndustryRules, TitlePicker, issuer
from .spec import STREAM_RECORDS, DemoSpec

RECORD_COLUMNS = (
    "id", "entity_id", "kind", "occurred_on", "department_id", "ref_no", "title",
    "outcome", "amount_yuan", "valid_until", "details",
)


@dataclass(frozen=True)
class KindPlan:
    """How one record kind is generated, resolved against a database's department ids."""

    kind: str
    rate: float
    risk_factor: np.ndarray  # multiplier per risk class A-D
    dept_ids: np.ndarray
    dept_p: np.ndarray
    titles: np.ndarray
    outcomes: np.ndarray
    ref_prefix: str | None
    title_sets_department: bool
    picker: TitlePicker | None = None  # titles by industry; None: any title for anyone
    title_format: str | None = None    # e.g. "{town}网格巡查：{title}" (no department: the town's grid)


def kind_plans(vocabulary: dict, dept_id_by_name: dict[str, int], industry_codes: list[str]) -> list[KindPlan]:
    """Plans for every record kind in the demo vocabulary.

    A kind's titles are either a list (any of its departments may record them, or none:
    a grid event comes from the town) or a map from title to the one department that
    issues it (a licence comes from its authority), optionally with the industries it
    applies to (``industry_codes`` is the generator's industry order).
    """
    rules = IndustryRules.from_vocabulary(vocabulary)
    plans = []
    for kind, v in vocabulary["records"].items():
        titles = v["titles"]
        picker = None
        if isinstance(titles, dict):
            weights = {name: 1.0 for name in titles}
            issued_by = [dept_id_by_name[issuer(e)] for e in titles.values()]
            fits = rules.matrix(list(titles.values()), industry_codes)
            picker = None if fits.all() else TitlePicker(fits)
        else:
            weights = v.get("departments") or {}
            issued_by = None
        names = list(weights)
        p = np.array([weights[n] for n in names], dtype=float)
        plans.append(KindPlan(
            kind=kind,
            rate=float(v["rate"]),
            risk_factor=np.array(v.get("risk_factor", [1.0] * 4), dtype=float),
            dept_ids=np.array(issued_by if issued_by else [dept_id_by_name[n] for n in names], dtype=np.int64),
            dept_p=p / p.sum() if len(p) else p,
            titles=np.array(list(titles), dtype=object),
            outcomes=np.array(v["outcomes"], dtype=object),
            ref_prefix=v.get("ref_prefix"),
            title_sets_department=issued_by is not None,
            picker=picker,
            title_format=v.get("title_format"),
        ))
    return plans


def age_factor(registered: np.ndarray, as_of: np.datetime64) -> np.ndarray:
    """Older entities have more history; a new one has little."""
    years = (as_of - registered).astype(np.int64) / 365.25
    return np.clip(0.35 + years / 4.0, 0.35, 2.2)


def generate_records(
    spec: DemoSpec,
    chunk: int,
    entity_ids: np.ndarray,
    registered: np.ndarray,
    risk: np.ndarray,
    plans: list[KindPlan],
    industry_idx: np.ndarray,
    town_names: np.ndarray,
) -> list[list]:
    """Columns (RECORD_COLUMNS order, without ``id``) for one chunk of entities.

    ``industry_idx`` and ``town_names`` (per entity) decide which titles fit an entity and
    which town's grid reported its grid events.

    Ids are left to the caller, which numbers chunks in order; so chunks can be
    generated ahead, on another thread, while the previous one is being written.
    """
    rng = spec.rng(STREAM_RECORDS, chunk)
    as_of = np.datetime64(spec.as_of, "D")
    ages = age_factor(registered, as_of)
    span = (as_of - registered).astype(np.int64)
    columns: list[list] = [[] for _ in RECORD_COLUMNS[1:]]
    seq = 0  # position within the chunk, for reference numbers
    for plan in plans:
        counts = rng.poisson(plan.rate * plan.risk_factor[risk] * ages)
        if plan.picker is not None:
            counts = np.where(plan.picker.eligible(industry_idx), counts, 0)
        n = int(counts.sum())
        if n == 0:
            continue
        owner = np.repeat(np.arange(len(entity_ids)), counts)
        occurred = registered[owner] + (rng.random(n) * (span[owner] + 1)).astype(np.int64)
        ids = np.arange(seq, seq + n)
        seq += n
        title_idx = (plan.picker.pick(rng, industry_idx[owner]) if plan.picker is not None
                     else rng.integers(0, len(plan.titles), n))
        if plan.title_sets_department:
            dept = plan.dept_ids[title_idx].tolist()
        elif len(plan.dept_ids):
            dept = rng.choice(plan.dept_ids, size=n, p=plan.dept_p).tolist()
        else:
            dept = [None] * n
        titles = plan.titles[title_idx]
        if plan.title_format:
            titles = np.array([plan.title_format.format(town=t, title=x)
                               for t, x in zip(town_names[owner].tolist(), titles.tolist())], dtype=object)
        years = occurred.astype("datetime64[Y]").astype(np.int64) + 1970
        ref = (
            [f"义{plan.ref_prefix}〔{y}〕{chunk % 10}{i % 10000:04d}号" for y, i in zip(years.tolist(), ids.tolist())]
            if plan.ref_prefix else [None] * n
        )
        if plan.kind == "penalty":
            amount = np.maximum(200, np.round(rng.lognormal(np.log(5000), 1.1, n), -2)).tolist()
        else:
            amount = [None] * n
        if plan.kind == "licence":
            valid = np.datetime_as_string(occurred + 5 * 365 + 1).tolist()
        else:
            valid = [None] * n
        for col, values in zip(columns, (
            entity_ids[owner].tolist(),
            [plan.kind] * n,
            np.datetime_as_string(occurred).tolist(),
            dept,
            ref,
            titles.tolist(),
            plan.outcomes[rng.integers(0, len(plan.outcomes), n)].tolist(),
            amount,
            valid,
            [None] * n,
        )):
            col.extend(values)
    return columns
