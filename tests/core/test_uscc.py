"""USCC validation: real public codes pass, altered ones are refused with the reason."""
import pytest

from core import uscc
from core.errors import InvalidUSCC

# Published on the national enterprise credit publicity system.
REAL = {
    "914403001922038216": "华为技术有限公司",
    "9144030071526726XG": "腾讯科技（深圳）有限公司",
    "91110000710926094P": "中国石油化工股份有限公司",
    "913300007046976861": "浙江中国小商品城集团股份有限公司",
}


@pytest.mark.parametrize("code", sorted(REAL))
def test_real_codes_validate(code):
    assert uscc.validate(code) == code
    assert uscc.parse(code).authority == "9"


def test_lowercase_and_spaces_are_normalised():
    assert uscc.validate(" 9144030071526726xg ") == "9144030071526726XG"


@pytest.mark.parametrize("code", sorted(REAL))
def test_any_single_altered_character_is_refused(code):
    for pos in range(18):
        for ch in "0AX":
            if code[pos] == ch:
                continue
            altered = code[:pos] + ch + code[pos + 1:]
            with pytest.raises(InvalidUSCC):
                uscc.validate(altered)


def test_wrong_check_character_names_expected_and_given():
    with pytest.raises(InvalidUSCC) as err:
        uscc.validate("914403001922038217")
    assert err.value.reason == "check"
    assert "'6'" in err.value.message and "'7'" in err.value.message


def test_wrong_length_says_so():
    with pytest.raises(InvalidUSCC) as err:
        uscc.validate("91440300192203821")
    assert err.value.reason == "length" and "17" in err.value.message


def test_forbidden_letter_is_named_with_its_position():
    with pytest.raises(InvalidUSCC) as err:
        uscc.validate("91440300192203821O")
    assert err.value.reason == "character"
    assert "18" in err.value.message and "'O'" in err.value.message


def test_parts_of_an_individual_business_code():
    code = uscc.with_check("92330782MA2EC3X83")
    parts = uscc.parse(code)
    assert parts.division == "330782" and parts.entity_type == "individual"
