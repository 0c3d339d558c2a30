"""An interaction linked to the initiative it was about (issue 14): logged from the CLI and the
app (one person or several), shown on the card and in the follow-ups, kept through a merge,
cleared (never deleted) with the initiative, and keeping the initiative through a re-extraction."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from analysis_fixtures import build_directory
from app_helpers import Host, card_text, open_person, settle
from db import open_db
from db.assessments import AnalysisError
from db.engagement import due_followups, initiatives_of, interactions, log_interaction, log_interactions, update_interaction
from db.judgements import user_support
from db.merge import merge_entities
from tui.cli import cli


@pytest.fixture
def directory(empty_db):
    build_directory(empty_db)
    return empty_db


def test_an_interaction_records_its_initiative_and_keeps_it_when_edited(directory):
    row = log_interaction(directory, 1, kind="meeting", date="2026-11-01", summary="agenda", initiative_id=1)
    assert (row["initiative_id"], row["initiative"]) == (1, "Nearshoring Working Group")
    edited = update_interaction(directory, row["id"], kind="call", date="2026-11-01", summary="agenda")
    assert edited["initiative_id"] == 1  # left out: kept
    cleared = update_interaction(directory, row["id"], kind="call", date="2026-11-01", initiative_id=None)
    assert cleared["initiative_id"] is None
    with pytest.raises(AnalysisError):
        log_interaction(directory, 1, kind="call", date="2026-11-01", initiative_id=99)
    assert len(interactions(directory, 1)) == 1  # nothing written by the refused one


def test_one_meeting_with_several_people_about_one_initiative(directory):
    rows = log_interactions(directory, [2, 3], kind="meeting", date="2026-11-02", follow_up_date="2026-11-09",
                            initiative_id=3)
    assert {r["initiative"] for r in rows} == {"USMXECO Delegation"}
    due = due_followups(directory, "2026-11-10")
    assert [(d["name"], d["initiative"]) for d in due] == [("Jason Marczak", "USMXECO Delegation"),
                                                           ("Megan Bridges", "USMXECO Delegation")]
    assert initiatives_of(directory, [2, 3]) == [(2, "High Level Economic Dialogue"), (3, "USMXECO Delegation")]


def test_a_merged_initiative_takes_its_interactions_and_a_deleted_one_leaves_them(directory):
    first = log_interaction(directory, 1, kind="call", date="2026-11-03", initiative_id=2)
    merge_entities(directory, "initiative", 2, 3)
    assert interactions(directory, 1)[0]["initiative_id"] == 3
    assert user_support(directory, "initiative", 3)  # a re-extraction keeps it
    directory.execute("DELETE FROM initiatives WHERE id = 3")
    kept = interactions(directory, 1)
    assert [(r["id"], r["initiative_id"]) for r in kept] == [(first["id"], None)]


def test_cli_log_with_an_initiative(tmp_path):
    db_path = tmp_path / "cli.db"
    db = open_db(db_path)
    build_directory(db)
    db.close()
    run = lambda *args: CliRunner().invoke(cli, ["--db", str(db_path), *args])  # noqa: E731
    result = run("log", "Jason Marczak", "--kind", "call", "--initiative", "usmxeco", "--follow-up", "2026-12-01",
                 "--date", "2026-11-20")
    assert result.exit_code == 0 and "about USMXECO Delegation" in result.output
    assert "USMXECO Delegation" in run("due", "--today", "2026-12-01").output
    bad = run("log", "Jason Marczak", "--kind", "call", "--initiative", "zzzz qqqq")
    assert bad.exit_code == 1 and "Error:" in bad.output


async def test_the_log_dialog_offers_the_persons_initiatives(tmp_path, monkeypatch):
    from textual.widgets import Select

    from tui.app import StakeholdersApp
    from tui.screens.log_interaction import LogInteraction

    monkeypatch.setenv("STAKEHOLDERS_SETTINGS", str(tmp_path / "settings.json"))
    db_path = tmp_path / "app.db"
    db = open_db(db_path)
    build_directory(db)
    db.close()
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_person(pilot, "megan bridges")
        await pilot.press("l")
        await settle(pilot)
        assert isinstance(app.screen, LogInteraction)
        choice = app.screen.query_one("#log-initiative", Select)
        assert [str(prompt) for prompt, _ in choice._options[1:]] == ["High Level Economic Dialogue", "USMXECO Delegation"]
        choice.value = 3
        await pilot.press("tab", "tab", "tab", *"Dinner", "enter")
        await settle(pilot)
        assert not isinstance(app.screen, LogInteraction)
        assert "USMXECO Delegation  Dinner" in card_text(app)
    db = open_db(db_path)
    assert db.execute("SELECT initiative_id, summary FROM interactions").fetchall() == [(3, "Dinner")]
    db.close()


async def test_no_initiative_field_for_someone_in_none(directory):
    from tui.screens.log_interaction import LogInteraction

    host = Host(LogInteraction("Jake Sullivan", initiatives=[]))
    async with host.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert not host.screen.query("#log-initiative")
        await pilot.press("tab", "tab", "tab", *"Hello", "enter")
        await pilot.pause()
    assert host.results == [{"kind": "meeting", "date": host.results[0]["date"], "summary": "Hello",
                             "follow_up_date": None}]
