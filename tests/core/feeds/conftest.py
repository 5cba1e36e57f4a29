"""A small demo city of each dialect the feed tests may write to (one per test module)."""
import datetime as dt

import pytest

from core.db.database import Database
from tests.conftest import DIALECTS, _empty_url
from tests.support.accounts import standard_accounts

SPEC_AS_OF = dt.date(2026, 11, 20)


@pytest.fixture(scope="module", params=DIALECTS)
def city(request, tmp_path_factory):
    from core.demo.builder import build_demo
    from core.demo.spec import DemoSpec

    url = _empty_url(request.param, tmp_path_factory.mktemp("feeds"))
    build_demo(url, DemoSpec(entities=600, seed=16, as_of=SPEC_AS_OF, chunk=1000))
    database = Database.open(url)
    standard_accounts(database)
    yield database
    database.dispose()


def fresh_uscc(seed: int, kind: str = "2") -> str:
    """A valid credit code the demo city does not hold (organisation part from ``seed``)."""
    from core import uscc

    return uscc.with_check(f"9{kind}330782MA{seed:07d}"[:17])
