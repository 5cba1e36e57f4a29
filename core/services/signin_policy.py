"""The sign-in lock-out setting: how many failures lock a user name, and for how long.

It is held in the database (``app_meta``), not in a workstation's settings file, so every
workstation of a centre applies the same rule to the same shared counter. Both keys are
optional; the defaults are 5 failures and 15 minutes::

    sign_in.max_failures     = "5"
    sign_in.lockout_minutes  = "15"

An administrator changes them with :func:`core.services.users.set_sign_in_policy`
(``tongguan users policy``). A value out of range in the table is ignored for the default
and logged: a typo must never lock everybody out, nor switch the lock-out off.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.db.models import AppMeta
from core.errors import ValidationError

_log = logging.getLogger(__name__)

MAX_FAILURES_KEY = "sign_in.max_failures"
LOCKOUT_MINUTES_KEY = "sign_in.lockout_minutes"
MAX_FAILURES_RANGE = (1, 100)
LOCKOUT_MINUTES_RANGE = (1, 24 * 60)


@dataclass(frozen=True)
class SignInPolicy:
    """``max_failures`` wrong passwords in a row lock a user name for ``lockout_minutes``."""

    max_failures: int = 5
    lockout_minutes: int = 15

    def __post_init__(self) -> None:
        for name, (low, high) in (("max_failures", MAX_FAILURES_RANGE),
                                  ("lockout_minutes", LOCKOUT_MINUTES_RANGE)):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
                raise ValidationError(f"{name} must be a whole number from {low} to {high}, not {value!r}",
                                      where=f"sign-in policy {name}")


DEFAULT_POLICY = SignInPolicy()


def read_sign_in_policy(session: Session) -> SignInPolicy:
    """The policy stored in ``app_meta``; the default for a key that is missing or invalid."""
    rows = dict(session.execute(select(AppMeta.key, AppMeta.value)
                                .where(AppMeta.key.in_((MAX_FAILURES_KEY, LOCKOUT_MINUTES_KEY)))).all())
    values = {"max_failures": DEFAULT_POLICY.max_failures, "lockout_minutes": DEFAULT_POLICY.lockout_minutes}
    for key, name in ((MAX_FAILURES_KEY, "max_failures"), (LOCKOUT_MINUTES_KEY, "lockout_minutes")):
        if key not in rows:
            continue
        try:
            candidate = int(rows[key])
            SignInPolicy(**{**values, name: candidate})
        except (ValueError, ValidationError):
            _log.warning("ignoring app_meta %s=%r: using the default %s", key, rows[key], values[name])
            continue
        values[name] = candidate
    return SignInPolicy(**values)


def write_sign_in_policy(session: Session, policy: SignInPolicy) -> None:
    """Store ``policy`` in ``app_meta`` (the caller checks rights, audits and commits)."""
    for key, value in ((MAX_FAILURES_KEY, policy.max_failures), (LOCKOUT_MINUTES_KEY, policy.lockout_minutes)):
        row = session.get(AppMeta, key)
        if row is None:
            session.add(AppMeta(key=key, value=str(value)))
        else:
            row.value = str(value)
