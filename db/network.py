"""Who is connected to whom: shared initiatives and organizations, shortest paths, overlaps.

The directory is read as a bipartite graph: people on one side, initiatives and organizations
on the other; a membership or an affiliation is an edge. Two people are connected when they
share a node of the other side.
"""

from __future__ import annotations

import json
from typing import Iterable, Iterator

import sqlite_utils

# Which organizations are on which initiatives through their people, precomputed: one row per
# (initiative, organization) with how many (membership, affiliation) pairs link them, kept by
# triggers on memberships and affiliations (schema version 5). A pair is counted once, by
# whichever of its two rows is written second, and uncounted once, by whichever is removed
# first (a person's deletion cascades to both, in any order). Without it, the overlap of a
# 5,000-member initiative walked every affiliation of ~4,400 organizations: 1.4-1.9 s at 1M.
_LINK_SIDE = {  # table: (this side's column, the other table, its column)
    "memberships": ("initiative_id", "affiliations", "organization_id"),
    "affiliations": ("organization_id", "memberships", "initiative_id"),
}


def _link_sql(table: str, row: str, sign: str) -> str:
    mine, other, other_col = _LINK_SIDE[table]
    ini = f"{row}.initiative_id" if table == "memberships" else "o.initiative_id"
    org = f"{row}.organization_id" if table == "affiliations" else "o.organization_id"
    if sign == "+":
        return (
            f"INSERT INTO initiative_organization_links (initiative_id, organization_id, people)"
            f" SELECT {ini}, {org}, 1 FROM {other} o WHERE o.person_id = {row}.person_id"
            " ON CONFLICT (initiative_id, organization_id) DO UPDATE SET people = people + 1;"
        )
    return (
        f"UPDATE initiative_organization_links SET people = people - 1 WHERE {mine} = {row}.{mine}"
        f" AND {'organization_id' if table == 'memberships' else 'initiative_id'} IN"
        f" (SELECT {other_col} FROM {other} WHERE person_id = {row}.person_id);"
        f" DELETE FROM initiative_organization_links WHERE {mine} = {row}.{mine} AND people <= 0;"
    )


LINKS_SCHEMA = """
    CREATE TABLE IF NOT EXISTS initiative_organization_links (
        initiative_id INTEGER NOT NULL,
        organization_id INTEGER NOT NULL,
        people INTEGER NOT NULL,        -- (membership, affiliation) pairs linking them
        PRIMARY KEY (initiative_id, organization_id)
    ) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS idx_initiative_organization_links_org
        ON initiative_organization_links(organization_id, initiative_id);
""" + "".join(
    f"""
    DROP TRIGGER IF EXISTS links_{table}_ai;
    CREATE TRIGGER links_{table}_ai AFTER INSERT ON {table} BEGIN {_link_sql(table, "NEW", "+")} END;
    DROP TRIGGER IF EXISTS links_{table}_ad;
    CREATE TRIGGER links_{table}_ad AFTER DELETE ON {table} BEGIN {_link_sql(table, "OLD", "-")} END;
    DROP TRIGGER IF EXISTS links_{table}_au;
    CREATE TRIGGER links_{table}_au AFTER UPDATE OF person_id, {_LINK_SIDE[table][0]} ON {table} BEGIN
        {_link_sql(table, "OLD", "-")} {_link_sql(table, "NEW", "+")}
    END;"""
    for table in _LINK_SIDE
)


def install_links(db: sqlite_utils.Database) -> None:
    """Create `initiative_organization_links` and its triggers, and fill it from the current
    memberships and affiliations (a migration step; idempotent)."""
    from db.search_index import _execute_all

    _execute_all(db, LINKS_SCHEMA)
    db.execute("DELETE FROM initiative_organization_links")
    db.execute(
        "INSERT INTO initiative_organization_links (initiative_id, organization_id, people)"
        " SELECT m.initiative_id, a.organization_id, count(*) FROM memberships m"
        " JOIN affiliations a ON a.person_id = m.person_id GROUP BY m.initiative_id, a.organization_id"
    )

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


Node = tuple[str, int]  # ("person" | "initiative" | "organization", id)


def _expand(db: sqlite_utils.Database, frontier: list[Node]) -> list[tuple[Node, Node]]:
    """(node, neighbour) edges of one BFS level. A frontier holds only people (their
    initiatives, then organizations, come next) or only initiatives/organizations."""
    if frontier and frontier[0][0] == "person":
        return [(("person", p), (t, n)) for p, t, n in _neighbours_of_people(db, sorted(i for _, i in frontier))]
    edges = []
    for node_type in ("initiative", "organization"):
        ids = sorted(i for t, i in frontier if t == node_type)
        edges += [((node_type, n), ("person", p)) for n, p in _people_of_nodes(db, node_type, ids)]
    return edges


def shortest_path(db: sqlite_utils.Database, a_id: int, b_id: int) -> list[dict] | None:
    """The shortest chain linking person `a_id` to person `b_id` through shared initiatives and
    organizations, or None when they are not connected.

    The chain alternates people and what they share, both ends included:
    `[{"type": "person", "id", "name"}, {"type": "organization", ...}, {"type": "person", ...}]`.
    A bidirectional breadth-first search over the person-initiative/organization graph: one
    whole level at a time from whichever end has the smaller frontier, with a few batched
    queries per level, so it stays fast on large directories. Among equally short chains the
    meeting point with the lowest (type, id) wins, so the output is stable.
    """
    if names_of(db, "person", [a_id, b_id]).keys() != {a_id, b_id}:
        return None
    start, goal = ("person", a_id), ("person", b_id)
    if start == goal:
        return _named(db, [start])
    # per side: parent links and depth of every node reached, and the current frontier
    parents: list[dict[Node, Node | None]] = [{start: None}, {goal: None}]
    depth: list[dict[Node, int]] = [{start: 0}, {goal: 0}]
    frontiers: list[list[Node]] = [[start], [goal]]
    while frontiers[0] and frontiers[1]:
        side = 0 if len(frontiers[0]) <= len(frontiers[1]) else 1
        other = 1 - side
        reached: list[Node] = []
        for node, neighbour in _expand(db, frontiers[side]):
            if neighbour not in parents[side]:
                parents[side][neighbour] = node
                depth[side][neighbour] = depth[side][node] + 1
                reached.append(neighbour)
        meetings = [n for n in reached if n in depth[other]]
        if meetings:
            meet = min(meetings, key=lambda n: (depth[side][n] + depth[other][n], n))
            halves = [_walk(parents[0], meet), _walk(parents[1], meet)]
            return _named(db, halves[0][::-1] + halves[1][1:])
        frontiers[side] = reached
    return None


def _walk(parent: dict[Node, Node | None], node: Node) -> list[Node]:
    """From `node` back to its side's start, both included."""
    chain: list[Node] = []
    step: Node | None = node
    while step is not None:
        chain.append(step)
        step = parent[step]
    return chain


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


def _organization_initiatives(db: sqlite_utils.Database, by: str, ids) -> set[tuple[int, int]]:
    """(organization_id, initiative_id) pairs for the given organizations (`by="organization"`)
    or initiatives (`by="initiative"`): an organization is on an initiative when it is a partner
    of it or when one of its people is a member."""
    partner_col, member_col = ("organization_id", "a.organization_id") if by == "organization" else (
        "initiative_id", "m.initiative_id")
    pairs: set[tuple[int, int]] = set()
    for chunk in _chunks(sorted(set(ids))):
        marks = _marks(chunk)
        pairs.update(
            db.execute(
                f"SELECT organization_id, initiative_id FROM initiative_organizations WHERE {partner_col} IN ({marks})"
                " UNION SELECT a.organization_id, m.initiative_id FROM affiliations a"
                f" JOIN memberships m ON m.person_id = a.person_id WHERE {member_col} IN ({marks})",
                chunk + chunk,
            ).fetchall()
        )
    return pairs


def _grouped(db: sqlite_utils.Database, pairs, own_type: str, shared_type: str, what: str) -> list[dict]:
    """(own id, shared id) pairs as groups `{"id", "name", what: [{"id", "name"}]}`, those
    sharing most first, then by name; the shared entities of a group by name."""
    shared_by: dict[int, set[int]] = {}
    for own, shared in pairs:
        shared_by.setdefault(own, set()).add(shared)
    own_names = names_of(db, own_type, shared_by)
    shared_names = names_of(db, shared_type, {s for group in shared_by.values() for s in group})
    groups = [
        {
            "id": own,
            "name": own_names.get(own, "?"),
            what: sorted(({"id": s, "name": shared_names.get(s, "?")} for s in shared), key=lambda e: (e["name"], e["id"])),
        }
        for own, shared in shared_by.items()
    ]
    return sorted(groups, key=lambda g: (-len(g[what]), g["name"], g["id"]))


def organization_overlap(db: sqlite_utils.Database, organization_id: int) -> list[dict]:
    """Other organizations on the same initiatives as this one (as partners, or through their
    people's memberships), most shared initiatives first:
    `[{"id", "name", "initiatives": [{"id", "name"}]}]`."""
    mine = {i for _, i in _organization_initiatives(db, "organization", [organization_id])}
    pairs = [(o, i) for o, i in _organization_initiatives(db, "initiative", mine) if o != organization_id]
    return _grouped(db, pairs, "organization", "initiative", "initiatives")


def initiative_overlap(db: sqlite_utils.Database, initiative_id: int) -> list[dict]:
    """Other initiatives that share members with this one, most shared people first:
    `[{"id", "name", "people": [{"id", "name"}]}]`."""
    members = [r[0] for r in db.execute("SELECT person_id FROM memberships WHERE initiative_id = ?", [initiative_id])]
    pairs = [(i, p) for p, i in _edges(db, "memberships", "person_id", "initiative_id", members) if i != initiative_id]
    return _grouped(db, pairs, "initiative", "person", "people")


def initiative_organization_overlap(
    db: sqlite_utils.Database, initiative_id: int, *, groups: int | None = None, per_group: int | None = None
) -> list[dict]:
    """Other initiatives that share organizations with this one (partners, or members'
    organizations), most shared first: `[{"id", "name", "count", "organizations": [{"id", "name"}]}]`
    where `count` is how many are shared. `groups` keeps only the first groups and `per_group`
    the first organizations of each (by name), for a card; the ranking is over all of them."""
    return initiative_organization_overlap_page(db, initiative_id, groups=groups, per_group=per_group)[0]


def initiative_organization_overlap_page(
    db: sqlite_utils.Database, initiative_id: int, *, groups: int | None = None, per_group: int | None = None
) -> tuple[list[dict], int]:
    """`initiative_organization_overlap` and the number of initiatives in the whole overlap."""
    # The pairs (initiative, shared organization): links are unique pairs already; a partner
    # pair counts only when no member links the same two (UNION ALL: no dedupe of ~90k pairs).
    pairs = (
        "WITH mine(org) AS MATERIALIZED (SELECT organization_id FROM initiative_organizations"
        "  WHERE initiative_id = :i UNION SELECT organization_id FROM initiative_organization_links"
        "  WHERE initiative_id = :i),"
        " pairs(ini, org) AS (SELECT l.initiative_id, l.organization_id FROM mine"
        "  JOIN initiative_organization_links l ON l.organization_id = mine.org"
        "  UNION ALL SELECT io.initiative_id, io.organization_id FROM mine"
        "  JOIN initiative_organizations io ON io.organization_id = mine.org"
        "  WHERE NOT EXISTS (SELECT 1 FROM initiative_organization_links x"
        "   WHERE x.initiative_id = io.initiative_id AND x.organization_id = io.organization_id))"
    )
    ranked = db.execute(
        f"{pairs}, counts(ini, n) AS (SELECT ini, count(*) FROM pairs WHERE ini != :i GROUP BY ini)"
        " SELECT counts.ini, counts.n, t.name FROM counts JOIN initiatives t ON t.id = counts.ini"
        " ORDER BY counts.n DESC, t.name, t.id",
        {"i": initiative_id},
    ).fetchall()
    total = len(ranked)
    if groups is not None:
        ranked = ranked[:groups]
    mine = {r[0] for r in db.execute(
        "SELECT organization_id FROM initiative_organizations WHERE initiative_id = :i UNION"
        " SELECT organization_id FROM initiative_organization_links WHERE initiative_id = :i", {"i": initiative_id})}
    shared: dict[int, set[int]] = {i: set() for i, _, _ in ranked}
    for chunk in _chunks(list(shared)):
        marks = _marks(chunk)
        for ini, org in db.execute(
            f"SELECT initiative_id, organization_id FROM initiative_organization_links WHERE initiative_id IN ({marks})"
            f" UNION ALL SELECT initiative_id, organization_id FROM initiative_organizations WHERE initiative_id IN ({marks})",
            chunk + chunk,
        ):
            if org in mine:
                shared[ini].add(org)
    org_names = names_of(db, "organization", {o for orgs in shared.values() for o in orgs})
    out = []
    for ini, count, name in ranked:
        orgs = sorted(({"id": o, "name": org_names.get(o, "?")} for o in shared[ini]), key=lambda e: (e["name"], e["id"]))
        out.append({"id": ini, "name": name, "count": count, "organizations": orgs[:per_group] if per_group else orgs})
    return out, total
