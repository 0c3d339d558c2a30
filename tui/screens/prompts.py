"""Small dialogs of the Review screen: pick one of a few choices, or type one line.

`ChoicePrompt` returns the id of the choice picked (or None); `TextPrompt` returns the line
typed, and with a `writer` (see `tui.screens.dialog.SavesInWorker`) writes it in a worker and
stays open with the text until the write has landed.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from tui.screens.dialog import Dialog


class ChoicePrompt(ModalScreen[str | None]):
    """`choices` are (id, label); `enter` picks, `escape` cancels."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", priority=True, id="choice_cancel")]

    def __init__(self, title: Text | str, choices: list[tuple[str, Text | str]]) -> None:
        super().__init__()
        self.title_text = title
        self.choices = choices

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog dialog-small"):
            yield Label(Text(self.title_text) if isinstance(self.title_text, str) else self.title_text,
                        classes="dialog-title")
            yield OptionList(*(Option(Text(label) if isinstance(label, str) else label, id=cid)
                               for cid, label in self.choices), id="choice-options")
            yield Label("enter pick · escape cancel", classes="dialog-hint")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.focus()
        if options.option_count:
            options.highlighted = 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        """Close without a choice."""
        self.dismiss(None)


class TextPrompt(Dialog[str]):
    """One line of text; `enter` or `ctrl+s` saves (an empty line only when `allow_empty`)."""

    def __init__(self, title: Text | str, value: str = "", placeholder: str = "", allow_empty: bool = False) -> None:
        super().__init__()
        self.title_text = title
        self.value = value
        self.placeholder = placeholder
        self.allow_empty = allow_empty

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog dialog-small"):
            yield Label(Text(self.title_text) if isinstance(self.title_text, str) else self.title_text,
                        classes="dialog-title")
            yield Input(value=self.value, placeholder=self.placeholder, id="prompt-input")
            yield Static("", classes="dialog-error")
            yield Label("enter save · escape cancel", classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        """Save the line typed (one line, spaces folded)."""
        value = " ".join(self.query_one(Input).value.split())
        if not value and not self.allow_empty:
            self.show_status("Type something first (escape cancels).")
            return
        self.submit(value)
