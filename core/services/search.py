"""Finding entities among millions: a code, part of a name or address, plus filters.

Text uses the database's own substring index (SQLite FTS5 trigram, PostgreSQL pg_trgm);
queries shorter than three characters cannot use a trigram index and scan instead. A whole,
valid credit code is one equality lookup on the unique code index.
Results come back as frozen rows, a page at a time, safe to hand to the UI thread.

How many match (:meth:`EntitySearch.total`) is exact when the database can count it from an
index; on PostgreSQL a count that would scan a large part of 1.2 million rows (a two-character
word, a whole town or risk class) is an estimate instead, and says so (``estimated``).
"""
from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Select,
    and_,
    bindparam,
    exists,
    func,
    literal_column,
    or_,
    select,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.expression import ClauseElement, Executable

from core.db.database import Database
from core.db.models import MarketEntity, entity_tags
from core.db.models.enums import EntityStatus, EntityType, RiskClass
from core.db.text_search import FTS_TABLE
from core.errors import ValidationError
from core.rights import require_risk, risk_visible
from core.text_input import check_code, check_int, check_text
from core.uscc import is_valid as is_valid_uscc

_INLINE_IDS = 500
MAX_QUERY = 200
_CODE_LIKE = re.compile(r"^[0-9A-Za-z]+$")
# Only indexed columns sort: each index also orders by id, so a sorted page never sorts the table.
SORT_KEYS = ("id", "uscc", "name", "industry_code", "town_code", "status", "risk_class", "registered_on")


@dataclass(frozen=True)
class EntityFilter:
    """What the operator asked for; empty fields do not filter."""

    text: str = ""
    town_codes: tuple[str, ...] = ()
    village_codes: tuple[str, ...] = ()
    industry_codes: tuple[str, ...] = ()
    entity_types: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    risk_classes: tuple[str, ...] = ()
    tag_ids: tuple[int, ...] = ()  # entities carrying every one of these
    entity_ids: tuple[int, ...] = ()  # a selection (e.g. drawn on the map)


@dataclass(frozen=True)
class EntityRow:
    """One result row."""

    id: int
    uscc: str
    name: str
    entity_type: str
    industry_code: str
    legal_rep: str
    address: str
    town_code: str
    village_code: str
    status: str
    risk_class: str
    registered_on: dt.date
    lat: float
    lng: float


@dataclass(frozen=True)
class SearchTotal:
    """How many entities match: exact, or (``estimated``) the database's estimate, rounded to
    two significant digits, for a count that would scan too much to be worth it."""

    count: int
    estimated: bool = False


# PostgreSQL planner cost of a count above which it is estimated rather than made. An
# index-only count of a town (~80,000 rows) costs ~1,700; a scan of the entity table ~30,000+.
EXACT_COST_LIMIT = 10_000.0
SAMPLE_PERCENT = 1.0  # TABLESAMPLE SYSTEM share of the table's pages read for a text estimate


def rounded(n: float) -> int:
    """``n`` to two significant digits (123,456 -> 120,000): an estimate claims no more."""
    n = max(0, int(round(n)))
    if n < 100:
        return n
    step = 10 ** (len(str(n)) - 2)
    return int(round(n / step) * step)


_ROW_COLUMNS = [getattr(MarketEntity, f) for f in EntityRow.__dataclass_fields__]


def _fts_phrase(query: str) -> str:
    return '"' + query.replace('"', '""') + '"'


def _text_condition(dialect: str, query: str) -> ColumnElement[bool] | None:
    q = query.strip()
    if not q:
        return None
    code_like = bool(_CODE_LIKE.match(q))
    if code_like:
        q = q.upper()
        if len(q) == 18 and is_valid_uscc(q):
            return MarketEntity.uscc == q  # the unique index: one row, no trigram scan
    if len(q) >= 3 and dialect == "sqlite":
        columns = "{uscc}" if code_like else "{name address}"
        matches = select(literal_column("rowid")).select_from(text(FTS_TABLE)).where(
            text(f"{FTS_TABLE} MATCH :fts").bindparams(fts=f"{columns} : {_fts_phrase(q)}"))
        return MarketEntity.id.in_(matches)
    pattern = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    if code_like:
        if len(q) < 3:
            return MarketEntity.uscc.startswith(q, autoescape=True)
        return MarketEntity.uscc.like(pattern, escape="\\")
    if dialect == "postgresql" and q.lower() != q.upper():
        return or_(MarketEntity.name.ilike(pattern, escape="\\"), MarketEntity.address.ilike(pattern, escape="\\"))
    # Chinese text has no case: LIKE finds the same rows as ILIKE, three times faster where it scans.
    return or_(MarketEntity.name.like(pattern, escape="\\"), MarketEntity.address.like(pattern, escape="\\"))


def _id_condition(dialect: str, ids: tuple[int, ...]) -> ColumnElement[bool]:
    """``id IN ids``; a large selection (a polygon drawn on the map) goes as one parameter,
    since a bind parameter per id would pass SQLite's and PostgreSQL's parameter limits."""
    if len(ids) <= _INLINE_IDS:
        return MarketEntity.id.in_(ids)
    values = [int(i) for i in ids]
    if dialect == "postgresql":
        listed = select(func.unnest(bindparam("selected_ids", values, type_=ARRAY(BigInteger))))
    else:
        listed = select(literal_column("value")).select_from(
            func.json_each(bindparam("selected_ids", json.dumps(values))))
    return MarketEntity.id.in_(listed.scalar_subquery())


def checked_filter(f: EntityFilter) -> EntityFilter:
    """``f`` with its text stripped, or ValidationError naming the field: the same text is
    refused on SQLite and PostgreSQL (NUL bytes, lone surrogates, over-long), and codes and
    ids must be text and 64-bit whole numbers."""
    fields: dict[str, object] = {"text": check_text(f.text, "text", max_length=MAX_QUERY, multiline=False)}
    for name in ("town_codes", "village_codes", "industry_codes", "entity_types", "statuses", "risk_classes"):
        values = _sequence(getattr(f, name), name)
        fields[name] = tuple(check_code(v, f"{name}[{n}]", max_length=40, required=True)
                             for n, v in enumerate(values))
    for name, enum in (("entity_types", EntityType), ("statuses", EntityStatus), ("risk_classes", RiskClass)):
        unknown = [n for n, v in enumerate(fields[name]) if v not in set(enum)]
        if unknown:
            raise ValidationError(f"须为 {', '.join(enum)} 之一 (must be one of {', '.join(enum)})",
                                  where=f"{name}[{unknown[0]}]")
    for name in ("tag_ids", "entity_ids"):
        values = _sequence(getattr(f, name), name)
        fields[name] = tuple(check_int(v, f"{name}[{n}]") for n, v in enumerate(values))
    return EntityFilter(**fields)


def _sequence(values, name: str) -> tuple:
    if not isinstance(values, (tuple, list)):
        raise ValidationError("须为列表 (must be a list)", where=name)
    return tuple(values)


def _conditions(dialect: str, f: EntityFilter) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = []
    cond = _text_condition(dialect, f.text)
    if cond is not None:
        conds.append(cond)
    for column, values in (
        (MarketEntity.town_code, f.town_codes), (MarketEntity.village_code, f.village_codes),
        (MarketEntity.industry_code, f.industry_codes), (MarketEntity.entity_type, f.entity_types),
        (MarketEntity.status, f.statuses), (MarketEntity.risk_class, f.risk_classes),
    ):
        if values:
            conds.append(column.in_(values))
    if f.entity_ids:
        conds.append(_id_condition(dialect, f.entity_ids))
    for tag_id in f.tag_ids:
        conds.append(exists().where(and_(entity_tags.c.entity_id == MarketEntity.id, entity_tags.c.tag_id == tag_id)))
    return conds


class _Explain(Executable, ClauseElement):
    """``EXPLAIN (FORMAT JSON) <statement>``, its parameters bound as the statement's own."""

    inherit_cache = False

    def __init__(self, statement: Select) -> None:
        self.statement = statement


@compiles(_Explain, "postgresql")
def _compile_explain(element: _Explain, compiler, **kw) -> str:
    return "EXPLAIN (FORMAT JSON) " + compiler.process(element.statement, **kw)


def _planned(session, stmt: Select) -> tuple[float, float]:
    """(rows, total cost) the PostgreSQL planner expects for ``stmt``."""
    plan = session.execute(_Explain(stmt)).scalar()
    top = (json.loads(plan) if isinstance(plan, str) else plan)[0]["Plan"]
    return float(top["Plan Rows"]), float(top["Total Cost"])


def _sampled(session, conds: list[ColumnElement[bool]]) -> float:
    """Matches in a ``SAMPLE_PERCENT`` page sample, scaled to the table (seeded: the same
    filter gives the same estimate until the table changes)."""
    from sqlalchemy.sql.util import ClauseAdapter

    sample = MarketEntity.__table__.tablesample(func.system(SAMPLE_PERCENT), name="sample", seed=literal_column("7"))
    adapter = ClauseAdapter(sample)
    hits = session.scalar(select(func.count()).select_from(sample).where(*[adapter.traverse(c) for c in conds]))
    return (hits or 0) * 100.0 / SAMPLE_PERCENT


class EntitySearch:
    """Counts and pages of entities matching a filter. Thread-safe: one session per call.

    With a ``viewer`` (the signed-in user) who may not see risk classes (core.rights
    ``risk.read``), rows carry an empty risk class and a filter or sort on it is refused
    (PermissionDenied): counting by risk class would tell the class all the same.
    """

    def __init__(self, db: Database, viewer: object | None = None) -> None:
        self.db = db
        self.viewer = viewer
        with db.sessions() as s:
            self.shows_risk = risk_visible(s, viewer)

    def _check_risk(self, f: EntityFilter, sort: str = "id") -> None:
        if not self.shows_risk and (f.risk_classes or sort == "risk_class"):
            with self.db.sessions() as s:
                require_risk(s, self.viewer)

    def _select(self, f: EntityFilter, *columns) -> Select:
        self._check_risk(f)
        return select(*columns).where(*_conditions(self.db.dialect, checked_filter(f)))

    def count(self, f: EntityFilter) -> int:
        """The exact number of matches (a scan when no index serves the filter)."""
        with self.db.sessions() as s:
            return s.scalar(self._select(f, func.count()).select_from(MarketEntity)) or 0

    def total(self, f: EntityFilter) -> SearchTotal:
        """The number of matches, exact when an index counts it cheaply; on PostgreSQL a count
        the planner costs above :data:`EXACT_COST_LIMIT` is estimated instead: from the planner's
        row estimate for plain column filters, from a 1 % page sample when text is involved
        (the planner cannot judge ``ILIKE '%..%'``). SQLite counts exactly."""
        if self.db.dialect != "postgresql":
            return SearchTotal(self.count(f))
        checked = checked_filter(f)
        self._check_risk(checked)
        conds = _conditions(self.db.dialect, checked)
        counting = select(func.count()).select_from(MarketEntity).where(*conds)
        with self.db.sessions() as s:
            if _planned(s, counting)[1] <= EXACT_COST_LIMIT:
                return SearchTotal(s.scalar(counting) or 0)
            table = s.scalar(text("SELECT reltuples FROM pg_class WHERE oid = 'market_entities'::regclass")) or 0
            if not conds:
                rows = table
            elif checked.text.strip() or checked.tag_ids:
                rows = _sampled(s, conds)
            else:
                rows = _planned(s, select(MarketEntity.id).where(*conds))[0]
            rows = min(rows, table) if table > 0 else rows
            return SearchTotal(rounded(rows or 0), estimated=True)

    def page(self, f: EntityFilter, *, sort: str = "id", descending: bool = False,
             offset: int = 0, limit: int = 200) -> list[EntityRow]:
        """Rows ``offset .. offset+limit`` in the given order (id breaks ties)."""
        if sort not in SORT_KEYS:
            raise ValueError(f"cannot sort by {sort!r}; choose one of {', '.join(SORT_KEYS)}")
        self._check_risk(f, sort)
        key = getattr(MarketEntity, sort)
        order = [key.desc() if descending else key.asc()]
        if sort != "id":
            order.append(MarketEntity.id.desc() if descending else MarketEntity.id.asc())
        # Deferred join: skip `offset` rows on the (index-only) id list, then fetch just
        # the page's rows; OFFSET over full rows would read every skipped row from the table.
        ids = self._select(f, MarketEntity.id).order_by(*order).offset(offset).limit(limit).subquery()
        stmt = select(*_ROW_COLUMNS).join(ids, ids.c.id == MarketEntity.id).order_by(*order)
        with self.db.sessions() as s:
            if self.db.dialect == "postgresql" and 0 < len(f.text.strip()) < 3:
                # No index finds a 1-2 character substring, and the planner, guessing a few hundred
                # matches, scans and sorts the whole table; walking the sort key's index instead stops
                # at the page's last match (0.07 s instead of 1.5 s for a word in 0.5 % of names).
                s.execute(text("SET LOCAL enable_seqscan = off"))
            rows = [EntityRow(*r) for r in s.execute(stmt)]
        return rows if self.shows_risk else [replace(r, risk_class="") for r in rows]

    def ids(self, f: EntityFilter) -> list[int]:
        """Every matching id (for bulk tagging a whole result set)."""
        with self.db.sessions() as s:
            return list(s.scalars(self._select(f, MarketEntity.id).order_by(MarketEntity.id)))

    def batches(self, f: EntityFilter, *, sort: str = "id", descending: bool = False,
                size: int = 5000) -> Iterator[list[EntityRow]]:
        """All matching rows in pages of ``size`` (for exports)."""
        offset = 0
        while True:
            rows = self.page(f, sort=sort, descending=descending, offset=offset, limit=size)
            if not rows:
                return
            yield rows
            offset += len(rows)
