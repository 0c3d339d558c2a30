"""The search bar across the top of the main screen."""

from __future__ import annotations

from textual.binding import Binding

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
