"""The journal behind `undo`: every correction recorded with exactly what undoes it.

`journaled(db, action, description)` wraps a write in one transaction and captures, with
temporary triggers on this connection, every row it inserted, deleted or updated in the
directory's tables (cascades included). The captured rows are stored as JSON in `journal`;
`undo_last` replays them backwards: inserted rows are deleted, deleted rows put back, updated
columns set back (only where they still hold the value the change wrote, so a later edit of
another field is kept). Derived tables (the search index, organization links) are not
captured: their own triggers follow the rows put back.
"""

from __future__ import annotations

import contextlib
import json
from datetime import datetime, timezone
from typing import Iterator

import sqlite_utils

from db.connection import write_transaction

KEEP_ENTRIES = 500  # the oldest journal entries beyond this are dropped
_NOT_CAPTURED_PREFIXES = ("sqlite_", "search_")
_NOT_CAPTURED = {"schema_migrations", "journal", "initiative_organization_links"}
_CAPTURE_TABLE = "temp.journal_capture"


class JournalError(ValueError):
    """Nothing could be undone; the message is one line for the user."""


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def captured_tables(db: sqlite_utils.Database) -> dict[str, tuple[list[str], list[str]]]:
    """{table: (columns, key columns)} of every table whose changes are journaled; tables
    without a primary key are keyed by rowid."""
    rows = db.execute("SELECT name, sql FROM main.sqlite_master WHERE type = 'table'").fetchall()
    virtual = [name for name, sql in rows if (sql or "").upper().startswith("CREATE VIRTUAL")]
    out = {}
    for name, sql in rows:
        if name in _NOT_CAPTURED or name.startswith(_NOT_CAPTURED_PREFIXES) or name in virtual:
            continue
        if any(name.startswith(v + "_") for v in virtual):
            continue
        info = db.execute(f"PRAGMA main.table_info([{name}])").fetchall()
        cols = [r[1] for r in info]
        keys = [r[1] for r in sorted(info, key=lambda r: r[5]) if r[5]] or ["rowid"]
        out[name] = (cols, keys)
    return out


def _json_of(prefix: str, cols: list[str], keys: list[str]) -> str:
    names = list(dict.fromkeys(cols + [k for k in keys if k == "rowid"]))
    return "json_object(" + ", ".join(f"'{c}', {prefix}.[{c}]" for c in names) + ")"


def _install(db: sqlite_utils.Database, tables: dict) -> list[str]:
    db.execute("CREATE TEMP TABLE IF NOT EXISTS journal_capture (seq INTEGER PRIMARY KEY, tbl TEXT, op TEXT, old TEXT, new TEXT)")
    db.execute(f"DELETE FROM {_CAPTURE_TABLE}")
    names = []
    for table, (cols, keys) in tables.items():
        old, new = _json_of("OLD", cols, keys), _json_of("NEW", cols, keys)
        for op, values in (("insert", f"NULL, {new}"), ("delete", f"{old}, NULL"), ("update", f"{old}, {new}")):
            name = f"journal_{op}_{table}"
            db.execute(
                f"CREATE TEMP TRIGGER IF NOT EXISTS [{name}] AFTER {op.upper()} ON [{table}] BEGIN "
                f"INSERT INTO journal_capture (tbl, op, old, new) VALUES ('{table}', '{op}', {values}); END"
            )
            names.append(name)
    return names


@contextlib.contextmanager
def journaled(db: sqlite_utils.Database, action: str, description: str) -> Iterator[dict]:
    """Run the body in one write transaction and journal what it changed.

    The body may set `entry["description"]` to a better description once it knows more.
    Nothing is journaled when the body changed nothing. Nested use joins the outer entry.
    """
    entry = {"description": description}
    if getattr(db, "_journal_depth", 0):
        yield entry
        return
    with write_transaction(db):
        tables = captured_tables(db)
        triggers = _install(db, tables)
        db._journal_depth = 1
        try:
            yield entry
            changes = [
                [tbl, op, json.loads(old) if old else None, json.loads(new) if new else None]
                for tbl, op, old, new in db.execute(f"SELECT tbl, op, old, new FROM {_CAPTURE_TABLE} ORDER BY seq")
            ]
        finally:
            db._journal_depth = 0
            for name in triggers:
                db.execute(f"DROP TRIGGER IF EXISTS temp.[{name}]")
            db.execute(f"DELETE FROM {_CAPTURE_TABLE}")
        if changes:
            db.execute(
                "INSERT INTO journal (at, action, description, changes) VALUES (?, ?, ?, ?)",
                [_now(), action, entry["description"], json.dumps(changes, ensure_ascii=False)],
            )
            db.execute(
                "DELETE FROM journal WHERE id <= (SELECT MAX(id) FROM journal) - ?", [KEEP_ENTRIES]
            )


def journal_position(db: sqlite_utils.Database) -> int:
    """The id of the newest journal entry (0 when empty): record it to undo only what came after."""
    return db.execute("SELECT COALESCE(MAX(id), 0) FROM journal").fetchone()[0]


def journal_entries(db: sqlite_utils.Database, limit: int = 20) -> list[dict]:
    """The newest journal entries (id, at, action, description, undone_at), newest first."""
    cursor = db.execute(
        "SELECT id, at, action, description, undone_at FROM journal ORDER BY id DESC LIMIT ?", [limit]
    )
    cols = [c[0] for c in cursor.description]
    return [dict(zip(cols, r)) for r in cursor.fetchall()]


def _where(keys: list[str], row: dict) -> tuple[str, list]:
    return " AND ".join(f"[{k}] IS ?" for k in keys), [row[k] for k in keys]


def _revert(db: sqlite_utils.Database, tables: dict, table: str, op: str, old: dict | None, new: dict | None) -> None:
    if table not in tables:
        return  # a table dropped since: nothing to put back
    cols, keys = tables[table]
    if op == "insert":
        where, params = _where(keys, new)
        db.execute(f"DELETE FROM [{table}] WHERE {where}", params)
        return
    if op == "delete":
        where, params = _where(keys, old)
        present = [c for c in old if c in cols or c == "rowid"]
        if db.execute(f"SELECT 1 FROM [{table}] WHERE {where}", params).fetchone():
            sets = ", ".join(f"[{c}] = ?" for c in present if c not in keys)
            if sets:
                db.execute(f"UPDATE [{table}] SET {sets} WHERE {where}", [old[c] for c in present if c not in keys] + params)
        else:
            names = ", ".join(f"[{c}]" for c in present)
            db.execute(f"INSERT INTO [{table}] ({names}) VALUES ({', '.join('?' * len(present))})", [old[c] for c in present])
        return
    # update: set back the columns the change wrote, where they still hold what it wrote
    where, params = _where(keys, new)
    cursor = db.execute(f"SELECT * FROM [{table}] WHERE {where}", params)
    row = cursor.fetchone()
    if row is None:
        return
    current = dict(zip([c[0] for c in cursor.description], row))
    changed = [c for c in old if c in current and old[c] != new.get(c) and current[c] == new.get(c)]
    if changed:
        db.execute(
            f"UPDATE [{table}] SET {', '.join(f'[{c}] = ?' for c in changed)} WHERE {where}",
            [old[c] for c in changed] + params,
        )


def undo_last(db: sqlite_utils.Database, since_id: int | None = None) -> str | None:
    """Undo the newest journal entry not undone yet (only one newer than `since_id` when
    given) and return its description; None when there is nothing to undo."""
    with write_transaction(db):
        row = db.execute(
            "SELECT id, description, changes FROM journal WHERE undone_at IS NULL AND id > ?"
            " ORDER BY id DESC LIMIT 1",
            [since_id or 0],
        ).fetchone()
        if row is None:
            return None
        entry_id, description, changes = row
        tables = captured_tables(db)
        db.execute("PRAGMA defer_foreign_keys = ON")  # rows come back in reverse order, parents last
        for table, op, old, new in reversed(json.loads(changes)):
            _revert(db, tables, table, op, old, new)
        db.execute("UPDATE journal SET undone_at = ? WHERE id = ?", [_now(), entry_id])
    return description
