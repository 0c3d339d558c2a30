"""Pick the record to merge the selected one into, by fuzzy search."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option


class MergePicker(ModalScreen[tuple[int, str] | None]):
    """Returns (id, name) of the survivor, or None. `search(query)` gives [(id, name, detail)]."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", priority=True, id="merge_cancel"),
        Binding("down", "focus_list", "List", show=False),
    ]

    def __init__(self, card: dict, search) -> None:
        super().__init__()
        self.card = card
        self.search = search
        self.found: dict[str, tuple[int, str]] = {}

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(
                Text.assemble("Merge ", (self.card["name"], "bold"), f" into which {self.card['type']}?"),
                classes="dialog-title",
            )
            yield Input(placeholder="type a name", id="merge-query")
            yield OptionList(id="merge-options")
            yield Label("enter pick · ↓ to the list · escape cancel", classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        options = self.query_one(OptionList)
        options.clear_options()
        self.found.clear()
        for eid, name, detail in self.search(event.value):
            if eid == self.card["id"]:
                continue
            self.found[str(eid)] = (eid, name)
            options.add_option(Option(Text.assemble(name, (f"  {detail}" if detail else "", "dim")), id=str(eid)))
        if options.option_count:
            options.highlighted = 0

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        options = self.query_one(OptionList)
        if options.highlighted_option is not None:
            self.dismiss(self.found[options.highlighted_option.id])

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.found[event.option.id])

    def action_focus_list(self) -> None:
        self.query_one(OptionList).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)
