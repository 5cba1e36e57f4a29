"""Helpers shared by the benchmark's QtWebEngine child processes."""
from __future__ import annotations

import os
from pathlib import Path


def rss_mb(pid: int | None = None) -> int:
    """Resident memory of a process now, in MB (-1 if unknown)."""
    try:
        with open(f"/proc/{pid or 'self'}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) // 1024
    except OSError:
        pass
    return -1


def descendants(pid: int) -> list[int]:
    """All processes below ``pid`` (QtWebEngine's zygote, renderer and GPU processes)."""
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents.setdefault(int(fields[1]), []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        for child in parents.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def web_rss_mb() -> int:
    """Resident memory of this process's web-engine helper processes, summed."""
    return sum(max(0, rss_mb(p)) for p in descendants(os.getpid()))
