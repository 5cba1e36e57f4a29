"""The records of each entity's timeline (licences, inspections, penalties, ...), vectorised."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

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


def kind_plans(vocabulary: dict, dept_id_by_name: dict[str, int]) -> list[KindPlan]:
    """Plans for every record kind in the demo vocabulary.

    A kind's titles are either a list (any of its departments may record them) or a map
    from title to the one department that issues it (a licence comes from its authority).
    """
    plans = []
    for kind, v in vocabulary["records"].items():
        titles = v["titles"]
        if isinstance(titles, dict):
            weights = {name: 1.0 for name in titles}
            issuer = [dept_id_by_name[d] for d in titles.values()]
        else:
            weights = v["departments"]
            issuer = None
        names = list(weights)
        p = np.array([weights[n] for n in names], dtype=float)
        plans.append(KindPlan(
            kind=kind,
            rate=float(v["rate"]),
            risk_factor=np.array(v.get("risk_factor", [1.0] * 4), dtype=float),
            dept_ids=np.array(issuer if issuer else [dept_id_by_name[n] for n in names]),
            dept_p=p / p.sum(),
            titles=np.array(list(titles), dtype=object),
            outcomes=np.array(v["outcomes"], dtype=object),
            ref_prefix=v.get("ref_prefix"),
            title_sets_department=issuer is not None,
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
) -> list[list]:
    """Columns (RECORD_COLUMNS order, without ``id``) for one chunk of entities.

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
        n = int(counts.sum())
        if n == 0:
            continue
        owner = np.repeat(np.arange(len(entity_ids)), counts)
        occurred = registered[owner] + (rng.random(n) * (span[owner] + 1)).astype(np.int64)
        ids = np.arange(seq, seq + n)
        seq += n
        title_idx = rng.integers(0, len(plan.titles), n)
        dept = (plan.dept_ids[title_idx] if plan.title_sets_department
                else rng.choice(plan.dept_ids, size=n, p=plan.dept_p))
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
            dept.tolist(),
            ref,
            plan.titles[title_idx].tolist(),
            plan.outcomes[rng.integers(0, len(plan.outcomes), n)].tolist(),
            amount,
            valid,
            [None] * n,
        )):
            col.extend(values)
    return columns
