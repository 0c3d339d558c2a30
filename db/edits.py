"""Edits of an entity's own fields that touch only what the user changed.

The app's edit form opens on a snapshot of the record; by the time the user saves, an
import or another process may have changed it. `apply_edits` writes only the fields the user
changed, and only when each still holds the value the form opened with; otherwise it raises
`EditConflict` naming the fields changed underneath, so the user can choose.
"""

from __future__ import annotations

import sqlite_utils

from db.annotations import TABLE_OF, AnnotationError, _check_entity, update_entity, validate_fields
from db.connection import write_transaction
from db.textnorm import strip_control


class EditConflict(AnnotationError):
    """Some changed fields were also changed by someone else since the form opened.

    `theirs` maps each such field to the value now stored.
    """

    def __init__(self, theirs: dict[str, str | None]) -> None:
        self.theirs = theirs
        names = ", ".join(sorted(theirs))
        super().__init__(f"changed elsewhere since the form opened: {names}")


def _tidy(value: str | None) -> str | None:
    return " ".join(strip_control(value or "").split()) or None


def _same(a: str | None, b: str | None) -> bool:
    return (a or None) == (b or None)


def changed_fields(entity_type: str, before: dict, values: dict) -> dict[str, tuple[str | None, str | None]]:
    """The fields whose validated value differs from `before`: {field: (old, new)}.

    Raises AnnotationError when a value is invalid.
    """
    clean = validate_fields(entity_type, values)
    return {k: (before.get(k), v) for k, v in clean.items() if not _same(_tidy(before.get(k)), v)}


def apply_edits(
    db: sqlite_utils.Database,
    entity_type: str,
    entity_id: int,
    changes: dict[str, tuple[str | None, str | None]],
    *,
    force: bool = False,
) -> dict:
    """Write `changes` ({field: (value the form opened with, new value)}) in one transaction.

    Only those fields are written and marked user-edited. Unless `force`, a field whose stored
    value is no longer its old value raises EditConflict (nothing is written). Returns the fields
    that changed.
    """
    if not changes:
        return {}
    table = TABLE_OF.get(entity_type)
    if table is None:
        raise AnnotationError(f"unknown entity type '{entity_type}'")
    with write_transaction(db):
        _check_entity(db, entity_type, entity_id)
        cursor = db.execute(f"SELECT * FROM {table} WHERE id = ?", [entity_id])
        row = dict(zip([c[0] for c in cursor.description], cursor.fetchone()))
        theirs = {
            k: row.get(k) for k, (old, new) in changes.items()
            if not _same(row.get(k), old) and not _same(row.get(k), new)
        }
        if theirs and not force:
            raise EditConflict(theirs)
        return update_entity(db, entity_type, entity_id, {k: new for k, (_, new) in changes.items()})
