"""Snapshot tests of the main screens (pytest-textual-snapshot), on the fixed fixture directory.

Update the stored SVGs after an intended change with `pytest tests/test_app_snapshots.py --snapshot-update`.
"""

from __future__ import annotations

import pytest
from test_app_data import build_fixture_db
from textual.widgets import Input, TextArea

from tui.app import StakeholdersApp


@pytest.fixture
def app(tmp_path):
    return StakeholdersApp(db_path=build_fixture_db(tmp_path / "snap.db"))


async def _settle(pilot) -> None:
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
    for widget in pilot.app.screen.query(Input):
        widget.cursor_blink = False
    for widget in pilot.app.screen.query(TextArea):
        widget.cursor_blink = False
    await pilot.pause()


def _run_before(*keys: str, theme: str | None = None):
    async def run(pilot) -> None:
        if theme:
            pilot.app.theme = theme
        await _settle(pilot)
        for key in keys:
            await pilot.press(key)
            await _settle(pilot)

    return run


def test_main_screen(app, snap_compare):
    assert snap_compare(app, terminal_size=(120, 40), run_before=_run_before())


def test_person_card_after_search(app, snap_compare):
    assert snap_compare(app, terminal_size=(120, 40), run_before=_run_before("slash", *"ferran", "enter"))


def test_initiative_members(app, snap_compare):
    keys = ("tab", "tab", "tab", "j", "j", "enter", "enter")  # browse pane -> Initiatives -> open it
    assert snap_compare(app, terminal_size=(120, 40), run_before=_run_before(*keys))


def test_note_dialog(app, snap_compare):
    assert snap_compare(app, terminal_size=(120, 40), run_before=_run_before("n", *"Call back"))


def test_small_terminal_light_theme(app, snap_compare):
    assert snap_compare(app, terminal_size=(80, 24), run_before=_run_before(theme="textual-light"))


def test_large_terminal(app, snap_compare):
    assert snap_compare(app, terminal_size=(200, 60), run_before=_run_before("slash", *"ferran", "enter"))
