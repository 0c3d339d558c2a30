"""The `stakeholders` command: a click group whose subcommands are thin wrappers over `db`.

Textual is imported only when the app is opened, so CLI commands start fast.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path

import click

from tui.context import CliContext, default_db_path
from tui.safe_output import guard_stderr, guard_stdout, one_line


COMPLETE_VAR = "_STAKEHOLDERS_COMPLETE"  # click's shell completion: bash_source, zsh_source, fish_source


def _show_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    """`--version`: the package version, looked up only when asked (importlib.metadata costs
    a noticeable part of every command's start-up)."""
    if not value or ctx.resilient_parsing:
        return
    from importlib.metadata import PackageNotFoundError, version

    try:
        number = version("stakeholders")
    except PackageNotFoundError:  # running from a checkout
        number = "0.0.0"
    click.echo(f"stakeholders, version {number}")
    ctx.exit()


def _quiet_broken_pipe() -> None:
    """The reader of our output went away (`export | head -1`): point stdout at /dev/null so
    the final flush does not fail too, as the Python docs and sqlite-utils do."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.__stdout__.fileno())
    except (OSError, ValueError, AttributeError):  # no real stdout (tests)
        pass


class StakeholdersGroup(click.Group):
    """A group that turns every error into one line on stderr and an exit code.

    Messages are made terminal-safe (a file name or a document can hold escape sequences)
    and folded onto one line; `STAKEHOLDERS_DEBUG=1` shows the traceback of an unexpected error.
    """

    def main(self, *args, **kwargs):
        """Run the CLI with stdout and stderr both passed through the one terminal sanitiser
        (not while answering shell completion: click writes bytes for the shell to read, and the
        names it offers are made terminal-safe in `tui.commands.completion`)."""
        if os.environ.get(COMPLETE_VAR):
            return super().main(*args, **kwargs)
        previous = guard_stdout(), guard_stderr()
        try:
            return super().main(*args, **kwargs)
        finally:
            sys.stdout, sys.stderr = previous

    def make_context(self, info_name, args, parent=None, **extra):
        """Parse the group's own options; a usage error there is one line too."""
        try:
            return super().make_context(info_name, args, parent=parent, **extra)
        except click.UsageError as exc:
            if exc.ctx is None or exc.ctx.command is not self:
                raise
            raise _OneLineUsageError(one_line(f"{exc.format_message()} (see 'stakeholders --help')")) from None

    def invoke(self, ctx: click.Context):
        from db.connection import DatabaseError
        from db.formats.readers import DocumentError

        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.exceptions.Abort):
            raise
        except BrokenPipeError:
            _quiet_broken_pipe()
            raise click.exceptions.Exit(1) from None
        except OverflowError as exc:  # an --id or a day count beyond what SQLite or dates hold
            raise click.ClickException(one_line(f"a number is out of range ({exc})")) from None
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


@click.group(
    cls=StakeholdersGroup,
    invoke_without_command=True,
    epilog="Text starting with '-' is text (note NAME \"- call back\"); after -- everything is. "
    "Shell completion (names too): eval \"$(_STAKEHOLDERS_COMPLETE=bash_source stakeholders)\" "
    "(zsh_source, fish_source: see README).",
)
@click.option(
    "--db",
    "db_path",
    type=click.Path(path_type=Path),  # a directory is refused by open_db, in one line
    default=None,
    help="Database file (default: $STAKEHOLDERS_DB or stakeholders.db in the app directory).",
)
@click.option(
    "--version", is_flag=True, expose_value=False, is_eager=True, callback=_show_version,
    help="Show the version and exit.",
)
@click.pass_context
def cli(ctx: click.Context, db_path: Path | None) -> None:
    """A terminal directory of the people, organizations and initiatives behind
    US-Mexico nearshoring. With no command, opens the app."""
    ctx.obj = CliContext(db_path or default_db_path())
    ctx.call_on_close(ctx.obj.close)
    if ctx.invoked_subcommand is None:
        if not (_is_terminal(sys.stdin) and _is_terminal(sys.stdout)):
            raise _OneLineUsageError(
                "no terminal to open the app in (stdin or stdout is not a terminal); "
                "give a command, see 'stakeholders --help'"
            )
        from tui.launch import run_app

        run_app(ctx.obj)


def _is_terminal(stream) -> bool:
    try:
        return stream is not None and stream.isatty()
    except (AttributeError, ValueError):  # closed or not a file
        return False


def _register() -> None:
    from tui.commands import (
        analysis_commands,
        contacts_commands,
        correction_commands,
        directory_commands,
        documents_commands,
        duplicates_commands,
        search_commands,
    )

    for module in (directory_commands, search_commands, contacts_commands, analysis_commands, correction_commands,
                   documents_commands, duplicates_commands):
        for command in module.COMMANDS:
            if command.short_help is None and command.help:  # the whole first sentence in the list
                command.short_help = _first_sentence(command.help)
            cli.add_command(command)


def _first_sentence(text: str) -> str:
    """The help text's first sentence, unwrapped (click would cut it at 45 characters)."""
    first = " ".join(text.split("\n\n")[0].split())
    end = first.find(". ")
    return first[: end + 1] if end > 0 else first


_register()


def main() -> None:
    """Entry point for `python -m tui`."""
    cli(prog_name="stakeholders")


if __name__ == "__main__":
    sys.exit(main())
