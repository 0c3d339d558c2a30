"""Stakeholder analysis as seen from the rest of the directory (exports).

The pieces live in small modules: `db.network` (shared initiatives/organizations, paths,
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


CONNECTIONS_PER_GROUP = 100  # people listed per shared initiative/organization on a card
OVERLAP_GROUPS = 50  # initiatives listed in an initiative card's organization overlap
OVERLAP_PER_GROUP = 20  # ... and shared organizations named for each (its `count` is the total)
INTERACTIONS_ON_CARD = 20


def card_extras(db: sqlite_utils.Database, entity_type: str, entity_id: int) -> dict:
    """What a card shows of the analysis, to merge into a `db.cards` card dict.

    A person: `connections` (grouped, at most CONNECTIONS_PER_GROUP people each, with the
    group's full `count`), `assessment` (current or None), `assessment_history` (newest first)
    and `interactions` (newest first). An organization: `assessment`, `assessment_history`
    and `overlap` (organizations on the same initiatives). An initiative: `overlap`
    (initiatives sharing members) and `organization_overlap` (sharing organizations: the first
    OVERLAP_GROUPS, each with OVERLAP_PER_GROUP names and its `count`; the number of such
    initiatives is `organization_overlap_count`).
    """
    from db.assessments import assessment_history
    from db.network import connections, initiative_organization_overlap_page, initiative_overlap, organization_overlap
    from db.engagement import interactions, next_followup

    extras: dict = {}
    if entity_type in ("person", "organization"):
        history = assessment_history(db, entity_type, entity_id)
        extras["assessment"] = history[0] if history else None
        extras["assessment_history"] = history
    if entity_type == "person":
        groups = connections(db, entity_id)
        for group in groups:
            group["count"] = len(group["people"])
            del group["people"][CONNECTIONS_PER_GROUP:]
        extras["connections"] = groups
        extras["interactions"] = interactions(db, entity_id, limit=INTERACTIONS_ON_CARD)
        extras["last_contact"] = last_interaction_date(db, entity_id)
        extras["next_follow_up"] = next_followup(db, entity_id)
    elif entity_type == "organization":
        extras["overlap"] = organization_overlap(db, entity_id)
    elif entity_type == "initiative":
        extras["overlap"] = initiative_overlap(db, entity_id)
        extras["organization_overlap"], extras["organization_overlap_count"] = initiative_organization_overlap_page(
            db, entity_id, groups=OVERLAP_GROUPS, per_group=OVERLAP_PER_GROUP
        )
    return extras
