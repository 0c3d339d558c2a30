"""Slow word sets (the package given names and places) are kept on disk: the same words read
back, a damaged or foreign file never trusted, an unwritable folder never an error."""

from __future__ import annotations

import pytest

from db import word_cache
from db.extract import vocabulary as V
from db.word_cache import words_cached_on_disk


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("STAKEHOLDERS_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("STAKEHOLDERS_NO_WORD_CACHE", raising=False)
    return tmp_path / "cache"


def _counting(words):
    calls = []

    @words_cached_on_disk("testwords")
    def build():
        calls.append(1)
        return frozenset(words)

    return build, calls


def test_built_once_then_read_back_the_same(cache):
    build, calls = _counting({"ana", "jose luis", "", "zoë"})
    assert build() == {"ana", "jose luis", "", "zoë"}
    assert build() == {"ana", "jose luis", "", "zoë"}
    assert calls == [1]
    assert len(list(cache.glob("testwords-*.txt"))) == 1


def test_a_cut_short_or_foreign_file_is_rebuilt(cache):
    build, calls = _counting({"ana", "berta"})
    build()
    (path,) = cache.glob("testwords-*.txt")
    path.write_text("ana\nberta\nmallory\n", encoding="utf-8")  # no end marker
    assert build() == {"ana", "berta"}
    path.write_bytes(b"\xff\xfe\x00garbage")
    assert build() == {"ana", "berta"}
    assert len(calls) == 3
    assert path.read_text(encoding="utf-8") == "ana\nberta\n.\n"


def test_unwritable_cache_folder_still_gives_the_words(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("STAKEHOLDERS_CACHE_DIR", str(blocker / "cache"))
    build, calls = _counting({"ana"})
    assert build() == {"ana"} and build() == {"ana"}
    assert len(calls) == 2
    assert not list(tmp_path.glob("**/.testwords-*"))


def test_a_new_version_keeps_a_recent_other_file_and_removes_a_stale_one(cache, monkeypatch):
    """Two installs side by side each keep their set (they deleted each other's at every run);
    a set no version has read for a month is removed when another is written."""
    import os
    import time

    build, calls = _counting({"ana"})
    build()
    monkeypatch.setattr(word_cache, "_digest", lambda fn, packages: "other")
    build()
    assert sorted(p.name for p in cache.glob("testwords-*.txt")) != ["testwords-other.txt"]
    assert len(list(cache.glob("testwords-*.txt"))) == 2
    monkeypatch.undo()
    monkeypatch.setenv("STAKEHOLDERS_CACHE_DIR", str(cache))
    build()
    assert len(calls) == 2  # the first version's set was still there: read, not rebuilt
    month_ago = time.time() - word_cache.STALE_AFTER_S - 60
    for path in cache.glob("testwords-*.txt"):
        if path.name != "testwords-other.txt":
            os.utime(path, (month_ago, month_ago))
    monkeypatch.setattr(word_cache, "_digest", lambda fn, packages: "third")
    build()
    assert sorted(p.name for p in cache.glob("testwords-*.txt")) == ["testwords-other.txt", "testwords-third.txt"]


def test_empty_sets_are_not_stored(cache):
    build, calls = _counting(set())
    build(), build()
    assert len(calls) == 2 and not cache.exists()


def test_package_vocabularies_read_back_equal_to_built(cache):
    for fn in (V.package_given_names, V.package_places):
        disk = fn.__wrapped__  # under the in-process lru_cache
        built = disk.uncached()
        assert built and disk() == built and disk() == built
    assert {p.name.split("-")[0] for p in cache.glob("*.txt")} == {"given", "places"}
