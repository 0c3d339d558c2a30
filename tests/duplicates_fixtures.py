"""A small directory with near-duplicate people and organizations (invented names), for the
possible-duplicates tests of the data layer, the CLI and the app."""

from __future__ import annotations

from pathlib import Path

from db import open_db, write_transaction
from db.textnorm import fold

PEOPLE = [
    "Anabel Trujeque Sosa",  # 1
    "Anabel Trujeque",  # 2: missing second surname, shares an organization and an initiative with 1
    "Corwin J. Haverford",  # 3
    "Corwin Haverford",  # 4: middle initial
    "Anabel Montiel",  # 5: same given name, another surname: never paired
    "Ovidio [Talamantes]",  # 6: markup-like text in a name is text
    "Ovidio Talamantes",  # 7
]
ORGANIZATIONS = ["Consorcio Ferroviario del Golfo", "Consorcio Ferroviario del Golfo (CFG)", "Norvale Logistics"]
INITIATIVES = ["Rail Corridor Working Group"]


def build_pairs_db(path: Path) -> Path:
    """Create the directory at `path` (ids in list order, from 1) and return the path."""
    db = open_db(path)
    with write_transaction(db):
        for table, names in (("people", PEOPLE), ("organizations", ORGANIZATIONS), ("initiatives", INITIATIVES)):
            db.conn.executemany(f"INSERT INTO {table} (name, name_key) VALUES (?, ?)", [(n, fold(n)) for n in names])
        db.execute("INSERT INTO affiliations (person_id, organization_id, title) VALUES (1, 1, 'Director'), (2, 1, NULL)")
        db.execute("INSERT INTO memberships (person_id, initiative_id, role) VALUES (1, 1, 'member'), (2, 1, 'member')")
    db.close()
    return path
