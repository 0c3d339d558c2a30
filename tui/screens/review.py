"""Review one document: its text with the names drawn from it highlighted by type, next to the
list of what it gave (people, organizations, initiatives, affiliations with titles, memberships
with roles), the highlighted item's sentence under the list.

Keys: `delete` reject the highlighted entity or relation, `T` retype, `r` rename, `m` merge
into another record, `a` add an entity the extractor missed, `A` attach the person to an
organization (title) or initiative (role), `u` undo the last change made since the app opened,
`enter` open the card, `tab` text / list, `escape` back. Reading and writing run in thread workers on connections of their own; the corrections
are those of `db.corrections` (rejections and the rest are remembered by it).
"""

from __future__ import annotations

import sqlite3
from typing import Callable

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from db.connection import DatabaseError
from db.documents import document_review, document_text
from db.merge import MergeError, merge_entities
from tui.components.document_view import TYPE_STYLES, DocumentView, display_safe
from tui.screens.confirm import Confirm
from tui.screens.screen_keys import ScreenKeys
from tui.screens.merge_picker import MergePicker
from tui.screens.prompts import ChoicePrompt, TextPrompt

try:  # the corrections API (db/corrections.py); its keys say so until it is there
    from db import corrections
except ImportError:  # pragma: no cover - a build without it
    corrections = None

MAX_PER_SECTION = 200  # list rows per section; the text shows every mention whatever the count
TYPE_NAMES = {"person": "person", "organization": "organization", "initiative": "initiative"}
SECTION_TITLES = {"person": "People", "organization": "Organizations", "initiative": "Initiatives"}
WRITE_ERRORS = (DatabaseError, MergeError, sqlite3.Error, ValueError, LookupError)
Finder = Callable[[str, str], list[tuple[int, str, str]]]  # (query, entity type) -> [(id, name, detail)]


def one_line(text: str | None, limit: int = 400) -> str:
    """Untrusted text on one safe line, at most `limit` characters."""
    text = " ".join(display_safe(text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _name(text: str | None, etype: str) -> Text:
    return Text(one_line(text, 120), style=TYPE_STYLES[etype])


def build_items(review: dict) -> tuple[list[Option], dict[str, dict]]:
    """The list's options (section headings disabled) and, by option id, what each stands for:
    {"kind": "entity" | "affiliation" | "membership", ...the row of `document_review`}."""
    options: list[Option] = []
    items: dict[str, dict] = {}

    def section(title: str, rows: list, make) -> None:
        if not rows:
            return
        options.append(Option(Text(f"{title} ({len(rows)})", style="bold"), disabled=True))
        for row in rows[:MAX_PER_SECTION]:
            option_id, item, label = make(row)
            items[option_id] = item
            options.append(Option(label, id=option_id))
        if len(rows) > MAX_PER_SECTION:
            options.append(Option(Text(f"… {len(rows) - MAX_PER_SECTION} more (see the text)", style="dim"),
                                  disabled=True))

    for etype, title in SECTION_TITLES.items():
        section(title, [e for e in review["entities"] if e["type"] == etype], lambda e: (
            f"entity:{e['type']}:{e['id']}", {"kind": "entity", **e},
            Text.assemble(_name(e["name"], e["type"]), (f"  ×{e['mentions']}" if e["mentions"] > 1 else "", "dim")),
        ))
    for kind, other, extra, title in (("affiliation", "organization", "title", "Affiliations"),
                                      ("membership", "initiative", "role", "Memberships")):
        section(title, review[f"{kind}s"], lambda r, kind=kind, other=other, extra=extra: (
            f"{kind}:{r['person_id']}:{r[other + '_id']}", {"kind": kind, "other": other, **r},
            Text.assemble(_name(r["person"], "person"), " — ", _name(r[other], other),
                          (f"  {one_line(r[extra], 80)}" if r.get(extra) else "", "italic")),
        ))
    return options, items


class ReviewScreen(ScreenKeys, ModalScreen[tuple[str, int] | None]):
    """Returns (entity type, id) when a card is to be opened, else None."""

    DEFAULT_CSS = """
    ReviewScreen { align: left top; background: $surface; }
    ReviewScreen #review-box { width: 100%; height: 100%; background: $surface; }
    ReviewScreen #review-title { height: 1; text-style: bold; color: $primary; padding: 0 1; }
    ReviewScreen #review-caption { height: 1; color: $text-muted; padding: 0 1; }
    ReviewScreen #review-body { height: 1fr; }
    ReviewScreen #review-text { width: 3fr; border-right: solid $panel; }
    ReviewScreen #review-side { width: 2fr; min-width: 30; }
    ReviewScreen #review-items { height: 1fr; border: none; }
    ReviewScreen #review-sentence { height: auto; max-height: 6; color: $text-muted; padding: 0 1; }
    ReviewScreen #review-hint { height: 1; color: $text-muted; padding: 0 1; }
    """
    BINDINGS = [
        Binding("question_mark", "help", "Keys", id="review_help", key_display="?"),
        Binding("escape", "close", "Back", priority=True, id="review_close"),
        Binding("q", "close", "Back", show=False, id="review_quit"),  # as on the app's other screens
        Binding("delete", "reject", "Reject", id="review_reject"),
        Binding("T", "retype", "Retype", id="review_retype"),
        Binding("r", "rename", "Rename", id="review_rename"),
        Binding("m", "merge", "Merge", id="review_merge"),
        Binding("a", "add", "Add missed", id="review_add"),
        Binding("A", "attach", "Attach", id="review_attach"),
        Binding("u", "undo", "Undo", id="review_undo"),
        Binding("tab", "switch_pane", "Text / list", id="review_switch", priority=True),
        Binding("j", "cursor(1)", "Down", show=False),
        Binding("k", "cursor(-1)", "Up", show=False),
    ]

    def __init__(self, document_id: int, find: Finder | None = None) -> None:
        super().__init__()
        self.document_id = document_id
        self.finder = find
        self.review: dict | None = None
        self.text = ""
        self.items: dict[str, dict] = {}
        self._follow: str | None = None  # the option to highlight at the next reload (a record retyped or added)

    def compose(self) -> ComposeResult:
        with Vertical(id="review-box"):
            yield Static("Loading…", id="review-title")
            yield Static("", id="review-caption")
            with Horizontal(id="review-body"):
                yield DocumentView(id="review-text")
                with Vertical(id="review-side"):
                    yield OptionList(id="review-items")
                    yield Static("", id="review-sentence")
            yield Static(
                "del reject  T type  r rename  m merge  a add  A attach  u undo  ⏎ card  ? keys",
                id="review-hint",
            )

    def on_mount(self) -> None:
        self.query_one("#review-items", OptionList).focus()
        self.load()

    # ------------------------------------------------------------ loading
    @work(thread=True, exclusive=True, group="review-load")
    def load(self) -> None:
        """Read the document on a connection of its own and show it in two steps: first the
        text with its highlights (one fast query), then the list of what it gave."""
        try:
            with self.app.pool.lease() as lease:
                document = document_text(lease.db, self.document_id)
                self._from_thread(self.show_text, document)
                review = document_review(lease.db, self.document_id) if document is not None else None
        except (DatabaseError, sqlite3.Error) as exc:
            self._from_thread(self.notify, f"Could not read the document: {exc}", severity="error", markup=False)
            return
        if review is not None:
            self._from_thread(self.show_review, review)

    def _from_thread(self, fn, *args, **kwargs) -> None:
        try:
            self.app.call_from_thread(fn, *args, **kwargs)
        except RuntimeError:  # the app has closed
            pass

    def show_text(self, document: dict | None) -> None:
        """Show the title line and the text with its mentions highlighted (`document_text`)."""
        if not self.is_attached:
            return
        if document is None:
            self.notify("That document no longer exists.", severity="warning")
            self.dismiss(None)
            return
        self.text = document["text"]
        title = Text(one_line(document["title"], 200), style="bold")
        title.append(f"  {document['date'] or ''}  ", style="")
        title.append(one_line(document["source"], 200), style="dim")
        self.query_one("#review-title", Static).update(title)
        self.query_one(DocumentView).set_document(
            document["text"], [(start, end, etype, f"{etype}:{eid}") for start, end, etype, eid in document["spans"]]
        )

    def show_review(self, review: dict) -> None:
        """Show the list of what the document gave (`document_review`), keeping the highlighted row."""
        if not self.is_attached:
            return
        self.review = review
        counts = {t: sum(e["type"] == t for e in review["entities"]) for t in SECTION_TITLES}
        caption = Text.assemble(
            (" people ", TYPE_STYLES["person"]), f" {counts['person']}  ",
            (" organizations ", TYPE_STYLES["organization"]), f" {counts['organization']}  ",
            (" initiatives ", TYPE_STYLES["initiative"]), f" {counts['initiative']}  ",
            f"relations {len(review['affiliations']) + len(review['memberships'])}",
        )
        self.query_one("#review-caption", Static).update(caption)
        options = self.query_one("#review-items", OptionList)
        keep = options.highlighted_option.id if options.highlighted_option else None
        if self._follow is not None:
            keep, self._follow = self._follow, None
        keep_index = options.highlighted or 0
        new_options, self.items = build_items(review)
        options.clear_options()
        options.add_options(new_options)
        ids = [o.id for o in new_options]
        if keep is not None and keep in ids:
            options.highlighted = ids.index(keep)
        elif self.items:
            enabled = [i for i, o in enumerate(new_options) if not o.disabled]
            options.highlighted = min(enabled, key=lambda i: abs(i - keep_index))
        self._follow_highlight()

    # ------------------------------------------------------------ the highlighted item
    def current(self) -> dict | None:
        """What the highlighted row of the list stands for, or None."""
        option = self.query_one("#review-items", OptionList).highlighted_option
        return self.items.get(option.id) if option is not None and option.id else None

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self._follow_highlight()

    def _follow_highlight(self) -> None:
        item = self.current()
        view = self.query_one(DocumentView)
        sentence = self.query_one("#review-sentence", Static)
        if item is None:
            view.select(None)
            sentence.update("")
            return
        key = f"{item['type']}:{item['id']}" if item["kind"] == "entity" else f"person:{item['person_id']}"
        view.select(key, item.get("first"))
        sentence.update(Text("“" + one_line(item.get("sentence"), 300) + "”", style="italic"))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        item = self.items.get(event.option.id or "")
        if item is not None:
            self.dismiss(self._entity_of(item))

    @staticmethod
    def _entity_of(item: dict) -> tuple[str, int]:
        return (item["type"], item["id"]) if item["kind"] == "entity" else ("person", item["person_id"])

    def _entity_item(self, what: str) -> dict | None:
        item = self.current()
        if item is None:
            self.notify(f"{what}: highlight a name in the list first.", severity="warning")
        elif item["kind"] != "entity":
            etype, eid = self._entity_of(item)
            return {"kind": "entity", "type": etype, "id": eid, "name": item["person"]}
        return item

    def _api(self, name: str):
        fn = getattr(corrections, name, None)
        if fn is None:
            self.notify("Corrections are not available in this build.", severity="warning")
        return fn

    # ------------------------------------------------------------ writing
    def write(self, what: str | Callable, fn, *args, follow: Callable | None = None, **kwargs) -> None:
        """Run `fn(db, *args, **kwargs)` in a worker; reload when it lands, one line when it fails.
        `what` is the message (or makes it from `fn`'s result); `follow(result)` gives the list
        row to highlight after the reload (the record retyped or added), when it has one."""
        self._write_worker(what, fn, args, kwargs, follow)

    @work(thread=True, group="review-write")
    def _write_worker(self, what, fn, args: tuple, kwargs: dict, follow) -> None:
        label = what if isinstance(what, str) else "The change"
        try:
            with self.app.pool.lease() as lease:
                result = fn(lease.db, *args, **kwargs)
        except WRITE_ERRORS as exc:
            self._from_thread(self.notify, f"{label} failed: {one_line(str(exc), 200)}", severity="error", markup=False)
            return
        message = what if isinstance(what, str) else what(result)
        self._from_thread(self.written, message, follow(result) if follow is not None else None)

    def written(self, what: str | None = "", follow: str | None = None) -> None:
        """A write landed: say so, read the document again (highlighting `follow`, an option
        id, when given), let the app refresh its panes."""
        if follow is not None:
            self._follow = follow
        if what:
            self.notify(what, timeout=2, markup=False)
        after = getattr(self.app, "after_write", None)
        if after is not None:
            after()
        if self.is_attached:
            self.load()

    def _closed_dialog(self, message: str):
        return lambda result: result is not None and self.written(message)

    # ------------------------------------------------------------ actions
    def action_reject(self) -> None:
        """Reject the highlighted entity or relation (removed; the rejection is remembered)."""
        item = self.current()
        if item is None:
            self.notify("Reject: highlight a name or relation first.", severity="warning")
            return
        if item["kind"] == "entity":
            fn = self._api("reject_entity")
            args = (item["type"], item["id"])
            what = Text.assemble(("Reject ", ""), _name(item["name"], item["type"]), f" ({item['type']})?")
        else:
            fn = self._api("reject_relation")
            args = (item["kind"], item["person_id"], item[item["other"] + "_id"])
            what = Text.assemble("Reject ", _name(item["person"], "person"), " — ",
                                 _name(item[item["other"]], item["other"]), f" ({item['kind']})?")
        if fn is None:
            return
        what.append("\n\nIt is removed, and never drawn again from this or any other document.")
        done = f"Rejected {one_line(item.get('name') or item.get('person'), 60)}"
        self.app.push_screen(Confirm(what), lambda yes: yes and self.write(done, fn, *args))

    def action_retype(self) -> None:
        """Change the highlighted entity's type (mentions, notes and tags kept)."""
        item = self._entity_item("Retype")
        fn = self._api("retype_entity") if item else None
        if fn is None:
            return
        choices = [(t, f"{t}") for t in TYPE_NAMES if t != item["type"]]
        title = Text.assemble("Make ", _name(item["name"], item["type"]), " a…")

        def picked(to_type: str | None) -> None:
            if to_type:
                self.write(f"Now a{'n' if to_type[0] in 'aeiou' else ''} {to_type}", fn, item["type"], item["id"], to_type,
                           follow=lambda new_id: f"entity:{to_type}:{new_id}")

        self.app.push_screen(ChoicePrompt(title, choices, letters=True), picked)

    def action_rename(self) -> None:
        """Rename the highlighted entity (the old name is kept as an alias)."""
        item = self._entity_item("Rename")
        fn = self._api("rename_entity") if item else None
        if fn is None:
            return
        dialog = TextPrompt(Text.assemble("Rename ", _name(item["name"], item["type"])), value=one_line(item["name"]))
        dialog.writer = lambda db, name: fn(db, item["type"], item["id"], name)
        self.app.push_screen(dialog, self._closed_dialog("Renamed"))

    def action_merge(self) -> None:
        """Merge the highlighted entity into another record, picked by fuzzy search."""
        item = self._entity_item("Merge")
        if item is None:
            return
        if self.finder is None:
            self.notify("Merging needs the app's search.", severity="warning")
            return
        card = {"type": item["type"], "id": item["id"], "name": one_line(item["name"], 120)}

        def picked(target: tuple[int, str] | None) -> None:
            if target is None:
                return
            question = Text.assemble("Merge ", (card["name"], "bold"), " into ", (one_line(target[1], 120), "bold"), "?")
            self.app.push_screen(Confirm(question), lambda yes: yes and self.write(
                f"Merged into {one_line(target[1], 60)}", merge_entities, card["type"], card["id"], target[0],
                follow=lambda _: f"entity:{card['type']}:{target[0]}"))

        self.app.push_screen(MergePicker(card, lambda query: self.finder(query, card["type"])), picked)

    def action_add(self) -> None:
        """Add a person, organization or initiative the extractor missed (its first mention in
        the text, from what is on screen on, is recorded when the name is found there)."""
        fn = self._api("add_entity")
        if fn is None or self.review is None:
            return

        def typed(etype: str | None) -> None:
            if not etype:
                return
            dialog = TextPrompt(f"Add a missed {etype}: its name as written", placeholder="name")
            made: dict = {}

            def write(db, name: str) -> None:
                span = self.span_of(name)  # the name as it stands in the text becomes a mention
                made["id"] = fn(db, etype, name, **({"document_id": self.document_id, **span} if span else {}))
                made["in_text"] = bool(span)

            def added(result: str | None) -> None:
                if result is None:
                    return
                if not made.get("in_text"):  # no mention here: the record is not in this document's list
                    self.written(f"Added the {etype} {one_line(result, 60)} to the directory; the name is not in this"
                                 " text as typed, so it is not listed here")
                    return
                # the cursor goes to the new record (A attaches it at once)
                self.written(f"Added the {etype}", f"entity:{etype}:{made['id']}" if made.get("id") else None)

            dialog.writer = write
            self.app.push_screen(dialog, added)

        self.app.push_screen(ChoicePrompt("Add what?", [(t, t) for t in TYPE_NAMES], letters=True), typed)

    def span_of(self, name: str) -> dict:
        """{"start", "end"} of `name` in the text (first from the top of the screen on, else from
        the beginning; case-insensitive as a fallback), or {} when it is not there."""
        text = self.text
        view = self.query_one(DocumentView)
        top = view._rows[min(int(view.scroll_y), view.row_count - 1)] if view.row_count else 0
        for haystack, needle in ((text, name), (text.casefold(), name.casefold())):
            if len(haystack) != len(text):  # casefold changed the length: offsets would drift
                continue
            found = haystack.find(needle, top)
            if found < 0:
                found = haystack.find(needle)
            if found >= 0:
                return {"start": found, "end": found + len(name)}
        return {}

    def action_attach(self) -> None:
        """Attach the highlighted person to an organization (with title) or an initiative
        (with role) of this document."""
        item = self._entity_item("Attach")
        fn = self._api("attach") if item else None
        if fn is None or self.review is None:
            return
        if item["type"] != "person":
            self.notify("Attach works on a person: highlight one first.", severity="warning")
            return
        targets = [e for e in self.review["entities"] if e["type"] in ("organization", "initiative")]
        if not targets:
            self.notify("This document gave no organization or initiative to attach to.", severity="warning")
            return
        choices = [(f"{e['type']}:{e['id']}", Text.assemble(_name(e["name"], e["type"]), f"  {e['type']}"))
                   for e in targets[:MAX_PER_SECTION]]

        def picked(choice: str | None) -> None:
            if not choice:
                return
            etype, _, eid = choice.partition(":")
            target = next(e for e in targets if e["type"] == etype and e["id"] == int(eid))
            field = "title" if etype == "organization" else "role"
            dialog = TextPrompt(Text.assemble(f"{field.capitalize()} of ", _name(item["name"], "person"), " at ",
                                              _name(target["name"], etype), " (may be empty)"), allow_empty=True)
            key = "organization_id" if etype == "organization" else "initiative_id"
            dialog.writer = lambda db, value: fn(db, item["id"], **{key: int(eid), field: value or None})
            self.app.push_screen(dialog, self._closed_dialog("Attached"))

        self.app.push_screen(ChoicePrompt(Text.assemble("Attach ", _name(item["name"], "person"), " to…"), choices),
                             picked)

    def action_undo(self) -> None:
        """Undo the newest change made since the app opened (here or on the main screen:
        reject, retype, rename, merge, add, attach ...); again to go further back."""
        undo = getattr(corrections, "undo_last", None)
        if undo is None:
            self.notify("Undo is not available in this build.", severity="warning")
            return
        since = getattr(self.app, "journal_start", 0)
        self.write(lambda description: f"Undone: {description}" if description else "Nothing to undo since the app opened.",
                   undo, since)

    def action_switch_pane(self) -> None:
        """Move between the text and the list."""
        view, options = self.query_one(DocumentView), self.query_one("#review-items", OptionList)
        self.set_focus(options if self.focused is view else view)

    def action_cursor(self, step: int) -> None:
        """j / k: down / up in the list, or scroll the text."""
        if isinstance(self.focused, DocumentView):
            self.focused.scroll_relative(y=step, animate=False)
        else:
            options = self.query_one("#review-items", OptionList)
            (options.action_cursor_down if step > 0 else options.action_cursor_up)()

    def action_close(self) -> None:
        """Back to the list of documents."""
        self.dismiss(None)
