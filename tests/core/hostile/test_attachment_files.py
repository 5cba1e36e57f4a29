"""Opened attachments (issue 13): a private 0700 folder, unguessable names, no link followed,
the copy checked against the stored SHA-256, programs and launchers not opened, opens audited."""
import hashlib
import os
import stat

import pytest
from sqlalchemy import func, select

from core.db.models.audit import AuditEntry as AuditLog
from core.errors import ValidationError
from core.services import clues
from core.services.clues import attachment_files as files
from core.services.clues.attachment_files import ExecutableAttachment, open_copy, runnable_kind
from tests.core.hostile.test_hostile_input import small_city  # noqa: F401 - fixture


def _clue_with(db, name: str, content: bytes) -> int:
    clue_id = clues.create_clue(db, "operator", clues.NewClue(
        source="hotline", description="附件测试", lat=29.3, lng=120.07,
        attachments=(clues.Attachment(name, content),)))
    return clues.clue_detail(db, clue_id).files[0].id


def _opens(db) -> int:
    with db.sessions() as s:
        return s.scalar(select(func.count()).select_from(AuditLog).where(AuditLog.action == "clue.attachment.open"))


def test_an_opened_copy_is_private_unguessable_checked_and_audited(small_city, tmp_path):  # noqa: F811
    content = b"\xff\xd8\xff\xe0 photo" * 50
    attachment = _clue_with(small_city, "现场照片.jpg", content)
    before = _opens(small_city)
    first = open_copy(small_city, attachment, "operator", folder=tmp_path)
    second = open_copy(small_city, attachment, "operator", folder=tmp_path)
    assert first.path.read_bytes() == content and first.path.name == "现场照片.jpg"
    assert first.path != second.path  # a new unguessable folder each time, nothing reused
    folder = tmp_path / "attachments"
    assert stat.S_IMODE(os.stat(folder).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(first.path.parent).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(first.path).st_mode) == 0o600
    assert len(first.path.parent.name) >= 32 and first.path.parent.name != second.path.parent.name
    assert _opens(small_city) == before + 2


def test_a_planted_link_is_never_followed(small_city, tmp_path, monkeypatch):  # noqa: F811
    attachment = _clue_with(small_city, "notes.txt", b"clue notes")
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"precious")
    folder = files.private_folder(tmp_path)
    monkeypatch.setattr(files.secrets, "token_hex", lambda n: "predicted")
    (folder / "predicted").mkdir(mode=0o700)
    (folder / "predicted" / "notes.txt").symlink_to(victim)
    with pytest.raises(OSError):
        files.write_private(folder, "notes.txt", b"clue notes", hashlib.sha256(b"clue notes").hexdigest())
    (folder / "predicted" / "notes.txt").unlink()
    (folder / "predicted").rmdir()
    (folder / "predicted").symlink_to(tmp_path)  # the folder itself planted as a link
    with pytest.raises(OSError):
        open_copy(small_city, attachment, "operator", folder=tmp_path)
    assert victim.read_bytes() == b"precious" and not (tmp_path / "notes.txt").exists()


def test_a_folder_that_is_a_link_or_not_ours_is_refused(tmp_path):
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "base").mkdir()
    (tmp_path / "base" / "attachments").symlink_to(tmp_path / "elsewhere")
    with pytest.raises(ValidationError):
        files.private_folder(tmp_path / "base")


@pytest.mark.parametrize("name, content, kind", [
    ("invoice.exe", b"MZ\x90\x00", ".exe"), ("setup.pdf.exe", b"%PDF", ".exe"), ("run.desktop", b"x", ".desktop"),
    ("script.SH", b"echo", ".sh"), ("photo.jpg", b"\x7fELF\x02\x01", "ELF"), ("report.pdf", b"MZ\x90\x00", "MZ (Windows)"),
    ("readme.txt", b"#!/bin/sh\nrm -rf ~", "script (#!)"), ("x.AppImage", b"", ".appimage"), ("a.ps1", b"", ".ps1"),
])
def test_programs_and_launchers_are_named_by_type(name, content, kind):
    assert runnable_kind(name, content) == kind


@pytest.mark.parametrize("name, content", [("photo.jpg", b"\xff\xd8\xff"), ("report.pdf", b"%PDF-1.7"),
                                           ("data.xlsx", b"PK\x03\x04"), ("notes", b"plain text")])
def test_documents_are_not_programs(name, content):
    assert runnable_kind(name, content) is None


def test_a_program_is_not_opened_written_or_audited(small_city, tmp_path):  # noqa: F811
    attachment = _clue_with(small_city, "发票.exe", b"MZ\x90\x00 not really")
    before = _opens(small_city)
    with pytest.raises(ExecutableAttachment) as refused:
        open_copy(small_city, attachment, "operator", folder=tmp_path)
    assert refused.value.kind == ".exe" and refused.value.filename == "发票.exe"
    assert not any(p.is_file() for p in tmp_path.rglob("*"))
    assert _opens(small_city) == before
