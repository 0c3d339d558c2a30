"""Terminal-safe CLI output: text drawn from documents never reaches the terminal raw.

Documents are cleaned when read, but a database can also hold text written by an older
release or edited by hand (sqlite-utils, Datasette). The commands' standard output passes
through `SafeWriter`, which drops ANSI escape sequences and control characters (keeping tab,
newline and carriage return, which CSV and vCard output need); so does standard error.
"""

from __future__ import annotations

import re
import sys
from typing import TextIO

_UNSAFE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI sequences (colours, cursor movement, clear screen)
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"  # OSC sequences (window title, hyperlinks)
    r"|\x1b[@-_]?"  # other escapes, or a lone ESC
    r"|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x9f]"  # C0 and C1 controls but tab and newlines
    r"|[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"  # bidi marks, embeddings, overrides, isolates
    r"|[\u200b-\u200d\u2060-\u2064\ufeff\u00ad\u2028\u2029]"  # zero-width and invisible characters, line separators
)


def terminal_safe(text: str) -> str:
    """`text` without escape sequences, control characters (but tab and newlines), bidi
    controls or zero-width characters: the one sanitiser of everything the CLI prints,
    on stdout and stderr alike."""
    return _UNSAFE.sub("", text)


def one_line(text: str) -> str:
    """`text` made safe and folded onto one line (for error messages)."""
    return " ".join(terminal_safe(str(text)).split())


class SafeWriter:
    """A text stream that writes `terminal_safe` text to the stream it wraps."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        """Write `text` without its unsafe characters; returns len(text) as callers expect."""
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        self._stream.write(terminal_safe(text))
        return len(text)

    def writelines(self, lines) -> None:
        """Write each line through `write`."""
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str):
        if name == "buffer":  # no raw byte path around the filter
            raise AttributeError(name)
        return getattr(self._stream, name)


def write_unfiltered(stream: TextIO, text: str) -> None:
    """Write `text` we made ourselves (a CSV's byte-order mark) past the SafeWriter, if any."""
    getattr(stream, "_stream", stream).write(text)


def guard_stderr() -> TextIO:
    """Route `sys.stderr` through a SafeWriter (error lines quote paths and names); returns
    the previous stream to restore."""
    previous = sys.stderr
    if not isinstance(previous, SafeWriter):
        sys.stderr = SafeWriter(previous)  # type: ignore[assignment]
    return previous


def guard_stdout() -> TextIO:
    """Route `sys.stdout` through a SafeWriter; returns the previous stream to restore."""
    previous = sys.stdout
    if not isinstance(previous, SafeWriter):
        sys.stdout = SafeWriter(previous)  # type: ignore[assignment]
    return previous
