"""The public draw record: what anyone may hold and check, without any entity's risk class.

``public_record(full, roster)`` derives it from the full record (``make_record``): the pool
as codes, the sampling rule (policy, not any entity's class), each department's inspectors
as (id, name, certificate number), the randomness and key, the drawn entities in
code order, each department's teams in draw order (not linked to entities), the number of
passed-over inspectors, and the full record's digest. ``verify_public`` runs every check
that needs no class; see ``core/draws/README.md`` ("The public record") for why the rest
cannot be checked publicly and who checks it.
"""
from __future__ import annotations

from collections.abc import Iterator, Mapping

from .engine import ALGORITHM_VERSION, round_order
from .pool import pool_hash

__all__ = ["PUBLIC_FORMAT", "is_public", "public_record", "public_differences", "verify_public"]

PUBLIC_FORMAT = "tongguan-draw-public/1"
_MAX_LISTED = 20
_ROUNDS = 64    # rounds of a department's line computed at once

Roster = Mapping[int, tuple[str, str]]   # inspector id -> (name, certificate number)


def is_public(record: Mapping) -> bool:
    """Whether ``record`` is a public record (else a full one)."""
    return record.get("format") == PUBLIC_FORMAT


def public_record(full: Mapping, roster: Roster | None = None, *, full_digest: str) -> dict:
    """The public record of the full record ``full`` (whose digest is ``full_digest``).

    ``roster`` gives each inspector's name and certificate number; an inspector it lacks is
    published with empty ones. Nothing else of an inspector, and no entity's class, village
    or conflicts, is carried over.
    """
    roster = roster or {}
    pool = full["pool"]
    outcome = full["outcome"]
    sampling = {k: v for k, v in full["sampling"].items() if k != "override"}
    if "override" in full["sampling"]:
        # the planner's reason is public policy; who decided and when stay in the audit log
        sampling["override"] = {"reason": full["sampling"]["override"].get("reason", "")}
    picks = outcome["picks"]
    departments = []
    for d in full["departments"]:
        dept = d["department_id"]
        ids = sorted(int(i) for i, _village in d["inspectors"])
        teams = []
        for p in picks:
            team = next((t["inspectors"] for t in p["teams"] if t["department_id"] == dept), [])
            teams.append([int(i) for i in team])
        departments.append({
            "department_id": dept, "team_size": d["team_size"], "matter_ids": list(d.get("matter_ids", ())),
            "inspectors": [[i, *roster.get(i, ("", ""))] for i in ids],
            "teams": teams})
    return {
        "format": PUBLIC_FORMAT,
        "algorithm": full["algorithm"],
        "batch": full.get("batch", ""),
        "meta": dict(full.get("meta") or {}),
        "full_digest": full_digest,
        "pool": {"count": pool["count"], "hash": pool["hash"], "usccs": [e[0] for e in pool["entries"]]},
        "sampling": sampling,
        "departments": departments,
        "randomness": dict(full["randomness"]),
        "key": full["key"],
        "outcome": {"drawn": sorted(p["uscc"] for p in picks), "alternates": outcome["alternates"]},
    }


def public_differences(public: Mapping, full: Mapping, full_digest: str) -> list[str]:
    """Where ``public`` is not the public record of ``full``: for auditors holding both."""
    problems = []
    if public.get("full_digest") != full_digest:
        problems.append(f"the public record names full record {public.get('full_digest')}, this one is {full_digest}")
    roster = {int(i): (name, cert) for d in public.get("departments", ()) for i, name, cert in d["inspectors"]}
    derived = public_record(full, roster, full_digest=full_digest)
    for key in sorted(set(derived) | set(public)):
        if derived.get(key) != public.get(key):
            problems.append(f"the public record's {key!r} is not derived from the full record")
    return problems


def verify_public(record: Mapping, problems: list[str], ran: list[str]) -> None:
    """Every check of a public record; appends what differs to ``problems`` and the checks run to ``ran``."""
    from .record import check_randomness   # record imports this module

    if record.get("algorithm") != ALGORITHM_VERSION:
        problems.append(f"algorithm {record.get('algorithm')!r} is not supported (this is {ALGORITHM_VERSION})")
        return
    pool = record["pool"]
    usccs = [str(u) for u in pool["usccs"]]
    if usccs != sorted(usccs) or len(set(usccs)) != len(usccs):
        problems.append("pool is not in USCC order without duplicates")
    if pool.get("count") != len(usccs):
        problems.append(f"pool count differs: record says {pool.get('count')}, pool has {len(usccs)}")
    given = pool_hash(usccs)
    if pool.get("hash") != given:
        problems.append(f"pool hash differs: record says {pool.get('hash')}, pool gives {given}")
    ran.append("pool")
    key = check_randomness(record, problems)
    ran.append("randomness")
    drawn = [str(u) for u in record["outcome"]["drawn"]]
    in_pool = set(usccs)
    if drawn != sorted(drawn) or len(set(drawn)) != len(drawn):
        problems.append("the drawn entities are not listed once each in USCC order")
    outside = [u for u in drawn if u not in in_pool]
    if outside:
        problems.append(f"{len(outside)} drawn entities are not in the pool, e.g. {outside[0]}")
    ran.append("drawn_in_pool")
    if key is None:
        return
    skipped = 0
    for d in record["departments"]:
        skipped += _check_line(key, d, len(drawn), problems)
    if record["outcome"].get("alternates") != skipped:
        problems.append(f"alternates differ: record says {record['outcome'].get('alternates')}, "
                        f"the teams pass over {skipped} inspectors")
    ran.append("teams_line")


def _line(key: str, department_id: int, n: int) -> Iterator[int]:
    first = 0
    while True:
        yield from round_order(key, department_id, range(first, first + _ROUNDS), n).ravel().tolist()
        first += _ROUNDS


def _check_line(key: str, dept: Mapping, picks: int, problems: list[str]) -> int:
    """Walk the department's line as the draw does, taking each recorded team; return the
    inspectors passed over (the draw counts each as one alternate). A recorded member
    reached later than another member or than an inspector not passed over is a mismatch."""
    d = dept["department_id"]
    ids = sorted(int(i[0]) for i in dept["inspectors"])
    position = {i: j for j, i in enumerate(ids)}
    size = int(dept["team_size"])
    teams = dept["teams"]
    if len(teams) != picks:
        problems.append(f"department {d}: {len(teams)} teams for {picks} drawn entities")
        return 0
    line = _line(key, d, len(ids))
    waiting: list[int] = []
    skipped = 0
    differences = []
    for number, team in enumerate(teams, start=1):
        want = [position.get(int(i), -1) for i in team]
        if len(want) != size or -1 in want or len(set(want)) != size:
            differences.append(f"department {d}, team {number}: {team} is not {size} different inspectors "
                               f"of the department")
            continue
        taken: list[int] = []
        kept: list[int] = []
        source = iter(waiting)
        wrong = False
        while len(taken) < size:
            x = next(source, None)
            if x is None:
                source = line
                x = next(line)
            if x in taken:
                kept.append(x)
            elif x == want[len(taken)]:
                taken.append(x)
            elif x in want:
                differences.append(f"department {d}, team {number}: the line reaches inspector {ids[x]} before "
                                   f"{ids[want[len(taken)]]}, the record has them the other way")
                wrong = True
                break
            else:   # passed over: withdrew for this entity (the reason is in the full record)
                skipped += 1
                kept.append(x)
        if wrong:
            break
        if source is not line:
            kept += list(source)   # the rest of those waiting, in line order
        waiting = kept
    problems += differences[:_MAX_LISTED]
    if len(differences) > _MAX_LISTED:
        problems.append(f"... and {len(differences) - _MAX_LISTED} more differences in department {d}'s teams")
    return skipped
