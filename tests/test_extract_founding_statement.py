"""A founding statement: a coalition its founders establish, a steering committee named by its kind
alone and co-chaired by two people, `Serving with them are A; B; and C`, signatories listed with their
degrees and sites, and a text hard-wrapped at 110 columns. Every text is invented for these tests."""

from __future__ import annotations

from db.extract import extract
from extraction_pairs import affiliation_pairs, membership_pairs

STATEMENT = (
    "We, the undersigned growers, packers, carriers and universities, therefore establish the Rio Bravo Cold Chain\n"
    "Coalition (RBCCC) and commit to share forecasts for perishable freight at the ports of entry every season.\n\n"
    "Until a first assembly is held, an interim Steering Committee will be co-chaired by Dr. Philippa\n"
    "Okorafor-Brandt, chief logistics officer of Saint Ignatius Produce Cooperative in Laredo, and Ing. Ramiro\n"
    "Ybarra del Olmo, president of ANEFRIO. Serving with them are Tamsin Oyelowo-Reyes (ANEFRIO); Dra. Liliana\n"
    "Ruelas Bracho, of the Faculty of Agronomy at Universidad del Noreste; and Bartholomew Quist III, formerly\n"
    "vice president of operations at Polar Span Logistics.\n\n"
    "Individual signatories\n"
    "Philippa Okorafor-Brandt, DNP — Saint Ignatius Produce Cooperative\n"
    "Marisela Tovar-Lindqvist — Frescos del Bravo, Reynosa plant\n"
    "Anselm Quigley-Ruiz, MBA (signing in a personal capacity)\n"
)


def test_a_coalition_established_by_its_signatories_is_a_group():
    x = extract(STATEMENT)
    kinds = {i.name: i.kind for i in x.initiatives}
    assert "Rio Bravo Cold Chain Coalition" in kinds
    assert "Rio Bravo Cold Chain Coalition" not in {o.name for o in x.organizations}


def test_a_steering_committee_named_by_its_kind_with_its_co_chairs_and_members():
    x = extract(STATEMENT)
    roles = {(x.people[p].name, x.initiatives[i].name): r for (p, i), r in x.memberships.items()}
    assert roles.get(("Philippa Okorafor-Brandt", "Steering Committee")) == "co-chair"
    assert roles.get(("Ramiro Ybarra del Olmo", "Steering Committee")) == "co-chair"
    members = {p for p, i in membership_pairs(x) if i == "Steering Committee"}
    assert {"Tamsin Oyelowo-Reyes", "Liliana Ruelas Bracho", "Bartholomew Quist III"} <= members
    assert roles.get(("Tamsin Oyelowo-Reyes", "Steering Committee")) == "member"


def test_degrees_sites_and_places_are_no_part_of_an_organization():
    x = extract(STATEMENT)
    orgs = {o.name for o in x.organizations}
    assert "Saint Ignatius Produce Cooperative" in orgs
    assert not any("DNP" in o or "MBA" in o or "plant" in o or o.endswith("in Laredo") for o in orgs)
    assert ("Marisela Tovar-Lindqvist", "Frescos del Bravo") in affiliation_pairs(x)


def test_a_consulate_keeps_its_city():
    x = extract("Ana Ruiz Paz, consul for economic affairs at the U.S. Consulate General in Monterrey, opened the session.\n")
    assert "U.S. Consulate General in Monterrey" in {o.name for o in x.organizations}


def test_volunteered_to_serve_as_its_co_conveners():
    text = ("Participants agreed to form a Kentucky–Coahuila Supplier Working Group, coordinated by the trade office "
            "together with KCAB. Olivia Achebe-Paz and Raimundo Ferraz Lugo volunteered to serve as its first "
            "co-conveners.\n")
    members = {p for p, i in membership_pairs(extract(text)) if i == "Kentucky–Coahuila Supplier Working Group"}
    assert {"Olivia Achebe-Paz", "Raimundo Ferraz Lugo"} <= members
