"""The import's fast paths agree with the rules they shortcut: the credit-code check with
python-stdnum (through core.uscc), the plain-text path with core.text_input."""
import random

import pytest
from stdnum.cn import uscc as stdnum_uscc

from core.exchange.validate import RowError, _plainly_valid, check_uscc
from core.uscc import ALPHABET


def test_the_fast_credit_code_check_agrees_with_stdnum():
    rng = random.Random(16)
    valid = 0
    for n in range(50_000):
        body = "9" + "123"[n % 3] + "".join(rng.choice("0123456789") for _ in range(6)) + \
               "".join(rng.choice(ALPHABET + "IOSVZ") for _ in range(9))
        code = body + (stdnum_uscc.calc_check_digit(body) if n % 2 and body.isalnum() and
                       all(c in ALPHABET for c in body) else rng.choice(ALPHABET))
        code = code if n % 7 else code[: rng.randrange(0, 18)]
        assert _plainly_valid(code) == stdnum_uscc.is_valid(code), code
        valid += _plainly_valid(code)
    assert valid > 3_000  # both kinds of code were tried


@pytest.mark.parametrize("value", ["91330782MA2T00001", "91330782MA2T0000IX", "9133078 2MA2T000013"])
def test_a_refused_code_gets_the_reason_of_core_uscc(value):
    try:
        code = check_uscc(value)
    except RowError as refused:
        assert "统一社会信用代码无效" in str(refused) and "invalid Unified Social Credit Code" in str(refused)
    else:
        assert stdnum_uscc.is_valid(code)
