"""Hostile input (issue 13): fuzzed Open311 files and searches end in a result or a refusal that
names the file, the request and the field; never a traceback, never a partial write.

Hypothesis draws the cases from mutated valid templates (tests/support/fuzz_inputs.py);
``TONGGUAN_FUZZ_EXAMPLES`` sets how many per kind (default 200). The long runs are the
``trust`` benchmark's fuzz part (tests/bench/trust_fuzz.py).
"""
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.db.database import Database
from core.errors import ValidationError
from core.services import clues
from core.services.search import EntityFilter, EntitySearch
from core.text_input import check_text
from tests.bench.trust_fuzz import city, open311_template, search_filters
from tests.support.fuzz_inputs import FUZZ_SETTINGS, HOSTILE, Tally, fingerprint, mutated, run_open311, run_search


@pytest.fixture(scope="module")
def small_city(tmp_path_factory):
    db = Database.open(city(tmp_path_factory.mktemp("hostile") / "city.sqlite"))
    yield db
    db.dispose()


@FUZZ_SETTINGS
@given(HOSTILE)
def test_the_text_check_takes_clean_text_and_refuses_the_rest_by_name(value):
    try:
        text = check_text(value, "batches[0].name", max_length=50)
    except ValidationError as error:
        assert error.where == "batches[0].name"
        return
    assert isinstance(text, str) and len(text) <= 50 and "\x00" not in text
    text.encode("utf-8")  # no lone surrogate left: PostgreSQL would refuse it


@pytest.mark.parametrize("value, words", [("a\x00b", "NUL"), ("x\ud800", "surrogate"), ("x" * 51, "at most 50"),
                                           (["a"], "not list"), ({"a": 1}, "not object"), (7, "not number")])
def test_each_kind_of_bad_text_is_refused_in_words(value, words):
    with pytest.raises(ValidationError) as refused:
        check_text(value, "name", max_length=50)
    assert words in refused.value.message and refused.value.where == "name"


def test_fuzzed_open311_files_are_imported_or_refused_whole(small_city, tmp_path):
    tally = Tally()
    template = open311_template(small_city)

    @FUZZ_SETTINGS
    @given(mutated(template))
    def case(data):
        run_open311(tally, small_city, data, tmp_path / "requests.json")

    case()
    assert tally.tracebacks == [] and tally.partial_writes == [] and tally.unnamed == []
    assert tally.refused > tally.cases // 4 and tally.accepted > 0  # the cases reach both ends


@pytest.mark.parametrize("field, value, where", [
    ("description", "销售过期食品\x00", "request 1 (BAD-1): description"),
    ("service_code", ["SCJG-001"], "request 1 (BAD-1): service_code"),
    ("address_id", {"code": 1}, "request 1 (BAD-1): address_id"),
    ("lat", 1e999, "request 1 (BAD-1): lat"),
    ("status_notes", "x\udc00", "request 1 (BAD-1): status_notes"),
    ("service_request_id", "R" * 65, "request 1: service_request_id"),
    ("requested_datetime", "0001-01-01T00:00:00+14:00", "request 1 (BAD-1): requested_datetime"),
])
def test_an_open311_refusal_names_the_file_request_and_field(small_city, tmp_path, field, value, where):
    data = open311_template(small_city)
    for n, r in enumerate(data, start=1):
        r["service_request_id"] = f"BAD-{n}"  # ids no earlier (fuzzed) import brought in
    data[0][field] = value
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    before = fingerprint(small_city.engine)
    with pytest.raises(ValidationError) as refused:
        clues.import_open311(small_city, "operator", path)
    assert refused.value.where == f"{path}: {where}"
    assert fingerprint(small_city.engine) == before


def test_one_file_may_not_name_a_request_twice(small_city, tmp_path):
    data = open311_template(small_city)
    data[0]["service_request_id"] = data[1]["service_request_id"] = "TWICE-1"
    path = tmp_path / "twice.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    before = fingerprint(small_city.engine)
    with pytest.raises(ValidationError) as refused:
        clues.import_open311(small_city, "operator", path)
    assert "request 2" in refused.value.where and "repeats request 1" in refused.value.message
    assert fingerprint(small_city.engine) == before


def test_fuzzed_searches_answer_or_refuse_naming_the_field(small_city):
    tally = Tally()

    @FUZZ_SETTINGS
    @given(search_filters())
    def case(f):
        run_search(tally, small_city, f)

    case()
    assert tally.tracebacks == []


@pytest.mark.parametrize("text", ["\x00", "食品\x00", "\ud83d", "x" * 201])
def test_a_nul_or_broken_text_in_the_search_box_is_a_refusal_not_a_database_error(small_city, text):
    with pytest.raises(ValidationError) as refused:
        EntitySearch(small_city).count(EntityFilter(text=text))
    assert refused.value.where == "text"


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\x00"), max_size=12))
@FUZZ_SETTINGS
def test_clean_text_searches_run(small_city, text):
    if any(ord(c) < 32 or ord(c) == 127 for c in text):
        return
    search = EntitySearch(small_city)
    assert search.count(EntityFilter(text=text)) >= 0
