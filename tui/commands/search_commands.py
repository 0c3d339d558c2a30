"""`stakeholders search`: the fuzzy search engine from the command line."""

from __future__ import annotations

import json

import click

from tui.commands.text_args import TextArgsCommand
from tui.context import CliContext

TYPE_CHOICES = ["person", "organization", "initiative"]


@click.command("search", cls=TextArgsCommand)
@click.argument("query", nargs=-1)
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 10_000), help="Most results to show.")
@click.option("--type", "entity_type", type=click.Choice(TYPE_CHOICES), help="Only this kind of entity.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list instead of a table.")
@click.pass_obj
def search_command(obj: CliContext, query: tuple[str, ...], limit: int, entity_type: str | None, as_json: bool) -> None:
    """Find people, organizations and initiatives by name, however QUERY is typed:
    accents or not, any word order, partial words, a typo or two, aliases and acronyms."""
    from db.search import search
    from db.textnorm import strip_control

    text = " ".join(query)
    hits = search(obj.db, text, limit=limit, types=(entity_type,) if entity_type else None) if text.strip() else []
    if as_json:
        rows = [
            {"type": h.type, "id": h.id, "name": h.name, "score": h.score, "detail": h.detail, "match": h.match}
            for h in hits
        ]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not hits:
        return
    table = [("NAME", "TYPE", "TITLE / ORGANIZATION", "SCORE")] + [
        (strip_control(h.name), h.type, strip_control(h.detail), f"{h.score:.1f}") for h in hits
    ]
    click.echo(format_table(table))


def format_table(rows: list[tuple[str, ...]], max_width: int = 48) -> str:
    """Left-aligned columns (the last one right-aligned), each cell cut to `max_width`."""
    cut = [tuple(_cut(" ".join(cell.split()), max_width) for cell in row) for row in rows]
    widths = [max(len(row[i]) for row in cut) for i in range(len(cut[0]))]
    lines = []
    for row in cut:
        cells = [cell.ljust(w) for cell, w in zip(row[:-1], widths)] + [row[-1].rjust(widths[-1])]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


COMMANDS = [search_command]
