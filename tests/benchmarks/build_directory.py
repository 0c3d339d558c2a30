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
    # typo targets next to common words: a rare surname one edit from a common one ('wright'),
    # and a rare given name next to a common surname
    "Tamsin Wainwright-Ybarra", "Ximena Quetzalli Hernández",
]
PLANTED_ORGS = [("Schneider Electric", None), ("Adrienne Arsht Latin America Center", "AALAC")]
PLANTED_INITIATIVES = [("High-Level Economic Dialogue", "HLED")]
# A big group: 5% of the people, at most 5,000, with 20 partner organizations.
TASK_FORCE = "Cross-Border Supply Task Force"
TASK_FORCE_MEMBERS = 5000

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
    ("wainright", "Tamsin Wainwright-Ybarra"),
    ("tamsin wainright", "Tamsin Wainwright-Ybarra"),
    ("quetzali hernandes", "Ximena Quetzalli Hernández"),
    ("hernandez quetzali", "Ximena Quetzalli Hernández"),
    ("maria", None),
    ("gonzales", None),
    ("luz maria", None),
    ("hernandez lopez", None),
    ("jonson", None),
    ("ma", None),
]


def build(path: Path, people: int, seed: int = 11, *, analysis: bool = True) -> None:
    """Create `path` holding `people` people (planted ones included), their orgs and aliases,
    the task force, and (with `analysis`) `add_analysis_data`'s initiatives, assessments and
    interactions."""
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
        members = rng.sample(range(1, people + 1), min(TASK_FORCE_MEMBERS, people // 20))
        tf = db.execute(
            "INSERT INTO initiatives (name, kind, name_key) VALUES (?, 'task force', ?)", [TASK_FORCE, fold(TASK_FORCE)]
        ).lastrowid
        db.conn.executemany(
            "INSERT INTO memberships (person_id, initiative_id, role) VALUES (?, ?, 'member')",
            [(pid, tf) for pid in members],
        )
        db.conn.executemany(
            "INSERT INTO initiative_organizations (initiative_id, organization_id, role) VALUES (?, ?, 'partner')",
            [(tf, oid) for oid in rng.sample(range(1, n_orgs + 1), min(20, n_orgs))],
        )
    db.execute("PRAGMA optimize")
    db.close()
    if analysis:
        add_analysis_data(path)


def add_analysis_data(path: Path, seed: int = 5) -> tuple[int, int, int]:
    """Initiatives (one per 100 people, 20-60 members each, so some people sit on several),
    assessments of 5% of the people and interactions with follow-ups for 5%; returns
    (people, organizations, initiatives)."""
    rng = random.Random(seed)
    db = open_db(path)
    people = db.execute("SELECT COUNT(*) FROM people").fetchone()[0]
    orgs = db.execute("SELECT COUNT(*) FROM organizations").fetchone()[0]
    n_initiatives = max(5, people // 100)
    with write_transaction(db):
        db.conn.executemany(
            "INSERT INTO initiatives (name, name_key) VALUES (?, ?)",
            [(f"Working Group {i}", f"working group {i}") for i in range(n_initiatives)],
        )
        first = db.execute("SELECT MAX(id) FROM initiatives").fetchone()[0] - n_initiatives + 1
        members = set()
        for ini in range(first, first + n_initiatives):
            for pid in rng.sample(range(1, people + 1), rng.randint(20, 60)):
                members.add((pid, ini))
        db.conn.executemany("INSERT INTO memberships (person_id, initiative_id, role) VALUES (?, ?, 'member')", members)
        stances = ("supportive", "neutral", "opposed", "unknown")
        db.conn.executemany(
            "INSERT INTO assessments (entity_type, entity_id, influence, interest, stance, assessed_at)"
            " VALUES ('person', ?, ?, ?, ?, ?)",
            [(pid, rng.randint(1, 5), rng.randint(1, 5), rng.choice(stances), f"2026-0{rng.randint(1, 9)}-01")
             for pid in rng.sample(range(1, people + 1), people // 20)],
        )
        db.conn.executemany(
            "INSERT INTO interactions (person_id, kind, date, summary, follow_up_date, created_at)"
            " VALUES (?, 'call', '2026-10-01', 'call', ?, '2026-10-01')",
            [(pid, f"2026-{rng.randint(10, 12)}-{rng.randint(10, 28)}")
             for pid in rng.sample(range(1, people + 1), people // 20)],
        )
    db.execute("PRAGMA optimize")
    db.close()
    return people, orgs, n_initiatives


if __name__ == "__main__":
    build(Path(sys.argv[1]), int(sys.argv[2]))
