"""Database connections for the app's worker threads.

A sqlite-utils Database must never be used by two threads at once, so each worker borrows a
connection (with its own warm search engine) for the length of its job and gives it back;
a connection is opened only when every existing one is in use.
"""

from __future__ import annotations

import contextlib
import queue
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

    def _open(self) -> Lease:
        db = open_db(self.path, migrate=False)
        lease = Lease(db, make_engine(db))
        with self._lock:
            self._all.append(lease)
        return lease

    @contextlib.contextmanager
    def lease(self) -> Iterator[Lease]:
        """Borrow a connection for the current thread's job."""
        try:
            lease = self._free.get_nowait()
        except queue.Empty:
            lease = self._open()
        try:
            yield lease
        finally:
            self._free.put(lease)

    def close(self) -> None:
        """Close every connection (call when no worker runs any more)."""
        with self._lock:
            for lease in self._all:
                with contextlib.suppress(Exception):
                    lease.db.close()
            self._all.clear()
