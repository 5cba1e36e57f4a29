"""The registration feed's configuration, kept by the administrator (``feeds.manage``, audited):

- the permit-to-department mapping: a permit's code, its name and the words that name it in a
  business scope, and the department that approves it;
- the catalogue of matters handled by notification and commitment (告知承诺事项清单): each
  matter's words, verifying department and the terms a commitment is opened with.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.db.database import Database
from core.db.models import CommitmentMatter, Department, PermitDepartment
from core.errors import NotFound, ValidationError
from core.text_input import check_code, check_int, check_text

from .scope import keywords_of


@dataclass(frozen=True)
class PermitRow:
    id: int
    permit_code: str
    permit_name: str
    keywords: tuple[str, ...]
    department_id: int
    department: str


@dataclass(frozen=True)
class CatalogueRow:
    id: int
    code: str
    name: str
    keywords: tuple[str, ...]
    department_id: int
    department: str
    commitment_text: str
    fulfil_days: int
    verification_standard: str
    breach_consequence: str
    verify_working_days: int


def department_id_of(s: Session, value: object, where: str = "department") -> int:
    """A department named by its id, code, or Chinese or English name; NotFound otherwise."""
    if isinstance(value, int) and not isinstance(value, bool):
        if s.get(Department, value) is not None:
            return value
    else:
        text = str(value or "").strip()
        if text.isdigit() and s.get(Department, int(text)) is not None:
            return int(text)
        found = s.scalar(select(Department.id).where(
            (Department.code == text) | (Department.name_zh == text) | (Department.name_en == text)))
        if found is not None:
            return found
    raise NotFound(f"没有这个部门：{value} (no department {value!r})", where=where, code="feeds.unknown_department",
                   params={"value": str(value)})


def _names(s: Session) -> dict[int, str]:
    return dict(s.execute(select(Department.id, Department.name_zh)).all())


def _words(value: object, where: str) -> str:
    text = check_text(value, where, max_length=400, multiline=False) or ""
    return "|".join(keywords_of(text))


def list_permits(db: Database) -> list[PermitRow]:
    with db.sessions() as s:
        names = _names(s)
        return [PermitRow(p.id, p.permit_code, p.permit_name, keywords_of(p.keywords), p.department_id,
                          names.get(p.department_id, ""))
                for p in s.scalars(select(PermitDepartment).order_by(PermitDepartment.permit_code))]


def save_permit(db: Database, actor: str, *, permit_code: str, permit_name: str, department: object,
                keywords: str = "") -> int:
    """Add the permit's mapping, or change the one with the same code. Audited."""
    code = check_code(permit_code, "permit_code", max_length=40, required=True)
    name = check_text(permit_name, "permit_name", max_length=120, required=True, multiline=False)
    with db.uow(actor) as uow:
        uow.require("feeds.manage")
        s = uow.session
        dept = department_id_of(s, department)
        row = s.scalar(select(PermitDepartment).where(PermitDepartment.permit_code == code))
        before = None
        if row is None:
            row = PermitDepartment(permit_code=code)
            s.add(row)
        else:
            before = {"permit_name": row.permit_name, "keywords": row.keywords, "department_id": row.department_id}
        row.permit_name, row.keywords, row.department_id = name, _words(keywords, "keywords"), dept
        s.flush()
        uow.audit("feeds.permit.save", "permit_department", row.id, before=before,
                  after={"permit_code": code, "permit_name": name, "keywords": row.keywords, "department_id": dept})
        uow.commit()
        return row.id


def delete_permit(db: Database, actor: str, permit_code: str) -> None:
    """Remove a permit's mapping (its permits then go to the shared queue). Audited."""
    with db.uow(actor) as uow:
        uow.require("feeds.manage")
        row = uow.session.scalar(select(PermitDepartment).where(PermitDepartment.permit_code == permit_code))
        if row is None:
            raise NotFound(f"没有许可事项 {permit_code} 的映射 (no mapping for permit {permit_code})",
                           where="permit_code", code="feeds.no_permit", params={"code": permit_code})
        before = {"permit_code": row.permit_code, "permit_name": row.permit_name, "keywords": row.keywords,
                  "department_id": row.department_id}
        uow.session.delete(row)
        uow.audit("feeds.permit.delete", "permit_department", row.id, before=before)
        uow.commit()


def list_catalogue(db: Database) -> list[CatalogueRow]:
    with db.sessions() as s:
        names = _names(s)
        return [CatalogueRow(m.id, m.code, m.name, keywords_of(m.keywords), m.department_id,
                             names.get(m.department_id, ""), m.commitment_text, m.fulfil_days,
                             m.verification_standard, m.breach_consequence, m.verify_working_days)
                for m in s.scalars(select(CommitmentMatter).order_by(CommitmentMatter.code))]


def save_catalogue_matter(db: Database, actor: str, *, code: str, name: str, department: object,
                          commitment_text: str, verification_standard: str, breach_consequence: str,
                          fulfil_days: int = 30, verify_working_days: int = 20, keywords: str = "") -> int:
    """Add a matter to the commitment catalogue, or change the one with the same code. Audited."""
    code = check_code(code, "code", max_length=40, required=True)
    values = {
        "name": check_text(name, "name", max_length=120, required=True, multiline=False),
        "commitment_text": check_text(commitment_text, "commitment_text", max_length=4000, required=True),
        "verification_standard": check_text(verification_standard, "verification_standard", max_length=400,
                                            required=True),
        "breach_consequence": check_text(breach_consequence, "breach_consequence", max_length=400, required=True),
        "fulfil_days": check_int(fulfil_days, "fulfil_days", minimum=1, maximum=3650),
        "verify_working_days": check_int(verify_working_days, "verify_working_days", minimum=1, maximum=365),
        "keywords": _words(keywords, "keywords"),
    }
    with db.uow(actor) as uow:
        uow.require("feeds.manage")
        s = uow.session
        values["department_id"] = department_id_of(s, department)
        row = s.scalar(select(CommitmentMatter).where(CommitmentMatter.code == code))
        before = None
        if row is None:
            row = CommitmentMatter(code=code)
            s.add(row)
        else:
            before = {key: getattr(row, key) for key in values}
        for key, value in values.items():
            setattr(row, key, value)
        s.flush()
        uow.audit("feeds.catalogue.save", "commitment_matter", row.id, before=before, after={"code": code, **values})
        uow.commit()
        return row.id


def delete_catalogue_matter(db: Database, actor: str, code: str) -> None:
    """Take a matter off the commitment catalogue. Audited."""
    with db.uow(actor) as uow:
        uow.require("feeds.manage")
        row = uow.session.scalar(select(CommitmentMatter).where(CommitmentMatter.code == code))
        if row is None:
            raise NotFound(f"告知承诺事项清单中没有 {code} (no catalogue matter {code})", where="code",
                           code="feeds.no_catalogue_matter", params={"code": code})
        before = asdict(CatalogueRow(row.id, row.code, row.name, keywords_of(row.keywords), row.department_id, "",
                                     row.commitment_text, row.fulfil_days, row.verification_standard,
                                     row.breach_consequence, row.verify_working_days))
        uow.session.delete(row)
        uow.audit("feeds.catalogue.delete", "commitment_matter", row.id, before=before)
        uow.commit()


__all__ = ["CatalogueRow", "PermitRow", "ValidationError", "delete_catalogue_matter", "delete_permit",
           "department_id_of", "list_catalogue", "list_permits", "save_catalogue_matter", "save_permit"]
