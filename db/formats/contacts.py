"""Importing contact lists (`.csv` as written by the export, `.vcf` vCards) into the directory.

Each record is merged into an existing person (same email first, then the same name as
extraction resolves it) or becomes a new one; nobody is duplicated. Only empty fields are
filled, never one the user edited (`user_edited`); organizations, initiatives, tags and
notes are added when missing. A file is written in batches of BATCH_ROWS contacts, one
transaction each, so other writers get in; importing it again after an interruption finishes
it without duplicating anything. Malformed CSV records are refused with their line number.
Exporting and importing the same file changes nothing.
"""

from __future__ import annotations

import csv
import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

import sqlite_utils

from db.formats import vcard
from db.annotations import EMAIL_RE, add_note, normalize_tag
from db.connection import write_transaction
from db.formats.export import (
    FORMULA_PREFIXES, LIST_SEPARATOR, NOTE_SEPARATOR, database_namespace, person_uid, split_notes,
)
from db.formats.readers import MAX_CONTACT_BYTES, DocumentError, decode_text, read_regular_file
from db.resolve import (
    add_alias,
    create_initiative,
    create_organization,
    create_person,
    fill_missing,
    find_initiative,
    find_organization,
    find_person,
)
from db.textnorm import fold, plain_line_breaks, strip_control

CONTACT_SUFFIXES = {".csv", ".vcf", ".vcard"}
# CSV header spellings accepted for each field (case-insensitive).
HEADER_ALIASES = {
    "name": ("name", "full name", "fn", "display name"),
    "title": ("title", "job title", "position"),
    "organizations": ("organizations", "organization", "company", "org"),
    "initiatives": ("initiatives", "initiative"),
    "email": ("email", "e-mail", "email address", "e-mail address"),
    "phone": ("phone", "telephone", "tel", "phone number", "mobile"),
    "tags": ("tags", "categories"),
    "notes": ("notes", "note"),
    "uid": ("uid",),
}


class ContactsError(Exception):
    """A contacts file that cannot be read; the message is one line for the user."""


@dataclass
class ContactsResult:
    """What importing one contacts file did (same shape as `db.importer.ImportResult`)."""

    path: Path
    status: str  # "imported" or "error"
    message: str = ""
    added: dict[str, int] = field(default_factory=dict)
    rejected: list["Rejected"] = field(default_factory=list)  # malformed records, not imported


@dataclass
class Contact:
    """One record of a contacts file, fields already cleaned."""

    name: str
    title: str = ""
    email: str = ""
    phone: str = ""
    organizations: list[str] = field(default_factory=list)
    initiatives: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    uid: str = ""


def unneutralize(value: str) -> str:
    """Strip the CSV-injection quote the export adds: `'=SUM(1)` -> `=SUM(1)`."""
    if value.startswith("'") and value[1:].startswith(FORMULA_PREFIXES):
        return value[1:]
    return value


def _clean(value: str | None) -> str:
    return " ".join(strip_control(unneutralize(value or "")).split())


def _split_list(value: str) -> list[str]:
    return [p for p in (_clean(x) for x in unneutralize(value or "").split(LIST_SEPARATOR.strip())) if p]


def _split_notes(value: str) -> list[str]:
    return split_notes(strip_control(plain_line_breaks(unneutralize(value or ""))))


def _one_note(value: str) -> list[str]:
    """A notes cell of a foreign file: one note, blank lines and all (none when empty)."""
    note = strip_control(plain_line_breaks(unneutralize(value or ""))).strip()
    return [note] if note else []


@dataclass
class Rejected:
    """A record of a contacts file that was not imported: its first line and why."""

    line: int
    reason: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason}"


MULTILINE_FIELDS = {"notes", "title"}  # the only cells where a line break is expected
_PHYSICAL_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


class _Lines:
    """The physical lines of a text (at CR/LF only), read one at a time by `csv.reader`,
    with the position kept so a malformed record can be re-read from its next line."""

    def __init__(self, text: str) -> None:
        self.lines = _PHYSICAL_LINE.findall(text)
        self.pos = 0

    def __iter__(self) -> "_Lines":
        return self

    def __next__(self) -> str:
        if self.pos >= len(self.lines):
            raise StopIteration
        self.pos += 1
        return self.lines[self.pos - 1]


def _allow_long_fields() -> None:
    """Let one CSV field be as long as a whole contacts file may be (the csv module stops at
    128 KiB by default: a person with long notes). Bounded by MAX_CONTACT_BYTES."""
    if csv.field_size_limit() < MAX_CONTACT_BYTES:
        csv.field_size_limit(MAX_CONTACT_BYTES)


def _row_problem(row: list[str], columns: dict[int, str], width: int, lines: list[str]) -> tuple[str, bool] | None:
    """(reason, reparse) when a parsed record is malformed, else None. `reparse` is True when
    the record swallowed the lines after it (an unclosed quote): those are read again."""
    if any("\x00" in line for line in lines):
        return "NUL byte in the row", len(lines) > 1
    extra = [c for c in row[width:] if c.strip()]
    if extra:
        return f"{len(row)} fields where the header has {width} (a stray quote or delimiter?)", len(lines) > 1
    for i, key in columns.items():
        if key not in MULTILINE_FIELDS and i < len(row) and ("\n" in row[i] or "\r" in row[i]):
            return f"line break inside the {key} field (an unclosed quote?)", True
    return None


def read_csv_contacts(text: str, rejected: list[Rejected] | None = None) -> Iterator[Contact]:
    """Contacts from CSV text with a header row (the export's columns, or common spellings).
    The delimiter is a comma, or a semicolon or tab when the header has no comma (spreadsheets
    in many locales save CSV with semicolons).

    A malformed record (an unclosed quote, a stray quote, NUL bytes, an invalid email) is not
    imported: it is appended to `rejected` with its line number, and reading goes on; the lines
    an unclosed quote swallowed are read again as rows of their own. The notes of the export's
    own files (with a `uid` column) are split at blank lines (`split_notes`); a notes cell of
    any other file is one note."""
    _allow_long_fields()
    rejected = rejected if rejected is not None else []
    feed = _Lines(text)
    header_line = next(feed, None)
    if header_line is None:
        return
    delimiter = next((d for d in (",", ";", "\t") if d in header_line), ",")
    header = next(csv.reader([header_line], delimiter=delimiter), [])
    wanted = {alias: key for key, aliases in HEADER_ALIASES.items() for alias in aliases}
    columns = {i: wanted[h.strip().lower()] for i, h in enumerate(header) if h.strip().lower() in wanted}
    if "name" not in columns.values():
        raise ContactsError("no 'name' column in the CSV header")
    ours = "uid" in columns.values()
    reader = csv.reader(feed, delimiter=delimiter, strict=True)
    while True:
        first = feed.pos
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            spanned = feed.pos - first > 1 or "end of data" in str(exc)
            reason = "unclosed quote" if spanned else f"stray quote ({exc})"
            rejected.append(Rejected(first + 1, reason))
            feed.pos = first + 1  # the lines it swallowed are rows of their own
            reader = csv.reader(feed, delimiter=delimiter, strict=True)
            continue
        problem = _row_problem(row, columns, len(header), feed.lines[first : feed.pos])
        if problem is not None:
            rejected.append(Rejected(first + 1, problem[0]))
            if problem[1]:
                feed.pos = first + 1
                reader = csv.reader(feed, delimiter=delimiter, strict=True)
            continue
        if not any(cell.strip() for cell in row):
            continue  # a blank line
        cells = {key: row[i] for i, key in columns.items() if i < len(row)}
        email = _clean(cells.get("email"))
        if email and not EMAIL_RE.match(email):
            rejected.append(Rejected(first + 1, f"invalid email '{email[:80]}'"))
            continue
        notes = cells.get("notes", "")
        yield Contact(
            name=_clean(cells.get("name")),
            title=_clean(cells.get("title")),
            email=email,
            phone=_clean(cells.get("phone")),
            organizations=_split_list(cells.get("organizations", "")),
            initiatives=_split_list(cells.get("initiatives", "")),
            tags=_split_list(cells.get("tags", "")),
            notes=_split_notes(notes) if ours else _one_note(notes),
            uid=_clean(cells.get("uid")),
        )


def read_vcard_contacts(text: str) -> Iterator[Contact]:
    """Contacts from vCard (2.1, 3.0 or 4.0 text properties)."""
    for props in vcard.iter_vcards(vcard.split_lines(text)):  # at CR/LF only, never U+2028
        contact = Contact(name="")
        given_family = ""
        for name, _params, raw in props:
            value = vcard.unescape_text(raw)
            if name == "FN":
                contact.name = _clean(value)
            elif name == "N":
                parts = [vcard.unescape_text(p) for p in vcard.split_unescaped(raw, ";")] + ["", ""]
                given_family = _clean(f"{parts[1]} {parts[0]}")
            elif name == "ORG":
                org = _clean(vcard.unescape_text(vcard.split_unescaped(raw, ";")[0]))
                if org:
                    contact.organizations.append(org)
            elif name == "TITLE" and not contact.title:
                contact.title = _clean(value)
            elif name == "EMAIL" and not contact.email:
                contact.email = _clean(value)
            elif name == "TEL" and not contact.phone:
                contact.phone = _clean(value)
            elif name == "NOTE":
                contact.notes += _split_notes(value)
            elif name == "CATEGORIES":
                contact.tags += [t for t in (_clean(vcard.unescape_text(c)) for c in vcard.split_unescaped(raw, ",")) if t]
            elif name == "UID":
                contact.uid = _clean(value)
            elif name == "X-STAKEHOLDERS-INITIATIVE" and _clean(value):
                contact.initiatives.append(_clean(value))
        contact.name = contact.name or given_family
        yield contact


class _UidIndex:
    """Finds the person this database exported with a UID: the UID is derived from the person
    id (`person_uid`), so the candidates (same name key, or same email) are looked up by index
    and their UIDs compared; no pass over all people."""

    def __init__(self, db: sqlite_utils.Database):
        self.db = db
        self.namespace = None

    def get(self, contact: Contact) -> int | None:
        """The person exported with `contact.uid` whose name (or email) agrees, if any."""
        if not contact.uid:
            return None
        if self.namespace is None:
            self.namespace = database_namespace(self.db)
        candidates = [r[0] for r in self.db.execute(
            "SELECT id FROM people WHERE name_key = ? LIMIT 100", [fold(contact.name)])]
        if contact.email:
            candidates += [r[0] for r in self.db.execute(
                "SELECT id FROM people WHERE email = ? COLLATE NOCASE LIMIT 100", [contact.email])]
        return next((pid for pid in candidates if person_uid(self.namespace, pid) == contact.uid), None)


def _find_person(db: sqlite_utils.Database, contact: Contact, uids: _UidIndex) -> int | None:
    """A UID exported by this very database first (exact round trips, even for namesakes),
    then the email, then the name or an alias as extraction resolves it (`db.resolve`);
    None for a new person. Two databases made in the same second share a UID namespace, so a
    UID counts only when the name (or email) agrees too."""
    by_uid = uids.get(contact)
    if by_uid is not None:
        return by_uid
    return find_person(db, contact.name, email=contact.email or None)


def _find_or_create(db: sqlite_utils.Database, etype: str, name: str, counts: dict) -> int:
    """An organization or initiative by name, alias or acronym (as extraction resolves it),
    created if new."""
    find, create = {
        "organization": (find_organization, create_organization),
        "initiative": (find_initiative, create_initiative),
    }[etype]
    found = find(db, name)
    if found is not None:
        return found
    table = "organizations" if etype == "organization" else "initiatives"
    counts[table] = counts.get(table, 0) + 1
    return create(db, name)


def _linked_keys(db: sqlite_utils.Database, link: str, table: str, column: str, person_id: int) -> set[str]:
    return {
        r[0]
        for r in db.execute(
            f"SELECT t.name_key FROM {link} l JOIN {table} t ON t.id = l.{column} WHERE l.person_id = ?", [person_id]
        )
    }


def _merge(db: sqlite_utils.Database, contact: Contact, counts: dict, uids: _UidIndex) -> None:
    person_id = _find_person(db, contact, uids)
    fields = {"title": contact.title, "email": contact.email, "phone": contact.phone}
    is_new = person_id is None  # nothing linked, tagged or noted yet: those reads are skipped
    if person_id is None:
        person_id = create_person(db, contact.name, **{k: v or None for k, v in fields.items()})
        counts["people"] = counts.get("people", 0) + 1
    else:
        if fill_missing(db, "person", person_id, fields):  # never a field the user edited
            counts["people updated"] = counts.get("people updated", 0) + 1
        if add_alias(db, "person", person_id, contact.name):
            counts["aliases"] = counts.get("aliases", 0) + 1
    # Names the person is already linked to are skipped before resolving them, so a name
    # two organizations share (a duplicate record) never links the person to the other one.
    linked_orgs = set() if is_new else _linked_keys(db, "affiliations", "organizations", "organization_id", person_id)
    linked_inis = set() if is_new else _linked_keys(db, "memberships", "initiatives", "initiative_id", person_id)
    for org in contact.organizations:
        if fold(org) in linked_orgs:
            continue
        org_id = _find_or_create(db, "organization", org, counts)
        title = contact.title or None if len(contact.organizations) == 1 else None
        cursor = db.execute(
            "INSERT OR IGNORE INTO affiliations (person_id, organization_id, title) VALUES (?, ?, ?)",
            [person_id, org_id, title],
        )
        counts["affiliations"] = counts.get("affiliations", 0) + cursor.rowcount
    for ini in contact.initiatives:
        if fold(ini) in linked_inis:
            continue
        ini_id = _find_or_create(db, "initiative", ini, counts)
        cursor = db.execute(
            "INSERT OR IGNORE INTO memberships (person_id, initiative_id) VALUES (?, ?)", [person_id, ini_id]
        )
        counts["memberships"] = counts.get("memberships", 0) + cursor.rowcount
    for tag in dict.fromkeys(t for t in (normalize_tag(t) for t in contact.tags) if t):
        cursor = db.execute(
            "INSERT OR IGNORE INTO tags (entity_type, entity_id, tag) VALUES ('person', ?, ?)", [person_id, tag]
        )
        counts["tags"] = counts.get("tags", 0) + cursor.rowcount
    existing = [] if is_new else [  # compared with the line ends the file's notes were normalised to
        strip_control(plain_line_breaks(r[0]))
        for r in db.execute("SELECT body FROM notes WHERE entity_type = 'person' AND entity_id = ?", [person_id])
    ]
    for note in contact.notes:
        # A note already there, or a paragraph of one (multi-paragraph notes are split on export).
        if any(note == body or note in body.split(NOTE_SEPARATOR) for body in existing):
            continue
        add_note(db, "person", person_id, note)
        existing.append(note)
        counts["notes"] = counts.get("notes", 0) + 1


BATCH_ROWS = 2000  # contacts written per transaction: other writers get in between batches
MAX_REJECTED_SHOWN = 20  # rejected records listed one per line; the rest are counted


def import_contacts(db: sqlite_utils.Database, path: Path, *, batch_rows: int = BATCH_ROWS) -> ContactsResult:
    """Import a `.csv` or `.vcf` contacts file, `batch_rows` contacts per transaction (so a
    concurrent `note` or import waits a moment, not for the whole file). Never raises for a bad
    file: returns status "error" with a one-line message and nothing written. Malformed records
    are skipped and listed in `rejected` (with line numbers); the rest are imported. Importing a
    file again (after an interruption, too) adds nothing twice."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in CONTACT_SUFFIXES:
        return ContactsResult(path, "error", f"{path}: not a contacts file (.csv or .vcf)")
    try:
        text = decode_text(read_regular_file(path, MAX_CONTACT_BYTES))
    except DocumentError as exc:  # not a regular file (FIFO, device), too large, unreadable
        return ContactsResult(path, "error", str(exc))
    rejected: list[Rejected] = []
    contacts = read_csv_contacts(text, rejected) if suffix == ".csv" else read_vcard_contacts(text)
    counts: dict[str, int] = {}
    uids = _UidIndex(db)
    try:
        while True:
            batch = list(itertools.islice(contacts, batch_rows))  # parsed outside the write lock
            if not batch:
                break
            with write_transaction(db):
                for contact in batch:
                    if not contact.name:
                        counts["skipped (no name)"] = counts.get("skipped (no name)", 0) + 1
                        continue
                    _merge(db, contact, counts, uids)
    except (ContactsError, csv.Error) as exc:
        return ContactsResult(path, "error", f"{path}: {exc}")
    if rejected:
        counts["rejected"] = len(rejected)
    return ContactsResult(path, "imported", "", {k: v for k, v in counts.items() if v}, rejected)
