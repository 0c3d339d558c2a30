"""The extraction stages added for unseen documents: mentions (nicknames, suffixes, given names
from a package), groups (named inside runs, unnamed delegations, binational bodies) and the main
group's memberships. Every text is invented for these tests."""

from __future__ import annotations

from db.extract import extract
from extraction_views import affiliations, members as _members, names


def _names(x, kind="people"):
    return names(x, kind)


def test_nickname_in_quotes_and_suffix_after_comma_stay_in_the_name():
    x = extract(
        "Fresh Produce Corridor Working Group\n\n"
        "Members:\n"
        "- Evaristo “Chayo” Lumbreras Tamez - Agrícola Sotavento\n"
        "- Barnaby Quill, Jr. - Quill Orchards\n"
    )
    names = _names(x)
    assert "Evaristo “Chayo” Lumbreras Tamez" in names
    assert "Barnaby Quill, Jr." in names


def test_package_given_names_find_people_the_short_list_lacks():
    x = extract("The forum heard from Thaddeus Crumpton, the port's planning director, on Tuesday.")
    assert "Thaddeus Crumpton" in _names(x)


def test_group_named_inside_a_longer_run_and_its_listed_members():
    x = extract(
        "Closing Report of the Binational Task Force on Cold Chain Logistics\n\n"
        "Task Force Members\n"
        "Ofelia Brambila Serna, Director, Frigoríficos del Pacífico\n"
        "Lucius Penhallow, Partner, Penhallow Freight LLC\n"
    )
    group = "Binational Task Force on Cold Chain Logistics"
    assert group in _names(x, "initiatives")
    mem = _members(x)
    assert (("Ofelia Brambila Serna", group) in mem) and (("Lucius Penhallow", group) in mem)


def test_unnamed_delegation_gets_its_people_but_not_those_it_met():
    x = extract(
        "Last week Senator Marisa Quintero led a bipartisan congressional delegation to Guatemala. "
        "She was joined by Senator Howell Brandt.\n\n"
        "In the capital the members met with Finance Minister Octavio Peralta Ruano.\n"
    )
    assert "bipartisan congressional delegation to Guatemala" in _names(x, "initiatives")
    mem = _members(x)
    group = "bipartisan congressional delegation to Guatemala"
    assert ("Marisa Quintero", group) in mem and ("Howell Brandt", group) in mem
    assert not any(p == "Octavio Peralta Ruano" for p, _ in mem)


def test_spanish_group_named_after_its_kind_inside_a_run():
    x = extract(
        "La Secretaría de Turismo recibió la Reunión Anual del Mecanismo Binacional de Puertos Secos, "
        "encabezada por la directora Ximena Torreblanca Uribe.\n"
    )
    assert "Mecanismo Binacional de Puertos Secos" in _names(x, "initiatives")
    mem = _members(x)
    assert mem.get(("Ximena Torreblanca Uribe", "Mecanismo Binacional de Puertos Secos")) == "lead"


def test_binational_council_without_staff_is_a_group_with_staff_an_organization():
    group = extract(
        "Second Session of the U.S.-Mexico Freight Rail Council\n\n"
        "The U.S.-Mexico Freight Rail Council met in Tucson. The session was co-chaired by "
        "Philippa Nordstrom, Deputy Assistant Secretary at the Department of Transportation.\n"
    )
    assert "U.S.-Mexico Freight Rail Council" in _names(group, "initiatives")
    assert "U.S.-Mexico Freight Rail Council" not in _names(group, "organizations")
    assert _members(group)[("Philippa Nordstrom", "U.S.-Mexico Freight Rail Council")] == "co-chair"
    staffed = extract(
        "The Binational Orchard Council (BOC) opened an office in Yuma, said Gwendolyn Ashby, "
        "executive director of the BOC.\n"
    )
    assert "Binational Orchard Council" in _names(staffed, "organizations")


def test_spokesperson_of_the_convener_is_not_a_member():
    x = extract(
        "The Border Trucking Association presented the Safe Crossings Working Group, led by Hernán Valdivia Ochoa.\n\n"
        "\"Crossings must be predictable,\" said Rosalind Kettering, president of the Border Trucking Association.\n"
    )
    mem = _members(x)
    assert mem.get(("Hernán Valdivia Ochoa", "Safe Crossings Working Group")) == "lead"
    assert ("Rosalind Kettering", "Safe Crossings Working Group") not in mem


def test_party_and_state_labels_make_people_never_organizations():
    x = extract(
        "Congressman Bertram Ashgrove (D-Ore.) led the visit. He was joined by Representatives "
        "Quillfeather (OR), Dunmore-Pike (WA) and Estrada (NM).\n"
    )
    names = _names(x)
    assert {"Bertram Ashgrove", "Quillfeather", "Dunmore-Pike", "Estrada"} <= names
    assert not any("Representatives" in o or "Ashgrove" in o for o in _names(x, "organizations"))


def test_an_acronym_in_parentheses_is_not_a_party_label():
    x = extract("The Gulf Ports Council (GPC) opened an office in Mobile.\n")
    assert "Gulf Ports Council" in _names(x, "organizations") and not _names(x)


def test_hard_wrapped_spanish_board_list_gives_companies_and_seats():
    x = extract(
        "Rinde protesta el nuevo Consejo Directivo de la Asociación de Maquiladoras del Sureste AC.\n\n"
        "Serán integrantes del Consejo Directivo de la Asociación de Maquiladoras del Sureste AC los siguientes\n"
        "empresarios: Leopoldina Chablé Uicab de Confecciones Xcanatún,\n"
        "vicepresidenta; Gumersindo Pat Canul de Empaques Dzilam,\n"
        "tesorero; y Rosendo Ek Balam, secretario.\n"
    )
    aff = {(x.people[p].name, x.organizations[o].name): t for (p, o), t in x.affiliations.items()}
    assert aff[("Leopoldina Chablé Uicab", "Confecciones Xcanatún")] == "vicepresidenta"
    assert ("Gumersindo Pat Canul", "Empaques Dzilam") in aff
    assert ("Gumersindo Pat Canul", "Asociación de Maquiladoras del Sureste AC") in aff


def test_unwrap_keeps_offsets_and_list_lines():
    from db.extract.structure import unwrap

    text = "The forum gathered business leaders from both sides of\nthe border.\n- Ana Ruiz - Vireo\n- Luis Mata - Delta\n"
    out = unwrap(text)
    assert len(out) == len(text)
    assert "sides of the border." in out and "\n- Ana Ruiz - Vireo\n- Luis Mata" in out


def test_title_word_as_a_surname_and_industry_word_as_a_company():
    x = extract("The association is led by Evaristo Alcalde Quiñones. Its sponsor is Founding Partner Orizaba Steel.\n")
    assert "Evaristo Alcalde Quiñones" in _names(x)
    assert "Orizaba Steel" not in _names(x)


def test_board_page_seats_its_people_at_the_organization_but_not_the_official_guest():
    x = extract(
        "Hortensia Labastida sworn in as president of Maquilas Sotavento\n\n"
        "ENSENADA - The Board of Directors of Maquilas Sotavento took the oath of office, led by Hortensia Labastida. "
        "The ceremony was attended by Governor Eustaquio Ramos Villa.\n\n"
        "The board also includes Anacleto Yépez Rivas as Treasurer and Filomena Bautista Ruiz as Secretary.\n"
    )
    aff = {(x.people[p].name, x.organizations[o].name) for (p, o) in x.affiliations}
    for name in ("Hortensia Labastida", "Anacleto Yépez Rivas", "Filomena Bautista Ruiz"):
        assert (name, "Maquilas Sotavento") in aff
    assert ("Eustaquio Ramos Villa", "Maquilas Sotavento") not in aff


def test_people_listed_by_organization_between_semicolons():
    x = extract(
        "We thank Odilia Ferrán and Basilio Mendoza Ruiz, Cordillera Freight; Tobias Wrexham, Marlpit Institute; "
        "and Quintina Lafarge, Estuary Ports Board.\n\n"
        "Asistieron por la Secretaría de Movilidad, Ignacia Pool Chan y Herminio Uc Tun; así como representantes "
        "de Universidad del Litoral, entre ellos Candelaria Ek Puc; y Serapio Cob May, del ayuntamiento.\n"
    )
    aff = {(x.people[p].name, x.organizations[o].name) for (p, o) in x.affiliations}
    assert ("Odilia Ferrán", "Cordillera Freight") in aff and ("Basilio Mendoza Ruiz", "Cordillera Freight") in aff
    assert ("Tobias Wrexham", "Marlpit Institute") in aff
    assert ("Ignacia Pool Chan", "Secretaría de Movilidad") in aff
    assert ("Candelaria Ek Puc", "Universidad del Litoral") in aff


def test_acronyms_and_enumerations_of_organizations():
    x = extract(
        "Asistieron funcionarios de la SEDUM, Profeco, IMTRA y Canacintra, así como la titular del IMPLAN, "
        "Rosaura Téllez Bravo.\n"
    )
    orgs = _names(x, "organizations")
    assert {"SEDUM", "IMTRA", "IMPLAN"} <= orgs
    assert "Profeco" in orgs and "Canacintra" in orgs


def test_long_single_words_and_lists_stay_linear():
    # shapes that made a pattern backtrack: they must come back at once, with nothing drawn
    for text in ("a" * 50_000, "x@" * 20_000):
        x = extract(text)
        assert not x.organizations and not x.people
    extract("Word " * 2_000 + "(GA)")


def test_apposition_after_a_name_in_either_language():
    x = extract(
        "Integraron la mesa Casimira Lobato Ruiz, Presidenta de la Cámara de Industriales del Golfo (CIG); "
        "y Teodulo Barraza Leal, director de Fomento de Exportaciones.\n\n"
        "Congresswoman Philippa Ravensworth (R-AZ), Ranking Member of the House Subcommittee on Border Ports, spoke.\n"
    )
    aff = {(x.people[p].name, x.organizations[o].name): t for (p, o), t in x.affiliations.items()}
    assert aff[("Casimira Lobato Ruiz", "Cámara de Industriales del Golfo")] == "Presidenta"
    assert ("Philippa Ravensworth", "House Subcommittee on Border Ports") in aff


def test_official_named_after_a_department_in_the_title():
    x = extract("Remarks by Secretary of Agriculture and Rural Development Bartholomew Quayside on the Border Grain Dialogue.\n")
    assert "Bartholomew Quayside" in _names(x)
    assert not any("Quayside" in o for o in _names(x, "organizations"))


def test_bare_company_after_a_name_and_staff_listed_after_a_colon():
    x = extract(
        "La comitiva la integraron Rosa María Ruvalcaba Peña, de Vidriera Tepeyac; Anselmo Quiñones Lara, del Grupo Marsella, "
        "y Eulalia Fonseca Díaz, de Tornillos Ibarra.\n\n"
        "We met senior officials of the Gulf Ports Authority (GPA): Mr. Nathaniel Ossery, Director of Planning; "
        "Ms. Corinne Babbage, Harbor Master.\n"
    )
    aff = {(x.people[p].name, x.organizations[o].name) for (p, o) in x.affiliations}
    assert ("Rosa María Ruvalcaba Peña", "Vidriera Tepeyac") in aff
    assert ("Anselmo Quiñones Lara", "Grupo Marsella") in aff
    assert ("Nathaniel Ossery", "Gulf Ports Authority") in aff and ("Corinne Babbage", "Gulf Ports Authority") in aff


def _affiliations(x):
    return set(affiliations(x))


def test_a_biography_line_gives_every_organization_of_the_career_but_where_they_studied():
    x = extract(
        "Speakers\n"
        "Odalys Fenwick-Arroyo is chief economist at Banco Terravela. She previously served as adviser to the "
        "Minister of Industry at the Ministerio de Comercio Andino and as attaché at the Embassy of Peru in Ottawa. "
        "She holds a master’s degree from the Universidad del Pacífico Sur.\n"
        "Thaddeus Oyelowo-Brandt was a partner at Greystrand Advisory Group from 2015 to 2021.\n"
    )
    got = _affiliations(x)
    assert ("Odalys Fenwick-Arroyo", "Banco Terravela") in got
    assert ("Odalys Fenwick-Arroyo", "Ministerio de Comercio Andino") in got
    assert ("Odalys Fenwick-Arroyo", "Embassy of Peru in Ottawa") in got
    assert ("Odalys Fenwick-Arroyo", "Universidad del Pacífico Sur") not in got
    assert ("Thaddeus Oyelowo-Brandt", "Greystrand Advisory Group") in got
    assert not any(o == "Greystrand Advisory Group" for p, o in got if p.startswith("Odalys"))


def test_a_spanish_title_before_the_name_gives_the_organization_that_ends_it():
    x = extract(
        "En la reunión, la directora de Vinculación Regional de la Agencia Fronteriza de Aduanas (AFA), "
        "Yolotzin Barragán Ochoterena, presentó el plan; a nombre de la COFEPRIX, el encargado de Normas, "
        "Anselmo Quiroga Bértiz, informó los avances, y el jefe de la oficina de enlace de ZNB en Reynosa, "
        "Wendell Okonkwo Treviño, expuso las necesidades del puerto."
    )
    got = _affiliations(x)
    assert ("Yolotzin Barragán Ochoterena", "Agencia Fronteriza de Aduanas") in got
    assert ("Anselmo Quiroga Bértiz", "COFEPRIX") in got
    assert ("Wendell Okonkwo Treviño", "ZNB") in got
    assert ("Anselmo Quiroga Bértiz", "ZNB") not in got  # "informó ...": a clause, not an apposition


def test_a_title_with_modifiers_is_not_a_name():
    x = extract("Se reunió con la Representante Comercial Adjunta de Tarvonia, Greta Lindqvist-Oyarzún, en la sede.")
    assert _names(x) == {"Greta Lindqvist-Oyarzún"}


def test_a_name_alone_on_its_line_takes_the_credentials_of_the_next():
    x = extract(
        "Steering Board of the Pacific Freight Circle\n\n"
        "Chair: Wilhelmina T. Ojukwu-Barr\n"
        "Professor of Logistics and former Dean, Harwick School of Maritime Studies, Dunmore University, Halifax; "
        "former Chair, National Harbors Board and former Deputy Minister of Transport\n\n"
        "Vice Chair: Anacleto Yáñez Prats\n"
        "Senior Partner, Yáñez & Socios, S.C., Guadalajara; former Director, Centro de Estudios Portuarios\n"
    )
    got = {(x.people[p].name, x.organizations[o].name): t for (p, o), t in x.affiliations.items()}
    assert "Dean" in got[("Wilhelmina T. Ojukwu-Barr", "Harwick School of Maritime Studies")]
    assert ("Wilhelmina T. Ojukwu-Barr", "Dunmore University") in got
    assert got[("Wilhelmina T. Ojukwu-Barr", "National Harbors Board")] == "former Chair"
    assert got[("Anacleto Yáñez Prats", "Yáñez & Socios, S.C.")] == "Senior Partner"
    assert got[("Anacleto Yáñez Prats", "Centro de Estudios Portuarios")] == "former Director"
    assert not any(o in ("S.C.", "Guadalajara", "Halifax") for _, o in got)


def test_a_portfolio_after_a_unit_title_is_not_an_organization_and_a_later_surname_is_the_same_person():
    x = extract(
        "Met with officials of the Trade Ministry of Varnia (TMV): Ottavia Brenneke-Sauer, Director General "
        "of Customs Facilitation; Anders Quilvey, Head of the Supplier Outreach Unit; and Ambassador "
        "Ysolde Marrow Pennick, chargé d’affaires of the Varnian Office for Commercial Diplomacy (VOCD). "
        "Ambassador Marrow Pennick presented the office’s tools."
    )
    orgs = _names(x, "organizations")
    assert "Customs Facilitation" not in orgs and "Supplier Outreach Unit" not in orgs
    assert ("Ysolde Marrow Pennick", "Varnian Office for Commercial Diplomacy") in _affiliations(x)
    assert "Marrow Pennick" not in _names(x)


def test_an_organization_before_or_after_a_run_of_people_is_theirs():
    x = extract(
        "Con la presencia de los regidores Alondra Peñaflor Ugalde (PAN), vicepresidenta de la Mesa, "
        "Casimira Oyervides Tello (Morena) y Teodoro Garza Quiroz en representación del Ayuntamiento de "
        "Saltillo, arrancó la sesión. Por el sector privado acudieron, del Grupo Tornasol, Everardo "
        "Lizárraga Pimentel, director de ventas, y por Lácteos “La Ventisca”, Higinio Cárdenas Rul, socio, "
        "y Natalia Bermúdez Ochoa, directora general."
    )
    got = _affiliations(x)
    for name in ("Alondra Peñaflor Ugalde", "Casimira Oyervides Tello", "Teodoro Garza Quiroz"):
        assert (name, "Ayuntamiento de Saltillo") in got
    assert ("Everardo Lizárraga Pimentel", "Grupo Tornasol") in got
    assert ("Higinio Cárdenas Rul", "Lácteos “La Ventisca”") in got
    assert ("Natalia Bermúdez Ochoa", "Lácteos “La Ventisca”") in got
    assert ("Everardo Lizárraga Pimentel", "Lácteos “La Ventisca”") not in got


def test_people_who_led_or_were_part_of_a_delegation_are_its_members():
    x = extract(
        "Senator Orrin Blackwood (R-UT) and Senator Mireille Tanaka-Ross (D-HI) led a bipartisan "
        "congressional delegation to Querétaro for three days of talks. Reps. Alder Quimby (R-OH) and "
        "Soledad Fairweather (D-NV) were also part of the delegation. The delegation met with Governor "
        "Anacleto Rentería Paz."
    )
    got = _members(x)
    led = {name: role for (name, group), role in got.items() if "delegation" in group}
    assert led.get("Orrin Blackwood") == "lead" and led.get("Mireille Tanaka-Ross") == "lead"
    assert "Alder Quimby" in led and "Soledad Fairweather" in led
    assert "Anacleto Rentería Paz" not in led


def test_shapes_that_are_never_an_organization_are_dropped():
    x = extract(
        "El embajador de México en Lisboa, Casiano Ortúzar Villegas, saludó al Consejo de Administración de "
        "Aceros Brumales. Asistió Dorotea Lunn, COO, y el sheriff del Condado de Wexcombe, Abner Tull. "
        "Quinlan Marsh, the Tulsa-based partner, spoke."
    )
    orgs = _names(x, "organizations")
    assert "Aceros Brumales" in orgs
    for junk in ("México en Lisboa", "COO", "Condado de Wexcombe", "Tulsa-based",
                 "Consejo de Administración de Aceros Brumales"):
        assert junk not in orgs


def test_a_name_in_a_list_of_people_is_a_person_and_a_mexican_state_is_a_place():
    x = extract(
        "The study was written by Ingrid Solberg, Tomás Arriaga, Quillon Brevard and Hedda Lindqvist. "
        "We thank: Marta Ocaña, Ferrovías Altiplano; Yaretzi Tuxpan Oviedo, Oficina del Gobernador, Sonora; "
        "and Pablo Ruiz, Laredo Freight Lab."
    )
    names = _names(x)
    assert {"Quillon Brevard", "Yaretzi Tuxpan Oviedo"} <= names
    assert "Sonora" not in _names(x, "organizations")
