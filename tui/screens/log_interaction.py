"""`l`: log an interaction with one person or several (a meeting with a few people is written
once per person, in one transaction): kind, date (today by default), follow-up date, summary.

Fields in reading order, focus on the first (Kind); Tab walks Kind → Date → Follow up on →
Summary → the initiative it was about (when the people have any). Escape closes, asking first when a summary or follow-up was typed. Dates take what people type (`today`, `tomorrow`, `+7d`, `next monday`, `next
week`, ISO, `hoy`, `mañana`, see `db.dates`), the day they stand for shown as typed; anything
else is refused with a visible message and the text stays. Also edits an interaction
(`initial`), and then shows `delete` to remove it.
"""

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
from tui.components.ordered_input import OrderedInput
from tui.screens.dialog import SavesInWorker

DATE_HINT = "today, +7d, monday…"


def names_label(names: list[str], shown: int = 3) -> str:
    """`A`, `A and B`, `A, B, C and 2 more`."""
    if len(names) <= shown:
        return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return ", ".join(names[:shown]) + f" and {len(names) - shown} more"


class LogInteraction(SavesInWorker, ModalScreen[dict | None]):
    """Returns `{"kind", "date", "summary", "follow_up_date"}` (dates ISO, follow-up maybe
    None), with `"initiative_id"` (maybe None) when `initiatives` offered a choice, or None
    when cancelled. With a `writer`, writes it before closing."""

    DEFAULT_CSS = """
    LogInteraction .log-row { height: auto; }
    LogInteraction .log-field { width: auto; height: auto; margin-right: 2; }
    LogInteraction .log-row Select { width: 16; }
    LogInteraction .log-row Input { width: 22; }
    LogInteraction #log-when { height: 1; color: $text-muted; }
    LogInteraction .log-summary { height: auto; }
    LogInteraction .log-about { height: 1; margin-top: 1; }
    LogInteraction .log-about Label { width: auto; margin-right: 1; }
    LogInteraction .log-about Select { width: 1fr; }
    """
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="log_save"),  # not priority: keys typed before it land first
        Binding("escape", "cancel", "Cancel", id="log_cancel"),  # not priority: escape first closes an open Select
        Binding("ctrl+d", "delete", "Delete", id="log_delete", show=False),
    ]

    def __init__(self, person_name: str | list[str], today: date | None = None, initial: dict | None = None,
                 initiatives: list[tuple[int, str]] | None = None) -> None:
        super().__init__()
        self.names = [person_name] if isinstance(person_name, str) else list(person_name)
        self.today_date = today or date.today()
        self.today = self.today_date.isoformat()
        self.initial = initial or {}
        # what it may be about: the person's initiatives (and the one it is about already)
        self.initiatives = list(initiatives or [])
        start = self.initial.get("initiative_id")
        if start is not None and all(i != start for i, _ in self.initiatives):
            self.initiatives.append((start, self.initial.get("initiative") or f"initiative #{start}"))

    def compose(self) -> ComposeResult:
        start = self.initial
        verb = "Edit the interaction with " if start else "Interaction with "
        with Vertical(classes="dialog"):
            yield Label(Text.assemble(verb, (names_label(self.names), "bold")), classes="dialog-title")
            with Horizontal(classes="log-row"):
                with Vertical(classes="log-field"):
                    yield Label("Kind", classes="field-label")
                    yield Select(((k, k) for k in KINDS), allow_blank=False, value=start.get("kind", KINDS[0]),
                                 id="log-kind")
                with Vertical(classes="log-field"):
                    yield Label("Date", classes="field-label")
                    yield OrderedInput(start.get("date", self.today), placeholder=DATE_HINT, id="log-date",
                                       select_on_focus=False)
                with Vertical(classes="log-field"):
                    yield Label("Follow up on", classes="field-label")
                    yield OrderedInput(start.get("follow_up_date") or "", placeholder=DATE_HINT, id="log-follow-up",
                                       select_on_focus=False)
            yield Static(self._when_text(), id="log-when")
            with Vertical(classes="log-summary"):
                yield Label("Summary", classes="field-label")
                yield OrderedInput(start.get("summary", ""), placeholder="what was said or agreed", id="log-summary",
                                   select_on_focus=False)
            if self.initiatives:  # one line (a compact Select), so the dialog still fits 80x24
                with Horizontal(classes="log-about"):
                    yield Label("About", classes="field-label")
                    yield Select(((Text(name), iid) for iid, name in self.initiatives), prompt="no initiative",
                                 value=start.get("initiative_id") or Select.NULL, id="log-initiative", compact=True)
            yield Static("", id="log-error", classes="dialog-error")
            delete = " · ctrl+d delete" if start else ""
            yield Label(f"tab next field · enter or ctrl+s save{delete} · escape cancel", classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#log-kind", Select).focus()

    def on_descendant_focus(self, event) -> None:
        """Mark the label of the focused field (a border colour alone is faint in some themes)."""
        for label in self.query(".field-label"):
            label.set_class(label.parent is event.widget.parent, "-focused")

    def _when_text(self) -> Text:
        """The days the date fields stand for, or what is wrong with them, as typed."""
        parts = []
        for field, label in (("date", "on"), ("follow_up_date", "follow up")):
            value = self._value(field) if self.is_mounted else self.initial.get(field, self.today if field == "date" else "")
            try:
                day = parse_date(value, label, self.today_date)
            except AnalysisError:
                parts.append((f"{label}: ?  ", "bold"))
                continue
            if day is not None:
                parts.append(f"{label} {date.fromisoformat(day).strftime('%a %d %b %Y')}  ")
        return Text.assemble(*parts) if parts else Text("")

    def _value(self, field: str) -> str:
        widget_id = {"date": "#log-date", "follow_up_date": "#log-follow-up", "summary": "#log-summary"}[field]
        return self.query_one(widget_id, Input).value

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id in ("log-date", "log-follow-up"):
            self.query_one("#log-when", Static).update(self._when_text())

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        """Check the dates and return the interaction (refused with a message, text kept)."""
        error = self.query_one("#log-error", Static)
        try:
            when = parse_date(self._value("date"), "the date", self.today_date)
            follow_up = parse_date(self._value("follow_up_date"), "the follow-up date", self.today_date)
        except AnalysisError as exc:
            error.update(Text(str(exc)))
            return
        if when is None:
            error.update("The date is needed (YYYY-MM-DD, today, yesterday, -3d…).")
            return
        if follow_up is not None and follow_up < when:
            error.update("The follow-up date cannot be before the interaction.")
            return
        values = {
            "kind": self.query_one("#log-kind", Select).value,
            "date": when,
            "summary": self._value("summary").strip(),
            "follow_up_date": follow_up,
        }
        if self.initiatives:
            about = self.query_one("#log-initiative", Select).value
            values["initiative_id"] = None if about is Select.NULL else about
        self.submit(values)

    def action_delete(self) -> None:
        """When editing: close asking the caller to delete the interaction."""
        if self.initial:
            self.dismiss({"delete": True})

    def typed(self) -> bool:
        """Whether the user typed something that closing would lose (a summary or a follow-up
        date that were not there when the dialog opened)."""
        start = self.initial
        return any(
            self._value(field).strip() and self._value(field).strip() != (start.get(field) or "")
            for field in ("summary", "follow_up_date")
        )

    def action_cancel(self) -> None:
        """Close without saving; when something was typed, ask first (escape or n keeps the
        dialog open with the text, y discards it)."""
        if self.saving or not self.typed():
            self.dismiss(None)
            return
        from tui.screens.confirm import Confirm

        question = Text("Discard the interaction you typed? (y discards, n goes back to it)")
        self.app.push_screen(Confirm(question), lambda yes: yes and self.dismiss(None))
