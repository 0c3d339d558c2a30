"""`i`: assess a person or organization: influence and interest (1-5) and stance; dated by the
database when saved. Shows the current assessment and its history."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select, Static

from db.assessments import STANCES, quadrant
from tui.components.connections import assessment_line
from tui.screens.dialog import SavesInWorker

HISTORY_SHOWN = 4


class AssessScreen(SavesInWorker, ModalScreen[dict | None]):
    """Returns `{"influence", "interest", "stance", "note"}` to save, or None when cancelled.
    The fields start at the current assessment (if any). With a `writer(db, values)` it writes
    in a worker and stays open, what was typed kept, until the write succeeds."""

    DEFAULT_CSS = """
    AssessScreen .assess-row { height: auto; }
    AssessScreen .assess-row Input { width: 12; }
    AssessScreen .assess-row Select { width: 24; }
    AssessScreen .assess-field { width: auto; height: auto; margin-right: 2; }
    AssessScreen #assess-history { height: auto; margin-bottom: 1; }
    AssessScreen #assess-quadrant { height: 1; color: $text-muted; }
    """
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="assess_save"),  # not priority: keys typed before it land first
        Binding("escape", "cancel", "Cancel", id="assess_cancel"),  # not priority: escape first closes an open Select
    ]

    def __init__(self, entity_name: str, history: list[dict]) -> None:
        super().__init__()
        self.entity_name = entity_name
        self.history = history

    def compose(self) -> ComposeResult:
        current = self.history[0] if self.history else {}
        with Vertical(classes="dialog"):
            yield Label(Text.assemble("Assess ", (self.entity_name, "bold")), classes="dialog-title")
            yield Static(self._history_text(), id="assess-history")
            with Horizontal(classes="assess-row"):
                with Vertical(classes="assess-field"):
                    yield Label("Influence 1-5", classes="field-label")
                    yield Input(str(current.get("influence", "")), restrict=r"[1-5]?", max_length=1, id="assess-influence")
                with Vertical(classes="assess-field"):
                    yield Label("Interest 1-5", classes="field-label")
                    yield Input(str(current.get("interest", "")), restrict=r"[1-5]?", max_length=1, id="assess-interest")
                with Vertical(classes="assess-field"):
                    yield Label("Stance", classes="field-label")
                    yield Select(((s, s) for s in STANCES), allow_blank=False,
                                 value=current.get("stance", "unknown"), id="assess-stance")
            yield Static("", id="assess-quadrant")
            yield Label("Note (optional)", classes="field-label")
            yield Input(placeholder="why", id="assess-note")
            yield Static("", id="assess-error", classes="dialog-error")
            yield Label("ctrl+s or enter save · tab next field · escape cancel", classes="dialog-hint")

    def _history_text(self) -> Text:
        if not self.history:
            return Text("Not assessed yet.", style="dim")
        lines = [Text.assemble(("Current  ", "dim"), assessment_line(self.history[0]))]
        lines += [Text.assemble(("Earlier  ", "dim"), assessment_line(h)) for h in self.history[1 : 1 + HISTORY_SHOWN]]
        return Text("\n").join(lines)

    def on_mount(self) -> None:
        self.query_one("#assess-influence", Input).focus()
        self._show_quadrant()

    def on_input_changed(self, event: Input.Changed) -> None:
        self._show_quadrant()

    def _scores(self) -> tuple[int | None, int | None]:
        values = []
        for field in ("influence", "interest"):
            raw = self.query_one(f"#assess-{field}", Input).value.strip()
            values.append(int(raw) if raw.isdigit() and 1 <= int(raw) <= 5 else None)
        return values[0], values[1]

    def _show_quadrant(self) -> None:
        influence, interest = self._scores()
        text = f"→ {quadrant(influence, interest)}" if influence and interest else ""
        self.query_one("#assess-quadrant", Static).update(text)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        """Check both scores and return the assessment."""
        influence, interest = self._scores()
        if influence is None or interest is None:
            self.query_one("#assess-error", Static).update("Influence and interest must each be 1 to 5.")
            return
        note = self.query_one("#assess-note", Input).value.strip() or None
        stance = self.query_one("#assess-stance", Select).value
        self.submit({"influence": influence, "interest": interest, "stance": stance, "note": note})

    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)
