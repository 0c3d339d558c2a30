"""Possible duplicates at scale: time `db.duplicates.possible_duplicates` and check that planted
near-duplicates are found.

    python tests/benchmarks/bench_duplicates.py [--people 100000] [--db PATH] [--runs 2]

Builds the synthetic directory of `build_directory.py` (a random mix of English and Spanish
names), then plants pairs of invented near-duplicates of the kinds this genre has (accents,
particles, a middle initial, a missing second surname, a short given name, a misspelling,
another word order), each pair sharing an organization, and pairs that must NOT be suggested
(another second surname, another initial, a gendered given name). Prints the time of each run,
how many pairs were suggested (by reason), the recall of the planted pairs and their ranks,
and any false planted pair suggested. A script, not a test: nothing here asserts a time.

The synthetic names repeat (a few thousand distinct first-and-last pairs for 100,000 people),
which a real directory would not (import resolves one folded name to one record); people with
a repeated folded name are renamed first with an invented surname so the directory looks like
one the importer built.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from db import open_db, write_transaction  # noqa: E402
from db.duplicates import possible_duplicates  # noqa: E402
from db.textnorm import fold  # noqa: E402
from tests.benchmarks.build_directory import build  # noqa: E402
from tests.benchmarks.synth import SYLLABLES  # noqa: E402

# (name, near-duplicate): invented names, one pair per kind of difference
PLANTED = [
    ("Evangelina de la Cruz Ozuna", "Evangelina Cruz Ozuna"),  # particles dropped
    ("Rigoberta Ibáñez Tlacuilo", "Rigoberta Ibanez Tlacuilo"),  # accents
    ("Thaddeus Q. Brumwell", "Thaddeus Brumwell"),  # middle initial
    ("Nicanor Zubieta Olaguíbel", "Nicanor Zubieta"),  # missing second surname
    ("Jon Pellegrew", "Jonathan Pellegrew"),  # short given name
    ("Bill Osterhagen", "William Osterhagen"),  # nickname
    ("Casimira Yturralde", "Casimira Yturalde"),  # one misspelling
    ("Octavio Barrientos Quiñónez", "Octavio Barientos Quiñonez"),  # one misspelling and an accent
    ("Prudencio Laborde Xicoténcatl", "Laborde Xicotencatl, Prudencio"),  # another order
    ("Marcelina Ugarte", "Marcelina Sofía Ugarte"),  # a second given name
]
# pairs that are two people: never suggested
DISTINCT = [
    ("Evaristo Quezada Lomelí", "Evaristo Quezada Portillo"),  # another second surname
    ("Harlan B. Whitcombe", "Harlan D. Whitcombe"),  # another initial
    ("Fabiola Encinas", "Fabiolo Encinas"),  # gendered given name
    ("Leocadio Martin", "Leocadio Martinez"),  # another surname
]


def make_unique(path: Path, seed: int = 3) -> int:
    """Rename people whose folded name repeats (surname + invented surname); return how many."""
    rng = random.Random(seed)
    db = open_db(path)
    seen: set[str] = set()
    renames = []
    for pid, original in db.execute("SELECT id, name FROM people ORDER BY id").fetchall():
        name, key = original, fold(original)
        while key in seen:
            name = f"{original} {''.join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()}"
            key = fold(name)
        seen.add(key)
        if name != original:
            renames.append((name, key, pid))
    with write_transaction(db):
        db.conn.executemany("UPDATE people SET name = ?, name_key = ? WHERE id = ?", renames)
    db.close()
    return len(renames)


def plant(path: Path) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Insert the planted pairs (each sharing an organization); return their id pairs."""
    db = open_db(path)
    out: dict[str, list[tuple[int, int]]] = {"planted": [], "distinct": []}
    with write_transaction(db):
        org_ids = [r[0] for r in db.execute("SELECT id FROM organizations ORDER BY id LIMIT 20").fetchall()]
        for kind, pairs in (("planted", PLANTED), ("distinct", DISTINCT)):
            for n, (a, b) in enumerate(pairs):
                ids = []
                for name in (a, b):
                    pid = db.execute("INSERT INTO people (name, name_key) VALUES (?, ?)", [name, fold(name)]).lastrowid
                    db.execute("INSERT OR IGNORE INTO affiliations (person_id, organization_id) VALUES (?, ?)",
                               [pid, org_ids[n % len(org_ids)]])
                    ids.append(pid)
                out[kind].append((min(ids), max(ids)))
    db.close()
    return out["planted"], out["distinct"]


def main() -> None:
    """Build, plant, time and report."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--db", type=Path, help="Keep the built directory here (built if missing).")
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args()
    path = args.db or Path(tempfile.mkdtemp()) / "duplicates.db"
    if not path.exists():
        started = time.perf_counter()
        build(path, args.people, analysis=False)
        renamed = make_unique(path)
        planted, distinct = plant(path)
        print(f"built {args.people:,} people ({renamed:,} renamed to unique names) in {time.perf_counter() - started:.1f} s")
    else:
        db = open_db(path)
        ids = {n: i for i, n in db.execute("SELECT id, name FROM people WHERE id > ?", [args.people - 1]).fetchall()}
        db.close()
        planted = [tuple(sorted((ids[a], ids[b]))) for a, b in PLANTED]
        distinct = [tuple(sorted((ids[a], ids[b]))) for a, b in DISTINCT]
    db = open_db(path)
    people = db.execute("SELECT COUNT(*) FROM people").fetchone()[0]
    for run in range(args.runs):
        started, cpu = time.perf_counter(), time.process_time()
        pairs = possible_duplicates(db, "person", limit=None)
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
        print(f"run {run + 1}: {people:,} people, {len(pairs):,} pairs in {elapsed:.2f} s ({cpu:.2f} s of CPU;"
              f" load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
    rank = {(p.a_id, p.b_id): i + 1 for i, p in enumerate(pairs)}
    found = [pair for pair in planted if pair in rank]
    print("by reason:", dict(Counter(p.reason for p in pairs).most_common()))
    print(f"planted near-duplicates found: {len(found)}/{len(planted)} (recall {len(found) / len(planted):.2f});"
          f" ranks {sorted(rank[p] for p in found)}")
    for (a, b), pair in zip(PLANTED, planted):
        if pair not in rank:
            print(f"  missed: {a} / {b}")
    wrong = [names for names, pair in zip(DISTINCT, distinct) if pair in rank]
    print(f"planted distinct pairs suggested: {len(wrong)}/{len(distinct)}", *(f"\n  {a} / {b}" for a, b in wrong))
    started = time.perf_counter()
    top = possible_duplicates(db, "person", limit=100)
    print(f"top 100 (what the app shows) in {time.perf_counter() - started:.2f} s; first: "
          f"{top[0].a_name} / {top[0].b_name} ({top[0].score}, {top[0].reason})")
    started = time.perf_counter()
    orgs = possible_duplicates(db, "organization", limit=None)
    count = db.execute("SELECT COUNT(*) FROM organizations").fetchone()[0]
    print(f"organizations: {count:,}, {len(orgs)} pairs in {time.perf_counter() - started:.2f} s")
    db.close()


if __name__ == "__main__":
    main()
