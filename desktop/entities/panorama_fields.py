"""The header facts of a panorama as (label, value) pairs, shared by the view and the PDF.

Labels are English sources in the ``PanoramaFields`` context; values come from the
core's EntityHeader with codes turned into words and names in the UI language.
The risk class is listed only for internal users (``show_risk``).
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from core.services.panorama import EntityHeader

from . import vocabulary

_CONTEXT = "PanoramaFields"

LABELS: dict[str, str] = {
    "uscc": QT_TRANSLATE_NOOP("PanoramaFields", "Credit code"),
    "entity_type": QT_TRANSLATE_NOOP("PanoramaFields", "Type"),
    "legal_rep": QT_TRANSLATE_NOOP("PanoramaFields", "Legal representative"),
    "registered_on": QT_TRANSLATE_NOOP("PanoramaFields", "Registered on"),
    "industry": QT_TRANSLATE_NOOP("PanoramaFields", "Industry"),
    "status": QT_TRANSLATE_NOOP("PanoramaFields", "Status"),
    "division": QT_TRANSLATE_NOOP("PanoramaFields", "Town / village"),
    "risk_class": QT_TRANSLATE_NOOP("PanoramaFields", "Risk class"),
    "address": QT_TRANSLATE_NOOP("PanoramaFields", "Address"),
    "location": QT_TRANSLATE_NOOP("PanoramaFields", "Location (WGS-84)"),
    "tags": QT_TRANSLATE_NOOP("PanoramaFields", "Regulatory tags"),
}


def label(key: str) -> str:
    return QCoreApplication.translate(_CONTEXT, LABELS[key])


def no_tags() -> str:
    return QCoreApplication.translate("PanoramaFields", "No tags")


def header_fields(h: EntityHeader, lang: str, *, show_risk: bool) -> list[tuple[str, str]]:
    """(key, value) in display order; keys index :data:`LABELS`. Tags are not included."""
    industry = h.industry_en if lang == "en" and h.industry_en else h.industry_zh
    town = h.town_en if lang == "en" and h.town_en else h.town_zh
    fields = [
        ("uscc", h.uscc),
        ("entity_type", vocabulary.entity_type(h.entity_type)),
        ("legal_rep", h.legal_rep),
        ("registered_on", h.registered_on.isoformat()),
        ("industry", f"{h.industry_code} {industry}".strip()),
        ("status", vocabulary.status(h.status)),
        ("division", " / ".join(part for part in (town, h.village_zh) if part)),
    ]
    if show_risk:
        fields.append(("risk_class", vocabulary.risk_class(h.risk_class)))
    fields += [("address", h.address), ("location", f"{h.lat:.6f}, {h.lng:.6f}")]
    return fields
