"""Imports that must not lose seeds, hold the write lock while extracting, hang on a FIFO or a
device, abort a folder for one encrypted PDF, or walk into hidden and vendored folders."""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from db import open_db
from tui.cli import cli

DOC = "Said Ximena Olvera Quiroz, director of the Corredor Norte Logistics Council, on Monday.\n"


def run(db: Path, *args):
    return CliRunner().invoke(cli, ["--db", str(db), *args], env={"STAKEHOLDERS_NO_SEEDS": "1"})


# item 3: interrupted seeding is finished on the next open
def test_interrupted_seeding_is_finished_next_time_without_duplicates(tmp_path, monkeypatch):
    import db.importer as importer
    import db.seeding as seeding
    from tui.context import CliContext

    paths = seeding.bundled_seed_paths()
    assert len(paths) >= 3
    real = importer.import_document
    calls = []

    def crashing(db, path):
        if len(calls) == 2:
            raise KeyboardInterrupt  # ctrl+c (or a kill) after two seeds
        calls.append(path)
        return real(db, path)

    monkeypatch.setattr(seeding, "import_document", crashing)
    path = tmp_path / "first.db"
    ctx = CliContext(path)
    with pytest.raises(KeyboardInterrupt):
        ctx.db
    ctx.close()
    monkeypatch.setattr(seeding, "import_document", real)
    ctx = CliContext(path)
    db = ctx.db
    names = [r[0] for r in db.execute("SELECT name FROM documents ORDER BY name")]
    assert names == sorted(p.name for p in paths)
    assert not seeding.seeding_pending(db)
    ctx.close()
    again = CliContext(path)  # a finished directory is not seeded again
    assert again.db.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == len(paths)
    again.close()


@pytest.mark.parametrize("where", ["schema", "before_seeding"])
def test_a_first_run_killed_before_any_seed_is_seeded_next_time(tmp_path, monkeypatch, where):
    """Killed while the new file's schema is being made (after its first migrations were
    committed) or between the schema and the first seed: the next open still seeds."""
    import db.migrations as migrations
    import db.seeding as seeding
    from tui.context import CliContext

    if where == "schema":
        real_migrations = list(migrations.MIGRATIONS)

        def killed(db):
            raise KeyboardInterrupt

        monkeypatch.setattr(migrations, "MIGRATIONS", real_migrations[:3] + [(4, killed)] + real_migrations[4:])
    else:  # killed before the seeding writes anything
        def killed(db):
            raise KeyboardInterrupt

        monkeypatch.setattr(seeding, "write_transaction", killed)
    path = tmp_path / "first.db"
    ctx = CliContext(path)
    with pytest.raises(KeyboardInterrupt):
        ctx.db
    ctx.close()
    monkeypatch.undo()
    ctx = CliContext(path)
    db = ctx.db
    assert db.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == len(seeding.bundled_seed_paths())
    assert not seeding.seeding_pending(db)
    ctx.close()


def test_a_new_database_without_seeds_is_not_seeded_later(tmp_path, monkeypatch):
    """STAKEHOLDERS_NO_SEEDS on the first run: a later run without it leaves the directory empty."""
    import db.seeding as seeding
    from tui.context import CliContext

    path = tmp_path / "empty.db"
    monkeypatch.setenv("STAKEHOLDERS_NO_SEEDS", "1")
    ctx = CliContext(path)
    assert ctx.db.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 0
    ctx.close()
    monkeypatch.delenv("STAKEHOLDERS_NO_SEEDS")
    ctx = CliContext(path)
    assert ctx.db.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 0
    assert not seeding.seeding_pending(ctx.db)
    ctx.close()


# item 6: extraction runs outside the write transaction
def test_a_second_writer_gets_in_while_a_big_document_is_extracted(tmp_path, monkeypatch):
    import db.extract as extract_pkg
    from db.importer import import_text

    path = tmp_path / "lock.db"
    open_db(path).close()
    real = extract_pkg.extract
    started = threading.Event()

    def slow_extract(text):
        started.set()
        time.sleep(1.5)
        return real(text)

    monkeypatch.setattr(extract_pkg, "extract", slow_extract)
    outcome = {}

    def importer_thread():
        db = open_db(path)
        outcome["result"] = import_text(db, DOC, name="big.txt")
        db.close()

    thread = threading.Thread(target=importer_thread)
    thread.start()
    assert started.wait(10)
    other = sqlite3.connect(path, timeout=0.2)  # far below the extraction time
    other.execute("BEGIN IMMEDIATE")
    other.execute("INSERT INTO documents (name, sha256, format, text, imported_at) VALUES ('x', 'y', 'txt', 'z', 'now')")
    other.execute("COMMIT")
    other.close()
    thread.join(20)
    assert outcome["result"].status == "imported"


# item 8: an AES-encrypted PDF is one line, the rest imported
def _encrypted_pdf(path: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    try:
        writer.encrypt("secret", algorithm="AES-256")
    except Exception:  # no crypto library to write AES: RC4, with AES's failure simulated below
        writer.encrypt("secret", algorithm="RC4-128")
    with path.open("wb") as fh:
        writer.write(fh)


def test_aes_encrypted_pdf_does_not_abort_the_folder(tmp_path, monkeypatch):
    import pypdf
    from pypdf.errors import DependencyError

    folder = tmp_path / "docs"
    folder.mkdir()
    _encrypted_pdf(folder / "locked.pdf")
    (folder / "release.txt").write_text(DOC)

    def no_aes(self, password):
        raise DependencyError("cryptography>=3.1 is required for AES algorithm")

    # As on a machine without the cryptography library (the failure reported).
    monkeypatch.setattr(pypdf.PdfReader, "decrypt", no_aes)
    result = run(tmp_path / "d.db", "import", str(folder))
    assert result.exit_code == 1, result.output
    assert "locked.pdf: encrypted PDF" in result.output
    assert "release.txt: imported" in result.output
    assert "Traceback" not in result.output


# item 9: only regular files are read
def test_fifo_and_device_are_refused_without_hanging(tmp_path):
    import subprocess
    import sys

    folder = tmp_path / "docs"
    folder.mkdir()
    os.mkfifo(folder / "pipe.txt")
    os.mkfifo(folder / "pipe.vcf")
    (folder / "zero.csv").symlink_to("/dev/zero")
    (folder / "zero.txt").symlink_to("/dev/zero")
    (folder / "ok.txt").write_text(DOC)
    proc = subprocess.run(
        [sys.executable, "-m", "tui", "--db", str(tmp_path / "f.db"), "import", str(folder)],
        capture_output=True, text=True, timeout=60, env={**os.environ, "STAKEHOLDERS_NO_SEEDS": "1"},
    )
    out = proc.stdout + proc.stderr
    assert proc.returncode == 1, out
    assert "ok.txt: imported" in out
    assert out.count("not a regular file") == 3, out  # pipe.txt, pipe.vcf, zero.txt
    assert "Traceback" not in out


def test_contacts_reader_refuses_a_device_and_a_fifo(tmp_path, empty_db):
    """Runs in-process: a blocking open of the FIFO would hang the test run itself."""
    from db.formats.contacts import import_contacts

    (tmp_path / "zero.csv").symlink_to("/dev/zero")
    os.mkfifo(tmp_path / "pipe.csv")
    for name in ("zero.csv", "pipe.csv"):
        result = import_contacts(empty_db, tmp_path / name)
        assert result.status == "error" and "not a regular file" in result.message


# issue 13: folder import
def test_folder_import_skips_hidden_and_vendored_and_takes_contacts(tmp_path):
    folder = tmp_path / "work"
    (folder / "notes" / "sub").mkdir(parents=True)
    (folder / "notes" / "sub" / "release.txt").write_text(DOC)
    for vendored in (".git", "node_modules", "env/lib/site-packages", "__pycache__"):
        (folder / vendored).mkdir(parents=True)
        (folder / vendored / "AUTHORS.txt").write_text("Said Renata Ugalde Soto, director of Vendored Corp.\n")
    (folder / "env" / "pyvenv.cfg").write_text("home = /usr\n")
    (folder / "people.csv").write_text("name,email\nLeonor Ibáñez Cota,leonor@example.org\n")
    (folder / "prices.csv").write_text("sku,price\n1,2\n")
    (folder / "card.vcf").write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Tomás Arriaga\r\nEND:VCARD\r\n")
    db = tmp_path / "w.db"
    result = run(db, "import", str(folder))
    assert result.exit_code == 0, result.output
    assert f"notes{os.sep}sub{os.sep}release.txt: imported" in result.output
    assert "people.csv: imported" in result.output and "card.vcf: imported" in result.output
    assert "prices.csv" not in result.output
    assert "skipped:" in result.output and "hidden folders" in result.output
    assert "vendored folders" in result.output
    names = [r[0] for r in open_db(db).execute("SELECT name FROM people")]
    assert "Renata Ugalde Soto" not in names
    assert {"Leonor Ibáñez Cota", "Tomás Arriaga"} <= set(names)


def test_one_bad_file_among_several_exits_non_zero(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "good.txt").write_text(DOC)
    (folder / "empty.txt").write_text("")
    result = run(tmp_path / "x.db", "import", str(folder))
    assert result.exit_code == 1
    assert "1 imported" in result.output and "1 failed" in result.output


def test_a_missing_path_among_several_does_not_stop_the_rest(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(DOC)
    result = run(tmp_path / "m.db", "import", str(tmp_path / "nope.txt"), str(good))
    assert result.exit_code == 1
    assert "nope.txt: no such file or folder" in result.output
    assert "good.txt: imported" in result.output
