"""The CLI for scripts and shells: --json on show, stats, connections and grid; arguments
starting with '-'; hints true for the command that prints them; every error starts 'Error: ';
NAME arguments complete from the directory."""

from __future__ import annotations

import json

import pytest

from db import open_db
from test_contacts_cli import db_path, run  # noqa: F401 - the small directory and the CLI runner
from tui.cli import cli


def test_json_output_of_show_stats_connections_and_grid(db_path):
    card = json.loads(run(db_path, "show", "Hector Gonzalez", "--json").stdout)
    assert card["name"] == "Hector Gonzalez" and card["type"] == "person"
    stats = json.loads(run(db_path, "stats", "--json").stdout)
    assert stats["counts"]["people"] == 7
    conn = json.loads(run(db_path, "connections", "Hector Gonzalez", "--json").stdout)
    assert conn["person"]["name"] == "Hector Gonzalez"
    shared = {g["name"]: {p["name"] for p in g["people"]} for g in conn["groups"]}
    assert "Jorge Gonzalez" in shared["Border Task Force"]
    assert {"type", "id", "name", "role", "people"} <= set(conn["groups"][0])
    assert run(db_path, "assess", "Hector Gonzalez", "--influence", "4", "--interest", "4").exit_code == 0
    grid = json.loads(run(db_path, "grid", "--json").stdout)
    assert [r["name"] for r in grid["manage closely"]] == ["Hector Gonzalez"]
    assert set(grid) == {"manage closely", "keep satisfied", "keep informed", "monitor"}
    filtered = json.loads(run(db_path, "grid", "--json", "--initiative", "BTF").stdout)
    assert filtered["manage closely"][0]["influence"] == 4


def test_arguments_that_start_with_a_dash_are_text(db_path):
    result = run(db_path, "note", "Hector Gonzalez", "- dash note")
    assert result.exit_code == 0, result.output
    result = run(db_path, "tag", "Hector Gonzalez", "-neg")
    assert result.exit_code == 0 and "tagged -neg" in result.stdout
    result = run(db_path, "note", "--", "Hector Gonzalez", "--also text")
    assert result.exit_code == 0, result.output
    assert run(db_path, "search", "-neg").exit_code == 0
    result = run(db_path, "search", "--limit", "1", "-gonzalez")
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 2
    mistyped = run(db_path, "search", "--limt", "1", "x")  # a mistyped long option is still reported
    assert mistyped.exit_code == 2 and "--limit" in mistyped.stderr
    bodies = [r[0] for r in open_db(db_path).execute("SELECT body FROM notes ORDER BY id DESC LIMIT 2")]
    assert bodies == ["--also text", "- dash note"]


def test_path_and_connections_hints_name_their_own_options(db_path):
    result = run(db_path, "path", "Gonzalez", "Luz María de la Mora")
    assert result.exit_code == 2
    first = result.stderr.splitlines()[0]
    assert first.startswith("Error: 'Gonzalez' matches several people")
    assert "--from-id" in first and "nothing was written" not in first and "--type" not in first
    result = run(db_path, "connections", "Gonzalez")
    first = result.stderr.splitlines()[0]
    assert result.exit_code == 2 and "--id ID" in first and "--type" not in first and "written" not in first
    result = run(db_path, "grid", "--initiative", "Task")
    assert "--id" not in result.stderr


def test_a_name_of_another_type_says_so(db_path):
    result = run(db_path, "path", "Northwind Traders", "Hector Gonzalez")
    assert result.exit_code == 1
    assert result.stderr.strip() == "Error: 'Northwind Traders' is an organization, not a person"
    result = run(db_path, "connections", "BTF")
    assert result.stderr.strip() == "Error: 'Border Task Force' is an initiative, not a person"
    result = run(db_path, "export", "--initiative", "Northwind Traders")
    assert "is an organization, not an initiative" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("show", "zzqqxx"),
        ("note", "Gonzalez", "x"),
        ("path", "Northwind Traders", "Hector Gonzalez"),
        ("connections", "--id", "999"),
        ("import", "/nonexistent/file.txt"),
        ("export", "--format", "vcard", "--excel"),
        ("log", "Hector Gonzalez", "--kind", "call", "--date", "some day"),  # "yesterday" is a date now
        ("done", "999"),
        ("search", "--limit", "0", "x"),
        ("assess", "BTF", "--influence", "3", "--interest", "3"),
    ],
)
def test_every_error_starts_the_same_way(db_path, args):
    result = run(db_path, *args)
    assert result.exit_code in (1, 2)
    assert result.stderr.splitlines()[0].startswith("Error: "), result.stderr


def _complete(db_path, words: str) -> list[str]:
    from click.shell_completion import ShellComplete

    args = ["--db", str(db_path), *words.split()[:-1]]
    return [c.value for c in ShellComplete(cli, {}, "stakeholders", "_STAKEHOLDERS_COMPLETE").get_completions(
        args, words.split()[-1])]


def test_names_complete_from_the_directory(db_path):
    assert "Hector Gonzalez" in _complete(db_path, "show hector")
    assert _complete(db_path, "connections gonz")[:1] and all(
        "Gonzalez" in n for n in _complete(db_path, "connections gonz"))
    assert _complete(db_path, "export --initiative bord") == ["Border Task Force"]
    assert _complete(db_path, "note Hector x") == []  # only NAME completes, not the text
    assert _complete(db_path.with_name("missing.db"), "show hector") == []
    assert not db_path.with_name("missing.db").exists()  # completion never creates a database


def test_completion_scripts_are_printed(monkeypatch):
    import subprocess
    import sys

    for shell in ("bash", "zsh", "fish"):
        proc = subprocess.run(
            [sys.executable, "-c", "from tui.cli import cli; cli(prog_name='stakeholders')"],
            env={**__import__("os").environ, "_STAKEHOLDERS_COMPLETE": f"{shell}_source"},
            capture_output=True, text=True, timeout=60,
        )
        assert proc.returncode == 0 and "_STAKEHOLDERS_COMPLETE" in proc.stdout, proc.stderr
