"""The search bar across the top of the main screen."""

from __future__ import annotations

from textual.binding import Binding
from textual.geometry import Size
from textual.widgets import Input

from tui.components.ordered_input import OrderedInput


class SearchBar(OrderedInput):
    """Search as you type; `enter` opens the top match, `escape` leaves the bar."""

    # priority: acted on as the key arrives, so keys typed right after go to the new focus
    BINDINGS = [
        Binding("enter", "app.search_enter", "Open top match", id="search_enter", show=False, priority=True),
        Binding("escape", "app.leave_search", "Leave search", id="leave_search", priority=True),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(placeholder="Search people, organizations, initiatives  ( / )", **kwargs)

    def _watch_value(self, value: str) -> None:
        # Input stores the text's width as its virtual size, a layout reactive: every key would
        # lay out and repaint the whole screen. The bar's own size never follows its text, so
        # the width is stored first without a layout (Input then finds it unchanged) and only
        # the bar is repainted.
        self.set_reactive(Input.virtual_size, Size(self.content_width, 1))
        super()._watch_value(value)
        self.refresh()
