"""Word sets that are slow to build (parsing a package's name dictionary) kept on disk between runs.

A set is stored as a text file of one word per line under the user's cache folder
(`$STAKEHOLDERS_CACHE_DIR`, else `$XDG_CACHE_HOME/stakeholders`, else `~/.cache/stakeholders`),
named after a digest of everything the set depends on: the source of the module that builds it,
`db/textnorm.py` (the folding), the versions of the packages it reads and Python's version. Any
change to those gives a new file, so a stale set is never read. A missing, unreadable or
unwritable cache only means the set is built again, never an error.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import inspect
import os
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path
from typing import Callable

_DISABLE = "STAKEHOLDERS_NO_WORD_CACHE"
# Another version's set is removed only once it has not been read for this long: two installs
# side by side (a release and a checkout) would otherwise delete each other's file at every run
# and rebuild theirs (1-3 s a run).
STALE_AFTER_S = 30 * 24 * 3600


def cache_dir() -> Path:
    """The folder holding the cached word sets."""
    explicit = os.environ.get("STAKEHOLDERS_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "stakeholders"


def _digest(fn: Callable, packages: tuple[str, ...]) -> str:
    h = hashlib.sha256(sys.version.encode())
    for source in (inspect.getfile(fn), Path(__file__).with_name("textnorm.py")):
        h.update(Path(source).read_bytes())
    for package in packages:
        try:
            h.update(f"{package}=={metadata.version(package)}".encode())
        except metadata.PackageNotFoundError:
            h.update(f"{package} missing".encode())
    return h.hexdigest()[:20]


def _read(path: Path) -> frozenset[str] | None:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeError):
        return None
    if not text.endswith("\n.\n"):  # a file cut short (a full disk) is not trusted
        return None
    body = text[: -len(".\n")]
    return frozenset(body.split("\n")[:-1]) if body else frozenset()


def _write(path: Path, words: frozenset[str], name: str) -> None:
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{name}-")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write("".join(w + "\n" for w in sorted(words)) + ".\n")
        os.replace(tmp, path)
        stale = time.time() - STALE_AFTER_S
        for old in path.parent.glob(f"{name}-*.txt"):  # sets of other versions, unused for a month
            if old != path and old.stat().st_mtime < stale:
                old.unlink(missing_ok=True)
    except OSError:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def words_cached_on_disk(name: str, packages: tuple[str, ...] = ()) -> Callable:
    """Decorate a function returning a frozenset of words (without newlines) so that its result
    is read from the cache file when one matches, and written there otherwise. An empty result
    (a package missing) is never stored."""

    def decorate(fn: Callable[[], frozenset[str]]) -> Callable[[], frozenset[str]]:
        @functools.wraps(fn)
        def wrapper() -> frozenset[str]:
            if os.environ.get(_DISABLE):
                return fn()
            try:
                path = cache_dir() / f"{name}-{_digest(fn, packages)}.txt"
            except OSError:
                return fn()
            cached = _read(path)
            if cached is not None:
                with contextlib.suppress(OSError):
                    if path.stat().st_mtime < time.time() - STALE_AFTER_S / 2:
                        os.utime(path)  # still in use: not stale for another version's write
                return cached
            words = fn()
            if words and not any("\n" in w for w in words):
                _write(path, words, name)
            return words

        wrapper.uncached = fn
        return wrapper

    return decorate
