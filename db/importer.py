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
from db.readers import DOCUMENT_SUFFIXES, DocumentError, read_document


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
    """Extract and resolve entities of one document inside the caller's transaction."""
    return {}  # OWNER: extraction helper fills this in
