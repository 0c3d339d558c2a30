"""What the app's full-screen lists share: `j`/`k` move the table's cursor, `escape` closes."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import DataTable

TABLE_KEYS = [
    Binding("j", "cursor(1)", "Down", show=False),
    Binding("k", "cursor(-1)", "Up", show=False),
]


class TableScreenKeys:
    """Mixin for a ModalScreen showing one DataTable; add TABLE_KEYS to its BINDINGS."""

    def action_cursor(self, step: int) -> None:
        """Move the cursor (j/k)."""
        table = self.query_one(DataTable)
        (table.action_cursor_down if step > 0 else table.action_cursor_up)()

    def action_close(self) -> None:
        """Close the list."""
        self.dismiss(None)
