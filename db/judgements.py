"""The user's judgements as every write path applies them, and the provenance of relations.

Tables (migration 6, see README "Schema"):

- `affiliation_sources` / `membership_sources` / `partner_sources`: which documents gave a
  relation; `document_id = 0` (USER_SOURCE) means the user added it by hand.
- `rejected_entities (entity_type, name_key)`: names never drawn again as that type.
- `rejected_relations (kind, first_key, second_key, first_id, second_id)`: relations never
  drawn again; matched by the ids of the two records, or by their folded names (a key starting
  with `#` matches by id only).
- `entity_redirects (from_type, from_key) -> (to_type, to_id, to_name)`: a renamed or retyped
  record is found again under its new name and type.
- `mention_assignments (document_id, start, end) -> (entity_type, entity_id)`: spans split off.

`Judgements` is what an import or a re-extraction consults for one document; the other
functions write inside the caller's transaction.
"""

from __future__ import annotations

from datetime import datetime, timezone

import sqlite_utils

from db.textnorm import compact_key, fold

TABLE_OF = {"person": "people", "organization": "organizations", "initiative": "initiatives"}
USER_SOURCE = 0
# kind -> (table, first column, second column, title/role column, sources table, (first type, second type))
RELATIONS = {
    "affiliation": ("affiliations", "person_id", "organization_id", "title", "affiliation_sources",
                    ("person", "organization")),
    "membership": ("memberships", "person_id", "initiative_id", "role", "membership_sources",
                   ("person", "initiative")),
    "partner": ("initiative_organizations", "initiative_id", "organization_id", "role", "partner_sources",
                ("initiative", "organization")),
}
KIND_OF = {types: kind for kind, (*_, types) in RELATIONS.items()}


def now() -> str:
    """The current UTC time, ISO 8601 to the second."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def name_keys(name: str) -> list[str]:
    """The folded keys a name is matched under (folded, and with acronym dots dropped)."""
    return [k for k in dict.fromkeys([fold(name or ""), compact_key(name or "")]) if k]


def entity_names(db: sqlite_utils.Database, entity_type: str, entity_id: int) -> list[str]:
    """The record's name followed by its aliases."""
    row = db.execute(f"SELECT name FROM {TABLE_OF[entity_type]} WHERE id = ?", [entity_id]).fetchone()
    names = [row[0]] if row else []
    names += [r[0] for r in db.execute(
        "SELECT alias FROM aliases WHERE entity_type = ? AND entity_id = ? ORDER BY alias", [entity_type, entity_id]
    )]
    return names


def name_key_of(db: sqlite_utils.Database, entity_type: str, entity_id: int) -> str | None:
    """The record's folded name, or None when it does not exist."""
    row = db.execute(f"SELECT name_key FROM {TABLE_OF[entity_type]} WHERE id = ?", [entity_id]).fetchone()
    return row[0] if row else None


def kind_of(first_type: str, second_type: str) -> tuple[str, bool] | None:
    """The relation kind between two types and whether the pair must be swapped; None if none."""
    if (first_type, second_type) in KIND_OF:
        return KIND_OF[(first_type, second_type)], False
    if (second_type, first_type) in KIND_OF:
        return KIND_OF[(second_type, first_type)], True
    return None


# ------------------------------------------------------------------ writing judgements
def remember_rejected(db: sqlite_utils.Database, entity_type: str, names: list[str], verdict: str) -> None:
    """Record every key of `names` as never to be drawn again as `entity_type`."""
    stamp = now()
    for name in names:
        for key in name_keys(name):
            db.execute(
                "INSERT OR REPLACE INTO rejected_entities (entity_type, name_key, name, verdict, created_at)"
                " VALUES (?, ?, ?, ?, ?)",
                [entity_type, key, name, verdict, stamp],
            )


def forget_rejected(db: sqlite_utils.Database, entity_type: str, name: str) -> None:
    """The user says `name` is a real `entity_type` after all: drop its rejection."""
    keys = name_keys(name)
    if keys:
        db.execute(
            f"DELETE FROM rejected_entities WHERE entity_type = ? AND name_key IN ({','.join('?' * len(keys))})",
            [entity_type, *keys],
        )


def remember_redirect(
    db: sqlite_utils.Database, from_type: str, names: list[str], to_type: str, to_id: int, to_name: str, reason: str
) -> None:
    """Names of `from_type` now belong to record (to_type, to_id)."""
    stamp = now()
    for name in names:
        for key in name_keys(name):
            db.execute(
                "INSERT OR REPLACE INTO entity_redirects (from_type, from_key, to_type, to_id, to_name, reason,"
                " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [from_type, key, to_type, to_id, to_name, reason, stamp],
            )


def remember_rejected_relation(db: sqlite_utils.Database, kind: str, first_id: int, second_id: int,
                               *, id_only_side: int | None = None) -> None:
    """Record the relation as never to be drawn again (by the records' ids and folded names;
    `id_only_side` 0 or 1: that end is matched by id only, as when a record was split into
    two of the same name)."""
    first_type, second_type = RELATIONS[kind][5]
    first_key = (None if id_only_side == 0 else name_key_of(db, first_type, first_id)) or f"#{first_id}"
    second_key = (None if id_only_side == 1 else name_key_of(db, second_type, second_id)) or f"#{second_id}"
    db.execute(
        "INSERT OR REPLACE INTO rejected_relations (kind, first_key, second_key, first_id, second_id, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [kind, first_key, second_key, first_id, second_id, now()],
    )


def forget_rejected_relation(db: sqlite_utils.Database, kind: str, first_id: int, second_id: int) -> None:
    """The user added the relation by hand: drop any rejection of it."""
    first_type, second_type = RELATIONS[kind][5]
    db.execute(
        "DELETE FROM rejected_relations WHERE kind = ? AND ((first_id = ? AND second_id = ?)"
        " OR (first_key = ? AND second_key = ?))",
        [kind, first_id, second_id, name_key_of(db, first_type, first_id), name_key_of(db, second_type, second_id)],
    )


def add_source(db: sqlite_utils.Database, kind: str, first_id: int, second_id: int, document_id: int) -> None:
    """Credit the relation to a document (or USER_SOURCE)."""
    _, a, b, _, sources, _ = RELATIONS[kind]
    db.execute(
        f"INSERT OR IGNORE INTO {sources} ({a}, {b}, document_id) VALUES (?, ?, ?)", [first_id, second_id, document_id]
    )


def delete_relation(db: sqlite_utils.Database, kind: str, first_id: int, second_id: int) -> int:
    """Remove a relation and its sources; returns 1 when it was there."""
    table, a, b, _, sources, _ = RELATIONS[kind]
    db.execute(f"DELETE FROM {sources} WHERE {a} = ? AND {b} = ?", [first_id, second_id])
    return db.execute(f"DELETE FROM {table} WHERE {a} = ? AND {b} = ?", [first_id, second_id]).rowcount


def forget_ids(db: sqlite_utils.Database, entity_type: str, entity_id: int) -> None:
    """A record is gone: judgements keep matching it by name only (its id may be reused)."""
    for kind, (*_, (first_type, second_type)) in RELATIONS.items():
        if first_type == entity_type:
            db.execute("UPDATE rejected_relations SET first_id = NULL WHERE kind = ? AND first_id = ?", [kind, entity_id])
        if second_type == entity_type:
            db.execute("UPDATE rejected_relations SET second_id = NULL WHERE kind = ? AND second_id = ?", [kind, entity_id])
    db.execute("UPDATE entity_redirects SET to_id = NULL WHERE to_type = ? AND to_id = ?", [entity_type, entity_id])


def repoint_ids(db: sqlite_utils.Database, entity_type: str, from_id: int, into_id: int) -> None:
    """Judgements about record `from_id` now apply to `into_id` (a merge)."""
    for kind, (*_, (first_type, second_type)) in RELATIONS.items():
        if first_type == entity_type:
            db.execute("UPDATE rejected_relations SET first_id = ? WHERE kind = ? AND first_id = ?", [into_id, kind, from_id])
        if second_type == entity_type:
            db.execute("UPDATE rejected_relations SET second_id = ? WHERE kind = ? AND second_id = ?", [into_id, kind, from_id])
    db.execute("UPDATE entity_redirects SET to_id = ? WHERE to_type = ? AND to_id = ?", [into_id, entity_type, from_id])


def apply_after_merge(db: sqlite_utils.Database, entity_type: str, from_id: int, into_id: int) -> None:
    """After a merge: judgements follow the survivor, and a relation the user rejected for
    either record does not survive on the merged one."""
    repoint_ids(db, entity_type, from_id, into_id)
    for kind, (table, a, b, _, _, (first_type, second_type)) in RELATIONS.items():
        for column, etype in ((a, first_type), (b, second_type)):
            if etype != entity_type:
                continue
            pairs = db.execute(f"SELECT {a}, {b} FROM {table} WHERE {column} = ?", [into_id]).fetchall()
            for first_id, second_id in pairs:
                if relation_rejected(db, kind, first_id, second_id):
                    delete_relation(db, kind, first_id, second_id)


def relation_exists(db: sqlite_utils.Database, kind: str, first_id: int, second_id: int) -> bool:
    """Whether the relation row is there (an organization is also shown on an initiative's card
    through its people, with no row of its own)."""
    table, a, b, *_ = RELATIONS[kind]
    return db.execute(f"SELECT 1 FROM {table} WHERE {a} = ? AND {b} = ?", [first_id, second_id]).fetchone() is not None


def relation_rejected(db: sqlite_utils.Database, kind: str, first_id: int, second_id: int) -> bool:
    """Whether the user rejected this relation (by the records' ids or their current names)."""
    first_type, second_type = RELATIONS[kind][5]
    row = db.execute(
        "SELECT 1 FROM rejected_relations WHERE kind = ? AND ((first_id = ? AND second_id = ?)"
        " OR (first_key = ? AND second_key = ?)) LIMIT 1",
        [kind, first_id, second_id, name_key_of(db, first_type, first_id), name_key_of(db, second_type, second_id)],
    ).fetchone()
    return row is not None


# ------------------------------------------------------------------ what imports consult
class Judgements:
    """The judgements an import or a re-extraction of one document applies. Each kind is
    looked up only when the user has made one (a directory without corrections pays one
    query per kind per document)."""

    def __init__(self, db: sqlite_utils.Database, document_id: int) -> None:
        self.db = db

        def any_in(table: str) -> bool:
            # a rowid range: a bare EXISTS plans as a scan, though it stops at the first row
            return db.execute(f"SELECT 1 FROM {table} WHERE rowid > 0 LIMIT 1").fetchone() is not None

        self.has_rejected = any_in("rejected_entities")
        self.has_redirects = any_in("entity_redirects")
        self.has_rejected_relations = any_in("rejected_relations")
        self.assignments = [
            (s, e, t, i) for s, e, t, i in db.execute(
                'SELECT start, "end", entity_type, entity_id FROM mention_assignments WHERE document_id = ?'
                " ORDER BY start",
                [document_id],
            )
            if name_key_of(db, t, i) is not None
        ]

    def rejected(self, entity_type: str, name: str) -> bool:
        """Whether the user rejected `name` as an `entity_type`. A record of that type still
        named so (a namesake of the one rejected, or one added back by hand) is not rejected."""
        if not self.has_rejected:
            return False
        keys = name_keys(name)
        marks = ",".join("?" * len(keys))
        if not keys or self.db.execute(
            f"SELECT 1 FROM rejected_entities WHERE entity_type = ? AND name_key IN ({marks}) LIMIT 1",
            [entity_type, *keys],
        ).fetchone() is None:
            return False
        live = self.db.execute(
            f"SELECT 1 FROM {TABLE_OF[entity_type]} WHERE name_key IN ({marks}) LIMIT 1", keys
        ).fetchone()
        return live is None

    def redirect(self, entity_type: str, name: str) -> tuple[str, int | None, str] | None:
        """(type, id or None, name) the user moved `name` of `entity_type` to, or None."""
        if not self.has_redirects:
            return None
        keys = name_keys(name)
        if not keys:
            return None
        row = self.db.execute(
            f"SELECT to_type, to_id, to_name FROM entity_redirects WHERE from_type = ? AND from_key IN"
            f" ({','.join('?' * len(keys))}) LIMIT 1",
            [entity_type, *keys],
        ).fetchone()
        if row is None:
            return None
        to_type, to_id, to_name = row
        if to_id is not None and name_key_of(self.db, to_type, to_id) is None:
            to_id = None
        return to_type, to_id, to_name

    def assigned(self, start: int, end: int) -> tuple[str, int] | None:
        """The record the user split the span [start, end) off to, if any (overlap counts)."""
        for s, e, t, i in self.assignments:
            if s < end and start < e:
                return t, i
        return None

    def relation_rejected(self, kind: str, first_id: int, second_id: int) -> bool:
        """Whether the user rejected this relation."""
        return self.has_rejected_relations and relation_rejected(self.db, kind, first_id, second_id)


# ------------------------------------------------------------------ support and pruning
def user_support(db: sqlite_utils.Database, entity_type: str, entity_id: int) -> bool:
    """Whether anything but a document's extraction keeps the record: mentions left, the
    user's edits, notes, tags, assessments, interactions, split spans, or relations left."""
    table = TABLE_OF[entity_type]
    row = db.execute(f"SELECT user_edited FROM {table} WHERE id = ?", [entity_id]).fetchone()
    if row is None:
        return True  # already gone: nothing to do
    if row[0]:
        return True
    keyed = ["mentions", "notes", "tags", "assessments", "mention_assignments"]
    for name in keyed:
        if db.execute(f"SELECT 1 FROM {name} WHERE entity_type = ? AND entity_id = ? LIMIT 1",
                      [entity_type, entity_id]).fetchone():
            return True
    if entity_type == "person" and db.execute(
        "SELECT 1 FROM interactions WHERE person_id = ? LIMIT 1", [entity_id]
    ).fetchone():
        return True
    if entity_type == "initiative" and db.execute(
        "SELECT 1 FROM interactions WHERE initiative_id = ? LIMIT 1", [entity_id]
    ).fetchone():
        return True
    for kind, (rel_table, a, b, *_rest) in RELATIONS.items():
        first_type, second_type = RELATIONS[kind][5]
        for column, etype in ((a, first_type), (b, second_type)):
            if etype == entity_type and db.execute(
                f"SELECT 1 FROM {rel_table} WHERE {column} = ? LIMIT 1", [entity_id]
            ).fetchone():
                return True
    return False


def document_support(db: sqlite_utils.Database, document_id: int, *, extracted_only: bool = False) -> dict:
    """What a document gave: the records it mentions and the relations credited to it."""
    sql = "SELECT DISTINCT entity_type, entity_id FROM mentions WHERE document_id = ?"
    if extracted_only:
        sql += " AND id NOT IN (SELECT mention_id FROM user_mentions)"
    entities = [tuple(r) for r in db.execute(sql, [document_id])]
    relations = {}
    for kind, (_, a, b, _, sources, _) in RELATIONS.items():
        relations[kind] = [tuple(r) for r in db.execute(
            f"SELECT {a}, {b} FROM {sources} WHERE document_id = ?", [document_id]
        )]
    return {"entities": entities, "relations": relations}


def drop_document_sources(db: sqlite_utils.Database, document_id: int) -> None:
    """Remove the credit a document gave to relations."""
    for _, (_, _, _, _, sources, _) in RELATIONS.items():
        db.execute(f"DELETE FROM {sources} WHERE document_id = ?", [document_id])


PLURAL = {"person": "people", "organization": "organizations", "initiative": "initiatives",
          "affiliation": "affiliations", "membership": "memberships", "partner": "partners"}


def prune(db: sqlite_utils.Database, before: dict, remove_entity) -> dict[str, int]:
    """After a document's credit was withdrawn: remove the relations (of `before`) no source
    supports any more, then the records (of `before`) nothing supports. `remove_entity(db,
    type, id)` removes one record. Returns counts by plural name."""
    removed = dict.fromkeys(PLURAL.values(), 0)
    for kind, pairs in before["relations"].items():
        _, a, b, _, sources, _ = RELATIONS[kind]
        for first_id, second_id in dict.fromkeys(pairs):
            if db.execute(f"SELECT 1 FROM {sources} WHERE {a} = ? AND {b} = ? LIMIT 1", [first_id, second_id]).fetchone():
                continue
            removed[PLURAL[kind]] += delete_relation(db, kind, first_id, second_id)
    for entity_type, entity_id in dict.fromkeys(before["entities"]):
        if not user_support(db, entity_type, entity_id):
            remove_entity(db, entity_type, entity_id)
            removed[PLURAL[entity_type]] += 1
    return removed


# ------------------------------------------------------------------ export
def export_judgements(db: sqlite_utils.Database) -> dict:
    """Every judgement by name and document hash (not by id), so a directory can be rebuilt
    from its documents and this: rejected names and relations, renames and type changes,
    split spans, spans marked by hand, relations added by hand, the other names of each
    record (names merged into it, old names), pairs judged "not the same", and the fields
    edited by hand with their values."""
    def rows(sql: str) -> list[dict]:
        cursor = db.execute(sql)
        cols = [c[0] for c in cursor.description]
        return [dict(zip(cols, r)) for r in cursor.fetchall()]

    def named(entity_type_col: str, id_col: str) -> str:
        return " ".join(
            f"WHEN {entity_type_col} = '{t}' THEN (SELECT name FROM {table} WHERE id = {id_col})"
            for t, table in TABLE_OF.items()
        )

    added = []
    for kind, (table, a, b, extra, sources, (first_type, second_type)) in RELATIONS.items():
        added += rows(
            f"SELECT '{kind}' AS kind, f.name AS first, s.name AS second, r.{extra} AS {'title' if extra == 'title' else 'role'}"
            f" FROM {sources} x JOIN {table} r ON r.{a} = x.{a} AND r.{b} = x.{b}"
            f" JOIN {TABLE_OF[first_type]} f ON f.id = x.{a} JOIN {TABLE_OF[second_type]} s ON s.id = x.{b}"
            f" WHERE x.document_id = {USER_SOURCE} ORDER BY 2, 3"
        )
    return {
        "rejected_entities": rows(
            "SELECT entity_type AS type, name, verdict, MIN(created_at) AS at FROM rejected_entities"
            " GROUP BY entity_type, name, verdict ORDER BY 1, 2"
        ),
        "rejected_relations": rows(
            "SELECT kind, first_key, second_key, created_at AS at FROM rejected_relations ORDER BY 1, 2, 3"
        ),
        "redirects": rows(
            "SELECT from_type, from_key, to_type, to_name, reason, created_at AS at FROM entity_redirects ORDER BY 1, 2"
        ),
        "split_spans": rows(
            f"SELECT d.sha256 AS document, a.start, a.\"end\", a.entity_type AS type,"
            f" CASE {named('a.entity_type', 'a.entity_id')} END AS name"
            " FROM mention_assignments a JOIN documents d ON d.id = a.document_id ORDER BY 1, 2"
        ),
        "marked_mentions": rows(
            f"SELECT d.sha256 AS document, m.start, m.\"end\", m.entity_type AS type,"
            f" CASE {named('m.entity_type', 'm.entity_id')} END AS name"
            " FROM user_mentions u JOIN mentions m ON m.id = u.mention_id JOIN documents d ON d.id = m.document_id"
            " ORDER BY 1, 2"
        ),
        "added_relations": added,
        "aliases": [
            row for t, table in TABLE_OF.items() for row in rows(
                f"SELECT '{t}' AS type, e.name, a.alias FROM aliases a JOIN {table} e ON e.id = a.entity_id"
                f" WHERE a.entity_type = '{t}' AND a.alias != e.name ORDER BY 2, 3"
            )
        ],
        "not_same": rows(
            f"SELECT n.entity_type AS type, CASE {named('n.entity_type', 'n.entity_id')} END AS a, n.entity_key AS a_key,"
            f" CASE {named('n.entity_type', 'n.other_id')} END AS b, n.other_key AS b_key, n.decided_at AS at"
            " FROM not_same n WHERE n.entity_key < n.other_key"
            " OR (n.entity_key = n.other_key AND n.entity_id < n.other_id) ORDER BY 1, 3, 5"
        ),
        "edited_fields": [
            {"type": t, "name": row["name"], "fields": {
                f: t if f == "type" else row.get(f) for f in row["user_edited"].split(",") if f in row or f == "type"}}
            for t, table in TABLE_OF.items()
            for row in rows(f"SELECT * FROM {table} WHERE COALESCE(user_edited, '') != '' ORDER BY name")
        ],
    }
