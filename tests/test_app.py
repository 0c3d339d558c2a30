"""Pilot tests of the Textual app, one per flow, on a small fixture directory."""

from __future__ import annotations

import re

import pytest
from app_helpers import rows, card_name, card_text, list_names, open_person, screen_text, search_for, settle, settle_until
from test_app_data import build_fixture_db
from textual import events
from textual.widgets import Input, SelectionList, TextArea

from db import open_db
from db.annotations import add_note
from tui.app import StakeholdersApp
from tui.components.entity_card import EntityCard
from tui.components.result_list import ResultList
from tui.messages import ListLoaded
from tui.screens.confirm import Confirm
from tui.screens.edit_form import EditForm
from tui.screens.help import HelpScreen
from tui.screens.merge_picker import MergePicker
from tui.screens.note_editor import NoteEditor
from tui.screens.tag_editor import TagEditor

SIZE = (120, 40)


@pytest.fixture
def db_path(tmp_path):
    return build_fixture_db(tmp_path / "app.db")


async def paste(pilot, text: str) -> None:
    """Put `text` into the focused Input or TextArea at once (typing key by key is slow in tests)."""
    widget = pilot.app.focused
    if isinstance(widget, TextArea):
        widget.insert(text)
    else:
        widget.insert_text_at_cursor(text)
    await pilot.pause()


async def test_an_empty_directory_opens_and_asks_to_select(tmp_path):
    app = StakeholdersApp(db_path=tmp_path / "empty.db")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert list_names(app) == [] and card_name(app) is None
        await pilot.press("n")
        await pilot.pause()
        assert not isinstance(app.screen, NoteEditor)
        assert "Select someone first." in [n.message for n in app._notifications]


async def test_first_screen_lists_people_and_shows_a_card(db_path):
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert len(list_names(app)) == 6
        text = screen_text(app)
        assert re.search(r"People +6", text) and re.search(r"Organizations +3", text) and re.search(r"Tags +2", text)
        assert card_name(app) == list_names(app)[0]


async def test_markup_in_names_is_shown_literally(db_path):
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = app.query_one(ResultList)
        cells = [cell.plain for i in range(table.row_count) for cell in table.get_row_at(i)]
        for literal in ("[bold]X[/bold]", "[link=http://x]y[/link]", "[Holdings]"):
            assert any(literal in cell for cell in cells), literal  # the list, as typed
        text = screen_text(app)  # and as drawn: markup would have shown "X" and "y"
        assert text.count("[bold]X[/bold]") == 2 and "[link=http://x]" in text and "[Holdings]" in text
        assert card_name(app) == "[bold]X[/bold]"
        assert "[bold]X[/bold]" in card_text(app) and "[Holdings]" in card_text(app)  # the card
        await pilot.press("j", "j")  # Greta, then the [link=...] person
        await settle(pilot)
        assert card_name(app) == "[link=http://x]y[/link]"
        assert "[link=http://x]y[/link]" in card_text(app) and "[link=http://x]y[/link]" in screen_text(app)
        await search_for(pilot, "holdings")
        await pilot.press("enter")
        await settle(pilot)
        assert card_name(app) == "[Holdings]" and "[Holdings]" in screen_text(app)


async def test_search_then_enter_opens_the_top_match(db_path):
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await search_for(pilot, "ferran", type_it=True)
        assert list_names(app)[0] == "Lucía Ferrán Ortega"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.focused, ResultList)
        assert card_name(app) == "Lucía Ferrán Ortega"
        text = card_text(app)
        assert "Director of Trade Policy" in text and "Puente Norte Institute" in text
        assert "Met at the Monterrey forum" in text and "2026-01-15" in text
        assert "council.txt" in text  # Sources: document and quoted sentence
        assert "chairs the Border Logistics Council" in text


async def test_enter_before_results_arrive_still_opens_the_top_match(db_path):
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"oyelaran", "enter")
        await settle(pilot)
        assert card_name(app) == "Greta Oyelaran"
        assert isinstance(app.focused, ResultList)


async def test_escape_leaves_the_search_bar_and_q_types_while_searching(db_path):
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", "q")
        assert app.is_running and app.query_one("#search", Input).value == "q"
        await pilot.press("escape")
        assert isinstance(app.focused, ResultList)
        await pilot.press("backspace")  # not typing any more: goes back, never edits the query
        assert app.query_one("#search", Input).value == "q"


async def test_stale_results_never_overwrite_newer_ones(db_path):
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await search_for(pilot, "greta")
        shown = list_names(app)
        app.post_message(ListLoaded(app.list_seq - 1, (("search", "gr"), 0), [], 0, "stale"))
        await pilot.pause()
        assert list_names(app) == shown


async def test_navigation_jk_tab_enter_backspace(db_path):
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = app.query_one(ResultList)
        await pilot.press("j", "j")
        assert table.cursor_row == 2
        await pilot.press("k")
        assert table.cursor_row == 1
        await pilot.press("down")
        assert table.cursor_row == 2
        # tab cycles panes: results -> card -> search -> browse -> results
        await pilot.press("tab")
        assert app._pane_of(app.focused) == "card"
        await pilot.press("tab")
        assert app._pane_of(app.focused) == "search"
        await pilot.press("tab")
        assert app._pane_of(app.focused) == "browse"
        await pilot.press("tab")
        assert app._pane_of(app.focused) == "results"
        # browse organizations, open one: its people are listed, itself first
        app.query_one("#browse").focus()
        await pilot.press("j")
        await settle(pilot)
        assert list_names(app) == ["Cascada Freight", "[Holdings]", "Puente Norte Institute"]
        await pilot.press("j")  # Initiatives
        await settle(pilot)
        assert list_names(app) == ["Border Logistics Council"]
        await pilot.press("enter")  # focus the list
        await pilot.press("enter")  # open the initiative: its members
        await settle(pilot)
        assert list_names(app) == ["Border Logistics Council", "Lucía Ferrán Ortega", "Tomás Wierzbicki", "Greta Oyelaran"]
        assert card_name(app) == "Border Logistics Council"
        assert "Founding partner" in card_text(app)
        await pilot.press("backspace")
        await settle(pilot)
        assert list_names(app) == ["Border Logistics Council"]


async def test_organization_on_a_card_opens_its_people(db_path):
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_person(pilot, "ferran")
        await pilot.press("enter")  # a person: into the card's links
        assert app._pane_of(app.focused) == "card"
        await pilot.press("enter")  # the first link: Puente Norte Institute
        await settle(pilot)
        assert card_name(app) == "Puente Norte Institute"
        assert list_names(app) == ["Puente Norte Institute", "Lucía Ferrán Ortega", "Tomás Wierzbicki"]
        await pilot.press("backspace")
        await settle(pilot)
        assert card_name(app) == "Lucía Ferrán Ortega"


async def test_note_is_saved_and_shown_at_once(db_path):
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_person(pilot, "oyelaran")
        await pilot.press("n")
        assert isinstance(app.screen, NoteEditor)
        await paste(pilot, "Prefers [b]email[/b]")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, NoteEditor)
        assert "Prefers [b]email[/b]" in card_text(app)
    assert rows(db_path, "SELECT entity_type, entity_id, body FROM notes WHERE entity_id = 3") == [
        ("person", 3, "Prefers [b]email[/b]")
    ]


async def test_note_cancelled_with_escape_writes_nothing(db_path):
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await pilot.press(*"draft")
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, NoteEditor)
    assert rows(db_path, "SELECT COUNT(*) FROM notes") == [(1,)]


async def test_tags_added_and_removed(db_path):
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_person(pilot, "oyelaran")
        await pilot.press("t")
        assert isinstance(app.screen, TagEditor)
        await paste(pilot, "Press, donor")
        await pilot.press("enter")
        await settle(pilot)
        assert app.query_one(EntityCard).card["tags"] == ["donor", "press", "vip"]
        assert "#donor #press #vip" in card_text(app)
        await pilot.press("t")
        app.screen.query_one(SelectionList).focus()
        await pilot.press("space")  # untick the first: donor
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.query_one(EntityCard).card["tags"] == ["press", "vip"]
        await pilot.press("t")  # as the hint says: shift+tab to the ticks, space, enter saves
        assert "shift+tab to the ticks, space unticks" in str(app.screen.query_one(".dialog-hint:last-of-type").render())
        await pilot.press("shift+tab", "space", "enter")
        await settle(pilot)
        assert not isinstance(app.screen, TagEditor)
        assert app.query_one(EntityCard).card["tags"] == ["vip"]
    assert rows(db_path, "SELECT tag FROM tags WHERE entity_id = 3 AND entity_type = 'person' ORDER BY tag") == [
        ("vip",)
    ]


async def test_focused_one_line_fields_show_what_is_typed(db_path):
    """The edit form's and the path picker's one-line fields: the focus marker leaves the line
    for the text (a tall border over a one-line field hid it)."""
    from tui.screens.path import PathScreen

    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_person(pilot, "oyelaran")
        await pilot.press("e")
        assert isinstance(app.screen, EditForm)
        focused = app.screen.focused
        assert isinstance(focused, Input) and focused.value
        assert focused.content_region.height == 1 and focused.value in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, PathScreen)
        await pilot.press(*"zqxv")
        await pilot.pause()
        query = app.screen.query_one("#path-query", Input)
        assert query.has_focus and query.content_region.height == 1 and "zqxv" in screen_text(app)


async def test_edit_refuses_an_invalid_email_then_saves(db_path):
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_person(pilot, "oyelaran")
        await pilot.press("e")
        assert isinstance(app.screen, EditForm)
        app.screen.query_one("#field-email", Input).value = "[b]not-an-email"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, EditForm)  # refused, the form stays open
        assert "'[b]not-an-email' does not look like an email" in screen_text(app)
        app.screen.query_one("#field-email", Input).value = "greta@cascada.example"
        app.screen.query_one("#field-title", Input).value = "CEO"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, EditForm)
        assert "greta@cascada.example" in card_text(app)
    assert rows(db_path, "SELECT email, title, user_edited FROM people WHERE id = 3") == [
        ("greta@cascada.example", "CEO", "email,title")
    ]


async def test_merge_after_confirmation(db_path):
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_person(pilot, "wierzbicky")
        assert app.card_ref == ("person", 6)
        await pilot.press("m")
        assert isinstance(app.screen, MergePicker)
        await paste(pilot, "tomas wierzbicki")
        await pilot.press("enter")
        assert isinstance(app.screen, Confirm)
        await pilot.press("n")  # first say no: nothing happens
        await settle(pilot)
        assert rows(db_path, "SELECT COUNT(*) FROM people WHERE id = 6") == [(1,)]
        await pilot.press("m")
        await paste(pilot, "tomas wierzbicki")
        await pilot.press("enter", "y")
        await settle(pilot)
        assert app.card_ref == ("person", 2)
        assert "tomas@example.org" in card_text(app)
    assert rows(db_path, "SELECT COUNT(*) FROM people WHERE id = 6") == [(0,)]
    assert ("Tomas Wierzbicky",) in rows(db_path, "SELECT alias FROM aliases WHERE entity_type='person' AND entity_id=2")


async def test_export_writes_the_current_list(db_path, tmp_path, monkeypatch):
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.setenv("HOME", str(out))  # the export dialog offers the home folder first
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await search_for(pilot, "wierzbick")
        await pilot.press("escape", "x")
        await settle(pilot)
        await pilot.press("enter")  # the default: csv, named after the list
        await settle(pilot)
    files = list(out.glob("search-wierzbick.csv"))
    assert len(files) == 1
    lines = files[0].read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith('"name",') and len(lines) == 3  # header + the two people found


async def test_quit_with_q_and_ctrl_q(db_path):
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", "ctrl+q")
        await pilot.pause()
        assert not app.is_running


async def test_refresh_shows_what_another_process_wrote(db_path):
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_person(pilot, "oyelaran")
        other = open_db(db_path)
        add_note(other, "person", 3, "Written elsewhere")
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert "Written elsewhere" in card_text(app)
        # and without ctrl+r: the data_version poll notices the change by itself
        add_note(other, "person", 3, "Second external note")
        other.close()
        app.poll_changes()
        await settle(pilot)
        assert "Second external note" in card_text(app)


async def test_help_screen_names_the_database_in_use(tmp_path):
    """A mistyped --db opens another directory: `?` says which file is open (control
    characters of the path not drawn)."""
    folder = tmp_path / "odd\x1b[2Jname"
    folder.mkdir()
    path = build_fixture_db(folder / "team.db")
    app = StakeholdersApp(db_path=path)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        assert "database team.db in" in text
        assert "\x1b" not in text


async def test_help_screen_and_command_palette_list_every_action(db_path):
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        for key in ("Note", "Tags", "Edit", "Merge", "Export", "Refresh", "Back"):
            assert key in text
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)
        titles = {c.title for c in app.get_system_commands(app.screen)}
        assert {"Add a note", "Tags", "Edit", "Merge", "Export list", "Refresh", "Back", "Search", "Help"} <= titles
        assert {"Next pane", "Previous pane", "Next page", "Previous page", "Quit"} <= titles  # every key's action


async def test_small_terminal_and_light_theme(db_path):
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        app.theme = "textual-light"
        await settle(pilot)
        text = screen_text(app)
        assert re.search(r"People +6", text) and "Greta" in text and "Quit" in text


async def test_jk_walk_through_every_list_on_a_card(db_path):
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_person(pilot, "ferran")
        await pilot.press("enter")  # into the card: Organizations
        first = app.focused
        await pilot.press("j")  # past the only organization: on to Initiatives
        assert app.focused is not first and app.focused.highlighted == 0
        await pilot.press("enter")
        await settle(pilot)
        assert card_name(app) == "Border Logistics Council"


async def test_command_palette_runs_an_action(db_path):
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await paste(pilot, "Browse organizations")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert app.source == ("type", "organization")
        assert list_names(app) == ["Cascada Freight", "[Holdings]", "Puente Norte Institute"]
        await pilot.press("ctrl+p")
        await paste(pilot, "Next pane")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert app._pane_of(app.focused) == "card"


async def test_long_lists_page_with_brackets(db_path, monkeypatch):
    import db.browse

    monkeypatch.setattr(db.browse, "PAGE_SIZE", 4)
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert len(list_names(app)) == 4 and "1–4 of 6" in screen_text(app)
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert list_names(app) == ["Tomás Wierzbicki", "Tomas Wierzbicky"]
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert len(list_names(app)) == 4


async def test_keys_typed_right_after_slash_and_enter_go_where_expected(db_path):
    """A fast typist (or tmux send-keys) sends `/`, the query, enter and `n` in one burst."""
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for key in ["slash", *"oyelaran", "enter"]:
            event = events.Key(key, "/" if key == "slash" else key if len(key) == 1 else None)
            event.set_sender(app)
            app._driver.send_message(event)
        await settle(pilot)
        assert app.main_screen.query_one("#search", Input).value == "oyelaran"
        assert card_name(app) == "Greta Oyelaran" and isinstance(app.focused, ResultList)
        await pilot.press("n")
        assert isinstance(app.screen, NoteEditor)


async def test_a_person_opened_from_a_card_keeps_the_focus_in_the_card(db_path):
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_person(pilot, "ferran")
        await pilot.press("enter", "j", "enter")  # into the card, to the initiative, open it
        await settle(pilot)
        assert card_name(app) == "Border Logistics Council"
        await pilot.press("tab")  # the list -> the card's first list: Members
        await pilot.press("j", "enter")  # the second member
        await settle(pilot)
        assert card_name(app) == "Tomás Wierzbicki"
        assert app._pane_of(app.focused) == "card"
        await pilot.press("backspace")
        await settle(pilot)
        assert card_name(app) == "Border Logistics Council"


def test_what_x_exports_for_each_kind_of_list():
    from db.browse import ListRow
    from db.formats.export import ExportFilters
    from tui.app import export_request

    rows = [ListRow("organization", 1, "Org"), ListRow("person", 4, "A"), ListRow("person", 2, "B")]
    assert export_request(("search", "Ma rí"), rows) == (None, [4, 2], "search-ma-ri")
    assert export_request(("search", "x"), rows[:1]) is None  # no person in the list
    assert export_request(("type", "person"), []) == (ExportFilters(), None, "people")
    assert export_request(("type", "organization"), rows) is None
    assert export_request(("tag", "vip"), []) == (ExportFilters(tag="vip"), None, "tag-vip")
    assert export_request(("related", "initiative", 7, "Council"), []) == (
        ExportFilters(initiative_id=7), None, "initiative-7")


async def test_note_and_tags_on_a_card_opened_from_a_card_stay_on_that_card(db_path):
    """The list still highlights the initiative; annotating the person opened from its card must
    not send the card back to the list's row when the list is reloaded."""
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_person(pilot, "ferran")
        await pilot.press("enter", "j", "enter")  # into the card, to the initiative, open it
        await settle(pilot)
        await pilot.press("tab", "j", "enter")  # the card's second member
        await settle(pilot)
        assert card_name(app) == "Tomás Wierzbicki"
        assert app.query_one(ResultList).current_row().name == "Border Logistics Council"
        await pilot.press("n")
        await paste(pilot, "met at the port")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert card_name(app) == "Tomás Wierzbicki" and "met at the port" in card_text(app)
        await pilot.press("t")
        await paste(pilot, "logistics")
        await pilot.press("enter")
        await settle(pilot)
        assert card_name(app) == "Tomás Wierzbicki" and "#logistics" in card_text(app)
        await pilot.press("ctrl+r")  # a refresh (or another process's write) keeps it too
        await settle(pilot)
        assert card_name(app) == "Tomás Wierzbicki"


def type_fast(app, text: str, then: str) -> None:
    """Queue keys as a fast typist or a terminal paste sends them: all before any is handled."""
    for ch in text:
        app.post_message(events.Key(ch, ch))
    app.post_message(events.Key(then, None))


async def test_ctrl_s_right_after_fast_typing_saves_every_key(db_path):
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_person(pilot, "oyelaran")
        await pilot.press("n")
        await settle(pilot)
        type_fast(app, "typed fast", "ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, NoteEditor)
        assert "typed fast" in card_text(app)
        await pilot.press("e", "tab", "tab")  # the email field
        await settle(pilot)
        type_fast(app, "greta@example.org", "ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, EditForm)
    assert rows(db_path, "SELECT email FROM people WHERE id = 3") == [("greta@example.org",)]
    assert rows(db_path, "SELECT body FROM notes WHERE entity_id = 3") == [("typed fast",)]


async def test_a_new_note_or_tag_is_scrolled_into_view_on_a_long_card(db_path):
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_person(pilot, "ferran")
        await pilot.press("n")
        await paste(pilot, "zqxnote")
        await pilot.press("ctrl+s")
        await settle_until(pilot, lambda: "zqxnote" in screen_text(app))
        assert "zqxnote" in screen_text(app)
        await pilot.press("t")
        await paste(pilot, "zebra")
        await pilot.press("enter")
        await settle_until(pilot, lambda: "#zebra" in screen_text(app))
        assert "#zebra" in screen_text(app)
