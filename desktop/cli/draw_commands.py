"""``tongguan draw``: run a plan of double-random batches, verify a record, RFC 3797 by hand.

``tongguan draw run PLAN_FILE [--json]`` creates the plan, checks every batch (each
problem is printed with the rule it breaks; exit 2 and nothing is kept if any), then
locks and draws each batch, all in one transaction: a refusal, an error or a killed
process leaves no plan, batch, lock or audit entry behind (:mod:`desktop.cli.draw_run`).
It writes the secret seeds next to the plan (``<plan>.plan<id>.seeds.json``) before
locking, then each batch's full record (for auditors) next to the plan
file as ``<plan>.<batch id>.record.json`` and its public record (no risk class) as
``<plan>.<batch id>.public-record.json``. PLAN_FILE is JSON::

    {
      "year": 2027,
      "name": "2027年度部门联合双随机抽查计划",
      "actor": "planner",                        (optional: the planner or leader account the run
                                                  acts as; --actor overrides it; else TONGGUAN_ACTOR)
      "batches": [
        {
          "name": "食品经营主体双随机联合抽查",
          "lead_department": "SCJG",             (code, Chinese or English name, or id)
          "departments": [
            {"department": "SCJG", "team_size": 2, "matters": ["SCJG-001", "SCJG-002"]},
            {"department": "卫健局", "team_size": 2, "matters": ["WJJ-001"]}
          ],                                     (matters by code or id; team_size default 2)
          "window": ["2027-03-01", "2027-04-30"],
          "pool": {"town_codes": ["330782001"]},  (entity-search fields: town_codes, village_codes,
                                                  industry_codes, entity_types, statuses (default
                                                  ["active"]), risk_classes, tag_ids, tag_codes,
                                                  entity_ids, usccs)
          "sampling": {"ratios": {"A": 0.05, "B": 0.2, "C": 0.6, "D": 1.0}},
                                                 (or {"counts": {...}}; default the local table)
          "avoidance": {"declared_conflicts": true, "last_inspection": true, "same_village": false},
          "randomness": {"kind": "seed"}
                     or {"kind": "rfc3797", "sources": ["9319", "2 5 12 8 10"],
                         "announcement": "福彩3D 2027-03-05 开奖号码 …"}
        }
      ]
    }

With ``{"kind": "seed"}`` the command generates a secret seed, locks the batch with its
commitment, and reveals it to draw. With ``rfc3797`` the sources must be values that were
announced before and published after the pool was fixed; for a public ceremony lock the
batch in the console first and enter the values when they are published.

``tongguan draw verify RECORD [--full FULL_RECORD] [--json]`` checks a record file with no
database: a full record (for auditors) is re-run whole; a public record (no risk class,
village or conflict) gets every check that needs none, and the output lists the checks run
and those it cannot run. With ``--full`` an auditor also checks that the public record is
derived from that full record. Exit 0 when everything matches, 1 when it does not (printing
where), 2 when a file is unreadable.

``tongguan draw notice BATCH --out FILE.pdf|FILE.xlsx [--lang zh|en] [--results]`` writes a
drawn batch's public notice, BATCH by id or name (see :mod:`desktop.cli.draw_notice`).

``tongguan draw rfc3797 POOL_FILE --source "9319" --source "2 5 12 8 10" ... --count K``
prints the picked lines of POOL_FILE (one candidate per line, numbered 1..n in file
order as RFC 3797 numbers them) in pick order.
"""
from __future__ import annotations

import argparse
import hashlib
from pathlib import Path

from core.errors import ConfigError

from . import draw_abandon, draw_notice
from .actor import add_actor_argument, command_actor
from .output import emit_json, fail
from .plan_file import PlanFileError, batch_fields, load_plan

def add_parser(sub, common: argparse.ArgumentParser) -> None:
    draws = sub.add_parser("draw", help="double-random draws").add_subparsers(
        dest="draw_command", metavar="ACTION", required=True)
    run = draws.add_parser("run", parents=[common], help="create, check, lock and draw the batches of a plan file")
    run.add_argument("plan_file", metavar="PLAN_FILE")
    add_actor_argument(run, "runs the plan (a planner or leader)")
    run.set_defaults(func=cmd_draw_run)
    verify = draws.add_parser("verify", parents=[common],
                              help="re-run a draw record file (exit 0 matches, 1 differs, 2 unreadable)")
    verify.add_argument("record", metavar="RECORD", help="a full record (auditors) or a public record")
    verify.add_argument("--full", metavar="FULL_RECORD",
                        help="with a public RECORD: the full record it was derived from (auditors check both)")
    verify.set_defaults(func=cmd_draw_verify)
    draw_notice.add_parser(draws, common)
    draw_abandon.add_parser(draws, common)
    rfc = draws.add_parser("rfc3797", parents=[common],
                           help="RFC 3797 selection from a pool file (one candidate per line)")
    rfc.add_argument("pool_file", metavar="POOL_FILE")
    rfc.add_argument("--source", action="append", required=True, metavar="VALUES",
                     help="one public random source's values, e.g. \"2 5 12 8 10\" (repeat, in announced order)")
    rfc.add_argument("--count", type=int, required=True, metavar="K", help="how many to pick")
    rfc.set_defaults(func=cmd_draw_rfc3797)


# ---------------------------------------------------------------- tongguan draw rfc3797

def read_pool_file(path: Path) -> list[str]:
    """The candidates of a pool file, one per line; ConfigError names the file and line."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ConfigError("文件不存在 (no such file)", where=str(path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"无法读取 (cannot read as UTF-8): {exc}", where=str(path)) from None
    lines = text.splitlines()
    while lines and not lines[-1].strip():
        lines.pop()
    seen: dict[str, int] = {}
    out = []
    for n, line in enumerate(lines, start=1):
        value = line.strip()
        if not value:
            raise ConfigError("空行：每行一个候选对象 (empty line: one candidate per line)", where=f"{path}:{n}")
        if value in seen:
            raise ConfigError(f"与第 {seen[value]} 行重复 (same candidate as line {seen[value]}): {value}",
                              where=f"{path}:{n}")
        seen[value] = n
        out.append(value)
    if not out:
        raise ConfigError("没有候选对象 (the pool file has no candidates)", where=str(path))
    return out


def cmd_draw_rfc3797(args: argparse.Namespace) -> int:
    from core.draws import key_string, parse_source, rfc3797_select

    path = Path(args.pool_file)
    try:
        pool = read_pool_file(path)
    except ConfigError as exc:
        return fail(str(exc))
    sources = []
    for n, text in enumerate(args.source, start=1):
        try:
            sources.append(parse_source(text))
        except ValueError as exc:
            return fail(f"--source {n} ({text!r}): {exc}")
    try:
        key = key_string(sources)
    except ValueError as exc:
        return fail(f"--source: {exc}")
    if args.count < 0 or args.count > len(pool):
        return fail(f"--count {args.count}: {path} has {len(pool)} candidates")
    picks = [(order, index + 1, pool[index]) for order, index in
             enumerate(rfc3797_select(key, len(pool), args.count), start=1)]
    if args.json:
        emit_json({"key": key, "pool_file": str(path), "pool_size": len(pool),
                   "picks": [{"order": o, "line": line, "candidate": c} for o, line, c in picks]})
    else:
        print(f"key: {key}")
        print(f"pool: {len(pool)} candidates in {path}")
        for order, line, candidate in picks:
            print(f"{order}\t{line}\t{candidate}")
    return 0


# ---------------------------------------------------------------- tongguan draw verify

def cmd_draw_verify(args: argparse.Namespace) -> int:
    from core.draws import CHECKS, NOT_PUBLIC, public_differences, record_digest, verify_record
    from core.services.draws.records import read_record_file

    try:
        record = read_record_file(args.record)
        full = read_record_file(args.full) if args.full else None
    except ConfigError as exc:
        return fail(str(exc))
    report = verify_record(record)
    problems = list(report.problems)
    checks = list(report.checks)
    not_checked = list(report.not_checked)
    if full is not None:
        # An auditor holding both files: the full one re-runs, and the public one must be derived from it.
        full_report = verify_record(full)
        problems += [f"full record: {p}" for p in full_report.problems]
        if report.kind == "public" and full_report.kind == "full":
            problems += public_differences(record, full, record_digest(full))
            checks += [c for c in full_report.checks if c not in checks] + ["derived"]
            not_checked = []
        else:
            problems.append(f"{args.record} should be a public record and {args.full} a full one")
    ok = not problems
    digest = record_digest(record)
    outcome = record.get("outcome") if isinstance(record.get("outcome"), dict) else {}
    picks = len(outcome.get("drawn", ()) if report.kind == "public" else outcome.get("picks", ()))
    described = {**CHECKS, "derived": ("公开记录由完整记录导出，并载明其摘要",
                                       "the public record is derived from the full record and names its digest")}
    missing = NOT_PUBLIC if report.kind == "public" else CHECKS
    if args.json:
        emit_json({"ok": ok, "problems": problems, "digest": digest, "kind": report.kind,
                   "algorithm": record.get("algorithm"), "key": record.get("key"), "picks": picks,
                   "full_digest": record.get("full_digest") if report.kind == "public" else digest,
                   "checks": [{"code": c, "zh": described[c][0], "en": described[c][1]} for c in checks],
                   "not_checked": [{"code": c, "zh": missing[c][0], "en": missing[c][1]} for c in not_checked]})
        return 0 if ok else 1
    if ok and report.kind == "public":
        print(f"OK: {args.record} is a public record ({record.get('format')}) of {picks} drawn entities "
              f"({record.get('algorithm')}); record digest {digest}; full record digest {record.get('full_digest')}")
    elif ok:
        print(f"OK: {args.record} re-runs to the same {picks} picks ({record.get('algorithm')}); "
              f"record digest {digest}")
    else:
        print(f"MISMATCH: {args.record}")
        for problem in problems:
            print(f"  {problem}")
    print("Checks run:")
    for c in checks:
        print(f"  [{c}] {described[c][1]}")
    if not_checked:
        print("Not checked (a public record holds no risk class, village or conflict; auditors re-run the full "
              "record):" if report.kind == "public" else "Not checked (the record stopped earlier):")
        for c in not_checked:
            print(f"  [{c}] {missing[c][1]}")
    return 0 if ok else 1


# ---------------------------------------------------------------- tongguan draw run

def _load_plan(path: Path) -> dict:
    return load_plan(path)  # every field checked, refusals name the file and the JSON path


class _Lookup:
    """Departments, matters and tags by the names a plan file may use."""

    def __init__(self, db) -> None:
        from sqlalchemy import select

        from core.db.models import Department, RegulatoryMatter, Tag

        with db.sessions() as s:
            self.departments: dict[str, int] = {}
            for d in s.scalars(select(Department)):
                for key in (str(d.id), d.code, d.code.lower(), d.name_zh, d.name_en, d.name_en.lower()):
                    self.departments.setdefault(key, d.id)
            self.matters = {}
            for m in s.scalars(select(RegulatoryMatter)):
                self.matters[str(m.id)] = m.id
                self.matters[m.code] = m.id
                self.matters[m.code.lower()] = m.id
            self.tags = {t.code: t.id for t in s.scalars(select(Tag))}

    def department(self, value, where: str) -> int:
        found = self.departments.get(str(value).strip()) or self.departments.get(str(value).strip().lower())
        if found is None:
            raise PlanFileError(f"没有部门 {value!r} (no department {value!r}; use its code, name or id)", where=where)
        return found

    def matter(self, value, where: str) -> int:
        found = self.matters.get(str(value).strip())
        if found is None:
            raise PlanFileError(f"没有监管事项 {value!r} (no matter {value!r}; use its code or id)", where=where)
        return found


def _pool_filter(db, pool: dict, lookup: _Lookup, where: str) -> dict:
    from sqlalchemy import select

    from core.db.models import MarketEntity

    if not isinstance(pool, dict):
        raise PlanFileError("pool 应为对象 (pool must be an object)", where=where)
    out = {k: v for k, v in pool.items() if k not in ("tag_codes", "usccs")}
    if "tag_codes" in pool:
        unknown = [c for c in pool["tag_codes"] if c not in lookup.tags]
        if unknown:
            raise PlanFileError(f"没有标签 {', '.join(unknown)} (unknown tag codes)", where=f"{where}.tag_codes")
        out["tag_ids"] = list(out.get("tag_ids", [])) + [lookup.tags[c] for c in pool["tag_codes"]]
    if "usccs" in pool:
        codes = sorted({str(c).strip().upper() for c in pool["usccs"]})
        ids: dict[str, int] = {}
        with db.sessions() as s:
            for k in range(0, len(codes), 900):
                ids.update(s.execute(select(MarketEntity.uscc, MarketEntity.id)
                                     .where(MarketEntity.uscc.in_(codes[k:k + 900]))).tuples().all())
        missing = [c for c in codes if c not in ids]
        if missing:
            raise PlanFileError(f"{len(missing)} 个统一社会信用代码不在库中，如 {missing[0]} "
                                f"({len(missing)} codes are not registered, e.g. {missing[0]})", where=f"{where}.usccs")
        out["entity_ids"] = sorted(set(out.get("entity_ids", [])) | set(ids.values()))
    return out


def _batch_input(db, raw, lookup: _Lookup, where: str) -> dict:
    fields = batch_fields(raw, where)
    departments = [(lookup.department(part["department"], f"{where}.departments[{n}].department"),
                    part["team_size"],
                    [lookup.matter(m, f"{where}.departments[{n}].matters[{k}]") for k, m in enumerate(part["matters"])])
                   for n, part in enumerate(fields["departments"])]
    start, end = fields["window"]
    return {"name": fields["name"], "lead_department_id": lookup.department(fields["lead_department"],
                                                                            f"{where}.lead_department"),
            "window_start": start, "window_end": end, "departments": departments,
            "pool_filter": _pool_filter(db, fields["pool"], lookup, f"{where}.pool"),
            "sampling": fields["sampling"], "avoidance": fields["avoidance"], "randomness": fields["randomness"]}


def cmd_draw_run(args: argparse.Namespace) -> int:
    from core.db.atomic import all_or_nothing
    from core.db.database import Database
    from core.draws import new_seed
    from core.services import draws as draw_service
    from core.workdays import explain_provisional

    from .draw_run import RunStopped, run_plan

    path = Path(args.plan_file)
    try:
        data = _load_plan(path)
    except PlanFileError as exc:
        return fail(str(exc))
    db = Database.open(args.db)
    actor = command_actor(db, args, data.get("actor"), str(path))
    lookup = _Lookup(db)
    try:
        inputs = [_batch_input(db, raw, lookup, f"{path}: batches[{n}]") for n, raw in enumerate(data["batches"])]
    except PlanFileError as exc:
        return fail(str(exc))
    try:
        year = int(data["year"])
    except (TypeError, ValueError):
        return fail(f"{path}: year: {data['year']!r} is not a year")
    seeds = {n: new_seed() for n, item in enumerate(inputs) if item["randomness"]["kind"] == "seed"}
    try:
        with all_or_nothing(db) as unit:
            plan_id, done, seed_file = run_plan(unit, actor, path, data, year, inputs, seeds)
    except RunStopped as exc:
        return fail(exc.message)
    results = []
    for item, locked, drawn in done:
        batch_id = drawn.batch_id
        record_file = path.with_name(f"{path.stem}.{batch_id}.record.json")
        draw_service.export_record(db, batch_id, record_file)
        public_file = path.with_name(f"{path.stem}.{batch_id}.public-record.json")
        draw_service.export_record(db, batch_id, public_file, public=True)
        results.append(_summary(item["name"], locked, drawn, record_file, public_file,
                                _provisional(db, batch_id, drawn.results_due)))
    if args.json:
        years = sorted({y for r in results if r["provisional"] for y in r["provisional"]["years"]})
        emit_json({"plan_id": plan_id, "year": year, "name": data["name"], "batches": results,
                   "provisional": _provisional_json(explain_provisional(years)) if years else None,
                   "seed_file": str(seed_file) if seed_file else None})
    else:
        print(f"plan {plan_id}: {data['name']} ({year})")
        for r in results:
            print(f"  batch {r['batch_id']} {r['name']}: drew {r['picks']} of {r['pool_count']:,} entities "
                  f"({r['tasks_created']} new tasks, {r['tasks_merged']} merged into joint visits); "
                  f"results due {r['results_due']}"
                  + (f" (provisional: {r['provisional']['reason_en']}; {r['provisional']['action_en']})"
                     if r["provisional"] else ""))
            print(f"    pool hash {r['pool_hash']}")
            print(f"    key {r['key']}")
            print(f"    record {r['record_file']} (sha256 {r['digest']}; for auditors: holds the risk classes)")
            print(f"    public record {r['public_record_file']} (sha256 {r['public_digest']}; no risk class)")
        if seed_file:
            print(f"  seeds {seed_file} (written before locking; keep it)")
    return 0


def _provisional_json(note) -> dict | None:
    """A provisional note for JSON: its years, reason and the schedule files that would make it official."""
    if note is None:
        return None
    return {"years": list(note.years), "reason_zh": note.reason_zh, "reason_en": note.reason_en,
            "text_zh": note.text("zh_CN"), "text_en": note.text("en"), "action_zh": note.action_zh,
            "action_en": note.action_en, "folder": str(note.folder), "file_names": list(note.file_names),
            "files": [str(f) for f in note.files]}


def _provisional(db, batch_id: int, due) -> dict | None:
    """Why a batch's results due date (20 working days after its window) is provisional, or None."""
    from core.services import draws as draw_service
    from core.services.draws.notices import results_due_note
    from core.workdays import default_calendar

    detail = draw_service.batch_detail(db, batch_id)
    return _provisional_json(results_due_note(detail, due, default_calendar()))


def _summary(name: str, locked, drawn, record_file: Path, public_file: Path, provisional: dict | None) -> dict:
    return {"batch_id": drawn.batch_id, "name": name, "pool_count": drawn.pool_count, "pool_hash": drawn.pool_hash,
            "strata_hash": locked.strata_hash, "randomness": drawn.randomness_kind, "sources": list(drawn.sources),
            "seed": drawn.seed, "seed_commitment": drawn.seed_commitment, "key": drawn.key,
            "algorithm": drawn.algorithm_version, "digest": drawn.digest, "picks": len(drawn.picks),
            "strata": [{"stratum": s.stratum, "pool": s.pool, "drawn": s.drawn} for s in drawn.strata],
            "alternates": drawn.alternates, "tasks_created": drawn.tasks_created,
            "tasks_merged": drawn.tasks_merged, "results_due": drawn.results_due.isoformat(),
            "provisional": provisional,
            "record_file": str(record_file), "public_record_file": str(public_file),
            "public_digest": hashlib.sha256(public_file.read_bytes()).hexdigest()}
