"""Entity resolution: one record per real person, organization and initiative.

Every lookup goes through an index: `people.name_key` / `organizations.name_key` /
`initiatives.name_key` (holding `fold(name)`), `aliases(entity_type, alias_key)` (holding
`compact_key(alias)`) and `people.email`. Nothing here scans a whole table.

Public API (also used by the contacts import):

- `find_person(db, name, *, email=None) -> int | None`: by email first, then by name or alias.
- `find_organization(db, name) -> int | None`: by name, alias or acronym; a one-word short
  form (`Globex`) finds the one longer organization starting with it, and vice versa.
- `find_initiative(db, name) -> int | None`: by name, alias or acronym.
- `add_alias(db, entity_type, entity_id, alias)`: record another spelling (no-op if known).
- `create_person / create_organization / create_initiative`: insert a row with `name_key`.
- `fill_missing(db, entity_type, entity_id, fields)`: set fields that are still NULL and were
  never edited by the user (re-imports never overwrite the user's data).

All functions write inside the caller's transaction (see `db.connection.write_transaction`).
"""

from __future__ import annotations

import re
from datetime import datetime, timezone

import sqlite_utils

from db.extract.core import compact_key, fold  # cached versions of db.textnorm's keys

TABLE_OF = {"person": "people", "organization": "organizations", "initiative": "initiatives"}


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _first(db: sqlite_utils.Database, sql: str, params: list) -> int | None:
    row = db.execute(sql, params).fetchone()
    return row[0] if row else None


def _by_keys(db: sqlite_utils.Database, entity_type: str, name: str) -> int | None:
    """Exact match on name_key (folded or compact spelling), then on an alias."""
    table = TABLE_OF[entity_type]
    keys = list(dict.fromkeys([fold(name), compact_key(name)]))
    keys = [k for k in keys if k]
    if not keys:
        return None
    marks = ",".join("?" * len(keys))
    found = _first(db, f"SELECT id FROM {table} WHERE name_key IN ({marks}) ORDER BY id LIMIT 1", keys)
    if found is not None:
        return found
    # `+entity_id` in ORDER BY: sorting the few matches beats walking every alias of the type
    # by primary key to get them in order (a scan: 112 ms per lookup at 1M people).
    return _first(
        db,
        f"SELECT a.entity_id FROM aliases a JOIN {table} t ON t.id = a.entity_id"
        f" WHERE a.entity_type = ? AND a.alias_key IN ({marks}) ORDER BY +a.entity_id LIMIT 1",
        [entity_type, *keys],
    )


def find_person(db: sqlite_utils.Database, name: str, *, email: str | None = None) -> int | None:
    """The id of the person with this email (case-insensitive), else with this name or alias."""
    if email:
        # idx_people_email_nocase serves `email = ? COLLATE NOCASE`; `+id` keeps the planner on it.
        found = _first(
            db, "SELECT id FROM people WHERE email = ? COLLATE NOCASE ORDER BY +id LIMIT 1", [email.strip()]
        )
        if found is None and not email.isascii():  # NOCASE folds ASCII letters only
            found = _first(db, "SELECT id FROM people WHERE email = ? ORDER BY +id LIMIT 1", [email.strip().lower()])
        if found is not None:
            return found
    if not name or not name.strip():
        return None
    found = _by_keys(db, "person", name)
    if found is None:
        bare = _without_courtesy(name)
        if bare != name:
            found = _by_keys(db, "person", bare)  # "Dr. Helen Park" / "Helen Park, PhD"
    return found


_COURTESY_RE = re.compile(
    r"^(?:(?:mr|mrs|ms|miss|dr|prof|lic|ing|mtro|mtra|sr|sra|srta|hon|rep|sen|gov|amb)\.?\s+)+|"
    r",?\s+(?:ph\.?\s?d\.?|m\.?b\.?a\.?|esq\.?|jr\.?|sr\.?)$",
    re.I,
)


def _without_courtesy(name: str) -> str:
    return _COURTESY_RE.sub("", name.strip()).strip()


def _prefix_matches(db: sqlite_utils.Database, table: str, prefix: str) -> list[int]:
    """Ids whose name_key starts with `prefix + ' '` (an index range scan), at most 2."""
    lo, hi = prefix + " ", prefix + "!"  # '!' sorts right after ' '
    rows = db.execute(f"SELECT id FROM {table} WHERE name_key >= ? AND name_key < ? LIMIT 2", [lo, hi]).fetchall()
    return [r[0] for r in rows]


def find_organization(db: sqlite_utils.Database, name: str) -> int | None:
    """The id of the organization named `name` (any known spelling, acronym or short form)."""
    if not name or not name.strip():
        return None
    found = _by_keys(db, "organization", name)
    if found is not None:
        return found
    words = fold(name).split()
    if len(words) == 1 and not name.strip().isupper() and len(words[0]) > 2:
        hits = _prefix_matches(db, "organizations", words[0])
        if len(hits) == 1:
            return hits[0]  # "Globex" -> the one "Globex ..." organization
    if len(words) > 1 and len(words[0]) > 2:
        row = db.execute(
            "SELECT id, name FROM organizations WHERE name_key = ? LIMIT 2", [words[0]]
        ).fetchall()
        if len(row) == 1 and not row[0][1].isupper():
            return row[0][0]  # "Globex Logistics" -> the organization known only as "Globex"
    return _by_variant_keys(db, "organization", organization_variants(name))


def find_initiative(db: sqlite_utils.Database, name: str) -> int | None:
    """The id of the initiative named `name` (any known spelling or acronym); a name with or
    without a leading country qualifier (`U.S.-Mexico CEO Dialogue` / `CEO Dialogue`) matches."""
    if not name or not name.strip():
        return None
    found = _by_keys(db, "initiative", name)
    if found is None:
        found = _by_variant_keys(db, "initiative", initiative_variants(name))
    return found


_COUNTRY_FORMS = ("us", "u s", "usa", "united states", "the us", "the united states")
_MINISTRY = ("ministry", "secretariat", "secretaria", "ministerio")  # Mexico's "Secretaría" in translation
_QUALIFIERS = ("us mexico", "u s mexico", "mexico us", "mexico u s", "us mexican", "north american")


def organization_variants(name: str) -> set[str]:
    """Other keys the same organization is commonly written under: `U.S. Embassy in Mexico` /
    `Embassy of USA in Mexico`; `Secretariat of Economy` / `Ministry of Economy`."""
    k = compact_key(name)
    k = k[4:] if k.startswith("the ") else k
    out: set[str] = set()
    m = re.fullmatch(r"(?:(us|usa|u s|united states|the us|the united states) )?(embassy|consulate)(?: of (?:the )?(us|usa|u s|united states))?( (?:in|to) .+)?", k)
    if m and (m.group(1) or m.group(3)):
        rest = m.group(4) or ""
        for c in _COUNTRY_FORMS:
            out.add(f"{c} {m.group(2)}{rest}")
            out.add(f"{m.group(2)} of {c}{rest}")
    words = k.split()
    if words and words[0] in _MINISTRY and len(words) >= 3 and words[1] == "of":
        out |= {" ".join([head] + words[1:]) for head in _MINISTRY}
    out.discard(k)
    return out


def initiative_variants(name: str) -> set[str]:
    """The initiative's name with and without a leading country qualifier."""
    k = compact_key(name)
    out = set()
    for q in _QUALIFIERS:
        if k.startswith(q + " ") and len(k.split()) - len(q.split()) >= 2:
            out.add(k[len(q) + 1 :])
    if not out and len(k.split()) >= 2:
        out |= {f"{q} {k}" for q in _QUALIFIERS}
    out.discard(k)
    return out


def _by_variant_keys(db: sqlite_utils.Database, entity_type: str, keys: set[str]) -> int | None:
    """Exact (indexed) lookups of a few alternative keys, on names and aliases; None if ambiguous."""
    if not keys:
        return None
    keys = sorted(keys | {fold(k) for k in keys})
    marks = ",".join("?" * len(keys))
    table = TABLE_OF[entity_type]
    ids = {r[0] for r in db.execute(f"SELECT id FROM {table} WHERE name_key IN ({marks}) LIMIT 3", keys)}
    ids |= {
        r[0] for r in db.execute(
            f"SELECT a.entity_id FROM aliases a JOIN {table} t ON t.id = a.entity_id"
            f" WHERE a.entity_type = ? AND a.alias_key IN ({marks}) LIMIT 3",
            [entity_type, *keys],
        )
    }
    return ids.pop() if len(ids) == 1 else None


def add_alias(db: sqlite_utils.Database, entity_type: str, entity_id: int, alias: str) -> bool:
    """Record `alias` as another spelling of the entity; returns True if it was new.

    An alias equal (after folding) to the entity's own name is not stored.
    """
    alias = " ".join((alias or "").split())
    if not alias:
        return False
    row = db.execute(f"SELECT name_key FROM {TABLE_OF[entity_type]} WHERE id = ?", [entity_id]).fetchone()
    if row is None or row[0] == fold(alias) and compact_key(alias) == row[0]:
        return False
    cur = db.execute(
        "INSERT OR IGNORE INTO aliases (entity_type, entity_id, alias, alias_key) VALUES (?, ?, ?, ?)",
        [entity_type, entity_id, alias, compact_key(alias)],
    )
    return cur.rowcount > 0


def create_person(
    db: sqlite_utils.Database, name: str, *, title: str | None = None, email: str | None = None,
    phone: str | None = None,
) -> int:
    """Insert a person (name_key = fold(name)) and return its id."""
    cur = db.execute(
        "INSERT INTO people (name, title, email, phone, name_key, created_at) VALUES (?, ?, ?, ?, ?, ?)",
        [name, title, email, phone, fold(name), _now()],
    )
    pid = cur.lastrowid
    if compact_key(name) != fold(name):
        add_alias(db, "person", pid, name)
    return pid


def create_organization(db: sqlite_utils.Database, name: str, *, acronym: str | None = None) -> int:
    """Insert an organization (its acronym is also stored as an alias) and return its id."""
    cur = db.execute(
        "INSERT INTO organizations (name, acronym, name_key, created_at) VALUES (?, ?, ?, ?)",
        [name, acronym, fold(name), _now()],
    )
    oid = cur.lastrowid
    if compact_key(name) != fold(name):
        add_alias(db, "organization", oid, name)  # so "US ..." finds "U.S. ..." by alias_key
    if acronym:
        add_alias(db, "organization", oid, acronym)
    return oid


def create_initiative(
    db: sqlite_utils.Database, name: str, *, acronym: str | None = None, kind: str | None = None
) -> int:
    """Insert an initiative (its acronym is also stored as an alias) and return its id."""
    cur = db.execute(
        "INSERT INTO initiatives (name, acronym, kind, name_key, created_at) VALUES (?, ?, ?, ?, ?)",
        [name, acronym, kind, fold(name), _now()],
    )
    iid = cur.lastrowid
    if compact_key(name) != fold(name):
        add_alias(db, "initiative", iid, name)
    if acronym:
        add_alias(db, "initiative", iid, acronym)
    return iid


def _edited(db: sqlite_utils.Database, table: str, entity_id: int) -> tuple[dict, set[str]]:
    cur = db.execute(f"SELECT * FROM {table} WHERE id = ?", [entity_id])
    cols = [c[0] for c in cur.description]
    row = dict(zip(cols, cur.fetchone() or []))
    return row, {f.strip() for f in (row.get("user_edited") or "").split(",") if f.strip()}


def fill_missing(db: sqlite_utils.Database, entity_type: str, entity_id: int, fields: dict) -> list[str]:
    """Set each of `fields` that is NULL/empty on the row and not user-edited; returns those set."""
    table = TABLE_OF[entity_type]
    row, edited = _edited(db, table, entity_id)
    changes = {
        k: v for k, v in fields.items()
        if v and k in row and not row.get(k) and k not in edited
    }
    if changes:
        sets = ", ".join(f"[{k}] = ?" for k in changes)
        db.execute(f"UPDATE {table} SET {sets} WHERE id = ?", [*changes.values(), entity_id])
    return list(changes)


def upgrade_name(db: sqlite_utils.Database, entity_type: str, entity_id: int, long_name: str) -> bool:
    """Replace a short or acronym-only name by its long form (`BTI` -> `Binational Trade Institute`,
    `Globex` -> `Globex Logistics`), keeping the old one as an alias. Never touches an edited name."""
    table = TABLE_OF[entity_type]
    row, edited = _edited(db, table, entity_id)
    old = row.get("name") or ""
    if "name" in edited or not old or fold(old) == fold(long_name):
        return False
    short = old.isupper() and " " not in old or (
        len(old.split()) < len(long_name.split()) and fold(long_name).startswith(fold(old) + " ")
    )
    if not short:
        return False
    db.execute(f"UPDATE {table} SET name = ?, name_key = ? WHERE id = ?", [long_name, fold(long_name), entity_id])
    add_alias(db, entity_type, entity_id, old)
    if compact_key(long_name) != fold(long_name):
        add_alias(db, entity_type, entity_id, long_name)
    return True


def resolve_person(
    db: sqlite_utils.Database, name: str, *, aliases=(), title=None, email=None, phone=None
) -> tuple[int, bool]:
    """Find the person (by email, name or any alias) or create them; fill missing fields.

    Returns (id, created).
    """
    pid = find_person(db, name, email=email)
    for alias in aliases:
        if pid is None:
            pid = find_person(db, alias)
    if pid is None:
        return create_person(db, name, title=title, email=email, phone=phone), True
    if fold(name) != _name_key(db, "people", pid):
        add_alias(db, "person", pid, name)
    fill_missing(db, "person", pid, {"title": title, "email": email, "phone": phone})
    return pid, False


def _name_key(db: sqlite_utils.Database, table: str, entity_id: int) -> str:
    row = db.execute(f"SELECT name_key FROM {table} WHERE id = ?", [entity_id]).fetchone()
    return row[0] if row else ""


def resolve_organization(
    db: sqlite_utils.Database, name: str, *, aliases=(), acronym: str | None = None
) -> tuple[int, bool]:
    """Find the organization by name, acronym or alias, or create it. Returns (id, created)."""
    oid = find_organization(db, name)
    for other in ([acronym] if acronym else []) + list(aliases):
        if oid is None:
            oid = _by_keys(db, "organization", other)
    if oid is None:
        return create_organization(db, name, acronym=acronym), True
    upgrade_name(db, "organization", oid, name)
    if fold(name) != _name_key(db, "organizations", oid):
        add_alias(db, "organization", oid, name)
    if acronym:
        add_alias(db, "organization", oid, acronym)
        fill_missing(db, "organization", oid, {"acronym": acronym})
    return oid, False


def resolve_initiative(
    db: sqlite_utils.Database, name: str, *, aliases=(), acronym: str | None = None, kind: str | None = None
) -> tuple[int, bool]:
    """Find the initiative by name, acronym or alias, or create it. Returns (id, created)."""
    iid = find_initiative(db, name)
    for other in ([acronym] if acronym else []) + list(aliases):
        if iid is None:
            iid = find_initiative(db, other)
    if iid is None:
        return create_initiative(db, name, acronym=acronym, kind=kind), True
    if fold(name) != _name_key(db, "initiatives", iid):
        add_alias(db, "initiative", iid, name)
    if acronym:
        add_alias(db, "initiative", iid, acronym)
    fill_missing(db, "initiative", iid, {"acronym": acronym, "kind": kind})
    return iid, False
