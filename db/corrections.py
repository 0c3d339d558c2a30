"""Correcting what extraction drew: reject, retype, rename, add by hand, attach, split, delete.

Every function writes in one transaction and is journaled (`db.journal`), so `undo_last`
reverts it. Judgements are remembered (`db.judgements`) so imports and re-extraction apply
them: a rejected record or relation is never drawn again, a renamed or retyped record is found
again under its new name and type, split spans stay split, relations added by hand stay.
"""

from __future__ import annotations

import sqlite_utils

from db.journal import journal_position, journaled, undo_last
from db.judgements import (
    RELATIONS,
    TABLE_OF,
    USER_SOURCE,
    add_source,
    delete_relation,
    document_support,
    entity_names,
    forget_ids,
    forget_rejected,
    forget_rejected_relation,
    now,
    prune,
    remember_redirect,
    remember_rejected,
    remember_rejected_relation,
)
from db.textnorm import fold, strip_control

__all__ = [
    "CorrectionError", "add_entity", "attach", "delete_document", "delete_entity", "journal_position",
    "reextract", "reject_entity", "reject_relation", "rename_entity", "retype_entity", "split_entity", "undo_last",
]
TYPES = tuple(TABLE_OF)
# Columns a record keeps when its type changes (when the new type has them).
_COPIED = ("name", "title", "email", "phone", "acronym", "kind", "name_key", "user_edited")


class CorrectionError(ValueError):
    """A correction that cannot be made; the message is one line for the user."""


def _check_type(entity_type: str) -> str:
    if entity_type not in TABLE_OF:
        raise CorrectionError(f"unknown type '{entity_type}' (expected person, organization or initiative)")
    return TABLE_OF[entity_type]


def _row(db: sqlite_utils.Database, entity_type: str, entity_id: int) -> dict:
    table = _check_type(entity_type)
    cursor = db.execute(f"SELECT * FROM {table} WHERE id = ?", [entity_id])
    values = cursor.fetchone()
    if values is None:
        raise CorrectionError(f"no {entity_type} with id {entity_id}")
    return dict(zip([c[0] for c in cursor.description], values))


def _clean_name(name: str) -> str:
    name = " ".join(strip_control(name or "").split())
    if not fold(name):
        raise CorrectionError("a name cannot be empty")
    return name


def _entity_keyed(db: sqlite_utils.Database) -> list[str]:
    from db.merge import entity_keyed_tables

    return entity_keyed_tables(db)


def remove_entity(db: sqlite_utils.Database, entity_type: str, entity_id: int) -> None:
    """Delete a record and everything attached to it (in the caller's transaction)."""
    for table in _entity_keyed(db):
        db.execute(f"DELETE FROM [{table}] WHERE entity_type = ? AND entity_id = ?", [entity_type, entity_id])
    db.execute(f"DELETE FROM {TABLE_OF[entity_type]} WHERE id = ?", [entity_id])  # relations cascade
    forget_ids(db, entity_type, entity_id)


def _mark_user_edited(db: sqlite_utils.Database, entity_type: str, entity_id: int, *fields: str) -> None:
    row = _row(db, entity_type, entity_id)
    edited = {f for f in (row.get("user_edited") or "").split(",") if f} | set(fields)
    db.execute(f"UPDATE {TABLE_OF[entity_type]} SET user_edited = ? WHERE id = ?", [",".join(sorted(edited)), entity_id])


def _reject_or_delete(db, entity_type: str, entity_id: int, verdict: str, verb: str) -> None:
    row = _row(db, entity_type, entity_id)
    with journaled(db, verdict, f"{verb} {entity_type} {row['name']}"):
        remember_rejected(db, entity_type, entity_names(db, entity_type, entity_id), verdict)
        remove_entity(db, entity_type, entity_id)


def reject_entity(db: sqlite_utils.Database, entity_type: str, entity_id: int) -> None:
    """Remove a record the extractor drew wrongly; its names are never drawn again as that type."""
    _reject_or_delete(db, entity_type, entity_id, "rejected", "Rejected")


def delete_entity(db: sqlite_utils.Database, entity_type: str, entity_id: int) -> None:
    """Delete a record with its notes, tags and relations; like a rejection, imports and
    re-extraction do not create it again (`undo_last` brings it back)."""
    _reject_or_delete(db, entity_type, entity_id, "deleted", "Deleted")


def _relation_kind(kind: str) -> tuple:
    if kind not in RELATIONS:
        raise CorrectionError(f"unknown relation '{kind}' (expected affiliation or membership)")
    return RELATIONS[kind]


def reject_relation(db: sqlite_utils.Database, kind: str, person_id: int, other_id: int) -> None:
    """Remove an affiliation or membership (`partner`: initiative, organization) the extractor
    drew wrongly; it is never drawn again."""
    *_, (first_type, second_type) = _relation_kind(kind)
    first, second = _row(db, first_type, person_id), _row(db, second_type, other_id)
    with journaled(db, "reject-relation", f"Rejected {kind} {first['name']} – {second['name']}"):
        remember_rejected_relation(db, kind, person_id, other_id)
        delete_relation(db, kind, person_id, other_id)


def _notes_from(db, row: dict, entity_type: str, entity_id: int, to_type: str, to_id: int, kept: set) -> None:
    """Data the new type cannot hold (a person's title, email and phone, assessments of an
    initiative, a person's interactions) becomes notes on the new record."""
    stamp = now()
    fields = [f"{c}: {row[c]}" for c in ("title", "email", "phone", "acronym", "kind") if row.get(c) and c not in kept]
    lines = [f"Before the type change, {'; '.join(fields)}"] if fields else []
    if to_type == "initiative":
        lines += [
            f"Assessment of {r[0][:10]} (before the type change): influence {r[1]}, interest {r[2]}, stance {r[3]}"
            + (f". {r[4]}" if r[4] else "")
            for r in db.execute(
                "SELECT assessed_at, influence, interest, stance, note FROM assessments"
                " WHERE entity_type = ? AND entity_id = ? ORDER BY assessed_at, id", [entity_type, entity_id]
            )
        ]
        db.execute("DELETE FROM assessments WHERE entity_type = ? AND entity_id = ?", [entity_type, entity_id])
    if entity_type == "person":
        lines += [
            f"{r[0].capitalize()} on {r[1]} (before the type change)" + (f": {r[2]}" if r[2] else "")
            + (f" (follow-up {r[3]}{', done' if r[4] else ''})" if r[3] else "")
            for r in db.execute(
                "SELECT kind, date, summary, follow_up_date, done FROM interactions WHERE person_id = ? ORDER BY date, id",
                [entity_id],
            )
        ]
    for body in lines:
        db.execute(
            "INSERT INTO notes (entity_type, entity_id, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
            [to_type, to_id, body, stamp, stamp],
        )


def _move_relations_on_retype(db, entity_type: str, entity_id: int, to_type: str, to_id: int) -> None:
    """An organization's people become an initiative's members (title -> role) and back; other
    relations cannot exist between the new types and go with the old record."""
    pairs = {("organization", "initiative"): ("affiliation", "membership"),
             ("initiative", "organization"): ("membership", "affiliation")}
    if (entity_type, to_type) not in pairs:
        return
    old_kind, new_kind = pairs[(entity_type, to_type)]
    old_table, _, old_col, old_extra, old_sources, _ = RELATIONS[old_kind]
    new_table, _, new_col, new_extra, new_sources, _ = RELATIONS[new_kind]
    db.execute(
        f"INSERT OR IGNORE INTO {new_table} (person_id, {new_col}, {new_extra})"
        f" SELECT person_id, ?, {old_extra} FROM {old_table} WHERE {old_col} = ?", [to_id, entity_id]
    )
    db.execute(
        f"INSERT OR IGNORE INTO {new_sources} (person_id, {new_col}, document_id)"
        f" SELECT person_id, ?, document_id FROM {old_sources} WHERE {old_col} = ?", [to_id, entity_id]
    )


def retype_entity(db: sqlite_utils.Database, entity_type: str, entity_id: int, to_type: str) -> int:
    """Make a record another type (an organization that is really an initiative, ...) and
    return its new id. Mentions, notes, tags, aliases and split spans move with it; an
    organization's people become an initiative's members and back; data the new type cannot
    hold becomes notes. Imports find it again under the new type."""
    row = _row(db, entity_type, entity_id)
    new_table = _check_type(to_type)
    if to_type == entity_type:
        raise CorrectionError(f"{row['name']} is already a {to_type}")
    with journaled(db, "retype", f"Changed {row['name']} from {entity_type} to {to_type}"):
        names = entity_names(db, entity_type, entity_id)
        cols = {r[1] for r in db.execute(f"PRAGMA table_info({new_table})")}
        values = {c: row[c] for c in _COPIED if c in cols and c in row}
        edited = {f for f in (row.get("user_edited") or "").split(",") if f} | {"type"}
        values.update(user_edited=",".join(sorted(edited)), created_at=now())
        new_id = db.execute(
            f"INSERT INTO {new_table} ({', '.join(values)}) VALUES ({', '.join('?' * len(values))})",
            list(values.values()),
        ).lastrowid
        _notes_from(db, row, entity_type, entity_id, to_type, new_id, cols)
        for table in _entity_keyed(db):
            db.execute(
                f"UPDATE OR IGNORE [{table}] SET entity_type = ?, entity_id = ? WHERE entity_type = ? AND entity_id = ?",
                [to_type, new_id, entity_type, entity_id],
            )
        _move_relations_on_retype(db, entity_type, entity_id, to_type, new_id)
        db.execute(
            "UPDATE entity_redirects SET to_type = ?, to_id = ?, to_name = ? WHERE to_type = ? AND to_id = ?",
            [to_type, new_id, row["name"], entity_type, entity_id],
        )
        remember_redirect(db, entity_type, names, to_type, new_id, row["name"], "retype")
        forget_rejected(db, to_type, row["name"])
        remove_entity(db, entity_type, entity_id)
    return new_id


def rename_entity(db: sqlite_utils.Database, entity_type: str, entity_id: int, new_name: str) -> None:
    """Rename a record; the old name stays an alias and imports find it under either."""
    from db.annotations import update_entity

    row = _row(db, entity_type, entity_id)
    new_name = _clean_name(new_name)
    if new_name == row["name"]:
        raise CorrectionError(f"{row['name']} already has that name")
    with journaled(db, "rename", f"Renamed {entity_type} {row['name']} to {new_name}"):
        update_entity(db, entity_type, entity_id, {"name": new_name})
        if fold(new_name) != fold(row["name"]):
            remember_redirect(db, entity_type, [row["name"]], entity_type, entity_id, new_name, "rename")
        forget_rejected(db, entity_type, new_name)


def _create(db: sqlite_utils.Database, entity_type: str, name: str) -> int:
    from db.resolve import create_initiative, create_organization, create_person

    create = {"person": create_person, "organization": create_organization, "initiative": create_initiative}
    new_id = create[entity_type](db, name)
    _mark_user_edited(db, entity_type, new_id, "name")
    return new_id


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence (or line) holding text[start:end], at most a few hundred characters."""
    left = max(text.rfind(c, max(0, start - 300), start) for c in ".!?\n")
    right = [i for i in (text.find(c, end, end + 300) for c in ".!?\n") if i >= 0]
    return " ".join(text[left + 1 : (min(right) + 1 if right else min(len(text), end + 300))].split())


def add_entity(
    db: sqlite_utils.Database, entity_type: str, name: str, *, document_id: int | None = None,
    start: int | None = None, end: int | None = None,
) -> int:
    """Add a person, organization or initiative by hand and return its id (a record already
    named exactly so is reused). With a document and a span (character offsets into its text),
    the span becomes a mention the user marked, kept by re-extraction; NAME may then be empty
    (the span's text is the name)."""
    from db.resolve import _by_keys

    _check_type(entity_type)
    text = None
    if document_id is not None:
        doc = db.execute("SELECT text FROM documents WHERE id = ?", [document_id]).fetchone()
        if doc is None:
            raise CorrectionError(f"no document with id {document_id}")
        text = doc[0]
        if start is None or end is None or not (0 <= start < end <= len(text)):
            raise CorrectionError(f"the span {start}–{end} is not inside document {document_id}")
        if not fold(name or ""):
            name = text[start:end]
    name = _clean_name(name)
    with journaled(db, "add", f"Added {entity_type} {name}") as entry:
        entity_id = _by_keys(db, entity_type, name)
        if entity_id is None:
            entity_id = _create(db, entity_type, name)
        else:
            entry["description"] = f"Marked {entity_type} {name}"
        forget_rejected(db, entity_type, name)
        if text is not None:
            mention_id = db.execute(
                'INSERT INTO mentions (document_id, entity_type, entity_id, start, "end", text, sentence)'
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                [document_id, entity_type, entity_id, start, end, text[start:end], _sentence_around(text, start, end)],
            ).lastrowid
            db.execute("INSERT INTO user_mentions (mention_id) VALUES (?)", [mention_id])
    return entity_id


def _attach_one(db, kind: str, first_id: int, second_id: int, extra: str | None) -> None:
    table, a, b, extra_col, _, _ = RELATIONS[kind]
    extra = " ".join(strip_control(extra or "").split()) or None
    db.execute(f"INSERT OR IGNORE INTO {table} ({a}, {b}, {extra_col}) VALUES (?, ?, ?)", [first_id, second_id, extra])
    if extra:
        db.execute(f"UPDATE {table} SET {extra_col} = ? WHERE {a} = ? AND {b} = ?", [extra, first_id, second_id])
    add_source(db, kind, first_id, second_id, USER_SOURCE)
    forget_rejected_relation(db, kind, first_id, second_id)


def attach(
    db: sqlite_utils.Database, person_id: int, *, organization_id: int | None = None, title: str | None = None,
    initiative_id: int | None = None, role: str | None = None,
) -> None:
    """Attach a person to an organization (with a title) and/or an initiative (with a role),
    by hand: re-extraction keeps it, and a rejection of it is withdrawn."""
    if organization_id is None and initiative_id is None:
        raise CorrectionError("attach to an organization or an initiative")
    person = _row(db, "person", person_id)
    parts = []
    if organization_id is not None:
        parts.append(_row(db, "organization", organization_id)["name"] + (f" ({title})" if title else ""))
    if initiative_id is not None:
        parts.append(_row(db, "initiative", initiative_id)["name"] + (f" ({role})" if role else ""))
    with journaled(db, "attach", f"Attached {person['name']} to {' and '.join(parts)}"):
        if organization_id is not None:
            _attach_one(db, "affiliation", person_id, organization_id, title)
        if initiative_id is not None:
            _attach_one(db, "membership", person_id, initiative_id, role)


def _move_relation(db, kind: str, old: tuple[int, int], new: tuple[int, int], id_only_side: int | None) -> None:
    """Move one relation (with its title/role and sources) from pair `old` to pair `new`; the
    old pair is remembered as rejected, the new one as the user's."""
    table, a, b, extra, sources, _ = RELATIONS[kind]
    row = db.execute(f"SELECT {extra} FROM {table} WHERE {a} = ? AND {b} = ?", list(old)).fetchone()
    if row is None:
        raise CorrectionError(f"no such {kind} to move")
    db.execute(f"INSERT OR IGNORE INTO {table} ({a}, {b}, {extra}) VALUES (?, ?, ?)", [*new, row[0]])
    db.execute(
        f"INSERT OR IGNORE INTO {sources} ({a}, {b}, document_id) SELECT ?, ?, document_id FROM {sources}"
        f" WHERE {a} = ? AND {b} = ?", [*new, *old]
    )
    add_source(db, kind, *new, USER_SOURCE)
    remember_rejected_relation(db, kind, *old, id_only_side=id_only_side)
    delete_relation(db, kind, *old)


def split_entity(
    db: sqlite_utils.Database, entity_type: str, entity_id: int, new_name: str, *, mention_ids=(),
    organization_ids=(), initiative_ids=(), person_ids=(),
) -> int:
    """Split a record that joined two real entities: a new record `new_name` takes the chosen
    mentions and relations (a person's organizations / initiatives; an organization's
    initiatives and people; an initiative's organizations and people). Returns its id. The
    spans stay with it and the relations stay moved on re-import and re-extraction."""
    row = _row(db, entity_type, entity_id)
    new_name = _clean_name(new_name)
    same_name = fold(new_name) == row["name_key"]
    with journaled(db, "split", f"Split {new_name} off {entity_type} {row['name']}"):
        new_id = _create(db, entity_type, new_name)
        forget_rejected(db, entity_type, new_name)
        stamp = now()
        for mention_id in mention_ids:
            found = db.execute(
                'SELECT document_id, start, "end" FROM mentions WHERE id = ? AND entity_type = ? AND entity_id = ?',
                [mention_id, entity_type, entity_id],
            ).fetchone()
            if found is None:
                raise CorrectionError(f"mention {mention_id} is not one of {row['name']}'s")
            db.execute("UPDATE mentions SET entity_id = ? WHERE id = ?", [new_id, mention_id])
            db.execute(
                'INSERT OR REPLACE INTO mention_assignments (document_id, start, "end", entity_type, entity_id,'
                " created_at) VALUES (?, ?, ?, ?, ?, ?)",
                [*found, entity_type, new_id, stamp],
            )
        moves = {
            "person": [("affiliation", organization_ids, 0), ("membership", initiative_ids, 0)],
            "organization": [("partner", initiative_ids, 1), ("affiliation", person_ids, 1)],
            "initiative": [("partner", organization_ids, 0), ("membership", person_ids, 1)],
        }[entity_type]
        for kind, others, position in moves:
            for other in others:
                old = (entity_id, other) if position == 0 else (other, entity_id)
                new = (new_id, other) if position == 0 else (other, new_id)
                _move_relation(db, kind, old, new, id_only_side=position if same_name else None)
        if entity_type in ("person", "organization"):
            from db.duplicates import mark_not_same

            mark_not_same(db, entity_type, entity_id, new_id)  # split on purpose: never suggested as duplicates
    return new_id


def delete_document(db: sqlite_utils.Database, document_id: int) -> dict:
    """Delete a document and what only it supported (records nothing else keeps, relations no
    other document or the user gives); returns what was removed: {"document": name, "people": n,
    ..., "mentions": n}."""
    row = db.execute("SELECT name FROM documents WHERE id = ?", [document_id]).fetchone()
    if row is None:
        raise CorrectionError(f"no document with id {document_id}")
    with journaled(db, "delete-document", f"Deleted document {row[0]}"):
        before = document_support(db, document_id)
        mentions = db.execute("SELECT COUNT(*) FROM mentions WHERE document_id = ?", [document_id]).fetchone()[0]
        from db.judgements import drop_document_sources

        drop_document_sources(db, document_id)
        db.execute("DELETE FROM mentions WHERE document_id = ?", [document_id])
        db.execute("DELETE FROM mention_assignments WHERE document_id = ?", [document_id])
        db.execute("DELETE FROM documents WHERE id = ?", [document_id])
        removed = prune(db, before, remove_entity)
    return {"document": row[0], **removed, "mentions": mentions}


def reextract(db: sqlite_utils.Database, document_id: int | None = None, progress=None) -> dict:
    """Run the current extractor again over stored documents (one, or all) and replace what it
    drew from them, keeping every judgement and annotation. See `db.reextract`."""
    from db.reextract import reextract as run

    return run(db, document_id, progress=progress)


# ------------------------------------------------------------------ reading, for the CLI and the app
def attached_counts(db: sqlite_utils.Database, entity_type: str, entity_id: int) -> dict[str, int]:
    """What goes with a record when it is deleted: {"notes": n, "tags": n, "mentions": n, "relations": n}."""
    counts = {
        table: db.execute(f"SELECT COUNT(*) FROM {table} WHERE entity_type = ? AND entity_id = ?",
                          [entity_type, entity_id]).fetchone()[0]
        for table in ("notes", "tags", "mentions")
    }
    counts["relations"] = 0
    for rel_table, a, b, _, _, (first_type, second_type) in RELATIONS.values():
        for column, etype in ((a, first_type), (b, second_type)):
            if etype == entity_type:
                counts["relations"] += db.execute(
                    f"SELECT COUNT(*) FROM {rel_table} WHERE {column} = ?", [entity_id]
                ).fetchone()[0]
    return counts


def entity_mentions(db: sqlite_utils.Database, entity_type: str, entity_id: int, limit: int = 200) -> list[dict]:
    """A record's mentions (id, document_id, document: its file name, title: its headline or
    else the file name, start, end, text, sentence), in document order."""
    cursor = db.execute(
        'SELECT m.id, m.document_id, d.name AS document, COALESCE(NULLIF(d.title, \'\'), d.name) AS title,'
        ' m.start, m."end", m.text, COALESCE(m.sentence, m.text)'
        " AS sentence FROM mentions m JOIN documents d ON d.id = m.document_id"
        " WHERE m.entity_type = ? AND m.entity_id = ? ORDER BY m.document_id, m.start LIMIT ?",
        [entity_type, entity_id, limit],
    )
    cols = [c[0] for c in cursor.description]
    return [dict(zip(cols, r)) for r in cursor.fetchall()]


def mention_context(mention: dict, width: int = 90) -> str:
    """The mention in its sentence on one line of at most `width` characters: its own text
    between « » with the words around it, `…` where the sentence is cut (so two mentions in
    one sentence read apart)."""
    sentence = " ".join((mention.get("sentence") or "").split())
    text = " ".join((mention.get("text") or "").split())
    at = sentence.find(text) if text else -1
    if at < 0:
        return _cut(f"«{text}» {sentence}".strip() if text else sentence, width)
    before, after = sentence[:at], sentence[at + len(text):]
    room = max(width - len(text) - 2, 10)  # for the words before and after it
    take = min(len(before), max(room // 3, room - len(after)))
    if take < len(before):
        before = "…" + before[len(before) - take + 1:] if take > 1 else ""
    return f"{before}«{text}»{_cut(after, room - len(before))}"


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


def document_name(db: sqlite_utils.Database, document_id: int) -> str | None:
    """The document's name, or None when there is no such document."""
    row = db.execute("SELECT name FROM documents WHERE id = ?", [document_id]).fetchone()
    return row[0] if row else None


def document_count(db: sqlite_utils.Database) -> int:
    """How many documents are stored."""
    return db.execute("SELECT COUNT(*) FROM documents").fetchone()[0]


def entity_name(db: sqlite_utils.Database, entity_type: str, entity_id: int) -> str | None:
    """The record's name, or None."""
    row = db.execute(f"SELECT name FROM {_check_type(entity_type)} WHERE id = ?", [entity_id]).fetchone()
    return row[0] if row else None


def find_exact(db: sqlite_utils.Database, entity_type: str, name: str) -> int | None:
    """The record of that type named exactly `name` (any known spelling), or None."""
    from db.resolve import _by_keys

    _check_type(entity_type)
    return _by_keys(db, entity_type, name)


def split_choices(db: sqlite_utils.Database, entity_type: str, entity_id: int) -> list[dict]:
    """The relations a split can move, each {"param": split_entity keyword, "id": other id,
    "name": other name, "kind": relation kind, "extra": title or role}."""
    ways = {
        "person": [("affiliation", "organization_ids", 0), ("membership", "initiative_ids", 0)],
        "organization": [("partner", "initiative_ids", 1), ("affiliation", "person_ids", 1)],
        "initiative": [("partner", "organization_ids", 0), ("membership", "person_ids", 1)],
    }[entity_type]
    out = []
    for kind, param, position in ways:
        table, a, b, extra, _, types = RELATIONS[kind]
        mine, other = (a, b) if position == 0 else (b, a)
        other_table = TABLE_OF[types[1 - position]]
        for other_id, name, value in db.execute(
            f"SELECT r.{other}, o.name, r.{extra} FROM {table} r JOIN {other_table} o ON o.id = r.{other}"
            f" WHERE r.{mine} = ? ORDER BY o.name LIMIT 500", [entity_id]
        ):
            out.append({"param": param, "id": other_id, "name": name, "kind": kind, "extra": value})
    return out
