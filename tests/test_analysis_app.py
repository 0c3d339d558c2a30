"""Pilot tests of the analysis features inside the real app: card sections and the p, i, l, g
and f keys."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Input, OptionList, Static

from analysis_fixtures import build_directory
from app_helpers import card_name, card_text, open_person, settle
from db import open_db
from db.assessments import assess
from db.engagement import log_interaction
from tui.app import StakeholdersApp
from tui.components.connections import GroupedLinks
from tui.components.entity_card import EntityCard
from tui.screens.assess import AssessScreen
from tui.screens.followups import FollowupsScreen
from tui.screens.grid import GridScreen
from tui.screens.log_interaction import LogInteraction
from tui.screens.path import PathScreen

SIZE = (120, 40)


@pytest.fixture
def db_path(tmp_path):
    path = tmp_path / "analysis-app.db"
    db = open_db(path)
    build_directory(db)
    assess(db, "person", 3, influence=5, interest=4, stance="opposed", assessed_at="2026-01-01T00:00:00+00:00")
    log_interaction(db, 3, kind="call", date="2026-01-02", summary="intro call", follow_up_date="2026-01-09")
    db.close()
    return path


def _rows(path, sql):
    db = open_db(path)
    try:
        return db.execute(sql).fetchall()
    finally:
        db.close()


async def test_person_card_shows_connections_assessment_and_interactions(db_path):
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_person(pilot, "megan bridges", type_it=True)
        text = card_text(app)
        assert "Connections (3 people" in text
        assert "High Level Economic Dialogue  initiative · 2" in text and "  Marcelo Ebrard" in text
        assert "U.S. Chamber of Commerce  organization · 0" not in text  # nobody else there
        assert "influence 5 · interest 4 · opposed  → manage closely" in text
        assert "2026-01-02  call  intro call  follow up 2026-01-09" in text
        links = app.query_one(EntityCard).query_one(GroupedLinks)
        index = next(i for i in range(links.option_count) if links.get_option_at_index(i).prompt.plain.startswith("  Jason Marczak"))
        links.focus()
        links.highlighted = index
        await pilot.press("enter")
        await settle(pilot)
        assert card_name(app) == "Jason Marczak"


async def test_organization_and_initiative_cards_show_overlap(db_path):
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_person(pilot, "adrienne arsht", type_it=True)
        text = card_text(app)
        assert "Overlap: organizations on the same initiatives (2)" in text
        assert "U.S. Chamber of Commerce  1 shared" in text and "  USMXECO Delegation" in text
        await open_person(pilot, "usmxeco delegation", type_it=True)
        text = card_text(app)
        assert "Overlap: initiatives sharing members (1)" in text and "  Megan Bridges" in text
        assert "Overlap: initiatives sharing organizations (2)" in text


async def test_p_shows_the_path_and_opens_a_step(db_path):
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_person(pilot, "luz maria", type_it=True)
        await pilot.press("p")
        await settle(pilot)
        assert isinstance(app.screen, PathScreen)
        await pilot.press(*"marczak", "enter")
        await settle(pilot)
        assert "Luz María de la Mora → Adrienne Arsht Latin America Center → Jason Marczak" in (
            app.screen.query_one("#path-result", Static).visual.plain
        )
        await pilot.press("down", "enter")  # the shared organization
        await settle(pilot)
        assert not isinstance(app.screen, PathScreen)
        assert card_name(app) == "Adrienne Arsht Latin America Center"


async def test_p_on_an_organization_is_refused_with_a_message(db_path):
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_person(pilot, "us-mexico foundation", type_it=True)
        await pilot.press("p")
        await settle(pilot)
        assert not isinstance(app.screen, PathScreen)


async def test_i_assesses_the_selected_person_and_the_card_shows_it(db_path):
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_person(pilot, "jason marczak", type_it=True)
        await pilot.press("i")
        await settle(pilot)
        assert isinstance(app.screen, AssessScreen)
        await pilot.press("4", "tab", "5", "ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, AssessScreen)
        assert _rows(db_path, "SELECT influence, interest, stance FROM assessments WHERE entity_id = 2") == [
            (4, 5, "unknown")
        ]
        assert "influence 4 · interest 5 · unknown  → manage closely" in card_text(app)
        await pilot.press("i")
        await settle(pilot)
        assert app.screen.query_one("#assess-influence", Input).value == "4"  # starts from the current one
        await pilot.press("escape")
        await settle(pilot)
        assert len(_rows(db_path, "SELECT * FROM assessments WHERE entity_id = 2")) == 1


async def test_l_logs_an_interaction(db_path):
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_person(pilot, "jason marczak", type_it=True)
        await pilot.press("l")
        await settle(pilot)
        assert isinstance(app.screen, LogInteraction)
        app.screen.query_one("#log-date", Input).value = "2026-11-20"
        app.screen.query_one("#log-follow-up", Input).value = "2026-12-01"
        await pilot.press("tab", "tab", "tab", *"Asked about the [b]forum[/b] agenda", "enter")  # Kind first
        await settle(pilot)
        assert not isinstance(app.screen, LogInteraction)
        assert _rows(db_path, "SELECT person_id, kind, date, summary, follow_up_date FROM interactions WHERE person_id = 2") == [
            (2, "meeting", "2026-11-20", "Asked about the [b]forum[/b] agenda", "2026-12-01")
        ]
        assert "meeting  Asked about the [b]forum[/b] agenda  follow up 2026-12-01" in card_text(app)


async def test_g_grid_places_assessed_people_and_opens_a_card(db_path):
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("g")
        await settle(pilot)
        assert isinstance(app.screen, GridScreen)
        quadrant = app.screen.query_one("#grid-manage-closely", OptionList)
        assert quadrant.has_focus and quadrant.get_option_at_index(0).prompt.plain == "- Megan Bridges  5/4"
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, GridScreen)
        assert card_name(app) == "Megan Bridges"


async def test_f_lists_due_followups_marks_one_done_and_opens_the_person(db_path):
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        assert isinstance(app.screen, FollowupsScreen)
        table = app.screen.query_one(DataTable)
        assert table.row_count == 1 and str(table.get_row_at(0)[2]) == "Megan Bridges"
        await pilot.press("enter")
        await settle(pilot)
        assert card_name(app) == "Megan Bridges"
        await pilot.press("f")
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        table = app.screen.query_one(DataTable)  # done, still listed (ticked) so it can be undone
        assert table.row_count == 1 and str(table.get_row_at(0)[1]) == "✓ done"
        assert _rows(db_path, "SELECT done FROM interactions") == [(1,)]
        await pilot.press("d")  # undo
        await settle(pilot)
        assert _rows(db_path, "SELECT done FROM interactions") == [(0,)]
        assert "overdue" in str(app.screen.query_one(DataTable).get_row_at(0)[1])
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("q")  # q closes it too
        await settle(pilot)
        assert not isinstance(app.screen, FollowupsScreen)
    assert _rows(db_path, "SELECT done FROM interactions") == [(1,)]


async def test_a_follow_up_marked_done_while_the_database_is_locked_never_freezes_the_app(db_path):
    """`d` in the follow-ups wrote on the interface thread: a busy database froze the app for the
    busy timeout (then the error ended it). The write runs in a worker and lands after."""
    import sqlite3
    import time

    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        locker = sqlite3.connect(str(db_path), timeout=1, isolation_level=None)
        locker.execute("BEGIN IMMEDIATE")
        try:
            started = time.monotonic()
            await pilot.press("d")
            await pilot.pause(0.3)
            assert time.monotonic() - started < 3
            assert isinstance(app.screen, FollowupsScreen)
        finally:
            locker.execute("ROLLBACK")
            locker.close()
        deadline = time.monotonic() + 20
        while _rows(db_path, "SELECT done FROM interactions") != [(1,)]:
            assert time.monotonic() < deadline, "the follow-up was never marked done"
            await pilot.pause(0.1)
        await settle(pilot)
        assert str(app.screen.query_one(DataTable).get_row_at(0)[1]) == "✓ done"


async def test_analysis_keys_are_in_help_and_off_inside_dialogs(db_path):
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_person(pilot, "jason marczak", type_it=True)
        await pilot.press("n")  # the note editor is open: g must type, not open the grid
        await settle(pilot)
        await pilot.press("g")
        await settle(pilot)
        assert not isinstance(app.screen, GridScreen)
        await pilot.press("escape")
        await settle(pilot)
        keys = {b.key for b in app.BINDINGS if hasattr(b, "key")}
        assert {"p", "i", "l", "g", "f"} <= keys


async def test_j_walks_from_the_cards_lists_into_connections_and_enter_opens(db_path):
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_person(pilot, "luz maria", type_it=True)
        app.query_one(EntityCard).focus_first()
        await pilot.pause()
        for _ in range(8):
            if isinstance(app.focused, GroupedLinks):
                break
            await pilot.press("j")
        assert isinstance(app.focused, GroupedLinks)
        assert app.focused.highlighted_option.prompt.plain.startswith("Nearshoring Working Group")
        await pilot.press("j", "enter")  # the first person under the group heading
        await settle(pilot)
        assert card_name(app) == "José Luis Gil"


async def test_assessing_a_card_opened_from_the_grid_keeps_that_card(db_path):
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("g")
        await settle(pilot)
        await pilot.press("enter")  # Megan Bridges, while the list shows everyone
        await settle(pilot)
        assert card_name(app) == "Megan Bridges"
        await pilot.press("i", "backspace", "2", "ctrl+s")
        await settle(pilot)
        assert card_name(app) == "Megan Bridges"
        assert "influence 2 · interest 4 · opposed  → keep informed" in card_text(app)
        await pilot.press("l", "tab", "tab", "tab", *"lunch", "ctrl+s")
        await settle(pilot)
        assert card_name(app) == "Megan Bridges" and "lunch" in card_text(app)


async def test_untrusted_names_in_connections_show_literally(db_path):
    from db.connection import write_transaction

    db = open_db(db_path)
    with write_transaction(db):
        db.execute("INSERT INTO memberships (person_id, initiative_id, role) VALUES (6, 2, '[link=x]role[/link]')")
    db.close()
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_person(pilot, "marcelo ebrard", type_it=True)
        assert "  [bold]Hostile[/bold] Name  [link=x]role[/link]" in card_text(app)


async def test_a_note_on_a_card_opened_from_the_grid_keeps_that_card(db_path):
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("g")
        await settle(pilot)
        await pilot.press("enter")  # Megan Bridges, while the list shows everyone
        await settle(pilot)
        assert card_name(app) == "Megan Bridges"
        await pilot.press("n", *"grid note", "ctrl+s")
        await settle(pilot)
        assert card_name(app) == "Megan Bridges" and "grid note" in card_text(app)


async def test_ctrl_s_right_after_fast_typing_logs_the_whole_summary(db_path):
    from textual import events

    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_person(pilot, "megan bridges", type_it=True)
        await pilot.press("l")
        await settle(pilot)
        for ch in ("tab", "tab", "tab", *"dinner"):  # queued at once, as a paste or a fast typist sends them
            app.post_message(events.Key(ch, "\t" if ch == "tab" else ch))
        app.post_message(events.Key("ctrl+s", None))
        await settle(pilot)
        assert not isinstance(app.screen, LogInteraction)
    assert ("dinner",) in _rows(db_path, "SELECT summary FROM interactions")


async def test_escape_in_an_open_kind_menu_closes_the_menu_not_the_dialog(db_path):
    from textual.widgets import Select

    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_person(pilot, "megan bridges", type_it=True)
        await pilot.press("l", "tab", "tab", "tab", *"draft")
        app.screen.query_one("#log-kind", Select).focus()
        await pilot.press("enter")  # open the menu
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, LogInteraction)
        assert app.screen.query_one("#log-summary", Input).value == "draft"
        await pilot.press("escape")  # now it cancels the dialog
        await settle(pilot)
        assert not isinstance(app.screen, LogInteraction)
