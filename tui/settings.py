"""The app's settings (theme, last export folder), remembered between runs in settings.json in
the app directory, next to the default database (`$STAKEHOLDERS_SETTINGS` names another file).
A missing or unreadable file means the defaults; a failed write is not an error."""

from __future__ import annotations

import json
import os
from pathlib import Path

import click


def settings_path() -> Path:
    """`$STAKEHOLDERS_SETTINGS`, else settings.json in the app directory."""
    env = os.environ.get("STAKEHOLDERS_SETTINGS")
    if env:
        return Path(env).expanduser()
    return Path(click.get_app_dir("stakeholders")) / "settings.json"


def load_settings() -> dict:
    """The saved settings ({} when none or unreadable)."""
    try:
        data = json.loads(settings_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def save_setting(key: str, value) -> None:
    """Remember one setting (written atomically; silently skipped if the folder is not writable)."""
    path = settings_path()
    data = load_settings()
    if data.get(key) == value:
        return
    data[key] = value
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        temporary.write_text(json.dumps(data, indent=2), encoding="utf-8")
        temporary.replace(path)
    except OSError:
        pass
