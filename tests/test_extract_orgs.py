"""Organizations and affiliations (person -> organization) in the constructions real pages of the genre use:
public bodies named by generic words, speaker and witness cards, tables with a header row, columns side by
side, profile headlines, careers told in bios, attendance lists by organization, Spanish appositions.
Every text is invented for these tests."""

from __future__ import annotations

from db.extract import extract
from db.extract.structure import unwrap
from extraction_views import affiliations


def _orgs(x):
    return {o.name for o in x.organizations}


def _aff(x):
    return set(affiliations(x))


# public bodies -------------------------------------------------------------------------

def test_public_bodies_named_by_generic_words():
    x = extract("The bill directs the Department of Labor to report to the Office of the Treasurer and the "
                "Ohio House of Representatives, with help from the National Statistics Administration.")
    orgs = _orgs(x)
    assert {"Department of Labor", "Office of the Treasurer", "Ohio House of Representatives",
            "National Statistics Administration"} <= orgs


def test_office_named_after_a_title_keeps_the_title_word():
    x = extract("Staff from the Office of the Special Trade Envoy briefed the panel.")
    assert "Office of the Special Trade Envoy" in _orgs(x)


def test_national_council_keeps_its_first_word_and_and_the_splits_two_names():
    x = extract("The plan is endorsed by the National Council of Freight Yards and the Gulf Valve Makers Institute.")
    assert {"National Council of Freight Yards", "Gulf Valve Makers Institute"} <= _orgs(x)


def test_file_types_documents_venues_and_member_offices_are_no_organizations():
    x = extract("Agenda Notice (PDF)\n\nThe forum met in the Civic Center Ballroom.\n\n"
                "El foro se celebró en el Centro de Convenciones de Tepic.\n\n"
                "Boise Office | Twin Falls | Pocatello\n")
    assert _orgs(x) == set()


def test_spanish_body_with_commas_read_back_from_its_acronym():
    x = extract("La Secretaría de Agricultura, Ganadería y Pesca (SAGP) aprobó el plan.")
    org = next(o for o in x.organizations if o.acronym == "SAGP")
    assert org.name == "Secretaría de Agricultura, Ganadería y Pesca"


def test_acronym_and_full_name_set_apart_by_two_spaces_are_two_runs():
    x = extract("CAVIM  Cámara de Vinos del Mediterráneo\n")
    assert "CAVIM Cámara de Vinos del Mediterráneo" not in _orgs(x)


def test_party_label_spelled_out_is_no_acronym_and_menus_name_nothing():
    x = extract("U.S. Senators Orrin Talbot-Vance (R-Utah) and Marla Quist (D-Minn.) filed the bill.\n\n"
                "Home   My Account   Help Center   Careers   Press\n")
    assert not any("Senators" in o or "Help Center" in o for o in _orgs(x))


# lists of organizations in prose ------------------------------------------------------------

def test_organizations_listed_after_staff_words():
    x = extract("The buyers met purchasing teams from Corvina Steelworks and Arneses Tlaxcaltecas. "
                "Asistieron representantes de Maquinados Integrales del Sureste, Grupo Vela y Textiles Omega.")
    assert {"Corvina Steelworks", "Arneses Tlaxcaltecas", "Maquinados Integrales del Sureste", "Grupo Vela",
            "Textiles Omega"} <= _orgs(x)


def test_members_listed_after_which_includes():
    x = extract("They met the Private Sector Advisory Panel, which includes Ostrava Wafers, Kestrel Cobalt and "
                "the Pacific Sensors Alliance.")
    assert {"Ostrava Wafers", "Kestrel Cobalt"} <= _orgs(x)


# cards, tables, columns ------------------------------------------------------------------

def test_speaker_cards_with_several_lines():
    x = extract("Featured Speakers\n\n"
                "Opening Remarks\n\n"
                "Wendeline Okafor-Strand\nPresident and CEO\nCascadia Policy Forum\n\n"
                "Keynote\n\n"
                "Ottavio Brambilla-Ruiz\nVice President, Public Affairs\nNorvento Energy\n\n"
                "Moderator\n\n"
                "Ysolde Marchesi-Ponce\nDirector, Americas Program\nCascadia Policy Forum\n"
                "Former Senior Advisor, Office of the Chief Economist\n")
    aff = _aff(x)
    assert ("Wendeline Okafor-Strand", "Cascadia Policy Forum") in aff
    assert ("Ottavio Brambilla-Ruiz", "Norvento Energy") in aff
    assert ("Ysolde Marchesi-Ponce", "Cascadia Policy Forum") in aff
    assert ("Ysolde Marchesi-Ponce", "Office of the Chief Economist") in aff
    assert "Americas Program" not in _orgs(x)


def test_witness_cards_with_honorifics_and_on_behalf_of():
    x = extract("WITNESSES\n\n"
                "The Honorable Corwin Adebisi-Lund\n"
                "Assistant Secretary for Markets\n"
                "Bureau of Market Access, U.S. Department of Agriculture\n"
                "Testimony (PDF)\n\n"
                "Mr. Tiberio Salcedo-Vance\n"
                "President, Salcedo Freight Forwarding, Nogales, Arizona\n"
                "Testifying on behalf of the Border Forwarders League\n"
                "Testimony (PDF)\n")
    aff = _aff(x)
    assert ("Corwin Adebisi-Lund", "Bureau of Market Access") in aff
    assert ("Corwin Adebisi-Lund", "U.S. Department of Agriculture") in aff
    assert ("Tiberio Salcedo-Vance", "Salcedo Freight Forwarding") in aff
    assert ("Tiberio Salcedo-Vance", "Border Forwarders League") in aff
    assert "Corwin Adebisi-Lund" in {p.name for p in x.people}


def test_pipe_table_with_a_header_row_and_a_row_wrapped_onto_two_lines():
    x = extract("Comité de Proveedores\n\n"
                "Nombre | Cargo | Empresa\n"
                "Ing. Zacarías Olmedo Fuentes | Presidente del Comité | Forjados del Golfo\n"
                "Lic. Herminia              | Vocal | Servicios Aeronáuticos\n"
                "Quiroz Bañuelos               | Integrales de Sonora\n")
    aff = _aff(x)
    assert ("Zacarías Olmedo Fuentes", "Forjados del Golfo") in aff
    assert ("Herminia Quiroz Bañuelos", "Servicios Aeronáuticos Integrales de Sonora") in aff


def test_tab_table_and_flattened_table():
    x = extract("Nombre\tCargo\tInstitución\n"
                "Dra. Leonor Acuña Berriozábal\tSecretaria\tInstituto Tecnológico de Tlaxiaco\n"
                "Lic. Baldomero Ruiz Tejeda\tVocal\tSecretaría de Turismo del Estado\n\n"
                "Board of Directors\n\nDirector\nCompany\nLocation\n"
                "Fennimore Achebe-Lindgard\nRedwater Appliance Group\nTucson, AZ\n"
                "Graciela Ontiveros-Baird\nSaguaro Precision Castings\nNogales, Son.\n")
    aff = _aff(x)
    assert ("Leonor Acuña Berriozábal", "Instituto Tecnológico de Tlaxiaco") in aff
    assert ("Baldomero Ruiz Tejeda", "Secretaría de Turismo del Estado") in aff
    assert ("Fennimore Achebe-Lindgard", "Redwater Appliance Group") in aff
    assert ("Graciela Ontiveros-Baird", "Saguaro Precision Castings") in aff
    assert not any(o in ("AZ", "Son") for o in _orgs(x))


def test_two_lists_side_by_side():
    x = extract("MEXICO                                        CANADA\n"
                "Lic. Aurelio Zendejas Pinto                    Maryse Colbert-Oduya\n"
                "Partner, Zendejas Pinto Abogados               Vice President, Prairie Grain Exporters\n"
                "Mtra. Xitlali Uc Balam                         Dr. Gunnar Aalderink-Ruiz\n"
                "Director General, Consejo Yucateco de          Professor of Economics, Lakehead Polytechnic\n"
                "Exportadores                                   \n")
    aff = _aff(x)
    assert ("Aurelio Zendejas Pinto", "Zendejas Pinto Abogados") in aff
    assert ("Maryse Colbert-Oduya", "Prairie Grain Exporters") in aff
    assert ("Xitlali Uc Balam", "Consejo Yucateco de Exportadores") in aff
    assert ("Gunnar Aalderink-Ruiz", "Lakehead Polytechnic") in aff
    assert not any("Colbert" in p.name and "Aurelio" in p.name for p in x.people)


def test_role_line_with_the_company_after_the_title():
    x = extract("Mesa Directiva\n"
                "Presidente: Ing. Ramiro Atondo Beltrán, gerente de planta de Fundiciones Cuauhtémoc\n"
                "Tesorera: C.P. Olga Nieblas Cota, directora general de Empaques del Pacífico\n")
    aff = _aff(x)
    assert ("Ramiro Atondo Beltrán", "Fundiciones Cuauhtémoc") in aff
    assert ("Olga Nieblas Cota", "Empaques del Pacífico") in aff


def test_profile_headline_under_a_name_with_a_badge():
    x = extract("Comments\n\n"
                "Leopoldina Vargas-Quaye • 2nd\n"
                "Head of Procurement at Tamarind Appliances | Lean | Six Sigma\n"
                "Congratulations!\n\n"
                "Bartholomew Ekwueme-Soto • 3rd+\n"
                "Partner at Ridgeline Capital | Board Member, Sonoran Logistics Fund\n"
                "Great hire.\n")
    aff = _aff(x)
    assert ("Leopoldina Vargas-Quaye", "Tamarind Appliances") in aff
    assert ("Bartholomew Ekwueme-Soto", "Ridgeline Capital") in aff
    assert ("Bartholomew Ekwueme-Soto", "Sonoran Logistics Fund") in aff


# prose -------------------------------------------------------------------------------

def test_new_executive_our_ceo_and_a_career_told_with_pronouns():
    x = extract("Tidewater Intermodal\n\n"
                "We welcome Philippa Oyelowo-Grant as Tidewater Intermodal's new Chief Operating Officer! "
                "Philippa brings two decades of rail experience. She joins us from Cordillera Rail Partners, where "
                "she spent six years as Vice President of Sales. Before that, she led planning at Ferrocarriles "
                "del Istmo in Veracruz, and she began her career with the Regional Freight Service.\n\n"
                "She will report to our CEO, Lucius Hartigan-Mora.\n")
    aff = _aff(x)
    assert ("Philippa Oyelowo-Grant", "Tidewater Intermodal") in aff
    assert ("Philippa Oyelowo-Grant", "Cordillera Rail Partners") in aff
    assert ("Philippa Oyelowo-Grant", "Ferrocarriles del Istmo") in aff
    assert ("Philippa Oyelowo-Grant", "Regional Freight Service") in aff
    assert ("Lucius Hartigan-Mora", "Tidewater Intermodal") in aff


def test_biography_paragraph_under_a_name_line():
    x = extract("SEMBLANZAS\n\n"
                "Dra. Eulalia Benavente Roque\n"
                "Economista en jefe del Banco Mercantil del Golfo desde 2020. Anteriormente fue analista en "
                "Afianzadora Cumbres y consultora del Instituto de Estudios del Caribe. Es doctora en Economía por "
                "la Universidad Autónoma del Sureste. La empresa tiene plantas en Apodaca y Ramos Arizpe.\n")
    aff = _aff(x)
    assert ("Eulalia Benavente Roque", "Banco Mercantil del Golfo") in aff
    assert ("Eulalia Benavente Roque", "Afianzadora Cumbres") in aff
    assert ("Eulalia Benavente Roque", "Instituto de Estudios del Caribe") in aff
    assert not any("Apodaca" in o for o in _orgs(x))


def test_apposition_ending_in_a_bare_company_and_a_unit_before_it():
    x = extract("Keynote: Bertrand Okwudili-Reyes, President & CEO, Vantablu Robotica.\n\n"
                "Canada was represented by Solveig Marchand-Iwu, Director General, Trade Policy, "
                "Meridian Export Agency.\n")
    aff = _aff(x)
    assert ("Bertrand Okwudili-Reyes", "Vantablu Robotica") in aff
    assert ("Solveig Marchand-Iwu", "Meridian Export Agency") in aff


def test_portfolio_or_sub_office_before_the_organization():
    x = extract("The delegation included Perpetua Ambrose-Nakai, Director of the Office of Andean Affairs at the "
                "Foreign Market Administration; and Lysander Okoye-Baptiste, Undersecretary of Foreign Trade at "
                "Peru's Ministry of Production.")
    aff = _aff(x)
    assert ("Perpetua Ambrose-Nakai", "Foreign Market Administration") in aff
    assert ("Lysander Okoye-Baptiste", "Ministry of Production") in aff


def test_sentence_opening_at_an_organization_and_chaired_by():
    x = extract("At the Halvard Policy Institute, research fellows Tamsin Okoro-Vidal and Benedikt Saari-Obi "
                "wrote the annex. They met executives hosted by the Binational Growers Association, chaired by "
                "Evaristo Camou-Lindgren, at its offices.")
    aff = _aff(x)
    assert ("Tamsin Okoro-Vidal", "Halvard Policy Institute") in aff
    assert ("Benedikt Saari-Obi", "Halvard Policy Institute") in aff
    assert ("Evaristo Camou-Lindgren", "Binational Growers Association") in aff


def test_spanish_groups_of_people_by_organization():
    x = extract("La Secretaría de Turismo (SECTUR) informó. Integraron la comitiva, por parte de la SECTUR, la "
                "subsecretaria de Planeación, Rosaura Ibarrola Peña; el titular de la Unidad de Análisis, Cipriano "
                "Balderas Nieto, y el director de la oficina de la CAMEX en Mérida, Wenceslao Chi Pech.\n\n"
                "Por parte de la Cámara de Senadores asistieron la senadora Iluminada Ferrer Ochoa y el senador "
                "Teodulo Garza Ibarra.\n")
    aff = _aff(x)
    assert ("Rosaura Ibarrola Peña", "Secretaría de Turismo") in aff
    assert ("Cipriano Balderas Nieto", "Secretaría de Turismo") in aff
    assert ("Wenceslao Chi Pech", "Secretaría de Turismo") not in aff
    assert ("Iluminada Ferrer Ochoa", "Cámara de Senadores") in aff
    assert ("Teodulo Garza Ibarra", "Cámara de Senadores") in aff


def test_attendance_list_by_organization_lines():
    x = extract("ASISTENTES:\n\n"
                "Por la Secretaría de Movilidad: Lic. Abundio Sarmiento Gil, Director de Proyectos; Mtra. Casilda "
                "Oropeza Lugo, Subdirectora.\n"
                "Por la Cámara de Transportistas del Istmo (CATI): Ing. Wilfrido Toledo Cruz, Presidente.\n"
                "Invitado: Mr. Harlan Peabody-Ross, Director, U.S. Fisheries and Border Enforcement (FBE).\n")
    aff = _aff(x)
    assert ("Abundio Sarmiento Gil", "Secretaría de Movilidad") in aff
    assert ("Casilda Oropeza Lugo", "Secretaría de Movilidad") in aff
    assert ("Wilfrido Toledo Cruz", "Cámara de Transportistas del Istmo") in aff
    assert not any(p == "Harlan Peabody-Ross" and o != "U.S. Fisheries and Border Enforcement" for p, o in aff)


def test_spanish_appositions_portfolio_party_and_kind_of_firm():
    x = extract("Participaron Eleuteria Garza Ibarrola, vicepresidenta de Asuntos Gubernamentales de Transbordos "
                "Monclova, y Octaviano Rendón Sáenz, socio de Rendón & Asociados Consultores. "
                "La senadora Yadira Balcázar Kú, del PRI, integrante de la Comisión de Pesca, habló después. "
                "Roxana Mbeki-Herrera, directora para México de la consultora canadiense Northbound Site Advisors, "
                "señaló que hay demanda.")
    aff = _aff(x)
    assert ("Eleuteria Garza Ibarrola", "Transbordos Monclova") in aff
    assert ("Octaviano Rendón Sáenz", "Rendón & Asociados Consultores") in aff
    assert ("Yadira Balcázar Kú", "Comisión de Pesca") in aff
    assert ("Roxana Mbeki-Herrera", "Northbound Site Advisors") in aff
    assert not any(o.startswith("Asuntos") for o in _orgs(x))


def test_title_before_the_name_through_a_courtesy_or_rank_word():
    x = extract("La protesta fue tomada por el presidente de la Federación de Industrias del Sur (FIS), Lic. "
                "Anacleto Rubio Medina. Abrió la sesión la presidenta de la Comisión de Comercio, senadora Ofelia "
                "Tinoco Ruelas.")
    aff = _aff(x)
    assert ("Anacleto Rubio Medina", "Federación de Industrias del Sur") in aff
    assert ("Ofelia Tinoco Ruelas", "Comisión de Comercio") in aff


def test_its_president_after_the_organization():
    x = extract("El secretario se reunió con directivos de la Asociación de Fabricantes de Baterías de las Américas "
                "(AFBA), encabezados por su presidente, Leonardo Sarabia, a quienes presentó el plan.")
    assert ("Leonardo Sarabia", "Asociación de Fabricantes de Baterías de las Américas") in _aff(x)


def test_board_secretary_sits_on_the_board():
    x = extract("Rinde protesta el Consejo Directivo de la Cámara Textil del Bajío\n\n"
                "Tomaron protesta los integrantes del Consejo Directivo:\n\n"
                "Presidente: Ing. Gumersindo Vallejo Ríos – Hilados Vallejo\n"
                "Secretaria: Lic. Filomena Tapia Ordaz – Tapia Ordaz Abogados, S.C.\n")
    assert ("Filomena Tapia Ordaz", "Cámara Textil del Bajío") in _aff(x)


# structure ---------------------------------------------------------------------------

def test_unwrap_parenthesis_wrapped_paragraph_and_country_abbreviation():
    text = ("Amparo Lizárraga Tovar (Asociación Regional de\nParques Tecnológicos)\n"
            "We are grateful to the members who hosted us, and especially to Evandro\n"
            "Quintanar Ibáñez of the Cobre Valley Growers Council, who opened the doors.\n"
            "Invitada: Ms. Odalys Pruitt, Directora del Puerto, U.S.\nFisheries and Border Enforcement (FBE).\n")
    out = unwrap(text)
    assert len(out) == len(text)
    assert "Regional de Parques" in out
    assert "Evandro Quintanar" in out
    assert "U.S. Fisheries" in out


def test_unwrap_keeps_a_headline_above_a_long_paragraph():
    text = ("Regional suppliers gain ground as the new corridor opens to traffic this spring\n"
            + "The corridor " + "links the two ports with new rail service and " * 6 + "more.\n")
    assert unwrap(text).count("\n") == text.count("\n")


def test_title_of_a_unit_at_the_organization_and_its_president_with_a_courtesy():
    x = extract("Joining them is Dr. Celestino Ahumada Ruelas, Director of the Technology Licensing Office at the "
                "Universidad Politécnica de Colima. Buyers met Perpetua Lindholt-Obi, Senior Director of Strategic "
                "Sourcing at Saltmarsh Health Network. The group met the Coastal Freight Association, including its "
                "President and CEO, Dr. Ambrose Kiplagat-Reyes.")
    aff = _aff(x)
    assert ("Celestino Ahumada Ruelas", "Universidad Politécnica de Colima") in aff
    assert ("Perpetua Lindholt-Obi", "Saltmarsh Health Network") in aff
    assert ("Ambrose Kiplagat-Reyes", "Coastal Freight Association") in aff
    assert ("Celestino Ahumada Ruelas", "Technology Licensing Office") not in aff


def test_the_next_persons_title_after_and_is_not_an_apposition():
    x = extract("La reunión fue inaugurada por la jefa de Unidad de Asuntos Fronterizos de la SEGOB, Herlinda Oca "
                "Marín, y el jefe de Misión Adjunto de la Embajada de Canadá en México, Fitzgerald T. Odum.")
    assert ("Herlinda Oca Marín", "Embajada de Canadá en México") not in _aff(x)


def test_bare_company_after_of_closing_the_phrase_and_a_portfolio_title_in_a_list():
    x = extract("Leticia Baird-Olmos, plant director at Kelvar Castings, succeeded Ignatius Pruett-Salas of Ironbark "
                "Cable Assemblies, who stays on the board.\n\n"
                "Staff\n"
                "Rosamund Achebe-Lowe, Executive Director\n"
                "Teodoro Valdivieso Kuri, Director of Member Services\n")
    aff = _aff(x)
    assert ("Ignatius Pruett-Salas", "Ironbark Cable Assemblies") in aff
    assert not any("Member Services" in o for o in _orgs(x))


def test_a_verb_after_and_ends_the_apposition_and_a_long_title_after_su():
    x = extract("La comitiva fue recibida por la cónsul de México en Tucson, Emerenciana Loera Tapia, y se reunió con el "
                "presidente de la Desert Growers Association, Wendell Okafor-Baines. El gobernador se reunió con "
                "directivos de Corvalis Polymers, encabezados por su vicepresidente de Operaciones para Norteamérica, "
                "Garrick Lindholm-Obi, en la planta.")
    aff = _aff(x)
    assert ("Emerenciana Loera Tapia", "Desert Growers Association") not in aff
    assert ("Garrick Lindholm-Obi", "Corvalis Polymers") in aff


def test_a_states_council_named_with_mexico_is_an_association_and_a_two_country_council_a_group():
    x = extract("Ohio and Jalisco sign a supplier pact\n\n"
                "Delphine Okoro-Vance, president of the Nebraska-Mexico Business Council, signed the pact with "
                "Ramiro Quezada Lind, who chairs the U.S.-Mexico Packaging Council.\n")
    assert "Nebraska-Mexico Business Council" in {o.name for o in x.organizations}
    assert "U.S.-Mexico Packaging Council" in {i.name for i in x.initiatives}
    y = extract("Delphine Okoro-Vance chairs the U.S.-Colombia Packaging Council.\n")
    assert "U.S.-Colombia Packaging Council" in {i.name for i in y.initiatives}  # (any two countries)
