"""`note`, `tag`, `untag` and `export`: contact lists from the command line.

Names are resolved by `db.lookup.resolve_entity`; an ambiguous name writes nothing, lists
the candidates and exits with code 2 (pick one with `--id`).
"""

from __future__ import annotations

import re
import sys
from contextlib import nullcontext
from pathlib import Path

import click

from tui.commands.completion import complete_names
from tui.commands.name_resolution import fail_if_other_type, fail_unresolved, resolve_target
from tui.commands.text_args import TextArgsCommand
from tui.context import CliContext

ENTITY_TYPES = ("person", "organization", "initiative")


def _split_args(db, args: tuple[str, ...], entity_id, entity_type, *, what: str):
    """(target, rest): NAME then the rest, or with --id the rest alone. With --id a leading
    argument whose words are all whole words of the chosen entity's name is taken as NAME
    (`tag Gonzalez vip --id 3`); anything else (`tag --id 3 evil` for "Evilsizer") is kept."""
    from db.textnorm import fold

    if entity_id is None:
        if len(args) < 2:
            raise click.UsageError(f"expected NAME and {what}")
        return resolve_target(db, args[0], None, entity_type), list(args[1:])
    target = resolve_target(db, None, entity_id, entity_type)
    rest = list(args)
    if len(rest) >= 2 and _names_words_of(fold(rest[0]), fold(target.name)):
        rest = rest[1:]
    if not rest:
        raise click.UsageError(f"expected {what}")
    return target, rest


def _names_words_of(words: str, name: str) -> bool:
    """True when `words` (folded) is one or more whole words of `name` (folded)."""
    given = set(re.findall(r"\w+", words))
    return bool(given) and given <= set(re.findall(r"\w+", name))


def _label(target) -> str:
    return f"{target.name} ({target.type} #{target.id})"


_target_options = [
    click.option("--id", "entity_id", type=int, help="Pick the entity by id instead of by NAME."),
    click.option("--type", "entity_type", type=click.Choice(ENTITY_TYPES),
                 help="Entity type: restricts NAME, or the type of --id (default person)."),
]


def _with_target_options(fn):
    for option in reversed(_target_options):
        fn = option(fn)
    return fn


def _annotation_command(name: str, metavar: str, what: str, action, *, max_args: int | None = None):
    """A `note`/`tag`/`untag` command: resolve the target, run `action(db, target, rest)`
    (returns the line to print), turn AnnotationError into one line."""

    @click.command(name, cls=TextArgsCommand)
    @click.argument("args", nargs=-1, required=True, metavar=metavar, shell_complete=complete_names())
    @_with_target_options
    @click.pass_obj
    def command(obj: CliContext, args, entity_id, entity_type) -> None:
        from db.annotations import AnnotationError

        if max_args is not None and len(args) > max_args:
            raise click.UsageError(f"too many arguments: quote them, e.g. stakeholders {name} \"Jane Doe\" \"Met in May\"")
        db = obj.db
        target, rest = _split_args(db, args, entity_id, entity_type, what=what)
        try:
            click.echo(action(db, target, rest))
        except AnnotationError as exc:
            raise click.ClickException(str(exc)) from None

    return command


def _note(db, target, rest) -> str:
    from db.annotations import add_note

    if len(rest) > 1:
        raise click.UsageError("quote NAME and TEXT: stakeholders note \"Jane Doe\" \"Met in May\"")
    add_note(db, target.type, target.id, rest[0])
    return f"Note added to {_label(target)}"


def _tag(db, target, tags) -> str:
    from db.annotations import add_tags

    added = add_tags(db, target.type, target.id, tags)
    return f"{_label(target)}: " + (f"tagged {', '.join(added)}" if added else "already had those tags")


def _untag(db, target, tags) -> str:
    from db.annotations import remove_tags

    removed = remove_tags(db, target.type, target.id, tags)
    return f"{_label(target)}: " + (f"removed {', '.join(removed)}" if removed else "had none of those tags")


note_command = _annotation_command("note", "NAME TEXT", "TEXT", _note, max_args=2)
note_command.help = "Add a note to a person, organization or initiative (fuzzy NAME, or --id ID TEXT)."
tag_command = _annotation_command("tag", "NAME TAG...", "TAG...", _tag)
tag_command.help = "Add tags to a person, organization or initiative (fuzzy NAME, or --id ID TAG...)."
untag_command = _annotation_command("untag", "NAME TAG...", "TAG...", _untag)
untag_command.help = "Remove tags from a person, organization or initiative (fuzzy NAME, or --id ID TAG...)."


@click.command("export")
@click.option("--format", "fmt", type=click.Choice(["csv", "json", "vcard", "backup"]), default="csv", show_default=True,
              help="backup: the whole directory as JSON, restored by `stakeholders import FILE`.")
@click.option("--initiative", help="Only members of this initiative (fuzzy name, alias or acronym).",
              shell_complete=complete_names("initiative"))
@click.option("--organization", help="Only people of this organization (fuzzy name, alias or acronym).",
              shell_complete=complete_names("organization"))
@click.option("--tag", help="Only people with this tag.")
@click.option("--query", help="Only people the fuzzy search finds for this query.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="Write here instead of stdout.")
@click.option("--raw", is_flag=True, help="CSV: do not neutralise cells a spreadsheet would run as formulas.")
@click.option("--excel", "--bom", "excel", is_flag=True,
              help="CSV for Excel: starts with a UTF-8 byte-order mark so accents show right.")
@click.pass_obj
def export_command(obj: CliContext, fmt, initiative, organization, tag, query, output, raw, excel) -> None:
    """Export people as a contact list (CSV, JSON or vCard 3.0), or the whole directory as a
    backup. Filters combine (AND).

    CSV cells a spreadsheet would run as a formula (starting with = + - @, tab, CR or LF) get a
    leading ' (OWASP CSV-injection guidance); --raw writes them as they are. --excel (or --bom)
    starts the CSV with a byte-order mark, which Excel needs to read UTF-8."""
    from db.formats.export import (
        ExportFilters, OutputError, atomic_output, check_output_path, count_people, export_people,
    )
    from db.lookup import Ambiguous, Resolved, resolve_entity

    if excel and fmt != "csv":
        raise click.UsageError("--excel/--bom is for --format csv")
    if fmt == "backup":
        if any(v is not None for v in (initiative, organization, tag, query)) or raw:
            raise click.UsageError("a backup holds the whole directory: no --initiative, --organization, --tag, --query or --raw")
        _export_backup(obj.db, output)
        return
    db = obj.db
    ids = {}
    for kind, name in (("initiative", initiative), ("organization", organization)):
        if name is not None:
            resolution = resolve_entity(db, name, types=(kind,))
            if not isinstance(resolution, Resolved):
                if not (isinstance(resolution, Ambiguous) and not resolution.weak):
                    fail_if_other_type(db, name, (kind,))
                fail_unresolved(resolution, kind, "nothing was exported", pick=None)
            ids[kind] = resolution.id
    filters = ExportFilters(
        initiative_id=ids.get("initiative"), organization_id=ids.get("organization"), tag=tag, query=query
    )
    # The bar goes to stderr, and only when that is a terminal not also showing the export.
    to_terminal = output is None and sys.stdout.isatty()
    show_bar = sys.stderr.isatty() and not to_terminal
    if output:
        try:
            check_output_path(db, output)
        except OutputError as exc:
            raise click.ClickException(str(exc)) from None
    # A file is written to a temporary file renamed into place: complete or not at all.
    destination = atomic_output(output) if output else nullcontext(sys.stdout)
    try:
        with destination as out:
            if excel:
                from tui.safe_output import write_unfiltered

                write_unfiltered(out, "\ufeff")  # Excel reads a CSV as UTF-8 only after a byte-order mark
            if show_bar:
                with click.progressbar(length=count_people(db, filters), label="Exporting", file=sys.stderr) as bar:
                    count = export_people(db, fmt, out, filters=filters, raw=raw, progress=lambda _p: bar.update(1))
            else:
                count = export_people(db, fmt, out, filters=filters, raw=raw)
    except OSError as exc:
        if output is None:
            raise  # stdout: a closed pipe is handled by the CLI
        raise click.ClickException(f"{output}: {exc.strerror or exc}; nothing was written") from None
    if output or show_bar:
        click.echo(f"{count} people exported" + (f" to {output}" if output else ""), err=True)


def _export_backup(db, output: Path | None) -> None:
    """`export --format backup`: every user table to FILE (or stdout), counts on stderr."""
    from db.formats.backup import write_backup
    from db.formats.export import OutputError, atomic_output, check_output_path

    if output:
        try:
            check_output_path(db, output)
        except OutputError as exc:
            raise click.ClickException(str(exc)) from None
    with atomic_output(output) if output else nullcontext(sys.stdout) as out:  # complete or not at all
        counts = write_backup(db, out)
    if output:
        click.echo(f"backup of {counts.get('people', 0)} people, {counts.get('documents', 0)} documents"
                   f" and {sum(counts.values())} rows in all written to {output}", err=True)


COMMANDS = [note_command, tag_command, untag_command, export_command]
