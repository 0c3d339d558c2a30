"""A modal form to edit an entity's own fields, validated before it closes.

Only the fields the user changed are written, each checked against the value the form opened
with; a field changed underneath meanwhile (an import, another process) is shown with both
values and the user chooses: keep mine or take theirs.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from db.annotations import EDITABLE_FIELDS, AnnotationError
from db.edits import EditConflict, changed_fields
from tui.safe_text import clean, scrub
from tui.screens.dialog import Dialog

Changes = dict[str, tuple[str | None, str | None]]


class EditForm(Dialog[dict | None]):
    """Returns the changes written ({field: (old, new)}), or None when cancelled.

    With a `writer(db, (changes, force))` the form stays open until the write succeeds."""

    def __init__(self, card: dict) -> None:
        super().__init__()
        self.card = scrub(card)  # shown cleaned (`tui.safe_text`)
        self.fields = EDITABLE_FIELDS[card["type"]]
        self.opened = {f: card.get(f) for f in self.fields}  # as stored when the form opened

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

    def changes(self) -> Changes:
        """The fields the user changed since the form opened (raises AnnotationError if invalid)."""
        values = {f: self.query_one(f"#field-{f}", Input).value for f in self.fields}
        shown = {f: clean(v) if v else v for f, v in self.opened.items()}  # what the user saw
        changes = changed_fields(self.card["type"], shown, values)
        return {f: (self.opened[f], new) for f, (_, new) in changes.items()}  # stored value: conflict check

    def action_save(self, force: bool = False) -> None:
        try:
            changes = self.changes()
        except AnnotationError as exc:
            self.query_one("#edit-error", Static).update(Text(str(exc)))
            return
        if not changes:
            self.dismiss({})
            return
        self.submit((changes, force))

    def write_failed(self, result, exc: Exception) -> None:
        """A conflict asks the user to choose; any other failure keeps the form with a retry."""
        if not isinstance(exc, EditConflict) or not (self.is_attached and self.app.screen is self):
            super().write_failed(result, exc)
            return
        changes, _ = result
        self.show_status("Changed elsewhere meanwhile: choose which to keep.")

        def chosen(keep_mine: bool | None) -> None:
            if keep_mine is None:
                self.show_status("Not saved yet: changed elsewhere meanwhile.")
            elif keep_mine:
                self.submit((changes, True))
            else:
                for field, value in exc.theirs.items():
                    self.opened[field] = value
                    self.query_one(f"#field-{field}", Input).value = clean(value or "")
                self.action_save()

        self.app.push_screen(ConflictChoice(changes, exc.theirs), chosen)


class ConflictChoice(ModalScreen[bool | None]):
    """Both values of each field changed underneath: True keeps mine, False takes theirs,
    None (escape) goes back to the form."""

    BINDINGS = [
        Binding("k", "answer(True)", "Keep mine", id="conflict_keep_mine"),
        Binding("t", "answer(False)", "Take theirs", id="conflict_take_theirs"),
        Binding("escape", "answer(None)", "Back to the form", id="conflict_back"),
    ]

    def __init__(self, mine: Changes, theirs: dict[str, str | None]) -> None:
        super().__init__()
        self.mine = mine
        self.theirs = scrub(theirs)  # read from the database just now: shown, so cleaned

    def compose(self) -> ComposeResult:
        text = Text("Changed by someone else since the form opened:\n\n")
        for field, value in sorted(self.theirs.items()):
            text.append(f"{field.capitalize()}\n", style="bold")
            text.append(f"  mine:   {self.mine[field][1] or '(empty)'}\n")
            text.append(f"  theirs: {value or '(empty)'}\n")
        with Vertical(classes="dialog dialog-small"):
            yield Static(text, classes="dialog-title", id="conflict-text")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Keep mine (k)", id="mine", variant="warning")
                yield Button("Take theirs (t)", id="theirs", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#theirs", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "mine")

    def action_answer(self, keep_mine: bool | None) -> None:
        self.dismiss(keep_mine)
