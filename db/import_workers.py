"""Reading and extracting documents in worker processes while this process writes them.

Extraction (`db.extract.extract`) is about two thirds of an import's time and reads no
database; resolving and writing is most of the rest and must stay in one process, in order.
`ImportAhead` overlaps the two: worker processes read and extract the next documents while
this process resolves and writes the current one, with `db.importer.import_text`, in the
order given and one transaction per document, so the database written is the same as a
sequential import's (same rows, ids and order).

    workers = import_workers(len(paths))
    with ImportAhead(db, paths, workers) as ahead:
        for path in paths:
            result = ahead.import_document(db, path)   # = db.importer.import_document(db, path)

How many workers: `import_workers` (`STAKEHOLDERS_IMPORT_WORKERS`, else one per usable CPU up
to MAX_AUTO_WORKERS, none for fewer than MIN_DOCUMENTS documents or on one CPU). With no
workers `ImportAhead.import_document` is `import_document`.

What can go wrong, and what happens:

- a document that cannot be read: its one-line error, as `import_document` gives;
- an exception inside extraction: raised by `import_document` at that document's turn, as a
  sequential import raises it (the documents before it are written, none after);
- ctrl+c: `KeyboardInterrupt` reaches the caller as usual; the workers ignore SIGINT (the
  terminal sends it to them too) and are stopped when the `with` block is left;
- this process killed (SIGKILL): each worker checks every PARENT_CHECK_S that its parent is
  still there and exits when it is not; workers never write, so the database holds the
  documents this process committed, each whole;
- a worker that dies (killed, out of memory): the rest is read and extracted in this process
  (`broken` says why), nothing is lost or written twice.

At most `window` documents (IN_FLIGHT_PER_WORKER a worker) are read ahead, so memory stays
bounded whatever the number of documents. A document whose text is already imported costs a
read and a hash: the workers are given the hashes of the documents already in the database
and do not extract those (the write path checks again, so a document imported meanwhile by
another process is still not imported twice).

Linux workers are forked (they share the loaded vocabularies); elsewhere they are spawned.
"""

from __future__ import annotations

import collections
import contextlib
import multiprocessing
import os
import signal
import sys
import threading
import time
from concurrent.futures import CancelledError, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Mapping

import sqlite_utils

from db.importer import ImportResult, import_document, import_text, text_sha256
from db.formats.readers import DocumentError, display_path, read_document

WORKERS_ENV = "STAKEHOLDERS_IMPORT_WORKERS"
MIN_DOCUMENTS = 4  # fewer documents: starting workers saves nothing worth having
MAX_AUTO_WORKERS = 4  # one process writes: beyond a few extracting workers it is the bottleneck
IN_FLIGHT_PER_WORKER = 4  # documents read ahead per worker (absorbs documents of uneven size)
PARENT_CHECK_S = 0.2  # how often a worker checks that the importing process is still there
STOP_TIMEOUT_S = 5.0  # a worker not gone this long after SIGTERM is killed


class ImportWorkersError(ValueError):
    """`STAKEHOLDERS_IMPORT_WORKERS` holds something other than a count; one line for the user."""


def usable_cpus() -> int:
    """How many CPUs this process may run on (its affinity where the platform says, else all)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def import_workers(documents: int, environ: Mapping[str, str] | None = None) -> int:
    """How many worker processes an import of `documents` documents should use; 0 = none.

    `STAKEHOLDERS_IMPORT_WORKERS` decides when set: 0 (or 1 ... N) forces that many, whatever
    the number of documents or CPUs; `auto` or empty is the default. The default is one worker
    per usable CPU, at most MAX_AUTO_WORKERS, and none for fewer than MIN_DOCUMENTS documents
    or on a single CPU, where workers cost more than they save. Raises ImportWorkersError for
    any other value."""
    value = (os.environ if environ is None else environ).get(WORKERS_ENV, "").strip()
    if value and value.lower() != "auto":
        if not value.isdigit():
            raise ImportWorkersError(
                f"{WORKERS_ENV} must be a number of worker processes (0 for none) or 'auto', not {value!r}"
            )
        return min(int(value), 64)
    cpus = usable_cpus()
    if documents < MIN_DOCUMENTS or cpus < 2:
        return 0
    return min(cpus, MAX_AUTO_WORKERS)


@dataclass
class _Read:
    """What a worker sends back for one path: the text and its extraction (None when the text
    is already imported), or the one-line reason it could not be read."""

    fmt: str = ""
    text: str = ""
    found: object = None
    error: str | None = None


_known: frozenset[str] = frozenset()  # in a worker: hashes of the texts already imported


def _start_worker(parent: int, known: frozenset[str]) -> None:
    """A worker's start: ignore ctrl+c (the importing process handles it and stops the
    workers), exit as soon as the importing process is gone, remember the imported hashes."""
    global _known
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):  # blocked by the parent while it started us
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    _known = known
    if os.getppid() != parent:  # the importing process died before we started
        os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(PARENT_CHECK_S)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _read_and_extract(path: Path) -> _Read:
    """In a worker: read the document at `path` and extract it (unless its text is imported)."""
    from db.extract import extract

    try:
        fmt, text = read_document(path)
    except DocumentError as exc:
        return _Read(error=str(exc))
    if text_sha256(text) in _known:
        return _Read(fmt, text)
    return _Read(fmt, text, extract(text))


@contextlib.contextmanager
def _sigint_blocked() -> Iterator[None]:
    """SIGINT held back while workers start (they inherit the mask): a ctrl+c then reaches
    this process once they are started, and none of them before it ignores SIGINT."""
    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _context():
    """Fork on Linux (workers start at once with the vocabularies loaded), spawn elsewhere."""
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


class ImportAhead:
    """Documents read and extracted ahead in worker processes; see the module's docstring.

    Use it as a context manager (leaving the block stops the workers, at once on an exception)
    and call `import_document(db, path)` for `paths` in their order; a path out of that order,
    or any path once the workers are gone, is imported in this process."""

    def __init__(
        self, db: sqlite_utils.Database, paths: Iterable[Path], workers: int, *,
        window: int | None = None, context=None,
    ) -> None:
        self.paths = [Path(p) for p in paths]
        self.workers = max(0, workers)
        self.window = max(1, window or IN_FLIGHT_PER_WORKER * self.workers)
        self.broken: str | None = None  # why the workers stopped before the end, when they did
        self._db = db
        self._context = context
        self._next = 0  # index in `paths` of the next document to hand to a worker
        self._ahead: collections.deque[tuple[Path, Future]] = collections.deque()
        self._executor: ProcessPoolExecutor | None = None

    def __enter__(self) -> ImportAhead:
        if self.workers and self.paths:
            try:
                self._start()
            except BaseException:  # ctrl+c while they start: no worker is left behind
                self.close(abort=True)
                raise
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        self.close(abort=exc_type is not None)

    def _start(self) -> None:
        import db.extract  # noqa: F401 - loaded once here, forked workers have it already

        known = frozenset(row[0] for row in self._db.execute("SELECT sha256 FROM documents"))
        self._executor = ProcessPoolExecutor(
            max_workers=min(self.workers, len(self.paths)),
            mp_context=self._context or _context(),
            initializer=_start_worker,
            initargs=(os.getpid(), known),
        )
        with _sigint_blocked():
            self._fill()  # the first submissions start the workers

    def _fill(self) -> None:
        """Hand documents to the workers until `window` are ahead of the writer."""
        while self._executor is not None and len(self._ahead) < self.window and self._next < len(self.paths):
            path = self.paths[self._next]
            try:
                future = self._executor.submit(_read_and_extract, path)
            except (BrokenProcessPool, RuntimeError) as exc:
                self._give_up(exc)
                return
            self._ahead.append((path, future))
            self._next += 1

    def import_document(self, db: sqlite_utils.Database, path: Path) -> ImportResult:
        """What `db.importer.import_document(db, path)` does, with the reading and extraction
        done ahead by a worker. Never raises for a bad document (status "error")."""
        path = Path(path)
        if not self._ahead or self._ahead[0][0] != path:
            return import_document(db, path)
        _, future = self._ahead.popleft()
        self._fill()  # keep the workers busy while this document is written
        try:
            read = future.result()
        except (BrokenProcessPool, CancelledError) as exc:  # cancelled: the pool broke meanwhile
            self._give_up(exc)
            return import_document(db, path)
        if read.error is not None:
            return ImportResult(path, "error", read.error)
        return import_text(
            db, read.text, name=display_path(path.name), path=display_path(path), fmt=read.fmt, found=read.found
        )

    @property
    def in_flight(self) -> int:
        """How many documents are handed to the workers and not yet taken by `import_document`."""
        return len(self._ahead)

    def _give_up(self, exc: BaseException) -> None:
        """The workers are gone (one died): the rest is read and extracted in this process."""
        self.broken = self.broken or " ".join(str(exc).split()) or type(exc).__name__
        self._ahead.clear()
        self._stop(kill=True)

    def close(self, abort: bool = False) -> None:
        """Stop the workers: let them finish, or with `abort` (or documents still ahead)
        terminate them at once. Safe to call twice."""
        self._stop(kill=abort or bool(self._ahead))
        self._ahead.clear()

    def _stop(self, kill: bool) -> None:
        executor, self._executor = self._executor, None
        if executor is None:
            return
        if kill:
            # the executor has no public way to stop a busy worker before Python 3.14
            processes = list((getattr(executor, "_processes", None) or {}).values())
            for process in processes:
                with contextlib.suppress(Exception):
                    process.terminate()
            deadline = time.monotonic() + STOP_TIMEOUT_S
            for process in processes:
                with contextlib.suppress(Exception):
                    process.join(max(0.0, deadline - time.monotonic()))
                    if process.is_alive():
                        process.kill()
                        process.join(1.0)
        executor.shutdown(wait=True, cancel_futures=True)
