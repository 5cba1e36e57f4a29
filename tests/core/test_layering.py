"""Dependencies point one way: desktop -> maps -> core; core and maps never need Qt."""
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

BLOCKER = textwrap.dedent("""
    import importlib.abc, pkgutil, sys
    FORBIDDEN = ("PySide6", "shiboken6", "pyqtgraph", "desktop")
    class Block(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in FORBIDDEN:
                raise ImportError(f"forbidden import in the core layer: {name}")
    sys.meta_path.insert(0, Block())
    import core, maps
    count = 0
    for pkg in (core, maps):
        for info in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + "."):
            if ".migrations." in info.name:
                continue  # Alembic scripts run only inside Alembic's context
            __import__(info.name)
            count += 1
    print(count)
""")


def test_every_core_and_maps_module_imports_with_qt_unavailable():
    result = subprocess.run([sys.executable, "-c", BLOCKER], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.strip()) > 20


def test_the_blocker_would_catch_a_qt_import(tmp_path):
    # Prove the check can fail: a module that imports Qt is refused by the same blocker.
    (tmp_path / "maps").mkdir()
    (tmp_path / "maps" / "__init__.py").write_text("")
    (tmp_path / "maps" / "bad.py").write_text("import PySide6\n")
    (tmp_path / "core").mkdir()
    (tmp_path / "core" / "__init__.py").write_text("")
    result = subprocess.run([sys.executable, "-c", BLOCKER], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode != 0 and "forbidden import" in result.stderr


def test_import_linter_contracts_hold():
    exe = str(Path(sys.executable).with_name("lint-imports"))  # the venv's, never one on PATH
    if not Path(exe).exists():
        pytest.skip("import-linter is not installed")
    result = subprocess.run([exe, "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 3 kept, 0 broken" in result.stdout
