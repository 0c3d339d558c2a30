"""Text normalisation shared by extraction, resolution and search."""

from __future__ import annotations

import functools
import re
import unicodedata

_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)
_SPACES = re.compile(r"\s+")


class _CombiningMarks(dict):
    """A str.translate table that drops combining marks and keeps every other character, filled
    in as characters are met (so a translate runs in C instead of a generator per character)."""

    def __missing__(self, code: int) -> int | None:
        kept = None if unicodedata.combining(chr(code)) else code
        self[code] = kept
        return kept


_DROP_MARKS = _CombiningMarks()


def strip_accents(text: str) -> str:
    """Remove combining marks: 'María Ibáñez' -> 'Maria Ibanez'."""
    if text.isascii():  # most text; the NFKD walk dominated import profiles
        return text
    return unicodedata.normalize("NFKD", text).translate(_DROP_MARKS)


@functools.lru_cache(maxsize=1 << 16)  # a pure function called for every word of every document
def fold(text: str) -> str:
    """Accent-folded, case-folded key with punctuation turned into single spaces.

    `fold("U.S. Chamber of Commerce")` == "u s chamber of commerce"; callers that want
    "US" == "U.S." should use `compact_key`.
    """
    text = strip_accents(text or "").casefold()
    # only word characters and spaces are left: split() and _SPACES see the same runs
    return " ".join(_NON_WORD.sub(" ", text).replace("_", " ").split())


_ACRONYM_DOT = re.compile(r"(?<=\b\w)\.(?=\w\b|\w\.)")
_INITIAL_DOT = re.compile(r"\b(\w)\.(?=\s|$)")


@functools.lru_cache(maxsize=1 << 16)
def compact_key(text: str) -> str:
    """Fold and drop dots inside acronyms so 'U.S.' and 'US' give the same key."""
    text = strip_accents(text or "").casefold()
    text = _ACRONYM_DOT.sub("", text)  # u.s. -> us.
    text = _INITIAL_DOT.sub(r"\1", text)
    text = _NON_WORD.sub(" ", text).replace("_", " ")
    return _SPACES.sub(" ", text).strip()


_CONTROL = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b[@-_]|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x9f]")


def strip_control(text: str) -> str:
    """Remove ANSI escape sequences and control characters (keeps tab and newlines)."""
    return _CONTROL.sub("", text or "")


# Every character str.splitlines() breaks at, other than CR and LF: U+2028/U+2029 line and
# paragraph separators and NEL become a newline; VT, FF and the file/group/record separators go.
_OTHER_BREAKS = re.compile(r"\r\n|\r|[\u2028\u2029\x85]|[\x0b\x0c\x1c-\x1e]")


def plain_line_breaks(text: str) -> str:
    """`text` whose only line break is LF: CRLF, CR, U+2028, U+2029 and NEL turned into LF, VT,
    FF and the separators \\x1c-\\x1e dropped. Exports write notes through it, so no reader that
    splits lines more eagerly than RFC 6350 (CR/LF) can see a property or contact in a note."""
    return _OTHER_BREAKS.sub(lambda m: "" if m.group() in "\x0b\x0c\x1c\x1d\x1e" else "\n", text or "")
