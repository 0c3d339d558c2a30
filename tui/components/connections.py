"""Card sections of the stakeholder analysis: a person's connections (grouped by what they
share), assessment with its history and interactions; an organization's or initiative's
overlap with others.

Each section is a function of the card dict (a `db.cards` card merged with
`db.analysis.card_extras`), like the sections of `tui.components.entity_card`;
`register_sections(SECTIONS)` inserts them into that registry. Names are untrusted: they go
into `rich.text.Text` objects, never through markup.
"""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from tui.components.entity_card import LinkList
from tui.messages import OpenEntity

STANCE_MARK = {"supportive": "+", "neutral": "=", "opposed": "-", "unknown": "?"}
HISTORY_ON_CARD = 5


class GroupedLinks(LinkList):
    """Selectable entities under group headings (the headings are selectable too: they open
    the shared initiative or organization). Option ids are `type:id:n`, unique even when a
    person appears in several groups; `enter` posts OpenEntity. A LinkList, so j/k walk on
    from and to the card's other lists."""

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.prevent_default()  # LinkList's handler expects `type:id`
        event.stop()
        etype, eid, _ = (event.option.id or "::").split(":", 2)
        if eid:
            self.post_message(OpenEntity(etype, int(eid)))


def _heading(text: str) -> Label:
    return Label(text, classes="card-heading")


def _dim(text: str) -> Text:
    return Text(text, style="dim")


def grouped_links(groups: list[tuple[tuple[str, int, Text], list[tuple[str, int, Text]]]]) -> GroupedLinks:
    """A GroupedLinks of (heading link, [member links]) groups."""
    options: list[Option] = []
    for heading, members in groups:
        etype, eid, label = heading
        options.append(Option(Text.assemble(label, style="bold"), id=f"{etype}:{eid}:{len(options)}"))
        for metype, meid, mlabel in members:
            options.append(Option(Text.assemble("  ", mlabel), id=f"{metype}:{meid}:{len(options)}"))
    return GroupedLinks(*options, classes="card-links analysis-links", markup=False)


def connections_section(card: dict) -> list[Widget]:
    """The people this person shares initiatives or organizations with, grouped by what they
    share (each group's heading opens the shared entity, each name that person's card)."""
    groups = card.get("connections")
    if groups is None:
        return []
    if not groups:
        return [_heading("Connections"), Static(_dim("none: no shared initiative or organization"), classes="card-body")]
    total = len({p["id"] for g in groups for p in g["people"]})
    built = []
    for g in groups:
        more = g.get("count", len(g["people"])) - len(g["people"])
        label = Text.assemble(g["name"], (f"  {g['type']} · {g.get('count', len(g['people']))}", "dim"))
        if more > 0:
            label.append(f" (first {len(g['people'])})", style="dim")
        members = [
            ("person", p["id"], Text.assemble(p["name"], (f"  {p['detail']}" if p.get("detail") else "", "dim")))
            for p in g["people"]
        ]
        built.append(((g["type"], g["id"], label), members))
    return [_heading(f"Connections ({total} {'person' if total == 1 else 'people'})"), grouped_links(built)]


def assessment_line(row: dict) -> Text:
    """`2026-11-20  influence 4 · interest 5 · supportive  → manage closely`."""
    return Text.assemble(
        (row["assessed_at"][:10] + "  ", "dim"),
        f"influence {row['influence']} · interest {row['interest']} · ",
        (row["stance"], "bold" if row["stance"] != "unknown" else "dim"),
        ("  → " + row["quadrant"], "italic"),
        (f"  {row['note']}" if row.get("note") else "", "dim"),
    )


def assessment_section(card: dict) -> list[Widget]:
    """The current influence/interest/stance and the earlier assessments."""
    if "assessment_history" not in card:
        return []
    history = card["assessment_history"]
    if not history:
        return [_heading("Assessment"), Static(_dim("not assessed (i)"), classes="card-body")]
    lines = [assessment_line(history[0])]
    if len(history) > 1:
        lines.append(_dim("earlier:"))
        lines += [Text.assemble("  ", assessment_line(h)) for h in history[1 : 1 + HISTORY_ON_CARD]]
        if len(history) > 1 + HISTORY_ON_CARD:
            lines.append(_dim(f"  … {len(history) - 1 - HISTORY_ON_CARD} more"))
    return [_heading("Assessment  (i)"), Static(Text("\n").join(lines), classes="card-body card-assessment")]


def interactions_section(card: dict) -> list[Widget]:
    """Interactions, newest first, with open follow-ups; `enter` on one edits (or deletes) it."""
    rows = card.get("interactions")
    if rows is None:
        return []
    if not rows:
        return [_heading("Interactions"), Static(_dim("none (l to log)"), classes="card-body")]
    links = []
    for r in rows:
        line = Text.assemble((r["date"] + "  ", "dim"), (r["kind"], "bold"),
                             (f"  {r['initiative']}" if r.get("initiative") else "", "italic"),
                             (f"  {r['summary']}" if r["summary"] else ""))
        if r["follow_up_date"]:
            line.append(f"  follow up {r['follow_up_date']}" + (" ✓" if r["done"] else ""), style="italic")
        links.append(Option(line, id=f"interaction:{r['id']}"))
    # a Static, not a Label: on a narrow card the hint wraps instead of being cut
    heading = Static(Text.assemble(f"Interactions ({len(rows)})", ("  enter edits", "dim")), classes="card-heading")
    return [heading,
            LinkList(*links, classes="card-links card-interactions", markup=False)]


def engagement_summary(card: dict) -> list[Widget]:
    """At the top of a person's card: the last contact and the next open follow-up, one line
    each (20 cells: whole on the 80-column card)."""
    if card.get("type") != "person" or "last_contact" not in card:
        return []
    last, following = card.get("last_contact"), card.get("next_follow_up")
    if not last and not following:
        return []
    # one line each (like Email / Phone below): a narrow card never splits a date from its label
    text = Text.assemble(("Contacted ", "dim"), last or "—", "\n", ("Follow up ", "dim"),
                         (following or "—", "bold" if following else ""))
    return [Static(text, classes="card-body card-engagement")]


def overlap_section(card: dict) -> list[Widget]:
    """An organization's overlap (organizations on the same initiatives) or an initiative's
    (initiatives sharing members, then sharing organizations)."""
    if card["type"] == "organization":
        specs = [("overlap", "organization", "initiatives", "initiative", "Overlap: organizations on the same initiatives")]
    else:
        specs = [
            ("overlap", "initiative", "people", "person", "Overlap: initiatives sharing members"),
            ("organization_overlap", "initiative", "organizations", "organization",
             "Overlap: initiatives sharing organizations"),
        ]
    widgets: list[Widget] = []
    for key, etype, what, what_type, title in specs:
        rows = card.get(key)
        if not rows:
            continue
        built = [
            ((etype, r["id"], Text.assemble(r["name"], (f"  {r.get('count', len(r[what]))} shared", "dim"))),
             [(what_type, s["id"], Text(s["name"])) for s in r[what][:20]])
            for r in rows[:50]
        ]
        widgets += [_heading(f"{title} ({card.get(key + '_count', len(rows))})"), grouped_links(built)]
    return widgets


def register_sections(sections: dict[str, list]) -> None:
    """Insert the analysis sections into the card's section registry (idempotent): on a
    person the last contact and next follow-up under the header, the rest after the initiatives, on an organization after its initiatives, on an initiative
    after its partner organizations."""
    placements = [
        ("person", "person_initiatives", [assessment_section, interactions_section, connections_section]),
        ("person", "header_section", [engagement_summary]),
        ("organization", "organization_initiatives", [assessment_section, overlap_section]),
        ("initiative", "initiative_organizations", [overlap_section]),
    ]
    for etype, after, new in placements:
        current = sections[etype]
        if any(fn in current for fn in new):
            continue
        names = [fn.__name__ for fn in current]
        index = names.index(after) + 1 if after in names else len(current)
        current[index:index] = new
