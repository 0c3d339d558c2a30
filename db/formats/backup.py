"""The whole directory as one JSON file, and restoring it into an empty database.

`export --format backup` writes every user table (found by introspecting the schema, so a
table a later migration adds is included without changing this module) with its columns and
rows; `import FILE.json` restores it into an empty directory. Derived tables (the search
index, `initiative_organization_links`, ...) are left out: the triggers rebuild them as the
rows go back in. Exporting the restored directory again gives the same file, byte for byte.

File shape (keys in this order; tables in name order, rows in rowid / primary-key order)::

    {"stakeholders_backup": 1, "schema_version": 5, "database_created": "...",
     "tables": {"affiliations": {"columns": [...], "rows": [[...], ...]}, ...}}

A BLOB value is written as {"base64": "..."}; everything else is a JSON scalar.
"""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path
from typing import Iterator, TextIO

import sqlite_utils

BACKUP_FORMAT = 1
MARKER = "stakeholders_backup"
# Tables rebuilt from the others (or bookkeeping), never written to a backup. Tables whose
# name starts with one of DERIVED_PREFIXES and every virtual table (with its shadow tables)
# are left out too.
DERIVED_TABLES = {"initiative_organization_links", "schema_migrations", "seeding_pending"}
DERIVED_PREFIXES = ("search_", "sqlite_")


class BackupError(Exception):
    """A backup that cannot be restored here; the message is one line for the user."""


def _virtual_tables(db: sqlite_utils.Database) -> set[str]:
    return {
        r[0]
        for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'")
    }


def backup_tables(db: sqlite_utils.Database) -> list[str]:
    """The user tables of `db`, in name order: every table but the derived ones."""
    virtual = _virtual_tables(db)
    names = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    return [
        n for n in names
        if n not in DERIVED_TABLES
        and not n.startswith(DERIVED_PREFIXES)
        and n not in virtual
        and not any(n.startswith(v + "_") for v in virtual)
    ]


def _columns(db: sqlite_utils.Database, table: str) -> list[str]:
    return [r[1] for r in db.execute(f"PRAGMA table_info([{table}])")]


def _has_rowid(db: sqlite_utils.Database, table: str) -> bool:
    sql = db.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", [table]).fetchone()[0] or ""
    return "WITHOUT ROWID" not in sql.upper()


def _order(db: sqlite_utils.Database, table: str) -> str:
    """Rows in insertion order (rowid), or by primary key for a WITHOUT ROWID table."""
    if _has_rowid(db, table):
        return "rowid"
    pk = [r[1] for r in sorted(db.execute(f"PRAGMA table_info([{table}])"), key=lambda r: r[5]) if r[5]]
    return ", ".join(f"[{c}]" for c in pk) or "1"


def _encode(value):
    if isinstance(value, bytes):
        return {"base64": base64.b64encode(value).decode("ascii")}
    return value


def _decode(value):
    if isinstance(value, dict) and set(value) == {"base64"}:
        return base64.b64decode(value["base64"])
    return value


def _created(db: sqlite_utils.Database) -> str | None:
    row = db.execute("SELECT applied_at FROM schema_migrations WHERE version = 1").fetchone()
    return row[0] if row else None


# Characters a terminal would act on or hide (C1 controls, DEL, bidi and zero-width marks, line
# separators), written as \\u escapes so the file is safe to print and still lossless.
_INVISIBLE = re.compile("[\x7f-\x9f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")


def _dumps(value) -> str:
    return _INVISIBLE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(value, ensure_ascii=False))


def write_backup(db: sqlite_utils.Database, out: TextIO) -> dict[str, int]:
    """Write the whole directory to `out` as a backup (streamed, one row per line);
    returns {table: rows written}."""
    from db.migrations import current_version

    conn = db.conn
    own = not conn.in_transaction
    if own:
        conn.execute("BEGIN")  # one read transaction: a consistent snapshot of every table (WAL)
    try:
        return _write_tables(db, out, current_version(db))
    finally:
        if own and conn.in_transaction:
            conn.execute("COMMIT")


def _write_tables(db: sqlite_utils.Database, out: TextIO, version: int) -> dict[str, int]:
    dumps = _dumps
    out.write("{" + f'"{MARKER}": {BACKUP_FORMAT}, "schema_version": {version}, '
              f'"database_created": {dumps(_created(db))},\n"tables": {{')
    counts: dict[str, int] = {}
    for t_index, table in enumerate(backup_tables(db)):
        columns = _columns(db, table)
        out.write(("," if t_index else "") + f"\n{dumps(table)}: {{\"columns\": {dumps(columns)}, \"rows\": [")
        cursor = db.conn.cursor()
        try:
            cursor.execute(f"SELECT {', '.join(f'[{c}]' for c in columns)} FROM [{table}] ORDER BY {_order(db, table)}")
            count = 0
            for row in cursor:
                out.write(("," if count else "") + "\n" + dumps([_encode(v) for v in row]))
                count += 1
        finally:
            cursor.close()
        out.write("\n]}" if count else "]}")
        counts[table] = count
    out.write("\n}}\n")
    return counts


def is_backup(data) -> bool:
    """True for a parsed JSON value that is a stakeholders backup."""
    return isinstance(data, dict) and MARKER in data


def _restore_order(db: sqlite_utils.Database, tables: list[str]) -> list[str]:
    """`tables` with every table after the tables its foreign keys reference."""
    wanted = set(tables)
    deps = {t: {r[2] for r in db.execute(f"PRAGMA foreign_key_list([{t}])")} & wanted - {t} for t in tables}
    ordered: list[str] = []
    while deps:
        ready = sorted(t for t, d in deps.items() if not d - set(ordered))
        if not ready:  # a cycle: the rest in name order (foreign keys are checked at commit anyway)
            ready = sorted(deps)
        for t in ready:
            ordered.append(t)
            del deps[t]
    return ordered


def _occupied(db: sqlite_utils.Database, tables: list[str]) -> list[str]:
    return [f"{n} {t}" for t in tables if (n := db.execute(f"SELECT COUNT(*) FROM [{t}]").fetchone()[0])]


def restore_backup(db: sqlite_utils.Database, data: dict) -> dict[str, int]:
    """Put the rows of a parsed backup into `db`, which must hold no user data, in one
    transaction; returns {table: rows restored}. Raises BackupError (nothing written) for a
    backup of a newer release, an unknown table, or a directory that is not empty."""
    from db.connection import write_transaction
    from db.migrations import LATEST_VERSION

    if data.get(MARKER) != BACKUP_FORMAT or not isinstance(data.get("tables"), dict):
        raise BackupError("not a backup this release can read (unknown backup format)")
    if int(data.get("schema_version") or 0) > LATEST_VERSION:
        raise BackupError(
            f"made by a newer release of stakeholders (schema version {data['schema_version']}; "
            f"this one knows up to {LATEST_VERSION}); upgrade stakeholders to restore it"
        )
    here = set(backup_tables(db))
    unknown = sorted(set(data["tables"]) - here)
    if unknown:
        raise BackupError(f"holds tables this database does not have: {', '.join(unknown)}")
    counts: dict[str, int] = {}
    with write_transaction(db):
        occupied = _occupied(db, sorted(here))
        if occupied:
            raise BackupError(
                f"the directory is not empty ({', '.join(occupied[:4])}); restore a backup into a new "
                "database: stakeholders --db NEW.db import BACKUP.json"
            )
        order = _restore_order(db, list(data["tables"]))
        for table in order:
            counts[table] = _restore_table(db, table, data["tables"][table])
        for _ in range(3):  # a trigger of a later table wrote into an earlier one: put it back
            off = [t for t in order if db.execute(f"SELECT COUNT(*) FROM [{t}]").fetchone()[0] != counts[t]]
            if not off:
                break
            for table in off:
                _restore_table(db, table, data["tables"][table])
        if data.get("database_created"):  # the same vCard UIDs as the directory backed up
            db.execute("UPDATE schema_migrations SET applied_at = ? WHERE version = 1", [data["database_created"]])
    return {t: n for t, n in counts.items() if n}


def _restore_table(db: sqlite_utils.Database, table: str, block: dict) -> int:
    """Insert one table's rows; columns this schema no longer has are refused, columns the
    backup lacks (an older release) take their defaults. Rows a trigger wrote while restoring
    other tables are replaced or removed, so the table ends up exactly as backed up."""
    columns, rows = block.get("columns") or [], block.get("rows") or []
    known = set(_columns(db, table))
    missing = [c for c in columns if c not in known]
    if missing:
        raise BackupError(f"table {table} has columns this database does not have: {', '.join(missing)}")
    db.execute(f"DELETE FROM [{table}]")  # rows triggers wrote while restoring the tables before it
    sql = f"INSERT OR REPLACE INTO [{table}] ({', '.join(f'[{c}]' for c in columns)}) VALUES ({', '.join('?' * len(columns))})"
    db.conn.executemany(sql, ([_decode(v) for v in row] for row in _checked(rows, len(columns), table)))
    return len(rows)


def _checked(rows: list, width: int, table: str) -> Iterator[list]:
    for row in rows:
        if not isinstance(row, list) or len(row) != width:
            raise BackupError(f"table {table} has a row that does not match its columns")
        yield row


def read_json_file(path: Path):
    """The parsed JSON of a file (a backup, or a list of people as `export --format json` writes)."""
    from db.formats.readers import decode_text, read_regular_file

    text = decode_text(read_regular_file(path, MAX_BACKUP_BYTES))
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise BackupError(f"not valid JSON ({exc.msg} at line {exc.lineno})") from None


MAX_BACKUP_BYTES = 2 << 30  # a backup holds every document's text


def import_json(db: sqlite_utils.Database, path: Path):
    """Import a `.json` file: a backup is restored (into an empty directory only), a list of
    people (`export --format json`) is merged like a contact list. Never raises for a bad file:
    returns a `ContactsResult` with status "error" and a one-line message, nothing written."""
    from db.formats.contacts import ContactsResult, import_contact_records, read_json_contacts
    from db.formats.readers import DocumentError

    path = Path(path)
    try:
        data = read_json_file(path)
        if is_backup(data):
            return ContactsResult(path, "imported", "restored", restore_backup(db, data))
    except (BackupError, DocumentError) as exc:
        return ContactsResult(path, "error", f"{path}: {exc}")
    if not isinstance(data, list):
        return ContactsResult(path, "error", f"{path}: not a stakeholders backup nor a JSON export of people")
    return import_contact_records(db, path, read_json_contacts(data))


def looks_like_backup(path: Path) -> bool:
    """True when the file at `path` starts like a backup (read before the database is opened,
    so a new database restoring one is not seeded first)."""
    from db.formats.readers import DocumentError, read_regular_file

    try:
        head = read_regular_file(Path(path), MAX_BACKUP_BYTES, head=64)  # never blocks on a FIFO
    except (DocumentError, OSError):
        return False
    return head.lstrip(b"\xef\xbb\xbf \r\n\t").startswith(b'{"' + MARKER.encode())
