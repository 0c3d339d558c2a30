"""What an extraction relates, by name, for the extraction tests: (person, organization) and
(person, initiative) pairs."""

from __future__ import annotations


def affiliation_pairs(x) -> set[tuple[str, str]]:
    """The (person, organization) names of `x`'s affiliations."""
    return {(x.people[p].name, x.organizations[o].name) for p, o in x.affiliations}


def membership_pairs(x) -> set[tuple[str, str]]:
    """The (person, initiative) names of `x`'s memberships."""
    return {(x.people[p].name, x.initiatives[i].name) for p, i in x.memberships}
