"""Pilot helpers shared by the app's test files."""

from __future__ import annotations

from textual.app import App
from textual.widgets import OptionList, Static

from db import open_db

from tui.components.entity_card import EntityCard
from tui.components.result_list import ResultList


async def settle(pilot, rounds: int = 3) -> None:
    """Let workers finish and their messages be handled (an exclusive worker cancelled by a newer one
    while we wait is part of the app's normal work, not a failure)."""
    from textual.worker import WorkerCancelled

    for _ in range(rounds):
        try:
            await pilot.app.workers.wait_for_complete()
        except WorkerCancelled:
            pass
        await pilot.pause()


async def settle_until(pilot, condition, timeout: float = 10.0) -> None:
    """Settle until `condition()` holds or `timeout` seconds pass (a chain of workers — a write, then
    the card read again, then the scroll — takes more rounds on a busy machine)."""
    import time

    deadline = time.monotonic() + timeout
    await settle(pilot)
    while not condition() and time.monotonic() < deadline:
        await settle(pilot, rounds=1)
        await pilot.pause(0.05)


def screen_text(app) -> str:
    """What the terminal shows, as plain text."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def card_text(app) -> str:
    """The card's text, lines unwrapped (sections and links)."""
    card = app.query_one(EntityCard)
    parts = [w.visual.plain for w in card.query(Static)]
    for links in card.query(OptionList):
        parts += [links.get_option_at_index(i).prompt.plain for i in range(links.option_count)]
    return "\n".join(parts)


def card_name(app) -> str | None:
    card = app.query_one(EntityCard).card
    return card["name"] if card else None


def list_names(app) -> list[str]:
    return [r.name for r in app.query_one(ResultList).rows_shown]


async def search_for(pilot, text: str, type_it: bool = False) -> None:
    """Focus the search bar with `/`, then type `text` key by key or (faster) paste it in."""
    await pilot.press("slash")
    if type_it:
        await pilot.press(*text)
    else:
        pilot.app.focused.insert_text_at_cursor(text)
    await settle(pilot)


async def open_person(pilot, query: str, type_it: bool = False) -> None:
    """Wait for the first screen, search, and open the top match with enter."""
    await settle(pilot)
    await search_for(pilot, query, type_it=type_it)
    await pilot.press("enter")
    await settle(pilot)


def rows(db_path, sql: str, params=()) -> list:
    """Run `sql` on a connection of its own (as another process would) and return the rows."""
    db = open_db(db_path)
    try:
        return db.execute(sql, list(params)).fetchall()
    finally:
        db.close()


class Host(App):
    """Pushes one screen and records what it dismissed with."""

    def __init__(self, screen) -> None:
        super().__init__()
        self.to_push = screen
        self.results: list = []

    def on_mount(self) -> None:
        self.push_screen(self.to_push, self.results.append)


_KEY_CHARACTERS = {"slash": "/", "space": " ", "enter": "\r", "tab": "\t", "escape": "\x1b", "ctrl+u": "\x15",
                   "backspace": "\x7f", "asterisk": "*", "minus": "-", "plus": "+"}


def burst(app, *keys: str) -> None:
    """Post `keys` to the app all at once, as a terminal delivers keys typed (or sent) in one
    burst: nothing is handled between them. Letters may be given as themselves."""
    from textual import events

    for key in keys:
        character = _KEY_CHARACTERS.get(key, key if len(key) == 1 else None)
        app.post_message(events.Key(key, character))
