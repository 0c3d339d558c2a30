"""`import`, `stats` and `show`: building and reading the directory."""

from __future__ import annotations

import json
import sys
from contextlib import nullcontext
from pathlib import Path

import click

from tui.commands.completion import complete_names
from tui.commands.name_resolution import resolve_target
from tui.context import CliContext


@click.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.pass_obj
def import_command(obj: CliContext, paths: tuple[Path, ...]) -> None:
    """Import documents (.txt, .md, .html, .pdf) or folders of them, contact lists (.csv, .vcf, .json), or restore a backup.

    Each document is imported once.

    Contact lists (.csv, .vcf, a JSON export) are merged into the people already there; a
    backup (`export --format backup`) is restored into an empty directory. Folders are walked
    without their hidden and vendored folders; exits 1 when any file or path failed."""
    from db.formats.backup import import_json, looks_like_backup
    from db.formats.contacts import CONTACT_SUFFIXES, import_contacts
    from db.formats.readers import display_path
    from db.import_workers import ImportAhead, ImportWorkersError, import_workers
    from db.importer import import_session, plan_import

    plan = plan_import(paths)
    for path in plan.missing:
        click.echo(f"Error: {display_path(path)}: no such file or folder", err=True)
    files = plan.files
    if not files:
        if plan.missing:
            raise click.exceptions.Exit(1)
        raise click.ClickException("no documents found in " + ", ".join(map(display_path, paths)))
    folders = [p for p in paths if p.is_dir()]

    def label(path: Path) -> str:
        for folder in folders:
            try:
                return display_path(path.relative_to(folder))
            except ValueError:
                continue
        return display_path(path)

    if any(p.suffix.lower() == ".json" and looks_like_backup(p) for p in files):
        obj.seed = False  # a new database restoring a backup starts empty: the backup has the seeds
    # documents are read and extracted ahead by worker processes (db.import_workers); contact
    # lists and JSON files are imported here, each in its place in the order
    documents = [p for p in files if p.suffix.lower() not in CONTACT_SUFFIXES and p.suffix.lower() != ".json"]
    try:
        workers = import_workers(len(documents))
    except ImportWorkersError as exc:
        raise click.ClickException(str(exc)) from None
    db = obj.db
    results = []
    show_bar = len(files) > 1 and sys.stderr.isatty()
    bar_context = click.progressbar(files, label="Importing", file=sys.stderr) if show_bar else nullcontext(files)
    with bar_context as bar, import_session(db), ImportAhead(db, documents, workers) as ahead:
        for path in bar:
            if path.suffix.lower() in CONTACT_SUFFIXES:  # contact lists: merged into people
                result = import_contacts(db, path)
            elif path.suffix.lower() == ".json":  # a backup (restored) or a JSON export of people
                result = import_json(db, path)
            else:
                result = ahead.import_document(db, path)
            results.append(result)
            if not show_bar:
                _report(result, label(path))
    if ahead.broken:
        click.echo(f"Warning: a worker process of the import stopped ({ahead.broken});"
                   " the documents after it were read and extracted by the import itself", err=True)
    if show_bar:
        for result in results:  # after the bar, so no error line is drawn into it
            if result.status == "error":
                _report(result, label(result.path))
            else:
                _report_rejected(result, label(result.path))
    if not obj.seed and obj.created and not any(r.message == "restored" for r in results):
        from db.seeding import mark_seeding_pending

        mark_seeding_pending(db)  # no backup was restored: the next command seeds the new directory
    failed = sum(r.status == "error" or bool(getattr(r, "rejected", None)) for r in results) + len(plan.missing)
    if show_bar or (len(files) > 1 and failed) or plan.missing:
        imported = sum(r.status == "imported" for r in results)
        unchanged = sum(r.status == "unchanged" for r in results)
        click.echo(f"{imported} imported, {unchanged} already imported, {failed} failed")
    if plan.skipped:
        click.echo("skipped: " + ", ".join(f"{n} {reason}" for reason, n in sorted(plan.skipped.items())))
    if failed:
        raise click.exceptions.Exit(1)


SINGULAR = {
    "people": "person",
    "organizations": "organization",
    "initiatives": "initiative",
    "affiliations": "affiliation",
    "memberships": "membership",
    "partners": "partner",
    "relations": "relation",
    "tags": "tag",
    "notes": "note",
    "aliases": "alias",
    "people updated": "person updated",
}


def _count(n: int, what: str) -> str:
    return f"{n} {SINGULAR.get(what, what) if n == 1 else what}"


def _report(result, label: str | None = None) -> None:
    label = label or result.path.name
    if result.status == "error":
        click.echo(f"Error: {result.message}", err=True)
    elif result.status == "unchanged":
        click.echo(f"{label}: already imported, nothing to do")
    else:
        parts = [_count(n, what) for what, n in result.added.items() if n]
        click.echo(f"{label}: {result.message or 'imported'} ({', '.join(parts) or 'nothing new'})")
        _report_rejected(result, label)


def _report_rejected(result, label: str) -> None:
    """One stderr line per malformed record a contacts import refused (the first
    MAX_REJECTED_SHOWN), then how many more."""
    from db.formats.contacts import MAX_REJECTED_SHOWN

    rejected = getattr(result, "rejected", None) or []
    for item in rejected[:MAX_REJECTED_SHOWN]:
        click.echo(f"Error: {label}: {item} (not imported)", err=True)
    if len(rejected) > MAX_REJECTED_SHOWN:
        click.echo(f"Error: {label}: {len(rejected) - MAX_REJECTED_SHOWN} more rows not imported", err=True)


@click.command("stats")
@click.option("--json", "as_json", is_flag=True, help='Print {"database": PATH, "counts": {...}} as JSON.')
@click.pass_obj
def stats_command(obj: CliContext, as_json: bool) -> None:
    """Counts of people, organizations, initiatives, documents, notes and tags, and the database in use."""
    from db.stats import directory_counts

    counts = directory_counts(obj.db)
    database = str(obj.db_path.expanduser().resolve())
    if as_json:
        click.echo(json.dumps({"database": database, "counts": counts}, ensure_ascii=False, indent=2))
        return
    for name, count in counts.items():
        click.echo(f"{name:<14}{count:>8}")
    click.echo(f"database      {database}")


@click.command("show")
@click.argument("name", required=False, shell_complete=complete_names())
@click.option("--type", "entity_type", type=click.Choice(["person", "organization", "initiative"]))
@click.option("--id", "entity_id", type=int, help="Show the entity with this id (of --type, default person).")
@click.option("--json", "as_json", is_flag=True, help="Print the card as a JSON object.")
@click.pass_obj
def show_command(
    obj: CliContext, name: str | None, entity_type: str | None, entity_id: int | None, as_json: bool
) -> None:
    """Show one person, organization or initiative (fuzzy NAME) with its sources.

    When NAME matches several about equally, the candidates are listed (exit code 2)."""
    from db.cards import entity_card

    if name is None and entity_id is None:
        raise click.UsageError("give a NAME or --id")
    target = resolve_target(obj.db, name, entity_id, entity_type, consequence="nothing shown")
    card = entity_card(obj.db, target.type, target.id)
    if as_json:
        click.echo(json.dumps(card, ensure_ascii=False, indent=2, default=str))
        return
    click.echo(format_card(card))


def format_card(card: dict) -> str:
    """A card as plain text for the terminal (sources by document title and date)."""
    from db.cards import source_label

    lines = [f"{card['name']}  ({card['type']} #{card['id']})"]
    for key in ("title", "acronym", "kind", "email", "phone"):
        if card.get(key):
            lines.append(f"  {key.capitalize()}: {card[key]}")
    if card.get("aliases"):
        lines.append("  Also known as: " + "; ".join(card["aliases"]))
    sections = {
        "affiliations": ("Organizations", lambda r: _with(r["organization"], r.get("title"))),
        "memberships": ("Initiatives", lambda r: _with(r["initiative"], r.get("role"))),
        "people": ("People", lambda r: _with(r["name"], r.get("title"))),
        "initiatives": ("Initiatives", lambda r: _with(r["initiative"], r.get("role"))),
        "members": ("Members", lambda r: _with(r["name"], r.get("role") or r.get("organization"))),
        "organizations": ("Partner organizations", lambda r: _with(r["organization"], r.get("role"))),
    }
    for key, (label, fmt) in sections.items():
        if card.get(key):
            lines.append(f"{label}:")
            lines += [f"  - {fmt(r)}" for r in card[key]]
    if card.get("tags"):
        lines.append("Tags: " + ", ".join(card["tags"]))
    if card.get("notes"):
        lines.append("Notes:")
        lines += [f"  [{n['created_at'][:10]}] {n['body']}" for n in card["notes"]]
    if card.get("sources"):
        lines.append("Sources:")
        previous = None
        for s in card["sources"]:
            if s["document_id"] != previous:
                lines.append(f"  {source_label(s)}")
                previous = s["document_id"]
            lines.append(f"    \"{' '.join((s['sentence'] or '').split())}\"")
    return "\n".join(lines)


def _with(name: str, extra: str | None) -> str:
    return f"{name} ({extra})" if extra else name


COMMANDS = [import_command, stats_command, show_command]
