"""Pilot tests of the app as a daily driver (issue 14): keys typed in a burst, the log dialog,
lists that use the screen, selection and bulk actions, export, settings."""

from __future__ import annotations

import pytest
from app_helpers import burst, card_name, settle
from test_app_data import build_fixture_db

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
