"""`path`, `connections`, `assess`, `grid`, `log`, `due` and `done`: stakeholder analysis from
the command line.

NAME arguments are resolved like `note` and `tag` do (`db.lookup` through the contacts
commands' resolver): an ambiguous NAME writes nothing, lists the candidates and exits with 2;
`--id` picks one exactly. Exit codes: 0 success (including "not connected" and "nothing due",
which are answers, not errors), 1 an error (unknown name, invalid value), 2 an ambiguous name
or a usage error.
"""

from __future__ import annotations

import json

import click

from tui.commands.completion import complete_names
from tui.commands.name_resolution import fail_if_other_type, fail_unresolved, resolve_target
from tui.context import CliContext


def _fail(exc: Exception) -> None:
    """An invalid value: one line on stderr, exit 1."""
    raise click.ClickException(str(exc)) from None


def _person(db, name: str | None, person_id: int | None, *, consequence: str | None = "nothing was written",
            pick: str = "--id ID"):
    """Resolve a person by NAME or --id (exits 1 if unknown or not a person, 2 if ambiguous).
    `consequence` and `pick` are what the command's messages say (see `resolve_target`)."""
    if name is None and person_id is None:
        raise click.UsageError("give a NAME or --id")
    return resolve_target(db, name, person_id, "person", consequence=consequence, pick=pick)


def _label(target) -> str:
    return f"{target.name} ({target.type} #{target.id})"


@click.command("path")
@click.argument("names", nargs=-1, metavar="NAME NAME", shell_complete=complete_names("person"))
@click.option("--from-id", type=int, help="The first person by id (then give one NAME or --to-id).")
@click.option("--to-id", type=int, help="The second person by id.")
@click.option("--json", "as_json", is_flag=True, help="Print the chain as JSON (null when not connected).")
@click.pass_obj
def path_command(obj: CliContext, names, from_id, to_id, as_json) -> None:
    """The shortest chain of shared initiatives and organizations between two people.

    Prints `A -> Shared initiative or organization -> B ...`, or "not connected" (exit 0 either way).
    """
    from db.network import format_path, shortest_path

    names = list(names)
    expected = 2 - (from_id is not None) - (to_id is not None)
    if len(names) != expected:
        raise click.UsageError("give two people: NAME NAME, or --from-id/--to-id in place of a NAME")
    db = obj.db
    pick = "--from-id ID (the first person) or --to-id ID (the second)"
    first = _person(db, None if from_id is not None else names.pop(0), from_id, consequence=None, pick=pick)
    second = _person(db, None if to_id is not None else names.pop(0), to_id, consequence=None, pick=pick)
    chain = shortest_path(db, first.id, second.id)
    if as_json:
        click.echo(json.dumps(chain, ensure_ascii=False, indent=2))
    else:
        click.echo(format_path(chain) if chain else f"not connected: {first.name} / {second.name}")


@click.command("connections")
@click.argument("name", required=False, shell_complete=complete_names("person"))
@click.option("--id", "person_id", type=int, help="Pick the person by id instead of by NAME.")
@click.option("--json", "as_json", is_flag=True,
              help='Print {"person": {id, name}, "groups": [{type, id, name, role, people: [{id, name, detail}]}]}.')
@click.pass_obj
def connections_command(obj: CliContext, name, person_id, as_json) -> None:
    """The people a person shares initiatives or organizations with, grouped by what they share."""
    from db.network import connections

    db = obj.db
    person = _person(db, name, person_id, consequence=None)
    groups = connections(db, person.id)
    if as_json:
        click.echo(json.dumps({"person": {"id": person.id, "name": person.name}, "groups": groups},
                              ensure_ascii=False, indent=2))
        return
    if not groups:
        click.echo(f"{person.name} shares no initiative or organization with anyone")
        return
    for group in groups:
        role = f", as {group['role']}" if group.get("role") else ""
        click.echo(f"{group['name']} ({group['type']}{role}): {len(group['people'])}")
        for other in group["people"]:
            click.echo(f"  - {other['name']}" + (f" ({other['detail']})" if other.get("detail") else ""))


@click.command("assess")
@click.argument("name", required=False, shell_complete=complete_names("person", "organization"))
@click.option("--influence", type=click.IntRange(1, 5), help="Influence, 1 (none) to 5 (decisive).")
@click.option("--interest", type=click.IntRange(1, 5), help="Interest, 1 (none) to 5 (central).")
@click.option("--stance", type=click.Choice(["supportive", "neutral", "opposed", "unknown"], case_sensitive=False))
@click.option("--note", help="Why: kept with this assessment.")
@click.option("--id", "entity_id", type=int, help="Pick the person (or --type organization) by id.")
@click.option("--type", "entity_type", type=click.Choice(["person", "organization"]),
              help="Restrict NAME to people or organizations (default: both; --id: person).")
@click.pass_obj
def assess_command(obj: CliContext, name, influence, interest, stance, note, entity_id, entity_type) -> None:
    """Record a dated influence/interest/stance assessment of a person or organization.

    Scores left out are carried over from the current assessment. With no score, stance or
    note, prints the current assessment and its history.
    """
    from db.assessments import AnalysisError, assess, assessment_history

    if name is None and entity_id is None:
        raise click.UsageError("give a NAME or --id")
    db = obj.db
    types = (entity_type,) if entity_type else ("person", "organization")
    target = resolve_target(db, name, entity_id, entity_type) if entity_id is not None else _resolve_any(db, name, types)
    if target.type not in ("person", "organization"):
        raise click.ClickException(f"only people and organizations can be assessed; '{target.name}' is an {target.type}")
    if influence is None and interest is None and stance is None and note is None:
        history = assessment_history(db, target.type, target.id)
        click.echo(_label(target) + ("" if history else ": not assessed yet"))
        for row in history:
            click.echo("  " + _assessment_line(row))
        return
    try:
        row = assess(db, target.type, target.id, influence=influence, interest=interest, stance=stance, note=note)
    except AnalysisError as exc:
        _fail(exc)
    click.echo(f"{_label(target)}: {_assessment_line(row)}")


def _resolve_any(db, name: str, types: tuple[str, ...], *, consequence: str | None = "nothing was written",
                 pick: str | None = "--id ID (and --type)"):
    """Resolve NAME among `types` (exits 1 if unknown or only another type, 2 if ambiguous)."""
    from db.lookup import Ambiguous, Resolved, resolve_entity

    resolution = resolve_entity(db, name, types=types)
    if not isinstance(resolution, Resolved):
        if not (isinstance(resolution, Ambiguous) and not resolution.weak):
            fail_if_other_type(db, name, types)
        fail_unresolved(resolution, consequence=consequence, pick=pick)
    return resolution


def _assessment_line(row: dict) -> str:
    note = f"  ({row['note']})" if row.get("note") else ""
    return (
        f"{row['assessed_at'][:10]}  influence {row['influence']}, interest {row['interest']},"
        f" {row['stance']} -> {row['quadrant']}{note}"
    )


@click.command("grid")
@click.option("--tag", help="Only people and organizations with this tag.")
@click.option("--initiative", help="Only members of this initiative (fuzzy name, alias or acronym) and its organizations.",
              shell_complete=complete_names("initiative"))
@click.option("--type", "entity_type", type=click.Choice(["person", "organization"]),
              help="Only people or only organizations (default: both, as in the app).")
@click.option("--json", "as_json", is_flag=True,
              help="Print {quadrant: [{entity_type, entity_id, person_id, name, title, influence, interest, stance,"
                   " assessed_at}]}.")
@click.pass_obj
def grid_command(obj: CliContext, tag, initiative, entity_type, as_json) -> None:
    """The power/interest grid: assessed people and organizations by quadrant (3 and above is high)."""
    from db.assessments import grid

    db = obj.db
    initiative_id = None
    if initiative:
        chosen = _resolve_any(db, initiative, ("initiative",), consequence=None, pick=None)
        initiative_id = chosen.id
    placed = grid(db, tag=tag, initiative_id=initiative_id, include_organizations=entity_type != "person")
    if entity_type == "organization":
        placed = {q: [r for r in rows if r["entity_type"] == "organization"] for q, rows in placed.items()}
    if as_json:
        click.echo(json.dumps(placed, ensure_ascii=False, indent=2, default=str))
        return
    if initiative:
        click.echo(f"Members of {chosen.name}" + (f", tagged {tag}" if tag else ""))
    elif tag:
        click.echo(f"Tagged {tag}")
    for quadrant_name, rows in placed.items():
        click.echo(f"{quadrant_name.upper()} ({len(rows)})")
        for row in rows:
            kind = " (organization)" if row["entity_type"] == "organization" else ""
            click.echo(f"  {row['name']}{kind}  [influence {row['influence']}, interest {row['interest']}, {row['stance']}]")


@click.command("log")
@click.argument("name", required=False, shell_complete=complete_names("person"))
@click.option("--kind", type=click.Choice(["meeting", "call", "email", "event"], case_sensitive=False), required=True)
@click.option("--date", "when", help="When it happened: YYYY-MM-DD, today, yesterday, -3d… (default: today).")
@click.option("--summary", default="", help="What was said or agreed.")
@click.option("--follow-up", "follow_up",
              help="Follow up on YYYY-MM-DD, tomorrow, +7d, next monday, next week… (listed by `due` from then on).")
@click.option("--initiative", help="The initiative it was about (fuzzy name, alias or acronym).",
              shell_complete=complete_names("initiative"))
@click.option("--id", "person_id", type=int, help="Pick the person by id instead of by NAME.")
@click.pass_obj
def log_command(obj: CliContext, name, kind, when, summary, follow_up, initiative, person_id) -> None:
    """Log an interaction with a person (meeting, call, email, event), with an optional follow-up."""
    from datetime import date

    from db.assessments import AnalysisError
    from db.engagement import log_interaction

    db = obj.db
    person = _person(db, name, person_id)
    about = _resolve_any(db, initiative, ("initiative",), consequence="nothing was written", pick=None) if initiative else None
    try:
        row = log_interaction(
            db, person.id, kind=kind, date=when or date.today().isoformat(), summary=summary, follow_up_date=follow_up,
            initiative_id=about.id if about else None,
        )
    except AnalysisError as exc:
        _fail(exc)
    follow = f", follow up on {row['follow_up_date']}" if row["follow_up_date"] else ""
    topic = f" about {row['initiative']}" if row.get("initiative") else ""
    click.echo(f"Logged {row['kind']} #{row['id']} with {_label(person)}{topic} on {row['date']}{follow}")


@click.command("due")
@click.option("--within", "within_days", type=click.IntRange(0, None), default=0, show_default=True,
              help="Also list follow-ups due in the next N days.")
@click.option("--today", help="Count from this date (YYYY-MM-DD) instead of today.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list.")
@click.pass_obj
def due_command(obj: CliContext, within_days, today, as_json) -> None:
    """Follow-ups due or overdue, soonest first (mark one done with `stakeholders done ID`)."""
    from db.assessments import AnalysisError
    from db.engagement import due_followups

    try:
        rows = due_followups(obj.db, today, within_days=within_days)
    except AnalysisError as exc:
        _fail(exc)
    if as_json:
        keys = ("id", "person_id", "name", "kind", "date", "summary", "follow_up_date", "days", "initiative_id",
                "initiative")
        click.echo(json.dumps([{k: r[k] for k in keys} for r in rows], ensure_ascii=False, indent=2))
        return
    if not rows:
        click.echo("Nothing due.")
        return
    for row in rows:
        click.echo(
            f"{row['follow_up_date']}  {_when(row['days']):<14}  #{row['id']:<5} {row['name']}"
            f"  ({row['kind']} {row['date']}{', ' + row['initiative'] if row['initiative'] else ''}"
            f"{': ' + row['summary'] if row['summary'] else ''})"
        )


def _when(days: int) -> str:
    if days < 0:
        return f"{-days} day{'s' if days != -1 else ''} overdue"
    return "due today" if days == 0 else f"in {days} day{'s' if days != 1 else ''}"


@click.command("done")
@click.argument("interaction_id", type=int)
@click.option("--undo", is_flag=True, help="Open the follow-up again.")
@click.pass_obj
def done_command(obj: CliContext, interaction_id, undo) -> None:
    """Mark an interaction's follow-up done (ID as listed by `due`)."""
    from db.assessments import AnalysisError
    from db.engagement import mark_done

    try:
        mark_done(obj.db, interaction_id, done=not undo)
    except AnalysisError as exc:
        _fail(exc)
    click.echo(f"Follow-up #{interaction_id} " + ("reopened" if undo else "done"))


COMMANDS = [path_command, connections_command, assess_command, grid_command, log_command, due_command, done_command]
