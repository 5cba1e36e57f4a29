"""RFC 3797: the key string, the section 6 example, and the fast selection against the naive one."""
import hashlib
import random

import pytest

from core.draws import key_string, parse_source, pick_digest, rfc3797_select
from core.draws.rfc3797 import _select_fenwick, pick_remainders

from .helpers import RFC_KEY, RFC_SOURCES, naive_select

# RFC 3797 section 6: the MD5 values of the first 16 picks and the pool of 25's selection.
RFC_DIGESTS = ["990DD0A5692A029A98B5E01AA28F3459", "3691E55CB63FCC37914430B2F70B5EC6", "FE814EDF564C190AC1D25753979990FA", "1863CCACEB568C31D7DDBDF1D4E91387", "F4AB33DF4889F0AF29C513905BE1D758", "13EAEB529F61ACFB9A29D0BA3A60DE4A", "992DB77C382CA2BDB9727001F3CDCCD9", "63AB4258ECA922976811C7F55C383CE7", "DFBC5AC97CED01B3A6E348E3CC63F40D", "31CB111C4A4EBE9287CEAE16FE51B909", "07FA46C122F164C215BBC72793B189A3", "AC52F8D75CCBE2E61AFEB3387637D501", "53306F73E14FC0B2FBF434218D25948E", "B5D1403501A81F9A47318BE7893B347C", "85B10B356AA06663EF1B1B407765100A", "3269E6CE559ABD57E2BA6AAB495EB9BD"]
RFC_SELECTED = [17, 7, 2, 16, 25, 23, 8, 24, 19, 13, 22]  # 1-based, pool of 25


def test_rfc_section_6_key_string():
    sources = [parse_source("9319"), parse_source("2 5 12 8 10"), parse_source("9 18 26 34 41 45")]
    assert tuple(sources) == RFC_SOURCES
    assert key_string(sources) == RFC_KEY


def test_rfc_section_6_digests_and_selection():
    assert [pick_digest(RFC_KEY, i).hex().upper() for i in range(16)] == RFC_DIGESTS
    picks = rfc3797_select(RFC_KEY, 25, len(RFC_SELECTED))
    assert [p + 1 for p in picks] == RFC_SELECTED
    # Asking for more picks does not change the earlier ones.
    assert [p + 1 for p in rfc3797_select(RFC_KEY, 25, 25)][:len(RFC_SELECTED)] == RFC_SELECTED


def test_key_string_sorts_numbers_numerically_and_formats_them():
    assert key_string([(10, 9, 100, 1)]) == "1.9.10.100./"
    assert key_string([parse_source("007 10 08")]) == "7.8.10./"   # leading zeros go
    assert key_string([(5,), (3, 1)]) == "5./1.3./"                 # sources keep their announced order
    assert key_string([(0,)]) == "0./"


def test_key_string_texts_follow_the_numbers_upper_cased():
    assert key_string([("w", 4, "a", 1)]) == "1.4.A.W./"
    assert key_string([parse_source("12.50 3")]) == "3.12.50./"
    assert key_string([("ｗ",)]) == "W./"  # NFKC: a full-width letter is the same letter


@pytest.mark.parametrize("bad", [[], [()], [("a/b",)], [(-1,)], [("  ",)]])
def test_key_string_refuses_what_would_make_an_ambiguous_key(bad):
    with pytest.raises(ValueError):
        key_string(bad)


@pytest.mark.parametrize("bad", [[(1.5,)], [(True,)], ["12"], [(None,)]])
def test_key_string_refuses_values_of_the_wrong_type(bad):
    with pytest.raises(TypeError):
        key_string(bad)


def test_parse_source_splits_on_spaces_commas_and_chinese_punctuation():
    assert parse_source(" 2 5\t12,8，10、3 ") == (2, 5, 12, 8, 10, 3)
    assert parse_source("W 4-1") == ("W", "4-1")
    assert parse_source("05") == (5,)


@pytest.mark.parametrize("text", ["", "   ", " , ，"])
def test_parse_source_empty_names_the_text(text):
    with pytest.raises(ValueError) as err:
        parse_source(text)
    assert repr(text) in str(err.value)


@pytest.mark.parametrize("pool_size", [1, 2, 3, 17, 100, 1000, 5000])
def test_fast_selection_agrees_with_the_naive_one(pool_size):
    rng = random.Random(pool_size)
    for trial in range(6):
        key = f"{rng.randrange(10**6)}./{trial}./"
        count = rng.choice([1, pool_size // 3, pool_size // 2, pool_size])
        picks = rfc3797_select(key, pool_size, count)
        assert picks == naive_select(key, pool_size, count)
        assert len(set(picks)) == len(picks) == count
        assert all(0 <= p < pool_size for p in picks)


def test_fenwick_cross_check_agrees_on_a_big_pool():
    key = "1.8.9.14./76998828./"
    picks = rfc3797_select(key, 200_000, 30_000)
    assert picks == _select_fenwick(200_000, pick_remainders(key, 200_000, 30_000))
    assert len(set(picks)) == 30_000


def test_counter_widens_to_four_bytes_from_65536_on():
    key = RFC_KEY
    for i in (65534, 65535):
        c = i.to_bytes(2, "big")
        assert pick_digest(key, i) == hashlib.md5(c + key.encode() + c).digest()
    for i in (65536, 70000):
        c = i.to_bytes(4, "big")
        assert pick_digest(key, i) == hashlib.md5(c + key.encode() + c).digest()
    # Without the extension pick 65536 would repeat pick 0's digest.
    assert pick_digest(key, 65536) != pick_digest(key, 0)


def test_selection_past_65535_picks_is_a_permutation_and_matches_the_cross_check():
    n = 70_000
    picks = rfc3797_select("big./", n, n)
    assert sorted(picks) == list(range(n))
    ranks = pick_remainders("big./", n, n)
    assert ranks[65536] == int.from_bytes(pick_digest("big./", 65536), "big") % (n - 65536)
    assert picks == _select_fenwick(n, ranks)


def test_select_argument_errors():
    assert rfc3797_select("k", 0, 0) == []
    with pytest.raises(ValueError):
        rfc3797_select("k", 3, 4)
    with pytest.raises(ValueError):
        rfc3797_select("k", 3, -1)
    with pytest.raises(TypeError):
        rfc3797_select("k", 3.0, 1)
    with pytest.raises(ValueError):
        rfc3797_select("k", 1 << 40, 1)


def test_chi_square_one_pick_is_uniform_over_the_pool():
    # 20 candidates, 4000 keys: the first pick's position should be uniform.
    # Critical value of chi-square with 19 degrees of freedom at p = 0.001: 43.82.
    n, keys = 20, 4000
    counts = [0] * n
    for k in range(keys):
        counts[rfc3797_select(f"{k}./", n, 1)[0]] += 1
    expected = keys / n
    chi2 = sum((c - expected) ** 2 / expected for c in counts)
    assert chi2 < 43.82, (chi2, counts)


def test_chi_square_detects_a_biased_selector():
    # The same statistic fails a selector that favours low positions: the check can fail.
    n, keys = 20, 4000
    counts = [0] * n
    for k in range(keys):
        counts[min(rfc3797_select(f"{k}./", n, 2))] += 1
    expected = keys / n
    assert sum((c - expected) ** 2 / expected for c in counts) > 43.82


@pytest.mark.parametrize("pool_size, count", [(1, 1), (5, 3), (5, 5), (16, 16), (17, 17), (33, 20), (40, 33),
                                              (1 << 33, 50)])
def test_vectorised_selection_agrees_with_the_cross_check_on_block_edges(pool_size, count):
    # Counts around the block size and powers of two (the padding), and a pool above 2**32
    # (the remainder's other path): against the Fenwick tree on ranks computed one by one.
    key = f"{pool_size}./{count}./"
    ranks = [int.from_bytes(pick_digest(key, i), "big") % (pool_size - i) for i in range(count)]
    assert pick_remainders(key, pool_size, count) == ranks
    if pool_size < 1 << 20:
        assert rfc3797_select(key, pool_size, count) == _select_fenwick(pool_size, ranks) \
            == naive_select(key, pool_size, count)
    else:   # the r-th free position: step over the taken ones in order
        expected: list[int] = []
        for r in ranks:
            x = r
            for t in sorted(expected):
                x += t <= x
            expected.append(x)
        assert rfc3797_select(key, pool_size, count) == expected
