"""Keystroke to painted results in a real terminal: the app runs in tmux (120x40 by default),
each query is typed one key at a time, and after each key the pane is read until the list's
caption names the typed prefix (`... for “garz”`), which the app paints only with that prefix's
results. The time includes tmux's own work and the polling (`tmux capture-pane`, ~2 ms a read),
so it is what a user in a terminal multiplexer sees, not the app's share alone.

    python tests/benchmarks/bench_tmux.py --db /tmp/h15bench/people_100000.db

Needs `tmux` and `stakeholders` on PATH; build the directory first with `bench_tui.py` or
`build_directory.py`. A benchmark, not a test: it prints a table and asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import time

QUERIES = ["garza martinez", "quetzali", "wainright", "jose luis gil", "marczak", "de la mora",
           "konigue", "tagliapetra", "lopez obrador", "hernandez"]
SESSION = "stakeholders-bench-tmux"


def _tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], capture_output=True, text=True).stdout


def _pane() -> str:
    return _tmux("capture-pane", "-p", "-t", SESSION)


def _wait_for(text: str, start: float, timeout: float = 10.0) -> float:
    """Seconds from `start` until `text` is on the pane (timeout if never)."""
    while text not in _pane():
        if time.perf_counter() - start > timeout:
            break
        time.sleep(0.002)
    return time.perf_counter() - start


def run(db: str, width: int, height: int, gap: float) -> tuple[float, list[float]]:
    """(seconds to the first screen, seconds from each key to its painted results)."""
    _tmux("kill-session", "-t", SESSION)
    start = time.perf_counter()
    _tmux("new", "-d", "-s", SESSION, "-x", str(width), "-y", str(height), f"stakeholders --db {shlex.quote(db)}")
    try:
        first = _wait_for("People", start, timeout=60)
        time.sleep(2)
        keys = []
        for query in QUERIES:
            _tmux("send-keys", "-t", SESSION, "/")
            time.sleep(0.3)
            for i, ch in enumerate(query):
                t = time.perf_counter()
                _tmux("send-keys", "-t", SESSION, "-l", ch)
                keys.append(_wait_for(f"for \u201c{query[: i + 1].strip()}\u201d", t))
                time.sleep(gap)
            _tmux("send-keys", "-t", SESSION, "C-u")
            time.sleep(0.4)
            _tmux("send-keys", "-t", SESSION, "Escape")
            time.sleep(0.4)
    finally:
        _tmux("kill-session", "-t", SESSION)
    return first, keys


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True, help="directory database to open")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--size", default="120x40", help="terminal WIDTHxHEIGHT")
    parser.add_argument("--gap", type=float, default=0.12, help="seconds between keys after each paint")
    args = parser.parse_args()
    if not shutil.which("tmux") or not shutil.which("stakeholders"):
        print("bench_tmux: needs tmux and stakeholders on PATH", file=sys.stderr)
        return 1
    width, height = (int(x) for x in args.size.split("x"))
    load = os.getloadavg()[0]
    firsts, keys = [], []
    for _ in range(args.runs):
        first, k = run(args.db, width, height, args.gap)
        firsts.append(first)
        keys += k
    keys.sort()
    p95 = keys[min(len(keys) - 1, int(len(keys) * 0.95))]
    print(f"`python tests/benchmarks/bench_tmux.py --db {args.db} --runs {args.runs} --size {args.size}` "
          f"(load {load:.1f} at the start, {os.getloadavg()[0]:.1f} at the end)\n")
    print("| measure | median | p95 | worst |\n|---|---|---|---|")
    print(f"| first screen in tmux, from `tmux new` ({args.runs} runs) | {1000 * statistics.median(firsts):.0f} ms | "
          f"| {1000 * max(firsts):.0f} ms |")
    print(f"| keystroke to painted results in tmux ({len(keys)} keys) | {1000 * statistics.median(keys):.0f} ms | "
          f"{1000 * p95:.0f} ms | {1000 * keys[-1]:.0f} ms |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
