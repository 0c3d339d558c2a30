"""CLI commands for the analysis issue (filled in by its owner)."""

COMMANDS: list = []
