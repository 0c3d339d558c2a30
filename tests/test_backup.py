"""The JSON backup: `export --format backup` then `import` into an empty directory restores
every user table; exporting the restored directory gives the same file."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

import contacts_fixture
from db import open_db
from db.annotations import add_note, update_entity
from db.assessments import assess
from db.engagement import log_interaction
from db.formats.backup import backup_tables, import_json, write_backup
from tui.cli import cli


def _fill(db):
    ids = contacts_fixture.build(db)
    hector = ids["Hector Gonzalez"]
    update_entity(db, "person", hector, {"title": "Chief Executive"})  # user_edited
    db.execute("UPDATE memberships SET role = 'lead' WHERE person_id = ?", [hector])
    add_note(db, "organization", 1, "An organization's note; with \u202e bidi and \x85 NEL")
    db.execute("INSERT INTO tags VALUES ('person', ?, 'semi;colon'), ('person', ?, 'com,ma')", [hector, hector])
    assess(db, "person", hector, influence=4, interest=2, stance="opposed", note="why")
    log_interaction(db, hector, kind="call", date="2025-01-02", summary="s", follow_up_date="2025-02-01")
    db.execute(
        "UPDATE documents SET text = ?, path = '/tmp/press.txt', format = 'txt' WHERE id = 1",
        ["Hector Gonzalez said so.\n\u00e1 accents"],
    )
    # a table another feature adds (user corrections, judgements): included without code changes
    db.execute("CREATE TABLE IF NOT EXISTS extra_feature_pairs (a INTEGER, b INTEGER, decided_at TEXT, PRIMARY KEY (a, b)) WITHOUT ROWID")
    db.execute("INSERT INTO extra_feature_pairs VALUES (2, 1, 'today'), (1, 3, 'yesterday')")
    db.execute("CREATE TABLE IF NOT EXISTS extra_feature_blobs (id INTEGER PRIMARY KEY, data BLOB)")
    db.execute("INSERT INTO extra_feature_blobs VALUES (1, x'00ff10')")
    db.conn.commit()
    return ids


def _dump(db) -> str:
    import io

    out = io.StringIO()
    write_backup(db, out)
    return out.getvalue()


def _user_rows(db) -> dict:
    return {t: sorted(map(repr, db.execute(f"SELECT * FROM [{t}]").fetchall())) for t in backup_tables(db)}


def _new_db(path, with_extra_tables=True):
    db = open_db(path)
    if with_extra_tables:
        db.execute("CREATE TABLE IF NOT EXISTS extra_feature_pairs (a INTEGER, b INTEGER, decided_at TEXT, PRIMARY KEY (a, b)) WITHOUT ROWID")
        db.execute("CREATE TABLE IF NOT EXISTS extra_feature_blobs (id INTEGER PRIMARY KEY, data BLOB)")
        db.conn.commit()
    return db


def test_backup_restores_every_user_table_and_exports_the_same_file(tmp_path):
    source = _new_db(tmp_path / "a.db", with_extra_tables=False)
    _fill(source)
    text = _dump(source)
    data = json.loads(text)
    assert {"people", "notes", "tags", "assessments", "interactions", "documents", "mentions", "extra_feature_pairs", "extra_feature_blobs"} <= set(
        data["tables"]
    )
    assert not any(t.startswith("search_") or t == "initiative_organization_links" for t in data["tables"])
    assert "\u202e" not in text and "\\u202e" in text  # printable, still lossless
    path = tmp_path / "backup.json"
    path.write_text(text, encoding="utf-8")

    target = _new_db(tmp_path / "b.db")
    result = import_json(target, path)
    assert result.status == "imported", result.message
    assert result.added["people"] == 7 and result.added["extra_feature_pairs"] == 2
    assert _dump(target) == text
    assert _user_rows(target) == _user_rows(source)
    # derived tables were rebuilt by the triggers: search and the overlaps work
    from db.search import search

    assert search(target, "hector gonzalez")[0].name == "Hector Gonzalez"
    links = "SELECT * FROM initiative_organization_links ORDER BY 1, 2"
    assert target.execute(links).fetchall() == source.execute(links).fetchall()
    # the same vCard UIDs as the directory that was backed up
    from db.formats.export import iter_people

    assert [p["uid"] for p in iter_people(target)] == [p["uid"] for p in iter_people(source)]


def test_backup_into_a_directory_that_is_not_empty_changes_nothing(tmp_path):
    source = _new_db(tmp_path / "a.db")
    _fill(source)
    path = tmp_path / "backup.json"
    path.write_text(_dump(source), encoding="utf-8")
    before = _dump(source)
    result = import_json(source, path)
    assert result.status == "error" and "not empty" in result.message
    assert _dump(source) == before


def test_backup_of_a_newer_release_is_refused(tmp_path):
    db = _new_db(tmp_path / "a.db")
    path = tmp_path / "b.json"
    path.write_text(json.dumps({"stakeholders_backup": 1, "schema_version": 999, "tables": {}}), encoding="utf-8")
    result = import_json(db, path)
    assert result.status == "error" and "newer release" in result.message
    path.write_text("{not json", encoding="utf-8")
    assert import_json(db, path).status == "error"


def test_cli_round_trip_into_a_new_database_is_not_seeded_first(tmp_path, monkeypatch):
    monkeypatch.delenv("STAKEHOLDERS_NO_SEEDS", raising=False)
    runner = CliRunner()
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    assert runner.invoke(cli, ["--db", str(a), "note", "Jason Marczak", "- a dash note"]).exit_code == 0
    assert runner.invoke(cli, ["--db", str(a), "tag", "Jason Marczak", "x;y"]).exit_code == 0
    first = tmp_path / "one.json"
    result = runner.invoke(cli, ["--db", str(a), "export", "--format", "backup", "-o", str(first)])
    assert result.exit_code == 0, result.output
    result = runner.invoke(cli, ["--db", str(b), "import", str(first)])
    assert result.exit_code == 0, result.output
    assert "one.json: restored (" in result.output
    second = tmp_path / "two.json"
    assert runner.invoke(cli, ["--db", str(b), "export", "--format", "backup", "-o", str(second)]).exit_code == 0
    assert first.read_bytes() == second.read_bytes()
    again = runner.invoke(cli, ["--db", str(b), "import", str(first)])
    assert again.exit_code == 1 and "Error: " in again.output and "not empty" in again.output


def test_a_backup_that_cannot_be_restored_leaves_a_new_database_to_be_seeded(tmp_path):
    bad = tmp_path / "future.json"
    bad.write_text(json.dumps({"stakeholders_backup": 1, "schema_version": 999, "tables": {}}), encoding="utf-8")
    db = tmp_path / "new.db"
    runner = CliRunner()
    result = runner.invoke(cli, ["--db", str(db), "import", str(bad)])
    assert result.exit_code == 1 and result.stderr.splitlines()[-1].startswith("Error: ") and "newer release" in result.stderr
    stats = json.loads(runner.invoke(cli, ["--db", str(db), "stats", "--json"]).stdout)
    assert stats["counts"]["documents"] > 0  # the seeds, as on any first use


def test_backup_refuses_filters():
    result = CliRunner().invoke(cli, ["--db", ":memory:", "export", "--format", "backup", "--tag", "x"])
    assert result.exit_code == 2 and "whole directory" in result.output


@pytest.mark.parametrize("fmt", ["json"])
def test_json_export_of_people_imports_with_titles_and_roles(tmp_path, fmt):
    from db.formats.export import export_people

    source = _new_db(tmp_path / "a.db")
    _fill(source)
    path = tmp_path / "people.json"
    with open(path, "w", encoding="utf-8") as fh:
        export_people(source, fmt, fh)
    target = _new_db(tmp_path / "b.db")
    assert import_json(target, path).status == "imported"
    assert _links(target) == _links(source)


def _links(db) -> list:
    """Every (person, organization, title) and (person, initiative, role), whitespace folded
    (contact import trims names: a tab in a name becomes nothing)."""
    q = ("SELECT p.name, i.name, m.role FROM memberships m JOIN people p ON p.id = m.person_id"
         " JOIN initiatives i ON i.id = m.initiative_id UNION ALL"
         " SELECT p.name, o.name, a.title FROM affiliations a JOIN people p ON p.id = a.person_id"
         " JOIN organizations o ON o.id = a.organization_id")
    return sorted(tuple(" ".join((v or "").split()) for v in row) for row in db.execute(q))


def test_backup_on_stdout_is_the_same_file_even_with_terminal_controls(tmp_path, monkeypatch):
    monkeypatch.setenv("STAKEHOLDERS_NO_SEEDS", "1")
    db_path = tmp_path / "a.db"
    db = _new_db(db_path, with_extra_tables=False)
    _fill(db)
    db.execute(  # written by another tool: the note as stored, controls and all
        "INSERT INTO notes (entity_type, entity_id, body, created_at, updated_at) VALUES ('person', 1, ?, 'x', 'x')",
        ["escape \x1b[31mred\x1b[0m, soft\u00adhyphen, zero\u200bwidth, line\u2028sep, c1\x85"],
    )
    db.conn.commit()
    db.close()
    runner = CliRunner()
    out = tmp_path / "file.json"
    assert runner.invoke(cli, ["--db", str(db_path), "export", "--format", "backup", "-o", str(out)]).exit_code == 0
    printed = runner.invoke(cli, ["--db", str(db_path), "export", "--format", "backup"]).stdout_bytes
    assert printed == out.read_bytes()
    notes = json.loads(printed)["tables"]["notes"]["rows"]
    assert any("\x1b[31mred" in row[3] and "\u2028" in row[3] for row in notes)
