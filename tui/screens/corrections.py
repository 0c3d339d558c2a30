"""Dialogs of the correction keys: rename (`r`), retype (`T`), split (`S`), add by hand (`a`)
and the picker of attach (`A`). Names come from documents: shown as `Text`, never markup.

Dialogs that write (rename, split, add, the title/role of attach) take a `writer` like every
editing dialog (`tui.screens.dialog.Dialog`): they stay open with what was typed until the
write has landed.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, RadioButton, RadioSet, SelectionList, Static
from textual.widgets.option_list import Option
from textual.widgets.selection_list import Selection

from db.corrections import mention_context
from tui.screens.dialog import Dialog
from tui.screens.merge_picker import EntityPicker

__all__ = ["AddDialog", "EntityPicker", "NameDialog", "SplitDialog", "TypeChoice"]

TYPES = ("person", "organization", "initiative")


def _cut(text: str | None, width: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


class NameDialog(Dialog[str | None]):
    """One line of text (a new name, a title, a role): enter or ctrl+s saves."""

    def __init__(self, title: Text, value: str = "", *, placeholder: str = "", allow_empty: bool = False) -> None:
        super().__init__()
        self.title_text = title
        self.value = value
        self.placeholder = placeholder
        self.allow_empty = allow_empty

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog dialog-small"):
            yield Label(self.title_text, classes="dialog-title")
            yield Input(self.value, placeholder=self.placeholder, id="name-value")
            yield Static("", classes="dialog-error")
            yield Label("enter save · escape cancel", classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        value = " ".join(self.query_one(Input).value.split())
        if not value and not self.allow_empty:
            self.show_status("It cannot be empty.")
            return
        self.submit(self.result_for(value))

    def result_for(self, value: str):
        """What the dialog returns for the text typed."""
        return value


class TypeChoice(ModalScreen[str | None]):
    """Pick the record's real type (the other two types)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", priority=True, id="type_cancel")]

    def __init__(self, card: dict) -> None:
        super().__init__()
        self.card = card

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog dialog-small"):
            yield Label(Text.assemble("What is ", (self.card["name"], "bold"), " really?"), classes="dialog-title")
            yield OptionList(*[Option(Text.assemble(f"a{'n' if t[0] in 'aeiou' else ''} ", (t[0], "underline"), t[1:]),
                                      id=t) for t in TYPES if t != self.card["type"]], id="type-options")
            yield Label("/".join(t[0] for t in TYPES if t != self.card["type"]) + " or enter pick · escape cancel",
                        classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def on_key(self, event) -> None:
        """`p`, `o`, `i` pick person, organization, initiative at once."""
        choice = next((t for t in TYPES if t[0] == event.character and t != self.card["type"]), None)
        if choice is not None:
            event.stop()
            event.prevent_default()
            self.dismiss(choice)

    def action_cancel(self) -> None:
        """Close without a choice."""
        self.dismiss(None)


class SplitDialog(Dialog[dict | None]):
    """Split a record: the new record's name and, with checkboxes, the mentions and relations
    that go to it. Returns the keyword arguments of `db.corrections.split_entity`."""

    def __init__(self, card: dict, mentions: list[dict], relations: list[dict]) -> None:
        super().__init__()
        self.card = card
        self.mentions = mentions
        self.relations = relations

    def compose(self) -> ComposeResult:
        selections = [
            Selection(Text.assemble((_cut(m["title"], 40), "dim"), ": ", mention_context(m, 80)), f"m:{m['id']}")
            for m in self.mentions
        ] + [
            Selection(Text(f"{r['kind']}: {r['name']}" + (f" ({r['extra']})" if r["extra"] else "")),
                      f"r:{r['param']}:{r['id']}")
            for r in self.relations
        ]
        with Vertical(classes="dialog"):
            yield Label(Text.assemble("Split ", (self.card["name"], "bold"), ": a new record takes what you tick"),
                        classes="dialog-title")
            yield Input(self.card["name"], placeholder="name of the new record", id="split-name")
            yield SelectionList(*selections, id="split-parts")
            yield Static("", classes="dialog-error")
            yield Label("space tick · tab next field · ctrl+s split · escape cancel", classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one(SelectionList).focus()

    def action_save(self) -> None:
        name = " ".join(self.query_one(Input).value.split())
        if not name:
            self.show_status("The new record needs a name.")
            return
        chosen = self.query_one(SelectionList).selected
        if not chosen:
            self.show_status("Tick at least one mention or relation to move.")
            return
        result: dict = {"new_name": name, "mention_ids": [], "organization_ids": [], "initiative_ids": [],
                        "person_ids": []}
        for value in chosen:
            parts = value.split(":")
            if parts[0] == "m":
                result["mention_ids"].append(int(parts[1]))
            else:
                result[parts[1]].append(int(parts[2]))
        self.submit(result)


class AddDialog(NameDialog):
    """Add a person, organization or initiative by hand: returns (type, name)."""

    def __init__(self, entity_type: str = "person") -> None:
        super().__init__(Text("Add by hand"), placeholder="name")
        self.entity_type = entity_type

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog dialog-small"):
            yield Label(self.title_text, classes="dialog-title")
            with RadioSet(id="add-type"):
                for t in TYPES:
                    yield RadioButton(t, value=t == self.entity_type, id=f"add-{t}")
            yield Input(placeholder=self.placeholder, id="add-name")
            yield Static("", classes="dialog-error")
            yield Label("tab next field · enter add · escape cancel", classes="dialog-hint")

    def result_for(self, value: str) -> tuple[str, str]:
        """(type, name)."""
        pressed = self.query_one(RadioSet).pressed_button
        return (pressed.id.removeprefix("add-") if pressed is not None else "person"), value
