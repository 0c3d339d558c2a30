"""Readouts of delegations, mesas and roundtables in English and Spanish: who led and who made up a
delegation (after a relative clause, `and included`, a host delegation, `Travelling with the group was`),
who took part in a roundtable listed under a colon, Spanish agents after `por`, legislators joined by `y`,
organizations that open with a given name or end with a country. Every text is invented for these tests."""

from __future__ import annotations

from db.extract import extract
from extraction_pairs import affiliation_pairs, membership_pairs


def _people(text):
    return {p.name for p in extract(text).people}


PORT_VISIT = (
    "Delegations from the Port of Calder Reach and the Administración Portuaria de Punta Vireo signed an "
    "agreement on Monday.\n\n"
    "The Punta Vireo delegation, which arrived Sunday for a two-day visit, was led by Ignacio Tapatío Brancas and "
    "included Ing. Rosaura Elvira Quintanar Paz, commercial manager of the port; its legal director, Lic. Tobías "
    "Anzaldúa Gil; and Cristóbal Pech Canul, president of the Asociación de Navieros del Golfo. Travelling with the "
    "group was Marlene Sobrado Ituarte, undersecretary for ports at the state economic development office.\n\n"
    "On the Calder Reach side of the table, the host delegation comprised Executive Director Margarethe "
    "Lindqvist-Obi and Chief Commercial Officer Dieter Vandersloot.\n\n"
    "The visitors toured the rail yard with Hollis Pettibone, general manager of Gulf Terminal Railroad.\n\n"
    "About the Port of Calder Reach\nThe Port of Calder Reach is a deep-water port on the Texas coast.\n"
)


def test_a_delegation_led_by_one_and_including_others():
    x = extract(PORT_VISIT)
    roles = {(x.people[p].name, x.initiatives[i].name): r for (p, i), r in x.memberships.items()}
    assert roles.get(("Ignacio Tapatío Brancas", "Punta Vireo delegation")) == "lead"
    for name in ("Rosaura Elvira Quintanar Paz", "Tobías Anzaldúa Gil", "Cristóbal Pech Canul", "Marlene Sobrado Ituarte"):
        assert roles.get((name, "Punta Vireo delegation")) == "member", name


def test_a_host_delegation_is_its_own_group():
    pairs = membership_pairs(extract(PORT_VISIT))
    assert ("Margarethe Lindqvist-Obi", "host delegation") in pairs
    assert ("Dieter Vandersloot", "host delegation") in pairs
    assert ("Margarethe Lindqvist-Obi", "Punta Vireo delegation") not in pairs


def test_people_a_delegation_toured_with_are_not_members():
    pairs = membership_pairs(extract(PORT_VISIT))
    assert not any(name == "Hollis Pettibone" for name, _ in pairs)


def test_the_place_an_organization_is_named_after_is_no_person():
    text = "Calder Reach, Punta Vireo ports sign agreement\n\n" + PORT_VISIT
    names = _people(text)
    assert "Calder Reach" not in names and "Punta Vireo" not in names


COMITIVA = (
    "CONCLUYE COMITIVA SERRANA GIRA DE TRABAJO POR ARIZONA\n\n"
    "Una comitiva de 12 empresarios, encabezada por el presidente de la Cámara Serrana, Lic. Gonzalo Arizmendi "
    "Beltrones, concluyó una gira de cuatro días.\n\n"
    "Acompañaron al dirigente empresarial la vicepresidenta de la Cámara, C.P. Rosaura Villalpando Chávez, y el "
    "tesorero, Ing. Heriberto Galindo Saldívar.\n\n"
    "Ambos organismos acordaron instalar una Mesa Binacional de Proveeduría, que será coordinada por Villalpando "
    "Chávez y por Deandrea Kesselring, vicepresidenta de la cámara de Phoenix.\n"
)


def test_a_headline_group_ends_before_the_trip():
    names = {i.name for i in extract(COMITIVA).initiatives}
    assert "COMITIVA SERRANA" in names
    assert not any("GIRA" in n for n in names)


def test_who_accompanied_the_leader_travelled_with_the_delegation():
    pairs = membership_pairs(extract(COMITIVA))
    assert ("Rosaura Villalpando Chávez", "COMITIVA SERRANA") in pairs
    assert ("Heriberto Galindo Saldívar", "COMITIVA SERRANA") in pairs


def test_an_agent_after_por_with_her_title_is_a_person():
    x = extract(COMITIVA)
    assert "Deandrea Kesselring" in {p.name for p in x.people}
    assert ("Deandrea Kesselring", "Mesa Binacional de Proveeduría") in membership_pairs(x)


SENADO = (
    "Como invitados participaron el director de Asuntos Públicos de Corvana Automotriz México, Wolfram Pfister "
    "Arellano, y la coordinadora de la Red Mexicana de Usuarios de Agua, maestra Nayelli Yañez Tuz. También asistió "
    "la investigadora del Centro de Estudios para la Competitividad Regional (CECORE), doctora Ruth Elena Garcilaso "
    "Pinedo.\n\n"
    "La comisión acordó integrar un grupo de trabajo para dar seguimiento a la revisión del T-MEC, que quedará "
    "integrado por las senadoras Beltrones Ochoa y Sainz Urrutia y por los senadores Najar Quiroga y Rodolfo "
    "Esquivel Villa (PRI).\n\n"
    "Asistieron la senadora Araceli Beltrones Ochoa (Morena), la senadora Perla Sainz Urrutia (MC) y el senador "
    "Gilberto Najar Quiroga (PAN).\n"
)


def test_a_network_opening_with_a_given_name_is_an_organization():
    x = extract(SENADO)
    assert "Red Mexicana de Usuarios de Agua" not in {p.name for p in x.people}
    assert ("Nayelli Yañez Tuz", "Red Mexicana de Usuarios de Agua") in affiliation_pairs(x)


def test_a_portfolio_and_a_country_around_a_company():
    assert ("Wolfram Pfister Arellano", "Corvana Automotriz México") in affiliation_pairs(extract(SENADO))


def test_an_acronym_after_the_organization_before_the_name():
    pairs = affiliation_pairs(extract(SENADO))
    assert ("Ruth Elena Garcilaso Pinedo", "Centro de Estudios para la Competitividad Regional") in pairs


def test_legislators_joined_by_y_are_two_people_and_members():
    x = extract(SENADO)
    names = {p.name for p in x.people}
    assert "Rodolfo Esquivel Villa" in names
    assert not any(" y " in n for n in names)
    group = "grupo de trabajo para dar seguimiento a la revisión del T-MEC"
    assert {"Araceli Beltrones Ochoa", "Perla Sainz Urrutia", "Rodolfo Esquivel Villa"} <= {
        p for p, i in membership_pairs(x) if i == group}


def test_taking_part_in_the_roundtable_over_a_list():
    text = (
        'The Consulate hosted the roundtable "Lakes–Mexico Supplier Ties," the third of its series.\n\n'
        "Taking part in the roundtable were:\n"
        "  - Fenwright D. Oyelade, President, Huron Forming & Assembly\n"
        "  - Raúl \"Chuy\" Benavente Jr., owner of Benavente Tool & Die\n"
        "  - Prof. Chidiebere Warrington-Solís (Saint Clair Polytechnic University)\n\n"
        "Other news follows.\n"
    )
    members = {p for p, i in membership_pairs(extract(text)) if i == "Lakes–Mexico Supplier Ties"}
    assert {"Fenwright D. Oyelade", 'Raúl "Chuy" Benavente Jr.', "Chidiebere Warrington-Solís"} <= members


def test_a_spanish_headline_delegation_its_list_among_others_and_a_host_quoted_later():
    from extraction_pairs import affiliation_pairs

    text = ("Recibimos a delegación empresarial de Sajonia interesada en proveeduría\n"
            "Publicado el 2 de mayo de 2026\n\n"
            "El parque dio la bienvenida a una delegación de nueve empresas alemanas, encabezada por el Dr. Konrad "
            "Weißbach-Ortega, director de la Oficina Económica de Sajonia.\n\n"
            "Integraron la comitiva, entre otros:\n"
            "Frau Adelheid Kürschner, Geschäftsführerin de Kürschner Feinmechanik GmbH\n"
            "Tobias Lindqvist-Mayer, jefe de Compras, Elbtal Antriebe AG\n\n"
            "Los visitantes fueron recibidos por el director general del parque, Ing. Rodrigo Llamas Betancourt.\n\n"
            "\"Buscamos socios\", comentó Weißbach-Ortega. Llamas Betancourt destacó que es la tercera misión del año.\n")
    x = extract(text)
    group = "delegación empresarial de Sajonia"
    members = {p for p, i in membership_pairs(x) if i == group}
    assert {"Konrad Weißbach-Ortega", "Adelheid Kürschner", "Tobias Lindqvist-Mayer"} <= members
    assert "Rodrigo Llamas Betancourt" not in members
    assert ("Adelheid Kürschner", "Kürschner Feinmechanik GmbH") in affiliation_pairs(x)


def test_spanish_reverse_missions_and_missions_of_suppliers():
    x = extract("Reunión en Monterrey\n\nLa cámara acordó organizar una misión inversa de proveedores tapatíos "
                "para marzo. Además, la asociación prepara una misión inversa a Querétaro para el otoño.\n")
    names = {i.name for i in x.initiatives}
    assert "misión inversa a Querétaro" in names
    assert any(n.startswith("misión inversa de proveedores tapatíos") for n in names)


def test_a_supplier_mission_after_a_possessive_and_an_ordinal():
    x = extract("Cluster news\n\nIn March the cluster's first supplier mission to Saltillo visited four plants, and a "
                "return delegation from Celaya is planned for the fall.\n")
    names = {i.name for i in x.initiatives}
    assert {"supplier mission to Saltillo", "return delegation from Celaya"} <= names


def test_delegations_labelled_on_their_lines_and_workstreams_led_at_the_head_of_their_paragraphs():
    x = extract(
        "FACT SHEET: Harbor Energy Dialogue Meets in Tampico\n\n"
        "The Dialogue was co-chaired by Deputy Secretary Oriel Vantassel-Ruiz and by Dra. Itzel Marroquín Baeza.\n\n"
        "PARTICIPANTS\n"
        "U.S. delegation: Deputy Secretary Vantassel-Ruiz; Anselm Okoro-Lind, Director, Office of Grid Supply;\n"
        "and Consul General Percival Adeyemi-Holt.\n"
        "Mexican delegation: Dra. Marroquín Baeza; Ing. Fausto Quiroga Lemus, Centro Nacional de Energía.\n\n"
        "WORKSTREAMS\n"
        "Transmission and Interconnection. Co-led by Dr. Okoro-Lind and Ing. Quiroga Lemus, the workstream "
        "mapped five corridors.\n")
    members = membership_pairs(x)
    for person in ("Oriel Vantassel-Ruiz", "Anselm Okoro-Lind", "Percival Adeyemi-Holt"):
        assert (person, "U.S. delegation") in members
    assert ("Fausto Quiroga Lemus", "Mexican delegation") in members
    assert ("Anselm Okoro-Lind", "Transmission and Interconnection") in members
    assert ("Fausto Quiroga Lemus", "Transmission and Interconnection") in members


def test_a_headline_about_a_roundtable_makes_its_participants_members_of_the_one_it_names():
    x = extract(
        "COMUNICADO DE PRENSA\n"
        "Embajador encabeza mesa redonda con líderes empresariales sobre proveeduría\n\n"
        "CIUDAD DE MÉXICO, 14 de mayo de 2026 – El Embajador Oriel Vantassel-Ruiz encabezó este martes una mesa redonda "
        "con directores generales de empresas mexicanas.\n\n"
        "La Mesa Redonda de Proveeduría Regional, organizada por la Sección Económica de la Embajada, reunió a doce "
        "ejecutivos. Entre los participantes estuvieron Rosaura Echeverri-Landa, directora general de Grupo Tlalcoyan, y "
        "el Ing. Baltasar Quintero Ruelas, presidente de Aceros del Golfo.\n")
    members = membership_pairs(x)
    for person in ("Rosaura Echeverri-Landa", "Baltasar Quintero Ruelas"):
        assert (person, "Mesa Redonda de Proveeduría Regional") in members


def test_the_event_a_body_held_at_the_top_of_the_page_is_the_pages_group():
    x = extract(
        "Boletines  ›  Abril 2026\n\n"
        "Analizan en la Comisión de Economía retos de energía para la relocalización de empresas\n\n"
        "La Comisión de Economía realizó la mesa de análisis “Relocalización: energía y agua”, en la que "
        "legisladoras y especialistas revisaron los cuellos de botella de los parques industriales.\n\n"
        "La senadora Araceli Tonantzin Beltrán Ochoa señaló que hacen falta subestaciones. El consultor "
        "Gilberto Nájera Quiroz coincidió en la urgencia.\n")
    members = membership_pairs(x)
    for person in ("Araceli Tonantzin Beltrán Ochoa", "Gilberto Nájera Quiroz"):
        assert (person, "Relocalización: energía y agua") in members


def test_a_trilateral_ministerial_and_a_spanish_trade_mission_to_two_places_are_groups():
    x = extract("Readout of the North American Trilateral Ministerial on Port Competitiveness\n\n"
                "Officials convened the second North American Trilateral Ministerial on Port Competitiveness in Ottawa.\n")
    assert "North American Trilateral Ministerial on Port Competitiveness" in {i.name for i in x.initiatives}
    y = extract("El director anda armando una misión comercial a Ohio y Michigan para noviembre.\n")
    assert "misión comercial a Ohio y Michigan" in {i.name for i in y.initiatives}


def test_the_people_along_with_a_delegation_are_its_members():
    x = extract("Our trip\n\nEarlier this month I traveled to Hermosillo with a bipartisan delegation of Arizona legislators, "
                "along with Senators Orsolya Pruett-Lind (R-Yuma) and Idris Kallenbach-Ruiz (D-Tucson). The delegation "
                "met with members of the state congress.\n")
    members = {(x.people[p].name, x.initiatives[i].name): r for (p, i), r in x.memberships.items()}
    assert members.get(("Orsolya Pruett-Lind", "bipartisan delegation of Arizona legislators")) == "member"
    assert members.get(("Idris Kallenbach-Ruiz", "bipartisan delegation of Arizona legislators")) == "member"
