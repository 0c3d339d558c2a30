"""Paged listings for the app's browse pane and result list: never the whole directory at once."""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

TABLE_OF = {"person": "people", "organization": "organizations", "initiative": "initiatives"}
ENTITY_TYPES = tuple(TABLE_OF)
PAGE_SIZE = 200

# One SELECT per type giving the columns of a ListRow; {where} is filled in by the caller.
_ROW_SQL = {
    "person": (
        "SELECT 'person', p.id, p.name, COALESCE(p.title,"
        " (SELECT a.title FROM affiliations a WHERE a.person_id = p.id AND a.title IS NOT NULL"
        "  ORDER BY a.rowid LIMIT 1), ''),"
        " COALESCE((SELECT o.name FROM affiliations a JOIN organizations o ON o.id = a.organization_id"
        "  WHERE a.person_id = p.id ORDER BY a.rowid LIMIT 1), ''),"
        " COALESCE((SELECT group_concat(tag, ', ') FROM (SELECT tag FROM tags t"
        "  WHERE t.entity_type = 'person' AND t.entity_id = p.id ORDER BY tag)), '')"
        " FROM people p {where}"
    ),
    "organization": (
        "SELECT 'organization', o.id, o.name, COALESCE(o.acronym, ''),"
        " (SELECT CASE COUNT(*) WHEN 1 THEN '1 person' ELSE COUNT(*) || ' people' END"
        "  FROM affiliations a WHERE a.organization_id = o.id),"
        " COALESCE((SELECT group_concat(tag, ', ') FROM (SELECT tag FROM tags t"
        "  WHERE t.entity_type = 'organization' AND t.entity_id = o.id ORDER BY tag)), '')"
        " FROM organizations o {where}"
    ),
    "initiative": (
        "SELECT 'initiative', i.id, i.name, COALESCE(i.kind, i.acronym, ''),"
        " (SELECT CASE COUNT(*) WHEN 1 THEN '1 member' ELSE COUNT(*) || ' members' END"
        "  FROM memberships m WHERE m.initiative_id = i.id),"
        " COALESCE((SELECT group_concat(tag, ', ') FROM (SELECT tag FROM tags t"
        "  WHERE t.entity_type = 'initiative' AND t.entity_id = i.id ORDER BY tag)), '')"
        " FROM initiatives i {where}"
    ),
}
_ALIAS = {"person": "p", "organization": "o", "initiative": "i"}


@dataclass(frozen=True)
class ListRow:
    """One line of the result list: for a person the title and main organization;
    for an organization its acronym and head count; for an initiative its kind and member count."""

    type: str
    id: int
    name: str
    title: str = ""
    organization: str = ""
    tags: str = ""
    detail: str = ""  # e.g. the role of a member in an initiative's member list

    @property
    def key(self) -> str:
        """A stable key "type:id" (used as the DataTable row key)."""
        return f"{self.type}:{self.id}"


def _select(db: sqlite_utils.Database, entity_type: str, where: str, params: list) -> list[ListRow]:
    sql = _ROW_SQL[entity_type].format(where=where)
    return [ListRow(*row) for row in db.execute(sql, params).fetchall()]


def count_entities(db: sqlite_utils.Database, entity_type: str) -> int:
    """How many people / organizations / initiatives the directory holds."""
    return db.execute(f"SELECT COUNT(*) FROM {TABLE_OF[entity_type]}").fetchone()[0]


def list_entities(
    db: sqlite_utils.Database, entity_type: str, offset: int = 0, limit: int = PAGE_SIZE
) -> list[ListRow]:
    """One page of entities of a type, in name order (uses the name_key index)."""
    a = _ALIAS[entity_type]
    return _select(db, entity_type, f"ORDER BY {a}.name_key, {a}.id LIMIT ? OFFSET ?", [limit, offset])


def describe(db: sqlite_utils.Database, refs: list[tuple[str, int]]) -> list[ListRow]:
    """ListRows for (type, id) pairs (e.g. search hits), in the order given; unknown ids are skipped."""
    found: dict[tuple[str, int], ListRow] = {}
    for etype in ENTITY_TYPES:
        ids = [i for t, i in refs if t == etype]
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for row in _select(db, etype, f"WHERE {_ALIAS[etype]}.id IN ({marks})", chunk):
                found[(row.type, row.id)] = row
    return [found[ref] for ref in refs if ref in found]


def count_with_tag(db: sqlite_utils.Database, tag: str | None = None) -> int:
    """How many entities carry `tag` (any tag when None)."""
    if tag is None:
        return db.execute("SELECT COUNT(*) FROM (SELECT DISTINCT entity_type, entity_id FROM tags)").fetchone()[0]
    return db.execute("SELECT COUNT(*) FROM tags WHERE tag = ?", [tag]).fetchone()[0]


def entities_with_tag(
    db: sqlite_utils.Database, tag: str | None = None, offset: int = 0, limit: int = PAGE_SIZE
) -> list[ListRow]:
    """One page of the entities carrying `tag` (any tag when None), people first, by name."""
    where, params = ("WHERE tag = ?", [tag]) if tag is not None else ("", [])
    refs = db.execute(
        f"SELECT DISTINCT entity_type, entity_id FROM tags {where}"
        " ORDER BY CASE entity_type WHEN 'person' THEN 0 WHEN 'organization' THEN 1 ELSE 2 END, entity_id"
        " LIMIT ? OFFSET ?",
        [*params, limit, offset],
    ).fetchall()
    rows = describe(db, [(t, i) for t, i in refs])
    return sorted(rows, key=lambda r: (ENTITY_TYPES.index(r.type), r.name.casefold(), r.id))


def count_related(db: sqlite_utils.Database, entity_type: str, entity_id: int) -> int:
    """How many people `related_people` lists for an organization or an initiative."""
    table, column = _RELATION[entity_type]
    return db.execute(f"SELECT COUNT(*) FROM {table} WHERE {column} = ?", [entity_id]).fetchone()[0]


_RELATION = {"organization": ("affiliations", "organization_id"), "initiative": ("memberships", "initiative_id")}


def related_people(
    db: sqlite_utils.Database, entity_type: str, entity_id: int, offset: int = 0, limit: int = PAGE_SIZE
) -> list[ListRow]:
    """One page of an organization's people or an initiative's members (in the order recorded);
    a member's role goes in `detail`."""
    table, column = _RELATION[entity_type]
    role = "title" if entity_type == "organization" else "role"
    pairs = db.execute(
        f"SELECT person_id, {role} FROM {table} WHERE {column} = ? ORDER BY rowid LIMIT ? OFFSET ?",
        [entity_id, limit, offset],
    ).fetchall()
    rows = describe(db, [("person", pid) for pid, _ in pairs])
    roles = {pid: r or "" for pid, r in pairs}
    return [
        ListRow(r.type, r.id, r.name, roles[r.id] or r.title, r.organization, r.tags, roles[r.id])
        for r in rows
    ]
