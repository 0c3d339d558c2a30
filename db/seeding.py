"""The bundled seed documents, imported into a new directory.

Seeding is recorded as pending (a table `seeding_pending`) in the transaction that writes a new
database's first tables (`open_db(on_create=record_seeding_pending)`), before any seed is
imported, and the record is dropped once the last one is in, so a first run that is killed,
interrupted or hits a full disk halfway is finished on the next open. Seeds already imported
are recognised by their content hash and not imported twice.
"""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

from db.connection import write_transaction
from db.importer import ImportResult, import_document

PENDING_TABLE = "seeding_pending"


def bundled_seed_paths() -> list[Path]:
    """Paths of the seed documents shipped in the `seeds` package, sorted by name."""
    import seeds  # a namespace package: data files only, no __init__.py

    dirs = [Path(d) for d in seeds.__path__ if Path(d).is_dir()]
    found = {p.name: p for d in dirs for p in d.iterdir() if p.suffix in (".txt", ".md")}
    return [found[name] for name in sorted(found)]


def seeding_pending(db: sqlite_utils.Database) -> bool:
    """True when a seeding was started and did not finish (cheap: one sqlite_master lookup)."""
    return db.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [PENDING_TABLE]
    ).fetchone() is not None


def record_seeding_pending(db: sqlite_utils.Database) -> None:
    """Record the seeds as still to be imported, inside the caller's transaction: given to
    `open_db(on_create=...)`, the record is written with a new database's first tables, so a
    first run killed at any point after them is seeded on the next open."""
    db.execute(f"CREATE TABLE IF NOT EXISTS {PENDING_TABLE} (started INTEGER)")


def mark_seeding_pending(db: sqlite_utils.Database) -> None:
    """Record that the seeds are still to be imported (the next open imports them): a new
    database whose first command did not fill it (a backup that could not be restored)."""
    with write_transaction(db):
        db.execute(f"CREATE TABLE IF NOT EXISTS {PENDING_TABLE} (started INTEGER)")


def seed_if_new(db: sqlite_utils.Database) -> list[ImportResult]:
    """Import the bundled seed documents when the directory holds no document yet, or finish
    a seeding that was interrupted (seeds already there are left as they are)."""
    if not seeding_pending(db):
        if db.execute("SELECT COUNT(*) FROM documents").fetchone()[0]:
            return []
        with write_transaction(db):
            db.execute(f"CREATE TABLE IF NOT EXISTS {PENDING_TABLE} (started INTEGER)")
    results = [import_document(db, path) for path in bundled_seed_paths()]
    with write_transaction(db):
        db.execute(f"DROP TABLE IF EXISTS {PENDING_TABLE}")
    return results
