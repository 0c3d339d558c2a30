"""Overlaps of big groups from the precomputed initiative/organization links: the links always
equal a recomputation from memberships and affiliations, and the overlap equals the one
computed the slow way, whatever writes happened (inserts, updates, deletes, cascades, merges)."""

from __future__ import annotations

import random

from db import write_transaction
from db.analysis import card_extras
from db.merge import merge_entities
from db.network import initiative_organization_overlap
from db.textnorm import fold
from query_plans import scans_in, traced


def _links(db) -> dict:
    return {(i, o): n for i, o, n in db.execute("SELECT * FROM initiative_organization_links")}


def _recomputed(db) -> dict:
    return {
        (i, o): n
        for i, o, n in db.execute(
            "SELECT m.initiative_id, a.organization_id, count(*) FROM memberships m"
            " JOIN affiliations a ON a.person_id = m.person_id GROUP BY 1, 2"
        )
    }


def _slow_overlap(db, initiative_id) -> list[tuple]:
    """The definition: organizations of an initiative are its partners and its members'."""
    def orgs(i):
        return {r[0] for r in db.execute(
            "SELECT organization_id FROM initiative_organizations WHERE initiative_id = ? UNION"
            " SELECT a.organization_id FROM memberships m JOIN affiliations a ON a.person_id = m.person_id"
            " WHERE m.initiative_id = ?", [i, i])}
    mine = orgs(initiative_id)
    out = []
    for i, name in db.execute("SELECT id, name FROM initiatives WHERE id != ?", [initiative_id]).fetchall():
        shared = mine & orgs(i)
        if shared:
            out.append((-len(shared), name, i, sorted(shared)))
    return [(i, len(s)) for _, _, i, s in sorted(out)]


def _directory(db, rng, people=120, orgs=15, initiatives=8):
    with write_transaction(db):
        db.conn.executemany("INSERT INTO people (name, name_key) VALUES (?, ?)",
                            [(f"Person {i}", fold(f"Person {i}")) for i in range(people)])
        db.conn.executemany("INSERT INTO organizations (name, name_key) VALUES (?, ?)",
                            [(f"Org {i}", f"org {i}") for i in range(orgs)])
        db.conn.executemany("INSERT INTO initiatives (name, name_key) VALUES (?, ?)",
                            [(f"Group {i}", f"group {i}") for i in range(initiatives)])
        db.conn.executemany("INSERT OR IGNORE INTO affiliations (person_id, organization_id) VALUES (?, ?)",
                            [(rng.randint(1, people), rng.randint(1, orgs)) for _ in range(people + 40)])
        db.conn.executemany("INSERT OR IGNORE INTO memberships (person_id, initiative_id) VALUES (?, ?)",
                            [(rng.randint(1, people), rng.randint(1, initiatives)) for _ in range(200)])
        db.conn.executemany("INSERT OR IGNORE INTO initiative_organizations (initiative_id, organization_id)"
                            " VALUES (?, ?)", [(rng.randint(1, initiatives), rng.randint(1, orgs)) for _ in range(6)])


def test_links_follow_every_kind_of_write(empty_db):
    rng = random.Random(3)
    _directory(empty_db, rng)
    assert _links(empty_db) == _recomputed(empty_db) != {}
    with write_transaction(empty_db):
        empty_db.execute("DELETE FROM affiliations WHERE rowid % 7 = 0")
        empty_db.execute("DELETE FROM memberships WHERE rowid % 5 = 0")
        empty_db.execute("UPDATE OR IGNORE memberships SET initiative_id = 1 WHERE initiative_id = 2")
        empty_db.execute("UPDATE OR IGNORE affiliations SET person_id = 3 WHERE person_id = 4")
        empty_db.execute("DELETE FROM people WHERE id IN (5, 6, 7)")  # cascades to both sides
        empty_db.execute("DELETE FROM organizations WHERE id = 2")
    assert _links(empty_db) == _recomputed(empty_db)
    merge_entities(empty_db, "person", 8, 9)
    merge_entities(empty_db, "initiative", 3, 4)
    merge_entities(empty_db, "organization", 5, 6)
    assert _links(empty_db) == _recomputed(empty_db)


def test_overlap_equals_the_definition(empty_db):
    rng = random.Random(5)
    _directory(empty_db, rng)
    for initiative in range(1, 9):
        fast = initiative_organization_overlap(empty_db, initiative)
        assert [(g["id"], g["count"]) for g in fast] == _slow_overlap(empty_db, initiative)
        assert all(len(g["organizations"]) == g["count"] for g in fast)
        assert [o["name"] for o in fast[0]["organizations"]] == sorted(o["name"] for o in fast[0]["organizations"])
        short = initiative_organization_overlap(empty_db, initiative, groups=2, per_group=1)
        assert [(g["id"], g["count"]) for g in short] == [(g["id"], g["count"]) for g in fast[:2]]
        assert all(len(g["organizations"]) == 1 for g in short)


def test_initiative_card_keeps_counts_and_uses_indexes(empty_db):
    rng = random.Random(9)
    _directory(empty_db, rng)
    with traced(empty_db.conn) as statements:
        extras = card_extras(empty_db, "initiative", 1)
    assert scans_in(empty_db.conn, statements) == {}
    full = initiative_organization_overlap(empty_db, 1)
    assert extras["organization_overlap_count"] == len(full)
    assert [(g["id"], g["count"]) for g in extras["organization_overlap"]] == [(g["id"], g["count"]) for g in full][:50]
