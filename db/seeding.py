"""The bundled seed documents, imported into a new directory."""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

from db.importer import ImportResult, import_document


def bundled_seed_paths() -> list[Path]:
    """Paths of the seed documents shipped in the `seeds` package, sorted by name."""
    import seeds  # a namespace package: data files only, no __init__.py

    dirs = [Path(d) for d in seeds.__path__ if Path(d).is_dir()]
    found = {p.name: p for d in dirs for p in d.iterdir() if p.suffix in (".txt", ".md")}
    return [found[name] for name in sorted(found)]


def seed_if_new(db: sqlite_utils.Database) -> list[ImportResult]:
    """Import the bundled seed documents when the directory holds no document yet."""
    if db.execute("SELECT COUNT(*) FROM documents").fetchone()[0]:
        return []
    return [import_document(db, path) for path in bundled_seed_paths()]
