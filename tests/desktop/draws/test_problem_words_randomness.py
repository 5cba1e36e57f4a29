"""A draw refused for its randomness is typed: the workspace words why by code in the UI language."""
from __future__ import annotations

import hashlib
import re

import pytest

from core.draws import DrawRefused, DrawSpec, Randomness, SamplingRule, run_draw
from desktop.draws import problem_words
from desktop.i18n import install_language

CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”]")
SPEC = DrawSpec(batch="B1", pool=(), sampling=SamplingRule(ratios={"A": 0.0}), departments=())


def _refused(randomness: Randomness):
    with pytest.raises(DrawRefused) as caught:
        run_draw(SPEC, randomness)
    return next(p for p in caught.value.problems if p.code == "bad_randomness")


@pytest.mark.parametrize(("randomness", "variant"), [
    (Randomness(kind="seed", seed="", commitment="x"), "empty_seed"),
    (Randomness(kind="seed", seed="s"), "no_commitment"),
    (Randomness(kind="seed", seed="s", commitment=hashlib.sha256(b"other").hexdigest()), "seed_mismatch"),
    (Randomness(kind="dice"), "kind"),
])
def test_bad_randomness_names_its_fault(randomness, variant):
    assert _refused(randomness).params == {"variant": variant}


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", "The seed does not match its commitment."),
    ("zh_CN", "种子与事先公布的承诺值不符"),
])
def test_a_bad_seed_shows_in_one_language(console_app, monkeypatch, lang, expected):
    install_language(console_app, lang)

    def split(*_):
        raise AssertionError("a typed problem was worded by splitting the core's bilingual text")

    monkeypatch.setattr(problem_words, "in_language", split)
    p = _refused(Randomness(kind="seed", seed="s", commitment=hashlib.sha256(b"other").hexdigest()))
    assert problem_words.problem_text(p, lang) == expected


def test_the_new_codes_have_chinese(console_app):
    install_language(console_app, "zh_CN")
    for key in ("no_team_after_avoidance", "no_commitment", "no_sources", "seed_mismatch", "bad_randomness:sources"):
        assert CJK.search(console_app.translate("DrawProblems", problem_words.PROBLEM_WORDS[key])), key
