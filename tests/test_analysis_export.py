"""Exports carry each person's latest assessment and last interaction date."""

from __future__ import annotations

import csv
import io
import json

import pytest

from analysis_fixtures import build_directory
from db.analysis import EXPORT_FIELDS
from db.assessments import assess
from db.engagement import log_interaction
from db.formats.export import CSV_FIELDS, ExportFilters, export_people


@pytest.fixture
def directory(empty_db):
    build_directory(empty_db)
    assess(empty_db, "person", 2, influence=2, interest=2, assessed_at="2026-01-01T00:00:00+00:00")
    assess(empty_db, "person", 2, influence=4, interest=5, stance="supportive", assessed_at="2026-02-01T00:00:00+00:00")
    log_interaction(empty_db, 2, kind="meeting", date="2026-11-20", summary="=HYPERLINK(\"x\")")
    log_interaction(empty_db, 2, kind="call", date="2026-10-02")
    return empty_db


def _export(db, fmt, ids):
    out = io.StringIO(newline="")
    export_people(db, fmt, out, filters=ExportFilters(person_ids=tuple(ids)))
    return out.getvalue()


def test_csv_has_the_analysis_columns(directory):
    assert CSV_FIELDS[-len(EXPORT_FIELDS):] == EXPORT_FIELDS
    rows = list(csv.DictReader(io.StringIO(_export(directory, "csv", [2, 3]))))
    jason, megan = rows
    assert {k: jason[k] for k in EXPORT_FIELDS} == {
        "influence": "4",
        "interest": "5",
        "stance": "supportive",
        "assessed_at": "2026-02-01T00:00:00+00:00",
        "last_interaction": "2026-11-20",
    }
    assert {k: megan[k] for k in EXPORT_FIELDS} == dict.fromkeys(EXPORT_FIELDS, "")


def test_json_has_the_analysis_fields(directory):
    jason, megan = json.loads(_export(directory, "json", [2, 3]))
    assert (jason["influence"], jason["interest"], jason["stance"], jason["last_interaction"]) == (
        4, 5, "supportive", "2026-11-20",
    )
    assert list(jason)[-len(EXPORT_FIELDS):] == list(EXPORT_FIELDS)
    assert megan["influence"] is None and megan["last_interaction"] is None


def test_reimporting_an_export_keeps_assessments_and_interactions(directory, tmp_path):
    from db.formats.contacts import import_contacts

    path = tmp_path / "people.csv"
    path.write_text(_export(directory, "csv", [1, 2, 3, 4, 5, 7]), encoding="utf-8", newline="")
    before = [directory.execute(f"SELECT * FROM {t} ORDER BY id").fetchall() for t in ("assessments", "interactions")]
    import_contacts(directory, path)
    after = [directory.execute(f"SELECT * FROM {t} ORDER BY id").fetchall() for t in ("assessments", "interactions")]
    assert after == before
