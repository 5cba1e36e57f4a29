"""Who a command acts as: ``--actor NAME``, else ``TONGGUAN_ACTOR``; a system account or a user.

There are no free actor strings (``core.rights``): a command that changes data or lets it
leave (an export, audited) names an active user or system account, and is refused with one
line saying how to create one when it does not.
"""
from __future__ import annotations

import argparse
import os

from core.errors import TongguanError

ENV = "TONGGUAN_ACTOR"
HOW = "create one: tongguan users create-system {name} --role ROLE --as ADMIN"


class ActorMissing(TongguanError):
    """No actor given, or the name is no active user or system account."""

    code = "cli.actor"


def add_actor_argument(parser: argparse.ArgumentParser, what: str = "acts") -> None:
    """``--actor NAME``: the system account or user the command ``what`` as (default ``TONGGUAN_ACTOR``)."""
    parser.add_argument("--actor", metavar="NAME", default=None,
                        help=f"the system account or user who {what} (the audit log names it); "
                             f"required, or set {ENV}; create one with "
                             f"`tongguan users create-system NAME --role ROLE --as ADMIN`")


def command_actor(db, args: argparse.Namespace, file_actor: str | None = None, file_where: str = "") -> str:
    """The checked actor of a command: ``--actor``, else a plan file's ``"actor"``, else ``TONGGUAN_ACTOR``."""
    if getattr(args, "actor", None):
        return checked_actor(db, args.actor, "--actor")
    if file_actor:
        return checked_actor(db, file_actor, f"{file_where}: actor")
    name = os.environ.get(ENV) or None
    if name is None and file_where:
        raise ActorMissing(f"{file_where}: no actor: give --actor NAME, an \"actor\" in the file or set {ENV} "
                           f"to a system account or user ({HOW.format(name='NAME')})")
    return checked_actor(db, name, ENV)


def checked_actor(db, name: str | None, source: str = "--actor") -> str:
    """``name`` when it is an active user or system account of ``db``; ActorMissing (one line) if not."""
    from core.rights import UnknownActor, resolve

    if not name:
        raise ActorMissing(f"no actor: give --actor NAME or set {ENV} to a system account or user "
                           f"({HOW.format(name='NAME')})")
    with db.sessions() as s:
        try:
            resolve(s, name)
        except UnknownActor:
            raise ActorMissing(f"{source} {name!r} is no active user or system account "
                               f"({HOW.format(name=name)})") from None
    return name
