"""The `stakeholders` command: a click group whose subcommands are thin wrappers over `db`.

Textual is imported only when the app is opened, so CLI commands start fast.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import click

from tui.context import CliContext, default_db_path
from tui.safe_output import guard_stdout, one_line


def _version() -> str:
    try:
        return version("stakeholders")
    except PackageNotFoundError:  # running from a checkout
        return "0.0.0"


class StakeholdersGroup(click.Group):
    """A group that turns every error into one line on stderr and an exit code.

    Messages are made terminal-safe (a file name or a document can hold escape sequences)
    and folded onto one line; `STAKEHOLDERS_DEBUG=1` shows the traceback of an unexpected error.
    """

    def invoke(self, ctx: click.Context):
        from db.connection import DatabaseError
        from db.formats.readers import DocumentError

        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.exceptions.Abort):
            raise
        except click.UsageError as exc:  # one line too, with where to look instead of the usage text
            where = exc.ctx.command_path if exc.ctx is not None else "stakeholders"
            raise _OneLineUsageError(one_line(f"{exc.format_message()} (see '{where} --help')")) from None
        except click.ClickException as exc:
            exc.message = one_line(exc.message)
            raise
        except (DatabaseError, DocumentError) as exc:
            raise click.ClickException(one_line(exc)) from None
        except sqlite3.Error as exc:
            raise click.ClickException(one_line(f"database error: {_sqlite_reason(exc)}")) from None
        except OSError as exc:
            where = f"{exc.filename}: " if exc.filename else ""
            raise click.ClickException(one_line(f"{where}{exc.strerror or exc}")) from None
        except KeyboardInterrupt:
            raise click.exceptions.Exit(130) from None
        except Exception as exc:  # noqa: BLE001 - the user gets one line, not a traceback
            if os.environ.get("STAKEHOLDERS_DEBUG"):
                raise
            raise click.ClickException(one_line(f"unexpected error: {type(exc).__name__}: {exc}")) from None


class _OneLineUsageError(click.ClickException):
    """A usage error shown as one `Error: ...` line, with click's usage-error exit code 2."""

    exit_code = 2


def _sqlite_reason(exc: sqlite3.Error) -> str:
    """SQLite's message, with what to do for the errors a user can act on."""
    message = str(exc)
    if "readonly" in message:
        return f"{message} (is the database file or its folder read-only?)"
    if "locked" in message or "busy" in message:
        return f"{message} (another program kept it busy too long; try again)"
    if "disk" in message and "full" in message:
        return f"{message} (free some disk space and try again)"
    return message


@click.group(cls=StakeholdersGroup, invoke_without_command=True)
@click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Database file (default: $STAKEHOLDERS_DB or stakeholders.db in the app directory).",
)
@click.version_option(_version(), "--version", prog_name="stakeholders")
@click.pass_context
def cli(ctx: click.Context, db_path: Path | None) -> None:
    """A terminal directory of the people, organizations and initiatives behind
    US-Mexico nearshoring. With no command, opens the app."""
    ctx.obj = CliContext(db_path or default_db_path())
    ctx.call_on_close(ctx.obj.close)
    if ctx.invoked_subcommand is None:
        from tui.launch import run_app

        run_app(ctx.obj)
    else:
        previous = guard_stdout()  # names from documents never reach the terminal raw
        ctx.call_on_close(lambda: setattr(sys, "stdout", previous))


def _register() -> None:
    from tui.commands import (
        analysis_commands,
        contacts_commands,
        directory_commands,
        search_commands,
    )

    for module in (directory_commands, search_commands, contacts_commands, analysis_commands):
        for command in module.COMMANDS:
            cli.add_command(command)


_register()


def main() -> None:
    """Entry point for `python -m tui`."""
    cli(prog_name="stakeholders")


if __name__ == "__main__":
    sys.exit(main())
