"""Pilot tests of the app as a daily driver (issue 14): keys typed in a burst, the log dialog,
lists that use the screen, selection and bulk actions, export, settings."""

from __future__ import annotations

import pytest
from app_helpers import burst, card_name, settle
from test_app_data import build_fixture_db

from db.textnorm import fold
from tui.app import StakeholdersApp
from tui.components.result_list import ResultList
from tui.components.search_bar import SearchBar

SIZE = (120, 40)


@pytest.fixture
def db_path(tmp_path):
    return build_fixture_db(tmp_path / "app.db")


@pytest.fixture(autouse=True)
def _settings_in_tmp(tmp_path, monkeypatch):
    monkeypatch.setenv("STAKEHOLDERS_SETTINGS", str(tmp_path / "settings.json"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))


async def test_a_burst_of_slash_ctrl_u_and_a_name_all_lands_in_the_search(db_path):
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for attempt in range(3):
            burst(app, "slash", "ctrl+u", *"ferran")
            await settle(pilot)
            assert app.query_one(SearchBar).value == "ferran", attempt
            burst(app, "escape")
            await settle(pilot)


async def test_enter_in_a_burst_opens_the_top_match_of_the_query_typed_never_a_stale_row(db_path):
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for attempt in range(3):
            burst(app, "slash", "ctrl+u", *"ferran", "enter")
            await settle(pilot)
            assert (app.query_one(SearchBar).value, card_name(app)) == ("ferran", "Lucía Ferrán Ortega")
            burst(app, "slash", "ctrl+u", *"oyelaran", "enter")  # the earlier query is still shown
            await settle(pilot)
            assert (app.query_one(SearchBar).value, card_name(app)) == ("oyelaran", "Greta Oyelaran"), attempt
            assert isinstance(app.focused, ResultList)


async def test_keys_typed_right_after_enter_go_to_the_list_not_the_search(db_path):
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        burst(app, "slash", *"wierz", "enter", "j")
        await settle(pilot)
        assert app.query_one(SearchBar).value == "wierz"
        assert isinstance(app.focused, ResultList)  # the j moved the cursor there, not into the query


def _rows(db_path, sql, params=()):
    from app_helpers import rows

    return rows(db_path, sql, params)


async def _open_log_dialog(pilot, query: str) -> None:
    from app_helpers import open_person

    await open_person(pilot, query)
    await pilot.press("l")
    await settle(pilot)


async def test_the_log_dialog_filled_with_tab_only_keeps_every_field(db_path):
    from datetime import date

    from db.dates import parse_day
    from tui.screens.log_interaction import LogInteraction

    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await _open_log_dialog(pilot, "oyelaran")
        assert isinstance(app.screen, LogInteraction)
        assert app.screen.focused.id == "log-kind"  # the first field, in reading order
        burst(app, "tab", "tab", *"next week", "tab", *"Call about report", "enter")
        await settle(pilot)
        assert not isinstance(app.screen, LogInteraction)
    monday = parse_day("next week", date.today()).isoformat()
    assert _rows(db_path, "SELECT kind, date, summary, follow_up_date FROM interactions WHERE person_id = 3") == [
        ("meeting", date.today().isoformat(), "Call about report", monday)
    ]


async def test_escape_in_the_log_dialog_asks_before_losing_a_typed_summary(db_path):
    from tui.screens.confirm import Confirm
    from tui.screens.log_interaction import LogInteraction

    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await _open_log_dialog(pilot, "oyelaran")
        burst(app, "tab", "tab", "tab", *"Call about report", "escape")
        await settle(pilot)
        assert isinstance(app.screen, Confirm)  # asked, not discarded
        await pilot.press("escape")  # no: back to the dialog, the text still there
        await settle(pilot)
        assert isinstance(app.screen, LogInteraction)
        assert app.screen.query_one("#log-summary").value == "Call about report"
        await pilot.press("escape", "y")  # yes: discarded, nothing written
        await settle(pilot)
        assert not isinstance(app.screen, (LogInteraction, Confirm))
        await _open_log_dialog(pilot, "oyelaran")
        await pilot.press("escape")  # nothing typed: closes at once
        await settle(pilot)
        assert not isinstance(app.screen, (LogInteraction, Confirm))
    assert _rows(db_path, "SELECT * FROM interactions") == []


async def test_a_date_the_dialog_cannot_read_is_refused_visibly_and_kept(db_path):
    from textual.widgets import Input, Static

    from tui.screens.log_interaction import LogInteraction

    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await _open_log_dialog(pilot, "oyelaran")
        burst(app, "tab", "tab", *"one of these days", "tab", *"Lunch", "enter")
        await settle(pilot)
        assert isinstance(app.screen, LogInteraction)  # not saved, not closed
        assert app.screen.query_one("#log-follow-up", Input).value == "one of these days"
        assert "follow-up date must be a date" in str(app.screen.query_one("#log-error", Static).render())
        assert "follow up: ?" in str(app.screen.query_one("#log-when", Static).render())
    assert _rows(db_path, "SELECT COUNT(*) FROM interactions") == [(0,)]


async def test_the_focused_field_of_a_dialog_is_marked_in_the_light_theme(db_path):
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        app.theme = "textual-light"
        await _open_log_dialog(pilot, "oyelaran")
        await pilot.press("tab")
        await settle(pilot)
        field = app.screen.query_one("#log-date")
        other = app.screen.query_one("#log-follow-up")
        assert field.has_focus
        assert field.styles.border_top[1] != other.styles.border_top[1]  # a border of its own colour
        label = field.parent.query_one(".field-label")
        assert label.styles.color != other.parent.query_one(".field-label").styles.color


def _headers(app) -> list[str]:
    """The headers as labels: a narrow column shows its short label (never a cut one)."""
    from tui.components.result_list import SHORT_LABEL

    table = app.query_one(ResultList)
    full = {short: label for label, short in SHORT_LABEL.items()}
    labels = [str(c.label) for c in table.ordered_columns]
    assert not any("…" in label for label in labels), labels
    for column, label in zip(table.ordered_columns, labels):
        assert len(label) <= column.content_width, (label, column.content_width)
    def unshort(label: str) -> str:
        head, arrow = (label[:-2], label[-2:]) if label.endswith((" ▲", " ▼")) else (label, "")
        return full.get(head, head) + arrow

    return [unshort(label) for label in labels]


async def test_each_list_has_its_own_columns_and_names_are_not_cut_when_there_is_room(db_path):
    from app_helpers import screen_text

    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert _headers(app) == ["Name", "Title", "Organization", "Tags"]
        assert "Lucía Ferrán Ortega" in screen_text(app) and "Economist" in screen_text(app)
        assert "[link=http://x]y[/link]" not in screen_text(app)  # the longest name shares the width
        await pilot.press("shift+tab", "j")  # browse: Organizations
        await settle(pilot)
        assert _headers(app) == ["Name", "Acronym", "People", "Tags"]
        assert app.query_one(ResultList).get_row_at(0)[1].plain in ("", "PNI") and "PNI" in screen_text(app)
        await pilot.press("j")
        await settle(pilot)
        assert _headers(app) == ["Name", "Kind", "Members", "Tags"]
        assert "council" in screen_text(app) and "3 members" in screen_text(app)


def test_the_width_goes_to_the_names_and_to_the_columns_that_hold_text():
    from tui.components.result_list import fit_widths, wanted_width

    # one tagged row among many: its tags do not take the room of the names
    assert wanted_width([0] * 57 + [14, 9]) == 0
    assert wanted_width([10] * 9 + [50]) == 10
    widths = fit_widths(49, [30, 34, 22, 4], [12, 5, 3, 4], [16.2, 7.1, 9.7, 0.3])
    assert sum(widths) == 49 and widths[0] >= 22 and widths[3] == 4
    assert fit_widths(60, [20, 10, 10, 4], [12, 5, 3, 4], [10, 5, 5, 1]) == [36, 10, 10, 4]  # all fit: the name takes the rest


async def test_at_80_columns_rows_can_be_told_apart_and_every_key_is_in_the_footer(db_path):
    from app_helpers import screen_text

    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        footer = text.splitlines()[-1]
        for key in ("/", "n", "t", "e", "m", "x", "?", "q", "p", "i", "l", "g", "f"):
            assert f" {key}" in f" {footer}", key
        assert "Tomás Wierzbi" in text and "Tomas Wierzbi" in text


async def test_o_sorts_by_the_next_column_capital_o_reverses_and_a_header_click_sorts(db_path):
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = app.query_one(ResultList)
        await pilot.press("o")  # by name
        assert _headers(app)[0] == "Name ▲"
        await pilot.press("O")
        names = [r.name for r in table.rows_shown]
        assert names == sorted(names, key=fold, reverse=True)  # accents folded: Tomas… before Tomás…
        await pilot.press("o")  # by title, empty titles last
        titles = [r.title for r in table.rows_shown]
        assert titles[:3] == ["Chief Executive Officer", "Director of Trade Policy", "Economist"]
        assert _headers(app)[1] == "Title ▲"
        await pilot.click(ResultList, offset=(table.ordered_columns[0].get_render_width(table) +
                                              table.ordered_columns[1].get_render_width(table) + 2, 0))
        await settle(pilot)
        assert _headers(app)[2].startswith("Organization ▲")


async def test_selected_rows_are_tagged_untagged_and_logged_together(db_path):
    from tui.screens.log_interaction import LogInteraction
    from tui.screens.tag_editor import TagEditor

    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = app.query_one(ResultList)
        first, second = table.rows_shown[0], table.rows_shown[1]
        await pilot.press("space", "space")
        assert [r.key for r in table.selected_rows()] == [first.key, second.key]
        assert "2 selected" in app.query_one("#centre").border_subtitle
        await pilot.press("t")
        await settle(pilot)
        assert isinstance(app.screen, TagEditor)
        burst(app, *"panel", "enter")
        await settle(pilot)
        tagged = {r[0] for r in _rows(db_path, "SELECT entity_id FROM tags WHERE tag = 'panel'")}
        assert tagged == {first.id, second.id}
        await pilot.press("t")  # untick `panel` for both
        await settle(pilot)
        await pilot.press("shift+tab", "space", "ctrl+s")
        await settle(pilot)
        assert _rows(db_path, "SELECT COUNT(*) FROM tags WHERE tag = 'panel'") == [(0,)]
        await pilot.press("l")
        await settle(pilot)
        assert isinstance(app.screen, LogInteraction) and len(app.screen.names) == 2
        burst(app, "tab", "tab", "tab", *"Round table", "ctrl+s")
        await settle(pilot)
        logged = _rows(db_path, "SELECT person_id, summary FROM interactions ORDER BY person_id")
        assert logged == sorted([(first.id, "Round table"), (second.id, "Round table")])
        await pilot.press("escape")  # clears the selection first
        assert table.selected_rows() == []


async def test_star_selects_all_and_shift_down_extends(db_path):
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = app.query_one(ResultList)
        await pilot.press("shift+down", "shift+down")
        assert len(table.selected_rows()) == 3
        await pilot.press("asterisk")
        assert len(table.selected_rows()) == len(table.rows_shown) == 6


async def test_selected_people_and_organizations_are_assessed_together(db_path):
    from app_helpers import search_for

    from tui.screens.assess import AssessScreen

    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("space", "space")
        await pilot.press("i")
        await settle(pilot)
        assert isinstance(app.screen, AssessScreen)
        burst(app, "4", "tab", "5", "ctrl+s")
        await settle(pilot)
    assert len(_rows(db_path, "SELECT * FROM assessments WHERE influence = 4 AND interest = 5")) == 2


async def test_escape_goes_back_on_the_main_screen(db_path):
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("shift+tab", "j")  # Organizations
        await settle(pilot)
        await pilot.press("enter")  # into the list, open the first organization
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert app.source[0] == "related"
        await pilot.press("escape")
        await settle(pilot)
        assert app.source == ("type", "organization")


async def test_q_closes_the_grid_and_the_followups_but_not_the_app(db_path):
    from tui.screens.followups import FollowupsScreen
    from tui.screens.grid import GridScreen

    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for key, screen in (("g", GridScreen), ("f", FollowupsScreen)):
            await pilot.press(key)
            await settle(pilot)
            assert isinstance(app.screen, screen)
            await pilot.press("q")
            await settle(pilot)
            assert not isinstance(app.screen, screen) and app.is_running


async def test_organizations_are_placed_on_the_grid(db_path):
    from textual.widgets import OptionList

    from db import open_db
    from db.assessments import assess
    from tui.screens.grid import quadrant_id

    db = open_db(db_path)
    assess(db, "organization", 1, influence=5, interest=5, stance="supportive")
    db.close()
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("g")
        await settle(pilot)
        quadrant = app.screen.query_one(f"#{quadrant_id('manage closely')}", OptionList)
        assert "Puente Norte Institute" in quadrant.get_option_at_index(0).prompt.plain
        await pilot.press("enter")
        await settle(pilot)
        assert card_name(app) == "Puente Norte Institute"


async def test_x_asks_format_and_path_with_a_readable_name_and_remembers_the_folder(db_path, tmp_path):
    import json

    from textual.widgets import Input, Select

    from tui.screens.export_dialog import ExportDialog

    home = tmp_path / "home"
    home.mkdir()
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        burst(app, "slash", *"border logistics", "enter")
        await settle(pilot)
        await pilot.press("enter")  # the initiative's members
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        assert isinstance(app.screen, ExportDialog)
        path = app.screen.query_one("#export-path", Input)
        assert path.value == str(home / "Border-Logistics-Council.csv")
        app.screen.query_one("#export-format", Select).value = "json"
        await settle(pilot)
        assert path.value == str(home / "Border-Logistics-Council.json")
        out = tmp_path / "out"
        out.mkdir()
        path.value = str(out / "council.json")
        await pilot.press("enter")
        await settle(pilot)
        assert len(json.loads((out / "council.json").read_text())) == 3
        await pilot.press("x")
        await settle(pilot)
        assert app.screen.query_one("#export-path", Input).value == str(out / "Border-Logistics-Council.csv")


async def test_the_theme_is_remembered_between_runs(db_path):
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.theme = "textual-light"
        await settle(pilot)
    again = StakeholdersApp(db_path=db_path)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert again.theme == "textual-light"


async def test_an_interaction_on_the_card_is_edited_and_deleted(db_path):
    from textual.widgets import Input

    from db import open_db
    from db.engagement import log_interaction
    from tui.components.entity_card import EntityCard
    from tui.screens.confirm import Confirm
    from tui.screens.log_interaction import LogInteraction

    db = open_db(db_path)
    row = log_interaction(db, 3, kind="call", date="2026-01-02", summary="intro", follow_up_date="2026-01-09")
    db.close()
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        from app_helpers import card_text, open_person

        await open_person(pilot, "oyelaran")
        assert "Contacted 2026-01-02\nFollow up 2026-01-09" in card_text(app)
        links = app.query_one(EntityCard).query_one(".card-interactions")
        app.screen.set_focus(links)
        links.highlighted = 0
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, LogInteraction)
        summary = app.screen.query_one("#log-summary", Input)
        assert summary.value == "intro"
        summary.value = "intro call, agreed to meet"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert _rows(db_path, "SELECT summary, follow_up_date FROM interactions") == [("intro call, agreed to meet", "2026-01-09")]
        links = app.query_one(EntityCard).query_one(".card-interactions")
        app.screen.set_focus(links)
        links.highlighted = 0
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("ctrl+d")
        await settle(pilot)
        assert isinstance(app.screen, Confirm)
        await pilot.press("y")
        await settle(pilot)
    assert _rows(db_path, "SELECT COUNT(*) FROM interactions WHERE id = ?", [row["id"]]) == [(0,)]


async def test_a_tag_typed_with_its_hash_is_stored_once_without_it(db_path):
    from db import open_db
    from db.annotations import add_tags

    db = open_db(db_path)
    assert add_tags(db, "person", 1, ["#hash"]) == ["hash"]
    db.close()


async def test_no_match_is_worded(db_path):
    from app_helpers import screen_text

    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        burst(app, "slash", *"xyzzy")
        await settle(pilot)
        assert "No match for “xyzzy”" in screen_text(app)
