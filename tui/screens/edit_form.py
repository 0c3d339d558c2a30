"""A modal form to edit an entity's own fields, validated before it closes."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Grid, Vertical
from textual.widgets import Input, Label, Static

from db.annotations import EDITABLE_FIELDS, AnnotationError, validate_fields
from tui.screens.dialog import Dialog


class EditForm(Dialog[dict | None]):
    """Returns the validated fields, or None when cancelled."""

    def __init__(self, card: dict) -> None:
        super().__init__()
        self.card = card
        self.fields = EDITABLE_FIELDS[card["type"]]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Text.assemble("Edit ", (self.card["name"], "bold")), classes="dialog-title")
            with Grid(classes="form-grid"):
                for field in self.fields:
                    yield Label(field.capitalize(), classes="field-label")
                    yield Input(self.card.get(field) or "", id=f"field-{field}", select_on_focus=False, compact=True)
            yield Static("", id="edit-error", classes="dialog-error")
            yield Label("enter / ctrl+s save · tab next field · escape cancel", classes="dialog-hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        values = {f: self.query_one(f"#field-{f}", Input).value for f in self.fields}
        try:
            clean = validate_fields(self.card["type"], values)
        except AnnotationError as exc:
            self.query_one("#edit-error", Static).update(Text(str(exc)))
            return
        self.dismiss(clean)
