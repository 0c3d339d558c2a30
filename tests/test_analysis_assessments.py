"""Assessments, quadrants and the grid (db.assessments); kept through merges and re-imports."""

from __future__ import annotations

import pytest

from analysis_fixtures import build_directory
from db.assessments import (
    KEEP_INFORMED,
    KEEP_SATISFIED,
    MANAGE_CLOSELY,
    MONITOR,
    QUADRANTS,
    AnalysisError,
    assess,
    assessment_history,
    current_assessment,
    grid,
    quadrant,
)


@pytest.fixture
def directory(empty_db):
    build_directory(empty_db)
    return empty_db


@pytest.mark.parametrize(
    "influence, interest, expected",
    [
        (5, 5, MANAGE_CLOSELY),
        (3, 3, MANAGE_CLOSELY),  # 3 counts as high
        (3, 2, KEEP_SATISFIED),
        (5, 1, KEEP_SATISFIED),
        (2, 3, KEEP_INFORMED),
        (1, 5, KEEP_INFORMED),
        (2, 2, MONITOR),
        (1, 1, MONITOR),
    ],
)
def test_quadrant_threshold_is_three(influence, interest, expected):
    assert quadrant(influence, interest) == expected


def test_assess_records_a_dated_assessment(directory):
    row = assess(directory, "person", 2, influence=4, interest=5, stance="supportive", note="met at AALAC")
    assert (row["influence"], row["interest"], row["stance"], row["quadrant"]) == (4, 5, "supportive", MANAGE_CLOSELY)
    assert row["assessed_at"][:4] >= "2024" and row["note"] == "met at AALAC"
    assert current_assessment(directory, "person", 2)["id"] == row["id"]


def test_history_is_kept_newest_first_and_omitted_fields_carry_over(directory):
    assess(directory, "person", 2, influence=2, interest=2, assessed_at="2026-01-01T10:00:00+00:00")
    assess(directory, "person", 2, influence=4, stance="opposed", assessed_at="2026-03-01T10:00:00+00:00")
    history = assessment_history(directory, "person", 2)
    assert [(h["influence"], h["interest"], h["stance"]) for h in history] == [(4, 2, "opposed"), (2, 2, "unknown")]
    assert current_assessment(directory, "person", 2)["quadrant"] == KEEP_SATISFIED


def test_same_timestamp_latest_insert_wins(directory):
    stamp = "2026-05-05T05:05:05+00:00"
    assess(directory, "person", 1, influence=1, interest=1, assessed_at=stamp)
    assess(directory, "person", 1, influence=5, interest=5, assessed_at=stamp)
    assert current_assessment(directory, "person", 1)["influence"] == 5


def test_organizations_can_be_assessed_too(directory):
    assess(directory, "organization", 1, influence=5, interest=2, stance="neutral")
    assert current_assessment(directory, "organization", 1)["quadrant"] == KEEP_SATISFIED
    assert current_assessment(directory, "person", 1) is None


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"influence": 0, "interest": 3}, "influence must be a whole number from 1 to 5"),
        ({"influence": 3, "interest": 6}, "interest must be a whole number from 1 to 5"),
        ({"influence": "x", "interest": 3}, "influence must be"),
        ({"influence": 2.5, "interest": 3}, "influence must be"),
        ({"influence": 3, "interest": 3, "stance": "hostile"}, "stance must be one of"),
        ({"influence": 3}, "needs both influence and interest"),
    ],
)
def test_invalid_assessments_are_refused_and_nothing_is_written(directory, kwargs, message):
    with pytest.raises(AnalysisError, match=message):
        assess(directory, "person", 1, **kwargs)
    assert directory.execute("SELECT COUNT(*) FROM assessments").fetchone()[0] == 0


def test_missing_entity_and_unassessable_type(directory):
    with pytest.raises(AnalysisError, match="no person with id 99"):
        assess(directory, "person", 99, influence=3, interest=3)
    with pytest.raises(AnalysisError, match="only people and organizations"):
        assess(directory, "initiative", 1, influence=3, interest=3)


def test_schema_checks_guard_the_table_directly(directory):
    import sqlite3

    with pytest.raises(sqlite3.IntegrityError):
        directory.execute(
            "INSERT INTO assessments (entity_type, entity_id, influence, interest, stance, assessed_at)"
            " VALUES ('person', 1, 9, 3, 'neutral', '2026-01-01')"
        )
    with pytest.raises(sqlite3.IntegrityError):
        directory.execute(
            "INSERT INTO assessments (entity_type, entity_id, influence, interest, stance, assessed_at)"
            " VALUES ('person', 1, 3, 3, 'angry', '2026-01-01')"
        )


def test_grid_places_people_by_their_current_assessment(directory):
    assess(directory, "person", 1, influence=5, interest=5, assessed_at="2026-01-01T00:00:00+00:00")
    assess(directory, "person", 1, influence=1, interest=1, assessed_at="2026-02-01T00:00:00+00:00")
    assess(directory, "person", 2, influence=4, interest=5)
    assess(directory, "person", 3, influence=5, interest=4)
    assess(directory, "person", 4, influence=4, interest=1)
    assess(directory, "person", 5, influence=2, interest=4)
    assess(directory, "organization", 1, influence=5, interest=5)  # organizations are not placed
    placed = grid(directory)
    assert list(placed) == list(QUADRANTS)
    names = {q: [r["name"] for r in rows] for q, rows in placed.items()}
    assert names == {
        MANAGE_CLOSELY: ["Jason Marczak", "Megan Bridges"],  # equal sums: by name
        KEEP_SATISFIED: ["Marcelo Ebrard"],
        KEEP_INFORMED: ["Jake Sullivan"],
        MONITOR: ["Luz María de la Mora"],
    }


def test_grid_filters_by_tag_and_initiative(directory):
    from db.annotations import add_tags

    for pid in (1, 2, 3, 4):
        assess(directory, "person", pid, influence=4, interest=4)
    add_tags(directory, "person", 2, ["VIP"])
    add_tags(directory, "person", 3, ["vip"])
    by_tag = [r["name"] for rows in grid(directory, tag="Vip").values() for r in rows]
    assert by_tag == ["Jason Marczak", "Megan Bridges"]
    delegation = [r["name"] for rows in grid(directory, initiative_id=3).values() for r in rows]
    assert delegation == ["Jason Marczak", "Megan Bridges"]
    both = [r["name"] for rows in grid(directory, tag="vip", initiative_id=2).values() for r in rows]
    assert both == ["Megan Bridges"]


def test_merge_carries_assessments_and_interactions_to_the_survivor(directory):
    from db.engagement import interactions, log_interaction
    from db.merge import merge_entities

    assess(directory, "person", 7, influence=2, interest=2, assessed_at="2026-01-01T00:00:00+00:00")
    assess(directory, "person", 1, influence=5, interest=5, assessed_at="2026-02-01T00:00:00+00:00")
    log_interaction(directory, 7, kind="call", date="2026-03-01", summary="intro", follow_up_date="2026-03-10")
    assess(directory, "organization", 3, influence=3, interest=1)
    merge_entities(directory, "person", 7, 1)
    merge_entities(directory, "organization", 3, 1)
    assert [h["influence"] for h in assessment_history(directory, "person", 1)] == [5, 2]
    assert [i["summary"] for i in interactions(directory, 1)] == ["intro"]
    assert current_assessment(directory, "organization", 1)["interest"] == 1
    assert directory.execute("SELECT COUNT(*) FROM assessments WHERE entity_id IN (3, 7)").fetchone()[0] == 0


def test_reimport_never_touches_assessments_or_interactions(directory):
    from db.engagement import log_interaction
    from db.importer import import_text

    assess(directory, "person", 2, influence=4, interest=5, stance="supportive")
    log_interaction(directory, 2, kind="meeting", date="2026-11-20", summary="lunch")
    before = [directory.execute(f"SELECT * FROM {t}").fetchall() for t in ("assessments", "interactions")]
    text = "Jason Marczak, vice president and senior director of the Adrienne Arsht Latin America Center.\n"
    import_text(directory, text, name="again.txt")
    import_text(directory, text, name="again.txt")
    after = [directory.execute(f"SELECT * FROM {t}").fetchall() for t in ("assessments", "interactions")]
    assert after == before


def test_a_first_release_database_gains_the_analysis_tables_on_open(tmp_path):
    """tests/fixtures/v1.db was made by release 0.1 (schema version 1): opening it adds
    assessments and interactions, and they work."""
    import shutil
    from pathlib import Path

    from db import open_db
    from db.engagement import log_interaction

    copy = tmp_path / "old.db"
    shutil.copy(Path(__file__).parent / "fixtures" / "v1.db", copy)
    db = open_db(copy)
    try:
        assert {"assessments", "interactions"} <= set(db.table_names())
        person = db.execute("SELECT id FROM people ORDER BY id LIMIT 1").fetchone()[0]
        assert assess(db, "person", person, influence=3, interest=3)["quadrant"] == MANAGE_CLOSELY
        assert log_interaction(db, person, kind="call", date="2026-01-01")["kind"] == "call"
    finally:
        db.close()


def test_grid_can_place_organizations_with_people(directory):
    assess(directory, "organization", 1, influence=5, interest=5, stance="supportive")
    assess(directory, "person", 2, influence=4, interest=4)
    people_only = [r["entity_type"] for rows in grid(directory).values() for r in rows]
    both = {(r["entity_type"], r["entity_id"]) for rows in grid(directory, include_organizations=True).values() for r in rows}
    assert "organization" not in people_only
    assert ("organization", 1) in both and ("person", 2) in both
