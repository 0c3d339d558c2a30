"""Sessions of an event named by a label and a title (`Panel 1: Ports and Rail`), whether the label opens a
heading line or a paragraph. Every text is invented for these tests."""

from __future__ import annotations

from db.extract import extract
from extraction_pairs import membership_pairs
from db.extract.structure import unwrap


NOTICE = (
    "Format of the Listening Session\n"
    "The session will open with remarks by Leontyne Halvard-Mbeki, Deputy Assistant Secretary.\n\n"
    "Panel 1: Components and Tier-2 Suppliers. Invited panelists are Reginaldo Osei Bustos,\n"
    "Vice President, Thornby Electric Motors; and Ana Lucía Szymanek, Executive Director,\n"
    "Midlands Foundry Suppliers Association.\n\n"
    "Panel 2: Ports, Rail and Logistics. This panel will be moderated by Gunnar J. Peralt (DFC) and will\n"
    "include Santiago Mendívil Haros (Asociación Mexicana de Operadores Intermodales).\n"
)


def test_a_session_label_opening_a_paragraph_ends_its_line_and_keeps_every_offset():
    text = unwrap(NOTICE)
    assert len(text) == len(NOTICE)
    assert "Panel 1: Components and Tier-2 Suppliers.\nInvited panelists" in text
    assert unwrap("Panel of experts: who they are. Today") == "Panel of experts: who they are. Today"


def test_a_sessions_people_are_its_members_and_its_title_alone_names_it_too():
    x = extract(NOTICE)
    by_name = {i.name: i for i in x.initiatives}
    panel = by_name.get("Panel 1: Components and Tier-2 Suppliers")
    assert panel is not None and "Components and Tier-2 Suppliers" in panel.aliases
    members = {(x.people[p].name, x.initiatives[i].name): r for (p, i), r in x.memberships.items()}
    assert ("Reginaldo Osei Bustos", "Panel 1: Components and Tier-2 Suppliers") in members
    assert members.get(("Gunnar J. Peralt", "Panel 2: Ports, Rail and Logistics")) == "moderator"
    assert ("Gunnar J. Peralt", "Panel 1: Components and Tier-2 Suppliers") not in members


def _groups(text):
    x = extract(text)
    return {i.name for i in x.initiatives}, membership_pairs(x)


def test_unnamed_delegations_are_named_by_who_travels_and_from_where():
    names, members = _groups("Deputy Secretary Harlan Vossberg, who led a delegation of about 20 officials from "
                             "Commerce, attended the talks.")
    assert ("Harlan Vossberg", "delegation of about 20 officials") in members
    names, members = _groups("Senator Ana Ruelas joined a bipartisan delegation of Arizona legislators in Sonora.")
    assert ("Ana Ruelas", "bipartisan delegation of Arizona legislators") in members
    names, members = _groups("El grupo se reunió con una delegación bipartidista de la Cámara de Representantes de "
                             "Estados Unidos, encabezada por el representante Garrett Lindqvist.")
    assert ("Garrett Lindqvist", "delegación bipartidista de la Cámara de Representantes de Estados Unidos") in members
    names, members = _groups("Recibió a una delegación de empresarios del estado de Ohio, encabezada por Dana Whitlow.")
    assert ("Dana Whitlow", "delegación de empresarios del estado de Ohio") in members


def test_a_body_the_headline_says_is_installed_is_the_group_its_sworn_members_form():
    text = ("CONSEJO EMPRESARIAL DEL VALLE\n"
            "Inicio  ·  Quiénes somos  ·  Comisiones  ·  Contacto\n\n"
            "Sala de prensa › Comunicados\n\n"
            "Mexicali, Baja California, a 26 de mayo de 2025\n\n"
            "INSTALA EL CONSEJO LA COMISIÓN DE NEARSHORING Y ATRACCIÓN DE INVERSIONES\n\n"
            "El Consejo Empresarial del Valle instaló este lunes su Comisión de Nearshoring y Atracción de "
            "Inversiones. El presidente del Consejo tomó protesta a los integrantes de la comisión.\n\n"
            "Presidente: Ing. Jacobo Montalvo Zúñiga — Asociación de Maquiladoras del Valle\n"
            "Vicepresidenta: Lic. Renata Solana-Whitley — Cámara de Comercio del Valle\n")
    names, members = _groups(text)
    assert "Comisión de Nearshoring y Atracción de Inversiones" in names
    assert ("Jacobo Montalvo Zúñiga", "Comisión de Nearshoring y Atracción de Inversiones") in members


def test_fireside_chats_and_labelled_panels_without_a_number_are_sessions_with_their_speakers():
    x = extract(
        "2027 Harbor Freight Outlook\n\n"
        "AGENDA\n\n"
        "9:00 a.m.     FIRESIDE CHAT: Who Pays for the New Bridges\n"
        "              Orla Banerjee-Cruz, President of Stillwater Terminals, sits down with Yusuf Adeyemi-Lott.\n\n"
        "10:15 a.m.    REGIONAL PANEL: Three Cities, One Labor Pool?\n"
        "              With Leocadia Vasquez-Hale, Tideline Staffing; and Piet Aranda-Moss (Corvan Yards).\n\n"
        "11:00 a.m.    PANEL: Rail After the Review\n"
        "              Moderator: Ines Faraday-Ruiz, Editor, Harbor Ledger\n"
    )
    groups = {i.name: i for i in x.initiatives}
    chat = "FIRESIDE CHAT: Who Pays for the New Bridges"
    assert chat in groups and "Who Pays for the New Bridges" in groups[chat].aliases
    assert "Rail After the Review" in groups["PANEL: Rail After the Review"].aliases
    members = membership_pairs(x)
    assert ("Orla Banerjee-Cruz", chat) in members
    assert ("Piet Aranda-Moss", "REGIONAL PANEL: Three Cities, One Labor Pool?") in members


def test_a_panel_line_after_its_day_and_a_quoted_panel_after_a_comma():
    x = extract(
        "Gulf Plants Forum 2027\n\n"
        "Day 2 | 10:30  Panel: Wires, Pipes and Permits – Siting on the Coast\n"
        "Moderator: Odile Fairbanks-Ruiz – Director at Harrowgate Realty\n\n"
        "\"We need more track,\" said Tomasz Ibarra-Kell during the forum's closing panel, \"Who Runs the Yard?\" "
        "It was moderated by Nnamdi Castell-Ruiz.\n")
    names = {i.name for i in x.initiatives}
    assert any(n.endswith("Wires, Pipes and Permits – Siting on the Coast") for n in names)
    assert "Who Runs the Yard?" in names


def test_a_year_inside_an_events_name_after_its_hosts_acronym():
    x = extract(
        "Lakeshore Fastener Guild\n"
        "LFG 2027 Annual Convention  ·  \"Closer Suppliers\"\n"
        "October 6–8, 2027  |  Harbor Hotel\n\n"
        "AGENDA\n\n"
        "8:30 AM   Opening General Session\n"
        "          Welcome: Odalys Ferrante-Wu, LFG Chair, Pellworth Gears\n\n"
        "MINUTA DE LA SESIÓN ORDINARIA 2027 DEL GRUPO TÉCNICO\n")
    names = {i.name for i in x.initiatives}
    assert "LFG 2027 Annual Convention" in names
    assert not any("ORDINARIA 2027 DEL" in o.name for o in x.organizations)
