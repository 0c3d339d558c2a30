"""Reading documents from disk into plain text (format detection and decoding)."""

from __future__ import annotations

from pathlib import Path

from db.textnorm import strip_control

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
DOCUMENT_SUFFIXES = TEXT_SUFFIXES


class DocumentError(Exception):
    """A document that cannot be read; the message is one line for the user."""


def decode_text(data: bytes) -> str:
    """Decode bytes of a text document: UTF-8 (with or without BOM), else cp1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def read_document(path: Path) -> tuple[str, str]:
    """Return (format, text) for the document at `path`. Raises DocumentError."""
    suffix = path.suffix.lower()
    if suffix not in DOCUMENT_SUFFIXES:
        raise DocumentError(f"{path}: unknown file type '{suffix or path.name}'")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if not data.strip():
        raise DocumentError(f"{path}: empty file")
    return suffix.lstrip("."), strip_control(decode_text(data)).replace("\r\n", "\n")
