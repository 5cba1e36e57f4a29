"""Opening a clue's attachment on this workstation without handing it to anyone else.

The bytes live in the database (with their SHA-256). To open one, a copy goes to a folder
only this user can enter (0700, under the user's runtime or cache folder), under a name no
one can guess, created with ``O_EXCL | O_NOFOLLOW`` so a planted file or symbolic link is
never followed or overwritten; the copy is read back and checked against the stored SHA-256.
Programs and launchers (by suffix or by their first bytes) are not opened: the caller gets
:class:`ExecutableAttachment` naming the type and may offer "Save as…" instead.
"""
from __future__ import annotations

import hashlib
import os
import re
import secrets
import stat
from dataclasses import dataclass
from pathlib import Path

from core.db.database import Database
from core.errors import ValidationError

from .intake import attachment_content

RUNNABLE_SUFFIXES = frozenset((".exe", ".bat", ".cmd", ".com", ".msi", ".sh", ".desktop", ".jar", ".js", ".vbs",
                               ".ps1", ".appimage", ".run", ".scr", ".pif", ".lnk", ".hta", ".wsf", ".msp",
                               ".cpl", ".bash", ".zsh", ".py", ".pl", ".command", ".apk", ".deb", ".rpm"))
_MAGIC = ((b"\x7fELF", "ELF"), (b"MZ", "MZ (Windows)"), (b"#!", "script (#!)"), (b"\xcf\xfa\xed\xfe", "Mach-O"),
          (b"\xca\xfe\xba\xbe", "Mach-O / Java class"), (b"[Desktop Entry]", ".desktop"))
_UNSAFE = re.compile(r'[^\w.\- ]+')


class ExecutableAttachment(ValidationError):
    """The attachment is a program or launcher; ``kind`` names the type (a suffix or a format)."""

    code = "attachment.executable"

    def __init__(self, filename: str, kind: str) -> None:
        super().__init__(f"附件 {filename} 是可执行文件或启动器（{kind}），不直接打开；可另存后查看 "
                         f"(the attachment is a program or launcher ({kind}); it is not opened, save it instead)",
                         where=filename)
        self.filename = filename
        self.kind = kind


def runnable_kind(filename: str, content: bytes) -> str | None:
    """The type that makes a file a program or launcher (".exe", "ELF", ...), or None."""
    suffixes = [s.lower() for s in Path(filename).suffixes[-2:]]
    for suffix in reversed(suffixes):
        if suffix in RUNNABLE_SUFFIXES:
            return suffix
    head = content[:64].lstrip(b"\xef\xbb\xbf")
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    return None


def private_folder(base: str | Path | None = None) -> Path:
    """This user's folder for opened attachments (0700); refused if it is a link or someone else's."""
    if base is None:
        import platformdirs

        runtime = os.environ.get("XDG_RUNTIME_DIR")
        base = (platformdirs.user_runtime_dir("tongguan") if runtime and os.path.isdir(runtime)
                else platformdirs.user_cache_dir("tongguan"))
    folder = Path(base) / "attachments"
    folder.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        folder.mkdir(mode=0o700)
    except FileExistsError:
        pass
    info = os.lstat(folder)
    if not stat.S_ISDIR(info.st_mode) or (hasattr(os, "getuid") and info.st_uid != os.getuid()):
        raise ValidationError("附件文件夹不是本用户的私有文件夹 (the attachment folder is not this user's own folder)",
                              where=str(folder), code="clue.attachment_folder_not_private")
    os.chmod(folder, 0o700)
    return folder


def write_private(folder: Path, filename: str, content: bytes, sha256: str) -> Path:
    """A new file in ``folder`` holding ``content``, never following or reusing a path; checked by SHA-256."""
    safe = _UNSAFE.sub("_", Path(filename).name).strip(". ")[:80] or "file"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    # A fresh subfolder per file keeps the file's own name (programs show it) and an unguessable path.
    sub = folder / secrets.token_hex(16)
    sub.mkdir(mode=0o700)
    path = sub / safe
    fd = os.open(path, flags, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(content)
    with open(path, "rb") as back:
        if hashlib.sha256(back.read()).hexdigest() != sha256:
            path.unlink(missing_ok=True)
            raise ValidationError(f"附件 {filename} 写出后校验值不符 (the written copy does not match its SHA-256)",
                                  where=str(path), code="clue.attachment_copy_mismatch", params={"file": filename})
    return path


@dataclass(frozen=True)
class OpenedCopy:
    path: Path
    filename: str


def open_copy(db: Database, attachment_id: int, actor: str | None, *, folder: str | Path | None = None) -> OpenedCopy:
    """A private, checked copy of attachment ``attachment_id`` to open (audited with ``actor``).

    ExecutableAttachment (nothing written, nothing audited) when it is a program or launcher.
    """
    filename, content = attachment_content(db, attachment_id)
    kind = runnable_kind(filename, content)
    if kind is not None:
        raise ExecutableAttachment(filename, kind)
    filename, content = attachment_content(db, attachment_id, actor)  # the open is audited
    path = write_private(private_folder(folder), filename, content, hashlib.sha256(content).hexdigest())
    return OpenedCopy(path, filename)
