"""`add`, `rm`, `retype`, `rename`, `split`, `reextract` and `undo` through the real click CLI."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from correction_fixtures import OTHER, TEXT
from db import open_db
from db.importer import import_text
from tui.cli import cli


@pytest.fixture
def db_path(tmp_path, monkeypatch):
    monkeypatch.setenv("STAKEHOLDERS_NO_SEEDS", "1")
    path = tmp_path / "c.db"
    db = open_db(path)
    import_text(db, TEXT, name="release.txt")
    import_text(db, OTHER, name="other.txt")
    db.close()
    return path


def run(path, *args, input=None):
    return CliRunner().invoke(cli, ["--db", str(path), *args], input=input, catch_exceptions=False)


def query(path, sql, params=()):
    db = open_db(path)
    try:
        return db.execute(sql, list(params)).fetchall()
    finally:
        db.close()


def test_add_person_with_organization_title_and_initiative_role(db_path):
    result = run(db_path, "add", "organization", "Quintero Salas Foundation")
    assert result.exit_code == 0 and "added" in result.output
    result = run(db_path, "add", "person", "Nadia Sorel", "--organization", "Quintero Salas Foundation",
                 "--title", "treasurer", "--initiative", "Coastal Resilience Task Force", "--role", "observer")
    assert result.exit_code == 0, result.output
    assert query(db_path, "SELECT o.name, a.title FROM affiliations a JOIN organizations o ON o.id = a.organization_id"
                 " JOIN people p ON p.id = a.person_id WHERE p.name = 'Nadia Sorel'") == [("Quintero Salas Foundation", "treasurer")]
    assert query(db_path, "SELECT m.role FROM memberships m JOIN people p ON p.id = m.person_id"
                 " WHERE p.name = 'Nadia Sorel'") == [("observer",)]
    again = run(db_path, "add", "person", "nadia sorel")
    assert "already there" in again.output


def test_add_refuses_person_options_on_an_organization(db_path):
    result = run(db_path, "add", "organization", "X Group", "--title", "chair")
    assert result.exit_code == 2 and result.output.count("\n") == 1


def test_rm_asks_and_undo_brings_it_back(db_path):
    result = run(db_path, "rm", "Tomas Reyna", input="n\n")
    assert result.exit_code == 1
    assert query(db_path, "SELECT COUNT(*) FROM people WHERE name = 'Tomas Reyna'") == [(1,)]
    result = run(db_path, "rm", "Tomas Reyna", "--yes")
    assert result.exit_code == 0 and "deleted Tomas Reyna" in result.output
    assert query(db_path, "SELECT COUNT(*) FROM people WHERE name = 'Tomas Reyna'") == [(0,)]
    result = run(db_path, "undo")
    assert result.output.startswith("undone: Deleted person Tomas Reyna")
    assert query(db_path, "SELECT COUNT(*) FROM people WHERE name = 'Tomas Reyna'") == [(1,)]


def test_rm_document_says_what_it_removed(db_path):
    result = run(db_path, "rm", "--document", "2", "--yes")
    assert result.exit_code == 0, result.output
    assert "other.txt" in result.output and "1 people" in result.output
    assert run(db_path, "rm", "--document", "99", "--yes").exit_code == 1


def test_retype_rename_and_errors(db_path):
    result = run(db_path, "retype", "Harbor Logistics Council", "--to", "initiative")
    assert result.exit_code == 0 and "is now an initiative" in result.output
    assert query(db_path, "SELECT COUNT(*) FROM initiatives WHERE name = 'Harbor Logistics Council'") == [(1,)]
    result = run(db_path, "retype", "Harbor Logistics Council", "--type", "initiative", "--to", "initiative")
    assert result.exit_code == 1 and "already" in result.output
    result = run(db_path, "rename", "Norteño Rail Partners", "--to", "Norteño Rail Partners S.A.")
    assert result.exit_code == 0
    assert query(db_path, "SELECT COUNT(*) FROM organizations WHERE name = 'Norteño Rail Partners S.A.'") == [(1,)]
    result = run(db_path, "rename", "--id", "999", "--to", "x")
    assert result.exit_code == 1


def test_split_lists_then_moves(db_path):
    listing = run(db_path, "split", "Ilse Brandauer", "--name", "Ilse Brandauer")
    assert listing.exit_code == 2 and "--mention" in listing.output
    mention = query(db_path, "SELECT m.id FROM mentions m JOIN people p ON p.id = m.entity_id"
                    " WHERE m.entity_type = 'person' AND p.name = 'Ilse Brandauer' AND m.document_id = 2")[0][0]
    result = run(db_path, "split", "Ilse Brandauer", "--name", "Ilse Brandauer (Lumen)", "--mention", str(mention),
                 "--initiative", "Coastal Resilience Task Force")
    assert result.exit_code == 0, result.output
    assert query(db_path, "SELECT COUNT(*) FROM people WHERE name = 'Ilse Brandauer (Lumen)'") == [(1,)]


def test_reextract_asks_and_keeps_corrections(db_path):
    run(db_path, "rm", "Tomas Reyna", "--yes")
    assert run(db_path, "reextract").exit_code == 1  # no answer: aborted
    result = run(db_path, "reextract", "--yes")
    assert result.exit_code == 0 and result.output.startswith("re-extracted 2 documents")
    assert query(db_path, "SELECT COUNT(*) FROM people WHERE name = 'Tomas Reyna'") == [(0,)]
    assert run(db_path, "reextract", "--document", "77", "--yes").exit_code == 1


def test_undo_with_nothing_to_undo(db_path):
    assert run(db_path, "undo").output == "nothing to undo\n"


def test_judgements_export_by_name(db_path, tmp_path):
    import json

    run(db_path, "rm", "Tomas Reyna", "--yes")
    run(db_path, "retype", "Harbor Logistics Council", "--to", "initiative")
    run(db_path, "add", "person", "Nadia Sorel", "--organization", "Cobalt Terminal Group", "--title", "pilot")
    data = json.loads(run(db_path, "judgements").output)
    assert {"type": "person", "name": "Tomas Reyna", "verdict": "deleted"} in [
        {k: r[k] for k in ("type", "name", "verdict")} for r in data["rejected_entities"]]
    assert any(r["to_type"] == "initiative" and r["to_name"] == "Harbor Logistics Council" for r in data["redirects"])
    assert {"kind": "affiliation", "first": "Nadia Sorel", "second": "Cobalt Terminal Group", "title": "pilot"} in data["added_relations"]
    out = tmp_path / "j.json"
    assert run(db_path, "judgements", "-o", str(out)).exit_code == 0 and json.loads(out.read_text())
