"""Merging two records of the same real entity into one, in one transaction.

Everything that points at the merged-away record moves to the survivor: rows of every table
with a foreign key to the entity's table (affiliations, memberships, initiative_organizations
and any table a later migration adds) and rows of every table keyed by
(entity_type, entity_id) (aliases, notes, tags, mentions, ...). The merged-away name becomes an
alias of the survivor so documents keep resolving to it.
"""

from __future__ import annotations

import sqlite_utils

from db.journal import journaled
from db.judgements import apply_after_merge
from db.textnorm import compact_key

TABLE_OF = {"person": "people", "organization": "organizations", "initiative": "initiatives"}
# Fields of the survivor filled from the merged-away record when the survivor has none.
FILLABLE = {"person": ("title", "email", "phone"), "organization": ("acronym",), "initiative": ("acronym", "kind")}


class MergeError(ValueError):
    """A merge that cannot be done; the message is one line for the user."""


def _columns(db: sqlite_utils.Database, table: str) -> list[str]:
    return [r[1] for r in db.execute(f"PRAGMA table_info([{table}])").fetchall()]


def _primary_key(db: sqlite_utils.Database, table: str) -> list[str]:
    rows = db.execute(f"PRAGMA table_info([{table}])").fetchall()
    return [r[1] for r in sorted(rows, key=lambda r: r[5]) if r[5]]


def _referencing(db: sqlite_utils.Database, table: str) -> list[tuple[str, str]]:
    """(table, column) pairs with a foreign key to `table`."""
    found = []
    for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
        for fk in db.execute(f"PRAGMA foreign_key_list([{name}])").fetchall():
            if fk[2] == table:
                found.append((name, fk[3]))
    return found


def _entity_keyed(db: sqlite_utils.Database) -> list[str]:
    """Tables with entity_type and entity_id columns (aliases, notes, tags, mentions, ...).

    The search index (`search_*`) is left out: its triggers on the entity and alias tables
    already move and drop its keys as the rows below change.
    """
    names = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()]
    return [
        n
        for n in names
        if not n.startswith(("search_", "sqlite_")) and {"entity_type", "entity_id"} <= set(_columns(db, n))
    ]


def entity_keyed_tables(db: sqlite_utils.Database) -> list[str]:
    """Tables keyed by (entity_type, entity_id), without the search index (see `_entity_keyed`)."""
    return _entity_keyed(db)


def _move(db, table: str, column: str, from_id: int, into_id: int, extra: str = "", params=()) -> None:
    """Repoint `column` from from_id to into_id. Rows that would collide with one the survivor
    already has are folded into it: the survivor's empty fields are filled, then they are dropped."""
    db.execute(
        f"UPDATE OR IGNORE [{table}] SET [{column}] = ? WHERE [{column}] = ? {extra}",
        [into_id, from_id, *params],
    )
    key = [c for c in _primary_key(db, table) if c != column]
    cursor = db.execute(f"SELECT * FROM [{table}] WHERE [{column}] = ? {extra}", [from_id, *params])
    cols = [c[0] for c in cursor.description]
    for values in cursor.fetchall():
        row = dict(zip(cols, values))
        others = [c for c in cols if c not in key and c != column and row[c] is not None]
        if key and others:
            match = " AND ".join(f"[{c}] IS ?" for c in key)
            sets = ", ".join(f"[{c}] = COALESCE([{c}], ?)" for c in others)
            db.execute(
                f"UPDATE [{table}] SET {sets} WHERE [{column}] = ? AND {match}",
                [*(row[c] for c in others), into_id, *(row[c] for c in key)],
            )
    db.execute(f"DELETE FROM [{table}] WHERE [{column}] = ? {extra}", [from_id, *params])


def merge_entities(db: sqlite_utils.Database, entity_type: str, from_id: int, into_id: int) -> dict:
    """Merge record `from_id` into `into_id` (same type) and delete `from_id`.

    Returns the survivor's row. Raises MergeError for an unknown type, a missing record or
    merging a record into itself.
    """
    if entity_type not in TABLE_OF:
        raise MergeError(f"unknown entity type '{entity_type}'")
    if from_id == into_id:
        raise MergeError("cannot merge a record into itself")
    table = TABLE_OF[entity_type]
    with journaled(db, "merge", f"Merged {entity_type} #{from_id} into #{into_id}") as entry:
        rows = {}
        for rid in (from_id, into_id):
            cursor = db.execute(f"SELECT * FROM [{table}] WHERE id = ?", [rid])
            values = cursor.fetchone()
            if values is None:
                raise MergeError(f"no {entity_type} with id {rid}")
            rows[rid] = dict(zip([c[0] for c in cursor.description], values))
        gone, survivor = rows[from_id], rows[into_id]
        entry["description"] = f"Merged {entity_type} {gone['name']} into {survivor['name']}"

        for ref_table, column in _referencing(db, table):
            _move(db, ref_table, column, from_id, into_id)
        for keyed in _entity_keyed(db):
            _move(db, keyed, "entity_id", from_id, into_id, "AND entity_type = ?", [entity_type])

        for alias in (gone["name"], survivor["name"]):
            db.execute(
                "INSERT OR IGNORE INTO aliases (entity_type, entity_id, alias, alias_key) VALUES (?, ?, ?, ?)",
                [entity_type, into_id, alias, compact_key(alias)],
            )
        fill = {f: gone[f] for f in FILLABLE[entity_type] if not survivor.get(f) and gone.get(f)}
        if fill:
            sets = ", ".join(f"[{k}] = ?" for k in fill)
            db.execute(f"UPDATE [{table}] SET {sets} WHERE id = ?", [*fill.values(), into_id])
        db.execute(f"DELETE FROM [{table}] WHERE id = ?", [from_id])
        apply_after_merge(db, entity_type, from_id, into_id)  # the user's judgements follow
        cursor = db.execute(f"SELECT * FROM [{table}] WHERE id = ?", [into_id])
        return dict(zip([c[0] for c in cursor.description], cursor.fetchone()))
