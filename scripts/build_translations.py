"""Refresh the Qt Linguist sources and build the compiled catalogues.

    python scripts/build_translations.py            # lupdate desktop/ -> .ts, then lrelease -> .qm
    python scripts/build_translations.py --release-only  # only lrelease (set-up scripts)

lupdate collects every ``tr()``/``translate()``/``QT_TRANSLATE_NOOP`` string under
``desktop/`` into ``resources/translations/tongguan_<lang>.ts`` (committed; new
strings arrive "unfinished" until someone translates them). lrelease compiles
each .ts to a .qm beside it (git-ignored). Exits non-zero if a tool fails.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "desktop"
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN", "en")


def ts_path(lang: str) -> Path:
    """Return the Linguist source of ``lang``."""
    return TRANSLATIONS / f"tongguan_{lang}.ts"


def _tool(name: str) -> str:
    """The PySide6 tool ``name`` of the interpreter running this script, never one on PATH.

    A newcomer's PATH has no venv on it, and a PATH that happens to hold another Qt's tool
    would compile with the wrong version: look beside ``sys.executable`` (a venv's bin),
    then in the PySide6 package itself (it ships ``lrelease``/``lupdate`` as binaries).
    """
    for candidate in tool_candidates(name):
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    sys.exit(f"{name} not found beside {sys.executable} nor in its PySide6 package; "
             f"install PySide6 into this interpreter ({sys.executable} -m pip install PySide6)")


def tool_candidates(name: str) -> list[Path]:
    """Where ``name`` (e.g. ``pyside6-lrelease``) may live for the running interpreter."""
    found = [Path(sys.executable).parent / name]
    spec = importlib.util.find_spec("PySide6")
    if spec is not None and spec.submodule_search_locations:
        package = Path(next(iter(spec.submodule_search_locations)))
        bare = name.removeprefix("pyside6-")
        found += [package / bare, package / "Qt" / "libexec" / bare, package / f"{bare}.exe"]
    return found


def _run(command: list[str]) -> None:
    print("+", " ".join(Path(part).name if "/" in part else part for part in command), flush=True)
    subprocess.run(command, check=True)


def update_sources(sources: Path = SOURCES, languages: tuple[str, ...] = LANGUAGES) -> None:
    """Run pyside6-lupdate over ``sources`` into every language's .ts file."""
    targets = [str(ts_path(lang)) for lang in languages]
    # Files are listed one by one: lupdate's directory scan skips Python files.
    files = sorted(str(path) for path in sources.rglob("*.py"))
    _run(
        [
            _tool("pyside6-lupdate"),
            *files,
            # No line numbers: the .ts files change only when strings change.
            "-locations",
            "none",
            "-no-obsolete",
            "-ts",
            *targets,
        ]
    )
    if "en" in languages:
        fill_source_language(ts_path("en"))


def fill_source_language(path: Path) -> int:
    """Finish every empty, non-plural message of ``path`` with its own source text.

    Our source strings are English, so English needs no translator: this keeps
    tongguan_en.ts complete instead of full of "unfinished" entries. Returns the
    number of messages filled.
    """
    tree = ET.parse(path)
    filled = 0
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        if message.get("numerus") == "yes" or translation is None:
            continue
        if translation.get("type") == "unfinished" and not (translation.text or "").strip():
            translation.text = message.findtext("source", "")
            del translation.attrib["type"]
            filled += 1
    if filled:
        root = tree.getroot()
        # Lay the file out as lupdate does: contexts at column 0, then 4 spaces.
        root.text = "\n"
        for context in root:
            ET.indent(context, space="    ")
            context.tail = "\n"
        body = ET.tostring(root, encoding="unicode")
        path.write_text(
            f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{body}\n', encoding="utf-8"
        )
    return filled


def release(languages: tuple[str, ...] = LANGUAGES, out_dir: Path | None = None) -> list[Path]:
    """Run pyside6-lrelease on every language's .ts file; return the .qm paths.

    The catalogues go beside their sources, or into ``out_dir`` (a wheel's build folder).
    """
    built = []
    for lang in languages:
        source = ts_path(lang)
        target = (out_dir / source.name if out_dir else source).with_suffix(".qm")
        _run([_tool("pyside6-lrelease"), str(source), "-qm", str(target)])
        built.append(target)
    return built


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--release-only",
        "--release",
        dest="release_only",
        action="store_true",
        help="only compile the committed .ts files (do not rescan desktop/)",
    )
    args = parser.parse_args(argv)
    try:
        if not args.release_only:
            update_sources()
        for path in release():
            print("built", path.relative_to(ROOT))
    except subprocess.CalledProcessError as error:
        print(f"failed: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
