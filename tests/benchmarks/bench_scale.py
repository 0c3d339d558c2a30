"""What grows with the directory, side by side at several sizes: one Markdown table (a script,
never a test).

    python tests/benchmarks/bench_scale.py [--work DIR] [--tiers 10000,100000,1000000]
                                           [--import-documents 50] [--import-repeats 3]
                                           [--skip-import] [--clock wall|cpu]
                                           [--import-workers auto|0|N]

Each tier's directory is built once by build_directory.py (people, organizations, aliases,
planted names, a 5% / at most 5,000-member task force, initiatives, assessments) into
`--work` and reused. Rows (in process on a warm connection unless "whole process"; median and
p95 over the fixed query set of build_directory.QUERIES, 3 repetitions each; wall milliseconds,
or with `--clock cpu` the thread's CPU milliseconds):

- search, every type, and person-only (`search --type person`, what `connections NAME`,
  `path`, `log`, `show --type person`, `export --query` use); planted names found in the top 20
  and ranked first (recall: equal at every size is the bar);
- resolving a typed name among people (`db.lookup.resolve_entity(types=("person",))`), the
  pickers' search as typed (every prefix of a few names, and single letters) and `export
  --query`'s person search (limit 1000); planted names missed at one size but not another are
  listed with how many entities the ranking puts above them over every match (a query naming
  hundreds of people, `garza martinez` at 1M, is ambiguous, not a miss of the candidate choice);
- a new engine's first query (reads the word vocabulary), and the next query after another
  process added a note (no vocabulary change) and a person (vocabulary change);
- the task force's card (`entity_card` + `card_extras`) and a member's `connections`, in
  process and as a whole `stakeholders connections --id` process;
- `stakeholders search --type person` as a whole process;
- import: the same synthetic documents (synth.py, 100 people each) through `stakeholders import`
  into an empty directory and into a copy of each tier's directory, `--import-repeats` times
  (median): wall seconds (what the user waits), CPU seconds (user + system of the process and
  of its worker processes: `db.import_workers` reads and extracts documents in workers, so the
  CPU time can exceed the wall time), people per second (wall) and the ratio to the empty import
  (wall, and CPU: what the machine's load does not change). `--import-workers` is passed as
  STAKEHOLDERS_IMPORT_WORKERS (0: one process, as before the workers).

Every column says the load average when it was measured: on a shared machine, wall times
under load are longer than the CPU time the work takes.
"""

from __future__ import annotations

import argparse
import os
import resource
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
from db.formats.export import ExportFilters, count_people  # noqa: E402
from db.search import SearchEngine  # noqa: E402
from tests.benchmarks.build_directory import PLANTED_INITIATIVES, PLANTED_ORGS, QUERIES, TASK_FORCE, build  # noqa: E402
from tests.benchmarks.synth import write_documents  # noqa: E402

STAKEHOLDERS = [sys.executable, "-m", "tui"]
ENV = {**os.environ, "STAKEHOLDERS_NO_SEEDS": "1"}
# In-process rows: wall time (perf_counter), or with --clock cpu this thread's CPU time, which
# the machine's load does not stretch (the wall time of a lone user is about the CPU time).
clock = time.perf_counter
NOT_PEOPLE = {name for name, _ in PLANTED_ORGS} | {name for name, _ in PLANTED_INITIATIVES}
# What a picker (path `p`, merge `m`, attach) is asked while a name is typed: every prefix.
TYPED = ["marczak", "konigue", "de la mora", "garza martinez", "tagliapetra", "sullivan jake", "wainright",
         "quetzali hernandes"]
PREFIXES = list(dict.fromkeys([w[:i] for w in TYPED for i in range(1, len(w) + 1)] + list("abcdefghijklmnopqrstuvwxyz")))


def percentile(values: list[float], p: float) -> float:
    """The p-th percentile (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]


def ms(values: list[float]) -> str:
    """`median / p95 ms`."""
    return f"{statistics.median(values):.1f} / {percentile(values, 95):.1f}"


def per_query(fn, queries: list[str], reps: int = 3) -> tuple[list[float], str]:
    """The median milliseconds of `reps` calls of `fn(query)` for each query, and the slowest
    query with its time."""
    medians, worst = [], (0.0, "")
    for query in queries:
        times, _ = timed(lambda: fn(query), reps)
        medians.append(statistics.median(times))
        worst = max(worst, (medians[-1], query))
    return medians, f"{worst[0]:.1f} ({worst[1]!r})"


def load_now() -> str:
    """The 1-minute load average."""
    return f"{os.getloadavg()[0]:.1f}"


def timed(fn, reps: int = 3) -> tuple[list[float], object]:
    """Milliseconds of each of `reps` calls, and the last result."""
    out, result = [], None
    for _ in range(reps):
        start = clock()
        result = fn()
        out.append((clock() - start) * 1000)
    return out, result


def whole(args: list[str], runs: int = 5) -> str:
    """`wall s (CPU s)`: the medians over `runs` `stakeholders` processes."""
    times, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run([*STAKEHOLDERS, *args], env=ENV, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return f"{statistics.median(times):.2f} ({statistics.median(cpus):.2f})"


def directory(work: Path, people: int) -> Path:
    """The tier's directory, built once."""
    path = work / f"people_{people}.db"
    if not path.exists():
        build(path, people)
    open_db(path).close()  # migrate once, outside the timings
    return path


def bench_tier(path: Path) -> dict[str, str]:
    """Every in-process and whole-process row for one directory."""
    row: dict[str, str] = {"load average (1 min) when the column started": load_now()}
    db = open_db(path)
    start = clock()
    engine = SearchEngine(db)
    engine.search("cassineli")
    row["first query of a new process's engine (vocabulary read), ms"] = f"{(clock() - start) * 1000:.0f}"
    for label, types in (("search, every type", None), ("search --type person", ("person",))):
        times, found, first, planted = [], 0, 0, 0
        for query, expected in QUERIES:
            for _ in range(3):
                engine._cache.clear()
                t = clock()
                hits = engine.search(query, limit=20, types=types)
                times.append((clock() - t) * 1000)
            if expected and not (types and expected in NOT_PEOPLE):
                names = [h.name for h in hits]
                planted += 1
                found += expected in names
                first += bool(names) and names[0] == expected
        row[f"{label}: median / p95 ms"] = ms(times)
        row[f"{label}: planted found in top 20 / first"] = f"{found}/{planted} / {first}/{planted}"
        row[f"{label}: planted not in the top 20 (entities ranked above it over every match)"] = missed(
            engine, types
        )

    def fresh(fn):
        def run(query):
            engine._cache.clear()
            if getattr(db, "_search_engine", None) is not None:
                db._search_engine._cache.clear()
            return fn(query)
        return run

    queries = [q for q, _ in QUERIES]
    person = ("person",)
    for label, fn, qs in (
        ("resolve a typed name among people (connections/path/log/show --type person NAME)",
         lambda q: resolve_entity(db, q, types=person), queries),
        ("pickers as a name is typed (every prefix of 8 names, and a-z), person-only, limit 20",
         lambda q: engine.search(q, limit=20, types=person), PREFIXES),
        ("export --query (person-only search, limit 1000, counted)",
         lambda q: count_people(db, ExportFilters(query=q)), queries),
    ):
        medians, worst = per_query(fresh(fn), qs)
        row[f"{label}: median / p95 / slowest ms"] = f"{ms(medians)} / {worst}"

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
        t = clock()
        engine.search("cassineli")
        row[f"next query after another process added {what}, ms"] = f"{(clock() - t) * 1000:.1f}"
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
    row["whole process `stakeholders connections --id MEMBER`: wall s (CPU s)"] = whole(
        ['--db', str(path), 'connections', '--id', str(member)]
    )
    row["whole process `stakeholders search --type person \"wainright\"`: wall s (CPU s)"] = whole(
        ['--db', str(path), 'search', '--type', 'person', 'wainright']
    )
    return row


def missed(engine: SearchEngine, types) -> str:
    """The planted names not in the top 20, each with its rank over every match (limit 1000) and
    how many entities score strictly higher: more than 19 means no ranking by these scores could
    list it (the query names too many people), not that a candidate went unread."""
    out = []
    for query, expected in QUERIES:
        if not expected or (types and expected in NOT_PEOPLE):
            continue
        engine._cache.clear()
        if expected in [h.name for h in engine.search(query, limit=20, types=types)]:
            continue
        hits = engine.search(query, limit=1000, types=types)
        names = [h.name for h in hits]
        if expected in names:
            score = hits[names.index(expected)].score
            out.append(f"{query!r}: rank {names.index(expected) + 1}, {sum(h.score > score for h in hits)} score higher")
        else:
            out.append(f"{query!r}: not in the first {len(hits)}")
    return "; ".join(out) or "none"


def _import_once(docs: Path, source: Path | None, target: Path) -> tuple[float, float, int, int]:
    """(wall s, CPU s, people added, exit code) of one `stakeholders import` into a fresh copy."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    if source is not None:
        shutil.copy(source, target)
    before = 0 if source is None else open_db(target).execute("SELECT COUNT(*) FROM people").fetchone()[0]
    # RUSAGE_CHILDREN: the import and, once it has waited for them, its worker processes
    cpu0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run([*STAKEHOLDERS, "--db", str(target), "import", str(docs)], env=ENV, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    cpu1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (cpu1.ru_utime - cpu0.ru_utime) + (cpu1.ru_stime - cpu0.ru_stime)
    db = open_db(target)
    added = db.execute("SELECT COUNT(*) FROM people").fetchone()[0] - before
    db.close()
    return elapsed, cpu, added, proc.returncode


def bench_import(work: Path, paths: dict[int, Path], documents: int, repeats: int = 3) -> dict[str, dict[str, str]]:
    """`stakeholders import` of the same documents into an empty directory and into copies,
    `repeats` times each in turn (median)."""
    docs = work / f"docs_{documents}"
    if not docs.exists():
        write_documents(docs, documents)
    targets = {"empty": None, **{f"{n:,}": p for n, p in paths.items()}}
    runs: dict[str, list[tuple[float, float, int, int]]] = {label: [] for label in targets}
    loads: dict[str, list[str]] = {label: [] for label in targets}
    target = work / "import_target.db"
    for _ in range(repeats):
        for label, source in targets.items():
            loads[label].append(load_now())
            runs[label].append(_import_once(docs, source, target))
    out: dict[str, dict[str, str]] = {}
    empty_wall = statistics.median(r[0] for r in runs["empty"])
    empty_cpu = statistics.median(r[1] for r in runs["empty"])
    for label, results in runs.items():
        wall = statistics.median(r[0] for r in results)
        cpu = statistics.median(r[1] for r in results)
        failed = [r[3] for r in results if r[3]]
        status = f" (exit {failed[0]})" if failed else ""
        out[label] = {
            f"import {documents} documents ({documents * 100:,} named people), median of {repeats},"
            f" workers {ENV.get('STAKEHOLDERS_IMPORT_WORKERS', 'auto')}: wall s (CPU s, workers included),"
            " people/s (wall), x empty wall / CPU":
            f"{wall:.1f} s ({cpu:.1f} s), {documents * 100 / wall:,.0f}/s, {wall / empty_wall:.2f}x / {cpu / empty_cpu:.2f}x"
            f" ({results[0][2]:,} new){status}",
            "import: load average (1 min) at each run": " / ".join(loads[label]),
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
    parser.add_argument("--import-repeats", type=int, default=3)
    parser.add_argument("--clock", choices=("wall", "cpu"), default="wall",
                        help="in-process rows: wall time, or the thread's CPU time (load-independent)")
    parser.add_argument("--skip-import", action="store_true")
    parser.add_argument("--import-workers", default=os.environ.get("STAKEHOLDERS_IMPORT_WORKERS", "auto"),
                        help="STAKEHOLDERS_IMPORT_WORKERS for the imports: auto, 0 (one process) or N")
    args = parser.parse_args()
    ENV["STAKEHOLDERS_IMPORT_WORKERS"] = args.import_workers
    global clock
    clock = time.thread_time if args.clock == "cpu" else time.perf_counter
    args.work.mkdir(parents=True, exist_ok=True)
    tiers = [int(t) for t in args.tiers.split(",")]
    paths = {n: directory(args.work, n) for n in tiers}
    columns = {f"{n:,}": bench_tier(p) for n, p in paths.items()}
    if not args.skip_import:
        imports = bench_import(args.work, paths, args.import_documents, args.import_repeats)
        for label, cells in imports.items():
            columns.setdefault(label, {}).update(cells)
    rows = list(dict.fromkeys(k for col in columns.values() for k in col))
    load = os.getloadavg()
    print(f"`python tests/benchmarks/bench_scale.py {' '.join(sys.argv[1:])}` ({os.cpu_count()} cores,"
          f" load {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} at the end)\n")
    print("| measure | " + " | ".join(columns) + " |")
    print("|---|" + "---|" * len(columns))
    for r in rows:
        print(f"| {r} | " + " | ".join(col.get(r, "") for col in columns.values()) + " |")


if __name__ == "__main__":
    main()
