"""CSV and vCard keep what the directory knows: the title at each organization, the role in
each initiative, tags holding ';' or ','; checked with our import and with vobject."""

from __future__ import annotations

import io

import pytest
import vobject

import contacts_fixture
from db import open_db
from db.formats.contacts import import_contacts
from db.formats.export import export_people


@pytest.fixture
def source(empty_db):
    ids = contacts_fixture.build(empty_db)
    garza = ids["Guillermo Garza Martinez"]
    hector = ids["Hector Gonzalez"]
    empty_db.execute("UPDATE affiliations SET title = 'VP, Operations' WHERE person_id = ? AND organization_id = 1", [garza])
    empty_db.execute("UPDATE affiliations SET title = 'Board member; treasurer' WHERE person_id = ? AND organization_id = 2", [garza])
    empty_db.execute("UPDATE memberships SET role = 'co-chair' WHERE person_id = ?", [garza])
    empty_db.execute("UPDATE memberships SET role = 'lead' WHERE person_id = ?", [hector])
    empty_db.execute("UPDATE memberships SET role = NULL WHERE person_id = ?", [ids["Vicente Gonzalez"]])
    empty_db.execute(
        "INSERT INTO tags VALUES ('person', ?, 'semi;colon'), ('person', ?, 'com,ma'), ('person', ?, 'back\\slash')",
        [hector, hector, hector],
    )
    empty_db.conn.commit()
    return empty_db


def _links(db) -> list:
    q = ("SELECT 'org', p.name, o.name, a.title FROM affiliations a JOIN people p ON p.id = a.person_id"
         " JOIN organizations o ON o.id = a.organization_id UNION ALL"
         " SELECT 'ini', p.name, i.name, m.role FROM memberships m JOIN people p ON p.id = m.person_id"
         " JOIN initiatives i ON i.id = m.initiative_id UNION ALL"
         " SELECT 'tag', p.name, t.tag, NULL FROM tags t JOIN people p ON p.id = t.entity_id AND t.entity_type = 'person'")
    return sorted(tuple(" ".join((v or "").split()) for v in row) for row in db.execute(q))


@pytest.mark.parametrize("fmt, suffix", [("csv", ".csv"), ("vcard", ".vcf")])
def test_round_trip_into_an_empty_directory_keeps_titles_roles_and_tags(source, tmp_path, fmt, suffix):
    path = tmp_path / f"contacts{suffix}"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        export_people(source, fmt, fh)
    target = open_db(tmp_path / "other.db")
    assert import_contacts(target, path).status == "imported"
    assert _links(target) == _links(source)
    assert ("ini", "Hector Gonzalez", "Border Task Force", "lead") in _links(target)
    assert ("org", "Guillermo Garza Martinez", "Acme Logistica", "Board member; treasurer") in _links(target)


def test_reimport_fills_an_empty_role_but_never_changes_one(source, tmp_path):
    path = tmp_path / "c.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        export_people(source, "csv", fh)
    other = open_db(tmp_path / "other.db")
    import_contacts(other, path)
    other.execute("UPDATE memberships SET role = NULL WHERE role = 'lead'")
    other.execute("UPDATE memberships SET role = 'chair' WHERE role = 'co-chair'")
    other.conn.commit()
    result = import_contacts(other, path)
    assert result.added == {"roles": 1}
    roles = {r[0] for r in other.execute("SELECT role FROM memberships")}
    assert "lead" in roles and "chair" in roles and "co-chair" not in roles


def test_vcard_is_read_by_vobject_with_titles_roles_and_categories(source):
    out = io.StringIO()
    export_people(source, "vcard", out)
    cards = {c.fn.value: c for c in vobject.readComponents(out.getvalue())}
    garza = cards["Guillermo Garza Martinez"]
    titles = {o.value[0]: o.params.get("X-STAKEHOLDERS-TITLE") for o in garza.contents["org"]}
    assert titles == {"Northwind Traders": ["VP, Operations"], "Acme Logistica": ["Board member; treasurer"]}
    roles = [(p.value, p.params.get("ROLE")) for p in garza.contents["x-stakeholders-initiative"]]
    assert roles == [("Border Task Force", ["co-chair"])]
    assert sorted(cards["Hector Gonzalez"].categories.value) == ["back\\slash", "com,ma", "logistics", "semi;colon", "vip"]


def test_csv_cells_escape_the_list_separator(source):
    import csv

    out = io.StringIO()
    export_people(source, "csv", out)
    rows = {r["name"]: r for r in csv.DictReader(io.StringIO(out.getvalue()))}
    garza = rows["Guillermo Garza Martinez"]
    assert garza["organizations"] == "Northwind Traders; Acme Logistica"
    assert garza["organization_titles"] == "VP, Operations; Board member\\; treasurer"
    assert garza["initiative_roles"] == "co-chair"
    assert rows["Vicente Gonzalez"]["initiative_roles"] == ""
    assert "semi\\;colon" in rows["Hector Gonzalez"]["tags"]
