"""Possible duplicates: pairs of records whose names are close but which are not the same record.

Names are compared folded (`db.textnorm`: accents, case and punctuation ignored) and as words,
the way near-duplicates of this genre differ:

- the same name written with or without accents, dots or a parenthesised acronym
  (`Secretaría de Economía` / `Secretaria de Economia (SE)`);
- the same words in another order;
- particles dropped (`María de la Luz Garza` / `Maria Luz Garza`);
- one word more on one side: a middle initial, a second given name, a second surname
  (`Ana Ruiz Peña` / `Ana Ruiz`), never one different word on each side
  (`Ana Ruiz Peña` / `Ana Ruiz Soto` are two people);
- a short form of the given name (`Jon` / `Jonathan`, `Bill` / `William`);
- one misspelt word (one or two edits), never a gendered pair (`Mario` / `María`) nor a word
  that is the start of the other (`Martin` / `Martinez`).

Finding them scales by blocking: exact keys (the words, the sorted words, the words less one)
are joined through dictionaries, and only the spelling variants are scored with rapidfuzz
(`process.cdist` with `fuzz.ratio`) inside small blocks (same last word and same first two
letters, or same first word and same initial of the last). Nothing compares every record with
every other, so 100,000 people take a few seconds.

Pairs the user judged distinct (`mark_not_same`, table `not_same`) are never suggested again;
the table is kept through merges by its triggers (see migration m008).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timezone

import sqlite_utils
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from db.connection import write_transaction
from db.textnorm import compact_key, fold

TABLE_OF = {"person": "people", "organization": "organizations"}
TYPES = tuple(TABLE_OF)

# Words that carry no identity when comparing names (folded).
_PERSON_SKIP = frozenset(
    "de del la las los y da das do dos di du van von der den le mr mrs ms miss dr dra lic ing mtro mtra"
    " arq prof sen rep hon amb gov sr sra srta jr ii iii iv phd don dona".split()
)
_ORG_SKIP = frozenset(
    "de del la las los el y e the of for and en para a an inc llc ltd corp corporation co sa cv sab sapi"
    " rl srl s a c v ac sc plc gmbh ag".split()
)
# Short forms of given names (folded): each maps to the forms it stands for.
_SHORT_FORMS = {
    "bill": ("william",), "will": ("william",), "liam": ("william",), "bob": ("robert",), "rob": ("robert",),
    "bobby": ("robert",), "jim": ("james",), "jimmy": ("james",), "jamie": ("james",), "mike": ("michael",),
    "dick": ("richard",), "rick": ("richard",), "rich": ("richard",), "tom": ("thomas",), "tony": ("anthony",),
    "dave": ("david",), "dan": ("daniel",), "danny": ("daniel",), "steve": ("steven", "stephen"),
    "chris": ("christopher", "christina", "christine"), "kate": ("katherine", "catherine", "kathryn"),
    "kathy": ("katherine", "kathryn"), "cathy": ("catherine",), "liz": ("elizabeth",), "beth": ("elizabeth",),
    "betty": ("elizabeth",), "peggy": ("margaret",), "meg": ("margaret",), "maggie": ("margaret",),
    "sue": ("susan",), "jen": ("jennifer",), "jenny": ("jennifer",), "ted": ("edward", "theodore"),
    "ed": ("edward",), "ned": ("edward",), "joe": ("joseph",), "chuck": ("charles",), "charlie": ("charles",),
    "larry": ("lawrence",), "matt": ("matthew",), "andy": ("andrew",), "nick": ("nicholas",),
    "pepe": ("jose",), "paco": ("francisco",), "pancho": ("francisco",), "lupe": ("guadalupe",),
    "lupita": ("guadalupe",), "chema": ("jose",), "nacho": ("ignacio",), "memo": ("guillermo",),
    "beto": ("alberto", "roberto"), "toño": ("antonio",), "tono": ("antonio",), "chucho": ("jesus",),
    "quique": ("enrique",), "lalo": ("eduardo",), "maru": ("maria",), "male": ("maria",),
}
# Reasons, best first, with the name score they give.
REASONS = {
    "same name": 100,  # equal once folded: accents, case, punctuation, particles, acronym
    "same words, other order": 96,
    "initial": 94,  # a middle initial on one side only
    "short form": 91,  # a shortened given name (Jon / Jonathan, Bill / William)
    "one more word": 89,  # a second given name or surname on one side only
    "spelling": 86,  # one word spelt differently (plus how close, below)
}
SPELLING_CUTOFF = 85  # fuzz.ratio of the whole names for a spelling variant
BLOCK_LIMIT = 5000  # a spelling block larger than this (a very common word) is skipped
SMALL_BLOCK = 8  # blocks up to this size are compared pair by pair, larger ones with cdist
GROUP_LIMIT = 100  # an exact key shared by more records than this is no evidence: skipped


@dataclass
class Pair:
    """Two records that may be one: `a_id` < `b_id`; `into_id` is the suggested survivor."""

    entity_type: str
    a_id: int
    a_name: str
    b_id: int
    b_name: str
    score: int  # name score plus evidence, at most 100
    name_score: int
    reason: str
    evidence: dict = field(default_factory=dict)  # organizations, initiatives, people, documents: [names]

    @property
    def into_id(self) -> int:
        """The record to keep: the longer name (more of it is known), then the one with accents."""
        def weight(name: str) -> tuple:
            return (len(fold(name).split()), not name.isascii(), len(fold(name)))

        return self.a_id if weight(self.a_name) >= weight(self.b_name) else self.b_id

    def as_dict(self) -> dict:
        """A JSON-ready dict (the CLI's `--json`)."""
        into = self.into_id
        return {
            "type": self.entity_type, "a": {"id": self.a_id, "name": self.a_name},
            "b": {"id": self.b_id, "name": self.b_name}, "score": self.score, "name_score": self.name_score,
            "reason": self.reason, "evidence": self.evidence, "merge_into": into,
        }


class DuplicatesError(ValueError):
    """A request that cannot be done; the message is one line for the user."""


def _check_type(entity_type: str) -> str:
    if entity_type not in TABLE_OF:
        raise DuplicatesError(f"unknown type '{entity_type}' (person or organization)")
    return entity_type


# ------------------------------------------------------------------ words of a name
def name_words(name: str, entity_type: str = "person") -> tuple[str, ...]:
    """The words that identify a name, folded: particles, honorifics, suffixes (people) or
    connectors and legal forms (organizations) and a trailing `(ACRONYM)` left out."""
    if entity_type == "organization":
        text = name.strip()
        if text.endswith(")") and "(" in text:
            text = text[: text.rindex("(")]
        return tuple(w for w in compact_key(text).split() if w not in _ORG_SKIP)
    words = fold(name).split()
    kept = tuple(w for w in words if w not in _PERSON_SKIP)
    return kept or tuple(words)


def _is_short_form(a: str, b: str) -> bool:
    """`a` is a short form of the given name `b` (or the other way round)."""
    if len(a) > len(b):
        a, b = b, a
    if len(a) >= 3 and len(b) - len(a) >= 2 and b.startswith(a):  # Jon / Jonathan, not Daniel / Daniela
        return True
    return b in _SHORT_FORMS.get(a, ())


def _spelling_only(a: str, b: str) -> bool:
    """Two words one misspelling apart: one edit (two in long words), not a prefix of each
    other, not a gendered pair (Mario / Maria, Daniel / Daniela)."""
    shorter, longer = sorted((a, b), key=len)
    if len(shorter) < 4 or longer.startswith(shorter):
        return False
    if a[:-1] == b[:-1] and {a[-1], b[-1]} <= {"a", "o", "e"}:
        return False
    return OSA.distance(a, b) <= (2 if len(shorter) >= 8 else 1)


def _one_more(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """`long` is `short` with one word added (anywhere but first) — or with initials only added."""
    if len(long) != len(short) + 1 or len(short) < 2:
        return False
    for i in range(1, len(long)):
        if long[:i] + long[i + 1 :] == short:
            return True
    return False


def classify(a: tuple[str, ...], b: tuple[str, ...], entity_type: str = "person") -> str | None:
    """Why the names with words `a` and `b` may be one entity (a key of REASONS), or None."""
    if not a or not b:
        return None
    if a == b:
        return "same name"
    if len(a) == len(b) and sorted(a) == sorted(b):
        return "same words, other order"
    if entity_type == "person":
        if len(a) > len(b):
            a, b = b, a
        without_initials = tuple(w for w in b if len(w) > 1)
        if len(b) == len(a) + 1 and _one_more(a, b):
            extra = next(w for w in b if w not in a or b.count(w) > a.count(w))
            return "initial" if len(extra) == 1 else "one more word"
        if without_initials == a and len(a) >= 2:
            return "initial"
        if len(a) == len(b) and len(a) >= 2 and a[1:] == b[1:] and _is_short_form(a[0], b[0]):
            return "short form"
    elif len(a) != len(b):
        shorter, longer = sorted((a, b), key=len)
        if len(shorter) >= 2 and _one_more(shorter, longer) and not any(w.isdigit() for w in longer):
            return "one more word"
    if len(a) == len(b) and _one_misspelt(a, b):
        return "spelling"
    return None


# ------------------------------------------------------------------ candidates
def _other_keys(words: tuple[str, ...], text: str, person: bool) -> list[str]:
    """Keys besides the name itself (`text`) that two records share when another exact reason
    may hold (checked by `classify`): the sorted words; for people, the given name's first
    three letters (or those of the name a short form stands for) and the other words."""
    keys = ["s " + " ".join(sorted(words))]
    if person and len(words) >= 2:
        rest = text[len(words[0]) :]
        keys.append("g " + words[0][:3] + rest)
        for canonical in _SHORT_FORMS.get(words[0], ()):
            keys.append("g " + canonical[:3] + rest)
    return keys


def _less_one(words: tuple[str, ...]) -> dict[str, str]:
    """{name: reason}: the words with one word (not the first) left out, and with every
    initial left out, as text; a record with that name is `words` less that."""
    out = {}
    if len(words) >= 3:
        for i in range(1, len(words)):
            out.setdefault(" ".join(words[:i] + words[i + 1 :]), "initial" if len(words[i]) == 1 else "one more word")
    plain = tuple(w for w in words if len(w) > 1)
    if plain != words and len(plain) >= 2:
        out.setdefault(" ".join(plain), "initial")
    return out


def _blocks(words: tuple[str, ...]) -> list[str]:
    """Blocks for spelling variants: one misspelt word keeps one of these keys."""
    if len(words) < 2:
        return []
    return [f"l {words[-1]} {words[0][:2]}", f"f {words[0]} {words[-1][:1]}"]


_KEY_SQL = "COALESCE(NULLIF(name_key, ''), lower(name))"  # the key `not_same` keeps (see m008)


def _load(db: sqlite_utils.Database, entity_type: str) -> tuple[dict[int, tuple[str, ...]], dict[int, str]]:
    """Every record's name words, and its name key (as `not_same` stores it). People's words
    come from the stored `name_key` (= fold(name)), folded again only when it is missing."""
    rows = db.execute(f"SELECT id, name, name_key, {_KEY_SQL} FROM [{TABLE_OF[entity_type]}]").fetchall()
    keys = {i: k for i, _, _, k in rows}
    if entity_type != "person":
        return {i: name_words(n, entity_type) for i, n, _, _ in rows}, keys
    skip = _PERSON_SKIP
    out = {}
    for i, name, key, _ in rows:
        words = (key or fold(name)).split()
        out[i] = tuple(w for w in words if w not in skip) or tuple(words)
    return out, keys


def judged_distinct(db: sqlite_utils.Database, entity_type: str) -> tuple[set[tuple[int, int]], set[frozenset]]:
    """What the user marked "not the same": pairs of ids (smaller first) and pairs of name
    keys (a judgement also holds for records re-created under the same names)."""
    if "not_same" not in db.table_names():
        return set(), set()
    rows = db.execute(
        "SELECT entity_id, other_id, entity_key, other_key FROM not_same WHERE entity_type = ?", [entity_type]
    ).fetchall()
    ids = {(a, b) if a < b else (b, a) for a, b, _, _ in rows if a > 0 and b > 0}
    names = {frozenset((ka, kb)) for _, _, ka, kb in rows if ka and kb and ka != kb}
    return ids, names


def candidate_pairs(
    db: sqlite_utils.Database, entity_type: str, context: dict[int, frozenset] | None = None
) -> dict[tuple[int, int], tuple[str, int, int]]:
    """Every pair (a_id < b_id) -> (reason, name score, crowd); judged pairs left out.

    `crowd` is how many longer names the shorter record of an `initial` / `one more word` pair
    fits (1 otherwise); beyond AMBIGUOUS the pair is kept only when the two share something in
    `context` (`_contexts`, loaded when not given)."""
    _check_type(entity_type)
    words, keys = _load(db, entity_type)
    if context is None:
        context = _contexts(db, entity_type)
    found: dict[tuple[int, int], tuple[str, int, int]] = {}
    distinct, distinct_names = judged_distinct(db, entity_type)
    person = entity_type == "person"

    def consider(x: int, y: int, reason: str | None = None, crowd: int = 1) -> None:
        """Pair x and y for `reason` (found structurally) or for what `classify` says."""
        pair = (x, y) if x < y else (y, x)
        if x == y or pair in found or pair in distinct:
            return
        if distinct_names and frozenset((keys[x], keys[y])) in distinct_names:
            return
        reason = reason or classify(words[x], words[y], entity_type)
        if reason is None:
            return
        score = REASONS[reason]
        if reason == "spelling":
            score = min(92, score + int(fuzz.ratio(" ".join(words[x]), " ".join(words[y])) - 90) // 2)
        found[pair] = (reason, score, crowd)

    # exact keys: joined through dictionaries (string keys: their hashes are cached)
    full: dict[str, list[int]] = defaultdict(list)  # the name's words as text -> records
    groups: dict[str, list[int]] = defaultdict(list)
    for rid, w in words.items():
        text = " ".join(w)
        full[text].append(rid)
        for key in _other_keys(w, text, person):
            groups[key].append(rid)
    for known, table in (("same name", full), (None, groups)):  # other keys need a look
        for members in table.values():
            if 1 < len(members) <= GROUP_LIMIT:
                for i, x in enumerate(members):
                    for y in members[i + 1 :]:
                        consider(x, y, known)
    # one word more: the longer name less one word is another record's name
    wider: dict[int, list[tuple[int, str]]] = defaultdict(list)  # shorter record -> [(longer, reason)]
    for rid, w in words.items():
        for key, reason in _less_one(w).items():
            for other in full.get(key, ()):
                wider[other].append((rid, reason))
    empty: frozenset = frozenset()
    for short, longer in wider.items():
        crowd = len(longer)
        if crowd > AMBIGUOUS:  # one of too many: only with something shared (the spelling pass,
            mine = context.get(short)  # over names of as many words, cannot pair them either)
            if not mine:
                continue
            longer = [(other, reason) for other, reason in longer if mine & context.get(other, empty)]
        for other, reason in longer:
            consider(short, other, reason if person else None, crowd)

    # spelling variants: fuzz.ratio inside small blocks
    blocks: dict[str, list[int]] = defaultdict(list)
    for rid, w in words.items():
        for key in _blocks(w) if entity_type == "person" else _org_blocks(w):
            blocks[key].append(rid)
    for members in blocks.values():
        if len(members) < 2 or len(members) > BLOCK_LIMIT:
            continue
        for i, j in _close([words[m] for m in members]):
            x, y = members[i], members[j]
            if _one_misspelt(words[x], words[y]):
                consider(x, y, "spelling")
    return found


def _org_blocks(words: tuple[str, ...]) -> list[str]:
    """Organization blocks: the first word, and the last word (a misspelling keeps one)."""
    if not words:
        return []
    return [f"f {words[0]}", f"l {words[-1]}"] if len(words) > 1 else [f"f {words[0]}"]


def _close(block: list[tuple[str, ...]]) -> list[tuple[int, int]]:
    """Index pairs (i < j) of a block's word lists that may be one misspelling apart: as many
    words, lengths within two characters, and fuzz.ratio of the texts at SPELLING_CUTOFF or more."""
    texts = [" ".join(w) for w in block]
    if len(texts) <= SMALL_BLOCK:  # a few pairs: cheaper than a matrix
        out = []
        for i in range(len(texts)):
            for j in range(i + 1, len(texts)):
                if (len(block[i]) == len(block[j]) and abs(len(texts[i]) - len(texts[j])) <= 2
                        and fuzz.ratio(texts[i], texts[j], score_cutoff=SPELLING_CUTOFF)):
                    out.append((i, j))
        return out
    import numpy  # rapidfuzz's cdist returns a numpy matrix

    matrix = process.cdist(texts, texts, scorer=fuzz.ratio, score_cutoff=SPELLING_CUTOFF, dtype=numpy.uint8)
    lengths = numpy.fromiter(map(len, texts), dtype=numpy.int32, count=len(texts))
    counts = numpy.fromiter(map(len, block), dtype=numpy.int32, count=len(block))
    keep = (numpy.triu(matrix, 1) > 0) & (counts[:, None] == counts[None, :])
    keep &= numpy.abs(lengths[:, None] - lengths[None, :]) <= 2
    rows, cols = numpy.nonzero(keep)
    return list(zip(rows.tolist(), cols.tolist()))


def _one_misspelt(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """As many words, all equal but one, and that one a misspelling (`_spelling_only`)."""
    differ = [(x, y) for x, y in zip(a, b) if x != y]
    return len(differ) == 1 and _spelling_only(*differ[0]) and not any(w.isdigit() for w in differ[0])


# ------------------------------------------------------------------ evidence
# What two records can share, per type: kind -> SQL giving (record id, shared thing's id).
_CONTEXT_SQL = {
    "person": {
        "organizations": "SELECT person_id, organization_id FROM affiliations",
        "initiatives": "SELECT person_id, initiative_id FROM memberships",
        "documents": "SELECT DISTINCT entity_id, document_id FROM mentions WHERE entity_type = 'person'",
    },
    "organization": {
        "people": "SELECT organization_id, person_id FROM affiliations",
        "initiatives": "SELECT organization_id, initiative_id FROM initiative_organizations",
        "documents": "SELECT DISTINCT entity_id, document_id FROM mentions WHERE entity_type = 'organization'",
    },
}
_NAME_SQL = {"organizations": "organizations", "initiatives": "initiatives", "people": "people",
             "documents": "documents"}
# Kinds of evidence -> points added to the name score (per shared thing, then capped).
_BONUS = {"organizations": 3, "people": 3, "initiatives": 3, "documents": 1}
BONUS_CAP = 8
AMBIGUOUS = 3  # a short name fitting more longer names than this is kept only with evidence


def _contexts(db: sqlite_utils.Database, entity_type: str) -> dict[int, frozenset]:
    """Each record -> the (kind, id) of every organization, initiative and document
    (organizations: person, initiative, document) it is linked to."""
    held: dict[int, set] = defaultdict(set)
    for kind, sql in _CONTEXT_SQL[entity_type].items():
        for rid, other in db.execute(sql).fetchall():
            held[rid].add((kind, other))
    return {rid: frozenset(v) for rid, v in held.items()}


def _named(db: sqlite_utils.Database, shared: dict[tuple[int, int], frozenset]) -> dict[tuple[int, int], dict]:
    """The evidence of the pairs to show, by name: {kind: [names]} (empty kinds left out)."""
    wanted: dict[str, set[int]] = defaultdict(set)
    for things in shared.values():
        for kind, oid in things:
            wanted[kind].add(oid)
    names: dict[tuple[str, int], str] = {}
    for kind, oids in wanted.items():
        ordered = sorted(oids)
        for start in range(0, len(ordered), 500):
            chunk = ordered[start : start + 500]
            rows = db.execute(f"SELECT id, name FROM [{_NAME_SQL[kind]}] WHERE id IN ({','.join('?' * len(chunk))})",
                              chunk).fetchall()
            names.update(((kind, i), n) for i, n in rows)
    out = {}
    for pair, things in shared.items():
        by_kind: dict[str, list[str]] = defaultdict(list)
        for kind, oid in things:
            if (kind, oid) in names:
                by_kind[kind].append(names[(kind, oid)])
        out[pair] = {kind: sorted(by_kind[kind]) for kind in _BONUS if by_kind.get(kind)}
    return out


def possible_duplicates(db: sqlite_utils.Database, entity_type: str = "person", limit: int | None = 100) -> list[Pair]:
    """Pairs of `entity_type` records whose names are close, best first, at most `limit`
    (None: all). The score is the name score plus points for shared organizations,
    initiatives and documents; a short name that fits more than AMBIGUOUS longer names
    (`Ana Ruiz` and twenty `Ana Ruiz ...`) is paired only with those it shares something with,
    and loses points for each other one."""
    _check_type(entity_type)
    context = _contexts(db, entity_type)
    found = candidate_pairs(db, entity_type, context)
    empty: frozenset = frozenset()
    ranked = []
    for pair, (reason, name_score, crowd) in found.items():
        shared = context.get(pair[0], empty) & context.get(pair[1], empty)
        bonus = min(BONUS_CAP, sum(_BONUS[kind] for kind, _ in shared))
        score = max(0, min(100, name_score + bonus - min(6, 2 * (crowd - 1))))
        ranked.append((-score, -name_score, pair, reason, shared))
    ranked.sort()
    if limit is not None:
        ranked = ranked[: max(0, limit)]
    names = _names(db, entity_type, {i for r in ranked for i in r[2]})
    evidence = _named(db, {r[2]: r[4] for r in ranked})
    return [
        Pair(entity_type, a, names[a], b, names[b], -neg, -neg_name, reason, evidence[(a, b)])
        for neg, neg_name, (a, b), reason, _ in ranked
    ]


def _names(db: sqlite_utils.Database, entity_type: str, ids: set[int]) -> dict[int, str]:
    ordered, out = sorted(ids), {}
    for start in range(0, len(ordered), 500):
        chunk = ordered[start : start + 500]
        out.update(db.execute(f"SELECT id, name FROM [{TABLE_OF[entity_type]}] WHERE id IN"
                              f" ({','.join('?' * len(chunk))})", chunk).fetchall())
    return out


# ------------------------------------------------------------------ "not the same"
def mark_not_same(db: sqlite_utils.Database, entity_type: str, a_id: int, b_id: int) -> bool:
    """Remember that records `a_id` and `b_id` are two entities: the pair is never suggested
    again (it follows either record into a merge, a rename, and a re-creation under the same
    name). False when it was already marked."""
    _check_type(entity_type)
    if a_id == b_id:
        raise DuplicatesError("a record is always the same as itself")
    table = TABLE_OF[entity_type]
    with write_transaction(db):
        keys = {}
        for rid in (a_id, b_id):
            row = db.execute(f"SELECT {_KEY_SQL} FROM [{table}] WHERE id = ?", [rid]).fetchone()
            if row is None:
                raise DuplicatesError(f"no {entity_type} with id {rid}")
            keys[rid] = row[0]
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        before = db.conn.total_changes
        db.conn.executemany(
            "INSERT OR IGNORE INTO not_same (entity_type, entity_id, other_id, entity_key, other_key, decided_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [(entity_type, a_id, b_id, keys[a_id], keys[b_id], now), (entity_type, b_id, a_id, keys[b_id], keys[a_id], now)],
        )
        return db.conn.total_changes > before


def unmark_not_same(db: sqlite_utils.Database, entity_type: str, a_id: int, b_id: int) -> bool:
    """Forget a "not the same" judgement of two records, by their ids or their names (the pair
    may be suggested again). False when there was none."""
    _check_type(entity_type)
    table = TABLE_OF[entity_type]
    with write_transaction(db):
        keys = [r[0] for r in db.execute(f"SELECT {_KEY_SQL} FROM [{table}] WHERE id IN (?, ?)", [a_id, b_id])]
        cursor = db.execute(
            "DELETE FROM not_same WHERE entity_type = ? AND ((entity_id = ? AND other_id = ?)"
            " OR (entity_id = ? AND other_id = ?)"
            " OR (? = 2 AND ((entity_key = ? AND other_key = ?) OR (entity_key = ? AND other_key = ?))))",
            [entity_type, a_id, b_id, b_id, a_id, len(keys), *(keys + keys[::-1] if len(keys) == 2 else [""] * 4)],
        )
        return cursor.rowcount > 0
