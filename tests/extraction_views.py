"""What an extraction drew, by name, for the extraction tests to compare (instead of each test file
deriving the same views from the entities' indexes)."""

from __future__ import annotations


def names(x, kind: str) -> set[str]:
    """The names of `x.people`, `x.organizations` or `x.initiatives` (`kind`)."""
    return {e.name for e in getattr(x, kind)}


def members(x) -> dict[tuple[str, str], str | None]:
    """(person, initiative) -> role, by name."""
    return {(x.people[p].name, x.initiatives[i].name): r for (p, i), r in x.memberships.items()}


def affiliations(x) -> dict[tuple[str, str], str | None]:
    """(person, organization) -> title, by name."""
    return {(x.people[p].name, x.organizations[o].name): t for (p, o), t in x.affiliations.items()}
