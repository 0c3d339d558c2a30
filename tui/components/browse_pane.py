"""The left pane: People / Organizations / Initiatives / Tags, with counts."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.messages import BrowseChosen

TYPE_ROWS = (("person", "People"), ("organization", "Organizations"), ("initiative", "Initiatives"))
MAX_TAGS_SHOWN = 200
SHORT_LABELS = {"Organizations": "Orgs", "Initiatives": "Initiat."}


def source_of(option_id: str) -> tuple:
    """The list source an option stands for: ("type", t), ("tag", None) or ("tag", tag)."""
    kind, _, value = option_id.partition(":")
    if kind == "type":
        return ("type", value)
    return ("tag", value[1:] if value.startswith("=") else None)


def option_id_of(source: tuple) -> str | None:
    """The option id of a list source, when the pane has one."""
    if source[0] == "type":
        return f"type:{source[1]}"
    if source[0] == "tag":
        return "tag:" if source[1] is None else f"tag:={source[1]}"
    return None


class BrowsePane(OptionList):
    """What to browse. Moving the highlight shows that list in the centre."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    _counts: tuple[dict[str, int], list[tuple[str, int]]] | None = None

    def _label(self, label: str, count: int) -> Text:
        """`label` on the left, `count` on the right, on one line of the pane's width."""
        number = f"{count:,}"
        room = max(self.scrollable_content_region.width - len(number) - 1, 4)
        if len(label) > room:
            label = SHORT_LABELS.get(label, label)
        if len(label) > room:
            label = label[: room - 1] + "…"
        return Text.assemble(label.ljust(room) + " ", (number, "dim"), no_wrap=True)

    def on_resize(self) -> None:
        if self._counts is not None:
            with self.prevent(BrowseChosen):
                self.set_counts(*self._counts)

    def set_counts(self, counts: dict[str, int], tags: list[tuple[str, int]]) -> None:
        """Rebuild the options with fresh counts, keeping the highlighted one."""
        self._counts = (counts, tags)
        keep = self.highlighted_option.id if self.highlighted_option is not None else "type:person"
        options = [Option(self._label(label, counts.get(t, 0)), id=f"type:{t}") for t, label in TYPE_ROWS]
        options.append(Option(self._label("Tags", len(tags)), id="tag:"))
        options += [Option(self._label(f"  #{tag}", n), id=f"tag:={tag}") for tag, n in tags[:MAX_TAGS_SHOWN]]
        self.clear_options()
        self.add_options(options)
        self.select_id(keep)

    def select_id(self, option_id: str | None) -> None:
        """Highlight the option with this id, if present."""
        if option_id is None:
            return
        try:
            self.highlighted = self.get_option_index(option_id)
        except Exception:  # noqa: BLE001 - a tag that disappeared
            self.highlighted = 0 if self.option_count else None

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option.id:
            self.post_message(BrowseChosen(source_of(event.option.id)))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(BrowseChosen(source_of(event.option.id)))
            self.app.action_focus_results()
