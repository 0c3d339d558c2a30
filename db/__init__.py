"""The data layer of stakeholders: schema, import, extraction, resolution and search.

Nothing in this package imports textual or click (checked by tests/test_layering.py).
"""

from db.connection import open_db, write_transaction, DatabaseError

__all__ = ["open_db", "write_transaction", "DatabaseError"]
