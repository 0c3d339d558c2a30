"""Database connections for the app's worker threads.

A sqlite-utils Database must never be used by two threads at once, so each worker borrows a
connection (with its own warm search engine) for the length of its job and gives it back;
a connection is opened only when every existing one is in use.

`close` (when the app exits) closes the free connections at once and a borrowed one when it is
given back: a worker thread still reading when the app closes is never left with a connection
closed under it (SQLite then crashed the process), and nothing is lent after closing.
"""

from __future__ import annotations

import contextlib
import queue
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import sqlite_utils

from db.connection import open_db
from db.search import search

try:  # the warm engine of the search issue; plain search() works the same, only colder
    from db.search import SearchEngine
except ImportError:  # pragma: no cover - older db.search
    SearchEngine = None


class _ColdEngine:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    def search(self, query: str, *, limit: int = 20, types=None):
        return search(self.db, query, limit=limit, types=types)


def make_engine(db: sqlite_utils.Database):
    """A search engine bound to `db` (the warm one when db.search has it)."""
    return SearchEngine(db) if SearchEngine else _ColdEngine(db)


@dataclass
class Lease:
    """A connection and the search engine bound to it."""

    db: sqlite_utils.Database
    engine: object


class ConnectionPool:
    """Connections lent to one thread at a time."""

    def __init__(self, path: str | Path) -> None:
        self.path = path
        self._free: queue.SimpleQueue[Lease] = queue.SimpleQueue()
        self._all: list[Lease] = []
        self._lock = threading.Lock()
        self._closed = False

    def _open(self) -> Lease:
        db = open_db(self.path, migrate=False)
        lease = Lease(db, make_engine(db))
        with self._lock:
            self._all.append(lease)
        return lease

    @contextlib.contextmanager
    def lease(self) -> Iterator[Lease]:
        """Borrow a connection for the current thread's job (sqlite3.ProgrammingError once the
        pool is closed: the app is exiting)."""
        if self._closed:
            raise sqlite3.ProgrammingError("the app is closing: no database connection lent")
        try:
            lease = self._free.get_nowait()
        except queue.Empty:
            lease = self._open()
        try:
            yield lease
        finally:
            with self._lock:
                closed = self._closed
                if not closed:
                    self._free.put(lease)
            if closed:  # closed while lent: closed now that this thread is done with it
                with contextlib.suppress(Exception):
                    lease.db.close()

    def close(self) -> None:
        """Close the free connections now and each lent one when it is given back."""
        with self._lock:
            self._closed = True
            while True:
                try:
                    lease = self._free.get_nowait()
                except queue.Empty:
                    break
                with contextlib.suppress(Exception):
                    lease.db.close()
            self._all.clear()
