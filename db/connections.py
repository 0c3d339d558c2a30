"""Who is connected to whom: shared initiatives and organizations, shortest paths, overlaps.

The directory is read as a bipartite graph: people on one side, initiatives and organizations
on the other; a membership or an affiliation is an edge. Two people are connected when they
share a node of the other side.
"""

from __future__ import annotations

from typing import Iterable, Iterator

import sqlite_utils

# Edges from a person to what they belong to: (node type, table, column of the other side).
_EDGES = (
    ("initiative", "memberships", "initiative_id"),
    ("organization", "affiliations", "organization_id"),
)
_NAME_TABLE = {"person": "people", "organization": "organizations", "initiative": "initiatives"}
_CHUNK = 500  # ids per IN (...) list, well under SQLite's variable limit


def _chunks(ids: list[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


def _marks(ids: list[int]) -> str:
    return ",".join("?" * len(ids))


def names_of(db: sqlite_utils.Database, entity_type: str, ids: Iterable[int]) -> dict[int, str]:
    """`{id: name}` for the given ids of one entity type."""
    names: dict[int, str] = {}
    for chunk in _chunks(sorted(set(ids))):
        rows = db.execute(
            f"SELECT id, name FROM {_NAME_TABLE[entity_type]} WHERE id IN ({_marks(chunk)})", chunk
        ).fetchall()
        names.update((r[0], r[1]) for r in rows)
    return names


def connections(db: sqlite_utils.Database, person_id: int) -> list[dict]:
    """The people `person_id` shares an initiative or an organization with, grouped by what
    they share.

    Returns a list of groups, initiatives first then organizations, each by name:
    `{"type", "id", "name", "role", "people": [{"id", "name", "detail"}]}` where `role` is the
    person's own role/title there and `detail` the other person's. Groups with nobody else
    are left out.
    """
    groups: list[dict] = []
    for node_type, table, column in _EDGES:
        detail = "role" if table == "memberships" else "title"
        rows = db.execute(
            f"SELECT n.id, n.name, mine.{detail}, p.id, p.name, other.{detail}"
            f" FROM {table} mine"
            f" JOIN {_NAME_TABLE[node_type]} n ON n.id = mine.{column}"
            f" JOIN {table} other ON other.{column} = mine.{column} AND other.person_id != mine.person_id"
            " JOIN people p ON p.id = other.person_id"
            " WHERE mine.person_id = ? ORDER BY n.name, n.id, p.name, p.id",
            [person_id],
        ).fetchall()
        current: dict | None = None
        for node_id, node_name, own, pid, pname, other in rows:
            if current is None or current["id"] != node_id:
                current = {"type": node_type, "id": node_id, "name": node_name, "role": own, "people": []}
                groups.append(current)
            current["people"].append({"id": pid, "name": pname, "detail": other})
    return groups


def connected_people(db: sqlite_utils.Database, person_id: int) -> list[dict]:
    """Every person connected to `person_id` once, with what they share: `{"id", "name",
    "shared": [{"type", "id", "name"}]}`, those sharing most first."""
    by_person: dict[int, dict] = {}
    for group in connections(db, person_id):
        for person in group["people"]:
            entry = by_person.setdefault(person["id"], {"id": person["id"], "name": person["name"], "shared": []})
            entry["shared"].append({"type": group["type"], "id": group["id"], "name": group["name"]})
    return sorted(by_person.values(), key=lambda e: (-len(e["shared"]), e["name"], e["id"]))


def _edges(db: sqlite_utils.Database, table: str, from_col: str, to_col: str, ids: list[int]) -> list[tuple]:
    """(from, to) pairs of `table` whose `from_col` is in `ids`, in a stable order."""
    edges: list[tuple] = []
    for chunk in _chunks(ids):
        edges += db.execute(
            f"SELECT {from_col}, {to_col} FROM {table} WHERE {from_col} IN ({_marks(chunk)})"
            f" ORDER BY {from_col}, {to_col}",
            chunk,
        ).fetchall()
    return edges


def _neighbours_of_people(db: sqlite_utils.Database, people: list[int]) -> list[tuple[int, str, int]]:
    """(person_id, node_type, node_id) edges of the given people."""
    return [
        (person, node_type, node)
        for node_type, table, column in _EDGES
        for person, node in _edges(db, table, "person_id", column, people)
    ]


def _people_of_nodes(db: sqlite_utils.Database, node_type: str, nodes: list[int]) -> list[tuple[int, int]]:
    """(node_id, person_id) edges of the given initiatives or organizations."""
    _, table, column = next(e for e in _EDGES if e[0] == node_type)
    return _edges(db, table, column, "person_id", nodes)


def shortest_path(db: sqlite_utils.Database, a_id: int, b_id: int) -> list[dict] | None:
    """The shortest chain linking person `a_id` to person `b_id` through shared initiatives and
    organizations, or None when they are not connected.

    The chain alternates people and what they share, both ends included:
    `[{"type": "person", "id", "name"}, {"type": "organization", ...}, {"type": "person", ...}]`.
    A breadth-first search, one level at a time with a few batched queries per level, so it
    stays fast on large directories; ties are broken by the lowest ids (stable output).
    Initiatives are tried before organizations at each step.
    """
    if names_of(db, "person", [a_id, b_id]).keys() != {a_id, b_id}:
        return None
    parent: dict[tuple[str, int], tuple[str, int] | None] = {("person", a_id): None}
    frontier = [a_id]
    target = ("person", b_id)
    while frontier and target not in parent:
        next_nodes: dict[str, list[int]] = {"initiative": [], "organization": []}
        for person, node_type, node in _neighbours_of_people(db, frontier):
            key = (node_type, node)
            if key not in parent:
                parent[key] = ("person", person)
                next_nodes[node_type].append(node)
        frontier = []
        for node_type in ("initiative", "organization"):
            for node, person in _people_of_nodes(db, node_type, sorted(next_nodes[node_type])):
                key = ("person", person)
                if key not in parent:
                    parent[key] = (node_type, node)
                    frontier.append(person)
    if target not in parent:
        return None
    chain: list[tuple[str, int]] = []
    step: tuple[str, int] | None = target
    while step is not None:
        chain.append(step)
        step = parent[step]
    chain.reverse()
    return _named(db, chain)


def _named(db: sqlite_utils.Database, chain: list[tuple[str, int]]) -> list[dict]:
    names: dict[str, dict[int, str]] = {}
    for node_type in {t for t, _ in chain}:
        names[node_type] = names_of(db, node_type, [i for t, i in chain if t == node_type])
    return [{"type": t, "id": i, "name": names[t].get(i, "?")} for t, i in chain]


def format_path(chain: list[dict] | None) -> str:
    """`A -> Shared Thing -> B`, or "not connected"."""
    if chain is None:
        return "not connected"
    return " -> ".join(step["name"] for step in chain)


# (organization_id, initiative_id): an organization is on an initiative when it is a partner
# of it or when one of its people is a member.
_ORGANIZATION_INITIATIVES = (
    "SELECT organization_id, initiative_id FROM initiative_organizations"
    " UNION SELECT a.organization_id, m.initiative_id FROM affiliations a"
    " JOIN memberships m ON m.person_id = a.person_id"
)


def _overlap(
    db: sqlite_utils.Database, pairs: str, own: tuple[str, str], shared: tuple[str, str], own_id: int, what: str
) -> list[dict]:
    """Entities of the `own` kind sharing a `shared` entity with `own_id`, through `pairs` (SQL
    with columns `<own>_id`, `<shared>_id`); grouped, most shared first."""
    (own_table, own_col), (shared_table, shared_col) = own, shared
    rows = db.execute(
        f"WITH pairs AS ({pairs})"
        f" SELECT k.id, k.name, s.id, s.name FROM pairs mine"
        f" JOIN pairs other ON other.{shared_col} = mine.{shared_col} AND other.{own_col} != mine.{own_col}"
        f" JOIN {own_table} k ON k.id = other.{own_col}"
        f" JOIN {shared_table} s ON s.id = mine.{shared_col}"
        f" WHERE mine.{own_col} = ? ORDER BY k.name, k.id, s.name, s.id",
        [own_id],
    ).fetchall()
    groups: dict[int, dict] = {}
    for gid, gname, sid, sname in rows:
        group = groups.setdefault(gid, {"id": gid, "name": gname, what: []})
        if not group[what] or group[what][-1]["id"] != sid:
            group[what].append({"id": sid, "name": sname})
    return sorted(groups.values(), key=lambda g: (-len(g[what]), g["name"], g["id"]))


_ORGS = ("organizations", "organization_id")
_INITIATIVES = ("initiatives", "initiative_id")
_PEOPLE = ("people", "person_id")


def organization_overlap(db: sqlite_utils.Database, organization_id: int) -> list[dict]:
    """Other organizations on the same initiatives as this one (as partners, or through their
    people's memberships), most shared initiatives first:
    `[{"id", "name", "initiatives": [{"id", "name"}]}]`."""
    return _overlap(db, _ORGANIZATION_INITIATIVES, _ORGS, _INITIATIVES, organization_id, "initiatives")


def initiative_overlap(db: sqlite_utils.Database, initiative_id: int) -> list[dict]:
    """Other initiatives that share members with this one, most shared people first:
    `[{"id", "name", "people": [{"id", "name"}]}]`."""
    members = "SELECT person_id, initiative_id FROM memberships"
    return _overlap(db, members, _INITIATIVES, _PEOPLE, initiative_id, "people")


def initiative_organization_overlap(db: sqlite_utils.Database, initiative_id: int) -> list[dict]:
    """Other initiatives that share organizations with this one (partners, or members'
    organizations), most shared first: `[{"id", "name", "organizations": [{"id", "name"}]}]`."""
    return _overlap(db, _ORGANIZATION_INITIATIVES, _INITIATIVES, _ORGS, initiative_id, "organizations")
