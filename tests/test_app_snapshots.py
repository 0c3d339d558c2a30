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


# Issue 14: each list kind, a card and the log dialog, at 80x24 and 120x40.
SIZES = [(80, 24), (120, 40)]


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_main_screen_sized(app, snap_compare, size):
    assert snap_compare(app, terminal_size=size, run_before=_run_before())


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_organizations_list(app, snap_compare, size):
    assert snap_compare(app, terminal_size=size, run_before=_run_before("shift+tab", "j"))


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_initiatives_list(app, snap_compare, size):
    assert snap_compare(app, terminal_size=size, run_before=_run_before("shift+tab", "j", "j"))


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_person_card_sized(app, snap_compare, size):
    assert snap_compare(app, terminal_size=size, run_before=_run_before("slash", *"ferran", "enter"))


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_log_dialog(app, snap_compare, size):
    async def run(pilot) -> None:
        await _run_before("slash", *"ferran", "enter")(pilot)
        from datetime import date

        from db.engagement import initiatives_of
        from tui.screens.log_interaction import LogInteraction

        person = pilot.app.db.execute("SELECT id FROM people WHERE name = 'Lucía Ferrán Ortega'").fetchone()[0]
        about = initiatives_of(pilot.app.db, [person])  # as `l` offers them: her initiatives
        pilot.app.push_screen(LogInteraction("Lucía Ferrán Ortega", today=date(2026, 1, 15), initiatives=about))
        await _settle(pilot)
        for key in ("tab", "tab", *"+7d", "tab", *"Call"):
            await pilot.press(key)
        await _settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run)
