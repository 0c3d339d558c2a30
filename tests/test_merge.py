"""Merging two records of the same entity."""

from __future__ import annotations

import pytest
from test_app_data import build_fixture_db

from db import open_db
from db.cards import entity_card
from db.merge import MergeError, merge_entities


@pytest.fixture
def db(tmp_path):
    database = open_db(build_fixture_db(tmp_path / "m.db"))
    yield database
    database.close()


def test_merge_people_moves_everything(db):
    # give the merged-away person things the survivor also has (collisions) and things it lacks
    db.execute("INSERT INTO tags VALUES ('person', 6, 'vip'), ('person', 6, 'press')")
    db.execute("INSERT INTO tags VALUES ('person', 2, 'vip')")
    db.execute("INSERT INTO notes (entity_type, entity_id, body, created_at, updated_at) VALUES ('person', 6, 'n', 'x', 'x')")
    db.execute("INSERT INTO memberships VALUES (6, 1, 'Member')")
    db.execute("INSERT INTO mentions (document_id, entity_type, entity_id, start, \"end\", text) VALUES (1, 'person', 6, 0, 1, 'T')")
    db.execute("UPDATE affiliations SET title = NULL WHERE person_id = 2")
    db.execute("INSERT INTO affiliations VALUES (6, 1, 'Senior Economist')")
    db.conn.commit()

    survivor = merge_entities(db, "person", 6, 2)

    assert survivor["email"] == "tomas@example.org"  # filled from the merged-away record
    assert survivor["title"] == "Economist"  # the survivor's own value kept
    assert db.execute("SELECT COUNT(*) FROM people WHERE id = 6").fetchone()[0] == 0
    card = entity_card(db, "person", 2)
    assert card["tags"] == ["press", "vip"]
    assert {a["organization"]: a["title"] for a in card["affiliations"]} == {
        "Puente Norte Institute": "Senior Economist",  # collision: the survivor's empty title filled
        "Cascada Freight": None,
    }
    assert [m["initiative"] for m in card["memberships"]] == ["Border Logistics Council"]
    assert "Tomas Wierzbicky" in card["aliases"]
    assert [n["body"] for n in card["notes"]] == ["n"]
    assert db.execute("SELECT COUNT(*) FROM mentions WHERE entity_type='person' AND entity_id=2").fetchone()[0] == 2
    for table in ("tags", "notes", "aliases", "mentions"):
        left = db.execute(f"SELECT COUNT(*) FROM {table} WHERE entity_type='person' AND entity_id=6").fetchone()[0]
        assert left == 0, table


def test_merge_organizations_moves_people_and_partnerships(db):
    merge_entities(db, "organization", 2, 1)
    card = entity_card(db, "organization", 1)
    assert {p["name"] for p in card["people"]} >= {"Greta Oyelaran", "Lucía Ferrán Ortega"}
    assert [i["role"] for i in card["initiatives"] if i["initiative"] == "Border Logistics Council"] == ["Founding partner"]
    assert card["tags"] == ["logistics"]
    assert "Cascada Freight" in card["aliases"] and "PNI" in card["aliases"]


def test_merge_refuses_bad_requests_and_changes_nothing(db):
    with pytest.raises(MergeError):
        merge_entities(db, "person", 2, 2)
    with pytest.raises(MergeError):
        merge_entities(db, "person", 2, 999)
    with pytest.raises(MergeError):
        merge_entities(db, "planet", 1, 2)
    assert db.execute("SELECT COUNT(*) FROM people").fetchone()[0] == 6
    assert not db.conn.in_transaction


def test_merged_away_name_still_found_by_search(db):
    from db.search import search

    merge_entities(db, "person", 6, 2)
    hits = search(db, "Wierzbicky", limit=5, types=("person",))
    assert hits and {h.id for h in hits} == {2}
