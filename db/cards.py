"""Everything the directory knows about one entity, as plain dicts for the CLI and the app."""

from __future__ import annotations

import sqlite_utils

TABLE_OF = {"person": "people", "organization": "organizations", "initiative": "initiatives"}


def _rows(db: sqlite_utils.Database, sql: str, params: list) -> list[dict]:
    cursor = db.execute(sql, params)
    cols = [c[0] for c in cursor.description]
    return [dict(zip(cols, row)) for row in cursor.fetchall()]


def entity_row(db: sqlite_utils.Database, entity_type: str, entity_id: int) -> dict | None:
    """The entity's own row, or None."""
    rows = _rows(db, f"SELECT * FROM {TABLE_OF[entity_type]} WHERE id = ?", [entity_id])
    return rows[0] if rows else None


def annotations(db: sqlite_utils.Database, entity_type: str, entity_id: int) -> dict:
    """Aliases, tags, notes (newest first) and sources: document_id, document (file name),
    title and date of the document, and the quoted sentence."""
    aliases = [
        r["alias"]
        for r in _rows(
            db,
            "SELECT alias FROM aliases WHERE entity_type = ? AND entity_id = ? ORDER BY alias",
            [entity_type, entity_id],
        )
    ]
    tags = [
        r["tag"]
        for r in _rows(
            db,
            "SELECT tag FROM tags WHERE entity_type = ? AND entity_id = ? ORDER BY tag",
            [entity_type, entity_id],
        )
    ]
    notes = _rows(
        db,
        "SELECT id, body, created_at, updated_at FROM notes WHERE entity_type = ? AND entity_id = ?"
        " ORDER BY created_at DESC, id DESC",
        [entity_type, entity_id],
    )
    sources = _rows(
        db,
        "SELECT DISTINCT d.id AS document_id, d.name AS document, COALESCE(d.title, d.name) AS title, d.date,"
        " COALESCE(m.sentence, m.text) AS sentence FROM mentions m JOIN documents d ON d.id = m.document_id"
        " WHERE m.entity_type = ? AND m.entity_id = ? ORDER BY d.id, m.start",
        [entity_type, entity_id],
    )
    return {"aliases": aliases, "tags": tags, "notes": notes, "sources": sources}


def source_label(source: dict) -> str:
    """How a card names a source document: `Title (2025-03-04)`."""
    return f"{source['title']} ({source['date']})" if source.get("date") else source["title"]


def person_card(db: sqlite_utils.Database, person_id: int) -> dict | None:
    """A person with affiliations, memberships, annotations and sources."""
    person = entity_row(db, "person", person_id)
    if person is None:
        return None
    person["type"] = "person"
    person["affiliations"] = _rows(
        db,
        "SELECT o.id AS organization_id, o.name AS organization, a.title FROM affiliations a"
        " JOIN organizations o ON o.id = a.organization_id WHERE a.person_id = ? ORDER BY o.name",
        [person_id],
    )
    person["memberships"] = _rows(
        db,
        "SELECT i.id AS initiative_id, i.name AS initiative, m.role FROM memberships m"
        " JOIN initiatives i ON i.id = m.initiative_id WHERE m.person_id = ? ORDER BY i.name",
        [person_id],
    )
    person.update(annotations(db, "person", person_id))
    return person


def organization_card(db: sqlite_utils.Database, organization_id: int) -> dict | None:
    """An organization with its people and initiatives."""
    org = entity_row(db, "organization", organization_id)
    if org is None:
        return None
    org["type"] = "organization"
    org["people"] = _rows(
        db,
        "SELECT p.id AS person_id, p.name, a.title FROM affiliations a"
        " JOIN people p ON p.id = a.person_id WHERE a.organization_id = ? ORDER BY p.name",
        [organization_id],
    )
    org["initiatives"] = _rows(
        db,
        "SELECT i.id AS initiative_id, i.name AS initiative, io.role FROM initiative_organizations io"
        " JOIN initiatives i ON i.id = io.initiative_id WHERE io.organization_id = ?"
        " UNION SELECT DISTINCT i.id, i.name, NULL FROM memberships m"
        " JOIN affiliations a ON a.person_id = m.person_id JOIN initiatives i ON i.id = m.initiative_id"
        " WHERE a.organization_id = ? AND i.id NOT IN"
        " (SELECT initiative_id FROM initiative_organizations WHERE organization_id = ?)"
        " ORDER BY 2",
        [organization_id, organization_id, organization_id],
    )
    org.update(annotations(db, "organization", organization_id))
    return org


def initiative_card(db: sqlite_utils.Database, initiative_id: int) -> dict | None:
    """An initiative with its members (role, main organization) and partner organizations."""
    ini = entity_row(db, "initiative", initiative_id)
    if ini is None:
        return None
    ini["type"] = "initiative"
    ini["members"] = _rows(
        db,
        "SELECT p.id AS person_id, p.name, m.role,"
        " (SELECT o.name FROM affiliations a JOIN organizations o ON o.id = a.organization_id"
        "  WHERE a.person_id = p.id ORDER BY a.rowid LIMIT 1) AS organization"
        " FROM memberships m JOIN people p ON p.id = m.person_id"
        " WHERE m.initiative_id = ? ORDER BY m.rowid",
        [initiative_id],
    )
    ini["organizations"] = _rows(
        db,
        "SELECT o.id AS organization_id, o.name AS organization, io.role FROM initiative_organizations io"
        " JOIN organizations o ON o.id = io.organization_id WHERE io.initiative_id = ? ORDER BY o.name",
        [initiative_id],
    )
    ini.update(annotations(db, "initiative", initiative_id))
    return ini


def entity_card(db: sqlite_utils.Database, entity_type: str, entity_id: int) -> dict | None:
    """The card of any entity type."""
    return {
        "person": person_card,
        "organization": organization_card,
        "initiative": initiative_card,
    }[entity_type](db, entity_id)
