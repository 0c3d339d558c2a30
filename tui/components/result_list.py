"""The centre pane: the current list (search results or a page of a listing)."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable

from db.browse import ListRow

COLUMNS = (("Name", 0.36), ("Title", 0.24), ("Organization", 0.26), ("Tags", 0.14))


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

    def _widths(self) -> list[int]:
        # the columns share the pane's width (each cell has 1 column of padding on both sides)
        free = max(self.size.width - 2 * len(COLUMNS) - 2, 40)
        return [max(int(free * share), 6) for _, share in COLUMNS]

    def _add_columns(self) -> None:
        self._columns_for = self.size.width
        for (label, _), width in zip(COLUMNS, self._widths()):
            self.add_column(label, width=width, key=label.lower())

    def on_mount(self) -> None:
        self._add_columns()

    def on_resize(self) -> None:
        if self.size.width != self._columns_for:
            row = self.current_row()
            self.clear(columns=True)
            self._add_columns()
            self.show_rows(self.rows_shown, row.key if row else None)

    def show_rows(self, rows: list[ListRow], keep_key: str | None = None) -> None:
        """Replace the rows; put the cursor back on `keep_key` when it is still there."""
        self.clear()
        self.rows_shown = list(rows)
        for row in rows:
            icon = {"person": "", "organization": "◆ ", "initiative": "● "}[row.type]
            name = Text(icon, style="dim") + _cell(row.name)
            name.no_wrap, name.overflow = True, "ellipsis"
            self.add_row(name, _cell(row.title), _cell(row.organization), _cell(row.tags), key=row.key)
        index = next((i for i, r in enumerate(rows) if r.key == keep_key), 0)
        if rows:
            self.move_cursor(row=index, animate=False)

    def current_row(self) -> ListRow | None:
        """The row under the cursor."""
        if not self.rows_shown or not (0 <= self.cursor_row < len(self.rows_shown)):
            return None
        return self.rows_shown[self.cursor_row]
