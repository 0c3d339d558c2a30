"""Opening the database: validation, pragmas, migrations and write transactions."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path
from typing import Callable, Iterator

import sqlite_utils

BUSY_TIMEOUT_MS = 15_000
# SQLite writes `<file>-wal` and `<file>-shm` next to the database, so its folder must be writable.
_FOLDER_HINT = " (the database and its folder must be writable)"


class DatabaseError(Exception):
    """A database that cannot be opened or used; the message is one line for the user."""


def _check_is_sqlite(path: Path) -> None:
    """Refuse a directory. Whether a file is SQLite at all is left to SQLite itself (it reads the
    header and refuses with "file is not a database" before anything is written): opening the
    file here with open()/close() would drop the POSIX locks every other connection of this
    process holds on it, and another process could then delete the WAL under them (see
    https://www.sqlite.org/howtocorrupt.html, "Posix advisory locks canceled")."""
    if path.is_dir():
        raise DatabaseError(f"{path} is a directory, not a database file")


def _check_is_ours(db: sqlite_utils.Database, path: Path | None) -> None:
    """Refuse a SQLite database that belongs to another program (tables, but not ours):
    running migrations would write our tables into it."""
    tables = set(db.table_names())
    if tables and "schema_migrations" not in tables:
        raise DatabaseError(
            f"{path} is a SQLite database of another program (no stakeholders schema); refusing to change it"
        )


def open_db(
    path: str | Path | None,
    *,
    migrate: bool = True,
    on_create: Callable[[sqlite_utils.Database], None] | None = None,
) -> sqlite_utils.Database:
    """Open (creating if needed) the directory database at `path` and bring its schema up to date.

    `path=None` or ":memory:" opens an in-memory database (tests). Raises DatabaseError
    with a one-line message for a file that is not SQLite, an unwritable location, etc.
    `on_create(db)` runs when the database has no schema yet, in the transaction that
    writes its first tables (see `db.migrations.migrate`).
    """
    from db.migrations import LATEST_VERSION, current_version

    if path is None or str(path) == ":memory:":
        db = sqlite_utils.Database(memory=True)
    else:
        path = Path(path).expanduser()
        _check_is_sqlite(path)
        if not path.exists() and not path.parent.is_dir():  # a mistyped path, not a new directory
            raise DatabaseError(f"no folder {path.parent} for the database {path.name}; create it first or check the path")
        try:
            conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
            db = sqlite_utils.Database(conn)
        except sqlite3.Error as exc:
            raise DatabaseError(f"cannot open {path}: {exc}{_FOLDER_HINT}") from None
    try:
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        db.execute("PRAGMA foreign_keys = ON")
        _check_is_ours(db, path)
        if not db.memory:
            mode = db.execute("PRAGMA journal_mode").fetchone()[0]
            if mode != "wal":
                with db.ensure_autocommit_on():
                    db.execute("PRAGMA journal_mode = wal")
        version = current_version(db)
        if version > LATEST_VERSION:
            raise DatabaseError(
                f"{path} was made by a newer release of stakeholders (schema version {version}; "
                f"this one knows up to {LATEST_VERSION}); upgrade stakeholders to open it"
            )
        if migrate:
            _upgrade(db, path, version, on_create)
            from db.search_index import refresh_on_open

            refresh_on_open(db)  # keys of rows another tool wrote (usually nothing to do)
    except DatabaseError:
        db.close()
        raise
    except sqlite3.DatabaseError as exc:
        db.close()
        msg = str(exc)
        if "not a database" in msg:
            raise DatabaseError(f"{path} is not a SQLite database; refusing to touch it") from None
        if "readonly" in msg or "unable to open" in msg:
            raise DatabaseError(f"cannot write to the database at {path}: {msg}{_FOLDER_HINT}") from None
        if "locked" in msg or "busy" in msg:
            raise DatabaseError(f"the database at {path} stayed busy: {msg}; try again") from None
        raise DatabaseError(f"{path} cannot be used as a database: {msg}") from None
    return db


def _upgrade(
    db: sqlite_utils.Database,
    path: Path | None,
    version: int,
    on_create: Callable[[sqlite_utils.Database], None] | None = None,
) -> None:
    """Run pending migrations; a failing one (each runs in its own transaction, rolled back)
    becomes a one-line DatabaseError that says the data is safe."""
    from db.migrations import migrate as run_migrations

    try:
        run_migrations(db, on_create)
    except sqlite3.DatabaseError:
        raise
    except Exception as exc:  # noqa: BLE001 - a bug in a migration must not leave a traceback
        reached = _current_version_safe(db)
        raise DatabaseError(
            f"upgrading {path} to schema version {reached + 1} failed ({type(exc).__name__}: {exc}); "
            f"it was left at version {reached}"
            + (f", and a backup of it is at {path}.bak-{version}" if version and path else "")
        ) from None


def _current_version_safe(db: sqlite_utils.Database) -> int:
    """The schema version, or 0 when it cannot be read."""
    from db.migrations import current_version

    try:
        return current_version(db)
    except sqlite3.Error:
        return 0


@contextlib.contextmanager
def write_transaction(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """A write transaction taken with BEGIN IMMEDIATE, so concurrent writers wait on the
    busy timeout instead of failing with "database is locked" on lock upgrade.

    Nested use becomes a savepoint.
    """
    conn = db.conn
    if conn.in_transaction:
        with db.atomic():
            yield db
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    else:
        conn.execute("COMMIT")


def data_version(db: sqlite_utils.Database) -> int:
    """SQLite's `PRAGMA data_version`: changes whenever another connection commits.

    Cheap enough to poll every few seconds to notice writes from other processes.
    """
    return db.execute("PRAGMA data_version").fetchone()[0]
