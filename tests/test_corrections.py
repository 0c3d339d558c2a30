"""Corrections (db.corrections): each one, its undo, and how imports and re-extraction keep it."""

from __future__ import annotations

import pytest

from db import open_db
from db.annotations import add_note, add_tags
from db.corrections import (
    CorrectionError,
    add_entity,
    attach,
    delete_document,
    delete_entity,
    journal_position,
    reextract,
    reject_entity,
    reject_relation,
    rename_entity,
    retype_entity,
    split_entity,
    undo_last,
)
from db.importer import import_text
from db.merge import merge_entities
from correction_fixtures import OTHER, TEXT, id_of, names, one


@pytest.fixture
def db(tmp_path):
    database = open_db(tmp_path / "c.db")
    import_text(database, TEXT, name="release.txt")
    yield database
    database.close()


def snapshot(db) -> dict:
    tables = ("people", "organizations", "initiatives", "aliases", "affiliations", "memberships",
              "initiative_organizations", "mentions", "notes", "tags", "affiliation_sources",
              "membership_sources", "partner_sources", "rejected_entities", "rejected_relations",
              "entity_redirects", "mention_assignments")
    return {t: sorted(map(tuple, db.execute(f"SELECT * FROM {t}").fetchall()), key=repr) for t in tables}


def search_names(db) -> list:
    return sorted(tuple(r) for r in db.execute("SELECT entity_type, entity_id FROM search_keys GROUP BY 1, 2"))


def test_relations_are_credited_to_their_document(db):
    feld = id_of(db, "person", "Dario Feld")
    cobalt = id_of(db, "organization", "Cobalt Terminal Group")
    assert one(db, "SELECT document_id FROM affiliation_sources WHERE person_id = ? AND organization_id = ?",
               [feld, cobalt]) == 1


def test_rejected_person_never_comes_back(db):
    reyna = id_of(db, "person", "Tomas Reyna")
    reject_entity(db, "person", reyna)
    assert id_of(db, "person", "Tomas Reyna") is None
    reextract(db)
    assert id_of(db, "person", "Tomas Reyna") is None
    import_text(db, TEXT + "\nMore news soon.\n", name="release-v2.txt")
    assert id_of(db, "person", "Tomas Reyna") is None
    assert one(db, "SELECT COUNT(*) FROM mentions WHERE entity_type = 'person' AND entity_id = ?", [reyna]) == 0


def test_undo_of_a_rejection_gives_back_every_row(db):
    reyna = id_of(db, "person", "Tomas Reyna")
    add_note(db, "person", reyna, "a note")
    add_tags(db, "person", reyna, ["vip"])
    before, keys = snapshot(db), search_names(db)
    reject_entity(db, "person", reyna)
    assert snapshot(db) != before
    assert "Rejected person Tomas Reyna" == undo_last(db)
    assert snapshot(db) == before
    assert search_names(db) == keys
    assert undo_last(db) is None


def test_reject_relation_is_remembered(db):
    reyna = id_of(db, "person", "Tomas Reyna")
    corridor = id_of(db, "initiative", "Binational Freight Corridor Initiative")
    reject_relation(db, "membership", reyna, corridor)
    assert one(db, "SELECT COUNT(*) FROM memberships WHERE person_id = ? AND initiative_id = ?", [reyna, corridor]) == 0
    reextract(db)
    assert one(db, "SELECT COUNT(*) FROM memberships WHERE person_id = ? AND initiative_id = ?", [reyna, corridor]) == 0
    assert id_of(db, "person", "Tomas Reyna") == reyna  # the person stays
    attach(db, reyna, initiative_id=corridor, role="observer")  # by hand: withdrawn
    assert one(db, "SELECT role FROM memberships WHERE person_id = ? AND initiative_id = ?", [reyna, corridor]) == "observer"
    assert one(db, "SELECT COUNT(*) FROM rejected_relations") == 0


def test_retype_organization_to_initiative_keeps_everything_and_is_found_again(db):
    council = id_of(db, "organization", "Harbor Logistics Council")
    add_note(db, "organization", council, "really a coalition")
    add_tags(db, "organization", council, ["ports"])
    new_id = retype_entity(db, "organization", council, "initiative")
    assert id_of(db, "organization", "Harbor Logistics Council") is None
    assert id_of(db, "initiative", "Harbor Logistics Council") == new_id
    assert one(db, "SELECT body FROM notes WHERE entity_type = 'initiative' AND entity_id = ?", [new_id]) == "really a coalition"
    assert one(db, "SELECT tag FROM tags WHERE entity_type = 'initiative' AND entity_id = ?", [new_id]) == "ports"
    assert one(db, "SELECT COUNT(*) FROM mentions WHERE entity_type = 'initiative' AND entity_id = ?", [new_id]) > 0
    reextract(db)
    assert id_of(db, "organization", "Harbor Logistics Council") is None
    assert names(db, "initiatives").count("Harbor Logistics Council") == 1
    assert one(db, "SELECT COUNT(*) FROM notes WHERE entity_type = 'initiative' AND entity_id = ?", [new_id]) == 1
    before = one(db, "SELECT COUNT(*) FROM organizations")
    undo_last(db)
    assert id_of(db, "organization", "Harbor Logistics Council") == council
    assert one(db, "SELECT COUNT(*) FROM organizations") == before + 1


def test_affiliations_become_memberships_on_retype(db):
    cobalt = id_of(db, "organization", "Cobalt Terminal Group")
    feld = id_of(db, "person", "Dario Feld")
    new_id = retype_entity(db, "organization", cobalt, "initiative")
    assert one(db, "SELECT role FROM memberships WHERE person_id = ? AND initiative_id = ?", [feld, new_id]) == "director of operations"
    reextract(db)
    assert one(db, "SELECT COUNT(*) FROM affiliations WHERE person_id = ?", [feld]) == 0
    assert one(db, "SELECT COUNT(*) FROM memberships WHERE person_id = ? AND initiative_id = ?", [feld, new_id]) == 1


def test_rename_keeps_the_old_name_and_is_found_again(db):
    rail = id_of(db, "organization", "Norteño Rail Partners")
    rename_entity(db, "organization", rail, "Norteño Rail Partners S.A.")
    reextract(db)
    assert id_of(db, "organization", "Norteño Rail Partners") is None
    assert id_of(db, "organization", "Norteño Rail Partners S.A.") == rail
    with pytest.raises(CorrectionError):
        rename_entity(db, "organization", rail, "  ")
    undo_last(db)
    assert id_of(db, "organization", "Norteño Rail Partners") == rail


def test_add_by_hand_with_a_span_survives_reextraction(db):
    start = TEXT.index("Quintero Salas Foundation")
    end = start + len("Quintero Salas Foundation")
    org = add_entity(db, "organization", "", document_id=1, start=start, end=end)
    assert id_of(db, "organization", "Quintero Salas Foundation") == org
    reyna = id_of(db, "person", "Tomas Reyna")
    attach(db, reyna, organization_id=org, title="chair")
    reextract(db)
    assert one(db, "SELECT COUNT(*) FROM mentions m JOIN user_mentions u ON u.mention_id = m.id"
               " WHERE entity_type = 'organization' AND entity_id = ?", [org]) == 1
    assert one(db, "SELECT title FROM affiliations WHERE person_id = ? AND organization_id = ?", [reyna, org]) == "chair"
    with pytest.raises(CorrectionError):
        add_entity(db, "organization", "x", document_id=1, start=5, end=10**7)
    assert add_entity(db, "organization", "quintero salas foundation") == org  # the same record


def test_split_moves_mentions_and_relations_and_they_stay(db):
    cobalt = id_of(db, "organization", "Cobalt Terminal Group")
    brandauer = id_of(db, "person", "Ilse Brandauer")
    import_text(db, OTHER, name="other.txt")
    # Ilse of the second document is another person of the same name
    mention = one(db, "SELECT id FROM mentions WHERE entity_type = 'person' AND entity_id = ? AND document_id = 2", [brandauer])
    corridor = id_of(db, "initiative", "Coastal Resilience Task Force")
    new_id = split_entity(db, "person", brandauer, "Ilse Brandauer", mention_ids=[mention], initiative_ids=[corridor])
    assert one(db, "SELECT entity_id FROM mentions WHERE id = ?", [mention]) == new_id
    assert one(db, "SELECT COUNT(*) FROM memberships WHERE person_id = ? AND initiative_id = ?", [new_id, corridor]) == 1
    assert one(db, "SELECT COUNT(*) FROM memberships WHERE person_id = ? AND initiative_id = ?", [brandauer, corridor]) == 0
    reextract(db)
    assert one(db, "SELECT COUNT(*) FROM mentions WHERE entity_type = 'person' AND entity_id = ? AND document_id = 2", [new_id]) == 1
    assert one(db, "SELECT COUNT(*) FROM mentions WHERE entity_type = 'person' AND entity_id = ? AND document_id = 2", [brandauer]) == 0
    assert one(db, "SELECT COUNT(*) FROM memberships WHERE person_id = ? AND initiative_id = ?", [brandauer, corridor]) == 0
    assert one(db, "SELECT COUNT(*) FROM memberships WHERE person_id = ? AND initiative_id = ?", [new_id, corridor]) == 1
    assert one(db, "SELECT COUNT(*) FROM affiliations WHERE person_id = ? AND organization_id = ?", [new_id, cobalt]) == 1
    assert one(db, "SELECT COUNT(*) FROM affiliations WHERE person_id = ? AND organization_id = ?", [brandauer, cobalt]) == 1
    from db.duplicates import possible_duplicates

    assert not any({p.a_id, p.b_id} == {brandauer, new_id} for p in possible_duplicates(db, "person"))  # split on purpose


def test_delete_document_removes_only_what_it_alone_supported(db):
    import_text(db, OTHER, name="other.txt")
    okafor = id_of(db, "person", "Pavel Okafor")
    assert okafor
    removed = delete_document(db, 2)
    assert removed["document"] == "other.txt"
    assert removed["people"] == 1 and removed["organizations"] == 1  # Okafor, Lumen Port Authority
    assert id_of(db, "person", "Pavel Okafor") is None
    assert id_of(db, "person", "Ilse Brandauer") is not None  # also in the first document
    assert undo_last(db) == "Deleted document other.txt"
    assert id_of(db, "person", "Pavel Okafor") == okafor


def test_delete_document_keeps_annotated_records(db):
    feld = id_of(db, "person", "Dario Feld")
    add_note(db, "person", feld, "met in Monterrey")
    removed = delete_document(db, 1)
    assert id_of(db, "person", "Dario Feld") == feld
    assert removed["people"] == 3


def test_delete_entity_asks_nothing_but_is_undoable_and_remembered(db):
    feld = id_of(db, "person", "Dario Feld")
    delete_entity(db, "person", feld)
    reextract(db)
    assert id_of(db, "person", "Dario Feld") is None
    undo_last(db)
    assert id_of(db, "person", "Dario Feld") == feld
    assert one(db, "SELECT COUNT(*) FROM rejected_entities") == 0


def test_merge_and_follow_up_are_undoable(db):
    from db.engagement import log_interaction, mark_done

    feld = id_of(db, "person", "Dario Feld")
    reyna = id_of(db, "person", "Tomas Reyna")
    before = snapshot(db)
    merge_entities(db, "person", reyna, feld)
    assert id_of(db, "person", "Tomas Reyna") is None
    assert undo_last(db) == "Merged person Tomas Reyna into Dario Feld"
    assert snapshot(db) == before
    row = log_interaction(db, feld, kind="call", date="2026-01-05", follow_up_date="2026-01-09")
    mark_done(db, row["id"])
    assert "done" in undo_last(db)
    assert one(db, "SELECT done FROM interactions WHERE id = ?", [row["id"]]) == 0


def test_undo_since_a_position_touches_nothing_older(db):
    reject_entity(db, "person", id_of(db, "person", "Tomas Reyna"))
    position = journal_position(db)
    assert undo_last(db, position) is None
    assert id_of(db, "person", "Tomas Reyna") is None


def test_errors_are_one_line(db):
    with pytest.raises(CorrectionError, match="no person with id 999"):
        reject_entity(db, "person", 999)
    with pytest.raises(CorrectionError, match="unknown type"):
        retype_entity(db, "people", 1, "organization")
    with pytest.raises(CorrectionError, match="already"):
        retype_entity(db, "person", 1, "person")
    with pytest.raises(CorrectionError):
        attach(db, 1)


def test_rejecting_one_of_two_namesakes_keeps_the_other_drawn(db):
    from db.resolve import create_person

    feld = id_of(db, "person", "Dario Feld")
    with db.conn:
        namesake = create_person(db, "Dario Feld")
    reject_entity(db, "person", namesake)
    reextract(db)
    assert id_of(db, "person", "Dario Feld") == feld
    assert one(db, "SELECT COUNT(*) FROM mentions WHERE entity_type = 'person' AND entity_id = ?", [feld]) > 0


def _ops(db):
    """Each correction, as a function of the fixture database."""
    return {
        "reject": lambda: reject_entity(db, "person", id_of(db, "person", "Tomas Reyna")),
        "reject relation": lambda: reject_relation(
            db, "affiliation", id_of(db, "person", "Dario Feld"), id_of(db, "organization", "Cobalt Terminal Group")),
        "retype": lambda: retype_entity(db, "initiative", id_of(db, "initiative", "Coastal Resilience Task Force"),
                                        "organization"),
        "rename": lambda: rename_entity(db, "person", id_of(db, "person", "Ilse Brandauer"), "Ilse B. Brandauer"),
        "add": lambda: add_entity(db, "organization", "", document_id=1, start=TEXT.index("Quintero Salas Foundation"),
                                  end=TEXT.index("Quintero Salas Foundation") + 25),
        "attach": lambda: attach(db, id_of(db, "person", "Tomas Reyna"),
                                 organization_id=id_of(db, "organization", "Cobalt Terminal Group"), title="adviser"),
        "split": lambda: split_entity(
            db, "organization", id_of(db, "organization", "Cobalt Terminal Group"), "Cobalt Terminal Group Mexico",
            person_ids=[id_of(db, "person", "Dario Feld")]),
        "delete document": lambda: delete_document(db, 1),
        "merge": lambda: merge_entities(db, "organization", id_of(db, "organization", "Norteño Rail Partners"),
                                        id_of(db, "organization", "Cobalt Terminal Group")),
    }


@pytest.mark.parametrize("op", list(_ops(None)))
def test_undo_puts_every_row_back(db, op):
    before, keys = snapshot(db), search_names(db)
    _ops(db)[op]()
    assert snapshot(db) != before
    assert undo_last(db) is not None
    assert snapshot(db) == before
    assert search_names(db) == keys


def test_merge_carries_judgements_to_the_survivor(db):
    feld = id_of(db, "person", "Dario Feld")
    ilse = id_of(db, "person", "Ilse Brandauer")
    cobalt = id_of(db, "organization", "Cobalt Terminal Group")
    reject_relation(db, "affiliation", ilse, cobalt)
    merge_entities(db, "person", feld, ilse)  # Dario's Cobalt affiliation would come back on Ilse
    assert one(db, "SELECT COUNT(*) FROM affiliations WHERE person_id = ? AND organization_id = ?", [ilse, cobalt]) == 0
    reextract(db)
    assert one(db, "SELECT COUNT(*) FROM affiliations WHERE person_id = ? AND organization_id = ?", [ilse, cobalt]) == 0
