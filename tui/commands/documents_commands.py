"""`documents`: every imported document with its title, date, source and what it gave."""

from __future__ import annotations

import json

import click

from tui.context import CliContext

PAGE = 500
COUNTED = ("people", "organizations", "initiatives", "relations")


def iter_documents(db):
    """Every document (`db.documents.list_documents` rows), read a page at a time."""
    from db.documents import list_documents

    offset = 0
    while True:
        page = list_documents(db, limit=PAGE, offset=offset)
        yield from page
        if len(page) < PAGE:
            return
        offset += PAGE


def _public(doc: dict) -> dict:
    return {"id": doc["id"], "title": doc["title"], "date": doc["date"], "source": doc["source"],
            "format": doc["format"], "imported_at": doc["imported_at"],
            "counts": {key: doc[key] for key in COUNTED}}


def format_document(doc: dict) -> str:
    """Two lines: `#id  date  title`, then the counts and the source."""
    from tui.commands.directory_commands import SINGULAR

    counts = ", ".join(f"{doc[key]} {SINGULAR.get(key, key) if doc[key] == 1 else key}" for key in COUNTED)
    return f"#{doc['id']}  {doc['date'] or '?'}  {doc['title']}\n    {counts} · {doc['source']}"


@click.command("documents")
@click.option("--json", "as_json", is_flag=True,
              help="Print a JSON list of {id, title, date, source, format, imported_at, counts}.")
@click.pass_obj
def documents_command(obj: CliContext, as_json: bool) -> None:
    """List imported documents, newest first: id, title, date, source and counts of the people,
    organizations, initiatives and relations each gave.

    The title is the document's headline (its first heading or first line), the date the one
    stated in its text, else the day it was imported."""
    if as_json:
        click.echo("[", nl=False)
        for i, doc in enumerate(iter_documents(obj.db)):
            click.echo(("," if i else "") + "\n  " + json.dumps(_public(doc), ensure_ascii=False), nl=False)
        click.echo("\n]")
        return
    shown = 0
    for doc in iter_documents(obj.db):
        click.echo(format_document(doc))
        shown += 1
    if not shown:
        click.echo("No documents yet: stakeholders import PATH...")


COMMANDS = [documents_command]
