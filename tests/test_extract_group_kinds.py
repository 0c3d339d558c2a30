"""Kinds of group a page may be about: an awards jury, a Spanish `Consejo Asesor` in a box, and the
people listed under them (a company's legal form closing a line does not swallow the next one). Every
text is invented for these tests."""

from __future__ import annotations

from db.extract import extract
from extraction_pairs import affiliation_pairs, membership_pairs

JURY = (
    "Guild Names Jury for the 2026 Borderlands Supplier Awards\n"
    "Posted May 2, 2026\n\n"
    "The Guild of Binational Buyers today announced the jury that will evaluate entries for the 2026 "
    "Borderlands Supplier Awards. This year's jury will be chaired by Dr. Yevgenia Sorokina-Paz, professor "
    "of operations at the Instituto Tecnológico del Altiplano.\n\n"
    "Serving alongside her are:\n\n"
    "• Kwame Osei-Barragán, Chief Supply Chain Officer, Trinomed Devices\n"
    "• Ileana Castañeda-Whitby, Partner, Whitby & Arce Trade Counsel LLP\n"
)


def test_a_jury_named_by_its_awards_is_a_group_with_its_members():
    x = extract(JURY)
    jury = "Jury for the 2026 Borderlands Supplier Awards"
    assert jury in {i.name for i in x.initiatives}
    members = {p for p, i in membership_pairs(x) if i == jury}
    assert {"Yevgenia Sorokina-Paz", "Kwame Osei-Barragán", "Ileana Castañeda-Whitby"} <= members


BOX = (
    "  RECUADRO\n"
    "  CONSEJO ASESOR DEL OBSERVATORIO\n\n"
    "  Integrantes\n"
    "  Ing. Patricio Ybarrola Longoria — Director General, Aceros Planos del Istmo\n"
    "  Lic. Daniela Kuri Hadad — Socia, Kuri, Hadad y Asociados, S.C.\n"
    "  Mtro. Óscar Iván Tzab Canché — Presidente, Asociación de Maquiladoras de Valladolid\n"
)


def test_a_consejo_asesor_and_a_legal_form_at_the_end_of_a_line():
    x = extract(BOX)
    group = "CONSEJO ASESOR DEL OBSERVATORIO"
    assert {"Patricio Ybarrola Longoria", "Daniela Kuri Hadad", "Óscar Iván Tzab Canché"} <= {
        p for p, i in membership_pairs(x) if i == group}
    pairs = affiliation_pairs(x)
    assert ("Daniela Kuri Hadad", "Kuri, Hadad y Asociados, S.C.") in pairs
    assert ("Óscar Iván Tzab Canché", "Asociación de Maquiladoras de Valladolid") in pairs


def test_an_accented_initial_after_a_courtesy_title_in_a_list():
    text = ("COMITÉ TÉCNICO DE PROVEEDURÍA\n\n"
            "  Lic. Juan Tzib Canul — Director, Asociación de Fundidores de Tekax\n"
            "  Lic. Óscar Tzib Canché — Presidente, Asociación de Talleres de Tekax\n"
            "  C.P. Íñigo Zúñiga Olvera — Tesorero, Forjas del Puuc\n")
    pairs = affiliation_pairs(extract(text))
    assert ("Óscar Tzib Canché", "Asociación de Talleres de Tekax") in pairs
    assert ("Íñigo Zúñiga Olvera", "Forjas del Puuc") in pairs


def test_a_role_in_its_own_column_before_the_name():
    text = ("PROJECT TEAM\n\n"
            "Principal Investigator          Nkechinyere Vásquez-Tolland (INPS)\n"
            "Co-Principal Investigator       Halldís Jónsdóttir-Ramos (UTC)\n"
            "Research Associates             Marco Tulio Lüders Echegaray (INPS)\n")
    names = {p.name for p in extract(text).people}
    assert {"Nkechinyere Vásquez-Tolland", "Halldís Jónsdóttir-Ramos", "Marco Tulio Lüders Echegaray"} <= names
    assert not any("Investigator" in n for n in names)


def test_footnote_marks_after_names_are_no_part_of_them():
    text = ("Who Supplies the Suppliers?\n\n"
            "Nkechinyere Vásquez-Tolland¹\nHalldís Jónsdóttir-Ramos²\n\n"
            "¹ Senior Fellow, Institute for Production Studies.  ² Assistant Professor, Universidad del Bajío.\n")
    names = {p.name for p in extract(text).people}
    assert "Halldís Jónsdóttir-Ramos" in names
    assert not any("²" in n or "¹" in n for n in names)


def test_a_portfolio_before_an_acronym_stays_in_the_title():
    text = ("Secretaria técnica: Lic. Danielle Pérez-Whitmore, Gerente de Promoción de la APIBC\n"
            "Vocal: Ing. Ramón Ochoa Luna, Director de Planta de Forjas del Bajío\n")
    x = extract(text)
    pairs = affiliation_pairs(x)
    assert ("Danielle Pérez-Whitmore", "APIBC") in pairs
    assert not any(org.startswith("Promoción") for _, org in pairs)


def test_a_program_and_its_acronym_before_a_committee_are_its_name():
    text = ("Skip to main content\n\nPrecision Welding Technology (PWT) Program Advisory Committee\n\n"
            "Every program is guided by an advisory committee of employers.\n\n"
            "Name\tPosition\tEmployer\n"
            "Anselm Ruiz-Kowalczyk, Chair\tPlant Manager\tOrtega Hydroforming\n"
            "Priya Balasubramanian-Soto\tOwner\tSoto Weld & Fab\n")
    x = extract(text)
    group = "Precision Welding Technology (PWT) Program Advisory Committee"
    assert group in {i.name for i in x.initiatives}
    assert {"Anselm Ruiz-Kowalczyk", "Priya Balasubramanian-Soto"} <= {p for p, i in membership_pairs(x) if i == group}


def test_a_body_called_an_initiative_is_one_and_a_listed_person_of_a_company():
    text = ("The college sends a representative to the Llano Estacado Skills Consortium, a regional initiative that "
            "brings together colleges and employers. Named to its board on Monday were Obinna Achterberg of Caprock "
            "Thermal Systems; Lidia Ochoa Pruneda, directora de planta, Forjas del Llano; and Ansel Whitcombe "
            "(Caprock Composites).\n")
    x = extract(text)
    assert ("Llano Estacado Skills Consortium", "initiative") in {(i.name, i.kind) for i in x.initiatives}
    assert ("Obinna Achterberg", "Caprock Thermal Systems") in affiliation_pairs(x)
    assert not any(o.name.startswith("Obinna") for o in x.organizations)


def test_a_courtesy_alone_is_no_organization():
    text = ("Nace la Red Binacional de Estudios Aduaneros\n\n"
            "Con la firma de un convenio quedó constituida la Red Binacional de Estudios Aduaneros, que coordinará "
            "la Universidad del Litoral.\n\n"
            "Como testigo estuvo presente la presidenta del Consejo Estatal de Ciencia, Dra.\n"
            "Maribel Oyervides Treviño.\n")
    x = extract(text)
    assert not any(o.name.rstrip(".") in ("Dra", "Dr") for o in x.organizations)


COUNCIL_NEWS = (
    "Harlow CEO Named Vice Chair of ANAT Border Freight Council\n\n"
    "EL PASO, Texas — Harlow Freight today announced that Chief Executive Officer Philippa Ngata-Ruiz has been "
    "appointed vice chair of the Border Freight Council of the Alliance for North American Trucking (ANAT).\n\n"
    "Joining her on the council are Harlow's chief operating officer, Rafael Montemayor Schultz, who will sit on "
    "the council's Customs Subcommittee, and Siobhan Okafor-Reyes, who was named to the Workforce Subcommittee.\n\n"
    "Created by ANAT in 2023, the council brings together carriers and shippers. It is chaired by Ulrich Castellanos, "
    "President of Palomino Intermodal.\n\n"
    "ANAT President and CEO Marguerite Dubois said the council needs carriers' views.\n\n"
    "Border Freight Council — 2026 Leadership and Members\n\n"
    "Role          Name                         Company\n"
    "Chair         Ulrich Castellanos           Palomino Intermodal\n"
    "Vice Chair    Philippa Ngata-Ruiz          Harlow Freight\n"
    "Member        Dashiell Okafor-Mendez       Northstar Rail\n"
)


def test_an_association_with_a_president_is_no_group_and_its_council_with_a_roster_is_one():
    x = extract(COUNCIL_NEWS)
    groups = {i.name for i in x.initiatives}
    assert "Alliance for North American Trucking" not in groups
    council = next(g for g in groups if g.endswith("Border Freight Council"))
    members = {p for p, i in membership_pairs(x) if i == council}
    assert {"Ulrich Castellanos", "Philippa Ngata-Ruiz", "Dashiell Okafor-Mendez"} <= members


def test_subcommittees_of_a_council_and_who_sits_on_which():
    pairs = membership_pairs(extract(COUNCIL_NEWS))
    assert ("Rafael Montemayor Schultz", "Customs Subcommittee") in pairs
    assert ("Siobhan Okafor-Reyes", "Workforce Subcommittee") in pairs
    assert ("Rafael Montemayor Schultz", "Workforce Subcommittee") not in pairs
    assert ("Ulrich Castellanos", "Workforce Subcommittee") not in pairs


def test_a_program_named_in_quotes_and_coordinated_by_two_people():
    text = ("Arranca programa de intercambio \"Rutas de Manufactura\" con universidad de Indiana\n\n"
            "El programa, financiado en parte por la Fundación Binacional del Talento, es coordinado por la Dra. "
            "Eréndira Balderas Quiroga, jefa del Departamento de Movilidad de la UPNE, y por el Dr. Cornelius "
            "Vandermolen, director de la Oficina Internacional de la Universidad de Wabash.\n")
    x = extract(text)
    assert ("Rutas de Manufactura", "program") in {(i.name, i.kind) for i in x.initiatives}
    roles = {(x.people[p].name, x.initiatives[i].name): r for (p, i), r in x.memberships.items()}
    assert roles.get(("Eréndira Balderas Quiroga", "Rutas de Manufactura")) == "coordinator"


def test_a_spanish_place_after_a_company_is_where_it_is():
    x = extract("Raymundo Cisneros Tello, gerente de planta de Trivanti Systems en Reynosa, habló.\n")
    assert not any(o.name.endswith("en Reynosa") for o in x.organizations)


def test_the_members_of_an_advisory_group_named_by_its_kind_after_a_colon():
    text = ("Los autores agradecen a los integrantes del Grupo Asesor del proyecto, que revisaron versiones "
            "preliminares: Eréndira Solís Manjarrez (Parques Industriales Alameda), Dr. Heriberto Quezada Lindemann "
            "(Universidad del Pacífico Norte) y Rainier J. Castellví, socio de Castellví y Asociados.\n\n"
            "Thiago Ferreira Mondragón es investigador asociado del Centro.\n")
    x = extract(text)
    members = {p for p, i in membership_pairs(x) if i == "Grupo Asesor"}
    assert {"Eréndira Solís Manjarrez", "Heriberto Quezada Lindemann", "Rainier J. Castellví"} <= members
    assert "Thiago Ferreira Mondragón" in {p.name for p in x.people}


def test_roles_in_a_column_with_a_name_and_company_row_among_them():
    from extraction_pairs import affiliation_pairs

    text = ("PROJECT TEAM\n\n"
            "Principal Investigator          Nkechi Vásquez-Tolland (INPS)\n"
            "Co-Principal Investigator       Halldís Jónsdóttir-Ramos (UTC)\n"
            "Research Associates             Marco Tulio Lüders Echegaray (INPS)\n"
            "                                Sadie Okwuosa-Brennan (INPS)\n"
            "Data Engineering                Viktor Rasmussen-Obi, Kestrel Analytics\n")
    x = extract(text)
    pairs = affiliation_pairs(x)
    assert ("Halldís Jónsdóttir-Ramos", "UTC") in pairs and ("Sadie Okwuosa-Brennan", "INPS") in pairs
    assert ("Viktor Rasmussen-Obi", "Kestrel Analytics") in pairs
    assert not any("Engineering" in p.name for p in x.people)


ASSOCIATION_COMMITTEES = (
    "Lakeshore Fastener Guild Announces 2027 Committee Leaders\n\n"
    "The Lakeshore Fastener Guild named the volunteers who will lead its committees this year. "
    "Marguerite Oyelaran-Price of Tamsin Coil Works will chair the Export Readiness Committee, and "
    "Bartolo Quezada-Lind of Harrowgate Bolt will chair the Comité de Proveeduría Regional.\n\n"
    "In a separate vote, state Senator Idris Kallenbach-Ruiz, who chairs the Senate Manufacturing Committee, "
    "thanked the guild. The bill now heads to the Appropriations Committee.\n\n"
    "Guild members also testified before the House Energy Committee.\n\n"
    "Dinner sponsors thanked the Energy Committee for its support.\n"
)


def test_an_associations_committees_are_groups_and_a_legislatures_stay_organizations():
    x = extract(ASSOCIATION_COMMITTEES)
    groups = {i.name: i.kind for i in x.initiatives}
    orgs = {o.name for o in x.organizations}
    assert groups.get("Export Readiness Committee") == "committee"
    assert groups.get("Comité de Proveeduría Regional") == "committee"
    assert "Senate Manufacturing Committee" in orgs
    assert "Appropriations Committee" in orgs  # (a bill heads to it: a legislature's)
    assert "Export Readiness Committee" not in orgs
    assert "Energy Committee" not in groups  # (the House Energy Committee named short)


NEWSLETTER = (
    "THE CORRIDOR LETTER\n"
    "IN THIS ISSUE: Committee Chairs · Saltillo Mission Report · Calendar\n\n"
    "COMMITTEE CHAIRS\n"
    "Vice chairs were named for two committees: Odalys Ferrante-Wu of Pellworth Gears (Quality Systems "
    "Committee) and Tomasz Ibarra-Kell of Vantry Freight (Border Logistics Committee).\n\n"
    "SALTILLO MISSION REPORT\n"
    "In March the cluster's first supplier mission to Saltillo visited four plants. Among the participants "
    "were Hollis Amadi-Reyes (Brackwater Tooling) and Juno Pastrana-Lee (Quillon Castings).\n"
)


def test_a_newsletters_committees_are_not_the_page_group_and_a_supplier_mission_is_one():
    x = extract(NEWSLETTER)
    names = {i.name for i in x.initiatives}
    assert {"Quality Systems Committee", "Border Logistics Committee"} <= names
    assert "supplier mission to Saltillo" in names
    # the page is about no one committee: nobody joins one for being on the page
    members = {p for p, i in membership_pairs(x) if i == "Quality Systems Committee"}
    assert "Hollis Amadi-Reyes" not in members and "Juno Pastrana-Lee" not in members



def test_working_tables_with_their_coordinator_on_the_same_line_and_a_chambers_commissions():
    x = extract(
        "Instalan el Grupo de Trabajo de Proveeduría\n\n"
        "El grupo sesionará en tres mesas:\n\n"
        "Mesa de Baterías — coordinador: Dr. Ulises Tamayo Recio, jefe de la Unidad de Análisis.\n"
        "Mesa de Dispositivos Médicos — coordinadora: Priscilla Oyarzún-Lind, directora de Manufactura.\n\n"
        "Asimismo, se presentaron las comisiones de trabajo de la cámara. La Comisión de Atracción tendrá como "
        "coordinadores a Ramiro Quezada Lind y a Ofelia Anaya Brenes, mientras que la Comisión Fiscal será presidida "
        "por la contadora Dalia Uc Pérez.\n\n"
        "En el Senado, la senadora Irma Tovar Salas, presidenta de la Comisión de Hacienda, asistió.\n")
    groups = {i.name for i in x.initiatives}
    people = {p.name for p in x.people}
    assert "Priscilla Oyarzún-Lind" in people and "Mesa de Dispositivos Médicos" not in people
    members = membership_pairs(x)
    assert ("Priscilla Oyarzún-Lind", "Mesa de Dispositivos Médicos") in members
    assert ("Ulises Tamayo Recio", "Mesa de Baterías") in members
    assert {"Comisión de Atracción", "Comisión Fiscal"} <= groups
    assert ("Ramiro Quezada Lind", "Comisión de Atracción") in members
    assert "Comisión de Hacienda" not in groups  # (the Senate's)


def test_a_table_of_commissions_by_topic_with_their_coordinators_and_members():
    x = extract(
        "COMISIONES DE TRABAJO\n\n"
        "Comisión                          Coordinador(a)                         Integrantes\n"
        "Atracción de Inversiones          Garrett Oyelowo-Ruiz                   Casandra Lemus Ugarte (Naves Citlali);\n"
        "                                                                         Ing. Rutilio Estrada Olivares\n"
        "Energía e Infraestructura         Dr. Wenceslao Ábrego Medina            Ing. Celestino Garza Leal\n\n"
        "Comisión | Presidente | Empresa\n"
        "Comercio Exterior y Aduanas | Lic. Bernardino Cavazos Hinojosa | Agencia Aduanal Cavazos\n"
        "Seguridad | Lic. Ramiro de los Santos Valle | Grupo Custodia Tamaulipeca\n")
    members = {(x.people[p].name, x.initiatives[i].name): r for (p, i), r in x.memberships.items()}
    assert members[("Garrett Oyelowo-Ruiz", "Atracción de Inversiones")] == "coordinator"
    assert members[("Rutilio Estrada Olivares", "Atracción de Inversiones")] == "member"
    assert ("Celestino Garza Leal", "Energía e Infraestructura") in members
    assert members[("Bernardino Cavazos Hinojosa", "Comercio Exterior y Aduanas")] == "chair"
    assert ("Ramiro de los Santos Valle", "Seguridad") in members
