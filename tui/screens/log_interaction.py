"""`l`: log an interaction with a person: kind, date (today by default), summary and an
optional follow-up date."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select, Static

from db.assessments import AnalysisError
from db.engagement import KINDS, parse_date


class LogInteraction(ModalScreen[dict | None]):
    """Returns `{"kind", "date", "summary", "follow_up_date"}` (dates ISO, follow-up maybe
    None), or None when cancelled."""

    DEFAULT_CSS = """
    LogInteraction .log-row { height: auto; }
    LogInteraction .log-field { width: auto; height: auto; margin-right: 2; }
    LogInteraction .log-row Select { width: 18; }
    LogInteraction .log-row Input { width: 16; }
    """
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="log_save"),  # not priority: keys typed before it land first
        Binding("escape", "cancel", "Cancel", id="log_cancel"),  # not priority: escape first closes an open Select
    ]

    def __init__(self, person_name: str, today: date | None = None) -> None:
        super().__init__()
        self.person_name = person_name
        self.today = (today or date.today()).isoformat()

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Text.assemble("Interaction with ", (self.person_name, "bold")), classes="dialog-title")
            with Horizontal(classes="log-row"):
                with Vertical(classes="log-field"):
                    yield Label("Kind", classes="field-label")
                    yield Select(((k, k) for k in KINDS), allow_blank=False, value=KINDS[0], id="log-kind")
                with Vertical(classes="log-field"):
                    yield Label("Date", classes="field-label")
                    yield Input(self.today, placeholder="YYYY-MM-DD", restrict=r"[0-9-]*", max_length=10, id="log-date")
                with Vertical(classes="log-field"):
                    yield Label("Follow up on", classes="field-label")
                    yield Input(placeholder="YYYY-MM-DD", restrict=r"[0-9-]*", max_length=10, id="log-follow-up")
            yield Label("Summary", classes="field-label")
            yield Input(placeholder="what was said or agreed", id="log-summary")
            yield Static("", id="log-error", classes="dialog-error")
            yield Label("ctrl+s or enter save · tab next field · escape cancel", classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#log-summary", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        """Check the dates and return the interaction."""
        error = self.query_one("#log-error", Static)
        try:
            when = parse_date(self.query_one("#log-date", Input).value, "the date")
            follow_up = parse_date(self.query_one("#log-follow-up", Input).value, "the follow-up date")
        except AnalysisError as exc:
            error.update(Text(str(exc)))
            return
        if when is None:
            error.update("The date is needed (YYYY-MM-DD).")
            return
        if follow_up is not None and follow_up < when:
            error.update("The follow-up date cannot be before the interaction.")
            return
        self.dismiss(
            {
                "kind": self.query_one("#log-kind", Select).value,
                "date": when,
                "summary": self.query_one("#log-summary", Input).value.strip(),
                "follow_up_date": follow_up,
            }
        )

    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)
