"""An import indexes a document's new search keys together at the end of the document's
transaction (`db.search_index.deferred_upkeep`, schema 11): the index is exactly what indexing
each key at once gives, after an import, after a failed document, and after a killed import."""

from __future__ import annotations

import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import db.importer as importer
from db import open_db
from db.connection import write_transaction
from db.importer import import_text
from db.resolve import create_organization, create_person, upgrade_name
from db.search import search
from db.search_index import _words_of, deferred_upkeep, pending_upkeep
from test_concurrency import cli_env, member_list, wait_for


def index_state(db) -> dict:
    """What search reads: the keys, the vocabulary, and the FTS rows' agreement with the keys
    (FTS5's integrity-check with rank 1 compares the index with its content table and raises on
    any difference)."""
    db.execute("INSERT INTO search_words (search_words, rank) VALUES ('integrity-check', 1)")
    vocabulary = dict(db.execute("SELECT word, keys FROM search_vocabulary").fetchall())
    recount = dict(db.execute(
        f"SELECT value, count(DISTINCT k.id) FROM search_keys k, {_words_of('k.key')} WHERE value != '' GROUP BY value"
    ).fetchall())
    assert vocabulary == recount
    assert db.execute("SELECT count(*) FROM search_pending").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM search_deferred").fetchone()[0] == 0
    keys = db.execute("SELECT id, entity_type, entity_id, kind, key FROM search_keys ORDER BY id").fetchall()
    return {"keys": keys, "vocabulary": vocabulary}


def _import_all(db, texts):
    for n, text in enumerate(texts):
        import_text(db, text, name=f"doc{n}.txt")


TEXTS = [
    member_list(0),
    member_list(1),
    # an organization named short, then long (renamed inside the deferral: its indexed key goes,
    # the new one is pending), an acronym filled in, an alias, a person named again
    "Globex board members:\n\n  • Ilse Varga - Globex\n  • Tamsin Quill - Globex\n",
    "Globex Logistics advisory council members:\n\n  • Ilse Varga - Globex Logistics (GLX)\n"
    "  • Dr. Tamsin Quill - Globex Logistics\n  • Odile Brenner-Lutz - Northwind Freight\n",
    member_list(0).replace("Working Group", "Task Force"),
]


def test_deferred_index_equals_indexing_each_key_at_once(tmp_path, monkeypatch):
    deferred = open_db(tmp_path / "deferred.db")
    _import_all(deferred, TEXTS)
    monkeypatch.setattr(importer, "deferred_upkeep", lambda db: contextlib.nullcontext())
    immediate = open_db(tmp_path / "immediate.db")
    _import_all(immediate, TEXTS)
    assert index_state(deferred) == index_state(immediate)
    assert deferred.execute("SELECT name FROM organizations WHERE name LIKE 'Globex%'").fetchall() == [("Globex Logistics",)]
    for query in ("globex logistics", "glx", "tamsin quill", "brenner lutz", "garcia"):
        assert [h.id for h in search(deferred, query, limit=50)] == [h.id for h in search(immediate, query, limit=50)]
    assert search(deferred, "odile brenner")[0].name == "Odile Brenner-Lutz"


def test_keys_added_and_removed_inside_one_deferral(empty_db):
    """A key written and deleted in the same deferral never reaches the index; an indexed key
    deleted in it leaves the index at once; nested blocks flush with the outermost."""
    db = empty_db
    with write_transaction(db):
        old = create_organization(db, "Globex")
    with write_transaction(db), deferred_upkeep(db):
        with deferred_upkeep(db):
            fleeting = create_person(db, "Wendeline Ostrowska")
            kept = create_person(db, "Quirino Albescu")
        assert db.execute("SELECT count(*) FROM search_pending").fetchone()[0] == 2  # not flushed by the inner block
        db.execute("DELETE FROM people WHERE id = ?", [fleeting])
        upgrade_name(db, "organization", old, "Globex Logistics")  # the indexed 'globex' name key goes
        assert search(db, "quirino") == []  # pending until the block ends
    state = index_state(db)
    assert "wendeline" not in state["vocabulary"] and state["vocabulary"]["globex"] == 2  # the alias and the name
    assert [h.id for h in search(db, "quirino albescu")] == [kept]
    assert search(db, "globex logistics")[0].id == old


def test_a_failed_document_rolls_back_its_keys_with_it(empty_db, monkeypatch):
    import_text(empty_db, TEXTS[0], name="first.txt")
    before = index_state(empty_db)

    def broken(db, doc_id, found):
        create_person(db, "Halvard Quennell")
        raise RuntimeError("extraction bug")

    monkeypatch.setattr(importer, "_write_extraction", broken)
    with pytest.raises(RuntimeError):
        import_text(empty_db, TEXTS[1], name="second.txt")
    assert index_state(empty_db) == before
    assert search(empty_db, "quennell") == []


KILLED_MID_DOCUMENT = r"""
import os, signal, sys
from pathlib import Path
from db import open_db
from db.connection import write_transaction
from db.importer import import_text
from db.resolve import create_person
from db.search_index import deferred_upkeep

db = open_db(Path(sys.argv[1]))
import_text(db, sys.argv[2], name="committed.txt")
with write_transaction(db), deferred_upkeep(db):
    create_person(db, "Halvard Quennell")
    import_text(db, sys.argv[3], name="killed.txt")  # its keys pending, in the same transaction
    os.kill(os.getpid(), signal.SIGKILL)  # killed before the index is written and before the commit
"""


def test_an_import_killed_inside_a_document_leaves_an_exact_index(tmp_path):
    path = tmp_path / "killed.db"
    proc = subprocess.run([sys.executable, "-c", KILLED_MID_DOCUMENT, str(path), TEXTS[0], TEXTS[1]],
                          env=cli_env(), capture_output=True, text=True, cwd=Path(__file__).resolve().parents[1])
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    db = open_db(path)
    index_state(db)
    assert [r[0] for r in db.execute("SELECT name FROM documents")] == ["committed.txt"]
    assert search(db, "quennell") == []
    names = [r[0] for r in db.execute("SELECT name FROM people")]
    assert len(names) == 10 and all(search(db, name)[0].name == name for name in names)


def test_an_import_killed_between_documents_leaves_an_exact_index(tmp_path):
    """`stakeholders import` of many documents, killed with SIGKILL once some are in: every
    document committed is searchable, the index agrees with the keys."""
    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(300):
        (docs / f"list{i:03}.txt").write_text(member_list(i), encoding="utf-8")
    path = tmp_path / "directory.db"
    open_db(path).close()
    proc = subprocess.Popen([sys.executable, "-m", "tui", "--db", str(path), "import", str(docs)],
                            env=cli_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    watcher = open_db(path)

    def some_imported() -> bool:
        try:
            return watcher.execute("SELECT count(*) FROM documents").fetchone()[0] >= 3 or proc.poll() is not None
        except sqlite3.OperationalError:
            return False

    wait_for(some_imported, "the first documents")
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    watcher.close()
    db = open_db(path)
    index_state(db)
    documents = db.execute("SELECT count(*) FROM documents").fetchone()[0]
    names = [r[0] for r in db.execute("SELECT name FROM people ORDER BY id")]
    assert 3 <= documents < 300 and len(names) == 10 * documents  # killed part-way
    for name in names[:: max(1, len(names) // 40)] + names[-3:]:
        assert search(db, name)[0].name == name


def test_a_deferral_committed_unfinished_is_indexed_on_the_next_open(tmp_path):
    """No stakeholders code commits inside a deferral; should a bug (or another program) leave
    the marker and pending keys committed, the next open indexes them."""
    path = tmp_path / "left.db"
    db = open_db(path)
    with write_transaction(db):
        db.execute("INSERT INTO search_deferred (id) VALUES (1)")
        pid = create_person(db, "Zygmunt Abernethy-Oyelaran")
    assert pending_upkeep(db) and search(db, "abernethy") == []
    with pytest.raises(sqlite3.DatabaseError):
        db.execute("INSERT INTO search_words (search_words, rank) VALUES ('integrity-check', 1)")
    db.close()
    db = open_db(path)
    assert not pending_upkeep(db)
    index_state(db)
    assert search(db, "abernethy oyelaran")[0].id == pid
