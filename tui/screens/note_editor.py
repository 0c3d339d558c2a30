"""A modal editor for a new note: ctrl+s saves, escape closes and keeps what was typed as a draft."""

from __future__ import annotations

from typing import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Label, Static, TextArea

from tui.screens.dialog import Dialog


class NoteEditor(Dialog[str | None]):
    """Returns the note's text, or None when closed. Text typed and not saved is handed to
    `keep_draft` (never discarded silently) and comes back as `draft` next time."""

    def __init__(self, entity_name: str, draft: str = "", keep_draft: Callable[[str], None] | None = None) -> None:
        super().__init__()
        self.entity_name = entity_name
        self.draft = draft
        self.keep_draft = keep_draft

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Text.assemble("Note on ", (self.entity_name, "bold")), classes="dialog-title")
            yield TextArea(self.draft, id="note-body", soft_wrap=True)
            yield Static("", id="note-error", classes="dialog-error")
            hint = "ctrl+s save · escape close (the text is kept as a draft)" if self.keep_draft else "ctrl+s save · escape cancel"
            yield Label(hint, classes="dialog-hint")

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        if self.draft:
            area.move_cursor(area.document.end)

    def action_save(self) -> None:
        body = self.query_one(TextArea).text.strip()
        if not body:
            self.query_one("#note-error", Static).update("A note cannot be empty.")
            return
        self.submit(body)

    def saved_after_close(self, result) -> None:
        """Closed while saving, the text was kept as a draft in case the write failed: it did not."""
        if self.keep_draft is not None:
            self.keep_draft("")

    def action_cancel(self) -> None:
        """Close; typed text is kept as a draft for the next `n` on this record."""
        text = self.query_one(TextArea).text
        if self.keep_draft is not None:
            self.keep_draft(text if text.strip() else "")
            if text.strip():
                self.app.notify("Note kept as a draft: n to continue it.", timeout=3)
        self.dismiss(None)
