"""Resolving a name typed by the user to exactly one entity, or saying why not.

Used by the CLI's `note`, `tag`, `untag` and `export --initiative/--organization`:
an exact key (name, alias or acronym) wins outright; otherwise the fuzzy search
(`db.search.search`) ranks candidates and the name is taken only when one of them
clearly leads. When several match about equally, nothing is picked: the caller
lists the candidates and asks for `--id`.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from db.textnorm import compact_key, fold

ENTITY_TYPES = ("person", "organization", "initiative")
TABLE_OF = {"person": "people", "organization": "organizations", "initiative": "initiatives"}
# Candidates whose fuzzy score is within this many points of the best are "about equal".
AMBIGUITY_MARGIN = 5.0
# A lone fuzzy match scoring below this is only offered as a candidate, never taken.
MIN_SCORE = 60.0
CANDIDATE_LIMIT = 10


@dataclass(frozen=True)
class Candidate:
    """One entity a name may refer to."""

    type: str
    id: int
    name: str
    detail: str = ""
    score: float = 100.0


@dataclass(frozen=True)
class Resolved:
    """The name refers to exactly this entity."""

    entity: Candidate

    @property
    def type(self) -> str:
        """The entity type."""
        return self.entity.type

    @property
    def id(self) -> int:
        """The entity id."""
        return self.entity.id

    @property
    def name(self) -> str:
        """The entity's stored name."""
        return self.entity.name


@dataclass(frozen=True)
class Ambiguous:
    """Several entities match about equally; nothing should be written."""

    query: str
    candidates: tuple[Candidate, ...]
    weak: bool = False  # True when the only candidates match too loosely to be taken


@dataclass(frozen=True)
class NotFound:
    """Nothing matches."""

    query: str


Resolution = Resolved | Ambiguous | NotFound


def _detail(db: sqlite_utils.Database, etype: str, eid: int) -> str:
    """A short description: a person's title and main organization; an acronym; a kind."""
    if etype == "person":
        row = db.execute(
            "SELECT p.title, (SELECT o.name FROM affiliations a JOIN organizations o ON o.id = a.organization_id"
            " WHERE a.person_id = p.id ORDER BY a.rowid LIMIT 1) FROM people p WHERE p.id = ?",
            [eid],
        ).fetchone()
    elif etype == "organization":
        row = db.execute("SELECT acronym FROM organizations WHERE id = ?", [eid]).fetchone()
    else:
        row = db.execute("SELECT acronym, kind FROM initiatives WHERE id = ?", [eid]).fetchone()
    return ", ".join(v for v in (row or ()) if v)


def exact_matches(
    db: sqlite_utils.Database, name: str, *, types: tuple[str, ...] | None = None
) -> list[Candidate]:
    """Entities whose name, alias or acronym equals `name` once accents, case and punctuation
    are folded (`bpi` = `BPI`, `U.S. Chamber` = `US Chamber`), by type then id."""
    key, ckey = fold(name), compact_key(name)
    if not key:
        return []
    found: dict[tuple[str, int], str] = {}
    for etype in types or ENTITY_TYPES:
        table = TABLE_OF[etype]
        acronym = " OR acronym = ? COLLATE NOCASE" if etype != "person" else ""
        params = [key, ckey] + ([name.strip().replace(".", "")] if acronym else [])
        rows = db.execute(
            f"SELECT id, name FROM {table} WHERE name_key IN (?, ?){acronym}"
            f" UNION SELECT t.id, t.name FROM aliases a JOIN {table} t ON t.id = a.entity_id"
            f" WHERE a.entity_type = ? AND a.alias_key IN (?, ?)",
            params + [etype, ckey, key],
        ).fetchall()
        for eid, ename in sorted(rows):
            found[(etype, eid)] = ename
    return [Candidate(t, i, n, _detail(db, t, i)) for (t, i), n in found.items()]


def entity_by_id(db: sqlite_utils.Database, entity_type: str, entity_id: int) -> Resolved | NotFound:
    """The entity with this type and id (`--id`), or NotFound."""
    if entity_type not in TABLE_OF:
        return NotFound(f"{entity_type} #{entity_id}")
    row = db.execute(f"SELECT name FROM {TABLE_OF[entity_type]} WHERE id = ?", [entity_id]).fetchone()
    if row is None:
        return NotFound(f"{entity_type} #{entity_id}")
    return Resolved(Candidate(entity_type, entity_id, row[0], _detail(db, entity_type, entity_id)))


def resolve_entity(
    db: sqlite_utils.Database,
    name: str,
    *,
    types: tuple[str, ...] | None = None,
    margin: float = AMBIGUITY_MARGIN,
) -> Resolution:
    """Resolve a typed name to one entity.

    1. Exact matches on the folded name, an alias or an acronym: one -> Resolved, several ->
       Ambiguous (two people called the same are never guessed between).
    2. Otherwise the fuzzy search: the best hit is taken only if no other hit scores within
       `margin` points of it; else Ambiguous with the close candidates (best first).
       A best score under MIN_SCORE is never taken: Ambiguous(weak=True).
    """
    if not fold(name):
        return NotFound(name)
    exact = exact_matches(db, name, types=types)
    if len(exact) == 1:
        return Resolved(exact[0])
    if exact:
        return Ambiguous(name, tuple(exact[:CANDIDATE_LIMIT]))
    from db.search import search

    hits = search(db, name, limit=CANDIDATE_LIMIT, types=tuple(types) if types else None)
    if not hits:
        return NotFound(name)
    best = hits[0].score
    close = [h for h in hits if h.score >= best - margin]
    candidates = tuple(
        Candidate(h.type, h.id, h.name, h.detail or _detail(db, h.type, h.id), h.score) for h in close
    )
    if best < MIN_SCORE:
        return Ambiguous(name, candidates, weak=True)
    if len(candidates) == 1:
        return Resolved(candidates[0])
    return Ambiguous(name, candidates)
