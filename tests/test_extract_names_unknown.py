"""People whose names hold words no given-name list knows or common words (`Dra. Itzayana ...`,
`Marisa del Real ...`, `Ponce de León ...`), names set in table columns, and the titles and verbs
around them. Every text is invented for these tests."""

from __future__ import annotations

import pytest

from db.extract import extract
from extraction_pairs import affiliation_pairs


def _people(text):
    return {p.name for p in extract(text).people}


@pytest.mark.parametrize("text, name", [
    ("Firmó la Dra. Itzamara Bautiste Roelas, de la Escuela de Ingeniería.", "Itzamara Bautiste Roelas"),
    ("Habló la C.P. Marisela del Real Ontiveras.", "Marisela del Real Ontiveras"),
    ("Marisela Real Ontiveras habló.", "Marisela Real Ontiveras"),
    ('Asistió el Ing. Eustaquio "Gollo" Ponce de León Garfios.', 'Eustaquio "Gollo" Ponce de León Garfios'),
    ("Dip. Elisandro Tamayo Fierros Vicepresidente PAN", "Elisandro Tamayo Fierros"),
])
def test_an_unusual_or_common_word_inside_a_name_keeps_the_whole_name(text, name):
    assert name in _people(text)


@pytest.mark.parametrize("text, name", [
    ("Vice Admiral Bruno Sepúlvedo Anayas spoke.", "Bruno Sepúlvedo Anayas"),
    ("President Pro Tem Eulalia Benavente-Strand spoke.", "Eulalia Benavente-Strand"),
])
def test_the_words_of_a_title_are_not_taken_for_an_unknown_given_name(text, name):
    assert name in _people(text)


def test_two_names_in_two_columns_are_two_people():
    people = _people("Esperanza Wojcikowa                      Gunnar Treviño-Lindgren\n")
    assert {"Esperanza Wojcikowa", "Gunnar Treviño-Lindgren"} <= people


def test_a_verb_before_a_title_vouches_for_no_name():
    people = _people("En la segunda mesa, dedicada al Corredor Transístmico, intervinieron Capitán de Altura "
                     "Genaro Lavín Yáñez, gerente de operaciones.")
    assert "Corredor Transístmico" not in people
    assert "Genaro Lavín Yáñez" in people


def test_an_article_and_a_trade_before_a_title_still_vouch_for_the_name():
    people = _people('"It is a process," said Tobiah Kanaan-Reyes, a trade analyst at Mistral Andes Advisory.')
    assert "Tobiah Kanaan-Reyes" in people


HOST_COMMITTEE = (
    "HOST COMMITTEE\n"
    "Casimir Delgado-Rhys                 Nkechi Fuentealba\n"
    "Delgado Rhys Law Group               Bayport Reefer Services\n"
    "Esperanza Wojcikowa                  Gunnar Treviño-Lindgren\n"
    "Wojcikowa Steel Fabrication          Galvez Bay Maritime Alliance\n"
    "Hamid Saucedo-Parra                  Inés Arriola Beaumont\n"
    "Saucedo Parra Insurance Brokers      Arriola & Hijos Importadores\n"
    "\n"
    "BOARD OF DIRECTORS 2025\n"
)


def test_two_columns_of_name_and_company_cards_give_each_person_their_company():
    x = extract(HOST_COMMITTEE)
    people = {p.name for p in x.people}
    assert {"Esperanza Wojcikowa", "Gunnar Treviño-Lindgren", "Hamid Saucedo-Parra", "Inés Arriola Beaumont"} <= people
    assert not any("   " in p or "Insurance" in p for p in people)
    aff = affiliation_pairs(x)
    assert ("Esperanza Wojcikowa", "Wojcikowa Steel Fabrication") in aff
    assert ("Hamid Saucedo-Parra", "Saucedo Parra Insurance Brokers") in aff


def test_a_heading_of_plural_titles_and_a_quoted_session_title_are_no_people():
    people = _people('GALA CO-CHAIRS\nLeocadia Vargas-Eckhart  |  Southern Crest Bank\n'
                     'Anselmo Doukara  |  Doukara Engineering\n\n'
                     '8:15 p.m.    Fireside Chat — "Where the Plants Are Going"\n')
    assert "Gala Co-Chairs" not in people and "Are Going" not in people


def test_an_organization_in_brackets_after_a_name_vouches_for_it_but_a_role_or_a_date_does_not():
    people = _people("The panel will include Temperancia Achebo (National Council of Independent Truckers). "
                     "Joining moderator Ysolda Nakashimo-Garza (Editor, Border Freight Ledger) will be Ana Ruiz.")
    assert {"Temperancia Achebo", "Ysolda Nakashimo-Garza"} <= people
    people = _people("Customs Committee: Casio Arredondo-Phan (chair); Anwen Morales-Pritchard, Almeira Aduanas "
                     "(vice chair)\n\nEvent  |  Border Logistics After the Bridge Slowdowns (April 2, 2025)\n")
    assert "Bridge Slowdowns" not in people and "Almeira Aduanas" not in people


def test_a_short_maria_a_nickname_with_an_article_and_a_name_wrapped_across_lines():
    people = {p.name for p in extract(
        "Jurado del premio\n\n"
        "Ma. Guadalupe \"Lupita\" Torrentera Ruiz — consultora independiente, Saltillo\n\n"
        "Viajamos en la misma camioneta que la comitiva de la cámara, encabezada por su presidente, y con\n"
        "nosotros iban varios socios de la región que conocían bien la ruta. Compartimos asiento con Dámaso Quiroga\n"
        "Cienfuegos, de Troqueles Quiroga; con el Ing. Florencio Ek Balam, de Electrónica Sayula; y con\n"
        "Perla \"la Güera\" Santibañez, directora comercial de Empaques Tonalá, que tomó las notas del viaje.\n"
    ).people}
    assert 'Ma. Guadalupe "Lupita" Torrentera Ruiz' in people
    assert "Dámaso Quiroga Cienfuegos" in people
    assert 'Perla "la Güera" Santibañez' in people


def test_an_unknown_given_name_listed_with_of_and_a_long_agency_name():
    x = extract("Also named to the working group were Thaddea Mbeki-Rowan of the Office of the U.S. Trade "
                "Representative and Noemí Ugalde Ferrer.\n")
    assert "Thaddea Mbeki-Rowan" in {p.name for p in x.people}


def test_a_surname_joined_by_y_and_a_nickname_in_single_quotes():
    people = {p.name for p in extract(
        "En la delegación aparecen Leticia Garza Mier y Terán, de Troqueles del Norte, y Ramiro Ortiz y Pedro Paz.\n\n"
        "Steering Committee\n"
        "Tadeo 'Ted' Quezada-Lowell, Quillon Castings\n"
        "Wenona Castell-Ruiz, Harrowgate Yards\n").people}
    assert "Leticia Garza Mier y Terán" in people
    assert {"Ramiro Ortiz", "Pedro Paz"} <= people  # (two people joined by `y` stay two)
    assert "Tadeo 'Ted' Quezada-Lowell" in people
