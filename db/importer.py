"""Importing documents: read, extract, resolve, write; one transaction per document.

OWNER: extraction helper. The signatures below are what the CLI and other modules use.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable, Iterator

import sqlite_utils

from db.connection import write_transaction
from db.search_index import deferred_upkeep
from db.formats.readers import DOCUMENT_SUFFIXES, DocumentError, display_path, read_document


@dataclass
class ImportResult:
    """What importing one document did."""

    path: Path
    status: str  # "imported", "unchanged" (already imported) or "error"
    message: str = ""
    document_id: int | None = None
    added: dict[str, int] = field(default_factory=dict)  # e.g. {"people": 3, "organizations": 1}


# Folders never walked into: tools' and packages' trees hold text files that are not documents.
VENDORED_DIRS = {"node_modules", "site-packages", "dist-packages", "__pycache__", "venv", "bower_components"}


@dataclass
class ImportPlan:
    """What a folder walk found: files to import, paths that do not exist, and what was skipped."""

    files: list[Path] = field(default_factory=list)
    missing: list[Path] = field(default_factory=list)
    skipped: dict[str, int] = field(default_factory=dict)  # reason -> count


def _skip_dir(path: Path) -> str | None:
    if path.name.startswith("."):
        return "hidden folders"
    if path.name in VENDORED_DIRS or (path / "pyvenv.cfg").is_file():
        return "vendored folders"
    return None


def is_contacts_csv(path: Path) -> bool:
    """True when the first line of the `.csv` at `path` is a contacts header (has a name column)."""
    from db.formats.contacts import ContactsError, read_csv_contacts
    from db.formats.readers import decode_text, read_regular_file

    try:
        head = decode_text(read_regular_file(path, 1 << 30, head=8192))
        next(read_csv_contacts(head.split("\n", 1)[0] + "\n"), None)
    except (DocumentError, ContactsError, ValueError, UnicodeError):
        return False
    except Exception:  # csv.Error and the like: not a contacts header
        return False
    return True


def plan_import(paths: Iterable[Path]) -> ImportPlan:
    """Expand folders (recursively, sorted) into the documents and contact files they hold.

    Hidden folders and vendored trees (node_modules, site-packages, __pycache__, a virtual
    environment: a folder holding pyvenv.cfg) are skipped, so are files of other types and, in
    folders, `.csv` files without a contacts header. A path named directly is always taken.
    Missing paths are listed in `missing`, never raised.
    """
    from db.formats.contacts import CONTACT_SUFFIXES

    plan = ImportPlan()

    def skip(reason: str) -> None:
        plan.skipped[reason] = plan.skipped.get(reason, 0) + 1

    for path in map(Path, paths):
        if not path.exists():
            plan.missing.append(path)
        elif not path.is_dir():
            plan.files.append(path)
        else:
            for root, dirs, names in os.walk(path):
                here = Path(root)
                keep = []
                for d in sorted(dirs):
                    reason = _skip_dir(here / d)
                    if reason:
                        skip(reason)
                    else:
                        keep.append(d)
                dirs[:] = keep
                for name in sorted(names):
                    file = here / name
                    suffix = file.suffix.lower()
                    if name.startswith("."):
                        skip("hidden files")
                    elif suffix in DOCUMENT_SUFFIXES:
                        plan.files.append(file)
                    elif suffix in CONTACT_SUFFIXES and (suffix != ".csv" or is_contacts_csv(file)):
                        plan.files.append(file)
                    elif suffix == ".csv":
                        skip("CSV files that are not contact lists")
                    else:
                        skip("files of other types")
    return plan


def iter_document_paths(paths: Iterable[Path]) -> Iterator[Path]:
    """Expand folders (see `plan_import`) into the files they hold.

    Raises DocumentError for a missing path.
    """
    plan = plan_import(paths)
    if plan.missing:
        raise DocumentError(f"{plan.missing[0]}: no such file or folder")
    yield from plan.files


SESSION_CHECKPOINT_PAGES = 10_000
SESSION_CACHE_KIB = 64 * 1024  # an import session's page cache (PRAGMA cache_size, in KiB)


@contextlib.contextmanager
def import_session(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """Around an import of many files: each document still commits in its own transaction, but
    those commits are not flushed to disk one by one (`synchronous = NORMAL`; in WAL mode that
    never corrupts the file, a power cut can only lose the newest documents, which importing
    again brings back). The WAL is copied into the database every SESSION_CHECKPOINT_PAGES pages
    (about 40 MB) instead of SQLite's 1,000: a page rewritten by many documents is copied once,
    not at every 4 MB, which was a third of the commits' cost. At the end the settings are
    restored and a checkpoint makes the whole import durable (the WAL is synced before it).
    The page cache is SESSION_CACHE_KIB for the session instead of SQLite's 2 MB: the indexes every
    document writes into (names, aliases, mentions, search keys) stay in memory between documents
    instead of being read back and parsed again."""
    if db.memory:
        yield db
        return
    before = db.execute("PRAGMA synchronous").fetchone()[0]
    checkpoint_every = db.execute("PRAGMA wal_autocheckpoint").fetchone()[0]
    cache_size = db.execute("PRAGMA cache_size").fetchone()[0]
    db.execute("PRAGMA synchronous = NORMAL")
    db.execute(f"PRAGMA wal_autocheckpoint = {max(checkpoint_every, SESSION_CHECKPOINT_PAGES)}")
    db.execute(f"PRAGMA cache_size = -{SESSION_CACHE_KIB}")
    try:
        yield db
    finally:
        db.execute(f"PRAGMA synchronous = {int(before)}")
        db.execute(f"PRAGMA wal_autocheckpoint = {int(checkpoint_every)}")
        db.execute(f"PRAGMA cache_size = {int(cache_size)}")
        with contextlib.suppress(Exception):  # a busy reader only delays the copy into the file
            db.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()


def import_document(db: sqlite_utils.Database, path: Path) -> ImportResult:
    """Import one file. Never raises for a bad document: returns status "error"."""
    path = Path(path)
    try:
        fmt, text = read_document(path)
    except DocumentError as exc:
        return ImportResult(path, "error", str(exc))
    # Stored as shown: a file name can hold escape sequences, controls and bidi overrides.
    return import_text(db, text, name=display_path(path.name), path=display_path(path), fmt=fmt)


def text_sha256(text: str) -> str:
    """The hex SHA-256 of a document's text (UTF-8): what `documents.sha256` holds and what
    tells a document already imported."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def import_text(
    db: sqlite_utils.Database, text: str, *, name: str, path: str | None = None, fmt: str = "txt",
    found=None,
) -> ImportResult:
    """Extract entities from `text` and write them in one transaction (no-op if seen before).

    `found` is `db.extract.extract(text)` when the caller has it already (a worker process
    extracted it, see `db.import_workers`): it is written as it is, not extracted again."""
    sha = text_sha256(text)
    row = db.execute("SELECT id FROM documents WHERE sha256 = ?", [sha]).fetchone()
    if row:
        return ImportResult(Path(path or name), "unchanged", "already imported", row[0])
    if found is None:
        from db.extract import extract

        # Extraction is slow on big documents and reads nothing from the database: it runs
        # before the write transaction, so the write lock is held only while writing.
        found = extract(text)
    from db.documents import document_meta

    imported_at = datetime.now(timezone.utc).isoformat(timespec="seconds")
    meta = document_meta(text, name, fmt, imported_at)
    with write_transaction(db):
        row = db.execute("SELECT id FROM documents WHERE sha256 = ?", [sha]).fetchone()
        if row:  # imported by another process meanwhile
            return ImportResult(Path(path or name), "unchanged", "already imported", row[0])
        doc_id = db.table("documents").insert(
            {
                "name": name,
                "path": path,
                "sha256": sha,
                "format": fmt,
                "text": text,
                "imported_at": imported_at,
                "title": meta["title"],
                "date": meta["date"],
            }
        ).last_pk
        # the new keys' FTS rows and vocabulary are written together before the commit
        with deferred_upkeep(db):
            added = _write_extraction(db, doc_id, found)
    return ImportResult(Path(path or name), "imported", "", doc_id, added)


def _write_extraction(db: sqlite_utils.Database, doc_id: int, found) -> dict[str, int]:
    """Resolve and write the entities extracted from one document, in the caller's transaction,
    applying the user's judgements (`db.judgements`): rejected names and relations are left out,
    renamed and retyped names go to the record they now belong to, split spans to theirs.
    Every relation written is credited to the document.

    Returns counts of what was added: new people, organizations and initiatives, and new
    affiliations, memberships and initiative partners.
    """
    from db.judgements import RELATIONS, Judgements, kind_of
    from db.resolve import prefetched_keys

    judgements = Judgements(db, doc_id)
    added = dict.fromkeys(
        ("people", "organizations", "initiatives", "affiliations", "memberships", "partners"), 0
    )
    plural = {"person": "people", "organization": "organizations", "initiative": "initiatives"}
    mentions: list[tuple] = []
    refs: dict[str, list] = {}
    # the people's keys are looked up in two queries for the whole document, not two a person
    with prefetched_keys(db, "person", [n for ent in found.people for n in (ent.name, *ent.aliases)]):
        for etype, items in (
            ("organization", found.organizations), ("initiative", found.initiatives), ("person", found.people),
        ):
            refs[etype] = []
            for ent in items:
                targets = [judgements.assigned(s.start, s.end) for s in ent.spans]
                whole = targets[0] if targets and all(t == targets[0] for t in targets) else None
                ref = whole or _resolve_found(db, judgements, etype, ent, added, plural)
                refs[etype].append(ref)
                for span, target in zip(ent.spans, targets):
                    target = target or ref
                    if target is not None:
                        mentions.append((doc_id, *target, span.start, span.end, span.text, span.sentence))
    rows: dict[str, list[tuple]] = {kind: [] for kind in RELATIONS}
    for (first, second), relation_found in (
        (("person", "organization"), found.affiliations),
        (("person", "initiative"), found.memberships),
        (("initiative", "organization"), found.initiative_organizations),
    ):
        for (i, j), extra in relation_found.items():
            a, b = refs[first][i], refs[second][j]
            how = kind_of(a[0], b[0]) if a is not None and b is not None else None
            if how is None:
                continue  # a rejected end, or a retyped one the relation cannot join
            kind, swap = how
            a, b = (b, a) if swap else (a, b)
            if not judgements.relation_rejected(kind, a[1], b[1]):
                rows[kind].append((a[1], b[1], extra))
    for kind, (table, a, b, extra, sources, _) in RELATIONS.items():
        added[_ADDED_KEY[kind]] = _insert_new(db, table, (a, b, extra), rows[kind])
        # every relation is credited to the document (what judgements.add_source does, in one statement)
        db.conn.executemany(
            f"INSERT OR IGNORE INTO {sources} ({a}, {b}, document_id) VALUES (?, ?, ?)",
            list(dict.fromkeys((first_id, second_id, doc_id) for first_id, second_id, _ in rows[kind])),
        )
    # one mention per record and span: two findings of one span resolved to one record (a
    # group named in full and by its short form) would count it twice
    unique = {m[:5]: m for m in reversed(mentions)}
    db.conn.executemany(
        'INSERT INTO mentions (document_id, entity_type, entity_id, start, "end", text, sentence)'
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [m for m in mentions if unique.get(m[:5]) is m],
    )
    return added


_ADDED_KEY = {"affiliation": "affiliations", "membership": "memberships", "partner": "partners"}


def _resolve_found(db: sqlite_utils.Database, judgements, etype: str, ent, added: dict, plural: dict):
    """(type, id) of the record an extracted entity is, or None when the user rejected it."""
    from db.resolve import resolve_initiative, resolve_organization, resolve_person

    if judgements.rejected(etype, ent.name):
        return None
    name = ent.name
    redirect = judgements.redirect(etype, name)
    if redirect is not None:
        etype, target, name = redirect
        if target is not None:
            _add_aliases(db, etype, target, ent.aliases)
            return etype, target
        if judgements.rejected(etype, name):
            return None
    aliases = sorted(ent.aliases)
    if etype == "person":
        eid, new = resolve_person(db, name, aliases=aliases, title=ent.title, email=ent.email, phone=ent.phone)
    elif etype == "organization":
        eid, new = resolve_organization(db, name, aliases=aliases, acronym=ent.acronym)
    else:
        eid, new = resolve_initiative(db, name, aliases=aliases, acronym=ent.acronym, kind=ent.kind)
    added[plural[etype]] += new
    _add_aliases(db, etype, eid, ent.aliases)
    return etype, eid


def _add_aliases(db: sqlite_utils.Database, etype: str, eid: int, aliases) -> None:
    from db.resolve import add_alias

    # sorted: a set's order changes with the process's string hashing, and when two spellings
    # fold to one key the first written is kept; the same documents give the same rows
    for alias in sorted(aliases):
        add_alias(db, etype, eid, alias)


def _insert_new(db: sqlite_utils.Database, table: str, cols: tuple[str, str, str], rows: list[tuple]) -> int:
    """Insert relation rows that are new; fill a missing title/role on an existing one. Returns new rows.

    One `executemany` for the inserts and one for the fills (a statement per row was a fifth of
    an import's database time); a fill skips a row that already holds the value, so a row just
    inserted is never rewritten."""
    a, b, extra = cols
    rows = list(dict.fromkeys(rows))
    count = db.conn.executemany(f"INSERT OR IGNORE INTO {table} ({a}, {b}, {extra}) VALUES (?, ?, ?)", rows).rowcount
    fills = [(row[2], row[0], row[1], row[2]) for row in rows if row[2]]
    if fills:
        db.conn.executemany(
            f"UPDATE {table} SET {extra} = ? WHERE {a} = ? AND {b} = ?"
            f" AND ({extra} IS NULL OR {extra} = 'member') AND {extra} IS NOT ?",
            fills,
        )
    return max(count, 0)
