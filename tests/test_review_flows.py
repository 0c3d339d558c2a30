"""What a user correcting extraction does, key by key (Pilot): in Review, reject a wrong person
and undo it with `u`, retype an organization into an initiative with `T` `i` (the cursor
follows it), add a missed person with `a` `p` and attach them with `A` at once, then re-extract
and find every correction kept. On a card, `delete` on a relation line removes only that
relation. The split dialog and the CLI name each mention by document title and show it in its
sentence; the Documents screen names sources by file name and goes to its ends with home/end;
`judgements` carries aliases, "not the same" pairs and edited fields; an import writes one
mention per record and span."""

from __future__ import annotations

import json

import pytest
from app_helpers import open_person, settle
from click.testing import CliRunner
from textual.widgets import DataTable, Input, OptionList, SelectionList

from db import open_db
from db.corrections import entity_mentions, mention_context
from db.duplicates import mark_not_same
from db.importer import import_text
from db.judgements import export_judgements
from tui.app import StakeholdersApp
from tui.cli import cli
from tui.components.entity_card import EntityCard, LinkList
from tui.screens.confirm import Confirm
from tui.screens.corrections import SplitDialog, TypeChoice
from tui.screens.documents import DocumentsScreen, source_name
from tui.screens.prompts import ChoicePrompt, TextPrompt, letter_keys
from tui.screens.review import ReviewScreen

SIZE = (120, 40)
RELEASE = """Gulfport Trade Alliance opens its Cross-Border Packaging Forum

TAMPICO – May 6, 2025 – The Gulfport Trade Alliance convened the Cross-Border Packaging Forum.
Members:

• Yesenia Baltazar Orozco - Ternion Cartonera
• Welby Ashcombe - Quillon Packaging Partners
• Harlan Fenwick - Saltmarsh Exporters Network

Photos: Zeb Orrin.
"""


@pytest.fixture
def db_path(tmp_path):
    path = tmp_path / "flows.db"
    db = open_db(path)
    import_text(db, RELEASE, name="gulfport.txt", path="/home/someone/inbox/gulfport.txt")
    db.close()
    return path


def one(db_path, sql: str, params=()):
    db = open_db(db_path)
    try:
        row = db.execute(sql, list(params)).fetchone()
        return row[0] if row else None
    finally:
        db.close()


def labels(screen: ReviewScreen) -> list[str]:
    options = screen.query_one("#review-items", OptionList)
    return [options.get_option_at_index(i).prompt.plain for i in range(options.option_count)]


async def highlight(pilot, screen: ReviewScreen, label: str) -> None:
    options = screen.query_one("#review-items", OptionList)
    options.highlighted = next(i for i, text in enumerate(labels(screen)) if text.startswith(label))
    await settle(pilot)


async def open_review(pilot) -> ReviewScreen:
    await settle(pilot)
    await pilot.press("D")
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(pilot.app.screen, ReviewScreen)
    return pilot.app.screen


def names(screen: ReviewScreen, etype: str) -> list[str]:
    return [e["name"] for e in screen.review["entities"] if e["type"] == etype]


async def test_correcting_a_document_from_the_keyboard_survives_reextraction(db_path):
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(pilot)
        assert "u undo" in str(screen.query_one("#review-hint").render())

        # reject a wrong person, undo it with u, reject again
        await highlight(pilot, screen, "Harlan Fenwick")
        await pilot.press("delete")
        assert isinstance(app.screen, Confirm)
        await pilot.press("y")
        await settle(pilot)
        assert "Harlan Fenwick" not in names(screen, "person")
        await pilot.press("u")
        await settle(pilot)
        assert app.screen is screen and "Harlan Fenwick" in names(screen, "person")
        assert any("Undone: Rejected person Harlan Fenwick" in n.message for n in app._notifications)
        await highlight(pilot, screen, "Harlan Fenwick")
        await pilot.press("delete", "y")
        await settle(pilot)
        assert "Harlan Fenwick" not in names(screen, "person")

        # retype an organization into an initiative: T, then i; the cursor follows it
        await highlight(pilot, screen, "Quillon Packaging Partners")
        await pilot.press("T")
        assert isinstance(app.screen, ChoicePrompt)
        await pilot.press("i")
        await settle(pilot)
        assert "Quillon Packaging Partners" in names(screen, "initiative")
        assert screen.current()["type"] == "initiative" and screen.current()["name"] == "Quillon Packaging Partners"

        # add the missed person (a, p, the name) and attach them to the forum with a role (A)
        await pilot.press("a")
        assert isinstance(app.screen, ChoicePrompt)
        await pilot.press("p")
        assert isinstance(app.screen, TextPrompt)
        app.screen.query_one(Input).value = "Zeb Orrin"
        await pilot.press("enter")
        await settle(pilot)
        assert screen.current()["name"] == "Zeb Orrin"  # the cursor is on the new person
        assert any(n.message == "Added the person" for n in app._notifications)
        await pilot.press("A")
        assert isinstance(app.screen, ChoicePrompt)
        targets = app.screen.query_one(OptionList)
        forum = next(i for i in range(targets.option_count)
                     if targets.get_option_at_index(i).prompt.plain.startswith("Cross-Border Packaging Forum"))
        targets.highlighted = forum
        await pilot.press("enter")
        assert isinstance(app.screen, TextPrompt)
        app.screen.query_one(Input).value = "photographer"
        await pilot.press("enter")
        await settle(pilot)
        assert ("Zeb Orrin", "Cross-Border Packaging Forum", "photographer") in {
            (m["person"], m["initiative"], m["role"]) for m in screen.review["memberships"]}

        # a name that is not in the text: added to the directory, and the user is told why it is not listed
        await pilot.press("a", "o")
        app.screen.query_one(Input).value = "Meridian Box Cooperative"
        await pilot.press("enter")
        await settle(pilot)
        assert any("not in this text" in n.message for n in app._notifications)
        assert screen.current()["name"] == "Zeb Orrin"

        # back to Documents, re-extract the document: nothing comes back, nothing is lost
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, DocumentsScreen)
        await pilot.press("R")
        assert isinstance(app.screen, Confirm)
        await pilot.press("y")
        await settle(pilot)

    assert one(db_path, "SELECT COUNT(*) FROM people WHERE name = 'Harlan Fenwick'") == 0
    assert one(db_path, "SELECT COUNT(*) FROM organizations WHERE name = 'Quillon Packaging Partners'") == 0
    assert one(db_path, "SELECT COUNT(*) FROM initiatives WHERE name = 'Quillon Packaging Partners'") == 1
    assert one(db_path, "SELECT m.role FROM memberships m JOIN people p ON p.id = m.person_id"
                        " JOIN initiatives i ON i.id = m.initiative_id"
                        " WHERE p.name = 'Zeb Orrin' AND i.name = 'Cross-Border Packaging Forum'") == "photographer"
    start = RELEASE.index("Zeb Orrin")
    assert one(db_path, "SELECT COUNT(*) FROM mentions m JOIN people p ON p.id = m.entity_id"
                        " WHERE m.entity_type = 'person' AND p.name = 'Zeb Orrin' AND m.start = ?", [start]) == 1


async def test_type_prompts_pick_with_one_letter(db_path):
    assert letter_keys(["person", "organization", "initiative"]) == {"p": "person", "o": "organization", "i": "initiative"}
    assert letter_keys(["organization:1", "organization:2", "initiative:3"]) == {"i": "initiative:3"}
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:  # on the main screen: T, then i
        await open_person(pilot, "ternion cartonera")
        await pilot.press("T")
        assert isinstance(app.screen, TypeChoice)
        await pilot.press("o")  # its own type: not a choice
        assert isinstance(app.screen, TypeChoice)
        await pilot.press("i")
        await settle(pilot)
        assert app.card_ref is not None and app.card_ref[0] == "initiative"
    assert one(db_path, "SELECT COUNT(*) FROM initiatives WHERE name = 'Ternion Cartonera'") == 1


async def test_on_a_card_delete_on_a_relation_line_removes_only_that_relation(db_path):
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_person(pilot, "welby ashcombe")
        for _ in range(4):  # tab to the card's first list: the person's organizations
            if isinstance(app.focused, LinkList):
                break
            await pilot.press("tab")
        assert isinstance(app.focused, LinkList)
        assert app.focused.highlighted_option.id.startswith("organization:")
        await pilot.press("delete")
        assert isinstance(app.screen, Confirm)
        assert app.screen.question.plain.startswith("Remove the affiliation Welby Ashcombe — Quillon Packaging Partners?")
        await pilot.press("y")
        await settle(pilot)
        assert app.query_one(EntityCard).card["affiliations"] == []  # the card shows it at once
        shown = [links.get_option_at_index(i).prompt.plain for links in app.query(".card-relations").results(LinkList)
                 for i in range(links.option_count)]
        assert shown and not any(line.startswith("Quillon Packaging Partners") for line in shown)
        assert one(db_path, "SELECT COUNT(*) FROM people WHERE name = 'Welby Ashcombe'") == 1
        assert one(db_path, "SELECT COUNT(*) FROM rejected_relations WHERE kind = 'affiliation'") == 1
        await pilot.press("u")
        await settle(pilot)
        assert one(db_path, "SELECT COUNT(*) FROM affiliations a JOIN people p ON p.id = a.person_id"
                            " WHERE p.name = 'Welby Ashcombe'") == 1


async def test_split_names_mentions_by_title_and_shows_each_in_its_sentence(db_path):
    db = open_db(db_path)
    import_text(db, "Ternion Cartonera hires.\n\nThe Ternion Cartonera plant in Altamira opened.\n", name="second.txt")
    mentions = entity_mentions(db, "organization", db.execute(
        "SELECT id FROM organizations WHERE name = 'Ternion Cartonera'").fetchone()[0])
    db.close()
    assert mentions[0]["title"] == "Gulfport Trade Alliance opens its Cross-Border Packaging Forum"
    assert "«Ternion Cartonera»" in mention_context(mentions[0])
    assert mention_context({"sentence": "A " * 80 + "Ternion Cartonera plant", "text": "Ternion Cartonera"}, 40) \
        .endswith("«Ternion Cartonera» plant")
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_person(pilot, "ternion cartonera")
        await pilot.press("S")
        assert isinstance(app.screen, SplitDialog)
        parts = app.screen.query_one(SelectionList)
        shown = [parts.get_option_at_index(i).prompt.plain for i in range(parts.option_count)]
        assert any(s.startswith("Gulfport Trade Alliance") and "«Ternion Cartonera»" in s for s in shown)
        assert not any("gulfport.txt" in s for s in shown)
    result = CliRunner().invoke(cli, ["--db", str(db_path), "split", "Ternion Cartonera", "--name", "X"])
    assert result.exit_code == 2
    assert "Gulfport Trade Alliance opens" in result.output and "«Ternion Cartonera»" in result.output


async def test_documents_name_sources_by_file_and_home_end_move(db_path):
    db = open_db(db_path)
    import_text(db, "Second note about Ternion Cartonera.\n", name="b.txt", path="/tmp/inbox/b.txt")
    import_text(db, "Third note about Ternion Cartonera.\n", name="c.txt", path="/tmp/inbox/c.txt")
    db.close()
    assert source_name("/home/someone/inbox/gulfport.txt") == "gulfport.txt"
    assert source_name("C:\\inbox\\a.txt") == "a.txt"
    app = StakeholdersApp(db_path=db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("D")
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        assert table.get_row_at(0)[-1].plain == "c.txt"
        await pilot.press("end")
        assert table.cursor_row == 2
        await pilot.press("home")
        assert table.cursor_row == 0
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
        assert str(app.screen.query_one("#review-hint").render()).endswith("? keys")  # fits 80 columns
        await pilot.press("q")  # q closes Review, then Documents, as other screens
        assert isinstance(app.screen, DocumentsScreen)
        await pilot.press("q")
        assert not isinstance(app.screen, DocumentsScreen)


def test_judgements_carry_aliases_not_same_and_edited_fields(db_path):
    runner = CliRunner()
    base = ["--db", str(db_path)]
    assert runner.invoke(cli, [*base, "rename", "Welby Ashcombe", "--to", "Welby Ashcombe-Rhys"]).exit_code == 0
    db = open_db(db_path)
    ids = [r[0] for r in db.execute("SELECT id FROM people WHERE name IN ('Yesenia Baltazar Orozco', 'Zeb Orrin')"
                                    " OR name = 'Harlan Fenwick' ORDER BY id")]
    mark_not_same(db, "person", ids[0], ids[1])
    data = export_judgements(db)
    db.close()
    assert {"type": "person", "name": "Welby Ashcombe-Rhys", "alias": "Welby Ashcombe"} in data["aliases"]
    assert len(data["not_same"]) == 1 and data["not_same"][0]["type"] == "person"
    assert {"type": "person", "name": "Welby Ashcombe-Rhys", "fields": {"name": "Welby Ashcombe-Rhys"}} \
        in data["edited_fields"]
    out = json.loads(runner.invoke(cli, [*base, "judgements"]).output)
    assert {"aliases", "not_same", "edited_fields"} <= set(out)


def test_one_mention_per_record_and_span(tmp_path):
    # the extractor finds this heading's group twice at one span; the record gets one mention
    roster = ("Leadership: North American Rail Group\n\nChair: Odile Varga\n"
              "Professor of Trade, Harwick School of Policy, Calder University, Boston; North American Chair,"
              " Gulf-Andes Commission\n\nDeputy Chair: Tomas Whitlow\nChairman, Whitlow Partners; Deputy Chair,"
              " North American Gulf-Andes Commission\n\nRegional Director: Pim Ostrava\n")
    db = open_db(tmp_path / "m.db")
    import_text(db, roster, name="r.txt")
    duplicates = db.execute(
        'SELECT COUNT(*) FROM (SELECT 1 FROM mentions GROUP BY document_id, entity_type, entity_id, start, "end"'
        " HAVING COUNT(*) > 1)").fetchone()[0]
    group = db.execute("SELECT COUNT(*) FROM mentions m JOIN initiatives i ON i.id = m.entity_id"
                       " WHERE m.entity_type = 'initiative' AND i.name = 'North American Rail Group'").fetchone()[0]
    db.close()
    assert duplicates == 0 and group == 1


def test_judgements_made_before_later_migrations_survive_the_upgrade_and_still_apply(tmp_path):
    """A directory at schema 6 (the judgements' migration) with a rejected name, a rename and a
    rejected relation: opening it upgrades it after a backup copy, and an import then applies
    every judgement."""
    import sqlite3

    import sqlite_utils

    from db.migrations import LATEST_VERSION, MIGRATIONS

    path = tmp_path / "v6.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = wal")
    conn.close()
    old = sqlite_utils.Database(path)
    old.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")
    for version, fn in MIGRATIONS[:6]:
        fn(old)
        old.execute("INSERT INTO schema_migrations VALUES (?, ?, 'x')", [version, fn.__name__])
    old.execute("INSERT INTO organizations (id, name, name_key) VALUES (7, 'Quillon Pack Partners', 'quillon pack partners')")
    old.execute("INSERT INTO rejected_entities VALUES ('person', 'harlan fenwick', 'Harlan Fenwick', 'rejected', 'x')")
    old.execute("INSERT INTO entity_redirects VALUES ('organization', 'quillon packaging partners', 'organization', 7,"
                " 'Quillon Pack Partners', 'rename', 'x')")
    old.execute("INSERT INTO rejected_relations VALUES ('affiliation', 'yesenia baltazar orozco', 'ternion cartonera',"
                " NULL, NULL, 'x')")
    old.conn.commit()
    old.close()

    db = open_db(path)
    try:
        assert db.execute("SELECT MAX(version) FROM schema_migrations").fetchone()[0] == LATEST_VERSION
        assert (tmp_path / "v6.db.bak-6").exists()
        import_text(db, RELEASE, name="gulfport.txt")
        assert db.execute("SELECT COUNT(*) FROM people WHERE name = 'Harlan Fenwick'").fetchone()[0] == 0
        assert db.execute("SELECT COUNT(*) FROM organizations WHERE name = 'Quillon Packaging Partners'").fetchone()[0] == 0
        assert db.execute("SELECT COUNT(*) FROM affiliations WHERE organization_id = 7").fetchone()[0] == 1
        assert db.execute(
            "SELECT COUNT(*) FROM affiliations a JOIN people p ON p.id = a.person_id JOIN organizations o"
            " ON o.id = a.organization_id WHERE p.name = 'Yesenia Baltazar Orozco' AND o.name = 'Ternion Cartonera'"
        ).fetchone()[0] == 0
    finally:
        db.close()


def test_a_correction_refuses_a_name_and_an_id_that_disagree(db_path):
    """`rm Quillon --id N` where N is a person's id (the default type) deletes nothing."""
    runner = CliRunner()
    base = ["--db", str(db_path)]
    person = one(db_path, "SELECT id FROM people WHERE name = 'Welby Ashcombe'")
    org = one(db_path, "SELECT id FROM organizations WHERE name = 'Quillon Packaging Partners'")
    refused = runner.invoke(cli, [*base, "rm", "Quillon Packaging Partners", "--id", str(person), "--yes"])
    assert refused.exit_code == 1 and "Traceback" not in refused.output
    assert "is not 'Quillon Packaging Partners'" in refused.output
    assert one(db_path, "SELECT COUNT(*) FROM people WHERE id = ?", [person]) == 1
    agreed = runner.invoke(cli, [*base, "rm", "quillon", "--id", str(org), "--type", "organization", "--yes"])
    assert agreed.exit_code == 0, agreed.output
    assert one(db_path, "SELECT COUNT(*) FROM organizations WHERE id = ?", [org]) == 0
    assert runner.invoke(cli, [*base, "rename", "welby", "--id", str(person), "--to", "Welby A."]).exit_code == 0
