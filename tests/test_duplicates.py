"""Possible duplicates (db.duplicates): which pairs are suggested, their evidence, "not the same"
judgements and how they survive merges. Every name here is invented."""

from __future__ import annotations

import pytest

from db import open_db
from db.duplicates import DuplicatesError, classify, mark_not_same, name_words, possible_duplicates, unmark_not_same
from db.merge import merge_entities


def _add(db, table: str, *names: str) -> list[int]:
    from db.textnorm import fold

    ids = []
    for name in names:
        ids.append(db.execute(f"INSERT INTO {table} (name, name_key) VALUES (?, ?)", [name, fold(name)]).lastrowid)
    db.conn.commit()
    return ids


def _pairs(db, entity_type="person") -> set[frozenset[str]]:
    return {frozenset((p.a_name, p.b_name)) for p in possible_duplicates(db, entity_type, limit=None)}


NEAR = [
        ("Marisol de la Peña Urquidi", "Marisol Pena Urquidi", "same name"),  # accents and particles
        ("Ovidio Talamantes", "Talamantes, Ovidio", "same words, other order"),
        ("Corwin J. Haverford", "Corwin Haverford", "initial"),
        ("Jon Haverford", "Jonathan Haverford", "short form"),
        ("Bill Quarrington", "William Quarrington", "short form"),
        ("Eustaquio Labastida Ocejo", "Eustaquio Labastida", "one more word"),  # a missing second surname
        ("Eustaquio Ramiro Labastida", "Eustaquio Labastida", "one more word"),  # a second given name
        ("Griselda Benavidez", "Griselda Benavides", "spelling"),
]


@pytest.mark.parametrize(("a", "b", "reason"), NEAR)
def test_near_duplicates_of_the_genre_are_paired(a, b, reason):
    assert classify(name_words(a), name_words(b)) == reason


@pytest.mark.parametrize(("a", "b", "reason"), NEAR)
def test_the_blocking_finds_every_kind_of_pair_either_way_round(empty_db, a, b, reason):
    for first, second in ((a, b), (b, a)):  # whichever record came first
        empty_db.execute("DELETE FROM people")
        _add(empty_db, "people", first, second, "Anabel Montiel")
        assert [(p.reason, {p.a_name, p.b_name}) for p in possible_duplicates(empty_db)] == [(reason, {a, b})]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Eustaquio Labastida Ocejo", "Eustaquio Labastida Urrutia"),  # different second surnames
        ("Griselda Benavides", "Griselda Montiel"),  # same given name, another surname
        ("Corwin J. Haverford", "Corwin T. Haverford"),  # two different initials
        ("Mario Quintanar", "Maria Quintanar"),  # a gendered pair, not a misspelling
        ("Daniel Quintanar", "Daniela Quintanar"),
        ("Jonas Haverford", "Jonathan Haverford"),  # neither given name is a short form of the other
        ("Ovidio Martin", "Ovidio Martinez"),  # a surname that starts another is another surname
        ("Luis Ocejo", "Ramiro Luis Ocejo"),  # the first given name is never dropped
    ],
)
def test_different_people_are_not_paired(a, b):
    assert classify(name_words(a), name_words(b)) is None


def test_organizations_with_accents_acronym_and_connectors_are_paired():
    assert classify(name_words("Secretaría de Fomento Portuario", "organization"),
                    name_words("Secretaria de Fomento Portuario (SFP)", "organization"), "organization") == "same name"
    assert classify(name_words("Norvale Logistics S.A. de C.V.", "organization"),
                    name_words("Norvale Logistics", "organization"), "organization") == "same name"
    assert classify(name_words("Puerto Alto Holdings 12", "organization"),
                    name_words("Puerto Alto Holdings 13", "organization"), "organization") is None


def test_possible_duplicates_finds_pairs_with_evidence_best_first(empty_db):
    db = empty_db
    ana, ana2, ana3, other = _add(db, "people", "Anabel Trujeque Sosa", "Anabel Trujeque", "Anabel Trujequé Soza",
                                  "Anabel Montiel")
    org, org2 = _add(db, "organizations", "Consorcio Ferroviario del Golfo", "Consorcio Ferroviario del Golfo (CFG)")
    ini, = _add(db, "initiatives", "Rail Corridor Working Group")
    db.execute("INSERT INTO affiliations (person_id, organization_id) VALUES (?, ?), (?, ?)", [ana, org, ana2, org])
    db.execute("INSERT INTO memberships (person_id, initiative_id, role) VALUES (?, ?, 'member'), (?, ?, 'member')",
               [ana, ini, ana2, ini])
    db.conn.commit()

    pairs = possible_duplicates(db, "person")
    found = {frozenset((p.a_id, p.b_id)): p for p in pairs}
    assert set(found) == {frozenset((ana, ana2)), frozenset((ana, ana3)), frozenset((ana2, ana3))}
    assert found[frozenset((ana, ana3))].reason == "spelling"
    best = pairs[0]
    assert {best.a_id, best.b_id} == {ana, ana2}  # shared organization and initiative rank it first
    assert best.evidence == {"organizations": ["Consorcio Ferroviario del Golfo"],
                             "initiatives": ["Rail Corridor Working Group"]}
    assert best.into_id == ana  # the fuller name is kept
    assert all(other not in (p.a_id, p.b_id) for p in pairs)
    assert [p.a_id for p in possible_duplicates(db, "person", limit=1)] == [best.a_id]
    orgs = possible_duplicates(db, "organization")
    assert [(p.a_id, p.b_id, p.reason) for p in orgs] == [(org, org2, "same name")]


def test_not_same_is_never_suggested_again_and_can_be_forgotten(empty_db):
    db = empty_db
    a, b = _add(db, "people", "Corwin Haverford", "Corwin J. Haverford")
    assert _pairs(db) == {frozenset(("Corwin Haverford", "Corwin J. Haverford"))}
    assert mark_not_same(db, "person", b, a) is True
    assert mark_not_same(db, "person", a, b) is False  # already known
    assert _pairs(db) == set()
    assert unmark_not_same(db, "person", a, b) is True
    assert len(_pairs(db)) == 1


def test_not_same_refuses_bad_requests(empty_db):
    db = empty_db
    a, = _add(db, "people", "Corwin Haverford")
    with pytest.raises(DuplicatesError, match="itself"):
        mark_not_same(db, "person", a, a)
    with pytest.raises(DuplicatesError, match="no person with id 999"):
        mark_not_same(db, "person", a, 999)
    with pytest.raises(DuplicatesError, match="unknown type"):
        possible_duplicates(db, "initiative")
    assert db.execute("SELECT COUNT(*) FROM not_same").fetchone()[0] == 0


def test_judged_pairs_move_to_the_survivor_of_a_merge(empty_db):
    db = empty_db
    a, a2, b, c = _add(db, "people", "Corwin Haverford", "Corwin Haverford Jr.", "Corwin J. Haverford",
                       "Corwin T. Haverford")
    mark_not_same(db, "person", a2, b)  # the record merged away was judged distinct from b
    mark_not_same(db, "person", a, c)
    mark_not_same(db, "person", a2, c)  # ... and from c, which the survivor already is: folded
    merge_entities(db, "person", a2, a)
    rows = set(db.execute("SELECT entity_id, other_id, entity_key, other_key FROM not_same WHERE entity_id > 0"
                          " AND other_id > 0").fetchall())
    keys = {a: "corwin haverford", b: "corwin j haverford", c: "corwin t haverford"}
    assert rows == {(x, y, keys[x], keys[y]) for x, y in ((a, b), (b, a), (a, c), (c, a))}
    assert _pairs(db) == set()  # a-b and a-c judged; b-c conflicting initials


def test_merging_a_judged_pair_anyway_leaves_no_rows_and_delete_drops_pairs(empty_db):
    db = empty_db
    a, b, c = _add(db, "people", "Corwin Haverford", "Corwin J. Haverford", "Corwin Haverforde")
    mark_not_same(db, "person", a, b)
    mark_not_same(db, "person", b, c)
    merge_entities(db, "person", b, a)  # the user changed their mind
    live = "SELECT entity_id, other_id FROM not_same WHERE entity_id > 0 AND other_id > 0"
    assert set(db.execute(live).fetchall()) == {(a, c), (c, a)}
    db.execute("DELETE FROM people WHERE id = ?", [c])
    db.conn.commit()
    assert db.execute(live).fetchall() == []  # no row points at a record that is gone


def test_a_judgement_holds_through_a_rename_and_a_re_creation_under_the_same_name(empty_db):
    db = empty_db
    a, b, filler = _add(db, "people", "Corwin Haverford", "Corwin Jay Haverford", "Anabel Montiel")
    mark_not_same(db, "person", a, b)
    db.execute("UPDATE people SET name = 'Corwin J. Haverford', name_key = 'corwin j haverford' WHERE id = ?", [b])
    db.conn.commit()  # renamed: now an "initial" pair, still judged
    assert _pairs(db) == set()
    db.execute("DELETE FROM people WHERE id = ?", [b])  # re-extraction drops the record ...
    db.conn.commit()
    again, = _add(db, "people", "Corwin J. Haverford")  # ... and draws it again, under another id
    assert again not in (a, b, filler) and _pairs(db) == set()
    assert unmark_not_same(db, "person", a, again) is True  # forgotten by its names
    assert _pairs(db) == {frozenset(("Corwin Haverford", "Corwin J. Haverford"))}
    db.execute("DELETE FROM people WHERE id = ?", [again])  # an id taken again after a delete
    db.conn.commit()
    c, = _add(db, "people", "Corwin T. Haverford")
    mark_not_same(db, "person", a, c)
    db.execute("DELETE FROM people WHERE id = ?", [c])
    db.conn.commit()  # the negated rows of both deletes do not collide


def test_upgrade_keeps_older_data_and_adds_the_table(tmp_path):
    from db.migrations import MIGRATIONS

    path = tmp_path / "old.db"
    db = open_db(path, migrate=False)
    from db.migrations import migrate

    assert migrate(db) == [v for v, _ in MIGRATIONS]
    assert "not_same" in db.table_names()
    db.close()
