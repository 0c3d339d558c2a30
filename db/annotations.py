"""The user's annotations: notes, tags and edits of an entity's own fields.

Every function writes in its own transaction (or joins the caller's).
"""

from __future__ import annotations

import re
from datetime import datetime, timezone

import sqlite_utils

from db.connection import write_transaction
from db.textnorm import compact_key, fold, strip_control

TABLE_OF = {"person": "people", "organization": "organizations", "initiative": "initiatives"}
EDITABLE_FIELDS = {
    "person": ("name", "title", "email", "phone"),
    "organization": ("name", "acronym"),
    "initiative": ("name", "acronym", "kind"),
}
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
PHONE_RE = re.compile(r"^\+?[\d\s().\-/]{6,}(\s*(x|ext\.?)\s*\d+)?$", re.IGNORECASE)


class AnnotationError(ValueError):
    """An invalid edit; the message is one line for the user."""


def now_iso() -> str:
    """The current UTC time, ISO 8601 to the second."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _check_entity(db: sqlite_utils.Database, entity_type: str, entity_id: int) -> None:
    if entity_type not in TABLE_OF:
        raise AnnotationError(f"unknown entity type '{entity_type}'")
    row = db.execute(f"SELECT 1 FROM {TABLE_OF[entity_type]} WHERE id = ?", [entity_id]).fetchone()
    if row is None:
        raise AnnotationError(f"no {entity_type} with id {entity_id}")


def add_note(db: sqlite_utils.Database, entity_type: str, entity_id: int, body: str) -> int:
    """Add a note to an entity; returns the note id."""
    body = strip_control(body).strip()
    if not body:
        raise AnnotationError("a note cannot be empty")
    with write_transaction(db):
        _check_entity(db, entity_type, entity_id)
        stamp = now_iso()
        cursor = db.execute(
            "INSERT INTO notes (entity_type, entity_id, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
            [entity_type, entity_id, body, stamp, stamp],
        )
        return cursor.lastrowid


def update_note(db: sqlite_utils.Database, note_id: int, body: str) -> None:
    """Replace a note's text."""
    body = strip_control(body).strip()
    if not body:
        raise AnnotationError("a note cannot be empty")
    with write_transaction(db):
        db.execute("UPDATE notes SET body = ?, updated_at = ? WHERE id = ?", [body, now_iso(), note_id])


def delete_note(db: sqlite_utils.Database, note_id: int) -> None:
    """Delete a note."""
    with write_transaction(db):
        db.execute("DELETE FROM notes WHERE id = ?", [note_id])


def normalize_tag(tag: str) -> str:
    """Tags are trimmed, single-spaced, lower-case words: ' VIP  Mexico ' -> 'vip mexico'; a
    leading `#` (as tags are shown) is not part of the tag: '#hash' -> 'hash'."""
    return " ".join(strip_control(tag).split()).lower().lstrip("#").strip()


def add_tags(db: sqlite_utils.Database, entity_type: str, entity_id: int, tags: list[str]) -> list[str]:
    """Add tags (normalised, duplicates ignored); returns the tags that were new."""
    clean = [t for t in dict.fromkeys(normalize_tag(t) for t in tags) if t]
    if not clean:
        raise AnnotationError("no tag given")
    added = []
    with write_transaction(db):
        _check_entity(db, entity_type, entity_id)
        for tag in clean:
            cursor = db.execute(
                "INSERT OR IGNORE INTO tags (entity_type, entity_id, tag) VALUES (?, ?, ?)",
                [entity_type, entity_id, tag],
            )
            if cursor.rowcount:
                added.append(tag)
    return added


def remove_tags(db: sqlite_utils.Database, entity_type: str, entity_id: int, tags: list[str]) -> list[str]:
    """Remove tags; returns the tags that were there."""
    removed = []
    with write_transaction(db):
        for tag in dict.fromkeys(normalize_tag(t) for t in tags):
            cursor = db.execute(
                "DELETE FROM tags WHERE entity_type = ? AND entity_id = ? AND tag = ?",
                [entity_type, entity_id, tag],
            )
            if cursor.rowcount:
                removed.append(tag)
    return removed


def entity_tags(db: sqlite_utils.Database, entity_type: str, entity_id: int) -> list[str]:
    """An entity's tags, sorted."""
    rows = db.execute(
        "SELECT tag FROM tags WHERE entity_type = ? AND entity_id = ? ORDER BY tag", [entity_type, entity_id]
    ).fetchall()
    return [r[0] for r in rows]


def tag_counts(db: sqlite_utils.Database) -> list[tuple[str, int]]:
    """Every tag in use with how many entities carry it, by tag."""
    return [tuple(r) for r in db.execute("SELECT tag, COUNT(*) FROM tags GROUP BY tag ORDER BY tag").fetchall()]


def validate_fields(entity_type: str, fields: dict[str, str | None]) -> dict[str, str | None]:
    """Trim and check edited fields; raises AnnotationError with a one-line reason."""
    allowed = EDITABLE_FIELDS[entity_type]
    clean: dict[str, str | None] = {}
    for key, value in fields.items():
        if key not in allowed:
            raise AnnotationError(f"'{key}' cannot be edited on a {entity_type}")
        value = " ".join(strip_control(value or "").split()) or None
        if key == "name" and not value:
            raise AnnotationError("the name cannot be empty")
        if key == "email" and value and not EMAIL_RE.match(value):
            raise AnnotationError(f"'{value}' does not look like an email address")
        if key == "phone" and value and not PHONE_RE.match(value):
            raise AnnotationError(f"'{value}' does not look like a phone number")
        clean[key] = value
    return clean


def update_entity(db: sqlite_utils.Database, entity_type: str, entity_id: int, fields: dict) -> dict:
    """Apply the user's edits; changed fields are recorded in `user_edited` so re-imports keep them.

    A changed name keeps the old one as an alias, so documents still resolve to this record.
    Returns the fields that changed.
    """
    clean = validate_fields(entity_type, fields)
    table = TABLE_OF[entity_type]
    with write_transaction(db):
        _check_entity(db, entity_type, entity_id)
        cursor = db.execute(f"SELECT * FROM {table} WHERE id = ?", [entity_id])
        row = dict(zip([c[0] for c in cursor.description], cursor.fetchone()))
        changed = {k: v for k, v in clean.items() if row.get(k) != v}
        if not changed:
            return {}
        edited = {f for f in (row.get("user_edited") or "").split(",") if f} | set(changed)
        sets = dict(changed, user_edited=",".join(sorted(edited)))
        if "name" in changed:
            sets["name_key"] = fold(changed["name"])
            for alias in (row["name"], changed["name"]):
                db.execute(
                    "INSERT OR IGNORE INTO aliases (entity_type, entity_id, alias, alias_key) VALUES (?, ?, ?, ?)",
                    [entity_type, entity_id, alias, compact_key(alias)],
                )
        assignments = ", ".join(f"[{k}] = ?" for k in sets)
        db.execute(f"UPDATE {table} SET {assignments} WHERE id = ?", [*sets.values(), entity_id])
    return changed
