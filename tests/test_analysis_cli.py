"""The analysis commands through click's CliRunner on a temporary database."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from analysis_fixtures import build_directory
from db import open_db
from tui.cli import cli


@pytest.fixture
def db_path(tmp_path):
    path = tmp_path / "analysis.db"
    db = open_db(path)
    build_directory(db)
    db.close()
    return path


@pytest.fixture
def run(db_path):
    def invoke(*args):
        return CliRunner().invoke(cli, ["--db", str(db_path), *args], catch_exceptions=False)

    return invoke


def _table(db_path, sql):
    db = open_db(db_path)
    try:
        return db.execute(sql).fetchall()
    finally:
        db.close()


def test_path_prints_the_chain(run):
    result = run("path", "Luz María de la Mora", "Jason Marczak")
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "Luz María de la Mora -> Adrienne Arsht Latin America Center -> Jason Marczak"


def test_path_with_accentless_names_and_json(run):
    result = run("path", "luz maria de la mora", "megan bridges", "--json")
    assert result.exit_code == 0, result.output
    chain = json.loads(result.output)
    assert [s["name"] for s in chain][::2] == ["Luz María de la Mora", "Jason Marczak", "Megan Bridges"]


def test_path_not_connected_is_an_answer_exit_0(run):
    result = run("path", "Jason Marczak", "--to-id", "6")
    assert result.exit_code == 0
    assert result.output.startswith("not connected")
    assert json.loads(run("path", "--from-id", "1", "--to-id", "6", "--json").output) is None


def test_path_errors(run):
    assert run("path", "Jason Marczak").exit_code == 2  # usage
    unknown = run("path", "Jason Marczak", "Zzyzx Qwerty")
    assert unknown.exit_code == 1 and "Zzyzx" in unknown.output


def test_ambiguous_name_lists_candidates_and_exits_2(run, db_path):
    from db.connection import write_transaction
    from db.textnorm import fold

    db = open_db(db_path)
    with write_transaction(db):
        for pid in (20, 21):
            db.execute("INSERT INTO people (id, name, name_key) VALUES (?, 'Ana Gonzalez', ?)", [pid, fold("Ana Gonzalez")])
    db.close()
    result = run("assess", "Ana Gonzalez", "--influence", "3", "--interest", "3")
    assert result.exit_code == 2
    assert "#20" in result.output or " 20 " in result.output
    assert _table(db_path, "SELECT COUNT(*) FROM assessments") == [(0,)]
    assert run("assess", "--id", "21", "--influence", "3", "--interest", "3").exit_code == 0


def test_assess_records_and_shows_history(run, db_path):
    result = run("assess", "Jason Marczak", "--influence", "4", "--interest", "5", "--stance", "supportive")
    assert result.exit_code == 0, result.output
    assert "influence 4, interest 5, supportive -> manage closely" in result.output
    assert run("assess", "Jason Marczak", "--interest", "2", "--note", "busy").exit_code == 0
    assert _table(db_path, "SELECT influence, interest, stance FROM assessments ORDER BY id") == [
        (4, 5, "supportive"), (4, 2, "supportive")
    ]
    shown = run("assess", "Jason Marczak")
    lines = shown.output.splitlines()
    assert "Jason Marczak (person #2)" in lines[0]
    assert "keep satisfied  (busy)" in lines[1] and "manage closely" in lines[2]


def test_assess_an_organization_and_refuse_bad_values(run):
    result = run("assess", "Adrienne Arsht Latin America Center", "--type", "organization", "--influence", "5", "--interest", "3")
    assert result.exit_code == 0 and "organization #1" in result.output
    assert run("assess", "Jason Marczak", "--influence", "7", "--interest", "3").exit_code == 2
    first_needs_both = run("assess", "Megan Bridges", "--influence", "3")
    assert first_needs_both.exit_code == 1 and "needs both influence and interest" in first_needs_both.output
    assert "Traceback" not in first_needs_both.output


def test_log_and_due_and_done(run, db_path):
    result = run("log", "Jason Marczak", "--kind", "meeting", "--date", "2026-11-20",
                 "--summary", "Nearshoring report", "--follow-up", "2026-12-01")
    assert result.exit_code == 0, result.output
    assert "follow up on 2026-12-01" in result.output
    assert run("log", "Megan Bridges", "--kind", "call", "--date", "2026-11-21", "--follow-up", "2026-11-25").exit_code == 0
    assert run("log", "Jake Sullivan", "--kind", "email", "--date", "2026-11-21").exit_code == 0
    due = run("due", "--today", "2026-12-01")
    assert due.exit_code == 0
    lines = due.output.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("2026-11-25  6 days overdue") and "Megan Bridges" in lines[0]
    assert lines[1].startswith("2026-12-01  due today") and "Nearshoring report" in lines[1]
    rows = json.loads(run("due", "--today", "2026-12-01", "--json").output)
    assert [r["name"] for r in rows] == ["Megan Bridges", "Jason Marczak"]
    assert run("done", str(rows[0]["id"])).exit_code == 0
    assert [r["name"] for r in json.loads(run("due", "--today", "2026-12-01", "--json").output)] == ["Jason Marczak"]
    assert run("due", "--today", "2026-11-28").output.strip() == "Nothing due."
    assert "in 3 days" in run("due", "--today", "2026-11-28", "--within", "3").output


def test_log_refuses_bad_input_with_one_line(run, db_path):
    bad_date = run("log", "Jason Marczak", "--kind", "call", "--date", "2026-13-01")
    assert bad_date.exit_code == 1
    assert bad_date.output.strip() == "Error: the date must be a date written YYYY-MM-DD, not '2026-13-01'"
    assert run("log", "Jason Marczak", "--kind", "lunch").exit_code == 2
    assert run("done", "999").exit_code == 1
    assert _table(db_path, "SELECT COUNT(*) FROM interactions") == [(0,)]


def test_log_defaults_to_today(run, db_path):
    from datetime import date

    assert run("log", "--id", "3", "--kind", "event").exit_code == 0
    assert _table(db_path, "SELECT date FROM interactions") == [(date.today().isoformat(),)]


def test_grid_and_connections_commands(run):
    run("assess", "Jason Marczak", "--influence", "4", "--interest", "5")
    run("assess", "Megan Bridges", "--influence", "1", "--interest", "2")
    run("tag", "Megan Bridges", "chamber")
    out = run("grid").output
    assert out.index("MANAGE CLOSELY (1)") < out.index("Jason Marczak") < out.index("MONITOR (1)") < out.index("Megan Bridges")
    assert "Jason" not in run("grid", "--tag", "chamber").output
    assert "Megan Bridges" in run("grid", "--initiative", "USMXECO Delegation").output


def test_grid_places_assessed_organizations_as_the_app_does(run):
    run("assess", "Jason Marczak", "--influence", "4", "--interest", "5")
    assert run("assess", "US-Mexico Foundation", "--type", "organization", "--influence", "5", "--interest", "4").exit_code == 0
    out = run("grid").output
    assert "US-Mexico Foundation (organization)  [influence 5, interest 4" in out and "MANAGE CLOSELY (2)" in out
    assert "US-Mexico Foundation" not in run("grid", "--type", "person").output
    only = run("grid", "--type", "organization").output
    assert "US-Mexico Foundation" in only and "Jason Marczak" not in only
    conn = run("connections", "Luz María de la Mora").output
    assert "Nearshoring Working Group (initiative, as chair): 1" in conn and "  - Jason Marczak (vice president)" in conn
    assert "shares no initiative" in run("connections", "--id", "6").output


def test_log_reads_dates_as_typed(tmp_path):
    from datetime import date, timedelta

    from click.testing import CliRunner

    from db import open_db
    from tui.cli import cli

    path = tmp_path / "dates.db"
    db = open_db(path)
    db.execute("INSERT INTO people (id, name, name_key, created_at) VALUES (1, 'Ana Prueba', 'ana prueba', '2026-01-01')")
    db.conn.commit()
    db.close()
    result = CliRunner().invoke(cli, ["--db", str(path), "log", "--id", "1", "--kind", "call", "--date", "yesterday",
                                      "--follow-up", "+7d"], env={"STAKEHOLDERS_NO_SEEDS": "1"})
    assert result.exit_code == 0, result.output
    yesterday = date.today() - timedelta(days=1)
    assert f"on {yesterday.isoformat()}, follow up on {(date.today() + timedelta(days=7)).isoformat()}" in result.output
    refused = CliRunner().invoke(cli, ["--db", str(path), "log", "--id", "1", "--kind", "call", "--follow-up", "soonish"])
    assert refused.exit_code == 1 and "not 'soonish'" in refused.output
