"""The stored search keys and their two FTS5 indexes, kept in sync by SQLite triggers.

`search_keys` holds one row per searchable spelling of an entity: its name (the folded
`name_key` column the writer already stores), each alias (`aliases.alias_key`) and an
organization's or initiative's acronym. Triggers on the entity and alias tables keep it
current, so no writer needs to know about search. An external-content FTS5 table,
`search_words` (unicode61, diacritics removed, prefix indexes for 2 and 3 letters), indexes
the key text for exact and prefix matches on whole tokens; its vocabulary (the distinct
tokens) is what typo-tolerant matching compares a query against.

Keys are folded once, on write; a query is folded once, and nothing is folded per row.

Two side tables (schema version 4, `install_key_upkeep`):

- `search_vocabulary(word, keys)`: each distinct word of the keys and how many keys hold it,
  kept by the `search_keys` triggers (words split in SQL with json_each), so a new process
  reads the typo-matching vocabulary from one small table instead of walking the whole FTS5
  index (`fts5vocab`: about 200 ms at 1M people).
- `search_stale(entity_type, entity_id)`: entities whose folded keys lag their stored names,
  because something other than stakeholders wrote them (Datasette, the sqlite-utils CLI: a
  row inserted without `name_key`, a `name` changed without it). Triggers mark them and index
  the SQL fallback `lower(name)` meanwhile; `refresh_stale_keys` (run on open) recomputes
  the keys in Python, and the search engine folds a marked entity's keys until then.
"""

from __future__ import annotations

import contextlib
from typing import Iterator

import sqlite_utils

_ENTITY_TABLES = {"person": "people", "organization": "organizations", "initiative": "initiatives"}

# lower() is a fallback for rows written without a key: SQLite folds ASCII case only,
# the unicode61 index still folds accents and case for word matches.
_NAME_KEY = "COALESCE(NULLIF(NEW.name_key, ''), lower(NEW.name))"
_ALIAS_INSERT = """
        INSERT INTO search_keys (entity_type, entity_id, kind, key) VALUES (NEW.entity_type,
        NEW.entity_id, 'alias', COALESCE(NULLIF(NEW.alias_key, ''), lower(NEW.alias)));"""
_ALIAS_DELETE = """
        DELETE FROM search_keys WHERE id = (SELECT id FROM search_keys
        WHERE entity_type = OLD.entity_type AND entity_id = OLD.entity_id AND kind = 'alias'
        AND key = COALESCE(NULLIF(OLD.alias_key, ''), lower(OLD.alias)) LIMIT 1);"""


def _entity_triggers(etype: str, table: str, has_acronym: bool) -> str:
    acronym_insert = (
        f"INSERT INTO search_keys (entity_type, entity_id, kind, key)"
        f" SELECT '{etype}', NEW.id, 'acronym', lower(trim(NEW.acronym))"
        f" WHERE trim(COALESCE(NEW.acronym, '')) != '';"
    )
    update_cols = "name, name_key, acronym" if has_acronym else "name, name_key"
    return f"""
    CREATE TRIGGER search_{table}_ai AFTER INSERT ON {table} BEGIN
        INSERT INTO search_keys (entity_type, entity_id, kind, key)
        VALUES ('{etype}', NEW.id, 'name', {_NAME_KEY});
        {acronym_insert if has_acronym else ''}
    END;
    CREATE TRIGGER search_{table}_au AFTER UPDATE OF {update_cols} ON {table} BEGIN
        DELETE FROM search_keys
        WHERE entity_type = '{etype}' AND entity_id = OLD.id AND kind IN ('name', 'acronym');
        INSERT INTO search_keys (entity_type, entity_id, kind, key)
        VALUES ('{etype}', NEW.id, 'name', {_NAME_KEY});
        {acronym_insert if has_acronym else ''}
    END;
    CREATE TRIGGER search_{table}_ad AFTER DELETE ON {table} BEGIN
        DELETE FROM search_keys WHERE entity_type = '{etype}' AND entity_id = OLD.id;
    END;
    """


# content="search_keys" in double quotes: the spelling sqlite-utils' detect_fts() and Datasette
# look for (content=[...] or content="..."), so both see the index (`_search=` works).
FTS_DECLARATION = """
    CREATE VIRTUAL TABLE search_words USING fts5(
        key, content="search_keys", content_rowid='id',
        tokenize="unicode61 remove_diacritics 2", prefix='2 3', detail='none'
    );
"""

SCHEMA = (
    """
    CREATE TABLE search_keys (
        id INTEGER PRIMARY KEY,
        entity_type TEXT NOT NULL,
        entity_id INTEGER NOT NULL,
        kind TEXT NOT NULL,            -- 'name', 'alias' or 'acronym'
        key TEXT NOT NULL              -- accent- and case-folded spelling
    );
    CREATE INDEX idx_search_keys_entity ON search_keys(entity_type, entity_id);

    """
    + FTS_DECLARATION
    + """

    CREATE TRIGGER search_keys_ai AFTER INSERT ON search_keys BEGIN
        INSERT INTO search_words (rowid, key) VALUES (NEW.id, NEW.key);
    END;
    CREATE TRIGGER search_keys_ad AFTER DELETE ON search_keys BEGIN
        INSERT INTO search_words (search_words, rowid, key) VALUES ('delete', OLD.id, OLD.key);
    END;

    CREATE TRIGGER search_aliases_ai AFTER INSERT ON aliases BEGIN
    """
    + _ALIAS_INSERT
    + """
    END;
    CREATE TRIGGER search_aliases_ad AFTER DELETE ON aliases BEGIN
    """
    + _ALIAS_DELETE
    + """
    END;
    CREATE TRIGGER search_aliases_au AFTER UPDATE ON aliases BEGIN
    """
    + _ALIAS_DELETE
    + _ALIAS_INSERT
    + """
    END;
    """
    + _entity_triggers("person", "people", False)
    + _entity_triggers("organization", "organizations", True)
    + _entity_triggers("initiative", "initiatives", True)
)


def redeclare_fts(db: sqlite_utils.Database) -> None:
    """Migration 9: re-create `search_words` as FTS_DECLARATION declares it (a database made
    before declared its content table in single quotes, invisible to sqlite-utils and Datasette)
    and rebuild it from `search_keys`. The `search_keys` triggers name the table, so they keep
    working on the new one; nothing else changes."""
    sql = db.execute("SELECT sql FROM sqlite_master WHERE name = 'search_words'").fetchone()
    if sql and 'content="search_keys"' in sql[0]:
        return
    db.execute("DROP TABLE IF EXISTS search_words")
    _execute_all(db, FTS_DECLARATION)
    db.execute("INSERT INTO search_words (search_words) VALUES ('rebuild')")


def create_search_index(db: sqlite_utils.Database) -> None:
    """Create the search tables and triggers, then index every entity already present."""
    _execute_all(db, SCHEMA)
    install_key_upkeep(db)
    rebuild_search_index(db)


# The words of a key, split in SQL (CTEs are not allowed in triggers; json_each is). A key that
# does not make a JSON array (quotes, control characters: only in fallback keys) gives none.
def _words_of(expr: str) -> str:
    array = f"""'["' || replace({expr}, ' ', '","') || '"]'"""
    return f"json_each(CASE WHEN json_valid({array}) THEN {array} ELSE '[]' END)"


def _vocabulary_add(expr: str) -> str:
    return (
        f"INSERT INTO search_vocabulary (word, keys) SELECT DISTINCT value, 1 FROM {_words_of(expr)}"
        " WHERE value != '' ON CONFLICT (word) DO UPDATE SET keys = keys + 1;"
    )


def _vocabulary_remove(expr: str) -> str:
    return (
        f"UPDATE search_vocabulary SET keys = keys - 1 WHERE word IN (SELECT value FROM {_words_of(expr)});"
        f" DELETE FROM search_vocabulary WHERE keys <= 0 AND word IN (SELECT value FROM {_words_of(expr)});"
    )


# The key a trigger indexes for a name: the writer's name_key, unless it is empty or the name
# changed without it (then SQLite's lower(name) until `refresh_stale_keys` folds it properly).
_NAME_KEY_INSERT = "CASE WHEN NEW.name_key != '' THEN NEW.name_key ELSE lower(NEW.name) END"
_NAME_KEY_UPDATE = (
    "CASE WHEN NEW.name_key != '' AND (NEW.name_key IS NOT OLD.name_key OR NEW.name IS OLD.name)"
    " THEN NEW.name_key ELSE lower(NEW.name) END"
)
_ALIAS_KEY_INSERT = "CASE WHEN NEW.alias_key != '' THEN NEW.alias_key ELSE lower(NEW.alias) END"
_ALIAS_KEY_UPDATE = (
    "CASE WHEN NEW.alias_key != '' AND (NEW.alias_key IS NOT OLD.alias_key OR NEW.alias IS OLD.alias)"
    " THEN NEW.alias_key ELSE lower(NEW.alias) END"
)
_STALE_NAME = "NEW.name_key = '' OR (NEW.name IS NOT OLD.name AND NEW.name_key IS OLD.name_key)"
_STALE_ALIAS = "NEW.alias_key = '' OR (NEW.alias IS NOT OLD.alias AND NEW.alias_key IS OLD.alias_key)"


def _alias_insert(key: str) -> str:
    return (
        "INSERT INTO search_keys (entity_type, entity_id, kind, key)"
        f" VALUES (NEW.entity_type, NEW.entity_id, 'alias', {key});"
    )


# The row of an alias in search_keys holds either its alias_key or (stale) lower(alias).
_ALIAS_DELETE_V2 = """
        DELETE FROM search_keys WHERE id = (SELECT id FROM search_keys
        WHERE entity_type = OLD.entity_type AND entity_id = OLD.entity_id AND kind = 'alias'
        AND key IN (OLD.alias_key, lower(OLD.alias)) ORDER BY key = OLD.alias_key DESC LIMIT 1);"""


def _upkeep_triggers() -> str:
    parts = [
        f"""
    DROP TRIGGER IF EXISTS search_keys_ai;
    CREATE TRIGGER search_keys_ai AFTER INSERT ON search_keys BEGIN
        INSERT INTO search_words (rowid, key) VALUES (NEW.id, NEW.key);
        {_vocabulary_add("NEW.key")}
    END;
    DROP TRIGGER IF EXISTS search_keys_ad;
    CREATE TRIGGER search_keys_ad AFTER DELETE ON search_keys BEGIN
        INSERT INTO search_words (search_words, rowid, key) VALUES ('delete', OLD.id, OLD.key);
        {_vocabulary_remove("OLD.key")}
    END;
    DROP TRIGGER IF EXISTS search_aliases_ai;
    CREATE TRIGGER search_aliases_ai AFTER INSERT ON aliases BEGIN
        {_alias_insert(_ALIAS_KEY_INSERT)}
        INSERT OR IGNORE INTO search_stale (entity_type, entity_id)
        SELECT NEW.entity_type, NEW.entity_id WHERE NEW.alias_key = '';
    END;
    DROP TRIGGER IF EXISTS search_aliases_ad;
    CREATE TRIGGER search_aliases_ad AFTER DELETE ON aliases BEGIN
        {_ALIAS_DELETE_V2}
    END;
    DROP TRIGGER IF EXISTS search_aliases_au;
    CREATE TRIGGER search_aliases_au AFTER UPDATE ON aliases BEGIN
        {_ALIAS_DELETE_V2}
        {_alias_insert(_ALIAS_KEY_UPDATE)}
        INSERT OR IGNORE INTO search_stale (entity_type, entity_id)
        SELECT NEW.entity_type, NEW.entity_id WHERE {_STALE_ALIAS};
    END;
    """
    ]
    for etype, table in _ENTITY_TABLES.items():
        has_acronym = etype != "person"
        acronym_insert = (
            f"INSERT INTO search_keys (entity_type, entity_id, kind, key)"
            f" SELECT '{etype}', NEW.id, 'acronym', lower(trim(NEW.acronym))"
            f" WHERE trim(COALESCE(NEW.acronym, '')) != '';"
        ) if has_acronym else ""
        update_cols = "name, name_key, acronym" if has_acronym else "name, name_key"
        parts.append(f"""
    DROP TRIGGER IF EXISTS search_{table}_ai;
    CREATE TRIGGER search_{table}_ai AFTER INSERT ON {table} BEGIN
        INSERT INTO search_keys (entity_type, entity_id, kind, key)
        VALUES ('{etype}', NEW.id, 'name', {_NAME_KEY_INSERT});
        {acronym_insert}
        INSERT OR IGNORE INTO search_stale (entity_type, entity_id) SELECT '{etype}', NEW.id WHERE NEW.name_key = '';
    END;
    DROP TRIGGER IF EXISTS search_{table}_au;
    CREATE TRIGGER search_{table}_au AFTER UPDATE OF {update_cols} ON {table} BEGIN
        DELETE FROM search_keys
        WHERE entity_type = '{etype}' AND entity_id = OLD.id AND kind IN ('name', 'acronym');
        INSERT INTO search_keys (entity_type, entity_id, kind, key)
        VALUES ('{etype}', NEW.id, 'name', {_NAME_KEY_UPDATE});
        {acronym_insert}
        INSERT OR IGNORE INTO search_stale (entity_type, entity_id) SELECT '{etype}', NEW.id WHERE {_STALE_NAME};
    END;
    DROP TRIGGER IF EXISTS search_{table}_ad;
    CREATE TRIGGER search_{table}_ad AFTER DELETE ON {table} BEGIN
        DELETE FROM search_keys WHERE entity_type = '{etype}' AND entity_id = OLD.id;
        DELETE FROM search_stale WHERE entity_type = '{etype}' AND entity_id = OLD.id;
    END;
    """)
    return "".join(parts)


UPKEEP_SCHEMA = """
    CREATE TABLE IF NOT EXISTS search_vocabulary (
        word TEXT PRIMARY KEY,         -- a word of the stored keys
        keys INTEGER NOT NULL          -- how many keys hold it
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS search_stale (
        entity_type TEXT NOT NULL,     -- an entity whose name_key / alias_key lag its names
        entity_id INTEGER NOT NULL,
        PRIMARY KEY (entity_type, entity_id)
    ) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS idx_people_email_nocase ON people(email COLLATE NOCASE);
""" + _upkeep_triggers()


# Schema version 11 (`install_deferred_upkeep`): an import defers the FTS rows and the vocabulary
# of the keys it adds to the end of each document's transaction, then writes them in two
# statements (per key, the two triggers were a fifth of an import's database time). While
# `search_deferred` holds a row (only ever inside a write transaction: `deferred_upkeep`), a new
# key is listed in `search_pending` instead; a pending key that is deleted leaves the list (it
# was never indexed). Nothing else changes: every other writer indexes each key at once.
_DEFERRING = "EXISTS (SELECT 1 FROM search_deferred)"
_PENDING = "EXISTS (SELECT 1 FROM search_pending WHERE id = OLD.id)"

DEFERRAL_SCHEMA = f"""
    CREATE TABLE IF NOT EXISTS search_deferred (
        id INTEGER PRIMARY KEY CHECK (id = 1)  -- a row while a transaction defers the index upkeep
    );
    CREATE TABLE IF NOT EXISTS search_pending (
        id INTEGER PRIMARY KEY                 -- a search_keys row not yet in search_words / search_vocabulary
    );
    DROP TRIGGER IF EXISTS search_keys_ai;
    CREATE TRIGGER search_keys_ai AFTER INSERT ON search_keys WHEN NOT {_DEFERRING} BEGIN
        INSERT INTO search_words (rowid, key) VALUES (NEW.id, NEW.key);
        {_vocabulary_add("NEW.key")}
    END;
    DROP TRIGGER IF EXISTS search_keys_ai_deferred;
    CREATE TRIGGER search_keys_ai_deferred AFTER INSERT ON search_keys WHEN {_DEFERRING} BEGIN
        INSERT OR IGNORE INTO search_pending (id) VALUES (NEW.id);
    END;
    DROP TRIGGER IF EXISTS search_keys_ad;
    CREATE TRIGGER search_keys_ad AFTER DELETE ON search_keys BEGIN
        INSERT INTO search_words (search_words, rowid, key) SELECT 'delete', OLD.id, OLD.key WHERE NOT {_PENDING};
        UPDATE search_vocabulary SET keys = keys - 1
        WHERE word IN (SELECT value FROM {_words_of("OLD.key")}) AND NOT {_PENDING};
        DELETE FROM search_vocabulary
        WHERE keys <= 0 AND word IN (SELECT value FROM {_words_of("OLD.key")}) AND NOT {_PENDING};
        DELETE FROM search_pending WHERE id = OLD.id;
    END;
"""


def install_deferred_upkeep(db: sqlite_utils.Database) -> None:
    """Migration 11: the `search_deferred` / `search_pending` tables and the `search_keys`
    triggers that read them (idempotent)."""
    _execute_all(db, DEFERRAL_SCHEMA)


def _can_defer(db: sqlite_utils.Database) -> bool:
    return db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'search_pending'").fetchone() is not None


def flush_pending(db: sqlite_utils.Database) -> int:
    """Index the pending keys (FTS rows and vocabulary, in two statements) and end the deferral,
    in the caller's transaction; returns how many keys were pending."""
    db.execute("DELETE FROM search_deferred")
    n = db.execute("SELECT count(*) FROM search_pending").fetchone()[0]
    if n:
        db.execute(
            "INSERT INTO search_words (rowid, key)"
            " SELECT k.id, k.key FROM search_pending JOIN search_keys k ON k.id = search_pending.id"
        )
        db.execute(
            "INSERT INTO search_vocabulary (word, keys)"
            f" SELECT value, count(DISTINCT k.id) FROM search_pending JOIN search_keys k ON k.id = search_pending.id,"
            f" {_words_of('k.key')}"
            " WHERE value != '' GROUP BY value ON CONFLICT (word) DO UPDATE SET keys = keys + excluded.keys"
        )
        db.execute("DELETE FROM search_pending")
    return n


@contextlib.contextmanager
def deferred_upkeep(db: sqlite_utils.Database) -> Iterator[None]:
    """Inside the caller's write transaction: the keys written in the block are indexed (FTS rows,
    vocabulary) together when it ends, still inside that transaction, so a commit never holds a
    key the index lacks and a killed process rolls both back. Nested blocks flush with the
    outermost one; a database before schema 11 indexes each key at once as before."""
    if not db.conn.in_transaction:
        raise RuntimeError("deferred_upkeep needs a write transaction")
    if not _can_defer(db):
        yield
        return
    outermost = db.execute("INSERT OR IGNORE INTO search_deferred (id) VALUES (1)").rowcount > 0
    try:
        yield
    finally:
        if outermost:
            flush_pending(db)


def pending_upkeep(db: sqlite_utils.Database) -> bool:
    """Whether keys are pending outside any deferral's transaction (left by a bug: never by a
    killed process, whose transaction is rolled back); `refresh_on_open` indexes them."""
    import sqlite3

    try:
        return db.execute(
            "SELECT EXISTS (SELECT 1 FROM search_pending) OR EXISTS (SELECT 1 FROM search_deferred)"
        ).fetchone()[0] == 1
    except sqlite3.OperationalError:  # a database older than schema 11
        return False


def install_key_upkeep(db: sqlite_utils.Database) -> None:
    """Create (or re-create) the vocabulary and stale-key tables and their triggers (idempotent)."""
    _execute_all(db, UPKEEP_SCHEMA)


def upgrade_to_key_upkeep(db: sqlite_utils.Database) -> None:
    """Migration to schema 4 of an existing database: install the upkeep, fill the vocabulary
    from the stored keys, and refresh every key that does not match its name."""
    from db.textnorm import compact_key, fold

    install_key_upkeep(db)
    db.execute("DELETE FROM search_vocabulary")
    db.execute(
        f"INSERT INTO search_vocabulary (word, keys) SELECT value, count(DISTINCT k.id)"
        f" FROM search_keys k, {_words_of('k.key')} WHERE value != '' GROUP BY value"
    )
    stale = []
    for etype, table in _ENTITY_TABLES.items():
        stale += [(etype, i) for i, name, key in db.execute(f"SELECT id, name, name_key FROM {table}") if fold(name) != key]
    stale += [
        (t, i) for t, i, alias, key in db.execute("SELECT entity_type, entity_id, alias, alias_key FROM aliases")
        if compact_key(alias) != key
    ]
    db.conn.executemany("INSERT OR IGNORE INTO search_stale (entity_type, entity_id) VALUES (?, ?)", stale)
    refresh_stale_keys(db)


def stale_entities(db: sqlite_utils.Database) -> set[tuple[str, int]]:
    """(type, id) of the entities whose keys lag their stored names (usually none)."""
    import sqlite3

    try:
        return {(t, i) for t, i in db.execute("SELECT entity_type, entity_id FROM search_stale")}
    except sqlite3.OperationalError:  # a database older than schema 4
        return set()


def refresh_stale_keys(db: sqlite_utils.Database) -> int:
    """Recompute name_key / alias_key (and the search keys) of the entities marked stale, inside
    the caller's transaction or a new one; returns how many entities were refreshed."""
    from db.connection import write_transaction
    from db.textnorm import compact_key, fold

    marked = sorted(stale_entities(db))
    if not marked:
        return 0
    with write_transaction(db):
        for etype, eid in marked:
            table = _ENTITY_TABLES.get(etype)
            row = db.execute(f"SELECT name, name_key FROM {table} WHERE id = ?", [eid]).fetchone() if table else None
            if row is not None:
                if fold(row[0]) != row[1]:
                    db.execute(f"UPDATE {table} SET name_key = ? WHERE id = ?", [fold(row[0]), eid])
                for rowid, alias, key in db.execute(
                    "SELECT rowid, alias, alias_key FROM aliases WHERE entity_type = ? AND entity_id = ?", [etype, eid]
                ).fetchall():
                    if compact_key(alias) != key:
                        db.execute("UPDATE aliases SET alias_key = ? WHERE rowid = ?", [compact_key(alias), rowid])
                _rebuild_entity_keys(db, etype, eid)
            db.execute("DELETE FROM search_stale WHERE entity_type = ? AND entity_id = ?", [etype, eid])
    return len(marked)


def refresh_on_open(db: sqlite_utils.Database) -> None:
    """`refresh_stale_keys` when some are marked, and index keys left pending by a deferral that
    was committed unfinished (`flush_pending`), waiting at most a second for the write lock; a
    busy or read-only database is left as it is (search folds marked keys meanwhile)."""
    import sqlite3

    from db.connection import write_transaction

    pending = pending_upkeep(db)
    if not pending and not stale_entities(db):
        return
    db.execute("PRAGMA busy_timeout = 1000")
    try:
        if pending:
            with write_transaction(db):
                flush_pending(db)
        refresh_stale_keys(db)
    except sqlite3.OperationalError:
        pass
    finally:
        from db.connection import BUSY_TIMEOUT_MS

        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


def _rebuild_entity_keys(db: sqlite_utils.Database, etype: str, eid: int) -> None:
    """Re-derive one entity's search keys from its (now folded) name, acronym and aliases."""
    table = _ENTITY_TABLES[etype]
    db.execute("DELETE FROM search_keys WHERE entity_type = ? AND entity_id = ?", [etype, eid])
    db.execute(
        f"INSERT INTO search_keys (entity_type, entity_id, kind, key) SELECT ?, id, 'name', name_key"
        f" FROM {table} WHERE id = ?",
        [etype, eid],
    )
    if etype != "person":
        db.execute(
            f"INSERT INTO search_keys (entity_type, entity_id, kind, key) SELECT ?, id, 'acronym',"
            f" lower(trim(acronym)) FROM {table} WHERE id = ? AND trim(COALESCE(acronym, '')) != ''",
            [etype, eid],
        )
    db.execute(
        "INSERT INTO search_keys (entity_type, entity_id, kind, key) SELECT entity_type, entity_id, 'alias',"
        " alias_key FROM aliases WHERE entity_type = ? AND entity_id = ?",
        [etype, eid],
    )


def _execute_all(db: sqlite_utils.Database, script: str) -> None:
    """Run a script statement by statement: executescript() would commit the caller's transaction."""
    import sqlite3

    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            db.execute(statement)
            statement = ""


def rebuild_search_index(db: sqlite_utils.Database) -> None:
    """Recompute every key from the entity and alias tables (the triggers refill the index)."""
    db.execute("DELETE FROM search_keys")
    for etype, table in _ENTITY_TABLES.items():
        db.execute(
            f"INSERT INTO search_keys (entity_type, entity_id, kind, key) SELECT '{etype}', id, 'name',"
            f" COALESCE(NULLIF(name_key, ''), lower(name)) FROM {table}"
        )
        if etype != "person":
            db.execute(
                f"INSERT INTO search_keys (entity_type, entity_id, kind, key) SELECT '{etype}', id,"
                f" 'acronym', lower(trim(acronym)) FROM {table} WHERE trim(COALESCE(acronym, '')) != ''"
            )
    db.execute(
        "INSERT INTO search_keys (entity_type, entity_id, kind, key) SELECT entity_type, entity_id,"
        " 'alias', COALESCE(NULLIF(alias_key, ''), lower(alias)) FROM aliases"
    )
