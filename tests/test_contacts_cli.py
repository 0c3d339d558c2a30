"""`note`, `tag`, `untag`, `export` and contact `import` through the real click CLI."""

from __future__ import annotations

import csv
import io
import json

import pytest
import vobject
from click.testing import CliRunner

import contacts_fixture
from contacts_fixture import HOSTILE
from db import open_db
from tui.cli import cli


@pytest.fixture
def db_path(tmp_path, monkeypatch):
    monkeypatch.setenv("STAKEHOLDERS_NO_SEEDS", "1")
    path = tmp_path / "small.db"
    db = open_db(path)
    contacts_fixture.build(db)
    db.close()
    return path


def run(path, *args):
    return CliRunner().invoke(cli, ["--db", str(path), *args], catch_exceptions=False)


def query(path, sql, params=()):
    db = open_db(path)
    try:
        return db.execute(sql, list(params)).fetchall()
    finally:
        db.close()


def person_id(path, name):
    return query(path, "SELECT id FROM people WHERE name = ?", [name])[0][0]


def test_note_by_name(db_path):
    result = run(db_path, "note", "hector gonzalez", "Call back in May")
    assert result.exit_code == 0, result.output
    assert "Hector Gonzalez" in result.stdout
    assert query(db_path, "SELECT body FROM notes WHERE body = 'Call back in May'")


def test_ambiguous_name_writes_nothing_and_lists_candidates(db_path):
    notes = query(db_path, "SELECT COUNT(*) FROM notes")
    result = run(db_path, "note", "Gonzalez", "Should not be written")
    assert result.exit_code == 2
    for name in ("Hector Gonzalez", "Jorge Gonzalez", "Vicente Gonzalez"):
        assert name in result.stderr
    assert str(person_id(db_path, "Jorge Gonzalez")) in result.stderr
    assert "--id" in result.stderr and "Traceback" not in result.output
    assert query(db_path, "SELECT COUNT(*) FROM notes") == notes
    tagged = run(db_path, "tag", "Gonzalez", "vip")
    assert tagged.exit_code == 2
    assert query(db_path, "SELECT COUNT(*) FROM tags WHERE tag = 'vip'") == [(1,)]


def test_id_picks_exactly(db_path):
    jorge = person_id(db_path, "Jorge Gonzalez")
    assert run(db_path, "note", "--id", str(jorge), "Picked by id").exit_code == 0
    assert run(db_path, "tag", "Gonzalez", "donor", "Mexico", "--id", str(jorge)).exit_code == 0
    tags = query(db_path, "SELECT tag FROM tags WHERE entity_id = ? AND entity_type = 'person' ORDER BY tag", [jorge])
    assert tags == [("donor",), ("mexico",)]  # the leading NAME was not taken as a tag
    assert query(db_path, "SELECT entity_id FROM notes WHERE body = 'Picked by id'") == [(jorge,)]
    org = query(db_path, "SELECT id FROM organizations WHERE name = 'Acme Logistica'")[0][0]
    assert run(db_path, "tag", "--id", str(org), "--type", "organization", "partner").exit_code == 0
    assert query(db_path, "SELECT entity_type FROM tags WHERE tag = 'partner'") == [("organization",)]
    missing = run(db_path, "note", "--id", "9999", "x")
    assert missing.exit_code == 1 and "no entry" in missing.stderr


def test_tag_and_untag(db_path):
    assert run(db_path, "tag", "Luz Maria de la Mora", "VIP", "trade").exit_code == 0
    assert run(db_path, "untag", "Luz Maria de la Mora", "vip").exit_code == 0
    luz = person_id(db_path, "Luz María de la Mora")
    assert query(db_path, "SELECT tag FROM tags WHERE entity_id = ? AND entity_type = 'person'", [luz]) == [("trade",)]


def test_unknown_name_is_one_line_and_exit_1(db_path):
    result = run(db_path, "tag", "Nobody Atall Zzzz", "x")
    assert result.exit_code == 1 and "no entry matches" in result.stderr and "Traceback" not in result.output


def test_export_filters_resolve_acronyms_and_aliases(db_path):
    result = run(db_path, "export", "--format", "json", "--initiative", "BTF", "--organization", "Acme")
    assert result.exit_code == 0, result.output
    names = [p["name"] for p in json.loads(result.stdout)]
    assert names == ["Guillermo Garza Martinez", "Jorge Gonzalez", "Luz María de la Mora"]
    hled = run(db_path, "export", "--format", "json", "--initiative", "HLED")
    assert [p["name"] for p in json.loads(hled.stdout)] == ["Vicente Gonzalez"]
    nwt = run(db_path, "export", "--format", "vcard", "--organization", "Northwind")
    assert len(list(vobject.readComponents(nwt.stdout))) == 3


def test_export_tagged_people_only(db_path):
    run(db_path, "tag", "Jorge Gonzalez", "shortlist")
    run(db_path, "tag", "Jose Luis Gil", "shortlist")
    result = run(db_path, "export", "--tag", "shortlist")
    rows = list(csv.DictReader(io.StringIO(result.stdout, newline="")))
    assert sorted(r["name"] for r in rows) == ["Jorge Gonzalez", "José Luis Gil"]


def test_export_unknown_or_ambiguous_filter_is_refused(db_path):
    result = run(db_path, "export", "--organization", "Gonzalez Corp Zzz")
    assert result.exit_code == 1 and "no organization matches" in result.stderr
    db = open_db(db_path)
    db.table("organizations").insert({"name": "Acme Logistica", "name_key": "acme logistica"})
    db.close()
    result = run(db_path, "export", "--organization", "Acme Logistica")
    assert result.exit_code == 2 and result.stderr.count("Acme Logistica") >= 2 and not result.stdout
    assert run(db_path, "export", "--initiative", "nothing like it qqq").exit_code == 1


def test_export_csv_to_file_is_neutralised_and_raw_is_not(db_path, tmp_path):
    out = tmp_path / "list.csv"
    result = run(db_path, "export", "--output", str(out))
    assert result.exit_code == 0 and "7 people exported" in result.stderr
    rows = list(csv.DictReader(out.open(encoding="utf-8", newline="")))
    hostile = next(r for r in rows if HOSTILE in r["name"])
    assert all(not cell.startswith(("=", "+", "-", "@", "\t", "\r")) for r in rows for cell in r.values())
    assert hostile["name"] == "'" + HOSTILE
    raw = run(db_path, "export", "--raw")
    assert any(r["name"] == HOSTILE for r in csv.DictReader(io.StringIO(raw.stdout, newline="")))


def test_import_dispatches_contacts_by_suffix(db_path, tmp_path):
    out = tmp_path / "all.vcf"
    assert run(db_path, "export", "--format", "vcard", "-o", str(out)).exit_code == 0
    before = query(db_path, "SELECT COUNT(*) FROM people")
    result = run(db_path, "import", str(out))
    assert result.exit_code == 0 and "all.vcf: imported (nothing new)" in result.stdout
    assert query(db_path, "SELECT COUNT(*) FROM people") == before
    new = tmp_path / "new.csv"
    new.write_text("name,email\nAna Torres,ana@example.org\n", encoding="utf-8")
    result = run(db_path, "import", str(new))
    assert "1 person" in result.stdout
    bad = tmp_path / "bad.csv"
    bad.write_text("x,y\n1,2\n", encoding="utf-8")
    result = run(db_path, "import", str(bad))
    assert result.exit_code == 1 and "no 'name' column" in result.stderr


# --- the seeded directory ---------------------------------------------------------------


@pytest.fixture
def seeded_path(seeded_db_path, tmp_path, monkeypatch):
    import shutil

    monkeypatch.setenv("STAKEHOLDERS_NO_SEEDS", "1")
    path = tmp_path / "seeded.db"
    shutil.copy(seeded_db_path, path)
    if not query(path, "SELECT COUNT(*) FROM people")[0][0]:
        pytest.skip("extraction has not landed: the seeded directory is empty")
    return path


@pytest.mark.parametrize("fmt", ["csv", "json", "vcard"])
def test_seeded_ally_shoring_task_force_has_38_members(seeded_path, fmt):
    result = run(seeded_path, "export", "--format", fmt, "--initiative", "Ally-Shoring Task Force")
    assert result.exit_code == 0, result.output
    if fmt == "csv":
        count = len(list(csv.DictReader(io.StringIO(result.stdout, newline=""))))
    elif fmt == "json":
        count = len(json.loads(result.stdout))
    else:
        count = len(list(vobject.readComponents(result.stdout)))
    assert count == 38


def test_seeded_traxion_gives_three_vcards(seeded_path):
    result = run(seeded_path, "export", "--format", "vcard", "--organization", "Traxion Global")
    assert result.exit_code == 0, result.output
    cards = list(vobject.readComponents(result.stdout))
    assert len(cards) == 3 and all(c.fn.value and c.uid.value for c in cards)


def test_seeded_tag_two_then_export_exactly_those(seeded_path):
    assert run(seeded_path, "tag", "Jason Marczak", "shortlist").exit_code == 0
    assert run(seeded_path, "tag", "Luz Maria de la Mora", "shortlist").exit_code == 0
    result = run(seeded_path, "export", "--format", "json", "--tag", "shortlist")
    assert sorted(p["name"] for p in json.loads(result.stdout)) == ["Jason Marczak", "Luz María de la Mora"]


def test_seeded_gonzalez_is_ambiguous(seeded_path):
    result = run(seeded_path, "note", "Gonzalez", "x")
    assert result.exit_code == 2 and result.stderr.count("Gonzalez") >= 3


def test_seeded_hostile_value_never_reaches_a_spreadsheet(seeded_path):
    marczak = query(seeded_path, "SELECT id FROM people WHERE name = 'Jason Marczak'")[0][0]
    run(seeded_path, "note", "--id", str(marczak), '=HYPERLINK("http://x","y")')
    run(seeded_path, "tag", "--id", str(marczak), "@evil")
    rows = list(csv.DictReader(io.StringIO(run(seeded_path, "export").stdout, newline="")))
    assert all(not cell.startswith(("=", "+", "-", "@", "\t", "\r")) for r in rows for cell in r.values())


def test_unquoted_note_is_refused_before_anything_is_written(db_path):
    result = run(db_path, "note", "Hector", "Gonzalez", "met", "today")
    assert result.exit_code == 2 and "quote" in result.stderr
    assert query(db_path, "SELECT COUNT(*) FROM notes WHERE body LIKE '%today%'") == [(0,)]


def test_id_keeps_a_tag_that_is_only_part_of_a_word_of_the_name(db_path):
    jorge = person_id(db_path, "Jorge Gonzalez")
    assert run(db_path, "tag", "--id", str(jorge), "gonz", "jor").exit_code == 0
    assert run(db_path, "tag", "--id", str(jorge), "jorge gonzalez", "vip").exit_code == 0  # NAME, then a tag
    tags = query(db_path, "SELECT tag FROM tags WHERE entity_id = ? AND entity_type = 'person' ORDER BY tag", [jorge])
    assert tags == [("gonz",), ("jor",), ("vip",)]
