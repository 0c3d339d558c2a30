"""Re-imports and corrections: the same document is a no-op; a new version, or another
document naming the same people, adds what is new, never duplicates, and never changes or
drops the user's work (notes, tags, edited fields, merges)."""

from __future__ import annotations

import sqlite3

import pytest

from db.annotations import add_note, add_tags, update_entity
from db.importer import import_document, import_text

V1 = """Gulf Ports Working Group members:

  • Ana García Ortega - Acme Holdings
  • Luis Navarro Vargas - Beta Logística
  • Bob Kessler - Gamma Industrias

For questions, please contact Luis Navarro Vargas, program director at Beta Logística, at lnavarro@beta.example.
"""
# The same release, revised: one more member, Luis's title and phone given.
V2 = V1.replace(
    "  • Bob Kessler - Gamma Industrias\n",
    "  • Bob Kessler - Gamma Industrias\n  • Carmen Ramírez Torres - Delta Freight\n",
).replace("program director at", "managing director at").replace(
    "lnavarro@beta.example.", "lnavarro@beta.example or +52 81 5555 0101."
)
# Another document naming the same people in prose.
OTHER = (
    "Robert Kessler, chief executive officer of Gamma Industrias, joined Ana García Ortega and "
    "Luis Navarro Vargas, chief operating officer of Beta Logística, at the Gulf Ports Working "
    "Group meeting in Veracruz."
)


def rows(db, table: str) -> list[tuple]:
    """Every row of `table`, sorted."""
    return sorted(db.execute(f"SELECT * FROM [{table}]").fetchall(), key=repr)


def snapshot(db) -> dict[str, list[tuple]]:
    """Every row of every table."""
    tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    return {t: rows(db, t) for t in tables}


def person_id(db, name: str) -> int:
    found = db.execute("SELECT id FROM people WHERE name = ?", [name]).fetchall()
    assert len(found) == 1, f"{name}: {len(found)} records"
    return found[0][0]


def people_names(db) -> list[str]:
    return [r[0] for r in db.execute("SELECT name FROM people ORDER BY name")]


def assert_no_duplicates(db) -> None:
    for table in ("people", "organizations", "initiatives"):
        dupes = db.execute(
            f"SELECT name_key, COUNT(*) FROM {table} GROUP BY name_key HAVING COUNT(*) > 1"
        ).fetchall()
        assert dupes == [], f"{table}: {dupes}"


def test_reimporting_the_same_document_changes_nothing(empty_db, tmp_path):
    first = import_text(empty_db, V1, name="release.txt")
    assert first.status == "imported"
    before = snapshot(empty_db)
    again = import_text(empty_db, V1, name="release.txt")
    assert again.status == "unchanged" and again.document_id == first.document_id
    # the same content under another file name, and read from disk, is the same document
    copy = tmp_path / "release (1).txt"
    copy.write_text(V1, encoding="utf-8")
    assert import_document(empty_db, copy).status == "unchanged"
    assert snapshot(empty_db) == before


def test_same_text_in_another_format_is_the_same_document(empty_db, tmp_path):
    """A UTF-16 or cp1252 copy of a document decodes to the same text: still a no-op."""
    plain = tmp_path / "release.txt"
    plain.write_text(V1, encoding="utf-8")
    assert import_document(empty_db, plain).status == "imported"
    before = snapshot(empty_db)
    for encoding in ("utf-16", "cp1252", "utf-8-sig"):
        copy = tmp_path / f"release-{encoding}.txt"
        copy.write_bytes(V1.encode(encoding))
        assert import_document(empty_db, copy).status == "unchanged", encoding
    assert snapshot(empty_db) == before


def test_a_new_version_adds_only_what_is_new(empty_db):
    import_text(empty_db, V1, name="release.txt")
    people_before = people_names(empty_db)
    result = import_text(empty_db, V2, name="release.txt")
    assert result.status == "imported"
    assert people_names(empty_db) == sorted(people_before + ["Carmen Ramírez Torres"])
    assert_no_duplicates(empty_db)
    before = snapshot(empty_db)
    assert import_text(empty_db, V2, name="release.txt").status == "unchanged"
    assert snapshot(empty_db) == before


def test_another_document_naming_the_same_people_adds_no_duplicates(empty_db):
    import_text(empty_db, V1, name="release.txt")
    ids = {name: person_id(empty_db, name) for name in ("Ana García Ortega", "Luis Navarro Vargas")}
    import_text(empty_db, OTHER, name="meeting.txt")
    assert_no_duplicates(empty_db)
    for name, pid in ids.items():
        assert person_id(empty_db, name) == pid
    meeting_id = empty_db.execute("SELECT id FROM documents WHERE name = 'meeting.txt'").fetchone()[0]
    mentioned = {
        r[0] for r in empty_db.execute(
            "SELECT entity_id FROM mentions WHERE document_id = ? AND entity_type = 'person'", [meeting_id]
        )
    }
    assert set(ids.values()) <= mentioned  # the new document's mentions point at the same records


def test_user_notes_tags_and_edits_survive_new_versions_and_other_documents(empty_db):
    db = empty_db
    import_text(db, V1, name="release.txt")
    luis = person_id(db, "Luis Navarro Vargas")
    ana = person_id(db, "Ana García Ortega")
    beta = db.execute("SELECT id FROM organizations WHERE name = 'Beta Logística'").fetchone()[0]
    group = db.execute("SELECT id FROM initiatives").fetchone()[0]
    add_note(db, "person", luis, "Prefers WhatsApp; met in Monterrey")
    add_note(db, "organization", beta, "Sponsor of the 2024 summit")
    add_note(db, "initiative", group, "Quarterly meetings")
    add_tags(db, "person", luis, ["priority", "logistics"])
    add_tags(db, "organization", beta, ["partner"])
    update_entity(db, "person", luis, {
        "name": "Luis Navarro-Vargas", "title": "Chief Strategy Officer",
        "email": "luis@personal.example", "phone": "+52 55 1234 5678",
    })
    update_entity(db, "person", ana, {"title": "Board member"})
    edited = {r[0]: r for r in db.execute("SELECT id, name, title, email, phone, user_edited FROM people")}
    notes, tags = rows(db, "notes"), rows(db, "tags")
    people_count = len(people_names(db))

    for name, text in (("release.txt", V2), ("meeting.txt", OTHER)):
        assert import_text(db, text, name=name).status == "imported"

    assert rows(db, "notes") == notes
    assert rows(db, "tags") == tags
    now = {r[0]: r for r in db.execute("SELECT id, name, title, email, phone, user_edited FROM people")}
    assert now[luis] == edited[luis]  # the document's old name, title, email and phone did not come back
    assert now[ana][1:] == edited[ana][1:]
    # new people only: Carmen (new member) and Robert Kessler (not known to be Bob)
    assert len(now) == people_count + 2
    assert "Luis Navarro Vargas" not in people_names(db)  # the old spelling resolved to the edited record
    assert_no_duplicates(db)


def test_a_merge_survives_reimports(empty_db):
    merge = pytest.importorskip("db.merge")
    db = empty_db
    import_text(db, V1, name="release.txt")
    import_text(db, OTHER, name="meeting.txt")
    bob, robert = person_id(db, "Bob Kessler"), person_id(db, "Robert Kessler")
    add_note(db, "person", robert, "Goes by Bob")
    merge.merge_entities(db, "person", robert, bob)  # the user knows they are one person
    notes, tags = rows(db, "notes"), rows(db, "tags")
    people = people_names(db)

    assert import_text(db, OTHER, name="meeting.txt").status == "unchanged"
    revised = OTHER + "\n\nRobert Kessler also chairs the Gulf Ports Working Group logistics committee."
    assert import_text(db, revised, name="meeting.txt").status == "imported"
    roster = (
        "Gulf Ports Working Group members:\n\n"
        "  • Robert Kessler - Gamma Industrias\n  • Ana García Ortega - Acme Holdings\n"
    )
    assert import_text(db, roster, name="roster.txt").status == "imported"

    assert people_names(db) == people  # the merged-away name resolves to the survivor
    assert rows(db, "notes") == notes and rows(db, "tags") == tags
    assert db.execute("SELECT entity_id FROM notes WHERE body = 'Goes by Bob'").fetchone()[0] == bob
    orphan = db.execute(
        "SELECT COUNT(*) FROM mentions WHERE entity_type = 'person' AND entity_id NOT IN (SELECT id FROM people)"
    ).fetchone()[0]
    assert orphan == 0
    roster_id = db.execute("SELECT id FROM documents WHERE name = 'roster.txt'").fetchone()[0]
    mentioned = db.execute(
        "SELECT DISTINCT entity_id FROM mentions WHERE document_id = ? AND entity_type = 'person'", [roster_id]
    ).fetchall()
    assert sorted(mentioned) == sorted([(bob,), (person_id(db, "Ana García Ortega"),)])


def test_reimport_through_the_cli_says_so_and_keeps_the_database(empty_db, tmp_path):
    from click.testing import CliRunner

    from tui.cli import cli

    path = empty_db.execute("PRAGMA database_list").fetchone()[2]
    doc = tmp_path / "release.txt"
    doc.write_text(V1, encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", path, "import", str(doc)]).exit_code == 0
    before = snapshot(sqlite3.connect(path))
    again = runner.invoke(cli, ["--db", path, "import", str(doc)])
    assert again.exit_code == 0
    assert "already imported" in again.stdout
    assert snapshot(sqlite3.connect(path)) == before
