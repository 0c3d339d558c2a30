"""Issue 12 item 14: nothing the app shows from the database reaches the terminal with an
escape sequence, a control character, a bidi override or a zero-width character."""

from __future__ import annotations

import pytest
from app_helpers import card_text, open_person, screen_text, search_for, settle

from db import open_db
from db.importer import import_document
from db.textnorm import fold
from tui.app import StakeholdersApp
from tui.safe_text import clean, scrub

SIZE = (120, 40)
EVIL = "\x1b]0;pwned title\x07\x1b[2J\u202e\u200b\x9b"
UNSAFE = ("\x1b", "\x07", "\u202e", "\u200b", "\x9b")
STAMP = "2024-05-01T00:00:00+00:00"


@pytest.fixture
def hostile_db(tmp_path):
    """A directory written as Datasette or the sqlite-utils CLI would: nothing filtered."""
    path = tmp_path / "hostile.db"
    db = open_db(path)
    with db.conn:
        name = f"Quentin{EVIL} Marlow"
        db.execute("INSERT INTO people (id, name, title, email, name_key, created_at) VALUES (1, ?, ?, ?, ?, ?)",
                   [name, f"Chief{EVIL}", "q@marlow.example", fold("Quentin Marlow"), STAMP])
        db.execute("INSERT INTO organizations (id, name, name_key, created_at) VALUES (1, ?, ?, ?)",
                   [f"Marlow{EVIL} Works", fold("Marlow Works"), STAMP])
        db.execute("INSERT INTO affiliations (person_id, organization_id, title) VALUES (1, 1, ?)", [f"Head{EVIL}"])
        db.execute("INSERT INTO notes (entity_type, entity_id, body, created_at, updated_at)"
                   " VALUES ('person', 1, ?, ?, ?)", [f"note{EVIL} body", STAMP, STAMP])
        db.execute("INSERT INTO tags (entity_type, entity_id, tag) VALUES ('person', 1, ?)", [f"tag{EVIL}"])
        doc = db.execute("INSERT INTO documents (name, sha256, text, imported_at) VALUES (?, 'h', 't', ?)",
                         [f"report{EVIL}.txt", STAMP]).lastrowid
        db.execute("INSERT INTO mentions (document_id, entity_type, entity_id, start, \"end\", text, sentence)"
                   " VALUES (?, 'person', 1, 0, 5, 'x', ?)", [doc, f"Said{EVIL} so."])
    db.close()
    return path


def assert_clean(text: str) -> None:
    for ch in UNSAFE:
        assert ch not in text, repr(ch)


async def test_a_hostile_person_card_and_list_show_no_escape(hostile_db):
    app = StakeholdersApp(db_path=hostile_db)
    async with app.run_test(size=SIZE) as pilot:
        await open_person(pilot, "Quentin Marlow")
        text = screen_text(app)
        assert "Quentin" in text and "Marlow" in text
        card = card_text(app)
        for word in ("Chief", "note", "body", "report", "Said", "tag", "Head"):
            assert word in card
        assert_clean(text)
        assert_clean(card)
        assert_clean(app.export_screenshot())
        await pilot.press("m")  # the merge picker lists search hits
        await settle(pilot)
        app.focused.insert_text_at_cursor("Marlow")
        await settle(pilot)
        assert_clean(screen_text(app))
        assert_clean(app.export_screenshot())


async def test_a_hostile_organization_list_and_notifications_show_no_escape(hostile_db):
    app = StakeholdersApp(db_path=hostile_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await search_for(pilot, "Marlow Works")
        assert_clean(screen_text(app))
        app.notify(f"Merged into {EVIL}")
        await pilot.pause()
        assert_clean(app.export_screenshot())
        assert all(not any(ch in n.message for ch in UNSAFE) for n in app._notifications)


def test_clean_and_scrub():
    assert clean(f"a{EVIL}b\r\nc\td") == "ab\nc\td"
    from db.browse import ListRow

    row = scrub(ListRow("person", 1, f"N{EVIL}", title=f"T{EVIL}"))
    assert (row.name, row.title, row.id) == ("N", "T", 1)
    assert scrub({"k": [f"x{EVIL}", (1, f"y{EVIL}")]}) == {"k": ["x", (1, "y")]}


def test_file_names_are_sanitised_when_stored(tmp_path, empty_db):
    path = tmp_path / f"memo{EVIL.replace(chr(7), '')}.txt"
    path.write_text("Ana Torres met the board.", encoding="utf-8")
    assert import_document(empty_db, path).status == "imported"
    name, stored_path = empty_db.execute("SELECT name, path FROM documents").fetchone()
    assert name.startswith("memo") and name.endswith(".txt")
    assert_clean(name)
    assert_clean(stored_path)


async def test_the_edit_form_shows_clean_text_and_keeps_the_stored_name_it_was_not_asked_to_change(hostile_db):
    from textual.widgets import Input

    from tui.screens.edit_form import EditForm

    app = StakeholdersApp(db_path=hostile_db)
    async with app.run_test(size=SIZE) as pilot:
        await open_person(pilot, "Quentin Marlow")
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, EditForm)
        assert_clean(screen_text(app))
        assert app.screen.query_one("#field-name", Input).value == "Quentin Marlow"
        app.screen.query_one("#field-email", Input).value = "new@marlow.example"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, EditForm)
    db = open_db(hostile_db)
    assert db.execute("SELECT name, email, user_edited FROM people WHERE id = 1").fetchone() == (
        f"Quentin{EVIL} Marlow", "new@marlow.example", "email")
