"""The base of the app's editing dialogs: `ctrl+s` saves, `escape` cancels."""

from __future__ import annotations

from typing import TypeVar

from textual.binding import Binding
from textual.screen import ModalScreen

ResultType = TypeVar("ResultType")


class Dialog(ModalScreen[ResultType]):
    """Subclasses implement `action_save` (dismiss with the result, or stay open on an error)."""

    BINDINGS = [
        # not a priority binding: ctrl+s must wait for the keys typed (or pasted) before it,
        # which are still queued at the focused field when the app sees a priority key
        Binding("ctrl+s", "save", "Save", id="dialog_save"),
        Binding("escape", "cancel", "Cancel", priority=True, id="dialog_cancel"),
    ]

    def action_save(self) -> None:  # pragma: no cover - every subclass overrides it
        raise NotImplementedError

    def action_cancel(self) -> None:
        """Close without a result."""
        self.dismiss(None)
