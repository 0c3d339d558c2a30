"""Import time and peak memory of large documents, and of refusing one over the limits.

Run: `python tests/benchmarks/bench_document_limits.py` (from the repository root, venv active).
Each case runs the real CLI in its own process on a fresh database (no seeds) and reports the
wall time and the process's peak RSS (VmHWM). Prints a Markdown table.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from test_concurrency import member_list  # noqa: E402 - a generator of seed-style member lists

PROBE = (
    "import re, sys\n"
    "from tui.cli import cli\n"
    "code = 0\n"
    "try:\n    cli(sys.argv[1:], prog_name='stakeholders')\n"
    "except SystemExit as exc:\n    code = exc.code or 0\n"
    "peak = re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1)\n"
    "print(f'PEAK {peak}', file=sys.stderr)\n"
    "sys.exit(code)\n"
)


PROSE = "Lorem ipsum dolor sit amet, said the chair of the meeting.\n\n"


def write_member_lists(path: Path, size: int, prose: bool = False) -> None:
    """Member lists (10 people each), each followed by a line of prose if `prose`, until the
    file holds `size` bytes."""
    with path.open("w", encoding="utf-8") as fh:
        i = 0
        while fh.tell() < size:
            fh.write(member_list(i % 600) + "\n" + (PROSE if prose else ""))
            i += 1


def run(db: Path, doc: Path) -> tuple[float, int, str]:
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, "--db", str(db), "import", str(doc)],
        capture_output=True, text=True, env=dict(os.environ, STAKEHOLDERS_NO_SEEDS="1"),
    )
    elapsed = time.perf_counter() - start
    peak = int(next(l.split()[1] for l in proc.stderr.splitlines() if l.startswith("PEAK")))
    outcome = " ".join((proc.stdout + proc.stderr.replace(f"PEAK {peak}", "")).split())
    return elapsed, peak, outcome[:70]


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        print("| document | size | wall time | peak RSS | outcome |")
        print("|---|---|---|---|---|")
        cases = [("member lists", size, False) for size in (256 * 1024, 1024 * 1024, 2_000_000 - 4096)]
        cases += [("lists + prose", size, True) for size in (256 * 1024, 1024 * 1024, 2_000_000 - 4096)]
        for label, size, prose in cases:
            doc = tmp / f"lists-{size}-{prose}.txt"
            write_member_lists(doc, size, prose)
            elapsed, peak, outcome = run(tmp / f"{size}-{prose}.db", doc)
            print(f"| {label} | {doc.stat().st_size / 1e6:.2f} MB | {elapsed:.1f} s | {peak / 1024:.0f} MB | {outcome} |")
        huge = tmp / "huge.txt"
        with huge.open("wb") as fh:
            line = b"Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do.\n" * 1024
            for _ in range(50 * 1024 * 1024 // len(line)):
                fh.write(line)
        elapsed, peak, outcome = run(tmp / "huge.db", huge)
        print(f"| plain text | {huge.stat().st_size / 1e6:.1f} MB | {elapsed:.1f} s | {peak / 1024:.0f} MB | {outcome} |")


if __name__ == "__main__":
    main()
