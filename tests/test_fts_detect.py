"""The FTS index is visible to sqlite-utils and Datasette: `search_words` is declared with
content="search_keys" (migration 9), on new databases and on upgraded ones."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import sqlite_utils

from db import open_db
from db.search import search

FIXTURE = Path(__file__).parent / "fixtures" / "v1.db"
OLD_DECLARATION = (
    "CREATE VIRTUAL TABLE search_words USING fts5(key, content='search_keys', content_rowid='id',"
    " tokenize=\"unicode61 remove_diacritics 2\", prefix='2 3', detail='none')"
)


def _datasette_search(path: Path, query: str) -> list[str]:
    """What sqlite-utils' `table.search()` (the query Datasette's `_search=` runs) returns."""
    table = sqlite_utils.Database(path).table("search_keys")
    assert table.detect_fts() == "search_words"
    return sorted(row["key"] for row in table.search(query))


def test_a_new_database_is_detected_by_sqlite_utils(tmp_path):
    path = tmp_path / "new.db"
    db = open_db(path)
    db.table("people").insert({"name": "Rosalía Mendoza Prieto", "name_key": "rosalia mendoza prieto"})
    db.close()
    assert _datasette_search(path, "mendoza") == ["rosalia mendoza prieto"]


def test_a_database_with_the_old_declaration_is_migrated_and_searches_the_same(tmp_path):
    path = tmp_path / "old.db"
    db = open_db(path)
    for name in ("Rosalía Mendoza Prieto", "Tomás Mendoza", "Ulises Quiroga"):
        db.table("people").insert({"name": name, "name_key": name.lower().replace("í", "i").replace("á", "a")})
    # put the database back as it was before migration 9: the single-quoted declaration
    with db.conn:
        db.conn.execute("DROP TABLE search_words")
        db.conn.execute(OLD_DECLARATION)
        db.conn.execute("INSERT INTO search_words (search_words) VALUES ('rebuild')")
        db.conn.execute("DELETE FROM schema_migrations WHERE version >= 9")  # as before migration 9
    previous = db.execute("SELECT MAX(version) FROM schema_migrations").fetchone()[0]
    before = [(h.id, h.name) for h in search(db, "mendoza")]
    db.close()
    assert sqlite_utils.Database(path).table("search_keys").detect_fts() is None  # the bug

    db = open_db(path)  # migrates
    assert [(h.id, h.name) for h in search(db, "mendoza")] == before
    db.table("people").insert({"name": "Marta Mendoza", "name_key": "marta mendoza"})  # the triggers still index
    assert len(search(db, "mendoza")) == 3
    integrity = db.execute("INSERT INTO search_words (search_words) VALUES ('integrity-check')")
    assert integrity is not None  # raises if the index disagrees with search_keys
    db.close()
    assert _datasette_search(path, "mendoza") == ["marta mendoza", "rosalia mendoza prieto", "tomas mendoza"]
    assert Path(f"{path}.bak-{previous}").exists()  # the usual backup before upgrading


def test_the_first_release_database_upgrades_to_a_detected_index(tmp_path):
    path = tmp_path / "v1.db"
    shutil.copy(FIXTURE, path)
    open_db(path).close()
    conn = sqlite3.connect(path)
    keys = conn.execute("SELECT COUNT(*) FROM search_keys").fetchone()[0]
    conn.close()
    table = sqlite_utils.Database(path).table("search_keys")
    assert table.detect_fts() == "search_words" and keys > 0
    assert table.count == keys
