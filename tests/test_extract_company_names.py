"""Companies named by their trade (`Dabiri Coatings`, `Plásticos del Bajío`) beside a person, and the
portfolio a title may hold before the company (`vicepresidente de Manufactura para Latinoamérica de X`).
Every text is invented for these tests."""

from __future__ import annotations

import pytest

from db.extract import extract
from extraction_pairs import affiliation_pairs, membership_pairs


@pytest.mark.parametrize("text, person, org", [
    ("Participaron Olinda Prats, propietaria de Teclar Coatings, en la mesa.", "Olinda Prats", "Teclar Coatings"),
    ("Bruna Castell, gerente general de Plásticos del Nazas, y Efrén Lujo, director de Aceros Quirama, firmaron.",
     "Bruna Castell", "Plásticos del Nazas"),
    ("Bruna Castell, gerente general de Plásticos del Nazas, y Efrén Lujo, director de Aceros Quirama, firmaron.",
     "Efrén Lujo", "Aceros Quirama"),
    ("Charla con Matthias Oyelowo-Pratt, vicepresidente de Manufactura para Latinoamérica de Varnovo Electronics.",
     "Matthias Oyelowo-Pratt", "Varnovo Electronics"),
    ("The mission included Cyprian Dadd, owner of Dadd Metalworks, and Lena Vosk, founder of Vosk Tooling.",
     "Lena Vosk", "Vosk Tooling"),
])
def test_a_company_named_by_its_trade_is_the_persons_organization(text, person, org):
    x = extract(text)
    assert (person, org) in affiliation_pairs(x)


def test_a_portfolio_before_a_government_department_is_cut_from_the_organization():
    x = extract("Por la parte estadounidense, el director de Puertos del Departamento de Transporte de Nevada, "
                "Everard Quill Banks, aseguró que la obra quedará lista.")
    orgs = {o.name for o in x.organizations}
    assert "Departamento de Transporte de Nevada" in orgs
    assert not any(o.startswith("Puertos") or o.startswith("Transporte") for o in orgs)
    assert ("Everard Quill Banks", "Departamento de Transporte de Nevada") in affiliation_pairs(x)


def test_a_name_and_company_in_one_table_cell_keep_the_person():
    x = extract("Past Chairs\n"
                "2019–2020   Gwenllian Ashdown-Oke, Ferrous Lark Castings\n"
                "2017–2018   Thaddeus Kowal (retired)\n\n"
                "Upcoming\nSupplier Summit 2025 — Saltillo, Coahuila, October 7–8  »  Learn more\n")
    people = {p.name for p in x.people}
    assert {"Gwenllian Ashdown-Oke", "Thaddeus Kowal"} <= people
    assert not any("," in o.name for o in x.organizations)


def test_a_person_with_a_company_in_a_column_card_is_no_organization_of_the_card_above():
    x = extract("10:00   Mesa de diálogo: Puertos\n"
                "        Modera: Mtra. Adela Rico\n"
                "        Lic. Salustio Ibarra Cobos        Darlene Okafor, Camerino Gateway Logistics\n"
                "        Agente aduanal,                   Ing. Arminda Lugo Zavala, Terminal\n"
                "        Ibarra Cobos y Cía.               Ferroviaria del Nazas\n"
                "                                          Henrike Kleinsmith, Kleinsmith Cold Chain\n")
    assert not any("Henrike" in o.name for o in x.organizations)


def test_a_career_told_after_an_opening_clause_gives_every_past_organization():
    x = extract("Before joining Pellworth Logistics, Ravindra Osei spent ten years at Quarrystone Freight.\n\n"
                "Marit Lindqvist previously served as chief economist at the Gulf Ports Association and as an "
                "adviser to Norwell Bank.")
    aff = affiliation_pairs(x)
    assert ("Ravindra Osei", "Pellworth Logistics") in aff
    assert ("Ravindra Osei", "Quarrystone Freight") in aff
    assert ("Marit Lindqvist", "Norwell Bank") in aff


def test_a_body_named_right_before_a_person_ends_where_the_name_begins():
    x = extract("Rindieron protesta como integrantes del Comité de Comercio Exterior Jacinto Olvido, de Maquinados "
                "Olvido; Rebeca Sotelo, de Logística Sotelo; y Fermín Aldana, de Aldana Aduanas.")
    assert "Comité de Comercio Exterior" in {i.name for i in x.initiatives}
    members = membership_pairs(x)
    assert ("Jacinto Olvido", "Comité de Comercio Exterior") in members
    y = extract("Habló el presidente del Consejo Estatal de Comercio Exterior de San Luis Potosí.")
    assert "Luis Potosí" not in {p.name for p in y.people}


def test_each_item_of_a_semicolon_list_of_people_and_companies_keeps_its_company():
    x = extract("Panel 2: Workforce Pipelines\n"
                "Moderator: Keiko Arrietta, Borderland Institute\n"
                "Panelists: Jonas Fairweld, Pinecroft Tooling; Lourdes Garzón, Garzón Maquila Services\n")
    aff = affiliation_pairs(x)
    assert ("Jonas Fairweld", "Pinecroft Tooling") in aff
    assert ("Lourdes Garzón", "Garzón Maquila Services") in aff
    assert "Pinecroft Tooling" not in {p.name for p in x.people}


def test_an_investment_promotion_agency_named_invest_and_a_place_is_an_organization():
    x = extract("La titular de la Secretaría de Desarrollo Económico, Graciela Navas, y el director de Invest "
                "Sonoyta, Ramiro Ekart, recibieron a la comitiva.")
    assert ("Ramiro Ekart", "Invest Sonoyta") in affiliation_pairs(x)
