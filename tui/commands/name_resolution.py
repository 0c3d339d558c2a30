"""Turning a NAME (or `--id`) typed on the command line into one entity, for every command.

An ambiguous name writes nothing: the candidates are listed and the exit code is 2.
"""

from __future__ import annotations

import click

AMBIGUOUS_EXIT = 2


def fail_unresolved(resolution, what: str = "", consequence: str = "nothing was written") -> None:
    """Report NotFound (exit 1) or Ambiguous (candidates listed, exit 2)."""
    from db.lookup import Ambiguous

    if isinstance(resolution, Ambiguous):
        how = (
            "only loosely matches"
            if resolution.weak
            else f"matches several {what + 's' if what else 'entries'} about equally"
        )
        click.echo(
            f"'{resolution.query}' {how}; {consequence}. Pick one with --id ID (and --type):",
            err=True,
        )
        rows = [(str(c.id), c.type, c.name, c.detail) for c in resolution.candidates]
        widths = [max(len(r[i]) for r in rows + [("ID", "TYPE", "NAME", "")]) for i in range(3)]
        click.echo(f"  {'ID':>{widths[0]}}  {'TYPE':<{widths[1]}}  {'NAME':<{widths[2]}}  DETAIL", err=True)
        for r in rows:
            click.echo(f"  {r[0]:>{widths[0]}}  {r[1]:<{widths[1]}}  {r[2]:<{widths[2]}}  {r[3]}", err=True)
        raise click.exceptions.Exit(AMBIGUOUS_EXIT)
    raise click.ClickException(f"no {what or 'entry'} matches '{resolution.query}'")


def resolve_target(
    db, name: str | None, entity_id: int | None, entity_type: str | None, *, consequence: str = "nothing was written"
):
    """The entity a command acts on: `--id` (with `--type`, default person) or a fuzzy NAME."""
    from db.lookup import Resolved, entity_by_id, resolve_entity

    if entity_id is not None:
        resolution = entity_by_id(db, entity_type or "person", entity_id)
    else:
        resolution = resolve_entity(db, name or "", types=(entity_type,) if entity_type else None)
    if not isinstance(resolution, Resolved):
        fail_unresolved(resolution, consequence=consequence)
    return resolution
