"""Pick the record to merge the selected one into, by fuzzy search (searched in a worker thread)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList

from tui.screens.picker import SearchesInWorker


class MergePicker(SearchesInWorker, ModalScreen[tuple[int, str] | None]):
    """Returns (id, name) of the survivor, or None. `search(query)` gives [(id, name, detail)]; it
    runs in a worker thread, so it must not use the interface thread's connection."""

    QUERY_ID = "#merge-query"
    OPTIONS_ID = "#merge-options"

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", priority=True, id="merge_cancel"),
        Binding("down", "focus_list", "List", show=False),
    ]

    def __init__(self, card: dict, search) -> None:
        super().__init__()
        self.card = card
        self.find = search
        self.exclude_id = card["id"]
        self.init_search()

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

    def picked(self, choice: tuple[int, str]) -> None:
        """The survivor was chosen."""
        self.dismiss(choice)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.found[event.option.id])

    def action_focus_list(self) -> None:
        self.query_one(OptionList).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)
