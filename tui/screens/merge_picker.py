"""Pick a record by fuzzy search: the record to merge the selected one into (`m`), or the
organization / initiative to attach a person to (`A`)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option


class EntityPicker(ModalScreen[tuple[str, int, str] | None]):
    """`search(query)` gives [(type, id, name, detail)]; returns (type, id, name) or None."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", priority=True, id="merge_cancel"),
        Binding("down", "focus_list", "List", show=False),
    ]

    def __init__(self, title: Text, search, *, show_type: bool = True) -> None:
        super().__init__()
        self.title_text = title
        self.search = search
        self.show_type = show_type
        self.found: dict[str, tuple[str, int, str]] = {}

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="dialog-title")
            yield Input(placeholder="type a name", id="merge-query")
            yield OptionList(id="merge-options")
            yield Label("enter pick · ↓ to the list · escape cancel", classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        options = self.query_one(OptionList)
        options.clear_options()
        self.found.clear()
        for etype, eid, name, detail in self.search(event.value):
            key = f"{etype}:{eid}"
            self.found[key] = (etype, eid, name)
            label = Text.assemble(name, (f"  {etype}" if self.show_type else "", "italic"),
                                  (f"  {detail}" if detail else "", "dim"))
            options.add_option(Option(label, id=key))
        if options.option_count:
            options.highlighted = 0

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        options = self.query_one(OptionList)
        if options.highlighted_option is not None:
            self.pick(self.found[options.highlighted_option.id])

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.pick(self.found[event.option.id])

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
            lambda query: [(card["type"], eid, name, detail) for eid, name, detail in search(query)
                           if eid != card["id"]],
            show_type=False,
        )

    def pick(self, found: tuple[str, int, str]) -> None:
        """Close with (id, name) of the survivor."""
        self.dismiss((found[1], found[2]))
