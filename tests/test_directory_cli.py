"""`stakeholders import`, `stats`, `show`, `--help`, `--version` through click's CliRunner."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner

from tui.cli import cli

LIST_DOC = "Harbor Logistics Task Force:\n\n• Rosa Elena Treviño - Grupo Norteño\n• Kevin O'Hara -Lakeside Partners\n"
PROSE_DOC = "The Gulf Ports Council (GPC) met today. “Ports matter,” said Rosa Elena Treviño, chair of the GPC."


def run(args, db, env=None):
    env = {"STAKEHOLDERS_NO_SEEDS": "1", **(env or {})}
    return CliRunner().invoke(cli, ["--db", str(db), *args], env=env)


def test_help_and_version(tmp_path):
    result = run(["--help"], tmp_path / "x.db")
    assert result.exit_code == 0 and "import" in result.output and "show" in result.output
    result = run(["--version"], tmp_path / "x.db")
    assert result.exit_code == 0 and "version" in result.output


def test_import_reports_what_was_added_and_reimport_is_a_no_op(tmp_path):
    doc = tmp_path / "members.txt"
    doc.write_text(LIST_DOC, encoding="utf-8")
    db = tmp_path / "d.db"
    result = run(["import", str(doc)], db)
    assert result.exit_code == 0, result.output
    assert "members.txt: imported" in result.output and "2 people" in result.output
    again = run(["import", str(doc)], db)
    assert again.exit_code == 0 and "already imported" in again.output
    stats = run(["stats"], db)
    assert "people" in stats.output and " 2" in stats.output.splitlines()[0]


def test_import_folder_and_show_person_with_sources(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text(LIST_DOC, encoding="utf-8")
    (folder / "b.md").write_text(PROSE_DOC, encoding="utf-8")
    db = tmp_path / "d.db"
    result = run(["import", str(folder)], db)
    assert result.exit_code == 0, result.output
    show = run(["show", "trevino"], db)
    assert show.exit_code == 0, show.output
    out = show.output
    assert "Rosa Elena Treviño" in out
    assert "Grupo Norteño" in out and "Gulf Ports Council (chair)" in out
    assert "Harbor Logistics Task Force (member)" in out
    # sources by their title (the document's first line), never by file name
    assert "Harbor Logistics Task Force (" in out and "The Gulf Ports Council (GPC) met today" in out
    assert "a.txt" not in out and "b.md" not in out and "said Rosa Elena Treviño" in out


def test_show_initiative_lists_members(tmp_path):
    doc = tmp_path / "members.txt"
    doc.write_text(LIST_DOC, encoding="utf-8")
    db = tmp_path / "d.db"
    run(["import", str(doc)], db)
    show = run(["show", "Harbor Logistics Task Force", "--type", "initiative"], db)
    assert show.exit_code == 0
    assert "Kevin O'Hara" in show.output and "Rosa Elena Treviño" in show.output


def test_missing_path_is_one_line_error(tmp_path):
    result = run(["import", str(tmp_path / "nope.txt")], tmp_path / "d.db")
    assert result.exit_code != 0
    assert "nope.txt" in result.output
    assert "Traceback" not in result.output


def test_show_unknown_name_fails_cleanly(tmp_path):
    result = run(["show", "zzzz qqqq"], tmp_path / "d.db")
    assert result.exit_code != 0 and "Traceback" not in result.output


def test_seeded_directory_shows_de_la_mora(tmp_path, seeded_db_path):
    db = tmp_path / "seeded.db"
    shutil.copy(seeded_db_path, db)
    result = run(["show", "de la mora"], db)
    assert result.exit_code == 0
    assert "Luz María de la Mora" in result.output
    assert "Nearshoring Working Group (lead)" in result.output
    stats = run(["stats"], db)
    counts = dict(line.split() for line in stats.output.splitlines() if line.strip())
    assert int(counts["people"]) == 59 and int(counts["documents"]) == 5


def test_show_lists_candidates_for_an_ambiguous_name(tmp_path):
    from click.testing import CliRunner

    from tui.cli import cli

    text = "Border Task Force:\n\n  • Hector Gonzalez - Acme Group\n  • Jorge Gonzalez - Beta Logistics\n"
    doc = tmp_path / "list.txt"
    doc.write_text(text, encoding="utf-8")
    db = str(tmp_path / "show.db")
    runner = CliRunner(env={"STAKEHOLDERS_NO_SEEDS": "1"})
    assert runner.invoke(cli, ["--db", db, "import", str(doc)]).exit_code == 0
    result = runner.invoke(cli, ["--db", db, "show", "gonzalez"])
    assert result.exit_code == 2
    assert "Hector Gonzalez" in result.stderr and "Jorge Gonzalez" in result.stderr
    one = runner.invoke(cli, ["--db", db, "show", "jorge gonzalez"])
    assert one.exit_code == 0 and "Beta Logistics" in one.stdout


def test_import_summary_counts_agree_in_number():
    from tui.commands.directory_commands import _count

    assert [_count(1, w) for w in ("tags", "notes", "aliases", "people updated")] == [
        "1 tag", "1 note", "1 alias", "1 person updated"
    ]
    assert _count(2, "tags") == "2 tags"


@pytest.mark.parametrize("args, says", [
    (["import"], "Missing argument 'PATHS...'"),
    (["search", "x", "--type", "robot"], "'robot' is not one of"),
    (["log", "somebody", "--date", "2026-01-01"], "Missing option '--kind'"),
    (["bogus"], "No such command 'bogus'"),
])
def test_usage_errors_are_one_line_with_exit_code_2(tmp_path, args, says):
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "u.db"), *args], env={"STAKEHOLDERS_NO_SEEDS": "1"})
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and says in lines[0] and "--help" in lines[0]
