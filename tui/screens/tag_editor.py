"""A modal to add and remove tags: untick a tag to remove it, type new ones (comma separated)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Label, SelectionList, Static

from tui.components.ordered_input import OrderedInput
from tui.screens.dialog import Dialog


class TagEditor(Dialog[tuple[list[str], list[str]] | None]):
    """Returns (tags to add, tags to remove), or None when cancelled. Enter saves the ticks as
    shown, in the list as in the field."""

    # priority: in the list of current tags enter would tick again; the save itself waits for
    # the keys typed before enter (see action_enter)
    BINDINGS = [Binding("enter", "enter", "Save", priority=True, id="tags_enter_save")]

    def __init__(self, entity_name: str, tags: list[str]) -> None:
        super().__init__()
        self.entity_name = entity_name
        self.tags = tags

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Text.assemble("Tags of ", (self.entity_name, "bold")), classes="dialog-title")
            if self.tags:
                yield Label("Current tags (untick to remove):", classes="dialog-hint")
                yield SelectionList[str](*((Text(t), t, True) for t in self.tags), id="tags-current")
            yield OrderedInput(placeholder="new tags, comma separated", id="tags-new")
            yield Static("", id="tags-error", classes="dialog-error")
            # focus starts in the field: say how to reach the ticks
            untick = "shift+tab to the ticks, space unticks · " if self.tags else ""
            yield Label(f"{untick}enter / ctrl+s save · escape cancel", classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#tags-new", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_enter(self) -> None:
        """Save once the keys typed before enter have reached the field (they may still be
        queued there when enter, a priority key, arrives)."""
        self.query_one("#tags-new", Input).call_later(self.action_save)

    def action_save(self) -> None:
        """Save the ticks as shown and the tags typed."""
        new = [t.strip() for t in self.query_one("#tags-new", Input).value.split(",") if t.strip()]
        kept = set(self.query_one(SelectionList).selected) if self.tags else set()
        self.submit((new, [t for t in self.tags if t not in kept]))
