"""The centre pane: the current list (search results or a page of a listing)."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable

from db.browse import ListRow

# (label, share of the width, ListRow attribute); a narrow list keeps only name and organization
COLUMNS = (("Name", 0.36, "name"), ("Title", 0.24, "title"), ("Organization", 0.26, "organization"),
           ("Tags", 0.14, "tags"))
NARROW_COLUMNS = (("Name", 0.55, "name"), ("Organization", 0.45, "organization"))
NARROW_BELOW = 50


def _cell(value: str) -> Text:
    # Text, never a str: a str cell would be parsed as markup ("[bold]X[/bold]" must show as typed)
    return Text(value or "", no_wrap=True, overflow="ellipsis", end="")


class ResultList(DataTable):
    """Rows of ListRow, keyed "type:id"; never more than a page."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)
        self.rows_shown: list[ListRow] = []
        self._columns_for = -1
        self._columns = COLUMNS

    def _add_columns(self) -> None:
        self._columns_for = self.size.width
        self._columns = NARROW_COLUMNS if self.size.width < NARROW_BELOW else COLUMNS
        # the columns share the pane's width (each cell has 1 column of padding on both sides)
        free = max(self.size.width - 2 * len(self._columns) - 2, 16)
        for label, share, _ in self._columns:
            self.add_column(label, width=max(int(free * share), 3), key=label.lower())

    def on_mount(self) -> None:
        self._add_columns()

    def on_resize(self) -> None:
        if self.size.width != self._columns_for:
            row = self.current_row()
            self.clear(columns=True)
            self._add_columns()
            self.show_rows(self.rows_shown, row.key if row else None)

    def show_rows(self, rows: list[ListRow], keep_key: str | None = None) -> None:
        """Replace the rows; put the cursor back on `keep_key` when it is still there.

        Posts no RowHighlighted: refilling the list is not the user moving the cursor, so the
        card (which may show an entity opened from another card) is left to the caller."""
        with self.prevent(DataTable.RowHighlighted):
            self.clear()
            self.rows_shown = list(rows)
            for row in rows:
                icon = {"person": "", "organization": "◆ ", "initiative": "● "}[row.type]
                cells = [_cell(getattr(row, attr)) for _, _, attr in self._columns]
                cells[0] = Text(icon, style="dim", no_wrap=True, overflow="ellipsis") + cells[0]
                self.add_row(*cells, key=row.key)
            index = next((i for i, r in enumerate(rows) if r.key == keep_key), 0)
            if rows:
                self.move_cursor(row=index, animate=False)

    def current_row(self) -> ListRow | None:
        """The row under the cursor."""
        if not self.rows_shown or not (0 <= self.cursor_row < len(self.rows_shown)):
            return None
        return self.rows_shown[self.cursor_row]
