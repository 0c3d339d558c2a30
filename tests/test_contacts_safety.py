"""Issue 12, contact lists: an export never destroys the database or leaves half a file; no
note injects vCard properties or contacts; long fields round trip; malformed CSV rows are
refused with their line number; the contact-import path uses indexes."""

from __future__ import annotations

import csv
import io
import os

import pytest
import contacts_fixture
from db import open_db
from db.annotations import add_note
from db.formats import export as export_module
from db.formats.contacts import import_contacts
from db.formats.export import OutputError, atomic_output, check_output_path, export_people
from test_contacts_cli import db_path, run  # noqa: F401 - the fixture and the runner


def people_count(path) -> int:
    db = open_db(path)
    try:
        return db.execute("SELECT COUNT(*) FROM people").fetchone()[0]
    finally:
        db.close()


# ---------------------------------------------------------------- 1. export --output
@pytest.mark.parametrize("how", ["same", "symlink", "hardlink", "relative", "wal", "shm"])
def test_export_onto_the_database_is_refused_in_one_line(db_path, tmp_path, monkeypatch, how):
    before = db_path.read_bytes()
    target = db_path
    if how == "symlink":
        target = tmp_path / "link.csv"
        target.symlink_to(db_path)
    elif how == "hardlink":
        target = tmp_path / "hard.csv"
        os.link(db_path, target)
    elif how == "relative":
        monkeypatch.chdir(tmp_path)
        target = "./sub/../small.db"
        (tmp_path / "sub").mkdir()
    elif how in ("wal", "shm"):
        target = tmp_path / f"small.db-{how}"
    result = run(db_path, "export", "--output", str(target))
    assert result.exit_code == 1
    assert "database" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.output
    if how not in ("wal", "shm"):
        assert db_path.read_bytes()[:16] == b"SQLite format 3\x00"
    assert people_count(db_path) == 7 and before[:100] == db_path.read_bytes()[:100]


def test_check_output_path_accepts_another_file(db_path, tmp_path):
    db = open_db(db_path)
    try:
        check_output_path(db, tmp_path / "fine.csv")
        with pytest.raises(OutputError):
            check_output_path(db, db_path)
    finally:
        db.close()


def test_a_failed_export_keeps_the_old_file_and_leaves_no_partial_file(db_path, tmp_path, monkeypatch):
    out = tmp_path / "list.csv"
    out.write_text("previous export\n", encoding="utf-8")
    real = export_module.csv_row
    calls = []

    def failing(person, **kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        return real(person, **kwargs)

    monkeypatch.setattr(export_module, "csv_row", failing)
    result = run(db_path, "export", "--output", str(out))
    assert result.exit_code == 1 and "No space left on device" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert out.read_text(encoding="utf-8") == "previous export\n"  # never truncated first
    assert sorted(p.name for p in tmp_path.iterdir() if "list.csv" in p.name) == ["list.csv"]


def test_an_export_replaces_the_file_whole_and_keeps_its_mode(db_path, tmp_path):
    out = tmp_path / "list.csv"
    out.write_text("old\n", encoding="utf-8")
    out.chmod(0o640)
    assert run(db_path, "export", "--output", str(out)).exit_code == 0
    assert len(list(csv.DictReader(out.open(encoding="utf-8", newline="")))) == 7
    assert oct(out.stat().st_mode & 0o777) == oct(0o640)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".list.csv")] == []


def test_atomic_output_writes_through_a_fifo_like_path_directly(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        with atomic_output(fifo) as fh:
            fh.write("x")
        assert os.read(reader, 10) == b"x"
    finally:
        os.close(reader)
    assert fifo.exists() and not fifo.is_file()
