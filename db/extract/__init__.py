"""Extraction: from a document's text to people, organizations, initiatives and their relations.

The stages live one module each in this package; `extract` runs them in order.
"""

from db.extract.pipeline import extract

__all__ = ["extract"]
