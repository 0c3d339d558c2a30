"""The seed build end to end, measured against a ground truth written by hand from the seeds.

Run `python tests/test_seed_build.py` to print the measured numbers.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from db.resolve import find_initiative, find_organization, find_person  # noqa: E402
from db.textnorm import fold  # noqa: E402

# Every person the five seed documents name (read by hand).
PEOPLE = [
    # 000 Atlantic Council press release
    "Jason Marczak", "Luz María de la Mora", "Martin Cassinelli",
    # 001 USMF Ally-Shoring Task Force member list
    "Enrique Königue", "Fernanda Guarro", "Jana Nieto", "Hector Gonzalez", "Guillermo Garza Martinez",
    "Marcelo Davila Martinez", "Claudio Corradossi", "Diego Lopez", "Patricio Castillo",
    "Octavio Castillo Sanchez", "Mario Juárez", "Fausto Gurrea", "Cynthia Lopez", "Paulina Escobedo Marquez",
    "Bernardo Rodarte", "Daniel Cruz", "Priscila Zozaya", "David Jimenez", "Jorge Gonzalez", "Edmundo Barragan",
    "Enrique Llaca", "Alejandra Méndez Salorio", "José Luis Gil", "Lorenzo D. Berho", "Federico Talavera",
    "Jesus Silva Elizalde", "Sarah Mathur", "Julio Andres Maza Casas", "Miguel Mayorga Tena", "Rogelio Arzate",
    "Sergio Tagliapietra", "Eduardo Joffroy", "Alejandra Plaschinski Avila", "Rodrigo Contreras", "Emilio Cadena",
    "Miguel Guerrero Elias", "Rodrigo Escalante", "Eduardo Amaro",
    # 002 Tecma article
    "Elaine Dezenski", "John Austin", "Enrique Perret", "Joe Biden", "Andrés Manuel López Obrador",
    # 003 HLED page
    "Marcelo Ebrard", "Jake Sullivan", "Alejandro Mayorkas", "Victor André Gamas", "Esteban Moctezuma Barragán",
    "Juan González", "Henry Cuellar", "Vicente Gonzalez", "Sylvia Garcia", "Lou Correa", "Will Hurd",
    "Luis Almagro",
    # 004 U.S. Chamber article
    "Megan Bridges",
]

TASK_FORCE = "USMF Ally-Shoring Task Force"
TASK_FORCE_MEMBERS = {  # person -> organization as listed (None: no organization on the line)
    "Enrique Königue": "3M", "Fernanda Guarro": "3M", "Jana Nieto": "3M", "Hector Gonzalez": "American Tower",
    "Guillermo Garza Martinez": "Arca", "Marcelo Davila Martinez": "Arca", "Claudio Corradossi": "BBVA",
    "Diego Lopez": "BBVA", "Patricio Castillo": "BBVA", "Octavio Castillo Sanchez": "Cemex",
    "Mario Juárez": "Chihuahua Global", "Fausto Gurrea": "CMN", "Cynthia Lopez": "Desarrollo Económico Ciudad Juárez",
    "Paulina Escobedo Marquez": "Rockwell Automation", "Bernardo Rodarte": "Schneider",
    "Daniel Cruz": "Schneider Electric", "Priscila Zozaya": "Siemens", "David Jimenez": "Softtek",
    "Jorge Gonzalez": "The Nearshore Group", "Edmundo Barragan": "Traxion Global", "Enrique Llaca": "Traxion Global",
    "Alejandra Méndez Salorio": "Traxion Global", "José Luis Gil": "USAID", "Lorenzo D. Berho": "Vesta",
    "Federico Talavera": None, "Jesus Silva Elizalde": None, "Sarah Mathur": "Embassy of USA in Mexico",
    "Julio Andres Maza Casas": "GBM", "Miguel Mayorga Tena": "GBM", "Rogelio Arzate": "GM",
    "Sergio Tagliapietra": "IVESMA", "Eduardo Joffroy": "Joffroy Global",
    "Alejandra Plaschinski Avila": "Magna International", "Rodrigo Contreras": "Martinrea",
    "Emilio Cadena": "Prodensa", "Miguel Guerrero Elias": "Proesmma", "Rodrigo Escalante": "Proeza",
    "Eduardo Amaro": "Rockwell Automation",
}

# Person -> organization affiliations stated in prose.
PROSE_AFFILIATIONS = [
    ("Jason Marczak", "Adrienne Arsht Latin America Center"),
    ("Luz María de la Mora", "AALAC"),
    ("Luz María de la Mora", "Secretariat of Economy"),
    ("Martin Cassinelli", "AALAC"),
    ("Enrique Perret", "USMF"),
    ("Victor André Gamas", "Nexus Global Ventures"),
    ("Juan González", "National Security Council"),
    ("Luis Almagro", "Organization of American States"),
    ("Megan Bridges", "U.S. Chamber of Commerce"),
]
AFFILIATIONS = [(p, o) for p, o in TASK_FORCE_MEMBERS.items() if o] + PROSE_AFFILIATIONS
MEMBERSHIPS = [(p, TASK_FORCE) for p in TASK_FORCE_MEMBERS] + [("Luz María de la Mora", "Nearshoring Working Group")]

# Organizations the seeds name (a person's employer, a partner, an agency met), by any spelling.
ORGANIZATIONS = [
    "Atlantic Council", "Adrienne Arsht Latin America Center", "Secretariat of Economy", "Millicom", "FedEx",
    "US-Mexico Foundation", "Prologis", "Arca Continental", "US Chamber of Commerce",
    "Mexican Association of Private Industrial Parks", "Ikea", "Amazon", "Nexus Global Ventures",
    "Organization of American States", "Ministry of Foreign Relations", "Ministry of Finance and Public Credit",
    "Ministry of Labor and Social Prevision", "Mexican Institute of Industrial Property", "ANAM", "COFEPRIS",
    "DFC", "U.S. Embassy in Mexico",
] + sorted({o for o in TASK_FORCE_MEMBERS.values() if o})

# Organizations that are one real entity under several spellings in the seeds.
SAME_ORGANIZATION = [
    ("US Chamber of Commerce", "U.S. Chamber of Commerce", "U.S. Chamber"),
    ("US-Mexico Foundation", "USMF"),
    ("Schneider", "Schneider Electric"),
    ("Arca", "Arca Continental"),
    ("Adrienne Arsht Latin America Center", "AALAC"),
    ("Embassy of USA in Mexico", "U.S. Embassy in Mexico"),
    ("Secretariat of Economy", "Ministry of Economy"),
]
SAME_INITIATIVE = [
    ("CEO Dialogue", "U.S.-Mexico CEO Dialogue"),
    ("US-Mexico High Level Economic Dialogue", "HLED", "High Level Economic Dialogue"),
    ("U.S.-Mexico Economic Council", "USMXECO"),
]


def _org(db, name):
    oid = find_organization(db, name)
    if oid is None and name == "National Security Council":
        row = db.execute("SELECT id FROM organizations WHERE name_key LIKE '%national security council%'").fetchone()
        oid = row[0] if row else None
    return oid


def measure(db) -> dict:
    """Recall/precision of people, duplicates, and affiliation/membership recall on the seeds."""
    truth = {fold(n) for n in PEOPLE}
    people = [r[0] for r in db.execute("SELECT name FROM people")]
    found = [n for n in PEOPLE if find_person(db, n) is not None]
    real = [n for n in people if fold(n) in truth]
    keys = [fold(n) for n in people]
    aff = [
        (p, o) for p, o in AFFILIATIONS
        if (pid := find_person(db, p)) and (oid := _org(db, o))
        and db.execute("SELECT 1 FROM affiliations WHERE person_id=? AND organization_id=?", [pid, oid]).fetchone()
    ]
    mem = [
        (p, i) for p, i in MEMBERSHIPS
        if (pid := find_person(db, p)) and (iid := find_initiative(db, i))
        and db.execute("SELECT 1 FROM memberships WHERE person_id=? AND initiative_id=?", [pid, iid]).fetchone()
    ]
    orgs_found = [o for o in ORGANIZATIONS if find_organization(db, o) is not None]
    split_orgs = [names for names in SAME_ORGANIZATION if len({find_organization(db, n) for n in names}) != 1]
    split_inis = [names for names in SAME_INITIATIVE if len({find_initiative(db, n) for n in names}) != 1]
    return {
        "people_recall": len(found) / len(PEOPLE),
        "people_precision": len(real) / max(1, len(people)),
        "people_rows": len(people),
        "not_people": sorted(set(people) - {n for n in people if fold(n) in truth}),
        "missed_people": sorted(set(PEOPLE) - set(found)),
        "duplicate_people": sorted({n for n in keys if keys.count(n) > 1}),
        "organization_recall": len(orgs_found) / len(ORGANIZATIONS),
        "missed_organizations": sorted(set(ORGANIZATIONS) - set(orgs_found)),
        "split_organizations": split_orgs,
        "split_initiatives": split_inis,
        "affiliation_recall": len(aff) / len(AFFILIATIONS),
        "missed_affiliations": sorted(set(AFFILIATIONS) - set(aff)),
        "membership_recall": len(mem) / len(MEMBERSHIPS),
        "missed_memberships": sorted(set(MEMBERSHIPS) - set(mem)),
    }


@pytest.fixture(scope="module")
def numbers(seeded_db_path):
    from db import open_db

    db = open_db(seeded_db_path)
    yield measure(db)
    db.close()


def test_people_recall(numbers):
    assert numbers["people_recall"] >= 0.95, numbers["missed_people"]


def test_people_precision(numbers):
    assert numbers["people_precision"] >= 0.95, numbers["not_people"]


def test_no_person_twice(numbers):
    assert numbers["duplicate_people"] == []


def test_at_most_one_organization_stored_twice(numbers):
    assert len(numbers["split_organizations"]) <= 1, numbers["split_organizations"]


def test_organizations_named_are_found(numbers):
    assert numbers["organization_recall"] >= 0.95, numbers["missed_organizations"]


def test_initiatives_are_not_split(numbers):
    assert numbers["split_initiatives"] == []


def test_affiliations_and_memberships(numbers):
    assert numbers["affiliation_recall"] >= 0.90, numbers["missed_affiliations"]
    assert numbers["membership_recall"] >= 0.90, numbers["missed_memberships"]


def test_import_order_does_not_matter(tmp_path):
    from db import open_db
    from db.importer import import_document
    from db.seeding import bundled_seed_paths

    db = open_db(tmp_path / "reversed.db")
    for path in reversed(bundled_seed_paths()):
        import_document(db, path)
    numbers = measure(db)
    assert numbers["people_recall"] == numbers["people_precision"] == 1.0
    assert not numbers["duplicate_people"] and not numbers["split_organizations"]
    assert numbers["affiliation_recall"] >= 0.9 and numbers["membership_recall"] >= 0.9
    db.close()


def test_nearshoring_working_group_is_convened_by_aalac(seeded_db):
    nwg = find_initiative(seeded_db, "Nearshoring Working Group")
    aalac = find_organization(seeded_db, "AALAC")
    assert seeded_db.execute(
        "SELECT role FROM initiative_organizations WHERE initiative_id=? AND organization_id=?", [nwg, aalac]
    ).fetchone()[0] == "convener"


def test_task_force_has_all_38_members(seeded_db):
    iid = find_initiative(seeded_db, TASK_FORCE)
    assert seeded_db.execute("SELECT COUNT(*) FROM memberships WHERE initiative_id=?", [iid]).fetchone()[0] == 38
    usmf = find_organization(seeded_db, "US-Mexico Foundation")
    assert seeded_db.execute(
        "SELECT 1 FROM initiative_organizations WHERE initiative_id=? AND organization_id=?", [iid, usmf]
    ).fetchone()


def test_key_facts(seeded_db):
    db = seeded_db
    marczak = db.execute("SELECT * FROM people WHERE id=?", [find_person(db, "Jason Marczak")]).fetchone()
    assert marczak and "vice president" in (marczak[2] or "")
    mora = find_person(db, "luz maria de la mora")
    nwg = find_initiative(db, "Nearshoring Working Group")
    assert db.execute("SELECT role FROM memberships WHERE person_id=? AND initiative_id=?", [mora, nwg]).fetchone()[0] == "lead"
    assert db.execute("SELECT email FROM people WHERE id=?", [find_person(db, "Martin Cassinelli")]).fetchone()[0] == (
        "mcassinelli@atlanticcouncil.org"
    )
    megan = find_person(db, "Megan Bridges")
    chamber = find_organization(db, "U.S. Chamber of Commerce")
    assert db.execute("SELECT title FROM affiliations WHERE person_id=? AND organization_id=?", [megan, chamber]).fetchone()[0] == (
        "Senior Manager, Americas"
    )
    millicom = find_organization(db, "Millicom")
    assert db.execute(
        "SELECT role FROM initiative_organizations WHERE initiative_id=? AND organization_id=?", [nwg, millicom]
    ).fetchone()[0] == "Founding Corporate Partner"
    assert find_initiative(db, "HLED") == find_initiative(db, "High Level Economic Dialogue")


def test_every_mention_points_into_its_document(seeded_db):
    rows = seeded_db.execute(
        'SELECT m.start, m."end", m.text, d.text, m.sentence FROM mentions m JOIN documents d ON d.id = m.document_id'
    ).fetchall()
    assert rows
    for start, end, text, doc_text, sentence in rows:
        assert doc_text[start:end] == text
        assert text in sentence


if __name__ == "__main__":
    import json
    import tempfile

    from db import open_db
    from db.seeding import seed_if_new

    with tempfile.TemporaryDirectory() as tmp:
        database = open_db(Path(tmp) / "seeds.db")
        seed_if_new(database)
        print(json.dumps(measure(database), indent=1, ensure_ascii=False))


def test_the_us_delegation_of_the_dialogue_are_its_members(seeded_db):
    """The dialogue's page says three officials directed the delegation of its meeting: they take part in it."""
    rows = seeded_db.execute(
        "SELECT p.name FROM memberships m JOIN people p ON p.id = m.person_id "
        "JOIN initiatives i ON i.id = m.initiative_id WHERE i.name LIKE '%High Level Economic Dialogue%'"
    ).fetchall()
    names = {r[0] for r in rows}
    assert {"Marcelo Ebrard", "Jake Sullivan", "Alejandro Mayorkas"} <= names
