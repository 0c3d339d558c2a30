"""The `?` help screen: the database in use and every key of the main screen."""

from __future__ import annotations

from rich.table import Table
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from tui.safe_text import clean

EXTRA_KEYS = [
    ("↑ ↓  j k", "move in a list"),
    ("enter", "open (in the search bar: open the top match)"),
    ("escape", "leave the search bar; close a dialog"),
    ("ctrl+p", "command palette: every action by name"),
]


class HelpScreen(ModalScreen[None]):
    """Lists the keys; escape, q or ? closes it."""

    BINDINGS = [Binding("escape,q,question_mark", "close", "Close", id="help_close")]

    def __init__(self, keys: list[tuple[str, str]], database: str | None = None) -> None:
        super().__init__()
        self.keys = keys
        self.database = database  # the file open, shown so a mistyped --db is noticed

    def compose(self) -> ComposeResult:
        table = Table(show_header=False, box=None, padding=(0, 2))
        table.add_column(style="bold")
        table.add_column()
        for key, description in [*self.keys, *EXTRA_KEYS]:
            table.add_row(key, description)
        with VerticalScroll(classes="dialog") as dialog:
            if self.database:  # in the border, always in sight: the file name first, then its folder
                path = Path(self.database)
                dialog.border_subtitle = Text(clean(f"database {path.name} in {path.parent}"))
            yield Label("Keys", classes="dialog-title")
            yield Static(table)
            yield Label("escape / q / ? close", classes="dialog-hint")

    def action_close(self) -> None:
        self.dismiss(None)
