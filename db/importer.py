"""Importing documents: read, extract, resolve, write; one transaction per document.

OWNER: extraction helper. The signatures below are what the CLI and other modules use.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable, Iterator

import sqlite_utils

from db.connection import write_transaction
from db.formats.readers import DOCUMENT_SUFFIXES, DocumentError, read_document


@dataclass
class ImportResult:
    """What importing one document did."""

    path: Path
    status: str  # "imported", "unchanged" (already imported) or "error"
    message: str = ""
    document_id: int | None = None
    added: dict[str, int] = field(default_factory=dict)  # e.g. {"people": 3, "organizations": 1}


def iter_document_paths(paths: Iterable[Path]) -> Iterator[Path]:
    """Expand folders (recursively, sorted) into the document files they hold.

    Raises DocumentError for a missing path.
    """
    for path in paths:
        path = Path(path)
        if not path.exists():
            raise DocumentError(f"{path}: no such file or folder")
        if path.is_dir():
            yield from sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES
            )
        else:
            yield path


def import_document(db: sqlite_utils.Database, path: Path) -> ImportResult:
    """Import one file. Never raises for a bad document: returns status "error"."""
    path = Path(path)
    try:
        fmt, text = read_document(path)
    except DocumentError as exc:
        return ImportResult(path, "error", str(exc))
    return import_text(db, text, name=path.name, path=str(path), fmt=fmt)


def import_text(
    db: sqlite_utils.Database, text: str, *, name: str, path: str | None = None, fmt: str = "txt"
) -> ImportResult:
    """Extract entities from `text` and write them in one transaction (no-op if seen before)."""
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    with write_transaction(db):
        row = db.execute("SELECT id FROM documents WHERE sha256 = ?", [sha]).fetchone()
        if row:
            return ImportResult(Path(path or name), "unchanged", "already imported", row[0])
        doc_id = db.table("documents").insert(
            {
                "name": name,
                "path": path,
                "sha256": sha,
                "format": fmt,
                "text": text,
                "imported_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            }
        ).last_pk
        added = _write_extraction(db, doc_id, text)
    return ImportResult(Path(path or name), "imported", "", doc_id, added)


def _write_extraction(db: sqlite_utils.Database, doc_id: int, text: str) -> dict[str, int]:
    """Extract and resolve entities of one document inside the caller's transaction.

    Returns counts of what was added: new people, organizations and initiatives, and new
    affiliations, memberships and initiative partners.
    """
    from db.extract import extract
    from db.resolve import resolve_initiative, resolve_organization, resolve_person

    found = extract(text)
    added = dict.fromkeys(
        ("people", "organizations", "initiatives", "affiliations", "memberships", "partners"), 0
    )
    mentions: list[tuple] = []

    def note_mentions(etype: str, eid: int, ent) -> None:
        mentions.extend((doc_id, etype, eid, s.start, s.end, s.text, s.sentence) for s in ent.spans)

    org_ids, ini_ids, person_ids = [], [], []
    for org in found.organizations:
        oid, new = resolve_organization(db, org.name, aliases=sorted(org.aliases), acronym=org.acronym)
        added["organizations"] += new
        org_ids.append(oid)
        _add_aliases(db, "organization", oid, org.aliases)
        note_mentions("organization", oid, org)
    for ini in found.initiatives:
        iid, new = resolve_initiative(db, ini.name, aliases=sorted(ini.aliases), acronym=ini.acronym, kind=ini.kind)
        added["initiatives"] += new
        ini_ids.append(iid)
        _add_aliases(db, "initiative", iid, ini.aliases)
        note_mentions("initiative", iid, ini)
    for person in found.people:
        pid, new = resolve_person(
            db, person.name, aliases=sorted(person.aliases), title=person.title, email=person.email,
            phone=person.phone,
        )
        added["people"] += new
        person_ids.append(pid)
        _add_aliases(db, "person", pid, person.aliases)
        note_mentions("person", pid, person)
    added["affiliations"] = _insert_new(
        db, "affiliations", ("person_id", "organization_id", "title"),
        [(person_ids[p], org_ids[o], t) for (p, o), t in found.affiliations.items()],
    )
    added["memberships"] = _insert_new(
        db, "memberships", ("person_id", "initiative_id", "role"),
        [(person_ids[p], ini_ids[i], r) for (p, i), r in found.memberships.items()],
    )
    added["partners"] = _insert_new(
        db, "initiative_organizations", ("initiative_id", "organization_id", "role"),
        [(ini_ids[i], org_ids[o], r) for (i, o), r in found.initiative_organizations.items()],
    )
    db.conn.executemany(
        'INSERT INTO mentions (document_id, entity_type, entity_id, start, "end", text, sentence)'
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        mentions,
    )
    return added


def _add_aliases(db: sqlite_utils.Database, etype: str, eid: int, aliases) -> None:
    from db.resolve import add_alias

    for alias in aliases:
        add_alias(db, etype, eid, alias)


def _insert_new(db: sqlite_utils.Database, table: str, cols: tuple[str, str, str], rows: list[tuple]) -> int:
    """Insert relation rows that are new; fill a missing title/role on an existing one. Returns new rows."""
    a, b, extra = cols
    count = 0
    for row in dict.fromkeys(rows):
        cur = db.execute(f"INSERT OR IGNORE INTO {table} ({a}, {b}, {extra}) VALUES (?, ?, ?)", list(row))
        if cur.rowcount > 0:
            count += 1
        elif row[2]:
            db.execute(
                f"UPDATE {table} SET {extra} = ? WHERE {a} = ? AND {b} = ? AND ({extra} IS NULL OR {extra} = 'member')",
                [row[2], row[0], row[1]],
            )
    return count
