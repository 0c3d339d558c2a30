"""Exporting people as contact lists: CSV, JSON and vCard 3.0, streamed.

Entry point for the CLI and the app's `x` key::

    export_people(db, "csv", fh, filters=ExportFilters(tag="vip"))
    export_people(db, "vcard", fh, person_ids=[3, 8, 13])      # "the current list", in that order

People are read through a cursor one row at a time and their details are fetched per
row, so memory does not grow with the directory. `iter_people` is the generator behind
it; `write_csv`, `write_json` and `write_vcard` consume any iterable of person dicts.
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
import re
import stat
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator, TextIO

import sqlite_utils

from db.formats import vcard
from db.analysis import EXPORT_FIELDS, export_fields
from db.textnorm import plain_line_breaks

FORMATS = ("csv", "json", "vcard")
CSV_FIELDS = (
    "name", "title", "organizations", "initiatives", "email", "phone", "tags", "notes", "sources", "uid",
    "organization_titles", "initiative_roles",  # the title at each organization, the role in each initiative
)
CSV_FIELDS += EXPORT_FIELDS  # latest assessment and last interaction date (db.analysis)
LIST_SEPARATOR = "; "  # between organizations, initiatives, tags and sources in a CSV cell
NOTE_SEPARATOR = "\n\n"  # between notes in a CSV cell and in a vCard NOTE
# A blank line inside one note is written as a line holding a no-break space, so it never
# reads as NOTE_SEPARATOR (and looks blank in a spreadsheet); `split_notes` turns it back.
NOTE_BLANK_LINE = "\u00a0"
# OWASP CSV injection: cells starting with these are read as formulas by spreadsheets.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n")  # LF: a leading CR is written as LF
QUERY_LIMIT = 1000  # how many search hits `--query` considers


@dataclass(frozen=True)
class ExportFilters:
    """Which people to export; every filter given must hold (AND). Ids are already resolved."""

    initiative_id: int | None = None
    organization_id: int | None = None
    tag: str | None = None
    query: str | None = None  # fuzzy search over people (`db.search.search`)
    person_ids: tuple[int, ...] | None = None  # an explicit list, exported in this order


def _where(db: sqlite_utils.Database, filters: ExportFilters) -> tuple[str, str, list]:
    """(joins, where, params) selecting the filtered people from `people p`."""
    from db.annotations import normalize_tag

    joins, clauses, params = "", [], []
    order_ids = filters.person_ids
    if filters.query is not None:
        from db.search import search_ids

        hit_ids = [eid for etype, eid in search_ids(db, filters.query, limit=QUERY_LIMIT, types=("person",)) if etype == "person"]
        clauses.append("p.id IN (SELECT value FROM json_each(?))")
        params.append(json.dumps(hit_ids))
    if order_ids is not None:
        joins = " JOIN json_each(?) j ON j.value = p.id"
        params.insert(0, json.dumps(list(order_ids)))
    if filters.initiative_id is not None:
        clauses.append("p.id IN (SELECT person_id FROM memberships WHERE initiative_id = ?)")
        params.append(filters.initiative_id)
    if filters.organization_id is not None:
        clauses.append("p.id IN (SELECT person_id FROM affiliations WHERE organization_id = ?)")
        params.append(filters.organization_id)
    if filters.tag is not None:
        clauses.append("p.id IN (SELECT entity_id FROM tags WHERE entity_type = 'person' AND tag = ?)")
        params.append(normalize_tag(filters.tag))
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    return joins, where, params


def count_people(db: sqlite_utils.Database, filters: ExportFilters | None = None) -> int:
    """How many people `iter_people` will yield (for a progress bar)."""
    joins, where, params = _where(db, filters or ExportFilters())
    return db.execute(f"SELECT COUNT(*) FROM people p{joins}{where}", params).fetchone()[0]


def _column(db: sqlite_utils.Database, sql: str, params: list) -> list:
    return [r[0] for r in db.execute(sql, params)]


def database_namespace(db: sqlite_utils.Database) -> uuid.UUID:
    """A UUID namespace for this database, stable for its lifetime: derived from when its
    schema was first created (recorded once in `schema_migrations`). Two databases made in
    the same second share it, so the import trusts a UID only when the name agrees too."""
    row = db.execute("SELECT applied_at FROM schema_migrations WHERE version = 1").fetchone()
    return uuid.uuid5(uuid.NAMESPACE_URL, f"stakeholders:database:{row[0] if row else ''}")


def person_uid(namespace: uuid.UUID, person_id: int) -> str:
    """The vCard UID of a person: the same on every export from the same database."""
    return str(uuid.uuid5(namespace, f"person:{person_id}"))


def person_details(db: sqlite_utils.Database, person_id: int) -> dict:
    """A person's organizations, initiatives, tags, notes (oldest first) and source documents."""
    return {
        "organizations": [
            {"id": r[0], "name": r[1], "title": r[2]}
            for r in db.execute(
                "SELECT o.id, o.name, a.title FROM affiliations a JOIN organizations o ON o.id = a.organization_id"
                " WHERE a.person_id = ? ORDER BY a.rowid",
                [person_id],
            )
        ],
        "initiatives": [
            {"id": r[0], "name": r[1], "role": r[2]}
            for r in db.execute(
                "SELECT i.id, i.name, m.role FROM memberships m JOIN initiatives i ON i.id = m.initiative_id"
                " WHERE m.person_id = ? ORDER BY m.rowid",
                [person_id],
            )
        ],
        "tags": _column(
            db, "SELECT tag FROM tags WHERE entity_type = 'person' AND entity_id = ? ORDER BY tag", [person_id]
        ),
        "notes": _column(
            db,
            "SELECT body FROM notes WHERE entity_type = 'person' AND entity_id = ? ORDER BY created_at, id",
            [person_id],
        ),
        "sources": _column(
            db,
            "SELECT d.name FROM documents d WHERE d.id IN (SELECT document_id FROM mentions"
            " WHERE entity_type = 'person' AND entity_id = ?) ORDER BY d.id",
            [person_id],
        ),
    }


def iter_people(
    db: sqlite_utils.Database, filters: ExportFilters | None = None
) -> Iterator[dict]:
    """Yield one dict per filtered person, keys in a fixed order: id, uid, name, title,
    organizations [{id, name, title}], initiatives [{id, name, role}], email, phone, tags,
    notes, sources, then the analysis fields (`db.analysis.EXPORT_FIELDS`: latest assessment,
    last interaction date). Ordered by name, or by `filters.person_ids` when given."""
    filters = filters or ExportFilters()
    joins, where, params = _where(db, filters)
    order = "j.key" if filters.person_ids is not None else "p.name_key, p.id"
    namespace = database_namespace(db)
    cursor = db.conn.cursor()
    cursor.execute(f"SELECT p.id, p.name, p.title, p.email, p.phone FROM people p{joins}{where} ORDER BY {order}", params)
    try:
        for pid, name, title, email, phone in cursor:
            details = person_details(db, pid)
            yield {
                "id": pid,
                "uid": person_uid(namespace, pid),
                "name": name,
                "title": title,
                "organizations": details["organizations"],
                "initiatives": details["initiatives"],
                "email": email,
                "phone": phone,
                "tags": details["tags"],
                "notes": details["notes"],
                "sources": details["sources"],
                **export_fields(db, pid),
            }
    finally:
        cursor.close()


def join_notes(notes: Iterable[str]) -> str:
    """Notes as one text, separated by a blank line; a blank line within a note holds a
    no-break space (NOTE_BLANK_LINE), so `split_notes` gives back the same notes."""
    return NOTE_SEPARATOR.join(re.sub(r"\n(?=\n)", "\n" + NOTE_BLANK_LINE, plain_line_breaks(n)) for n in notes)


def split_notes(text: str) -> list[str]:
    """Reverse `join_notes` (line breaks already plain): the notes, each stripped, none empty."""
    parts = (re.sub(r"\n" + NOTE_BLANK_LINE + r"(?=\n)", "\n", p).strip() for p in text.split(NOTE_SEPARATOR))
    return [p for p in parts if p]


def neutralize_cell(value: str) -> str:
    """Prefix a single quote to a cell a spreadsheet would read as a formula (OWASP)."""
    return "'" + value if value.startswith(FORMULA_PREFIXES) else value


def escape_item(item: str) -> str:
    """A list item made safe to join with LIST_SEPARATOR: backslash and ';' escaped."""
    return item.replace("\\", "\\\\").replace(";", "\\;")


def join_list(items: Iterable[str | None]) -> str:
    """Items joined with '; ', each escaped (`escape_item`), so an item holding ';' survives."""
    return LIST_SEPARATOR.join(escape_item(i or "") for i in items)


def _parallel(values: list[str | None]) -> str:
    """A column parallel to another list (titles per organization): empty when all are."""
    return join_list(values) if any(values) else ""


def csv_row(person: dict, *, raw: bool = False) -> list[str]:
    """A person dict as the CSV cells of CSV_FIELDS (neutralised unless `raw`)."""
    cells = {
        "name": person["name"],
        "title": person["title"] or "",
        "organizations": join_list(o["name"] for o in person["organizations"]),
        "initiatives": join_list(i["name"] for i in person["initiatives"]),
        "email": person["email"] or "",
        "phone": person["phone"] or "",
        "tags": join_list(person["tags"]),
        "notes": join_notes(person["notes"]),
        "sources": join_list(person["sources"]),
        "uid": person["uid"],
        "organization_titles": _parallel([o["title"] for o in person["organizations"]]),
        "initiative_roles": _parallel([i["role"] for i in person["initiatives"]]),
        **{k: "" if person.get(k) is None else str(person[k]) for k in EXPORT_FIELDS},
    }
    values = [plain_line_breaks(cells[f]) for f in CSV_FIELDS]  # no U+2028, NEL, VT or FF in any cell
    return values if raw else [neutralize_cell(v) for v in values]


def write_csv(people: Iterable[dict], fh: TextIO, *, raw: bool = False) -> int:
    """Write a header and one row per person; every cell quoted. Returns the row count."""
    writer = csv.writer(fh, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow(CSV_FIELDS)
    count = 0
    for person in people:
        writer.writerow(csv_row(person, raw=raw))
        count += 1
    return count


_JSON_UNSAFE = {"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"}


def json_line(value) -> str:
    """`value` as one line of JSON, non-ASCII kept, but U+2028, U+2029 and NEL written as
    escapes (JSON allows them raw; JavaScript and line-splitting readers do not)."""
    text = json.dumps(value, ensure_ascii=False)
    return text.translate(str.maketrans(_JSON_UNSAFE)) if any(c in text for c in _JSON_UNSAFE) else text


def write_json(people: Iterable[dict], fh: TextIO, *, raw: bool = False) -> int:
    """Write a JSON list of person objects, one per line, streamed. Returns the count."""
    fh.write("[")
    count = 0
    for person in people:
        fh.write(",\n" if count else "\n")
        fh.write(json_line(person))
        count += 1
    fh.write("\n]\n" if count else "]\n")
    return count


def write_vcard(people: Iterable[dict], fh: TextIO, *, raw: bool = False) -> int:
    """Write one vCard 3.0 per person (initiatives as X-STAKEHOLDERS-INITIATIVE). Returns the count."""
    count = 0
    for person in people:
        card = {
            "name": person["name"],
            "title": person["title"],
            "organizations": [o["name"] for o in person["organizations"]],
            "organization_titles": [o["title"] for o in person["organizations"]],
            "email": person["email"],
            "phone": person["phone"],
            "notes": [join_notes(person["notes"])] if person["notes"] else [],  # blank lines kept apart
            "tags": person["tags"],
            "uid": person["uid"],
            "x": [
                ("X-STAKEHOLDERS-INITIATIVE" + (vcard.param("ROLE", i["role"]) if i["role"] else ""), i["name"])
                for i in person["initiatives"]
            ],
        }
        fh.write(vcard.format_vcard(card))
        count += 1
    return count


WRITERS: dict[str, Callable[..., int]] = {"csv": write_csv, "json": write_json, "vcard": write_vcard}


def export_people(
    db: sqlite_utils.Database,
    fmt: str,
    out: TextIO,
    *,
    person_ids: Iterable[int] | None = None,
    filters: ExportFilters | None = None,
    raw: bool = False,
    progress: Callable[[dict], None] | None = None,
) -> int:
    """Write the filtered people (or exactly `person_ids`, in that order) to `out` as
    `fmt` ("csv", "json" or "vcard"); returns how many were written.

    `raw=True` turns off CSV formula neutralisation. `progress`, if given, is called with
    each person as it is written (drive a progress bar with it). Open `out` with
    `newline=""` for CSV so the CRLF row ends are kept as written.
    """
    if fmt not in WRITERS:
        raise ValueError(f"unknown export format '{fmt}' (expected one of {', '.join(FORMATS)})")
    filters = filters or ExportFilters()
    if person_ids is not None:
        filters = ExportFilters(**{**filters.__dict__, "person_ids": tuple(dict.fromkeys(person_ids))})
    source = iter_people(db, filters)
    people = _tap(source, progress) if progress is not None else source
    try:
        return WRITERS[fmt](people, out, raw=raw)
    finally:  # a write that failed (a closed pipe) closes the cursor now, not when collected
        people.close()
        source.close()


def _tap(items: Iterable[dict], callback: Callable[[dict], None]) -> Iterator[dict]:
    for item in items:
        yield item
        callback(item)


class OutputError(Exception):
    """An export destination that must not be written; the message is one line for the user."""


DATABASE_FILE_SUFFIXES = ("", "-wal", "-shm", "-journal")


def _same_file(a: Path, b: Path) -> bool:
    """True when `a` and `b` name the same file: the same path once links are resolved, or
    the same inode (a hard link)."""
    if os.path.realpath(a) == os.path.realpath(b):
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist
        return False


def check_output_path(db: sqlite_utils.Database, path: Path) -> None:
    """Raise OutputError when `path` is the database file of `db` or its -wal, -shm or
    -journal file (after resolving symbolic and hard links): an export there would destroy it."""
    for _seq, _name, filename in db.execute("PRAGMA database_list").fetchall():
        if not filename:
            continue  # in-memory or temporary database
        for suffix in DATABASE_FILE_SUFFIXES:
            if _same_file(Path(path), Path(filename + suffix)):
                raise OutputError(f"{path}: that is the database itself{' (' + suffix[1:] + ' file)' if suffix else ''}; "
                                  "choose another output file")


def _new_file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


@contextlib.contextmanager
def atomic_output(path: Path, *, newline: str | None = "") -> Iterator[TextIO]:
    """Open `path` for writing text so that it appears complete or not at all: the text goes
    to a temporary file in the same folder, renamed over `path` (`os.replace`) only when the
    block ends without an error; otherwise the temporary file is removed and an existing
    `path` is left as it was. A symbolic link is followed (its target is replaced). A path
    that exists but is not a regular file (a FIFO, /dev/stdout) is written directly."""
    path = Path(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        info = None
    if info is not None and not stat.S_ISREG(info.st_mode):
        with open(path, "w", encoding="utf-8", newline=newline) as fh:
            yield fh
        return
    target = Path(os.path.realpath(path))
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        os.chmod(fd, stat.S_IMODE(info.st_mode) if info is not None else _new_file_mode())
        with os.fdopen(fd, "w", encoding="utf-8", newline=newline) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise


def export_to_file(db: sqlite_utils.Database, fmt: str, path: Path, **kwargs) -> int:
    """`export_people` into the file `path`, refused when it is the database (`check_output_path`)
    and written atomically (`atomic_output`): a failed export leaves no half-written file."""
    check_output_path(db, path)
    with atomic_output(path) as fh:
        return export_people(db, fmt, fh, **kwargs)
