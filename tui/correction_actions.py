"""The app's correction keys: `u` undo, `r` rename, `T` retype, `S` split, `delete` delete,
`a` add by hand, `A` attach a person to an organization or initiative. A mixin for
`StakeholdersApp` (it uses the app's `db`, `pool`, `card_ref`, `_selected_card`, `reload`,
`request_card`, `open_entity` and search engine). Every write runs in a worker on a connection
of its own and is journaled (`db.journal`); `u` undoes only what was done since the app opened.

Wiring in tui/app.py: `class StakeholdersApp(CorrectionActions, ...)`, `*CORRECTION_BINDINGS` in
BINDINGS, CORRECTION_ACTIONS in MAIN_ACTIONS, `self.start_journal()` in on_mount and
`yield from self.correction_commands()` in the palette.
"""

from __future__ import annotations

import contextlib
import sqlite3
from typing import Iterable

from rich.text import Text
from textual import work
from textual.app import SystemCommand
from textual.binding import Binding

from db.annotations import AnnotationError
from db.connection import DatabaseError
from db.corrections import (
    CorrectionError,
    add_entity,
    attach,
    attached_counts,
    delete_entity,
    reject_relation,
    entity_mentions,
    journal_position,
    rename_entity,
    retype_entity,
    split_choices,
    split_entity,
    undo_last,
)
from db.judgements import kind_of, relation_exists
from db.merge import MergeError
from tui.components.entity_card import LinkList
from tui.screens.confirm import Confirm
from tui.screens.corrections import AddDialog, EntityPicker, NameDialog, SplitDialog, TypeChoice

CORRECTION_BINDINGS = [
    Binding("u", "undo", "Undo", id="undo", show=False),
    Binding("r", "rename", "Rename", id="rename", show=False),
    Binding("T", "retype", "Retype", id="retype", show=False),
    Binding("S", "split", "Split", id="split", show=False),
    Binding("delete", "delete", "Delete", id="delete", show=False),
    Binding("a", "add", "Add", id="add", show=False),
    Binding("A", "attach", "Attach", id="attach", show=False),
]
CORRECTION_ACTIONS = {"undo", "rename", "retype", "split", "delete", "add", "attach"}
CORRECTION_ERRORS = (CorrectionError, AnnotationError, MergeError, DatabaseError, sqlite3.Error)


class CorrectionActions:
    """Actions behind CORRECTION_BINDINGS."""

    journal_start = 0  # the journal's position when the app opened: `u` goes no further back

    def start_journal(self) -> None:
        """Remember where the journal stood when the app opened."""
        self.journal_start = journal_position(self.db)

    # ------------------------------------------------------------ writing
    def _correct(self, what: str, fn, then=None) -> None:
        """Run `fn(db)` in a worker; on success reload and call `then(result)` on the
        interface thread; a failure is one line."""
        self._correct_worker(what, fn, then)

    @work(thread=True, group="write")
    def _correct_worker(self, what: str, fn, then) -> None:
        try:
            with self.pool.lease() as lease:
                result = fn(lease.db)
        except CORRECTION_ERRORS as exc:
            self._notify_from_thread(f"{what} failed: {' '.join(str(exc).split())}", severity="error", markup=False)
            return
        with contextlib.suppress(RuntimeError):
            self.call_from_thread(self._corrected, then, result)

    def _corrected(self, then, result) -> None:
        self.reload()
        if then is not None:
            then(result)

    def _show(self, ref: tuple[str, int], message: str) -> None:
        self.card_ref = None
        self.request_card(ref)
        self.notify(message, timeout=3, markup=False)

    # ------------------------------------------------------------ actions
    def action_undo(self) -> None:
        """Undo the newest change made since the app opened (merge, split, reject, delete, type
        change, rename, add, attach, a follow-up marked done); again to go further back."""
        since = self.journal_start

        def done(description: str | None) -> None:
            if description is None:
                self.notify("Nothing to undo since the app opened.", timeout=3)
            else:
                self.notify(f"Undone: {description}", timeout=4, markup=False)

        self._correct("Undo", lambda db: undo_last(db, since), done)

    def action_rename(self) -> None:
        """Rename the selected record (the old name stays an alias)."""
        card = self._selected_card()
        if card is None:
            return
        dialog = NameDialog(Text.assemble("Rename ", (card["name"], "bold")), card["name"])
        dialog.writer = lambda db, name: rename_entity(db, card["type"], card["id"], name)
        self.push_screen(dialog, lambda name: name and self._show((card["type"], card["id"]), f"Renamed to {name}"))

    def action_retype(self) -> None:
        """Change the selected record's type, keeping its mentions, notes and tags."""
        card = self._selected_card()
        if card is None:
            return

        def chosen(to_type: str | None) -> None:
            if to_type:
                self._correct(
                    "Changing the type", lambda db: retype_entity(db, card["type"], card["id"], to_type),
                    lambda new_id: self._show((to_type, new_id), f"{card['name']} is now a{'n' if to_type[0] in 'aeiou' else ''} {to_type}"),
                )

        self.push_screen(TypeChoice(card), chosen)

    def action_split(self) -> None:
        """Split the selected record: tick the mentions and relations that go to a new one."""
        card = self._selected_card()
        if card is None:
            return
        mentions = entity_mentions(self.db, card["type"], card["id"])
        relations = split_choices(self.db, card["type"], card["id"])
        if not mentions and not relations:
            self.notify("Nothing to split: the record has no mentions or relations.", severity="warning")
            return
        dialog = SplitDialog(card, mentions, relations)
        made: dict = {}

        def write(db, result: dict) -> None:
            made["id"] = split_entity(db, card["type"], card["id"], result.pop("new_name"), **result)

        dialog.writer = write
        self.push_screen(dialog, lambda result: result and self._after_split(card, made))

    def _after_split(self, card: dict, made: dict) -> None:
        self.reload()
        if "id" in made:
            self._show((card["type"], made["id"]), f"Split off {card['name']}")

    def _highlighted_relation(self) -> tuple[str, int] | None:
        """(type, id) of the line under the cursor in a relation list of the card (its
        organizations, initiatives, people, members, partners), when that is where the focus is."""
        focused = self.focused
        if not (isinstance(focused, LinkList) and focused.has_class("card-relations")):
            return None
        option = focused.highlighted_option
        etype, _, eid = (option.id or "").partition(":") if option is not None else ("", "", "")
        return (etype, int(eid)) if eid.isdigit() else None

    def _reject_relation(self, card: dict, other: tuple[str, int]) -> bool:
        """`delete` on a relation line of the card: remove that relation (remembered: never drawn
        again), after confirming. False when the line is not a relation of the card."""
        found = kind_of(card["type"], other[0])
        if found is None:
            return False
        kind, swapped = found
        ids = (other[1], card["id"]) if swapped else (card["id"], other[1])
        name_field = {"person": "name", "organization": "organization", "initiative": "initiative"}[other[0]]
        sections = ("affiliations", "memberships", "people", "members", "initiatives", "organizations")
        other_name = next((r.get(name_field) for key in sections for r in card.get(key) or []
                           if r.get(f"{other[0]}_id") == other[1] and r.get(name_field)), None) or f"#{other[1]}"
        if not relation_exists(self.db, kind, *ids):
            self.notify(f"{other_name} is linked through people: remove their affiliations or memberships instead.",
                        severity="warning", markup=False)
            return True
        question = Text.assemble(
            "Remove the ", kind, " ", (card["name"], "bold"), " — ", (other_name, "bold"), "?\n\n",
            "Only this relation goes; imports will not draw it again; u undoes this.",
        )

        def confirmed(yes: bool) -> None:
            if yes:
                self._correct("Removing the relation", lambda db: reject_relation(db, kind, *ids),
                              lambda _: self._show((card["type"], card["id"]), f"Removed {card['name']} — {other_name}"))

        self.push_screen(Confirm(question), confirmed)
        return True

    def action_delete(self) -> None:
        """Delete the selected record, after confirming (u brings it back); on a relation line of
        the card (an organization, initiative or member), remove only that relation."""
        card = self._selected_card()
        if card is None:
            return
        other = self._highlighted_relation()
        if other is not None and self._reject_relation(card, other):
            return
        counts = attached_counts(self.db, card["type"], card["id"])
        goes = ", ".join(f"{n} {what[:-1] if n == 1 else what}" for what, n in counts.items() if n)
        question = Text.assemble(
            "Delete ", (card["name"], "bold"), f" ({card['type']})?\n\n",
            f"Its {goes} go with it. " if goes else "",
            "Imports will not draw it again; u undoes this.",
        )

        def confirmed(yes: bool) -> None:
            if yes:
                self.card_ref = None
                self._correct("Deleting", lambda db: delete_entity(db, card["type"], card["id"]),
                              lambda _: self.notify(f"Deleted {card['name']}", timeout=3, markup=False))

        self.push_screen(Confirm(question), confirmed)

    def action_add(self) -> None:
        """Add a person, organization or initiative by hand."""
        dialog = AddDialog()
        made: dict = {}

        def write(db, result: tuple[str, str]) -> None:
            made["ref"] = (result[0], add_entity(db, result[0], result[1]))

        dialog.writer = write

        def added(result) -> None:
            if result and "ref" in made:
                self.reload()
                self.open_entity(*made["ref"])
                self.notify(f"Added {result[1]}", timeout=3, markup=False)

        self.push_screen(dialog, added)

    def action_attach(self) -> None:
        """Attach the selected person to an organization (with a title) or an initiative (with a role)."""
        card = self._selected_card()
        if card is None:
            return
        if card["type"] != "person":
            self.notify("Attach works on a person: select one first.", severity="warning")
            return

        def find(query: str) -> list[tuple[str, int, str, str]]:
            return self.pick_search_types(query, ("organization", "initiative"))  # in the picker's worker

        def picked(target) -> None:
            if not target:
                return
            etype, eid, name = target
            what = "title" if etype == "organization" else "role"
            section, id_key = ("affiliations", "organization_id") if etype == "organization" else ("memberships", "initiative_id")
            current = next((r.get(what) for r in card.get(section) or [] if r.get(id_key) == eid), None) or ""
            dialog = NameDialog(Text.assemble(f"{card['name']}'s {what} at ", (name, "bold"), " (may be empty)"),
                                current, placeholder=what, allow_empty=True)
            key = "organization_id" if etype == "organization" else "initiative_id"
            extra = "title" if etype == "organization" else "role"
            dialog.writer = lambda db, value: attach(db, card["id"], **{key: eid, extra: value or None})
            self.push_screen(dialog, lambda value: value is not None and self._show(
                ("person", card["id"]), f"Attached {card['name']} to {name}"))

        self.push_screen(EntityPicker(Text.assemble("Attach ", (card["name"], "bold"),
                                                    " to which organization or initiative?"), find), picked)

    def correction_commands(self) -> Iterable[SystemCommand]:
        """The correction actions for the command palette."""
        yield SystemCommand("Undo", "Undo the last change made since the app opened (u)", self.action_undo)
        yield SystemCommand("Rename", "Rename the selected record (r)", self.action_rename)
        yield SystemCommand("Retype", "Change the selected record's type (T)", self.action_retype)
        yield SystemCommand("Split", "Split the selected record in two (S)", self.action_split)
        yield SystemCommand("Delete", "Delete the selected record (delete)", self.action_delete)
        yield SystemCommand("Add by hand", "Add a person, organization or initiative (a)", self.action_add)
        yield SystemCommand("Attach", "Attach the selected person to an organization or initiative (A)",
                            self.action_attach)
