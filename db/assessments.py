"""Influence, interest and stance: dated assessments of people and organizations, and the
power/interest grid drawn from them.

Every assessment is a new row: the latest (by `assessed_at`, then `id`) is the current one and
the earlier ones are its history. Nothing here is touched by re-imports.

Quadrants (the classic power/interest matrix) use a threshold of 3 on the 1-5 scales:
influence >= 3 is high influence, interest >= 3 is high interest, so 3 counts as high.
"""

from __future__ import annotations

from datetime import datetime, timezone

import sqlite_utils

from db.connection import write_transaction
from db.textnorm import strip_control

STANCES = ("supportive", "neutral", "opposed", "unknown")
ASSESSABLE = {"person": "people", "organization": "organizations"}
HIGH = 3  # influence or interest at or above this is "high"

MANAGE_CLOSELY = "manage closely"
KEEP_SATISFIED = "keep satisfied"
KEEP_INFORMED = "keep informed"
MONITOR = "monitor"
QUADRANTS = (MANAGE_CLOSELY, KEEP_SATISFIED, KEEP_INFORMED, MONITOR)


class AnalysisError(ValueError):
    """Invalid analysis input (a score out of range, an unknown stance or kind, a bad date,
    a missing entity); the message is one line for the user."""


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def check_entity(db: sqlite_utils.Database, entity_type: str, entity_id: int) -> None:
    """Raise AnalysisError unless the person or organization exists."""
    table = ASSESSABLE.get(entity_type)
    if table is None:
        raise AnalysisError(f"only people and organizations can be assessed, not '{entity_type}'")
    if db.execute(f"SELECT 1 FROM {table} WHERE id = ?", [entity_id]).fetchone() is None:
        raise AnalysisError(f"no {entity_type} with id {entity_id}")


def _score(name: str, value) -> int:
    try:
        score = int(value)
    except (TypeError, ValueError):
        raise AnalysisError(f"{name} must be a whole number from 1 to 5, not '{value}'") from None
    if not 1 <= score <= 5 or str(value).strip() not in (str(score), f"{score}.0"):
        raise AnalysisError(f"{name} must be a whole number from 1 to 5, not '{value}'")
    return score


def quadrant(influence: int, interest: int) -> str:
    """The power/interest quadrant of a pair of 1-5 scores (HIGH = 3 and above is high):
    manage closely (high/high), keep satisfied (high influence, low interest),
    keep informed (low influence, high interest), monitor (low/low)."""
    high_influence, high_interest = influence >= HIGH, interest >= HIGH
    if high_influence:
        return MANAGE_CLOSELY if high_interest else KEEP_SATISFIED
    return KEEP_INFORMED if high_interest else MONITOR


def assess(
    db: sqlite_utils.Database,
    entity_type: str,
    entity_id: int,
    *,
    influence: int | None = None,
    interest: int | None = None,
    stance: str | None = None,
    note: str | None = None,
    assessed_at: str | None = None,
) -> dict:
    """Record a new dated assessment and return it (as `current_assessment` would).

    A score or stance left out is carried over from the current assessment; the first
    assessment needs both scores, and its stance defaults to "unknown".
    """
    if stance is not None:
        stance = stance.strip().lower()
        if stance not in STANCES:
            raise AnalysisError(f"stance must be one of {', '.join(STANCES)}, not '{stance}'")
    note = " ".join(strip_control(note or "").split()) or None
    with write_transaction(db):
        check_entity(db, entity_type, entity_id)
        current = current_assessment(db, entity_type, entity_id) or {}
        influence = current.get("influence") if influence is None else influence
        interest = current.get("interest") if interest is None else interest
        if influence is None or interest is None:
            raise AnalysisError("a first assessment needs both influence and interest (1-5)")
        cursor = db.execute(
            "INSERT INTO assessments (entity_type, entity_id, influence, interest, stance, assessed_at, note)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                entity_type,
                entity_id,
                _score("influence", influence),
                _score("interest", interest),
                stance or current.get("stance") or "unknown",
                assessed_at or _now(),
                note,
            ],
        )
        row_id = cursor.lastrowid
    return _with_quadrant(dict_rows(db, "SELECT * FROM assessments WHERE id = ?", [row_id])[0])


def dict_rows(db: sqlite_utils.Database, sql: str, params: list) -> list[dict]:
    """The rows of a query as dicts keyed by column name."""
    cursor = db.execute(sql, params)
    cols = [c[0] for c in cursor.description]
    return [dict(zip(cols, row)) for row in cursor.fetchall()]


def _with_quadrant(row: dict) -> dict:
    row["quadrant"] = quadrant(row["influence"], row["interest"])
    return row


def assessment_history(db: sqlite_utils.Database, entity_type: str, entity_id: int) -> list[dict]:
    """Every assessment of the entity, newest first, each with its `quadrant`."""
    rows = dict_rows(
        db,
        "SELECT * FROM assessments WHERE entity_type = ? AND entity_id = ? ORDER BY assessed_at DESC, id DESC",
        [entity_type, entity_id],
    )
    return [_with_quadrant(r) for r in rows]


def current_assessment(db: sqlite_utils.Database, entity_type: str, entity_id: int) -> dict | None:
    """The latest assessment of the entity (with its `quadrant`), or None."""
    rows = dict_rows(
        db,
        "SELECT * FROM assessments WHERE entity_type = ? AND entity_id = ?"
        " ORDER BY assessed_at DESC, id DESC LIMIT 1",
        [entity_type, entity_id],
    )
    return _with_quadrant(rows[0]) if rows else None


# The latest assessment of each person: the row no later row of the same person beats.
_LATEST_ASSESSMENTS = (
    "SELECT a.* FROM assessments a WHERE a.entity_type = '{etype}' AND NOT EXISTS ("
    " SELECT 1 FROM assessments b WHERE b.entity_type = '{etype}' AND b.entity_id = a.entity_id"
    " AND (b.assessed_at > a.assessed_at OR (b.assessed_at = a.assessed_at AND b.id > a.id)))"
)
_LATEST_PERSON_ASSESSMENTS = _LATEST_ASSESSMENTS.format(etype="person")
_GRID_SQL = {
    "person": (
        "SELECT 'person' AS entity_type, p.id AS entity_id, p.id AS person_id, p.name, p.title,"
        " la.influence, la.interest, la.stance, la.assessed_at"
        f" FROM ({_LATEST_PERSON_ASSESSMENTS}) la JOIN people p ON p.id = la.entity_id",
        "p.id IN (SELECT entity_id FROM tags WHERE entity_type = 'person' AND tag = ?)",
        "p.id IN (SELECT person_id FROM memberships WHERE initiative_id = ?)",
    ),
    "organization": (
        "SELECT 'organization' AS entity_type, o.id AS entity_id, NULL AS person_id, o.name, o.acronym AS title,"
        " la.influence, la.interest, la.stance, la.assessed_at"
        f" FROM ({_LATEST_ASSESSMENTS.format(etype='organization')}) la JOIN organizations o ON o.id = la.entity_id",
        "o.id IN (SELECT entity_id FROM tags WHERE entity_type = 'organization' AND tag = ?)",
        "(o.id IN (SELECT organization_id FROM initiative_organizations WHERE initiative_id = ?)"
        " OR o.id IN (SELECT organization_id FROM initiative_organization_links WHERE initiative_id = ?))",
    ),
}


def grid(
    db: sqlite_utils.Database, tag: str | None = None, initiative_id: int | None = None,
    include_organizations: bool = False,
) -> dict[str, list[dict]]:
    """The power/interest grid: every assessed person (and organization, with
    `include_organizations`) placed by the current assessment.

    Returns `{quadrant: [{"entity_type", "entity_id", "person_id" (None for an organization),
    "name", "title" (an organization's acronym), "influence", "interest", "stance",
    "assessed_at"}]}` for the four QUADRANTS (always present, maybe empty), each list by
    influence + interest (highest first), then name. `tag` keeps those carrying that tag,
    `initiative_id` members of that initiative (organizations: partners or employers of
    members); both combine (AND).
    """
    types = ("person", "organization") if include_organizations else ("person",)
    selects, params = [], []
    for etype in types:
        sql, tag_where, initiative_where = _GRID_SQL[etype]
        where = []
        if tag:
            from db.annotations import normalize_tag

            where.append(tag_where)
            params.append(normalize_tag(tag))
        if initiative_id is not None:
            where.append(initiative_where)
            params += [initiative_id] * initiative_where.count("?")
        selects.append(sql + (" WHERE " + " AND ".join(where) if where else ""))
    sql = ("SELECT * FROM (" + " UNION ALL ".join(selects) + ")"
           " ORDER BY influence + interest DESC, name, entity_type DESC, entity_id")
    placed: dict[str, list[dict]] = {q: [] for q in QUADRANTS}
    for row in dict_rows(db, sql, params):
        placed[quadrant(row["influence"], row["interest"])].append(row)
    return placed

