"""The life of a clue: states, and the actions allowed from each.

    received → assigned → claimed → handling → fed_back → closed
                  ↑  ↘ returned (not ours; says whose) → assigned again by the center
                  └─ transferred (internal referral to another department) → claimed
    fed_back / closed → reopened (the source says it is not solved) → handling
    any open state before handling → duplicate (linked to the original; final)

"closed" and "duplicate" end a clue; every other state is open and on someone's clock.
"""
from __future__ import annotations

from dataclasses import dataclass

from core.db.models.enums import ClueState
from core.errors import ValidationError

S = ClueState

STATE_NAMES: dict[ClueState, tuple[str, str]] = {
    S.RECEIVED: ("已受理", "Received"),
    S.ASSIGNED: ("已分派", "Assigned"),
    S.CLAIMED: ("已签收", "Claimed"),
    S.HANDLING: ("处置中", "Being handled"),
    S.FED_BACK: ("已反馈", "Result fed back"),
    S.CLOSED: ("已办结", "Closed"),
    S.RETURNED: ("已退回", "Returned"),
    S.TRANSFERRED: ("已转办", "Transferred"),
    S.DUPLICATE: ("重复件", "Duplicate"),
    S.REOPENED: ("已重启", "Reopened"),
}

CLOSED_STATES: frozenset[ClueState] = frozenset({S.CLOSED, S.DUPLICATE})
OPEN_STATES: frozenset[ClueState] = frozenset(set(ClueState) - CLOSED_STATES)


@dataclass(frozen=True)
class Action:
    """One action: from which states, to which, and what it must be given."""

    key: str
    name_zh: str
    name_en: str
    sources: frozenset[ClueState]
    target: ClueState
    needs_department: bool = False   # assign, transfer: the department to send to; return: whose it is
    needs_note: bool = False         # a reason or a result, in words
    needs_original: bool = False     # duplicate: the clue it repeats


def _a(key, zh, en, sources, target, **needs) -> Action:
    return Action(key, zh, en, frozenset(sources), target, **needs)


ACTIONS: dict[str, Action] = {a.key: a for a in (
    _a("assign", "分派", "Assign", {S.RECEIVED, S.RETURNED}, S.ASSIGNED, needs_department=True),
    _a("claim", "签收", "Claim", {S.ASSIGNED, S.TRANSFERRED}, S.CLAIMED),
    _a("start", "开始处置", "Start handling", {S.CLAIMED, S.REOPENED}, S.HANDLING),
    _a("feed_back", "反馈结果", "Feed back the result", {S.HANDLING}, S.FED_BACK, needs_note=True),
    _a("close", "办结", "Close", {S.FED_BACK}, S.CLOSED),
    _a("reopen", "重启", "Reopen", {S.FED_BACK, S.CLOSED}, S.REOPENED, needs_note=True),
    _a("return", "退回", "Return (not ours)", {S.ASSIGNED, S.TRANSFERRED, S.CLAIMED}, S.RETURNED,
       needs_department=True, needs_note=True),
    _a("transfer", "转办", "Transfer", {S.CLAIMED, S.HANDLING}, S.TRANSFERRED, needs_department=True,
       needs_note=True),
    _a("duplicate", "标记重复", "Mark as duplicate",
       {S.RECEIVED, S.ASSIGNED, S.RETURNED, S.TRANSFERRED, S.CLAIMED}, S.DUPLICATE, needs_original=True),
)}


# Who may take which action follows from the permission table (core.rights.CLUE_ACTIONS):
# a department handles what it is given; the center routes, links duplicates and closes or
# reopens for the source; planners and efficiency monitors watch.


def actions_for_role(role: str | None) -> frozenset[str]:
    """The action keys a user of ``role`` may take on a clue in its scope.

    No role (a console with nobody signed in, a screenshot) shows every action; the core
    refuses them all the same without an account behind them.
    """
    from core.rights import CLUE_ACTIONS, scope_of

    if not role:
        return frozenset(ACTIONS)
    return frozenset(key for key in ACTIONS if scope_of(role, CLUE_ACTIONS[key]) is not None)


class IllegalTransition(ValidationError):
    """An action the clue's state does not allow."""

    code = "clue.illegal_transition"


def state_name(state: ClueState | str, lang: str = "zh_CN") -> str:
    zh, en = STATE_NAMES[ClueState(state)]
    return zh if lang.startswith("zh") else en


def allowed_actions(state: ClueState | str) -> tuple[Action, ...]:
    """The actions a clue in ``state`` may take, in the order above."""
    state = ClueState(state)
    return tuple(a for a in ACTIONS.values() if state in a.sources)


def action_for(key: str, state: ClueState | str) -> Action:
    """The action ``key`` if ``state`` allows it; IllegalTransition (saying which are allowed) if not."""
    state = ClueState(state)
    action = ACTIONS.get(key)
    if action is None:
        raise ValidationError(f"没有“{key}”这一操作 (no clue action {key!r}; known: {', '.join(ACTIONS)})",
                              where="action", code="clue.unknown_action", params={"action": key})
    if state not in action.sources:
        allowed = allowed_actions(state)
        zh = "、".join(a.name_zh for a in allowed) or "无"
        en = ", ".join(a.key for a in allowed) or "none"
        raise IllegalTransition(
            f"线索处于“{state_name(state)}”状态，不能{action.name_zh}；可进行的操作：{zh} "
            f"(a clue in state {state.value!r} does not allow {action.key!r}; allowed: {en})",
            where="action", params={"state": state.value, "action": action.key,
                                    "allowed": tuple(a.key for a in allowed)})
    return action
