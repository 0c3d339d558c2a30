"""Opening the Textual app from the CLI (imports textual only here)."""

from __future__ import annotations

import sys

from tui.safe_output import SafeWriter


def run_app(context) -> None:
    """Open the database (seeding it if new), then run the app on it.

    The app draws the screen itself (its text is sanitised where it is shown), so it gets the
    streams the CLI's sanitiser wraps."""
    context.db  # create, migrate and seed before the first screen
    from tui.app import StakeholdersApp

    previous = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = (s._stream if isinstance(s, SafeWriter) else s for s in previous)
    try:
        StakeholdersApp(db_path=context.db_path).run()
    finally:
        sys.stdout, sys.stderr = previous
