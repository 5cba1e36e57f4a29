"""Reading a JSON file a person handed us, with errors that name the file and the place."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from core.errors import ConfigError


def read_json_file(path: str | Path, *, error: type[ConfigError] = ConfigError) -> Any:
    """The parsed content of ``path`` (a UTF-8 BOM is accepted); ``error`` names what is wrong and where."""
    p = Path(path)
    try:
        return json.loads(p.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise error("文件不存在 (no such file)", where=str(p)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise error(f"无法读取 (cannot read): {exc}", where=str(p)) from None
    except json.JSONDecodeError as exc:
        raise error(f"不是 JSON (not JSON): {exc.msg}", where=f"{p}:{exc.lineno}:{exc.colno}") from None
    except ValueError as exc:  # e.g. an integer of more than 4,300 digits
        raise error(f"不是可读的 JSON (unreadable JSON): {exc}", where=str(p)) from None
    except RecursionError:
        raise error("JSON 嵌套过深 (JSON nested too deeply)", where=str(p)) from None
