"""Assembling columns and looking rows up by id, for dense and sparse ids."""
from __future__ import annotations

import numpy as np

from core.geoindex.columns import FIXED_VOCAB, assemble


def _columns(ids: list[int]):
    n = len(ids)
    rng = np.random.default_rng(0)
    codes = {name: rng.integers(0, len(FIXED_VOCAB.get(name, ("a", "b"))), n)
             for name in ("risk", "entity_type", "status", "industry", "town", "village")}
    vocab = {name: FIXED_VOCAB.get(name, ("a", "b")) for name in codes}
    return assemble(ids=ids, lat_wgs=rng.uniform(29.1, 29.5, n), lng_wgs=rng.uniform(119.8, 120.2, n),
                    codes=codes, vocab=vocab, tag_members={7: [0, 2], 3: []}, display="wgs84", stamp="s")


def test_rows_of_finds_dense_and_sparse_ids_in_id_order():
    for ids in ([1, 2, 3, 4, 5, 6], [10**12, 5, 77, 3, 2**40, 9]):
        cols = _columns(ids)
        assert np.all(np.diff(cols.x) >= 0)
        assert sorted(cols.ids.tolist()) == sorted(ids)
        wanted = [ids[3], ids[0], -1, ids[3], 424242, ids[5]]
        rows = cols.rows_of(wanted)
        assert cols.ids[rows].tolist() == sorted({ids[3], ids[0], ids[5]})
        assert cols.ids[cols.id_rows].tolist() == sorted(ids)
        assert sorted(cols.ids[cols.tag_rows[7]].tolist()) == sorted([ids[0], ids[2]])
        assert cols.tag_rows[3].size == 0 and cols.rows_of([]).size == 0
