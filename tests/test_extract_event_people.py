"""People of an event's program whose given names no list knows, the event named by an all-capital
headline that opens with an ordinal, and a page's links that are no group. Every text is invented for
these tests."""

from __future__ import annotations

from db.extract import extract
from extraction_pairs import affiliation_pairs, membership_pairs


PROGRAM = (
    "Home   About   Convention 2026   Sponsors\n\n"
    "41st ANNUAL CONVENTION & EXPO\n"
    "\"Crossing Faster\"\n"
    "March 3-5, 2026 | Hotel Ocotal | Tucson, Arizona\n\n"
    "[Register Now]   [Download PDF Program]\n\n"
    "9:30 AM    WORKSHOP A: Origin Rules for Newcomers\n"
    "           Moderator: Quorra Pell-Haddad – Trade Counsel at Brambley Ochs LLP\n"
    "           Panelists:\n"
    "             Sunnifa Castell, Director of Trade Compliance, Verdal Autopartes, Saltillo, Coahuila\n"
    "             Obiora M. Thornby, Senior Manager, Customs & Trade, Delacour Advisory\n"
)


def test_an_ordinal_capital_headline_above_its_dates_is_the_event_its_speakers_join():
    x = extract(PROGRAM)
    names = {i.name for i in x.initiatives}
    assert "41st ANNUAL CONVENTION & EXPO" in names
    assert ("Quorra Pell-Haddad", "41st ANNUAL CONVENTION & EXPO") in membership_pairs(x)


def test_a_link_to_download_the_program_is_no_group():
    x = extract(PROGRAM)
    assert not any("Download" in i.name for i in x.initiatives)


def test_led_by_vouches_for_a_name_no_list_knows_and_its_organization_after_of():
    x = extract("The clinic was led by Kwasi Danforde of Parcelmoor Logistics, with Marisela Uc Canul.")
    assert "Kwasi Danforde" in {p.name for p in x.people}
    assert ("Kwasi Danforde", "Parcelmoor Logistics") in affiliation_pairs(x)


def test_a_nickname_in_quotes_vouches_for_a_person():
    x = extract('The clinic was led by Kwasi "Kobe" Danforde of Parcelmoor Logistics.')
    assert 'Kwasi "Kobe" Danforde' in {p.name for p in x.people}


def test_led_by_does_not_make_a_company_or_a_title_a_person():
    x = extract("The forum was hosted by Parcelmoor Logistics. Ruiz was joined by Representatives Okafor-Bell "
                "(D-Ill.) and Szalai (R-Mich.).")
    people = {p.name for p in x.people}
    assert "Parcelmoor Logistics" not in people
    assert not any(p.startswith("Representatives") for p in people)


def test_a_capital_masthead_above_the_sites_menu_is_not_the_headline():
    from db.extract.membership import page_headline
    text = ("HALVARD ROE & QUINTAL\n"
            "People   Capabilities   Insights   Offices   Careers\n\n"
            "Insights > Client Alerts\n\n"
            "U.S. and Mexico Launch Joint Working Group on Battery Supply Chains: What Investors Should Know\n\n"
            "June 4, 2025\n")
    span = page_headline(text)
    assert span is not None and text[span[0]:span[1]].startswith("U.S. and Mexico Launch")


def test_people_who_receive_a_delegation_on_a_wrapped_line_are_not_its_members():
    x = extract(
        "Report on the Sister City Delegation to Celaya\n\n"
        "Councilmember Ada Ferreira-Holt led the delegation. Traveling with her was Ignatius Vrabko, president of\n"
        "the Maple Sister Cities Association.\n\n"
        "Ferreira-Holt reported that the delegation was received at the Presidencia Municipal by\n"
        "Presidenta Municipal Lic. Araceli Montero Ledesma. The group also visited the Prairie Valves plant,\n"
        "where general manager Ing. Bernardo Kuri-Santos explained the expansion.\n")
    members = {p for p, _ in membership_pairs(x)}
    assert "Ignatius Vrabko" in members
    assert "Araceli Montero Ledesma" not in members
    assert "Bernardo Kuri-Santos" not in members


def test_a_spanish_verb_opening_the_sentence_is_no_part_of_the_name():
    x = extract("Asistió Ñandú Peñalver, propietaria de Teclar Coatings.")
    assert "Ñandú Peñalver" in {p.name for p in x.people}


def test_a_person_after_with_is_vouched_for_by_the_title_that_follows():
    x = extract("The clinic was led by Kwasi Danforde, with Ñandú Peñalver, propietaria de Teclar Coatings.")
    assert "Ñandú Peñalver" in {p.name for p in x.people}
    assert ("Ñandú Peñalver", "Teclar Coatings") in affiliation_pairs(x)


RECAP = (
    "PRLA | Prairie Rail Logistics Association\n\n"
    "Webinar Recap: Counting Containers on the Gulf Coast\n"
    "Posted by PRLA Staff  ·  May 2, 2026\n\n"
    "Our discussion was moderated by PRLA board member Wilhelmina Osei-Crane, Vice President of Operations at "
    "Larkspur Drayage, who also chairs PRLA's Intermodal Committee. She was joined by:\n\n"
    "- Teodoro Bianchi-Lund – Director of Planning at Brazos Rail Partners\n"
    "- Clementine Ayodele-Ruiz – Senior Analyst, Gulfstar Bank, Houston\n\n"
    "UP NEXT\n"
    "June 12, 2 p.m. CT — \"Reefers at the Bridge.\" Speakers will include Marguerite Olmos, founder of Frontera "
    "Reefer Co-op, and Dr. Kenji Albarado of the Border Freight Institute. Register on the Events page.\n"
)


def test_a_recap_names_its_event_and_the_next_one_its_speakers():
    from extraction_pairs import membership_pairs

    x = extract(RECAP)
    pairs = membership_pairs(x)
    event = "Counting Containers on the Gulf Coast"
    assert {("Teodoro Bianchi-Lund", event), ("Clementine Ayodele-Ruiz", event)} <= pairs
    assert {("Marguerite Olmos", "Reefers at the Bridge"), ("Kenji Albarado", "Reefers at the Bridge")} <= pairs
    assert ("Marguerite Olmos", event) not in pairs
    assert ("Wilhelmina Osei-Crane", "Intermodal Committee") in pairs


def test_a_recap_headline_that_is_a_sentence_is_no_event_name():
    text = ("RECAP: Supplier Breakfast Draws Record Crowd to Laredo\nPosted March 4, 2026\n\n"
            "More than 200 people attended the Supplier Outlook Breakfast on Tuesday, moderated by Ana Ruiz Paz.\n")
    names = {i.name for i in extract(text).initiatives}
    assert not any("Draws" in n for n in names)
