"""The data layer of stakeholders: schema, import, extraction, resolution and search.

Nothing in this package imports textual or click (checked by tests/test_layering.py).
"""

import sys as _sys


def _import_sqlite_utils_without_numpy() -> None:
    """Import sqlite-utils before anything else does, with numpy and pandas out of its reach.

    sqlite-utils imports numpy and pandas when they are installed, only to map their number
    types to column types (we never insert numpy values). numpy is installed for the
    possible-duplicates matrix (`db.duplicates` imports it when it runs), and importing it costs
    about a third of the app's start-up (~130 ms of CPU on the development machine) and of every
    command's. The names are blocked only while sqlite-utils is imported; a later `import numpy`
    works as usual."""
    if "sqlite_utils" in _sys.modules:
        return
    blocked = [name for name in ("numpy", "pandas") if name not in _sys.modules]
    for name in blocked:
        _sys.modules[name] = None  # `import numpy` raises ImportError meanwhile
    try:
        import sqlite_utils  # noqa: F401
    finally:
        for name in blocked:
            if _sys.modules.get(name, ...) is None:
                del _sys.modules[name]


_import_sqlite_utils_without_numpy()

from db.connection import open_db, write_transaction, DatabaseError  # noqa: E402 (after the import above)

__all__ = ["open_db", "write_transaction", "DatabaseError"]
