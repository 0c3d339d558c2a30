"""Shared fixtures: temporary databases, with or without the seeds."""

from __future__ import annotations

import pytest

from db import open_db


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch, tmp_path):
    """Never touch the user's real database from a test."""
    monkeypatch.setenv("STAKEHOLDERS_DB", str(tmp_path / "default.db"))
    monkeypatch.setenv("STAKEHOLDERS_SETTINGS", str(tmp_path / "settings.json"))
    monkeypatch.delenv("STAKEHOLDERS_NO_SEEDS", raising=False)


@pytest.fixture
def empty_db(tmp_path):
    """A migrated, empty database on disk."""
    db = open_db(tmp_path / "empty.db")
    yield db
    db.close()


@pytest.fixture(scope="session")
def seeded_db_path(tmp_path_factory):
    """Path of a database with the seeds imported (built once per session; copy before writing)."""
    from db.seeding import seed_if_new

    path = tmp_path_factory.mktemp("seeded") / "seeded.db"
    db = open_db(path)
    seed_if_new(db)
    db.close()
    return path


@pytest.fixture
def seeded_db(seeded_db_path, tmp_path):
    """A private writable copy of the seeded database."""
    import shutil

    path = tmp_path / "seeded.db"
    shutil.copy(seeded_db_path, path)
    db = open_db(path)
    yield db
    db.close()
