"""Pilot tests of the Documents (`D`) and Review screens: open, navigate, highlight, keys."""

from __future__ import annotations

import types

import pytest
from app_helpers import card_name, card_text, screen_text, settle
from textual.widgets import DataTable, Input, OptionList

from db import open_db
from db.importer import import_text
from tui.app import StakeholdersApp
from tui.components.document_view import TYPE_STYLES, DocumentView
from tui.screens import review as review_module
from tui.screens.confirm import Confirm
from tui.screens.documents import DocumentsScreen
from tui.screens.prompts import ChoicePrompt, TextPrompt
from tui.screens.review import ReviewScreen

SIZE = (120, 40)
RELEASE = (
    "Border Freight Council names new working group\n\n"
    "MONTERREY, N.L. – March 4, 2025 – The Border Freight Council announced today its Cold Chain Working Group.\n"
    "Members:\n\n• Odalys Quintanar - Vireo Freight Systems\n• Brannock Tellweather - Halden Port Authority\n"
)
OTHER = "Harbor notes [bold]not markup[/bold]\n\nNothing was drawn from this one.\n"


@pytest.fixture
def db_path(tmp_path):
    path = tmp_path / "docs.db"
    db = open_db(path)
    import_text(db, RELEASE, name="000_ab12.txt", path="/in/000_ab12.txt")
    import_text(db, OTHER, name="notes.txt")
    db.close()
    return path


async def open_review(pilot, row: int = 1) -> ReviewScreen:
    """D, move to `row` of the table (0: newest), enter; wait for the review to load."""
    await settle(pilot)
    await pilot.press("D")
    await settle(pilot)
    for _ in range(row):
        await pilot.press("down")
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(pilot.app.screen, ReviewScreen)
    return pilot.app.screen


def items_of(screen: ReviewScreen) -> list[str]:
    options = screen.query_one("#review-items", OptionList)
    return [options.get_option_at_index(i).prompt.plain for i in range(options.option_count)]


async def highlight(pilot, screen: ReviewScreen, label: str) -> None:
    options = screen.query_one("#review-items", OptionList)
    options.highlighted = next(i for i, text in enumerate(items_of(screen)) if text.startswith(label))
    await settle(pilot)


async def test_d_lists_documents_by_title_with_counts_and_escape_closes(db_path):
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("D")
        await settle(pilot)
        assert isinstance(app.screen, DocumentsScreen)
        table = app.screen.query_one(DataTable)
        assert table.row_count == 2
        text = screen_text(app)
        assert "Border Freight Council names new working group" in text and "2025-03-04" in text
        assert "[bold]not markup[/bold]" in text  # titles are never read as markup
        assert "1–2 of 2" in text
        release = next(r for r in app.screen.rows.values() if r["title"].startswith("Border"))
        assert release["people"] == 2
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, DocumentsScreen)


async def test_review_shows_text_highlighted_by_type_and_the_list_of_what_it_gave(db_path):
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(pilot)
        text = screen_text(app)
        assert "Border Freight Council names new working group" in text and "/in/000_ab12.txt" in text
        assert "announced today" in text, text
        labels = items_of(screen)
        assert labels[0].startswith("People (2)")
        assert any(label.startswith("Odalys Quintanar — Vireo Freight Systems") for label in labels)
        assert any(label.startswith("Memberships") for label in labels)
        view = screen.query_one(DocumentView)
        shown = {(start, end, etype) for start, end, etype, _ in view.visible_mentions()}
        start = RELEASE.index("Odalys Quintanar")
        assert (start, start + len("Odalys Quintanar"), "person") in shown
        # the person's name is drawn in the person colour on its row, the rest is not
        row = view.row_of(start)
        strip = view.render_line(row - int(view.scroll_y))
        styled = "".join(seg.text for seg in strip if seg.style and seg.style.bgcolor == TYPE_STYLES["person"].bgcolor)
        assert styled == "Odalys Quintanar"


async def test_moving_in_the_list_selects_the_entity_and_shows_its_sentence(db_path):
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(pilot)
        view = screen.query_one(DocumentView)
        first = screen.current()
        assert view.selected == f"{first['type']}:{first['id']}"
        await highlight(pilot, screen, "Brannock Tellweather")
        assert view.selected == f"person:{screen.current()['id']}"
        assert "Halden Port Authority" in str(screen.query_one("#review-sentence").render())
        await pilot.press("tab")
        assert isinstance(app.focused, DocumentView)
        await pilot.press("tab")
        assert isinstance(app.focused, OptionList)


async def test_enter_opens_the_card_on_the_main_screen(db_path):
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(pilot)
        await highlight(pilot, screen, "Odalys Quintanar")
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, (ReviewScreen, DocumentsScreen))
        assert card_name(app) == "Odalys Quintanar"
        text = card_text(app)  # the card names its source by title and date, not file name
        assert "Border Freight Council names new working group (2025-03-04)" in text
        assert "000_ab12" not in text


async def test_escape_goes_back_to_the_documents_list(db_path):
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_review(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, DocumentsScreen)


def fake_corrections(calls: list):
    """A stand-in for db.corrections that records each call."""

    def record(name):
        return lambda db, *args, **kwargs: calls.append((name, args, kwargs))

    names = ("reject_entity", "reject_relation", "retype_entity", "rename_entity", "add_entity", "attach")
    return types.SimpleNamespace(**{name: record(name) for name in names})


async def test_keys_call_the_corrections_api(db_path, monkeypatch):
    calls: list = []
    monkeypatch.setattr(review_module, "corrections", fake_corrections(calls))
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(pilot)
        await highlight(pilot, screen, "Odalys Quintanar")
        person_id = screen.current()["id"]
        await pilot.press("delete")
        assert isinstance(app.screen, Confirm)
        await pilot.press("y")
        await settle(pilot)
        assert calls[-1] == ("reject_entity", ("person", person_id), {})

        await pilot.press("r")
        assert isinstance(app.screen, TextPrompt)
        field = app.screen.query_one(Input)
        assert field.value == "Odalys Quintanar"
        field.value = "Odalys Quintanar Ruiz"
        await pilot.press("enter")
        await settle(pilot)
        assert calls[-1] == ("rename_entity", ("person", person_id, "Odalys Quintanar Ruiz"), {})
        assert isinstance(app.screen, ReviewScreen)

        await pilot.press("T")
        assert isinstance(app.screen, ChoicePrompt)
        await pilot.press("down", "enter")  # organization, initiative: the second
        await settle(pilot)
        assert calls[-1] == ("retype_entity", ("person", person_id, "initiative"), {})

        await highlight(pilot, screen, "Odalys Quintanar — Vireo")
        relation = screen.current()
        await pilot.press("delete", "y")
        await settle(pilot)
        assert calls[-1] == ("reject_relation", ("affiliation", person_id, relation["organization_id"]), {})

        await pilot.press("a")
        await pilot.press("down", "enter")  # person, organization: the second
        app.screen.query_one(Input).value = "Cold Chain Working Group"
        await pilot.press("enter")
        await settle(pilot)
        start = RELEASE.index("Cold Chain Working Group")
        assert calls[-1] == ("add_entity", ("organization", "Cold Chain Working Group"),
                             {"document_id": screen.document_id, "start": start, "end": start + 24})

        await highlight(pilot, screen, "Brannock Tellweather")
        other_id = screen.current()["id"]
        await pilot.press("A")
        assert isinstance(app.screen, ChoicePrompt)
        choices = app.screen.choices
        index = next(i for i, (cid, label) in enumerate(choices) if label.plain.startswith("Vireo Freight Systems"))
        await pilot.press(*["down"] * index, "enter")
        app.screen.query_one(Input).value = "Board member"
        await pilot.press("enter")
        await settle(pilot)
        org_id = int(choices[index][0].split(":")[1])
        assert calls[-1] == ("attach", (other_id,), {"organization_id": org_id, "title": "Board member"})


async def test_keys_without_the_corrections_api_say_so(db_path, monkeypatch):
    monkeypatch.setattr(review_module, "corrections", None)
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_review(pilot)
        await pilot.press("delete")
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)  # no confirmation for what cannot be done


async def test_merge_from_the_review(db_path):
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(pilot)
        await highlight(pilot, screen, "Odalys Quintanar")
        await pilot.press("m")
        await settle(pilot)
        app.screen.query_one(Input).value = "Tellweather"
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, Confirm)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
        names = [e["name"] for e in screen.review["entities"] if e["type"] == "person"]
        assert names == ["Brannock Tellweather"]  # one record now, named in both places
        view = screen.query_one(DocumentView)
        keys = {key for _, _, etype, key in view.visible_mentions() if etype == "person"}
        assert len(keys) == 1


async def test_reject_and_rename_with_the_corrections_api(db_path):
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(pilot)
        await highlight(pilot, screen, "Brannock Tellweather")
        await pilot.press("r")
        app.screen.query_one(Input).value = "Brannock Tellweather-Osei"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
        people = [e["name"] for e in screen.review["entities"] if e["type"] == "person"]
        assert "Brannock Tellweather-Osei" in people and "Brannock Tellweather" not in people

        await highlight(pilot, screen, "Odalys Quintanar")
        await pilot.press("delete")
        assert isinstance(app.screen, Confirm)
        await pilot.press("y")
        await settle(pilot)
        people = [e["name"] for e in screen.review["entities"] if e["type"] == "person"]
        assert people == ["Brannock Tellweather-Osei"]
        assert not any(key.startswith("person:") and "Odalys" in key
                       for *_, key in screen.query_one(DocumentView).visible_mentions())
        assert "Odalys Quintanar" not in "\n".join(items_of(screen))

    db = open_db(db_path)
    try:
        assert db.execute("SELECT COUNT(*) FROM people WHERE name = 'Odalys Quintanar'").fetchone()[0] == 0
        aliases = [r[0] for r in db.execute("SELECT alias FROM aliases WHERE entity_type = 'person'")]
        assert "Brannock Tellweather" in aliases  # the old name kept as an alias
        # the rejection is remembered: importing the document again does not bring her back
        import_text(db, RELEASE + "\nAgain.\n", name="again.txt")
        assert db.execute("SELECT COUNT(*) FROM people WHERE name = 'Odalys Quintanar'").fetchone()[0] == 0
    finally:
        db.close()


async def test_add_a_missed_organization_marks_its_span(db_path):
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(pilot)
        await pilot.press("a")
        await pilot.press("down", "enter")  # organization
        app.screen.query_one(Input).value = "Cold Chain Working Group"
        await pilot.press("enter")
        await settle(pilot)
        orgs = [e["name"] for e in screen.review["entities"] if e["type"] == "organization"]
        assert "Cold Chain Working Group" in orgs
        start = RELEASE.index("Cold Chain Working Group")
        spans = {(s, e, t) for s, e, t, _ in screen.query_one(DocumentView).visible_mentions()}
        assert (start, start + 24, "organization") in spans


def test_wrap_rows_breaks_at_newlines_and_spaces_and_keeps_offsets():
    from tui.components.document_view import wrap_rows

    text = "one two three four\n\nfive\n" + "x" * 25
    rows = wrap_rows(text, 10)
    pieces = [text[a:b] for a, b in zip(rows, rows[1:] + [len(text)])]
    assert "".join(pieces) == text  # every character on exactly one row
    assert pieces[:4] == ["one two ", "three four\n", "\n", "five\n"]
    assert pieces[4:] == ["x" * 10, "x" * 10, "x" * 5]  # a word longer than the width is cut


def test_display_safe_keeps_length_and_removes_control_and_invisible_characters():
    from tui.components.document_view import display_safe

    raw = "a\x1b[31mb\x07c\u202ed\u200be\nf\tg"
    safe = display_safe(raw)
    assert len(safe) == len(raw) and "\n" in safe
    assert not any(ch in safe for ch in "\x1b\x07\u202e\u200b\t")


async def test_review_draws_escape_sequences_in_the_text_as_spaces(db_path):
    db = open_db(db_path)
    doc_id = db.execute("SELECT id FROM documents WHERE name = 'notes.txt'").fetchone()[0]
    db.execute("UPDATE documents SET text = ? WHERE id = ?", ["Evil \x1b[2J\x1b]0;title\x07 text [b]x[/b]\n", doc_id])
    db.conn.commit()
    db.close()
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(pilot, row=0)
        view = screen.query_one(DocumentView)
        line = "".join(seg.text for seg in view.render_line(0))
        assert "\x1b" not in line and "\x07" not in line
        assert "Evil" in line and "[b]x[/b]" in line  # literal, never markup


async def test_r_in_documents_reextracts_the_document_and_keeps_a_rejection(db_path):
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(pilot)
        await highlight(pilot, screen, "Odalys Quintanar")
        await pilot.press("delete", "y")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        documents = app.screen
        assert isinstance(documents, DocumentsScreen) and documents.current()["title"].startswith("Border")
        await pilot.press("R")
        assert isinstance(app.screen, Confirm)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, DocumentsScreen)
        assert any(n.message.startswith("Re-extracted") for n in app._notifications)
        assert documents.current()["people"] == 1  # re-extracted; the rejected person stays out
    db = open_db(db_path)
    try:
        assert db.execute("SELECT COUNT(*) FROM people WHERE name = 'Odalys Quintanar'").fetchone()[0] == 0
        assert db.execute("SELECT COUNT(*) FROM people WHERE name = 'Brannock Tellweather'").fetchone()[0] == 1
    finally:
        db.close()


async def test_question_mark_lists_the_review_keys_and_the_palette_has_its_actions(db_path):
    from tui.screens.help import HelpScreen

    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(pilot)
        titles = [c.title for c in app.get_system_commands(screen)]
        assert {"Reject", "Retype", "Rename", "Merge", "Add missed", "Attach", "Back"} <= set(titles)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        assert "Reject" in text and "Attach" in text
        await pilot.press("escape")
        await pilot.press("escape")
        await settle(pilot)
        assert "Re-extract" in [c.title for c in app.get_system_commands(app.screen)]
