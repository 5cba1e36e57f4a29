"""The clue panel's action row: the file-a-case button belongs to the panel from the start, so it
shows in place the moment a clue can become a case (never as a window of its own, never a beat
late), and goes again when the clue moves on."""
import datetime as dt

from desktop.cases.clue_detail import ClueDetailPanel

from .conftest import clue_detail_sample


def test_the_case_button_shows_in_place_at_once(qtbot):
    panel = ClueDetailPanel(read_only=False, lang="zh_CN", today=dt.date(2026, 11, 20))
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    assert not panel.case_button.isWindow() and not panel.case_button.isVisible()
    panel.set_detail(clue_detail_sample("claimed", ("start", "return")))
    # No event loop ran between: the button is shown now, inside the panel.
    assert panel.case_button.isVisible() and not panel.case_button.isWindow()
    assert panel.case_button.isVisibleTo(panel)
    assert set(panel.action_buttons) == {"start", "return"}
    panel.set_detail(clue_detail_sample("fed_back", ("close", "reopen")))
    assert not panel.case_button.isVisible()
    panel.set_detail(clue_detail_sample("handling", ("feed_back",)))
    assert panel.case_button.isVisible() and not panel.case_button.isWindow()


def test_a_read_only_panel_offers_no_case(qtbot):
    panel = ClueDetailPanel(read_only=True, lang="zh_CN", today=dt.date(2026, 11, 20))
    qtbot.addWidget(panel)
    panel.show()
    panel.set_detail(clue_detail_sample("claimed", ("start",)))
    assert not panel.case_button.isVisible() and panel.action_buttons == {}
