"""The text layer of a PDF, page by page, with pypdf."""

from __future__ import annotations

import logging
import warnings
from pathlib import Path


class PdfTextError(Exception):
    """A PDF whose text cannot be read; the message is a short reason for the user."""


def pdf_to_text(path: Path, max_chars: int) -> str:
    """The text of every page of the PDF at `path`, pages separated by a blank line.

    Raises PdfTextError for a file that is not a readable PDF, an encrypted one, one with no
    text layer (a scan) or one whose text is longer than `max_chars`.
    """
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PyPdfError

    # pypdf reports damaged-but-readable files through logging and warnings; the user gets
    # our one-line outcome instead of library noise on stderr.
    pypdf_logger = logging.getLogger("pypdf")
    level = pypdf_logger.level
    pypdf_logger.setLevel(logging.ERROR + 10)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = PdfReader(path)
            if reader.is_encrypted:
                try:
                    opened = reader.decrypt("")
                except (DependencyError, FileNotDecryptedError, NotImplementedError):
                    opened = False  # AES without the cryptography library, or a password
                if not opened:
                    raise PdfTextError("encrypted PDF (a password is needed)")
            pages, total = [], 0
            for page in reader.pages:
                text = page.extract_text() or ""
                total += len(text)
                if total > max_chars:
                    raise PdfTextError(f"too much text (documents are limited to {max_chars / 1e6:g} million characters)")
                pages.append(text.strip())
    except PdfTextError:
        raise
    except (DependencyError, FileNotDecryptedError):
        raise PdfTextError("encrypted PDF (a password is needed)") from None
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError,
            RecursionError, OSError, NotImplementedError) as exc:
        raise PdfTextError(f"not a readable PDF ({type(exc).__name__}: {exc})") from None
    finally:
        pypdf_logger.setLevel(level)
    text = "\n\n".join(p for p in pages if p)
    if not text.strip():
        raise PdfTextError("no text layer (scanned PDF?)")
    return text
