"""Bad input through the CLI: one clear line on stderr, a non-zero exit when nothing could be
done, no traceback, and the database exactly as before."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tui.cli import cli
from tui.safe_output import SafeWriter, terminal_safe


def snapshot(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table (sorted), read with plain sqlite3 so nothing is migrated.

    (Read-write, only so that closing removes the -wal/-shm files as the app's own close does.)"""
    conn = sqlite3.connect(path)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        return {t: sorted(conn.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables}
    finally:
        conn.close()


@pytest.fixture
def db_path(seeded_db_path, tmp_path):
    """A private copy of the seeded database, with a note and a tag of the user's."""
    from db import open_db
    from db.annotations import add_note, add_tags

    path = tmp_path / "work" / "stakeholders.db"
    path.parent.mkdir()
    shutil.copy(seeded_db_path, path)
    db = open_db(path)
    person_id = db.execute("SELECT MIN(id) FROM people").fetchone()[0]
    add_note(db, "person", person_id, "Met at the trade fair")
    add_tags(db, "person", person_id, ["priority"])
    db.close()
    return path


def run(db_path: Path, *args: str):
    """Invoke the CLI in-process on `db_path`; stderr kept apart from stdout."""
    return CliRunner().invoke(cli, ["--db", str(db_path), *args], catch_exceptions=False)


def assert_one_line_error(result, *fragments: str, code_nonzero: bool = True) -> None:
    """The failure is one line on stderr, mentions each fragment, has no traceback."""
    if code_nonzero:
        assert result.exit_code != 0, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for fragment in fragments:
        assert fragment in lines[0]
    assert "Traceback" not in result.output


# --- documents ----------------------------------------------------------------------


def test_missing_path(db_path, tmp_path):
    before = snapshot(db_path)
    result = run(db_path, "import", str(tmp_path / "nowhere.txt"))
    assert_one_line_error(result, "nowhere.txt", "no such file")
    assert snapshot(db_path) == before


def test_folder_with_no_documents(db_path, tmp_path):
    folder = tmp_path / "downloads"
    folder.mkdir()
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    before = snapshot(db_path)
    result = run(db_path, "import", str(folder))
    assert_one_line_error(result, "no documents found", "downloads")
    assert snapshot(db_path) == before


@pytest.mark.parametrize(
    "name, data, reason",
    [
        ("empty.txt", b"", "empty file"),
        ("program.txt", b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 16, "binary data"),
        ("slides.pptx", b"PK\x03\x04", "unknown file type '.pptx'"),
        ("scan.pdf", None, "no text layer (scanned PDF?)"),
    ],
)
def test_unreadable_document_changes_nothing(db_path, tmp_path, name, data, reason):
    from doc_fixtures import make_pdf

    path = tmp_path / name
    path.write_bytes(make_pdf([[]]) if data is None else data)
    before = snapshot(db_path)
    result = run(db_path, "import", str(path))
    assert_one_line_error(result, name, reason)
    assert snapshot(db_path) == before


def test_one_bad_file_among_good_ones_is_reported_and_the_rest_imported(db_path, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("The Border Logistics Council met in Monterrey.\n")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    result = run(db_path, "import", str(bad), str(good))
    assert result.exit_code == 1  # issue 13: any failed file makes the exit code non-zero
    assert_one_line_error(result, "bad.txt", "empty file", code_nonzero=False)
    assert "good.txt: imported" in result.stdout


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="peak memory is read from /proc (Linux)")
def test_huge_text_file_is_refused_in_bounded_memory(db_path, tmp_path):
    """A real 50 MB text file, through a real process: refused with the limit, and the
    process never holds the file in memory (peak RSS well under the file's size)."""
    huge = tmp_path / "huge.txt"
    line = b"Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do.\n"
    with huge.open("wb") as fh:
        for _ in range(50 * 1024 * 1024 // (len(line) * 1024)):
            fh.write(line * 1024)
    before = snapshot(db_path)
    probe = (
        "import re, sys\n"
        "from tui.cli import cli\n"
        "try:\n    cli(sys.argv[1:], prog_name='stakeholders')\n"
        "except SystemExit as exc:\n    code = exc.code\n"
        # VmHWM (peak RSS of this program image; unlike ru_maxrss it is not inherited from pytest)
        "peak = re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1)\n"
        "open(sys.argv[-1] + '.rss', 'w').write(peak)\n"
        "sys.exit(code)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", probe, "--db", str(db_path), "import", str(huge)],
        capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 1
    assert proc.stderr.strip().splitlines() == [
        f"Error: {huge}: too large (50.0 MB; TXT files are limited to 4 MB)"
    ]
    peak_kb = int(Path(str(huge) + ".rss").read_text())
    assert peak_kb < 40 * 1024 + 60 * 1024, f"peak RSS {peak_kb} KB"  # interpreter + libraries, no file
    assert snapshot(db_path) == before


# --- the --db file ------------------------------------------------------------------


@pytest.mark.parametrize("content", [b"name,email\nAna,ana@example.org\n", b"SQLite format 2\x00 old"])
def test_a_file_that_is_not_a_database_is_refused_and_never_written(tmp_path, content):
    path = tmp_path / "contacts.db"
    path.write_bytes(content)
    doc = tmp_path / "docs" / "release.txt"
    doc.parent.mkdir()
    doc.write_text("The Border Logistics Council met in Monterrey.\n")
    for args in (["stats"], ["import", str(doc)], ["note", "--id", "1", "hello"]):
        result = run(path, *args)
        assert_one_line_error(result, "contacts.db", "not a SQLite database")
        assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["contacts.db", "docs"]  # no -wal, -shm, .bak


def test_another_programs_sqlite_database_is_refused(tmp_path):
    path = tmp_path / "places.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE bookmarks (url TEXT)")
    conn.execute("INSERT INTO bookmarks VALUES ('https://example.org')")
    conn.commit()
    conn.close()
    content = path.read_bytes()
    result = run(path, "stats")
    assert_one_line_error(result, "places.sqlite", "another program")
    assert path.read_bytes() == content


def test_a_folder_passed_as_db_is_refused(tmp_path):
    result = run(tmp_path, "stats")
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    assert "directory" in result.stderr


def test_a_database_from_a_newer_release_is_refused(db_path):
    conn = sqlite3.connect(db_path)
    conn.execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'm999', 'x')")
    conn.commit()
    conn.close()
    before = snapshot(db_path)
    result = run(db_path, "stats")
    assert_one_line_error(result, "newer release", "upgrade stakeholders")
    assert snapshot(db_path) == before


# --- read-only locations ------------------------------------------------------------


@pytest.fixture
def read_only_dir(tmp_path):
    """A folder (and the files in it) that nobody can write, like a read-only mount.

    `lock()` makes it read-only, `unlock()` undoes that. As root, chmod does not stop writes,
    so `chattr +i` (immutable) is used instead; skipped where the filesystem refuses it."""
    folder = tmp_path / "readonly"
    folder.mkdir()
    as_root = os.geteuid() == 0

    def paths():
        return [*folder.iterdir(), folder]

    def lock():
        if not as_root:
            for path in paths():
                path.chmod(0o555 if path.is_dir() else 0o444)
            return
        if shutil.which("chattr") is None:
            pytest.skip("running as root and chattr is not installed: no way to make a folder read-only")
        for path in paths():
            done = subprocess.run(["chattr", "+i", str(path)], capture_output=True, text=True)
            if done.returncode != 0:
                unlock()
                pytest.skip(f"running as root and chattr +i is refused here: {done.stderr.strip()}")

    def unlock():
        for path in paths():
            if as_root:
                subprocess.run(["chattr", "-i", str(path)], capture_output=True)
            path.chmod(0o755 if path.is_dir() else 0o644)

    yield folder, lock, unlock
    unlock()


def test_new_database_in_a_read_only_folder(read_only_dir):
    folder, lock, unlock = read_only_dir
    lock()
    result = run(folder / "stakeholders.db", "stats")
    assert_one_line_error(result, "stakeholders.db", "must be writable")
    assert list(folder.iterdir()) == []


def test_existing_database_in_a_read_only_location_is_left_as_it_was(read_only_dir, db_path, tmp_path):
    folder, lock, unlock = read_only_dir
    target = folder / "stakeholders.db"
    shutil.copy(db_path, target)
    doc = tmp_path / "new.txt"
    doc.write_text("The Gulf Ports Alliance welcomed Ana Torres, director of Ruta Logistics.\n")
    before = snapshot(target)
    assert sorted(p.name for p in folder.iterdir()) == ["stakeholders.db"]
    lock()
    for args in (["import", str(doc)], ["tag", "--id", "1", "vip"]):
        result = run(target, *args)
        assert_one_line_error(result, "stakeholders.db", "writable")
    unlock()
    assert snapshot(target) == before


# --- terminal safety ----------------------------------------------------------------


def test_escape_sequences_in_documents_and_names_never_reach_the_terminal(db_path, tmp_path):
    doc = tmp_path / "evil\x1b]0;title\x07.txt"
    doc.write_text("\x1b[2J\x1b[31mThe Red Valley Trade Council\x1b[0m met on Monday.\x07\n")
    result = run(db_path, "import", str(doc))
    assert result.exit_code == 0
    assert "\x1b" not in result.output and "\x07" not in result.output
    # a name written behind the importer's back (older release, hand edits) is still safe to print
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE people SET name = ? WHERE id = (SELECT MIN(id) FROM people)",
                 ["Evil\x1b[2J\x1b]8;;http://x\x07Person\x9b"])
    conn.commit()
    conn.close()
    shown = run(db_path, "show", "Evil Person")
    assert "\x1b" not in shown.output and "\x9b" not in shown.output and "\x07" not in shown.output


def test_safe_writer_keeps_text_tabs_and_line_endings():
    import io

    sink = io.StringIO()
    writer = SafeWriter(sink)
    writer.write("BEGIN:VCARD\r\nFN:José\tPérez\x1b[31m\x00\r\n")
    assert sink.getvalue() == "BEGIN:VCARD\r\nFN:José\tPérez\r\n"
    assert terminal_safe("a\u202eb\x1bc") == "abc"
    with pytest.raises(TypeError):
        writer.write(b"bytes")
    with pytest.raises(AttributeError):
        writer.buffer  # noqa: B018 - no raw path around the filter


def test_real_process_error_has_no_traceback(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("my notes, not a database")
    proc = subprocess.run(
        [sys.executable, "-m", "tui", "--db", str(path), "stats"], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 1
    assert proc.stderr.strip() == f"Error: {path} is not a SQLite database; refusing to touch it"
    assert path.read_text() == "my notes, not a database"


def test_stakeholders_db_pointing_at_a_non_database_is_refused(tmp_path, monkeypatch):
    path = tmp_path / "budget.xlsx"
    path.write_bytes(b"PK\x03\x04 spreadsheet")
    monkeypatch.setenv("STAKEHOLDERS_DB", str(path))
    result = CliRunner().invoke(cli, ["stats"])
    assert_one_line_error(result, "budget.xlsx", "not a SQLite database")
    assert path.read_bytes() == b"PK\x03\x04 spreadsheet"
