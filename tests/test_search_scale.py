"""Search costs that must not grow with the directory: query plans and candidate choice.

Sizes here are small; what is checked is what makes a query slow or blind at 1M people: a
query plan that walks a whole type instead of starting from the full-text index, and typo
candidates read in table order instead of by how well they match.
"""

from __future__ import annotations

import pytest

from db import write_transaction
from db.lookup import Resolved, resolve_entity
from db.search import CANDIDATES, SearchEngine, search
from db.textnorm import fold
from query_plans import scans_in, traced


def _people(db, names):
    with write_transaction(db):
        db.conn.executemany(
            "INSERT INTO people (name, name_key) VALUES (?, ?)", [(n, fold(n)) for n in names]
        )


@pytest.fixture
def crowded_db(empty_db):
    """More people sharing a common surname than one tier reads, with a rare one added last."""
    given = ["Ada", "Bo", "Cy", "Dee", "Eli", "Fay", "Gus", "Hal", "Ivy", "Jo", "Kit", "Lou"]
    names = [f"{given[i % len(given)]} {chr(97 + i % 26)}{chr(97 + i // 26 % 26)} Wright" for i in range(CANDIDATES + 300)]
    _people(empty_db, names)
    _people(empty_db, ["Tamsin Wainwright-Ybarra", "Orla Quetzalli Hernández"])
    with write_transaction(empty_db):
        empty_db.execute(
            "INSERT INTO organizations (name, name_key) VALUES ('Wright Tooling Cooperative', 'wright tooling cooperative')"
        )
    return empty_db


@pytest.mark.parametrize("types", [("person",), ("organization",), ("person", "organization"), None])
@pytest.mark.parametrize("query", ["wright", "wainright", "tamsin wainright", "ada wr", "zzzz"])
def test_typed_search_starts_from_the_full_text_index(crowded_db, query, types):
    """`search --type person` and every lookup restricted to people: no plan walks every key of
    a type (it took 8.4 s at 100k people)."""
    with traced(crowded_db.conn) as statements:
        SearchEngine(crowded_db).search(query, types=types)
    assert statements
    assert scans_in(crowded_db.conn, statements) == {}


def test_person_lookup_plans(crowded_db):
    """What `connections NAME`, `path`, `log` use: resolving a name among people only."""
    with traced(crowded_db.conn) as statements:
        found = resolve_entity(crowded_db, "Tamsin Wainwright Ybarra", types=("person",))
        resolve_entity(crowded_db, "wainright ybara", types=("person",))
    assert isinstance(found, Resolved)
    assert scans_in(crowded_db.conn, statements) == {}


def test_typo_next_to_a_common_word_finds_the_rare_name(crowded_db):
    """`wainright` is one edit from `wainwright` and two from `wright`, a word of more keys than
    a tier reads: the close spelling is read first, whatever the table order."""
    hits = search(crowded_db, "wainright")
    assert hits[0].name == "Tamsin Wainwright-Ybarra"
    assert search(crowded_db, "wainright", types=("person",))[0].name == "Tamsin Wainwright-Ybarra"


def test_typed_search_filters_types(crowded_db):
    """The type filter still holds when it is applied after the full-text match."""
    assert {h.type for h in search(crowded_db, "wright", types=("organization",))} == {"organization"}
    assert {h.type for h in search(crowded_db, "wright", types=("person",), limit=50)} == {"person"}


def test_typo_in_a_common_surname_with_a_rare_given_name(crowded_db):
    assert search(crowded_db, "quetzali hernandes")[0].name == "Orla Quetzalli Hernández"
    assert search(crowded_db, "hernandez quetzali", types=("person",))[0].name == "Orla Quetzalli Hernández"


@pytest.mark.parametrize("query", ["wright", "wainright", "ada wr", "quetzali hernandes", "zzzz"])
@pytest.mark.parametrize("types", [("person",), None])
def test_search_ids_ranks_as_search(crowded_db, query, types):
    """`export --query` keeps only ids: the same entities in the same order as the hits."""
    from db.search import search_ids

    for limit in (20, 1000):
        hits = search(crowded_db, query, limit=limit, types=types)
        assert search_ids(crowded_db, query, limit=limit, types=types) == [(h.type, h.id) for h in hits]
