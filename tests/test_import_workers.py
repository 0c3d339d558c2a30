"""Documents read and extracted in worker processes (`db.import_workers`) while the importing
process writes them: the database is the one a sequential import writes, the output is the
same, and nothing goes wrong on a bad document, an extraction error, ctrl+c, a killed importer
or a dead worker."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from db import open_db
from db.import_workers import (
    WORKERS_ENV, ImportAhead, ImportWorkersError, import_workers,
)
from db.importer import import_document, import_session
from db.seeding import bundled_seed_paths
from test_concurrency import _check_complete_documents_only, cli_env, ctrl_c_quietly, member_list, wait_for
from tests.benchmarks.synth import write_documents

HELDOUT = Path(__file__).parent / "extraction_heldout"
BINARY = b"\x00\x01\x02 not text \xff\xfe" * 50
VCARD = "BEGIN:VCARD\nVERSION:3.0\nFN:Imelda Quintanar Ruvalcaba\nEMAIL:imelda@example.org\nEND:VCARD\n"


def _folder(tmp_path: Path) -> Path:
    """Documents of many shapes, in name order: seeds, held-out documents, synthetic member
    lists naming some of the same people, a copy of one (already imported by then), a binary
    file and an empty one (errors), and a contact list among them."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    for i, seed in enumerate(bundled_seed_paths()):
        shutil.copy(seed, folder / f"a{i}_{seed.name}")
    for i, doc in enumerate(sorted(HELDOUT.glob("set*/*.txt"))[:24:2]):
        shutil.copy(doc, folder / f"b{i:02d}_{doc.name}")
    for path in write_documents(tmp_path / "synth", 10, people=40):
        shutil.copy(path, folder / f"c_{path.name}")
    shutil.copy(folder / "c_synthetic_00003.txt", folder / "c_synthetic_00003_copy.txt")
    (folder / "c_synthetic_00004_binary.txt").write_bytes(BINARY)
    (folder / "c_synthetic_00005_empty.md").write_text("  \n")
    (folder / "c_synthetic_00006_people.vcf").write_text(VCARD)
    return folder


def _import(db_path: Path, folder: Path, workers: int | str) -> subprocess.CompletedProcess:
    """`stakeholders import FOLDER` with that many workers (create the database first: the
    line saying it was created names the file)."""
    env = dict(cli_env(), **{WORKERS_ENV: str(workers)})
    return subprocess.run(
        [sys.executable, "-m", "tui", "--db", str(db_path), "import", str(folder)],
        capture_output=True, text=True, env=env, timeout=300,
    )


def _tables(path: Path) -> dict[str, list[tuple]]:
    """Every table's rows in storage order, without the columns that hold the time of writing
    (`*_at`); a document's date taken from that time is written as such."""
    conn = sqlite3.connect(path)
    out = {}
    for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name"
    ):
        columns = [row[1] for row in conn.execute(f"PRAGMA table_info('{name}')")]
        keep = [c for c in columns if not c.endswith("_at") and c != "at"]
        select = ", ".join(f'"{c}"' for c in keep)
        if name == "documents":
            select = select.replace('"date"', "CASE WHEN date = substr(imported_at, 1, 10) THEN 'import day' ELSE date END")
        without_rowid = "WITHOUT ROWID" in conn.execute(
            "SELECT sql FROM sqlite_master WHERE name = ?", [name]).fetchone()[0].upper()
        order = "ORDER BY " + (", ".join(f'"{c}"' for c in keep) if without_rowid else "rowid")
        out[name] = conn.execute(f'SELECT {select} FROM "{name}" {order}').fetchall()
    conn.close()
    return out


def test_parallel_import_writes_the_same_database_and_output_as_sequential(tmp_path):
    folder = _folder(tmp_path)
    for workers in (0, 1, 3):
        open_db(tmp_path / f"w{workers}.db").close()
    runs = {workers: _import(tmp_path / f"w{workers}.db", folder, workers) for workers in (0, 1, 3)}
    sequential = runs[0]
    assert sequential.returncode == 1  # the binary and the empty file
    assert "c_synthetic_00003_copy.txt: already imported" in sequential.stdout
    assert sequential.stderr.count("Error: ") == 2
    expected = _tables(tmp_path / "w0.db")
    assert len(expected["people"]) > 400 and len(expected["documents"]) == 5 + 12 + 10
    assert expected["mentions"] and expected["aliases"] and expected["search_keys"]
    for workers in (1, 3):
        run = runs[workers]
        assert (run.returncode, run.stdout, run.stderr) == (sequential.returncode, sequential.stdout, sequential.stderr)
        got = _tables(tmp_path / f"w{workers}.db")
        assert got.keys() == expected.keys()
        for table in expected:
            assert got[table] == expected[table], f"{table} differs with {workers} workers"

    # importing the folder again: everything already imported, the same lines either way
    again = {workers: _import(tmp_path / f"w{workers}.db", folder, workers) for workers in (0, 3)}
    assert again[0].stdout == again[3].stdout and again[0].stderr == again[3].stderr
    assert again[3].stdout.count("already imported, nothing to do") == 5 + 12 + 10 + 1


def _paths(tmp_path: Path, count: int = 12) -> list[Path]:
    folder = tmp_path / "lists"
    folder.mkdir()
    for i in range(count):
        (folder / f"{i:03d}.txt").write_text(member_list(i) + f"\nList {i} ends here.\n")
    return sorted(folder.iterdir())


def _import_in_process(path: Path, paths: list[Path], workers: int, **options) -> tuple[list, str | None]:
    db = open_db(path)
    try:
        with import_session(db), ImportAhead(db, paths, workers, **options) as ahead:
            results = [ahead.import_document(db, p) for p in paths]
        return [(r.path, r.status, r.message, r.document_id, r.added) for r in results], ahead.broken
    finally:
        db.close()


def test_a_small_window_a_path_out_of_order_and_spawned_workers_give_the_same_rows(tmp_path):
    paths = _paths(tmp_path)
    expected, _ = _import_in_process(tmp_path / "seq.db", paths, 0)
    shuffled = [paths[0], paths[5], *paths[1:5], *paths[6:]]  # one asked for before its turn
    got, broken = _import_in_process(tmp_path / "window.db", shuffled, 2, window=2)
    assert broken is None
    assert sorted(got, key=lambda r: r[0]) == sorted(
        _import_in_process(tmp_path / "seq2.db", shuffled, 0)[0], key=lambda r: r[0])
    assert _tables(tmp_path / "window.db") == _tables(tmp_path / "seq2.db")
    spawned, broken = _import_in_process(
        tmp_path / "spawn.db", paths, 2, context=multiprocessing.get_context("spawn"))
    assert broken is None and spawned == expected
    assert _tables(tmp_path / "spawn.db") == _tables(tmp_path / "seq.db")
    assert multiprocessing.active_children() == []


def test_at_most_the_window_is_read_ahead(tmp_path):
    paths = _paths(tmp_path, 20)
    db = open_db(tmp_path / "bounded.db")
    seen = []
    with ImportAhead(db, paths, 2, window=3) as ahead:
        for path in paths:
            seen.append(ahead.in_flight)
            assert ahead.import_document(db, path).status == "imported"
    db.close()
    assert max(seen) == 3 and seen[-1] == 1


def test_documents_already_imported_are_read_but_not_extracted_again(tmp_path, monkeypatch):
    import db.extract as extract_pkg

    paths = _paths(tmp_path, 8)
    db = open_db(tmp_path / "again.db")
    for path in paths[:6]:
        import_document(db, path)
    log = tmp_path / "extracted.log"
    real = extract_pkg.extract

    def logged(text):
        with log.open("a") as fh:
            fh.write(text.splitlines()[-1] + "\n")
        return real(text)

    monkeypatch.setattr(extract_pkg, "extract", logged)  # forked workers inherit it
    with ImportAhead(db, paths, 2) as ahead:
        statuses = [ahead.import_document(db, path).status for path in paths]
    db.close()
    assert statuses == ["unchanged"] * 6 + ["imported"] * 2
    assert sorted(log.read_text().splitlines()) == ["List 6 ends here.", "List 7 ends here."]


def test_import_workers_setting(monkeypatch):
    import db.import_workers as workers_module

    monkeypatch.setattr(workers_module, "usable_cpus", lambda: 2)
    assert import_workers(200, {}) == 2
    assert import_workers(200, {WORKERS_ENV: "auto"}) == 2
    assert import_workers(workers_module.MIN_DOCUMENTS - 1, {}) == 0
    assert import_workers(200, {WORKERS_ENV: "0"}) == 0
    assert import_workers(1, {WORKERS_ENV: "3"}) == 3
    monkeypatch.setattr(workers_module, "usable_cpus", lambda: 1)
    assert import_workers(200, {}) == 0
    monkeypatch.setattr(workers_module, "usable_cpus", lambda: 32)
    assert import_workers(200, {}) == workers_module.MAX_AUTO_WORKERS
    for bad in ("-1", "two", "1.5"):
        with pytest.raises(ImportWorkersError, match=WORKERS_ENV):
            import_workers(200, {WORKERS_ENV: bad})


def test_a_bad_workers_setting_is_one_line(tmp_path):
    paths = _paths(tmp_path, 2)
    run = _import(tmp_path / "bad.db", paths[0].parent, "many")
    assert run.returncode == 1
    assert run.stderr.strip().splitlines() == [
        f"Error: {WORKERS_ENV} must be a number of worker processes (0 for none) or 'auto', not 'many'"
    ]
    assert not (tmp_path / "bad.db").exists()


# The real CLI with `db.extract.extract` wrapped (forked workers inherit the wrapper): each call
# is logged with its process id; "raise" fails on a text holding RAISE, "die" kills the worker
# that reads a text holding DIE, "slow" sleeps.
PATCHED_IMPORT = r"""
import os, sys, time
from pathlib import Path
import db.extract

real = db.extract.extract
mode, log = sys.argv[1], Path(sys.argv[2])
parent = os.getpid()

def patched(text):
    with log.open("a") as fh:
        fh.write(f"{os.getpid()}\n")
    if mode == "raise" and "RAISE" in text:
        raise ValueError("extraction failed on purpose")
    if mode == "die" and os.getpid() != parent and "DIE" in text:
        os.kill(os.getpid(), 9)
    if mode == "slow":
        time.sleep(0.3)
    return real(text)

db.extract.extract = patched
from tui.cli import cli
cli(sys.argv[3:], prog_name="stakeholders")
"""


def _patched(mode: str, log: Path, db_path: Path, folder: Path, workers: int, **popen) -> subprocess.Popen:
    env = dict(cli_env(), **{WORKERS_ENV: str(workers)})
    return subprocess.Popen(
        [sys.executable, "-c", PATCHED_IMPORT, mode, str(log), "--db", str(db_path), "import", str(folder)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, **popen,
    )


def _gone(pid: int) -> bool:
    """The process has exited (a zombie waiting for its new parent to reap it counts)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] in ("Z", "X")
    except (OSError, IndexError):
        return True


def _workers_seen(log: Path, parent: int) -> set[int]:
    return {int(line) for line in log.read_text().split()} - {parent} if log.exists() else set()


def test_an_exception_in_extraction_ends_the_import_as_it_does_sequentially(tmp_path):
    paths = _paths(tmp_path, 10)
    paths[6].write_text(member_list(6) + "\nRAISE\n")
    outcomes = []
    for workers in (0, 2):
        open_db(tmp_path / f"raise{workers}.db").close()
        proc = _patched("raise", tmp_path / f"log{workers}", tmp_path / f"raise{workers}.db", paths[0].parent, workers)
        out, err = proc.communicate(timeout=120)
        outcomes.append((proc.returncode, out, err))
        assert err == "Error: unexpected error: ValueError: extraction failed on purpose\n"
        assert out.count("imported (") == 6  # the documents before it, none after
    assert outcomes[0] == outcomes[1]
    assert _tables(tmp_path / "raise0.db") == _tables(tmp_path / "raise2.db")
    assert all(_gone(pid) for pid in _workers_seen(tmp_path / "log2", proc.pid))


def test_a_worker_that_dies_leaves_the_rest_to_this_process(tmp_path):
    paths = _paths(tmp_path, 12)
    paths[4].write_text(member_list(4) + "\nDIE\n")
    open_db(tmp_path / "die.db").close()
    open_db(tmp_path / "reference.db").close()
    proc = _patched("die", tmp_path / "log", tmp_path / "die.db", paths[0].parent, 2)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert len(_workers_seen(tmp_path / "log", proc.pid)) == 2
    assert out.count("imported (") == 12
    assert err.startswith("Warning: a worker process of the import stopped (") and len(err.splitlines()) == 1
    assert "Traceback" not in err
    reference = _import(tmp_path / "reference.db", paths[0].parent, 0)
    assert reference.returncode == 0
    assert _tables(tmp_path / "die.db") == _tables(tmp_path / "reference.db")


def test_a_worker_that_dies_in_process(tmp_path, monkeypatch):
    import db.extract as extract_pkg

    paths = _paths(tmp_path, 10)
    paths[3].write_text(member_list(3) + "\nDIE\n")
    real, parent = extract_pkg.extract, os.getpid()

    def dying(text):
        if os.getpid() != parent and "DIE" in text:
            os._exit(3)
        return real(text)

    monkeypatch.setattr(extract_pkg, "extract", dying)
    got, broken = _import_in_process(tmp_path / "broken.db", paths, 2)
    assert broken and "terminated abruptly" in broken
    expected, _ = _import_in_process(tmp_path / "seq.db", paths, 0)
    assert got == expected
    assert multiprocessing.active_children() == []


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads worker states from /proc")
def test_ctrl_c_stops_the_import_and_its_workers_quietly(tmp_path):
    paths = _paths(tmp_path, 40)
    db_path, log = tmp_path / "interrupted.db", tmp_path / "log"
    open_db(db_path).close()
    proc = _patched(
        "slow", log, db_path, paths[0].parent, 2,
        # a terminal sends ctrl+c to the whole foreground group: the importer and its workers
        process_group=0, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    ctrl_c_quietly(proc, lambda: _committed(db_path) >= 3, "the first documents", group=True)
    workers = _workers_seen(log, proc.pid)
    assert len(workers) == 2
    wait_for(lambda: all(_gone(pid) for pid in workers), "the workers to exit", limit=10)
    assert 3 <= _check_complete_documents_only(db_path, paths[0].parent) < 40


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads worker states from /proc")
def test_workers_exit_when_the_importer_is_killed(tmp_path):
    paths = _paths(tmp_path, 40)
    db_path, log = tmp_path / "killed.db", tmp_path / "log"
    open_db(db_path).close()
    proc = _patched("slow", log, db_path, paths[0].parent, 2)
    try:
        wait_for(lambda: _committed(db_path) >= 3 or proc.poll() is not None, "the first documents")
        workers = _workers_seen(log, proc.pid)
        assert len(workers) == 2 and proc.poll() is None
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=60)  # the workers hold the pipes too: they must be gone
    wait_for(lambda: all(_gone(pid) for pid in workers), "the orphaned workers to exit", limit=10)
    assert 3 <= _check_complete_documents_only(db_path, paths[0].parent) < 40


def _committed(db_path: Path) -> int:
    probe = open_db(db_path, migrate=False)
    try:
        return probe.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    finally:
        probe.close()
