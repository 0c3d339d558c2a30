"""Opening the Textual app from the CLI (imports textual only here)."""

from __future__ import annotations


def run_app(context) -> None:
    """Open the database (seeding it if new), then run the app on it."""
    context.db  # create, migrate and seed before the first screen
    from tui.app import StakeholdersApp

    StakeholdersApp(db_path=context.db_path).run()
