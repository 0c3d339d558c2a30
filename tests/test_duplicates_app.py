"""Pilot tests of the Possible duplicates screen (`d`): pairs with evidence, `m` merge after a
confirmation, `n` not the same, `t` organizations, `enter` opens, keys in help and palette."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Static

from app_helpers import card_name, list_names, rows, screen_text, settle
from duplicates_fixtures import build_pairs_db
from tui.app import StakeholdersApp
from tui.screens.confirm import Confirm
from tui.screens.duplicates import DuplicatesScreen
from tui.screens.help import HelpScreen
from tui.screens.note_editor import NoteEditor

SIZE = (120, 40)


@pytest.fixture
def db_path(tmp_path):
    return build_pairs_db(tmp_path / "pairs-app.db")


def _pairs(app) -> list[tuple[str, str]]:
    table = app.screen.query_one(DataTable)
    return [(str(table.get_row_at(i)[1]), str(table.get_row_at(i)[2])) for i in range(table.row_count)]


async def _open(pilot, *keys: str) -> None:
    """Open the screen with `d`, then press `keys`."""
    await settle(pilot)
    await pilot.press("d")
    await settle(pilot)
    assert isinstance(pilot.app.screen, DuplicatesScreen)
    if keys:
        await pilot.press(*keys)
        await settle(pilot)


async def test_d_lists_pairs_best_first_with_their_evidence(db_path):
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot)
        assert _pairs(app) == [("Ovidio [Talamantes]", "Ovidio Talamantes"),  # brackets shown as typed
                               ("Anabel Trujeque Sosa", "Anabel Trujeque"),
                               ("Corwin J. Haverford", "Corwin Haverford")]
        await pilot.press("j")
        await settle(pilot)
        detail = app.screen.query_one("#dupes-detail", Static).visual.plain
        assert "Shared organizations: Consorcio Ferroviario del Golfo" in detail
        assert "Shared initiatives: Rail Corridor Working Group" in detail
        assert "m keeps Anabel Trujeque Sosa" in detail
        assert "1 organization, 1 initiative" in screen_text(app)


async def test_n_marks_not_the_same_and_the_pair_is_never_suggested_again(db_path):
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot)
        await pilot.press("j", "j", "n")
        await settle(pilot)
        assert ("Corwin J. Haverford", "Corwin Haverford") not in _pairs(app)
        assert len(_pairs(app)) == 2
        await pilot.press("escape")
        await _open(pilot)
        assert ("Corwin J. Haverford", "Corwin Haverford") not in _pairs(app)
    assert sorted(rows(db_path, "SELECT entity_id, other_id FROM not_same")) == [(3, 4), (4, 3)]


async def test_m_merges_after_confirming_and_the_lists_refresh(db_path):
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot)
        await pilot.press("j", "m")
        await settle(pilot)
        assert isinstance(app.screen, Confirm)
        await pilot.press("n")  # no: nothing happens
        await settle(pilot)
        assert isinstance(app.screen, DuplicatesScreen) and len(_pairs(app)) == 3
        await pilot.press("m")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, DuplicatesScreen)
        assert ("Anabel Trujeque Sosa", "Anabel Trujeque") not in _pairs(app) and len(_pairs(app)) == 2
        await pilot.press("escape")
        await settle(pilot)
        assert "Anabel Trujeque" not in list_names(app) and "Anabel Trujeque Sosa" in list_names(app)
    assert rows(db_path, "SELECT id FROM people WHERE name LIKE 'Anabel Trujeque%'") == [(1,)]
    assert rows(db_path, "SELECT alias FROM aliases WHERE entity_id = 1 AND alias = 'Anabel Trujeque'")


async def test_u_undoes_a_merge_made_here_and_the_pair_comes_back(db_path):
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot)
        await pilot.press("j", "m")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert len(_pairs(app)) == 2
        await pilot.press("u")
        await settle(pilot)
        assert isinstance(app.screen, DuplicatesScreen) and len(_pairs(app)) == 3
        assert ("Anabel Trujeque Sosa", "Anabel Trujeque") in _pairs(app)
        await pilot.press("u")  # nothing older than the app's opening is undone
        await settle(pilot)
        assert any("Nothing to undo" in n.message for n in app._notifications)
    assert len(rows(db_path, "SELECT id FROM people WHERE name LIKE 'Anabel Trujeque%'")) == 2


async def test_shift_m_merges_the_other_way(db_path):
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot, "j")
        assert "M keeps Anabel Trujeque." in app.screen.query_one("#dupes-detail", Static).visual.plain
        await pilot.press("M")
        await settle(pilot)
        assert "Merge Anabel Trujeque Sosa into Anabel Trujeque?" in screen_text(app)
        await pilot.press("y")
        await settle(pilot)
    assert rows(db_path, "SELECT id FROM people WHERE name LIKE 'Anabel Trujeque%'") == [(2,)]


async def test_a_failed_merge_is_one_line_and_the_pair_stays(db_path):
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot, "j")
        from db import open_db

        other = open_db(db_path)  # another process deletes the record meanwhile
        other.execute("DELETE FROM people WHERE id = 2")
        other.conn.commit()
        other.close()
        await pilot.press("m", "y")
        await settle(pilot)
        assert isinstance(app.screen, DuplicatesScreen)
        messages = [n.message for n in app._notifications]
        assert any(m.startswith("Not saved: no person with id 2") for m in messages), messages


async def test_t_switches_to_organizations_and_enter_opens_the_record(db_path):
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot)
        await pilot.press("t")
        await settle(pilot)
        assert _pairs(app) == [("Consorcio Ferroviario del Golfo", "Consorcio Ferroviario del Golfo (CFG)")]
        assert "organizations that may be one" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, DuplicatesScreen)
        assert card_name(app) == "Consorcio Ferroviario del Golfo"


async def test_duplicates_key_in_help_and_palette_and_off_inside_dialogs(db_path):
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert any(b.id == "duplicates" and b.key == "d" for b in app.BINDINGS)
        assert "Possible duplicates" in {c.title for c in app.get_system_commands(app.screen)}
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen) and "Duplicates" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("n")  # the note editor: d is typed there
        await settle(pilot)
        assert isinstance(app.screen, NoteEditor)
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, NoteEditor)


async def test_at_80_columns_the_pairs_and_evidence_fit(db_path):
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open(pilot, "j")
        text = screen_text(app)
        assert "Anabel Trujeque Sosa" in text and "Shared" in text
        assert "m/M merge · n not the same · u undo · t people/orgs · enter open · esc close" in text
