"""Clue refusals are typed: the desk words them by code in the UI language, not by splitting the core's text."""
from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QWidget

from core.clues import action_for
from core.errors import ValidationError
from desktop.cases import refusal_words
from desktop.cases.words import show_refusal
from desktop.i18n import install_language

CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”]")
LATIN = re.compile(r"[A-Za-z]")


def _refused(key: str, state: str) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        action_for(key, state)
    return caught.value


def test_an_illegal_clue_action_is_refused_with_a_code_and_params():
    error = _refused("close", "received")
    assert error.code == "clue.illegal_transition"
    assert error.params == {"state": "received", "action": "close", "allowed": ("assign", "duplicate")}
    assert "allowed: assign, duplicate" in error.message   # the CLI keeps the core's text


def test_the_refused_action_shows_in_english_only(console_app, qtbot):
    install_language(console_app, "en")
    parent = QWidget()
    qtbot.addWidget(parent)
    box = show_refusal(parent, "Not done", _refused("close", "received"), "en")
    assert box.text() == "A clue in the state “Received” cannot be given “Close”; allowed: Assign, Mark as duplicate."
    assert not CJK.search(box.text().replace("“", "").replace("”", ""))
    box.close()


def test_the_refused_action_shows_in_chinese_only(console_app, qtbot):
    install_language(console_app, "zh_CN")
    parent = QWidget()
    qtbot.addWidget(parent)
    box = show_refusal(parent, "未完成", _refused("close", "received"), "zh_CN")
    assert box.text() == "线索处于“已受理”状态，不能办结；可进行的操作：分派、标记重复"
    assert not LATIN.search(box.text())
    box.close()


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_typed_clue_refusals_never_fall_back_to_splitting_the_message(console_app, monkeypatch, lang):
    install_language(console_app, lang)

    def split(*_):
        raise AssertionError("a typed refusal was worded by splitting the core's bilingual text")

    monkeypatch.setattr(refusal_words, "in_language", split)
    for error in (_refused("close", "received"), _refused("nonsense", "received")):
        assert refusal_words.is_worded(error)
        text = refusal_words.refusal_text(error, lang)
        assert text and (not LATIN.search(text.replace("nonsense", "")) if lang == "zh_CN" else not CJK.search(
            text.replace("“", "").replace("”", "")))


def test_every_code_has_a_chinese_translation(console_app):
    install_language(console_app, "zh_CN")
    for code, source in refusal_words.REFUSAL_WORDS.items():
        assert CJK.search(console_app.translate("ClueRefusals", source)), code
