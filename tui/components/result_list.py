"""The centre pane: the current list (search results or a page of a listing).

Each kind of list has its own columns (people: title, organization; organizations: acronym,
people; initiatives: kind, members), which share the pane's width by their content, the name
first. `o` sorts by the next column and `O` reverses (or click a header); the rows loaded (a
page) are sorted, not the whole directory. `space` selects a row, shift+↑/↓ extends the
selection, `*` selects every row shown; the app acts on the selection (tag, export, assess, log).
"""

from __future__ import annotations

import re

from rich.cells import cell_len
from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable

from db.browse import ListRow
from db.textnorm import fold

# (label, ListRow attribute) per kind of list; a narrow list keeps the name and the third
COLUMNS = {
    "person": (("Name", "name"), ("Title", "title"), ("Organization", "organization"), ("Tags", "tags")),
    "organization": (("Name", "name"), ("Acronym", "title"), ("People", "organization"), ("Tags", "tags")),
    "initiative": (("Name", "name"), ("Kind", "title"), ("Members", "organization"), ("Tags", "tags")),
    "mixed": (("Name", "name"), ("Title / kind", "title"), ("Organization / size", "organization"), ("Tags", "tags")),
}
NARROW_BELOW = 50
ICONS = {"person": "", "organization": "◆ ", "initiative": "● "}
SELECTED_MARK = "✓ "
MIN_WIDTH = {"name": 12}
MAX_WIDTH = 60
NAME_SHARE = 0.45
NARROW_NAME_SHARE = 0.6
# A header is never cut: a column too narrow for its label shows the short form.
SHORT_LABEL = {"Organization": "Org", "Organization / size": "Org / size", "Title / kind": "Title/kind", "Members": "Memb."}
WANTED_SHARE = 0.9  # a column other than the name wants the width of 90% of its cells, not of the longest


def _cell(value: str) -> Text:
    # Text, never a str: a str cell would be parsed as markup ("[bold]X[/bold]" must show as typed)
    return Text(value or "", no_wrap=True, overflow="ellipsis", end="")


def list_kind(rows: list[ListRow]) -> str:
    """Which columns a list gets: its one entity type, or "mixed". A list of an organization's
    (initiative's) people headed by the organization itself counts as people."""
    types = {r.type for r in rows[1:]} if len(rows) > 1 and rows[0].type != "person" else {r.type for r in rows}
    return types.pop() if len(types) == 1 else ("person" if not types else "mixed")


def fit_widths(free: int, wanted: list[int], minimum: list[int], weights: list[float] | None = None) -> list[int]:
    """Share `free` cells between columns that want `wanted` (each at least `minimum`): the first
    column (the name) gets what it wants up to NAME_SHARE of the room while others still want space, the
    others share the rest by `weights` (how much text they hold: a column empty on most rows
    takes little), each capped at its need, and what is left goes back to the name."""
    widths = [min(m, free) for m in minimum]
    room = free - sum(widths)
    if room <= 0:
        return widths
    weights = list(weights) if weights is not None else [1.0] * len(wanted)
    others_need = sum(max(w - m, 0) for w, m in zip(wanted[1:], minimum[1:]))
    share = NAME_SHARE if len(wanted) > 2 else NARROW_NAME_SHARE
    name_cap = max(int(free * share), free - sum(minimum[1:]) - others_need)
    grow = max(min(wanted[0], name_cap) - widths[0], 0)
    grow = min(grow, room)
    widths[0] += grow
    room -= grow
    open_ = [i for i in range(1, len(widths)) if widths[i] < wanted[i]]
    while room > 0 and open_:  # shares by weight, capped at each one's need (water filling)
        total = sum(max(weights[i], 0.01) for i in open_)
        given = 0
        for i in list(open_):
            step = min(max(int(room * max(weights[i], 0.01) / total), 1), wanted[i] - widths[i], room - given)
            widths[i] += step
            given += step
            if widths[i] >= wanted[i]:
                open_.remove(i)
            if given >= room:
                break
        room -= given
        if given == 0:
            break
    widths[0] += room  # the name takes what nobody needs (no empty band on the right)
    return widths


def wanted_width(lengths: list[int], share: float = WANTED_SHARE) -> int:
    """The width that shows `share` of the cells whole: one long title (or the tags of the one
    tagged row) does not take the room of the names."""
    if not lengths:
        return 0
    ordered = sorted(lengths)
    return ordered[min(len(ordered) - 1, max(int(len(ordered) * share + 0.5) - 1, 0))]


def sort_key(value: str):
    """Numbers by value ("12 people" after "3 people"), text folded, empty last."""
    if not value:
        return (2, 0, "")
    number = re.match(r"\d+", value)
    if number:
        return (0, int(number.group()), fold(value))
    return (1, 0, fold(value))


class ResultList(DataTable):
    """Rows of ListRow, keyed "type:id"; never more than a page."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("space", "toggle_select", "Select", id="select_row"),
        Binding("shift+down", "extend_select(1)", "Select down", id="select_down", show=False),
        Binding("shift+up", "extend_select(-1)", "Select up", id="select_up", show=False),
        Binding("asterisk", "select_all", "Select all", id="select_all", key_display="*", show=False),
        Binding("o", "sort_next", "Sort", id="sort_next", show=False),
        Binding("O", "sort_reverse", "Reverse sort", id="sort_reverse", show=False),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)
        self.rows_loaded: list[ListRow] = []  # in the order the list came
        self.rows_shown: list[ListRow] = []  # in the order shown (sorted)
        self.selected: dict[str, ListRow] = {}
        self.sort_attr: str | None = None
        self.sort_reverse = False
        self.kind = "person"
        self._columns: tuple = COLUMNS["person"]
        self._layout: tuple | None = None

    # ---------------------------------------------------------------- columns
    def _column_set(self) -> tuple:
        columns = COLUMNS[self.kind]
        return (columns[0], columns[2]) if self.size.width < NARROW_BELOW else columns

    def _texts(self, row: ListRow) -> list[Text]:
        cells = [_cell(getattr(row, attr)) for _, attr in self._columns]
        prefix = Text(SELECTED_MARK, style="bold") if row.key in self.selected else Text(ICONS[row.type], style="dim")
        cells[0] = Text.assemble(prefix, cells[0], no_wrap=True, overflow="ellipsis", end="")
        return cells

    def _fit_columns(self) -> None:
        """(Re)build the columns for the rows and the width, when either changed. The name
        wants its longest cell; the other columns the width of most of their cells; no header
        is cut (a narrow column shows its short label)."""
        self._columns = self._column_set()
        free = max(self.size.width - 2 * len(self._columns) - 2, 16)  # 1 cell of padding each side, scrollbar
        wanted, minimum, weights = [], [], []
        for label, attr in self._columns:
            full = cell_len(self._heading(label, attr))
            short = cell_len(self._heading(SHORT_LABEL.get(label, label), attr))
            lengths = [cell_len(getattr(r, attr) or "") for r in self.rows_shown]
            if attr == "name":
                want = max(max(lengths, default=0) + 2, full)  # + the icon or the selection mark
                low = MIN_WIDTH["name"]
            else:
                want = max(wanted_width(lengths), short)
                low = short
            wanted.append(min(want, MAX_WIDTH))
            minimum.append(min(low, wanted[-1]))
            weights.append(sum(min(n, MAX_WIDTH) for n in lengths) / max(len(lengths), 1))
        widths = fit_widths(free, wanted, minimum, weights)
        layout = (tuple(self._columns), tuple(widths), self.sort_attr, self.sort_reverse)
        if layout == self._layout:
            return
        self._layout = layout
        self.clear(columns=True)
        for (label, attr), width in zip(self._columns, widths):
            heading = self._heading(label, attr)
            if cell_len(heading) > width:
                heading = self._heading(SHORT_LABEL.get(label, label), attr)
            self.add_column(heading, width=max(width, 3), key=attr)

    def _heading(self, label: str, attr: str) -> str:
        if attr != self.sort_attr:
            return label
        return label + (" ▼" if self.sort_reverse else " ▲")

    def on_mount(self) -> None:
        self._fit_columns()

    def on_resize(self) -> None:
        row = self.current_row()
        self._refill(row.key if row else None)

    # ---------------------------------------------------------------- rows
    def show_rows(self, rows: list[ListRow], keep_key: str | None = None) -> None:
        """Replace the rows; put the cursor back on `keep_key` when it is still there. The
        selection keeps the rows still listed.

        Posts no RowHighlighted: refilling the list is not the user moving the cursor, so the
        card (which may show an entity opened from another card) is left to the caller."""
        self.rows_loaded = list(rows)
        kind = list_kind(self.rows_loaded)
        if kind != self.kind:
            self.kind, self.sort_attr, self.sort_reverse = kind, None, False
        keys = {r.key for r in rows}
        self.selected = {k: r for k, r in self.selected.items() if k in keys}
        self._refill(keep_key)

    def _refill(self, keep_key: str | None) -> None:
        rows = list(self.rows_loaded)
        if self.sort_attr is not None:
            head = rows[:1] if rows and rows[0].type != "person" and any(r.type == "person" for r in rows[1:]) else []
            rest = sorted(rows[len(head):], key=lambda r: sort_key(getattr(r, self.sort_attr)), reverse=self.sort_reverse)
            rows = head + rest  # an organization heading its people stays on top
        self.rows_shown = rows
        with self.prevent(DataTable.RowHighlighted):
            self.clear()
            self._fit_columns()
            for row in rows:
                self.add_row(*self._texts(row), key=row.key)
            index = next((i for i, r in enumerate(rows) if r.key == keep_key), 0)
            if rows:
                self.move_cursor(row=index, animate=False)

    def current_row(self) -> ListRow | None:
        """The row under the cursor."""
        if not self.rows_shown or not (0 <= self.cursor_row < len(self.rows_shown)):
            return None
        return self.rows_shown[self.cursor_row]

    # ---------------------------------------------------------------- selection
    def selected_rows(self) -> list[ListRow]:
        """The rows selected, in the order shown."""
        return [r for r in self.rows_shown if r.key in self.selected]

    def _mark(self, row: ListRow, on: bool) -> None:
        if on:
            self.selected[row.key] = row
        else:
            self.selected.pop(row.key, None)
        self.update_cell(row.key, "name", self._texts(row)[0])

    def _selection_changed(self) -> None:
        self.border_subtitle = f"{len(self.selected)} selected" if self.selected else ""
        handler = getattr(self.app, "selection_changed", None)
        if handler is not None:
            handler(len(self.selected))

    def action_toggle_select(self) -> None:
        """Select or unselect the row under the cursor, and move down."""
        row = self.current_row()
        if row is None:
            return
        self._mark(row, row.key not in self.selected)
        self._selection_changed()
        self.action_cursor_down()

    def action_extend_select(self, step: int) -> None:
        """Select the row under the cursor and the next (previous) one."""
        row = self.current_row()
        if row is None:
            return
        self._mark(row, True)
        self.move_cursor(row=self.cursor_row + step, animate=False)
        following = self.current_row()
        if following is not None:
            self._mark(following, True)
        self._selection_changed()

    def action_select_all(self) -> None:
        """Select every row shown (or unselect all when they all are)."""
        every = len(self.selected) == len(self.rows_shown)
        for row in self.rows_shown:
            self._mark(row, not every)
        self._selection_changed()

    def clear_selection(self) -> bool:
        """Unselect everything; False when nothing was selected."""
        if not self.selected:
            return False
        for row in self.selected_rows():
            self._mark(row, False)
        self.selected.clear()
        self._selection_changed()
        return True

    # ---------------------------------------------------------------- sorting
    def sort_by(self, attr: str | None, reverse: bool = False) -> None:
        """Sort the rows shown by the column `attr` (None: the order they came in)."""
        row = self.current_row()
        self.sort_attr, self.sort_reverse = attr, reverse
        self._refill(row.key if row else None)

    def action_sort_next(self) -> None:
        """Sort by the next column (after the last one: the order the list came in)."""
        attrs = [attr for _, attr in self._columns]
        index = attrs.index(self.sort_attr) + 1 if self.sort_attr in attrs else 0
        self.sort_by(attrs[index] if index < len(attrs) else None)

    def action_sort_reverse(self) -> None:
        """Reverse the sort (sorting by name first when unsorted)."""
        self.sort_by(self.sort_attr or "name", not self.sort_reverse)

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        event.stop()
        attr = event.column_key.value
        self.sort_by(attr, reverse=not self.sort_reverse if attr == self.sort_attr else False)
