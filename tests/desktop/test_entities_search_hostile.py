"""The search box (issue 13): a NUL, broken Unicode or over-long text is told apart from a lost
database: the count line says what is wrong with the text and the database is not reported lost."""
from __future__ import annotations

import pytest

from . import test_entities_support as support

entities_db = support.entities_db
entities_template = support.entities_template
tasks = support.tasks
workspace = support.workspace


@pytest.mark.parametrize("text", ["食品\x00", "x" * 201])  # Qt drops lone surrogates itself
def test_bad_search_text_is_a_clear_message_not_database_lost(workspace, tasks, qtbot, text):
    lost = []
    tasks.database_lost.connect(lost.append)
    workspace.search_page.search_bar.set_text(text)
    qtbot.waitUntil(lambda: workspace.search_page._count.property("failed") is True, timeout=20000)
    tasks.wait_idle()
    message = workspace.search_page.count_text()
    assert "空字符" in message and "200" in message, message  # the console speaks Chinese first
    assert lost == []
    workspace.search_page.search_bar.set_text("食品")  # a good search afterwards works as before
    qtbot.waitUntil(lambda: workspace.search_page._count.property("failed") is False, timeout=20000)
