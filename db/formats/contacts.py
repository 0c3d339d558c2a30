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
# CSV header spellings accepted for each field (case-insensitive): the export's own columns, and
# those of Google Contacts (current and older export) and Outlook.
HEADER_ALIASES = {
    "name": ("name", "full name", "fn", "display name"),
    "title": ("title", "job title", "position", "organization title"),
    "organizations": ("organizations", "organization", "company", "org", "organization name"),
    "initiatives": ("initiatives", "initiative"),
    "email": ("email", "e-mail", "email address", "e-mail address", "primary email"),
    "phone": (
        "phone", "telephone", "tel", "phone number", "mobile", "business phone", "mobile phone",
        "primary phone", "company main phone", "home phone",
    ),
    "tags": ("tags", "categories", "labels", "group membership"),
    "notes": ("notes", "note"),
    "uid": ("uid",),
    "organization_titles": ("organization_titles",),
    "initiative_roles": ("initiative_roles",),
    # the parts of a name, when there is no name column (Google, Outlook)
    "given": ("first name", "given name"),
    "additional": ("middle name", "additional name"),
    "family": ("last name", "family name", "surname"),
    "suffix": ("name suffix", "suffix"),
}
# Numbered columns: Google's `E-mail 1 - Value`, `Phone 2 - Value`, `Organization 1 - Name` /
# `Organization 1 - Title`, Outlook's `E-mail 2 Address`.
NUMBERED = re.compile(
    r"(?P<what>e-mail|email|phone|organization) ?(?P<n>\d+)(?: - | )(?P<part>value|address|name|title)"
)
GOOGLE_SEPARATOR = " ::: "  # several values in one Google cell (labels, two e-mail addresses)
GOOGLE_SYSTEM_LABELS = {"mycontacts", "starred"}


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
    titles: dict[str, str] = field(default_factory=dict)  # organization name -> the title there
    roles: dict[str, str] = field(default_factory=dict)  # initiative name -> the role in it


def unneutralize(value: str) -> str:
    """Strip the CSV-injection quote the export adds: `'=SUM(1)` -> `=SUM(1)`."""
    if value.startswith("'") and value[1:].startswith(FORMULA_PREFIXES):
        return value[1:]
    return value


def _clean(value: str | None) -> str:
    return " ".join(strip_control(unneutralize(value or "")).split())


def _split_items(value: str) -> list[str]:
    """A list cell split on the separators that are not escaped (`\\;`), items unescaped and
    cleaned; empty items kept (a column parallel to another keeps its positions)."""
    items = vcard.split_unescaped(unneutralize(value or ""), LIST_SEPARATOR.strip())
    return [_clean(re.sub(r"\\(.)", r"\1", item)) for item in items]


def _split_list(value: str) -> list[str]:
    if GOOGLE_SEPARATOR in (value or ""):
        return [p for p in (_clean(x) for x in value.split(GOOGLE_SEPARATOR)) if p]
    return [p for p in _split_items(value) if p]


def _split_notes(value: str) -> list[str]:
    return split_notes(strip_control(plain_line_breaks(unneutralize(value or ""))))


def _paired(names: list[str], cell: str | None) -> dict[str, str]:
    """{name: value} from a column parallel to `names` (ignored when the counts differ)."""
    if not cell:
        return {}
    values = _split_items(cell)
    return {n: v for n, v in zip(names, values) if v} if len(values) == len(names) else {}


def _header_columns(header: list[str]) -> tuple[dict[int, str], dict[str, list[tuple[int, int]]]]:
    """({column: field}, {numbered field: [(n, column)]}) for a CSV header."""
    wanted = {alias: key for key, aliases in HEADER_ALIASES.items() for alias in aliases}
    lower = [h.strip().lstrip("\ufeff").lower() for h in header]
    outlook = "job title" in lower  # Outlook's `Title` is the honorific (Mr., Dr.)
    columns, numbered = {}, {}
    for i, h in enumerate(lower):
        match = NUMBERED.fullmatch(h)
        if match:
            what = {"e-mail": "email", "email": "email", "phone": "phone"}.get(match["what"], match["what"])
            kind = f"{what}_{match['part']}" if what == "organization" else what
            if kind in ("email", "phone", "organization_name", "organization_title"):
                numbered.setdefault(kind, []).append((int(match["n"]), i))
        elif h in wanted and not (outlook and h == "title"):
            columns.setdefault(i, wanted[h])
    for spots in numbered.values():
        spots.sort()
    return columns, numbered


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
    """Contacts from CSV text with a header row: the export's columns, Google Contacts' (current
    and older export) and Outlook's, or common spellings. The delimiter is a comma, or a
    semicolon or tab when the header has no comma (spreadsheets in many locales save CSV with
    semicolons).

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
    columns, numbered = _header_columns(header)
    if not {"name", "given", "family"} & set(columns.values()):
        raise ContactsError("no 'name' column in the CSV header (nor 'First Name' / 'Last Name')")
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
        cells: dict[str, str] = {}
        for i, key in columns.items():
            if i < len(row) and row[i].strip() and not cells.get(key):
                cells[key] = row[i]

        def numbered_values(kind: str) -> dict[int, str]:
            return {n: row[i] for n, i in numbered.get(kind, []) if i < len(row)}

        notes = cells.get("notes", "")
        contact = _csv_contact(cells, numbered_values, _split_notes(notes) if ours else _one_note(notes))
        if contact.email and not EMAIL_RE.match(contact.email):
            rejected.append(Rejected(first + 1, f"invalid email '{contact.email[:80]}'"))
            continue
        yield contact


def _csv_contact(cells: dict[str, str], numbered_values, notes: list[str]) -> Contact:
    """One CSV record as a Contact: the name (or its parts), titles per organization (the
    export's `organization_titles`, Google's numbered organizations), the first email and
    phone that has one, tags without Google's own labels."""
    name = _clean(cells.get("name")) or _clean(
        " ".join(cells.get(k, "") for k in ("given", "additional", "family", "suffix"))
    )
    organizations = _split_items(cells.get("organizations", ""))
    organizations = [o for o in organizations if o]
    titles = _paired(organizations, cells.get("organization_titles"))
    # Google's older export: Organization 1 - Name / Organization 1 - Title, ...
    numbered_titles = numbered_values("organization_title")
    for n, org in numbered_values("organization_name").items():
        org, title = _clean(org), _clean(numbered_titles.get(n))
        if org and org not in organizations:
            organizations.append(org)
            if title:
                titles[org] = title
    title = _clean(cells.get("title")) or next((t for t in titles.values()), "")
    firsts = lambda vals: next((v for v in (_clean(x.split(GOOGLE_SEPARATOR)[0]) for x in vals) if v), "")  # noqa: E731
    initiatives = [i for i in _split_items(cells.get("initiatives", "")) if i]
    tags = [t.removeprefix("* ") for t in _split_list(cells.get("tags", ""))]
    return Contact(
        name=name,
        title=title,
        email=firsts([cells.get("email", ""), *numbered_values("email").values()]),
        phone=firsts([cells.get("phone", ""), *numbered_values("phone").values()]),
        organizations=organizations,
        initiatives=initiatives,
        tags=[t for t in tags if fold(t).replace(" ", "") not in GOOGLE_SYSTEM_LABELS],
        notes=notes,
        uid=_clean(cells.get("uid")),
        titles=titles,
        roles=_paired(initiatives, cells.get("initiative_roles")),
    )


def _tel(value: str) -> str:
    """A TEL value as the number: vCard 4.0 writes `tel:+46-8-...` (VALUE=uri)."""
    value = _clean(value)
    if value.lower().startswith("tel:"):
        value = value[4:].split(";", 1)[0]  # `;ext=` and other URI parameters dropped
    return value


def read_vcard_contacts(text: str) -> Iterator[Contact]:
    """Contacts from vCard 2.1 (Android), 3.0 (Apple, iCloud, this export) or 4.0."""
    for props in vcard.iter_vcards(vcard.split_lines(text)):  # at CR/LF only, never U+2028
        contact = Contact(name="")
        given_family = ""
        for name, params, raw in props:
            value = vcard.unescape_text(raw)
            if name == "FN":
                contact.name = _clean(value)
            elif name == "N":
                parts = [vcard.unescape_text(p) for p in vcard.split_unescaped(raw, ";")] + ["", "", "", "", ""]
                given_family = _clean(f"{parts[1]} {parts[2]} {parts[0]}")
            elif name == "ORG":
                org = _clean(vcard.unescape_text(vcard.split_unescaped(raw, ";")[0]))
                if org:
                    contact.organizations.append(org)
                    if _clean(params.get(vcard.TITLE_PARAM)):
                        contact.titles[org] = _clean(params[vcard.TITLE_PARAM])
            elif name == "TITLE" and not contact.title:
                contact.title = _clean(value)
            elif name == "EMAIL" and not contact.email:
                contact.email = _clean(value).removeprefix("mailto:")
            elif name == "TEL" and not contact.phone:
                contact.phone = _tel(value)
            elif name == "NOTE":
                contact.notes += _split_notes(value)
            elif name == "CATEGORIES":
                contact.tags += [t for t in (_clean(vcard.unescape_text(c)) for c in vcard.split_unescaped(raw, ",")) if t]
            elif name == "UID":
                contact.uid = _clean(value)
            elif name == "X-STAKEHOLDERS-INITIATIVE" and _clean(value):
                contact.initiatives.append(_clean(value))
                if _clean(params.get("ROLE")):
                    contact.roles[_clean(value)] = _clean(params["ROLE"])
        contact.name = contact.name or given_family
        yield contact


def read_json_contacts(people: list) -> Iterator[Contact]:
    """Contacts from the person objects `export --format json` writes (titles and roles kept)."""
    for person in people:
        if not isinstance(person, dict):
            raise ContactsError("a JSON export is a list of person objects")
        text = lambda key: _clean(str(person.get(key) or ""))  # noqa: E731
        orgs = [o for o in person.get("organizations") or [] if isinstance(o, dict) and _clean(o.get("name"))]
        inis = [i for i in person.get("initiatives") or [] if isinstance(i, dict) and _clean(i.get("name"))]
        yield Contact(
            name=text("name"),
            title=text("title"),
            email=text("email"),
            phone=text("phone"),
            organizations=[_clean(o["name"]) for o in orgs],
            initiatives=[_clean(i["name"]) for i in inis],
            tags=[_clean(str(t)) for t in person.get("tags") or [] if _clean(str(t))],
            notes=[str(n).strip() for n in person.get("notes") or [] if str(n).strip()],
            uid=text("uid"),
            titles={_clean(o["name"]): _clean(o.get("title")) for o in orgs if _clean(o.get("title"))},
            roles={_clean(i["name"]): _clean(i.get("role")) for i in inis if _clean(i.get("role"))},
        )


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


def _fill_link(db, link: str, table: str, column: str, field_name: str, person_id: int, name: str,
               value: str | None, counts: dict) -> None:
    """Fill an existing affiliation's empty title (membership's empty role) from the file."""
    if not value:
        return
    cursor = db.execute(
        f"UPDATE {link} SET {field_name} = ? WHERE person_id = ? AND COALESCE({field_name}, '') = ''"
        f" AND {column} IN (SELECT id FROM {table} WHERE name_key = ?)",
        [value, person_id, fold(name)],
    )
    key = "titles" if field_name == "title" else "roles"
    counts[key] = counts.get(key, 0) + cursor.rowcount


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
    # two organizations share (a duplicate record) never links the person to the other one;
    # their empty title or role is filled in from the file.
    linked_orgs = set() if is_new else _linked_keys(db, "affiliations", "organizations", "organization_id", person_id)
    linked_inis = set() if is_new else _linked_keys(db, "memberships", "initiatives", "initiative_id", person_id)
    for org in contact.organizations:
        title = contact.titles.get(org) or (contact.title or None if len(contact.organizations) == 1 else None)
        if fold(org) in linked_orgs:
            _fill_link(db, "affiliations", "organizations", "organization_id", "title", person_id, org, title, counts)
            continue
        org_id = _find_or_create(db, "organization", org, counts)
        cursor = db.execute(
            "INSERT OR IGNORE INTO affiliations (person_id, organization_id, title) VALUES (?, ?, ?)",
            [person_id, org_id, title],
        )
        counts["affiliations"] = counts.get("affiliations", 0) + cursor.rowcount
    for ini in contact.initiatives:
        role = contact.roles.get(ini)
        if fold(ini) in linked_inis:
            _fill_link(db, "memberships", "initiatives", "initiative_id", "role", person_id, ini, role, counts)
            continue
        ini_id = _find_or_create(db, "initiative", ini, counts)
        cursor = db.execute(
            "INSERT OR IGNORE INTO memberships (person_id, initiative_id, role) VALUES (?, ?, ?)",
            [person_id, ini_id, role],
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
    return import_contact_records(db, path, contacts, rejected, batch_rows=batch_rows)


def import_contact_records(
    db: sqlite_utils.Database,
    path: Path,
    records: Iterator[Contact],
    rejected: list[Rejected] | None = None,
    *,
    batch_rows: int = BATCH_ROWS,
) -> ContactsResult:
    """Merge contact records (read from `path`), `batch_rows` per transaction; a reading error
    is a one-line "error" result. `rejected` lists the records the reader refused."""
    rejected = rejected if rejected is not None else []
    counts: dict[str, int] = {}
    uids = _UidIndex(db)
    try:
        while True:
            batch = list(itertools.islice(records, batch_rows))  # parsed outside the write lock
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
