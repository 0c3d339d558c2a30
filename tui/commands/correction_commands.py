"""`add`, `rm`, `retype`, `rename`, `split`, `reextract` and `undo`: correcting the directory.

Thin wrappers over `db.corrections`; names are resolved like every other command (an
ambiguous NAME writes nothing, lists the candidates, exit 2; `--id`/`--type` pick exactly).
Every correction is journaled: `undo` reverts the newest one.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

import click

from tui.commands.name_resolution import resolve_target
from tui.context import CliContext

ENTITY_TYPES = ("person", "organization", "initiative")


@contextlib.contextmanager
def _one_line():
    """A refused correction is one `Error:` line (exit 1)."""
    from db.annotations import AnnotationError
    from db.corrections import CorrectionError

    try:
        yield
    except (CorrectionError, AnnotationError) as exc:
        raise click.ClickException(str(exc)) from None


def _label(target) -> str:
    return f"{target.name} ({target.type} #{target.id})"


def _target_options(fn):
    fn = click.option("--type", "entity_type", type=click.Choice(ENTITY_TYPES),
                      help="Entity type: restricts NAME, or the type of --id (default person).")(fn)
    return click.option("--id", "entity_id", type=int, help="Pick the entity by id instead of by NAME.")(fn)


def _target(obj: CliContext, name, entity_id, entity_type):
    if name is None and entity_id is None:
        raise click.UsageError("give a NAME or --id")
    target = resolve_target(obj.db, name, entity_id, entity_type)
    if name is not None and entity_id is not None and not _names(obj.db, name, target):
        # a correction changes or deletes the record: NAME and --id must agree (a NAME of
        # another type with the --id of a person would otherwise act on someone else)
        raise click.ClickException(
            f"{_label(target)} is not '{' '.join(name.split())}'; give its --type, or --id alone "
            "(nothing was written)")
    return target


def _names(db, name: str, target) -> bool:
    """Whether NAME (fuzzy) can be the record `target`."""
    from db.lookup import Ambiguous, Resolved, resolve_entity

    found = resolve_entity(db, name, types=(target.type,))
    if isinstance(found, Resolved):
        return found.id == target.id
    return isinstance(found, Ambiguous) and any(c.id == target.id for c in found.candidates)


@click.command("add")
@click.argument("entity_type", metavar="person|organization|initiative", type=click.Choice(ENTITY_TYPES))
@click.argument("name")
@click.option("--title", help="The person's title at --organization.")
@click.option("--organization", help="Attach the person to this organization (fuzzy name).")
@click.option("--initiative", help="Attach the person to this initiative (fuzzy name).")
@click.option("--role", help="The person's role in --initiative (member, chair, ...).")
@click.pass_obj
def add_command(obj: CliContext, entity_type: str, name: str, title, organization, initiative, role) -> None:
    """Add a person, organization or initiative the extractor missed, by hand.

    A record already named exactly NAME is reused. A person can be attached at once to an
    organization (with --title) and/or an initiative (with --role); re-extraction keeps it."""
    from db.corrections import add_entity, attach, entity_name, find_exact

    if entity_type != "person" and any((title, organization, initiative, role)):
        raise click.UsageError("--title, --organization, --initiative and --role are for a person")
    if title and not organization:
        raise click.UsageError("--title goes with --organization")
    if role and not initiative:
        raise click.UsageError("--role goes with --initiative")
    db = obj.db
    org = resolve_target(db, organization, None, "organization") if organization else None
    ini = resolve_target(db, initiative, None, "initiative") if initiative else None
    with _one_line():
        existed = find_exact(db, entity_type, name) is not None
        entity_id = add_entity(db, entity_type, name)
        click.echo(f"{entity_name(db, entity_type, entity_id)} ({entity_type} #{entity_id}) " + ("was already there" if existed else "added"))
        if org or ini:
            attach(db, entity_id, organization_id=org.id if org else None, title=title,
                   initiative_id=ini.id if ini else None, role=role)
            if org:
                click.echo(f"attached to {org.name}" + (f" as {title}" if title else ""))
            if ini:
                click.echo(f"attached to {ini.name}" + (f" as {role}" if role else ""))


def _what_goes(db, target) -> str:
    from db.corrections import attached_counts

    return ", ".join(f"{n} {what[:-1] if n == 1 else what}" for what, n in attached_counts(db, target.type, target.id).items() if n)


@click.command("rm")
@click.argument("name", required=False)
@_target_options
@click.option("--document", "document_id", type=int, help="Delete this document (see `documents`) instead.")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@click.pass_obj
def rm_command(obj: CliContext, name, entity_id, entity_type, document_id, yes: bool) -> None:
    """Delete a record (with its notes, tags and relations), or a document (--document ID) with
    what only it supported. Asks first unless --yes; `undo` brings it back.

    A deleted record is not drawn again by imports or re-extraction."""
    from db.corrections import delete_document, delete_entity, document_name

    db = obj.db
    if document_id is not None:
        if name is not None or entity_id is not None:
            raise click.UsageError("give a NAME or --document, not both")
        doc_name = document_name(db, document_id)
        if doc_name is None:
            raise click.ClickException(f"no document with id {document_id}")
        if not yes:
            click.confirm(f"Delete document #{document_id} {doc_name} and what only it supports?", abort=True)
        with _one_line():
            removed = delete_document(db, document_id)
        parts = [f"{n} {what}" for what, n in removed.items() if what != "document" and n]
        click.echo(f"deleted document #{document_id} {removed['document']}; removed {', '.join(parts) or 'nothing else'}")
        return
    target = _target(obj, name, entity_id, entity_type)
    if not yes:
        goes = _what_goes(db, target)
        click.confirm(f"Delete {_label(target)}" + (f" with its {goes}" if goes else "") + "?", abort=True)
    with _one_line():
        delete_entity(db, target.type, target.id)
    click.echo(f"deleted {_label(target)} ('stakeholders undo' brings it back)")


@click.command("retype")
@click.argument("name", required=False)
@_target_options
@click.option("--to", "to_type", required=True, type=click.Choice(ENTITY_TYPES), help="The record's real type.")
@click.pass_obj
def retype_command(obj: CliContext, name, entity_id, entity_type, to_type: str) -> None:
    """Change a record's type (an organization that is really an initiative, ...), keeping its
    mentions, notes, tags and aliases; imports find it under the new type."""
    from db.corrections import retype_entity

    target = _target(obj, name, entity_id, entity_type)
    with _one_line():
        new_id = retype_entity(obj.db, target.type, target.id, to_type)
    click.echo(f"{target.name} is now {'an' if to_type[0] in 'aeiou' else 'a'} {to_type} (#{new_id})")


@click.command("rename")
@click.argument("name", required=False)
@_target_options
@click.option("--to", "new_name", required=True, help="The new name (the old one stays an alias).")
@click.pass_obj
def rename_command(obj: CliContext, name, entity_id, entity_type, new_name: str) -> None:
    """Rename a record; the old name stays an alias, and imports find it under either."""
    from db.corrections import rename_entity

    target = _target(obj, name, entity_id, entity_type)
    with _one_line():
        rename_entity(obj.db, target.type, target.id, new_name)
    click.echo(f"renamed {_label(target)} to {' '.join(new_name.split())}")


def _list_parts(db, target) -> None:
    """What a split can move: the record's mentions (by id) and relations."""
    from db.cards import entity_card
    from db.corrections import entity_mentions, mention_context

    click.echo(f"nothing chosen to move off {_label(target)}; its mentions (--mention ID):", err=True)
    for m in entity_mentions(db, target.type, target.id):
        title = " ".join(m["title"].split())
        click.echo(f"  {m['id']:>6}  {title if len(title) <= 50 else title[:49] + '…'}: {mention_context(m, 100)}",
                   err=True)
    card = entity_card(db, target.type, target.id) or {}
    for key, option, field in (("affiliations", "--organization", "organization"),
                               ("memberships", "--initiative", "initiative"),
                               ("initiatives", "--initiative", "initiative"),
                               ("organizations", "--organization", "organization"),
                               ("people", "--person", "name"), ("members", "--person", "name")):
        for row in card.get(key) or []:
            click.echo(f"  {option} \"{row[field]}\"", err=True)
    raise click.exceptions.Exit(2)


@click.command("split")
@click.argument("name", required=False)
@_target_options
@click.option("--name", "new_name", required=True, help="The name of the new record split off.")
@click.option("--mention", "mention_ids", type=int, multiple=True, help="A mention (id) that goes to the new record.")
@click.option("--organization", "organizations", multiple=True, help="An organization whose relation moves.")
@click.option("--initiative", "initiatives", multiple=True, help="An initiative whose relation moves.")
@click.option("--person", "people", multiple=True, help="A person (of an organization or initiative) who moves.")
@click.pass_obj
def split_command(obj: CliContext, name, entity_id, entity_type, new_name, mention_ids, organizations,
                  initiatives, people) -> None:
    """Split a record that joined two real entities: a new record takes the chosen mentions and
    relations, and keeps them through re-imports. With nothing chosen, lists what can move."""
    from db.corrections import split_entity

    db = obj.db
    target = _target(obj, name, entity_id, entity_type)
    if not (mention_ids or organizations or initiatives or people):
        _list_parts(db, target)
    ids = {
        key: [resolve_target(db, n, None, etype).id for n in names]
        for key, etype, names in (("organization_ids", "organization", organizations),
                                  ("initiative_ids", "initiative", initiatives), ("person_ids", "person", people))
    }
    with _one_line():
        new_id = split_entity(db, target.type, target.id, new_name, mention_ids=mention_ids, **ids)
    moved = len(mention_ids) + sum(len(v) for v in ids.values())
    click.echo(f"split {' '.join(new_name.split())} ({target.type} #{new_id}) off {_label(target)}: {moved} moved")


@click.command("reextract")
@click.option("--document", "document_id", type=int, help="Only this document (see `documents`).")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@click.pass_obj
def reextract_command(obj: CliContext, document_id, yes: bool) -> None:
    """Run the current extractor again over stored documents and replace what it drew from
    them; every correction, note, tag, assessment and interaction stays."""
    from db.corrections import document_count, reextract

    db = obj.db
    count = 1 if document_id is not None else document_count(db)
    if not yes:
        click.confirm(f"Re-extract {count} document{'s' if count != 1 else ''}?", abort=True)
    import sys

    with _one_line():
        if count > 1 and sys.stderr.isatty():
            with click.progressbar(length=count, label="Re-extracting", file=sys.stderr) as bar:
                result = reextract(db, document_id, progress=lambda done, total: bar.update(1))
        else:
            result = reextract(db, document_id)

    def summary(counts: dict) -> str:
        return ", ".join(f"{n} {what}" for what, n in counts.items() if n) or "nothing"

    click.echo(f"re-extracted {result['documents']} document{'s' if result['documents'] != 1 else ''}: "
               f"added {summary(result['added'])}; removed {summary(result['removed'])}")


@click.command("undo")
@click.pass_obj
def undo_command(obj: CliContext) -> None:
    """Undo the newest correction, merge or follow-up marked done (run again to go further back)."""
    from db.corrections import undo_last

    description = undo_last(obj.db)
    click.echo(f"undone: {description}" if description else "nothing to undo")


@click.command("judgements")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="Write here instead of stdout.")
@click.pass_obj
def judgements_command(obj: CliContext, output) -> None:
    """Export every correction as JSON, by name and document hash (not by id): rejections,
    renames and type changes, split spans, spans marked and relations added by hand."""
    import json

    from db.judgements import export_judgements

    from db.formats.export import OutputError, atomic_output, check_output_path

    if output:  # never onto the database (or its -wal/-shm); written whole or not at all
        try:
            check_output_path(obj.db, output)
        except OutputError as exc:
            raise click.ClickException(str(exc)) from None
    text = json.dumps(export_judgements(obj.db), ensure_ascii=False, indent=2) + "\n"
    if output:
        try:
            with atomic_output(output) as fh:
                fh.write(text)
        except OSError as exc:
            raise click.ClickException(f"{output}: {exc.strerror or exc}; nothing was written") from None
        click.echo(f"judgements written to {output}", err=True)
    else:
        click.echo(text, nl=False)


COMMANDS = [judgements_command, add_command, rm_command, retype_command, rename_command, split_command, reextract_command, undo_command]
