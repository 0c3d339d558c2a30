"""The app's stakeholder-analysis keys: `p` path, `i` assess, `l` log an interaction, `g` grid,
`f` follow-ups. A mixin for `StakeholdersApp` (it uses the app's `db`, `card_ref`,
`_selected_card`, `_write`, `open_entity`, `pool` and `pick_search`); the screens themselves are
standalone and take plain callables or a database.

Wiring in tui/app.py: `class StakeholdersApp(AnalysisActions, App)`, `*ANALYSIS_BINDINGS` in
BINDINGS, ANALYSIS_ACTIONS in MAIN_ACTIONS, `card.update(card_extras(...))` where a card is
loaded, `register_sections(SECTIONS)` and `yield from self.analysis_commands()` in the palette.
"""

from __future__ import annotations

from typing import Iterable

from textual.app import SystemCommand
from textual.binding import Binding

from db.assessments import assess
from db.network import shortest_path
from db.engagement import log_interaction
from tui.screens.assess import AssessScreen
from tui.screens.followups import FollowupsScreen
from tui.screens.grid import GridScreen
from tui.screens.log_interaction import LogInteraction
from tui.screens.path import PathScreen
from tui.safe_text import scrub

ANALYSIS_BINDINGS = [
    Binding("p", "path", "Path", id="path"),
    Binding("i", "assess", "Assess", id="assess"),
    Binding("l", "log_interaction", "Log", id="log_interaction"),
    Binding("g", "grid", "Grid", id="grid"),
    Binding("f", "followups", "Follow-ups", id="followups"),
]
ANALYSIS_ACTIONS = {"path", "assess", "log_interaction", "grid", "followups"}


class AnalysisActions:
    """Actions behind ANALYSIS_BINDINGS."""

    def _analysis_card(self, allowed: tuple[str, ...], what: str) -> dict | None:
        card = self._selected_card()
        if card is not None and card["type"] not in allowed:
            self.notify(f"{what} works on {' and '.join(t + 's' for t in allowed)}; select one first.",
                        severity="warning")
            return None
        return card

    def _open_ref(self, ref: tuple[str, int] | None) -> None:
        if ref is not None:
            self.open_entity(*ref)

    def action_path(self) -> None:
        """Shortest chain of shared initiatives/organizations from the selected person to another."""
        card = self._analysis_card(("person",), "Path")
        if card is None:
            return

        def find_path(other: int) -> list[dict] | None:  # in the screen's worker thread
            with self.pool.lease() as lease:
                return shortest_path(lease.db, card["id"], other)

        self.push_screen(PathScreen((card["id"], card["name"]), lambda query: self.pick_search(query, "person"),
                                    lambda other: scrub(find_path(other))),
                         self._open_ref)

    def action_assess(self) -> None:
        """Assess the selected person or organization (influence, interest, stance), or every
        row selected."""
        if self.bulk_assess():
            return
        card = self._analysis_card(("person", "organization"), "Assess")
        if card is None:
            return
        from db.assessments import assessment_history

        def save(values: dict | None) -> None:
            if values:
                self.request_card(self.card_ref, force=True)
                self.notify("Assessment saved.", timeout=2)

        screen = AssessScreen(card["name"], scrub(assessment_history(self.db, card["type"], card["id"])))
        screen.writer = lambda db, values: assess(db, card["type"], card["id"], **values)  # in a worker
        self.push_screen(screen, save)

    def action_log_interaction(self) -> None:
        """Log a meeting, call, email or event with the selected person (or every person
        selected: one meeting with several people). Written in a worker; the dialog stays open
        with what was typed until it is."""
        if self.bulk_log():
            return
        card = self._analysis_card(("person",), "Logging an interaction")
        if card is None:
            return

        def save(values: dict | None) -> None:
            if values:
                self.request_card(self.card_ref, force=True)
                self.notify("Interaction logged.", timeout=2)

        from db.engagement import initiatives_of

        screen = LogInteraction(card["name"], initiatives=scrub(initiatives_of(self.db, [card["id"]])))
        screen.writer = lambda db, values: log_interaction(db, card["id"], **values)
        self.push_screen(screen, save)

    def action_grid(self) -> None:
        """The power/interest grid of assessed people and organizations."""
        self.push_screen(GridScreen(self.db), self._open_ref)

    def action_followups(self) -> None:
        """Follow-ups due or overdue."""

        def closed(ref: tuple[str, int] | None) -> None:
            # follow-ups may have been marked done: the card must be read again
            if ref is None:
                self.request_card(self.card_ref, force=True)
            else:
                self._open_ref(ref)
                self.request_card(ref, force=True)

        self.push_screen(FollowupsScreen(self.db), closed)

    def analysis_commands(self) -> Iterable[SystemCommand]:
        """The analysis actions for the command palette."""
        yield SystemCommand("Path", "Shortest chain to another person (p)", self.action_path)
        yield SystemCommand("Assess", "Influence, interest and stance of the selected entity (i)", self.action_assess)
        yield SystemCommand("Log interaction", "Meeting, call, email or event with the selected person (l)",
                            self.action_log_interaction)
        yield SystemCommand("Grid", "Power/interest grid of assessed people and organizations (g)", self.action_grid)
        yield SystemCommand("Follow-ups", "Due and overdue follow-ups (f)", self.action_followups)
