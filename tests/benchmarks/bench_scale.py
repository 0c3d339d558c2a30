"""What grows with the directory, side by side at several sizes: one Markdown table (a script,
never a test).

    python tests/benchmarks/bench_scale.py [--work DIR] [--tiers 10000,100000,1000000]
                                           [--import-documents 50] [--skip-import]

Each tier's directory is built once by build_directory.py (people, organizations, aliases,
planted names, a 5% / at most 5,000-member task force, initiatives, assessments) into
`--work` and reused. Rows (in process on a warm connection unless "whole process"; median and
p95 over the fixed query set of build_directory.QUERIES, 3 repetitions each):

- search, every type, and person-only (`search --type person`, what `connections NAME`,
  `path`, `log`, `show --type person`, `export --query` use); planted names found in the top 20
  and ranked first (recall: equal at every size is the bar);
- resolving a typed name among people (`db.lookup.resolve_entity(types=("person",))`);
- a new engine's first query (reads the word vocabulary), and the next query after another
  process added a note (no vocabulary change) and a person (vocabulary change);
- the task force's card (`entity_card` + `card_extras`) and a member's `connections`, in
  process and as a whole `stakeholders connections --id` process;
- `stakeholders search --type person` as a whole process;
- import: the same synthetic documents (synth.py, 100 people each) through `stakeholders import`
  into an empty directory and into a copy of each tier's directory: people per second and the
  ratio to the empty import.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from db import open_db  # noqa: E402
from db.analysis import card_extras  # noqa: E402
from db.cards import entity_card  # noqa: E402
from db.lookup import resolve_entity  # noqa: E402
from db.network import connections  # noqa: E402
from db.search import SearchEngine  # noqa: E402
from tests.benchmarks.build_directory import PLANTED_INITIATIVES, PLANTED_ORGS, QUERIES, TASK_FORCE, build  # noqa: E402
from tests.benchmarks.synth import write_documents  # noqa: E402

STAKEHOLDERS = [sys.executable, "-m", "tui"]
ENV = {**os.environ, "STAKEHOLDERS_NO_SEEDS": "1"}
NOT_PEOPLE = {name for name, _ in PLANTED_ORGS} | {name for name, _ in PLANTED_INITIATIVES}


def percentile(values: list[float], p: float) -> float:
    """The p-th percentile (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]


def ms(values: list[float]) -> str:
    """`median / p95 ms`."""
    return f"{statistics.median(values):.1f} / {percentile(values, 95):.1f}"


def timed(fn, reps: int = 3) -> tuple[list[float], object]:
    """Milliseconds of each of `reps` calls, and the last result."""
    out, result = [], None
    for _ in range(reps):
        start = time.perf_counter()
        result = fn()
        out.append((time.perf_counter() - start) * 1000)
    return out, result


def whole(args: list[str], runs: int = 5) -> float:
    """Median wall seconds of a `stakeholders` process."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([*STAKEHOLDERS, *args], env=ENV, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def directory(work: Path, people: int) -> Path:
    """The tier's directory, built once."""
    path = work / f"people_{people}.db"
    if not path.exists():
        build(path, people)
    open_db(path).close()  # migrate once, outside the timings
    return path


def bench_tier(path: Path) -> dict[str, str]:
    """Every in-process and whole-process row for one directory."""
    row: dict[str, str] = {}
    db = open_db(path)
    start = time.perf_counter()
    engine = SearchEngine(db)
    engine.search("cassineli")
    row["first query of a new process's engine (vocabulary read), ms"] = f"{(time.perf_counter() - start) * 1000:.0f}"
    for label, types in (("search, every type", None), ("search --type person", ("person",))):
        times, found, first, planted = [], 0, 0, 0
        for query, expected in QUERIES:
            for _ in range(3):
                engine._cache.clear()
                t = time.perf_counter()
                hits = engine.search(query, limit=20, types=types)
                times.append((time.perf_counter() - t) * 1000)
            if expected and not (types and expected in NOT_PEOPLE):
                names = [h.name for h in hits]
                planted += 1
                found += expected in names
                first += bool(names) and names[0] == expected
        row[f"{label}: median / p95 ms"] = ms(times)
        row[f"{label}: planted found in top 20 / first"] = f"{found}/{planted} / {first}/{planted}"
    times = []
    for query, _ in QUERIES:
        engine._cache.clear()
        t, _ = timed(lambda: resolve_entity(db, query, types=("person",)), 1)
        times += t
    row["resolve a typed name among people (connections/path/log NAME): median / p95 ms"] = ms(times)

    # The next query after another process writes: a note (vocabulary kept), a person (re-read).
    other = open_db(path)
    pid = other.execute("SELECT MIN(id) FROM people").fetchone()[0]
    for what, sql, params in (
        ("a note", "INSERT INTO notes (entity_type, entity_id, body, created_at, updated_at)"
         " VALUES ('person', ?, 'bench', '2026-01-01', '2026-01-01')", [pid]),
        ("a person", "INSERT INTO people (name, name_key) VALUES ('Bench Zyxwvut', 'bench zyxwvut')", []),
    ):
        with other.conn:
            other.execute(sql, params)
        t = time.perf_counter()
        engine.search("cassineli")
        row[f"next query after another process added {what}, ms"] = f"{(time.perf_counter() - t) * 1000:.1f}"
    with other.conn:
        other.execute("DELETE FROM notes WHERE body = 'bench'")
        other.execute("DELETE FROM people WHERE name = 'Bench Zyxwvut'")
    other.close()

    tf, members = db.execute(
        "SELECT i.id, (SELECT COUNT(*) FROM memberships m WHERE m.initiative_id = i.id) FROM initiatives i WHERE name = ?",
        [TASK_FORCE],
    ).fetchone()
    times, _ = timed(lambda: (entity_card(db, "initiative", tf), card_extras(db, "initiative", tf)))
    row[f"card of the {members:,}-member task force (entity_card + card_extras): median / p95 ms"] = ms(times)
    member = db.execute("SELECT person_id FROM memberships WHERE initiative_id = ? ORDER BY person_id LIMIT 1", [tf]).fetchone()[0]
    times, _ = timed(lambda: connections(db, member))
    row["connections of a task-force member, in process: median / p95 ms"] = ms(times)
    times, _ = timed(lambda: (entity_card(db, "person", member), card_extras(db, "person", member)))
    row["card of a task-force member: median / p95 ms"] = ms(times)
    db.close()
    row["whole process `stakeholders connections --id MEMBER`, s"] = f"{whole(['--db', str(path), 'connections', '--id', str(member)]):.2f}"
    row["whole process `stakeholders search --type person \"wainright\"`, s"] = (
        f"{whole(['--db', str(path), 'search', '--type', 'person', 'wainright']):.2f}"
    )
    return row


def bench_import(work: Path, paths: dict[int, Path], documents: int) -> dict[str, dict[str, str]]:
    """`stakeholders import` of the same documents into an empty directory and into copies."""
    docs = work / f"docs_{documents}"
    if not docs.exists():
        write_documents(docs, documents)
    targets = {"empty": None, **{f"{n:,}": p for n, p in paths.items()}}
    out: dict[str, dict[str, str]] = {}
    empty_s = None
    for label, source in targets.items():
        target = work / "import_target.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        if source is not None:
            shutil.copy(source, target)
        before = 0 if source is None else open_db(target).execute("SELECT COUNT(*) FROM people").fetchone()[0]
        start = time.perf_counter()
        proc = subprocess.run([*STAKEHOLDERS, "--db", str(target), "import", str(docs)], env=ENV, capture_output=True, text=True)
        elapsed = time.perf_counter() - start
        db = open_db(target)
        added = db.execute("SELECT COUNT(*) FROM people").fetchone()[0] - before
        db.close()
        empty_s = elapsed if source is None else empty_s
        status = "" if proc.returncode == 0 else f" (exit {proc.returncode})"
        out[label] = {
            f"import {documents} documents ({documents * 100:,} named people): s, people/s, x empty":
            f"{elapsed:.1f} s, {documents * 100 / elapsed:,.0f}/s, {elapsed / empty_s:.2f}x ({added:,} new){status}"
        }
    for suffix in ("", "-wal", "-shm"):
        Path(f"{work / 'import_target.db'}{suffix}").unlink(missing_ok=True)
    return out


def main() -> None:
    """Build, measure, print one table with a column per size."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "stakeholders-bench")
    parser.add_argument("--tiers", default="10000,100000,1000000")
    parser.add_argument("--import-documents", type=int, default=50)
    parser.add_argument("--skip-import", action="store_true")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    tiers = [int(t) for t in args.tiers.split(",")]
    paths = {n: directory(args.work, n) for n in tiers}
    columns = {f"{n:,}": bench_tier(p) for n, p in paths.items()}
    if not args.skip_import:
        imports = bench_import(args.work, paths, args.import_documents)
        for label, cells in imports.items():
            columns.setdefault(label, {}).update(cells)
    rows = list(dict.fromkeys(k for col in columns.values() for k in col))
    load = os.getloadavg()
    print(f"`python tests/benchmarks/bench_scale.py --tiers {args.tiers}` ({os.cpu_count()} cores,"
          f" load {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} at the end)\n")
    print("| measure | " + " | ".join(columns) + " |")
    print("|---|" + "---|" * len(columns))
    for r in rows:
        print(f"| {r} | " + " | ".join(col.get(r, "") for col in columns.values()) + " |")


if __name__ == "__main__":
    main()
