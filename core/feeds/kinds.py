"""Which kind of record a dropped file holds (the drop folder, :mod:`core.feeds.dropfolder`).

- A file in a subfolder named after a kind (``entities/``, ``penalties/``, ``open311/``...) is that kind.
- A file in the top folder: an Open311 JSON array of service requests is ``open311``; otherwise its
  header row is matched against each exchange kind (:data:`core.exchange.spec.KINDS`): of the kinds
  whose required columns are all present, the one explaining the most headers wins (ties: the
  first in the exchange's order). The registration feed's own columns (:mod:`core.feeds.files`:
  ``来源编号`` required, no ``来源系统``, the folder's system) compete as ``registrations`` too.
"""
from __future__ import annotations

import json
from pathlib import Path

from core.errors import ConfigError, ValidationError
from core.exchange.spec import KINDS as EXCHANGE_KINDS

from .files import HEADERS as FEED_HEADERS

OPEN311 = "open311"
FEED_IDS = frozenset(h for h, key in FEED_HEADERS.items() if key == "registration_id")
KIND_NAMES = (OPEN311, *EXCHANGE_KINDS)
"""Every kind a drop folder takes; each is also the name of a subfolder holding only that kind."""


def is_open311(path: Path) -> bool:
    """A JSON array (or ``service_requests``) of objects carrying ``service_request_id``."""
    if path.suffix.lower() != ".json":
        return False
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, ValueError):
        return False
    if isinstance(data, dict):
        data = data.get("service_requests", data.get("records"))
    first = data[0] if isinstance(data, list) and data else None
    return isinstance(first, dict) and "service_request_id" in first


def kind_of_header(header: list[str]) -> str | None:
    """The exchange kind whose required columns are all in ``header`` and which explains the most of it."""
    present = {str(h).strip() for h in header if h is not None}
    best, best_score = None, 0
    for name, spec in EXCHANGE_KINDS.items():
        if any(f.required and f.header not in present for f in spec.fields):
            continue
        score = len(present & set(spec.headers))
        if score > best_score:
            best, best_score = name, score
    if present & FEED_IDS and len(present & set(FEED_HEADERS)) > best_score:
        best = "registrations"  # as the registration feed reads it
    return best


def header_of(path: Path) -> list[str]:
    """``path``'s header row (the file closed again); ConfigError when it cannot be read."""
    from core.exchange.readers import open_table

    table = open_table(path)
    next(table.rows, None)  # started, so that closing it closes the file
    table.rows.close()
    return [str(h).strip() for h in table.header if h is not None]


def uses_exchange_columns(path: Path, kind: str) -> bool:
    """Whether ``path``'s header carries every required column of the exchange ``kind``."""
    try:
        header = set(header_of(path))
    except ConfigError:
        return True  # the exchange importer names what is wrong with the file
    return all(f.header in header for f in EXCHANGE_KINDS[kind].fields if f.required)


def detect(path: Path) -> str:
    """The kind of a file in the top folder; ValidationError naming the headers when none fits."""
    if is_open311(path):
        return OPEN311
    try:
        header = header_of(path)
    except ConfigError as error:
        raise ValidationError(error.message, where=error.where or path.name, code="feeds.unreadable") from None
    kind = kind_of_header(header)
    if kind is not None:
        return kind
    if path.suffix.lower() == ".json":
        return OPEN311  # the Open311 reader names what is wrong with it
    raise ValidationError(
        "无法从表头判断文件类别，请放入以类别命名的子文件夹 (cannot tell the kind from the headers; put the file "
        f"in a subfolder named after its kind: {', '.join(KIND_NAMES)}): {', '.join(header[:20])}",
        where=path.name, code="feeds.unknown_kind")
