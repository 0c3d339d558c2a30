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

import contextlib
import functools
import re
from datetime import datetime, timezone
from typing import Iterator

import sqlite_utils

from db.extract.core import compact_key, fold  # cached versions of db.textnorm's keys

TABLE_OF = {"person": "people", "organization": "organizations", "initiative": "initiatives"}
_TYPE_OF = {table: etype for etype, table in TABLE_OF.items()}


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _first(db: sqlite_utils.Database, sql: str, params: list) -> int | None:
    row = db.execute(sql, params).fetchone()
    return row[0] if row else None


class _KeyCache:
    """The name and alias keys of one entity type that a document's write will look up, read in
    two queries up front instead of two per entity, and kept current by this module's writes.

    Valid only inside the write transaction it was made in (no other connection can write then);
    `prefetched_keys` installs it for that span. A key that was not read up front is looked up
    in the database as usual."""

    def __init__(self, db: sqlite_utils.Database, entity_type: str, keys: set[str]) -> None:
        table = TABLE_OF[entity_type]
        self.keys = {k for k in keys if k}
        self.by_name: dict[str, int] = {}  # name_key -> lowest id holding it
        self.by_alias: dict[str, int] = {}  # alias_key -> lowest id of an existing entity holding it
        self.name_key_of: dict[int, str] = {}  # id -> name_key, of the ids found or created here
        ordered = sorted(self.keys)
        for n in range(0, len(ordered), 400):
            chunk = ordered[n : n + 400]
            marks = ",".join("?" * len(chunk))
            for key, eid in db.execute(
                f"SELECT name_key, min(id) FROM {table} WHERE name_key IN ({marks}) GROUP BY name_key", chunk
            ):
                self.by_name[key] = eid
                self.name_key_of[eid] = key
            for key, eid in db.execute(
                f"SELECT a.alias_key, min(a.entity_id) FROM aliases a JOIN {table} t ON t.id = a.entity_id"
                f" WHERE a.entity_type = ? AND a.alias_key IN ({marks}) GROUP BY a.alias_key",
                [entity_type, *chunk],
            ):
                self.by_alias[key] = eid

    def find(self, keys: list[str]) -> tuple[bool, int | None]:
        """(answered, id): what `_by_keys` would find, when every key was read up front."""
        if not all(k in self.keys for k in keys):
            return False, None
        ids = [self.by_name[k] for k in keys if k in self.by_name]
        if not ids:
            ids = [self.by_alias[k] for k in keys if k in self.by_alias]
        return True, (min(ids) if ids else None)

    def named(self, entity_id: int, name_key: str) -> None:
        """A new entity holds `name_key` (its id is higher than every other)."""
        self.name_key_of[entity_id] = name_key
        if name_key in self.keys:
            self.by_name.setdefault(name_key, entity_id)

    def aliased(self, entity_id: int, alias_key: str) -> None:
        """A new alias row of an existing entity holds `alias_key`."""
        if alias_key in self.keys:
            self.by_alias[alias_key] = min(self.by_alias.get(alias_key, entity_id), entity_id)


_CACHE_ATTR = "_stakeholders_key_cache"


def _cache(db: sqlite_utils.Database, entity_type: str) -> _KeyCache | None:
    caches = getattr(db, _CACHE_ATTR, None)
    return caches.get(entity_type) if caches else None


@contextlib.contextmanager
def prefetched_keys(db: sqlite_utils.Database, entity_type: str, names) -> Iterator[None]:
    """Inside one write transaction: look up the keys of `names` (and of their forms without a
    courtesy title) in two queries, and answer this module's lookups of them from memory until
    the block ends. Renaming an entity of the type in the block drops the cache."""
    keys: set[str] = set()
    for name in names:
        for form in {name, _without_courtesy(name)}:
            keys.update((fold(form), compact_key(form)))
    caches = getattr(db, _CACHE_ATTR, None)
    if caches is None:
        caches = {}
        setattr(db, _CACHE_ATTR, caches)
    caches[entity_type] = _KeyCache(db, entity_type, keys)
    try:
        yield
    finally:
        caches.pop(entity_type, None)


def _by_keys(db: sqlite_utils.Database, entity_type: str, name: str) -> int | None:
    """Exact match on name_key (folded or compact spelling), then on an alias."""
    table = TABLE_OF[entity_type]
    keys = list(dict.fromkeys([fold(name), compact_key(name)]))
    keys = [k for k in keys if k]
    if not keys:
        return None
    cache = _cache(db, entity_type)
    if cache is not None:
        answered, found = cache.find(keys)
        if answered:
            return found
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


@functools.lru_cache(maxsize=1 << 14)  # every name of every document is looked up with and without it
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
    cache = _cache(db, entity_type)
    name_key = cache.name_key_of.get(entity_id) if cache is not None else None
    if name_key is None:
        row = db.execute(f"SELECT name_key FROM {TABLE_OF[entity_type]} WHERE id = ?", [entity_id]).fetchone()
        if row is None:
            return False
        name_key = row[0]
    if name_key == fold(alias) and compact_key(alias) == name_key:
        return False
    cur = db.execute(
        "INSERT OR IGNORE INTO aliases (entity_type, entity_id, alias, alias_key) VALUES (?, ?, ?, ?)",
        [entity_type, entity_id, alias, compact_key(alias)],
    )
    if cur.rowcount > 0 and cache is not None:
        cache.aliased(entity_id, compact_key(alias))
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
    if (cache := _cache(db, "person")) is not None:
        cache.named(pid, fold(name))
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
    if not any(fields.values()):
        return []  # nothing to fill: no need to read the row
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
    getattr(db, _CACHE_ATTR, {}).pop(entity_type, None)  # a renamed entity: its keys are read again
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
    cache = _cache(db, _TYPE_OF[table])
    if cache is not None and entity_id in cache.name_key_of:
        return cache.name_key_of[entity_id]
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
