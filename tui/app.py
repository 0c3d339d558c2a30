"""The Textual app: search bar, browse pane, result list and entity card, driven by the keyboard.

Data comes only from `db/` functions. Slow work (searching, listing, loading a card) runs in
thread workers that borrow their own connection from `tui.pool` and post a message back,
tagged with a sequence number so a stale result never overwrites a newer one. Edits are
written by workers too (a busy database never freezes the screen), each in its own transaction;
a dialog stays open with what was typed until its write succeeds.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import inspect
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from rich.text import Text
from textual import on, work
from textual.app import App, ComposeResult, ScreenStackError, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.css.query import NoMatches
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Input, Static, TextArea

from db.annotations import AnnotationError, add_note, add_tags, remove_tags, tag_counts
from db.cards import entity_card, entity_row
from db.connection import DatabaseError, data_version, open_db, write_transaction
from db.edits import apply_edits
from db.formats.export import ExportFilters
from db.merge import MergeError, merge_entities
from db.stats import directory_counts
from db.textnorm import fold
from tui import listing
from tui.components.browse_pane import BrowsePane, option_id_of
from tui.components.entity_card import EntityCard
from tui.components.footer import FittingFooter
from tui.components.result_list import ResultList
from tui.components.search_bar import SearchBar
from tui.messages import BrowseChosen, CardLoaded, CountsLoaded, ListLoaded, OpenEntity
from tui.pool import ConnectionPool
from tui.safe_text import clean, scrub
from tui.screens.confirm import Confirm
from tui.screens.edit_form import EditForm
from tui.screens.help import HelpScreen
from tui.screens.merge_picker import MergePicker
from tui.screens.note_editor import NoteEditor
from tui.screens.tag_editor import TagEditor
from db.analysis import card_extras  # stakeholder analysis (issue 7): card sections, keys p i l g f
from tui.analysis_actions import ANALYSIS_ACTIONS, ANALYSIS_BINDINGS, AnalysisActions
from tui.components.connections import register_sections
from tui.components.entity_card import SECTIONS
from tui.correction_actions import CORRECTION_ACTIONS, CORRECTION_BINDINGS, CorrectionActions  # issue 11
from tui.document_actions import DOCUMENT_ACTIONS, DOCUMENT_BINDINGS, DocumentActions  # issue 11: D
from tui.daily_actions import DAILY_ACTIONS, DAILY_BINDINGS, DailyActions  # issue 14: selection, export, settings

POLL_SECONDS = 2.0
# Drawing allocates many short-lived objects: with Python's default thresholds a full collection
# ran every few keys and took 100-250 ms at 100k people (the p95 of keystroke to painted results).
GC_THRESHOLDS = (20_000, 20, 20)
CARD_DELAY_WHILE_TYPING = 0.2  # seconds after the last keystroke before the card follows
WRITE_ERRORS = (AnnotationError, MergeError, DatabaseError, sqlite3.Error)
# Actions that only make sense on the main screen (not while a dialog is open).
MAIN_ACTIONS = {"focus_search", "note", "tags", "edit", "merge", "export", "back", "help", "quit", "page", "refresh"}
MAIN_ACTIONS |= {"duplicates"}
MAIN_ACTIONS |= ANALYSIS_ACTIONS
MAIN_ACTIONS |= CORRECTION_ACTIONS
MAIN_ACTIONS |= DOCUMENT_ACTIONS
MAIN_ACTIONS |= DAILY_ACTIONS
register_sections(SECTIONS)


@dataclass
class Place:
    """Where the user was, for `backspace`."""

    source: tuple
    offset: int
    row_key: str | None
    card_ref: tuple[str, int] | None
    query: str
    focus: str  # id of the pane that had focus


def _unless_gone(handler):
    """Drop a late message that arrives while the app is shutting down (its panes are gone)."""
    if inspect.iscoroutinefunction(handler):
        @functools.wraps(handler)
        async def wrapped_async(self, *args):
            with contextlib.suppress(NoMatches, ScreenStackError):
                return await handler(self, *args)

        return wrapped_async

    @functools.wraps(handler)
    def wrapped(self, *args):
        with contextlib.suppress(NoMatches, ScreenStackError):
            return handler(self, *args)

    return wrapped


def tune_gc() -> None:
    """Once the first screen is built: what exists then (modules, classes, the widgets) lives as
    long as the app, so the collector stops walking it (`gc.freeze`), and collections run less
    often. Garbage made later is still collected."""
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)


def export_request(source: tuple, rows: list) -> tuple[ExportFilters | None, list[int] | None, str] | None:
    """What `x` exports for a list source: (filters, person ids, file label), or None when the
    list holds no people. A search exports the people shown; a listing exports all of it."""
    kind = source[0]
    if kind == "search":
        ids = [r.id for r in rows if r.type == "person"]
        return (None, ids, "search-" + _slug(source[1])) if ids else None
    if kind == "type":
        return (ExportFilters(), None, "people") if source[1] == "person" else None
    if kind == "tag":
        return (ExportFilters(tag=source[1]), None, "tag-" + _slug(source[1])) if source[1] else None
    if kind == "related":
        key = "organization_id" if source[1] == "organization" else "initiative_id"
        return ExportFilters(**{key: source[2]}), None, f"{source[1]}-{source[2]}"
    return None


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")[:40] or "list"


class StakeholdersApp(DailyActions, DocumentActions, CorrectionActions, AnalysisActions, App):
    """Search, browse and annotate the directory."""

    CSS_PATH = "app.tcss"
    TITLE = "stakeholders"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]

    # Later features add their keys here (ids keep them addressable from keymaps and tests).
    BINDINGS = [
        # priority: handled as the key arrives, so the keys typed right after land in the search bar
        Binding("slash", "focus_search", "Search", id="focus_search", priority=True),
        Binding("n", "note", "Note", id="note"),
        Binding("t", "tags", "Tags", id="tags"),
        Binding("e", "edit", "Edit", id="edit"),
        Binding("m", "merge", "Merge", id="merge"),
        Binding("x", "export", "Export", id="export"),
        Binding("d", "duplicates", "Duplicates", id="duplicates", show=False),  # in ? and ctrl+p
        Binding("backspace", "back", "Back", id="back", show=False),
        Binding("ctrl+r", "refresh", "Refresh", id="refresh", show=False),
        Binding("question_mark", "help", "Help", id="help", key_display="?"),
        Binding("q", "quit", "Quit", id="quit"),
        Binding("ctrl+q", "quit", "Quit", id="quit_always", show=False, priority=True),
        Binding("tab", "cycle_pane(1)", "Next pane", id="next_pane", show=False, priority=True),
        Binding("shift+tab", "cycle_pane(-1)", "Previous pane", id="previous_pane", show=False, priority=True),
        Binding("left_square_bracket", "page(-1)", "Previous page", id="previous_page", show=False),
        Binding("right_square_bracket", "page(1)", "Next page", id="next_page", show=False),
        *ANALYSIS_BINDINGS,
        *CORRECTION_BINDINGS,
        *DOCUMENT_BINDINGS,
        *DAILY_BINDINGS,
    ]
    PANES = ("search", "browse", "results", "card")

    def __init__(self, db_path: Path | str | None = None) -> None:
        super().__init__()
        self.db_path = db_path
        self.db = None
        self.pool: ConnectionPool | None = None
        self.source: tuple = ("type", "person")
        self.browse_source: tuple = ("type", "person")
        self.offset = 0
        self.total = 0
        self.history: list[Place] = []
        self.card_ref: tuple[str, int] | None = None  # the entity the card shows (or is loading)
        self.list_seq = 0  # last list requested
        self.loaded_seq = 0  # last list shown
        self.card_seq = 0
        self._requested: tuple = (self.source, 0)
        self._keep_key: str | None = None
        self._keep_card = False
        self._card_timer = None
        self._open_top_seq = -1
        self._data_version = 0
        self._reveal: tuple[tuple[str, int], str] | None = None  # (card, section) to scroll into view
        self._drafts: dict[tuple[str, int], str] = {}  # notes typed and not saved, by record

    # ---------------------------------------------------------------- layout
    @property
    def main_screen(self) -> Screen:
        """The screen holding the panes (a dialog may be on top of it)."""
        return self.screen_stack[0] if self.screen_stack else self.screen

    def compose(self) -> ComposeResult:
        yield SearchBar(id="search")
        with Horizontal(id="body"):
            yield BrowsePane(id="browse")
            with Vertical(id="centre"):
                yield Static("", id="list-caption", markup=False)
                yield ResultList(id="results")
            yield EntityCard(id="card")
        yield FittingFooter()

    def on_mount(self) -> None:
        self.db = open_db(self.db_path)
        self.pool = ConnectionPool(self.db_path)
        self._data_version = self._read_data_version()
        self.start_journal()  # `u` undoes only what is done from now on
        self.main_screen.query_one("#browse").border_title = "Browse"
        self.main_screen.query_one("#centre").border_title = "List"
        self.main_screen.query_one("#card").border_title = "Card"
        self.main_screen.query_one(ResultList).focus()
        self.load_counts()
        self.load_list(self.source)
        self.set_interval(POLL_SECONDS, self.poll_changes)
        self.setup_daily()

    def on_unmount(self) -> None:
        self.workers.cancel_all()
        if self.pool is not None:
            self.pool.close()
        if self.db is not None:
            self.db.close()

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        """Main-screen actions are off while a dialog is open."""
        if action in MAIN_ACTIONS and isinstance(self.screen, ModalScreen):
            return False
        if action == "focus_search" and isinstance(self.focused, (Input, TextArea)):
            return False  # "/" is typed as text there
        return True

    # ---------------------------------------------------------------- loading
    def load_list(
        self, source: tuple, offset: int = 0, keep_key: str | None = None, open_top: bool = False, keep_card: bool = False
    ) -> None:
        """Ask a worker for the rows of `source`; only the newest request is shown. The card then
        follows the row under the cursor unless `keep_card`."""
        self.list_seq += 1
        self._requested = (source, offset)
        self._keep_key = keep_key
        self._keep_card = keep_card
        self._open_top_seq = self.list_seq if open_top else -1  # a newer list cancels a pending enter
        self._fetch_list(self.list_seq, source, offset)

    @work(thread=True, exclusive=True, group="list")
    def _fetch_list(self, seq: int, source: tuple, offset: int) -> None:
        try:
            with self.pool.lease() as lease:
                rows, total, caption = listing.fetch(lease.db, lease.engine, source, offset)
        except (sqlite3.Error, DatabaseError) as exc:
            self._notify_from_thread(f"Could not load the list: {exc}", severity="error", markup=False)
            return
        self.post_message(ListLoaded(seq, (source, offset), rows, total, caption))

    @on(ListLoaded)
    @_unless_gone
    def _show_list(self, message: ListLoaded) -> None:
        if message.seq != self.list_seq:
            return  # a newer request is on its way
        if not self.loaded_seq:
            tune_gc()
        self.loaded_seq = message.seq
        (self.source, self.offset), self.total = message.source, message.total
        # one fixed-height line: no layout (a layout repaints the whole screen)
        self.main_screen.query_one("#list-caption", Static).update(
            Text(message.caption, no_wrap=True, overflow="ellipsis"), layout=False
        )
        table = self.main_screen.query_one(ResultList)
        table.show_rows(message.rows, self._keep_key)
        row = table.current_row()
        if not self._keep_card:
            ref = (row.type, row.id) if row is not None else None
            if self.focused is self.main_screen.query_one(SearchBar) and self._open_top_seq != message.seq:
                self._card_later(ref)  # typing: only the list follows every key, the card catches up
            else:
                self.request_card(ref)
        if self._open_top_seq == message.seq:
            self._open_top_seq = -1
            self.focus_now(table)

    def _card_later(self, ref: tuple[str, int] | None) -> None:
        if self._card_timer is not None:
            self._card_timer.stop()
        self._card_timer = self.set_timer(CARD_DELAY_WHILE_TYPING, lambda: self.request_card(ref))

    def request_card(self, ref: tuple[str, int] | None, force: bool = False) -> None:
        """Show `ref`'s card (loaded by a worker)."""
        if self._card_timer is not None:
            self._card_timer.stop()
            self._card_timer = None
        if ref == self.card_ref and not force:
            return
        self.card_ref = ref
        self.card_seq += 1
        if ref is None:
            self.post_message(CardLoaded(self.card_seq, None, None))
        else:
            self._fetch_card(self.card_seq, ref)

    @work(thread=True, exclusive=True, group="card")
    def _fetch_card(self, seq: int, ref: tuple[str, int]) -> None:
        try:
            with self.pool.lease() as lease:
                card = entity_card(lease.db, *ref)
                if card is not None:
                    card.update(card_extras(lease.db, *ref))
        except (sqlite3.Error, DatabaseError) as exc:
            self._notify_from_thread(f"Could not load the card: {exc}", severity="error", markup=False)
            return
        self.post_message(CardLoaded(seq, ref, card))

    @on(CardLoaded)
    @_unless_gone
    async def _show_card(self, message: CardLoaded) -> None:
        if message.seq != self.card_seq:
            return
        card = self.main_screen.query_one(EntityCard)
        was_in_card = self.focused is not None and self._pane_of(self.focused) == "card"
        reveal = None
        if self._reveal is not None and self._reveal[0] == message.ref:  # the card just annotated
            reveal, self._reveal = self._reveal[1], None
        await card.show(message.card, reveal=reveal)
        if was_in_card:  # the focused link went away with the old card
            card.focus_first()

    @work(thread=True, exclusive=True, group="counts")
    def load_counts(self) -> None:
        """Refresh the browse pane's counts."""
        try:
            with self.pool.lease() as lease:
                counts = directory_counts(lease.db)
                tags = tag_counts(lease.db)
        except (sqlite3.Error, DatabaseError):
            return
        counts = {"person": counts["people"], "organization": counts["organizations"], "initiative": counts["initiatives"]}
        self.post_message(CountsLoaded(counts, tags))

    @on(CountsLoaded)
    @_unless_gone
    def _show_counts(self, message: CountsLoaded) -> None:
        pane = self.main_screen.query_one(BrowsePane)
        with pane.prevent(BrowseChosen):
            pane.set_counts(message.counts, message.tags)

    def reload(self) -> None:
        """Reload counts, the current list (same place) and the card."""
        table = self.main_screen.query_one(ResultList)
        row = table.current_row()
        self.load_counts()
        source, offset = self._requested  # the newest list asked for, even if still on its way
        self.load_list(source, offset, keep_key=row.key if row else None, keep_card=True)
        self.request_card(self.card_ref, force=True)

    def notify(self, message: str, *, title: str = "", **kwargs) -> None:
        """A toast, its text cleaned (`tui.safe_text.clean`): messages quote names and errors."""
        super().notify(clean(str(message)), title=clean(title), **kwargs)

    def _notify_from_thread(self, message: str, **kwargs) -> None:
        """Notify from a worker thread; silent when the app has already closed."""
        with contextlib.suppress(RuntimeError):
            self.call_from_thread(self.notify, message, **kwargs)

    def _read_data_version(self) -> int:
        return data_version(self.db)

    @_unless_gone  # the timer can fire while the app shuts down, its panes gone
    def poll_changes(self) -> None:
        """Reload when another process changed the database (cheap: one PRAGMA)."""
        try:
            version = self._read_data_version()
        except sqlite3.Error:
            return
        if version != self._data_version:
            self._data_version = version
            self.reload()

    # ---------------------------------------------------------------- events
    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        query = event.value
        if self._card_timer is not None:  # still typing: the card waits for a pause after the last key
            self._card_timer.stop()
            self._card_timer = None
        source = ("search", query) if query.strip() else self.browse_source
        if (source, 0) != self._requested:  # enter may already have asked for it
            self.load_list(source)

    def action_search_enter(self) -> None:
        """`enter` in the search bar: move to the list now (the keys typed next go there), and
        open the top match of the query as typed, once every key typed before enter has reached
        the bar (a burst of keys is still queued there when enter, a priority key, arrives)."""
        self.remember()
        self.focus_now(self.main_screen.query_one(ResultList))
        self.main_screen.query_one(SearchBar).call_later(self._open_top_match)

    def _open_top_match(self) -> None:
        query = self.main_screen.query_one(SearchBar).value
        if self.history:
            self.history[-1].query = query
        if not query.strip():
            return
        wanted = (("search", query), 0)
        if self._requested == wanted and self.loaded_seq == self.list_seq:
            table = self.main_screen.query_one(ResultList)
            if table.row_count:
                table.move_cursor(row=0, animate=False)
                row = table.current_row()
                self.request_card((row.type, row.id))
        else:  # the results are on their way: open the top one when they arrive
            self.load_list(*wanted, open_top=True)

    @on(DataTable.RowHighlighted, "#results")
    @_unless_gone
    def _row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        row = self.main_screen.query_one(ResultList).current_row()
        if row is not None and self.loaded_seq == self.list_seq:
            self.request_card((row.type, row.id))

    @on(DataTable.RowSelected, "#results")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        row = self.main_screen.query_one(ResultList).current_row()
        if row is not None:
            self.open_entity(row.type, row.id)

    @on(OpenEntity)
    def _open_from_card(self, message: OpenEntity) -> None:
        if message.entity_type == "interaction":
            self.edit_interaction(message.entity_id)
            return
        self.open_entity(message.entity_type, message.entity_id)

    @on(BrowseChosen)
    def _browse_chosen(self, message: BrowseChosen) -> None:
        if message.source == self.browse_source and self.source == message.source:
            return
        self.remember()
        self.browse_source = message.source
        search = self.main_screen.query_one(SearchBar)
        with search.prevent(Input.Changed):
            search.value = ""
        self.load_list(message.source)

    def open_entity(self, entity_type: str, entity_id: int) -> None:
        """A person: show the card and move into it. An organization or initiative: list its
        people (itself first) and show its card."""
        ref = (entity_type, entity_id)
        self.remember()
        if entity_type == "person" or self.source[:3] == ("related", entity_type, entity_id):
            self.request_card(ref)
            self.main_screen.query_one(EntityCard).focus_first()
            return
        # Only the name, on this thread: the card (a 5,000-member initiative's members and overlaps)
        # is read by the card worker.
        row = entity_row(self.db, entity_type, entity_id)
        if row is None:
            return
        self.request_card(ref)
        self.load_list(("related", entity_type, entity_id, row["name"]), keep_key=f"{entity_type}:{entity_id}",
                       keep_card=True)
        self.focus_now(self.main_screen.query_one(ResultList))

    def remember(self) -> None:
        """Push the current place on the back stack."""
        row = self.main_screen.query_one(ResultList).current_row()
        focused = next((p for p in self.PANES if self.focused and self._pane_of(self.focused) == p), "results")
        self.history.append(
            Place(self.source, self.offset, row.key if row else None, self.card_ref,
                  self.main_screen.query_one(SearchBar).value, focused)
        )
        del self.history[:-50]

    def _pane_of(self, widget) -> str | None:
        for node in widget.ancestors_with_self:
            if node.id in self.PANES:
                return node.id
        return None

    # ---------------------------------------------------------------- navigation actions
    def focus_now(self, widget) -> None:
        """Focus `widget` before the next key is handled (Widget.focus() waits a turn, so keys
        typed right after `/` or `enter` would still go to the old widget)."""
        self.main_screen.set_focus(widget)

    def action_focus_search(self) -> None:
        """Focus the search bar."""
        self.focus_now(self.main_screen.query_one(SearchBar))

    def action_leave_search(self) -> None:
        """Leave the search bar for the result list."""
        self.action_focus_results()

    def action_focus_results(self) -> None:
        """Focus the result list."""
        self.focus_now(self.main_screen.query_one(ResultList))

    def action_cycle_pane(self, step: int) -> None:
        """Move focus to the next (or previous) pane; inside a dialog, to its next field."""
        if isinstance(self.screen, ModalScreen) or not isinstance(self.screen, Screen) or self.screen is not self.screen_stack[0]:
            (self.screen.focus_next if step > 0 else self.screen.focus_previous)()
            return
        current = self._pane_of(self.focused) if self.focused else None
        index = self.PANES.index(current) if current in self.PANES else -1
        target = self.PANES[(index + step) % len(self.PANES)]
        if target == "card":
            self.main_screen.query_one(EntityCard).focus_first()
        else:
            self.focus_now(self.main_screen.query_one(f"#{target}"))

    def action_back(self) -> None:
        """Go back to where the user was before the last open / browse / search."""
        if not self.history:
            self.action_focus_results()
            return
        place = self.history.pop()
        search = self.main_screen.query_one(SearchBar)
        if search.value != place.query:
            with search.prevent(Input.Changed):
                search.value = place.query
        if (place.source, place.offset) != (self.source, self.offset):
            self.load_list(place.source, place.offset, keep_key=place.row_key, keep_card=True)
        else:
            table = self.main_screen.query_one(ResultList)
            index = next((i for i, r in enumerate(table.rows_shown) if r.key == place.row_key), None)
            if index is not None:
                table.move_cursor(row=index, animate=False)
        if place.source[0] in ("type", "tag"):
            self.browse_source = place.source
            pane = self.main_screen.query_one(BrowsePane)
            with pane.prevent(BrowseChosen):
                pane.select_id(option_id_of(place.source))
        self.request_card(place.card_ref)
        if place.focus == "card":
            self.main_screen.query_one(EntityCard).focus_first()
        else:
            self.focus_now(self.main_screen.query_one(f"#{place.focus}"))

    def action_page(self, step: int) -> None:
        """Previous / next page of a long list."""
        if self.source[0] == "search":
            return
        offset = self.offset + step * listing.browse.PAGE_SIZE
        if 0 <= offset < self.total:
            self.load_list(self.source, offset)

    def action_refresh(self) -> None:
        """Reload everything from the database."""
        self._data_version = self._read_data_version()
        self.reload()
        self.notify("Refreshed", timeout=1.5)

    def action_help(self) -> None:
        """Show every key."""
        bindings = [*self.BINDINGS, *ResultList.BINDINGS]
        keys = [(self.get_key_display(b), b.description) for b in bindings if isinstance(b, Binding) and b.id]
        database = str(Path(self.db_path).resolve()) if self.db_path not in (None, ":memory:") else None
        self.push_screen(HelpScreen(keys, database))

    # ---------------------------------------------------------------- editing actions
    def _selected_card(self, raw: bool = False) -> dict | None:
        """The selected entity's card read now, scrubbed for display (`tui.safe_text.scrub`)
        unless `raw` (the edit form compares the stored values)."""
        if self._open_top_seq != -1:
            self.notify("Still searching; try again in a moment.", severity="warning")
            return None
        if self.card_ref is None:
            self.notify("Select someone first.", severity="warning")
            return None
        card = entity_card(self.db, *self.card_ref)
        if card is None:
            self.notify("That record no longer exists.", severity="warning")
            self.reload()
        return card if raw else scrub(card)

    def _write(self, what: str, fn, *args, then=None) -> None:
        """Run one db write in a worker (never on the interface thread); report failure in one
        line instead of a traceback; on success reload and call `then()`."""
        self._write_worker(what, fn, args, then)

    @work(thread=True, group="write")
    def _write_worker(self, what: str, fn, args: tuple, then) -> None:
        try:
            with self.pool.lease() as lease:
                fn(lease.db, *args)
        except WRITE_ERRORS as exc:
            self._notify_from_thread(f"{what} failed: {' '.join(str(exc).split())}", severity="error", markup=False)
            return
        with contextlib.suppress(RuntimeError):
            self.call_from_thread(self._written, then)

    def _written(self, then) -> None:
        self.reload()
        if then is not None:
            then()

    def after_write(self) -> None:
        """A dialog's write landed: show it."""
        self.reload()

    def _dialog_on_selected(self, make_screen, save, writer=None, raw: bool = False) -> None:
        """Open the dialog `make_screen(card)` on the selected entity; with `writer(card)`, the
        dialog writes its result in a worker and stays open until that succeeds; `save(card,
        result)` runs when it closes with a result. `raw`: the card as stored, not scrubbed."""
        card = self._selected_card(raw=raw)
        if card is not None:
            screen = make_screen(card)
            if writer is not None:
                screen.writer = writer(card)
            self.push_screen(screen, lambda result: result and save(card, result))

    def action_note(self) -> None:
        """Add a note to the selected entity (an unsaved note is kept as a draft)."""

        def save(card: dict, body: str) -> None:
            self._drafts.pop((card["type"], card["id"]), None)
            self._reveal = ((card["type"], card["id"]), "notes")
            self.reload()
            self.notify("Note saved.", timeout=2)

        def writer(card: dict):
            return lambda db, body: add_note(db, card["type"], card["id"], body)

        def editor(card: dict) -> NoteEditor:
            ref = (card["type"], card["id"])

            def keep(text: str) -> None:
                if text:
                    self._drafts[ref] = text
                else:
                    self._drafts.pop(ref, None)

            return NoteEditor(card["name"], draft=self._drafts.get(ref, ""), keep_draft=keep)

        self._dialog_on_selected(editor, save, writer)

    def action_tags(self) -> None:
        """Add or remove tags of the selected entity (or of every row selected)."""
        if self.bulk_tags():
            return

        def save(card: dict, result: tuple[list[str], list[str]]) -> None:
            self._reveal = ((card["type"], card["id"]), "tags")
            self.reload()

        def writer(card: dict):
            def write(db, result: tuple[list[str], list[str]]) -> None:
                add, remove = result
                with write_transaction(db):
                    if add:
                        add_tags(db, card["type"], card["id"], add)
                    if remove:
                        remove_tags(db, card["type"], card["id"], remove)

            return write

        self._dialog_on_selected(lambda card: TagEditor(card["name"], card["tags"]), save, writer)

    def action_edit(self) -> None:
        """Edit the selected entity's name, title, email and phone: only the fields changed are
        written, and a field changed elsewhere meanwhile asks the user which to keep."""

        def save(card: dict, result) -> None:
            if result:
                self.reload()
                self.notify("Saved.", timeout=2)

        def writer(card: dict):
            return lambda db, result: apply_edits(db, card["type"], card["id"], result[0], force=result[1])

        self._dialog_on_selected(EditForm, save, writer, raw=True)  # the form scrubs what it shows

    def action_merge(self) -> None:
        """Merge the selected entity into another one, picked by fuzzy search, after confirming."""

        def picker(card: dict) -> MergePicker:
            return MergePicker(card, lambda query: self.pick_search(query, card["type"]))

        def picked(card: dict, target: tuple[int, str]) -> None:
            question = Text.assemble(
                "Merge ", (card["name"], "bold"), " into ", (target[1], "bold"), "?\n\n",
                "Its aliases, affiliations, memberships, notes, tags and mentions move to ",
                (target[1], "bold"), "; its name becomes an alias. u undoes it.",
            )
            self.push_screen(Confirm(question), lambda yes: yes and self._do_merge(card, target))

        self._dialog_on_selected(picker, picked)

    def _do_merge(self, card: dict, target: tuple[int, str]) -> None:
        def merged() -> None:
            self.card_ref = None
            self.request_card((card["type"], target[0]))
            self.notify(f"Merged into {target[1]}", timeout=3, markup=False)

        self._write("Merging", merge_entities, card["type"], card["id"], target[0], then=merged)

    def action_duplicates(self) -> None:
        """Possible duplicates: pairs of people (or organizations) with close names; merge or
        mark "not the same" there; enter opens a record."""

        def closed(ref: tuple[str, int] | None) -> None:
            if ref is not None:
                self.open_entity(*ref)

        from tui.screens.duplicates import DuplicatesScreen  # imported when first opened: a faster start

        self.push_screen(DuplicatesScreen(), closed)

    def pick_search(self, query: str, entity_type: str) -> list[tuple[int, str, str]]:
        """A picker's candidates, [(id, name, detail)]: runs in the picker's worker thread, on a
        pooled connection (never the interface thread's); names scrubbed for the terminal."""
        return [(eid, name, detail) for _, eid, name, detail in self.pick_search_types(query, (entity_type,))]

    def pick_search_types(self, query: str, types: tuple[str, ...]) -> list[tuple[str, int, str, str]]:
        """[(type, id, name, detail)] of the records of `types` matching `query`, as `pick_search`."""
        if not query.strip():
            return []
        with self.pool.lease() as lease:
            hits = lease.engine.search(query, limit=20, types=types)
        return scrub([(h.type, h.id, h.name, h.detail) for h in hits])

    # ---------------------------------------------------------------- command palette
    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every action of the app, by name, in the command palette (ctrl+p)."""
        yield from super().get_system_commands(screen)
        yield SystemCommand("Search", "Focus the search bar (/)", self.action_focus_search)
        for etype, label in listing.TYPE_LABELS.items():
            yield SystemCommand(f"Browse {label.lower()}", f"List all {label.lower()}",
                                lambda s=("type", etype): self.post_message(BrowseChosen(s)))
        yield SystemCommand("Browse tagged", "List everything with a tag",
                            lambda: self.post_message(BrowseChosen(("tag", None))))
        yield SystemCommand("Add a note", "Note on the selected entity (n)", self.action_note)
        yield SystemCommand("Tags", "Add or remove tags of the selected entity (t)", self.action_tags)
        yield SystemCommand("Edit", "Edit name, title, email, phone (e)", self.action_edit)
        yield SystemCommand("Merge", "Merge the selected entity into another (m)", self.action_merge)
        yield SystemCommand("Possible duplicates", "Pairs that may be one record: merge or mark not the same (d)",
                            self.action_duplicates)
        yield SystemCommand("Export list", "Write the current list or selection as CSV, JSON or vCard (x)", self.action_export)
        yield SystemCommand("Back", "Go back (backspace)", self.action_back)
        yield SystemCommand("Next pane", "Focus the next pane (tab)", lambda: self.action_cycle_pane(1))
        yield SystemCommand("Previous pane", "Focus the previous pane (shift+tab)", lambda: self.action_cycle_pane(-1))
        yield SystemCommand("Next page", "Next page of a long list (])", lambda: self.action_page(1))
        yield SystemCommand("Previous page", "Previous page of a long list ([)", lambda: self.action_page(-1))
        yield SystemCommand("Refresh", "Reload from the database (ctrl+r)", self.action_refresh)
        yield from self.analysis_commands()
        yield from self.correction_commands()
        yield from self.document_commands()
        yield from self.daily_commands()
        yield SystemCommand("Help", "Show every key (?)", self.action_help)
