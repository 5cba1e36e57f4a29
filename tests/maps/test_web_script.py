"""The page script resources/web/tongguan_map.js: valid JavaScript, strict, one global."""
from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from maps.assets import asset_path

SCRIPT = asset_path("tongguan_map_js")


def _code() -> str:
    return re.sub(r"/\*.*?\*/", "", SCRIPT.read_text("utf-8"), flags=re.DOTALL)


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not on PATH")
def test_node_accepts_the_script():
    result = subprocess.run(["node", "--check", str(SCRIPT)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not on PATH")
def test_node_check_can_fail(tmp_path):
    broken = tmp_path / "broken.js"
    broken.write_text(SCRIPT.read_text("utf-8").replace("function init(", "function init((", 1), "utf-8")
    assert subprocess.run(["node", "--check", str(broken)], capture_output=True).returncode != 0


def test_the_script_is_one_strict_closure_that_only_sets_tongguan():
    code = _code().strip()
    assert code.startswith("(function () {\n  \"use strict\";") and code.endswith("})();")
    assigned = set(re.findall(r"window\.(\w+)\s*=(?!=)", code))
    assert assigned == {"tongguan"}


def test_the_script_speaks_the_protocol():
    code = _code()
    for call in ("pageReady", "viewChanged", "layersChanged", "entityClicked", "selectionDrawn", "painted"):
        assert f'"{call}"' in code, call
    assert "payloadReady.connect" in code and "TONGGUAN_STATIC" in code
    for api in ("apply:", "clearSelection:", "setView:", "get map()", "get lastPayload()"):
        assert api in code, api
    assert "webgl" not in code.lower()
