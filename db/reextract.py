"""Re-extraction: run the current extractor again over stored documents' text.

For each document, what its previous extraction drew is replaced: its extracted mentions and
its credit on relations are withdrawn, the new extraction is written through the same path as
an import (so every judgement applies: rejections, renames, type changes, split spans), and
then what no longer has any support is removed. Everything the user made stays: notes, tags,
assessments, interactions, edited fields, spans marked by hand, relations added by hand, and
the records they hang on. One transaction per document; extraction runs outside it.
"""

from __future__ import annotations

from typing import Callable

import sqlite_utils

from db.connection import write_transaction
from db.judgements import PLURAL, document_support, drop_document_sources, prune


def reextract(
    db: sqlite_utils.Database, document_id: int | None = None, *, progress: Callable[[int, int], None] | None = None
) -> dict:
    """Re-extract one document (or all) and return {"documents": n, "added": {...},
    "removed": {...}} with counts by plural name. `progress(done, total)` after each."""
    from db.corrections import CorrectionError, remove_entity
    from db.extract import extract
    from db.importer import _write_extraction

    if document_id is not None:
        if db.execute("SELECT 1 FROM documents WHERE id = ?", [document_id]).fetchone() is None:
            raise CorrectionError(f"no document with id {document_id}")
        ids = [document_id]
    else:
        ids = [r[0] for r in db.execute("SELECT id FROM documents ORDER BY id")]
    added = dict.fromkeys(PLURAL.values(), 0)
    removed = dict.fromkeys(PLURAL.values(), 0)
    for done, doc_id in enumerate(ids, 1):
        row = db.execute("SELECT text FROM documents WHERE id = ?", [doc_id]).fetchone()
        if row is None:  # deleted meanwhile
            continue
        found = extract(row[0] or "")
        with write_transaction(db):
            before = document_support(db, doc_id, extracted_only=True)
            db.execute(
                "DELETE FROM mentions WHERE document_id = ? AND id NOT IN (SELECT mention_id FROM user_mentions)",
                [doc_id],
            )
            drop_document_sources(db, doc_id)
            for key, n in _write_extraction(db, doc_id, found).items():
                added[key] = added.get(key, 0) + n
            for key, n in prune(db, before, remove_entity).items():
                removed[key] += n
        if progress is not None:
            progress(done, len(ids))
    return {"documents": len(ids), "added": added, "removed": removed}
