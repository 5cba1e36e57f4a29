"""The deadline policy: statutory defaults, an administrator's file, errors naming file and field."""
from __future__ import annotations

import json

import pytest

from core.deadlines import (
    KINDS,
    DeadlinePolicy,
    Kind,
    kind_name,
    level_name,
    load_policy,
)
from core.deadlines.kinds import CALENDAR, WORKING
from core.deadlines.levels import LEVEL_NAMES, Level
from core.deadlines.policy import parse_policy
from core.errors import ConfigError


def write(tmp_path, content) -> str:
    path = tmp_path / "deadlines.json"
    path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    return str(path)


def test_defaults_follow_the_law_and_the_brief():
    p = DeadlinePolicy()
    assert p.duration(Kind.PUSH_CLAIM) == 5                  # 双告知: 5 working days
    assert p.duration(Kind.RESULTS_PUBLICATION) == 20        # 企业信息公示暂行条例
    assert p.duration(Kind.CASE_DECISION) == 90 and KINDS[Kind.CASE_DECISION].unit == CALENDAR
    assert all(KINDS[k].unit == WORKING for k in Kind if k != Kind.CASE_DECISION)
    assert p.due_soon_working_days == 1
    assert p.serious_after(Kind.CLUE_HANDLING) == 5 and p.serious_after(Kind.CASE_DECISION) == 10
    assert p.source is None


def test_an_administrator_file_overrides_only_what_it_names(tmp_path):
    path = write(tmp_path, {"due_soon_working_days": 2,
                            "kinds": {"clue_handling": {"days": 7, "serious_after_working_days": 3}}})
    p = load_policy(path)
    assert p.due_soon_working_days == 2 and p.duration(Kind.CLUE_HANDLING) == 7
    assert p.serious_after(Kind.CLUE_HANDLING) == 3
    assert p.duration(Kind.PUSH_CLAIM) == 5 and p.serious_after(Kind.CASE_DECISION) == 10
    assert p.source == path


def test_an_empty_object_is_the_default_policy(tmp_path):
    p = load_policy(write(tmp_path, {}))
    assert p.durations == DeadlinePolicy().durations and p.serious_after_working_days == DeadlinePolicy().serious_after_working_days


def test_no_default_file_means_the_built_in_policy(tmp_path, monkeypatch):
    monkeypatch.setattr("core.deadlines.policy.default_policy_path", lambda: tmp_path / "absent.json")
    assert load_policy().source is None
    write(tmp_path, {"due_soon_working_days": 3})
    monkeypatch.setattr("core.deadlines.policy.default_policy_path", lambda: tmp_path / "deadlines.json")
    assert load_policy().due_soon_working_days == 3


@pytest.mark.parametrize("content, field, words", [
    ({"due_soon_working_days": "2"}, "due_soon_working_days", "whole number"),
    ({"due_soon_working_days": True}, "due_soon_working_days", "whole number"),
    ({"due_soon_working_days": -1}, "due_soon_working_days", "from 0"),
    ({"kinds": {"clue_handlin": {"days": 3}}}, "kinds", "clue_handlin"),
    ({"kinds": {"push_claim": {"days": 0}}}, "kinds.push_claim.days", "from 1"),
    ({"kinds": {"push_claim": {"day": 5}}}, "kinds.push_claim", "unknown key"),
    ({"kinds": {"case_decision": {"serious_after_working_days": 2.5}}},
     "kinds.case_decision.serious_after_working_days", "whole number"),
    ({"kinds": []}, "kinds", "JSON object"),
    ({"kinds": {"push_claim": 5}}, "kinds.push_claim", "JSON object"),
    ({"due_soon": 1}, "due_soon", "unknown key"),
    ([1, 2], "", "JSON object"),
])
def test_a_bad_file_names_the_file_and_the_field(tmp_path, content, field, words):
    path = write(tmp_path, content)
    with pytest.raises(ConfigError) as err:
        load_policy(path)
    assert err.value.where == path
    if field:
        assert err.value.message.startswith(f"{field}: ")
    assert words in str(err.value) and path in str(err.value)


def test_not_json_and_missing_files_name_the_place(tmp_path):
    path = write(tmp_path, '{"due_soon_working_days": 1,,}')
    with pytest.raises(ConfigError) as err:
        load_policy(path)
    assert path in str(err.value) and "not JSON" in str(err.value) and ":1:" in err.value.where
    with pytest.raises(ConfigError) as err:
        load_policy(tmp_path / "nope.json")
    assert "no such file" in str(err.value) and "nope.json" in err.value.where


def test_parse_policy_layers_over_a_base():
    base = DeadlinePolicy(due_soon_working_days=3)
    p = parse_policy({"kinds": {"push_claim": {"days": 4}}}, "test")
    assert p.duration(Kind.PUSH_CLAIM) == 4 and p.due_soon_working_days == 1
    assert parse_policy({}, "test", base).due_soon_working_days == 3


def test_names_are_bilingual_data():
    assert kind_name(Kind.PUSH_CLAIM) == "双告知认领" and kind_name("push_claim", "en") == "Double-notification claim"
    assert KINDS[Kind.CASE_DECISION].label == "案件决定 (Case decision)"
    assert set(LEVEL_NAMES) == set(Level)
    assert level_name(Level.SERIOUSLY_OVERDUE) == "严重逾期" and level_name(Level.DUE_SOON, "en") == "Due soon"
    assert all(info.name_zh and info.name_en and info.basis_zh and info.basis_en for info in KINDS.values())
