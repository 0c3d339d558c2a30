"""Reading documents from disk into plain text: format detection, decoding, limits.

Text files may be UTF-8 (with or without BOM), UTF-16 (with BOM) or a legacy single-byte
encoding (cp1252 / latin-1). HTML gives its visible text, PDF its text layer. Whatever the
format, control characters and ANSI escape sequences are removed, so nothing a document holds
can drive the user's terminal.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
import unicodedata
from pathlib import Path

from db.textnorm import strip_control

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
PDF_SUFFIXES = {".pdf"}
DOCUMENT_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | PDF_SUFFIXES

# Documents are press releases and member lists: a few KB, rarely a few hundred. The caps keep
# memory bounded (a file's size is checked before anything is read) and keep one import within
# about half a minute (extraction time grows faster than the text), saying so instead of stalling.
MAX_TEXT_BYTES = 4 * 1024 * 1024  # .txt / .md files (UTF-16 doubles the bytes of the same text)
MAX_HTML_BYTES = 20 * 1024 * 1024  # markup weighs far more than the visible text
MAX_PDF_BYTES = 100 * 1024 * 1024  # images and fonts too
MAX_CONTACT_BYTES = 100 * 1024 * 1024  # .csv / .vcf contact lists (100,000 rows are ~15 MB)
MAX_TEXT_CHARS = 2_000_000  # the text of any document, once read
# Share of control characters above which decoded "text" is taken to be binary data.
MAX_CONTROL_SHARE = 0.10

# Invisible characters that reorder or hide text on screen (bidi overrides, zero-width).
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
_ANSI_SEQUENCE = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)")
_CONTROL_CHAR = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd]")


class DocumentError(Exception):
    """A document that cannot be read; the message is one line for the user."""


def display_path(path: Path | str) -> str:
    """`path` as text that is safe to print (a file name may hold escape sequences)."""
    return " ".join(clean_text(str(path)).split()) or "?"


def clean_text(text: str) -> str:
    """Remove ANSI escapes, control and invisible characters; unify newlines; NFC-compose."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE.sub("", strip_control(_ANSI_SEQUENCE.sub("", text)))
    return unicodedata.normalize("NFC", text)


def _bom_encoding(data: bytes) -> tuple[str, int] | None:
    for bom, encoding in (
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            return encoding, len(bom)
    return None


def _bomless_utf16(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when NUL bytes sit in every other position (ASCII-heavy UTF-16)."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_LEGACY_BYTES = "stakeholders-legacy-bytes"
_ASCII = bytes(range(0x80))


def _mostly_utf8(data: bytes) -> bool:
    """Most non-ASCII bytes form valid UTF-8 sequences (legacy text rarely does by chance)."""
    high = len(data.translate(None, _ASCII))
    in_sequences = sum(len(m) for m in _UTF8_SEQUENCE.findall(data))
    return high > 0 and in_sequences * 2 > high


def _legacy_byte(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:  # the five bytes cp1252 leaves undefined
        return chr(byte)


def _decode_legacy_bytes(exc: UnicodeDecodeError) -> tuple[str, int]:
    return "".join(_legacy_byte(b) for b in exc.object[exc.start:exc.end]), exc.end


codecs.register_error(_LEGACY_BYTES, _decode_legacy_bytes)


def decode_text(data: bytes, fallback: str | None = None) -> str:
    """Decode the bytes of a text document; never raises.

    A BOM decides (UTF-8, UTF-16, UTF-32); else UTF-16 without BOM when NULs alternate; else
    UTF-8; else `fallback` (e.g. an HTML page's declared charset); else cp1252, whose
    undefined bytes fall back to latin-1.
    """
    found = _bom_encoding(data)
    if found:
        encoding, skip = found
        return data[skip:].decode(encoding, errors="replace")
    utf16 = _bomless_utf16(data)
    if utf16:
        return data.decode(utf16, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(data):  # UTF-8 with a few stray legacy bytes (pasted, concatenated)
        return data.decode("utf-8", errors=_LEGACY_BYTES)
    for encoding in (fallback, "cp1252"):
        if encoding:
            try:
                return data.decode(encoding)
            except (UnicodeDecodeError, LookupError):
                continue
    return data.decode("latin-1")


def looks_binary(data: bytes, text: str) -> bool:
    """True for bytes that are not a text document: NUL bytes outside UTF-16/32, or decoded
    text made largely of control characters."""
    if b"\x00" in data[:65536] and _bom_encoding(data) is None and _bomless_utf16(data) is None:
        return True
    sample = _ANSI_SEQUENCE.sub("", text[:65536])  # coloured terminal output is still text
    if not sample:
        return False
    controls = len(_CONTROL_CHAR.findall(sample))
    return controls > MAX_CONTROL_SHARE * len(sample)


def _too_large(path: Path, limit: int, size: int | None = None) -> DocumentError:
    got = f"{size / 1048576:.1f} MB; " if size is not None else ""
    kind = path.suffix.lower().lstrip(".").upper()
    return DocumentError(
        f"{display_path(path)}: too large ({got}{kind} files are limited to {limit // 1048576} MB)"
    )


def read_regular_file(path: Path, limit: int, head: int | None = None) -> bytes:
    """The bytes of the regular file at `path` (only the first `head` if given), at most `limit`.

    Raises DocumentError (one line) for anything that is not a regular file (a FIFO, a device
    such as /dev/zero, a socket, a folder; symbolic links are followed), for a file over
    `limit` (also one that grows while read) and for an unreadable one. A FIFO is opened
    without blocking, so a named pipe with no writer never hangs the import.
    """
    path = Path(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise DocumentError(f"{display_path(path)}: cannot read: {exc.strerror or exc}") from None
    try:
        info = os.fstat(fd)  # of what was opened, not of a name that may be swapped meanwhile
        if not stat.S_ISREG(info.st_mode):
            kind = "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file"
            raise DocumentError(f"{display_path(path)}: {kind} (only regular files are read)")
        if info.st_size > limit:
            raise _too_large(path, limit, info.st_size)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        with os.fdopen(fd, "rb") as fh:
            fd = -1
            data = fh.read(head if head is not None else limit + 1)  # a file that grew is still capped
    except OSError as exc:
        raise DocumentError(f"{display_path(path)}: cannot read: {exc.strerror or exc}") from None
    finally:
        if fd >= 0:
            os.close(fd)
    if len(data) > limit:
        raise _too_large(path, limit)
    return data


def _read_bytes(path: Path, limit: int, head: int | None = None) -> bytes:
    """The file's bytes (only the first `head` bytes if given), refusing files over `limit`,
    empty files and anything but a regular file."""
    data = read_regular_file(path, limit, head)
    if not data.strip():
        raise DocumentError(f"{display_path(path)}: empty file")
    return data


def _decode_document(path: Path, data: bytes, fallback: str | None = None) -> str:
    text = decode_text(data, fallback)
    if looks_binary(data, text):
        raise DocumentError(f"{display_path(path)}: binary data, not a text document")
    return text


def _read_pdf(path: Path) -> str:
    from db.formats.pdf_text import PdfTextError, pdf_to_text

    if b"%PDF-" not in _read_bytes(path, MAX_PDF_BYTES, head=1024):
        raise DocumentError(f"{display_path(path)}: not a PDF file")
    try:
        return pdf_to_text(path, MAX_TEXT_CHARS)
    except PdfTextError as exc:
        raise DocumentError(f"{display_path(path)}: {' '.join(str(exc).split())}") from None


def read_document(path: Path) -> tuple[str, str]:
    """Return (format, text) for the document at `path`: format is "txt", "md", "html" or
    "pdf"; text is clean of control characters. Raises DocumentError with a one-line reason
    (unknown type, empty, binary, too large, unreadable, a PDF with no text layer, ...)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in DOCUMENT_SUFFIXES:
        kinds = ", ".join(sorted(DOCUMENT_SUFFIXES))
        raise DocumentError(
            f"{display_path(path)}: unknown file type '{display_path(suffix or path.name)}' "
            f"(documents can be {kinds})"
        )
    if path.is_dir():
        raise DocumentError(f"{display_path(path)}: is a folder, not a document")
    if suffix in PDF_SUFFIXES:
        fmt, text = "pdf", _read_pdf(path)
    elif suffix in HTML_SUFFIXES:
        from db.formats.html_text import declared_charset, html_to_text

        data = _read_bytes(path, MAX_HTML_BYTES)
        fmt, text = "html", html_to_text(_decode_document(path, data, declared_charset(data)))
    else:
        data = _read_bytes(path, MAX_TEXT_BYTES)
        fmt, text = suffix.lstrip("."), _decode_document(path, data)
    text = clean_text(text)
    if not text.strip():
        raise DocumentError(f"{display_path(path)}: no text in this document")
    if len(text) > MAX_TEXT_CHARS:
        raise DocumentError(
            f"{display_path(path)}: too much text ({len(text) / 1e6:.1f} million characters; "
            f"documents are limited to {MAX_TEXT_CHARS / 1e6:g} million)"
        )
    return fmt, text
