"""Fuzzy search over people, organizations and initiatives.

OWNER: search helper. This placeholder keeps the interface other modules rely on.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from db.textnorm import fold

ENTITY_TYPES = ("person", "organization", "initiative")
_TABLES = {"person": "people", "organization": "organizations", "initiative": "initiatives"}


@dataclass(frozen=True)
class SearchHit:
    """One ranked result."""

    type: str  # "person", "organization" or "initiative"
    id: int
    name: str
    score: float  # 0-100, higher is better
    detail: str = ""  # a person's title / main organization; an acronym; ...


def search(
    db: sqlite_utils.Database, query: str, *, limit: int = 20, types: tuple[str, ...] | None = None
) -> list[SearchHit]:
    """Best matches for `query`, best first. An empty query returns []."""
    q = fold(query)
    if not q:
        return []
    hits: list[SearchHit] = []
    for etype in types or ENTITY_TYPES:
        rows = db.execute(
            f"SELECT id, name FROM {_TABLES[etype]} WHERE name_key LIKE ? LIMIT ?",
            [f"%{q}%", limit],
        ).fetchall()
        hits += [SearchHit(etype, r[0], r[1], 100.0) for r in rows]
    return hits[:limit]
