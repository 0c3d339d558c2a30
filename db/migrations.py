"""Schema migrations: an ordered list of small functions, each recorded in `schema_migrations`.

A database made by an older release is upgraded on open, after a backup copy is written
next to it as `<name>.bak-<old version>`.
"""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

import sqlite_utils


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def m001_initial(db: sqlite_utils.Database) -> None:
    """People, organizations, initiatives, their relations, documents, mentions, notes, tags."""
    db.executescript(
        """
        CREATE TABLE people (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            title TEXT,
            email TEXT,
            phone TEXT,
            name_key TEXT NOT NULL DEFAULT '',
            user_edited TEXT NOT NULL DEFAULT '',
            created_at TEXT
        );
        CREATE INDEX idx_people_name_key ON people(name_key);
        CREATE INDEX idx_people_email ON people(email);

        CREATE TABLE organizations (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            acronym TEXT,
            name_key TEXT NOT NULL DEFAULT '',
            user_edited TEXT NOT NULL DEFAULT '',
            created_at TEXT
        );
        CREATE INDEX idx_organizations_name_key ON organizations(name_key);

        CREATE TABLE initiatives (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            acronym TEXT,
            kind TEXT,
            name_key TEXT NOT NULL DEFAULT '',
            user_edited TEXT NOT NULL DEFAULT '',
            created_at TEXT
        );
        CREATE INDEX idx_initiatives_name_key ON initiatives(name_key);

        CREATE TABLE aliases (
            entity_type TEXT NOT NULL CHECK (entity_type IN ('person', 'organization', 'initiative')),
            entity_id INTEGER NOT NULL,
            alias TEXT NOT NULL,
            alias_key TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (entity_type, entity_id, alias)
        );
        CREATE INDEX idx_aliases_key ON aliases(entity_type, alias_key);

        CREATE TABLE affiliations (
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            organization_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
            title TEXT,
            PRIMARY KEY (person_id, organization_id)
        );
        CREATE INDEX idx_affiliations_org ON affiliations(organization_id);

        CREATE TABLE memberships (
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            initiative_id INTEGER NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
            role TEXT,
            PRIMARY KEY (person_id, initiative_id)
        );
        CREATE INDEX idx_memberships_initiative ON memberships(initiative_id);

        CREATE TABLE initiative_organizations (
            initiative_id INTEGER NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
            organization_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
            role TEXT,
            PRIMARY KEY (initiative_id, organization_id)
        );
        CREATE INDEX idx_initiative_organizations_org ON initiative_organizations(organization_id);

        CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            path TEXT,
            sha256 TEXT NOT NULL UNIQUE,
            format TEXT,
            text TEXT NOT NULL DEFAULT '',
            imported_at TEXT NOT NULL
        );

        CREATE TABLE mentions (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            entity_type TEXT NOT NULL CHECK (entity_type IN ('person', 'organization', 'initiative')),
            entity_id INTEGER NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            sentence TEXT
        );
        CREATE INDEX idx_mentions_entity ON mentions(entity_type, entity_id);
        CREATE INDEX idx_mentions_document ON mentions(document_id);

        CREATE TABLE notes (
            id INTEGER PRIMARY KEY,
            entity_type TEXT NOT NULL CHECK (entity_type IN ('person', 'organization', 'initiative')),
            entity_id INTEGER NOT NULL,
            body TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX idx_notes_entity ON notes(entity_type, entity_id);

        CREATE TABLE tags (
            entity_type TEXT NOT NULL CHECK (entity_type IN ('person', 'organization', 'initiative')),
            entity_id INTEGER NOT NULL,
            tag TEXT NOT NULL,
            PRIMARY KEY (entity_type, entity_id, tag)
        );
        CREATE INDEX idx_tags_tag ON tags(tag);
        """
    )


def m002_search(db: sqlite_utils.Database) -> None:
    """Folded search keys (`search_keys`), their FTS5 word index (`search_words`), and the
    triggers that keep them in sync with people, organizations, initiatives and aliases."""
    from db.search_index import create_search_index

    create_search_index(db)


def m003_analysis(db: sqlite_utils.Database) -> None:
    """Assessments (influence, interest, stance; every one kept, dated) and the engagement log.

    `assessments` rows are never updated: the latest `assessed_at` (then `id`) is the current
    one, the others are its history. `interactions.date` and `follow_up_date` are ISO dates
    (`YYYY-MM-DD`, checked with SQLite's date()).
    """
    # Statement by statement: executescript() would COMMIT the migration's transaction first.
    for statement in _ANALYSIS_SCHEMA.split(";"):
        if statement.strip():
            db.execute(statement)


_ANALYSIS_SCHEMA = """
        CREATE TABLE IF NOT EXISTS assessments (
            id INTEGER PRIMARY KEY,
            entity_type TEXT NOT NULL CHECK (entity_type IN ('person', 'organization')),
            entity_id INTEGER NOT NULL,
            influence INTEGER NOT NULL CHECK (influence BETWEEN 1 AND 5),
            interest INTEGER NOT NULL CHECK (interest BETWEEN 1 AND 5),
            stance TEXT NOT NULL DEFAULT 'unknown'
                CHECK (stance IN ('supportive', 'neutral', 'opposed', 'unknown')),
            assessed_at TEXT NOT NULL,
            note TEXT
        );
        CREATE INDEX IF NOT EXISTS idx_assessments_entity
            ON assessments(entity_type, entity_id, assessed_at);

        CREATE TABLE IF NOT EXISTS interactions (
            id INTEGER PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('meeting', 'call', 'email', 'event')),
            date TEXT NOT NULL CHECK (date IS date(date)),
            summary TEXT NOT NULL DEFAULT '',
            follow_up_date TEXT CHECK (follow_up_date IS NULL OR follow_up_date IS date(follow_up_date)),
            done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
            created_at TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS idx_interactions_person ON interactions(person_id, date);
        CREATE INDEX IF NOT EXISTS idx_interactions_follow_up
            ON interactions(follow_up_date) WHERE follow_up_date IS NOT NULL AND done = 0;
"""


def m004_search_key_upkeep(db: sqlite_utils.Database) -> None:
    """Search keys that follow stored names whatever wrote them (`search_stale`, refreshed on
    open), the word vocabulary as a table kept by triggers (`search_vocabulary`), and an index
    for `email = ? COLLATE NOCASE` lookups. See `db.search_index`."""
    from db.search_index import upgrade_to_key_upkeep

    upgrade_to_key_upkeep(db)


def m005_initiative_organization_links(db: sqlite_utils.Database) -> None:
    """`initiative_organization_links`: which organizations are on which initiatives through
    their people, kept by triggers on memberships and affiliations (big groups' overlaps
    without walking every affiliation). See `db.network`."""
    from db.network import install_links

    install_links(db)


def m006_judgements(db: sqlite_utils.Database) -> None:
    """The user's judgements and the provenance of relations (see `db.judgements`), and the
    journal `undo` reads (see `db.journal`).

    - `affiliation_sources`, `membership_sources`, `partner_sources`: which document gave each
      relation (`document_id`), or `0` for the user (added by hand). Existing relations are
      credited to every document that mentions both of their ends.
    - `user_mentions`: the mentions the user marked by hand (kept by re-extraction).
    - `rejected_entities`: names (folded keys) of records the user rejected or deleted; never
      created again by an import or a re-extraction.
    - `rejected_relations`: affiliations / memberships / partners the user rejected.
    - `entity_redirects`: a name of a given type the user renamed or retyped, and the record it
      now belongs to.
    - `mention_assignments`: spans the user split off to another record.
    - `journal`: every correction with what undoes it.
    """
    for statement in _JUDGEMENT_SCHEMA.split(";"):
        if statement.strip():
            db.execute(statement)
    for sources, table, (a, a_type), (b, b_type) in (
        ("affiliation_sources", "affiliations", ("person_id", "person"), ("organization_id", "organization")),
        ("membership_sources", "memberships", ("person_id", "person"), ("initiative_id", "initiative")),
        ("partner_sources", "initiative_organizations", ("initiative_id", "initiative"),
         ("organization_id", "organization")),
    ):
        db.execute(
            f"INSERT OR IGNORE INTO {sources} ({a}, {b}, document_id)"
            f" SELECT DISTINCT r.{a}, r.{b}, ma.document_id FROM {table} r"
            f" JOIN mentions ma ON ma.entity_type = '{a_type}' AND ma.entity_id = r.{a}"
            f" JOIN mentions mb ON mb.entity_type = '{b_type}' AND mb.entity_id = r.{b}"
            " AND mb.document_id = ma.document_id"
        )


_JUDGEMENT_SCHEMA = """
        CREATE TABLE IF NOT EXISTS affiliation_sources (
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            organization_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
            document_id INTEGER NOT NULL,
            PRIMARY KEY (person_id, organization_id, document_id)
        );
        CREATE INDEX IF NOT EXISTS idx_affiliation_sources_org ON affiliation_sources(organization_id);
        CREATE INDEX IF NOT EXISTS idx_affiliation_sources_document ON affiliation_sources(document_id);
        CREATE TABLE IF NOT EXISTS membership_sources (
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            initiative_id INTEGER NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
            document_id INTEGER NOT NULL,
            PRIMARY KEY (person_id, initiative_id, document_id)
        );
        CREATE INDEX IF NOT EXISTS idx_membership_sources_initiative ON membership_sources(initiative_id);
        CREATE INDEX IF NOT EXISTS idx_membership_sources_document ON membership_sources(document_id);
        CREATE TABLE IF NOT EXISTS partner_sources (
            initiative_id INTEGER NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
            organization_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
            document_id INTEGER NOT NULL,
            PRIMARY KEY (initiative_id, organization_id, document_id)
        );
        CREATE INDEX IF NOT EXISTS idx_partner_sources_org ON partner_sources(organization_id);
        CREATE INDEX IF NOT EXISTS idx_partner_sources_document ON partner_sources(document_id);
        CREATE TABLE IF NOT EXISTS user_mentions (
            mention_id INTEGER PRIMARY KEY REFERENCES mentions(id) ON DELETE CASCADE
        );
        CREATE TABLE IF NOT EXISTS rejected_entities (
            entity_type TEXT NOT NULL CHECK (entity_type IN ('person', 'organization', 'initiative')),
            name_key TEXT NOT NULL,
            name TEXT NOT NULL,
            verdict TEXT NOT NULL CHECK (verdict IN ('rejected', 'deleted')),
            created_at TEXT NOT NULL,
            PRIMARY KEY (entity_type, name_key)
        );
        CREATE TABLE IF NOT EXISTS rejected_relations (
            kind TEXT NOT NULL CHECK (kind IN ('affiliation', 'membership', 'partner')),
            first_key TEXT NOT NULL,
            second_key TEXT NOT NULL,
            first_id INTEGER,
            second_id INTEGER,
            created_at TEXT NOT NULL,
            PRIMARY KEY (kind, first_key, second_key)
        );
        CREATE INDEX IF NOT EXISTS idx_rejected_relations_ids ON rejected_relations(kind, first_id, second_id);
        CREATE TABLE IF NOT EXISTS entity_redirects (
            from_type TEXT NOT NULL CHECK (from_type IN ('person', 'organization', 'initiative')),
            from_key TEXT NOT NULL,
            to_type TEXT NOT NULL CHECK (to_type IN ('person', 'organization', 'initiative')),
            to_id INTEGER,
            to_name TEXT NOT NULL,
            reason TEXT NOT NULL CHECK (reason IN ('rename', 'retype')),
            created_at TEXT NOT NULL,
            PRIMARY KEY (from_type, from_key)
        );
        CREATE INDEX IF NOT EXISTS idx_entity_redirects_target ON entity_redirects(to_type, to_id);
        CREATE TABLE IF NOT EXISTS mention_assignments (
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            entity_type TEXT NOT NULL CHECK (entity_type IN ('person', 'organization', 'initiative')),
            entity_id INTEGER NOT NULL,
            created_at TEXT NOT NULL,
            PRIMARY KEY (document_id, start, "end")
        );
        CREATE INDEX IF NOT EXISTS idx_mention_assignments_entity ON mention_assignments(entity_type, entity_id);
        CREATE TABLE IF NOT EXISTS journal (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            action TEXT NOT NULL,
            description TEXT NOT NULL,
            changes TEXT NOT NULL,
            undone_at TEXT
        )
"""


def m007_document_title_date(db: sqlite_utils.Database) -> None:
    """`documents.title` (the headline or first heading) and `documents.date` (ISO date stated
    in the text, else the import day), filled for the documents already there. See
    `db.document_meta`."""
    from db.documents import fill_document_meta

    db.execute("ALTER TABLE documents ADD COLUMN title TEXT")
    db.execute("ALTER TABLE documents ADD COLUMN date TEXT")
    db.execute("CREATE INDEX IF NOT EXISTS idx_documents_date ON documents(date, id)")
    fill_document_meta(db)


def m008_not_same(db: sqlite_utils.Database) -> None:
    """`not_same`: pairs of records the user judged to be two entities ("not the same"), never
    suggested as possible duplicates again. See `db.duplicates` and README.

    Each pair is stored both ways, keyed like other entity tables (entity_type, entity_id), so
    `merge_entities` moves it with a merged record; triggers repoint the mirror row, keep the
    folded names (`entity_key`, `other_key`: the records' name_key) current through merges and
    renames, and on a delete keep the row with the id negated: a judgement also holds by name,
    for a record re-created from the same name (re-extraction)."""
    for statement in _NOT_SAME_SCHEMA:  # one by one: executescript() would COMMIT first
        db.execute(statement)


_KEY_OF = (  # the name_key of record `{id}` of type `{type}` (NULL when there is none)
    "(SELECT COALESCE(NULLIF(name_key, ''), lower(name)) FROM people WHERE {type} = 'person' AND id = {id}"
    " UNION ALL SELECT COALESCE(NULLIF(name_key, ''), lower(name)) FROM organizations"
    " WHERE {type} = 'organization' AND id = {id}"
    " UNION ALL SELECT COALESCE(NULLIF(name_key, ''), lower(name)) FROM initiatives"
    " WHERE {type} = 'initiative' AND id = {id})"
)
_ENTITY_TABLES = (("person", "people"), ("organization", "organizations"), ("initiative", "initiatives"))
_NOT_SAME_SCHEMA = [
    """CREATE TABLE IF NOT EXISTS not_same (
        entity_type TEXT NOT NULL CHECK (entity_type IN ('person', 'organization', 'initiative')),
        entity_id INTEGER NOT NULL,
        other_id INTEGER NOT NULL,
        entity_key TEXT NOT NULL DEFAULT '',
        other_key TEXT NOT NULL DEFAULT '',
        decided_at TEXT,
        PRIMARY KEY (entity_type, entity_id, other_id),
        CHECK (entity_id <> other_id)
    )""",
    "CREATE INDEX IF NOT EXISTS idx_not_same_other ON not_same(entity_type, other_id)",
    # a row moved to another record (merge_entities) or negated (a delete): the mirror follows,
    # and both keys name the records they now point at (kept as they were for a negated id)
    f"""CREATE TRIGGER IF NOT EXISTS not_same_follows_merge AFTER UPDATE OF entity_id ON not_same
    WHEN NEW.entity_id <> OLD.entity_id BEGIN
        UPDATE not_same SET entity_key = COALESCE({_KEY_OF.format(type="NEW.entity_type", id="NEW.entity_id")},
                                                  entity_key)
        WHERE entity_type = NEW.entity_type AND entity_id = NEW.entity_id AND other_id = NEW.other_id;
        UPDATE OR IGNORE not_same SET other_id = NEW.entity_id,
            other_key = COALESCE({_KEY_OF.format(type="NEW.entity_type", id="NEW.entity_id")}, other_key)
        WHERE entity_type = NEW.entity_type AND entity_id = NEW.other_id AND other_id = OLD.entity_id;
    END""",
    *(
        f"""CREATE TRIGGER IF NOT EXISTS not_same_{etype}_deleted AFTER DELETE ON {table} BEGIN
        UPDATE OR REPLACE not_same SET entity_id = -entity_id WHERE entity_type = '{etype}' AND entity_id = OLD.id;
        UPDATE OR REPLACE not_same SET other_id = -other_id WHERE entity_type = '{etype}' AND other_id = OLD.id;
    END"""
        for etype, table in _ENTITY_TABLES
    ),
    *(
        f"""CREATE TRIGGER IF NOT EXISTS not_same_{etype}_renamed AFTER UPDATE OF name, name_key ON {table} BEGIN
        UPDATE not_same SET entity_key = COALESCE(NULLIF(NEW.name_key, ''), lower(NEW.name))
        WHERE entity_type = '{etype}' AND entity_id = NEW.id;
        UPDATE not_same SET other_key = COALESCE(NULLIF(NEW.name_key, ''), lower(NEW.name))
        WHERE entity_type = '{etype}' AND other_id = NEW.id;
    END"""
        for etype, table in _ENTITY_TABLES
    ),
]


def m009_fts_content_declaration(db: sqlite_utils.Database) -> None:
    """`search_words` declared with content="search_keys" (double quotes), so sqlite-utils'
    detect_fts() and Datasette's `_search=` find it; the index is rebuilt. See `db.search_index`."""
    from db.search_index import redeclare_fts

    redeclare_fts(db)


def m010_interaction_initiative(db: sqlite_utils.Database) -> None:
    """`interactions.initiative_id`: the initiative an interaction was about (optional). A
    merged initiative's interactions follow it (a foreign key, moved by `db.merge`); a deleted
    one leaves them with none (ON DELETE SET NULL), never deletes them."""
    columns = [r[1] for r in db.execute("PRAGMA table_info(interactions)").fetchall()]
    if "initiative_id" not in columns:
        db.execute("ALTER TABLE interactions ADD COLUMN initiative_id INTEGER REFERENCES initiatives(id) ON DELETE SET NULL")
    db.execute("CREATE INDEX IF NOT EXISTS idx_interactions_initiative ON interactions(initiative_id)"
               " WHERE initiative_id IS NOT NULL")


def m011_deferred_search_upkeep(db: sqlite_utils.Database) -> None:
    """`search_deferred` and `search_pending`, and the `search_keys` triggers that read them: an
    import indexes a document's new keys (FTS rows, vocabulary) together at the end of the
    document's transaction instead of one by one. Every other writer is unchanged. See
    `db.search_index.deferred_upkeep`."""
    from db.search_index import install_deferred_upkeep

    install_deferred_upkeep(db)


MIGRATIONS: list[tuple[int, Callable[[sqlite_utils.Database], None]]] = [
    (1, m001_initial),
    (2, m002_search),
    (3, m003_analysis),
    (4, m004_search_key_upkeep),
    (5, m005_initiative_organization_links),
    (6, m006_judgements),
    (7, m007_document_title_date),
    (8, m008_not_same),
    (9, m009_fts_content_declaration),
    (10, m010_interaction_initiative),
    (11, m011_deferred_search_upkeep),
]
LATEST_VERSION = MIGRATIONS[-1][0]


def current_version(db: sqlite_utils.Database) -> int:
    """The highest migration recorded in the database (0 for a new one)."""
    if "schema_migrations" not in db.table_names():
        return 0
    row = db.execute("SELECT MAX(version) FROM schema_migrations").fetchone()
    return row[0] or 0


def _database_file(db: sqlite_utils.Database) -> Path | None:
    row = db.execute("PRAGMA database_list").fetchone()
    return Path(row[2]) if row and row[2] else None


def backup_database(db: sqlite_utils.Database, version: int) -> Path | None:
    """Copy the database file (via SQLite's backup API, so WAL content is included) to
    `<file>.bak-<version>` and return that path."""
    source = _database_file(db)
    if source is None:
        return None
    target = source.with_name(f"{source.name}.bak-{version}")
    dest = sqlite3.connect(str(target))
    try:
        db.conn.backup(dest)
    finally:
        dest.close()
    return target


def migrate(
    db: sqlite_utils.Database, on_create: Callable[[sqlite_utils.Database], None] | None = None
) -> list[int]:
    """Apply every migration newer than the database's version; return the versions applied.

    `on_create(db)` runs for a database that had no schema yet, inside the first migration's
    transaction: what it writes is there exactly when the schema is (a run killed before then
    leaves a database the next open treats as new again)."""
    if "schema_migrations" not in db.table_names():
        db.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations ("
            "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
        )
    version = current_version(db)
    pending = [(v, fn) for v, fn in MIGRATIONS if v > version]
    if not pending:
        return []
    if version > 0:
        backup_database(db, version)
    from db.connection import write_transaction

    applied = []
    for v, fn in pending:
        with write_transaction(db):
            if current_version(db) >= v:  # another process migrated meanwhile
                continue
            if version == 0 and on_create is not None and current_version(db) == 0:
                on_create(db)
            fn(db)
            db.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                [v, fn.__name__, _now()],
            )
        applied.append(v)
    return applied
