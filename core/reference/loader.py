"""Read and check a city profile and the reference files it names.

A profile (``resources/profiles/<name>.json``) names its reference files
(``resources/reference/*.json``). Each file is looked up first beside the profile, then in
the ``reference`` folder next to the profile's folder, so a copied tree
(``profiles/x.json`` + ``reference/...``) or a flat folder both work. Any broken or
inconsistent content raises :class:`core.errors.ConfigError` whose ``where`` is
``"<file>: <field>"``.
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from types import MappingProxyType
from typing import Any

from core.errors import ConfigError

from .checks import _TOLERANCE, _Doc, _placeholders, _unique
from .model import (
    CATEGORIES, ENTITY_TYPES, FIVE_FIELDS, GROUPS, RISK_CLASSES, TOWN_KINDS, Bounds,
    ChecklistItem, CityProfile, DemoMix, Department, Industry, LatLng, Matter, NameFamily,
    NameParts, RiskRatio, Tag, Town, Village,
)

PACKAGE = "resources"
FILE_KEYS = ("divisions", "departments", "matters", "tags", "industries", "names")
ENTITY_FIELDS = frozenset({"county", "county_short", "town", "core", "word", "suffix"})
ADDRESS_FIELDS = frozenset({"county", "town_full", "road", "village", "market", "number"})
_PROFILE_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
_FILE_NAME = re.compile(r"^[A-Za-z0-9_.-]+\.json$")
_DEPT_CODE = re.compile(r"^[A-Z]{2,6}$")
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


class _Source:
    """Where a profile and its reference files are read from (a package or a folder)."""

    def __init__(self, profile: Traversable, profile_label: str, dirs: list[tuple[Traversable, str]]) -> None:
        self.profile = profile
        self.profile_label = profile_label
        self.dirs = dirs

    def read(self, target: Traversable, label: str) -> _Doc:
        try:
            text = target.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise ConfigError("file not found", where=label) from None
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"cannot read the file: {exc}", where=label) from None
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ConfigError(f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})",
                              where=label) from None
        if not isinstance(data, dict):
            raise ConfigError("expected a JSON object at the top level", where=label)
        return _Doc(label, data)

    def reference(self, name: str, field: str) -> _Doc:
        if not _FILE_NAME.match(name):
            raise ConfigError(f"{name!r} is not a plain .json file name", where=f"{self.profile_label}: {field}")
        for folder, label in self.dirs:
            target = folder.joinpath(name)
            if target.is_file():
                return self.read(target, f"{label}/{name}")
        looked = ", ".join(label for _, label in self.dirs)
        raise ConfigError(f"{name} not found (looked in {looked})", where=f"{self.profile_label}: {field}")


def _package_source(name: str) -> _Source:
    root = resources.files(PACKAGE)
    return _Source(
        root.joinpath("profiles", f"{name}.json"), f"{PACKAGE}/profiles/{name}.json",
        [(root.joinpath("profiles"), f"{PACKAGE}/profiles"), (root.joinpath("reference"), f"{PACKAGE}/reference")],
    )


def _path_source(path: Path) -> _Source:
    path = Path(path)
    folder = path.parent
    reference = folder.parent / "reference"
    return _Source(path, str(path), [(folder, str(folder)), (reference, str(reference))])


# ------------------------------------------------------------------------------- sections


def _departments(doc: _Doc) -> tuple[Department, ...]:
    items = doc.get(doc.data, "departments", list, "")
    out = []
    for i, d in enumerate(items):
        p = f"departments[{i}]"
        code = doc.get(d, "code", str, p)
        if not _DEPT_CODE.match(code):
            raise doc.fail(f"{p}.code", f"{code!r} is not 2-6 upper-case letters")
        group = doc.get(d, "group", str, p)
        if group not in GROUPS:
            raise doc.fail(f"{p}.group", f"{group!r} is not one of {', '.join(GROUPS)}")
        fld = doc.get(d, "field", str, p, optional=True)
        allowed = FIVE_FIELDS if group == "5" else ("comprehensive",) if group == "1" else (None,)
        if fld not in allowed:
            raise doc.fail(f"{p}.field", f"{fld!r} does not fit group {group}")
        out.append(Department(code, doc.get(d, "name_zh", str, p), doc.get(d, "name_en", str, p), group, fld))
    _unique(doc, (d.code for d in out), "departments")
    five = [d.field for d in out if d.group == "5"]
    if sorted(five) != sorted(FIVE_FIELDS):
        raise doc.fail("departments",
                       f"group 5 must hold one department per field {', '.join(FIVE_FIELDS)}; has {five}")
    if sum(d.group == "1" for d in out) != 1:
        raise doc.fail("departments", "group 1 must hold exactly one department")
    return tuple(out)


def _tags(doc: _Doc) -> tuple[Tag, ...]:
    out = []
    for i, t in enumerate(doc.get(doc.data, "tags", list, "")):
        p = f"tags[{i}]"
        colour = doc.get(t, "colour", str, p)
        if not _COLOUR.match(colour):
            raise doc.fail(f"{p}.colour", f"{colour!r} is not #rrggbb")
        out.append(Tag(doc.get(t, "code", str, p), doc.get(t, "name_zh", str, p), doc.get(t, "name_en", str, p),
                       colour.lower(), doc.get(t, "meaning_zh", str, p), doc.get(t, "meaning_en", str, p)))
    _unique(doc, (t.code for t in out), "tags")
    return tuple(out)


def _matters(doc: _Doc, departments: set[str], tags: set[str], industries: set[str]) -> tuple[Matter, ...]:
    out = []
    for i, m in enumerate(doc.get(doc.data, "matters", list, "")):
        p = f"matters[{i}]"
        dept = doc.get(m, "department", str, p)
        if dept not in departments:
            raise doc.fail(f"{p}.department", f"unknown department code {dept!r}")
        category = doc.get(m, "category", str, p)
        if category not in CATEGORIES:
            raise doc.fail(f"{p}.category", f"{category!r} is not one of {', '.join(CATEGORIES)}")
        basis = doc.get(m, "legal_basis", str, p)
        if "《" not in basis or "》" not in basis:
            raise doc.fail(f"{p}.legal_basis", "must cite a law or regulation as 《…》 with its article")
        mtags = doc.strings(m, "tags", p, min_len=0) if "tags" in m else ()
        for k, t in enumerate(mtags):
            if t not in tags:
                raise doc.fail(f"{p}.tags[{k}]", f"unknown tag {t!r}")
        items = doc.get(m, "checklist", list, p)
        if not items:
            raise doc.fail(f"{p}.checklist", "needs at least one item")
        checklist = []
        for k, c in enumerate(items):
            q = f"{p}.checklist[{k}]"
            seq = doc.get(c, "seq", int, q)
            if seq != k + 1:
                raise doc.fail(f"{q}.seq", f"expected {k + 1}, got {seq}")
            checklist.append(ChecklistItem(seq, doc.get(c, "text_zh", str, q), doc.get(c, "text_en", str, q),
                                           doc.get(c, "standard_zh", str, q)))
        applies = doc.get(m, "applies_to", dict, p) if "applies_to" in m else {}
        fits = {}
        for key, known in (("industries", industries), ("entity_types", set(ENTITY_TYPES))):
            fits[key] = doc.strings(applies, key, f"{p}.applies_to", min_len=0) if key in applies else ()
            for k, v in enumerate(fits[key]):
                if v not in known:
                    raise doc.fail(f"{p}.applies_to.{key}[{k}]", f"unknown {key[:-1].replace('_', ' ')} {v!r}")
        out.append(Matter(doc.get(m, "code", str, p), dept, doc.get(m, "name_zh", str, p),
                          doc.get(m, "name_en", str, p), category, basis, tuple(checklist), mtags,
                          tuple(fits["industries"]), tuple(fits["entity_types"])))
    _unique(doc, (m.code for m in out), "matters")
    return tuple(out)


def _industries(doc: _Doc, tags: set[str]) -> tuple[Industry, ...]:
    out = []
    for i, d in enumerate(doc.get(doc.data, "industries", list, "")):
        p = f"industries[{i}]"
        code = doc.get(d, "code", str, p)
        if not re.fullmatch(r"\d{4}", code):
            raise doc.fail(f"{p}.code", f"{code!r} is not a 4-digit GB/T 4754 class")
        weight = doc.get(d, "weight", float, p)
        if weight <= 0:
            raise doc.fail(f"{p}.weight", "must be positive")
        types = doc.strings(d, "types", p)
        for k, t in enumerate(types):
            if t not in ENTITY_TYPES or t in types[:k]:
                raise doc.fail(f"{p}.types[{k}]", f"{t!r} is not a distinct one of {', '.join(ENTITY_TYPES)}")
        odds = {}
        for t, v in doc.get(d, "tags", dict, p).items():
            if t not in tags:
                raise doc.fail(f"{p}.tags.{t}", f"unknown tag {t!r}")
            v = doc.check(v, float, f"{p}.tags.{t}")
            if not 0 <= v <= 1:
                raise doc.fail(f"{p}.tags.{t}", "probability must be between 0 and 1")
            odds[t] = v
        out.append(Industry(code, doc.get(d, "name_zh", str, p), doc.get(d, "name_en", str, p), weight,
                            types, MappingProxyType(odds)))
    _unique(doc, (x.code for x in out), "industries")
    total = sum(x.weight for x in out)
    if abs(total - 1) > _TOLERANCE:
        raise doc.fail("industries", f"weights sum to {total:.6f}, not 1")
    return tuple(out)


def _divisions(doc: _Doc, county: str, county_zh: str) -> tuple[list[dict], tuple[Village, ...], Mapping]:
    c = doc.get(doc.data, "county", dict, "")
    if doc.get(c, "code", str, "county") != county:
        raise doc.fail("county.code", f"{c['code']!r} is not the profile's county {county}")
    if doc.get(c, "name_zh", str, "county") != county_zh:
        raise doc.fail("county.name_zh", f"{c['name_zh']!r} is not the profile's {county_zh}")
    towns = []
    for i, t in enumerate(doc.get(doc.data, "towns", list, "")):
        p = f"towns[{i}]"
        code = doc.get(t, "code", str, p)
        if not (re.fullmatch(r"\d{9}", code) and code.startswith(county)):
            raise doc.fail(f"{p}.code", f"{code!r} is not a 9-digit town code under {county}")
        kind = doc.get(t, "kind", str, p)
        if kind not in TOWN_KINDS:
            raise doc.fail(f"{p}.kind", f"{kind!r} is not one of {', '.join(TOWN_KINDS)}")
        towns.append({"code": code, "name_zh": doc.get(t, "name_zh", str, p), "kind": kind})
    if not towns:
        raise doc.fail("towns", "no towns")
    _unique(doc, (t["code"] for t in towns), "towns")
    known = {t["code"] for t in towns}
    villages = []
    for i, v in enumerate(doc.get(doc.data, "villages", list, "")):
        p = f"villages[{i}]"
        code, town = doc.get(v, "code", str, p), doc.get(v, "town_code", str, p)
        if town not in known:
            raise doc.fail(f"{p}.town_code", f"unknown town {town!r}")
        if not (re.fullmatch(r"\d{12}", code) and code.startswith(town)):
            raise doc.fail(f"{p}.code", f"{code!r} is not a 12-digit code under town {town}")
        villages.append(Village(code, doc.get(v, "name_zh", str, p), town))
    _unique(doc, (v.code for v in villages), "villages")
    source = doc.data.get("source") if isinstance(doc.data.get("source"), dict) else {}
    return towns, tuple(villages), MappingProxyType(dict(source))


def _names(doc: _Doc, industries: set[str], towns: set[str]) -> NameParts:
    persons = doc.get(doc.data, "persons", dict, "")
    surnames = doc.weighted(doc.get(persons, "surnames", list, "persons"), "persons.surnames")
    given = doc.strings(persons, "given_chars", "persons")
    length = doc.get(persons, "given_length", dict, "persons")
    given_length = {}
    for k, v in length.items():
        if k not in ("1", "2", "3"):
            raise doc.fail(f"persons.given_length.{k}", "length must be 1, 2 or 3")
        given_length[int(k)] = doc.check(v, float, f"persons.given_length.{k}")
        if given_length[int(k)] < 0:
            raise doc.fail(f"persons.given_length.{k}", "must not be negative")
    if not given_length or sum(given_length.values()) <= 0:
        raise doc.fail("persons.given_length", "needs a positive weight")

    ent = doc.get(doc.data, "entities", dict, "")
    cores = doc.strings(ent, "trade_cores", "entities")
    patterns, suffixes = {}, {}
    pat_obj = doc.get(ent, "patterns", dict, "entities")
    suf_obj = doc.get(ent, "suffixes", dict, "entities")
    for t in ENTITY_TYPES:
        path = f"entities.patterns.{t}"
        patterns[t] = doc.weighted(doc.get(pat_obj, t, list, "entities.patterns"), path)
        for k, (pat, _) in enumerate(patterns[t]):
            if not {"word", "suffix"} <= _placeholders(doc, pat, f"{path}[{k}][0]", ENTITY_FIELDS):
                raise doc.fail(f"{path}[{k}][0]", "pattern must contain {word} and {suffix}")
        suffixes[t] = doc.weighted(doc.get(suf_obj, t, list, "entities.suffixes"), f"entities.suffixes.{t}")
    families, covered = [], {}
    for i, f in enumerate(doc.get(ent, "families", list, "entities")):
        p = f"entities.families[{i}]"
        codes = doc.strings(f, "industries", p)
        for k, code in enumerate(codes):
            if code not in industries:
                raise doc.fail(f"{p}.industries[{k}]", f"unknown industry {code!r}")
            if code in covered:
                raise doc.fail(f"{p}.industries[{k}]", f"industry {code} is already in family {covered[code]}")
            covered[code] = f.get("code")
        by_type = {}
        for t, words in (doc.get(f, "words_by_type", dict, p, optional=True) or {}).items():
            if t not in ENTITY_TYPES:
                raise doc.fail(f"{p}.words_by_type.{t}", "unknown entity type")
            by_type[t] = doc.strings(f.get("words_by_type"), t, f"{p}.words_by_type")
        fam_suffixes = {}
        for t, v in (doc.get(f, "suffixes", dict, p, optional=True) or {}).items():
            if t not in ENTITY_TYPES:
                raise doc.fail(f"{p}.suffixes.{t}", "unknown entity type")
            fam_suffixes[t] = doc.weighted(v, f"{p}.suffixes.{t}", allow_empty_text=True)
        families.append(NameFamily(doc.get(f, "code", str, p), doc.get(f, "name_zh", str, p), codes,
                                   doc.strings(f, "words", p), MappingProxyType(by_type),
                                   MappingProxyType(fam_suffixes)))
    _unique(doc, (f.code for f in families), "entities.families")
    missing = sorted(industries - set(covered))
    if missing:
        raise doc.fail("entities.families", f"industries without a name family: {', '.join(missing)}")

    addr = doc.get(doc.data, "addresses", dict, "")
    address_patterns = doc.weighted(doc.get(addr, "patterns", list, "addresses"), "addresses.patterns")
    for k, (pat, _) in enumerate(address_patterns):
        _placeholders(doc, pat, f"addresses.patterns[{k}][0]", ADDRESS_FIELDS)
    number_max = doc.get(addr, "number_max", int, "addresses")
    if number_max < 1:
        raise doc.fail("addresses.number_max", "must be at least 1")

    def by_town(key: str, optional: bool) -> Mapping[str, tuple[str, ...]]:
        obj = doc.get(addr, key, dict, "addresses", optional=optional) or {}
        for code in obj:
            if code not in towns:
                raise doc.fail(f"addresses.{key}.{code}", f"unknown town {code!r}")
        return MappingProxyType({code: doc.strings(obj, code, f"addresses.{key}") for code in obj})

    return NameParts(
        surnames=surnames, given_chars=given, given_length=MappingProxyType(given_length), trade_cores=cores,
        patterns=MappingProxyType(patterns), suffixes=MappingProxyType(suffixes), families=tuple(families),
        address_patterns=address_patterns, number_max=number_max, roads=by_town("roads", False),
        road_stems=doc.strings(addr, "road_stems", "addresses"),
        road_kinds=doc.strings(addr, "road_kinds", "addresses"),
        markets=by_town("markets", True),
    )


def _sampling_table(doc: _Doc, value: Any) -> Mapping[str, RiskRatio]:
    obj = doc.check(value, dict, "sampling_table")
    got = [k for k in obj if not k.startswith("_")]
    if sorted(got) != list(RISK_CLASSES):
        raise doc.fail("sampling_table", f"needs exactly the classes {', '.join(RISK_CLASSES)}")
    table, previous = {}, None
    for cls in RISK_CLASSES:
        p = f"sampling_table.{cls}"
        lo, hi = doc.get(obj[cls], "min", float, p), doc.get(obj[cls], "max", float, p)
        if not 0 < lo <= hi <= 1:
            raise doc.fail(p, f"needs 0 < min <= max <= 1 (no class is exempt); got {lo}..{hi}")
        if previous is not None and previous.max > lo:
            raise doc.fail(p, f"class {cls} starts below class {previous.cls}'s maximum")
        table[cls] = previous = RiskRatio(cls, lo, hi)
    return MappingProxyType(table)


# ------------------------------------------------------------------------------- profile


def _build(name: str, source: _Source) -> CityProfile:
    doc = source.read(source.profile, source.profile_label)
    data = doc.data
    county = doc.get(data, "county", dict, "")
    code = doc.get(county, "code", str, "county")
    if not re.fullmatch(r"\d{6}", code):
        raise doc.fail("county.code", f"{code!r} is not a 6-digit GB/T 2260 code")
    name_zh, name_en = doc.get(county, "name_zh", str, "county"), doc.get(county, "name_en", str, "county")
    files = doc.get(data, "files", dict, "")
    docs = {k: source.reference(doc.get(files, k, str, "files"), f"files.{k}") for k in FILE_KEYS}

    m = doc.get(data, "map", dict, "")
    b = doc.get(m, "bounds", dict, "map")
    bounds = Bounds(*(doc.get(b, k, float, "map.bounds") for k in ("south", "west", "north", "east")))
    if not (bounds.south < bounds.north and bounds.west < bounds.east):
        raise doc.fail("map.bounds", "south must be below north and west left of east")
    c = doc.get(m, "centre", dict, "map")
    centre = LatLng(doc.get(c, "lat", float, "map.centre"), doc.get(c, "lng", float, "map.centre"))
    if not bounds.contains(*centre):
        raise doc.fail("map.centre", "outside map.bounds")
    zoom = doc.get(m, "zoom", int, "map", optional=True) or 11

    raw_towns, villages, div_source = _divisions(docs["divisions"], code, name_zh)
    centres = doc.get(data, "towns", dict, "")
    towns = []
    for t in raw_towns:
        p = f"towns.{t['code']}"
        if t["code"] not in centres:
            raise doc.fail(p, f"town {t['code']} {t['name_zh']} has no centre")
        e = doc.check(centres[t["code"]], dict, p)
        lat, lng = doc.get(e, "lat", float, p), doc.get(e, "lng", float, p)
        if not bounds.contains(lat, lng):
            raise doc.fail(p, f"centre {lat},{lng} is outside map.bounds")
        density = doc.get(e, "density", float, p)
        if density <= 0:
            raise doc.fail(f"{p}.density", "must be positive")
        towns.append(Town(t["code"], t["name_zh"], doc.get(e, "name_en", str, p), t["kind"], lat, lng, density))
    extra = sorted(set(centres) - {t.code for t in towns} - {k for k in centres if k.startswith("_")})
    if extra:
        raise doc.fail(f"towns.{extra[0]}", f"not a town of {docs['divisions'].label}")

    departments = _departments(docs["departments"])
    tags = _tags(docs["tags"])
    tag_codes = {t.code for t in tags}
    industries = _industries(docs["industries"], tag_codes)
    matters = _matters(docs["matters"], {d.code for d in departments}, tag_codes, {i.code for i in industries})
    names = _names(docs["names"], {i.code for i in industries}, {t.code for t in towns})
    sampling = _sampling_table(doc, doc.get(data, "sampling_table", dict, ""))

    mix = doc.get(data, "demo_mix", dict, "")
    entity_types = doc.shares(doc.get(mix, "entity_types", dict, "demo_mix"), "demo_mix.entity_types",
                              ENTITY_TYPES, exact=False)
    for t, share in entity_types.items():
        if share > 0 and not any(t in i.types for i in industries):
            raise doc.fail(f"demo_mix.entity_types.{t}", f"no industry allows entity type {t}")
    risk_classes = doc.shares(doc.get(mix, "risk_classes", dict, "demo_mix"), "demo_mix.risk_classes",
                              RISK_CLASSES, exact=True)
    key_tag = doc.get(mix, "key_area_tag", str, "demo_mix", optional=True)
    if key_tag is not None and key_tag not in tag_codes:
        raise doc.fail("demo_mix.key_area_tag", f"unknown tag {key_tag!r}")
    key_towns = doc.strings(mix, "key_area_towns", "demo_mix", min_len=0) if "key_area_towns" in mix else ()
    for k, tc in enumerate(key_towns):
        if tc not in {t.code for t in towns}:
            raise doc.fail(f"demo_mix.key_area_towns[{k}]", f"unknown town {tc!r}")

    return CityProfile(
        name=name, county_code=code, name_zh=name_zh, name_en=name_en, centre=centre, bounds=bounds,
        towns=tuple(towns), villages=villages, departments=departments, matters=matters, tags=tags,
        industries=industries, names=names, sampling_table=sampling,
        demo_mix=DemoMix(entity_types, risk_classes, key_tag, key_towns), zoom=zoom,
        divisions_source=div_source,
    )


@lru_cache(maxsize=8)
def _load_named(name: str) -> CityProfile:
    return _build(name, _package_source(name))


def load_profile(name: str = "yiwu", path: Path | None = None) -> CityProfile:
    """Load and check a city profile.

    By name, the profile is read from the ``resources`` package and cached: every call
    returns the same object. With ``path``, that profile file is read afresh (not cached)
    and its reference files are looked up beside it, then in ``../reference``.
    Raises :class:`ConfigError` (``where`` = ``"<file>: <field>"``) on any problem.
    """
    if path is not None:
        path = Path(path)
        return _build(path.stem, _path_source(path))
    if not isinstance(name, str) or not _PROFILE_NAME.match(name):
        raise ConfigError(f"{name!r} is not a profile name (lower-case letters, digits, - and _)",
                          where=f"{PACKAGE}/profiles")
    return _load_named(name)


def available_profiles() -> tuple[str, ...]:
    """Names of the profiles shipped in ``resources/profiles``."""
    folder = resources.files(PACKAGE).joinpath("profiles")
    return tuple(sorted(p.name[:-5] for p in folder.iterdir()
                        if p.name.endswith(".json") and _PROFILE_NAME.match(p.name[:-5])))


clear_cache: Callable[[], None] = _load_named.cache_clear
