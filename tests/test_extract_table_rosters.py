"""Rosters set as tables with a header row (`Name<TAB>Position<TAB>Employer`): a role after the name in
its cell, a seat nobody holds, a name no list knows, and a person the page later calls by title and
surname. Every text is invented for these tests."""

from __future__ import annotations

from db.extract import extract
from extraction_pairs import affiliation_pairs, membership_pairs

ROSTER = (
    "Welding Program Employer Council\n\n"
    "The council advises the welding program on what employers need.\n\n"
    "COUNCIL MEMBERS\n\n"
    "Name\tPosition\tEmployer / Organization\n"
    "Osvaldina Trejo-Pemberton, Chair\tPlant Manager\tGranforja Metalworks\n"
    "Thaddeus Quillfeather, Vice Chair\tDirector of Quality\tLumeria Castings\n"
    "Vacant\tStudent representative\t—\n"
    "Wapasha Red Crane-Oyelaran\tOwner\tRed Crane Fabrication\n"
    "Ing. Rosalío Tlacuilo Brambila\tGerente de Planta\tTroqueles del Sur\n"
)


def test_a_role_after_the_name_in_its_cell_keeps_the_row():
    x = extract(ROSTER)
    pairs = affiliation_pairs(x)
    assert ("Osvaldina Trejo-Pemberton", "Granforja Metalworks") in pairs
    assert ("Thaddeus Quillfeather", "Lumeria Castings") in pairs
    titles = {p.name: p.title for p in x.people}
    assert titles["Osvaldina Trejo-Pemberton"] == "Plant Manager"
    assert not any("," in p.name or "Chair" in p.name for p in x.people)


def test_a_seat_nobody_holds_does_not_end_the_table():
    pairs = affiliation_pairs(extract(ROSTER))
    assert ("Rosalío Tlacuilo Brambila", "Troqueles del Sur") in pairs
    assert not any(name == "Vacant" for name, _ in pairs)


def test_a_name_column_vouches_for_words_no_list_knows():
    x = extract(ROSTER)
    assert ("Wapasha Red Crane-Oyelaran", "Red Crane Fabrication") in affiliation_pairs(x)


def test_the_rows_are_members_of_the_page_group():
    members = {p for p, _ in membership_pairs(extract(ROSTER))}
    assert {"Osvaldina Trejo-Pemberton", "Thaddeus Quillfeather", "Rosalío Tlacuilo Brambila"} <= members


def test_a_title_and_a_surname_name_the_person_already_there():
    text = ("Ex officio: Dr. Perpetua Vandersloot-Iturbe, Dean of Engineering.\n\n"
            "The college's seat on the consortium is held by Dean Vandersloot-Iturbe.\n")
    names = {p.name for p in extract(text).people}
    assert "Perpetua Vandersloot-Iturbe" in names
    assert "Dean Vandersloot-Iturbe" not in names
    person = next(p for p in extract(text).people if p.name == "Perpetua Vandersloot-Iturbe")
    assert "Dean Vandersloot-Iturbe" not in person.aliases
