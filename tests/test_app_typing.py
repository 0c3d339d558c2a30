"""Typing in the search bar costs one small repaint per key, not a layout of the whole screen,
and the card waits until the typing pauses."""

from __future__ import annotations

import gc
import threading

import pytest
from app_helpers import settle
from test_app_data import build_fixture_db
from textual.widget import Widget

import tui.app
import tui.listing
from tui.app import StakeholdersApp
from tui.components.search_bar import SearchBar

SIZE = (120, 40)


@pytest.fixture
def db_path(tmp_path):
    return build_fixture_db(tmp_path / "typing.db")


@pytest.fixture
def layout_requests(monkeypatch):
    """Every widget that asks for a layout (which repaints the whole screen), by id."""
    asked: list[str | None] = []
    original = Widget.refresh

    def refresh(self, *regions, repaint=True, layout=False, recompose=False):
        if layout:
            asked.append(self.id)
        return original(self, *regions, repaint=repaint, layout=layout, recompose=recompose)

    monkeypatch.setattr(Widget, "refresh", refresh)
    return asked


async def test_a_key_in_the_search_bar_and_its_results_ask_no_layout(db_path, layout_requests):
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await settle(pilot)
        layout_requests.clear()
        for key in "wier":
            await pilot.press(key)
            await settle(pilot, rounds=1)
        assert app.source == ("search", "wier") and app.loaded_seq == app.list_seq
        assert "search" not in layout_requests and "list-caption" not in layout_requests
        assert "wier" in str(app.query_one("#list-caption").render())


async def test_a_long_query_still_scrolls_to_the_cursor(db_path):
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        bar = app.query_one(SearchBar)
        await pilot.press(*("x" * 150))
        await pilot.pause()
        assert bar.value == "x" * 150
        assert bar.virtual_size.width == 151 and bar.scroll_x > 0
        await pilot.press("home")
        await pilot.pause()
        assert bar.scroll_x == 0


async def test_the_card_waits_while_keys_keep_coming(db_path, monkeypatch):
    monkeypatch.setattr(tui.app, "CARD_DELAY_WHILE_TYPING", 30.0)  # a pause that never ends in the test
    release = threading.Event()
    fetch = tui.listing.fetch

    def slow_fetch(db, engine, source, offset):
        if source == ("search", "wi"):
            release.wait(10)  # the results of the second key are slow to come
        return fetch(db, engine, source, offset)

    monkeypatch.setattr(tui.listing, "fetch", slow_fetch)
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", "w")
        await settle(pilot)
        pending = app._card_timer
        assert pending is not None and pending._task is not None  # the card follows after a pause
        await pilot.press("i")  # the next key cancels it, before its results arrive
        await pilot.pause()
        assert app.loaded_seq != app.list_seq and pending._task is None
        release.set()
        await settle(pilot)
        assert app._card_timer is not pending and app._card_timer._task is not None


async def test_after_the_first_screen_the_collector_skips_what_lives_as_long_as_the_app(db_path):
    before = gc.get_threshold()
    gc.unfreeze()
    try:
        app = StakeholdersApp(db_path=db_path)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            assert gc.get_freeze_count() > 0
            assert gc.get_threshold() == tui.app.GC_THRESHOLDS
            frozen = gc.get_freeze_count()
            await search_twice(pilot)
            assert gc.get_freeze_count() <= frozen  # frozen once, not on every list (freed ones leave)
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)


async def search_twice(pilot) -> None:
    await pilot.press("slash", "w")
    await settle(pilot)
    await pilot.press("escape")
    await settle(pilot)
