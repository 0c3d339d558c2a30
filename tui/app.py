"""The Textual app. OWNER: TUI helper (placeholder)."""

from __future__ import annotations

from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static


class StakeholdersApp(App):
    """Search, browse and annotate the directory."""

    BINDINGS = [("q", "quit", "Quit")]

    def __init__(self, db_path: Path | str | None = None) -> None:
        super().__init__()
        self.db_path = db_path

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("stakeholders", markup=False)
        yield Footer()
