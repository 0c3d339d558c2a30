"""How fast the app is on a large directory, measured headlessly (Textual's run_test).

    python tests/benchmarks/bench_tui.py [--people 100000] [--db PATH]

Prints one table:
- first screen, in process: from creating the app to the first page of the list, the counts and
  the first card all shown;
- first screen, whole process: from spawning `python` to the same point (interpreter start,
  imports, opening the database included);
- keystroke to results: for each key typed into the search bar, from the key press to the
  result list showing that query's results (median, p95, max over a fixed query set).
The directory is built with bulk inserts by tests/benchmarks/build_directory.py (reused when
the file already exists).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

TYPED = ["marczak", "konigue", "de la mora", "garza martinez", "tagliapetra", "sullivan jake", "schnieder", "hled"]
SIZE = (120, 40)


async def _first_screen_done(app) -> None:
    from tui.components.browse_pane import BrowsePane
    from tui.components.entity_card import EntityCard

    while not (
        app.loaded_seq and app.loaded_seq == app.list_seq
        and app.query_one(BrowsePane).option_count
        and app.query_one(EntityCard).card is not None
    ):
        await asyncio.sleep(0.002)


async def first_screen(db_path: Path) -> float:
    """Seconds from creating the app to the first screen complete."""
    from tui.app import StakeholdersApp

    start = time.perf_counter()
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE):
        await _first_screen_done(app)
        return time.perf_counter() - start


async def keystrokes(db_path: Path) -> list[float]:
    """Seconds from each key press to its query's results in the list."""
    from textual import events

    from tui.app import StakeholdersApp
    from tui.components.search_bar import SearchBar

    times = []
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await _first_screen_done(app)
        for query in TYPED:
            await pilot.press("slash")
            for ch in query:
                # the key goes in the way a terminal's does (the driver's queue), without the
                # Pilot's own waits; done = the list shows the results of the query typed so far
                start = time.perf_counter()
                key = events.Key("space" if ch == " " else ch, ch)
                key.set_sender(app)
                app._driver.send_message(key)
                typed = app.main_screen.query_one(SearchBar)
                while not (typed.value.endswith(ch) and app.loaded_seq == app.list_seq
                           and app.source == ("search", typed.value)):
                    await asyncio.sleep(0.0005)
                times.append(time.perf_counter() - start)
                await asyncio.sleep(0.12)  # a quick typist: ~8 keys a second
            app.query_one(SearchBar).value = ""
            await pilot.pause(0.3)
    return times


def child(db_path: Path, t0: float) -> None:
    """Run in a fresh process: report seconds since the parent spawned it."""

    async def run() -> None:
        from tui.app import StakeholdersApp

        app = StakeholdersApp(db_path=db_path)
        async with app.run_test(size=SIZE):
            await _first_screen_done(app)
            print(f"{time.time() - t0:.4f}")

    asyncio.run(run())


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--child", nargs=2, metavar=("DB", "T0"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(Path(args.child[0]), float(args.child[1]))
        return

    from tests.benchmarks.build_directory import build

    db_path = args.db or Path(f"/tmp/stakeholders-bench-tui-{args.people}.db")
    if not db_path.exists():
        t = time.perf_counter()
        build(db_path, args.people)
        print(f"built {db_path} ({args.people:,} people) in {time.perf_counter() - t:.1f} s")

    in_process = [asyncio.run(first_screen(db_path)) for _ in range(3)]
    whole = []
    for _ in range(3):
        t0 = time.time()
        out = subprocess.run([sys.executable, __file__, "--child", str(db_path), repr(t0)],
                             capture_output=True, text=True, cwd=ROOT)
        if out.returncode:
            sys.exit(f"the child process failed: {out.stderr.strip()[-2000:]}")
        whole.append(float(out.stdout.strip().splitlines()[-1]))
    keys = sorted(asyncio.run(keystrokes(db_path)))
    p95 = keys[min(len(keys) - 1, int(len(keys) * 0.95))]

    print(f"\nTUI benchmark, {args.people:,} people, terminal {SIZE[0]}x{SIZE[1]}, headless\n")
    print("| measure | median | worst | goal |")
    print("|---|---|---|---|")
    print(f"| first screen, in process (3 runs) | {_ms(statistics.median(in_process))} | {_ms(max(in_process))} | 1.5 s |")
    print(f"| first screen, whole process (3 runs) | {_ms(statistics.median(whole))} | {_ms(max(whole))} | 1.5 s |")
    print(f"| keystroke to results ({len(keys)} keys; p95 {_ms(p95)}) | {_ms(statistics.median(keys))} | "
          f"{_ms(keys[-1])} | 100 ms |")


if __name__ == "__main__":
    main()
