"""Turning a NAME (or `--id`) typed on the command line into one entity, for every command.

An ambiguous name does nothing: the candidates are listed and the exit code is 2. Every
message says what the command did not do and how to pick with the options that command
really has (`pick`); a name that matches only another type of entity says so.
"""

from __future__ import annotations

import click

AMBIGUOUS_EXIT = 2
DEFAULT_PICK = "--id ID (and --type)"


def fail_unresolved(
    resolution,
    what: str = "",
    consequence: str | None = "nothing was written",
    pick: str | None = DEFAULT_PICK,
) -> None:
    """Report NotFound (exit 1) or Ambiguous (candidates listed, exit 2). `consequence` says
    what was not done (None for a command that only reads); `pick` names the options that
    choose a candidate (None when the command has none: give more of the name)."""
    from db.lookup import Ambiguous

    if isinstance(resolution, Ambiguous):
        how = (
            "only loosely matches"
            if resolution.weak
            else f"matches several {_plural(what) if what else 'entries'} about equally"
        )
        done = f"; {consequence}" if consequence else ""
        then = f"Pick one with {pick}:" if pick else "Give more of the name, or the exact name of one of:"
        click.echo(f"Error: '{resolution.query}' {how}{done}. {then}", err=True)
        rows = [(str(c.id), c.type, c.name, c.detail) for c in resolution.candidates]
        widths = [max(len(r[i]) for r in rows + [("ID", "TYPE", "NAME", "")]) for i in range(3)]
        click.echo(f"  {'ID':>{widths[0]}}  {'TYPE':<{widths[1]}}  {'NAME':<{widths[2]}}  DETAIL", err=True)
        for r in rows:
            click.echo(f"  {r[0]:>{widths[0]}}  {r[1]:<{widths[1]}}  {r[2]:<{widths[2]}}  {r[3]}", err=True)
        raise click.exceptions.Exit(AMBIGUOUS_EXIT)
    raise click.ClickException(f"no {what or 'entry'} matches '{resolution.query}'")


def _plural(word: str) -> str:
    return "people" if word == "person" else word + "s"


def _article(word: str) -> str:
    return ("an " if word[:1] in "aeiou" else "a ") + word


def fail_if_other_type(db, name: str, wanted: tuple[str, ...]) -> None:
    """When NAME is exactly the name, alias or acronym of an entity of another type only, say
    so ("'X' is an organization, not a person"), exit 1."""
    from db.lookup import ENTITY_TYPES, exact_matches

    others = [t for t in ENTITY_TYPES if t not in wanted]
    if not name or not others:
        return
    found = exact_matches(db, name, types=tuple(others))
    if found:
        expected = " or ".join(_article(t) for t in wanted)
        raise click.ClickException(f"'{found[0].name}' is {_article(found[0].type)}, not {expected}")


def resolve_target(
    db,
    name: str | None,
    entity_id: int | None,
    entity_type: str | None,
    *,
    consequence: str | None = "nothing was written",
    pick: str | None = DEFAULT_PICK,
):
    """The entity a command acts on: `--id` (with `--type`, default person) or a fuzzy NAME."""
    from db.lookup import Ambiguous, Resolved, entity_by_id, resolve_entity

    if entity_id is not None:
        resolution = entity_by_id(db, entity_type or "person", entity_id)
    else:
        resolution = resolve_entity(db, name or "", types=(entity_type,) if entity_type else None)
        if entity_type and not (isinstance(resolution, Resolved) or (isinstance(resolution, Ambiguous) and not resolution.weak)):
            fail_if_other_type(db, name or "", (entity_type,))
    if not isinstance(resolution, Resolved):
        fail_unresolved(resolution, entity_type or "", consequence=consequence, pick=pick)
    return resolution
