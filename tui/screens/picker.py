"""A fuzzy-search picker's search, off the screen's thread (the merge picker `m`, the path picker `p`).

Every change of the query starts an exclusive thread worker; its hits come back in a
`PickerHits` message tagged with a sequence number, so a slow, stale search never overwrites a
newer one and typing never waits for the database. `enter` pressed before the newest hits
arrive picks the top one when they do.
"""

from __future__ import annotations

from typing import Callable

from rich.text import Text
from textual import work
from textual.message import Message
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

Finder = Callable[[str], list[tuple[int, str, str]]]  # query -> [(id, name, detail)]


class PickerHits(Message):
    """The candidates found for the query typed at `seq` (or the error that stopped the search)."""

    def __init__(self, seq: int, hits: list[tuple[int, str, str]], error: str | None = None) -> None:
        super().__init__()
        self.seq = seq
        self.hits = hits
        self.error = error


class SearchesInWorker:
    """Mixin for a ModalScreen with an Input (`QUERY_ID`) and an OptionList (`OPTIONS_ID`) of
    candidates; it sets `self.find` (a `Finder`, run in a worker thread) and `self.exclude_id`
    (the record itself, never offered) and implements `picked((id, name))`."""

    QUERY_ID = ""
    OPTIONS_ID = ""
    find: Finder
    exclude_id: int | None = None

    def init_search(self) -> None:
        """Call from `__init__`."""
        self.found: dict[str, tuple[int, str]] = {}
        self.search_seq = 0  # the newest query asked for
        self.shown_seq = 0  # the query whose candidates the list shows
        self.pick_when_found = False  # enter came before the newest candidates

    def picked(self, choice: tuple[int, str]) -> None:  # pragma: no cover - each screen's own
        """The user chose `choice` (id, name)."""
        raise NotImplementedError

    @property
    def searching(self) -> bool:
        """True while the newest query's candidates are still on their way."""
        return self.shown_seq != self.search_seq

    def search_for(self, query: str) -> None:
        """Look `query` up in a worker; an empty query clears the list at once."""
        self.search_seq += 1
        self.pick_when_found = False
        if not query.strip():
            self._show_hits(self.search_seq, [])
            return
        self._search(self.search_seq, query)

    @work(thread=True, exclusive=True, group="picker-search")
    def _search(self, seq: int, query: str) -> None:
        try:
            hits, error = self.find(query), None
        except Exception as exc:  # noqa: BLE001 - one line in the dialog, never a traceback
            hits, error = [], " ".join(str(exc).split()) or type(exc).__name__
        if not get_current_worker().is_cancelled:
            self.post_message(PickerHits(seq, hits, error))

    def on_picker_hits(self, message: PickerHits) -> None:
        """Show the newest query's candidates (a stale one is dropped)."""
        message.stop()
        if message.seq != self.search_seq:
            return  # a newer query is on its way
        if message.error:
            self.app.notify(f"Search failed: {message.error}", severity="error", markup=False)
        self._show_hits(message.seq, message.hits)
        if self.pick_when_found:
            self.pick_when_found = False
            self.pick_highlighted()

    def _show_hits(self, seq: int, hits: list[tuple[int, str, str]]) -> None:
        self.shown_seq = seq
        options = self.query_one(self.OPTIONS_ID, OptionList)
        options.clear_options()
        self.found.clear()
        batch = []
        for eid, name, detail in hits:
            if eid == self.exclude_id or str(eid) in self.found:
                continue
            self.found[str(eid)] = (eid, name)
            batch.append(Option(Text.assemble(name, (f"  {detail}" if detail else "", "dim")), id=str(eid)))
        options.add_options(batch)
        if options.option_count:
            options.highlighted = 0

    def pick_highlighted(self) -> None:
        """Choose the highlighted candidate, or the top one as soon as the newest search lands."""
        if self.searching:
            self.pick_when_found = True
            return
        options = self.query_one(self.OPTIONS_ID, OptionList)
        if options.highlighted_option is not None:
            self.picked(self.found[options.highlighted_option.id])

    def on_input_changed(self, event: Input.Changed) -> None:
        """Search as the user types."""
        event.stop()
        if event.input.id == self.QUERY_ID.lstrip("#"):
            self.search_for(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """`enter` in the query picks the highlighted (or, once found, the top) candidate."""
        event.stop()
        self.pick_highlighted()
