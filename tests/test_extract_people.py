"""People: general rules for names in page layouts and constructions, on invented sentences."""

from __future__ import annotations

from db.extract import extract
from db.extract.core import is_given, is_place
from db.extract.structure import unwrap


def _people(text):
    return {p.name for p in extract(text).people}


def test_column_gap_splits_two_names_and_menu_bar_names_nobody():
    text = ("MEMBERS\n"
            "Lic. Teodulfo Arriaga Sepúlveda              Henrietta Okonjo-Bland\n"
            "Partner, Arriaga Consultores                  Director, Plainsview Freight\n"
            "Inicio    Quiénes somos    Marco Normativo    Contacto\n")
    names = _people(text)
    assert "Teodulfo Arriaga Sepúlveda" in names and "Henrietta Okonjo-Bland" in names
    assert not any("Marco" in n for n in names)


def test_tab_separated_table_row():
    text = ("Nombre\tCargo\tEmpresa\n"
            "Ing. Rosalva Quintanar Ibarrola\tVocal\tForjas Metálicas del Bajío\n"
            "Lic. Eleuterio Cázares Bonfil\tSecretario\tHidráulica Potosina\n")
    names = _people(text)
    assert {"Rosalva Quintanar Ibarrola", "Eleuterio Cázares Bonfil"} <= names
    assert not any("Forjas" in n or "Hidráulica" in n for n in names)


def test_the_honorable_is_a_style_not_a_name():
    x = extract("First Panel\n\nThe Honorable Cornelius Q. Wimberley-Osei\nDeputy Under Secretary of Agriculture\n")
    assert [p.name for p in x.people] == ["Cornelius Q. Wimberley-Osei"]
    assert x.people[0].title != "Honorable"


def test_nickname_with_dots_or_two_words_stays_in_the_name():
    names = _people('Panelists: Rodrigo "R.J." Fennimore (Altavista Robotics); Lic. Eusebio "El Chato" Bocanegra Paz, Gerente.')
    assert 'Rodrigo "R.J." Fennimore' in names and 'Eusebio "El Chato" Bocanegra Paz' in names


def test_given_name_word_inside_an_organization_or_place_name():
    names = _people("Executive Director\nFundación Rosa Blanca\n\nHe spoke at the Parque Industrial Victoria Norte on Monday. "
                    "Next: Ashgrove Wins Funding for Tucson Lane Expansion Study »\n")
    assert not names
    assert not _people("Ella presentó la Reserva Natural de Paloma Blanca ayer.")
    assert not _people("The firm Galloway & Irene Partners opened an office.")


def test_place_and_title_before_the_name():
    names = _people("The delegation will meet with Jalisco Secretary of Economy Filiberta Orduña Lam and local mayors.")
    assert names == {"Filiberta Orduña Lam"}


def test_name_before_a_document_link_and_its_surname_later():
    text = ("Full Committee Vice Chair Wilhelmina Ashcombe-Ruiz Opening Statement (PDF)\n\n"
            "Members present: Reps. Ashcombe-Ruiz (NM), Pettigrew (KS) and Oyelowo (MD).\n")
    names = _people(text)
    assert "Wilhelmina Ashcombe-Ruiz" in names and "Ashcombe-Ruiz" not in names


def test_department_title_stays_on_its_line_and_ends_at_a_comma():
    assert not _people("Remarks by the Guatemalan Minister of Economy\nPress Kit: Regional Textile Trade\n")
    names = _people("Moderator: Ximeno Barragán Tello, Director of Commercial Operations, Eólica Serrana Norte; "
                    "Philippa Okafor-Dunn, Head of Utilities, Brightfield Plastics")
    assert not any("Serrana" in n for n in names)


def test_places_joined_by_y_and_a_leading_preposition_are_no_people():
    assert is_place("Dallas y El Paso")
    text = ("Durante la gira por Dallas y El Paso, el gobernador Casimiro Urdapilleta Ortiz firmó dos convenios.\n"
            "En El Paso, la comitiva fue recibida por Ofelio Barraza Lugo, por Amparo Valdivieso Tapia, "
            "y por Leandro Ibarrola Sosa, en la sede de la cámara.\n")
    names = _people(text)
    assert "Casimiro Urdapilleta Ortiz" in names
    assert not any("El Paso" in n for n in names)


def test_county_is_never_a_name():
    assert not _people("• Consul meets with Travis County employers\n")


def test_semicolon_roster_with_half_known():
    text = ("Committees for 2026\n"
            "Audit Committee: Rosamund Achterberg-Paz (chair); Ifeanyi Brandeis-Wirth, Tolteca Aduanas (vice chair)\n"
            "Ernesto Villagrán spoke; Rosamund Achterberg-Paz closed.\n")
    assert "Ifeanyi Brandeis-Wirth" in _people(text)


def test_abbreviated_given_name():
    names = _people("Among the members is Ing. Juan Ma. Olazábal Rentería, founder of Resinas del Pacífico Norte.")
    assert "Juan Ma. Olazábal Rentería" in names


def test_hyphenated_given_name_from_the_package():
    assert is_given("Mi-Rae") or is_given("Ji-Hoon")
    assert not is_given("Sun-Gazette")


def test_hard_wrapped_paragraph_rejoins_names():
    text = ("This paper is the result of a year of meetings in Laredo, Saltillo and\n"
            "Tulsa, and of many calls with plant managers, union leaders and\n"
            "officials. We owe special thanks to our friend Bartolomé Uzcanga\n"
            "Tellechea of the Coahuila Casting Network and to the late Ingeborg\n"
            "Thorvaldsen-Ruiz of the Lakeshore Metals Council, who hosted us.\n")
    assert "\n" not in unwrap(text).strip()
    names = _people(text)
    assert {"Bartolomé Uzcanga Tellechea", "Ingeborg Thorvaldsen-Ruiz"} <= names
    list_text = ("Wenonah Patel-Ortiz, Member, Greenway Harbor Commission of Lakeshore\n"
                 "Ignacio Ballina Suárez, Member, Autoridad Portuaria del Golfo de Campeche\n"
                 "Ellery Brandywine, Member, Bluegrass Cross-Border Trucking Association\n")
    assert unwrap(list_text) == list_text


def test_nickname_broken_by_a_wrap():
    text = 'Por la Unión de Fleteros del Norte (UFN): C. Leonardo "El\nTigre" Avendaño Ruiz, Presidente.\n'
    assert 'Leonardo "El Tigre" Avendaño Ruiz' in _people(text)


def test_caption_item_after_a_title_is_the_organization():
    names = _people("Moderator: Benedetta Olufemi-Cruz, Country Manager Mexico, Tallgrass Staffing")
    assert names == {"Benedetta Olufemi-Cruz"}


def test_lower_case_title_before_an_unknown_given_name():
    names = _people("A su vez, la diputada Yatziri Olmedo Kantún, del PT, propuso un fondo regional.")
    assert "Yatziri Olmedo Kantún" in names
    assert not _people("Lo anunció el presidente Municipal de Tampico en la reunión.")


def test_relative_pronoun_vouches_for_a_person():
    text = ("dijo el dirigente de la sección Coahuila de la Unión de Parques del Norte (UPN), Evaristo Zubieta Luján, "
            "quien estimó pérdidas millonarias.")
    assert "Evaristo Zubieta Luján" in _people(text)
    assert not _people("She succeeds Aurelio Benítez of Stonebridge Cables, who remains on the board.") - {"Aurelio Benítez"}


def test_clause_after_a_comma_is_no_title():
    names = _people("The group met the staff of the Cypress Health Innovation District, including its President, "
                    "Dr. Olamide Featherstone-Paz.")
    assert names == {"Olamide Featherstone-Paz"}


def test_longer_name_read_later_takes_over_the_shorter():
    text = ("Al cierre, el senador Ocampo Villalvazo anunció una mesa de trabajo.\n"
            "El senador Florentino Ocampo Villalvazo (PAN) presidió la sesión.\n")
    x = extract(text)
    assert [p.name for p in x.people] == ["Florentino Ocampo Villalvazo"]


def test_second_person_on_a_list_line():
    text = ("Asistentes\n\n"
            "Senadora Graciela Portillo Anaya, presidenta de la comisión.\n"
            "Senador Hipólito Treviño Lara, en representación del senador Anselmo Quiroz Beltrán.\n"
            "Diputada Rocío Garfias Medina, secretaria de la comisión.\n")
    assert "Anselmo Quiroz Beltrán" in _people(text)


def test_name_then_former_title_with_dots():
    names = _people("10:15 am – Keynote • Winslow Ashdown IV, Former U.S. Ambassador to Chile • Q&A")
    assert "Winslow Ashdown IV" in names


def test_board_heading_is_no_person():
    text = "Junta Directiva 2026\nPresidente: Ing. Baudilio Carranza Olea, director de Forjas del Norte\n"
    names = _people(text)
    assert not any("Directiva" in n for n in names) and "Baudilio Carranza Olea" in names


def test_name_wrapped_inside_a_table_cell():
    text = ("Nombre | Cargo | Empresa\n"
            "Ing. Sebastiana Orozco Leal | Presidenta | Fundidora del Valle\n"
            "Gregorio Ulloa Benavente | Secretario | Troqueles Ulloa\n"
            "Marcelina Ek Pacheco | Vocal | Hidráulica Peninsular\n"
            "Lic. Anacleto             | Vocal | Servicios Aeronáuticos\n"
            "Valdivieso Pruneda        | de Occidente\n")
    names = _people(text)
    assert "Anacleto Valdivieso Pruneda" in names and "Valdivieso Pruneda" not in names


def test_name_cut_inside_an_open_nickname():
    text = ("Members\n"
            "Ofelia Carranza-Whitlow, Director, Harbor Freight Council\n"
            "Bertrand Oyelaran, Partner, Ridgecrest Advisors\n"
            "Anselmo Baltazar “Chi\n")
    names = _people(text)
    assert not any("“" in n for n in names)


def test_company_after_de_is_no_person_even_before_a_title():
    names = _people("Lo acompañan Ximena Urrutia Castro, de Arneses del Río, como vicepresidenta; "
                    "Jacinto Mireles Olmos, de Troqueles Finos Acuña, como tesorero.")
    assert names == {"Ximena Urrutia Castro", "Jacinto Mireles Olmos"}


def test_common_nouns_end_no_name():
    assert not _people("Governor Announces Expansion of Leandro Ozuna Port Corridor\n")
    assert not _people("Panelists: Ann-Marie Kowalczyk, VP, Lone Star Transmission")- {"Ann-Marie Kowalczyk"}


def test_street_and_building_named_after_a_person():
    text = ("The plant, at Blvd. Ernesto Villagómez Paz 1450 and Av. Leopoldo Urías, opens in May.\n"
            "Oficinas: Calle Rodrigo Anaya 204, Col. Centro. Evento en el Hotel Santiago Real.\n")
    assert not _people(text)


def test_first_initial_before_a_known_given_name():
    assert "R. Benjamin Atherwood" in _people('"A milestone," said R. Benjamin Atherwood, president of Corvane Motors.')


def test_run_after_a_person_and_of_is_their_organization():
    names = _people("The panel included Declan O'Shaughnessy of Morgan Whitby and Ofelia Paz, de Grupo Lucía Industrial.")
    assert names == {"Declan O'Shaughnessy", "Ofelia Paz"}


def test_next_items_title_is_not_an_apposition():
    x = extract("Participaron el titular de la Unidad de Normas, Anacleto Rivas Poot, y la directora general de Aranceles, "
                "Zenaida Quiroz Lam.")
    anacleto = next(p for p in x.people if p.name == "Anacleto Rivas Poot")
    assert not (anacleto.title or "").startswith("y ")


def test_headline_verb_is_never_part_of_a_name():
    text = ("Latest News\n\nCarlota Ibarguen Acquires Two Warehouses\nDelia Arrambide Expands Saltillo Plant\n"
            "Rosendo Aguirre Hires Former Trade Official\n")
    assert all(len(n.split()) == 2 for n in _people(text))


def test_speech_verb_opening_a_sentence_is_not_part_of_the_name():
    names = _people("Explicó Leonora Tzuc Chan, gerente de Operaciones de Aceros del Istmo, que la demanda creció.")
    assert names == {"Leonora Tzuc Chan"}


def test_closing_sub_list_after_the_last_semicolon():
    text = ("Serán integrantes del consejo: Abundio Rebolledo Paz de Hilos Mayas, vicepresidente; Renata Solís Kuk de "
            "Cajas del Sur, tesorera; así como Wilfrido Canché Moo, Teófila Dzul Pat y Herminio Ucán Tec, "
            "en calidad de vocales.")
    names = _people(text)
    assert {"Wilfrido Canché Moo", "Teófila Dzul Pat", "Herminio Ucán Tec"} <= names


def test_semicolon_list_after_a_colon_inside_a_sentence():
    text = ("The author thanks, for their help: Brunilda Ocejo, Almacenes Ramos; Lorcan Whitsett; "
            "Amaru Quispe-Lind and Delphine Okeke, City of Del Rio; Radomir Castañeda, Vantreo.")
    assert {"Brunilda Ocejo", "Lorcan Whitsett", "Radomir Castañeda"} <= _people(text)


def test_spanish_legislative_titles():
    names = _people("Al foro asistieron Macrina Uwakwe, congresista; Ulrico Baez, jueza del condado; y Ana Pérez.")
    assert "Macrina Uwakwe" in names


def test_company_named_after_a_family_is_no_person():
    text = ("Vice Chair\nEustaquio Robledo Tena\nTransportes Robledo, Nuevo Laredo, Tamps.\n\n"
            "Treasurer\nMarisa Okoro\nGrupo Okoro Vidal\n")
    names = _people(text)
    assert not any(n.startswith(("Transportes", "Grupo")) for n in names)


def test_names_column_of_a_flattened_table():
    text = ("Lista de asistentes\n\nNo.\tNombre\tInstitución\tCargo\n"
            "1\tC. Xunaxi Balam Ek\tGremio Textil del Sur\tGerente\n"
            "2\tIng. Odilón Pech Cauich\tAduana de Sisal\tAdministrador\n"
            "\nInicio | Noticias | Contacto\n")
    names = _people(text)
    assert {"Xunaxi Balam Ek", "Odilón Pech Cauich"} <= names
    assert not any("Gremio" in n or "Aduana" in n for n in names)


def test_capitalised_title_adjective_after_a_lower_case_title():
    assert not _people("Habló la directora Ejecutiva de Aceros Boreales en el foro.")
    assert not _people("Lo recibió el presidente Nacional de la Cámara Textil.")


def test_grid_of_names_is_not_a_menu_bar():
    names = _people("OUR TEAM\nLeocadio Ruiz Paz     Amalia Torres Ek     Gervasio Luna Pat     Ofelia Chan Uc\n")
    assert len(names) == 4


def test_lowercase_representatives_with_labels_don_before_a_given_name_and_became():
    text = ("El grupo se reunió con una delegación encabezada por el representante Garrett Lindqvist-Pardo (R-Texas) e "
            "integrada además por los representantes Okonjo (D-Calif.), Moreau-Salas (R-Ariz.) y Harrowfield (D-N.M.).\n\n"
            "Don Aurelio Castañón Leal, el patriarca de Inmobiliaria Castañón, habría dicho que no.\n\n"
            "Dashiell Okonkwo-Ruiz became chief operating officer of Pantera Intermodal in January, after six years at "
            "Kestrel Line Haul.\n")
    names = {p.name for p in extract(text).people}
    assert {"Okonjo", "Moreau-Salas", "Harrowfield", "Aurelio Castañón Leal", "Dashiell Okonkwo-Ruiz"} <= names
    assert "Don Aurelio Castañón Leal" not in names and "Line Haul" not in names
