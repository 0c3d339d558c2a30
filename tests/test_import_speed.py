"""What makes importing fast keeps its meaning: relation rows written in batches count and fill
as one at a time did; an import session syncs once at the end and restores the setting."""

from __future__ import annotations

from db import open_db
from db.importer import SESSION_CHECKPOINT_PAGES, _insert_new, import_session, import_text


def test_batched_relations_count_new_rows_and_fill_only_missing_or_member(empty_db):
    db = empty_db
    db.execute("INSERT INTO people (id, name, name_key) VALUES (1, 'A', 'a'), (2, 'B', 'b'), (3, 'C', 'c')")
    db.execute("INSERT INTO initiatives (id, name, name_key) VALUES (9, 'G', 'g')")
    db.execute("INSERT INTO memberships (person_id, initiative_id, role) VALUES (1, 9, 'member'), (2, 9, 'chair')")
    rows = [(1, 9, "vice chair"), (2, 9, "member"), (3, 9, None), (3, 9, "treasurer"), (3, 9, "secretary")]
    added = _insert_new(db, "memberships", ("person_id", "initiative_id", "role"), rows)
    assert added == 1
    assert db.execute("SELECT person_id, role FROM memberships ORDER BY person_id").fetchall() == [
        (1, "vice chair"), (2, "chair"), (3, "treasurer"),
    ]
    assert _insert_new(db, "memberships", ("person_id", "initiative_id", "role"), []) == 0


def test_import_session_defers_syncs_then_restores_and_checkpoints(tmp_path):
    path = tmp_path / "d.db"
    db = open_db(path)
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2
    assert db.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 1000
    with import_session(db):
        assert db.execute("PRAGMA synchronous").fetchone()[0] == 1
        assert db.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == SESSION_CHECKPOINT_PAGES
        for i in range(3):
            import_text(db, f"Delta Forum {i} members:\n\n  • Ana Quiroga{i} - Vantrelis\n", name=f"d{i}.txt")
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2
    assert db.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 1000
    busy, frames, copied = db.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    assert busy == 0 and frames == copied  # everything already in the database file
    other = open_db(path)
    assert other.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 3
    other.close()
    db.close()


def test_import_session_on_memory_is_a_no_op():
    db = open_db(":memory:")
    with import_session(db):
        pass
    db.close()
