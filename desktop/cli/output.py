"""Printing results as text or JSON, and errors as one clear line."""
from __future__ import annotations

import json
import sys
from typing import Any


def emit_json(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, default=str))


def fail(message: str, code: int = 2) -> int:
    print(f"tongguan: error: {message}", file=sys.stderr)
    return code


class ProgressPrinter:
    """Progress on stderr: a rewritten line on a terminal, sparse lines otherwise."""

    def __init__(self, quiet: bool = False) -> None:
        self.quiet = quiet
        self.last = -1

    def __call__(self, fraction: float, message: str) -> None:
        if self.quiet:
            return
        pct = int(fraction * 100)
        if sys.stderr.isatty():
            print(f"\r[{pct:3d}%] {message:<60}", end="" if pct < 100 else "\n", file=sys.stderr, flush=True)
        elif pct // 10 != self.last // 10 or pct == 100:
            print(f"[{pct:3d}%] {message}", file=sys.stderr, flush=True)
        self.last = pct
