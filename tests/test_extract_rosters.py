"""Rosters of councils and boards: seats and roles before a dash, bodies whose members the text
speaks of, enumerations of people with their parties or organizations. Every text is invented for
these tests."""

from __future__ import annotations

from db.extract import extract
from extraction_views import affiliations as _affiliations, members as _members, names as _names


def test_a_council_whose_members_take_office_is_a_group_with_its_sector_lists():
    x = extract(
        "GOBIERNO DEL ESTADO\n\n"
        "INSTALA LA GOBERNADORA EL CONSEJO ESTATAL DE PROVEEDURÍA\n\n"
        "La Gobernadora tomó la protesta a las y los integrantes del Consejo Estatal de Proveeduría (CEP), en el "
        "Salón de Plenos del Palacio de Gobierno.\n\n"
        "Las y los integrantes del CEP, por sector, son los siguientes:\n\n"
        "SECTOR EMPRESARIAL\n"
        "Ing. Leocadio Barranco Ulloa, presidente de la Asociación de Fundidores del Altiplano\n"
        "C.P. Eustolia Garibay Lanz, directora general de Moldes Cerro Alto\n\n"
        "SECTOR GUBERNAMENTAL\n"
        "Mtro. Aurelio Sandoval Quiñones, SEDEPRO (presidente)\n"
        "Lic. Berenice Tapia Olmos, SEDEPRO (secretaria técnica)\n"
    )
    council = "Consejo Estatal de Proveeduría"
    assert council in _names(x, "initiatives")
    assert council not in _names(x, "organizations")
    mem = _members(x)
    for person in ("Leocadio Barranco Ulloa", "Eustolia Garibay Lanz", "Aurelio Sandoval Quiñones", "Berenice Tapia Olmos"):
        assert (person, council) in mem
    orgs = _names(x, "organizations")
    assert "SEDEPRO" in orgs and not any("(" in o for o in orgs)
    assert _affiliations(x)[("Berenice Tapia Olmos", "SEDEPRO")] == "secretaria técnica"


def test_a_legislatures_committee_stays_an_organization():
    x = extract("Las integrantes de la Comisión de Fomento Industrial del Congreso del Estado aprobaron el dictamen.\n")
    assert "Comisión de Fomento Industrial del Congreso del Estado" in _names(x, "organizations")
    assert not x.initiatives


def test_a_party_label_after_a_deputy_is_not_an_organization_named_after_her():
    x = extract("Dip. Casilda Urrutia Menchaca (PVX), presidenta de la Comisión de Puertos del Congreso, asistió.\n")
    assert "Casilda Urrutia Menchaca" in _names(x, "people")
    assert not any("Casilda" in o for o in _names(x, "organizations"))


def test_a_member_enumeration_with_party_labels_reads_unknown_given_names_as_people():
    x = extract(
        "PRIMERO. Se crea el Grupo de Trabajo para la Agenda Aduanera, integrado por las y los diputados "
        "Anacleta Ruvalcaba Tenorio (PQR), quien lo coordinará; Xiuhnel Obregón Laris (PST); Hermilo Cantú Ibarra (PVX), "
        "y Romualda Peniche Gallo (PQR).\n"
    )
    group = "Grupo de Trabajo para la Agenda Aduanera"
    mem = _members(x)
    assert ("Xiuhnel Obregón Laris", group) in mem
    assert mem[("Anacleta Ruvalcaba Tenorio", group)] == "coordinator"
    assert not any("Xiuhnel" in o for o in _names(x, "organizations"))


def test_new_and_appointees_before_a_groups_name_are_no_part_of_it():
    x = extract(
        "Town Council Seats 9 on New Riverside Binational Trade Council\n\n"
        "[Photo: Appointees to the Riverside Binational Trade Council after the vote.]\n\n"
        "The Town Council voted to seat the first nine members of the Riverside Binational Trade Council on Monday.\n"
    )
    assert "Riverside Binational Trade Council" in _names(x, "initiatives")
    assert not any(n.startswith(("New ", "Appointees")) for n in _names(x, "initiatives"))


def test_roster_lines_with_a_seat_or_a_role_before_the_dash():
    x = extract(
        "Appointed by ward:\n"
        "Ward I – Teodomiro Blas Quintanar, owner, Quintanar Pallet & Crate\n"
        "Ward II – Oluwaseyi Brandt-Ochoa, plant controller, Halcyon Cable Assemblies de México\n"
        "Ward III – Ivette Caraveo Lund, partner, Caraveo & Lund, PLLC\n\n"
        "Officers\n"
        "Vice Chair – Radomir Esquivel Paz (Mesa Alta Intermodal)\n"
    )
    aff = _affiliations(x)
    assert aff[("Oluwaseyi Brandt-Ochoa", "Halcyon Cable Assemblies de México")] == "plant controller"
    assert aff[("Ivette Caraveo Lund", "Caraveo & Lund, PLLC")] == "partner"
    assert aff[("Teodomiro Blas Quintanar", "Quintanar Pallet & Crate")] == "owner"
    assert ("Radomir Esquivel Paz", "Mesa Alta Intermodal") in aff
    assert not any(n.startswith(("Ward", "Vice")) for n in _names(x, "people"))


def test_a_semicolon_roster_of_names_with_organizations_in_brackets():
    x = extract(
        "At-large members: Ruth Ann Calloway (Upriver Makers Alliance); Adebayo Lindqvist-Soto (Pier Nine Transload "
        "LLC); Marisol Ybarra-Kent (Eastbank Medical District); and Tobiah Wren, an engineer at Corridor Power "
        "Cooperative.\n"
    )
    assert "Adebayo Lindqvist-Soto" in _names(x, "people")
    assert ("Adebayo Lindqvist-Soto", "Pier Nine Transload LLC") in _affiliations(x)


def test_a_headline_about_a_mission_and_a_new_group_makes_the_mission_the_pages_group():
    x = extract(
        "Office of the Governor  |  State of Prairie\n\n"
        "Governor Pellham Concludes Trade Mission to Mexico, Announces Aerospace Working Group with Jalisco\n\n"
        "June 2, 2026\n\n"
        "Governor Wystan Pellham today returned from the 2026 Prairie State Trade Mission to Mexico, a visit to "
        "Guadalajara by 14 business leaders.\n\n"
        "Delegation members included:\n"
        "•  Ottoline Brask-Amadi, CEO, Sedgefield Bearings, Topeka\n"
        "•  Caspian Roe, President, Roe Feed & Grain, Salina\n\n"
        "State Rep. Hesper Quintal-Ames (R-Dodge City) joined the mission. In Guadalajara, the delegation was "
        "briefed by Leofric Danvers, Consul General at the U.S. Consulate General in Guadalajara.\n\n"
        "Pellham also announced the Prairie–Jalisco Aerospace Working Group.\n\n"
        "###\n\n"
        "Related\n"
        "Governor Pellham Signs Bill Expanding Rural Grants\n"
    )
    mission = "2026 Prairie State Trade Mission to Mexico"
    assert mission in _names(x, "initiatives")
    mem = _members(x)
    for person in ("Wystan Pellham", "Ottoline Brask-Amadi", "Caspian Roe", "Hesper Quintal-Ames"):
        assert (person, mission) in mem
    assert ("Leofric Danvers", mission) not in mem
    assert not any(name.startswith("State") for name in _names(x, "people"))
    assert not any(i.endswith("Concludes Trade Mission") for i in _names(x, "initiatives"))


def test_a_quoted_breakfast_its_panel_and_the_co_chairs_of_a_task_force_it_announced():
    x = extract(
        "RECAP: \"Border Forward\" Breakfast Fills the Ballroom\n\n"
        "More than 150 guests came to the Chamber's third annual Border Forward breakfast.\n\n"
        "A panel titled \"Bridges and Bottlenecks\" followed, moderated by Isolde Fairbairn, partner at Fairbairn "
        "Customs. On the panel were Rurik Almanza, plant manager, Cobalt Molding; and Zenobia Prescott-Uribe, "
        "director of Pasaje Produce.\n\n"
        "Before adjourning, the Chair announced the formation of a Cold Chain Task Force. Fairbairn and Oriel "
        "Kastner, executive director of the Dock Users Alliance, have agreed to serve as co-chairs; the Chamber "
        "will name the other members in May.\n\n"
        "[Photo] Panelists with the moderator. (Chamber photo / Benedetta Sloane)\n"
    )
    inits = _names(x, "initiatives")
    assert "Border Forward Breakfast" in inits
    mem = _members(x)
    assert ("Rurik Almanza", "Bridges and Bottlenecks") in mem
    assert ("Zenobia Prescott-Uribe", "Bridges and Bottlenecks") in mem
    assert mem[("Oriel Kastner", "Cold Chain Task Force")] == "co-chair"
    assert ("Isolde Fairbairn", "Cold Chain Task Force") in mem
    assert not any(p == "Benedetta Sloane" for p, _ in mem)


def test_a_committee_page_with_its_leadership_columns_member_table_and_a_subgroup():
    x = extract(
        "GPMA | Great Plains Machining Association\n"
        "Home / Committees / Export & Supply Chain Committee\n\n"
        "Export & Supply Chain Committee\n\n"
        "The committee brings together member companies with plants in Mexico and Canada.\n\n"
        "Committee Leadership\n\n"
        "Chair                                   Vice Chair\n"
        "Thorvald Ekwueme-Ruiz                   Bérénice Laforge\n"
        "Marrow Valley Tooling                   Maquinados Finos del Bajío\n"
        "Wichita, KS                             Celaya, GTO\n\n"
        "Members (2026–2027)\n\n"
        "Name                            Company                                 Location\n"
        "Kofi Adjei-Marsh                Ridgeback Stamping Co.                  Gary, IN\n"
        "Solveig Brandvold               Linnet Controls                         Saltillo, COAH\n"
        "Min-jun Ortega-Kwon             Teocalli Die & Mold                     Apodaca, NL\n\n"
        "Origin Rules Subgroup\n"
        "A subgroup of the committee drafts the comments.  Lead: Solveig Brandvold (Linnet Controls).  Members: "
        "Ortega-Kwon, Adjei-Marsh.\n"
    )
    committee = "Export & Supply Chain Committee"
    assert committee in _names(x, "initiatives")
    mem = _members(x)
    for person in ("Thorvald Ekwueme-Ruiz", "Bérénice Laforge", "Kofi Adjei-Marsh", "Solveig Brandvold", "Min-jun Ortega-Kwon"):
        assert (person, committee) in mem
    aff = _affiliations(x)
    assert ("Kofi Adjei-Marsh", "Ridgeback Stamping Co") in aff  # the row ending `Gary, IN` is not joined to the next
    assert ("Solveig Brandvold", "Linnet Controls") in aff
    assert ("Bérénice Laforge", "Maquinados Finos del Bajío") in aff
    assert not any(o.startswith(("Wichita", "Celaya")) for o in _names(x, "organizations"))
    subgroup = "Origin Rules Subgroup"
    assert mem[("Solveig Brandvold", subgroup)] == "lead"
    assert ("Min-jun Ortega-Kwon", subgroup) in mem and ("Kofi Adjei-Marsh", subgroup) in mem


def test_a_codel_release_with_its_masthead_name_a_caucus_apposition_and_a_pronoun():
    x = extract(
        "Congressman Thaddeus Vollmer | Representing the 31st District of Ohio\n\n"
        "Vollmer Leads Bipartisan Congressional Delegation to Monterrey\n\n"
        "March 3, 2026\n\n"
        "WASHINGTON – Congressman Thaddeus R. Vollmer (R-Ohio), a member of the House Committee on Small Business "
        "and co-chair of the bipartisan Congressional Supply Chain Caucus, returned from leading a three-day "
        "bipartisan congressional delegation to Monterrey.\n\n"
        "Vollmer was joined by Representatives Abernathy-Cole (D-Ill.) and Oyelaran (R-Ariz.).\n\n"
        "\"We came to listen,\" said Rep. Marisol Abernathy-Cole.\n\n"
        "###\n\n"
        "Congressman Thaddeus R. Vollmer represents Ohio. He serves on the Small Business Committee and co-chairs "
        "the Congressional Supply Chain Caucus with Rep. Abernathy-Cole.\n"
    )
    people = _names(x, "people")
    assert "Thaddeus R. Vollmer" in people and "Thaddeus Vollmer" not in people
    delegations = [i.name for i in x.initiatives if i.kind == "delegation"]
    assert len(delegations) == 1
    mem = _members(x)
    caucus = "Congressional Supply Chain Caucus"
    assert mem[("Thaddeus R. Vollmer", caucus)] == "co-chair"
    assert mem[("Marisol Abernathy-Cole", caucus)] == "co-chair"
    assert ("Marisol Abernathy-Cole", delegations[0]) in mem


def test_a_webinar_page_under_a_series_label_is_about_its_own_title():
    x = extract(
        "GULF MANUFACTURING SHOW 2026 | Houston | 4–6 October\n"
        "Exhibit   Attend   Webinars   Press\n\n"
        "WEBINAR SERIES: ROAD TO THE SHOW\n\n"
        "Ports, Rails and People: Moving Freight North\n\n"
        "Thursday, May 14, 2026\n"
        "11:00 AM CT\n\n"
        "[ REGISTER NOW ]\n\n"
        "Featured panelists\n\n"
        "Ottilie Brankovic-Saenz – Managing Director at Coastal Rail Parks\n"
        "Dr. Kwame Ashdown-Lugo – Logistics Practice Lead, Tidewater Engineering\n\n"
        "Moderated by\n"
        "Lisandro Ybarra-Holt, Editor-in-Chief, Freight Ledger\n"
    )
    event = "Ports, Rails and People: Moving Freight North"
    assert event in _names(x, "initiatives")
    mem = _members(x)
    for person in ("Ottilie Brankovic-Saenz", "Kwame Ashdown-Lugo", "Lisandro Ybarra-Holt"):
        assert (person, event) in mem
    assert _affiliations(x)[("Lisandro Ybarra-Holt", "Freight Ledger")] == "Editor-in-Chief"


def test_a_board_page_with_commissions_side_by_side_and_a_binational_committee():
    x = extract(
        "ALTRAN | Asociación de Logística y Transporte del Norte, A.C.\n"
        "Inicio / Nosotros / Consejo Directivo\n\n"
        "CONSEJO DIRECTIVO 2026–2028\n\n"
        "El pasado 4 de marzo tomaron protesta los integrantes del Consejo Directivo 2026–2028.\n\n"
        "CARGO\tNOMBRE\tEMPRESA\n"
        "Presidente\tIng. Casimiro Arredondo-Blake\tFletes Arredondo del Norte\n"
        "Vocal\tMtra. Otilia Segovia Rendón\tIntermodal Cerro Prieto\n\n"
        "COMISIONES DE TRABAJO\n\n"
        "Comisión de Aduanas y Comercio          Comisión de Seguridad Vial\n"
        "Coordinador: Ing. Casimiro Arredondo-Blake        Coordinadora: Mtra. Otilia Segovia Rendón\n\n"
        "COMITÉ BINACIONAL DE CRUCES DE CARGA\n"
        "Instalado en 2024, el Comité Binacional reúne a ALTRAN y a la Sunbelt Carriers Association (SBCA). "
        "Lo copresiden Ing. Casimiro Arredondo-Blake, por parte de ALTRAN, y Dorrance P. Whitlow, presidente de la SBCA. "
        "Participan además la Lic. Natividad Ocampo Serna, del Colegio de Agentes Aduanales de Reynosa.\n"
    )
    mem = _members(x)
    committee = "COMITÉ BINACIONAL DE CRUCES DE CARGA"
    assert "Comité Binacional" not in _names(x, "initiatives")
    assert mem[("Dorrance P. Whitlow", committee)] == "co-chair"
    assert mem[("Casimiro Arredondo-Blake", committee)] == "co-chair"
    assert mem[("Natividad Ocampo Serna", committee)] == "member"
    assert mem[("Casimiro Arredondo-Blake", "Comisión de Aduanas y Comercio")] == "coordinator"
    assert mem[("Otilia Segovia Rendón", "Comisión de Seguridad Vial")] == "coordinator"
    assert ("Otilia Segovia Rendón", committee) not in mem  # the board page has no group of its own


def test_a_task_force_report_with_member_cards_in_two_columns_and_people_who_are_not_members():
    x = extract(
        "MERIDIAN COUNCIL ON TRADE\n\n"
        "Report of the Independent Task Force on\n"
        "Gulf Supply Chains\n\n"
        "Acknowledgments\n"
        "We thank Ingrid Solvang-Ruiz of Pelican Bay Logistics and Osric Tamayo of Quarry Point Steel, who are not "
        "members of the Task Force, for their briefings. The Independent Task Force on Gulf Supply Chains met six times.\n\n"
        "Task Force Members\n\n"
        "Adaeze Marchetti-Oduya                     Bartholomew Quintal\n"
        "Harrow Bridge Capital                      Grupo Siderúrgico del Golfo\n\n"
        "Cosima Ferreira-Lindahl                    Tadeusz Obregón-Nakamura*\n"
        "Lantern Semiconductor                      Saltmarsh Trade Law Group\n\n"
        "Leopold Asante-Vance\n"
        "Tern Point Advisors\n\n"
        "Persephone Ibarra (ex officio)\n"
        "Meridian Council on Trade\n\n"
        "Task Force Observer\n"
        "Ottoline Mbeki-Rios\n"
        "Gulf Export Finance Authority\n\n"
        "*The individual has endorsed the report and submitted an additional view.\n"
    )
    group = "Independent Task Force on Gulf Supply Chains"
    assert _names(x, "initiatives") == {group}
    mem = _members(x)
    aff = _affiliations(x)
    for person, org in (("Adaeze Marchetti-Oduya", "Harrow Bridge Capital"), ("Tadeusz Obregón-Nakamura", "Saltmarsh Trade Law Group"),
                        ("Leopold Asante-Vance", "Tern Point Advisors"), ("Persephone Ibarra", "Meridian Council on Trade"),
                        ("Ottoline Mbeki-Rios", "Gulf Export Finance Authority")):
        assert (person, org) in aff
        assert (person, group) in mem
    assert ("Ingrid Solvang-Ruiz", group) not in mem and ("Osric Tamayo", group) not in mem


def test_a_university_launches_a_consortium_with_an_advisory_board():
    x = extract(
        "Lakeshore State University  |  News Center\n\n"
        "Lakeshore State, Mexican partner launch binational consortium on battery materials\n\n"
        "April 2, 2026\n\n"
        "Lakeshore State University and the Universidad Politécnica del Bajío on Tuesday launched the "
        "Bajío–Great Lakes Battery Materials Consortium (BGLBMC), a university-industry partnership.\n\n"
        "The agreement was signed in the Odalys R. Whitcombe Atrium before faculty and students.\n\n"
        "Each founding member holds a seat on the consortium's Industry Advisory Board. The board will be chaired "
        "for its first two-year term by Cordelia Abara-Finch, vice president of operations at Voltane Materials. "
        "Named to the board alongside her on Tuesday were Chidi Okafor-Lund of Ridgeback Cathode Systems; "
        "Renata Iturbide Salas, directora de planta, Litio del Centro; and Sven Halvorsen (Quarrystone Anodes).\n"
    )
    consortium = "Bajío–Great Lakes Battery Materials Consortium"
    assert consortium in _names(x, "initiatives") and consortium not in _names(x, "organizations")
    mem = _members(x)
    assert mem[("Cordelia Abara-Finch", "Industry Advisory Board")] == "chair"
    for person in ("Chidi Okafor-Lund", "Renata Iturbide Salas", "Sven Halvorsen"):
        assert (person, "Industry Advisory Board") in mem
    assert ("Chidi Okafor-Lund", "Ridgeback Cathode Systems") in _affiliations(x)
    assert not any("Atrium" in p for p in _names(x, "people"))


def test_a_speakers_page_with_session_headings_cards_bios_and_a_committee_in_a_bio():
    x = extract(
        "2026 Gulf Plants Summit\n"
        "May 5–6, 2026  ·  Harbor Convention Center\n\n"
        "SPEAKERS\n\n"
        "OPENING PLENARY: THE STATE OF THE GULF ECONOMY\n\n"
        "Dr. Philippa Ashgrove-Nuñez\n"
        "Senior Economist, Gulf Reserve Analytics\n"
        "Philippa Ashgrove-Nuñez studies cross-border labor markets and maquiladora employment in the Gulf states. "
        "She previously taught at the Universidad del Golfo and was a visiting scholar at the Harbor Institute for "
        "Border Studies, where she led the survey of plant managers.\n"
        "View full bio\n\n"
        "Ignatius Molina-Brandt\n"
        "Director General, Consejo Industrial Costero\n"
        "View full bio\n\n"
        "Moderator: Rosalind Teague-Ortiz\n"
        "Senior Correspondent, Gulf Business Journal\n\n"
        "BREAKOUT A: WORKFORCE AT SCALE\n\n"
        "Thandiwe Castellan – Vice President, Talent, Pelican Automotive Systems\n"
        "Leads recruiting for 9,000 employees. Co-chair of GPMA's Workforce Committee.\n"
        "View full bio\n"
    )
    plenary = "OPENING PLENARY: THE STATE OF THE GULF ECONOMY"
    mem = _members(x)
    assert ("Philippa Ashgrove-Nuñez", plenary) in mem
    assert ("Ignatius Molina-Brandt", plenary) in mem
    assert mem[("Rosalind Teague-Ortiz", plenary)] == "moderator"
    assert ("Thandiwe Castellan", "BREAKOUT A: WORKFORCE AT SCALE") in mem
    assert mem[("Thandiwe Castellan", "Workforce Committee")] == "co-chair"


def test_an_experts_page_whose_bios_say_she_co_chairs_and_he_is_a_member():
    x = extract(
        "Experts  /  Border Economy Program\n\n"
        "---\n"
        "Imogen Castellanos-Reyes\n"
        "Senior Fellow\n"
        "Imogen Castellanos-Reyes directs the Institute's work on regional value chains. Before joining in 2021, "
        "she served at the Federal Reserve Bank of Dallas. She co-chairs the Institute's Binational Water & Industry "
        "Task Force with former undersecretary Horacio Lumbreras Ortega.\n"
        "View profile\n\n"
        "---\n"
        "Teodoro Aviles-Grant\n"
        "Fellow\n"
        "Teodoro Aviles-Grant researches labor markets. He is a member of the Binational Water & Industry Task Force.\n"
        "View profile\n"
    )
    mem = _members(x)
    group = "Binational Water & Industry Task Force"
    assert mem[("Imogen Castellanos-Reyes", group)] == "co-chair"
    assert ("Teodoro Aviles-Grant", group) in mem


def test_a_convention_program_keeps_its_meals_speakers_and_second_column_out_of_its_groups():
    x = extract(
        "GULF COAST FREIGHT FORWARDERS ASSOCIATION\n"
        "32nd Annual Meeting & Convention\n"
        "October 2–3, 2026  |  Bayfront Hotel, Corpus Christi, Texas\n\n"
        "THURSDAY, OCTOBER 2\n\n"
        "7:30 AM     Registration & Continental Breakfast                Pelican Foyer\n\n"
        "8:30 AM     Welcome & Call to Order\n"
        "            Horatio Vance-Mireles, GCFFA President\n\n"
        "10:15 AM    PANEL: Bonded Warehouses and the Nearshore Surge\n"
        "            Moderator:  Ottilie Brandvold, Vice President, GCFFA\n"
        "            Panelists:  Anselmo Treviño-Kwan (Grupo Aduanal Treviño)\n"
        "                        Marisela Okafor (Harborline Logistics)\n\n"
        "12:00 PM    Awards Luncheon                                     Salón Marina\n\n"
        "1:30 PM     BREAKOUT SESSIONS\n"
        "TRACK A — COMPLIANCE                    TRACK B — TECHNOLOGY\n"
    )
    inits = _names(x, "initiatives")
    assert not any(i.endswith(("Breakfast", "Luncheon")) or "Vance-Mireles" in i for i in inits)
    assert not any("TRACK B" in i for i in inits)
    mem = _members(x)
    panel = "PANEL: Bonded Warehouses and the Nearshore Surge"
    assert mem[("Ottilie Brandvold", panel)] == "moderator"
    assert ("Marisela Okafor", "32nd Annual Meeting & Convention") in mem


def test_a_headline_that_describes_the_group_the_release_names_and_a_masthead_above_it():
    x = extract(
        "Skip to main content\n"
        "Nevada Office of Trade Development\n"
        "About | Programs | Newsroom | Contact Us\n\n"
        "Home / Newsroom / Nevada and Chihuahua Stand Up Binational Working Group\n\n"
        "PRESS RELEASE\n\n"
        "Nevada and Chihuahua Stand Up Binational Working Group on Battery Supply Chains\n\n"
        "RENO — The Nevada Office of Trade Development and the Secretaría de Innovación de Chihuahua today launched "
        "the Nevada-Chihuahua Battery Materials Working Group, a binational body.\n\n"
        "Appointed to serve two-year terms are:\n"
        "  * Oyelaran Festus-Brandt, Vice President, Sierra Cell Works, Sparks, Nev.\n"
        "  * Ing. Remedios Quiroga Iturbe, Plant Manager, Celdas del Norte, Chihuahua, Chih.\n"
    )
    group = "Nevada-Chihuahua Battery Materials Working Group"
    assert _names(x, "initiatives") == {group}
    mem = _members(x)
    assert ("Oyelaran Festus-Brandt", group) in mem and ("Remedios Quiroga Iturbe", group) in mem


def test_a_county_delegation_with_a_nickname_twice_and_a_working_group_co_chaired_by_surnames():
    x = extract(
        "County Judge Arredondo-Vale Leads Trade and Investment Delegation to Querétaro and Celaya\n\n"
        "SAN ANTONIO — A 10-member delegation led by Bexar County Judge Leonel \"Leo\" Arredondo-Vale returned from a "
        "three-day trade and investment mission to Querétaro and Guanajuato.\n\n"
        "Traveling with the Judge were Ottavio Brandt-Okafor, President of Alamo Regional Partnership; and Yusra "
        "\"Yuzi\" Haddad-Pryce, chair of the Alamo Customs Brokers Association.\n\n"
        "In Querétaro the delegation met with the state's Secretary of Economy, Lic. Aurelia Pons Ibarra.\n\n"
        "Both sides agreed to set up a Binational Rail Capacity Working Group. It will be co-chaired by "
        "Arredondo-Vale and Pons Ibarra and will also include Brandt-Okafor and Haddad-Pryce.\n\n"
        "Delegation members\n"
        "Hon. Leonel \"Leo\" Arredondo-Vale, Bexar County Judge\n"
        "Ottavio Brandt-Okafor, Alamo Regional Partnership\n"
        "Yusra Haddad-Pryce, Alamo Customs Brokers Association\n"
    )
    people = _names(x, "people")
    assert "Yusra Haddad-Pryce" not in people and 'Yusra "Yuzi" Haddad-Pryce' in people
    delegation = "Trade and Investment Delegation to Querétaro and Celaya"
    assert delegation in _names(x, "initiatives")
    mem = _members(x)
    group = "Binational Rail Capacity Working Group"
    assert mem[('Leonel "Leo" Arredondo-Vale', group)] == "co-chair"
    assert mem[("Aurelia Pons Ibarra", group)] == "co-chair"
    assert mem[("Ottavio Brandt-Okafor", group)] == "member"
    assert ('Yusra "Yuzi" Haddad-Pryce', delegation) in mem


def test_a_delegation_named_by_its_size_and_sender_is_the_one_the_headline_describes():
    x = extract(
        "Parque Sierra Alta Breaks Ground on Logistics Park IV; Indiana Supplier Delegation Tours Site\n\n"
        "QUERÉTARO, Mexico /PRNewswire/ -- Parque Sierra Alta today broke ground on Logistics Park IV.\n\n"
        "Also on site was a 9-member delegation from the Hoosier–Bajío Supplier Alliance (HBSA), which is visiting "
        "industrial parks this week. The delegation was led by HBSA chairman Leopold Ashcombe-Vidal, president of "
        "Vidal Precision Stamping, and included Ottoline Brask, chief procurement officer of Wabash Harness Corp.\n"
    )
    delegation = "9-member delegation from the Hoosier–Bajío Supplier Alliance"
    assert _names(x, "initiatives") == {delegation}
    mem = _members(x)
    assert ("Leopold Ashcombe-Vidal", delegation) in mem and ("Ottoline Brask", delegation) in mem


def test_a_senators_statement_with_a_caucus_she_co_chairs_and_a_codel_she_led():
    x = extract(
        "Ashworth Statement Following Trade Subcommittee Hearing\n\n"
        "WASHINGTON – Today, U.S. Senator Philippa Ashworth (D-Ore.) issued the following statement.\n\n"
        "Ashworth also announced that the Senate Pacific Supply Chain Caucus, which she co-chairs with Sen. "
        "Cornelius Vandersloot (R-Idaho), will hold roundtables this summer. The caucus now counts 11 senators among "
        "its members, most recently Sen. Rosalind Okafor-Beck (D-Calif.).\n\n"
        "The hearing follows the bipartisan congressional delegation to Monterrey that Ashworth led in February. "
        "She was accompanied by Sen. Okafor-Beck and by Representatives Delaune (LA) and Whitmore (OH).\n"
    )
    mem = _members(x)
    caucus = "Senate Pacific Supply Chain Caucus"
    assert mem[("Philippa Ashworth", caucus)] == "co-chair"
    assert mem[("Cornelius Vandersloot", caucus)] == "co-chair"
    assert ("Rosalind Okafor-Beck", caucus) in mem
    codel = "bipartisan congressional delegation to Monterrey"
    assert mem[("Philippa Ashworth", codel)] == "lead"
    for person in ("Rosalind Okafor-Beck", "Delaune", "Whitmore"):
        assert (person, codel) in mem


def test_numbered_commission_headings_of_a_circular_are_groups_with_their_people():
    x = extract(
        "Asunto: Integración de las Comisiones de Trabajo 2026-2027\n\n"
        "1.  COMISIÓN DE PROMOCIÓN Y ATRACCIÓN DE INVERSIONES\n"
        "Coordinador: Ing. Eulogio Barrenechea Tapia (Parque Industrial Cerro Gordo)\n"
        "Integrantes:\n"
        "  - Mtro. Min-seo Alcántara Ruiz – Sierra Logistics Park\n"
        "  - Lic. Romina Aguado de Castro, Directora Comercial de Castro Industrial\n\n"
        "2.  COMISIÓN DE ENERGÍA Y AGUA\n"
        "Nombre                              Empresa                                        Cargo en la comisión\n"
        "Ing. Íñigo Lasarte Bustillo         Energía del Centro, S.A. de C.V.               Coordinador\n"
        "C.P. Genara Tzuc Medina             Parque Tecnológico Norte                       Integrante\n"
    )
    first = "COMISIÓN DE PROMOCIÓN Y ATRACCIÓN DE INVERSIONES"
    second = "COMISIÓN DE ENERGÍA Y AGUA"
    assert {first, second} <= _names(x, "initiatives")
    mem = _members(x)
    assert mem[("Eulogio Barrenechea Tapia", first)] == "coordinator"
    assert ("Min-seo Alcántara Ruiz", first) in mem and ("Romina Aguado de Castro", first) in mem
    assert ("Íñigo Lasarte Bustillo", second) in mem and ("Genara Tzuc Medina", second) in mem


def test_a_spanish_caucus_named_kind_first_and_the_representatives_who_co_chair_it():
    x = extract(
        "El senador Barragán-Holt señaló que el grupo servirá de enlace con el Caucus Bipartidista sobre Canadá de la "
        "Cámara de Representantes estadounidense, que copresiden los representantes Delbert Oyelowo-Cruz (R-Texas) y "
        "Lorraine Kaminski-Ortiz (D-Calif.). El grupo presentará un informe antes de la Reunión Interparlamentaria "
        "México–Canadá, prevista para el otoño.\n"
    )
    caucus = "Caucus Bipartidista sobre Canadá"
    assert caucus in _names(x, "initiatives")
    assert "Reunión Interparlamentaria México–Canadá" in _names(x, "initiatives")
    mem = _members(x)
    assert mem[("Delbert Oyelowo-Cruz", caucus)] == "co-chair" and mem[("Lorraine Kaminski-Ortiz", caucus)] == "co-chair"


def test_bare_kind_headings_over_people_and_an_annual_meeting_named_by_its_year():
    x = extract(
        "Center for Border Supply Chains\n\n"
        "People > Advisory Board\n\n"
        "ADVISORY BOARD\n\n"
        "Thaddeus Okoro-Vance\n"
        "Vice President, Plains Axle Works\n\n"
        "Marisol Etxeberria Luna\n"
        "Directora General, Moldes del Norte\n\n"
        "Steering Committee\n"
        "Chair: Bartholomew Quint (Sunbelt Rail)\n"
        "Vice Chair: Ifeoma Drăgulescu-Paz (Puerto Seco del Bajío)\n\n"
        "More than 300 guests filled the Prairie Wind Conference Center on Thursday for the Corporation's "
        "2026 Annual Meeting.\n"
    )
    inits = _names(x, "initiatives")
    assert {"Advisory Board", "Steering Committee", "2026 Annual Meeting"} <= inits
    assert not any("Conference" in i for i in inits)
    mem = _members(x)
    assert ("Thaddeus Okoro-Vance", "Advisory Board") in mem and ("Marisol Etxeberria Luna", "Advisory Board") in mem
    assert ("Bartholomew Quint", "Steering Committee") in mem


def test_an_executive_roundtable_on_a_topic_in_a_region_and_titles_with_a_comma_at_an_organization():
    x = extract(
        "READOUT | Executive Roundtable on Reshoring in Northern Mexico\n\n"
        "On May 2, the firm convened its second Executive Roundtable on Reshoring in Northern Mexico. The roundtable "
        "was moderated by Imelda Castaño-Pryce, a partner in our practice.\n\n"
        "Participants\n\n"
        "Bertrand Oyelowo-Sáenz – Vice President, Mexico Operations at Tidewell Fluid Systems\n"
        "Ximena Achterberg Lugo – Head of Trade Compliance, Americas at Korvan Medical Devices\n"
    )
    group = "Executive Roundtable on Reshoring in Northern Mexico"
    assert _names(x, "initiatives") == {group}
    aff = _affiliations(x)
    assert aff[("Bertrand Oyelowo-Sáenz", "Tidewell Fluid Systems")] == "Vice President, Mexico Operations"
    assert ("Ximena Achterberg Lugo", "Korvan Medical Devices") in aff
    assert ("Bertrand Oyelowo-Sáenz", group) in _members(x)


def test_an_agency_named_with_and_is_no_person_and_a_state_code_no_organization():
    x = extract(
        "Rowena Aranda-Voss and Jiro Anaya both sit on the Binational Rail Working Group, formed by U.S. Customs and "
        "Border Protection and the Agencia Nacional de Aduanas with carriers.\n\n"
        "Witnesses\n\n"
        "Ms. Graciela Villarreal-Schmidt\n"
        "Executive Director, Paso del Norte Freight Council, El Paso, TX\n"
    )
    assert "Border Protection" not in _names(x, "people")
    assert "TX" not in _names(x, "organizations")
    assert ("Graciela Villarreal-Schmidt", "Paso del Norte Freight Council") in _affiliations(x)


def test_a_committee_whose_name_joins_two_subjects_with_and_is_one_body():
    x = extract(
        "Congressman Teodoro Halvorsen (R-Texas), a member of the House Ways and Means Committee, and Rep. Imelda "
        "Castro-Vance, who sits on the Science and Technology Committee, met the delegation. Acme Foods and Borealis "
        "Logistics Corp signed the agreement.\n"
    )
    orgs = _names(x, "organizations")
    assert "House Ways and Means Committee" in orgs and "Means Committee" not in orgs
    assert "Science and Technology Committee" in orgs
    assert "Borealis Logistics Corp" in orgs and not any(o.startswith("Acme Foods and") for o in orgs)


def test_a_state_government_masthead_is_neither_the_headline_nor_the_lead():
    x = extract(
        "GOBIERNO DEL ESTADO DE ZACATECAS\n"
        "Secretaría de Economía del Estado\n"
        "Inicio | La Secretaría | Trámites | Sala de Prensa | Contacto\n\n"
        "Sala de Prensa > Boletines > 2026\n\n"
        "Boletín No. SEZAC/0211/2026\n"
        "Zacatecas, Zac., a 4 de marzo de 2026\n\n"
        "CONCLUYE SECRETARÍA GIRA DE TRABAJO EN TEXAS; SUMAN DOS PROYECTOS\n\n"
        "El titular de la Secretaría de Economía del Estado, Lic. Florentino Urquiza Bañuelos, encabezó una gira de "
        "trabajo de cuatro días por Texas. La delegación zacatecana estuvo integrada además por la directora de "
        "Promoción, Mtra. Itzel Balderas-Kohl, y el empresario Casimiro Oyervides Luna.\n"
    )
    mem = _members(x)
    groups = [i for i in x.initiatives if i.kind == "delegation"]
    assert len(groups) == 1
    for person in ("Florentino Urquiza Bañuelos", "Itzel Balderas-Kohl", "Casimiro Oyervides Luna"):
        assert (person, groups[0].name) in mem


def test_spanish_names_of_us_states_are_places_not_people():
    x = extract("El secretario Anselmo Berumen Quiroz encabezó una gira por Carolina del Norte y Nuevo México.\n")
    assert _names(x, "people") == {"Anselmo Berumen Quiroz"}


BOARD_REPORT = (
    "ASOCIACIÓN DE FUNDIDORES DEL BAJÍO, A.C.\n\n"
    "INFORME ANUAL\n\n"
    "ÍNDICE\n"
    "Consejo Directivo ................................................ 3\n"
    "Comisiones ....................................................... 4\n\n"
    "CONSEJO DIRECTIVO\n\n"
    "Presidente                 Ing. Teodulfo Arizmendi Olvera\n"
    "                           Director General, Fundiciones del Laja\n"
    "Vicepresidenta             Lic. Casilda Ocampo-Rivas\n"
    "                           Aceros Finos de Salamanca\n"
    "Tesorera                   C.P. Anacleta Urquidi de la Torre\n"
    "                           Transportes Laja, S.A. de C.V.\n"
    "Consejeros                 Torvald Lindahl (Moldes Nórdicos de México)\n"
    "                           Mtra. Eufrosina Baeza Lara (Universidad del Laja)\n\n"
    "COMISIONES\n\n"
    "La comisión de energía es coordinada por el Ing. Serapio Quintanar Bello.\n"
)


def test_a_board_with_roles_in_a_column_and_companies_under_the_names():
    from extraction_pairs import affiliation_pairs

    x = extract(BOARD_REPORT)
    pairs = affiliation_pairs(x)
    assert ("Teodulfo Arizmendi Olvera", "Fundiciones del Laja") in pairs
    assert ("Casilda Ocampo-Rivas", "Aceros Finos de Salamanca") in pairs
    assert ("Anacleta Urquidi de la Torre", "Transportes Laja, S.A. de C.V.") in pairs
    assert ("Torvald Lindahl", "Moldes Nórdicos de México") in pairs
    assert ("Eufrosina Baeza Lara", "Universidad del Laja") in pairs
    assert ("Teodulfo Arizmendi Olvera", "Aceros Finos de Salamanca") not in pairs
    # the board's seats are at the association named atop the report; the rest of the report is not its board
    owner = "ASOCIACIÓN DE FUNDIDORES DEL BAJÍO, A.C."
    assert ("Casilda Ocampo-Rivas", owner) in pairs
    assert ("Serapio Quintanar Bello", owner) not in pairs


def test_a_councils_members_page_with_an_executive_committee_section_makes_them_its_members():
    x = extract(
        "Home   About   Members   Events\n\n"
        "LOWER PECOS DISTRICT EXPORT COUNCIL\n\n"
        "Meet Our Members\n\n"
        "The Lower Pecos District Export Council (LP-DEC) is one of several export councils in the region. Our "
        "members are appointed to four-year terms and mentor small companies that want to sell into Mexico.\n\n"
        "EXECUTIVE COMMITTEE\n\n"
        "Chair\n"
        "Octavia Brennecke-Ruiz\n"
        "President, Tamsin Coil Works, Del Rio, TX\n\n"
        "MEMBERS\n\n"
        "Lionel Achebe-Vance – Director of Sales, Quillon Castings\n"
        "Dulcie Marroquín Hale – Owner at Hale Customs Brokerage\n")
    council = "Lower Pecos District Export Council"
    mem = _members(x)
    for person in ("Octavia Brennecke-Ruiz", "Lionel Achebe-Vance", "Dulcie Marroquín Hale"):
        assert (person, council) in mem


def test_a_committees_treasurer_and_members_at_large_under_their_labels_stay_its_members():
    x = extract(
        "Members\n\n"
        "The Gulf Crossings Coalition is an alliance of shippers and carriers.\n\n"
        "Steering Committee\n\n"
        "Co-Chairs\n"
        "Rosalba Villarreal-Dunn (Alamo Ridge Logistics LLC)\n"
        "Lic. Emiliano Garza Treviño (Grupo Transportista Anáhuac)\n\n"
        "Treasurer\n"
        "Holt Pennington IV (Sabal Point Customs Brokers)\n\n"
        "Members at large\n"
        "Nkechi Obi-Landry (Cameron Valley Mobility Authority)\n"
        "Wilhelmina \"Billie\" Strand (Palmetto Bend Rail Services)\n")
    mem = _members(x)
    assert mem[("Holt Pennington IV", "Steering Committee")] == "treasurer"
    assert ("Nkechi Obi-Landry", "Steering Committee") in mem
    assert ('Wilhelmina "Billie" Strand', "Steering Committee") in mem
