"""Groups named with their edition, panels of a program, and memberships read from sections and
participation clauses. Every text is invented for these tests."""

from __future__ import annotations

from db.extract import extract
from extraction_views import members as _members, names


def _names(x, kind="initiatives"):
    return names(x, kind)


def test_a_group_name_keeps_its_edition_and_its_spanish_topic():
    x = extract(
        "The 2026 Gulf Coast Export Mission will visit three ports. The Foro Industrial Saltillo 2026 opens "
        "on Monday. She sits on the Grupo de Trabajo Trilateral sobre Minerales Críticos de la Región.\n"
    )
    names = _names(x)
    assert "2026 Gulf Coast Export Mission" in names
    assert "Foro Industrial Saltillo 2026" in names
    assert "Grupo de Trabajo Trilateral sobre Minerales Críticos de la Región" in names


def test_edition_and_bare_name_are_one_group():
    x = extract("The Foro Portuario Lázaro 2027 was announced. Registration for the Foro Portuario Lázaro is open.\n")
    assert [i.name for i in x.initiatives] == ["Foro Portuario Lázaro 2027"]


def test_program_panels_take_their_moderator_and_panelists_who_also_join_the_event():
    x = extract(
        "BORDER PLANTS SUMMIT 2027\n"
        "Program\n\n"
        "9:00 - 9:30   Welcome: Odilia Farrás Quiroga, President, Border Plants Council\n\n"
        "9:30 - 10:30  Panel 1: Water Permits Without Delays\n"
        "              Moderator: Casimir Aldana-Roth, Partner, Aldana Roth Legal\n"
        "              Panelists:\n"
        "              • Eudora Plaskett, Plant Director, Meseta Castings\n"
        "              • Ing. Baudilio Treviño Saénz, Manager, Aguas del Llano\n\n"
        "10:30 - 11:00 Coffee break\n"
    )
    panel = "Panel 1: Water Permits Without Delays"
    assert panel in _names(x)
    mem = _members(x)
    assert mem[("Casimir Aldana-Roth", panel)] == "moderator"
    assert mem[("Eudora Plaskett", panel)] == "speaker"
    assert ("Baudilio Treviño Saénz", panel) in mem
    assert ("Eudora Plaskett", "BORDER PLANTS SUMMIT 2027") in mem
    assert ("Odilia Farrás Quiroga", panel) not in mem


def test_committee_tables_give_each_committee_its_people_with_their_role():
    x = extract(
        "Comités de trabajo\n\n"
        "1. Comité de Proveedores Locales\n\n"
        "Nombre | Cargo | Empresa\n"
        "Ing. Eulalia Brambila Ortega | Presidenta del Comité | Fundiciones del Bajío\n"
        "Lic. Teodomiro Saldaña Ruiz | Vocal | Moldes Querétaro\n\n"
        "2. Comité de Talento Técnico\n\n"
        "Nombre | Cargo | Empresa\n"
        "Mtra. Rosaura Itzel Cantú Vela | Secretaria | Universidad Politécnica del Llano\n"
    )
    mem = _members(x)
    assert mem[("Eulalia Brambila Ortega", "Comité de Proveedores Locales")] == "chair"
    assert ("Teodomiro Saldaña Ruiz", "Comité de Proveedores Locales") in mem
    assert ("Rosaura Itzel Cantú Vela", "Comité de Talento Técnico") in mem
    assert ("Rosaura Itzel Cantú Vela", "Comité de Proveedores Locales") not in mem


def test_a_section_ends_at_page_furniture():
    x = extract(
        "Rail Corridor Working Group\n"
        "Anselm Okonjo-Barr, Director, Prairie Rail Partners\n\n"
        "Media contact\n"
        "Philippa Tarrant, Communications Manager, Prairie Rail Partners\n"
    )
    mem = _members(x)
    assert ("Anselm Okonjo-Barr", "Rail Corridor Working Group") in mem
    assert ("Philippa Tarrant", "Rail Corridor Working Group") not in mem


def test_a_named_mission_and_its_inverted_member_list():
    x = extract(
        "Concluye gobernador misión comercial en Arizona\n\n"
        "El gobernador Evaristo Nájera Colunga informó que la misión comercial Sonora Avanza 2026 cerró con tres "
        "anuncios. Integraron la comitiva el secretario de Economía, Rubén Palafox Ibarra, y la directora del "
        "Consejo Logístico, Marisela Quiroz Tapia.\n"
    )
    assert "Sonora Avanza 2026" in _names(x)
    mem = _members(x)
    assert ("Rubén Palafox Ibarra", "Sonora Avanza 2026") in mem
    assert ("Marisela Quiroz Tapia", "Sonora Avanza 2026") in mem


def test_a_role_given_after_the_group_or_by_a_relative_clause():
    x = extract(
        "El presidente anunció la creación del Comité de Energía Limpia, que presidirá la consejera Aurelia "
        "Benavides Rocha. Asistió el diputado Fermín Olague Tapia (PAN), quien preside el Grupo de Amistad "
        "México-Canadá en San Lázaro.\n"
    )
    mem = _members(x)
    assert mem[("Aurelia Benavides Rocha", "Comité de Energía Limpia")] == "chair"
    assert mem[("Fermín Olague Tapia", "Grupo de Amistad México-Canadá")] == "chair"


def test_the_document_delegation_from_a_headline_that_only_names_its_kind():
    x = extract(
        "Home   About   Newsroom   Contact\n"
        "Governor Pruett to Lead Trade Mission to Jalisco\n\n"
        "Governor Lavinia Pruett will lead the 2026 Prairie Export Mission to Guadalajara in May.\n\n"
        "The delegation includes:\n"
        "Osgood Branwell, President, Prairie Growers Cooperative\n"
        "Dr. Temperance Oyelowo, Dean of Engineering, Plains State University\n"
    )
    group = "2026 Prairie Export Mission to Guadalajara"  # a mission is named with its destination
    mem = _members(x)
    assert mem.get(("Lavinia Pruett", group)) == "lead"
    assert ("Osgood Branwell", group) in mem and ("Temperance Oyelowo", group) in mem


def test_a_line_labelled_with_a_committee_lists_its_people_and_roles():
    x = extract(
        "Committee Chairs\n"
        "Export Finance Committee: Rosalind Vexler-Amado (chair); Teodoro Quijano Ríos, Banco Llanero (vice chair)\n"
    )
    mem = _members(x)
    assert mem[("Rosalind Vexler-Amado", "Export Finance Committee")] == "chair"
    assert mem[("Teodoro Quijano Ríos", "Export Finance Committee")] == "vice-chair"


def test_event_page_headline_is_the_event():
    x = extract(
        "Events\n\n"
        "Ports After the Boom: Capacity and Labor on the Gulf\n\n"
        "Tuesday, June 9, 2026\n"
        "2:00 pm - 3:30 pm CDT\n\n"
        "Register to attend\n\n"
        "Featured speakers\n\n"
        "Wilhelmina Achebe-Porter\n"
        "Director, Gulf Ports Observatory\n"
    )
    event = "Ports After the Boom: Capacity and Labor on the Gulf"
    assert event in _names(x)
    assert ("Wilhelmina Achebe-Porter", event) in _members(x)


def test_minutes_attendees_belong_to_the_group_named_in_capitals_at_the_top():
    x = extract(
        "GRUPO DE TRABAJO DE CRUCES\n"
        "FRONTERIZOS TECATE–CAMPO\n\n"
        "MINUTA DE LA PRIMERA SESIÓN\n\n"
        "ASISTENTES:\n"
        "Por la Secretaría de Economía: Lic. Eustorgio Valenzuela Ibarra, Representante Federal.\n"
        "Por la Cámara de Comercio: Ing. Marisela Ochoa Ledezma, Presidenta.\n\n"
        "El Lic. Valenzuela Ibarra dio la bienvenida a los integrantes del Grupo de Trabajo de Cruces "
        "Fronterizos Tecate–Campo y el Secretario Técnico verificó el quórum.\n"
    )
    group = "Grupo de Trabajo de Cruces Fronterizos Tecate–Campo"
    assert [i.name for i in x.initiatives if "Cruces" in i.name] == [group] or group.upper() in {
        " ".join(i.name.split()).upper() for i in x.initiatives}
    mem = {p for p, _ in _members(x)}
    assert {"Eustorgio Valenzuela Ibarra", "Marisela Ochoa Ledezma"} <= mem


def test_a_wide_gap_or_a_tab_parts_menu_items_and_table_columns():
    x = extract(
        "Home   About   Summit 2026   Members   Contact\n\n"
        "Name\tTitle\tCompany\n"
        "Wendeline Obregón Sáenz\tPlant Director\tTermoformados del Norte\n"
        "Casimiro Ulloa Brandt\tBuyer\tArneses Piedra Azul\n"
    )
    assert "Home About Summit 2026" not in _names(x)
    assert {"Wendeline Obregón Sáenz", "Casimiro Ulloa Brandt"} <= _names(x, "people")


def test_more_unnamed_delegations_and_their_leaders():
    x = extract(
        "Last spring Senators Ottoline Brack and Jerome Ifield-Ramos led a Senate delegation to Lima and Quito. "
        "A delegation of Tijuana business leaders led by Evaristo Moncada Lugo traveled to Sacramento.\n"
    )
    names = _names(x)
    assert "Senate delegation to Lima and Quito" in names
    assert "delegation of Tijuana business leaders" in names
    mem = _members(x)
    assert mem.get(("Ottoline Brack", "Senate delegation to Lima and Quito")) == "lead"


def test_a_plural_role_after_a_run_of_people():
    x = extract(
        "The bill was backed by Reps. Cordelia Ashworth (R-Texas) and Iñaki Valdivia-Ross (D-Calif.), co-chairs of "
        "the House Border Ports Caucus, who filed it in March.\n"
    )
    mem = _members(x)
    assert mem[("Cordelia Ashworth", "House Border Ports Caucus")] == "co-chair"
    assert mem[("Iñaki Valdivia-Ross", "House Border Ports Caucus")] == "co-chair"


def test_people_a_mission_met_earlier_in_a_long_sentence_are_not_its_members():
    x = extract(
        "Concluye misión comercial Nuevo León en Ohio\n\n"
        "El primer día, la misión comercial Nuevo León Avanza 2026 sostuvo un encuentro con directivos de Acerías "
        "del Lago, encabezados por su vicepresidente de Operaciones para Norteamérica, Thaddeus Ormsby-Quiroga, "
        "con quienes revisó la ampliación de una planta. La encabezó el secretario Rosendo Villaseñor Tapia.\n"
    )
    mem = {p for p, _ in _members(x)}
    assert "Thaddeus Ormsby-Quiroga" not in mem


def test_a_post_introducing_the_members_of_a_board_below_it():
    x = extract(
        "Today I'm proud to introduce the first members of the Cordillera Freight Advisory Board 👇\n\n"
        "🔹 Eulalia Brandt-Okoye — 20 years at Transportes Sierra Alta, most recently as COO.\n\n"
        "🔹 Dr. Isandro Velasco Pike, who leads the Border Lab at Llano Polytechnic Institute.\n"
    )
    mem = {p for p, i in _members(x) if i == "Cordillera Freight Advisory Board"}
    assert {"Eulalia Brandt-Okoye", "Isandro Velasco Pike"} <= mem


def test_served_on_a_group_and_a_role_after_it_past_an_abbreviation():
    x = extract(
        "Both authors served on the Gulf Institute's Task Force on Coastal Energy Trade, co-chaired by former U.S. "
        "Senator Abner T. Whitlock and Rosalba Ilizaliturri Paz, who was Mexico's undersecretary of energy.\n"
    )
    mem = _members(x)
    assert mem[("Abner T. Whitlock", "Task Force on Coastal Energy Trade")] == "co-chair"
    assert mem[("Rosalba Ilizaliturri Paz", "Task Force on Coastal Energy Trade")] == "co-chair"


def test_a_joint_binational_committee_on_a_topic_is_a_group_and_a_legislature_no_forum():
    x = extract(
        "Readout of the 12th Plenary Session of the U.S.–Mexico Joint Committee on River Ports\n\n"
        "The committee met in Laredo. Diputados del Congreso del Estado de Coahuila attended.\n"
    )
    names = _names(x)
    assert "U.S.–Mexico Joint Committee on River Ports" in names
    assert not any(n.startswith("Congreso") for n in names)


def test_a_committee_co_chaired_by_two_people_and_the_list_serving_with_them():
    x = extract(
        "HOST COMMITTEE\n"
        "The Lantern Awards Host Committee is co-chaired this year by Ottavio Mbeki-Sandoval, plant manager of "
        "Dravex Automotive, and Rosaura Itzel Benítez Carr, director at Norhaven Tool. Serving with them:\n"
        "Philomena Adair-Quiroz – Kessler Logistics\n"
        "Tobías Ulloa Brandt – Banco Altamar\n"
    )
    group = "Lantern Awards Host Committee"
    mem = _members(x)
    assert mem[("Ottavio Mbeki-Sandoval", group)] == "co-chair"
    assert ("Philomena Adair-Quiroz", group) in mem and ("Tobías Ulloa Brandt", group) in mem


def test_a_group_made_up_of_people_one_of_whom_will_coordinate_it():
    x = extract(
        "PRIMERO. Se crea el Grupo de Trabajo para la Frontera Digital, integrado por las y los diputados "
        "Evelio Santacruz Ibarra (Morena), quien lo coordinará; Maribel Ochoa Tapia (PAN), y Renato Villa Ceja (PT).\n"
    )
    group = "Grupo de Trabajo para la Frontera Digital"
    mem = _members(x)
    assert mem[("Evelio Santacruz Ibarra", group)] == "coordinator"
    assert ("Maribel Ochoa Tapia", group) in mem and ("Renato Villa Ceja", group) in mem


def test_a_kind_heading_above_the_sentence_naming_the_group_heads_its_cards():
    x = extract(
        "ADVISORY COUNCIL\n"
        "The Harbor Exporters Advisory Council brings together former chairs and public partners.\n\n"
        "Hon. Ulrike Castañón-Pruitt\n"
        "Former Chair, Harbor Exporters Association\n\n"
        "Mateo Quijano Lind\n"
        "Regional Director, Cámara Exportadora del Golfo\n"
    )
    mem = {p for p, i in _members(x) if i == "Harbor Exporters Advisory Council"}
    assert {"Ulrike Castañón-Pruitt", "Mateo Quijano Lind"} <= mem


def test_a_profile_sentence_without_a_subject_is_about_the_profiled_person():
    x = extract(
        "3. Valentina Ochoa Rentería | Directora general de Almacenes Tarasco\n"
        "Convirtió la empresa familiar en el mayor operador de Celaya. Desde enero preside el Consejo Consultivo "
        "de Logística del Altiplano.\n"
    )
    assert _members(x)[("Valentina Ochoa Rentería", "Consejo Consultivo de Logística del Altiplano")] == "chair"


def test_a_group_acronym_standing_alone_is_the_group_and_list_lines_name_known_people():
    x = extract(
        "UAVN encabeza consorcio binacional de baterías\n\n"
        "Las universidades firmaron el convenio del Consorcio Binacional de Baterías del Desierto (COBADE). "
        "El COBADE será coordinado por la Dra. Eufemia Ortuño Salas, profesora de la UAVN, y por el Dr. "
        "Ignatius Okafor-Lind, director del laboratorio de la RGSU.\n\n"
        "Comité Científico\n"
        "Dra. Eufemia Ortuño Salas (UAVN) — coordinadora\n"
        "Dr. Casiano Ferrer Mijares (CIMAN)\n"
    )
    group = "Consorcio Binacional de Baterías del Desierto"
    mem = _members(x)
    assert mem[("Eufemia Ortuño Salas", group)] == "coordinator"
    assert mem[("Ignatius Okafor-Lind", group)] == "coordinator"
    assert ("Eufemia Ortuño Salas", "Comité Científico") in mem
    assert not any(o.name == "COBADE" for o in x.organizations)


def test_the_members_of_a_committee_listed_on_a_consortium_page_take_part_in_the_consortium():
    x = extract(
        "Nace el Consorcio Binacional de Agua del Bravo\n\n"
        "Las universidades firmaron el convenio del Consorcio Binacional de Agua del Bravo, que reúne a cuatro "
        "instituciones.\n\n"
        "Comité Técnico\n"
        "Dra. Ofelia Quiñones Raya, profesora de la UAVN, coordinadora\n"
        "Dr. Casimir Adebayo-Lund, director del laboratorio de la RGSU\n\n"
        "Empresas participantes\n"
        "Aceros del Bravo — Ing. Tereso Villalba Ruiz, director general\n"
        "Moldes Finos del Norte — Lic. Araceli Benítez Soto, gerente de exportaciones\n"
    )
    mem = _members(x)
    group = "Consorcio Binacional de Agua del Bravo"
    assert ("Casimir Adebayo-Lund", "Comité Técnico") in mem and ("Casimir Adebayo-Lund", group) in mem
    assert ("Tereso Villalba Ruiz", group) in mem


def test_company_first_list_lines_give_the_person_after_the_dash():
    x = extract(
        "COMITIVA EMPRESARIAL\n"
        "Fundiciones del Llano — Ing. Pascual Ocaranza Lira, director general\n"
        "Textiles Valle Alto — Lic. Griselda Anaya Toral, gerente de exportaciones\n"
    )
    people = {p.name for p in x.people}
    assert {"Pascual Ocaranza Lira", "Griselda Anaya Toral"} <= people
    assert "Fundiciones del Llano" not in people
    aff = {(x.people[p].name, x.organizations[o].name) for (p, o) in x.affiliations}
    assert ("Pascual Ocaranza Lira", "Fundiciones del Llano") in aff


def test_an_edition_before_a_spanish_kind_and_a_bare_kind_with_its_topic():
    x = extract(
        "III CONGRESO INTERNACIONAL DE LOGÍSTICA FRONTERIZA 2026\n\n"
        "La cámara sostuvo la Reunión de Trabajo Bilateral sobre Cruces Ferroviarios con funcionarios del condado.\n\n"
        "Mesa redonda 1. Agua, energía y suelo industrial\n"
        "Modera: Lic. Crisanto Obeso Lara, director de Parques del Sur\n"
    )
    names = {" ".join(n.split()) for n in _names(x)}
    assert "III CONGRESO INTERNACIONAL DE LOGÍSTICA FRONTERIZA 2026" in names
    assert "Reunión de Trabajo Bilateral sobre Cruces Ferroviarios" in names
    assert "Mesa redonda 1. Agua, energía y suelo industrial" in names


def test_a_heading_naming_the_group_by_its_kind_lists_its_members():
    x = extract(
        "NEW TASK FORCE TAKES ON THE SKILLS GAP\n\n"
        "The Regional Partnership launched the Gulf Ports Workforce Task Force this month. The Task Force will be "
        "co-chaired by Dr. Mireya Olvera-Tibbs, president of Costa College.\n\n"
        "Task Force members:\n"
        "  • Emeka Dos Reis-Hale — Plant Manager, Voltara Marine\n"
        "  • Ruth Kowalczyk, Executive Director, Coastal Workforce Board\n"
    )
    names = _names(x)
    assert "NEW TASK FORCE" not in names
    mem = _members(x)
    assert ("Emeka Dos Reis-Hale", "Gulf Ports Workforce Task Force") in mem
    assert ("Ruth Kowalczyk", "Gulf Ports Workforce Task Force") in mem


def test_copresidents_of_a_council_and_participating_ceos_of_the_dialogue():
    x = extract(
        "Binational Freight CEO Dialogue convenes in Laredo\n\n"
        "The Binational Freight CEO Dialogue met on Monday. Participants agreed to form a Rail Energy Working "
        "Group, to be led by Corinna Vallejo-Pratt.\n\n"
        "Participating CEOs included:\n"
        "  - Corinna Vallejo-Pratt, Chair and CEO, Vantrell Components\n"
        "  - Ozias Brennan-Ochoa, President, Brennan Cold Chain\n\n"
        "El acto fue encabezado por la rectora Adelaida Sosa Ferrer y por el Dr. Wendell Okafor-Ruiz, quienes "
        "fungirán como copresidentes del Consejo Rector de la Red.\n"
    )
    mem = _members(x)
    assert ("Corinna Vallejo-Pratt", "Binational Freight CEO Dialogue") in mem
    assert mem[("Adelaida Sosa Ferrer", "Consejo Rector de la Red")] == "co-chair"


def test_people_joining_or_travelling_with_the_delegation():
    x = extract(
        "Gov. Pruett departed today for Monterrey, where she will lead a 20-member Kansas trade and investment "
        "delegation through Friday. Joining the Governor are Commerce Secretary Ilse Brandauer-Ortiz and Lt. Col. "
        "(Ret.) Barnaby Okafor, president of the Kansas-Mexico Council. Business leaders traveling with the "
        "delegation include Ingrid Feldhaus, chief executive of Prairie Harvest Tools; Jamal Whitcombe-Ruiz, vice "
        "president of Cedar Valley Foods.\n"
    )
    group = "Kansas trade and investment delegation"
    mem = _members(x)
    for name in ("Ilse Brandauer-Ortiz", "Barnaby Okafor", "Ingrid Feldhaus", "Jamal Whitcombe-Ruiz"):
        assert (name, group) in mem


def test_unnamed_lower_case_groups_tracks_and_an_advisory_committee():
    x = extract(
        "The senators agreed to form a joint working group on aquifer data led by Sen. Amalia Urrutia Paz. "
        "The Port created the Harbor Freight Advisory Committee this spring.\n\n"
        "Track B — Rules of Origin for Distributors\n"
        "Moderator: Kenji Albright-Soto, Partner, Albright Trade Law\n\n"
        "La Mesa de Trabajo de Logística y Facilitación Aduanera sesionó el lunes. La delegación empresarial de "
        "Baviera visitó el parque. La Delegación San Luis Potosí de la dependencia recibió a la comitiva.\n"
    )
    names = _names(x)
    assert "joint working group on aquifer data" in names
    assert "Harbor Freight Advisory Committee" in names
    assert "Track B — Rules of Origin for Distributors" in names
    assert "Mesa de Trabajo de Logística y Facilitación Aduanera" in names
    assert "delegación empresarial de Baviera" in names
    assert "Delegación San Luis Potosí" not in names


def test_a_newsletter_about_a_forum_and_the_delegation_that_went_to_it():
    x = extract(
        "View this email in your browser\n\n"
        "SENATOR ODALINDA PRUETT-SOSA\n"
        "Arizona State Senate · Legislative District 9\n"
        "The Capitol Report — May 2026\n\n"
        "BINATIONAL FORUM RECAP: LAWMAKERS TALK WATER\n\n"
        "Earlier this month I co-chaired the 9th Arizona–Sonora Binational Water Forum in Hermosillo. The Arizona "
        "delegation was joined by Sen. Marcus Abernethy-Ruiz and Rep. Dolores Quintana-Pike.\n"
    )
    forum = "9th Arizona–Sonora Binational Water Forum"
    mem = _members(x)
    assert ("Marcus Abernethy-Ruiz", forum) in mem and ("Dolores Quintana-Pike", forum) in mem


def test_a_kind_heading_with_no_group_of_that_kind_lists_nobody_under_another_group():
    x = extract(
        "Panel 1: Agua y energía\n"
        "Moderator: Anacleta Ruiz Peña, Directora, Grupo Norte\n\n"
        "Task Force members:\n"
        "  • Ximena Ólafsdóttir-Ruiz, Directora, Frontera Labs\n"
    )
    assert _members(x).get(("Ximena Ólafsdóttir-Ruiz", "Panel 1: Agua y energía")) != "moderator"
