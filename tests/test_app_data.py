"""A small deterministic directory for the app's tests and snapshots, and tests of db/browse.py.

The data is written directly (not extracted), so the app's tests do not move when the
extractor changes; dates are fixed so snapshots are stable.
"""

from __future__ import annotations

from pathlib import Path

from db import open_db
from db.browse import count_with_tag, describe, entities_with_tag, list_entities, related_people
from db.textnorm import compact_key, fold

DOC_TEXT = (
    "Lucía Ferrán Ortega, director of trade policy at Puente Norte Institute, chairs the Border Logistics Council.\n"
    "Tomás Wierzbicki, economist at Puente Norte Institute, joined the council.\n"
)
STAMP = "2026-01-15T10:00:00+00:00"

PEOPLE = [
    # id, name, title, email, phone
    (1, "Lucía Ferrán Ortega", "Director of Trade Policy", "lucia@puentenorte.example", "+1 555 0100"),
    (2, "Tomás Wierzbicki", "Economist", None, None),
    (3, "Greta Oyelaran", "Chief Executive Officer", None, None),
    (4, "[bold]X[/bold]", None, None, None),
    (5, "[link=http://x]y[/link]", None, None, None),
    (6, "Tomas Wierzbicky", None, "tomas@example.org", None),
]
ORGS = [(1, "Puente Norte Institute", "PNI"), (2, "Cascada Freight", None), (3, "[Holdings]", None)]
INITIATIVES = [(1, "Border Logistics Council", "council")]


def build_fixture_db(path: Path) -> Path:
    """Write the fixture directory to `path` and return it."""
    db = open_db(path)
    with db.conn:
        for pid, name, title, email, phone in PEOPLE:
            db.execute(
                "INSERT INTO people (id, name, title, email, phone, name_key, created_at) VALUES (?,?,?,?,?,?,?)",
                [pid, name, title, email, phone, fold(name), STAMP],
            )
        for oid, name, acronym in ORGS:
            db.execute(
                "INSERT INTO organizations (id, name, acronym, name_key, created_at) VALUES (?,?,?,?,?)",
                [oid, name, acronym, fold(name), STAMP],
            )
        for iid, name, kind in INITIATIVES:
            db.execute(
                "INSERT INTO initiatives (id, name, kind, name_key, created_at) VALUES (?,?,?,?,?)",
                [iid, name, kind, fold(name), STAMP],
            )
        db.conn.executemany(
            "INSERT INTO affiliations (person_id, organization_id, title) VALUES (?,?,?)",
            [(1, 1, "Director of Trade Policy"), (2, 1, "Economist"), (3, 2, "Chief Executive Officer"),
             (4, 3, None), (6, 2, None)],
        )
        db.conn.executemany(
            "INSERT INTO memberships (person_id, initiative_id, role) VALUES (?,?,?)",
            [(1, 1, "Chair"), (2, 1, "Member"), (3, 1, "Member")],
        )
        db.execute("INSERT INTO initiative_organizations VALUES (1, 2, 'Founding partner')")
        db.execute(
            "INSERT INTO aliases (entity_type, entity_id, alias, alias_key) VALUES ('organization', 1, 'PNI', ?)",
            [compact_key("PNI")],
        )
        db.execute(
            "INSERT INTO documents (id, name, sha256, format, text, imported_at) VALUES (1, 'council.txt', 'abc', 'txt', ?, ?)",
            [DOC_TEXT, STAMP],
        )
        first, second = DOC_TEXT.splitlines()
        db.conn.executemany(
            'INSERT INTO mentions (document_id, entity_type, entity_id, start, "end", text, sentence) VALUES (1,?,?,?,?,?,?)',
            [("person", 1, 0, 19, "Lucía Ferrán Ortega", first),
             ("person", 2, 0, 16, "Tomás Wierzbicki", second),
             ("organization", 1, 49, 71, "Puente Norte Institute", first)],
        )
        db.execute(
            "INSERT INTO notes (entity_type, entity_id, body, created_at, updated_at) VALUES ('person', 1, 'Met at the Monterrey forum', ?, ?)",
            [STAMP, STAMP],
        )
        db.conn.executemany("INSERT INTO tags VALUES (?,?,?)", [("person", 1, "vip"), ("person", 3, "vip"), ("organization", 2, "logistics")])
    db.close()
    return path


def test_list_entities_pages_in_name_order(tmp_path):
    db = open_db(build_fixture_db(tmp_path / "f.db"))
    rows = list_entities(db, "person", 0, 3)
    assert [r.name for r in rows] == ["[bold]X[/bold]", "Greta Oyelaran", "[link=http://x]y[/link]"]
    lucia = list_entities(db, "person", 3, 1)[0]
    assert (lucia.title, lucia.organization, lucia.tags) == ("Director of Trade Policy", "Puente Norte Institute", "vip")
    assert list_entities(db, "organization")[2].title == "PNI"


def test_describe_keeps_order_and_skips_unknown(tmp_path):
    db = open_db(build_fixture_db(tmp_path / "f.db"))
    rows = describe(db, [("initiative", 1), ("person", 99), ("person", 2)])
    assert [(r.type, r.id) for r in rows] == [("initiative", 1), ("person", 2)]
    assert rows[0].organization == "3 members"


def test_tag_and_member_listings(tmp_path):
    db = open_db(build_fixture_db(tmp_path / "f.db"))
    assert [r.name for r in entities_with_tag(db, "vip")] == ["Greta Oyelaran", "Lucía Ferrán Ortega"]
    assert count_with_tag(db) == 3 and count_with_tag(db, "logistics") == 1
    members = related_people(db, "initiative", 1)
    assert [(m.name, m.detail) for m in members][0] == ("Lucía Ferrán Ortega", "Chair")


def test_counts_in_list_rows_agree_in_number(tmp_path):
    db = open_db(build_fixture_db(tmp_path / "f.db"))
    by_name = {r.name: r.organization for r in list_entities(db, "organization")}
    assert by_name == {"Cascada Freight": "2 people", "[Holdings]": "1 person", "Puente Norte Institute": "2 people"}
    db.execute("DELETE FROM memberships WHERE person_id != 1")
    assert describe(db, [("initiative", 1)])[0].organization == "1 member"
