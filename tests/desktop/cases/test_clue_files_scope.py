"""The clue desk's worker-side file halves read as the signed-in user: its export and its
look-up of a duplicate's original reach only the clues it may see (clue.read)."""
from __future__ import annotations

import json
from collections import Counter

from sqlalchemy import select

from core.db.models import Clue
from core.services.clues import ClueFilter
from desktop.cases import clue_files
from tests.support.accounts import account


def _department_and_clues(db) -> tuple[int, dict[int, tuple[str, int | None]]]:
    with db.sessions() as s:
        rows = {i: (ref, d) for i, ref, d in s.execute(select(Clue.id, Clue.ref_no, Clue.department_id))}
    dept = Counter(d for _ref, d in rows.values() if d is not None).most_common(1)[0][0]
    return dept, rows


def test_the_desk_export_holds_only_the_viewers_clues(demo_db, tmp_path):
    dept, rows = _department_and_clues(demo_db)
    viewer = account(demo_db, "desk_dept", "department", department=dept)
    own = {ref for ref, d in rows.values() if d == dept}
    for everything, name in ((True, "all.json"), (False, "filtered.json")):
        path = tmp_path / name
        count = clue_files.export_filtered(demo_db, ClueFilter(), path, everything, viewer)
        refs = {r["extended_attributes"]["ref_no"] for r in json.loads(path.read_text(encoding="utf-8"))}
        assert count == len(refs) and refs == own and len(own) < len(rows)


def test_the_original_of_a_duplicate_is_found_only_among_the_viewers_clues(demo_db):
    dept, rows = _department_and_clues(demo_db)
    viewer = account(demo_db, "desk_dept", "department", department=dept)
    own_id, (own_ref, _d) = next((i, v) for i, v in rows.items() if v[1] == dept)
    other_id, (other_ref, _d) = next((i, v) for i, v in rows.items() if v[1] != dept)
    assert clue_files.find_by_ref(demo_db, own_ref.lower(), viewer) == own_id
    assert clue_files.find_by_ref(demo_db, other_ref, viewer) is None
    assert clue_files.find_by_ref(demo_db, other_ref) == other_id
