"""Imported documents: the list (title, date, source, what each gave) and one document's review.

What a document "gave" is read from its mentions: the people, organizations and initiatives
drawn from it, and the affiliations and memberships whose two ends are both drawn from it
(relations carry no document of their own).
"""

from __future__ import annotations

import sqlite_utils

from db.document_meta import document_date, document_title

TYPES = ("person", "organization", "initiative")
META_SCAN_CHARS = 10000  # title and date are read from the start of the text


def _rows(db: sqlite_utils.Database, sql: str, params: list | tuple | dict = ()) -> list[dict]:
    cursor = db.execute(sql, params if isinstance(params, dict) else list(params))
    cols = [c[0] for c in cursor.description]
    return [dict(zip(cols, row)) for row in cursor.fetchall()]


def document_meta(text: str, name: str, fmt: str | None, imported_at: str) -> dict:
    """{"title", "date"} of a document (see `db.document_meta`)."""
    head = text[:META_SCAN_CHARS]
    return {"title": document_title(head, name, fmt or "txt"), "date": document_date(head, imported_at)}


def fill_document_meta(db: sqlite_utils.Database, only_missing: bool = True, batch: int = 500) -> int:
    """Compute `title` and `date` for documents (those without a title, unless `only_missing`
    is False), in the caller's transaction, `batch` documents at a time (only the start of each
    text is read, so memory stays flat); returns how many rows were written."""
    where = " WHERE title IS NULL" if only_missing else ""
    ids = [row[0] for row in db.execute(f"SELECT id FROM documents{where} ORDER BY id")]
    for i in range(0, len(ids), batch):
        part = ids[i:i + batch]
        cursor = db.execute(
            f"SELECT id, substr(text, 1, {META_SCAN_CHARS}), name, format, imported_at FROM documents"
            f" WHERE id IN ({', '.join('?' * len(part))})",
            part,
        )
        updates = []
        for doc_id, head, name, fmt, imported_at in cursor.fetchall():
            meta = document_meta(head or "", name or "", fmt, imported_at or "")
            updates.append((meta["title"], meta["date"], doc_id))
        db.conn.executemany("UPDATE documents SET title = ?, date = ? WHERE id = ?", updates)
    return len(ids)


def count_documents(db: sqlite_utils.Database) -> int:
    """How many documents are imported."""
    return db.execute("SELECT COUNT(*) FROM documents").fetchone()[0]


_COUNTS = """
    (SELECT COUNT(DISTINCT entity_id) FROM mentions m WHERE m.document_id = d.id AND m.entity_type = 'person') AS people,
    (SELECT COUNT(DISTINCT entity_id) FROM mentions m WHERE m.document_id = d.id AND m.entity_type = 'organization') AS organizations,
    (SELECT COUNT(DISTINCT entity_id) FROM mentions m WHERE m.document_id = d.id AND m.entity_type = 'initiative') AS initiatives
"""


def list_documents(db: sqlite_utils.Database, *, limit: int | None = None, offset: int = 0) -> list[dict]:
    """Documents newest first (by date, then id): id, title, date, source (the path imported
    from, else the file name), format, imported_at and counts of people, organizations,
    initiatives and relations (affiliations + memberships) they gave. `limit`/`offset` page."""
    page = f" LIMIT {int(limit)} OFFSET {int(offset)}" if limit is not None else ""
    docs = _rows(
        db,
        "SELECT d.id, d.title, d.date, COALESCE(d.path, d.name) AS source, d.name, d.format, d.imported_at,"
        f" {_COUNTS} FROM documents d ORDER BY d.date DESC, d.id DESC{page}",
    )
    for doc in docs:
        doc["relations"] = _relation_count(db, doc["id"])
    return docs


# Which documents gave a relation (migration 6, `db.judgements`; document 0 is the user).
SOURCES = {"affiliations": ("affiliation_sources", "organization_id"), "memberships": ("membership_sources", "initiative_id")}


def _has_sources(db: sqlite_utils.Database) -> bool:
    return db.execute(
        "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('affiliation_sources', 'membership_sources')"
    ).fetchone()[0] == 2


def _relation_count(db: sqlite_utils.Database, document_id: int) -> int:
    """Affiliations and memberships the document gave: those credited to it (migration 6), else,
    in a database without provenance, those whose two ends are both drawn from it."""
    if _has_sources(db):
        return sum(db.execute(f"SELECT COUNT(*) FROM {table} WHERE document_id = ?", [document_id]).fetchone()[0]
                   for table, _ in SOURCES.values())
    return sum(
        db.execute(
            f"SELECT COUNT(*) FROM (SELECT DISTINCT entity_id FROM mentions WHERE document_id = ?"
            f" AND entity_type = 'person') p JOIN {table} r ON r.person_id = p.entity_id"
            f" WHERE EXISTS (SELECT 1 FROM mentions o WHERE o.document_id = ? AND o.entity_type = ?"
            f" AND o.entity_id = r.{column})",
            [document_id, document_id, other],
        ).fetchone()[0]
        for table, column, other in (
            ("affiliations", "organization_id", "organization"),
            ("memberships", "initiative_id", "initiative"),
        )
    )


def get_document(db: sqlite_utils.Database, document_id: int) -> dict | None:
    """The document's row without its text (id, title, date, source, name, format, imported_at)."""
    rows = _rows(
        db,
        "SELECT id, title, date, COALESCE(path, name) AS source, name, format, imported_at, sha256"
        " FROM documents WHERE id = ?",
        [document_id],
    )
    return rows[0] if rows else None


def document_text(db: sqlite_utils.Database, document_id: int) -> dict | None:
    """What the text view of a review needs, read fast: the document's row (`get_document`),
    its `text` and `spans`, (start, end, entity_type, entity_id) of every mention by start."""
    doc = get_document(db, document_id)
    if doc is None:
        return None
    doc["text"] = db.execute("SELECT text FROM documents WHERE id = ?", [document_id]).fetchone()[0]
    doc["spans"] = db.execute(
        'SELECT start, "end", entity_type, entity_id FROM mentions WHERE document_id = ? ORDER BY start, id',
        [document_id],
    ).fetchall()
    return doc


def document_review(db: sqlite_utils.Database, document_id: int) -> dict | None:
    """Everything needed to review one document, or None when there is no such document:

    - the document's row (`get_document`) and its `text`,
    - `mentions`: id, entity_type, entity_id, start, end, text, sentence (sorted by start),
    - `entities`: type, id, name, mentions (count), first (offset of the first), sentence,
    - `affiliations`: person_id, person, organization_id, organization, title, sentence,
    - `memberships`: person_id, person, initiative_id, initiative, role, sentence,

    where a relation's sentence is the first sentence of the document naming both ends (else
    the person's first sentence).
    """
    doc = get_document(db, document_id)
    if doc is None:
        return None
    doc["text"] = db.execute("SELECT text FROM documents WHERE id = ?", [document_id]).fetchone()[0]
    doc["mentions"] = _rows(
        db,
        'SELECT id, entity_type, entity_id, start, "end", text, COALESCE(sentence, text) AS sentence'
        " FROM mentions WHERE document_id = ? ORDER BY start, id",
        [document_id],
    )
    # One pass over the mentions (in text order) gives each entity's count, first offset and
    # sentences; relations are then matched in memory (a 2-million-character document has
    # tens of thousands of mentions, and a join on sentences per relation was seconds).
    seen: dict[tuple[str, int], dict] = {}
    for m in doc["mentions"]:
        entry = seen.get((m["entity_type"], m["entity_id"]))
        if entry is None:
            entry = seen[(m["entity_type"], m["entity_id"])] = {
                "mentions": 0, "first": m["start"], "sentence": m["sentence"], "sentences": []}
        entry["mentions"] += 1
        entry["sentences"].append(m["sentence"])
    entities = []
    for etype, table in (("person", "people"), ("organization", "organizations"), ("initiative", "initiatives")):
        ids = [eid for (t, eid) in seen if t == etype]
        for row in _rows_in(db, f"SELECT id, name FROM {table} WHERE id IN ({{ids}})", ids):
            entry = seen[(etype, row["id"])]
            entities.append({"type": etype, "id": row["id"], "name": row["name"], "mentions": entry["mentions"],
                             "first": entry["first"], "sentence": entry["sentence"]})
    entities.sort(key=lambda e: (TYPES.index(e["type"]), e["first"]))
    doc["entities"] = entities
    doc["affiliations"] = _relations(db, document_id, seen, "affiliations", "organizations", "organization", "title")
    doc["memberships"] = _relations(db, document_id, seen, "memberships", "initiatives", "initiative", "role")
    return doc


def _rows_in(db, sql: str, ids: list[int], chunk: int = 500, before: tuple = ()) -> list[dict]:
    """`sql` with `{ids}` filled by placeholders, run over `ids` in chunks (SQLite's variable
    limit); `before` are the values of the placeholders ahead of `{ids}`."""
    rows: list[dict] = []
    for i in range(0, len(ids), chunk):
        part = ids[i:i + chunk]
        rows += _rows(db, sql.format(ids=", ".join("?" * len(part))), [*before, *part])
    return rows


def _relations(db, document_id: int, seen: dict, table: str, others: str, other: str, extra: str) -> list[dict]:
    """The `table` rows whose person and `other` are both drawn from the document (and, with
    provenance, credited to it or added by hand), each with the first sentence naming both
    (else the person's first), in the order the people appear."""
    people = [eid for (t, eid) in seen if t == "person"]
    credited = None
    if _has_sources(db):
        sources, column = SOURCES[table]
        credited = {(r["person_id"], r[column]) for r in _rows_in(
            db, f"SELECT person_id, {column} FROM {sources} WHERE document_id IN (?, 0) AND person_id IN ({{ids}})",
            people, before=(document_id,))}
    found = _rows_in(
        db,
        f"SELECT p.id AS person_id, p.name AS person, o.id AS {other}_id, o.name AS {other}, r.{extra}"
        f" FROM {table} r JOIN people p ON p.id = r.person_id JOIN {others} o ON o.id = r.{other}_id"
        " WHERE r.person_id IN ({ids})",
        people,
    )
    rows = []
    for row in found:
        target = seen.get((other, row[f"{other}_id"]))
        if target is None or (credited is not None and (row["person_id"], row[f"{other}_id"]) not in credited):
            continue
        person = seen[("person", row["person_id"])]
        theirs = set(target["sentences"])
        row["sentence"] = next((s for s in person["sentences"] if s in theirs), person["sentence"])
        row["first"] = person["first"]
        rows.append(row)
    rows.sort(key=lambda r: (r["first"], r[other]))
    return rows
