"""The correction keys in the app (Pilot): r rename, T retype, S split, delete, a add, A attach,
u undo (only what was done since the app opened)."""

from __future__ import annotations

import sqlite3
import time

import pytest
from app_helpers import card_name, open_person, rows, screen_text, settle
from correction_fixtures import OTHER, TEXT
from textual.widgets import Input, SelectionList

from db import open_db
from db.corrections import reject_entity
from db.importer import import_text
from tui.app import StakeholdersApp
from tui.screens.confirm import Confirm
from tui.screens.corrections import AddDialog, EntityPicker, NameDialog, SplitDialog, TypeChoice
from tui.screens.help import HelpScreen

SIZE = (120, 40)


@pytest.fixture
def db_path(tmp_path):
    path = tmp_path / "app.db"
    db = open_db(path)
    import_text(db, TEXT, name="release.txt")
    import_text(db, OTHER, name="other.txt")
    db.close()
    return path


async def wait_until(pilot, predicate, seconds: float = 15.0) -> None:
    deadline = time.monotonic() + seconds
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        await pilot.pause(0.05)
    await settle(pilot)


def notices(app) -> str:
    return "\n".join(n.message for n in app._notifications)


def count(db_path, sql, params=()) -> int:
    conn = sqlite3.connect(db_path)  # plain: polled many times
    try:
        return conn.execute(sql, list(params)).fetchone()[0]
    finally:
        conn.close()


async def test_rename_and_retype_then_undo_both(db_path):
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_person(pilot, "dario feld")
        await pilot.press("r")
        assert isinstance(app.screen, NameDialog)
        app.screen.query_one(Input).value = "Darío Feld-Ortiz"
        await pilot.press("enter")
        await wait_until(pilot, lambda: card_name(app) == "Darío Feld-Ortiz")
        await pilot.press("u")
        await wait_until(pilot, lambda: card_name(app) == "Dario Feld")
        assert "Undone: Renamed person Dario Feld" in notices(app)
        await open_person(pilot, "harbor logistics council")
        assert card_name(app) == "Harbor Logistics Council"
        await pilot.press("T")
        assert isinstance(app.screen, TypeChoice)
        await pilot.press("down", "enter")  # organization -> (person, initiative): initiative
        await wait_until(pilot, lambda: app.card_ref and app.card_ref[0] == "initiative")
        assert count(db_path, "SELECT COUNT(*) FROM initiatives WHERE name = 'Harbor Logistics Council'") == 1
        await pilot.press("u")
        await wait_until(pilot, lambda: count(db_path, "SELECT COUNT(*) FROM organizations WHERE name = 'Harbor Logistics Council'") == 1)


async def test_split_ticks_a_mention_and_a_relation(db_path):
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_person(pilot, "ilse brandauer")
        await pilot.press("S")
        assert isinstance(app.screen, SplitDialog)
        parts = app.screen.query_one(SelectionList)
        values = [parts.get_option_at_index(i).value for i in range(parts.option_count)]
        parts.select(values[-1])  # the last mention: the second document's
        app.screen.query_one(Input).value = "Ilse Brandauer (Lumen)"
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: card_name(app) == "Ilse Brandauer (Lumen)")
        assert count(db_path, "SELECT COUNT(*) FROM people WHERE name = 'Ilse Brandauer (Lumen)'") == 1
        await pilot.press("u")
        await wait_until(pilot, lambda: count(db_path, "SELECT COUNT(*) FROM people WHERE name = 'Ilse Brandauer (Lumen)'") == 0)


async def test_delete_asks_then_undo_brings_it_back(db_path):
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_person(pilot, "tomas reyna")
        await pilot.press("delete")
        assert isinstance(app.screen, Confirm)
        assert "Delete Tomas Reyna" in screen_text(app)
        await pilot.press("n")
        assert count(db_path, "SELECT COUNT(*) FROM people WHERE name = 'Tomas Reyna'") == 1
        await pilot.press("delete")
        await pilot.press("y")
        await wait_until(pilot, lambda: count(db_path, "SELECT COUNT(*) FROM people WHERE name = 'Tomas Reyna'") == 0)
        await pilot.press("u")
        await wait_until(pilot, lambda: count(db_path, "SELECT COUNT(*) FROM people WHERE name = 'Tomas Reyna'") == 1)


async def test_add_from_the_main_screen_then_attach_with_a_title(db_path):
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        assert isinstance(app.screen, AddDialog)
        app.screen.query_one(Input).value = "Nadia Sorel"
        await pilot.press("enter")
        await wait_until(pilot, lambda: card_name(app) == "Nadia Sorel")
        await pilot.press("A")
        assert isinstance(app.screen, EntityPicker)
        app.screen.query_one(Input).value = "cobalt terminal"
        await settle(pilot)
        await pilot.press("enter")
        assert isinstance(app.screen, NameDialog)
        app.screen.query_one(Input).value = "harbor pilot"
        await pilot.press("enter")
        await wait_until(pilot, lambda: count(db_path, "SELECT COUNT(*) FROM affiliations a JOIN people p ON p.id = a.person_id"
                                                       " WHERE p.name = 'Nadia Sorel' AND a.title = 'harbor pilot'") == 1)
        await pilot.press("u")
        await wait_until(pilot, lambda: count(db_path, "SELECT COUNT(*) FROM affiliations a JOIN people p ON p.id = a.person_id"
                                                       " WHERE p.name = 'Nadia Sorel'") == 0)
        await pilot.press("u")
        await wait_until(pilot, lambda: count(db_path, "SELECT COUNT(*) FROM people WHERE name = 'Nadia Sorel'") == 0)


async def test_keys_are_in_help_and_the_palette_and_undo_stops_at_the_opening(db_path):
    db = open_db(db_path)
    reject_entity(db, "person", rows(db_path, "SELECT id FROM people WHERE name = 'Tomas Reyna'")[0][0])
    db.close()
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        assert "Nothing to undo since the app opened" in notices(app)
        ids = {b.id for b in app.BINDINGS}
        assert {"undo", "rename", "retype", "split", "delete", "add", "attach"} <= ids
        names = {c.title for c in app.get_system_commands(app.screen)}
        assert {"Undo", "Rename", "Retype", "Split", "Delete", "Add by hand", "Attach"} <= names
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        assert "Retype" in text and "Attach" in text
    assert count(db_path, "SELECT COUNT(*) FROM people WHERE name = 'Tomas Reyna'") == 0
