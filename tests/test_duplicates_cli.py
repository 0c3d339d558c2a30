"""`stakeholders duplicates`, `not-same` and `merge` through click's CliRunner."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from duplicates_fixtures import build_pairs_db

from db import open_db
from tui.cli import cli


@pytest.fixture
def run(tmp_path):
    path = build_pairs_db(tmp_path / "pairs.db")

    def invoke(*args, input=None):
        return CliRunner().invoke(cli, ["--db", str(path), *args], input=input, catch_exceptions=False)

    invoke.path = path
    return invoke


def test_duplicates_lists_pairs_best_first_with_evidence(run):
    result = run("duplicates")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "100  Ovidio [Talamantes] (#6)  ~  Ovidio Talamantes (#7)  [same name]"  # as typed
    assert lines[1] == " 95  Anabel Trujeque Sosa (#1)  ~  Anabel Trujeque (#2)  [one more word]"
    assert lines[2].strip() == ("shared organizations: Consorcio Ferroviario del Golfo;"
                                " initiatives: Rail Corridor Working Group")
    assert "Corwin J. Haverford (#3)  ~  Corwin Haverford (#4)  [initial]" in result.stdout
    assert "Montiel" not in result.stdout
    assert "stakeholders not-same --id-a A --id-b B" in result.stderr


def test_duplicates_json_and_limit_and_organizations(run):
    assert len(json.loads(run("duplicates", "--json", "--limit", "1").stdout)) == 1
    pairs = json.loads(run("duplicates", "--json").stdout)[1:]
    assert pairs[0]["a"] == {"id": 1, "name": "Anabel Trujeque Sosa"} and pairs[0]["merge_into"] == 1
    assert pairs[0]["evidence"]["initiatives"] == ["Rail Corridor Working Group"]
    orgs = json.loads(run("duplicates", "--type", "organization", "--json").stdout)
    assert [(p["a"]["id"], p["b"]["id"], p["reason"]) for p in orgs] == [(1, 2, "same name")]
    assert run("duplicates", "--type", "initiative").exit_code == 2


def test_not_same_by_names_or_ids_is_remembered(run):
    result = run("not-same", "corwin j haverford", "--id-b", "4")
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "not the same: Corwin J. Haverford (#3) / Corwin Haverford (#4)"
    assert "Haverford" not in run("duplicates").stdout
    assert "already marked" in run("not-same", "--id-a", "4", "--id-b", "3").stdout
    assert "forgot" in run("not-same", "--id-a", "4", "--id-b", "3", "--forget").stdout
    assert "Haverford" in run("duplicates").stdout


def test_not_same_errors_are_one_line(run):
    usage = run("not-same", "Corwin Haverford")
    assert usage.exit_code == 2 and "give two records" in usage.stderr
    missing = run("not-same", "--id-a", "3", "--id-b", "999")
    assert missing.exit_code == 1 and missing.stderr.count("\n") == 1
    itself = run("not-same", "--id-a", "3", "--id-b", "3")
    assert itself.exit_code == 1 and "itself" in itself.stderr
    mixed = run("not-same", "Corwin Haverford", "Norvale Logistics")
    assert mixed.exit_code == 1 and "organization" in mixed.stderr
    ambiguous = run("not-same", "Anabel", "--id-b", "4")
    assert ambiguous.exit_code == 2
    db = open_db(run.path)
    assert db.execute("SELECT COUNT(*) FROM not_same").fetchone()[0] == 0
    db.close()


def test_merge_asks_then_merges_and_the_pair_is_gone(run):
    refused = run("merge", "--id", "2", "--into-id", "1", input="n\n")
    assert refused.exit_code == 1
    result = run("merge", "--id", "2", "--into-id", "1", input="y\n")
    assert result.exit_code == 0, result.output
    assert "merged Anabel Trujeque (#2) into Anabel Trujeque Sosa (#1)" in result.stdout
    assert "Trujeque" not in run("duplicates").stdout
    assert run("merge", "--id", "1", "--into-id", "1", "--yes").exit_code == 1
