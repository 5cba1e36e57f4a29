"""A batch check's problems are typed: the overview words them and their rules by code in the UI language."""
from __future__ import annotations

import re

import pytest

from core.draws import DrawSpec, SamplingRule, validate
from desktop.draws import problem_words
from desktop.draws.batch_overview import BatchOverview
from desktop.i18n import install_language

CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”]")
LATIN = re.compile(r"[A-Za-z]")


def _problems():
    """What the core finds in an empty batch that exempts class A."""
    return validate(DrawSpec(batch="B1", pool=(), sampling=SamplingRule(ratios={"A": 0.0}), departments=()))


def test_the_core_reports_codes_with_params():
    by_code = {p.code: p for p in _problems()}
    assert set(by_code) >= {"empty_pool", "class_exempt", "no_departments"}
    assert by_code["class_exempt"].params == {"variant": "ratio", "stratum": "A", "value": "0%"}


def _shown(overview: BatchOverview) -> list[str]:
    for p in _problems():
        overview._add_problem(p, "")
    return [overview.problems.item(i).text() for i in range(overview.problems.count())]


def test_a_refused_check_shows_in_english_only(console_app, qtbot):
    install_language(console_app, "en")
    overview = BatchOverview(show_risk=True, read_only=False, lang="en")
    qtbot.addWidget(overview)
    texts = _shown(overview)
    assert "Class A: a ratio of 0% exempts the class.\n    — State Council Guideline 2019 No. 5 and the local " \
           "ratio table: ratios follow the credit-risk class, no class is exempt" in texts
    assert not any(CJK.search(t) for t in texts)


def test_a_refused_check_shows_in_chinese_only(console_app, qtbot):
    install_language(console_app, "zh_CN")
    overview = BatchOverview(show_risk=True, read_only=False, lang="zh_CN")
    qtbot.addWidget(overview)
    texts = _shown(overview)
    assert any(t.startswith("A 类的抽查比例为 0%，等于豁免该类\n    — 国发〔2019〕5号") for t in texts)
    # only the class letter and the law's own "RFC" style names are Latin; no English sentence is left
    assert not any(re.search(r"[a-z]{3,}", t) for t in texts)


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_typed_problems_never_fall_back_to_splitting_the_message(console_app, monkeypatch, lang):
    install_language(console_app, lang)

    def split(*_):
        raise AssertionError("a typed problem was worded by splitting the core's bilingual text")

    monkeypatch.setattr(problem_words, "in_language", split)
    for p in _problems():
        assert problem_words.is_worded(p)
        assert problem_words.problem_text(p, lang) and problem_words.rule_text(p.rule, lang)


def test_every_problem_and_rule_has_a_chinese_translation(console_app):
    install_language(console_app, "zh_CN")
    for key, source in problem_words.PROBLEM_WORDS.items():
        assert CJK.search(console_app.translate("DrawProblems", source)), key
    for source in problem_words.RULE_WORDS.values():
        assert CJK.search(console_app.translate("DrawRules", source)), source
