"""Counts shown by `stakeholders stats` and the app's browse pane."""

from __future__ import annotations

import sqlite_utils

COUNTED_TABLES = ("people", "organizations", "initiatives", "documents", "notes")


def directory_counts(db: sqlite_utils.Database) -> dict[str, int]:
    """Row counts of people, organizations, initiatives, documents, notes and distinct tags."""
    counts = {t: db.execute(f"SELECT COUNT(*) FROM [{t}]").fetchone()[0] for t in COUNTED_TABLES}
    counts["tags"] = db.execute("SELECT COUNT(DISTINCT tag) FROM tags").fetchone()[0]
    return counts
