"""Text normalisation shared by extraction, resolution and search."""

from __future__ import annotations

import functools
import re
import unicodedata

_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)
_SPACES = re.compile(r"\s+")


def strip_accents(text: str) -> str:
    """Remove combining marks: 'María Ibáñez' -> 'Maria Ibanez'."""
    if text.isascii():  # most text; the NFKD walk dominated import profiles
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@functools.lru_cache(maxsize=1 << 16)  # a pure function called for every word of every document
def fold(text: str) -> str:
    """Accent-folded, case-folded key with punctuation turned into single spaces.

    `fold("U.S. Chamber of Commerce")` == "u s chamber of commerce"; callers that want
    "US" == "U.S." should use `compact_key`.
    """
    text = strip_accents(text or "").casefold()
    text = _NON_WORD.sub(" ", text).replace("_", " ")
    return _SPACES.sub(" ", text).strip()


@functools.lru_cache(maxsize=1 << 16)
def compact_key(text: str) -> str:
    """Fold and drop dots inside acronyms so 'U.S.' and 'US' give the same key."""
    text = strip_accents(text or "").casefold()
    text = re.sub(r"(?<=\b\w)\.(?=\w\b|\w\.)", "", text)  # u.s. -> us.
    text = re.sub(r"\b(\w)\.(?=\s|$)", r"\1", text)
    text = _NON_WORD.sub(" ", text).replace("_", " ")
    return _SPACES.sub(" ", text).strip()


_CONTROL = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b[@-_]|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x9f]")


def strip_control(text: str) -> str:
    """Remove ANSI escape sequences and control characters (keeps tab and newlines)."""
    return _CONTROL.sub("", text or "")
