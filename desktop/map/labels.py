"""Translated words and colours for map payloads, built on the GUI thread."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.entities import vocabulary
from maps.categories import OTHER_COLOUR, RISK_COLOURS, STATUS_COLOURS, TYPE_COLOURS

from .query import Labels

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")
_CODES = {"risk": ("A", "B", "C", "D"), "entity_type": ("enterprise", "individual", "cooperative"),
          "status": ("active", "deregistered", "revoked")}
_COLOURS = {"risk": RISK_COLOURS, "entity_type": TYPE_COLOURS, "status": STATUS_COLOURS}
_WORDS = {"risk": vocabulary.RISK_CLASSES, "entity_type": vocabulary.ENTITY_TYPES, "status": vocabulary.STATUSES}


def build_labels(tags, *, lang: str, title: str) -> Labels:
    """Labels in the current UI language; ``tags`` are TagInfo with their own colours."""
    categories = {
        key: [{"key": code, "label": vocabulary.word(_WORDS[key], code), "colour": _COLOURS[key][code]}
              for code in codes]
        for key, codes in _CODES.items()
    }
    zh = lang.startswith("zh")
    categories["tags"] = [{"key": f"tag:{t.id}", "label": t.name_zh if zh else (t.name_en or t.name_zh),
                           "colour": t.colour} for t in tags]
    categories["tags"].append({"key": "none", "label": translate("MapLabels", "None of the chosen tags"),
                               "colour": OTHER_COLOUR})
    return Labels(
        colour_by={"risk": translate("MapLabels", "Risk class"), "entity_type": translate("MapLabels", "Entity type"),
                   "status": translate("MapLabels", "Status"), "tags": translate("MapLabels", "Tags")},
        categories=categories,
        measures={"entities": translate("MapLabels", "Entities"),
                  "risk_d_share": translate("MapLabels", "Share of risk class D"),
                  "open_clues": translate("MapLabels", "Open clues"),
                  "overdue": translate("MapLabels", "Overdue items")},
        draw_label=translate("MapLabels", "Drawn entities"),
        clues_label=translate("MapLabels", "Open clues"),
        title=title,
        themes_label=translate("MapLabels", "Thematic warnings"),
        english=not zh,
    )
