"""Clues and grid events in a closed loop: the states a clue passes through, the actions
that move it, and what each action needs. No database here: ``core.services.clues``
applies these rules to stored clues.
"""
from .states import (
    ACTIONS,
    CLOSED_STATES,
    OPEN_STATES,
    Action,
    IllegalTransition,
    action_for,
    actions_for_role,
    allowed_actions,
    state_name,
)

__all__ = ["ACTIONS", "CLOSED_STATES", "OPEN_STATES", "Action", "IllegalTransition", "action_for", "actions_for_role",
           "allowed_actions", "state_name"]
