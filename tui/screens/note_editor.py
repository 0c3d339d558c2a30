"""A modal editor for a new note: ctrl+s saves, escape cancels."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Label, Static, TextArea

from tui.screens.dialog import Dialog


class NoteEditor(Dialog[str | None]):
    """Returns the note's text, or None when cancelled."""

    def __init__(self, entity_name: str) -> None:
        super().__init__()
        self.entity_name = entity_name

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Text.assemble("Note on ", (self.entity_name, "bold")), classes="dialog-title")
            yield TextArea(id="note-body", soft_wrap=True)
            yield Static("", id="note-error", classes="dialog-error")
            yield Label("ctrl+s save · escape cancel", classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one(TextArea).focus()

    def action_save(self) -> None:
        body = self.query_one(TextArea).text.strip()
        if not body:
            self.query_one("#note-error", Static).update("A note cannot be empty.")
            return
        self.dismiss(body)
