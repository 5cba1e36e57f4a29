"""A role that may not see risk classes (core.rights risk.read) never gets them on the map."""
from __future__ import annotations

from core.errors import PermissionDenied
from core.services.search import EntityFilter
from desktop.entities import is_internal
from desktop.entities.errors import headline
from desktop.i18n import install_language
from desktop.map.controller import MapController
from desktop.map.query import LayerChoice


class _User:
    def __init__(self, role_code: str) -> None:
        self.role_code = role_code


def test_the_map_of_a_role_without_risk_opens_by_entity_type_and_drops_risk_filters(console_app, entities_db, tasks):
    assert not is_internal(_User("department")) and not is_internal(_User("town")) and is_internal(_User("operator"))
    hidden = MapController(entities_db, tasks, show_risk=False)
    assert hidden.choice.colour_by == "entity_type" and LayerChoice().colour_by == "risk"
    hidden.set_choice(colour_by="risk", measure="risk_d_share")  # the legend can never turn to A-D
    assert (hidden.choice.colour_by, hidden.choice.measure) == ("entity_type", "entities")
    hidden.set_filter(EntityFilter(risk_classes=("D",), town_codes=("330782001",)))
    assert hidden.filter.risk_classes == () and hidden.filter.town_codes == ("330782001",)
    shown = MapController(entities_db, tasks, show_risk=True)
    assert shown.choice.colour_by == "risk"


def test_a_refusal_is_worded_from_its_permission_and_scope(console_app):
    refused = PermissionDenied("clue.handle", actor="dept_scjg", role="department", scope="dept")
    assert headline(refused) == "您无权办理此线索。该事项属于其他部门。"  # Chinese first
    install_language(console_app, "en")
    assert headline(refused) == "You are not allowed to handle this clue. It belongs to another department."
    assert "risk classes" in headline(PermissionDenied("risk.read", actor="x", role="department"))
