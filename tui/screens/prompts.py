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


def letter_keys(ids: list[str]) -> dict[str, str]:
    """{first letter: id} for the ids whose first letter no other id shares (`p` person, `o`
    organization, `i` initiative): one key picks them."""
    firsts = [i[:1].lower() for i in ids]
    return {f: i for f, i in zip(firsts, ids) if f.isalpha() and firsts.count(f) == 1}


class ChoicePrompt(ModalScreen[str | None]):
    """`choices` are (id, label); `enter` picks, `escape` cancels. With `letters`, the first
    letter of an id picks it at once (the type prompts: `p`, `o`, `i`)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", priority=True, id="choice_cancel")]

    def __init__(self, title: Text | str, choices: list[tuple[str, Text | str]], *, letters: bool = False) -> None:
        super().__init__()
        self.title_text = title
        self.choices = choices
        self.letters = letter_keys([cid for cid, _ in choices]) if letters else {}

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog dialog-small"):
            yield Label(Text(self.title_text) if isinstance(self.title_text, str) else self.title_text,
                        classes="dialog-title")
            yield OptionList(*(Option(self._label(cid, label), id=cid) for cid, label in self.choices),
                             id="choice-options")
            hint = "/".join(self.letters) + " or " if self.letters else ""
            yield Label(f"{hint}enter pick · escape cancel", classes="dialog-hint")

    def _label(self, cid: str, label: Text | str) -> Text:
        text = Text(label) if isinstance(label, str) else label.copy()
        if self.letters.get(cid[:1].lower()) == cid and text.plain[:1].lower() == cid[:1].lower():
            text.stylize("underline", 0, 1)  # the key that picks it
        return text

    def on_key(self, event) -> None:
        """A choice's letter picks it."""
        choice = self.letters.get(event.character or "")
        if choice is not None:
            event.stop()
            event.prevent_default()
            self.dismiss(choice)

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
