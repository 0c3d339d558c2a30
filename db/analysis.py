"""Stakeholder analysis as seen from the rest of the directory (exports).

The pieces live in small modules: `db.connections` (shared initiatives/organizations, paths,
overlaps), `db.assessments` (influence, interest, stance, the grid) and `db.engagement`
(interactions and follow-ups).

Merges need nothing from here: `db.merge.merge_entities` moves every row keyed by
(entity_type, entity_id) (assessments) and every foreign key to people (interactions).
"""

from __future__ import annotations

import sqlite_utils

from db.assessments import current_assessment
from db.engagement import last_interaction_date


EXPORT_FIELDS = ("influence", "interest", "stance", "assessed_at", "last_interaction")


def export_fields(db: sqlite_utils.Database, person_id: int) -> dict[str, object]:
    """The analysis columns of a person's export row, in EXPORT_FIELDS order: the latest
    assessment's influence, interest, stance and date, and the last interaction's date
    (None where there is none)."""
    current = current_assessment(db, "person", person_id) or {}
    return {
        "influence": current.get("influence"),
        "interest": current.get("interest"),
        "stance": current.get("stance"),
        "assessed_at": current.get("assessed_at"),
        "last_interaction": last_interaction_date(db, person_id),
    }
