"""Search and import benchmark: prints one Markdown table per run (a script, never a test).

    python tests/benchmarks/bench_search.py [--work DIR] [--tiers 1000,10000,100000,1000000]
                                            [--import-documents 1000] [--skip-import]

- import: synthetic documents (tests/benchmarks/synth.py, 100 people each) through the real
  `stakeholders import` in a subprocess; people per second;
- latency: in-process `SearchEngine.search` (warm, as the app's worker keeps it) over the fixed
  query set of build_directory.QUERIES at each size, median and p95, next to the naive baseline
  measured in the same run (thefuzz `process.extract` over every name, per query). The large
  directories are built with bulk inserts (build_directory.py), not through import;
- whole process: `stakeholders search` at 100k people against the seed-only directory;
- peak memory (max RSS) of a process running the query set at 100k people.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from db import open_db  # noqa: E402
from db.search import SearchEngine  # noqa: E402
from tests.benchmarks.build_directory import QUERIES, build  # noqa: E402
from tests.benchmarks.synth import write_documents  # noqa: E402

STAKEHOLDERS = [sys.executable, "-m", "tui"]
TYPED = ["tagliapietra", "luz maria de la mora", "schneider electric", "jonson"]
GOALS = {100_000: "p95 <= 30 ms, >= 5x baseline", 1_000_000: "p95 <= 300 ms"}


def percentile(values: list[float], p: float) -> float:
    """The p-th percentile (nearest rank) of `values`."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]


def directory(work: Path, people: int) -> Path:
    """A synthetic directory of `people` people, built once and reused across runs."""
    path = work / f"people_{people}.db"
    if not path.exists():
        build(path, people)
    return path


def bench_import(work: Path, documents: int) -> list[tuple[str, str]]:
    """Time `stakeholders import` of `documents` synthetic documents into a new database."""
    docs = work / f"docs_{documents}"
    if not docs.exists():
        write_documents(docs, documents)
    db_path = work / f"import_{documents}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    env = {**os.environ, "STAKEHOLDERS_NO_SEEDS": "1"}
    start = time.perf_counter()
    proc = subprocess.run([*STAKEHOLDERS, "--db", str(db_path), "import", str(docs)], env=env,
                          capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    db = open_db(db_path)
    people = db.execute("SELECT COUNT(*) FROM people").fetchone()[0]
    db.close()
    status = "" if proc.returncode == 0 else f" (exit {proc.returncode}: {proc.stderr.strip()[-120:]})"
    rate = f"{documents * 100 / elapsed:,.0f} people/s" if people else "n/a (no people extracted)"
    return [(f"import {documents:,} documents naming {documents * 100:,} people, `stakeholders import`",
             f"{rate}: {elapsed:.1f} s, {people:,} people stored{status}", ">= 2,000 people/s")]


def bench_latency(path: Path, reps: int, baseline_reps: int) -> dict:
    """Median/p95 of the engine and of the thefuzz baseline over the query set; planted ranks."""
    from thefuzz import process as thefuzz_process

    db = open_db(path)
    start = time.perf_counter()
    engine = SearchEngine(db)
    engine.search("cassineli")  # first query of a new engine: loads the word vocabulary
    cold_ms = (time.perf_counter() - start) * 1000
    times, ranks = [], []
    for query, expected in QUERIES:
        for _ in range(reps):
            engine._cache.clear()  # measure the search, not the result cache
            t = time.perf_counter()
            hits = engine.search(query, limit=20)
            times.append((time.perf_counter() - t) * 1000)
        if expected:
            found = [h.name for h in hits]
            ranks.append(found.index(expected) + 1 if expected in found else None)
    typed = []  # search-as-you-type: every prefix of a few names, as the app's bar sends them
    for word in TYPED:
        for i in range(1, len(word) + 1):
            t = time.perf_counter()
            engine.search(word[:i], limit=50)
            typed.append((time.perf_counter() - t) * 1000)
    names = [row[0] for row in db.execute("SELECT name FROM people UNION ALL SELECT name FROM organizations")]
    base = []
    for query, _ in QUERIES:
        for _ in range(baseline_reps):
            t = time.perf_counter()
            thefuzz_process.extract(query, names, limit=20)
            base.append((time.perf_counter() - t) * 1000)
    people = db.execute("SELECT COUNT(*) FROM people").fetchone()[0]
    db.close()
    return {
        "people": people, "median": statistics.median(times), "p95": percentile(times, 95),
        "base_median": statistics.median(base), "base_p95": percentile(base, 95), "cold": cold_ms,
        "top1": sum(r == 1 for r in ranks), "top3": sum(r is not None and r <= 3 for r in ranks),
        "planted": len(ranks), "typed_median": statistics.median(typed), "typed_p95": percentile(typed, 95),
    }


def _run_cli(db_path: Path, query: str) -> float:
    start = time.perf_counter()
    subprocess.run([*STAKEHOLDERS, "--db", str(db_path), "search", query], check=True, capture_output=True)
    return time.perf_counter() - start


def bench_whole_process(big: Path, work: Path, runs: int = 7) -> list[tuple[str, str]]:
    """Median wall time of `stakeholders search` at `big` against a seed-only directory."""
    seed = work / "seed_only.db"
    if not seed.exists():
        subprocess.run([*STAKEHOLDERS, "--db", str(seed), "stats"], check=True, capture_output=True)
    rows = []
    for query in ("cassineli", "luz maria"):
        big_t = statistics.median(_run_cli(big, query) for _ in range(runs))
        seed_t = statistics.median(_run_cli(seed, query) for _ in range(runs))
        rows.append((f"whole process `stakeholders search \"{query}\"`, 100k people vs seed-only",
                     f"{big_t:.2f} s vs {seed_t:.2f} s ({big_t - seed_t:+.2f} s), median of {runs}",
                     "<= 1 s, <= +0.3 s"))
    return rows


# VmHWM, not ru_maxrss: on Linux ru_maxrss survives exec, so a child forked from this big
# process would report the parent's size.
_MEMORY_PROBE = """
import sys
sys.path.insert(0, sys.argv[2])
from db import open_db
from db.search import SearchEngine
from tests.benchmarks.build_directory import QUERIES
engine = SearchEngine(open_db(sys.argv[1]))
for query, _ in QUERIES:
    engine.search(query, limit=50)
print(next(line.split()[1] for line in open("/proc/self/status") if line.startswith("VmHWM:")))
"""


def bench_memory(big: Path) -> list[tuple[str, str]]:
    """Peak RSS of a fresh process that runs the whole query set at `big`."""
    out = subprocess.run([sys.executable, "-c", _MEMORY_PROBE, str(big), str(ROOT)],
                         check=True, capture_output=True, text=True).stdout
    return [("peak memory (VmHWM) of a process running the query set, 100k people",
             f"{int(out.strip()) / 1024:.0f} MB", "<= 300 MB")]


def main() -> None:
    """Run every benchmark and print the table."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "stakeholders-bench")
    parser.add_argument("--tiers", default="1000,10000,100000,1000000")
    parser.add_argument("--import-documents", type=int, default=1000)
    parser.add_argument("--skip-import", action="store_true")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    tiers = [int(t) for t in args.tiers.split(",")]

    rows: list[tuple[str, str, str]] = []
    if not args.skip_import:
        rows += bench_import(args.work, args.import_documents)
    for people in tiers:
        t = time.perf_counter()
        path = directory(args.work, people)
        build_s = time.perf_counter() - t
        r = bench_latency(path, reps=5 if people < 1_000_000 else 3, baseline_reps=3 if people <= 100_000 else 1)
        rows.append((
            f"search latency, {r['people']:,} people (bulk-built{f' in {build_s:.0f} s' if build_s > 1 else ''})",
            f"median {r['median']:.1f} ms, p95 {r['p95']:.1f} ms; thefuzz baseline median {r['base_median']:.0f} ms,"
            f" p95 {r['base_p95']:.0f} ms ({r['base_median'] / r['median']:.0f}x / {r['base_p95'] / r['p95']:.0f}x"
            f" faster); typing {len(TYPED)} names a letter at a time (limit 50): median"
            f" {r['typed_median']:.1f} ms, p95 {r['typed_p95']:.1f} ms; new engine's first query {r['cold']:.0f} ms;"
            f" planted names {r['top1']}/{r['planted']} first, {r['top3']}/{r['planted']} in top 3",
            GOALS.get(people, ""),
        ))
    if 100_000 in tiers:
        big = directory(args.work, 100_000)
        rows += bench_whole_process(big, args.work)
        rows += bench_memory(big)
    print(f"| measure ({len(QUERIES)} queries, {os.cpu_count()} cores) | result | goal |\n|---|---|---|")
    for what, result, goal in rows:
        print(f"| {what} | {result} | {goal} |")


if __name__ == "__main__":
    main()
