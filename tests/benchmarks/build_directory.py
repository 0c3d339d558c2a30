"""Build a large synthetic directory directly (bulk inserts, not through `stakeholders import`).

Rows go into the real schema and the search index is filled by the same SQLite triggers that
serve the importer, so search sees exactly what it would see after an import. A few known
people, organizations and initiatives are planted so the benchmark can check it finds them.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from db import open_db, write_transaction  # noqa: E402
from db.textnorm import compact_key, fold  # noqa: E402
from tests.benchmarks.synth import organization_name, person_name  # noqa: E402

PLANTED_PEOPLE = [
    "Enrique Königue", "José Luis Gil", "Jake Sullivan", "Luz María de la Mora",
    "Guillermo Garza Martinez", "Andrés Manuel López Obrador", "Paolo Tagliapietra",
    "Mario Cassinelli", "Jason Marczak",
]
PLANTED_ORGS = [("Schneider Electric", None), ("Adrienne Arsht Latin America Center", "AALAC")]
PLANTED_INITIATIVES = [("High-Level Economic Dialogue", "HLED")]

# (query, expected name or None): the fixed query set of the latency benchmark.
QUERIES = [
    ("konigue", "Enrique Königue"),
    ("Königue", "Enrique Königue"),
    ("jose luis gil", "José Luis Gil"),
    ("sullivan jake", "Jake Sullivan"),
    ("de la mora", "Luz María de la Mora"),
    ("garza martinez", "Guillermo Garza Martinez"),
    ("lopez obrador", "Andrés Manuel López Obrador"),
    ("tagliapetra", "Paolo Tagliapietra"),
    ("cassineli", "Mario Cassinelli"),
    ("schnieder", "Schneider Electric"),
    ("hled", "High-Level Economic Dialogue"),
    ("marczak", "Jason Marczak"),
    ("maria", None),
    ("gonzales", None),
    ("luz maria", None),
    ("hernandez lopez", None),
    ("jonson", None),
    ("ma", None),
]


def build(path: Path, people: int, seed: int = 11) -> None:
    """Create `path` holding `people` people (planted ones included), their orgs and aliases."""
    rng = random.Random(seed)
    db = open_db(path)
    n_orgs = max(10, people // 50)
    with write_transaction(db):
        orgs = [(organization_name(rng) + f" {i}", None) for i in range(n_orgs)] + PLANTED_ORGS
        db.conn.executemany(
            "INSERT INTO organizations (name, acronym, name_key) VALUES (?, ?, ?)",
            [(name, acr, fold(name)) for name, acr in orgs],
        )
        db.conn.executemany(
            "INSERT INTO initiatives (name, acronym, name_key) VALUES (?, ?, ?)",
            [(name, acr, fold(name)) for name, acr in PLANTED_INITIATIVES],
        )
        names = [person_name(rng) for _ in range(people - len(PLANTED_PEOPLE))]
        names[len(names) // 2 : len(names) // 2] = PLANTED_PEOPLE
        batch = 50_000
        for start in range(0, len(names), batch):
            chunk = names[start : start + batch]
            db.conn.executemany(
                "INSERT INTO people (id, name, name_key) VALUES (?, ?, ?)",
                [(start + i + 1, n, fold(n)) for i, n in enumerate(chunk)],
            )
            db.conn.executemany(
                "INSERT INTO affiliations (person_id, organization_id) VALUES (?, ?)",
                [(start + i + 1, rng.randint(1, n_orgs)) for i in range(len(chunk))],
            )
            # One person in ten also has a short form on record (given name + last surname).
            aliases = []
            for i, n in enumerate(chunk):
                parts = n.split()
                if i % 10 == 0 and len(parts) > 2:
                    short = f"{parts[0]} {parts[-1]}"
                    aliases.append(("person", start + i + 1, short, compact_key(short)))
            db.conn.executemany(
                "INSERT OR IGNORE INTO aliases (entity_type, entity_id, alias, alias_key) VALUES (?, ?, ?, ?)",
                aliases,
            )
    db.execute("PRAGMA optimize")
    db.close()


if __name__ == "__main__":
    build(Path(sys.argv[1]), int(sys.argv[2]))
