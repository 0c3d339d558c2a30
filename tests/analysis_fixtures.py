"""A small directory for the analysis tests, written straight into the tables (independent of
the extractor): who belongs to what is chosen so paths, connections and overlaps are known."""

from __future__ import annotations

from db.connection import write_transaction
from db.textnorm import fold

PEOPLE = {
    1: ("Luz María de la Mora", "Former undersecretary"),
    2: ("Jason Marczak", "Vice president"),
    3: ("Megan Bridges", "Senior Manager, Americas"),
    4: ("Marcelo Ebrard", "Foreign Minister"),
    5: ("Jake Sullivan", "National Security Advisor"),
    6: ("[bold]Hostile[/bold] Name", None),
    7: ("José Luis Gil", None),
}
ORGANIZATIONS = {
    1: "Adrienne Arsht Latin America Center",
    2: "U.S. Chamber of Commerce",
    3: "US-Mexico Foundation",
}
INITIATIVES = {
    1: "Nearshoring Working Group",
    2: "High Level Economic Dialogue",
    3: "USMXECO Delegation",
}
AFFILIATIONS = [(1, 1, "non-resident senior fellow"), (2, 1, "vice president"), (3, 2, "senior manager")]
MEMBERSHIPS = [(1, 1, "chair"), (3, 3, "member"), (3, 2, "observer"), (2, 3, "member"), (4, 2, None), (5, 2, None), (7, 1, "member")]
PARTNERS = [(3, 2, "host"), (1, 3, "partner")]  # (initiative, organization, role)


def build_directory(db) -> None:
    """Fill an empty, migrated database with the people, organizations and initiatives above."""
    with write_transaction(db):
        for pid, (name, title) in PEOPLE.items():
            db.execute(
                "INSERT INTO people (id, name, title, name_key) VALUES (?, ?, ?, ?)", [pid, name, title, fold(name)]
            )
        for oid, name in ORGANIZATIONS.items():
            db.execute("INSERT INTO organizations (id, name, name_key) VALUES (?, ?, ?)", [oid, name, fold(name)])
        for iid, name in INITIATIVES.items():
            db.execute("INSERT INTO initiatives (id, name, name_key) VALUES (?, ?, ?)", [iid, name, fold(name)])
        for row in AFFILIATIONS:
            db.execute("INSERT INTO affiliations (person_id, organization_id, title) VALUES (?, ?, ?)", row)
        for row in MEMBERSHIPS:
            db.execute("INSERT INTO memberships (person_id, initiative_id, role) VALUES (?, ?, ?)", row)
        for row in PARTNERS:
            db.execute(
                "INSERT INTO initiative_organizations (initiative_id, organization_id, role) VALUES (?, ?, ?)", row
            )
