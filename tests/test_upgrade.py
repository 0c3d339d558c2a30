"""Upgrades: a database made by an older release is upgraded in place on open, after a backup
copy `<file>.bak-<old version>` next to it; the user's notes and tags come through."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from db import open_db
from db.connection import DatabaseError
from db.migrations import LATEST_VERSION, MIGRATIONS, current_version, migrate

FIXTURE = Path(__file__).parent / "fixtures" / "v1.db"
USER_TABLES = ("people", "organizations", "initiatives", "aliases", "affiliations", "memberships",
               "documents", "mentions", "notes", "tags")


def _v1_columns(table: str) -> str:
    conn = sqlite3.connect(f"file:{FIXTURE}?mode=ro", uri=True)
    try:
        return ", ".join(f'"{row[1]}"' for row in conn.execute(f"PRAGMA table_info({table})"))
    finally:
        conn.close()


def read_rows(path: Path, tables=USER_TABLES) -> dict[str, list[tuple]]:
    """The rows of the v1 tables, every v1 column (later migrations add columns), with plain
    sqlite3 (no migration)."""
    conn = sqlite3.connect(path)
    try:
        return {
            t: sorted(conn.execute(f"SELECT {_v1_columns(t)} FROM {t}").fetchall(), key=repr) for t in tables
        }
    finally:
        conn.close()


def version_of(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT MAX(version) FROM schema_migrations").fetchone()[0]
    finally:
        conn.close()


@pytest.fixture
def old_db(tmp_path) -> Path:
    """A private copy of the first release's database."""
    path = tmp_path / "stakeholders.db"
    shutil.copy(FIXTURE, path)
    return path


def test_fixture_is_a_first_release_database():
    conn = sqlite3.connect(f"file:{FIXTURE}?mode=ro", uri=True)
    try:
        assert conn.execute("SELECT version, name FROM schema_migrations").fetchall() == [(1, "m001_initial")]
        assert conn.execute("SELECT COUNT(*) FROM notes").fetchone()[0] == 1
        assert conn.execute("SELECT COUNT(*) FROM tags").fetchone()[0] == 2
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        conn.close()
    assert LATEST_VERSION > 1  # otherwise there is nothing to upgrade


def test_opening_an_old_database_upgrades_it_in_place_after_a_backup(old_db):
    original_bytes = old_db.read_bytes()
    original_rows = read_rows(old_db)

    db = open_db(old_db)
    try:
        assert current_version(db) == LATEST_VERSION
        applied = [r[0] for r in db.execute("SELECT version FROM schema_migrations ORDER BY version")]
        assert applied == [v for v, _ in MIGRATIONS]
    finally:
        db.close()

    backup = old_db.with_name("stakeholders.db.bak-1")
    assert backup.exists()
    assert version_of(backup) == 1
    assert read_rows(backup) == original_rows
    assert read_rows(old_db) == original_rows  # upgraded in place: every row of the user's kept
    assert FIXTURE.read_bytes() != b"" and original_bytes  # the checked-in file was only copied


def test_upgrade_gives_old_documents_a_title_and_date(old_db):
    db = open_db(old_db)
    try:
        title, date, imported_at = db.execute("SELECT title, date, imported_at FROM documents WHERE id = 1").fetchone()
    finally:
        db.close()
    assert title == "Gulf Ports Working Group members"  # the headline, not the file name
    assert date == imported_at[:10]  # no date in the text: the import day


def test_notes_tags_and_edits_work_after_the_upgrade(old_db):
    from db.annotations import add_tags, entity_tags
    from db.cards import person_card
    from db.importer import import_text

    db = open_db(old_db)
    try:
        card = person_card(db, 2)
        assert [n["body"] for n in card["notes"]] == ["Met at the Veracruz port forum"]
        assert card["tags"] == ["priority"]
        add_tags(db, "person", 2, ["upgraded"])
        assert entity_tags(db, "person", 2) == ["priority", "upgraded"]
        # documents imported after the upgrade resolve to the old records (alias included)
        import_text(db, "Robert Kessler, chief executive officer of Gamma Industrias, spoke.", name="new.txt")
        assert db.execute("SELECT COUNT(*) FROM people WHERE name LIKE '%Kessler%'").fetchone()[0] == 1
        # the user's edited title survives a document that states another one
        import_text(db, "Ana García Ortega, vice president of Acme Holdings, said the port is ready.", name="b.txt")
        assert db.execute("SELECT title FROM people WHERE id = 1").fetchone()[0] == "Board member"
    finally:
        db.close()


def test_old_records_are_searchable_after_the_upgrade(old_db):
    from db.search import search

    db = open_db(old_db)
    try:
        hits = search(db, "kesler", limit=3)
        assert hits and (hits[0].type, hits[0].id) == ("person", 2)
        assert any((h.type, h.id) == ("person", 2) for h in search(db, "robert kessler", limit=3))
        assert search(db, "ramirez luz", limit=1)[0].id == 3
    finally:
        db.close()


def test_upgrade_through_the_cli(old_db):
    from tui.cli import cli

    result = CliRunner().invoke(cli, ["--db", str(old_db), "stats"])
    assert result.exit_code == 0, result.output
    assert "notes" in result.stdout
    assert version_of(old_db) == LATEST_VERSION
    assert old_db.with_name("stakeholders.db.bak-1").exists()


def test_an_up_to_date_database_is_not_backed_up_again(old_db):
    open_db(old_db).close()
    backups = sorted(p.name for p in old_db.parent.iterdir() if ".bak-" in p.name)
    open_db(old_db).close()
    assert sorted(p.name for p in old_db.parent.iterdir() if ".bak-" in p.name) == backups == ["stakeholders.db.bak-1"]


def test_new_database_gets_no_backup(tmp_path):
    open_db(tmp_path / "new.db").close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.db"]


def test_backup_includes_changes_still_in_the_wal(old_db):
    """Rows committed to the WAL but not yet checkpointed into the main file are in the backup."""
    keeper = sqlite3.connect(old_db)  # holds the WAL open so it is not checkpointed
    keeper.execute("PRAGMA wal_autocheckpoint = 0")
    keeper.execute("INSERT INTO notes VALUES (2, 'person', 1, 'Only in the WAL', 'x', 'x')")
    keeper.commit()
    assert Path(f"{old_db}-wal").stat().st_size > 0
    db = open_db(old_db)
    db.close()
    keeper.close()
    backup = old_db.with_name("stakeholders.db.bak-1")
    bodies = [r[3] for r in read_rows(backup, ("notes",))["notes"]]
    assert "Only in the WAL" in bodies


def test_upgrade_from_an_intermediate_version(tmp_path):
    path = tmp_path / "v2.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = wal")
    conn.close()
    import sqlite_utils

    db = sqlite_utils.Database(path)
    db.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")
    for version, fn in MIGRATIONS[:2]:
        fn(db)
        db.execute("INSERT INTO schema_migrations VALUES (?, ?, 'x')", [version, fn.__name__])
    db.conn.commit()
    db.close()
    open_db(path).close()
    assert version_of(path) == LATEST_VERSION
    assert version_of(tmp_path / "v2.db.bak-2") == 2


def test_a_failing_migration_leaves_the_database_at_its_old_version(old_db, monkeypatch):
    import db.migrations as migrations

    def m999_broken(db):
        db.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("boom")

    open_db(old_db).close()  # up to date first
    rows_before = read_rows(old_db)
    monkeypatch.setattr(migrations, "MIGRATIONS", [*MIGRATIONS, (LATEST_VERSION + 1, m999_broken)])
    monkeypatch.setattr(migrations, "LATEST_VERSION", LATEST_VERSION + 1)
    with pytest.raises(DatabaseError, match=rf"upgrading .* to schema version {LATEST_VERSION + 1} failed .*boom"):
        open_db(old_db)
    assert version_of(old_db) == LATEST_VERSION
    assert read_rows(old_db) == rows_before
    conn = sqlite3.connect(old_db)
    assert "half_done" not in [r[0] for r in conn.execute("SELECT name FROM sqlite_master")]
    conn.close()
    assert version_of(old_db.with_name(f"stakeholders.db.bak-{LATEST_VERSION}")) == LATEST_VERSION


def test_two_processes_opening_an_old_database_at_once(old_db):
    """Both upgrade-or-wait; every migration is recorded once."""
    script = "import sys; from db import open_db; open_db(sys.argv[1]).close(); print('ok')"
    procs = [subprocess.Popen([sys.executable, "-c", script, str(old_db)], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(3)]
    for proc in procs:
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0 and out.strip() == "ok", err
    conn = sqlite3.connect(old_db)
    versions = [r[0] for r in conn.execute("SELECT version FROM schema_migrations ORDER BY version")]
    conn.close()
    assert versions == [v for v, _ in MIGRATIONS]


def test_migrate_is_idempotent(old_db):
    db = open_db(old_db)
    try:
        assert migrate(db) == []
    finally:
        db.close()
