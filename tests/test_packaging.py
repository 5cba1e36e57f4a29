"""The front door: set-up tools found through the venv, and a wheel that works without a checkout.

The wheel test builds the sdist and the wheel as ``python -m build`` does (isolated, the
wheel made from the sdist), installs the wheel into a fresh venv and runs the console from
a folder outside the checkout: Chinese catalogues and the map's web libraries must come
from the installed package, with no npm, node_modules or lrelease at run time. The
third-party dependencies are lent to that venv from the test's own environment (a path
file), so the test needs no network and checks exactly what the wheel holds.
"""
from __future__ import annotations

import os
import site
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NEWCOMER_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"


def _newcomer_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH", "TONGGUAN_DB")}
    env["PATH"] = NEWCOMER_PATH
    env.update(extra)
    return env


def test_translation_tools_come_from_the_interpreter_not_path(tmp_path):
    """With no venv on PATH, build_translations still finds lrelease (through sys.executable)."""
    out = subprocess.run([sys.executable, "-c", (
        "import sys; sys.path.insert(0, 'scripts'); import build_translations as b; "
        "from pathlib import Path; print(b._tool('pyside6-lrelease')); "
        f"print(*b.release(out_dir=Path({str(tmp_path)!r})), sep='\\n')")],
        cwd=ROOT, env=_newcomer_env(), capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    tool = Path(out.stdout.splitlines()[0])
    assert not str(tool.parent).startswith(tuple(NEWCOMER_PATH.split(":")))
    assert Path(sys.prefix) in tool.parents or "PySide6" in tool.parts
    for lang in ("zh_CN", "en"):
        assert (tmp_path / f"tongguan_{lang}.qm").stat().st_size > 10_000


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    built = subprocess.run([sys.executable, "-m", "build", "--outdir", str(dist), str(ROOT)],
                           env=_newcomer_env(), capture_output=True, text=True, timeout=900)
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    log = built.stdout + built.stderr
    assert "BuildBackendWarning" not in log and "SetuptoolsDeprecationWarning" not in log, log[-3000:]
    wheels = list(dist.glob("tongguan-*.whl"))
    assert len(wheels) == 1 and list(dist.glob("tongguan-*.tar.gz"))
    return wheels[0]


def test_wheel_holds_catalogues_and_web_libraries(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for lang in ("zh_CN", "en"):
        assert f"resources/translations/tongguan_{lang}.qm" in names
    for path in ("resources/web/vendor/leaflet/dist/leaflet.js", "resources/web/vendor/leaflet/LICENSE",
                 "resources/web/vendor/leaflet.heat/dist/leaflet-heat.js",
                 "resources/web/vendor/@geoman-io/leaflet-geoman-free/dist/leaflet-geoman.min.js",
                 "resources/web/vendor/leaflet.markercluster/dist/leaflet.markercluster.js",
                 "resources/web/tongguan_map.js"):
        assert path in names
    assert not any(name.startswith(("node_modules/", "tests/", "scripts/")) for name in names)
    metadata = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith("/METADATA"))).decode()
    assert "License-Expression: Apache-2.0" in metadata
    assert "License-File: LICENSE" in metadata and "Project-URL: Source" in metadata


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """A fresh venv holding the wheel; dependencies lent from this environment."""
    venv = tmp_path_factory.mktemp("venv")
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=300)
    subprocess.run([sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python"), "install", "-q",
                    "--no-deps", "--no-index", str(wheel)], check=True, timeout=300, env=_newcomer_env())
    target = subprocess.run([str(venv / "bin" / "python"), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                            capture_output=True, text=True, check=True).stdout.strip()
    Path(target, "lent_dependencies.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    return venv


def _run(venv: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess:
    env = _newcomer_env(QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(cwd / "data"),
                        XDG_CACHE_HOME=str(cwd / "cache"), XDG_CONFIG_HOME=str(cwd / "config"))
    return subprocess.run([str(venv / "bin" / "tongguan"), *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=600)


def test_installed_wheel_runs_without_a_checkout(installed, tmp_path):
    python = installed / "bin" / "python"
    where = subprocess.run([str(python), "-c", "import core, desktop, maps; print(desktop.__file__)"],
                           cwd=tmp_path, capture_output=True, text=True, check=True).stdout
    assert str(installed) in where and str(ROOT) not in where

    db = str(tmp_path / "city.sqlite")
    demo = _run(installed, tmp_path, "--db", db, "demo", "--entities", "300")
    assert demo.returncode == 0, demo.stderr
    exported = _run(installed, tmp_path, "--db", db, "map", "export", "--actor", "operator", "--out", "map.html")
    assert exported.returncode == 0, exported.stderr
    page = (tmp_path / "map.html").read_text(encoding="utf-8")
    assert 'version = "1.9.4"' in page or "1.9.4" in page  # Leaflet itself, inlined
    assert "node_modules" not in page and str(ROOT) not in page

    shots = {}
    for lang in ("zh", "en"):
        shot = _run(installed, tmp_path, "--db", db, "screenshot", "signin", "--lang", lang, "--out", f"{lang}.png")
        assert shot.returncode == 0, shot.stderr
        assert "catalogue" not in shot.stderr, shot.stderr  # no "translation catalogue ... is missing"
        shots[lang] = (tmp_path / f"{lang}.png").read_bytes()
    assert shots["zh"] != shots["en"]

    translated = subprocess.run([str(python), "-c", (
        "from PySide6.QtCore import QCoreApplication; from desktop.i18n import install_language; "
        "app = QCoreApplication([]); install_language(app, 'zh_CN'); "
        "print(QCoreApplication.translate('SignInDialog', 'Sign in'))")],
        cwd=tmp_path, env=_newcomer_env(QT_QPA_PLATFORM="offscreen"), capture_output=True, text=True)
    assert translated.returncode == 0, translated.stderr
    assert translated.stdout.strip() not in ("", "Sign in")
