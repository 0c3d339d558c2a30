"""Documents: titles and dates read from the text, the list with counts, one document's review,
and `stakeholders documents` through click's CliRunner."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from db import open_db
from db.document_meta import MAX_TITLE, document_title, stated_date
from db.documents import count_documents, document_review, list_documents
from db.importer import import_text
from tui.cli import cli

RELEASE = (
    "Skip to content\n\nEspañol\n\n"
    "Border Freight Council names new working group\n\n"
    "MONTERREY, N.L. – March 4, 2025 – The Border Freight Council announced today its Cold Chain Working Group.\n"
    "Members:\n\n• Odalys Quintanar - Vireo Freight Systems\n• Brannock Tellweather - Halden Port Authority\n"
)
ANUNCIO = "Ciudad de México, 4 de marzo de 2025.- Inicia el Consejo Fronterizo de Carga.\n"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Issued March 4, 2025 in town", "2025-03-04"),
        ("MARCH 4, 2025", "2025-03-04"),
        ("Mar. 4, 2025", "2025-03-04"),
        ("Sept. 30 2024", "2024-09-30"),
        ("on 4 March 2025", "2025-03-04"),
        ("el 4 de marzo de 2025", "2025-03-04"),
        ("1º de diciembre del 2024", "2024-12-01"),
        ("date 2025-03-04", "2025-03-04"),
        ("12-ene-2026", "2026-01-12"),
        ("February 30, 2025 then May 2, 2025", "2025-05-02"),  # an impossible date is skipped
        ("see 2025-13-01 or May 2025", None),  # no month 13, no day
        ("in March the council met 4 times in 2025", None),
    ],
)
def test_stated_date_forms(text, expected):
    assert stated_date(text) == expected


def test_the_earliest_date_in_the_text_wins_whatever_its_form():
    assert stated_date("Posted 2025-06-01.\nEl 4 de marzo de 2025 se reunieron") == "2025-06-01"
    assert stated_date("June 2, 2024 … later 2025-06-01") == "2024-06-02"


def test_a_date_deep_in_a_long_report_is_not_the_documents_date():
    assert stated_date("x" * 10000 + " March 4, 2025") is None


@pytest.mark.parametrize(
    "text, fmt, expected",
    [
        (RELEASE, "txt", "Border Freight Council names new working group"),
        ("intro line\n\n# The *Cold Chain* [Group](http://x)\n", "md", "The Cold Chain Group"),
        ("top of page\n\nJune 3, 2024\n\n12\n\nMeet the council\n", "txt", "Meet the council"),
        ("MONTERREY, N.L. – March 4, 2025 – The council met today.", "txt", "The council met today."),
        (ANUNCIO, "txt", "Inicia el Consejo Fronterizo de Carga."),
        ("Odalys Quintanar Odalys Quintanar\nDirector", "txt", "Odalys Quintanar"),  # a label printed twice
        ("Members:\n\n• One - Two\n", "txt", "Members"),
        ("\n\n 2025-03-04 \n\n ... \n", "txt", "release.txt"),  # nothing but a date: the file name
        ("BPC | Border Ports Council\nHome   About   News\nInicio / Sala de prensa\nBPC names new co-chairs\n", "txt",
         "BPC names new co-chairs"),  # the masthead, the menu and the breadcrumb are not the headline
        ("Home   About   News\n", "txt", "Home About News"),  # nothing else: the first line still
        ("View this email in your browser\n\nThe Capitol Report\n", "txt", "The Capitol Report"),  # a newsletter's chrome
    ],
)
def test_document_title(text, fmt, expected):
    assert document_title(text, "release.txt", fmt) == expected


def test_a_long_first_line_is_cut_at_its_first_sentence_or_a_word():
    sentence = "The council met in the port city to agree on new rules for cross-border freight and storage. " * 3
    assert document_title(sentence) == sentence.split(". ")[0]
    words = "word " * 100
    title = document_title(words)
    assert len(title) <= MAX_TITLE and title.endswith("word…")


@pytest.fixture
def db(tmp_path):
    database = open_db(tmp_path / "d.db")
    yield database
    database.close()


def test_import_stores_title_and_date(db):
    doc_id = import_text(db, RELEASE, name="000_abc.txt", path="/in/000_abc.txt").document_id
    undated = import_text(db, "Cold Chain Working Group\n\nMembers meet monthly.", name="b.txt").document_id
    rows = {r["id"]: r for r in list_documents(db)}
    assert rows[doc_id]["title"] == "Border Freight Council names new working group"
    assert rows[doc_id]["date"] == "2025-03-04"
    assert rows[doc_id]["source"] == "/in/000_abc.txt"
    assert rows[undated]["date"] == rows[undated]["imported_at"][:10]
    assert count_documents(db) == 2


def test_list_counts_what_each_document_gave_and_pages(db):
    doc_id = import_text(db, RELEASE, name="a.txt").document_id
    other = import_text(db, "Kestrel Ridge notes\n\nNothing here.", name="b.txt").document_id
    rows = {r["id"]: r for r in list_documents(db)}
    got = rows[doc_id]
    assert got["people"] == 2 and got["organizations"] >= 2 and got["initiatives"] >= 1
    assert got["relations"] >= 2  # both members' affiliations (and memberships)
    assert (rows[other]["people"], rows[other]["relations"]) == (0, 0)
    # newest date first: the undated one is dated today, after the release's 2025-03-04
    assert [r["id"] for r in list_documents(db, limit=1)] == [other]
    assert [r["id"] for r in list_documents(db, limit=1, offset=1)] == [doc_id]


def test_review_gives_text_mentions_and_relations_with_sentences(db):
    doc_id = import_text(db, RELEASE, name="a.txt").document_id
    review = document_review(db, doc_id)
    assert review["text"] == RELEASE and review["title"].startswith("Border Freight")
    for m in review["mentions"]:
        assert RELEASE[m["start"]:m["end"]] == m["text"]
    assert [m["start"] for m in review["mentions"]] == sorted(m["start"] for m in review["mentions"])
    people = [e for e in review["entities"] if e["type"] == "person"]
    assert {p["name"] for p in people} == {"Odalys Quintanar", "Brannock Tellweather"}
    assert all(p["sentence"] and p["name"] in p["sentence"] for p in people)
    affiliation = next(a for a in review["affiliations"] if a["person"] == "Odalys Quintanar")
    assert affiliation["organization"] == "Vireo Freight Systems"
    assert "Vireo Freight Systems" in affiliation["sentence"]
    assert {m["person"] for m in review["memberships"]} >= {"Odalys Quintanar", "Brannock Tellweather"}
    assert document_review(db, 999) is None


def run(args, db_path):
    return CliRunner().invoke(cli, ["--db", str(db_path), *args], env={"STAKEHOLDERS_NO_SEEDS": "1"})


def test_documents_command_text_and_json(tmp_path):
    (tmp_path / "000_9f.txt").write_text(RELEASE, encoding="utf-8")
    (tmp_path / "anuncio.md").write_text(ANUNCIO, encoding="utf-8")
    db_path = tmp_path / "d.db"
    assert run(["import", str(tmp_path)], db_path).exit_code == 0
    result = run(["documents"], db_path)
    assert result.exit_code == 0, result.output
    assert "Border Freight Council names new working group" in result.output
    assert "2025-03-04" in result.output and "2 people" in result.output
    data = json.loads(run(["documents", "--json"], db_path).stdout)
    assert len(data) == 2
    release = next(d for d in data if d["title"].startswith("Border"))
    assert release["date"] == "2025-03-04" and release["source"].endswith("000_9f.txt")
    assert release["counts"]["people"] == 2 and set(release["counts"]) == {"people", "organizations", "initiatives", "relations"}


def test_documents_command_on_an_empty_directory(tmp_path):
    result = run(["documents"], tmp_path / "d.db")
    assert result.exit_code == 0 and "No documents yet" in result.output
    assert json.loads(run(["documents", "--json"], tmp_path / "e.db").stdout) == []


def test_documents_command_neutralises_escape_sequences_in_titles(tmp_path):
    db = open_db(tmp_path / "d.db")
    import_text(db, "Safe title\n", name="x.txt")
    db.execute("UPDATE documents SET title = 'Bad \x1b[31mred\x1b[0m title'")
    db.conn.commit()
    db.close()
    result = run(["documents"], tmp_path / "d.db")
    assert result.exit_code == 0 and "\x1b" not in result.output and "red" in result.output


def test_fill_document_meta_in_batches_fills_only_missing_titles(db):
    ids = [import_text(db, f"Council bulletin {n}\n\nIssued May {n + 1}, 2024.", name=f"{n}.txt").document_id
           for n in range(7)]
    db.execute("UPDATE documents SET title = NULL, date = NULL WHERE id != ?", [ids[0]])
    db.execute("UPDATE documents SET title = 'Kept as it was' WHERE id = ?", [ids[0]])
    from db.documents import fill_document_meta

    assert fill_document_meta(db, batch=3) == 6
    rows = dict(db.execute("SELECT id, title || ' ' || date FROM documents").fetchall())
    assert rows[ids[0]].startswith("Kept as it was")
    assert rows[ids[6]] == "Council bulletin 6 2024-05-07"


def test_relations_are_those_the_document_gave(db):
    """A relation another document gave is not listed under this one, even when both ends are
    named here too."""
    first = import_text(db, RELEASE, name="a.txt").document_id
    second = import_text(
        db, "Port bulletin\n\nMembers:\n\n• Odalys Quintanar - Kestrel Dock Union\n\n"
            "The Vireo Freight Systems depot hosted the meeting.\n", name="b.txt").document_id
    review = document_review(db, second)
    assert {e["name"] for e in review["entities"]} >= {"Odalys Quintanar", "Vireo Freight Systems"}
    assert [a["organization"] for a in review["affiliations"]] == ["Kestrel Dock Union"]
    counts = {r["id"]: r["relations"] for r in list_documents(db)}
    assert counts[second] >= 1 and counts[first] >= 2
    assert any(a["organization"] == "Vireo Freight Systems" for a in document_review(db, first)["affiliations"])
