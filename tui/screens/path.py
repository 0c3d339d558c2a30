"""`p` on a person's card: pick another person by fuzzy search, see the shortest chain of shared
initiatives and organizations between them; any step of the chain opens its card. Both the
search and the chain are computed in worker threads (the screen never waits for the database)."""

from __future__ import annotations

from typing import Callable

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from tui.screens.picker import Finder, SearchesInWorker

PathFinder = Callable[[int], list[dict] | None]  # other person id -> chain or None
STEP_STYLE = {"person": "bold", "organization": "italic", "initiative": "italic"}


def chain_text(chain: list[dict] | None) -> Text:
    """The chain as `A → Shared → B` (people bold, what they share italic), or "not connected"."""
    if chain is None:
        return Text("not connected", style="bold")
    text = Text()
    for i, step in enumerate(chain):
        if i:
            text.append(" → ", style="dim")
        text.append(step["name"], style=STEP_STYLE.get(step["type"], ""))
    return text


class ChainFound(Message):
    """The chain to `other` (id, name), found by a worker (None: not connected)."""

    def __init__(self, seq: int, other: tuple[int, str], chain: list[dict] | None, error: str | None = None) -> None:
        super().__init__()
        self.seq = seq
        self.other = other
        self.chain = chain
        self.error = error


class PathScreen(SearchesInWorker, ModalScreen[tuple[str, int] | None]):
    """Returns the (type, id) of a step the user opened, or None when closed. `find` and
    `find_path` run in worker threads, so they must not use the interface thread's connection."""

    QUERY_ID = "#path-query"
    OPTIONS_ID = "#path-options"

    DEFAULT_CSS = """
    PathScreen #path-options { height: auto; max-height: 8; }
    PathScreen #path-chain { height: auto; max-height: 12; }
    PathScreen #path-result { height: auto; margin: 1 0; }
    """
    BINDINGS = [
        Binding("escape", "close", "Close", priority=True, id="path_close"),
        Binding("q", "close", "Close", show=False, id="path_quit"),  # not priority: typed as text in the field
        Binding("down", "focus_options", "List", show=False),
    ]

    def __init__(self, person: tuple[int, str], find: Finder, find_path: PathFinder) -> None:
        super().__init__()
        self.person_id, self.person_name = person
        self.find = find
        self.find_path = find_path
        self.exclude_id = self.person_id
        self.chain: list[dict] | None = None
        self.chain_seq = 0
        self.init_search()

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Text.assemble("Path from ", (self.person_name, "bold"), " to…"), classes="dialog-title")
            yield Input(placeholder="type the other person's name", id="path-query", compact=True)
            yield OptionList(id="path-options", compact=True, markup=False)
            yield Static("", id="path-result")
            yield OptionList(id="path-chain", compact=True, markup=False)
            yield Label("enter pick / open a step · ↓ to the list · escape close", classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#path-chain").display = False
        self.query_one("#path-query").focus()

    def picked(self, choice: tuple[int, str]) -> None:
        """The other person was chosen: find the chain."""
        self.show_path(choice)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_list.id == "path-options":
            self.show_path(self.found[event.option.id])
        elif self.chain:
            step = self.chain[int(event.option.id)]
            self.dismiss((step["type"], step["id"]))

    def show_path(self, other: tuple[int, str]) -> None:
        """Compute (in a worker) and then show the chain to `other` (id, name)."""
        self.chain_seq += 1
        self.query_one("#path-result", Static).update(Text.assemble("Looking for a path to ", (other[1], "bold"), "…"))
        self._find_chain(self.chain_seq, other)

    @work(thread=True, exclusive=True, group="path-chain")
    def _find_chain(self, seq: int, other: tuple[int, str]) -> None:
        try:
            chain, error = self.find_path(other[0]), None
        except Exception as exc:  # noqa: BLE001 - one line in the dialog, never a traceback
            chain, error = None, " ".join(str(exc).split()) or type(exc).__name__
        if not get_current_worker().is_cancelled:
            self.post_message(ChainFound(seq, other, chain, error))

    def on_chain_found(self, message: ChainFound) -> None:
        """Show the chain the worker found (a stale one is dropped)."""
        message.stop()
        if message.seq != self.chain_seq:
            return
        other = message.other
        result = self.query_one("#path-result", Static)
        if message.error:
            result.update(Text.assemble("Could not find a path: ", message.error))
            return
        self.chain = message.chain
        chain_list = self.query_one("#path-chain", OptionList)
        chain_list.clear_options()
        if self.chain is None:
            result.update(Text.assemble((self.person_name, "bold"), " and ", (other[1], "bold"), " are not connected."))
            chain_list.display = False
            return
        between = (len(self.chain) - 3) // 2
        how = "directly connected" if between == 0 else f"{between} {'person' if between == 1 else 'people'} in between"
        result.update(Text.assemble(chain_text(self.chain), (f"\n{how}", "dim")))
        for i, step in enumerate(self.chain):
            label = Text.assemble(("  " if step["type"] != "person" else "", ""), (step["name"], STEP_STYLE[step["type"]]),
                                  (f"  {step['type']}", "dim"))
            chain_list.add_option(Option(label, id=str(i)))
        chain_list.display = True
        self.query_one("#path-options").display = False  # room for the chain on a small terminal
        chain_list.highlighted = 0
        chain_list.focus()

    def action_focus_options(self) -> None:
        """Move from the query to the candidates."""
        self.query_one("#path-options", OptionList).focus()

    def action_close(self) -> None:
        """Close without opening anything."""
        self.dismiss(None)
