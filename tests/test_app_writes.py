"""The app's writes: only what the user changed, in a worker, never losing what was typed."""

from __future__ import annotations

import sqlite3
import threading
import time

import pytest
from app_helpers import rows, open_person, screen_text, settle
from test_app_data import build_fixture_db
from textual.widgets import Input, TextArea

from db import open_db
from db.merge import merge_entities
from tui.app import StakeholdersApp
from tui.screens.edit_form import ConflictChoice, EditForm
from tui.screens.note_editor import NoteEditor

SIZE = (120, 40)


@pytest.fixture
def db_path(tmp_path):
    return build_fixture_db(tmp_path / "app.db")


def other_process_writes(db_path, sql: str, params=()) -> None:
    conn = sqlite3.connect(str(db_path), timeout=5)
    with conn:
        conn.execute(sql, list(params))
    conn.close()


async def wait_until(pilot, predicate, seconds: float = 20.0) -> None:
    deadline = time.monotonic() + seconds
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        await pilot.pause(0.05)


async def test_edit_writes_only_the_changed_field_and_keeps_an_email_filled_meanwhile(db_path):
    before = rows(db_path, "SELECT email, user_edited FROM people WHERE id = 3")[0]
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_person(pilot, "oyelaran")
        await pilot.press("e")
        assert isinstance(app.screen, EditForm)
        other_process_writes(db_path, "UPDATE people SET email = 'filled@import.example' WHERE id = 3")
        app.screen.query_one("#field-title", Input).value = "Chief Ñandú Officer"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, EditForm)
    assert before[0] != "filled@import.example"
    assert rows(db_path, "SELECT email, title, user_edited FROM people WHERE id = 3") == [
        ("filled@import.example", "Chief Ñandú Officer", "title")
    ]


@pytest.mark.parametrize("key, expected", [("t", "Theirs [b]Title[/b]"), ("k", "Mine")])
async def test_edit_of_a_field_changed_underneath_asks_keep_mine_or_take_theirs(db_path, key, expected):
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_person(pilot, "oyelaran")
        await pilot.press("e")
        other_process_writes(db_path, "UPDATE people SET title = 'Theirs [b]Title[/b]' WHERE id = 3")
        app.screen.query_one("#field-title", Input).value = "Mine"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConflictChoice)
        text = screen_text(app)
        assert "mine:   Mine" in text and "theirs: Theirs [b]Title[/b]" in text
        assert rows(db_path, "SELECT title FROM people WHERE id = 3") == [("Theirs [b]Title[/b]",)]  # nothing yet
        await pilot.press(key)
        await settle(pilot)
        assert not isinstance(app.screen, (EditForm, ConflictChoice))
    assert rows(db_path, "SELECT title FROM people WHERE id = 3") == [(expected,)]


async def test_a_note_saved_while_the_database_is_locked_keeps_the_ui_responsive_and_lands_after(db_path):
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_person(pilot, "oyelaran")
        await pilot.press("n")
        assert isinstance(app.screen, NoteEditor)
        app.screen.query_one(TextArea).insert("Called about the ‘plant’ visit")
        locker = sqlite3.connect(str(db_path), timeout=1, isolation_level=None)
        locker.execute("BEGIN IMMEDIATE")
        try:
            await pilot.press("ctrl+s")
            started = time.monotonic()
            await pilot.pause(0.3)
            await pilot.press("end", "exclamation_mark")  # the screen still takes keys
            await pilot.pause()
            assert time.monotonic() - started < 3
            assert isinstance(app.screen, NoteEditor)
            assert app.screen.query_one(TextArea).text.startswith("Called about the ‘plant’ visit")
            assert "Saving" in screen_text(app)
        finally:
            locker.execute("ROLLBACK")
            locker.close()
        await wait_until(pilot, lambda: not isinstance(app.screen, NoteEditor))
        await settle(pilot)
    assert rows(db_path, "SELECT body FROM notes WHERE entity_type = 'person' AND entity_id = 3") == [
        ("Called about the ‘plant’ visit",)
    ]


async def test_a_note_on_a_record_merged_away_meanwhile_stays_in_the_editor_with_a_retry(db_path):
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_person(pilot, "wierzbicky")
        assert app.card_ref == ("person", 6)
        await pilot.press("n")
        app.screen.query_one(TextArea).insert("Long text typed with care")
        other = open_db(db_path)
        merge_entities(other, "person", 6, 2)
        other.close()
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, NoteEditor)
        assert app.screen.query_one(TextArea).text == "Long text typed with care"
        text = screen_text(app)
        assert "Not saved" in text and "retry" in text
        await pilot.press("escape")  # closing keeps the text as a draft
        await settle(pilot)
        assert not isinstance(app.screen, NoteEditor)
        assert app._drafts[("person", 6)] == "Long text typed with care"


async def test_escape_in_the_note_editor_keeps_a_draft_that_comes_back(db_path):
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_person(pilot, "oyelaran")
        await pilot.press("n")
        await pilot.press(*"draft")
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, NoteEditor)
        await pilot.press("n")
        await pilot.pause()
        assert app.screen.query_one(TextArea).text == "draft"
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("n")
        await pilot.pause()
        assert app.screen.query_one(TextArea).text == ""  # saved: the draft is gone
    assert ("draft",) in rows(db_path, "SELECT body FROM notes WHERE entity_id = 3")


async def _save_while_locked_and_type(pilot, app, db_path, keys, shown) -> str:
    """ctrl+s with the database locked, type `keys` while "Saving…", then let the write land;
    return what the dialog showed (`shown()`) while saving."""
    locker = sqlite3.connect(str(db_path), timeout=1, isolation_level=None)
    locker.execute("BEGIN IMMEDIATE")
    try:
        await pilot.press("ctrl+s")
        await pilot.pause(0.2)
        assert "Saving" in screen_text(app)
        await pilot.press(*keys)
        await pilot.pause(0.2)
        during = shown()
        assert not isinstance(app.screen, type(None)) and app.is_running  # typing quit nothing
    finally:
        locker.execute("ROLLBACK")
        locker.close()
    return during


async def test_keys_typed_while_a_note_is_saving_are_not_lost(db_path):
    """What the editor shows when the write lands is what is stored: text typed during
    "Saving…" is either refused or saved, never shown and then dropped."""
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_person(pilot, "oyelaran")
        await pilot.press("n")
        app.screen.query_one(TextArea).insert("First part")
        editor = app.screen
        during = await _save_while_locked_and_type(
            pilot, app, db_path, ["end", *" and more q"], lambda: editor.query_one(TextArea).text)
        await wait_until(pilot, lambda: not isinstance(app.screen, NoteEditor))
        await settle(pilot)
        assert app.is_running
    assert rows(db_path, "SELECT body FROM notes WHERE entity_type = 'person' AND entity_id = 3") == [(during.strip(),)]


async def test_keys_typed_while_an_edit_is_saving_are_not_lost(db_path):
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_person(pilot, "oyelaran")
        await pilot.press("e")
        form = app.screen
        form.query_one("#field-title", Input).value = "Chief"
        form.query_one("#field-title", Input).focus()
        await pilot.pause()
        during = await _save_while_locked_and_type(
            pilot, app, db_path, ["end", *" Officer q"], lambda: form.query_one("#field-title", Input).value)
        await wait_until(pilot, lambda: not isinstance(app.screen, EditForm))
        await settle(pilot)
        assert app.is_running
    assert rows(db_path, "SELECT title FROM people WHERE id = 3") == [(during.strip(),)]


async def test_a_note_closed_while_saving_and_then_saved_leaves_no_draft(db_path):
    """escape during "Saving…" keeps the text as a draft in case the write fails; once it lands
    the draft is dropped (else the next `n` offers a note already saved, to be saved twice)."""
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_person(pilot, "oyelaran")
        await pilot.press("n")
        app.screen.query_one(TextArea).insert("Saved once")
        locker = sqlite3.connect(str(db_path), timeout=1, isolation_level=None)
        locker.execute("BEGIN IMMEDIATE")
        try:
            await pilot.press("ctrl+s")
            await pilot.pause(0.2)
            await pilot.press("escape")
            await pilot.pause()
            assert not isinstance(app.screen, NoteEditor)
        finally:
            locker.execute("ROLLBACK")
            locker.close()
        await wait_until(pilot, lambda: rows(db_path, "SELECT COUNT(*) FROM notes WHERE entity_id = 3")[0][0] == 1)
        await settle(pilot)
        await pilot.press("n")
        await pilot.pause()
        assert app.screen.query_one(TextArea).text == ""


def test_closing_the_pool_never_closes_a_connection_a_worker_is_using(db_path):
    """The app closes its pool on exit while a worker thread may still be reading (the counts,
    a list): closing that connection under it crashed the process (a segmentation fault in
    SQLite). A leased connection is closed when it is given back; no lease after closing."""
    from tui.pool import ConnectionPool

    pool = ConnectionPool(db_path)
    with pool.lease():
        pass  # one free connection, closed at once below
    with pool.lease() as lease:
        other = threading.Thread(target=pool.close)
        other.start()
        other.join(5)
        assert lease.db.execute("SELECT COUNT(*) FROM people").fetchone()[0] > 0  # still open
    with pytest.raises(sqlite3.ProgrammingError):
        lease.db.execute("SELECT 1")  # closed when given back
    with pytest.raises(sqlite3.Error):
        with pool.lease():
            pass


async def test_a_change_noticed_while_the_app_closes_is_dropped(db_path):
    """The 2-second poll can fire while the app shuts down, its panes already gone."""
    from tui.components.result_list import ResultList

    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await app.main_screen.query_one(ResultList).remove()
        other_process_writes(db_path, "UPDATE people SET title = 'Changed' WHERE id = 3")
        app.poll_changes()  # raised NoMatches, which ended the test run with an error


async def test_an_assessment_saved_while_the_database_is_locked_keeps_the_ui_responsive_and_lands_after(db_path):
    """`i` wrote on the interface thread after the dialog closed: a busy database froze the app
    for the busy timeout and a failure lost the note typed. Now: Saving… in the open dialog."""
    from tui.screens.assess import AssessScreen

    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_person(pilot, "oyelaran")
        await pilot.press("i")
        await settle(pilot)
        assert isinstance(app.screen, AssessScreen)
        app.screen.query_one("#assess-influence", Input).value = "4"
        app.screen.query_one("#assess-interest", Input).value = "5"
        app.screen.query_one("#assess-note", Input).value = "Met at the ‘port’ forum"
        locker = sqlite3.connect(str(db_path), timeout=1, isolation_level=None)
        locker.execute("BEGIN IMMEDIATE")
        try:
            started = time.monotonic()
            await pilot.press("ctrl+s")
            await pilot.pause(0.3)
            assert time.monotonic() - started < 3
            assert isinstance(app.screen, AssessScreen) and "Saving" in screen_text(app)
        finally:
            locker.execute("ROLLBACK")
            locker.close()
        await wait_until(pilot, lambda: not isinstance(app.screen, AssessScreen))
        await settle(pilot)
    assert rows(db_path, "SELECT influence, interest, note FROM assessments WHERE entity_id = 3") == [
        (4, 5, "Met at the ‘port’ forum")
    ]


async def test_an_assessment_of_a_record_merged_away_meanwhile_stays_in_the_dialog_with_a_retry(db_path):
    from tui.screens.assess import AssessScreen

    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_person(pilot, "wierzbicky")
        await pilot.press("i")
        await settle(pilot)
        app.screen.query_one("#assess-influence", Input).value = "2"
        app.screen.query_one("#assess-interest", Input).value = "3"
        app.screen.query_one("#assess-note", Input).value = "Long reasoning typed with care"
        other = open_db(db_path)
        merge_entities(other, "person", 6, 2)
        other.close()
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, AssessScreen)
        assert app.screen.query_one("#assess-note", Input).value == "Long reasoning typed with care"
        assert "Not saved" in screen_text(app) and "retry" in screen_text(app)


async def test_escape_closes_the_assessment_dialog_while_it_saves(db_path):
    """Its escape is not a priority binding (it first closes an open Select): the guard that
    holds the focus while saving lets escape through."""
    from tui.screens.assess import AssessScreen

    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_person(pilot, "oyelaran")
        await pilot.press("i")
        await settle(pilot)
        app.screen.query_one("#assess-influence", Input).value = "1"
        app.screen.query_one("#assess-interest", Input).value = "2"
        locker = sqlite3.connect(str(db_path), timeout=1, isolation_level=None)
        locker.execute("BEGIN IMMEDIATE")
        try:
            await pilot.press("ctrl+s")
            await pilot.pause(0.2)
            await pilot.press("escape")
            await pilot.pause(0.2)
            assert not isinstance(app.screen, AssessScreen)
        finally:
            locker.execute("ROLLBACK")
            locker.close()
        await wait_until(pilot, lambda: rows(db_path, "SELECT COUNT(*) FROM assessments WHERE entity_id = 3")[0][0] == 1)
