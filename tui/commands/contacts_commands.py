"""CLI commands for the contacts issue (filled in by its owner)."""

COMMANDS: list = []
