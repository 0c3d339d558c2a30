"""Minutes of a council meeting: members named by their title and surname alone, a later mention of a
person by title and surname, `who led the delegation`, and a street address that is no one. Every text is
invented for these tests."""

from __future__ import annotations

from db.extract import extract
from extraction_pairs import membership_pairs

MINUTES = (
    "TOWN OF WILLOW BEND\nREGULAR MEETING OF THE TOWN COUNCIL\n\n"
    "1. ROLL CALL\n"
    "Present: Mayor Octavia Brennan-Ruiz; Councilmembers Oyelaran, Szymanski-Paz and Quarles.\n"
    "Absent: Councilmember Throckley (excused).\n"
    "Staff: Town Manager Leopold Vantongeren; Trade Director Marisol Achterberg-Lugo.\n\n"
    "2. PUBLIC COMMENT\n"
    "Harold Dunleavy, 418 Birchwood Lane, asked about the exchange program.\n\n"
    "3. REPORTS\n"
    "Report on the Trade Delegation to Saltillo\n"
    "Councilmember Szymanski-Paz, who led the delegation, presented the report. Traveling with her were "
    "Trade Director Achterberg-Lugo and Bartholomew Ngata of Willow Bend Castings.\n"
    "Moved by Councilmember Oyelaran, seconded by Councilmember Quarles. Senator Throckley's office sent a letter.\n"
)


def test_surnames_after_a_council_title_are_people():
    names = {p.name for p in extract(MINUTES).people}
    assert {"Oyelaran", "Szymanski-Paz", "Quarles", "Throckley"} <= names
    # the mayor is one person, not also her surname; no possessive; the staff are not repeated
    assert "Brennan-Ruiz" not in names and "Achterberg-Lugo" not in names
    assert not any("'s" in n for n in names)


def test_a_street_address_is_no_person():
    names = {p.name for p in extract(MINUTES).people}
    assert "Harold Dunleavy" in names
    assert not any("Birchwood" in n for n in names)


def test_who_led_the_delegation_and_a_titled_surname_traveling_with_her():
    x = extract(MINUTES)
    pairs = {(p, i): r for (p, i), r in ((k, v) for k, v in _roles(x).items())}
    group = next(i.name for i in x.initiatives if "Delegation" in i.name)
    assert pairs.get(("Szymanski-Paz", group)) == "lead"
    assert ("Marisol Achterberg-Lugo", group) in membership_pairs(x)


def _roles(x):
    return {(x.people[p].name, x.initiatives[i].name): r for (p, i), r in x.memberships.items()}


def test_a_mission_to_a_town_and_its_state_and_a_report_on_it():
    text = ("Report on the Trade Delegation to Saltillo, Coahuila\n\n"
            "Councilmember Szymanski-Paz, who led the delegation, presented the report.\n")
    names = {i.name for i in extract(text).initiatives}
    assert names == {"Trade Delegation to Saltillo, Coahuila"}


def test_a_headline_mission_is_the_named_one_not_the_planned_one():
    text = ("Governor Ilse Vantreight-Solano to Lead Trade Mission to Hermosillo\n\n"
            "Governor Ilse Vantreight-Solano will lead the 2026 Sonora Supplier Trade Mission from May 4 to 8, the "
            "state's trade office announced today. Companies that join the mission will meet buyers in three cities.\n\n"
            "A planned reverse trade mission would bring buyers to the state in the fall, officials said today.\n")
    names = {i.name for i in extract(text).initiatives}
    assert "2026 Sonora Supplier Trade Mission" in names
    assert not any("Hermosillo" in n for n in names)


def test_a_person_of_a_company_with_no_company_word_before_the_next_person():
    from extraction_pairs import affiliation_pairs

    text = ("Traveling with her were two business representatives, Rosalind Ekwueme-Barr of Prairie Hydraulics and "
            "Dwight Oduya, plant controller at Kettering Agri-Components.\n"
            "Mayor Roberto Salcedo of Laredo and Juan Pérez, his aide, attended.\n")
    x = extract(text)
    assert ("Rosalind Ekwueme-Barr", "Prairie Hydraulics") in affiliation_pairs(x)
    assert "Laredo" not in {o.name for o in x.organizations}
