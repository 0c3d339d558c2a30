"""Notes, tags and user edits (db.annotations) and the cards that show them."""

import pytest

from db.annotations import (
    AnnotationError,
    add_note,
    add_tags,
    entity_tags,
    remove_tags,
    tag_counts,
    update_entity,
)
from db.cards import entity_card


@pytest.fixture
def person(empty_db):
    empty_db.execute("INSERT INTO people (name, name_key) VALUES ('Ana Pérez', 'ana perez')")
    empty_db.execute("INSERT INTO organizations (name, name_key) VALUES ('Acme Group', 'acme group')")
    empty_db.execute("INSERT INTO affiliations (person_id, organization_id, title) VALUES (1, 1, 'CEO')")
    return empty_db


def test_note_shows_on_card_newest_first(person):
    add_note(person, "person", 1, "first")
    add_note(person, "person", 1, "second [bold]x[/bold]")
    card = entity_card(person, "person", 1)
    assert [n["body"] for n in card["notes"]] == ["second [bold]x[/bold]", "first"]
    assert card["affiliations"][0]["organization"] == "Acme Group"


def test_empty_note_and_missing_entity_are_refused(person):
    with pytest.raises(AnnotationError):
        add_note(person, "person", 1, "   ")
    with pytest.raises(AnnotationError):
        add_note(person, "person", 99, "hello")
    assert person.execute("SELECT COUNT(*) FROM notes").fetchone()[0] == 0


def test_tags_are_normalised_and_removable(person):
    assert add_tags(person, "person", 1, ["VIP", " vip ", "Energy  Sector"]) == ["vip", "energy sector"]
    assert add_tags(person, "person", 1, ["vip"]) == []
    assert entity_tags(person, "person", 1) == ["energy sector", "vip"]
    assert remove_tags(person, "person", 1, ["VIP", "absent"]) == ["vip"]
    assert tag_counts(person) == [("energy sector", 1)]


def test_edit_is_validated_and_recorded(person):
    with pytest.raises(AnnotationError, match="email"):
        update_entity(person, "person", 1, {"email": "not-an-email"})
    changed = update_entity(person, "person", 1, {"email": " ana@example.org ", "name": "Ana Pérez López"})
    assert changed == {"email": "ana@example.org", "name": "Ana Pérez López"}
    row = next(person.query("SELECT * FROM people WHERE id = 1"))
    assert set(row["user_edited"].split(",")) == {"email", "name"}
    assert row["name_key"] == "ana perez lopez"
    aliases = {r["alias"] for r in person.query("SELECT alias FROM aliases WHERE entity_id = 1")}
    assert "Ana Pérez" in aliases
