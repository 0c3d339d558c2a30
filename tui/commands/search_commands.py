"""CLI commands for the search issue (filled in by its owner)."""

COMMANDS: list = []
