"""Organizations and affiliations written in the shapes real pages use (invented examples)."""

from db.extract.pipeline import extract


def _facts(text):
    x = extract(text)
    aff = {(x.people[p].name, x.organizations[o].name): t for (p, o), t in x.affiliations.items()}
    return x, {p.name for p in x.people}, aff, {o.name for o in x.organizations}


ADVISORS = (
    "Meet our new advisors:\n\n"
    "• Rosalinda Quezada Marín — 22 years at Autotransportes Sierra Alta, most recently as COO. She knows every yard "
    "between Saltillo and Laredo and will chair the group from day one.\n"
    "• Terrence Okoye-Lind — retired Deputy Port Director, Federal Port Inspection Service, Nogales. 28 years on the line.\n"
    "• Mariela Castañón, VP of Global Sourcing at Bellamy Kitchenware, who moved half her purchasing to Mexico.\n"
    "• Rafael Peña Villaseñor, former Head of Compliance at Torvik Motors México, now Managing Partner at Peña Trade Counsel.\n"
)


def test_advisor_list_lines_with_careers():
    x, names, aff, orgs = _facts(ADVISORS)
    assert aff[("Rosalinda Quezada Marín", "Autotransportes Sierra Alta")] == "COO"
    assert ("Terrence Okoye-Lind", "Federal Port Inspection Service") in aff
    assert ("Mariela Castañón", "Bellamy Kitchenware") in aff
    assert ("Rafael Peña Villaseñor", "Torvik Motors México") in aff
    assert ("Rafael Peña Villaseñor", "Peña Trade Counsel") in aff
    assert not any("who" in o or "years" in o or o.startswith("now") or "Nogales" in o for o in orgs)
    assert "Global Sourcing" not in orgs


PROFILE = (
    "Great to see this launch.\n\n"
    "Odalys Ferreira • 3rd+\n"
    "Director of Trade Operations | Puentes Unidos Brokerage | Nogales, AZ\n"
    "Congrats to the whole team!\n\n"
    "Bastian Kroll • 2nd\n"
    "VP Global Sourcing @ Hartwell Appliance Group\n"
    "Count me in.\n"
)


def test_profile_headline_title_pipe_company_and_at_sign():
    x, names, aff, orgs = _facts(PROFILE)
    assert aff[("Odalys Ferreira", "Puentes Unidos Brokerage")] == "Director of Trade Operations"
    assert ("Bastian Kroll", "Hartwell Appliance Group") in aff
    assert "AZ" not in orgs and "Global Sourcing" not in orgs


RANKING = (
    "Los líderes del año\n\n"
    "1. Mariana Robles Ugarte\n"
    "Presidenta y directora general, Grupo Almacenador Purépecha\n"
    "Tomó la empresa familiar en 2015 y la convirtió en el operador más grande de la región.\n\n"
    "2. Klaus Ortega  |  CEO de Ortega Industrial Parks\n"
    "Pasó diez años en una firma alemana antes de volver a León.\n\n"
    "3. Omar Salas Ruiz — Socio director de Salas, Ruiz y Asociados\n"
    "El abogado más buscado por las empresas asiáticas.\n"
)


def test_numbered_profiles_and_name_separator_title_lines():
    x, names, aff, orgs = _facts(RANKING)
    assert aff[("Mariana Robles Ugarte", "Grupo Almacenador Purépecha")] == "Presidenta y directora general"
    assert aff[("Klaus Ortega", "Ortega Industrial Parks")] == "CEO"
    assert aff[("Omar Salas Ruiz", "Salas, Ruiz y Asociados")] == "Socio director"


ROSTER = (
    "La misión concluyó con 90 citas de negocio.\n\n"
    "COMITIVA EMPRESARIAL\n"
    "Maquinados Finos del Centro — Ing. Teodoro Balderas Ruiz, director general\n"
    "Conservas La Huerta Alta (CLHA) — Lic. Sofía Garrido Peña, gerente de exportaciones\n"
    "… y otras seis empresas del sector.\n"
)


def test_roster_lines_written_organization_first():
    x, names, aff, orgs = _facts(ROSTER)
    assert aff[("Teodoro Balderas Ruiz", "Maquinados Finos del Centro")] == "director general"
    assert aff[("Sofía Garrido Peña", "Conservas La Huerta Alta")] == "gerente de exportaciones"
    assert "Maquinados Finos del Centro" not in names


TEAM = (
    "ACBC\n"
    "Amber Coast Business Council\n"
    "Home  About  Team  Contact\n\n"
    "Our Team\n\n"
    "Marisol Echeverría Paz\n"
    "Executive Director\n"
    "Email   LinkedIn\n"
    "Read Bio +\n"
    "Marisol has led ACBC since 2018. Before joining the council she spent eight years at Harbor Gate Logistics, "
    "most recently as head of operations, and earlier served with the Port of Ensenada Authority.\n\n"
    "Tobías Grant\n"
    "Policy Manager\n"
    "Read Bio +\n"
    "Tobías came to ACBC from Fundación Mar Abierto, where he was an analyst. He ran trade compliance for "
    "Norcastle Electronics' Tijuana plant for six years.\n"
)


def test_team_cards_links_and_given_name_bios():
    x, names, aff, orgs = _facts(TEAM)
    assert not any("Read" in o or "Email" in o or "LinkedIn" in o for o in orgs)
    assert ("Marisol Echeverría Paz", "Amber Coast Business Council") in aff
    assert ("Marisol Echeverría Paz", "Harbor Gate Logistics") in aff
    assert ("Tobías Grant", "Fundación Mar Abierto") in aff
    assert ("Tobías Grant", "Norcastle Electronics") in aff
    assert "ACBC" not in orgs


TEAM_PAGE = (
    "NWTA\n"
    "Northwest Trade Alliance\n"
    "Home  About  Members\n\n"
    "STAFF\n\n"
    "Renata Salgado Ortiz\n"
    "Executive Director\n\n"
    "Owen Castillo\n"
    "Membership Coordinator\n\n"
    "BOARD OF DIRECTORS 2024–2026\n\n"
    "Chair\n"
    "Helena Marsh-Ibarra\n"
    "Plant Manager, Cascadia Foundry Works\n\n"
    "© 2025 Northwest Trade Alliance. All rights reserved.\n"
)


def test_staff_and_board_of_the_sites_own_organization():
    x, names, aff, orgs = _facts(TEAM_PAGE)
    owner = "Northwest Trade Alliance"
    assert ("Renata Salgado Ortiz", owner) in aff and ("Owen Castillo", owner) in aff
    assert ("Helena Marsh-Ibarra", owner) in aff and ("Helena Marsh-Ibarra", "Cascadia Foundry Works") in aff


PROFILES_ES = (
    "Los 5 líderes de la logística\n\n"
    "1. Renata Villalpando Cruz\n"
    "Presidenta, Grupo Almacenador del Sur\n"
    "Tomó la empresa familiar en 2016 y la hizo crecer. Antes fue vicepresidenta de operaciones de Bodegas Peninsulares "
    "y directora de Análisis Comercial en la misma firma.\n\n"
    "2. Ing. Lourdes Echevarría Pons\n"
    "Directora de la planta de Celaya de Vantor Motors, donde se arman 900 camionetas al día. Es la primera mujer en el cargo.\n\n"
    "3. Dieter Holm  |  CEO de Holm Industrial Parks\n"
    "Pasó once años en la alemana Brandauer Immobilien GmbH antes de volver a Querétaro para desarrollar su primer parque.\n\n"
    "4. Andrea Solís Medina\n"
    "Vicepresidenta para Canadá de Harrowgate Rail Holdings\n"
    "Lleva la expansión de la terminal intermodal.\n"
)


def test_ranked_profiles_with_career_paragraphs():
    x, names, aff, orgs = _facts(PROFILES_ES)
    assert ("Renata Villalpando Cruz", "Bodegas Peninsulares") in aff
    assert ("Lourdes Echevarría Pons", "Vantor Motors") in aff
    assert ("Dieter Holm", "Brandauer Immobilien GmbH") in aff
    assert ("Andrea Solís Medina", "Harrowgate Rail Holdings") in aff
    assert not any(o.startswith(("Celaya", "México", "Análisis")) for o in orgs)


APPOSITIONS = (
    "The forum is co-chaired by Gregory Whitfield, plant manager of Corbel Automotive's Saltillo complex, and "
    "Irene Castañeda Ruiz, Director of Government Affairs for Brightline Tool & Die. Serving with them are others.\n\n"
    "A panel brings together Daniel Okafor, who heads procurement at Brightline Tool & Die, and Dr. Helen Marsh, "
    "who leads the Logistics Lab at Sonoran Polytechnic Institute.\n\n"
    "Business Leader of the Year\n"
    "Thomas Villarreal Cantú\n"
    "Chief Executive Officer, Grupo Industrial Tarima (Monterrey, N.L.)\n"
)


def test_appositions_with_portfolio_possessive_and_who_clauses():
    x, names, aff, orgs = _facts(APPOSITIONS)
    assert aff[("Gregory Whitfield", "Corbel Automotive")] == "plant manager"
    assert aff[("Irene Castañeda Ruiz", "Brightline Tool & Die")] == "Director of Government Affairs"
    assert ("Daniel Okafor", "Brightline Tool & Die") in aff
    assert ("Helen Marsh", "Sonoran Polytechnic Institute") in aff
    assert aff[("Thomas Villarreal Cantú", "Grupo Industrial Tarima")] == "Chief Executive Officer"
    assert not any(")" in o or "Saltillo" in o for o in orgs)


MISION = (
    "La Misión Comercial Jalisco–Texas 2025, encabezada por el secretario de Fomento Económico Regional, "
    "Mtro. Arturo Benavente Ríos, concluyó con 80 citas de negocio.\n\n"
    "Por parte de la Secretaría de Fomento Económico Regional (SFER) acompañaron al titular la Mtra. Paola Iriarte Luna, "
    "directora general de Comercio Exterior, y el Lic. Jorge Salcido Vela, director de Atracción de Inversiones. "
    "La agenda incluyó visitas a plantas.\n"
)


def test_office_title_names_its_ministry_and_those_who_came_for_it():
    x, names, aff, orgs = _facts(MISION)
    ministry = "Secretaría de Fomento Económico Regional"
    assert ("Arturo Benavente Ríos", ministry) in aff
    assert ("Paola Iriarte Luna", ministry) in aff and ("Jorge Salcido Vela", ministry) in aff


def test_legal_forms_and_names_with_commas():
    x, names, aff, orgs = _facts(
        "The governor announced that Hanbit Metalworks Co., Ltd., a Korean maker of parts, picked a site. "
        "Its plant in Saltillo is run by Hanbit Metalworks de México, S.A. de C.V. since 2019.\n\n"
        "Session two brings together Leandro Ibarra of advisory firm Ibarra, Kessel & Prado, S.C. and others.\n\n"
        "La Comisión de Minería, Tecnología y Sustentabilidad aprobó el dictamen por unanimidad.\n")
    assert {"Hanbit Metalworks Co., Ltd.", "Hanbit Metalworks de México, S.A. de C.V.", "Ibarra, Kessel & Prado, S.C.",
            "Comisión de Minería, Tecnología y Sustentabilidad"} <= orgs
    assert "Hanbit Metalworks Co" not in orgs and "Comisión de Minería" not in orgs


def test_organization_before_the_title():
    x, names, aff, orgs = _facts(
        "Members were received by FMC Harbor District Port Director Lorena Ostrander-Vale at the crossing. "
        "The agency confirmed the plan. ADUMEX's Administrador Central de Operación, Lic. Faustino Arredondo Prieto, "
        "confirmed matching work on the Mexican side.\n\n"
        "Speakers include Jasper Whitcomb-Soto (Whitcomb Soto Trade Consulting, Laredo, TX) and others.\n")
    assert aff[("Lorena Ostrander-Vale", "FMC")] == "Harbor District Port Director"
    assert aff[("Faustino Arredondo Prieto", "ADUMEX")] == "Administrador Central de Operación"
    assert ("Jasper Whitcomb-Soto", "Whitcomb Soto Trade Consulting") in aff
    assert not any("TX" in o for o in orgs)


def test_unit_of_an_acronym_and_person_with_acronym_in_parentheses():
    x, names, aff, orgs = _facts(
        "La Universidad Politécnica del Desierto (UPD) y la Gulf Coast State University (GCSU) firmaron un convenio. "
        "El programa será coordinado por la Dra. Marcela Ibarra Soto, profesora del Departamento de Ingeniería Química de la UPD, "
        "y por el Dr. Samuel Okafor, director del Center for Advanced Packaging de GCSU. Contará con fondos federales.\n\n"
        "COORDINACIÓN\n"
        "Dra. Marcela Ibarra Soto (UPD) — coordinadora\n"
        "Dr. Samuel Okafor (GCSU) — coordinador\n")
    assert ("Marcela Ibarra Soto", "Universidad Politécnica del Desierto") in aff
    assert ("Samuel Okafor", "Gulf Coast State University") in aff
    assert not any(o.startswith("Dra.") or "Contará" in o for o in orgs)


def test_two_titles_before_a_name_and_as_title_of_org():
    x, names, aff, orgs = _facts(
        "The trip was led together with Ridgeway Commerce Authority President and CEO Marian T. Holloway-Baird. "
        "Min-seo Park, who will run the new plant as President and CEO of Hanbit Metalworks America, spoke next. "
        "Sergio Nava, quien funge como coordinador del Grupo de Trabajo Regional, habló después.\n")
    assert aff[("Marian T. Holloway-Baird", "Ridgeway Commerce Authority")] == "President and CEO"
    assert aff[("Min-seo Park", "Hanbit Metalworks America")] == "President and CEO"
    assert "Grupo de Trabajo Regional" not in orgs


def test_streets_of_an_address_are_no_organizations():
    x, names, aff, orgs = _facts(
        "Contacto\n"
        "Oficina Tijuana: Av. Revolución Industrial 1200, Zona Centro, Tijuana, B.C.\n"
        "San Diego Office: 1750 Harbor Gateway Dr., Suite 300, San Diego, CA 92154\n")
    assert not any("Revolución" in o or "Harbor Gateway" in o for o in orgs)


PORT_RELEASE = (
    "PORT OF WILLET BAY\n"
    "Home    About the Port    Cargo    Newsroom\n\n"
    "Willet Bay and Tuxpan ports sign a data-sharing memorandum\n\n"
    "WILLET BAY, Texas – The Port of Willet Bay signed a memorandum on Monday with the Tuxpan port authority. "
    "Executive Director and CEO Rosalba Quintrell-Ames signed for the port, joined by Commissioner Ottavio "
    "Brenneman-Soto and Chief Financial Officer Lysander Okafor-Dietz. Orsolya Vance-Ibarra's Chief Operating "
    "Officer Pim Aldana-Ruiz also attended, as did Mayor Edwina Castellane-Hope.\n\n"
    "About the Port of Willet Bay\n"
    "The Port of Willet Bay is a deep-water port on the Texas coast.\n\n"
    "Photo: Ines Calloway\n"
)


def test_staff_titled_right_before_their_names_work_at_the_organization_that_publishes_the_release():
    x, people, aff, _ = _facts(PORT_RELEASE)
    for person in ("Rosalba Quintrell-Ames", "Ottavio Brenneman-Soto", "Lysander Okafor-Dietz"):
        assert (person, "Port of Willet Bay") in aff
    assert ("Edwina Castellane-Hope", "Port of Willet Bay") not in aff  # a mayor holds a public office
    assert ("Pim Aldana-Ruiz", "Port of Willet Bay") not in aff  # (someone else's officer)


def test_a_reporters_title_after_a_moderators_name_is_no_person():
    _, people, _, _ = _facts("AGENDA\n\n10:20 a.m.    PANEL: Rail After the Review\n"
                             "              Moderator: Idalia Brenkman-Soto, Senior Reporter, Willet Bay Ledger\n"
                             "              Panelists:\n"
                             "              • Pim Aldana-Ruiz – Managing Director at Corvan Yards\n")
    assert "Idalia Brenkman-Soto" in people and "Senior Reporter" not in people


def test_a_board_elected_one_a_line_sits_at_the_publisher_and_a_groups_officers_at_no_organization():
    _, _, aff, _ = _facts(
        "Pecan Valley EDC\n"
        "Pecan Valley Economic Development Corporation\n"
        "Sites | Data | News | Contact\n\n"
        "Annual meeting looks south to Mexico\n\n"
        "The Pecan Valley Economic Development Corporation held its annual meeting on Thursday.\n\n"
        "Members also elected the following to the 2026–2027 Board of Directors:\n"
        "Chair – Oriana Velasquez-Boyd, Mesquite Health\n"
        "Treasurer – Lionel Achebe-Ruiz, Caddo Community Bank\n\n"
        "La mesa directiva del grupo quedó integrada así: presidenta, Itzel Moreno Quiroga; secretaria, "
        "Dalia Uc Pérez; y vocal, Ramón Ek Balam.\n")
    for person in ("Oriana Velasquez-Boyd", "Lionel Achebe-Ruiz"):
        assert (person, "Pecan Valley Economic Development Corporation") in aff
    assert not any(p == "Dalia Uc Pérez" for p, _ in aff)
