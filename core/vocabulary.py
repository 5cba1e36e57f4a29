"""Chinese and English names of the fixed codes an entity carries: type, status, risk class.

The codes are what the database stores (:mod:`core.db.models.enums`); these are what a
person reads in an export, a notice or a legend.
"""
from __future__ import annotations

ENTITY_TYPE_NAMES = {
    "individual": ("个体工商户", "Individual business"),
    "enterprise": ("企业", "Enterprise"),
    "cooperative": ("农民专业合作社", "Farmers' cooperative"),
}
STATUS_NAMES = {
    "active": ("存续", "Active"),
    "deregistered": ("注销", "Deregistered"),
    "revoked": ("吊销", "Revoked"),
}
RISK_NAMES = {
    "A": ("低风险", "Low risk"),
    "B": ("一般风险", "Moderate risk"),
    "C": ("较高风险", "Elevated risk"),
    "D": ("高风险", "High risk"),
}


def name_of(names: dict[str, tuple[str, str]], code: str | None, lang: str) -> str:
    """The name of ``code`` in ``lang`` ("zh..." Chinese, else English); an unknown code as itself."""
    if code is None:
        return ""
    zh, en = names.get(str(code), (str(code), str(code)))
    return zh if lang.startswith("zh") else en
