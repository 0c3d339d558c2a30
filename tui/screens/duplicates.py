"""`d`: possible duplicates — pairs of people (or organizations) whose names are close, best
first, with why and what they share. `m` merges the pair (after a confirmation), `n` marks it
"not the same" (never suggested again), `t` switches between people and organizations,
`enter` opens the first record's card.

The pairs are computed in a thread worker (seconds at 100,000 people) and every write runs in a
worker on a connection of its own (`app.pool`), never on the interface thread.
"""

from __future__ import annotations

import sqlite3

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from db.connection import DatabaseError
from db.duplicates import DuplicatesError, Pair, mark_not_same, possible_duplicates
from db.journal import undo_last
from db.merge import MergeError, merge_entities
from tui.screens.confirm import Confirm
from tui.screens.table_screen import TABLE_KEYS, TableScreenKeys

SHOWN = 200  # pairs loaded into the table
LABELS = {"person": "people", "organization": "organizations"}
EVIDENCE = {"organizations": "Shared organizations", "people": "Shared people", "initiatives": "Shared initiatives",
            "documents": "Shared documents"}
ERRORS = (DuplicatesError, MergeError, DatabaseError, sqlite3.Error)


def shared_summary(pair: Pair) -> str:
    """`2 organizations, 1 initiative` (empty when they share nothing)."""
    parts = []
    for kind, names in pair.evidence.items():
        word = kind if len(names) != 1 else kind[:-1] if kind != "people" else "person"
        parts.append(f"{len(names)} {word}")
    return ", ".join(parts)


class DuplicatesScreen(TableScreenKeys, ModalScreen[tuple[str, int] | None]):
    """Returns (type, id) of a record to open, or None when closed."""

    DEFAULT_CSS = """
    DuplicatesScreen { align: left top; }
    DuplicatesScreen #dupes-box { width: 100%; height: 100%; background: $surface; padding: 0 1; }
    DuplicatesScreen #dupes-title { height: 1; text-style: bold; color: $primary; }
    DuplicatesScreen #dupes-caption { height: 1; color: $text-muted; }
    DuplicatesScreen #dupes-table { height: 1fr; }
    DuplicatesScreen #dupes-detail { height: auto; max-height: 8; border-top: solid $primary-darken-2; }
    DuplicatesScreen #dupes-hint { height: 1; color: $text-muted; }
    """
    BINDINGS = [
        Binding("escape", "close", "Close", priority=True, id="duplicates_close"),
        Binding("m", "merge_pair", "Merge", id="duplicates_merge"),
        Binding("M", "merge_pair(True)", "Merge, keep the other", id="duplicates_merge_other_way", key_display="M"),
        Binding("n", "not_same", "Not the same", id="duplicates_not_same"),
        Binding("t", "switch_type", "People/organizations", id="duplicates_switch_type"),
        Binding("u", "undo", "Undo", id="duplicates_undo"),
        *TABLE_KEYS,
    ]

    def __init__(self, entity_type: str = "person") -> None:
        super().__init__()
        self.entity_type = entity_type
        self.pairs: dict[str, Pair] = {}
        self.busy = False  # a write is on its way: keys wait for it
        self.load_seq = 0

    def compose(self) -> ComposeResult:
        with Vertical(id="dupes-box"):
            yield Static("Possible duplicates", id="dupes-title")
            yield Static("", id="dupes-caption", markup=False)
            yield DataTable(id="dupes-table", cursor_type="row", zebra_stripes=True)
            yield Static("", id="dupes-detail", markup=False)
            yield Static("m/M merge · n not the same · u undo · t people/orgs · enter open · esc close",
                         id="dupes-hint", markup=False)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column("Score", width=5, key="score")
        name_width = max(18, min(28, (self.app.size.width - 50) // 2))  # room for "Shared" at 80 columns
        table.add_column("Record", width=name_width, key="a")
        table.add_column("Maybe the same as", width=name_width, key="b")
        table.add_column("Why", width=15, key="why")
        table.add_column("Shared", key="shared")
        table.focus()
        self.load()

    # ------------------------------------------------------------ loading
    def load(self) -> None:
        """Compute the pairs again in a worker; the table keeps showing the old ones until then."""
        self.load_seq += 1
        what = LABELS[self.entity_type]
        if not self.pairs:
            self._caption(f"Looking for possible duplicates among {what}…")
        self._compute(self.load_seq, self.entity_type)

    @work(thread=True, exclusive=True, group="duplicates")
    def _compute(self, seq: int, entity_type: str) -> None:
        try:
            with self.app.pool.lease() as lease:
                pairs = possible_duplicates(lease.db, entity_type, limit=SHOWN)
        except ERRORS as exc:
            self._from_thread(self._caption, f"Could not look for duplicates: {' '.join(str(exc).split())}")
            return
        self._from_thread(self._show, seq, entity_type, pairs)

    def _from_thread(self, fn, *args) -> None:
        try:
            self.app.call_from_thread(fn, *args)
        except RuntimeError:  # the app has closed
            pass

    def _caption(self, text: str) -> None:
        if self.is_attached:
            self.query_one("#dupes-caption", Static).update(Text(text, no_wrap=True, overflow="ellipsis"))

    def _show(self, seq: int, entity_type: str, pairs: list[Pair]) -> None:
        if seq != self.load_seq or not self.is_attached:
            return
        table = self.query_one(DataTable)
        keep = table.cursor_row
        table.clear()
        self.pairs = {f"{p.a_id}-{p.b_id}": p for p in pairs}
        for key, p in self.pairs.items():
            table.add_row(
                Text(str(p.score), justify="right"), Text(p.a_name, no_wrap=True, overflow="ellipsis"),
                Text(p.b_name, no_wrap=True, overflow="ellipsis"), Text(p.reason), Text(shared_summary(p)), key=key,
            )
        if pairs:
            table.move_cursor(row=min(keep, len(pairs) - 1), animate=False)
        what = LABELS[entity_type]
        if len(pairs) >= SHOWN:
            caption = f"The best {SHOWN} pairs of {what} that may be one"
        elif pairs:
            caption = f"{len(pairs)} pair{'s' if len(pairs) != 1 else ''} of {what} that may be one, best first"
        else:
            caption = f"No possible duplicates among {what}."
        self._caption(caption)
        self._detail()

    def _current(self) -> Pair | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        return self.pairs.get(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def _detail(self) -> None:
        pair = self._current()
        detail = self.query_one("#dupes-detail", Static)
        if pair is None:
            detail.update("")
            return
        keep, gone = self._survivor(pair)
        text = Text()
        text.append(f"{pair.a_name}", style="bold")
        text.append(f" (#{pair.a_id})  ~  ")
        text.append(f"{pair.b_name}", style="bold")
        text.append(f" (#{pair.b_id})\n{pair.reason}, score {pair.score}")
        for kind, names in pair.evidence.items():
            text.append(f"\n{EVIDENCE[kind]}: ", style="bold")
            text.append(", ".join(names))
        if not pair.evidence:
            text.append("\nThey share no organization, initiative or document.")
        text.append(f"\nm keeps {keep[1]} and merges the other into it; M keeps {gone[1]}.", style="italic")
        detail.update(text)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self._detail()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        pair = self.pairs.get(event.row_key.value)
        if pair is not None:
            self.dismiss((pair.entity_type, pair.a_id))

    # ------------------------------------------------------------ writes
    @staticmethod
    def _survivor(pair: Pair) -> tuple[tuple[int, str], tuple[int, str]]:
        """((kept id, name), (merged-away id, name))."""
        a, b = (pair.a_id, pair.a_name), (pair.b_id, pair.b_name)
        return (a, b) if pair.into_id == pair.a_id else (b, a)

    def action_merge_pair(self, other_way: bool = False) -> None:
        """Merge the highlighted pair after a confirmation: the fuller name is kept (`M`: the
        other one)."""
        pair = self._current()
        if pair is None or self.busy:
            return
        keep, gone = self._survivor(pair)
        if other_way:
            keep, gone = gone, keep
        question = Text.assemble(
            "Merge ", (gone[1], "bold"), " into ", (keep[1], "bold"), "?\n\n",
            "Its aliases, affiliations, memberships, notes, tags and mentions move to ", (keep[1], "bold"),
            "; its name becomes an alias.",
        )
        self.app.push_screen(Confirm(question), lambda yes: yes and self._write(
            pair, f"Merged into {keep[1]}", merge_entities, pair.entity_type, gone[0], keep[0]))

    def action_not_same(self) -> None:
        """Remember that the highlighted pair are two entities; it is never suggested again."""
        pair = self._current()
        if pair is None or self.busy:
            return
        self._write(pair, f"Not the same: {pair.a_name} / {pair.b_name}", mark_not_same,
                    pair.entity_type, pair.a_id, pair.b_id)

    def _write(self, pair: Pair, done: str, fn, *args) -> None:
        self.busy = True
        self._run_write(pair, done, fn, args)

    @work(thread=True, group="duplicates-write")
    def _run_write(self, pair: Pair, done: str, fn, args: tuple) -> None:
        try:
            with self.app.pool.lease() as lease:
                fn(lease.db, *args)
        except ERRORS as exc:
            self._from_thread(self._write_failed, exc)
            return
        self._from_thread(self._written, pair, done, args[1] if fn is merge_entities else None)

    def _write_failed(self, exc: Exception) -> None:
        self.busy = False
        self.app.notify(f"Not saved: {' '.join(str(exc).split())}", severity="error", markup=False)

    def _written(self, pair: Pair, done: str, merged: int | None) -> None:
        """The write landed: drop the pair (after a merge, every pair of the record `merged`
        away), reload the main screen and the pairs."""
        self.busy = False
        self.app.notify(done, timeout=3, markup=False)
        if not self.is_attached:
            return
        table = self.query_one(DataTable)
        gone = {f"{pair.a_id}-{pair.b_id}"}
        if merged is not None:  # every pair of the merged-away record is stale
            gone |= {k for k, p in self.pairs.items() if merged in (p.a_id, p.b_id)}
        for key in gone:
            if key in self.pairs:
                del self.pairs[key]
                table.remove_row(key)
        self._detail()
        after = getattr(self.app, "after_write", None)
        if merged is not None and after is not None:
            after()  # the main screen's lists, counts and card
        self.load()  # and the pairs, in the background

    def action_undo(self) -> None:
        """Undo the newest change made since the app opened (a merge made here, or any other);
        the pairs are computed again."""
        if not self.busy:
            self.busy = True
            self._run_undo(getattr(self.app, "journal_start", 0))

    @work(thread=True, group="duplicates-write")
    def _run_undo(self, since: int) -> None:
        try:
            with self.app.pool.lease() as lease:
                description = undo_last(lease.db, since)
        except ERRORS as exc:
            self._from_thread(self._write_failed, exc)
            return
        self._from_thread(self._undone, description)

    def _undone(self, description: str | None) -> None:
        self.busy = False
        if description is None:
            self.app.notify("Nothing to undo since the app opened.", timeout=3)
            return
        self.app.notify(f"Undone: {description}", timeout=4, markup=False)
        after = getattr(self.app, "after_write", None)
        if after is not None:
            after()
        if self.is_attached:
            self.load()

    # ------------------------------------------------------------ moving
    def action_switch_type(self) -> None:
        """Show possible duplicates of organizations instead of people, or back."""
        self.entity_type = "organization" if self.entity_type == "person" else "person"
        self.pairs = {}
        self.query_one(DataTable).clear()
        self._detail()
        self.load()
