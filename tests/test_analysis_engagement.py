"""The engagement log and follow-ups (db.engagement), and the export fields (db.analysis)."""

from __future__ import annotations

import sqlite3

import pytest

from analysis_fixtures import build_directory
from db.analysis import EXPORT_FIELDS, export_fields
from db.assessments import AnalysisError, assess
from db.engagement import due_followups, interactions, last_interaction_date, log_interaction, mark_done


@pytest.fixture
def directory(empty_db):
    build_directory(empty_db)
    return empty_db


def test_log_interaction_stores_it(directory):
    row = log_interaction(
        directory, 2, kind="Meeting", date="2026-11-20", summary="  Nearshoring report\x1b[31m ", follow_up_date="2026-12-01"
    )
    assert (row["kind"], row["date"], row["summary"], row["follow_up_date"], row["done"]) == (
        "meeting", "2026-11-20", "Nearshoring report", "2026-12-01", 0,
    )
    assert [i["id"] for i in interactions(directory, 2)] == [row["id"]]


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"kind": "lunch", "date": "2026-11-20"}, "kind must be one of meeting, call, email, event"),
        ({"kind": "call", "date": "2026-02-30"}, "the date must be a date written YYYY-MM-DD"),
        ({"kind": "call", "date": "20261120"}, "YYYY-MM-DD"),
        ({"kind": "call", "date": ""}, "needs a date"),
        ({"kind": "call", "date": "2026-11-20", "follow_up_date": "some day"}, "the follow-up date must be"),
        ({"kind": "call", "date": "2026-11-20", "follow_up_date": "2026-11-19"}, "is before the interaction"),
    ],
)
def test_invalid_interactions_are_refused(directory, kwargs, message):
    with pytest.raises(AnalysisError, match=message):
        log_interaction(directory, 2, **kwargs)
    assert directory.execute("SELECT COUNT(*) FROM interactions").fetchone()[0] == 0


def test_unknown_person_is_refused(directory):
    with pytest.raises(AnalysisError, match="no person with id 42"):
        log_interaction(directory, 42, kind="call", date="2026-11-20")


def test_schema_checks_dates_and_kind(directory):
    for values in (("lunch", "2026-01-01", None), ("call", "01/02/2026", None), ("call", "2026-01-01", "soon")):
        with pytest.raises(sqlite3.IntegrityError):
            directory.execute(
                "INSERT INTO interactions (person_id, kind, date, follow_up_date, created_at) VALUES (2, ?, ?, ?, 'x')",
                list(values),
            )


def test_interactions_go_with_a_deleted_person(directory):
    log_interaction(directory, 5, kind="email", date="2026-01-02")
    directory.execute("DELETE FROM people WHERE id = 5")
    assert directory.execute("SELECT COUNT(*) FROM interactions").fetchone()[0] == 0


def test_due_followups_soonest_first_and_done_ones_drop_out(directory):
    a = log_interaction(directory, 1, kind="call", date="2026-11-01", follow_up_date="2026-11-25")
    b = log_interaction(directory, 2, kind="meeting", date="2026-11-01", follow_up_date="2026-11-10")
    log_interaction(directory, 3, kind="email", date="2026-11-01", follow_up_date="2026-12-20")  # not yet due
    log_interaction(directory, 4, kind="event", date="2026-11-01")  # nothing to follow up
    c = log_interaction(directory, 5, kind="call", date="2026-11-02", follow_up_date="2026-11-20")
    due = due_followups(directory, today="2026-11-20")
    assert [(r["id"], r["name"], r["days"]) for r in due] == [(b["id"], "Jason Marczak", -10), (c["id"], "Jake Sullivan", 0)]
    assert [r["id"] for r in due_followups(directory, today="2026-11-20", within_days=7)] == [b["id"], c["id"], a["id"]]
    mark_done(directory, b["id"])
    assert [r["id"] for r in due_followups(directory, today="2026-11-20")] == [c["id"]]
    mark_done(directory, b["id"], done=False)
    assert [r["id"] for r in due_followups(directory, today="2026-11-20")] == [b["id"], c["id"]]


def test_due_followups_default_to_the_local_today(directory):
    from datetime import date, timedelta

    yesterday = (date.today() - timedelta(days=1)).isoformat()
    log_interaction(directory, 1, kind="call", date=yesterday, follow_up_date=yesterday)
    assert [r["days"] for r in due_followups(directory)] == [-1]


def test_mark_done_unknown_interaction(directory):
    with pytest.raises(AnalysisError, match="no interaction with id 77"):
        mark_done(directory, 77)


def test_export_fields_latest_assessment_and_last_interaction(directory):
    assert export_fields(directory, 2) == dict.fromkeys(EXPORT_FIELDS)
    assess(directory, "person", 2, influence=2, interest=2, assessed_at="2026-01-01T00:00:00+00:00")
    assess(directory, "person", 2, influence=4, interest=5, stance="supportive", assessed_at="2026-02-01T00:00:00+00:00")
    log_interaction(directory, 2, kind="call", date="2026-11-20")
    log_interaction(directory, 2, kind="email", date="2026-10-01")
    fields = export_fields(directory, 2)
    assert list(fields) == list(EXPORT_FIELDS)
    assert fields == {
        "influence": 4,
        "interest": 5,
        "stance": "supportive",
        "assessed_at": "2026-02-01T00:00:00+00:00",
        "last_interaction": "2026-11-20",
    }
    assert last_interaction_date(directory, 3) is None


def test_dates_are_read_as_people_type_them():
    from datetime import date

    from db.dates import DateError, parse_day

    thursday = date(2026, 12, 3)
    expected = {
        "today": "2026-12-03", "Hoy": "2026-12-03", "tomorrow": "2026-12-04", "mañana": "2026-12-04",
        "yesterday": "2026-12-02", "+7d": "2026-12-10", "-3d": "2026-11-30", "+2w": "2026-12-17",
        "next monday": "2026-12-07", "monday": "2026-12-07", "thursday": "2026-12-10", "próximo lunes": "2026-12-07",
        "next week": "2026-12-07", "in 3 days": "2026-12-06", " 2026-01-31 ": "2026-01-31",
    }
    assert {text: parse_day(text, thursday).isoformat() for text in expected} == expected
    assert parse_day("", thursday) is None and parse_day(None, thursday) is None
    for bad in ("next fortnight", "2026-02-30", "20261120", "+d", "soon"):
        with pytest.raises(DateError, match="not"):
            parse_day(bad, thursday)


def test_one_interaction_with_several_people_edited_and_deleted(directory):
    from db.engagement import delete_interaction, log_interactions, next_followup, update_interaction

    rows = log_interactions(directory, [2, 3], kind="meeting", date="2026-11-20", summary="forum", follow_up_date="2026-12-01")
    assert [(r["person_id"], r["summary"]) for r in rows] == [(2, "forum"), (3, "forum")]
    assert next_followup(directory, 2) == "2026-12-01"
    changed = update_interaction(directory, rows[0]["id"], kind="call", date="2026-11-21", summary="forum call",
                                 follow_up_date=None)
    assert (changed["kind"], changed["date"], changed["follow_up_date"]) == ("call", "2026-11-21", None)
    assert next_followup(directory, 2) is None
    delete_interaction(directory, rows[1]["id"])
    assert [i["id"] for i in interactions(directory, 3)] == []
    with pytest.raises(AnalysisError):
        log_interactions(directory, [2, 99999], kind="call", date="2026-11-20")
    assert len(interactions(directory, 2)) == 1  # nothing written for the unknown person either
