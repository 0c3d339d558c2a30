"""`duplicates`, `not-same` and `merge`: finding and settling records that may be one entity.

NAME arguments are resolved like every other command's (`--type` to restrict, `--id-a` /
`--id-b` / `--into-id` to pick exactly): an ambiguous NAME writes nothing, lists the candidates
and exits with 2.
"""

from __future__ import annotations

import json

import click

from tui.commands.name_resolution import resolve_target
from tui.context import CliContext

PAIR_TYPES = ["person", "organization"]
EVIDENCE_LABELS = {"organizations": "organizations", "people": "people", "initiatives": "initiatives",
                   "documents": "documents"}


@click.command("duplicates")
@click.option("--type", "entity_type", type=click.Choice(PAIR_TYPES), default="person", show_default=True,
              help="People or organizations.")
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1, 100_000), help="Most pairs to show.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list of pairs instead of text.")
@click.pass_obj
def duplicates_command(obj: CliContext, entity_type: str, limit: int, as_json: bool) -> None:
    """Pairs of records whose names are close but are not the same record, best first, with
    why (accents, a middle initial, a missing surname, a short given name, a misspelling...)
    and what they share (organizations, initiatives, documents).

    Settle a pair with `stakeholders merge --id A --into-id B` or
    `stakeholders not-same --id-a A --id-b B` (never suggested again)."""
    from db.duplicates import possible_duplicates

    pairs = possible_duplicates(obj.db, entity_type, limit=limit)
    if as_json:
        click.echo(json.dumps([p.as_dict() for p in pairs], ensure_ascii=False, indent=2))
        return
    if not pairs:
        click.echo(f"no possible duplicates among {'people' if entity_type == 'person' else 'organizations'}")
        return
    for p in pairs:
        click.echo(f"{p.score:>3}  {p.a_name} (#{p.a_id})  ~  {p.b_name} (#{p.b_id})  [{p.reason}]")
        shared = "; ".join(f"{EVIDENCE_LABELS[k]}: {', '.join(v)}" for k, v in p.evidence.items())
        if shared:
            click.echo(f"     shared {shared}")
    flag = "" if entity_type == "person" else " --type organization"
    click.echo(f"merge: stakeholders merge{flag} --id A --into-id B;"
               f" or: stakeholders not-same{flag} --id-a A --id-b B", err=True)


def _two(db, names: tuple[str, ...], first_id: int | None, second_id: int | None, entity_type: str | None,
         labels: tuple[str, str]):
    """Resolve two records (NAME NAME, or ids in place of either) of one type."""
    names = list(names)
    expected = 2 - (first_id is not None) - (second_id is not None)
    if len(names) != expected:
        raise click.UsageError(f"give two records: NAME NAME, or {labels[0]}/{labels[1]} in place of a NAME")
    first = resolve_target(db, None if first_id is not None else names.pop(0), first_id, entity_type)
    second = resolve_target(db, None if second_id is not None else names.pop(0), second_id, entity_type)
    if first.type != second.type:
        raise click.ClickException(f"'{first.name}' is a {first.type} and '{second.name}' a {second.type}")
    return first, second


def _label(target) -> str:
    return f"{target.name} (#{target.id})"


@click.command("not-same")
@click.argument("names", nargs=-1, metavar="NAME NAME")
@click.option("--id-a", "a_id", type=int, help="The first record by id (then give one NAME or --id-b).")
@click.option("--id-b", "b_id", type=int, help="The second record by id.")
@click.option("--type", "entity_type", type=click.Choice(PAIR_TYPES),
              help="Restrict the NAMEs to people or organizations (with ids: default person).")
@click.option("--forget", is_flag=True, help="Forget an earlier 'not the same' (the pair may be suggested again).")
@click.pass_obj
def not_same_command(obj: CliContext, names, a_id, b_id, entity_type, forget) -> None:
    """Remember that two records are two different entities: `duplicates` never suggests the
    pair again, also after either is merged into another record."""
    from db.duplicates import TYPES, DuplicatesError, mark_not_same, unmark_not_same

    first, second = _two(obj.db, names, a_id, b_id, entity_type, ("--id-a", "--id-b"))
    if first.type not in TYPES:
        raise click.ClickException(f"only people and organizations are compared; '{first.name}' is an {first.type}")
    try:
        if forget:
            done = unmark_not_same(obj.db, first.type, first.id, second.id)
            click.echo(f"{'forgot' if done else 'was not marked'}: {_label(first)} / {_label(second)}")
            return
        done = mark_not_same(obj.db, first.type, first.id, second.id)
    except DuplicatesError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"{'not the same' if done else 'already marked not the same'}: {_label(first)} / {_label(second)}")


@click.command("merge")
@click.argument("names", nargs=-1, metavar="NAME INTO")
@click.option("--id", "from_id", type=int, help="The record to merge away, by id.")
@click.option("--into-id", "into_id", type=int, help="The record to keep, by id.")
@click.option("--type", "entity_type", type=click.Choice(["person", "organization", "initiative"]),
              help="Restrict the NAMEs to one type (with ids: default person).")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@click.pass_obj
def merge_command(obj: CliContext, names, from_id, into_id, entity_type, yes) -> None:
    """Merge record NAME into record INTO: its aliases, organizations, initiatives, notes, tags
    and mentions move to INTO and its name becomes an alias. Asks first unless --yes."""
    from db.merge import MergeError, merge_entities

    gone, keep = _two(obj.db, names, from_id, into_id, entity_type, ("--id", "--into-id"))
    if not yes:
        click.confirm(f"merge {_label(gone)} into {_label(keep)}?", abort=True, err=True)
    try:
        merge_entities(obj.db, gone.type, gone.id, keep.id)
    except MergeError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"merged {_label(gone)} into {_label(keep)}")


COMMANDS = [duplicates_command, not_same_command, merge_command]
