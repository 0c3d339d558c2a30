"""`x`: export the people of the current list (or the selection): format (csv, json, vcard)
and file path, a readable default name in the home folder or the last folder used."""

from __future__ import annotations

import re
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select, Static

from db.formats.export import FORMATS
from tui.components.ordered_input import OrderedInput

SUFFIX = {"csv": ".csv", "json": ".json", "vcard": ".vcf"}


def file_stem(label: str) -> str:
    """A readable file name from a list's name: `Nearshoring Working Group` -> `Nearshoring-Working-Group`."""
    stem = re.sub(r"[^\w]+", "-", label, flags=re.UNICODE).strip("-_")
    return stem[:60].rstrip("-") or "people"


def default_path(label: str, fmt: str, folder: Path) -> Path:
    """`folder/<label>.<suffix>`, numbered (`-2`, `-3`…) when that file exists."""
    path = folder / (file_stem(label) + SUFFIX[fmt])
    number = 2
    while path.exists():
        path = folder / f"{file_stem(label)}-{number}{SUFFIX[fmt]}"
        number += 1
    return path


class ExportDialog(ModalScreen[tuple[str, Path] | None]):
    """Returns (format, path), or None when cancelled. Changing the format changes the suffix."""

    DEFAULT_CSS = """
    ExportDialog #export-format { width: 20; }
    ExportDialog .field-label { margin-top: 1; }
    """
    BINDINGS = [
        Binding("ctrl+s", "save", "Export", id="export_save"),
        Binding("escape", "cancel", "Cancel", id="export_cancel"),
    ]

    def __init__(self, what: str, label: str, folder: Path, count: int | None = None) -> None:
        super().__init__()
        self.what = what
        self.label = label
        self.folder = folder
        self.count = count

    def compose(self) -> ComposeResult:
        people = f" ({self.count:,} people)" if self.count is not None else ""
        with Vertical(classes="dialog"):
            yield Label(Text.assemble("Export ", (self.what, "bold"), people), classes="dialog-title")
            yield Label("Format", classes="field-label")
            yield Select(((f, f) for f in FORMATS), allow_blank=False, value="csv", id="export-format")
            yield Label("File", classes="field-label")
            yield OrderedInput(str(default_path(self.label, "csv", self.folder)), id="export-path", select_on_focus=False)
            yield Static("", id="export-error", classes="dialog-error")
            yield Label("tab next field · enter or ctrl+s export · escape cancel", classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#export-path", Input).focus()

    def on_select_changed(self, event: Select.Changed) -> None:
        field = self.query_one("#export-path", Input)
        path = Path(field.value)
        if path.suffix.lower() in SUFFIX.values():
            field.value = str(path.with_suffix(SUFFIX[str(event.value)]))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        """Check the path and return the choice."""
        text = self.query_one("#export-path", Input).value.strip()
        error = self.query_one("#export-error", Static)
        if not text:
            error.update("A file name is needed.")
            return
        path = Path(text).expanduser()
        if not path.is_absolute():
            path = self.folder / path
        if path.is_dir():
            error.update(Text(f"{path} is a folder: add a file name."))
            return
        if not path.parent.is_dir():
            error.update(Text(f"No folder {path.parent}."))
            return
        self.dismiss((str(self.query_one("#export-format", Select).value), path))

    def action_cancel(self) -> None:
        """Close without exporting."""
        self.dismiss(None)
