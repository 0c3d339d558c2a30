"""`stakeholders search` through click's CliRunner on a temporary database."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from db import open_db, write_transaction
from tests.test_search import add_alias, insert_entity
from tui.cli import cli


@pytest.fixture
def db_path(tmp_path):
    """A small directory: a few people, an organization with an alias, an initiative."""
    path = tmp_path / "cli.db"
    db = open_db(path)
    with write_transaction(db):
        for name in ("Enrique Königue", "Jake Sullivan", "Luz María de la Mora", "Martin Cassinelli"):
            insert_entity(db, "person", name)
        oid = insert_entity(db, "organization", "Schneider Electric")
        add_alias(db, "organization", oid, "Schneider")
        insert_entity(db, "initiative", "High Level Economic Dialogue", "HLED")
        db.table("affiliations").insert({"person_id": 2, "organization_id": oid, "title": "adviser"})
    db.close()
    return path


def run(db_path, *args):
    return CliRunner().invoke(cli, ["--db", str(db_path), "search", *args])


def test_table_lists_name_type_detail_and_score(db_path):
    result = run(db_path, "sullivan", "jake")
    assert result.exit_code == 0, result.output
    header, first = result.output.splitlines()[:2]
    assert header.split() == ["NAME", "TYPE", "TITLE", "/", "ORGANIZATION", "SCORE"]
    assert first.startswith("Jake Sullivan") and "person" in first and "adviser, Schneider Electric" in first
    assert first.rstrip().endswith("98.0")


def test_json_output_has_type_id_name_score(db_path):
    result = run(db_path, "Konigue", "--json")
    assert result.exit_code == 0
    rows = json.loads(result.output)
    assert rows[0]["name"] == "Enrique Königue"
    assert {"type", "id", "name", "score", "detail"} <= set(rows[0])


def test_type_filter_and_limit(db_path):
    rows = json.loads(run(db_path, "schnieder", "--type", "organization", "--json").output)
    assert [r["name"] for r in rows] == ["Schneider Electric"]
    assert json.loads(run(db_path, "hled", "--type", "person", "--json").output) == []
    rows = json.loads(run(db_path, "e", "--limit", "2", "--json").output)
    assert len(rows) == 2


@pytest.mark.parametrize("args", [[""], ["zzqxw"], []])
def test_empty_query_or_no_match_is_not_an_error(db_path, args):
    result = run(db_path, *args)
    assert result.exit_code == 0 and result.output == ""
    result = run(db_path, *args, "--json")
    assert result.exit_code == 0 and json.loads(result.output) == []


def test_bad_options_are_one_line_errors(db_path):
    result = run(db_path, "x", "--type", "planet")
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert run(db_path, "x", "--limit", "0").exit_code == 2


def test_control_characters_in_names_never_reach_the_terminal(tmp_path):
    path = tmp_path / "hostile.db"
    db = open_db(path)
    with write_transaction(db):
        insert_entity(db, "person", "Eve \x1b[31mRed\x1b[0m Mallory")
    db.close()
    result = run(path, "mallory")
    assert result.exit_code == 0 and "\x1b" not in result.output and "Mallory" in result.output
