"""Messages the app's workers and widgets post back to the app.

The ones carrying data from the database scrub it on the way in (`tui.safe_text.scrub`): what
the list, the card and the browse pane show never holds an escape sequence or a bidi control.
"""

from __future__ import annotations

from textual.message import Message

from tui.safe_text import scrub


class ListLoaded(Message):
    """Rows for the result list, from a search or a browse page. `seq` tells stale ones apart."""

    def __init__(self, seq: int, source: tuple, rows: list, total: int | None, caption: str) -> None:
        super().__init__()
        self.seq = seq
        self.source = source
        self.rows = scrub(rows)
        self.total = total
        self.caption = scrub(caption)


class CardLoaded(Message):
    """An entity's card (a dict from `db.cards`), or None when it no longer exists."""

    def __init__(self, seq: int, ref: tuple[str, int], card: dict | None) -> None:
        super().__init__()
        self.seq = seq
        self.ref = ref
        self.card = scrub(card)


class CountsLoaded(Message):
    """Counts for the browse pane: {type: n} and [(tag, n)]."""

    def __init__(self, counts: dict[str, int], tags: list[tuple[str, int]]) -> None:
        super().__init__()
        self.counts = counts
        self.tags = scrub(tags)


class OpenEntity(Message):
    """Open an entity (chosen on a card or in a list): show its card, and for an organization
    or initiative its people in the result list."""

    def __init__(self, entity_type: str, entity_id: int) -> None:
        super().__init__()
        self.entity_type = entity_type
        self.entity_id = entity_id


class BrowseChosen(Message):
    """The browse pane picked a list: ("type", "person") or ("tag", name-or-None)."""

    def __init__(self, source: tuple) -> None:
        super().__init__()
        self.source = source
