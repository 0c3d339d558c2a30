"""How fast the app is on a large directory, measured headlessly (Textual's run_test).

    python tests/benchmarks/bench_tui.py [--people 100000] [--db PATH]

Prints one table:
- first paint, whole process: from spawning `python` to the first frame the app paints;
- first screen, in process and whole process: to the first frame painted with the list's first
  page, the counts and the first card all in it (interpreter start, imports, opening the
  database included in the whole-process figure);
- keystroke to painted results: for each key typed into the search bar, from the key press to
  the first frame painted after the result list holds that query's results (median, p95, max
  over a fixed query set);
- opening the benchmark directory's task force (its biggest initiative) to its painted card;
- next to these, the CPU time the process spent, which the machine's load does not stretch.

"Painted" is measured at the app's display call, which in a real terminal turns the
compositor's update into the terminal's bytes; headless, the benchmark does that conversion
itself (`render_segments`), so the time includes it and leaves out only the write to a tty.
The directory is built with bulk inserts by tests/benchmarks/build_directory.py (reused when
the file already exists).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

TYPED = ["marczak", "konigue", "de la mora", "garza martinez", "tagliapetra", "sullivan jake", "schnieder", "hled"]
SIZE = (120, 40)


def _first_screen_shown(app) -> bool:
    from tui.components.browse_pane import BrowsePane
    from tui.components.entity_card import EntityCard

    try:
        return bool(
            app.loaded_seq and app.loaded_seq == app.list_seq
            and app.main_screen.query_one(BrowsePane).option_count
            and app.main_screen.query_one(EntityCard).card is not None
        )
    except Exception:  # noqa: BLE001 - not composed yet
        return False


class Paints:
    """Times of the frames the app paints, and whether a condition held when each was painted."""

    def __init__(self, app) -> None:
        from textual._compositor import CompositorUpdate

        self.frames: list[tuple[float, object]] = []
        self.cpu: list[float] = []  # the process's CPU seconds at each frame
        self.cpu_at_first: float | None = None  # the process's CPU seconds at the first frame
        self.watch = lambda: None
        original = app._display

        def display(screen, renderable) -> None:
            if renderable is not None and not app._batch_count:
                if isinstance(renderable, CompositorUpdate):
                    renderable.render_segments(app.console)  # what a terminal would be sent
                self.frames.append((time.perf_counter(), self.watch()))
                self.cpu.append(time.process_time())
                if self.cpu_at_first is None:
                    self.cpu_at_first = time.process_time()
            original(screen, renderable)

        app._display = display

    def first_after(self, start: float, value) -> float | None:
        """Time of the first frame painted after `start` with the watched value `value`."""
        return next((t for t, v in self.frames if t >= start and v == value), None)

    def cpu_at(self, t: float) -> float:
        """The process's CPU seconds when the frame painted at `t` was."""
        return self.cpu[next(i for i, (ft, _) in enumerate(self.frames) if ft == t)]

    async def wait_for(self, start: float, value, timeout: float = 30.0) -> float:
        """Wait until a frame with `value` is painted after `start`; its time."""
        deadline = time.perf_counter() + timeout
        while (t := self.first_after(start, value)) is None:
            if time.perf_counter() > deadline:
                raise TimeoutError(f"no frame painted with {value!r}")
            await asyncio.sleep(0.0005)
        return t


async def _first_screen_done(app) -> None:
    while not _first_screen_shown(app):
        await asyncio.sleep(0.002)


async def first_screen(db_path: Path, start: float | None = None) -> tuple[float, float, float]:
    """Seconds from `start` (default: creating the app) to the first frame painted, and to the
    first frame painted with the first screen complete; and the process's CPU seconds at the
    first frame."""
    from tui.app import StakeholdersApp

    start = time.perf_counter() if start is None else start
    app = StakeholdersApp(db_path=db_path)
    paints = Paints(app)
    paints.watch = lambda: _first_screen_shown(app)
    async with app.run_test(size=SIZE):
        done = await paints.wait_for(start, True)
        return paints.frames[0][0] - start, done - start, paints.cpu_at_first


async def keystrokes(db_path: Path) -> tuple[list[float], list[float]]:
    """Seconds from each key press to the first frame painted with its query's results, and the
    CPU seconds the process (every thread) spent meanwhile."""
    from textual import events

    from tui.app import StakeholdersApp
    from tui.components.search_bar import SearchBar

    times, cpu = [], []
    app = StakeholdersApp(db_path=db_path)
    paints = Paints(app)
    async with app.run_test(size=SIZE) as pilot:
        await _first_screen_done(app)
        typed = app.main_screen.query_one(SearchBar)
        paints.watch = lambda: (typed.value, app.loaded_seq == app.list_seq and app.source == ("search", typed.value))
        for query in TYPED:
            await pilot.press("slash")
            for ch in query:
                # the key goes in the way a terminal's does (the driver's queue), without the
                # Pilot's own waits; done = a frame painted with the results of the query so far
                expected = typed.value + ch
                start, cpu_start = time.perf_counter(), time.process_time()
                key = events.Key("space" if ch == " " else ch, ch)
                key.set_sender(app)
                app._driver.send_message(key)
                painted = await paints.wait_for(start, (expected, True))
                times.append(painted - start)
                cpu.append(paints.cpu_at(painted) - cpu_start)
                await asyncio.sleep(0.12)  # a quick typist: ~8 keys a second
            app.query_one(SearchBar).value = ""
            await pilot.press("escape")  # out of the bar, so the next `/` is not typed into it
            await pilot.pause(0.3)
    return times, cpu


async def open_big_group(db_path: Path, times: int = 3) -> tuple[list[float], list[float]]:
    """Seconds (and process CPU seconds) from opening the benchmark's task force (the biggest
    initiative: `open_entity`, as enter on it does) to the frame painted with its card, and the
    same for one of its members; alternated `times` times. Empty without a task force."""
    from db import open_db
    from tests.benchmarks.build_directory import TASK_FORCE
    from tui.app import StakeholdersApp
    from tui.components.entity_card import EntityCard

    db = open_db(db_path, migrate=False)
    row = db.execute("SELECT id FROM initiatives WHERE name = ?", [TASK_FORCE]).fetchone()
    member = row and db.execute(
        "SELECT person_id FROM memberships WHERE initiative_id = ? ORDER BY person_id LIMIT 1", [row[0]]
    ).fetchone()
    db.close()
    if not row or not member:
        return [], []
    wall, cpu = [], []
    app = StakeholdersApp(db_path=db_path)
    paints = Paints(app)
    async with app.run_test(size=SIZE) as pilot:
        await _first_screen_done(app)
        card = app.main_screen.query_one(EntityCard)
        for _ in range(times):
            for ref in (("initiative", row[0]), ("person", member[0])):
                paints.watch = lambda ref=ref: bool(card.card) and (card.card.get("type"), card.card.get("id")) == ref
                start, cpu_start = time.perf_counter(), time.process_time()
                app.open_entity(*ref)
                painted = await paints.wait_for(start, True)
                if ref[0] == "initiative":
                    wall.append(painted - start)
                    cpu.append(paints.cpu_at(painted) - cpu_start)
                await pilot.pause(0.3)
    return wall, cpu


def child(db_path: Path, t0: float) -> None:
    """Run in a fresh process: report seconds since the parent spawned it to the first paint
    and to the first screen painted."""
    start = time.perf_counter() - (time.time() - t0)  # the spawn, on this process's clock
    first, done, cpu = asyncio.run(first_screen(db_path, start))
    print(f"{first:.4f} {done:.4f} {cpu:.4f}")


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

    load_start = os.getloadavg()[0]
    in_process = [asyncio.run(first_screen(db_path))[1] for _ in range(3)]
    first_paint, whole, cpu_first = [], [], []
    for _ in range(5):
        t0 = time.time()
        out = subprocess.run([sys.executable, __file__, "--child", str(db_path), repr(t0)],
                             capture_output=True, text=True, cwd=ROOT)
        if out.returncode:
            sys.exit(f"the child process failed: {out.stderr.strip()[-2000:]}")
        first, done, cpu = map(float, out.stdout.strip().splitlines()[-1].split())
        first_paint.append(first)
        cpu_first.append(cpu)
        whole.append(done)
    keys, key_cpu = asyncio.run(keystrokes(db_path))
    group, group_cpu = asyncio.run(open_big_group(db_path))
    keys, key_cpu = sorted(keys), sorted(key_cpu)
    p95 = keys[min(len(keys) - 1, int(len(keys) * 0.95))]
    cpu_p95 = key_cpu[min(len(key_cpu) - 1, int(len(key_cpu) * 0.95))]
    load = os.getloadavg()

    print(f"\n`python tests/benchmarks/bench_tui.py --people {args.people}`: {args.people:,} people, terminal"
          f" {SIZE[0]}x{SIZE[1]}, headless, to the painted frame ({os.cpu_count()} cores, load {load_start:.1f} at the"
          f" start, {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} at the end)\n")
    print("| measure | median | worst | goal |")
    print("|---|---|---|---|")
    print(f"| first paint, whole process (5 runs) | {_ms(statistics.median(first_paint))} | {_ms(max(first_paint))} | 0.8 s |")
    print(f"| CPU time of that process at its first paint (5 runs) | {_ms(statistics.median(cpu_first))} | "
          f"{_ms(max(cpu_first))} |  |")
    print(f"| first screen painted, in process (3 runs) | {_ms(statistics.median(in_process))} | {_ms(max(in_process))} | 1.5 s |")
    print(f"| first screen painted, whole process (5 runs) | {_ms(statistics.median(whole))} | {_ms(max(whole))} | 1.5 s |")
    print(f"| keystroke to painted results ({len(keys)} keys; p95 {_ms(p95)}) | {_ms(statistics.median(keys))} | "
          f"{_ms(keys[-1])} | median 100 ms, p95 150 ms |")
    print(f"| CPU time of the process from each key to that frame (p95 {_ms(cpu_p95)}) | {_ms(statistics.median(key_cpu))}"
          f" | {_ms(key_cpu[-1])} |  |")
    if group:
        print("| open the task force (5% of the people, at most 5,000 members), to its painted card (3 times) |"
              f" {_ms(statistics.median(group))} | {_ms(max(group))} |  |")
        print(f"| CPU time of the process meanwhile | {_ms(statistics.median(group_cpu))} | {_ms(max(group_cpu))} |  |")


if __name__ == "__main__":
    main()
