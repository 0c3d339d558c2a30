"""Each extraction pattern on small texts of our own (not seed text)."""

from __future__ import annotations

from db.extract import extract


def people(x):
    return {p.name: p for p in x.people}


def affiliations(x):
    return {(x.people[p].name, x.organizations[o].name): t for (p, o), t in x.affiliations.items()}


def memberships(x):
    return {(x.people[p].name, x.initiatives[i].name): r for (p, i), r in x.memberships.items()}


def test_member_list_under_heading_with_odd_spacing_bullets_and_no_org():
    text = (
        "Members of the council\n\n"
        "Border Logistics Working Group:\n\n"
        "  • Rosa Elena Treviño - Grupo Norteño\n"
        "  • Tomás Ibarra- Puerto Verde Logistics\n"
        "  • Kevin O'Hara -Lakeside Partners\n"
        "  • Ximena del Valle Ortega\n"
        "  • Ulises Zamarripa - Banco Fronterizo\n"
    )
    x = extract(text)
    names = set(people(x))
    assert names == {"Rosa Elena Treviño", "Tomás Ibarra", "Kevin O'Hara", "Ximena del Valle Ortega", "Ulises Zamarripa"}
    aff = affiliations(x)
    assert ("Tomás Ibarra", "Puerto Verde Logistics") in aff
    assert ("Kevin O'Hara", "Lakeside Partners") in aff
    mem = memberships(x)
    assert len(mem) == 5 and all(i == "Border Logistics Working Group" for _, i in mem)


def test_list_without_given_names_relies_on_structure_and_rejects_topics():
    text = (
        "Energy Transition Task Force:\n"
        "- Okonkwo Adeyemi - Solaris Holdings\n"
        "- Wiremu Tane - Pacific Grid Partners\n"
        "- Ingrid Solberg - Nordvik Energy\n\n"
        "Enablers\n"
        "- Industrial Real Estate\n"
        "- Clean Energies\n"
        "- Access to Capital\n"
    )
    x = extract(text)
    assert set(people(x)) == {"Okonkwo Adeyemi", "Wiremu Tane", "Ingrid Solberg"}


def test_list_line_with_title_and_organization():
    text = "Advisory Council members:\n* Laura Benítez, Chief Economist, Banco Austral\n* Peter Kline, Partner, Orchard Legal LLP\n"
    x = extract(text)
    aff = affiliations(x)
    assert aff[("Laura Benítez", "Banco Austral")] == "Chief Economist"
    assert aff[("Peter Kline", "Orchard Legal LLP")] == "Partner"


def test_titles_before_names_in_prose():
    x = extract("The forum opened with remarks by Canadian Trade Minister Olivia Tremblay and Senior Advisor Marco Ruiz.")
    p = people(x)
    assert p["Olivia Tremblay"].title == "Canadian Trade Minister"
    assert p["Marco Ruiz"].title == "Senior Advisor"


def test_our_title_belongs_to_the_organization_of_the_page():
    x = extract("Quetzal Trade Partners joins the summit\n\nOur Managing Director Ana Sofía Bravo spoke about ports.")
    assert affiliations(x)[("Ana Sofía Bravo", "Quetzal Trade Partners")] == "Managing Director"


def test_apposition_gives_title_and_organization():
    x = extract(
        "“We need better ports,” said Daniel Ocampo, vice president and head of research at the Gulf Policy Institute."
    )
    assert affiliations(x)[("Daniel Ocampo", "Gulf Policy Institute")] == "vice president and head of research"


def test_byline_name_line_then_title_org_line_and_doubled_name():
    text = "Harriet Lowe Harriet Lowe\nDirector, Trade Policy, North American Business Roundtable Association\n\nMarch 3, 2024\n"
    x = extract(text)
    assert list(people(x)) == ["Harriet Lowe"]
    assert affiliations(x)[("Harriet Lowe", "North American Business Roundtable Association")] == "Director, Trade Policy"


def test_representative_with_district_and_former_congressman():
    x = extract("Rep. Maria Salas (R-FL 27th District) met Former Congresswoman Jane Whitfield on border issues.")
    p = people(x)
    assert p["Maria Salas"].title == "Representative (R-FL 27th District)"
    assert p["Jane Whitfield"].title == "Former Congresswoman"


def test_acronym_defined_then_used_alone():
    text = (
        "The Binational Ports Institute (BPI) released a report. "
        "Ernesto Valdivia, senior fellow at BPI, presented it."
    )
    x = extract(text)
    org = x.organizations[0]
    assert org.name == "Binational Ports Institute" and org.acronym == "BPI"
    assert affiliations(x)[("Ernesto Valdivia", "Binational Ports Institute")] == "senior fellow"
    assert len(x.organizations) == 1


def test_spanish_names_with_accents_particles_and_two_surnames():
    x = extract(
        "The dialogue was chaired by María Fernanda de los Santos Ibarra. "
        "José Ángel Gutiérrez Ochoa also attended."
    )
    assert {"María Fernanda de los Santos Ibarra", "José Ángel Gutiérrez Ochoa"} <= set(people(x))


def test_bare_surname_and_given_name_resolve_to_the_full_name():
    x = extract(
        "Teresa Villanueva, director of the Border Trade Council, opened the session. "
        "Villanueva said ports matter. Later Teresa thanked the hosts."
    )
    assert len(x.people) == 1
    assert len(x.people[0].spans) == 3


def test_two_people_sharing_a_surname_stay_two():
    x = extract("Ricardo Pineda and Alma Pineda spoke. Pineda later left.")
    assert {"Ricardo Pineda", "Alma Pineda"} == set(people(x))


def test_email_next_to_a_name_belongs_to_that_person():
    x = extract("For questions, contact Paul Brandt, press officer at Harbor Alliance, at pbrandt@harbor.example.org.")
    assert people(x)["Paul Brandt"].email == "pbrandt@harbor.example.org"


def test_led_by_gives_a_lead_membership():
    x = extract("The Cross-Border Energy Task Force met today. The group will be led by Carolina Esquivel, a former minister.")
    assert memberships(x)[("Carolina Esquivel", "Cross-Border Energy Task Force")] == "lead"


def test_partner_roles_in_an_initiative():
    x = extract(
        "The Pacific Supply Chain Forum is supported by Founding Partner Orizaba Steel alongside Tecnoval as a Logistics Partner."
    )
    io = {(x.initiatives[i].name, x.organizations[o].name): r for (i, o), r in x.initiative_organizations.items()}
    assert io[("Pacific Supply Chain Forum", "Orizaba Steel")] == "Founding Partner"
    assert io[("Pacific Supply Chain Forum", "Tecnoval")] == "Logistics Partner"


def test_heading_acronym_owns_the_task_force():
    x = extract("ACME Workforce Task Force:\n• Lucía Rangel - Northway\n• Omar Haddad - Delta Ports\n")
    io = {(x.initiatives[i].name, x.organizations[o].name): r for (i, o), r in x.initiative_organizations.items()}
    assert io == {("ACME Workforce Task Force", "ACME"): "convener"}


def test_short_form_of_an_organization_in_the_same_document():
    x = extract("Forum:\n• Ana Ruiz - Vireo\n• Luis Mata - Vireo Robotics\n• Eva Cano - Delta Group\n")
    assert [o.name for o in x.organizations].count("Vireo Robotics") == 1
    assert "Vireo" not in [o.name for o in x.organizations]


def test_places_headings_and_organizations_are_not_people():
    text = (
        "Mexico City Investment Summit\n\n"
        "Key Points\n\n"
        "San Antonio and Santa Clara University hosted the Adriana Valley Development Center in Guatemala City."
    )
    assert extract(text).people == []


def test_dash_lists_of_topics_are_not_people():
    text = (
        "Priorities\n"
        "• Smart Borders - blockchain pilots at crossings\n"
        "• Green Corridors - electrified freight lanes\n"
        "• Port Upgrades - dredging and cranes\n"
    )
    assert extract(text).people == []


def test_year_ranges_are_not_phone_numbers():
    x = extract("Said Nora Castillo, director of the Valle Institute, about 2023 - 2024 and 2019-2021.")
    assert x.people[0].phone is None


def test_role_prefixed_and_all_caps_list_lines():
    x = extract(
        "Ports Advisory Working Group:\n"
        "Chair: Alberto Fernández Garza - Grupo Tenoch\n"
        "Vice Chair: MARÍA JOSÉ DE LA GARZA - Banco Norte\n"
        "Treasurer: Peter Wexler - Wexler Capital\n"
    )
    assert {p.name: p.title for p in x.people} == {
        "Alberto Fernández Garza": "Chair", "María José de la Garza": "Vice Chair", "Peter Wexler": "Treasurer",
    }
    assert memberships(x)[("María José de la Garza", "Ports Advisory Working Group")] == "vice chair"
    assert ("Peter Wexler", "Wexler Capital") in affiliations(x)


def test_surnames_that_are_also_words_or_places():
    x = extract("Logistics Forum:\n• Owen White - Delta Ports\n• Ana Costa - Norvia\n• Brian Marzo - Kestrel\n")
    assert {p.name for p in x.people} == {"Owen White", "Ana Costa", "Brian Marzo"}
    assert extract("Jobs for El Salvador and Costa Rica; the White House agreed.").people == []


def test_title_and_organization_in_parentheses():
    x = extract("Panelists were Laura Benítez (Chief Economist, Banco Austral) and Peter Kline (Orchard Legal).")
    assert affiliations(x) == {("Laura Benítez", "Banco Austral"): "Chief Economist", ("Peter Kline", "Orchard Legal"): None}


def test_name_of_organization_in_prose():
    x = extract("Participants included Jane Holt of Acme Logistics Inc., Omar Reyes from the Gulf Ports Council "
                "and Mayor Roberto Salcedo of Laredo.")
    assert affiliations(x) == {("Jane Holt", "Acme Logistics Inc"): None, ("Omar Reyes", "Gulf Ports Council"): None}
    assert {p.name for p in x.people} == {"Jane Holt", "Omar Reyes", "Roberto Salcedo"}
