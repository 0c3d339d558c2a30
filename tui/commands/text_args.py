"""Arguments that start with '-' (`note NAME "- dash note"`, `search -neg`) taken as text.

Click reads every argument starting with '-' as an option and fails on an unknown one. For
commands whose arguments are free text, `TextArgsCommand` takes an argument as text unless
it is one of the command's options (or starts with `--`, so a mistyped long option is still
reported); `--` works as usual (everything after it is text).
"""

from __future__ import annotations

import click


class TextArgsCommand(click.Command):
    """A click command whose positional text may start with '-'."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """Move the command's own options to the front and the rest after `--`."""
        takes_value, flags = set(), set()
        for param in self.params:
            if isinstance(param, click.Option):
                names = set(param.opts) | set(param.secondary_opts)
                (flags if param.is_flag or param.count else takes_value).update(names)
        options: list[str] = []
        text: list[str] = []
        i = 0
        while i < len(args):
            arg = args[i]
            if arg == "--":
                text += args[i + 1:]
                break
            name = arg.split("=", 1)[0]
            if arg in flags or (name in takes_value and "=" in arg) or name in flags:
                options.append(arg)
            elif arg in takes_value:
                options += args[i:i + 2]
                i += 1
            elif arg.startswith("--") and len(arg) > 2:
                options.append(arg)  # unknown: click says so
            else:
                text.append(arg)
            i += 1
        return super().parse_args(ctx, options + ["--"] + text)
