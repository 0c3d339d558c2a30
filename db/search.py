"""Fuzzy search over people, organizations and initiatives: one engine for the CLI and the app.

How a query is answered (keys are folded once, on write; see `db.search_index`):

1. the query is folded (accents, case, punctuation) and split into tokens;
2. candidate keys come from the FTS5 word index, best tier first; a tier only runs when the
   better ones found fewer than `limit` entities (a worse tier can never outrank a better one):
   exact   - keys holding every query token as a whole word;
   prefix  - keys holding every query token as a word or the start of one;
   fuzzy   - each query token may also be any indexed word within a typo or two of it
             (rapidfuzz over the index's vocabulary of distinct words): first keys matching
             every token that way, then keys matching any of them;
3. every candidate key is scored by `db.search_rank.score_key` (rapidfuzz), an entity takes
   the best score over its name, aliases and acronym, and ties break on the matched key, then id.

Only the vocabulary of distinct words is held in memory (loaded when a query first needs it,
reloaded when the database changes); nothing reads every row, so a query at 1M people costs
little more than at 1k.
"""

from __future__ import annotations

import bisect
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils
from rapidfuzz import fuzz, process

from db.search_index import stale_entities
from db.search_rank import EXACT, FUZZY, FUZZY_CUTOFF, PREFIX, score_key
from db.textnorm import compact_key, fold

ENTITY_TYPES = ("person", "organization", "initiative")
_TABLES = {"person": "people", "organization": "organizations", "initiative": "initiatives"}
_TYPE_ORDER = {t: i for i, t in enumerate(ENTITY_TYPES)}

CANDIDATES = 1000  # keys read and scored per tier, at most
LOOSE_CANDIDATES = 300  # ... for the last tier (any query word matches): a fallback only
SPELLINGS = 8  # indexed words tried in place of each query token (typo tolerance)
SIMILARITY_BANDS = (90.0, 80.0, FUZZY_CUTOFF)  # typo tiers: closest spellings first
LOOSE_TIER = 2 + len(SIMILARITY_BANDS)  # index of the last tier (any query word matches)
MAX_TOKENS = 8  # words of a query that count (a pasted paragraph stays fast)
PREFIX_WORDS = 24  # a prefix matching at most this many indexed words is queried as those words


@dataclass(frozen=True)
class SearchHit:
    """One ranked result."""

    type: str  # "person", "organization" or "initiative"
    id: int
    name: str
    score: float  # 0-100, higher is better
    detail: str = ""  # a person's title / main organization; an acronym; ...
    match: str = ""  # why it matched, e.g. "exact name", "prefix alias", "fuzzy name"


def query_tokens(query: str) -> list[str]:
    """The folded tokens of a query, as they are matched against stored keys."""
    return fold(query).split()[:MAX_TOKENS]


def query_variants(query: str) -> list[list[str]]:
    """The query's folded tokens, plus the variant with dotted acronyms joined ('U.S.' -> 'us')
    when it differs: names are stored folded (`u s`), aliases compacted (`us`)."""
    variants = [query_tokens(query)]
    compact = compact_key(query).split()[:MAX_TOKENS]
    if compact and compact != variants[0]:
        variants.append(compact)
    return variants


def _fts_phrase(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


class SearchEngine:
    """Runs searches on one connection; keep one per thread (the app keeps one in its worker).

    Results of recent queries are cached and the cache is dropped whenever the database changes
    (`PRAGMA data_version` for other connections, `total_changes` for this one), so typing
    back and forth is instant and never shows stale data.
    """

    CACHE_SIZE = 256

    def __init__(self, db: sqlite_utils.Database | str | Path):
        if not isinstance(db, sqlite_utils.Database):
            from db.connection import open_db

            db = open_db(db)
        self.db = db
        self._cache: dict[tuple, list[SearchHit]] = {}
        self._version: tuple[int, int] | None = None
        self._vocabulary: list[str] | None = None
        self._vocabulary_mark: tuple | None = None  # `_keys_mark()` when it was loaded
        self._stale: set[tuple[str, int]] = set()  # entities whose stored keys lag their names

    def _data_version(self) -> tuple[int, int]:
        return self.db.execute("PRAGMA data_version").fetchone()[0], self.db.conn.total_changes

    def search(
        self, query: str, *, limit: int = 20, types: tuple[str, ...] | list[str] | None = None
    ) -> list[SearchHit]:
        """Best matches for `query`, best first; [] for an empty query or no match."""
        return self._ranked(query, limit, types, describe=True)

    def search_ids(
        self, query: str, *, limit: int = 20, types: tuple[str, ...] | list[str] | None = None
    ) -> list[tuple[str, int]]:
        """(type, id) of the best matches, ranked as `search` ranks them, without reading each
        one's name and detail (`export --query` keeps up to 1,000 ids: ~10 ms less at 1M people)."""
        return self._ranked(query, limit, types, describe=False)

    def _ranked(self, query: str, limit: int, types, describe: bool) -> list:
        variants = query_variants(query)
        if not variants[0] or limit <= 0:
            return []
        wanted = tuple(t for t in ENTITY_TYPES if t in (types or ENTITY_TYPES))
        version = self._data_version()
        if version != self._version:
            self._cache.clear()
            if self._vocabulary is not None and self._keys_mark() != self._vocabulary_mark:
                self._vocabulary = None  # keys were added or changed (a note or a tag changes none)
            self._stale = stale_entities(self.db)
            self._version = version
        cache_key = (tuple(map(tuple, variants)), limit, wanted, describe)
        if cache_key not in self._cache:
            if len(self._cache) >= self.CACHE_SIZE:
                self._cache.clear()
            ranked = self._search(variants, limit, wanted)
            self._cache[cache_key] = self._hits(ranked) if describe else [ref for ref, _ in ranked]
        return list(self._cache[cache_key])

    def _search(self, variants: list[list[str]], limit: int, types: tuple[str, ...]) -> list:
        """The best `limit` ((type, id), (score, key, why)), best first."""
        best: dict[tuple[str, int], tuple[float, str, str]] = {}  # (type, id) -> (score, key, why)
        seen_keys: set[int] = set()

        def consider(match: str, cap: int) -> None:
            # `+k.entity_type`: the type is a filter on the full-text matches, never an index to
            # walk (with one type, SQLite would otherwise test every key of that type against
            # the match, row by row: seconds at 100k people).
            rows = self.db.execute(
                "SELECT k.id, k.entity_type, k.entity_id, k.kind, k.key FROM search_words w"
                " JOIN search_keys k ON k.id = w.rowid"
                f" WHERE search_words MATCH ? AND +k.entity_type IN ({','.join('?' * len(types))}) LIMIT ?",
                [match, *types, cap + len(seen_keys)],  # keys read by earlier tiers come again
            )
            stale = self._stale
            for key_id, etype, eid, kind, key in rows:
                if key_id in seen_keys:
                    continue
                seen_keys.add(key_id)
                if stale and (etype, eid) in stale:
                    key = fold(key)  # written by another tool, not refreshed yet (db.search_index)
                score, level = max(score_key(qtokens, key) for qtokens in variants)
                if score <= 0:
                    continue
                current = best.get((etype, eid))
                if current is None or (-score, key) < (-current[0], current[1]):
                    best[(etype, eid)] = (score, key, f"{level} {kind}")

        # Tiers are generated lazily: the fuzzy ones need the vocabulary, often not at all.
        for i, tier in enumerate(zip(*(self._tiers(qtokens) for qtokens in variants))):
            if any(tier):
                consider(" OR ".join(f"({t})" for t in tier if t), CANDIDATES if i < LOOSE_TIER else LOOSE_CANDIDATES)
            if len(best) >= limit:
                break
        # Ties break on the matched key (nearly alphabetical), then type and id: stable.
        ranked = sorted(best.items(), key=lambda it: (-it[1][0], it[1][1], _TYPE_ORDER[it[0][0]], it[0][1]))
        return ranked[:limit]

    def _tiers(self, qtokens: list[str]):
        """FTS5 queries for each candidate tier, best first (None for a tier that adds nothing).

        The typo tiers come in bands of similarity (SIMILARITY_BANDS): first the keys whose words
        are all close spellings of the query's, then the keys that need looser ones. Each band
        reads at most CANDIDATES new keys, so a common word that is only a loose
        spelling (`wright` for `wainright`: thousands of keys at 1M people) can never crowd out a
        close one (`wainwright`) that happens to come later in table order."""
        # Each tier matches every key an earlier one did (they are skipped, but read: the
        # caller's LIMIT makes room for them; an FTS5 NOT would cost more than reading them).
        yield " AND ".join(_fts_phrase(q) for q in qtokens)
        previous = " AND ".join(self._prefix(q) for q in qtokens)
        yield previous
        scored = []
        for q in qtokens:
            spellings = self.scored_spellings(q)  # loads the vocabulary, which _prefix uses
            scored.append([(self._prefix(q), 100.0)] + [(_fts_phrase(w), s) for w, s in spellings if w != q])
        for band in SIMILARITY_BANDS:
            groups = [[t for t, s in terms if s >= band] for terms in scored]
            query = " AND ".join("(" + " OR ".join(g) + ")" for g in groups)
            if all(len(g) == 1 for g in groups) or query == previous:
                yield None  # no spelling this close: the prefix tier again
                continue
            yield query
            previous = query
        yield " OR ".join("(" + " OR ".join(t for t, _ in terms) + ")" for terms in scored) if len(scored) > 1 else None

    def _prefix(self, token: str) -> str:
        """An FTS5 term for the words starting with `token`: `"tok"*`, or, once the vocabulary
        is loaded and few words start so, those words (`("jose" OR "josefa")`). FTS5 reads every
        row of a long prefix before the first match; whole words it reads lazily, so an AND
        with a rare word or a LIMIT stops early (10 ms -> 1 ms at 1M people)."""
        vocabulary = self._vocabulary
        if vocabulary is not None:
            start = bisect.bisect_left(vocabulary, token)
            end = bisect.bisect_left(vocabulary, token + "\U0010ffff", start, min(len(vocabulary), start + PREFIX_WORDS + 1))
            if 0 < end - start <= PREFIX_WORDS:
                words = vocabulary[start:end]
                return _fts_phrase(words[0]) if len(words) == 1 else "(" + " OR ".join(map(_fts_phrase, words)) + ")"
        return _fts_phrase(token) + "*"

    def spellings(self, token: str) -> list[str]:
        """Indexed words within a typo or two of `token`, closest first (none for short tokens)."""
        return [word for word, _score in self.scored_spellings(token)]

    def scored_spellings(self, token: str) -> list[tuple[str, float]]:
        """(word, similarity 0-100) of the indexed words closest to `token`, closest first."""
        if len(token) < 3:
            return []
        if self._vocabulary is None:
            self._vocabulary_mark = self._keys_mark()
            self._vocabulary = self._load_vocabulary()
        found = process.extract(
            token, self._vocabulary, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=SPELLINGS
        )
        return [(word, score) for word, score, _index in found]

    def _keys_mark(self) -> tuple:
        """The newest search key (id and text): a new word only arrives with a new key, and a new
        key is the newest one (or reuses the newest id with another text), so the vocabulary
        needs reading again only when this changes. Deleted keys may leave unused words: harmless."""
        return tuple(self.db.execute("SELECT id, key FROM search_keys WHERE id = (SELECT max(id) FROM search_keys)").fetchone() or ())

    def _load_vocabulary(self) -> list[str]:
        """Every distinct word of the stored keys, sorted: the `search_vocabulary` table the
        triggers keep (FTS5's own vocabulary on a database older than schema 4)."""
        try:
            # Only words FTS5 reads as one token: a stale key's lower(name) may hold 'o'brien'.
            return [row[0] for row in self.db.execute("SELECT word FROM search_vocabulary") if row[0].isalnum()]
        except sqlite3.OperationalError:
            self.db.execute(
                "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_words_vocab"
                " USING fts5vocab(main, 'search_words', 'row')"
            )
            return [row[0] for row in self.db.execute("SELECT term FROM temp.search_words_vocab")]

    def _hits(self, ranked: list) -> list[SearchHit]:
        hits = []
        for (etype, eid), (score, _key, why) in ranked:
            row = self._describe(etype, eid)
            if row is not None:
                hits.append(SearchHit(etype, eid, row[0], score, row[1], why))
        return hits

    def _describe(self, etype: str, eid: int) -> tuple[str, str] | None:
        """(name, detail) of an entity: a person's title and main organization; an acronym."""
        if etype == "person":
            row = self.db.execute(
                "SELECT p.name, p.title, (SELECT COALESCE(a.title, '') || char(31) || o.name"
                " FROM affiliations a JOIN organizations o ON o.id = a.organization_id"
                " WHERE a.person_id = p.id ORDER BY a.rowid LIMIT 1) FROM people p WHERE p.id = ?",
                [eid],
            ).fetchone()
            if row is None:
                return None
            aff_title, _, org = (row[2] or "").partition("\x1f")
            title = row[1] or aff_title
            return row[0], ", ".join(part for part in (title, org) if part)
        row = self.db.execute(f"SELECT name, acronym FROM {_TABLES[etype]} WHERE id = ?", [eid]).fetchone()
        if row is None:
            return None
        return row[0], row[1] or ""


def search(
    db: sqlite_utils.Database, query: str, *, limit: int = 20, types: tuple[str, ...] | None = None
) -> list[SearchHit]:
    """Best matches for `query`, best first. An empty query returns [].

    Reuses one `SearchEngine` per open database, so repeated calls share its caches."""
    engine = getattr(db, "_search_engine", None)
    if engine is None:
        engine = db._search_engine = SearchEngine(db)
    return engine.search(query, limit=limit, types=types)


def search_ids(
    db: sqlite_utils.Database, query: str, *, limit: int = 20, types: tuple[str, ...] | None = None
) -> list[tuple[str, int]]:
    """(type, id) of the best matches for `query`, best first, as `search` ranks them (the same
    per-database engine), without their names and details."""
    engine = getattr(db, "_search_engine", None)
    if engine is None:
        engine = db._search_engine = SearchEngine(db)
    return engine.search_ids(query, limit=limit, types=types)


__all__ = ["SearchHit", "SearchEngine", "search", "search_ids", "query_tokens", "ENTITY_TYPES", "EXACT", "PREFIX", "FUZZY"]
