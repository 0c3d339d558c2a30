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
    "• Terrence Okoye-Lind — retired Deputy Port Director, U.S. Customs and Border Protection, Nogales. 28 years on the line.\n"
    "• Mariela Castañón, VP of Global Sourcing at Bellamy Kitchenware, who moved half her purchasing to Mexico.\n"
    "• Rafael Peña Villaseñor, former Head of Compliance at Torvik Motors México, now Managing Partner at Peña Trade Counsel.\n"
)


def test_advisor_list_lines_with_careers():
    x, names, aff, orgs = _facts(ADVISORS)
    assert aff[("Rosalinda Quezada Marín", "Autotransportes Sierra Alta")] == "COO"
    assert ("Terrence Okoye-Lind", "U.S. Customs and Border Protection") in aff
    assert ("Mariela Castañón", "Bellamy Kitchenware") in aff
    assert ("Rafael Peña Villaseñor", "Torvik Motors México") in aff
    assert ("Rafael Peña Villaseñor", "Peña Trade Counsel") in aff
    assert not any("who" in o or "years" in o or o.startswith("now") or "Nogales" in o for o in orgs)
    assert "Global Sourcing" not in orgs


PROFILE = (
    "Great to see this launch.\n\n"
    "Odalys Ferreira • 3rd+\n"
    "Director of Customs Operations | Puentes Unidos Brokerage | Nogales, AZ\n"
    "Congrats to the whole team!\n\n"
    "Bastian Kroll • 2nd\n"
    "VP Global Sourcing @ Hartwell Appliance Group\n"
    "Count me in.\n"
)


def test_profile_headline_title_pipe_company_and_at_sign():
    x, names, aff, orgs = _facts(PROFILE)
    assert aff[("Odalys Ferreira", "Puentes Unidos Brokerage")] == "Director of Customs Operations"
    assert ("Bastian Kroll", "Hartwell Appliance Group") in aff
    assert "AZ" not in orgs and "Global Sourcing" not in orgs
