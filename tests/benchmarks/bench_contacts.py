"""Contact-list import benchmark: 100,000 CSV rows with emails next to the same rows without
(a script, never a test). Prints one Markdown table.

    python tests/benchmarks/bench_contacts.py [--rows 100000] [--work DIR]

Each run is the real `stakeholders import FILE.csv` in a subprocess, into a new database,
then the same file again (which must add nothing). Before the email lookup had an index
usable with `COLLATE NOCASE`, 100,000 rows with emails took 12 min 36 s (33 s without);
the bar is under 60 s. Names, organizations and emails are invented (tests/benchmarks/synth.py).
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.benchmarks.synth import organization_name, person_name  # noqa: E402

BAR_SECONDS = 60.0


def write_sheet(path: Path, rows: int, *, emails: bool, seed: int = 11) -> None:
    """`rows` contacts with a name, title, organization, tag and note (and an email)."""
    rng = random.Random(seed)
    orgs = [organization_name(rng) for _ in range(max(rows // 50, 1))]
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["name", "title", "organization", "email", "tags", "notes"])
        for i in range(rows):
            name = f"{person_name(rng)} {i}"  # unique: every row is a new person
            writer.writerow([name, "Director", rng.choice(orgs), f"p{i}@mail{i % 97}.example" if emails else "",
                             rng.choice(["vip", "donor", "press"]), f"Met at event {i % 300}"])


def timed_import(db: Path, sheet: Path) -> tuple[float, float, str]:
    """Run `stakeholders import`; (wall seconds, CPU seconds of that process, its output).
    CPU time is reported too: on a shared machine the wall time mostly measures the others."""
    env = dict(os.environ, STAKEHOLDERS_NO_SEEDS="1")
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "tui", "--db", str(db), "import", str(sheet)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    out, err = proc.communicate()
    elapsed = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = usage.ru_utime + usage.ru_stime - timed_import.cpu_so_far
    timed_import.cpu_so_far += cpu
    if proc.returncode != 0:
        raise SystemExit(f"import failed: {err.strip()}")
    return elapsed, cpu, out.strip()


timed_import.cpu_so_far = 0.0


def main() -> None:
    """Write both sheets, import each into a new database twice, print the table."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--work", type=Path, default=None)
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-contacts-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"load average at start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"| {args.rows:,} contact rows | first import: wall s (CPU s) | again, nothing new: wall s (CPU s)"
          f" | under {BAR_SECONDS:.0f} s |")
    print("|---|---:|---:|---|")
    for emails in (False, True):
        label = "with emails" if emails else "without emails"
        sheet = work / f"contacts-{'emails' if emails else 'plain'}-{args.rows}.csv"
        write_sheet(sheet, args.rows, emails=emails)
        db = work / f"contacts-{'emails' if emails else 'plain'}-{args.rows}.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        first, first_cpu, out = timed_import(db, sheet)
        again, again_cpu, out_again = timed_import(db, sheet)
        if "nothing new" not in out_again:
            raise SystemExit(f"re-import changed something: {out_again}")
        verdict = "yes" if max(first, again) < BAR_SECONDS else "NO"
        print(f"| {label} | {first:.1f} ({first_cpu:.1f}) | {again:.1f} ({again_cpu:.1f}) | {verdict} |", flush=True)
        print(f"<!-- {out} -->")


if __name__ == "__main__":
    main()
