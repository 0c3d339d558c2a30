"""What the result list shows for a source: a search, a type, a tag or an entity's people."""

from __future__ import annotations

import sqlite_utils

from db import browse

SEARCH_LIMIT = 50
TYPE_LABELS = {"person": "People", "organization": "Organizations", "initiative": "Initiatives"}


def fetch(db: sqlite_utils.Database, engine, source: tuple, offset: int = 0) -> tuple[list, int, str]:
    """(rows, total, caption) for `source`, one page from `offset`.

    Sources: ("search", query), ("type", entity_type), ("tag", tag or None),
    ("related", entity_type, entity_id, name): an organization's people or an initiative's members,
    the entity itself first.
    """
    kind = source[0]
    if kind == "search":
        hits = engine.search(source[1], limit=SEARCH_LIMIT)
        rows = browse.describe(db, [(h.type, h.id) for h in hits])
        query = source[1].strip()
        if not rows:
            return rows, 0, f"No match for “{query}”"
        return rows, len(rows), f"{len(rows)} best match{'' if len(rows) == 1 else 'es'} for “{query}”"
    if kind == "type":
        rows = browse.list_entities(db, source[1], offset, browse.PAGE_SIZE)
        total = browse.count_entities(db, source[1])
        return rows, total, _paged(TYPE_LABELS[source[1]], offset, len(rows), total)
    if kind == "tag":
        rows = browse.entities_with_tag(db, source[1], offset, browse.PAGE_SIZE)
        total = browse.count_with_tag(db, source[1])
        label = f"Tag “{source[1]}”" if source[1] is not None else "Tagged"
        return rows, total, _paged(label, offset, len(rows), total)
    if kind == "related":
        _, etype, eid, name = source
        rows = browse.related_people(db, etype, eid, offset, browse.PAGE_SIZE)
        if offset == 0:  # the organization or initiative itself heads its list
            rows = browse.describe(db, [(etype, eid)]) + rows
        total = browse.count_related(db, etype, eid)
        label = f"{'People at' if etype == 'organization' else 'Members of'} {name}"
        return rows, total, _paged(label, offset, len(rows), total)
    raise ValueError(f"unknown list source {source!r}")


def _paged(label: str, offset: int, shown: int, total: int) -> str:
    if total <= shown and offset == 0:
        return f"{label} ({total:,})"
    return f"{label}: {offset + 1:,}–{offset + shown:,} of {total:,}  ([ ] pages)"
