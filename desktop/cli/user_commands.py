"""``tongguan users``: users, roles and system accounts for centres without a console.

``tongguan users create-admin`` gives a fresh database its first administrator (only while
it has none); the password is asked twice on the terminal or read from the first line of
``--password-file``. Every other action names who does it with ``--as NAME``: an active
administrator or an administrator system account (for scripted jobs). Each change is
audited under that name::

    tongguan users list --as root
    tongguan users create li --role department --department D01 --password-file pw.txt --as root
    tongguan users set-role li operator --as root
    tongguan users reset-password li --as root
    tongguan users unlock li --as root
    tongguan users deactivate li --as root
    tongguan users create-system import_job --role operator --as root
    tongguan users policy --max-failures 5 --lockout-minutes 15 --as root
"""
from __future__ import annotations

import argparse
import getpass
import sys

from core.db.models import RoleCode

from .output import emit_json, fail

ROLES = [r.value for r in RoleCode]


def add_parser(sub, common: argparse.ArgumentParser) -> None:
    group = sub.add_parser("users", help="users, roles and system accounts").add_subparsers(
        dest="users_command", metavar="ACTION", required=True)
    acting = argparse.ArgumentParser(add_help=False)
    acting.add_argument("--as", dest="acting", required=True, metavar="NAME",
                        help="the administrator (or administrator system account) doing this")
    pw = argparse.ArgumentParser(add_help=False)
    pw.add_argument("--password-file", metavar="FILE", help="read the password from the first line of FILE")

    first = group.add_parser("create-admin", parents=[common, pw], help="the first administrator of a new database")
    first.add_argument("--username", default="admin")
    first.add_argument("--display-name", default="")
    first.set_defaults(func=cmd_create_admin)

    group.add_parser("list", parents=[common, acting], help="list users and system accounts").set_defaults(
        func=cmd_list)
    for name, system, helptext in (("create", False, "create a user"),
                                   ("create-system", True, "create a system account (cannot sign in)")):
        cmd = group.add_parser(name, parents=[common, acting] + ([] if system else [pw]), help=helptext)
        cmd.add_argument("username")
        cmd.add_argument("--role", choices=ROLES, required=True)
        cmd.add_argument("--department", metavar="CODE", help="department code (required for the department role)")
        cmd.add_argument("--display-name", default="")
        cmd.set_defaults(func=cmd_create, system=system)
    role = group.add_parser("set-role", parents=[common, acting], help="change a user's role (and department)")
    role.add_argument("username")
    role.add_argument("role", choices=ROLES)
    role.add_argument("--department", metavar="CODE")
    role.set_defaults(func=cmd_set_role)
    reset = group.add_parser("reset-password", parents=[common, acting, pw], help="set a new password")
    reset.add_argument("username")
    reset.set_defaults(func=cmd_reset_password)
    for name, helptext, func in (("unlock", "lift a sign-in lock-out", "unlock"),
                                 ("deactivate", "stop a user from signing in", "deactivate")):
        cmd = group.add_parser(name, parents=[common, acting], help=helptext)
        cmd.add_argument("username")
        cmd.set_defaults(func=cmd_simple, action=func)
    policy = group.add_parser("policy", parents=[common, acting], help="show or set the sign-in lock-out")
    policy.add_argument("--max-failures", type=int)
    policy.add_argument("--lockout-minutes", type=int)
    policy.set_defaults(func=cmd_policy)


def _password(args: argparse.Namespace) -> str | None:
    """The password from --password-file or typed twice; None (after a message) when there is none."""
    if args.password_file:
        try:
            with open(args.password_file, encoding="utf-8") as f:
                return f.readline().rstrip("\r\n")
        except OSError as exc:
            fail(f"{args.password_file}: {exc.strerror or exc}")
            return None
    if not sys.stdin.isatty():
        fail("no terminal to ask for the password: use --password-file FILE")
        return None
    first = getpass.getpass("New password: ")
    if getpass.getpass("Repeat it: ") != first:
        fail("the two passwords differ")
        return None
    return first


def _db(args: argparse.Namespace):
    from core.db.database import Database

    return Database.open(args.db)


def _department(db, code: str | None) -> int | None:
    from core.errors import NotFound
    from core.services.users import departments

    if code is None:
        return None
    for dept_id, dept_code, name_zh, _ in departments(db):
        if code in (dept_code, name_zh, str(dept_id)):
            return dept_id
    raise NotFound(f"no department {code!r}", where="departments")


def _acting(db, args: argparse.Namespace):
    from core.services.users import principal

    return principal(db, args.acting)


def cmd_create_admin(args: argparse.Namespace) -> int:
    from core.services.users import create_first_admin

    db = _db(args)
    password = _password(args)
    if password is None:
        return 2
    user_id = create_first_admin(db, args.username, args.display_name, password)
    if args.json:
        emit_json({"id": user_id, "username": args.username, "role": "admin"})
    else:
        print(f"administrator {args.username} created; sign in to the console with the password given")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from core.services.users import list_users

    db = _db(args)
    rows = list_users(db, _acting(db, args))
    if args.json:
        emit_json([{"username": r.username, "display_name": r.display_name, "role": r.role_code,
                    "department": r.department_zh, "active": r.active, "system": r.is_system,
                    "locked_until": r.locked_until.isoformat() if r.locked_until else None} for r in rows])
        return 0
    for r in rows:
        state = "inactive" if not r.active else f"locked until {r.locked_until:%H:%M} UTC" if r.locked_until else "active"
        kind = "system" if r.is_system else "user"
        print(f"{r.username:<20} {r.role_code:<11} {kind:<7} {state:<24} {r.department_zh or '-'}  {r.display_name}")
    return 0


def cmd_create(args: argparse.Namespace) -> int:
    from core.services.users import create_system_account, create_user

    db = _db(args)
    acting = _acting(db, args)
    dept = _department(db, args.department)
    if args.system:
        user_id = create_system_account(db, acting, args.username, args.display_name, args.role, dept)
    else:
        password = _password(args)
        if password is None:
            return 2
        user_id = create_user(db, acting, args.username, args.display_name, args.role, password, dept)
    if args.json:
        emit_json({"id": user_id, "username": args.username, "role": args.role, "system": args.system})
    else:
        print(f"{'system account' if args.system else 'user'} {args.username} created ({args.role})")
    return 0


def cmd_set_role(args: argparse.Namespace) -> int:
    from core.services.users import update_user

    db = _db(args)
    acting = _acting(db, args)
    if args.department is not None:
        update_user(db, acting, args.username, role_code=args.role, department_id=_department(db, args.department))
    else:
        update_user(db, acting, args.username, role_code=args.role)
    print(f"{args.username} is now {args.role}")
    return 0


def cmd_reset_password(args: argparse.Namespace) -> int:
    from core.services.users import reset_password

    db = _db(args)
    acting = _acting(db, args)
    password = _password(args)
    if password is None:
        return 2
    reset_password(db, acting, args.username, password)
    print(f"new password set for {args.username}")
    return 0


def cmd_simple(args: argparse.Namespace) -> int:
    from core.services import users

    db = _db(args)
    acting = _acting(db, args)
    if args.action == "unlock":
        had = users.unlock(db, acting, args.username)
        print(f"{args.username} unlocked" if had else f"{args.username} was not locked")
    else:
        users.deactivate(db, acting, args.username)
        print(f"{args.username} deactivated")
    return 0


def cmd_policy(args: argparse.Namespace) -> int:
    from core.services.signin_policy import SignInPolicy, read_sign_in_policy
    from core.services.users import set_sign_in_policy

    db = _db(args)
    acting = _acting(db, args)
    with db.sessions() as s:
        policy = read_sign_in_policy(s)
    if args.max_failures is not None or args.lockout_minutes is not None:
        policy = SignInPolicy(args.max_failures if args.max_failures is not None else policy.max_failures,
                              args.lockout_minutes if args.lockout_minutes is not None else policy.lockout_minutes)
        set_sign_in_policy(db, acting, policy)
    if args.json:
        emit_json({"max_failures": policy.max_failures, "lockout_minutes": policy.lockout_minutes})
    else:
        print(f"{policy.max_failures} failed sign-ins lock a user name for {policy.lockout_minutes} minutes")
    return 0
