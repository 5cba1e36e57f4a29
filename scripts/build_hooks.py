"""Build steps that put generated files into the wheel, so an installed package needs no checkout.

setuptools runs :class:`BuildPy` (named in pyproject.toml's ``[tool.setuptools.cmdclass]``)
when it builds a wheel. Besides copying the Python packages it:

- compiles every Qt Linguist catalogue (``resources/translations/*.ts``) to ``.qm`` with the
  build environment's PySide6 (``scripts/build_translations.py``), so the console is in
  Chinese with no ``pyside6-lrelease`` at run time;
- copies the pinned npm web libraries the map pages load (package.json ``dependencies``:
  their ``dist`` folders and licence files) to ``resources/web/vendor/<package>/``, where
  :mod:`maps.assets` finds them when there is no ``node_modules``. ``npm ci`` runs first
  when the source tree has no ``node_modules`` (a build from the sdist); npm is needed at
  build time only.

Nothing generated is committed. An editable install (``pip install -e``) skips both: the
checkout's own ``node_modules`` and ``.qm`` files, made by ``scripts/setup.sh``, serve it.
"""
from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
from pathlib import Path

from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent.parent
VENDOR = Path("resources") / "web" / "vendor"
# Source maps, type declarations and unminified twins: large, and no page loads them.
SKIPPED_SUFFIXES = (".map", ".ts")
SKIPPED_MARKERS = ("-src.",)


class BuildError(RuntimeError):
    """A generated file could not be made; the message says what to install or run."""


def web_packages(root: Path = ROOT) -> list[str]:
    """The npm packages whose files the pages load (package.json ``dependencies``)."""
    meta = json.loads((root / "package.json").read_text(encoding="utf-8"))
    return sorted(meta.get("dependencies", {}))


def ensure_node_modules(root: Path, packages: list[str]) -> None:
    """Run ``npm ci`` when a package's ``dist`` folder is missing."""
    if all((root / "node_modules" / name / "dist").is_dir() for name in packages):
        return
    npm = shutil.which("npm")
    if npm is None:
        raise BuildError(f"node_modules is missing in {root} and npm is not installed: install Node.js and npm "
                         "(Debian: apt-get install nodejs npm) to build the wheel")
    subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"],
                   cwd=root, check=True)


def vendor_web_assets(root: Path, target: Path) -> list[Path]:
    """Copy each web package's ``dist`` folder and licence to ``target/<package>``."""
    packages = web_packages(root)
    ensure_node_modules(root, packages)
    written = []
    for name in packages:
        source = root / "node_modules" / name
        for path in sorted(source.glob("LICENSE*")) + sorted((source / "dist").rglob("*")):
            if (not path.is_file() or path.suffix in SKIPPED_SUFFIXES
                    or any(marker in path.name for marker in SKIPPED_MARKERS)):
                continue
            out = target / name / path.relative_to(source)
            out.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, out)
            written.append(out)
    return written


def compile_catalogues(target: Path) -> list[Path]:
    """Compile the committed .ts catalogues into ``target`` with this interpreter's PySide6."""
    spec = importlib.util.spec_from_file_location("build_translations", ROOT / "scripts" / "build_translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    target.mkdir(parents=True, exist_ok=True)
    return module.release(out_dir=target)


class BuildPy(build_py):
    """``build_py`` that adds the compiled catalogues and the vendored web libraries."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        build_lib = Path(self.build_lib)
        compile_catalogues(build_lib / "resources" / "translations")
        vendor_web_assets(ROOT, build_lib / VENDOR)
