"""The analysis screens on their own (Pilot): path, assess, log, grid, follow-ups, card sections."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Input, OptionList, Select, Static

from analysis_fixtures import build_directory
from app_helpers import Host
from db.assessments import assess
from db.network import shortest_path
from db.engagement import log_interaction
from db.search import search
from tui.screens.assess import AssessScreen
from tui.screens.followups import FollowupsScreen
from tui.screens.grid import GridScreen, parse_filter, quadrant_id
from tui.screens.log_interaction import LogInteraction
from tui.screens.path import PathScreen

SIZE = (100, 36)


@pytest.fixture
def directory(empty_db):
    build_directory(empty_db)
    return empty_db


def _text(widget: Static) -> str:
    return str(widget.render())


async def test_path_screen_picks_a_person_and_shows_the_chain(directory):
    def find(query):
        return [(h.id, h.name, h.detail) for h in search(directory, query, types=("person",))]

    host = Host(PathScreen((1, "Luz María de la Mora"), find, lambda other: shortest_path(directory, 1, other)))
    async with host.run_test(size=SIZE) as pilot:
        await pilot.press(*"bridges")
        await pilot.pause()
        assert host.screen.query_one("#path-options", OptionList).option_count >= 1
        await pilot.press("enter")
        await pilot.pause()
        shown = _text(host.screen.query_one("#path-result", Static))
        assert "Luz María de la Mora → Adrienne Arsht Latin America Center → Jason Marczak" in shown
        assert "→ USMXECO Delegation → Megan Bridges" in shown and "1 person in between" in shown
        chain = host.screen.query_one("#path-chain", OptionList)
        assert chain.has_focus and chain.option_count == 5
        await pilot.press("down", "enter")  # the shared organization
        await pilot.pause()
    assert host.results == [("organization", 1)]


async def test_path_screen_not_connected_and_escape(directory):
    host = Host(PathScreen((1, "Luz María de la Mora"), lambda q: [(6, "[bold]Hostile[/bold] Name", "")],
                           lambda other: shortest_path(directory, 1, other)))
    async with host.run_test(size=SIZE) as pilot:
        await pilot.press("h", "enter")
        await pilot.pause()
        assert "[bold]Hostile[/bold] Name are not connected" in _text(host.screen.query_one("#path-result", Static))
        await pilot.press("escape")
        await pilot.pause()
    assert host.results == [None]


async def test_assess_screen_returns_scores_and_stance(directory):
    history = [assess(directory, "person", 2, influence=2, interest=4, stance="neutral")]
    host = Host(AssessScreen("Jason Marczak", history))
    async with host.run_test(size=SIZE) as pilot:
        screen = host.screen
        assert screen.query_one("#assess-influence", Input).value == "2"
        assert "keep informed" in _text(screen.query_one("#assess-history", Static))
        await pilot.press("backspace", "9", "4")  # 9 is refused by the field
        assert screen.query_one("#assess-influence", Input).value == "4"
        assert "manage closely" in _text(screen.query_one("#assess-quadrant", Static))
        screen.query_one("#assess-stance", Select).value = "supportive"
        screen.query_one("#assess-note", Input).value = "met at AALAC"
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert host.results == [{"influence": 4, "interest": 4, "stance": "supportive", "note": "met at AALAC"}]


async def test_assess_screen_needs_both_scores(directory):
    host = Host(AssessScreen("Megan Bridges", []))
    async with host.run_test(size=SIZE) as pilot:
        assert "Not assessed yet" in _text(host.screen.query_one("#assess-history", Static))
        await pilot.press("3", "enter")
        await pilot.pause()
        assert "must each be 1 to 5" in _text(host.screen.query_one("#assess-error", Static))
        await pilot.press("tab", "5", "enter")
        await pilot.pause()
    assert host.results == [{"influence": 3, "interest": 5, "stance": "unknown", "note": None}]


async def test_log_screen_validates_and_returns_the_interaction(directory):
    from datetime import date

    host = Host(LogInteraction("Jason Marczak", today=date(2026, 11, 20)))
    async with host.run_test(size=SIZE) as pilot:
        screen = host.screen
        assert screen.query_one("#log-date", Input).value == "2026-11-20"
        assert screen.focused is screen.query_one("#log-kind", Select)  # the first field
        await pilot.press("tab", "tab", "tab", *"Nearshoring report")
        screen.query_one("#log-follow-up", Input).value = "2026-11-01"
        await pilot.press("enter")
        await pilot.pause()
        assert "cannot be before" in _text(screen.query_one("#log-error", Static))
        screen.query_one("#log-follow-up", Input).value = "2026-02-30"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "follow-up date must be a date" in _text(screen.query_one("#log-error", Static))
        screen.query_one("#log-follow-up", Input).value = "2026-12-01"
        screen.query_one("#log-kind", Select).value = "call"
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert host.results == [
        {"kind": "call", "date": "2026-11-20", "summary": "Nearshoring report", "follow_up_date": "2026-12-01"}
    ]


def _quadrant_names(screen, name):
    options = screen.query_one(f"#{quadrant_id(name)}", OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def test_grid_screen_places_people_filters_and_opens_a_card(directory):
    from db.annotations import add_tags

    assess(directory, "person", 2, influence=4, interest=5, stance="supportive")
    assess(directory, "person", 3, influence=5, interest=1, stance="opposed")
    assess(directory, "person", 4, influence=1, interest=4)
    assess(directory, "person", 6, influence=1, interest=1)
    add_tags(directory, "person", 3, ["vip"])
    host = Host(GridScreen(directory))
    async with host.run_test(size=(80, 24)) as pilot:
        screen = host.screen
        assert _quadrant_names(screen, "manage closely") == ["+ Jason Marczak  4/5"]
        assert _quadrant_names(screen, "keep satisfied") == ["- Megan Bridges  5/1"]
        assert _quadrant_names(screen, "keep informed") == ["? Marcelo Ebrard  1/4"]
        assert _quadrant_names(screen, "monitor") == ["? [bold]Hostile[/bold] Name  1/1"]
        assert "4 assessed" in _text(screen.query_one("#grid-caption", Static))
        await pilot.press("slash", *"#vip", "enter")
        await pilot.pause()
        assert _quadrant_names(screen, "manage closely") == []
        assert _quadrant_names(screen, "keep satisfied") == ["- Megan Bridges  5/1"]
        assert "filter: #vip" in _text(screen.query_one("#grid-caption", Static))
        await pilot.press("slash", "ctrl+u", *"usmxeco delegation", "enter")  # an initiative
        await pilot.pause()
        assert _quadrant_names(screen, "manage closely") == ["+ Jason Marczak  4/5"]
        assert screen.query_one(f"#{quadrant_id('manage closely')}").has_focus
        await pilot.press("enter")
        await pilot.pause()
    assert host.results == [("person", 2)]


def test_parse_filter():
    assert parse_filter("#vip nearshoring group") == ("vip", "nearshoring group")
    assert parse_filter("hled") == (None, "hled")
    assert parse_filter("") == (None, None)


async def test_followups_at_80_columns_show_the_kind_and_the_summary_whole(directory):
    from app_helpers import screen_text

    log_interaction(directory, 2, kind="meeting", date="2026-11-01", summary="Send the ports report", follow_up_date="2026-11-15")
    host = Host(FollowupsScreen(directory, today="2026-11-20"))
    async with host.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        row = next(line for line in screen_text(host).splitlines() if "2026-11-15" in line)
        assert " meeting " in row and "Send the ports report" in row and "…" not in row, row
        assert "Logged" not in screen_text(host)  # the interaction's own date only when wide
    async with Host(FollowupsScreen(directory, today="2026-11-20")).run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        assert "Logged" in screen_text(pilot.app) and "2026-11-01" in screen_text(pilot.app)


async def test_followups_screen_lists_soonest_first_marks_done_and_opens(directory):
    log_interaction(directory, 2, kind="meeting", date="2026-11-01", summary="report", follow_up_date="2026-11-15")
    log_interaction(directory, 3, kind="call", date="2026-11-02", follow_up_date="2026-11-10")
    log_interaction(directory, 5, kind="email", date="2026-11-02", follow_up_date="2026-12-10")
    host = Host(FollowupsScreen(directory, today="2026-11-20"))
    async with host.run_test(size=(80, 24)) as pilot:
        table = host.screen.query_one(DataTable)
        assert [str(table.get_row_at(i)[2]) for i in range(table.row_count)] == ["Megan Bridges", "Jason Marczak"]
        assert str(table.get_row_at(0)[1]) == "10 days overdue"
        await pilot.press("d")
        await pilot.pause()  # done: still listed, ticked, until the view closes (d again undoes it)
        assert [str(table.get_row_at(i)[2]) for i in range(table.row_count)] == ["Megan Bridges", "Jason Marczak"]
        assert str(table.get_row_at(0)[1]) == "✓ done"
        await pilot.press("a")
        await pilot.pause()
        assert [str(table.get_row_at(i)[2]) for i in range(table.row_count)] == ["Megan Bridges", "Jason Marczak",
                                                                                "Jake Sullivan"]
        await pilot.press("j", "enter")
        await pilot.pause()
    assert host.results == [("person", 2)]
    assert directory.execute("SELECT done FROM interactions ORDER BY id").fetchall() == [(0,), (1,), (0,)]
