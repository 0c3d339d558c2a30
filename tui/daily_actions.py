"""The app as a daily driver (issue 14): escape goes back, actions on the selected rows (tag,
untag, export, assess, log one interaction for all), the export dialog, interactions edited
and deleted from the card, the theme remembered. A mixin for `StakeholdersApp`, like
`tui.analysis_actions`: it uses the app's `db`, `pool`, `source`, `_write`, `_selected_card`.

Wiring in tui/app.py: `class StakeholdersApp(DailyActions, AnalysisActions, App)`,
`*DAILY_BINDINGS` in BINDINGS, DAILY_ACTIONS in MAIN_ACTIONS, `self.setup_daily()` in
on_mount, `if self.bulk_tags(): return` in action_tags, OpenEntity("interaction", id) sent to
`edit_interaction`, and `yield from self.daily_commands()` in the palette.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Iterable

from rich.text import Text
from textual import work
from textual.app import SystemCommand
from textual.binding import Binding

from db.annotations import add_tags, remove_tags
from db.assessments import AnalysisError, assess
from db.connection import DatabaseError, write_transaction
from db.engagement import delete_interaction, initiatives_of, log_interactions, update_interaction
from db.formats.export import ExportFilters, OutputError, export_to_file
from tui.components.result_list import ResultList
from tui.screens.assess import AssessScreen
from tui.screens.confirm import Confirm
from tui.screens.export_dialog import ExportDialog
from tui.screens.log_interaction import LogInteraction, names_label
from tui.screens.tag_editor import TagEditor
from tui.safe_text import scrub
from tui.settings import load_settings, save_setting

DAILY_BINDINGS = [
    Binding("escape", "escape_back", "Back", id="escape_back", show=False),
]
DAILY_ACTIONS = {"escape_back"}


class DailyActions:
    """Actions behind DAILY_BINDINGS, the selection, export and settings."""

    # ---------------------------------------------------------------- settings
    def setup_daily(self) -> None:
        """Apply the remembered theme and remember the theme chosen from now on."""
        theme = load_settings().get("theme")
        if isinstance(theme, str) and theme in self.available_themes:
            self.theme = theme
        self.theme_changed_signal.subscribe(self, lambda theme: save_setting("theme", theme.name))

    # ---------------------------------------------------------------- keys
    def action_escape_back(self) -> None:
        """Escape: unselect the rows selected, else go back (as backspace)."""
        if self.main_screen.query_one(ResultList).clear_selection():
            return
        self.action_back()

    # ---------------------------------------------------------------- selection
    def selected_rows(self) -> list:
        """The rows selected in the list (empty when none)."""
        return self.main_screen.query_one(ResultList).selected_rows()

    def selection_changed(self, count: int) -> None:
        """Say on the list's border what can be done with the selection."""
        centre = self.main_screen.query_one("#centre")
        centre.border_subtitle = f"{count} selected · t tag · x export · i assess · l log · esc clear" if count else ""

    def bulk_tags(self) -> bool:
        """`t` with rows selected: add tags to all of them, untick to remove from all."""
        rows = self.selected_rows()
        if not rows:
            return False
        current = sorted({t.strip() for r in rows for t in r.tags.split(",") if t.strip()})
        refs = [(r.type, r.id) for r in rows]

        def write(db, result) -> None:
            add, remove = result
            with write_transaction(db):
                for etype, eid in refs:
                    if add:
                        add_tags(db, etype, eid, add)
                    if remove:
                        remove_tags(db, etype, eid, remove)

        screen = TagEditor(f"{len(rows)} selected", current)
        screen.writer = write
        self.push_screen(screen, lambda result: result and self._bulk_done(f"Tags changed on {len(rows)}."))
        return True

    def _bulk_done(self, message: str) -> None:
        self.reload()
        self.notify(message, timeout=2, markup=False)

    def bulk_assess(self) -> bool:
        """`i` with rows selected: one assessment for every selected person and organization."""
        rows = [r for r in self.selected_rows() if r.type in ("person", "organization")]
        if not rows:
            return False

        def write(db, values: dict) -> None:
            with write_transaction(db):
                for r in rows:
                    assess(db, r.type, r.id, **values)

        def save(values: dict | None) -> None:
            if values:
                self.after_write()
                self.notify(f"Assessed {len(rows)}.", timeout=2)

        screen = AssessScreen(f"{len(rows)} selected", [])
        screen.writer = write  # in a worker; the dialog stays open until the write lands
        self.push_screen(screen, save)
        return True

    def bulk_log(self) -> bool:
        """`l` with people selected: one interaction (a meeting with several people) for all."""
        people = [r for r in self.selected_rows() if r.type == "person"]
        if not people:
            return False
        screen = LogInteraction([r.name for r in people], initiatives=scrub(initiatives_of(self.db, [r.id for r in people])))
        screen.writer = lambda db, values: log_interactions(db, [r.id for r in people], **values)
        self.push_screen(screen, lambda values: values and self._bulk_done(
            f"Interaction logged with {names_label([r.name for r in people])}."))
        return True

    # ---------------------------------------------------------------- interactions
    def edit_interaction(self, interaction_id: int) -> None:
        """Open an interaction of the card to correct it (ctrl+d there deletes it)."""
        from tui.components.entity_card import EntityCard

        card = self.main_screen.query_one(EntityCard).card  # as shown, with its interactions
        row = next((i for i in (card or {}).get("interactions") or [] if i["id"] == interaction_id), None)
        if row is None:
            return
        screen = LogInteraction(card["name"], initial=row, initiatives=scrub(initiatives_of(self.db, [card["id"]])))

        def closed(values: dict | None) -> None:
            if values and values.get("delete"):
                question = Text.assemble("Delete the ", (row["kind"], "bold"), f" of {row['date']} with ",
                                         (card["name"], "bold"), "?")
                self.push_screen(Confirm(question), lambda yes: yes and self._write(
                    "Deleting the interaction", delete_interaction, interaction_id,
                    then=lambda: self.notify("Interaction deleted.", timeout=2)))
            elif values:
                self.notify("Interaction saved.", timeout=2)
                self.reload()

        screen.writer = lambda db, values: update_interaction(db, interaction_id, **values)
        self.push_screen(screen, closed)

    # ---------------------------------------------------------------- export
    def action_export(self) -> None:
        """Export the people of the current list (or of the rows selected): choose the format
        and the file; the default name is the list's name, in the last folder used or home."""
        from tui.app import export_request

        rows = self.selected_rows()
        if rows:
            ids = [r.id for r in rows if r.type == "person"]
            request = (None, ids, f"{len(ids)}-selected-people") if ids else None
            what, count = f"{len(ids)} selected people", None
        else:
            request = export_request(self.source, self.main_screen.query_one(ResultList).rows_shown)
            what, count = self._list_title(), None
        if request is None:
            self.notify("Only people can be exported: open an organization or initiative to list its people.",
                        severity="warning")
            return
        filters, person_ids, _ = request
        folder = Path(load_settings().get("export_folder") or Path.home())
        if not folder.is_dir():
            folder = Path.home()
        label = what if rows else self._list_label()

        def chosen(choice) -> None:
            if choice:
                fmt, path = choice
                save_setting("export_folder", str(path.parent))
                self._export_to(fmt, path, filters, person_ids)

        self.push_screen(ExportDialog(what, label, folder, count), chosen)

    def _list_label(self) -> str:
        kind = self.source[0]
        if kind == "related":
            return self.source[3]
        if kind == "search":
            return f"search {self.source[1]}"
        if kind == "tag":
            return f"tag {self.source[1]}"
        return "people"

    def _list_title(self) -> str:
        kind = self.source[0]
        if kind == "related":
            return ("the people of " if self.source[1] == "organization" else "the members of ") + self.source[3]
        if kind == "search":
            return f"the people found for “{self.source[1].strip()}”"
        if kind == "tag":
            return f"the people tagged #{self.source[1]}"
        return "all people"

    @work(thread=True, group="export")
    def _export_to(self, fmt: str, path: Path, filters: ExportFilters | None, person_ids) -> None:
        try:
            with self.pool.lease() as lease:  # a temporary file renamed into place: complete or absent
                count = export_to_file(lease.db, fmt, path, filters=filters, person_ids=person_ids)
        except (OSError, sqlite3.Error, DatabaseError, ValueError, AnalysisError, OutputError) as exc:
            self._notify_from_thread(f"Export failed: {exc}", severity="error", markup=False)
            return
        self._notify_from_thread(f"Exported {count} people to {path}", timeout=6, markup=False)

    # ---------------------------------------------------------------- palette
    def daily_commands(self) -> Iterable[SystemCommand]:
        """The selection and sorting actions for the command palette."""
        table = self.main_screen.query_one(ResultList)
        yield SystemCommand("Select row", "Select or unselect the row under the cursor (space)", table.action_toggle_select)
        yield SystemCommand("Select all", "Select every row shown (*)", table.action_select_all)
        yield SystemCommand("Clear selection", "Unselect all rows (escape)", table.clear_selection)
        yield SystemCommand("Sort", "Sort the list by the next column (o)", table.action_sort_next)
        yield SystemCommand("Reverse sort", "Reverse the list's order (O)", table.action_sort_reverse)
