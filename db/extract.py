"""Drawing people, organizations and initiatives (and how they relate) out of document text.

`extract(text) -> Extraction` uses general rules only: member-list lines under a heading,
titles and honorifics before names, appositions, bylines, acronyms defined in parentheses,
possessives and role phrases. Names are recognised with the vocabularies in `db.vocabulary`
(given names, titles, organization suffixes), never with a list of known entities.

Character offsets in every `Span` index into the text given to `extract`.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field

from db import vocabulary as V
from db.textnorm import compact_key as _compact_uncached
from db.textnorm import fold as _fold_uncached

# The same words and names recur constantly across a document and an import run.
fold = functools.lru_cache(maxsize=200_000)(_fold_uncached)
compact_key = functools.lru_cache(maxsize=200_000)(_compact_uncached)


@dataclass
class Span:
    """Where an entity was named: offsets into the text, the text itself and its sentence/line."""

    start: int
    end: int
    text: str
    sentence: str


@dataclass
class Found:
    """One entity drawn from a document (before resolution against the directory)."""

    type: str  # "person", "organization" or "initiative"
    name: str
    spans: list[Span] = field(default_factory=list)
    aliases: set[str] = field(default_factory=set)
    title: str | None = None
    email: str | None = None
    phone: str | None = None
    acronym: str | None = None
    kind: str | None = None


@dataclass
class Extraction:
    """Everything drawn from one document. Relations refer to entities by index in their list."""

    people: list[Found]
    organizations: list[Found]
    initiatives: list[Found]
    affiliations: dict[tuple[int, int], str | None]  # (person, organization) -> title
    memberships: dict[tuple[int, int], str | None]  # (person, initiative) -> role
    initiative_organizations: dict[tuple[int, int], str | None]  # (initiative, organization) -> role


# --------------------------------------------------------------------------- tokens and sentences

_TOKEN = re.compile(r"[#@]?\w+(?:[’'\-.&]+\w+)*\.?|&")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?<![\w.])\+?\(?\d[\d\s().\-]{7,}\d(?:\s*(?:x|ext\.?)\s*\d+)?")
_BULLET = re.compile(r"^\s*(?:[•·▪‣◦●○■□*+]|[-–—](?=\s)|\d{1,3}[.)](?=\s))\s*")
_LIST_SEP = re.compile(r"\s+[-–—|]+\s*|\s*[-–—|]+\s+|\s*[:]\s+")
_SENT_END = re.compile(r"[.!?][”\"’)]?\s+(?=[“\"(]?[A-ZÁÉÍÓÚÑ¿¡])")


@dataclass
class Tok:
    """A word token with offsets; `possessive` when written `X’s`."""

    text: str
    start: int
    end: int
    possessive: bool = False

    @property
    def key(self) -> str:
        return fold(self.text)

    @property
    def cap(self) -> bool:
        t = self.text.lstrip("#")
        return bool(t) and (t[0].isupper() or (t[0].isdigit() and any(c.isupper() for c in t)))


def tokens(text: str, offset: int = 0) -> list[Tok]:
    """Word tokens of `text`; a trailing dot is kept only on abbreviations and initials."""
    out = []
    for m in _TOKEN.finditer(text):
        word, start = m.group(), m.start()
        if word.endswith(".") and not _keeps_dot(word):
            word = word[:-1]
        possessive = len(word) > 3 and word[-1] == "s" and word[-2] in "’'"
        if possessive:
            word = word[:-2]
        out.append(Tok(word, offset + start, offset + start + len(word), possessive))
    return out


def _keeps_dot(word: str) -> bool:
    bare = word[:-1]
    return len(bare) == 1 or "." in bare or fold(bare).replace(" ", ".") in V.ABBREVIATIONS


def sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split text[start:end] (one line) into sentences, not at abbreviations like `Rep.` or `U.S.`."""
    spans, cur = [], start
    for m in _SENT_END.finditer(text, start, end):
        before = text[cur : m.start() + 1].split()
        last = before[-1] if before else ""
        if _keeps_dot(last.rstrip("”\"’)")) and last.endswith("."):
            continue
        spans.append((cur, m.start() + 1))
        cur = m.end()
    if cur < end:
        spans.append((cur, end))
    return [(a, b) for a, b in spans if text[a:b].strip()]


# --------------------------------------------------------------------------- word classes

def is_given(word: str) -> bool:
    """A common given name (accent-insensitive); `Jean-Pierre` counts by its first part."""
    k = fold(word)
    return k in V.GIVEN_NAMES or (" " in k and k.split()[0] in V.GIVEN_NAMES and "-" in word)


_INITIAL = re.compile(r"[A-Z]\.")
_LETTERS = re.compile(r"[^\W\d_]+(?:[’'\-][^\W\d_]+)*")


def _namey(tok: Tok) -> bool:
    """Could be part of a person's name: capitalised letters, not a known non-name word."""
    t = tok.text
    if not t or not t[0].isupper():
        return False
    if _INITIAL.fullmatch(t):
        return True
    if not _LETTERS.fullmatch(t):
        return False
    if len(t) > 1 and t.isupper():
        return False
    k = tok.key
    if k in V.GIVEN_NAMES:
        return True
    return not (
        k in V.NON_NAME_WORDS
        or k in V.TOPIC_WORDS
        or k in V.PLACES
        or k in V.ORG_SUFFIXES
        or k in V.TITLE_WORDS
        or k in V.HONORIFICS
        or k in V.MONTHS
    )


def _is_title_tok(tok: Tok) -> bool:
    k = tok.key.replace(" ", "")
    return tok.key in V.TITLE_WORDS or k in V.TITLE_WORDS or tok.key in V.HONORIFICS


def initiative_kind(name: str) -> str | None:
    """The initiative kind named by the end of `name` ("... Task Force" -> "task force"), else None."""
    k = fold(name)
    for words, kind in sorted(V.INITIATIVE_KINDS.items(), key=lambda kv: -len(kv[0])):
        if kind and (k == words or k.endswith(" " + words)):
            return kind
    for words, kind in V.INITIATIVE_KINDS_FIRST.items():
        if k.startswith(words + " "):
            return kind  # Spanish puts the kind first: "Grupo de Trabajo de ..."
    return None


def looks_like_org(name: str) -> bool:
    """An organization name by its shape: a known suffix/head word, or an acronym."""
    words = fold(name).split()
    if not words:
        return False
    if words[-1] in V.ORG_SUFFIXES or (len(words) > 1 and any(w in V.ORG_HEADS for w in words)):
        return True
    return bool(re.fullmatch(r"[A-Z0-9][A-Z0-9&.\-]{1,9}", name.strip()))


_GENERIC = V.NON_NAME_WORDS | V.ORG_SUFFIXES | V.ORG_HEADS | V.NAME_CONNECTORS | V.TITLE_WORDS | V.TITLE_MODIFIERS


def is_generic(name: str) -> bool:
    """Only generic words ("Working Group", "Federal Commission", "Access to Capital")."""
    return all(w in _GENERIC for w in fold(name).split())


def is_place(name: str) -> bool:
    """Every word is a place word ("Mexico City", "United States")."""
    words = [w for w in fold(name).split() if w not in V.NAME_CONNECTORS]
    return bool(words) and all(w in V.PLACES for w in words)


# --------------------------------------------------------------------------- the document builder

class _Doc:
    """Collects entities of one document with in-document de-duplication."""

    def __init__(self, text: str):
        self.text = text
        self.found: dict[str, list[Found]] = {"person": [], "organization": [], "initiative": []}
        self.index: dict[tuple[str, str], int] = {}
        self.affiliations: dict[tuple[int, int], str | None] = {}
        self.memberships: dict[tuple[int, int], str | None] = {}
        self.initiative_orgs: dict[tuple[int, int], str | None] = {}
        self.last_initiative: int | None = None
        self.pending_roles: list[tuple[int, str, int]] = []  # (person, role, position of the heading)
        self.span_starts: dict[tuple[str, int], set[int]] = {}
        self.parts: dict[str, set[int]] = {}  # a person's first/middle/last name -> person indexes

    # entities ---------------------------------------------------------------
    def _key(self, etype: str, name: str) -> str:
        return fold(name) if etype == "person" else compact_key(name)

    def lookup(self, etype: str, name: str) -> int | None:
        """Index of an entity already found in this document under `name` (or an alias)."""
        return self.index.get((etype, self._key(etype, name)))

    def add(self, etype: str, name: str, span: Span | None, **fields) -> int:
        """Find or add an entity; returns its index. Fields fill only what is still empty."""
        name = " ".join(name.split())
        idx = self.lookup(etype, name)
        if idx is None:
            idx = len(self.found[etype])
            self.found[etype].append(Found(etype, name))
            self.index[(etype, self._key(etype, name))] = idx
        ent = self.found[etype][idx]
        if etype == "person" and not ent.spans:
            parts = fold(name).split()
            for k in {parts[0], parts[-1]} | {p for p in parts[1:-1] if len(p) > 3}:
                self.parts.setdefault(k, set()).add(idx)
        if name != ent.name:
            ent.aliases.add(name)
        seen = self.span_starts.setdefault((etype, idx), set())
        if span is not None and span.start not in seen:
            seen.add(span.start)
            ent.spans.append(span)
        for key, value in fields.items():
            if value and not getattr(ent, key):
                setattr(ent, key, value)
        if ent.acronym:
            self.index.setdefault((etype, compact_key(ent.acronym)), idx)
            ent.aliases.add(ent.acronym)
        if etype == "initiative":
            self.last_initiative = idx
        return idx

    def alias(self, etype: str, idx: int, name: str) -> None:
        """Record another spelling of an entity found in this document."""
        ent = self.found[etype][idx]
        if fold(name) != fold(ent.name):
            ent.aliases.add(name)
        self.index.setdefault((etype, self._key(etype, name)), idx)

    def span(self, start: int, end: int, sentence: tuple[int, int]) -> Span:
        """A Span over text[start:end] with its sentence."""
        return Span(start, end, self.text[start:end], self.text[sentence[0] : sentence[1]].strip())

    def person_by_part(self, word: str) -> int | None:
        """The one person of this document whose first or last name is `word`."""
        hits = self.parts.get(fold(word), set())
        return next(iter(hits)) if len(hits) == 1 else None

    # relations --------------------------------------------------------------
    def affiliate(self, person: int, org: int, title: str | None) -> None:
        """Person works at organization (with the title as written, if any)."""
        if self.affiliations.get((person, org)) is None:
            self.affiliations[(person, org)] = title or None

    def member(self, person: int, initiative: int, role: str | None) -> None:
        """Person takes part in initiative with a role."""
        old = self.memberships.get((person, initiative))
        if old is None or old == "member":
            self.memberships[(person, initiative)] = role or old or "member"

    def partner(self, initiative: int, org: int, role: str | None) -> None:
        """Organization has a role in initiative."""
        if self.initiative_orgs.get((initiative, org)) is None:
            self.initiative_orgs[(initiative, org)] = role

    # final in-document merges ----------------------------------------------
    def finish(self) -> Extraction:
        """Merge short forms into long ones (`Schneider` -> `Schneider Electric`) and return."""
        orgs = self.found["organization"]
        remap: dict[int, int] = {}
        for i, org in enumerate(orgs):
            short = fold(org.name)
            if org.name.isupper() or short.split()[-1] in V.NAME_CONNECTORS:
                continue
            longer = [j for j, o in enumerate(orgs) if j != i and fold(o.name).startswith(short + " ")]
            if len(longer) == 1 and longer[0] not in remap:
                remap[i] = longer[0]  # "Schneider" / "U.S. Chamber" -> the longer name in this document
        inits = self.found["initiative"]
        iremap: dict[int, int] = {}
        for i, ini in enumerate(inits):
            k = fold(ini.name)
            longer = [j for j, o in enumerate(inits) if j != i and fold(o.name).endswith(" " + k)]
            if len(longer) == 1 and len(k.split()) >= 2:
                iremap[i] = longer[0]
        people, orgs2, inits2 = self.found["person"], *(
            _merge_list(lst, mp) for lst, mp in ((orgs, remap), (inits, iremap))
        )
        onew, inew = orgs2[1], inits2[1]
        aff = {}
        for (p, o), t in self.affiliations.items():
            key = (p, onew[o])
            if aff.get(key) is None:
                aff[key] = t
        mem = {}
        for (p, i), r in self.memberships.items():
            key = (p, inew[i])
            if mem.get(key) in (None, "member"):
                mem[key] = r
        io = {}
        for (i, o), r in self.initiative_orgs.items():
            key = (inew[i], onew[o])
            if io.get(key) is None:
                io[key] = r
        return Extraction(people, orgs2[0], inits2[0], aff, mem, io)


def _merge_list(items: list[Found], remap: dict[int, int]) -> tuple[list[Found], dict[int, int]]:
    """Fold items[i] into items[remap[i]]; returns the kept items and old -> new index."""
    keep = [i for i in range(len(items)) if i not in remap]
    new_of = {old: n for n, old in enumerate(keep)}
    for i, target in remap.items():
        src, dst = items[i], items[target]
        dst.aliases |= src.aliases | {src.name}
        dst.spans += src.spans
        dst.acronym = dst.acronym or src.acronym
        new_of[i] = new_of[target]
    return [items[i] for i in keep], new_of


# --------------------------------------------------------------------------- phrases

def _runs(toks: list[Tok], text: str) -> list[list[Tok]]:
    """Maximal runs of capitalised tokens (with connectors inside), broken by punctuation."""
    runs: list[list[Tok]] = []
    cur: list[Tok] = []
    for i, tok in enumerate(toks):
        gap_ok = bool(cur) and text[cur[-1].end : tok.start].strip() == "" and not cur[-1].possessive
        if tok.cap or tok.text == "&":
            if not gap_ok:
                if cur:
                    runs.append(cur)
                cur = []
            cur.append(tok)
        elif gap_ok and tok.key in _JOINERS and _joins_capital(toks, i, text):
            cur.append(tok)
        else:
            if cur:
                runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    out = []
    for run in runs:
        while run and (run[-1].key in V.NAME_CONNECTORS or run[-1].text == "&"):
            run = run[:-1]
        if run:
            out.append(run)
    return out


_JOINERS = V.NAME_CONNECTORS | V.NAME_PARTICLES


def _joins_capital(toks: list[Tok], i: int, text: str) -> bool:
    """toks[i] is a connector followed (through at most one more connector) by a capitalised word."""
    for j in (i + 1, i + 2):
        if j >= len(toks) or text[toks[j - 1].end : toks[j].start].strip():
            return False
        if toks[j].cap:
            return True
        if toks[j].key not in _JOINERS:
            return False
    return False


def _strip_leading(run: list[Tok]) -> list[Tok]:
    while run and (run[0].key in V.LEADING_DETERMINERS or run[0].key in V.NAME_CONNECTORS):
        run = run[1:]
    return run


def _strip_list_words(run: list[Tok]) -> list[Tok]:
    """`Members of the X Working Group` -> `X Working Group`."""
    for i, t in enumerate(run[:-1]):
        if t.key in V.LIST_WORDS and run[i + 1].key in V.NAME_CONNECTORS:
            rest = _strip_leading(run[i + 1 :])
            if len(rest) >= 2:
                return rest
        if t.key not in V.LIST_WORDS:
            break
    return run


def _name_from(run: list[Tok], i: int) -> list[Tok] | None:
    """The person name starting at run[i], or None if the run goes on past a plausible name."""
    name = [run[i]]
    j = i + 1
    while j < len(run):
        t = run[j]
        if t.key in V.NAME_PARTICLES and t.text.islower() and _particles_then_name(run, j):
            name.append(t)
        elif _namey(t) or (t.key in V.NAME_SUFFIXES and len(name) >= 2):
            name.append(t)
        else:
            break
        if name[-1].possessive:
            j += 1
            break
        j += 1
    while name and name[-1].key in V.NAME_PARTICLES:
        name.pop()
    words = [t for t in name if t.key not in V.NAME_PARTICLES]
    if not 2 <= len(words) <= 5:
        return None
    if j < len(run) and not name[-1].possessive:
        return None  # "Adrienne Arsht Latin America Center": the run is something else
    return name


def _particles_then_name(run: list[Tok], j: int) -> bool:
    while j < len(run) and run[j].key in V.NAME_PARTICLES and run[j].text.islower():
        j += 1
    return j < len(run) and _namey(run[j])


def _collapse_double(run: list[Tok]) -> list[Tok]:
    """`Megan Bridges Megan Bridges` -> `Megan Bridges`."""
    n = len(run)
    if n >= 4 and n % 2 == 0 and [t.key for t in run[: n // 2]] == [t.key for t in run[n // 2 :]]:
        return run[: n // 2]
    return run


def person_in_run(run: list[Tok], *, strong: bool = False) -> tuple[list[Tok], list[Tok]] | None:
    """Split a capitalised run into (title tokens, name tokens) if it ends with a person's name.

    Evidence needed: a known given name, or a title/honorific right before the name, or
    `strong` (the caller has structural evidence such as a member-list line).
    """
    run = _collapse_double(run)
    for i, tok in enumerate(run):
        if tok.possessive and i < len(run) - 1:
            return None
        prev = run[i - 1].key if i else ""
        if is_given(tok.text) and _namey(tok) and prev not in ("san", "santa", "st", "saint", "el", "los", "las"):
            name = _name_from(run, i)
            if name:
                return run[:i], name
            if i + 1 < len(run) and is_given(run[i + 1].text):
                continue
            return None
    for i, tok in enumerate(run):
        if _is_title_tok(tok) or strong and i == 0:
            start = i + 1 if _is_title_tok(tok) else i
            if start < len(run) and _namey(run[start]) and not _is_title_tok(run[start]):
                name = _name_from(run, start)
                if name:
                    return run[:start], name
    return None


def _phrase(text: str, toks: list[Tok]) -> str:
    return text[toks[0].start : toks[-1].end] if toks else ""


# --------------------------------------------------------------------------- extraction passes

def extract(text: str) -> Extraction:
    """Draw entities and relations from one document's text."""
    doc = _Doc(text)
    lines = _lines(text)
    list_lines = _member_lists(doc, lines)
    _bylines(doc, lines, list_lines)
    for start, end in lines:
        if start in list_lines:
            continue
        for s in sentence_spans(text, start, end):
            _sentence(doc, s)
    _assign_contacts(doc, lines, list_lines)
    for pidx, role, pos in doc.pending_roles:
        ini = _last_before(doc, "initiative", pos)
        if ini is not None:
            doc.member(pidx, ini, role)
    return doc.finish()


def _lines(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


# member lists ---------------------------------------------------------------

@dataclass
class _ListItem:
    line: tuple[int, int]
    name: tuple[int, int]  # offsets of the name
    rest: tuple[int, int] | None  # offsets of what follows the separator
    role: str | None = None  # "Chairman: Name - Org"


_ROLE_PREFIX = re.compile(r"([A-Z][^:,]{1,40}):\s+(?=\S)")


def _split_list_line(text: str, start: int, end: int) -> _ListItem | None:
    line = text[start:end]
    m = _BULLET.match(line)
    body_start = start + (m.end() if m else len(line) - len(line.lstrip()))
    body = text[body_start:end].rstrip()
    if not body or body.endswith(":") or len(body) > 160 or _EMAIL.fullmatch(body.strip()):
        return None
    role = None
    rm = _ROLE_PREFIX.match(body)
    if rm and _has_title_word(rm.group(1)):
        role, body_start, body = rm.group(1), body_start + rm.end(), body[rm.end() :]
    sep = _LIST_SEP.search(body)
    paren = re.fullmatch(r"(.+?)\s*\((.+)\)\s*", body)
    comma = body.find(",")
    if sep and (comma < 0 or sep.start() < comma):
        name_end, rest = sep.start(), (sep.end(), len(body))
    elif paren:
        name_end, rest = paren.end(1), (paren.start(2), paren.end(2))
    elif comma > 0:
        name_end, rest = comma, (comma + 1, len(body))
    else:
        name_end, rest = len(body), None
    rest_span = None
    if rest:
        r0, r1 = rest
        seg = body[r0:r1]
        r0 += len(seg) - len(seg.lstrip())
        r1 -= len(seg) - len(seg.rstrip(" .;"))
        if r1 > r0:
            rest_span = (body_start + r0, body_start + r1)
    return _ListItem((start, end), (body_start, body_start + name_end), rest_span, role)


def _title_case(raw: str) -> str:
    """`JOSÉ LUIS DE LA GARZA` -> `José Luis de la Garza` (same length, so offsets still hold)."""
    return " ".join(w.lower() if fold(w) in V.NAME_PARTICLES else w.title() for w in raw.split(" "))


def _list_person(text: str, item: _ListItem, strong: bool) -> list[Tok] | None:
    a, b = item.name
    raw = text[a:b]
    if not raw.strip() or re.search(r"\w\w[.!?;:]\s|[;:]|\d", raw.strip().rstrip(".")):
        return None
    if raw.isupper() and len(raw.strip()) > 4:
        raw = _title_case(raw)  # "JOSÉ LUIS GIL - USAID"
    toks = tokens(raw, a)
    if not toks or not all(t.cap or t.key in V.NAME_PARTICLES for t in toks):
        return None
    run = _collapse_double(toks)
    found = person_in_run(run, strong=strong)
    if not found or found[0]:
        return None
    return found[1]


def _member_lists(doc: _Doc, lines: list[tuple[int, int]]) -> set[int]:
    """Member-list lines (`Name - Organization`, `Name, Title, Org`, bare names) under a heading."""
    text = doc.text
    items = [(ln, _split_list_line(text, *ln)) for ln in lines]
    used: set[int] = set()
    i = 0
    while i < len(items):
        # a block: list-shaped lines, blank lines allowed between them
        block, j = [], i
        while j < len(items):
            (s, e), item = items[j]
            if not text[s:e].strip():
                j += 1
                continue
            if item is None or not _list_shaped(text, item):
                break
            block.append(item)
            j += 1
        if len(block) < 2:
            i = max(j, i + 1)
            continue
        with_rest = with_given = 0
        for it in block:
            if it.rest and (name := _list_person(text, it, True)) is not None:
                with_rest += 1
                with_given += is_given(name[0].text)
        heading = _heading_before(text, lines, block[0].line)
        # structure alone vouches for unknown names only under a group heading or when most
        # lines do start with known given names
        strong = with_rest >= 3 and (with_given * 2 >= with_rest or _member_heading(text, heading))
        persons = []
        for it in block:
            name = _list_person(text, it, strong and it.rest is not None)
            if name is None and it.rest is None and strong:
                name = _list_person(text, it, False)
            if name is not None:
                persons.append((it, name))
        if len(persons) < 2:
            i = j
            continue
        ini = _heading_initiative(doc, heading) if heading else None
        # a role heading above or inside the list ("Co-Chairs", "Members") gives the role of what follows;
        # without a named group, the role is settled once the prose is read (the page's initiative)
        current = _heading_role(text[heading[0] : heading[1]]) if heading and ini is None else None
        role_of: dict[tuple[int, int], str | None] = {}
        for it in block:
            sub = _heading_role(text[it.line[0] : it.line[1]])
            if sub:
                current = sub
            else:
                role_of[it.line] = current
        person_lines = {it.line for it, _ in persons}
        for it, name in persons:
            role = role_of.get(it.line)
            pidx = _add_list_person(doc, it, name, ini, role or "member")
            if role and ini is None:
                doc.pending_roles.append((pidx, role, it.line[0]))
            used.add(it.line[0])
            if it.rest is not None:
                continue
            nxt = _next_nonempty(text, lines, it.line)
            if nxt is not None and nxt not in person_lines:
                if _title_line(doc, pidx, nxt):  # "Name" then "Title, Organization"
                    used.add(nxt[0])
        i = j
    return used


def _heading_role(line: str) -> str | None:
    """`Co-Chairs:` -> "co-chair", `Members` -> "member"; None for other lines."""
    m = _ROLE_HEADING.fullmatch(_BULLET.sub("", line).strip())
    if not m:
        return None
    role = m.group(1).lower().replace("chairs", "chair").replace("chairmen", "chair").rstrip("s")
    return {"leadership": "lead", "leader": "lead", "copresidente": "co-chair", "presidente": "chair"}.get(role, role)


_ROLE_HEADING = re.compile(
    r"(?:(?:our|the)\s+)?((?:co-|vice[- ])?chairs?|(?:co-|vice[- ])?chairmen|co-?leads?|leaders?|leadership|members|"
    r"advisors|advisers|copresidentes|presidentes)\s*:?",
    re.I,
)


def _list_shaped(text: str, item: _ListItem) -> bool:
    name = text[item.name[0] : item.name[1]]
    return len(name.split()) <= 7 and not re.search(r"\w\w[.!?]\s", name)


def _line_index(lines: list[tuple[int, int]], line: tuple[int, int]) -> int:
    return bisect.bisect_left(lines, line)


def _next_nonempty(text: str, lines, line: tuple[int, int]) -> tuple[int, int] | None:
    for ln in lines[_line_index(lines, line) + 1 :]:
        if text[ln[0] : ln[1]].strip():
            return ln
    return None


def _heading_before(text: str, lines, first_line: tuple[int, int]) -> tuple[int, int] | None:
    """The nearest non-empty line above a list, if it reads like a heading."""
    idx = _line_index(lines, first_line)
    for s, e in reversed(lines[:idx]):
        line = text[s:e].strip()
        if not line:
            continue
        if len(line.split()) <= 14 and not re.search(r"[.!?]$", line):
            off = text.index(line, s)
            return off, off + len(line.rstrip(":").rstrip())
        return None
    return None


def _member_heading(text: str, heading: tuple[int, int] | None) -> bool:
    """A heading that announces people: an initiative's name or words like `Members`."""
    if heading is None:
        return False
    words = fold(text[heading[0] : heading[1]])
    return initiative_kind(words) is not None or any(w in V.LIST_WORDS - {"about"} for w in words.split()) or any(
        words.startswith(k + " ") for k in V.INITIATIVE_KINDS_FIRST
    )


def _heading_initiative(doc: _Doc, heading: tuple[int, int]) -> int | None:
    """The initiative a list heading names (`X Task Force:`), and its owning organization."""
    text = doc.text
    s, e = heading
    for run in _runs(tokens(text[s:e], s), text):
        run = _strip_list_words(_strip_leading(run))
        phrase = _phrase(text, run)
        kind = initiative_kind(phrase)
        if not kind or len(run) < 2 or fold(phrase) in V.INITIATIVE_KINDS:
            continue
        sent = heading
        idx = doc.add("initiative", phrase, doc.span(run[0].start, run[-1].end, sent), kind=kind)
        _acronym_owner(doc, idx, run, sent)
        return idx
    return None


def _acronym_owner(doc: _Doc, idx: int, run: list[Tok], sent) -> None:
    """`USMF Ally-Shoring Task Force`: the leading acronym is the organization behind it."""
    owner = run[0]
    if re.fullmatch(r"[A-Z][A-Z0-9&]{1,9}", owner.text) and len(run) > 2:
        org = doc.add("organization", owner.text, doc.span(owner.start, owner.end, sent), acronym=owner.text)
        doc.partner(idx, org, "convener")
        doc.alias("initiative", idx, _phrase(doc.text, run[1:]))


def _add_list_person(doc: _Doc, item: _ListItem, name: list[Tok], initiative: int | None, role: str = "member") -> int:
    """Add a member-list line's person with organization, title, email and membership; returns the person."""
    text = doc.text
    line = item.line
    written = _phrase(text, name)
    shown = " ".join(t.text for t in name) if written.isupper() else written
    pidx = doc.add("person", shown, doc.span(name[0].start, name[-1].end, line))
    if initiative is not None:
        doc.member(pidx, initiative, item.role.lower() if item.role and role == "member" else role)
    _list_details(doc, item, pidx)
    if item.role and not doc.found["person"][pidx].title:
        doc.found["person"][pidx].title = item.role
    return pidx


def _list_details(doc: _Doc, item: _ListItem, pidx: int) -> None:
    text = doc.text
    line = item.line
    if not item.rest:
        return
    r0, r1 = item.rest
    rest = text[r0:r1]
    email = _EMAIL.search(rest)
    if email:
        doc.found["person"][pidx].email = doc.found["person"][pidx].email or email.group()
        rest = rest[: email.start()].rstrip(" ,;(<")
        r1 = r0 + len(rest)
    parts = [p for p in re.split(r"\s*,\s*", rest) if p.strip() and not _DEGREE.fullmatch(p.strip())]
    if not parts:
        return
    rest = ", ".join(parts)
    title, org = None, None
    if len(parts) >= 2 and not any(_has_title_word(p) for p in parts):
        org = rest.strip()  # "De la Calle, Madrazo, Mancera": a firm's name with commas
    elif len(parts) >= 2:
        title_parts = [p for p in parts[:-1]]
        if any(_has_title_word(p) for p in title_parts) or not _has_title_word(parts[-1]):
            title, org = ", ".join(title_parts), parts[-1]
        else:
            org, title = parts[0], ", ".join(parts[1:])
    elif _has_title_word(parts[0]) and not looks_like_org(parts[0]):
        title = parts[0]
    else:
        org = parts[0]
    if title:
        doc.found["person"][pidx].title = doc.found["person"][pidx].title or title
    org = _strip_place_parens(org) if org else org
    if org and not is_place(org):
        o0 = text.index(org, r0)
        oidx = doc.add("organization", org, doc.span(o0, o0 + len(org), line))
        doc.affiliate(pidx, oidx, title)


_DEGREE = re.compile(r"(?:Ph\.?\s?D\.?|M\.?B\.?A\.?|M\.?D\.?|J\.?D\.?|Esq\.?|CPA|P\.?E\.?|Jr\.?|Sr\.?|II|III)", re.I)


def _has_title_word(phrase: str) -> bool:
    return any(_is_title_tok(t) for t in tokens(phrase))


# bylines ------------------------------------------------------------------------

def _bylines(doc: _Doc, lines, list_lines: set[int]) -> None:
    """`Name` on its own line (maybe doubled), then `Title, Organization` on the next line."""
    text = doc.text
    nonempty = [(s, e) for s, e in lines if text[s:e].strip()]
    for k, (s, e) in enumerate(nonempty):
        if s in list_lines:
            continue
        toks = tokens(text[s:e], s)
        if not toks or len(toks) > 10 or not all(t.cap or t.key in V.NAME_PARTICLES for t in toks):
            continue
        if re.search(r"[.,;:!?]", text[s:e].strip().rstrip(".")):
            continue
        single = _collapse_double(toks)
        nxt_line = text[nonempty[k + 1][0] : nonempty[k + 1][1]] if k + 1 < len(nonempty) else ""
        evidence = len(single) < len(toks) or (
            "," in nxt_line and _has_title_word(nxt_line.split(",")[0]) and len(nxt_line) <= 150
        )
        found = person_in_run(single, strong=evidence and 2 <= len(single) <= 4)
        if not found or found[0]:
            continue
        name = found[1]
        pidx = doc.add("person", _phrase(text, name), doc.span(name[0].start, name[-1].end, (s, e)))
        list_lines.add(s)
        if k + 1 < len(nonempty) and _title_line(doc, pidx, nonempty[k + 1]):
            list_lines.add(nonempty[k + 1][0])


_TITLE_AT = re.compile(r"(?P<title>.+?)\s+(?:at|with)\s+(?:the\s+)?(?P<org>[A-Z0-9].*)")


def _title_line(doc: _Doc, pidx: int, line: tuple[int, int]) -> bool:
    """`Title, Organization` or `Title at Organization` on the line under a name; True if it was one."""
    text = doc.text
    ns, ne = line
    nxt = text[ns:ne].strip()
    if len(nxt) > 150 or not nxt[:1].isupper() and not nxt[:1].islower():
        return False
    parts = [p.strip() for p in nxt.split(",") if p.strip() and not _DEGREE.fullmatch(p.strip())]
    at = _TITLE_AT.fullmatch(nxt)
    if at and _has_title_word(at.group("title")) and "," not in at.group("title"):
        title, org = at.group("title"), at.group("org")
    elif len(parts) >= 2 and _has_title_word(parts[0]):
        title, org = ", ".join(parts[:-1]), parts[-1]
    else:
        return False
    org = _strip_place_parens(org.rstrip(" ."))
    person = doc.found["person"][pidx]
    if is_place(org) or not org[:1].isupper() or is_generic(org):
        person.title = person.title or nxt.rstrip(" .")  # "Minister of Economy, Republic of Guatemala"
        return True
    person.title = person.title or title
    o0 = text.index(org, ns)
    oidx = doc.add("organization", _clean_org(org), doc.span(o0, o0 + len(org), line))
    doc.affiliate(pidx, oidx, title)
    return True


def _strip_place_parens(org: str) -> str:
    """`Banco Atlántida (Honduras)` -> `Banco Atlántida`."""
    m = re.fullmatch(r"(.+?)\s*\(([^()]+)\)", org.strip())
    return m.group(1) if m and is_place(m.group(2)) else org


def _clean_org(name: str) -> str:
    name = name.strip().rstrip(".,;:")
    name = re.sub(r"[’']s$", "", name)
    name = re.sub(r"^(?:the|The)\s+", "", name)
    return name


# prose ------------------------------------------------------------------------

_ACRONYM_DEF = re.compile(r"\(\s*([A-Z][A-Za-z0-9&.\-]{1,11})\s*\)")


def _sentence(doc: _Doc, sent: tuple[int, int]) -> None:
    text = doc.text
    s, e = sent
    toks = tokens(text[s:e], s)
    runs = _runs(toks, text)
    acronym_after: dict[int, str] = {}
    for m in _ACRONYM_DEF.finditer(text, s, e):
        acronym_after[m.start()] = m.group(1)
    sentence_people: list[tuple[int, list[Tok]]] = []
    for run in [sub for r in runs for sub in _split_and(doc, r)]:
        after = text[run[-1].end : e]
        acr_m = re.match(r"\s*\(\s*([A-Z][A-Za-z0-9&.\-]{1,11})\s*\)", after)
        acr = acr_m.group(1) if acr_m and re.search(r"[A-Z].*[A-Z]", acr_m.group(1)) else None
        if acr and ("-" in acr and re.search(r"\d", acr) or re.fullmatch(r"[DRI]-[A-Z]{2}", acr)):
            acr = None  # "(D-TX 28th District)", "(R-TX)": party and state, not an acronym
        found = person_in_run(run)
        if found and not acr:
            title_toks, name = found
            title_toks = _strip_leading(title_toks)
            title = _phrase(text, title_toks) if title_toks and any(_is_title_tok(t) for t in title_toks) else None
            if title and all(t.key.rstrip(".") in _COURTESY for t in title_toks):
                title = None  # "Dr.", "Ing.", "Lic." are not job titles
            pidx = doc.add("person", _phrase(text, name), doc.span(name[0].start, name[-1].end, sent))
            paren = re.match(r"\s*\(([^()]{2,60})\)", text[name[-1].end : e])
            if title and paren and re.search(r"\b[DRI]-[A-Z]{2}\b", paren.group(1)):
                title = f"{title} ({paren.group(1)})"
            elif paren and _org_in_parens(paren.group(1)):
                a = name[-1].end + paren.start(1)  # "Dr. Helen Park (Rice University)"
                oidx = doc.add("organization", _clean_org(paren.group(1)), doc.span(a, a + len(paren.group(1)), sent))
                doc.affiliate(pidx, oidx, None)
            if title:
                doc.found["person"][pidx].title = doc.found["person"][pidx].title or _expand_title(title)
                _title_org(doc, pidx, title_toks, sent)
                if re.match(r"(?:Our|Nuestr[oa])\s", text[run[0].start : name[0].start]):
                    own = _last_before(doc, "organization", run[0].start)
                    if own is not None:
                        doc.affiliate(pidx, own, title)
            sentence_people.append((pidx, name))
            _apposition(doc, pidx, name[-1].end, sent)
            continue
        _entity_run(doc, run, acr, sent)
        if len(run) == 2 and run[0].start == s and not is_given(run[0].text) and not acr:
            run = run[1:]  # "Later Teresa thanked ..."
        if len(run) == 1 and not acr:
            pidx = doc.person_by_part(run[0].text)
            if pidx is not None and _namey(run[0]) and not is_given(run[0].text) or (
                pidx is not None and re.match(r"\s+[a-z]", text[run[0].end : run[0].end + 3])
            ):
                doc.add("person", doc.found["person"][pidx].name, doc.span(run[0].start, run[0].end, sent))
                sentence_people.append((pidx, run))
    _such_as(doc, sent)
    _led_by(doc, sent, sentence_people)
    _partners(doc, sent)
    _is_title_at(doc, sent, sentence_people)


def _split_and(doc: _Doc, run: list[Tok]) -> list[list[Tok]]:
    """Split a run at `and` when a part is a person or an already known entity."""
    cuts = [i for i, t in enumerate(run) if t.key in ("and", "y")]
    if not cuts:
        return [run]
    parts, prev = [], 0
    for c in cuts + [len(run)]:
        if run[prev:c]:
            parts.append(run[prev:c])
        prev = c + 1
    text = doc.text
    phrases = [_clean_org(_phrase(text, _strip_leading(part))) for part in parts]
    for part, phrase in zip(parts, phrases):
        if person_in_run(part) or doc.lookup("organization", phrase) is not None or doc.lookup("initiative", phrase) is not None:
            return parts
    if all(len(p.split()) >= 2 for p in phrases) and looks_like_org(phrases[-1]) and (
        not looks_like_org(phrases[0]) or fold(phrases[0]).split()[-1] in V.ORG_SUFFIXES
    ):
        return parts  # "Jordan Industrial Park and Victoria Logistics Center": two names
    return [run]


_SUCH_AS = re.compile(
    r"\b(?:companies|organizations|organisations|firms|corporations|businesses|partners|sponsors|members|groups|"
    r"institutions|agencies|manufacturers|investors|brands)\s*,?\s+(?:such\s+as|like|including|among\s+them)\s+",
    re.I,
)


def _such_as(doc: _Doc, sent) -> None:
    """`companies such as A, B, and C`: each item is an organization."""
    text = doc.text
    s, e = sent
    for m in _SUCH_AS.finditer(text, s, e):
        pos = m.end()
        while pos < e:
            item = re.match(r"(?:and\s+|or\s+)?((?:[A-Z0-9][\w&’'.\-]*)(?:\s+(?:[A-Z0-9][\w&’'.\-]*|of|de|&))*)", text[pos:e])
            if not item or not item.group(1):
                break
            name = _clean_org(item.group(1))
            a = pos + item.start(1)
            if name and not is_place(name) and not is_generic(name) and not person_in_run(tokens(name)):
                doc.add("organization", name, doc.span(a, a + len(name), sent))
            pos += item.end()
            sep = re.match(r"\s*,\s*|\s+(?=and\s|or\s)", text[pos:e])
            if not sep:
                break
            pos += sep.end()


_COURTESY = frozenset("mr mrs ms miss dr lic ing mtro mtra arq sr sra srta don dona sir dame prof c p".split())


def _org_in_parens(inner: str) -> bool:
    """`Name (Cascadia Freight)`: a short capitalised name that is no place, party tag or date."""
    inner = inner.strip()
    words = inner.split()
    if not 1 <= len(words) <= 6 or is_place(inner) or is_generic(inner) or re.search(r"\d|@|[DRI]-[A-Z]{2}\b", inner):
        return False
    return looks_like_org(inner) or all(w[:1].isupper() or fold(w) in V.NAME_CONNECTORS for w in words)


def _expand_title(title: str) -> str:
    return re.sub(r"^Rep\.(?=\s|$)", "Representative", re.sub(r"^Sen\.(?=\s|$)", "Senator", title))


def _entity_run(doc: _Doc, run: list[Tok], acr: str | None, sent) -> None:
    """Organizations and initiatives named by a capitalised run (with an acronym, if defined)."""
    text = doc.text
    run = _strip_list_words(_strip_leading(run))
    if not run:
        return
    if acr:
        run = _acronym_scope(run, acr)
    if len(run) >= 2 and all(t.text.isupper() or t.key in V.NAME_CONNECTORS for t in run):
        while run and (run[0].key in V.NON_NAME_WORDS or run[0].key in V.NAME_CONNECTORS):
            run = run[1:]  # "ABOUT THE X CENTER": only an entity already known by that name
        if not run or (doc.lookup("organization", _phrase(text, run)) is None
                       and doc.lookup("initiative", _phrase(text, run)) is None):
            return
    while len(run) > 2 and (_is_title_tok(run[0]) or run[0].key in V.TITLE_MODIFIERS) and any(
        t.key in V.NAME_CONNECTORS for t in run[1:3]
    ):
        run = _strip_leading(run[1:])  # "Secretary of the Organization of ..." -> the organization
    while len(run) > 1 and _is_title_tok(run[-1]) and not initiative_kind(_phrase(text, run)):
        run = run[:-1]  # "US-Mexico Foundation CEO"
    phrase = _clean_org(_phrase(text, run))
    if not phrase:
        return
    if is_generic(phrase) and not acr and not (initiative_kind(phrase) and fold(phrase) not in V.INITIATIVE_KINDS):
        return
    if len(run) >= 2 and doc.person_by_part(run[0].text) is not None and run[-1].key in V.ORG_SUFFIXES:
        return  # "the Biden Administration"
    kind = initiative_kind(phrase)
    if not kind and fold(phrase).endswith(" council") and re.search(r"[’']s\s+$", text[sent[0] : run[0].start]):
        kind = "council"  # "the Chamber’s U.S.-Mexico Economic Council": a program of the Chamber
    known_org = doc.lookup("organization", phrase)
    known_ini = doc.lookup("initiative", phrase)
    span = doc.span(run[0].start, run[-1].end, sent)
    if known_ini is None and known_org is None and fold(phrase) in V.INITIATIVE_KINDS and not acr:
        return  # "Steering Committee", "Task Force" alone name nothing in particular
    if known_ini is not None or (kind and (len(run) >= 2 or acr) and fold(phrase) not in V.INITIATIVE_KINDS):
        idx = doc.add("initiative", phrase, span, kind=kind, acronym=acr)
        _owner_of(doc, idx, run, sent)
        _acronym_owner(doc, idx, run, sent)
        return
    if known_org is not None:
        doc.add("organization", phrase, span, acronym=acr)
        return
    if acr and is_place(phrase):
        return
    is_org = (acr and len(run) >= 2) or (looks_like_org(phrase) and len(run) >= 2 and not is_place(phrase))
    if is_org and fold(run[0].text) in V.TITLE_WORDS and len(run) <= 2:
        return
    if is_org:
        idx = doc.add("organization", phrase, span, acronym=acr)


def _owner_of(doc: _Doc, ini: int, run: list[Tok], sent) -> None:
    """`X’s Y Working Group`: the organization X convenes the initiative."""
    text = doc.text
    toks = tokens(text[sent[0] : run[0].start], sent[0])
    if toks and toks[-1].possessive:
        back = [toks[-1]]
        for t in reversed(toks[:-1]):
            if text[t.end : back[0].start].strip() or not (t.cap or t.key in V.NAME_CONNECTORS) or t.possessive:
                break
            back.insert(0, t)
        back = _strip_leading(back)
        if back:
            phrase = _clean_org(_phrase(text, back))
            if doc.lookup("organization", phrase) is not None or looks_like_org(phrase) or phrase.isupper():
                oidx = doc.add("organization", phrase, doc.span(back[0].start, back[-1].end, sent))
                doc.partner(ini, oidx, "convener")
                return
    before = text[sent[0] : run[0].start]
    verb = re.search(r"\b(?:convened|launched|hosts?|hosted|organi[sz]ed|created|formed)\b.*\b(?:its|the)\s+\S*$", before)
    if verb:  # the subject: the organization named last before the verb
        subject = _last_before(doc, "organization", sent[0] + verb.start())
        if subject is not None and any(sp.start >= sent[0] for sp in doc.found["organization"][subject].spans):
            doc.partner(ini, subject, "convener")


def _last_before(doc: _Doc, etype: str, pos: int) -> int | None:
    """The entity of `etype` named last before `pos` ("Our CEO ..." speaks for that organization)."""
    best, best_start = None, -1
    for i, org in enumerate(doc.found[etype]):
        for sp in org.spans:
            if best_start < sp.start < pos:
                best, best_start = i, sp.start
    return best


def _first_known_in(doc: _Doc, etype: str, start: int, end: int) -> int | None:
    """The first entity of `etype` already found in this document that text[start:end] names."""
    for run in _runs(tokens(doc.text[start:end], start), doc.text):
        run = _strip_leading(run)
        if run:
            idx = doc.lookup(etype, _clean_org(_phrase(doc.text, run)))
            if idx is not None:
                return idx
    return None


def _acronym_scope(run: list[Tok], acr: str) -> list[Tok]:
    """The part of a run an acronym stands for ("... Latin America Center (AALAC)")."""
    letters = re.sub(r"[^A-Za-z0-9]", "", acr).upper()
    for i in range(len(run)):
        part = [t for t in run[i:] if t.key not in V.NAME_CONNECTORS]
        initials = "".join(t.text if t.text.replace(".", "").isupper() else t.text[0] for t in part)
        initials = re.sub(r"[^A-Za-z0-9]", "", initials).upper()
        if initials == letters:
            return run[i:]
    for i, t in enumerate(run):
        if t.key == "and" and i + 1 < len(run):
            tail = _strip_leading(run[i + 1 :])
            if tail and tail[0].text[0].upper() == letters[0] and run[0].text[0].upper() != letters[0]:
                return tail
    return run


def _title_org(doc: _Doc, pidx: int, title_toks: list[Tok], sent) -> None:
    """`White House National Security Council Senior Director ...`: an organization inside a title."""
    text = doc.text
    for i, t in enumerate(title_toks):
        if t.key in V.ORG_SUFFIXES and i >= 1 and i + 1 < len(title_toks) and _is_title_tok(title_toks[i + 1]) or (
            t.key in V.ORG_SUFFIXES and i >= 1 and i + 2 < len(title_toks) and title_toks[i + 1].key in V.TITLE_MODIFIERS
        ):
            org_toks = title_toks[: i + 1]
            while len(org_toks) > 1 and doc.lookup("organization", _phrase(text, org_toks[:-1])) is not None \
                    or len(org_toks) > 1 and org_toks[-1].key in _GENERIC and org_toks[0].text.isupper() and len(org_toks) == 2:
                org_toks, i = org_toks[:-1], i - 1  # "TBCA Board Chair": TBCA, title "Board Chair"
            phrase = _clean_org(_phrase(text, org_toks))
            if is_place(phrase):
                return
            oidx = doc.add("organization", phrase, doc.span(org_toks[0].start, org_toks[-1].end, sent))
            title = _phrase(text, title_toks[i + 1 :])
            doc.affiliate(pidx, oidx, title)
            doc.found["person"][pidx].title = title
            return
        if t.possessive and i + 1 < len(title_toks):
            return
    lead = title_toks[0]
    if len(title_toks) >= 2 and _is_title_tok(title_toks[1]) and not _is_title_tok(lead) and (
        lead.text.isupper() and len(lead.text) >= 2 or doc.lookup("organization", lead.text) is not None or (
            lead.key not in _GENERIC and lead.key not in V.PLACES and lead.key not in V.TOPIC_WORDS
            and not lead.key.endswith(("an", "ish", "ese"))
        )
    ):
        # "Tesla CEO Elon Musk", "USMF CEO ...": a one-word organization before the title
        oidx = doc.add("organization", lead.text, doc.span(lead.start, lead.end, sent))
        title = _phrase(text, title_toks[1:])
        doc.affiliate(pidx, oidx, title)
        doc.found["person"][pidx].title = title


_APPOS_START = re.compile(r",\s+(?:(?:a|an|the|our|then|now|also)\s+)?")
_PREP_ORG = re.compile(r"\s+(?:of|at|in|with|for|from|de|del|en)\s+(?:the\s+|la\s+|el\s+)?(?=[A-Z0-9])")


def _apposition(doc: _Doc, pidx: int, name_end: int, sent) -> None:
    """`Name, vice president and senior director of AALAC` -> title and organization."""
    text = doc.text
    s, e = sent
    m = _APPOS_START.match(text, name_end, e)
    if not m:
        return
    clause_end = text.find(",", m.end(), e)
    clause_end = e if clause_end < 0 else clause_end
    clause = text[m.end() : clause_end].rstrip(" .;:”\"")
    toks = tokens(clause)
    pm = re.match(r"((?:(?:[A-Z][\w.&-]*|of|for|the|and|de|del|la|para|y)\s+){0,7}[A-Z][\w.&-]*)[’']s\s+(.+)$", clause)
    if pm and _has_title_word(pm.group(2)) and not is_place(pm.group(1)):
        a = m.end() + pm.start(1)  # "Name, the Wilson Center’s director for Mexico"
        org = _clean_org(pm.group(1))
        oidx = doc.add("organization", org, doc.span(a, a + len(pm.group(1)), sent))
        doc.affiliate(pidx, oidx, pm.group(2).strip())
        person = doc.found["person"][pidx]
        person.title = person.title or pm.group(2).strip()
        return
    if not toks or not any(_is_title_tok(t) for t in toks[:4]):
        return
    if not (_is_title_tok(toks[0]) or toks[0].key in V.TITLE_MODIFIERS or toks[0].text.islower()):
        return
    if any(person_in_run(r) for r in _runs(toks, clause)):
        return  # a list of people, not an apposition
    first_title = None
    pending: list[str] = []
    for title, org_start, org_end in _title_org_pairs(clause):
        org = _clean_org(clause[org_start:org_end]) if org_start is not None else ""
        if not org or is_place(org):
            pending.append(title)
            continue
        title = " and ".join(pending + [title]) if pending and title else title
        pending = []
        a = m.end() + org_start + (len(clause[org_start:org_end]) - len(clause[org_start:org_end].lstrip()))
        a = text.index(org, a) if org in text[a:clause_end + 1] else a
        oidx = doc.add("organization", org, doc.span(a, a + len(org), sent))
        doc.affiliate(pidx, oidx, title)
        first_title = first_title or title
    first_title = first_title or (" and ".join(pending) if pending else None)
    nxt = re.match(r",\s*([^,;.]+?)\s*(?=[,;.]|$)", text[clause_end:e])
    if pending and nxt and (doc.lookup("organization", _clean_org(nxt.group(1))) is not None or (
        looks_like_org(nxt.group(1)) and not is_place(nxt.group(1)) and not is_generic(nxt.group(1))
        and nxt.group(1)[:1].isupper()
    )):
        a = clause_end + nxt.start(1)  # "Name, communications manager, BCC, ..."
        oidx = doc.add("organization", _clean_org(nxt.group(1)), doc.span(a, a + len(nxt.group(1)), sent))
        doc.affiliate(pidx, oidx, first_title)
    person = doc.found["person"][pidx]
    if first_title and not person.title:
        person.title = first_title


def _title_org_pairs(clause: str):
    """Split an apposition into (title, org offsets) pieces joined by `and`."""
    pieces = re.split(r"\s+and\s+(?=(?:a\s+|an\s+|the\s+)?(?:[A-Z]|former|senior|vice|non|co-|deputy))", clause)
    pos = 0
    for piece in pieces:
        start = clause.index(piece, pos)
        pos = start + len(piece)
        m = None
        for cand in _PREP_ORG.finditer(piece):
            rest = piece[cand.end() :]
            org = _org_prefix(rest)
            if org and is_generic(org):
                continue
            if org and not is_place(re.sub(r"[’']s\b.*", "", org)):
                m = (cand, org)
                break
            if org:  # "in Mexico’s Secretariat of Economy": skip a place's possessive
                pm = re.match(r"[^\s’']+(?:\s+[A-Z][^\s’']+)*[’']s\s+", rest)
                if pm:
                    org2 = _org_prefix(rest[pm.end() :])
                    if org2 and not is_place(org2):
                        m = (cand, org2, pm.end())
                        break
        if m:
            cand, org = m[0], m[1]
            extra = m[2] if len(m) > 2 else 0
            o0 = start + cand.end() + extra
            yield piece[: cand.start()].strip(), o0, o0 + len(org)
            continue
        toks = tokens(piece)
        lead = []
        for t in toks:
            if t.cap and not _is_title_tok(t):
                lead.append(t)
            else:
                break
        if lead and len(lead) < len(toks) and any(_is_title_tok(t) for t in toks[len(lead):]):
            org = piece[lead[0].start : lead[-1].end]
            yield piece[lead[-1].end :].strip(), start + lead[0].start, start + lead[-1].end
            continue
        yield piece.strip(), None, None


def _org_prefix(text: str) -> str | None:
    """The capitalised organization name at the start of `text`, if any."""
    toks = tokens(text)
    run: list[Tok] = []
    for i, t in enumerate(toks):
        if run and text[run[-1].end : t.start].strip() not in ("",):
            break
        if t.cap or (run and t.key in V.NAME_CONNECTORS and i + 1 < len(toks) and toks[i + 1].cap):
            run.append(t)
            if t.possessive:
                break
        else:
            break
    while run and run[-1].key in V.NAME_CONNECTORS:
        run.pop()
    if not run:
        return None
    return text[run[0].start : run[-1].end].rstrip(".")


def _is_title_at(doc: _Doc, sent, people) -> None:
    """`Name is Senior Manager for the Americas at the U.S. Chamber of Commerce`."""
    text = doc.text
    for pidx, name in people:
        m = re.match(r"\s+(?:is|was|serves as|works as)\s+(?:(?:a|an|the)\s+)?([^,;]+?)\s+(?:at|of|with)\s+(?:the\s+)?(?=[A-Z])",
                     text[name[-1].end : sent[1]])
        if not m or not _has_title_word(m.group(1)):
            continue
        o0 = name[-1].end + m.end()
        org = _org_prefix(text[o0 : sent[1]])
        if not org or is_place(org):
            continue
        oidx = doc.add("organization", _clean_org(org), doc.span(o0, o0 + len(org), sent))
        doc.affiliate(pidx, oidx, m.group(1).strip())
        if not doc.found["person"][pidx].title:
            doc.found["person"][pidx].title = m.group(1).strip()


_LEAD = re.compile(
    r"\b(?P<verb>led|chaired|co-chaired|headed|coordinated|directed|moderated|encabezad[oa]|presidid[oa]|"
    r"coordinad[oa]|liderad[oa]|dirigid[oa])\s+(?:by|por)\s+(?:(?:the|la|el)\s+)?(?:[A-Z][a-z]{0,4}\.\s+)?$"
)
_ROLE_OF_VERB = {
    "led": "lead", "headed": "lead", "chaired": "chair", "co-chaired": "co-chair", "coordinated": "coordinator",
    "directed": "director", "moderated": "moderator", "encabezad": "lead", "liderad": "lead", "presidid": "chair",
    "coordinad": "coordinator", "dirigid": "director",
}
_GROUP_REF = re.compile(r"\b(?:the|this|our|its)\s+(?:group|working group|task force|initiative|dialogue|council|forum|delegation|committee|commission)\b", re.I)


def _led_by(doc: _Doc, sent, people) -> None:
    """`the group will be led by NAME`: NAME leads the initiative referred to."""
    text = doc.text
    last_role, last_end = None, -1
    for pidx, name in people:
        before = text[sent[0] : name[0].start]
        m = _LEAD.search(before)
        if not m and last_role and re.search(r"(?:,\s*|\s)(?:and|y)\s+$", text[last_end : name[0].start]) and (
            text.count(",", last_end, name[0].start) <= 3
        ):
            doc.member(pidx, last_role[0], last_role[1])  # "co-chaired by A, ..., and B"
            last_end = name[-1].end
            continue
        if not m:
            continue
        ini = _first_known_in(doc, "initiative", sent[0], name[0].start)
        if ini is None and _GROUP_REF.search(before):
            ini = doc.last_initiative
        if ini is not None:
            verb = m.group("verb")
            role = _ROLE_OF_VERB.get(verb[:-1] if verb[-1] in "oa" else verb, verb.rstrip("d"))
            doc.member(pidx, ini, role)
            last_role, last_end = (ini, role), name[-1].end




_ROLE_AFTER = re.compile(r"^\s+as\s+(?:a|an|the|its)\s+((?:[A-Z][\w-]*\s+){0,3}(?:Partner|Sponsor|Supporter|Member|Funder|Donor|Host|Convener))")


_ROLE_STEMS = frozenset(w.rstrip("s") for w in V.ROLE_WORDS)


def _partners(doc: _Doc, sent) -> None:
    """`supported by Founding Corporate Partner Millicom alongside FedEx as a Nearshoring Corporate Partner`."""
    text = doc.text
    s, e = sent
    sentence = text[s:e]
    ini = _first_known_in(doc, "initiative", s, e)
    if ini is None and _GROUP_REF.search(sentence):
        ini = doc.last_initiative
    if ini is None:
        return
    for run in _runs(tokens(sentence, s), text):
        run = _strip_leading(run)
        if not run:
            continue
        # "Founding Corporate Partner Millicom": the run holds role words then the name
        words = run
        k = max((i for i, t in enumerate(words) if t.key.rstrip("s") in _ROLE_STEMS), default=-1)
        if 0 <= k < len(words) - 1:
            role = _phrase(text, words[: k + 1])
            name_toks = words[k + 1 :]
        elif k == -1:
            after = _ROLE_AFTER.match(text[run[-1].end : e])
            if not after:
                continue
            role = after.group(1).strip()
            name_toks = words
        else:
            continue
        name = _clean_org(_phrase(text, name_toks))
        if not name or is_place(name) or initiative_kind(name) or person_in_run(name_toks):
            continue
        oidx = doc.add("organization", name, doc.span(name_toks[0].start, name_toks[-1].end, sent))
        doc.partner(ini, oidx, role)


# contacts ------------------------------------------------------------------------

def _assign_contacts(doc: _Doc, lines, list_lines) -> None:
    """An email or phone number belongs to the nearest person named before it on its line."""
    text = doc.text
    starts = sorted((sp.start, i) for i, p in enumerate(doc.found["person"]) for sp in p.spans)
    line_starts = [s for s, _ in lines]
    for pattern, attr in ((_EMAIL, "email"), (_PHONE, "phone")):
        for m in pattern.finditer(text):
            if attr == "phone" and not _phone_like(text, m):
                continue
            if attr == "phone" and _EMAIL.search(text[max(0, m.start() - 40) : m.end()]) and "@" in text[m.start() - 1 : m.end()]:
                continue
            line_start = line_starts[bisect.bisect_right(line_starts, m.start()) - 1]
            k = bisect.bisect_left(starts, (m.start(), -1)) - 1
            owner = starts[k][1] if k >= 0 and starts[k][0] >= line_start else None
            if owner is None and attr == "email":
                owner = _person_by_email(doc, m.group())
            if owner is None:
                continue
            person = doc.found["person"][owner]
            if not getattr(person, attr):
                setattr(person, attr, m.group().strip())


def _phone_like(text: str, m: re.Match) -> bool:
    """A phone number, not a year range: `+52 ...`, `(210) ...`, 10+ digits, or after `Tel.`/`phone`."""
    digits = sum(c.isdigit() for c in m.group())
    if digits < 7:
        return False
    before = text[max(0, m.start() - 16) : m.start()].lower()
    return m.group()[0] in "+(" or digits >= 10 or bool(re.search(r"(tel|phone|tel[eé]fono|cel|mobile|call)\W*$", before))


def _person_by_email(doc: _Doc, email: str) -> int | None:
    local = fold(email.split("@")[0]).replace(" ", "")
    hits = [i for i, p in enumerate(doc.found["person"])
            if (parts := fold(p.name).split()) and len(parts[-1]) > 2 and parts[-1] in local]
    return hits[0] if len(hits) == 1 else None
