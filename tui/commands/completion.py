"""Shell completion of NAME arguments from the directory (click's `shell_complete`).

`eval "$(_STAKEHOLDERS_COMPLETE=bash_source stakeholders)"` (zsh: zsh_source, fish:
fish_source) turns it on; `stakeholders show mar<TAB>` then offers the names the fuzzy
search finds for what was typed. Completion never creates, migrates or seeds a database,
and any error offers nothing rather than printing into the shell.
"""

from __future__ import annotations

from pathlib import Path

import click
from click.shell_completion import CompletionItem

LIMIT = 20


def _database_path(ctx: click.Context) -> Path:
    from tui.context import default_db_path

    root = ctx.find_root()
    given = root.params.get("db_path")
    return Path(given).expanduser() if given else default_db_path()


def names_from_directory(ctx: click.Context, incomplete: str, types: tuple[str, ...] | None) -> list[CompletionItem]:
    """Up to LIMIT names of `types` the search finds for `incomplete` (nothing when the
    database does not exist yet or cannot be read)."""
    if not incomplete.strip():
        return []
    path = _database_path(ctx)
    if not path.is_file():
        return []
    try:
        from db.connection import open_db
        from db.search import search

        db = open_db(path, migrate=False)
        try:
            hits = search(db, incomplete, limit=LIMIT, types=types)
        finally:
            db.close()
    except Exception:  # noqa: BLE001 - a completion must never print a traceback into the shell
        return []
    from tui.safe_output import terminal_safe

    names = dict.fromkeys(" ".join(terminal_safe(h.name).split()) for h in hits)
    return [CompletionItem(n, help=None) for n in names if n]


def complete_names(*types: str):
    """A `shell_complete` callback offering the directory's names of `types` (all if none).
    On a variadic argument (NAME TEXT..., NAME TAG...) only the first word is completed."""

    def complete(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
        if param.nargs == -1 and ctx.params.get(param.name):
            return []
        return names_from_directory(ctx, incomplete, types or None)

    return complete
