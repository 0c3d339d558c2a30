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
    "de del la las los y e da das do dos di du van von der den le mr mrs ms miss dr dra lic ing mtro mtra"
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
BLOCK_LIMIT = 5000  # a block larger than this (a very common word) is split no further: skipped


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
            return (len(fold(name).split()), not name.isascii(), len(name))

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
    if len(a) == len(b):
        differ = [(x, y) for x, y in zip(a, b) if x != y]
        if len(differ) == 1 and _spelling_only(*differ[0]) and not any(w.isdigit() for w in differ[0]):
            return "spelling"
    return None


# ------------------------------------------------------------------ candidates
def _exact_keys(words: tuple[str, ...], entity_type: str) -> list[tuple]:
    """Keys two records share when one of the exact reasons may hold (checked by `classify`)."""
    keys = [("w",) + words, ("s",) + tuple(sorted(words))]
    if entity_type == "person" and words:
        keys.append(("g", words[0][:3]) + words[1:])  # short forms of the given name
        canonical = _SHORT_FORMS.get(words[0])
        if canonical:
            keys.extend(("g", c[:3]) + words[1:] for c in canonical)
    return keys


def _less_one(words: tuple[str, ...]) -> list[tuple]:
    """The word lists with one word (not the first) left out, and with every initial left out."""
    out = [("w",) + words[:i] + words[i + 1 :] for i in range(1, len(words))] if len(words) >= 3 else []
    plain = tuple(w for w in words if len(w) > 1)
    if plain != words and len(plain) >= 2:
        out.append(("w",) + plain)
    return out


def _blocks(words: tuple[str, ...]) -> list[tuple]:
    """Blocks for spelling variants: one misspelt word keeps one of these keys."""
    if len(words) < 2:
        return []
    return [("last", words[-1], words[0][:2]), ("first", words[0], words[-1][:1])]


def _load(db: sqlite_utils.Database, entity_type: str) -> tuple[dict[int, str], dict[int, tuple[str, ...]]]:
    names = dict(db.execute(f"SELECT id, name FROM [{TABLE_OF[entity_type]}]").fetchall())
    return names, {i: name_words(n, entity_type) for i, n in names.items()}


def judged_distinct(db: sqlite_utils.Database, entity_type: str) -> set[tuple[int, int]]:
    """Pairs (smaller id, larger id) the user marked "not the same"."""
    if "not_same" not in db.table_names():
        return set()
    rows = db.execute(
        "SELECT entity_id, other_id FROM not_same WHERE entity_type = ? AND entity_id < other_id", [entity_type]
    ).fetchall()
    return {(a, b) for a, b in rows}


def candidate_pairs(db: sqlite_utils.Database, entity_type: str) -> dict[tuple[int, int], tuple[str, int]]:
    """Every pair (a_id < b_id) with a reason and a name score, judged pairs left out."""
    _check_type(entity_type)
    names, words = _load(db, entity_type)
    found: dict[tuple[int, int], tuple[str, int]] = {}
    distinct = judged_distinct(db, entity_type)

    def consider(x: int, y: int, reason: str | None = None) -> None:
        pair = (x, y) if x < y else (y, x)
        if x == y or pair in found or pair in distinct:
            return
        reason = reason or classify(words[x], words[y], entity_type)
        if reason is None:
            return
        score = REASONS[reason]
        if reason == "spelling":
            score = min(92, score + int(fuzz.ratio(" ".join(words[x]), " ".join(words[y])) - 90) // 2)
        found[pair] = (reason, score)

    # exact keys: joined through dictionaries
    groups: dict[tuple, list[int]] = defaultdict(list)
    for rid, w in words.items():
        for key in _exact_keys(w, entity_type):
            groups[key].append(rid)
    for members in groups.values():
        if 1 < len(members) <= BLOCK_LIMIT:
            for i, x in enumerate(members):
                for y in members[i + 1 :]:
                    consider(x, y)
    full = groups  # ("w", words...) -> ids
    for rid, w in words.items():
        for key in _less_one(w):
            for other in full.get(key, ()):
                consider(rid, other)

    # spelling variants: fuzz.ratio inside small blocks
    blocks: dict[tuple, list[int]] = defaultdict(list)
    for rid, w in words.items():
        for key in _blocks(w) if entity_type == "person" else _org_blocks(w):
            blocks[key].append(rid)
    for members in blocks.values():
        if len(members) < 2 or len(members) > BLOCK_LIMIT:
            continue
        texts = [" ".join(words[m]) for m in members]
        for i, j in _close(texts):
            consider(members[i], members[j])
    return found


def _org_blocks(words: tuple[str, ...]) -> list[tuple]:
    """Organization blocks: the first word, and the last word (a misspelling keeps one)."""
    if not words:
        return []
    return [("first", words[0]), ("last", words[-1])] if len(words) > 1 else [("first", words[0])]


def _close(texts: list[str]) -> list[tuple[int, int]]:
    """Index pairs (i < j) of `texts` whose fuzz.ratio reaches SPELLING_CUTOFF."""
    if len(texts) == 2:
        return [(0, 1)] if fuzz.ratio(texts[0], texts[1], score_cutoff=SPELLING_CUTOFF) else []
    import numpy  # rapidfuzz's cdist returns a numpy matrix

    matrix = process.cdist(texts, texts, scorer=fuzz.ratio, score_cutoff=SPELLING_CUTOFF, dtype=numpy.uint8)
    rows, cols = numpy.nonzero(numpy.triu(matrix, 1))
    return list(zip(rows.tolist(), cols.tolist()))


# ------------------------------------------------------------------ evidence
_EVIDENCE_SQL = {
    "person": {
        "organizations": "SELECT a.person_id, o.name FROM affiliations a JOIN organizations o ON o.id = a.organization_id"
                         " WHERE a.person_id IN ({ids})",
        "initiatives": "SELECT m.person_id, i.name FROM memberships m JOIN initiatives i ON i.id = m.initiative_id"
                       " WHERE m.person_id IN ({ids})",
        "documents": "SELECT DISTINCT m.entity_id, d.name FROM mentions m JOIN documents d ON d.id = m.document_id"
                     " WHERE m.entity_type = 'person' AND m.entity_id IN ({ids})",
    },
    "organization": {
        "people": "SELECT a.organization_id, p.name FROM affiliations a JOIN people p ON p.id = a.person_id"
                  " WHERE a.organization_id IN ({ids})",
        "initiatives": "SELECT x.organization_id, i.name FROM initiative_organizations x"
                       " JOIN initiatives i ON i.id = x.initiative_id WHERE x.organization_id IN ({ids})",
        "documents": "SELECT DISTINCT m.entity_id, d.name FROM mentions m JOIN documents d ON d.id = m.document_id"
                     " WHERE m.entity_type = 'organization' AND m.entity_id IN ({ids})",
    },
}


def evidence(db: sqlite_utils.Database, entity_type: str, pairs: list[tuple[int, int]]) -> dict[tuple[int, int], dict]:
    """What each pair shares: organizations, initiatives and documents (people: organizations'
    people), as sorted lists of names, empty kinds left out."""
    ids = sorted({i for pair in pairs for i in pair})
    held: dict[str, dict[int, set[str]]] = {kind: defaultdict(set) for kind in _EVIDENCE_SQL[entity_type]}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for kind, sql in _EVIDENCE_SQL[entity_type].items():
            for rid, name in db.execute(sql.format(ids=marks), chunk).fetchall():
                held[kind][rid].add(name)
    out = {}
    for a, b in pairs:
        shared = {kind: sorted(by[a] & by[b]) for kind, by in held.items() if by.get(a) and by.get(b)}
        out[(a, b)] = {k: v for k, v in shared.items() if v}
    return out


def possible_duplicates(db: sqlite_utils.Database, entity_type: str = "person", limit: int | None = 100) -> list[Pair]:
    """Pairs of `entity_type` records whose names are close, best first (name score plus
    shared organizations, initiatives and documents), at most `limit` (None: all)."""
    names = dict(db.execute(f"SELECT id, name FROM [{TABLE_OF[_check_type(entity_type)]}]").fetchall())
    found = candidate_pairs(db, entity_type)
    keys = list(found)
    shared = evidence(db, entity_type, keys)
    pairs = []
    for a, b in keys:
        reason, name_score = found[(a, b)]
        bonus = min(8, 3 * len(shared[(a, b)].get("organizations", shared[(a, b)].get("people", [])))
                    + 3 * len(shared[(a, b)].get("initiatives", [])) + len(shared[(a, b)].get("documents", [])))
        pairs.append(Pair(entity_type, a, names[a], b, names[b], min(100, name_score + bonus), name_score,
                          reason, shared[(a, b)]))
    pairs.sort(key=lambda p: (-p.score, -p.name_score, p.a_name.casefold(), p.a_id, p.b_id))
    return pairs if limit is None else pairs[: max(0, limit)]


# ------------------------------------------------------------------ "not the same"
def mark_not_same(db: sqlite_utils.Database, entity_type: str, a_id: int, b_id: int) -> bool:
    """Remember that records `a_id` and `b_id` are two entities: the pair is never suggested
    again (and follows either record into a merge). False when it was already marked."""
    _check_type(entity_type)
    if a_id == b_id:
        raise DuplicatesError("a record is always the same as itself")
    table = TABLE_OF[entity_type]
    with write_transaction(db):
        for rid in (a_id, b_id):
            if db.execute(f"SELECT 1 FROM [{table}] WHERE id = ?", [rid]).fetchone() is None:
                raise DuplicatesError(f"no {entity_type} with id {rid}")
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        before = db.conn.total_changes
        db.conn.executemany(
            "INSERT OR IGNORE INTO not_same (entity_type, entity_id, other_id, decided_at) VALUES (?, ?, ?, ?)",
            [(entity_type, a_id, b_id, now), (entity_type, b_id, a_id, now)],
        )
        return db.conn.total_changes > before


def unmark_not_same(db: sqlite_utils.Database, entity_type: str, a_id: int, b_id: int) -> bool:
    """Forget a "not the same" judgement (the pair may be suggested again)."""
    _check_type(entity_type)
    with write_transaction(db):
        cursor = db.execute(
            "DELETE FROM not_same WHERE entity_type = ? AND ((entity_id = ? AND other_id = ?)"
            " OR (entity_id = ? AND other_id = ?))", [entity_type, a_id, b_id, b_id, a_id],
        )
        return cursor.rowcount > 0
