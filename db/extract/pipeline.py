"""Drawing people, organizations and initiatives (and how they relate) out of document text.

`extract(text) -> Extraction` runs the line patterns (`db.extract.lists`), then the sentence
patterns (`db.extract.prose`) over what is left, then gives emails and phone numbers to the person
named before them. General rules only; see `db.extract.core` for the shared machinery.
"""

from __future__ import annotations

import bisect
import re

from db.extract.core import (
    EMAIL_RE,
    Doc,
    Extraction,
    Found,
    Span,
    fold,
    last_before,
    line_spans,
    sentence_spans,
)
from db.extract.affiliations import read_name_affiliations, read_publisher_staff
from db.extract.bios import read_bios
from db.extract.represented import read_represented
from db.extract.sections import (
    read_group_tables,
    read_labelled_groups,
    read_led_paragraphs,
    read_role_labelled_bodies,
    read_sections,
)
from db.extract.enumerations import read_enumerations
from db.extract.groups import event_headline, quoted_events, find_groups
from db.extract.legislators import read_legislators, read_titled_surnames
from db.extract.listed_people import join_wrapped_cells, read_listed_people, read_table_names
from db.extract.lists import bylines, credential_lines, member_lists
from db.extract.membership import (
    group_acronyms,
    join_main_group,
    merge_headline_group,
    merge_unnamed_delegations,
    read_participation,
    retype_chaired_bodies,
    settle_main_group,
)
from db.extract.prose import read_list_line_people, read_sentence
from db.extract.structure import unwrap, without_line_numbers

__all__ = ["Extraction", "Found", "Span", "extract"]

# Footnote marks after names (`Halldóra Jónsdóttir-Ramírez²`) read as spaces: the text keeps its length, so
# every offset still points into the document as stored.
_FOOTNOTE_MARKS = str.maketrans({c: " " for c in "¹²³⁴⁵⁶⁷⁸⁹⁰†‡"})
_AT_SIGN = re.compile("@")
_DIGIT = re.compile(r"\d")  # what every _PHONE match holds (it is read with \d, so any script's digits)
_PHONE = re.compile(r"(?<![\w.])\+?\(?\d[\d\s().\-]{7,}\d(?:\s*(?:x|ext\.?)\s*\d+)?")


# --------------------------------------------------------------------------- extraction passes

def extract(text: str) -> Extraction:
    """Draw entities and relations from one document's text."""
    text, to_original = without_line_numbers(text)
    text = unwrap(text).translate(_FOOTNOTE_MARKS)
    doc = Doc(text)
    lines = line_spans(text)
    list_lines = member_lists(doc, lines)
    bylines(doc, lines, list_lines)
    for start, end in lines:
        if start in list_lines:
            continue
        for s in sentence_spans(text, start, end):
            read_sentence(doc, s)
    read_list_line_people(doc, lines, list_lines)
    read_listed_people(doc, lines)
    read_table_names(doc, lines)
    join_wrapped_cells(doc)
    credential_lines(doc, lines)
    read_legislators(doc)
    read_enumerations(doc)
    find_groups(doc, list_lines)
    event_headline(doc)
    quoted_events(doc)
    read_name_affiliations(doc)
    read_bios(doc)
    read_represented(doc)
    _assign_contacts(doc, lines, list_lines)
    for pidx, role, pos in doc.pending_roles:
        ini = last_before(doc, "initiative", pos)
        if ini is not None:
            doc.member(pidx, ini, role)
    for pidx, pos, role in doc.pending_delegates:
        ini = _group_before(doc, pos, _DELEGATION_KINDS if role == "member" else _EVENT_KINDS)
        if ini is not None:
            doc.member(pidx, ini, role)
    retype_chaired_bodies(doc)
    group_acronyms(doc)
    merge_unnamed_delegations(doc)
    merge_headline_group(doc)
    read_labelled_groups(doc)
    read_led_paragraphs(doc)
    read_group_tables(doc)
    read_role_labelled_bodies(doc)
    read_sections(doc)
    read_titled_surnames(doc)
    join_main_group(doc)
    read_participation(doc)
    read_publisher_staff(doc)
    settle_main_group(doc)
    found = doc.finish()
    if to_original is not None:  # offsets into the document as it was given
        for ent in found.people + found.organizations + found.initiatives:
            for sp in ent.spans:
                sp.start, sp.end = to_original(sp.start), to_original(sp.end - 1) + 1
    return found


_DELEGATION_KINDS = frozenset({"delegation"})
_EVENT_KINDS = frozenset({"forum", "summit", "dialogue", "roundtable"})


def _group_before(doc: Doc, pos: int, kinds: frozenset[str]) -> int | None:
    """The one delegation (or forum, summit ...) of `kinds` the document names before `pos`."""
    hits = {doc.initiative_root(i) for i, ini in enumerate(doc.found["initiative"])
            if ini.kind in kinds and any(sp.start < pos for sp in ini.spans)}
    return hits.pop() if len(hits) == 1 else None


# contacts ------------------------------------------------------------------------

def _assign_contacts(doc: Doc, lines, list_lines) -> None:
    """An email or phone number belongs to the nearest person named before it on its line."""
    text = doc.text
    starts = sorted((sp.start, i) for i, p in enumerate(doc.found["person"]) for sp in p.spans)
    line_starts = [s for s, _ in lines]
    for pattern, attr in ((EMAIL_RE, "email"), (_PHONE, "phone")):
        if not (_AT_SIGN if attr == "email" else _DIGIT).search(text):
            continue  # a cheap first look: each pattern opens with a lookbehind tried at every character
        for m in pattern.finditer(text):
            if attr == "phone" and not _phone_like(text, m):
                continue
            if attr == "phone" and EMAIL_RE.search(text[max(0, m.start() - 40) : m.end()]) and "@" in text[m.start() - 1 : m.end()]:
                continue
            line_start = line_starts[bisect.bisect_right(line_starts, m.start()) - 1]
            k = bisect.bisect_left(starts, (m.start(), -1)) - 1
            owner = starts[k][1] if k >= 0 and starts[k][0] >= line_start else None
            if owner is None and attr == "email":
                owner = _person_by_email(doc, m.group())
            if owner is None:
                continue
            person = doc.found["person"][owner]
            if not getattr(person, attr):
                setattr(person, attr, m.group().strip())


def _phone_like(text: str, m: re.Match) -> bool:
    """A phone number, not a year range: `+52 ...`, `(210) ...`, 10+ digits, or after `Tel.`/`phone`."""
    digits = sum(c.isdigit() for c in m.group())
    if digits < 7:
        return False
    before = text[max(0, m.start() - 16) : m.start()].lower()
    return m.group()[0] in "+(" or digits >= 10 or bool(re.search(r"(tel|phone|tel[eé]fono|cel|mobile|call)\W*$", before))


def _person_by_email(doc: Doc, email: str) -> int | None:
    local = fold(email.split("@")[0]).replace(" ", "")
    hits = [i for i, p in enumerate(doc.found["person"])
            if (parts := fold(p.name).split()) and len(parts[-1]) > 2 and parts[-1] in local]
    return hits[0] if len(hits) == 1 else None
