"""The clue desk's other refusals are typed too (intake, attachments, routing, the case clock, a clue changed
first elsewhere): each is worded from its code in the UI language, the clock's with the rule it cites."""
from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from core.errors import AlreadyChanged, NotFound, TongguanError, ValidationError
from core.services import clues
from core.services.clues.intake import Attachment
from desktop.cases import refusal_words
from desktop.i18n import install_language
from tests.core.services_clues.test_workflow import _new

CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”]")
FILED = dt.date(2026, 9, 1)
TODAY = dt.date(2026, 11, 20)


def _caught(call, *args, **kwargs) -> TongguanError:
    with pytest.raises(TongguanError) as caught:
        call(*args, **kwargs)
    return caught.value


@pytest.fixture
def refusals(demo_db, tmp_path):
    """Real refusals from the core, by code."""
    big = tmp_path / "big.bin"
    with open(big, "wb") as f:
        f.truncate(21 * 2**20)
    clue = _new(demo_db)
    clues.act(demo_db, "scjg", clue, "claim")
    claimed = _caught(clues.act, demo_db, "scjg", clue, "claim")
    case = clues.file_case(demo_db, "scjg", clue, on=FILED)
    clues.extend_case(demo_db, "operator", case, days=30, approval="head", reason="案情复杂", on=FILED, today=TODAY)
    found = [
        claimed,
        _caught(Attachment.from_file, big),
        _caught(clues.extend_case, demo_db, "operator", case, days=30, approval="head", reason="再延", today=TODAY),
        _caught(clues.extend_case, demo_db, "operator", case, days=30, approval="head", reason=" ", today=TODAY),
        _caught(clues.case_clock, demo_db, 999_999),
    ]
    return {e.code: e for e in found}


def test_the_core_refuses_with_codes_and_params(refusals):
    assert set(refusals) == {"clue.already_claimed", "clue.attachment_too_big", "case.head_once",
                             "case.needs_reason", "case.not_found"}
    assert isinstance(refusals["clue.already_claimed"], AlreadyChanged)
    assert refusals["clue.already_claimed"].params == {"by": refusals["clue.already_claimed"].by}
    assert refusals["clue.attachment_too_big"].params == {"file": "big.bin"}
    assert refusals["case.head_once"].params == {"rule": "collective"}
    assert isinstance(refusals["case.not_found"], NotFound)
    assert isinstance(refusals["case.needs_reason"], ValidationError)
    assert "collective" in refusals["case.head_once"].message   # the CLI keeps the bilingual text


def test_they_show_in_english_only(console_app, refusals, monkeypatch):
    install_language(console_app, "en")
    monkeypatch.setattr(refusal_words, "in_language", _no_split)
    texts = {code: refusal_words.refusal_text(e, "en") for code, e in refusals.items()}
    assert texts["clue.attachment_too_big"] == "An attachment is at most 20 MB: big.bin."
    assert texts["case.head_once"] == (
        "The head approves one extension only; a further one is a collective decision. (Rules on Administrative "
        "Penalty Procedure of Market Regulation, Art. 64: any further extension is decided collectively by the "
        "department's heads)")
    assert texts["case.not_found"] == "Case 999999 does not exist."
    assert not any(CJK.search(t) for code, t in texts.items() if code != "clue.already_claimed")  # a name stays


def test_they_show_in_chinese_only(console_app, refusals, monkeypatch):
    install_language(console_app, "zh_CN")
    monkeypatch.setattr(refusal_words, "in_language", _no_split)
    texts = {code: refusal_words.refusal_text(e, "zh_CN") for code, e in refusals.items()}
    assert texts["clue.attachment_too_big"] == "附件超过 20 MB：big.bin"
    assert texts["case.head_once"].startswith("负责人批准的延期只有一次，再次延期须集体讨论决定（市场监督管理行政处罚程序规定 第六十四条")
    assert texts["clue.already_claimed"] == f"该线索已由{refusals['clue.already_claimed'].by}签收"
    assert not any(re.search(r"[a-z]{3,}", t.replace("big.bin", "")) for t in texts.values())


def _no_split(*_):
    raise AssertionError("a typed refusal was worded by splitting the core's bilingual text")


def test_every_clock_rule_has_a_chinese_translation(console_app):
    install_language(console_app, "zh_CN")
    for key, source in refusal_words.CLOCK_RULES.items():
        assert CJK.search(console_app.translate("ClueRefusals", source)), key


@pytest.mark.parametrize(("lang", "status", "array"), [
    ("en", "The status is open or closed, not 'pending'.", "An Open311 file is a JSON array of service requests."),
    ("zh_CN", "status 须为 open 或 closed，不是 'pending'", "Open311 文件须是服务请求数组"),
])
def test_an_import_refusal_is_typed_through_the_whole_file(console_app, demo_db, tmp_path, monkeypatch, lang,
                                                           status, array):
    install_language(console_app, lang)
    monkeypatch.setattr(refusal_words, "in_language", _no_split)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps([{"service_request_id": "BAD-1", "status": "pending", "description": "坏的请求",
                                 "requested_datetime": "2026-11-18T09:30:00+08:00", "lat": 29.3, "long": 120.08}]),
                    encoding="utf-8")
    refused = _caught(clues.import_open311, demo_db, "operator", path)
    assert (refused.code, refused.params) == ("import.bad_status", {"value": "'pending'"})
    assert str(path) in refused.where   # the file and the request stay beside the sentence
    assert refusal_words.refusal_text(refused, lang) == status
    path.write_text('{"hello": 1}', encoding="utf-8")
    assert refusal_words.refusal_text(_caught(clues.import_open311, demo_db, "operator", path), lang) == array
