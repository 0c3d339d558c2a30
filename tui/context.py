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
            from db.seeding import seed_if_new, seeding_pending

            if self.db_path == default_db_path() and not self.db_path.exists():
                self.db_path.parent.mkdir(parents=True, exist_ok=True)  # the app directory, on first use
            is_new = not self.db_path.exists() or self.db_path.stat().st_size == 0
            self._db = open_db(self.db_path)
            self.created = is_new
            if is_new:
                click.echo(f"created a new database at {self.db_path.resolve()}", err=True)
            if self.seed and (is_new or seeding_pending(self._db)) and not os.environ.get("STAKEHOLDERS_NO_SEEDS"):
                seed_if_new(self._db)  # also finishes a first run that was interrupted
        return self._db

    def close(self) -> None:
        """Close the database if it was opened (the WAL is checkpointed on the last close)."""
        if self._db is not None:
            db, self._db = self._db, None
            db.close()
