"""`D`: every imported document, newest first (title, date, what it gave, source), a page of
`PAGE_SIZE` rows at a time (`[` / `]`); `enter` reviews one (`tui.screens.review`), `R` runs
the current extractor over it again (`db.corrections.reextract`, corrections kept)."""

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
from db.documents import count_documents, list_documents
from tui.screens.confirm import Confirm
from tui.screens.screen_keys import ScreenKeys
from tui.screens.review import Finder, ReviewScreen, corrections, one_line

PAGE_SIZE = 200
TITLE_WIDTH = 60  # characters of a title in the table (the Review screen shows it whole)


def source_name(source: str | None) -> str:
    """Where a document came from, by its file name (its folder is the same for most; the
    Review screen shows the whole path)."""
    source = one_line(source, 400)
    name = source.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
    return name or source


class DocumentsScreen(ScreenKeys, ModalScreen[tuple[str, int] | None]):
    """Returns (entity type, id) when a card is opened from a review, else None."""

    DEFAULT_CSS = """
    DocumentsScreen { align: left top; background: $surface; }
    DocumentsScreen #documents-box { width: 100%; height: 100%; background: $surface; padding: 0 1; }
    DocumentsScreen #documents-title { height: 1; text-style: bold; color: $primary; }
    DocumentsScreen #documents-caption { height: 1; color: $text-muted; }
    DocumentsScreen #documents-table { height: 1fr; }
    DocumentsScreen #documents-hint { height: 1; color: $text-muted; }
    """
    BINDINGS = [
        Binding("question_mark", "help", "Keys", id="documents_help", key_display="?"),
        Binding("escape", "close", "Close", priority=True, id="documents_close"),
        Binding("q", "close", "Close", show=False, id="documents_quit"),  # as on the app's other screens
        Binding("R", "reextract", "Re-extract", id="documents_reextract"),
        Binding("left_square_bracket", "page(-1)", "Previous page", id="documents_previous_page"),
        Binding("right_square_bracket", "page(1)", "Next page", id="documents_next_page"),
        Binding("j", "cursor(1)", "Down", show=False),
        Binding("k", "cursor(-1)", "Up", show=False),
        Binding("home", "edge(0)", "First", show=False, priority=True),  # before the table's own (columns)
        Binding("end", "edge(1)", "Last", show=False, priority=True),
    ]

    def __init__(self, find: Finder | None = None) -> None:
        super().__init__()
        self.finder = find
        self.page_offset = 0
        self.total = 0
        self.rows: dict[str, dict] = {}
        self._keep: str | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="documents-box"):
            yield Static("Documents", id="documents-title")
            yield Static("Loading…", id="documents-caption")
            yield DataTable(id="documents-table", cursor_type="row", zebra_stripes=True)
            yield Static("enter review · R re-extract · [ ] page · escape close", id="documents-hint")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Date", "People", "Orgs", "Inits", "Rels", "Title", "Source")
        table.focus()
        self.load()

    @work(thread=True, exclusive=True, group="documents-load")
    def load(self) -> None:
        """Read one page of documents on a connection of its own, then show it."""
        try:
            with self.app.pool.lease() as lease:
                total = count_documents(lease.db)
                rows = list_documents(lease.db, limit=PAGE_SIZE, offset=self.page_offset)
        except (DatabaseError, sqlite3.Error) as exc:
            self._from_thread(self.notify, f"Could not list the documents: {exc}", severity="error", markup=False)
            return
        self._from_thread(self.show_rows, total, rows)

    def show_rows(self, total: int, rows: list[dict]) -> None:
        """Fill the table with `rows` (a page of `list_documents`), keeping the cursor's document."""
        if not self.is_attached:
            return
        self.total = total
        table = self.query_one(DataTable)
        keep = self._keep or self._current_key()
        table.clear()
        self.rows = {str(r["id"]): r for r in rows}
        for r in rows:
            table.add_row(
                Text(r["date"] or ""), Text(str(r["people"]), justify="right"),
                Text(str(r["organizations"]), justify="right"), Text(str(r["initiatives"]), justify="right"),
                Text(str(r["relations"]), justify="right"), Text(one_line(r["title"], TITLE_WIDTH)),
                Text(source_name(r["source"]), style="dim"),
                key=str(r["id"]),
            )
        self._keep = None
        if keep in self.rows:
            table.move_cursor(row=table.get_row_index(keep), animate=False)
        if not total:
            caption = "No documents yet: import some with `stakeholders import PATH`."
        else:
            last = min(self.page_offset + len(rows), total)
            caption = f"{self.page_offset + 1}–{last} of {total:,}, newest first"
        self.query_one("#documents-caption", Static).update(Text(caption))

    def _current_key(self) -> str | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    def current(self) -> dict | None:
        """The document under the cursor, or None."""
        return self.rows.get(self._current_key() or "")

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        row = self.rows.get(event.row_key.value)
        if row is not None:
            self.open_review(row["id"])

    def open_review(self, document_id: int) -> None:
        """Review one document; opening a card from there closes this screen too."""

        def closed(ref: tuple[str, int] | None) -> None:
            if ref is not None:
                self.dismiss(ref)
            else:  # what it gave may have changed
                self._keep = str(document_id)
                self.load()

        self.app.push_screen(ReviewScreen(document_id, self.finder), closed)

    def action_reextract(self) -> None:
        """Run the current extractor again over the document under the cursor, keeping every
        correction and annotation (after a confirmation)."""
        row = self.current()
        fn = getattr(corrections, "reextract", None)
        if row is None or fn is None:
            self.notify("Highlight a document first." if fn else "Re-extraction is not available in this build.",
                        severity="warning")
            return
        question = Text.assemble("Re-extract ", (one_line(row["title"], 80), "bold"), "?\n\n",
                                 "What it drew is replaced by what the current extractor finds; "
                                 "your corrections, notes and tags stay.")
        self.app.push_screen(Confirm(question), lambda yes: yes and self._reextract(fn, row["id"]))

    @work(thread=True, exclusive=True, group="documents-reextract")
    def _reextract(self, fn, document_id: int) -> None:
        try:
            with self.app.pool.lease() as lease:
                outcome = fn(lease.db, document_id)
        except (DatabaseError, sqlite3.Error, ValueError) as exc:
            self._from_thread(self.notify, f"Re-extraction failed: {one_line(str(exc), 200)}", severity="error",
                              markup=False)
            return
        added = sum(outcome.get("added", {}).values())
        removed = sum(outcome.get("removed", {}).values())
        self._from_thread(self.notify, f"Re-extracted: {added} added, {removed} removed", timeout=3)
        self._from_thread(self.load)

    def _from_thread(self, fn, *args, **kwargs) -> None:
        try:
            self.app.call_from_thread(fn, *args, **kwargs)
        except RuntimeError:  # the app has closed
            pass

    def action_page(self, step: int) -> None:
        """Previous / next page."""
        offset = self.page_offset + step * PAGE_SIZE
        if 0 <= offset < self.total:
            self.page_offset = offset
            self.load()

    def action_cursor(self, step: int) -> None:
        """Move the cursor (j/k)."""
        table = self.query_one(DataTable)
        (table.action_cursor_down if step > 0 else table.action_cursor_up)()

    def action_edge(self, last: int) -> None:
        """home / end: the first / last document of the page."""
        table = self.query_one(DataTable)
        if table.row_count:
            table.move_cursor(row=table.row_count - 1 if last else 0, animate=False)

    def action_close(self) -> None:
        """Back to the directory."""
        self.dismiss(None)
