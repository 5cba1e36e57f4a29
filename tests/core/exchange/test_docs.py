"""docs/exchange.md documents every kind and every column of it, and each kind has its sample file."""
from pathlib import Path

from core.exchange import KINDS

from .city import SAMPLES

DOC = Path(__file__).resolve().parents[3] / "docs" / "exchange.md"


def test_every_kind_and_column_is_documented_and_has_a_sample():
    text = DOC.read_text(encoding="utf-8")
    for name, spec in KINDS.items():
        section = text.split(f"### `{name}`", 1)
        assert len(section) == 2, name
        body = section[1].split("\n### ", 1)[0]
        for field in spec.fields:
            assert f"| {field.header} | {field.english} |" in body, (name, field.header)
        sample = (SAMPLES / f"{name}.csv").read_text(encoding="utf-8-sig").splitlines()
        assert sample[0].split(",") == list(spec.headers) and len(sample) > 1
