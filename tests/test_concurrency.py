"""Concurrent use and crashes, with real processes.

Several `stakeholders import`, `note` and `tag` processes write to one database while another
process keeps a read connection open and reads in a loop, like the app does: every write
succeeds and nobody sees "database is locked". An import killed with SIGKILL in the middle of a
document leaves every earlier document complete and nothing of the one it was writing.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from db import open_db
from db.importer import import_text

GIVEN = ["Ana", "Luis", "María", "José", "Carmen", "Diego", "Sofía", "Javier", "Lucía", "Andrés"]
SURNAMES = ["García", "Hernández", "López", "Martínez", "Ortega", "Ramírez", "Torres", "Vargas", "Navarro", "Castillo"]
ORGS = ["Acme Holdings", "Beta Logística", "Gamma Industrias", "Delta Freight", "Epsilon Capital"]
GROUPS = ["Border Trade", "Gulf Ports", "Bajío Supply", "Pacific Corridor", "Northern Energy", "Sonora Mining"]


def member_list(i: int, size: int = 10) -> str:
    """A member list in the seeds' style whose people are all distinct from other lists'."""
    lines = [f"{GROUPS[i % len(GROUPS)]} Working Group members:", ""]
    for j in range(size):
        k = i * size + j
        lines.append(
            f"  • {GIVEN[k % 10]} {SURNAMES[(k // 10) % 10]} {SURNAMES[(k // 100 + 3) % 10]} - {ORGS[k % 5]}"
        )
    return "\n".join(lines) + "\n"


def cli_env() -> dict[str, str]:
    env = dict(os.environ, STAKEHOLDERS_NO_SEEDS="1")
    env.pop("STAKEHOLDERS_DEBUG", None)
    return env


def stakeholders(db_path: Path, *args: str) -> subprocess.Popen:
    """Start `stakeholders --db db_path ARGS` as its own process."""
    return subprocess.Popen(
        [sys.executable, "-m", "tui", "--db", str(db_path), *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=cli_env(),
    )


def wait_for(predicate, what: str, limit: float = 60.0) -> None:
    """Poll until `predicate()` (a guard against hanging forever, not a timing assertion)."""
    deadline = time.monotonic() + limit
    while not predicate():
        if time.monotonic() > deadline:
            pytest.fail(f"gave up waiting for {what}")
        time.sleep(0.02)


READER = r"""
import sys, time
from pathlib import Path
from db import open_db
from db.search import search

db_path, stop, ready = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
db = open_db(db_path)          # one connection kept open for the whole run, like the app
counts = []
ready.write_text("ready")
while not stop.exists():
    db.execute("BEGIN")        # a read transaction held open while others write
    counts.append(db.execute("SELECT COUNT(*) FROM people").fetchone()[0])
    search(db, "garcia", limit=10)
    time.sleep(0.05)
    db.execute("COMMIT")
print(counts[0], db.execute("SELECT COUNT(*) FROM documents").fetchone()[0], len(counts))
"""


def test_concurrent_imports_notes_and_tags_while_a_reader_is_open(tmp_path):
    db_path = tmp_path / "shared.db"
    db = open_db(db_path)
    import_text(db, member_list(0), name="base.txt")
    person_ids = [r[0] for r in db.execute("SELECT id FROM people ORDER BY id LIMIT 3")]
    db.close()
    docs = []
    for i in range(1, 5):
        doc = tmp_path / f"list{i}.txt"
        doc.write_text(member_list(i))
        docs.append(doc)

    stop, ready = tmp_path / "stop", tmp_path / "ready"
    reader = subprocess.Popen(
        [sys.executable, "-c", READER, str(db_path), str(stop), str(ready)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=cli_env(),
    )
    wait_for(ready.exists, "the reader to open the database")

    writers = [stakeholders(db_path, "import", str(doc)) for doc in docs]
    writers += [stakeholders(db_path, "note", "--id", str(pid), f"Concurrent note {pid}") for pid in person_ids]
    writers += [stakeholders(db_path, "tag", "--id", str(pid), "concurrent", f"batch-{pid}") for pid in person_ids]
    outcomes = [(w.args[4:], *w.communicate(timeout=120), w.returncode) for w in writers]

    stop.write_text("stop")
    reader_out, reader_err = reader.communicate(timeout=60)
    for args, out, err, code in outcomes:
        assert code == 0, f"{args}: exit {code}: {err}"
        assert "locked" not in (out + err).lower()
    assert reader.returncode == 0, reader_err
    first_people, last_documents, loops = map(int, reader_out.split())
    assert last_documents == 1 + len(docs)  # the open reader sees the new data

    db = open_db(db_path)
    try:
        assert db.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 1 + len(docs)
        assert db.execute("SELECT COUNT(*) FROM people").fetchone()[0] == 10 * (1 + len(docs))
        notes = {r[0]: r[1] for r in db.execute("SELECT entity_id, body FROM notes")}
        assert notes == {pid: f"Concurrent note {pid}" for pid in person_ids}
        tags = set(db.execute("SELECT entity_id, tag FROM tags").fetchall())
        assert tags == {(pid, t) for pid in person_ids for t in ("concurrent", f"batch-{pid}")}
    finally:
        db.close()


WRITER = r"""
import sys
from pathlib import Path
from db import open_db
from db.annotations import add_note, add_tags
from db.importer import import_text

db_path, role, n = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
db = open_db(db_path)
ids = [r[0] for r in db.execute("SELECT id FROM people ORDER BY id LIMIT 5")]
for i in range(n):
    if role.startswith("import"):
        import_text(db, sys.argv[4 + i], name=f"{role}-{i}.txt")
    else:
        add_note(db, "person", ids[i % len(ids)], f"{role} note {i}")
        add_tags(db, "person", ids[i % len(ids)], [f"{role}-{i}"])
print("ok")
"""


def test_writers_in_tight_loops_from_several_processes(tmp_path):
    """Heavier contention than CLI start-up allows: processes writing notes, tags and documents
    back to back through the data layer; every write lands."""
    db_path = tmp_path / "loops.db"
    db = open_db(db_path)
    import_text(db, member_list(0), name="base.txt")
    db.close()
    per_process = 15
    procs = []
    for w in range(3):
        procs.append(subprocess.Popen(
            [sys.executable, "-c", WRITER, str(db_path), f"annotator{w}", str(per_process)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=cli_env(),
        ))
    for w in range(2):
        texts = [member_list(10 + w * 4 + i) for i in range(4)]
        procs.append(subprocess.Popen(
            [sys.executable, "-c", WRITER, str(db_path), f"importer{w}", "4", *texts],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=cli_env(),
        ))
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0 and out.strip() == "ok", err
    db = open_db(db_path)
    try:
        assert db.execute("SELECT COUNT(*) FROM notes").fetchone()[0] == 3 * per_process
        assert db.execute("SELECT COUNT(*) FROM tags").fetchone()[0] == 3 * per_process
        assert db.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 1 + 8
    finally:
        db.close()


# --- crashes ------------------------------------------------------------------------

# Runs the real CLI import, with the importer's write transaction wrapped so that the
# (K+1)-th document stops just before COMMIT, its rows written but not committed, and says so.
KILLABLE_IMPORT = r"""
import contextlib, sys, time
from pathlib import Path
import db.importer
from db.connection import write_transaction

stop_after, marker = int(sys.argv[1]), Path(sys.argv[2])
count = 0

@contextlib.contextmanager
def stalling_transaction(db):
    global count
    with write_transaction(db):
        yield db
        count += 1
        if count > stop_after:
            marker.write_text(str(count))
            time.sleep(600)  # SIGKILL arrives here, inside the open transaction

db.importer.write_transaction = stalling_transaction
from tui.cli import cli
cli(sys.argv[3:], prog_name="stakeholders")
"""


def _documents_folder(tmp_path: Path, count: int) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    for i in range(count):
        (folder / f"{i:03d}.txt").write_text(member_list(i))
    return folder


def _check_complete_documents_only(db_path: Path, folder: Path) -> int:
    """Every document in the database is complete (as many mentions as importing it alone
    gives) and nothing else is there: no orphan mentions, no entity without a mention."""
    db = open_db(db_path)
    try:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        docs = db.execute("SELECT id, name FROM documents ORDER BY id").fetchall()
        reference = open_db(None)
        for doc_id, name in docs:
            expected = import_text(reference, (folder / name).read_text(), name=name).document_id
            want = reference.execute("SELECT COUNT(*) FROM mentions WHERE document_id = ?", [expected]).fetchone()[0]
            got = db.execute("SELECT COUNT(*) FROM mentions WHERE document_id = ?", [doc_id]).fetchone()[0]
            assert got == want > 0, f"{name}: {got} mentions, {want} when imported alone"
        for table in ("people", "organizations", "initiatives", "affiliations", "memberships", "aliases"):
            got = db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
            want = reference.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
            assert got == want, f"{table}: {got} rows after the crash, {want} from the complete documents"
        orphans = db.execute(
            "SELECT COUNT(*) FROM mentions WHERE document_id NOT IN (SELECT id FROM documents)"
        ).fetchone()[0]
        assert orphans == 0
        unmentioned = db.execute(
            "SELECT COUNT(*) FROM people WHERE id NOT IN "
            "(SELECT entity_id FROM mentions WHERE entity_type = 'person')"
        ).fetchone()[0]
        assert unmentioned == 0
        return len(docs)
    finally:
        db.close()


def test_import_killed_inside_a_document_keeps_earlier_documents_whole(tmp_path):
    folder = _documents_folder(tmp_path, 8)
    db_path, marker = tmp_path / "crash.db", tmp_path / "stalled"
    proc = subprocess.Popen(
        [sys.executable, "-c", KILLABLE_IMPORT, "3", str(marker), "--db", str(db_path), "import", str(folder)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=cli_env(),
    )
    try:
        wait_for(lambda: marker.exists() or proc.poll() is not None, "the import to reach document 4")
        assert proc.poll() is None, proc.communicate()[1].decode()
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.communicate()
    assert _check_complete_documents_only(db_path, folder) == 3

    # the next import picks up where the killed one stopped
    done = subprocess.run(
        [sys.executable, "-m", "tui", "--db", str(db_path), "import", str(folder)],
        capture_output=True, text=True, env=cli_env(), timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("already imported") == 3
    assert _check_complete_documents_only(db_path, folder) == 8


def test_import_killed_at_an_arbitrary_moment_leaves_no_partial_document(tmp_path):
    folder = _documents_folder(tmp_path, 30)
    db_path = tmp_path / "crash.db"
    open_db(db_path).close()
    proc = stakeholders(db_path, "import", str(folder))

    def committed() -> int:
        probe = open_db(db_path, migrate=False)
        try:
            return probe.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        finally:
            probe.close()

    try:
        wait_for(lambda: proc.poll() is not None or committed() >= 2, "the first documents to commit")
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.communicate()
    assert 2 <= _check_complete_documents_only(db_path, folder) <= 30


def test_open_db_uses_wal_and_a_busy_timeout(tmp_path):
    from db.connection import BUSY_TIMEOUT_MS

    db = open_db(tmp_path / "pragmas.db")
    try:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA busy_timeout").fetchone()[0] == BUSY_TIMEOUT_MS >= 5000
        assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    finally:
        db.close()


def test_a_writer_waits_for_another_writers_transaction_instead_of_failing(tmp_path):
    """BEGIN IMMEDIATE + busy timeout: a second process's write blocks until the first
    commits, then succeeds (SQLite's default would fail at once with "database is locked")."""
    from db.annotations import add_note
    from db.connection import write_transaction

    db_path = tmp_path / "wait.db"
    holder = open_db(db_path)
    import_text(holder, member_list(0), name="base.txt")
    script = (
        "import sys; from db import open_db; from db.annotations import add_note\n"
        "db = open_db(sys.argv[1]); add_note(db, 'person', 1, 'from the waiting process'); print('ok')\n"
    )
    with write_transaction(holder):
        add_note(holder, "person", 1, "from the holder")
        proc = subprocess.Popen([sys.executable, "-c", script, str(db_path)], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, env=cli_env())
        time.sleep(0.5)  # let it reach the lock (correctness does not depend on this)
        assert proc.poll() is None  # still waiting on our write lock, not failed
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0 and out.strip() == "ok", err
    bodies = [r[0] for r in holder.execute("SELECT body FROM notes ORDER BY id")]
    holder.close()
    assert bodies == ["from the holder", "from the waiting process"]


async def test_the_open_app_sees_what_other_terminals_wrote(tmp_path):
    """The app is open (its connections held) while `import`, `note` and `tag` run as other
    processes; every write succeeds and, after ctrl+r, the app shows the new person, note and tag."""
    from app_helpers import card_text, open_person, settle
    from test_app_data import build_fixture_db

    from tui.app import StakeholdersApp

    db_path = build_fixture_db(tmp_path / "app.db")
    doc = tmp_path / "roster.txt"
    doc.write_text(
        "Rio Grande Freight Council members:\n\n"
        "  • Rosa Villanueva Campos - Cascada Freight\n  • Ignacio Berenguer Solís - Puente Norte Institute\n"
    )
    app = StakeholdersApp(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for args in (["import", str(doc)], ["note", "Rosa Villanueva Campos", "Called her on Monday"],
                     ["tag", "Rosa Villanueva Campos", "follow-up"]):
            proc = stakeholders(db_path, *args)
            out, err = proc.communicate(timeout=120)
            assert proc.returncode == 0, f"{args}: {err}"
            assert "locked" not in (out + err).lower()
        await pilot.press("ctrl+r")
        await settle(pilot)
        await open_person(pilot, "villanueva")
        text = card_text(app)
        assert "Rosa Villanueva Campos" in text
        assert "Called her on Monday" in text
        assert "follow-up" in text


def test_ctrl_c_in_the_middle_of_a_document_rolls_it_back_quietly(tmp_path):
    folder = _documents_folder(tmp_path, 6)
    db_path, marker = tmp_path / "interrupted.db", tmp_path / "stalled"
    proc = subprocess.Popen(
        [sys.executable, "-c", KILLABLE_IMPORT, "2", str(marker), "--db", str(db_path), "import", str(folder)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=cli_env(),
        # as in a terminal: a suite started in the background (`&`, nohup) ignores SIGINT, and
        # the child would inherit that and sleep through the ctrl+c
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    ctrl_c_quietly(proc, marker.exists, "the import to reach document 3")
    assert _check_complete_documents_only(db_path, folder) == 2


def ctrl_c_quietly(proc: subprocess.Popen, ready, what: str, *, group: bool = False) -> None:
    """Once `ready()`, press ctrl+c: SIGINT to the process, or with `group` to its process group
    as a terminal does. It must exit with 130 and no traceback."""
    try:
        wait_for(lambda: ready() or proc.poll() is not None, what)
        assert proc.poll() is None, proc.communicate()[1]
        if group:
            os.killpg(proc.pid, signal.SIGINT)
        else:
            proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130
    assert "Traceback" not in err and "KeyboardInterrupt" not in err


def test_opening_a_second_connection_keeps_the_first_ones_locks(tmp_path):
    """The app opens worker connections while its main one is open. Opening the file with
    open()/close() to check its header would drop this process's POSIX locks, and another
    process closing its connection would then delete the WAL under our feet (SQLite
    'howtocorrupt' 2.2); the app then failed with 'database disk image is malformed'."""
    path = tmp_path / "locks.db"
    first = open_db(path)
    first.execute("SELECT COUNT(*) FROM people").fetchall()
    second = open_db(path)  # as the app's connection pool does
    write = (
        "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
        "c.execute(\"INSERT INTO notes (entity_type, entity_id, body, created_at, updated_at) "
        "VALUES ('person', 1, 'x', 't', 't')\"); c.commit(); c.close()"
    )
    subprocess.run([sys.executable, "-c", write, str(path)], check=True)
    try:
        # another process's last close may delete the WAL only when nobody else has the file open
        assert Path(f"{path}-wal").exists()
        assert first.execute("SELECT COUNT(*) FROM notes").fetchone() == (1,)
    finally:
        second.close()
        first.close()
