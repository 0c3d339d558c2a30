"""Stakeholder-analysis benchmark: prints one Markdown table per run (a script, never a test).

    python tests/benchmarks/bench_analysis.py [--work DIR] [--tiers 10000,100000] [--samples 200]

Builds each directory with tests/benchmarks/build_directory.py (people and organizations, bulk
inserts), then adds initiatives (one per 100 people, 20-60 members each, so some people sit on
several), assessments of 5% of the people and interactions with follow-ups for 5%. Times, in
process on a warm connection, median and p95 (and max for paths) over random samples:
`shortest_path` between random people, `connections` and `card_extras` (what a card loads),
`organization_overlap`, `grid` (whole, and filtered by an initiative) and `due_followups`.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from db import open_db, write_transaction  # noqa: E402
from db.analysis import card_extras  # noqa: E402
from db.assessments import grid  # noqa: E402
from db.network import connections, organization_overlap, shortest_path  # noqa: E402
from db.engagement import due_followups  # noqa: E402
from tests.benchmarks.build_directory import build  # noqa: E402  (people, orgs, task force, analysis data)


def timed(fn, samples) -> list[float]:
    """Milliseconds per call of fn(sample)."""
    out = []
    for sample in samples:
        start = time.perf_counter()
        fn(sample)
        out.append((time.perf_counter() - start) * 1000)
    return out


def row(tier: int, what: str, ms: list[float]) -> str:
    ms = sorted(ms)
    p95 = ms[min(len(ms) - 1, int(len(ms) * 0.95))]
    return f"| {tier:,} | {what} | {len(ms)} | {statistics.median(ms):.1f} | {p95:.1f} | {ms[-1]:.1f} |"


def bench(work: Path, tier: int, samples: int) -> list[str]:
    """Build the tier's directory and time each query."""
    path = work / f"people_{tier}.db"  # the same file as bench_search.py's, built once
    if not path.exists():
        build(path, tier)
    db = open_db(path)
    rng = random.Random(tier)
    n_people = db.execute("SELECT COUNT(*) FROM people").fetchone()[0]
    orgs = [r[0] for r in db.execute("SELECT id FROM organizations").fetchall()]
    inits = [r[0] for r in db.execute("SELECT id FROM initiatives").fetchall()]
    pairs = [(rng.randint(1, n_people), rng.randint(1, n_people)) for _ in range(samples)]
    people = [rng.randint(1, n_people) for _ in range(samples)]
    found = sum(shortest_path(db, a, b) is not None for a, b in pairs[:20])
    lines = [
        row(tier, f"shortest_path (random pairs; {found}/20 connected)", timed(lambda p: shortest_path(db, *p), pairs)),
        row(tier, "connections(person)", timed(lambda p: connections(db, p), people)),
        row(tier, "card_extras(person)", timed(lambda p: card_extras(db, "person", p), people)),
        row(tier, "organization_overlap", timed(lambda o: organization_overlap(db, o), rng.sample(orgs, min(samples, len(orgs))))),
        row(tier, "card_extras(initiative)", timed(lambda i: card_extras(db, "initiative", i), rng.sample(inits, min(samples, len(inits))))),
        row(tier, f"grid() of {n_people // 20:,} assessed", timed(lambda _: grid(db), range(10))),
        row(tier, "grid(initiative_id=...)", timed(lambda i: grid(db, initiative_id=i), rng.sample(inits, min(50, len(inits))))),
        row(tier, "due_followups(within 30 days)", timed(lambda _: due_followups(db, "2026-11-20", within_days=30), range(10))),
    ]
    db.close()
    return lines


def main() -> None:
    """Parse arguments, run every tier, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, default=None, help="Keep the built databases here.")
    parser.add_argument("--tiers", default="10000,100000")
    parser.add_argument("--samples", type=int, default=200)
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-analysis-"))
    work.mkdir(parents=True, exist_ok=True)
    print("| people | query | n | median ms | p95 ms | max ms |")
    print("|---:|---|---:|---:|---:|---:|")
    for tier in (int(t) for t in args.tiers.split(",")):
        for line in bench(work, tier, args.samples):
            print(line, flush=True)


if __name__ == "__main__":
    main()
