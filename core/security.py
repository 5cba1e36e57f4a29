"""Password hashing for console users (stdlib scrypt, salted, parameters in the hash)."""
from __future__ import annotations

import base64
import hashlib
import hmac
import os

_N, _R, _P = 2**14, 8, 1


def hash_password(password: str, *, salt: bytes | None = None) -> str:
    """A self-describing ``scrypt$n$r$p$salt$hash`` string."""
    salt = salt if salt is not None else os.urandom(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    enc = base64.b64encode
    return f"scrypt${_N}${_R}${_P}${enc(salt).decode()}${enc(digest).decode()}"


def needs_rehash(stored: str) -> bool:
    """True when ``stored`` was not made with today's scheme and parameters (upgrade it on sign-in)."""
    parts = stored.split("$")
    return len(parts) != 6 or parts[:4] != ["scrypt", str(_N), str(_R), str(_P)]


def unusable_password() -> str:
    """A stored value no password matches (system accounts, accounts awaiting a password)."""
    return "!" + base64.b64encode(os.urandom(12)).decode()


def verify_password(password: str, stored: str) -> bool:
    """True when ``password`` matches ``stored``; False for any malformed hash."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(digest)
        got = hashlib.scrypt(
            password.encode(), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p),
            dklen=len(expected),
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, expected)
