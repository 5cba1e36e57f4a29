"""Double-notification pushes (claimed in 5 working days, some late) and commitments."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.workdays import WorkdayCalendar

from .applicability import TitlePicker, issuer
from .population import Frozen
from .spec import STREAM_COMMITMENTS, STREAM_PUSHES, DemoSpec

PUSH_COLUMNS = ("id", "entity_id", "permit_name", "department_id", "pushed_on", "claim_due",
                "claimed_on", "status", "return_reason")
COMMITMENT_COLUMNS = ("id", "entity_id", "matter_name", "commitment_text", "fulfil_by",
                      "verification_standard", "department_id", "breach_consequence", "status")
VERIFICATION_COLUMNS = ("id", "commitment_id", "due_on", "done_on", "inspector_id", "outcome")
CLAIM_WORKING_DAYS = 5
VERIFY_WORKING_DAYS = 20


def _iso(days: np.ndarray) -> list[str | None]:
    return [None if np.isnat(d) else str(d) for d in days]


def push_rows(spec: DemoSpec, pop: Frozen, vocab: dict, dept_id_by_name: dict[str, int],
              calendar: WorkdayCalendar, permits_fit: TitlePicker) -> list[tuple]:
    """Pushes for recent registrations whose business needs a post-registration permit.

    ``permits_fit`` says which permits of the vocabulary each industry needs.
    """
    rng = spec.rng(STREAM_PUSHES, 0)
    as_of = np.datetime64(spec.as_of, "D")
    recent = np.flatnonzero((pop.registered > as_of - 3 * 365) & (rng.random(len(pop)) < 0.8)
                            & permits_fit.eligible(pop.industry_idx))
    n = len(recent)
    permits = list(vocab["permits"])
    permit_idx = permits_fit.pick(rng, pop.industry_idx[recent])
    pushed = pop.registered[recent]
    claim_due = calendar.add_working_days_many(pushed, CLAIM_WORKING_DAYS)
    lag = np.where(rng.random(n) < 0.05, rng.integers(6, 13, n), rng.integers(0, 5, n))
    claimed = np.empty(n, dtype="datetime64[D]")
    for k in np.unique(lag):
        sel = lag == k
        claimed[sel] = calendar.add_working_days_many(pushed[sel], int(k))
    unmatched = rng.random(n) < 0.04
    returned = rng.random(n) < 0.03
    # A returned push waits in the shared queue until the right department claims it.
    reclaimed = calendar.add_working_days_many(claimed, 1) + rng.integers(0, 6, n).astype("timedelta64[D]")
    reasons = vocab["return_reasons"]
    rows = []
    for i in range(n):
        dept = dept_id_by_name[issuer(vocab["permits"][permits[permit_idx[i]]])]
        done = claimed[i] <= as_of
        if returned[i] and done and reclaimed[i] <= as_of:
            # Sent first to the wrong department, returned, then claimed by the permit's own.
            status, claimed_on, reason = "claimed", str(reclaimed[i]), reasons[i % len(reasons)]
        elif returned[i] and done:
            status, claimed_on, reason, dept = "returned", None, reasons[i % len(reasons)], None
        elif done:
            status, claimed_on, reason = "claimed", str(claimed[i]), None
        else:
            status, claimed_on, reason = "pending", None, None
        # An unclear push waits in the shared queue with no department until claimed.
        department = None if unmatched[i] and status == "pending" else dept
        rows.append((i + 1, int(pop.ids[recent[i]]), permits[permit_idx[i]], department,
                     str(pushed[i]), str(claim_due[i]), claimed_on, status, reason))
    return rows


@dataclass(frozen=True)
class CommitmentData:
    commitments: list[tuple]
    verifications: list[tuple]


def commitment_rows(spec: DemoSpec, pop: Frozen, vocab: dict, dept_id_by_name: dict[str, int],
                    inspectors_by_dept: dict[int, np.ndarray], calendar: WorkdayCalendar,
                    matters_fit: TitlePicker) -> CommitmentData:
    """Permits granted on commitment in the last two years (to industries that need them), with
    verification tasks."""
    rng = spec.rng(STREAM_COMMITMENTS, 0)
    as_of = np.datetime64(spec.as_of, "D")
    chosen = np.flatnonzero((pop.registered > as_of - 2 * 365) & (rng.random(len(pop)) < 0.25)
                            & matters_fit.eligible(pop.industry_idx))
    n = len(chosen)
    matters = list(vocab["matters"])
    matter_idx = matters_fit.pick(rng, pop.industry_idx[chosen])
    fulfil_by = pop.registered[chosen] + 90
    due = calendar.add_working_days_many(fulfil_by, VERIFY_WORKING_DAYS)
    done_lag = rng.integers(1, 30, n)
    roll = rng.random(n)
    commitments, verifications = [], []
    for i in range(n):
        dept = dept_id_by_name[issuer(vocab["matters"][matters[matter_idx[i]]])]
        done_on = fulfil_by[i] + done_lag[i]
        if done_on > as_of:
            status, done, outcome = "pending", None, None
        elif roll[i] < 0.08:
            status, done, outcome = "broken", str(done_on), "未履行承诺：现场核查与承诺不符"
        else:
            status, done, outcome = "fulfilled", str(done_on), "已履行承诺"
        pool = inspectors_by_dept.get(dept)
        inspector = int(pool[i % len(pool)]) if pool is not None and len(pool) and done else None
        commitments.append((i + 1, int(pop.ids[chosen[i]]), matters[matter_idx[i]], vocab["text"],
                            str(fulfil_by[i]), vocab["standard"], dept, vocab["consequence"], status))
        verifications.append((i + 1, i + 1, str(due[i]), done, inspector, outcome))
    return CommitmentData(commitments, verifications)
