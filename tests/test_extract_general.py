"""Generalisation: two invented documents of the seeds' genre (a council press release and a
delegation report), never seen while writing the rules' vocabularies."""

from __future__ import annotations

from db.extract import extract

COUNCIL = 'MONTERREY, NUEVO LEÓN – MARCH 4, 2025 – The Binational Competitiveness Council (BCC) announced today the members of its new Advanced Manufacturing Working Group, which will advise both governments on semiconductor and electric-vehicle supply chains.\n\n"Nearshoring is no longer a forecast; it is a construction schedule," said Patricia Olvera Lozano, executive director of the BCC. "This group brings together the people who are actually building the plants."\n\nThe working group will be co-chaired by Michael J. Brennan, former Deputy Secretary of Commerce, and Gabriela Cárdenas del Río, president of the Northern Industrial Parks Association (NIPA). Olvera added that the group will publish its first recommendations in September.\n\nThe initiative is made possible by Founding Sponsor Tecnológico Aceros alongside Lumen Freight as a Logistics Partner.\n\nAdvanced Manufacturing Working Group members:\n\n• Héctor Iturbide - Tecnológico Aceros\n• Samantha Greer - Lumen Freight\n• Raúl Esparza Núñez -Grupo Industrial Saltillo\n• Kenji Watanabe - Hanshin Motors de México\n• Adriana Villarreal- Banco del Bajío\n• Thomas Whitaker\n• Ana Lucía Ferrer - U.S. Department of Commerce\n\nMedia contact: Jorge Medellín, communications manager, BCC, jmedellin@bcc-example.org, +52 81 5555 0199\n'

DELEGATION = 'Southwest Border Trade Delegation Visits Mexico City\n\nDaniel Forsythe\nSenior Policy Analyst, Texas Border Commerce Alliance\n\nApril 12, 2024\n\nLast week the Texas Border Commerce Alliance (TBCA) led a delegation of twenty-two companies to Mexico City. The delegation met with Undersecretary of Foreign Trade Alejandro Encinas Rodríguez, officials from the National Customs Agency, and representatives of the Mexican Business Council (CMN).\n\nGovernor Laura Whitfield opened the visit with a keynote on cross-border infrastructure. She was joined by Mayor Roberto Salcedo of Laredo and by Sen. Carlos Ibarra (D-TX 21st District).\n\nTBCA Board Chair Denise Okafor told participants that the Alliance would return in the fall. "Our members need predictable inspections," Okafor said.\n\nAccording to Luis Enrique Marroquín, director general of the Mexican Institute for Competitiveness, customs modernization is the single most important measure. Marroquín also welcomed the Alliance\'s proposal for a joint pilot program.\n\nDelegation participants included:\n- Kevin Stroud - Rio Bravo Logistics\n- Mónica Salazar Treviño - Frontera Cold Chain\n- Bradley Nunn - Permian Electric Cooperative\n- Yolanda de la Garza - Laredo Economic Development Corporation\n'


def _facts(text):
    x = extract(text)
    names = {p.name for p in x.people}
    aff = {(x.people[p].name, x.organizations[o].name) for (p, o) in x.affiliations}
    mem = {(x.people[p].name, x.initiatives[i].name): r for (p, i), r in x.memberships.items()}
    return x, names, aff, mem


def test_council_press_release():
    x, names, aff, mem = _facts(COUNCIL)
    expected = {
        "Patricia Olvera Lozano", "Michael J. Brennan", "Gabriela Cárdenas del Río", "Héctor Iturbide",
        "Samantha Greer", "Raúl Esparza Núñez", "Kenji Watanabe", "Adriana Villarreal", "Thomas Whitaker",
        "Ana Lucía Ferrer", "Jorge Medellín",
    }
    assert names == expected
    assert ("Patricia Olvera Lozano", "Binational Competitiveness Council") in aff
    assert ("Gabriela Cárdenas del Río", "Northern Industrial Parks Association") in aff
    assert ("Raúl Esparza Núñez", "Grupo Industrial Saltillo") in aff
    group = "Advanced Manufacturing Working Group"
    assert sum(1 for (_, i) in mem if i == group) == 9
    assert mem[("Michael J. Brennan", group)] == mem[("Gabriela Cárdenas del Río", group)] == "co-chair"
    jorge = next(p for p in x.people if p.name == "Jorge Medellín")
    assert jorge.email == "jmedellin@bcc-example.org" and jorge.phone == "+52 81 5555 0199"
    olvera = next(p for p in x.people if p.name == "Patricia Olvera Lozano")
    assert len(olvera.spans) == 2  # "Olvera added ..."


def test_delegation_report():
    x, names, aff, mem = _facts(DELEGATION)
    expected = {
        "Daniel Forsythe", "Alejandro Encinas Rodríguez", "Laura Whitfield", "Roberto Salcedo", "Carlos Ibarra",
        "Denise Okafor", "Luis Enrique Marroquín", "Kevin Stroud", "Mónica Salazar Treviño", "Bradley Nunn",
        "Yolanda de la Garza",
    }
    assert names == expected
    assert ("Daniel Forsythe", "Texas Border Commerce Alliance") in aff
    assert ("Luis Enrique Marroquín", "Mexican Institute for Competitiveness") in aff
    assert ("Kevin Stroud", "Rio Bravo Logistics") in aff
    assert ("Denise Okafor", "Texas Border Commerce Alliance") in aff  # "TBCA Board Chair Denise Okafor"
    carlos = next(p for p in x.people if p.name == "Carlos Ibarra")
    assert carlos.title == "Senator (D-TX 21st District)"


AGENDA = 'North American Supply Chain Summit 2025 — Agenda\n\nWill Mexico Win the Nearshoring Race?\nGrace Period for USMCA Rules of Origin Ends\n\n9:00 AM Welcome Remarks\nSpeakers: Amanda Kessler, President, Great Lakes Manufacturing Council; Ing. Rogelio Ybarra Cantú, Director General, Clúster Automotriz de Nuevo León\n\n10:00 AM Panel: Energy and Water\nModerator: Dr. Helen Park (Rice University Baker Institute)\nPanelists:\n- Santiago Urquidi | CFO, Energía Limpia del Norte\n- Beatrice Nwosu | Managing Partner, Crossbridge Capital\n- Michelle Tran | Policy Lead, Texas Water Development Board\n\nLunch sponsored by Cemtrex Foundation.\n\nRegister at www.nasc-example.org. Contact: events@nasc-example.org | Tel. +1 (210) 555-0143\n\nPhoto: Amanda Kessler at the 2024 Summit in San Antonio, Texas.\nFollow us on LinkedIn and X. © 2025 North American Supply Chain Summit. All rights reserved.\n'

SPANISH = 'CIUDAD DE MÉXICO, 14 de mayo de 2024 – El Consejo Coordinador Empresarial (CCE) y la Cámara de Comercio de Estados Unidos presentaron el Grupo de Trabajo de Relocalización, que será encabezado por la Lic. María José Treviño Garza, directora ejecutiva del CCE.\n\n"La relocalización es una oportunidad histórica", afirmó Francisco Cervantes Díaz, presidente del CCE. Treviño Garza añadió que el grupo entregará su primer informe en octubre.\n\nIntegrantes del Grupo de Trabajo de Relocalización:\n• Juan Pablo Castañón – Grupo Bimbo\n• Sofía Ramírez Aguilar – México ¿Cómo Vamos?\n• Luis de la Calle – De la Calle, Madrazo, Mancera\n'


def test_event_agenda_speakers_and_panelists():
    x, names, aff, mem = _facts(AGENDA)
    assert names == {
        "Amanda Kessler", "Rogelio Ybarra Cantú", "Helen Park", "Santiago Urquidi", "Beatrice Nwosu", "Michelle Tran",
    }
    assert ("Amanda Kessler", "Great Lakes Manufacturing Council") in aff
    assert ("Helen Park", "Rice University Baker Institute") in aff
    assert ("Beatrice Nwosu", "Crossbridge Capital") in aff
    helen = next(p for p in x.people if p.name == "Helen Park")
    assert helen.title is None  # "Dr." is a courtesy, not a job title


def test_spanish_press_release():
    x, names, aff, mem = _facts(SPANISH)
    assert names == {
        "María José Treviño Garza", "Francisco Cervantes Díaz", "Juan Pablo Castañón", "Sofía Ramírez Aguilar",
        "Luis de la Calle",
    }
    group = "Grupo de Trabajo de Relocalización"
    assert mem[("María José Treviño Garza", group)] == "lead"
    assert sum(1 for (_, i) in mem if i == group) == 4
    assert ("Francisco Cervantes Díaz", "Consejo Coordinador Empresarial") in aff
    assert ("Luis de la Calle", "De la Calle, Madrazo, Mancera") in aff


NEWS = 'Tesla CEO Elon Musk Pauses Mexico Plant as Tariff Threats Grow\n\nBy Rachel Donovan (Photo by Luis Cortés/Reuters)\n\nMEXICO CITY — Mexican President Claudia Sheinbaum said on Tuesday that talks with US Trade Representative Katherine Tai would continue, while Economy Secretary Marcelo Ebrard traveled to Washington. Sheinbaum’s government has promised incentives for companies that relocate to the Bajío.\n\n"We are ready to work with everyone," said Sen. John Cornyn (R-TX). Ambassador Ken Salazar welcomed the talks.\n\nTesla CEO Elon Musk said the Nuevo León plant was on hold. Analysts disagreed. "Nearshoring is structural," said Valeria Moy, the Instituto Mexicano para la Competitividad’s director general. Gabriela Siller, chief economist at Banco Base, expects investment to rebound in 2025.\n\nRelated Experts: Earl Anthony Wayne, Duncan Wood\n\nRead more: Mexico\'s Nearshoring Boom Explained\n'


def test_news_article_titles_possessive_orgs_and_party_tags():
    x, names, aff, mem = _facts(NEWS)
    assert names == {
        "Rachel Donovan", "Luis Cortés", "Claudia Sheinbaum", "Katherine Tai", "Marcelo Ebrard", "John Cornyn",
        "Ken Salazar", "Elon Musk", "Valeria Moy", "Gabriela Siller", "Earl Anthony Wayne", "Duncan Wood",
    }
    people = {p.name: p for p in x.people}
    assert people["John Cornyn"].title == "Senator (R-TX)"
    assert people["Marcelo Ebrard"].title == "Economy Secretary"
    assert ("Elon Musk", "Tesla") in aff
    assert ("Valeria Moy", "Instituto Mexicano para la Competitividad") in aff
    assert ("Gabriela Siller", "Banco Base") in aff
    assert len(people["Claudia Sheinbaum"].spans) == 2  # "Sheinbaum’s government"
    assert not any(o.acronym == "R-TX" for o in x.organizations)


BOARD = 'North American Competitiveness Forum announces 2025 leadership\n\nCo-Chairs:\nJean-Pierre Lavoie, Chairman, Laurentian Rail Holdings\nMary Ellen O\'Brien-Smith, Ph.D., President, Sonoran Institute for Trade\n\nSteering Committee members include Sean McAllister (Cascadia Freight), Lourdes Ibáñez (Bancomext) and Dr. Ravi Shankar (University of Arizona).\n\n"This forum is where policy meets the factory floor," said Robert L. Jenkins Jr., executive director of the forum. Jenkins previously served as chief of staff to Senator Maria Cantwell.\n\nFor more information, contact Carla Ruiz at (202) 555-0175 or cruiz@nacf-example.org.\n'


def test_leadership_announcement_roles_degrees_and_parenthesised_orgs():
    x, names, aff, mem = _facts(BOARD)
    assert names == {
        "Jean-Pierre Lavoie", "Mary Ellen O'Brien-Smith", "Sean McAllister", "Lourdes Ibáñez", "Ravi Shankar",
        "Robert L. Jenkins Jr.", "Maria Cantwell", "Carla Ruiz",
    }
    forum = "North American Competitiveness Forum"
    assert mem[("Jean-Pierre Lavoie", forum)] == mem[("Mary Ellen O'Brien-Smith", forum)] == "co-chair"
    titles = {(x.people[p].name, x.organizations[o].name): t for (p, o), t in x.affiliations.items()}
    assert titles[("Mary Ellen O'Brien-Smith", "Sonoran Institute for Trade")] == "President"
    assert ("Sean McAllister", "Cascadia Freight") in aff and ("Ravi Shankar", "University of Arizona") in aff
    assert "Steering Committee" not in {o.name for o in x.organizations}
    carla = next(p for p in x.people if p.name == "Carla Ruiz")
    assert (carla.phone, carla.email) == ("(202) 555-0175", "cruiz@nacf-example.org")


NOISY = 'Skip to main content\nHome | About Us | Our Team | Events | Contact Us\nSearch\n\nNearshoring Insights\nPosted by Admin on June 3, 2024 | Tags: Nearshoring, Logistics, Mexico\n\nWill Tariffs Slow the Nearshoring Boom? Five Takeaways From Laredo\n\nShare on Facebook  Share on LinkedIn  Share on X\n\nCross-border freight volumes at Laredo hit a record in May, according to data compiled by the Texas Center for Border Economic and Enterprise Development. "Volumes are up almost 12 percent," said Juan Carlos Rodríguez, a senior analyst at Transportes Frontera.\n\nGrace Nakamura, who heads supply chain strategy for Whirlpool Latin America, said new plants in Apodaca and Ramos Arizpe would open in 2025. Nakamura added that power shortages remain a concern.\n\nJordan Industrial Park and Victoria Logistics Center were among the sites visited by Lt. Governor Dan Patrick and Mayor Victor Treviño.\n\nRelated posts\nHow Monterrey Became the Capital of Nearshoring\nSanta Catarina Industrial Corridor Expands\n\nAbout the Author\nLeticia Fuentes covers trade and logistics for Nearshoring Insights. She previously worked at El Financiero.\n\nPrivacy Policy | Terms of Use | © 2024 Nearshoring Insights. All Rights Reserved.\nCookie Settings Accept All Cookies\n'


def test_web_page_chrome_is_not_people():
    x, names, aff, mem = _facts(NOISY)
    assert names == {"Juan Carlos Rodríguez", "Grace Nakamura", "Dan Patrick", "Victor Treviño", "Leticia Fuentes"}
    orgs = {o.name for o in x.organizations}
    assert "Texas Center for Border Economic and Enterprise Development" in orgs
    assert ("Juan Carlos Rodríguez", "Transportes Frontera") in aff
    assert len(next(p for p in x.people if p.name == "Grace Nakamura").spans) == 2


SPEAKERS = 'Event recap: Building resilient supply chains in the Americas\n\nSpeakers\n\nAndrea Villalobos\nSenior Fellow, Center for Hemispheric Trade\n\nThomas Greenberg\nVice President of Government Affairs at Pinnacle Semiconductors\n\nCarolina Mejía Paz\nMinister of Economy, Republic of Guatemala\n\nMembers of the Central America Investment Task Force\n• Ricardo Alvarado – Vice President, Corporate Affairs, Banco Atlántida (Honduras)\n• Sofía Chamorro – Partner, Chamorro & Asociados (Nicaragua)\n• Jeffrey Albright – Director, Regional Operations, Lakeshore Apparel Inc.\n• Marisol Quintanilla – Fundación Salvadoreña para el Desarrollo\n'


def test_speaker_blocks_and_member_lines_with_titles():
    x, names, aff, mem = _facts(SPEAKERS)
    assert names == {
        "Andrea Villalobos", "Thomas Greenberg", "Carolina Mejía Paz", "Ricardo Alvarado", "Sofía Chamorro",
        "Jeffrey Albright", "Marisol Quintanilla",
    }
    titles = {(x.people[p].name, x.organizations[o].name): t for (p, o), t in x.affiliations.items()}
    assert titles[("Andrea Villalobos", "Center for Hemispheric Trade")] == "Senior Fellow"
    assert titles[("Thomas Greenberg", "Pinnacle Semiconductors")] == "Vice President of Government Affairs"
    assert titles[("Ricardo Alvarado", "Banco Atlántida")] == "Vice President, Corporate Affairs"
    assert next(p for p in x.people if p.name == "Carolina Mejía Paz").title == "Minister of Economy, Republic of Guatemala"
    assert sum(1 for (_, i) in mem if i == "Central America Investment Task Force") == 4


MEMBERS_PAGE = 'Gulf Coast Energy Dialogue\n\nThe Gulf Coast Energy Dialogue brings together industry and government leaders from Texas, Louisiana and Tamaulipas.\n\nCo-Chairs\n\nRenata Solís Herrera\nFormer Undersecretary of Energy, Mexico\n\nDouglas Whitmore\nChairman, Bayou Midstream Partners\n\nMembers\n\nFernando Ávila Treviño\nDirector General, Puerto de Altamira\n\nKimberly Osei\nHead of Government Relations, Lone Star Power\n\nAlejandro del Bosque\nPartner, Bosque & Asociados\n'


def test_members_page_with_role_subheadings():
    x, names, aff, mem = _facts(MEMBERS_PAGE)
    group = "Gulf Coast Energy Dialogue"
    assert mem == {
        ("Renata Solís Herrera", group): "co-chair", ("Douglas Whitmore", group): "co-chair",
        ("Fernando Ávila Treviño", group): "member", ("Kimberly Osei", group): "member",
        ("Alejandro del Bosque", group): "member",
    }
    assert ("Kimberly Osei", "Lone Star Power") in aff
    assert next(p for p in x.people if p.name == "Renata Solís Herrera").title == "Former Undersecretary of Energy, Mexico"


BIOS = "Speaker biographies\n\nDiana Villarreal is the Director of the Mexico Institute at the Wilson Center. Before joining the Institute, Villarreal served as chief negotiator for Mexico's Ministry of Economy.\n\nMarcus Feld serves as Head of Nearshoring Strategy with Kingsport Advisors. Feld holds an MBA from the Wharton School.\n\nAmbassador (ret.) Roberta Jacobson will moderate the discussion.\n"


def test_speaker_biographies():
    x, names, aff, mem = _facts(BIOS)
    assert names == {"Diana Villarreal", "Marcus Feld", "Roberta Jacobson"}
    titles = {(x.people[p].name, x.organizations[o].name): t for (p, o), t in x.affiliations.items()}
    assert titles[("Diana Villarreal", "Mexico Institute")] == "Director"
    assert titles[("Marcus Feld", "Kingsport Advisors")] == "Head of Nearshoring Strategy"
    assert all(len(p.spans) == 2 for p in x.people if p.name != "Roberta Jacobson")
