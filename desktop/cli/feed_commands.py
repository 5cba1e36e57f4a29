"""``tongguan feeds``, ``tongguan open311`` and ``tongguan serve open311``: data from systems that are
not ours (issue 16; the work is in :mod:`core.feeds`).

- ``feeds registrations FILE --system S``: take a registration file (XLSX/CSV/JSON): the
  double-notification pushes and commitment verifications it starts, once per registration id;
- ``feeds permits list|set|delete`` and ``feeds catalogue list|set|delete``: the permit-to-department
  mapping and the commitment catalogue (administrator, audited);
- ``feeds watch FOLDER --system S [--once]`` and ``feeds results``: the drop folder and what
  became of each file;
- ``open311 import FILE --system S``, ``open311 codes list|waiting|map|delete`` and
  ``open311 key create|list|revoke``: foreign requests, their codes and the systems' API keys;
- ``serve open311 [--host H] [--port P] [--allow-remote]``: GeoReport v2 for systems that push.

Every command that changes data acts as ``--actor`` (or ``TONGGUAN_ACTOR``).
"""
from __future__ import annotations

import argparse
from dataclasses import asdict

from core.errors import TongguanError

from .actor import add_actor_argument, command_actor
from .output import emit_json, fail


def _sub(parent, name: str, help_: str):
    return parent.add_parser(name, help=help_).add_subparsers(dest=f"{name}_command", metavar="ACTION", required=True)


def add_parser(sub, common: argparse.ArgumentParser) -> None:
    feeds = _sub(sub, "feeds", "the registration feed, its mapping and catalogue, drop folders")
    reg = feeds.add_parser("registrations", parents=[common], help="take a registration file (pushes, commitments)")
    reg.add_argument("file", metavar="FILE")
    reg.add_argument("--system", required=True, help="the registration system's name (the ids are its own)")
    add_actor_argument(reg, "takes them")
    reg.set_defaults(func=cmd_registrations)

    permits = feeds.add_parser("permits", help="which department approves each permit").add_subparsers(
        dest="permits_command", metavar="ACTION", required=True)
    permits.add_parser("list", parents=[common], help="the mapping").set_defaults(func=cmd_permits_list)
    pset = permits.add_parser("set", parents=[common], help="map a permit to its approving department")
    pset.add_argument("code", metavar="PERMIT_CODE")
    pset.add_argument("name", metavar="PERMIT_NAME")
    pset.add_argument("--department", required=True, help="department code, id or name")
    pset.add_argument("--keywords", default="", help="words naming it in a business scope, separated by |")
    add_actor_argument(pset, "changes the mapping")
    pset.set_defaults(func=cmd_permits_set)
    pdel = permits.add_parser("delete", parents=[common], help="forget a permit's mapping")
    pdel.add_argument("code", metavar="PERMIT_CODE")
    add_actor_argument(pdel, "changes the mapping")
    pdel.set_defaults(func=cmd_permits_delete)

    cat = feeds.add_parser("catalogue", help="the commitment catalogue (告知承诺事项清单)").add_subparsers(
        dest="catalogue_command", metavar="ACTION", required=True)
    cat.add_parser("list", parents=[common], help="the catalogue").set_defaults(func=cmd_catalogue_list)
    cset = cat.add_parser("set", parents=[common], help="add or change a matter")
    cset.add_argument("code", metavar="CODE")
    cset.add_argument("name", metavar="NAME")
    cset.add_argument("--department", required=True, help="the verifying department (code, id or name)")
    cset.add_argument("--text", required=True, help="the commitment text")
    cset.add_argument("--standard", required=True, help="the verification standard")
    cset.add_argument("--consequence", required=True, help="the consequence of a breach")
    cset.add_argument("--fulfil-days", type=int, default=30, help="days from registration to fulfil (default 30)")
    cset.add_argument("--verify-days", type=int, default=20, help="working days to verify after that (default 20)")
    cset.add_argument("--keywords", default="", help="words naming it in a business scope, separated by |")
    add_actor_argument(cset, "changes the catalogue")
    cset.set_defaults(func=cmd_catalogue_set)
    cdel = cat.add_parser("delete", parents=[common], help="take a matter off the catalogue")
    cdel.add_argument("code", metavar="CODE")
    add_actor_argument(cdel, "changes the catalogue")
    cdel.set_defaults(func=cmd_catalogue_delete)

    watch = feeds.add_parser("watch", parents=[common], help="import the files a system drops in FOLDER")
    watch.add_argument("folder", metavar="FOLDER")
    watch.add_argument("--system", required=True, help="the source system that drops files there")
    watch.add_argument("--kind", default="auto", help="auto (default: a kind's subfolder, else the file's headers), "
                       "open311, or an exchange kind (entities, penalties...) for every file of the top folder")
    watch.add_argument("--interval", type=float, default=3.0, help="seconds between scans (default 3)")
    watch.add_argument("--once", action="store_true", help="take what has settled after one interval, then stop")
    add_actor_argument(watch, "imports the files")
    watch.set_defaults(func=cmd_watch)
    results = feeds.add_parser("results", parents=[common], help="what became of each dropped file")
    results.add_argument("--system", default=None)
    results.add_argument("--limit", type=int, default=50)
    results.set_defaults(func=cmd_results)

    o311 = _sub(sub, "open311", "Open311 from systems that are not ours: import, codes, API keys")
    imp = o311.add_parser("import", parents=[common], help="import a foreign system's Open311 file")
    imp.add_argument("file", metavar="FILE.json")
    imp.add_argument("--system", required=True, help="the system that sent it (its codes are mapped by it)")
    add_actor_argument(imp, "imports them")
    imp.set_defaults(func=cmd_open311_import)
    codes = o311.add_parser("codes", help="foreign service codes mapped to our matters").add_subparsers(
        dest="codes_command", metavar="ACTION", required=True)
    codes.add_parser("list", parents=[common], help="the mappings").set_defaults(func=cmd_codes_list)
    codes.add_parser("waiting", parents=[common], help="unmapped codes clues wait with").set_defaults(
        func=cmd_codes_waiting)
    cmap = codes.add_parser("map", parents=[common], help="map a system's code to a matter (routes waiting clues)")
    cmap.add_argument("code", metavar="FOREIGN_CODE")
    cmap.add_argument("matter", metavar="MATTER_CODE")
    cmap.add_argument("--system", required=True, help="the system whose code it is (* for every system)")
    cmap.add_argument("--name", default="", help="the foreign service name")
    add_actor_argument(cmap, "maps it")
    cmap.set_defaults(func=cmd_codes_map)
    cdel = codes.add_parser("delete", parents=[common], help="forget a mapping")
    cdel.add_argument("code", metavar="FOREIGN_CODE")
    cdel.add_argument("--system", required=True)
    add_actor_argument(cdel, "changes the mapping")
    cdel.set_defaults(func=cmd_codes_delete)
    key = o311.add_parser("key", help="the source systems' API keys").add_subparsers(
        dest="key_command", metavar="ACTION", required=True)
    kc = key.add_parser("create", parents=[common], help="make a key for SYSTEM (shown once)")
    kc.add_argument("system", metavar="SYSTEM")
    add_actor_argument(kc, "creates it")
    kc.set_defaults(func=cmd_key_create)
    key.add_parser("list", parents=[common], help="the keys (prefixes only)").set_defaults(func=cmd_key_list)
    kr = key.add_parser("revoke", parents=[common], help="revoke SYSTEM's keys")
    kr.add_argument("system", metavar="SYSTEM")
    kr.add_argument("--prefix", default=None, help="only the key starting so")
    add_actor_argument(kr, "revokes them")
    kr.set_defaults(func=cmd_key_revoke)

    serve = _sub(sub, "serve", "serve an interface to other systems")
    s311 = serve.add_parser("open311", parents=[common], help="GeoReport v2 for systems that push requests")
    s311.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    s311.add_argument("--port", type=int, default=8311, help="port (default 8311)")
    s311.add_argument("--allow-remote", action="store_true",
                      help="allow an address other than loopback (put TLS in front: keys travel in the request)")
    add_actor_argument(s311, "takes the requests in")
    s311.set_defaults(func=cmd_serve_open311)


def _open(args):
    from core.db.database import Database

    return Database.open(args.db)


def _run(args, work) -> int:
    db = _open(args)
    try:
        return work(db)
    except TongguanError as exc:
        return fail(str(exc))
    finally:
        db.dispose()


def _rows(args, rows, line) -> int:
    if args.json:
        emit_json([asdict(r) for r in rows])
    else:
        for r in rows:
            print(line(r))
        if not rows:
            print("(none)")
    return 0


def cmd_registrations(args) -> int:
    from core.feeds.files import take_registration_file

    def work(db):
        actor = command_actor(db, args)
        try:
            out = take_registration_file(db, actor, args.file, system=args.system)
        except TongguanError as exc:
            return fail(f"nothing taken: {exc}")
        if args.json:
            emit_json({"file": args.file, **asdict(out)})
        else:
            print(f"{args.file}: {out.added:,} new registrations ({out.already:,} already taken), "
                  f"{out.pushes:,} pushes ({out.queued:,} to the shared queue), {out.commitments:,} commitments, "
                  f"{out.entities_created:,} entities registered")
        return 0
    return _run(args, work)


def cmd_permits_list(args) -> int:
    from core.feeds.mapping import list_permits

    return _run(args, lambda db: _rows(args, list_permits(db), lambda r: (
        f"{r.permit_code}\t{r.permit_name}\t{r.department}\t{'|'.join(r.keywords)}")))


def cmd_permits_set(args) -> int:
    from core.feeds.mapping import save_permit

    def work(db):
        save_permit(db, command_actor(db, args), permit_code=args.code, permit_name=args.name,
                    department=args.department, keywords=args.keywords)
        print(f"permit {args.code} -> {args.department}")
        return 0
    return _run(args, work)


def cmd_permits_delete(args) -> int:
    from core.feeds.mapping import delete_permit

    def work(db):
        delete_permit(db, command_actor(db, args), args.code)
        print(f"permit {args.code}: mapping removed (its pushes go to the shared queue)")
        return 0
    return _run(args, work)


def cmd_catalogue_list(args) -> int:
    from core.feeds.mapping import list_catalogue

    return _run(args, lambda db: _rows(args, list_catalogue(db), lambda r: (
        f"{r.code}\t{r.name}\t{r.department}\tfulfil {r.fulfil_days} d, verify {r.verify_working_days} working d")))


def cmd_catalogue_set(args) -> int:
    from core.feeds.mapping import save_catalogue_matter

    def work(db):
        save_catalogue_matter(db, command_actor(db, args), code=args.code, name=args.name,
                              department=args.department, commitment_text=args.text,
                              verification_standard=args.standard, breach_consequence=args.consequence,
                              fulfil_days=args.fulfil_days, verify_working_days=args.verify_days,
                              keywords=args.keywords)
        print(f"catalogue matter {args.code} saved")
        return 0
    return _run(args, work)


def cmd_catalogue_delete(args) -> int:
    from core.feeds.mapping import delete_catalogue_matter

    def work(db):
        delete_catalogue_matter(db, command_actor(db, args), args.code)
        print(f"catalogue matter {args.code} removed")
        return 0
    return _run(args, work)


SHOWN_PROBLEMS = 5


def _result_line(r) -> str:
    state = "ok" if r.ok else "FAILED"
    tail = ""
    if not r.ok:
        more = len(r.problems) - SHOWN_PROBLEMS
        tail = " — " + "; ".join(r.problems[:SHOWN_PROBLEMS]) + (f" (+{more} more)" if more > 0 else "")
        tail += f" — moved to {r.moved_to}"
    return (f"{r.finished_at:%Y-%m-%d %H:%M:%S}\t{r.source_system}\t{r.file_name}\tkind={r.kind}\t{state}\t"
            f"{r.added} written, {r.already} already\t{r.sha256[:12]}{tail}")


def cmd_watch(args) -> int:
    from core.feeds.dropfolder import watch

    def work(db):
        actor = command_actor(db, args)
        if args.interval < 0:
            return fail("--interval must not be negative")
        if not args.once:
            print(f"watching {args.folder} for {args.system} every {args.interval:g} s (Ctrl+C stops)", flush=True)
        try:
            results = watch(db, actor, args.folder, args.system, kind=args.kind, interval=args.interval,
                            once=args.once, on_result=None if args.json else lambda r: print(_result_line(r),
                                                                                              flush=True))
        except KeyboardInterrupt:
            return 0
        if args.json:
            emit_json([asdict(r) for r in results])
        return 1 if any(not r.ok for r in results) else 0
    return _run(args, work)


def cmd_results(args) -> int:
    from core.feeds.dropfolder import list_results

    return _run(args, lambda db: _rows(args, list_results(db, system=args.system, limit=args.limit), _result_line))


def cmd_open311_import(args) -> int:
    from core.services.clues.open311 import import_open311

    def work(db):
        actor = command_actor(db, args)
        try:
            added, already = import_open311(db, actor, args.file, system=args.system)
        except TongguanError as exc:
            return fail(f"nothing imported: {exc}")
        if args.json:
            emit_json({"file": args.file, "system": args.system, "imported": added, "already_here": already})
        else:
            print(f"{args.file}: {added:,} new, {already:,} already imported (from {args.system})")
        return 0
    return _run(args, work)


def cmd_codes_list(args) -> int:
    from core.feeds.foreign_codes import list_foreign_codes

    return _run(args, lambda db: _rows(args, list_foreign_codes(db), lambda r: (
        f"{r.source_system}\t{r.service_code}\t{r.service_name}\t-> {r.matter_code} {r.matter_name}")))


def cmd_codes_waiting(args) -> int:
    from core.feeds.foreign_codes import waiting_codes

    return _run(args, lambda db: _rows(args, waiting_codes(db), lambda r: (
        f"{r.source_system or '-'}\t{r.service_code}\t{r.service_name}\t{r.clues} clues waiting")))


def cmd_codes_map(args) -> int:
    from core.feeds.foreign_codes import map_foreign_code

    def work(db):
        _, routed = map_foreign_code(db, command_actor(db, args), system=args.system, service_code=args.code,
                                     matter_code=args.matter, service_name=args.name)
        print(f"{args.system} {args.code} -> {args.matter}; {routed} waiting clues routed")
        return 0
    return _run(args, work)


def cmd_codes_delete(args) -> int:
    from core.feeds.foreign_codes import delete_foreign_code

    def work(db):
        delete_foreign_code(db, command_actor(db, args), system=args.system, service_code=args.code)
        print(f"{args.system} {args.code}: mapping removed")
        return 0
    return _run(args, work)


def cmd_key_create(args) -> int:
    from core.feeds.api_keys import create_key

    def work(db):
        key = create_key(db, command_actor(db, args), args.system)
        if args.json:
            emit_json({"system": args.system, "api_key": key})
        else:
            print(f"API key for {args.system} (shown once; only its hash is kept):\n{key}")
        return 0
    return _run(args, work)


def cmd_key_list(args) -> int:
    from core.feeds.api_keys import list_keys

    return _run(args, lambda db: _rows(args, list_keys(db), lambda r: (
        f"{r.source_system}\t{r.prefix}…\t{r.created_at}\t{r.created_by}\t{'revoked' if r.revoked else 'active'}")))


def cmd_key_revoke(args) -> int:
    from core.feeds.api_keys import revoke_keys

    def work(db):
        n = revoke_keys(db, command_actor(db, args), args.system, args.prefix)
        print(f"{n} key(s) of {args.system} revoked")
        return 0
    return _run(args, work)


def cmd_serve_open311(args) -> int:
    from core.feeds.open311_server import serve_open311

    def work(db):
        actor = command_actor(db, args)

        def ready(server):
            host, port = server.server_address[:2]
            print(f"Open311 GeoReport v2 on http://{host}:{port}/ (services.json, requests.json; Ctrl+C stops)",
                  flush=True)
        serve_open311(db, actor, host=args.host, port=args.port, allow_remote=args.allow_remote, ready=ready)
        return 0
    return _run(args, work)
