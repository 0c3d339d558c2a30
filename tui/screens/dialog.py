"""The base of the app's editing dialogs: `ctrl+s` saves, `escape` cancels.

A dialog given a `writer` keeps itself (and what the user typed) open until the write has
succeeded: `submit` runs the writer in a thread worker on a connection of its own (never on
the interface thread, so a busy database never freezes the app), shows "Saving…", and on a
failure shows the reason with an offer to retry (ctrl+s) while the typed text stays.

While a write is under way the dialog's fields take no keys (they are disabled and a guard
holds the focus, swallowing keys): what is shown when the write lands is what was written,
and a key typed meanwhile reaches no binding of the app (`q` never quits mid-write).
"""

from __future__ import annotations

import sqlite3
from typing import Any, Callable, TypeVar

from rich.text import Text
from textual.binding import Binding
from textual.css.query import NoMatches
from textual.screen import ModalScreen
from textual import events
from textual.widget import Widget
from textual.widgets import Static

from db.annotations import AnnotationError
from db.connection import DatabaseError

ResultType = TypeVar("ResultType")
WRITE_ERRORS = (AnnotationError, DatabaseError, sqlite3.Error, OSError, ValueError)
Writer = Callable[[Any, Any], Any]  # (database, result) -> outcome, run in a worker thread


FIELDS = "Input, TextArea, Select, SelectionList, RadioSet, Checkbox, Switch, OptionList"


class SavingGuard(Widget, can_focus=True):
    """Holds the focus while a dialog's write is under way and swallows every key but escape
    (the dialog's cancel), so nothing typed is shown and then not written."""

    DEFAULT_CSS = "SavingGuard { width: 0; height: 0; }"

    def on_key(self, event: events.Key) -> None:
        """Keys typed while saving go nowhere, but escape reaches the dialog (it may close)."""
        if event.key == "escape":
            return
        event.stop()
        event.prevent_default()


class SavesInWorker:
    """Mixin for a modal screen: `submit(result)` writes with `writer` in a worker, then closes."""

    writer: Writer | None = None
    saving = False

    def show_status(self, text: str) -> None:
        """Show `text` on the dialog's error line."""
        try:
            self.query(".dialog-error").first(Static).update(Text(text))
        except NoMatches:
            self.notify(text, severity="error", markup=False)

    def submit(self, result) -> None:
        """Close with `result`, after writing it with `writer` when the dialog has one."""
        if self.writer is None:
            self.dismiss(result)
            return
        if self.saving:
            return
        self.saving = True
        self._lock_fields(True)
        self.show_status("Saving…")
        app = self._app_of_write = self.app  # once the dialog is closed, its `app` cannot be looked up
        self.run_worker(lambda: self._write(app, result), thread=True, exclusive=True, group="dialog-write")

    def _write(self, app, result) -> None:
        try:
            with app.pool.lease() as lease:
                self.writer(lease.db, result)
        except WRITE_ERRORS as exc:
            self._from_thread(app, self._write_failed, result, exc)
            return
        self._from_thread(app, self._write_done, result)

    def _lock_fields(self, locked: bool) -> None:
        """Disable the dialog's fields and focus a key-swallowing guard (or undo that)."""
        if locked:
            self._refocus = self.focused
            self._locked = [w for w in self.query(FIELDS) if not w.disabled]
            for widget in self._locked:
                widget.disabled = True
            guard = SavingGuard()
            self.mount(guard)
            guard.focus()
            return
        for widget in getattr(self, "_locked", []):
            widget.disabled = False
        self._locked = []
        for guard in self.query(SavingGuard):
            guard.remove()
        refocus = getattr(self, "_refocus", None)
        if refocus is not None and refocus.is_attached:
            refocus.focus()

    @staticmethod
    def _from_thread(app, fn, *args) -> None:
        try:
            app.call_from_thread(fn, *args)
        except RuntimeError:  # the app has closed
            pass

    def _write_done(self, result) -> None:
        self.saving = False
        app = self._app_of_write
        if self.is_attached and app.screen is self:
            self.dismiss(result)
        else:  # the user closed the dialog meanwhile: the write still landed
            self.saved_after_close(result)
            app.notify("Saved.", timeout=2)
            callback = getattr(app, "after_write", None)
            if callback is not None:
                callback()

    def saved_after_close(self, result) -> None:
        """The write of `result` landed after the user had closed the dialog (nothing to do here;
        a dialog that kept what was typed as a draft drops it)."""

    def _write_failed(self, result, exc: Exception) -> None:
        self.saving = False
        if self.is_attached:
            self._lock_fields(False)
        self.write_failed(result, exc)

    def write_failed(self, result, exc: Exception) -> None:
        """The write failed: say why, keep what was typed, offer to retry."""
        reason = " ".join(str(exc).split()) or type(exc).__name__
        message = f"Not saved: {reason}. ctrl+s to retry, escape to close."
        if not (self.is_attached and self._app_of_write.screen is self):
            self._app_of_write.notify(message, severity="error", markup=False)
            return
        self.show_status(message)


class Dialog(SavesInWorker, ModalScreen[ResultType]):
    """Subclasses implement `action_save` (call `submit` with the result, or stay open on an error)."""

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
