"""The picks of a drawn batch as the wall's ceremony shows them (worker thread, no widgets)."""
from __future__ import annotations

from core.reference import load_profile
from core.services import draws
from desktop.draws.ceremony import CeremonyData
from desktop.draws.picks_model import ceremony_data


class _PlaceNames:
    """Town and village names of the city profile: what ``place_text`` asks a reference for."""

    def __init__(self, profile) -> None:
        self._names = {t.code: (t.name_zh, t.name_en) for t in profile.towns}
        self._names.update({v.code: (v.name_zh, "") for v in profile.villages})

    def name(self, code: str, lang: str) -> str:
        zh, en = self._names.get(code, (code, ""))
        return en if lang == "en" and en else zh


def load_ceremony(db, batch_id: int, lang: str) -> CeremonyData:
    """Batch ``batch_id``'s public ceremony: its frozen pool, randomness and picks (USCC order)."""
    detail = draws.batch_detail(db, batch_id)
    picks = draws.drawn_picks(db, batch_id)
    names = _PlaceNames(load_profile(db.meta().get("profile", "yiwu")))
    return ceremony_data(f"{detail.plan_name} · {detail.name}", detail, picks, names, lang)
