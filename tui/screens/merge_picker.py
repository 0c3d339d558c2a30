"""Pick a record by fuzzy search: the record to merge the selected one into (`m`), or the
organization / initiative to attach a person to (`A`). The search runs in a worker thread
(`tui.screens.picker.SearchesInWorker`), so `search` must not use the interface thread's connection."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList

from tui.screens.picker import SearchesInWorker


class EntityPicker(SearchesInWorker, ModalScreen[tuple[str, int, str] | None]):
    """`search(query)` gives [(type, id, name, detail)]; returns (type, id, name) or None."""

    QUERY_ID = "#merge-query"
    OPTIONS_ID = "#merge-options"

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", priority=True, id="merge_cancel"),
        Binding("down", "focus_list", "List", show=False),
    ]

    def __init__(self, title: Text, search, *, show_type: bool = True, exclude: tuple[str, int] | None = None) -> None:
        super().__init__()
        self.title_text = title
        self.show_type = show_type

        def find(query: str) -> list[tuple[str, str, str]]:  # in the worker thread
            return [(f"{etype}:{eid}", name, f"{etype}  {detail}".strip() if show_type else detail)
                    for etype, eid, name, detail in search(query) if (etype, eid) != exclude]

        self.find = find
        self.exclude_id = None
        self.init_search()

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="dialog-title")
            yield Input(placeholder="type a name", id="merge-query")
            yield OptionList(id="merge-options")
            yield Label("enter pick · ↓ to the list · escape cancel", classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def picked(self, choice: tuple[str, str]) -> None:
        """A candidate was chosen: (its "type:id" key, its name)."""
        key, name = choice
        etype, eid = key.split(":", 1)
        self.pick((etype, int(eid), name))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.picked(self.found[event.option.id])

    def pick(self, found: tuple[str, int, str]) -> None:
        """Close with the record picked."""
        self.dismiss(found)

    def action_focus_list(self) -> None:
        """Move from the query to the list."""
        self.query_one(OptionList).focus()

    def action_cancel(self) -> None:
        """Close without a pick."""
        self.dismiss(None)


class MergePicker(EntityPicker):
    """Returns (id, name) of the survivor, or None. `search(query)` gives [(id, name, detail)]."""

    def __init__(self, card: dict, search) -> None:
        self.card = card
        super().__init__(
            Text.assemble("Merge ", (card["name"], "bold"), f" into which {card['type']}?"),
            lambda query: [(card["type"], eid, name, detail) for eid, name, detail in search(query)],
            show_type=False,
            exclude=(card["type"], card["id"]),
        )

    def pick(self, found: tuple[str, int, str]) -> None:
        """Close with (id, name) of the survivor."""
        self.dismiss((found[1], found[2]))
