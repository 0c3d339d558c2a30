"""The stored search keys and their two FTS5 indexes, kept in sync by SQLite triggers.

`search_keys` holds one row per searchable spelling of an entity: its name (the folded
`name_key` column the writer already stores), each alias (`aliases.alias_key`) and an
organization's or initiative's acronym. Triggers on the entity and alias tables keep it
current, so no writer needs to know about search. An external-content FTS5 table,
`search_words` (unicode61, diacritics removed, prefix indexes for 2 and 3 letters), indexes
the key text for exact and prefix matches on whole tokens; its vocabulary (the distinct
tokens) is what typo-tolerant matching compares a query against.

Keys are folded once, on write; a query is folded once, and nothing is folded per row.
"""

from __future__ import annotations

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

    CREATE VIRTUAL TABLE search_words USING fts5(
        key, content='search_keys', content_rowid='id',
        tokenize="unicode61 remove_diacritics 2", prefix='2 3', detail='none'
    );

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


def create_search_index(db: sqlite_utils.Database) -> None:
    """Create the search tables and triggers, then index every entity already present."""
    _execute_all(db, SCHEMA)
    rebuild_search_index(db)


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
