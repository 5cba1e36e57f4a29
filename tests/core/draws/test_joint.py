"""merge_joint_visits: one visit per entity where departments' windows overlap (进一次门、查多项事)."""
import datetime as dt

from core.draws import Visit, merge_joint_visits

D = dt.date


def visit(entity, dept, start, end, batch="b", team=None, matters=()):
    return Visit(batch, entity, (dept,), dept, (start, end), tuple(team or [(dept * 10, dept), (dept * 10 + 1, dept)]),
                 tuple(matters))


def test_overlapping_visits_to_one_entity_become_one():
    a = visit(1, 3, D(2027, 3, 10), D(2027, 5, 10), batch="市场", matters=(31,))
    b = visit(1, 5, D(2027, 3, 1), D(2027, 4, 30), batch="消防", matters=(51, 31),
              team=[(50, 5), (30, 3)])
    [merged] = merge_joint_visits([a, b])
    assert merged.entity_id == 1
    assert merged.department_ids == (3, 5)
    assert merged.lead_department_id == 5 and merged.batch == "消防"   # the earliest-starting visit leads
    assert merged.window == (D(2027, 3, 10), D(2027, 4, 30))
    assert merged.team == ((30, 3), (31, 3), (50, 5))
    assert merged.matter_ids == (31, 51)


def test_others_are_left_alone_in_order():
    a = visit(1, 3, D(2027, 3, 1), D(2027, 3, 31))
    b = visit(2, 5, D(2027, 3, 1), D(2027, 3, 31))
    c = visit(1, 5, D(2027, 4, 1), D(2027, 4, 30))   # same entity, no overlap
    d = visit(3, 3, D(2027, 1, 1), D(2027, 12, 31))
    assert merge_joint_visits([a, b, c, d]) == [a, b, c, d]


def test_windows_touching_on_one_day_overlap():
    a = visit(1, 3, D(2027, 3, 1), D(2027, 3, 31))
    b = visit(1, 4, D(2027, 3, 31), D(2027, 4, 30))
    [merged] = merge_joint_visits([a, b])
    assert merged.window == (D(2027, 3, 31), D(2027, 3, 31))


def test_three_departments_and_stable_positions():
    x = visit(9, 1, D(2027, 1, 1), D(2027, 1, 31))
    a = visit(1, 3, D(2027, 3, 1), D(2027, 4, 30))
    b = visit(1, 4, D(2027, 3, 15), D(2027, 5, 30))
    c = visit(1, 5, D(2027, 4, 1), D(2027, 4, 20))
    y = visit(8, 1, D(2027, 1, 1), D(2027, 1, 31))
    out = merge_joint_visits([x, a, y, b, c])
    assert [v.entity_id for v in out] == [9, 1, 8]
    assert out[1].department_ids == (3, 4, 5)
    assert out[1].window == (D(2027, 4, 1), D(2027, 4, 20))
    assert out[1].lead_department_id == 3


def test_a_visit_outside_the_shrunk_window_stays_separate():
    a = visit(1, 3, D(2027, 3, 1), D(2027, 3, 20))
    b = visit(1, 4, D(2027, 3, 10), D(2027, 4, 30))
    c = visit(1, 5, D(2027, 3, 25), D(2027, 4, 5))   # overlaps b, not the merged window 3-10..3-20
    out = merge_joint_visits([a, b, c])
    assert len(out) == 2 and out[1] == c


def test_duplicates_are_not_repeated():
    a = visit(1, 3, D(2027, 3, 1), D(2027, 3, 31), matters=(1,))
    [merged] = merge_joint_visits([a, a])
    assert merged.department_ids == (3,) and merged.team == a.team and merged.matter_ids == (1,)
