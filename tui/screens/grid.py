"""`g`: the power/interest grid. Assessed people and organizations (◆) placed in four quadrants by their current
assessment (influence up, interest right; 3 and above is high), filterable by tag or
initiative; `enter` on a name opens that person's card."""

from __future__ import annotations

import sqlite_utils
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from db.assessments import KEEP_INFORMED, KEEP_SATISFIED, MANAGE_CLOSELY, MONITOR, QUADRANTS, grid
from tui.components.connections import STANCE_MARK
from tui.safe_text import scrub

# Screen order: power (influence) grows upwards, interest to the right.
LAYOUT = (
    (KEEP_SATISFIED, "high influence · low interest"),
    (MANAGE_CLOSELY, "high influence · high interest"),
    (MONITOR, "low influence · low interest"),
    (KEEP_INFORMED, "low influence · high interest"),
)
PER_QUADRANT = 200


def quadrant_id(name: str) -> str:
    """The widget id of a quadrant's list: `grid-manage-closely`."""
    return "grid-" + name.replace(" ", "-")


def parse_filter(text: str) -> tuple[str | None, str | None]:
    """`#vip nearshoring group` -> ("vip", "nearshoring group"): the first `#word` is a tag,
    the rest an initiative name; either may be None."""
    tag, rest = None, []
    for word in text.split():
        if word.startswith("#") and tag is None and len(word) > 1:
            tag = word[1:]
        else:
            rest.append(word)
    return tag, " ".join(rest) or None


class GridScreen(ModalScreen[tuple[str, int] | None]):
    """Returns ("person", id) of the name opened, or None when closed."""

    DEFAULT_CSS = """
    GridScreen { align: left top; }
    GridScreen #grid-box { width: 100%; height: 100%; background: $surface; padding: 0 1; }
    GridScreen #grid-title { height: 1; text-style: bold; color: $primary; }
    GridScreen #grid-filter { height: 1; border: none; padding: 0 1; margin: 0; }
    GridScreen #grid-caption { height: 1; color: $text-muted; }
    GridScreen #grid-quadrants { grid-size: 2 2; grid-gutter: 0 1; height: 1fr; }
    GridScreen .grid-quadrant { height: 1fr; border: round $panel-lighten-1; border-title-color: $text;
                                border-subtitle-color: $text-muted; padding: 0; background: transparent; }
    GridScreen .grid-quadrant:focus { border: round $accent; }
    GridScreen #grid-hint { height: 1; color: $text-muted; }
    """
    BINDINGS = [
        Binding("escape", "close", "Close", priority=True, id="grid_close"),
        Binding("q", "close", "Close", id="grid_quit"),  # not priority: typed as text in the filter
        Binding("slash", "focus_filter", "Filter", id="grid_filter"),
    ]

    def __init__(self, db: sqlite_utils.Database, tag: str | None = None, initiative_id: int | None = None) -> None:
        super().__init__()
        self.db = db
        self.tag = tag
        self.initiative_id = initiative_id
        self.initiative_name: str | None = None
        self.placed: dict[str, list[dict]] = {}

    def compose(self) -> ComposeResult:
        with Vertical(id="grid-box"):
            yield Static("Power / interest grid   ↑ influence  → interest  (3 to 5 is high)", id="grid-title")
            yield Input(placeholder="/ filter: #tag and/or initiative name, enter", id="grid-filter")
            yield Static("", id="grid-caption")
            with Grid(id="grid-quadrants"):
                for name, subtitle in LAYOUT:
                    quadrant = OptionList(id=quadrant_id(name), classes="grid-quadrant", markup=False)
                    quadrant.border_title = name.capitalize()
                    quadrant.border_subtitle = subtitle
                    yield quadrant
            yield Static("◆ organization · enter open card · tab next quadrant · / filter · escape / q close", id="grid-hint")

    def on_mount(self) -> None:
        self.refresh_grid()
        self.focus_first()

    def focus_first(self) -> None:
        """Focus the most important quadrant that has someone in it."""
        first = next((q for q in QUADRANTS if self.placed.get(q)), MANAGE_CLOSELY)
        self.query_one(f"#{quadrant_id(first)}", OptionList).focus()

    def refresh_grid(self) -> None:
        """Reload the grid with the current filter."""
        self.placed = scrub(grid(self.db, tag=self.tag, initiative_id=self.initiative_id, include_organizations=True))
        for name, _ in LAYOUT:
            rows = self.placed[name]
            quadrant = self.query_one(f"#{quadrant_id(name)}", OptionList)
            quadrant.clear_options()
            for row in rows[:PER_QUADRANT]:
                label = Text.assemble(
                    (STANCE_MARK[row["stance"]] + " ", "bold"),
                    ("◆ " if row["entity_type"] == "organization" else "", "dim"),
                    row["name"],
                    (f"  {row['influence']}/{row['interest']}", "dim"),
                )
                quadrant.add_option(Option(label, id=f"{row['entity_type']}:{row['entity_id']}"))
            if len(rows) > PER_QUADRANT:
                quadrant.add_option(Option(Text(f"… {len(rows) - PER_QUADRANT} more", style="dim"), disabled=True))
            quadrant.border_title = f"{name.capitalize()} ({len(rows)})"
            if rows:
                quadrant.highlighted = 0
        self._caption()

    def _caption(self, error: str | None = None) -> None:
        total = sum(len(rows) for rows in self.placed.values())
        parts = [f"{total} assessed", "+ supportive  = neutral  - opposed  ? unknown"]
        filters = [f"#{self.tag}"] if self.tag else []
        if self.initiative_id is not None:
            filters.append(self.initiative_name or f"initiative #{self.initiative_id}")
        if filters:
            parts.insert(1, "filter: " + " + ".join(filters))
        text = Text(" · ".join(parts))
        if error:
            text = Text(error, style="bold")
        self.query_one("#grid-caption", Static).update(text)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        from db.lookup import Ambiguous, Resolved, resolve_entity

        tag, initiative = parse_filter(event.value)
        initiative_id, initiative_name = None, None
        if initiative:
            found = resolve_entity(self.db, initiative, types=("initiative",))
            if isinstance(found, Ambiguous):
                found = Resolved(found.candidates[0])  # best first: take it, the caption shows which
            if not isinstance(found, Resolved):
                self._caption(f"No initiative matches '{initiative}'.")
                return
            initiative_id, initiative_name = found.id, scrub(found.name)
        self.tag, self.initiative_id, self.initiative_name = tag, initiative_id, initiative_name
        self.refresh_grid()
        self.focus_first()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            etype, _, eid = event.option.id.partition(":")
            self.dismiss((etype, int(eid)))

    def action_focus_filter(self) -> None:
        """Focus the filter field."""
        self.query_one("#grid-filter", Input).focus()

    def action_close(self) -> None:
        """Leave the filter field, or close the grid."""
        if self.focused is self.query_one("#grid-filter"):
            self.query_one(f"#{quadrant_id(MANAGE_CLOSELY)}", OptionList).focus()
            return
        self.dismiss(None)
