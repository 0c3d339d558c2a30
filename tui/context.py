"""The CLI's shared state: which database, opened lazily, seeded on first use."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import click


def default_db_path() -> Path:
    """`$STAKEHOLDERS_DB`, else stakeholders.db in the user's app directory."""
    env = os.environ.get("STAKEHOLDERS_DB")
    if env:
        return Path(env).expanduser()
    return Path(click.get_app_dir("stakeholders")) / "stakeholders.db"


@dataclass
class CliContext:
    """Carried in `ctx.obj`: the database path and, once opened, the connection."""

    db_path: Path
    seed: bool = True  # import the bundled seeds into a new database (not when restoring a backup)
    created: bool = False  # the database file was created by this command
    _db: object = field(default=None, repr=False)

    @property
    def db(self):
        """The open database; created, migrated and seeded on first use."""
        if self._db is None:
            from db.connection import open_db
            from db.seeding import record_seeding_pending, seed_if_new, seeding_pending

            if self.db_path == default_db_path() and not self.db_path.exists():
                self.db_path.parent.mkdir(parents=True, exist_ok=True)  # the app directory, on first use
            seeding = self.seed and not os.environ.get("STAKEHOLDERS_NO_SEEDS")
            made_schema = []

            def on_create(db) -> None:
                # A file with no schema yet (new, or left by a run killed before its first tables):
                # the seeds are recorded as pending with those tables, so any later kill is finished.
                made_schema.append(True)
                if seeding:
                    record_seeding_pending(db)

            self._db = open_db(self.db_path, on_create=on_create)
            self.created = bool(made_schema)
            if self.created:
                click.echo(f"created a new database at {self.db_path.resolve()}", err=True)
            if seeding and seeding_pending(self._db):
                seed_if_new(self._db)  # also finishes a first run that was interrupted
        return self._db

    def close(self) -> None:
        """Close the database if it was opened (the WAL is checkpointed on the last close)."""
        if self._db is not None:
            db, self._db = self._db, None
            db.close()
