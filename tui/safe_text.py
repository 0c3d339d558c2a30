"""The app's one sanitiser of text from the database.

Names, titles, notes, document names, sentences and tags come from documents, other people's
files and direct edits (Datasette, the sqlite-utils CLI), so any of them can hold escape
sequences (`ESC ]0;title BEL` retitles the terminal, `ESC [2J` clears it), control characters,
bidi overrides or zero-width characters. Everything the app shows from the database passes
through `clean` before it becomes a Text or Content:

- data loaded by the app's workers is scrubbed where it enters the interface, in the messages
  that carry it (`tui.messages`: the list, the card, the counts);
- the screens that read the database themselves scrub what they read (`scrub`), and the pickers'
  searches return scrubbed hits (`StakeholdersApp.pick_search`);
- `safe_text` builds a Text from an untrusted string.

`clean` is `tui.safe_output.terminal_safe` (the CLI's sanitiser) minus carriage returns: the
same rules for what reaches a terminal from the CLI and from the app.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from rich.text import Text

from tui.safe_output import terminal_safe


def clean(text: str) -> str:
    """`text` without escape sequences, control characters (newline and tab kept), bidi
    controls, zero-width characters or line separators."""
    if not isinstance(text, str):
        return text
    if text.isascii() and text.isprintable():
        return text  # nearly every value: nothing to do
    return terminal_safe(text).replace("\r", "")


def scrub(value: Any) -> Any:
    """`value` with every string in it `clean`ed: strings, and the strings inside dicts (keys
    too), lists, tuples, sets and dataclass instances (such as `db.browse.ListRow`), at any
    depth. Other values are returned as they are."""
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, dict):
        return {scrub(k): scrub(v) for k, v in value.items()}
    if isinstance(value, list):
        return [scrub(v) for v in value]
    if isinstance(value, tuple):
        items = [scrub(v) for v in value]
        return type(value)(*items) if hasattr(value, "_fields") else tuple(items)
    if isinstance(value, (set, frozenset)):
        return type(value)(scrub(v) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: scrub(getattr(value, f.name)) for f in dataclasses.fields(value) if f.init}
        return dataclasses.replace(value, **changes)
    return value


def safe_text(text: str | None, style: str = "", **kwargs) -> Text:
    """A Text of `clean(text)` (never parsed as markup)."""
    return Text(clean(text or ""), style=style, **kwargs)

