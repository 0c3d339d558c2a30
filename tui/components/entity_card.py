"""The right pane: the highlighted entity's card, built from small sections.

`SECTIONS` maps an entity type to the functions that build its card, in order; each takes the
card dict (from `db.cards`) and returns widgets. To add a section (e.g. connections), insert a
function into the list.
"""

from __future__ import annotations

from typing import Callable, Iterable

from rich.text import Text
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from db.cards import source_label
from tui.messages import OpenEntity

MAX_LINKS = 200
TYPE_LABEL = {"person": "Person", "organization": "Organization", "initiative": "Initiative"}


class LinkList(OptionList):
    """Related entities on a card; `enter` opens one."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    def on_focus(self) -> None:
        if self.highlighted is None and self.option_count:
            self.highlighted = 0

    def _card(self):
        return next((a for a in self.ancestors if isinstance(a, EntityCard)), None)

    def _neighbour(self, step: int) -> "LinkList | None":
        card = self._card()
        lists = list(card.query(LinkList)) if card else []
        index = lists.index(self) + step if self in lists else -1
        return lists[index] if 0 <= index < len(lists) else None

    def action_cursor_down(self) -> None:
        """Down; past the last link, on to the next list of the card (or the card's end)."""
        if self.highlighted is not None and self.highlighted >= self.option_count - 1:
            following = self._neighbour(1)
            if following is not None:
                following.focus()
                following.highlighted = 0
            elif self._card() is not None:
                self._card().scroll_end(animate=False)
            return
        super().action_cursor_down()

    def action_cursor_up(self) -> None:
        """Up; before the first link, back to the previous list of the card (or its top)."""
        if not self.highlighted:
            previous = self._neighbour(-1)
            if previous is not None:
                previous.focus()
                previous.highlighted = previous.option_count - 1
            elif self._card() is not None:
                self._card().scroll_home(animate=False)
            return
        super().action_cursor_up()

    def scroll_to_highlight(self, top: bool = False) -> None:
        """Keep the highlighted link in view by scrolling the card (the list itself never scrolls)."""
        super().scroll_to_highlight(top)
        if self.has_focus:  # not while a card is being built: it starts at its top
            self.call_after_refresh(self._scroll_card)

    def _scroll_card(self) -> None:
        card = self._card()
        if card is None or self.highlighted is None or self.parent is not card or not self.has_focus:
            return
        y = self._index_to_line.get(self.highlighted)
        if y is not None:
            region = Region(0, self.virtual_region.y + y, 1, self._heights.get(self.highlighted, 1))
            card.scroll_to_region(region, animate=False, immediate=True)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        etype, _, eid = (event.option.id or "").partition(":")
        if eid:
            self.post_message(OpenEntity(etype, int(eid)))


def _heading(text: str) -> Label:
    return Label(text, classes="card-heading")


def _line(*parts: tuple[str | None, str]) -> Text:
    """A line of (text, style) parts, untrusted text kept literal; empty parts skipped."""
    return Text.assemble(*((t, s) for t, s in parts if t))


def links_section(heading: str, links: list[tuple[str, int, Text]]) -> list[Widget]:
    """A heading and a selectable list of (type, id, label); nothing when empty."""
    if not links:
        return []
    options = [Option(label, id=f"{etype}:{eid}") for etype, eid, label in links[:MAX_LINKS]]
    widgets: list[Widget] = [_heading(f"{heading} ({len(links)})"),
                             LinkList(*options, classes="card-links card-relations")]
    if len(links) > MAX_LINKS:
        widgets.append(Static(f"… {len(links) - MAX_LINKS} more: open it to list them all", classes="card-body"))
    return widgets


def header_section(card: dict) -> list[Widget]:
    """Name, type and the other spellings seen."""
    text = _line((card["name"], "bold"), ("  " + TYPE_LABEL[card["type"]], "dim"))
    extra = [card.get("acronym"), card.get("kind")]
    if any(extra):
        text.append("\n" + " · ".join(e for e in extra if e))
    others = [a for a in card.get("aliases", []) if a != card["name"]]
    if others:
        text.append("\nalso: ", style="dim")
        text.append(", ".join(others[:8]) + (" …" if len(others) > 8 else ""), style="italic")
    return [Static(text, classes="card-header")]


def contact_section(card: dict) -> list[Widget]:
    """A person's title, email and phone."""
    titles = [card.get("title")] + [a["title"] for a in card.get("affiliations", [])]
    titles = list(dict.fromkeys(t for t in titles if t))
    lines = [_line(("Title  ", "dim"), (t, "")) for t in titles]
    lines.append(_line(("Email  ", "dim"), (card.get("email") or "—", "")))
    lines.append(_line(("Phone  ", "dim"), (card.get("phone") or "—", "")))
    return [Static(Text("\n").join(lines), classes="card-body")]


def _related(rows: list[dict], etype: str, id_key: str, name_key: str, role_key: str) -> list:
    return [
        (etype, r[id_key], _line((r[name_key], ""), (f"  {r[role_key]}" if r.get(role_key) else "", "dim")))
        for r in rows
    ]


def person_organizations(card: dict) -> list[Widget]:
    """The organizations a person belongs to, with titles."""
    return links_section("Organizations", _related(card["affiliations"], "organization", "organization_id", "organization", "title"))


def person_initiatives(card: dict) -> list[Widget]:
    """The initiatives a person is a member of, with roles."""
    return links_section("Initiatives", _related(card["memberships"], "initiative", "initiative_id", "initiative", "role"))


def organization_people(card: dict) -> list[Widget]:
    """An organization's people, with titles."""
    return links_section("People", _related(card["people"], "person", "person_id", "name", "title"))


def organization_initiatives(card: dict) -> list[Widget]:
    """The initiatives an organization takes part in."""
    return links_section("Initiatives", _related(card["initiatives"], "initiative", "initiative_id", "initiative", "role"))


def initiative_members(card: dict) -> list[Widget]:
    """An initiative's members with roles and main organization."""
    links = [
        ("person", m["person_id"], _line((m["name"], ""), (f"  {m['role']}" if m.get("role") else "", "dim"),
                                         (f"  {m['organization']}" if m.get("organization") else "", "italic dim")))
        for m in card["members"]
    ]
    return links_section("Members", links)


def initiative_organizations(card: dict) -> list[Widget]:
    """An initiative's partner organizations with their role."""
    return links_section("Partner organizations", _related(card["organizations"], "organization", "organization_id", "organization", "role"))


def tags_section(card: dict) -> list[Widget]:
    """The entity's tags."""
    tags = card.get("tags") or []
    body = Text(" ".join(f"#{t}" for t in tags)) if tags else Text("none  (t to add)", style="dim")
    return [_heading("Tags"), Static(body, classes="card-body card-tags")]


def notes_section(card: dict) -> list[Widget]:
    """Notes, newest first, dated."""
    notes = card.get("notes") or []
    if not notes:
        return [_heading("Notes"), Static(Text("none  (n to add)", style="dim"), classes="card-body")]
    lines = [_line((n["created_at"][:10] + "  ", "dim"), (n["body"], "")) for n in notes]
    return [_heading(f"Notes ({len(notes)})"), Static(Text("\n").join(lines), classes="card-body card-notes")]


def sources_section(card: dict) -> list[Widget]:
    """Each document, by title and date, with the quoted sentences the facts came from."""
    sources = card.get("sources") or []
    if not sources:
        return []
    lines = []
    previous = None
    for s in sources[:50]:
        if s["document_id"] != previous:  # the document's title once, its sentences under it
            lines.append(_line((source_label(s), "bold")))
            previous = s["document_id"]
        lines.append(_line(("  “" + " ".join((s["sentence"] or "").split()) + "”", "italic")))
    return [_heading(f"Sources ({len(sources)})"), Static(Text("\n").join(lines), classes="card-body card-sources")]


Section = Callable[[dict], Iterable[Widget]]
SECTIONS: dict[str, list[Section]] = {
    "person": [header_section, contact_section, person_organizations, person_initiatives, tags_section,
               notes_section, sources_section],
    "organization": [header_section, organization_people, organization_initiatives, tags_section,
                     notes_section, sources_section],
    "initiative": [header_section, initiative_members, initiative_organizations, tags_section,
                   notes_section, sources_section],
}


class EntityCard(VerticalScroll):
    """Shows one card; `show(None)` shows a hint."""

    BINDINGS = [
        Binding("j", "scroll_down", "Down", show=False),
        Binding("k", "scroll_up", "Up", show=False),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.card: dict | None = None

    async def show(self, card: dict | None, reveal: str | None = None) -> None:
        """Replace the card's sections with those of `card`; scroll the section whose body has
        class `card-<reveal>` (e.g. "notes" after adding a note) into view."""
        self.card = card
        widgets: list[Widget] = []
        if card is None:
            widgets.append(Static(Text("Nothing selected. Search with / or browse on the left.", style="dim")))
        else:
            for section in SECTIONS[card["type"]]:
                widgets.extend(section(card))
        with self.app.batch_update():
            await self.remove_children()
            await self.mount_all(widgets)
        self.scroll_home(animate=False)
        body = self.query(f".card-{reveal}").first() if reveal else None
        if body is not None:  # its heading at the top, after layout (when its place is known)
            index = self.children.index(body)
            heading = self.children[index - 1] if index else body
            self.call_after_refresh(self.scroll_to_widget, heading, animate=False, top=True)

    def focus_first(self) -> None:
        """Focus the first list of links, else the card itself."""
        links = self.query(LinkList)
        self.screen.set_focus(links.first() if links else self)  # now, not after the next key
