"""Connections, shortest paths and overlaps (db.network)."""

from __future__ import annotations

import pytest

from analysis_fixtures import build_directory
from db.network import (
    connected_people,
    connections,
    format_path,
    initiative_organization_overlap,
    initiative_overlap,
    organization_overlap,
    shortest_path,
)


@pytest.fixture
def directory(empty_db):
    build_directory(empty_db)
    return empty_db


def test_connections_grouped_by_what_is_shared(directory):
    groups = connections(directory, 1)  # Luz María de la Mora
    assert [(g["type"], g["name"], g["role"]) for g in groups] == [
        ("initiative", "Nearshoring Working Group", "chair"),
        ("organization", "Adrienne Arsht Latin America Center", "non-resident senior fellow"),
    ]
    assert [p["name"] for p in groups[0]["people"]] == ["José Luis Gil"]
    assert groups[1]["people"] == [{"id": 2, "name": "Jason Marczak", "detail": "vice president"}]


def test_connections_of_an_isolated_person_is_empty(directory):
    assert connections(directory, 6) == []
    assert connected_people(directory, 6) == []


def test_connected_people_lists_each_person_once_with_everything_shared(directory):
    people = connected_people(directory, 3)  # Megan: Chamber, Delegation, HLED
    names = [p["name"] for p in people]
    assert sorted(names) == ["Jake Sullivan", "Jason Marczak", "Marcelo Ebrard"]
    assert len(names) == len(set(names))


def test_shortest_path_goes_through_the_shared_organization(directory):
    chain = shortest_path(directory, 1, 2)
    assert format_path(chain) == "Luz María de la Mora -> Adrienne Arsht Latin America Center -> Jason Marczak"
    assert [s["type"] for s in chain] == ["person", "organization", "person"]


def test_shortest_path_over_several_hops_alternates_people_and_shared_things(directory):
    chain = shortest_path(directory, 1, 4)
    assert format_path(chain) == (
        "Luz María de la Mora -> Adrienne Arsht Latin America Center -> Jason Marczak"
        " -> USMXECO Delegation -> Megan Bridges -> High Level Economic Dialogue -> Marcelo Ebrard"
    )
    assert [s["type"] for s in chain][::2] == ["person"] * 4


def test_shortest_path_is_symmetric_in_length(directory):
    assert len(shortest_path(directory, 4, 1)) == len(shortest_path(directory, 1, 4))


def test_not_connected_and_unknown_people(directory):
    assert shortest_path(directory, 1, 6) is None
    assert format_path(None) == "not connected"
    assert shortest_path(directory, 1, 999) is None


def test_path_to_oneself_is_one_step(directory):
    assert format_path(shortest_path(directory, 2, 2)) == "Jason Marczak"


def test_organization_overlap_counts_partners_and_members(directory):
    overlap = organization_overlap(directory, 1)  # AALAC: NWG via Luz, Delegation via Jason
    assert [(o["name"], [i["name"] for i in o["initiatives"]]) for o in overlap] == [
        ("U.S. Chamber of Commerce", ["USMXECO Delegation"]),
        ("US-Mexico Foundation", ["Nearshoring Working Group"]),
    ]


def test_initiative_overlap_by_shared_members_and_organizations(directory):
    assert [(o["name"], [p["name"] for p in o["people"]]) for o in initiative_overlap(directory, 3)] == [
        ("High Level Economic Dialogue", ["Megan Bridges"])
    ]
    orgs = initiative_organization_overlap(directory, 3)
    assert [(o["name"], [x["name"] for x in o["organizations"]]) for o in orgs] == [
        ("High Level Economic Dialogue", ["U.S. Chamber of Commerce"]),
        ("Nearshoring Working Group", ["Adrienne Arsht Latin America Center"]),
    ]


def test_shortest_path_on_a_long_chain_is_found_level_by_level(empty_db):
    """A hub with 1,500 members (a frontier larger than one IN (...) list) followed by a chain
    of 39 organizations the search must walk level by level."""
    from db.connection import write_transaction

    with write_transaction(empty_db):
        empty_db.execute("INSERT INTO initiatives (id, name) VALUES (1, 'Hub')")
        for pid in range(1, 1501):
            empty_db.execute("INSERT INTO people (id, name) VALUES (?, ?)", [pid, f"P{pid}"])
            empty_db.execute("INSERT INTO memberships (person_id, initiative_id) VALUES (?, 1)", [pid])
        for oid in range(1, 40):
            empty_db.execute("INSERT INTO organizations (id, name) VALUES (?, ?)", [oid, f"O{oid}"])
            empty_db.execute("INSERT INTO people (id, name) VALUES (?, ?)", [2000 + oid, f"C{oid}"])
            empty_db.execute("INSERT INTO affiliations (person_id, organization_id) VALUES (?, ?)", [2000 + oid, oid])
            prev = 1500 if oid == 1 else 2000 + oid - 1
            empty_db.execute("INSERT INTO affiliations (person_id, organization_id) VALUES (?, ?)", [prev, oid])
    chain = shortest_path(empty_db, 1, 2039)
    assert chain[0]["name"] == "P1" and chain[1]["name"] == "Hub" and chain[2]["name"] == "P1500"
    assert chain[-1]["name"] == "C39"
    assert len(chain) == 3 + 2 * 39


def _reference_distance(edges: set[tuple[int, str, int]], a: int, b: int) -> int | None:
    """Plain one-directional BFS over (person, type, node) edges: the number of chain steps."""
    from collections import deque

    adjacency: dict[tuple, set] = {}
    for person, node_type, node in edges:
        adjacency.setdefault(("person", person), set()).add((node_type, node))
        adjacency.setdefault((node_type, node), set()).add(("person", person))
    seen, queue = {("person", a): 0}, deque([("person", a)])
    while queue:
        current = queue.popleft()
        for nxt in adjacency.get(current, ()):
            if nxt not in seen:
                seen[nxt] = seen[current] + 1
                queue.append(nxt)
    return seen.get(("person", b))


@pytest.mark.parametrize("seed", range(6))
def test_shortest_path_matches_a_plain_bfs_on_random_directories(empty_db, seed):
    import random

    from db.connection import write_transaction

    rng = random.Random(seed)
    people, orgs, inits = 60, 12, 8
    edges = set()
    with write_transaction(empty_db):
        for pid in range(1, people + 1):
            empty_db.execute("INSERT INTO people (id, name) VALUES (?, ?)", [pid, f"P{pid}"])
        for oid in range(1, orgs + 1):
            empty_db.execute("INSERT INTO organizations (id, name) VALUES (?, ?)", [oid, f"O{oid}"])
        for iid in range(1, inits + 1):
            empty_db.execute("INSERT INTO initiatives (id, name) VALUES (?, ?)", [iid, f"I{iid}"])
        for pid in range(1, people + 1):
            if rng.random() < 0.5:
                oid = rng.randint(1, orgs)
                empty_db.execute("INSERT INTO affiliations (person_id, organization_id) VALUES (?, ?)", [pid, oid])
                edges.add((pid, "organization", oid))
            if rng.random() < 0.3:
                iid = rng.randint(1, inits)
                empty_db.execute("INSERT INTO memberships (person_id, initiative_id) VALUES (?, ?)", [pid, iid])
                edges.add((pid, "initiative", iid))
    for _ in range(40):
        a, b = rng.randint(1, people), rng.randint(1, people)
        chain = shortest_path(empty_db, a, b)
        expected = _reference_distance(edges, a, b)
        if expected is None:
            assert chain is None
            continue
        assert len(chain) - 1 == expected
        assert (chain[0]["id"], chain[-1]["id"]) == (a, b)
        for i in range(0, len(chain) - 2, 2):  # every step is a real edge
            assert (chain[i]["id"], chain[i + 1]["type"], chain[i + 1]["id"]) in edges
            assert (chain[i + 2]["id"], chain[i + 1]["type"], chain[i + 1]["id"]) in edges
        assert shortest_path(empty_db, a, b) == chain  # stable
