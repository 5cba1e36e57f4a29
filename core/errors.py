"""Typed errors raised by the core; the UI and CLI turn them into words.

Each error carries a stable ``code`` so callers can branch on it without parsing the
message, and a ``where`` naming the place (file, line, field, database) the problem is.
"""
from __future__ import annotations


class TongguanError(Exception):
    """Base class of every error the core raises on purpose."""

    code = "error"

    def __init__(self, message: str, *, where: str | None = None, code: str | None = None,
                 params: dict[str, object] | None = None) -> None:
        """``message`` is the bilingual text for the CLI and logs; ``code`` (when finer than the
        class's) and ``params`` let the UI word the error itself, in the user's language."""
        super().__init__(message)
        self.message = message
        self.where = where
        if code is not None:
            self.code = code
        self.params: dict[str, object] = dict(params or {})

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


class InvalidUSCC(TongguanError):
    """A Unified Social Credit Code that fails GB 32100-2015."""

    code = "uscc.invalid"

    def __init__(self, message: str, *, value: str, reason: str, where: str | None = None) -> None:
        super().__init__(message, where=where)
        self.value = value
        self.reason = reason


class DatabaseUnavailable(TongguanError):
    """The configured database cannot be reached or opened."""

    code = "db.unavailable"


class DatabaseTimedOut(DatabaseUnavailable):
    """The database did not answer in time (a statement time-out, a lock held too long)."""

    code = "db.timeout"


class ConfigError(TongguanError):
    """A configuration or data file is missing or malformed."""

    code = "config.invalid"


class ValidationError(TongguanError):
    """A domain rule refused an operation; the message cites the rule."""

    code = "validation"


class AlreadyChanged(ValidationError):
    """Another workstation changed the object first (claimed it, say); ``by`` names who."""

    code = "conflict.already_changed"

    def __init__(self, message: str, *, by: str | None = None, where: str | None = None, code: str | None = None,
                 params: dict[str, object] | None = None) -> None:
        super().__init__(message, where=where, code=code, params=params)
        self.by = by


class NotFound(TongguanError):
    """An object asked for by key does not exist."""

    code = "not_found"


class Cancelled(TongguanError):
    """Long work stopped because the caller asked it to."""

    code = "cancelled"


class PermissionDenied(TongguanError):
    """The acting user lacks a permission; ``permission`` names it, ``params`` say where.

    The message is English for logs; the UI words the refusal from ``code``,
    ``permission`` and ``params`` in the user's language.
    """

    code = "permission.denied"

    def __init__(self, permission: str, *, actor: str | None = None, **params: object) -> None:
        super().__init__(f"{actor or 'the caller'} lacks the permission {permission!r}")
        self.permission = permission
        self.actor = actor
        self.params = params
