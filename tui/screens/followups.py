"""`f`: follow-ups due or overdue, soonest first (`a` adds the next 30 days); `d` marks one
done (it stays listed, ticked, until the view closes) and `d` again opens it again; `enter`
opens the person's card; escape or `q` closes. Marking is written in a worker on a connection
of the app's pool: a busy database never freezes the screen, a failure is one notification."""

from __future__ import annotations

import contextlib
import sqlite3

import sqlite_utils
from textual import work
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from db.connection import DatabaseError
from db.engagement import AnalysisError, due_followups, mark_done
from tui.safe_text import scrub
from tui.screens.table_screen import TABLE_KEYS, TableScreenKeys

UPCOMING_DAYS = 30
WIDE = 110  # from this width the follow-ups list also shows the date the interaction was logged


def when_text(days: int) -> Text:
    """`3 days overdue` (bold), `due today`, `in 4 days`."""
    if days < 0:
        return Text(f"{-days} day{'s' if days != -1 else ''} overdue", style="bold")
    return Text("due today" if days == 0 else f"in {days} day{'s' if days != 1 else ''}")


class FollowupsScreen(TableScreenKeys, ModalScreen[tuple[str, int] | None]):
    """Returns ("person", id) when a row is opened, or None when closed."""

    DEFAULT_CSS = """
    FollowupsScreen { align: left top; }
    FollowupsScreen #followups-box { width: 100%; height: 100%; background: $surface; padding: 0 1; }
    FollowupsScreen #followups-title { height: 1; text-style: bold; color: $primary; }
    FollowupsScreen #followups-caption { height: 1; color: $text-muted; }
    FollowupsScreen #followups-table { height: 1fr; }
    FollowupsScreen #followups-hint { height: 1; color: $text-muted; }
    """
    BINDINGS = [
        Binding("escape", "close", "Close", priority=True, id="followups_close"),
        Binding("q", "close", "Close", id="followups_quit"),
        Binding("d", "done", "Done / undo", id="followups_done"),
        Binding("a", "toggle_upcoming", "Upcoming", id="followups_upcoming"),
        *TABLE_KEYS,
    ]

    def __init__(self, db: sqlite_utils.Database, today: str | None = None) -> None:
        super().__init__()
        self.db = db
        self.today = today
        self.upcoming = False
        self.rows: dict[str, dict] = {}
        self.column_keys: list[str] = []
        self.done_here: dict[str, dict] = {}  # marked done in this view: still listed, ticked
        self.writing = False  # one mark at a time: `d` pressed again meanwhile waits for it

    def compose(self) -> ComposeResult:
        with Vertical(id="followups-box"):
            yield Static("Follow-ups", id="followups-title")
            yield Static("", id="followups-caption")
            yield DataTable(id="followups-table", cursor_type="row", zebra_stripes=True)
            yield Static("enter open card · d done / undo · a show next 30 days · escape / q close", id="followups-hint")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        self._add_columns()
        self.load()
        table.focus()

    def _columns(self) -> list[tuple[str, str, int]]:
        """(key, label, width) for the screen's width: the person and the summary share what
        the fixed columns leave; the interaction's own date only when there is room for it."""
        width = self.size.width or 80
        fixed = [("follow_up", "Follow up", 10), ("when", "When", 15), ("person", "Person", 0), ("kind", "Kind", 7)]
        if width >= WIDE:
            fixed.append(("date", "Logged", 10))
        padding = 2 * (len(fixed) + 1)
        room = max(width - 2 - 1 - padding - sum(w for _, _, w in fixed), 20)  # box padding, scrollbar
        person = min(max(room * 2 // 5, 12), 28)
        return [(k, label, person if k == "person" else w) for k, label, w in fixed] + [("summary", "Summary", room - person)]

    def _add_columns(self) -> None:
        table = self.query_one(DataTable)
        table.clear(columns=True)
        self.column_keys = []
        for key, label, width in self._columns():
            table.add_column(label, width=width, key=key)
            self.column_keys.append(key)

    def on_resize(self) -> None:
        if self.is_mounted and self.query(DataTable):
            self._add_columns()
            self.load()

    def load(self) -> None:
        """(Re)load the follow-ups, keeping the cursor near where it was."""
        table = self.query_one(DataTable)
        keep = table.cursor_row
        table.clear()
        found = scrub(due_followups(self.db, self.today, within_days=UPCOMING_DAYS if self.upcoming else 0))
        found += [r for key, r in self.done_here.items() if all(str(f["id"]) != key for f in found)]
        found.sort(key=lambda r: (r["follow_up_date"], r["date"], r["id"]))
        self.rows = {str(r["id"]): r for r in found}
        for r in found:
            done = str(r["id"]) in self.done_here
            cells = {
                "follow_up": r["follow_up_date"],
                "when": Text("✓ done", style="dim") if done else when_text(r["days"]),
                "person": Text(r["name"], overflow="ellipsis", no_wrap=True),
                "kind": Text(r["kind"]),
                "date": Text(r["date"], style="dim"),
                "summary": Text.assemble(r["summary"] or "", (f"  {r['initiative']}" if r.get("initiative") else "",
                                                               "italic dim"), overflow="ellipsis", no_wrap=True),
            }
            table.add_row(*(cells[k] for k in self.column_keys), key=str(r["id"]))
        if found:
            table.move_cursor(row=min(keep, len(found) - 1), animate=False)
        what = f"due, overdue or in the next {UPCOMING_DAYS} days" if self.upcoming else "due or overdue"
        self.query_one("#followups-caption", Static).update(f"{len(found)} {what}, soonest first" if found else f"Nothing {what}.")

    def _current(self) -> dict | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return self.rows.get(key)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        row = self.rows.get(event.row_key.value)
        if row:
            self.dismiss(("person", row["person_id"]))

    def action_done(self) -> None:
        """Mark the follow-up under the cursor done, or open it again when it was."""
        row = self._current()
        if row is None or self.writing:
            return
        undo = str(row["id"]) in self.done_here
        pool = getattr(self.app, "pool", None)
        if pool is None:  # a screen shown on its own (tests): its connection, on this thread
            mark_done(self.db, row["id"], done=not undo)
            self._marked(row, undo)
            return
        self.writing = True
        self._mark(pool, self.app, row, undo)

    @work(thread=True, group="followups-write")
    def _mark(self, pool, app, row: dict, undo: bool) -> None:
        try:
            with pool.lease() as lease:
                mark_done(lease.db, row["id"], done=not undo)
        except (AnalysisError, DatabaseError, sqlite3.Error) as exc:
            reason = " ".join(str(exc).split())
            with contextlib.suppress(RuntimeError):
                app.call_from_thread(self._mark_failed, f"Not saved: {reason}")
            return
        with contextlib.suppress(RuntimeError):
            app.call_from_thread(self._marked, row, undo)

    def _mark_failed(self, message: str) -> None:
        self.writing = False
        self.app.notify(message, severity="error", markup=False)

    def _marked(self, row: dict, undo: bool) -> None:
        """The mark landed: tick (or untick) the row, say so and reload the list."""
        self.writing = False
        app = self.app
        if not self.is_attached:  # closed meanwhile: the write still landed
            app.notify(f"Follow-up {'open again' if undo else 'done'}: {row['name']}", timeout=2, markup=False)
            return
        key = str(row["id"])
        if undo:
            del self.done_here[key]
        else:
            self.done_here[key] = row
        self.notify(f"Follow-up {'open again' if undo else 'done'}: {row['name']}", timeout=2, markup=False)
        self.load()

    def action_toggle_upcoming(self) -> None:
        """Show or hide the follow-ups of the next 30 days."""
        self.upcoming = not self.upcoming
        self.load()
