"""Resolving typed names to one entity, or refusing with the candidates."""

from __future__ import annotations

import pytest

import contacts_fixture
from db.lookup import Ambiguous, NotFound, Resolved, entity_by_id, exact_matches, resolve_entity
from db.textnorm import fold


@pytest.fixture
def small_db(empty_db):
    contacts_fixture.build(empty_db)
    return empty_db


def test_shared_surname_is_ambiguous_with_candidates(small_db):
    result = resolve_entity(small_db, "Gonzalez")
    assert isinstance(result, Ambiguous)
    names = {c.name for c in result.candidates}
    assert {"Hector Gonzalez", "Jorge Gonzalez", "Vicente Gonzalez"} <= names
    hector = next(c for c in result.candidates if c.name == "Hector Gonzalez")
    assert hector.type == "person" and "Northwind Traders" in hector.detail and hector.id > 0


def test_full_name_resolves(small_db):
    result = resolve_entity(small_db, "hector gonzalez")
    assert isinstance(result, Resolved) and result.name == "Hector Gonzalez" and result.type == "person"


def test_accentless_and_particles(small_db):
    assert resolve_entity(small_db, "Luz Maria de la Mora").name == "Luz María de la Mora"
    assert resolve_entity(small_db, "jose luis gil").name == "José Luis Gil"


@pytest.mark.parametrize("query", ["HLED", "hled", "High Level Economic Dialogue"])
def test_initiative_by_acronym_or_name(small_db, query):
    result = resolve_entity(small_db, query, types=("initiative",))
    assert isinstance(result, Resolved) and result.name == "High Level Economic Dialogue"


@pytest.mark.parametrize("query", ["Northwind", "NWT", "n.w.t.", "northwind traders"])
def test_organization_by_alias_or_acronym(small_db, query):
    result = resolve_entity(small_db, query, types=("organization",))
    assert isinstance(result, Resolved) and result.name == "Northwind Traders"


def test_types_restrict_the_search(small_db):
    assert isinstance(resolve_entity(small_db, "Gonzalez", types=("organization",)), NotFound)


def test_nothing_found(small_db):
    assert isinstance(resolve_entity(small_db, "qqqqxxxx"), NotFound)
    assert isinstance(resolve_entity(small_db, "   "), NotFound)


def test_two_people_with_the_same_name_are_never_guessed(small_db):
    small_db.table("people").insert({"name": "Hector Gonzalez", "name_key": fold("Hector Gonzalez")})
    result = resolve_entity(small_db, "Hector Gonzalez")
    assert isinstance(result, Ambiguous) and len(result.candidates) == 2
    assert len(exact_matches(small_db, "HECTOR GONZÁLEZ", types=("person",))) == 2


def test_entity_by_id(small_db):
    hector = resolve_entity(small_db, "Hector Gonzalez")
    assert entity_by_id(small_db, "person", hector.id) == Resolved(
        exact_matches(small_db, "Hector Gonzalez")[0]
    )
    assert isinstance(entity_by_id(small_db, "person", 99999), NotFound)
    assert isinstance(entity_by_id(small_db, "planet", 1), NotFound)


def test_a_loose_match_is_offered_never_taken(small_db, monkeypatch):
    import db.search
    from db.search import SearchHit

    hector = resolve_entity(small_db, "Hector Gonzalez").id
    monkeypatch.setattr(db.search, "search", lambda *a, **k: [SearchHit("person", hector, "Hector Gonzalez", 41.0)])
    result = resolve_entity(small_db, "Hxqtor")
    assert isinstance(result, Ambiguous) and result.weak and [c.id for c in result.candidates] == [hector]


def test_fuzzy_typos_resolve_when_one_candidate_leads(small_db):
    assert resolve_entity(small_db, "Hector Gonzales").name == "Hector Gonzalez"
    assert isinstance(resolve_entity(small_db, "gonzales"), Ambiguous)
