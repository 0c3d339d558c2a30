"""Contact export and import benchmark: prints one Markdown table per run (a script, never a test).

    python tests/benchmarks/bench_export.py [--people 100000] [--work DIR]

Builds a synthetic directory (tests/benchmarks/build_directory.py), then runs the real
`stakeholders export` in a subprocess for each format, and re-imports the CSV export
(which must change nothing). Reports wall time, peak RSS of the process and output size:
a streaming export keeps the same peak memory whatever the number of people.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def build_in_subprocess(db: Path, people: int) -> None:
    """Build the directory in another process: a child forked from a big parent would
    report the parent's memory as its own peak RSS."""
    code = f"from tests.benchmarks.build_directory import build; build({str(db)!r}, {people})"
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)


def run(args: list[str], env: dict) -> tuple[float, int]:
    """Run a command; return (seconds, peak RSS in KB of that process)."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(args)}: {proc.stderr.read().decode()}")
    return elapsed, usage.ru_maxrss


def main() -> None:
    """Build, export in every format, re-import, print the table."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--work", type=Path, default=None)
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-export-"))
    work.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, STAKEHOLDERS_NO_SEEDS="1")
    exe = [sys.executable, "-m", "tui"]
    rows = []
    for people in sorted({min(1000, args.people), args.people}):
        db = work / f"export-{people}.db"
        if not db.exists():
            build_in_subprocess(db, people)
        for fmt in ("csv", "json", "vcard"):
            out = work / f"export-{people}.{fmt}"
            seconds, rss = run(exe + ["--db", str(db), "export", "--format", fmt, "-o", str(out)], env)
            rows.append((people, f"export {fmt}", seconds, rss, out.stat().st_size))
        seconds, rss = run(exe + ["--db", str(db), "import", str(work / f"export-{people}.csv")], env)
        rows.append((people, "re-import csv", seconds, rss, 0))
    print(f"| people | run | seconds | people/s | peak RSS MB | output MB |\n| --- | --- | --- | --- | --- | --- |")
    for people, what, seconds, rss, size in rows:
        print(f"| {people:,} | {what} | {seconds:.2f} | {people / seconds:,.0f} | {rss / 1024:.1f} | "
              f"{size / 1e6:.1f} |")


if __name__ == "__main__":
    main()
