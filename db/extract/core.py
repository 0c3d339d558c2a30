"""The shared ground of extraction: tokens and sentences, word classes, capitalised runs,
person names inside runs, and `Doc`, which collects one document's entities and relations.

Names are recognised with the vocabularies in `db.extract.vocabulary` (given names, titles,
organization suffixes), never with a list of known entities. Character offsets in every
`Span` index into the document's text.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field

from db.extract import vocabulary as V
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

# A nickname in quotes (`Ramiro “Chato” Olvera`, `Juan José "J.J." Ruiz`, `Mario "El Flaco" Paz`) is one
# token, so it stays inside the name.
_TOKEN = re.compile(r"[“\"][^\W\d_][\w’'.\-]*(?: [^\W\d_][\w’'.\-]*)?[”\"]|(?<!\w)['‘][A-Z][\w.\-]*['’](?!\w)|[#@]?\w+(?:[’'\-–.&]+\w+)*\.?|&")
EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_SENT_END = re.compile(r"[.!?][”\"’)]?\s+(?=[“\"(]?[A-ZÁÉÍÓÚÑ¿¡])")


class _FoldedOnce:
    """`Tok.key`: the folded text, computed on first read and kept in the token's __dict__ (read a
    million times an import; functools.cached_property takes a lock on every first read)."""

    def __get__(self, tok, owner=None):
        if tok is None:
            return self
        key = tok.__dict__["key"] = fold(tok.text)
        return key


@dataclass
class Tok:
    """A word token with offsets; `possessive` when written `X’s`."""

    text: str
    start: int
    end: int
    possessive: bool = False

    key = _FoldedOnce()  # the folded word (not a field)

    @property
    def cap(self) -> bool:
        """Capitalised (or a digit-led name with capitals, like `3M`)."""
        t = self.text.lstrip("#“\"'‘")
        return bool(t) and (t[0].isupper() or (t[0].isdigit() and any(c.isupper() for c in t))
                            or _ARTICLE_NICKNAME.match(self.text) is not None)


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
    return len(bare) == 1 or "." in bare or fold(bare).replace(" ", ".") in V.ABBREVIATIONS \
        or bare[:1].isupper() and fold(bare) in V.NAME_ABBREVIATIONS  # ("Ma. Guadalupe Ríos")


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

@functools.lru_cache(maxsize=100_000)
def is_given(word: str) -> bool:
    """A common given name (accent-insensitive); `Jean-Pierre` counts by its first part."""
    k = fold(word)
    if " " in k and "-" in word:
        if k in V.package_compound_given_names():
            return True  # "Mi-Rae", "Abdel-Karim": a hyphenated given name as a whole
        k = k.split()[0]
    return k in V.GIVEN_NAMES or k in V.package_given_names()


_INITIAL = re.compile(r"[A-Z]\.")
# A nickname opened by a lower-case article (`Perla "la Güera" Santillán`, `Rogelio "el Güero" Zárate`).
_ARTICLE_NICKNAME = re.compile(r"[“\"](?:el|la|los|las|don|doña) [A-ZÁÉÍÓÚÑ]")
_LETTERS = re.compile(r"[^\W\d_]+(?:[’'\-][^\W\d_]+)*")


def is_nickname(tok: Tok) -> bool:
    """A nickname written in quotes (`“Chato”`)."""
    return tok.text[:1] in "“\"'‘" and len(tok.text) > 2


def namey(tok: Tok) -> bool:
    """Could be part of a person's name: capitalised letters, not a known non-name word."""
    return _namey(tok.text)


@functools.lru_cache(maxsize=100_000)
def _namey(t: str) -> bool:
    """`namey` of a token's text (it reads nothing else of the token)."""
    tok = Tok(t, 0, len(t))
    if is_nickname(tok):
        return t[1:2].isupper() or _ARTICLE_NICKNAME.match(t) is not None
    if not t or not t[0].isupper():
        return False
    if _INITIAL.fullmatch(t) or t.endswith(".") and fold(t[:-1]) in V.NAME_ABBREVIATIONS:
        return True  # "Ana R. Paz", "José Ma. Ruiz"
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
        or (k in V.PLACES and k not in V.PLACE_SURNAMES)
        or k in V.ORG_SUFFIXES
        or k in V.TITLE_WORDS
        or k.replace(" ", "") in V.TITLE_WORDS  # "Co-Chair"
        or k in V.HONORIFICS
        or k in V.MONTHS
        or k in V.LIST_WORDS
        or k in V.PEOPLE_HEADINGS
        or k in V.ORG_HEADS
        or k in V.FUNCTION_WORDS_ES
        or k in V.PLACE_UNITS
        or k in V.THING_NOUNS
        or k in V.NOT_NAME_VERBS
        or k in V.SPEECH_VERBS
    )


def is_title_tok(tok: Tok) -> bool:
    """A job-title word or honorific (`President`, `Rep.`, `directora`)."""
    return _is_title_key(tok.key)


@functools.lru_cache(maxsize=100_000)
def _is_title_key(key: str) -> bool:
    k = key.replace(" ", "")
    return key in V.TITLE_WORDS or k in V.TITLE_WORDS or key in V.HONORIFICS or bool(
        _HYPHEN_TITLE.fullmatch(key) and key.split()[0] in V.TITLE_WORDS | {"commander"})


# `Editor-in-Chief`, `President-elect` (one token: its key has spaces for its hyphens).
_HYPHEN_TITLE = re.compile(r"\w+ (?:in chief|elect)")


_KINDS_LONGEST_FIRST = sorted(V.INITIATIVE_KINDS.items(), key=lambda kv: -len(kv[0]))
# Every word of a kind ("task", "force", "consejo"): a run without one names no group.
KIND_WORDS = frozenset(w for table in (V.INITIATIVE_KINDS, V.INITIATIVE_KINDS_FIRST, V.AMBIGUOUS_GROUP_KINDS)
                       for words in table for w in words.split())


# A venue named for a person, right before the person's name (`Auditorio "Ing.`, `Aula Magna “`, `the Rosa Ruiz`).
_VENUE_BEFORE = re.compile(r"\b(?:Auditorio|Aula(?:\s+Magna)?|Sala|Sal[oó]n|Auditorium|Hall|Edificio|Building|Biblioteca|Library|"
                           r"Teatro|Theater|Theatre|Recinto|Centro de Convenciones)\s*[\"“«]\s*(?:" + V.COURTESY_ABBREVIATIONS
                           + r"\.\s*)?$")


# A document about a group, named before it (`Joint Statement on the`, `Readout of the`, `Informe del`).
DOCUMENT_ABOUT = re.compile(r"(?:Joint\s+)?(?:Statement|Readout|Report|Communiqu[eé]|Declaration|Fact\s+Sheet|Comunicado|"
                            r"Declaraci[oó]n|Informe|Relator[ií]a)\s+(?:on|of|from|de|del|sobre)\s+(?:the\s+|la\s+|el\s+)?", re.I)


def local_legislature(name: str) -> bool:
    """`Pecan Ridge City Council`, `PECAN RIDGE CITY COUNCIL`, `Bexar County Commission`: a local
    government's elected body (an organization, not a group convened from several)."""
    return bool(re.search(r"(?:^|\s)(?:city|town|county|village|municipal|borough) (?:council|commission)$", fold(name)))


@functools.lru_cache(maxsize=100_000)
def initiative_kind(name: str) -> str | None:
    """The initiative kind named by the end of `name` ("... Task Force" -> "task force"), else None."""
    k = fold(name)
    k = re.sub(r"^(?:(?:19|20)\d\d|[ivxl]{1,5}|\d{1,3}(?:a|o|st|nd|rd|th)?) (?=\w)", "", k)  # "III Congreso ...", "2026 Foro ..."
    k = re.sub(r" (?:19|20)\d\d$", "", k)  # "... Foro Industrial 2026"
    if re.match(r"congreso (?:de la union|del estado|de los estados|general)\b", k) or (
            k.startswith("congreso de ") and is_place(name.split(" ", 2)[-1])):
        return None  # a legislature, not a congress of an industry
    if k.startswith("delegacion ") and is_place(name.split(" ", 1)[-1]):
        return None  # "Delegación San Luis Potosí": a federal agency's state office
    if local_legislature(name):
        return None  # "Pecan Ridge City Council": a local government's legislature, an organization
    words_k = k.split()
    if words_k[-1:] in (["breakfast"], ["luncheon"]) and all(w in V.MEAL_WORDS for w in words_k[:-1]):
        return None  # "Registration & Continental Breakfast", "Awards Luncheon": a program's meal, not a named event
    if words_k[-1:] == ["partnership"] and _place_pair(name):
        return "partnership"  # "Michigan-Coahuila Supplier Partnership" (but "Heartland Export Partnership": an organization)
    for words, kind in _KINDS_LONGEST_FIRST:
        if kind and (k == words or k.endswith(" " + words)):
            return kind
    for words, kind in V.INITIATIVE_KINDS.items():
        if kind and kind in V.KINDS_BEFORE_TOPIC and (f" {words} on " in f" {k}" or f" {words} for " in f" {k}"):
            return kind  # "Advisory Board on Cross-Border Freight", "Task Force on Energy"
        if kind == "delegation" and f" {words} to " in f" {k}" and len(k.split(f"{words} to ", 1)[1].split()) <= 4:
            return kind  # "Trade Delegation to Saltillo", "Trade Mission to Mexico": where it went
    for words, kind in V.INITIATIVE_KINDS_FIRST.items():
        if k.startswith(words + " "):
            return kind  # Spanish puts the kind first: "Grupo de Trabajo de ..."
    return None


_TITLE_OF = re.compile(r"^(?:[\w.’'\-]+\s+){0,5}?(?:of|at|de|del)(?:\s+(?:the|la|los|las))?\s+(?=[A-ZÁÉÍÓÚÑ])")
_ACRONYM_TAIL = re.compile(r"\s*\(([A-Z][A-Za-z0-9&.\-]{1,11})\)$")


@functools.lru_cache(maxsize=100_000)  # a pure function of the name; a list names its few organizations on every line
def org_core(name: str) -> tuple[str, str | None]:
    """An organization's name without a title before it (`Director of the X Trust` -> `X Trust`,
    `presidenta de la Comisión de Y` -> `Comisión de Y`), a leading `de`/`en`, or an acronym after it."""
    name = re.sub(r"^(?:de|del|en|at|of)\s+(?=[A-ZÁÉÍÓÚÑ])", "", name)
    name = re.sub(r"^(?:Consejo de Administraci[oó]n|Consejo Directivo|Mesa Directiva|Junta Directiva|Board of Directors|"
                  r"Board of Trustees)\s+(?:de(?:l| la)?|of(?: the)?)\s+(?=[A-ZÁÉÍÓÚÑ])", "", name)  # the board's organization
    m = _TITLE_OF.match(name)
    if m and m.end() < len(name):
        head, rest = name[: m.end()], name[m.end() :]
        if any(is_title_tok(t) for t in tokens(head)) and looks_like_org(rest) and not is_title_tok(tokens(rest)[0]):
            name = rest
    words = name.split()
    while len(words) > 2 and fold(words[-1]) in V.WEEKDAYS | V.MONTHS:
        words = words[:-1]  # "... Mayors Association Wednesday": a date after the name
    lead = 0
    while lead < len(words) - 2 and (fold(words[lead]).replace(" ", "") in V.TITLE_WORDS or fold(words[lead]) in V.TITLE_MODIFIERS):
        lead += 1  # "Co-Chair Binational River Cities Association"
    if lead and any(fold(w).replace(" ", "") in V.TITLE_WORDS for w in words[:lead]) and looks_like_org(" ".join(words[lead:])):
        words = words[lead:]
    if len(words) != len(name.split()):
        name = " ".join(words)
    where = _IN_PLACE_TAIL.search(name)
    if where and is_place(where.group(1)) and len(name[: where.start()].split()) >= 2 and not _POST_IN.search(name[: where.start()]) and (
            looks_like_org(name[: where.start()]) or all(w[:1].isupper() for w in name[: where.start()].split())):
        name = name[: where.start()]  # "Saint Brendan Health System in Houston": where it is, not its name
    acr = _ACRONYM_TAIL.search(name)
    if acr and acr.start() > 0:
        return name[: acr.start()], acr.group(1)
    return name, None


# A post named by where it is ("U.S. Consulate General in Guadalajara", "Embassy of Mexico in Ottawa").
_POST_IN = re.compile(r"\b(?:consulate|consulado|embassy|embajada|consul|office|oficina|representation|representaci[oó]n|"
                      r"delegation|delegaci[oó]n|mission|bureau|branch|chapter|station|chamber)\b", re.I)
_IN_PLACE_TAIL = re.compile(r"\s+(?:in|en)\s+([A-ZÁÉÍÓÚÑ][\w.’'\-]*(?:\s+[A-ZÁÉÍÓÚÑ][\w.’'\-]*){0,2})$")
_OF_SPLIT = re.compile(r"\s+(?:of(?:\s+the)?|del|de\s+la|de\s+los|de\s+las)\s+")


_REPORT_ON = re.compile(r"^(?:[\w’'\-]+\s+){0,3}?(?:report|reports|update|briefing|presentation|summary|informe|reporte)"
                        r"\s+(?:on|about|sobre)(?:\s+(?:the|la|el))?\s+(?=[A-ZÁÉÍÓÚÑ])", re.I)


def group_core(name: str) -> str:
    """`Final Report of the X Task Force` -> `X Task Force`, `Report on the X Delegation to Y` -> `X
    Delegation to Y`: what a group's name is about when the words before `of` (or a report's `on`)
    name a document or an event of it, not a group."""
    if (m := _REPORT_ON.match(name)) and (initiative_kind(name[m.end():]) or binational_group_kind(name[m.end():])):
        name = name[m.end():]
    parts = list(_OF_SPLIT.finditer(name))
    for m in parts:
        head, rest = name[: m.start()], name[m.end() :]
        head_words = fold(head).split()
        if not head_words or head_words[-1] in V.INITIATIVE_KINDS or head_words[-1] in V.AMBIGUOUS_GROUP_KINDS \
                or head_words[0] in V.INITIATIVE_KINDS_FIRST or any(fold(head).startswith(k) for k in V.INITIATIVE_KINDS_FIRST):
            continue
        if head_words[-1] in V.SITTING_WORDS and (
                initiative_kind(rest) or binational_group_kind(rest)):
            return rest  # "Plenary Session of the X Joint Committee", "Third Ministerial Meeting of the X": a sitting of X
        if initiative_kind(head) or binational_group_kind(head):
            continue
        if initiative_kind(rest) or binational_group_kind(rest):
            return rest
    return name


def binational_group_kind(name: str) -> str | None:
    """The kind of a body named like a convened group of two sides ("U.S.-Mexico Energy Council",
    "Alianza Binacional Sonora–Arizona"), whose head word alone could also name an organization."""
    words = fold(name).split()
    if len(words) >= 2 and _binational(name):
        for w in (words[-1], words[0]):
            if w in V.AMBIGUOUS_GROUP_KINDS:
                return V.AMBIGUOUS_GROUP_KINDS[w]
        for n, w in enumerate(words[1:-1], 1):  # "U.S.–Mexico Joint Committee on River Ports"
            if w in V.AMBIGUOUS_GROUP_KINDS and words[n + 1] in ("on", "for", "sobre", "para"):
                return V.AMBIGUOUS_GROUP_KINDS[w]
    return None


_PAIR = re.compile(r"\b[A-Z][\w.]*\s*[-–]\s*(?:[A-Z][\w.]*\s+)?[A-Z]\w+")  # "U.S.-Mexico", "Sonora–Nuevo México"


def _place_like(x: str) -> bool:
    return is_place(x) or fold(x).replace(" ", "") in V.PLACES


def _place_pair(name: str) -> bool:
    """The name joins two sides with a dash, one of them a place (`Michigan-Coahuila`, `Cascadia–Sonora`)."""
    for m in _PAIR.finditer(name):
        sides = re.split(r"\s*[-–]\s*", m.group(), maxsplit=1)
        if len(sides) == 2 and (_place_like(sides[0]) or _place_like(sides[1].split()[0])) \
                and sides[1].split()[0][:1].isupper():
            return True
    return False


# Phrases of a body of two sides (`Dos Californias`, a sister-city committee: two cities).
_TWO_SIDES = ("dos californias", "north american", "norteamerican", "sister cit", "ciudades hermanas", "hermanamiento")


def _binational(name: str) -> bool:
    """The name of a body of two sides: a binational word or a pair of places (`U.S.-Mexico`)."""
    words = set(fold(name.replace("-", " ")).split()) | set(fold(name).split())
    folded = fold(name)
    if words & V.BINATIONAL_WORDS or any(p in folded for p in _TWO_SIDES):
        return True
    for m in _PAIR.finditer(name):
        sides = re.split(r"\s*[-–]\s*", m.group(), maxsplit=1)
        if len(sides) == 2 and _place_like(sides[0]) and (_place_like(sides[1]) or _place_like(sides[1].split()[0])):
            # "U.S.-Mexico Energy Council" convenes two countries; "Iowa-Mexico Business Council",
            # "Arizona-Sonora Produce Council" are a state's own associations
            return _country(sides[0]) and (_country(sides[1]) or _country(sides[1].split()[0]))
    return False


_COUNTRIES = frozenset("us usa unitedstates mexico canada estadosunidos eeuu eua america norteamerica".split())


def _country(x: str) -> bool:
    """`x` names a country (`U.S.`, `Mexico`, `Estados Unidos`), not a state or a city."""
    key = re.sub(r"[\s.]", "", fold(x))
    return key in _COUNTRIES or key in V.package_countries()


# A session's label before its title ("Panel 1: X", "WORKSHOP B: X", "MESA 3. X", "Sesión II – X").
_SESSION_LABEL = re.compile(r"(?:(?:regional|special|featured|closing|opening|industry|policy|plenary|general)\s+)?"
                            r"(?:fireside\s+chat|" + V.SESSION_LABELS + r")(?:\s+(?:\d{1,2}|[A-Z]|[IVX]{1,4}))?\s*(?:[:.–—-]|\s\|)\s+(.{3,120})$",
                            re.I)


_PORTFOLIO_HEADS = frozenset("transporte servicios productos alimentos".split())  # "Departamento de Transporte"


@functools.lru_cache(maxsize=100_000)
def looks_like_org(name: str) -> bool:
    """An organization name by its shape: a known suffix/head word, or an acronym."""
    words = fold(name).split()
    if not words:
        return False
    if words[-1] in V.ORG_SUFFIXES or (len(words) > 1 and any(w in V.ORG_HEADS for w in words)):
        return True
    if len(words) >= 3 and words[:2] == ["port", "of"] and name.split()[2][:1].isupper():
        return True  # "Port of Calder Reach": the port authority
    if len(words) >= 3 and words[0] == "red" and (words[1] in ("de", "del") or words[1].endswith(("ana", "nal", "ica"))):
        return True  # "Red Mexicana de Usuarios de Agua", "Red Nacional de X": a network, not a man named Red
    if len(words) > 2 and words[-1] in V.SUBSIDIARY_TAILS and words[-2] in V.COMPANY_ENDS:
        return True  # "Volantis Automotriz México"
    if len(words) > 1 and (words[-1] in V.COMPANY_ENDS and words[-2] not in ("for", "of", "to", "para")
                           or words[0] in V.COMPANY_HEADS and words[0] not in _PORTFOLIO_HEADS):
        return True  # "Dabiri Coatings", "Plásticos del Bajío": a trade's word names a company (not "Rules for Distributors")
    return bool(re.fullmatch(r"[A-Z0-9][A-Z0-9&.\-]{1,9}", name.strip()))


GENERIC_WORDS = V.NON_NAME_WORDS | V.ORG_SUFFIXES | V.ORG_HEADS | V.NAME_CONNECTORS | V.TITLE_WORDS | V.TITLE_MODIFIERS


def is_generic(name: str) -> bool:
    """Only generic words ("Working Group", "Federal Commission", "Access to Capital")."""
    return all(w in GENERIC_WORDS for w in fold(name).split())


_PLACE_UNITS = frozenset("county parish municipio condado estado state city ciudad valle valley".split())


_DASHED = re.compile(r"\s*[-–]\s*")
_JOINED = re.compile(r"\s*,\s*|\s+(?:y|and|e|&)\s+")


@functools.lru_cache(maxsize=100_000)
def is_place(name: str) -> bool:
    """A place: every word a place word ("Mexico City", "United States"), a known city, state or
    country ("El Paso", "Ensenada"), a pair of them ("Dallas-Fort Worth"), or a county of one."""
    folded = fold(name)
    words = [w for w in folded.split() if w not in V.NAME_CONNECTORS]
    if not words:
        return False
    if all(w in V.PLACES for w in words) or folded in V.package_places() or folded in V.SPANISH_EXONYMS:
        return True
    if len(words) == 2 and all(len(w) == 1 for w in words) and "".join(words) in V.PLACES and "".join(words) != "us":
        return True  # "D.C.": a state's code written with dots
    rest = [w for w in words if w not in _PLACE_UNITS]
    if rest and len(rest) < len(words) and " ".join(rest) in V.package_places():
        return True  # "Yuma County", "Condado de Ellis" (when Ellis is a city), "Valle de Mexicali"
    sides = _DASHED.split(name.strip())
    if len(sides) == 2 and all(fold(x) in V.package_places() for x in sides):
        return True
    parts = _JOINED.split(name.strip())  # "Dallas y El Paso": places joined
    return len(parts) >= 2 and all(p and is_place(p) for p in parts)


_LEGAL_FORMS = frozenset("sc s.c. sa s.a. cv inc inc. llc llp lp ltd corp plc ac a.c.".split())
_PLACE_PREFIX = re.compile(r"^(?:condado|municipio|estado|county|state|city|ciudad|parish)\s+(?:de|of)\s+", re.I)


# The connector before a group's topic, at the end of the text searched (`... sobre `, `... on `).
_TOPIC_BEFORE = re.compile(r"\s(?:sobre|on|for|para|en materia de)\s+$")


def _not_an_org(name: str) -> bool:
    """Shapes that are never an organization's whole name: one title word, head word or legal form
    (`COO`, `Instituto`, `SC`), `Former X`, `X-based`, a place within a place (`México en Washington`),
    a county or state named by its unit (`Condado de X`)."""
    words = fold(name).split()
    if not words:
        return True
    if len(words) == 1 and (words[0] in V.TITLE_WORDS or words[0] in V.ORG_HEADS or words[0] in _LEGAL_FORMS
                            or words[0].replace(".", "") in _LEGAL_FORMS or words[0] in V.PLACE_KINDS
                            or words[0] in V.ORG_SUFFIXES and not name.isupper() or words[0].rstrip(".") in V.COURTESY):
        return True
    if words[0] in ("former", "ex") or words[-1].endswith("-based"):
        return True
    if re.fullmatch(r"at[- ]large|(?:district|distrito|seat|ward|precinct|place|position|curul) (?:\d{1,3}|[ivxl]{1,5}|[a-z])",
                    " ".join(words)):
        return True  # a council seat (`District 4`, `At Large`, `Seat 3`)
    parts = re.split(r"\s+(?:en|in)\s+", name.strip())
    if len(parts) == 2 and all(is_place(x) for x in parts):
        return True
    unit = _PLACE_PREFIX.match(name.strip())
    return bool(unit) and len(words) <= 5 and not looks_like_org(name[unit.end():])


# A group's name often carries its edition: a year or an ordinal before it (`2025 Border Trade
# Mission`, `41ª Asamblea ...`) and a year, or a city and a year, after it (`Foro Industrial Saltillo 2026`).
_EDITION_BEFORE = re.compile(r"(?:\b(?:19|20)\d\d|\b\d{1,3}(?:ª|º|°|st|nd|rd|th)|\b[IVXL]{2,5})[ \t]$")
_EDITION_AFTER = re.compile(r"[ \t]((?:[A-ZÁÉÍÓÚÑ][\w’'.\-]*[ \t]){0,2})(?:19|20)\d\d\b(?![\-–/]\d)")
# Spanish names go on past a lower-case `sobre`/`para` into their topic (`Grupo de Trabajo sobre
# Cadenas de Suministro`), as English ones do past `on`/`for`.
_TOPIC_AFTER = re.compile(
    r"[ \t](?:sobre|para|en materia de|on|for)[ \t]+"
    r"(?:[A-ZÁÉÍÓÚÑ][\w’'.\-]*|de|del|la|las|los|y|e|and|of|the|en|&)(?:[ \t]+(?:[A-ZÁÉÍÓÚÑ][\w’'.\-]*|de|del|la|las|los|y|e|and|of|the|en|&))*")
_TOPIC_TAIL = re.compile(r"(?:[ \t]+(?:de|del|la|las|los|y|e|and|of|the|en|&))+$")


_AND_THE = re.compile(r"\s+(?:y|e|and)\s+(?:el|la|los|las|the|our|su|sus|nuestro|nuestra)\s+")
_TRAILING_PLACE = re.compile(r"\s+(?:en|in)\s+(?:[A-ZÁÉÍÓÚÑ][\w’'.\-]*\s*){1,3}$")
# "Caucus Bipartidista sobre México de la Cámara de Representantes": the legislature the group sits in.
_LEGISLATURE_TAIL = re.compile(r"\s+(?:de\s+la\s+C[aá]mara\s+de\s+(?:Diputados|Representantes|Senadores)|del\s+Senado"
                               r"|del\s+Congreso|of\s+the\s+(?:House|Senate)\b)(?:\s+[\w’'.\-]+){0,4}$")


def _edition_of(longer: str, short: str) -> bool:
    """`foro industrial saltillo 2026` is an edition of `foro industrial saltillo` (folded names)."""
    return longer.startswith(short + " ") and bool(re.fullmatch(r"(?:[\w.\-]+ ){0,2}(?:19|20)\d\d", longer[len(short) + 1 :]))


# A program's name and its acronym before a group's head (`Advanced Manufacturing Technology (AMT) Program
# Advisory Committee`): part of the group's name when the acronym is the words' initials.
_NAME_AND_ACRONYM_BEFORE = re.compile(r"((?:[A-ZÁÉÍÓÚÑ][\w’'\-]*[ \t]+(?:(?:and|of|for|de|y|&)[ \t]+)?){2,6})\(([A-Z]{2,8})\)[ \t]+$")


def _acronym_before(text: str, start: int) -> int:
    """Where a group's name starts when `X Y (XY) ` stands right before `start`, else `start`."""
    m = _NAME_AND_ACRONYM_BEFORE.search(text, max(0, start - 90), start)
    if not m:
        return start
    for w in re.finditer(r"\S+", m.group(1)):  # the words that the acronym spells, from the first that fits
        rest = m.group(1)[w.start():].split()
        if rest[0][:1].isupper() and "".join(x[0] for x in rest if x[:1].isupper()).upper() == m.group(2):
            return m.start() + w.start()
    return start


def extend_group_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of a group's name grown over its edition and topic (see the patterns above)."""
    if start and text[start - 1] == " " and text[start - 2 : start - 1] == ")":
        start = _acronym_before(text, start)
    if text[start:end].isupper() and text[end : end + 1] == "\n":
        nxt = text.find("\n", end + 1)
        nxt = len(text) if nxt < 0 else nxt
        more = text[end + 1 : nxt].strip()
        if more and more.isupper() and len(more) < 60 and not re.search(r"[.:;]$", more) and len(more.split()) <= 6 \
                and initiative_kind(f"{text[start:end]} {more}"):
            end = text.index(more, end + 1) + len(more)  # a heading in capitals wrapped onto two lines
    m = _EDITION_BEFORE.search(text, max(0, start - 8), start)
    month_before = m and fold(text[max(0, m.start() - 12) : m.start()].split()[-1] if text[max(0, m.start() - 12) : m.start()].split() else "") in V.MONTHS
    if m and m.end() == start and (m.start() == 0 or not text[m.start() - 1].isalnum()) and not month_before:
        start = m.start()
    m = _TOPIC_AFTER.match(text, end)
    if m and re.search(r"[A-ZÁÉÍÓÚÑ]", m.group()) and (initiative_kind(text[start:end]) is not None
                                                       or fold(text[start:end]) in V.INITIATIVE_KINDS_FIRST):
        tail = _TOPIC_TAIL.search(m.group())
        topic_end = m.start() + (tail.start() if tail else len(m.group()))
        first = m.group().split()
        if len(first) > 1 and first[1][:1].isupper() and fold(first[1]).strip(".,") not in V.WEEKDAYS | V.MONTHS:
            end = topic_end  # (not "... Council on Monday")
            cut = _LEGISLATURE_TAIL.search(text, start, end)
            if cut:
                end = cut.start()  # "Caucus Bipartidista sobre México" (de la Cámara de Representantes)
    while end - start > 2 and text[end - 1] == "." and text[end - 2].islower():
        end -= 1  # the sentence's full stop, not an abbreviation's
    m = _EDITION_AFTER.match(text, end)
    if m and (not m.group(1).strip() or is_place(m.group(1).strip())):
        end = m.end()
    m = _DESTINATION.match(text, end)
    if m and initiative_kind(text[start:end]) == "delegation" and is_place(m.group("place")):
        end = m.end("place")  # "2025 Kansas Trade Mission to Mexico", "misión comercial a Ohio y Michigan"
        if m.group("place2") and is_place(m.group("place2")):
            end = m.end()
    if re.search(r"[ \t](?:to|a)[ \t]", text[start:end]) and (m := _STATE_AFTER.match(text, end)) \
            and is_place(m.group("place")) and not _country(m.group("place")) and initiative_kind(text[start:end]) == "delegation":
        end = m.end("place")  # "Sister City Delegation to Celaya, Guanajuato": the town's state (not "Nuevo León, Mexico")
    return start, end


_STATE_AFTER = re.compile(r",[ \t]+(?P<place>[A-ZÁÉÍÓÚÑ][\w.’'-]+(?:[ \t]+[A-ZÁÉÍÓÚÑ][\w.’'-]+)?)(?=[ \t]*(?:[(\n.;:]|$))")


# Where a named mission goes (`to Mexico`, `to the Bajío`, `a Texas`).
_PLACE_WORDS = r"[A-ZÁÉÍÓÚÑ][\w.’'-]+(?:[ \t]+[A-ZÁÉÍÓÚÑ][\w.’'-]+){0,2}"
_DESTINATION = re.compile(rf"[ \t]+(?:to|a)[ \t]+(?:the[ \t]+)?(?P<place>{_PLACE_WORDS})"
                          rf"(?:[ \t]+(?:and|y|e)[ \t]+(?P<place2>{_PLACE_WORDS}))?")


# --------------------------------------------------------------------------- the document builder

class Doc:
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
        self.joined: set[tuple[int, int]] = set()  # memberships given only for being on the main group's page
        # (person, position, role) listed under `Participants:` (a delegation) or `Speakers:` (a forum)
        self.pending_delegates: list[tuple[int, int, str]] = []
        self.span_starts: dict[tuple[str, int], set[int]] = {}
        self.parts: dict[str, set[int]] = {}  # a person's first/middle/last name -> person indexes
        self.dropped_orgs: set[int] = set()  # organizations retyped as initiatives
        self.merged_initiatives: dict[int, int] = {}  # initiative -> the one it is another name of
        self.section_groups: set[int] = set()  # initiatives that head a section of the page (a committee's list)
        self.committees: set[int] = set()  # an association's committees, known only by their head word
        self.event_page: int | None = None  # the event an event page's headline names (`db.extract.groups.event_headline`)

    # entities ---------------------------------------------------------------
    def _key(self, etype: str, name: str) -> str:
        return fold(name) if etype == "person" else compact_key(name)

    def lookup(self, etype: str, name: str) -> int | None:
        """Index of an entity already found in this document under `name` (or an alias)."""
        return self.index.get((etype, self._key(etype, name)))

    def add(self, etype: str, name: str, span: Span | None, **fields) -> int:
        """Find or add an entity; returns its index. Fields fill only what is still empty."""
        name = " ".join(name.split())
        if etype == "person" and (cut := _open_quote_at(name)) is not None:
            name = name[:cut].rstrip()  # "Leopoldo Iván “Chu": a nickname cut off with the text
            if span is not None and (scut := _open_quote_at(span.text)) is not None:
                kept = span.text[:scut].rstrip()
                span = Span(span.start, span.start + len(kept), kept, span.sentence)
        if etype == "organization":
            core, acronym = org_core(name)
            if core != name and span is not None and (at := span.text.find(core)) >= 0:
                span = Span(span.start + at, span.start + at + len(core), core, span.sentence)
            name = core
            if acronym and not fields.get("acronym"):
                fields["acronym"] = acronym
        if etype == "initiative":
            core = group_core(name)
            if core != name:
                if span is not None:
                    at = span.text.rfind(core)
                    span = Span(span.start + at, span.start + at + len(core), core, span.sentence) if at >= 0 else span
                name = core
            # "Grupo X y el Secretario Técnico": the group ends before `y el`; "Grupo de Amistad X en San
            # Lázaro": where it met is not its name
            for tail in (_AND_THE, _TRAILING_PLACE, _LEGISLATURE_TAIL):
                cut = tail.search(name)
                if tail is _TRAILING_PLACE and cut and re.search(r"\s(?:on|for)\s", name[: cut.start()]):
                    continue  # "Roundtable on Nearshoring in Northeast Mexico": the region is the topic's
                if tail is _LEGISLATURE_TAIL and cut and name[: cut.start()].islower():
                    continue  # "delegación bipartidista de la Cámara de Representantes": unnamed, the tail tells which
                if cut and initiative_kind(name[: cut.start()]):
                    name = name[: cut.start()]
                    if span is not None and span.text.startswith(name):
                        span = Span(span.start, span.start + len(name), name, span.sentence)
            if span is not None and " ".join(span.text.split()) == name:
                start, end = extend_group_span(self.text, span.start, span.end)
                if (start, end) != (span.start, span.end):
                    span = Span(start, end, self.text[start:end], span.sentence)
                    name = " ".join(span.text.split())
        idx = self.lookup(etype, name)
        if idx is None and etype == "person":
            idx = self._fuller_person(name)
        if idx is None and etype == "person":
            idx = self._lengthen_person(name)
        if idx is None:
            idx = len(self.found[etype])
            self.found[etype].append(Found(etype, name))
            self.index[(etype, self._key(etype, name))] = idx
        ent = self.found[etype][idx]
        if etype == "person" and not ent.spans:
            parts = fold(name).split()
            words = name.split()  # "Echeverría-Pratt" is one surname as written
            for k in {parts[0], parts[-1], fold(words[-1])} | {p for p in parts[1:-1] if len(p) > 3}:
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
            titled = _SESSION_LABEL.match(ent.name)
            if titled and len(titled.group(1).split()) >= 2:
                self.alias("initiative", idx, titled.group(1))  # "Panel 1: Ports and Rail" is also "Ports and Rail"
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

    def _fuller_person(self, name: str) -> int | None:
        """`Lira Ocaña` or `Nidia Lira` after `Nidia Lira Ocaña`: the one person whose
        full name ends or starts with these two or more words."""
        words = fold(name).split()
        if len(words) < 2:
            return None
        people = self.found["person"]
        candidates = sorted(self.parts.get(words[0], set()) | self.parts.get(words[-1], set()))
        hits = [i for i in candidates
                if len(pw := fold(people[i].name).split()) > len(words) and (pw[-len(words):] == words or pw[: len(words)] == words)]
        return hits[0] if len(hits) == 1 else None

    def _lengthen_person(self, name: str) -> int | None:
        """`Hermilo Ocampo Villalvazo` after `Ocampo Villalvazo` (read first, after `el senador`): the one person
        whose two or more words end or start this longer name takes it as their name."""
        words = fold(name).split()
        if len(words) < 3:
            return None
        people = self.found["person"]
        candidates = sorted(set().union(*(self.parts.get(w, set()) for w in words)))
        hits = [i for i in candidates
                if 2 <= len(pw := fold(people[i].name).split()) < len(words) and (words[-len(pw):] == pw or words[: len(pw)] == pw)]
        if len(hits) != 1:
            return None
        ent = people[hits[0]]
        ent.aliases.add(ent.name)
        ent.name = name
        self.index[("person", self._key("person", name))] = hits[0]
        for k in {words[0], words[-1]} | {p for p in words[1:-1] if len(p) > 3}:
            self.parts.setdefault(k, set()).add(hits[0])
        return hits[0]

    def person_by_part(self, word: str) -> int | None:
        """The one person of this document whose first or last name is `word`."""
        hits = self.parts.get(fold(word), set())
        return next(iter(hits)) if len(hits) == 1 else None

    def person_by_surname(self, item: str) -> int | None:
        """The one person of this document whose name ends with `item` (`Park-Valdivia`, `de la Fuente
        Olvera`, `Quiroga Ledesma`)."""
        key = fold(item)
        if not key or len(item) > 40 or not item[:1].isalpha():
            return None
        hits = {i for i, p in enumerate(self.found["person"]) if fold(p.name).endswith(" " + key)}
        return hits.pop() if len(hits) == 1 else None

    def retype_org(self, org: int, kind: str) -> int:
        """The organization `org` is an initiative after all: move its mentions, aliases and people
        (affiliations become memberships); returns the initiative."""
        ent = self.found["organization"][org]
        ini = self.add("initiative", ent.name, None, kind=kind, acronym=ent.acronym)
        target = self.found["initiative"][ini]
        target.spans += [sp for sp in ent.spans if sp not in target.spans]
        target.aliases |= ent.aliases
        for alias in ent.aliases | {ent.name}:
            self.index.pop(("organization", self._key("organization", alias)), None)
            self.index.setdefault(("initiative", self._key("initiative", alias)), ini)
        for (p, o) in [k for k in self.affiliations if k[1] == org]:
            del self.affiliations[(p, o)]
            self.member(p, ini, "member")
        for (i, o) in [k for k in self.initiative_orgs if k[1] == org]:
            del self.initiative_orgs[(i, o)]
        self.dropped_orgs.add(org)
        return ini

    def initiative_root(self, ini: int) -> int:
        """The initiative `ini` is another name of, in the end (itself if none; see `merge_initiative`)."""
        while ini in self.merged_initiatives:
            ini = self.merged_initiatives[ini]
        return ini

    def merge_initiative(self, src: int, dst: int) -> None:
        """Initiative `src` is another name of `dst` in this document (`la comitiva` of the one
        named mission): its names and relations go to `dst` when the document is finished."""
        dst = self.initiative_root(dst)
        if src != dst:
            self.merged_initiatives[src] = dst

    # relations --------------------------------------------------------------
    def affiliate(self, person: int, org: int, title: str | None) -> None:
        """Person works at organization (with the title as written, if any)."""
        if self.affiliations.get((person, org)) is None:
            self.affiliations[(person, org)] = title or None

    def member(self, person: int, initiative: int, role: str | None) -> None:
        """Person takes part in initiative with a role."""
        old = self.memberships.get((person, initiative))
        if (person, initiative) in self.joined:  # a sentence now says so: its role, not the one guessed from the page
            self.joined.discard((person, initiative))
            self.memberships[(person, initiative)] = role or old or "member"
        elif old is None or old == "member":
            self.memberships[(person, initiative)] = role or old or "member"

    def partner(self, initiative: int, org: int, role: str | None) -> None:
        """Organization has a role in initiative."""
        if self.initiative_orgs.get((initiative, org)) is None:
            self.initiative_orgs[(initiative, org)] = role

    # final in-document merges ----------------------------------------------
    def _drop_people(self, drop: set[int]) -> None:
        """Remove people (a place read as a name: "Yuma County"), renumbering the relations."""
        if not drop:
            return
        keep = [i for i in range(len(self.found["person"])) if i not in drop]
        new = {old: n for n, old in enumerate(keep)}
        self.found["person"] = [self.found["person"][i] for i in keep]
        self.affiliations = {(new[p], o): t for (p, o), t in self.affiliations.items() if p in new}
        self.memberships = {(new[p], i): r for (p, i), r in self.memberships.items() if p in new}

    def _drop_orgs(self) -> None:
        """Remove the organizations retyped as initiatives, renumbering the relations."""
        keep = [i for i in range(len(self.found["organization"])) if i not in self.dropped_orgs]
        new = {old: n for n, old in enumerate(keep)}
        self.found["organization"] = [self.found["organization"][i] for i in keep]
        self.affiliations = {(p, new[o]): t for (p, o), t in self.affiliations.items() if o in new}
        self.initiative_orgs = {(i, new[o]): r for (i, o), r in self.initiative_orgs.items() if o in new}
        self.dropped_orgs = set()

    def _places_of_orgs(self) -> set[int]:
        """People with no title nor organization whose whole name ends an organization's name after `of`/`de`
        (`Sabine Crest` beside `Port of Sabine Crest`): the place the organization is named after."""
        tails = {m.group(1) for o in self.found["organization"] if (m := _OF_TAIL.search(fold(o.name)))}
        if not tails:
            return set()
        linked = {p for p, _ in self.affiliations}
        return {i for i, p in enumerate(self.found["person"])
                if i not in linked and not p.title and any(t == fold(p.name) or t.endswith(" " + fold(p.name))
                                                           for t in tails)}

    def _venue_namesakes(self) -> set[int]:
        """People every mention of whom names a venue (`Auditorio "Ing. Anselmo X"`, `Aula Magna “Dra. Elvira Y”`)."""
        out = set()
        for i, p in enumerate(self.found["person"]):
            if p.spans and all(_VENUE_BEFORE.search(self.text, max(0, sp.start - 40), sp.start) for sp in p.spans):
                out.add(i)
        return out

    def _street_addresses(self) -> set[int]:
        """People every mention of whom is a street after a house number (`1123 Oak Court`)."""
        out = set()
        for i, p in enumerate(self.found["person"]):
            words = fold(p.name).split()
            if len(words) >= 2 and words[-1].rstrip(".") in V.STREET_TYPES and p.spans and all(
                    _HOUSE_NUMBER.search(self.text, max(0, sp.start - 8), sp.start) for sp in p.spans):
                out.add(i)
        return out

    def finish(self) -> Extraction:
        """Merge short forms into long ones (`Globex` -> `Globex Logistics`) and return."""
        for i, org in enumerate(self.found["organization"]):
            if not re.search(r"[^\W\d_]", org.name) or (is_place(org.name) and not org.acronym) or _not_an_org(org.name):
                self.dropped_orgs.add(i)  # "2011–2017", "El Paso": a date or a place, never an organization
        people = {fold(p.name) for p in self.found["person"] if " " in p.name and not _never_a_name(p.name)}
        for i, org in enumerate(self.found["organization"]):
            head = _PERSON_OF.match(fold(org.name))
            if head and head.group(1) in people:
                self.dropped_orgs.add(i)  # "Emeka Duru of Ridgeway Systems": a person and the company, read as one
        group_spans = [(sp.start, sp.end) for ini in self.found["initiative"] for sp in ini.spans]
        for i, org in enumerate(self.found["organization"]):
            named = [sp for sp in org.spans if self.text[sp.start : sp.end] != org.acronym]  # (its acronym: the group's too)
            if named and all(any(a <= sp.start and sp.end <= b for a, b in group_spans) for sp in named) and any(
                    a < sp.start and sp.end == b and _TOPIC_BEFORE.search(self.text, a, sp.start)
                    for sp in named for a, b in group_spans):
                self.dropped_orgs.add(i)  # "Red X sobre Nearshoring y Desarrollo Regional": a group's topic, read apart
        if self.dropped_orgs:
            self._drop_orgs()
        self._drop_people({i for i, p in enumerate(self.found["person"]) if is_place(p.name) or _never_a_name(p.name)}
                          | self._places_of_orgs() | self._street_addresses() | self._venue_namesakes())
        orgs = self.found["organization"]
        remap: dict[int, int] = {}
        by_name = sorted((fold(o.name), j) for j, o in enumerate(orgs))  # prefixes by bisection, not every pair
        for i, org in enumerate(orgs):
            short = fold(org.name)
            if not short.strip() or org.name.isupper() or short.split()[-1] in V.NAME_CONNECTORS:
                continue
            lo = bisect.bisect_left(by_name, (short + " ", -1))
            hi = bisect.bisect_left(by_name, (short + "!", -1))  # "!" sorts right after " "
            longer = [j for _, j in by_name[lo:hi] if j != i]
            if len(longer) == 1 and longer[0] not in remap:
                remap[i] = longer[0]  # "Globex" / "U.S. Chamber" -> the longer name in this document
        inits = self.found["initiative"]
        iremap: dict[int, int] = dict(self.merged_initiatives)
        folded = [fold(ini.name) for ini in inits]
        for j, long in enumerate(folded):  # "New X Council", "Appointees to the X Council": X Council
            for i, short in enumerate(folded):
                if i != j and j not in iremap and long.endswith(" " + short) and len(short.split()) >= 2 and all(
                        w in _NOT_OF_A_GROUP_NAME for w in long[: -len(short)].split()):
                    iremap[j] = iremap.get(i, i)
                    break
        for i, ini in enumerate(inits):
            k = fold(ini.name)
            longer = [j for j, o in enumerate(inits) if j != i and (fold(o.name).endswith(" " + k) or _edition_of(fold(o.name), k)
                                                                   or _kind_first_short(k, fold(o.name)))]
            if len(longer) == 1 and len(k.split()) >= 2 and i not in iremap and longer[0] not in iremap \
                    and i not in iremap.values():
                iremap[i] = longer[0]
        premap = _initial_variants(self.found["person"])
        titled = _titled_variants(self.found["person"], premap)
        titled_names = [(self.found["person"][t], self.found["person"][i].name) for i, t in titled.items()]
        people2, orgs2, inits2 = (
            _merge_list(lst, mp) for lst, mp in ((self.found["person"], premap | titled),
                                                 (orgs, remap), (inits, iremap))
        )
        for person, name in titled_names:  # "Dean X" is how the page addressed her, not another name of hers
            person.aliases.discard(name)
        people, pnew, onew, inew = people2[0], people2[1], orgs2[1], inits2[1]
        aff = {}
        for (p, o), t in self.affiliations.items():
            key = (pnew[p], onew[o])
            if aff.get(key) is None:
                aff[key] = t
        mem = {}
        for (p, i), r in self.memberships.items():
            key = (pnew[p], inew[i])
            if mem.get(key) in (None, "member"):
                mem[key] = r
        io = {}
        for (i, o), r in self.initiative_orgs.items():
            key = (inew[i], onew[o])
            if io.get(key) is None:
                io[key] = r
        return Extraction(people, orgs2[0], inits2[0], aff, mem, io)


_PERSON_OF = re.compile(r"(.+?) (?:of|at|de|from) ")
_HOUSE_NUMBER = re.compile(r"\b\d{1,6}[A-Za-z]?\s+$")
_OF_TAIL = re.compile(r"\s(?:of|de|del|de la)\s(.+)$")


def _kind_first_short(short: str, long: str) -> bool:
    """`Comité Binacional` for `Comité Binacional de Cruces Fronterizos`: a Spanish name that opens with its
    kind, cut before its `de ...` (folded names)."""
    words = short.split()
    if len(words) >= 2 and words[-1] in _KIND_ENDS and re.match(r"(?:on|for|sobre|para) ", long[len(short) + 1 :]) \
            and long.startswith(short + " "):
        return True  # "Independent Task Force" for "Independent Task Force on X" (a title page wraps the topic)
    return len(words) >= 2 and words[0] in _SPANISH_KIND_FIRST and long.startswith(short + " de ")


_SPANISH_KIND_FIRST = frozenset("comite consejo comision grupo mesa foro cumbre mecanismo alianza dialogo".split())


_NICKNAME = re.compile(r"\s[“\"][^”\"]{1,20}[”\"]")


def _initial_variants(people: list[Found]) -> dict[int, int]:
    """`Ellison Hargrove` (a masthead) and `Ellison T. Hargrove` (the release), `Hamza Qureshi` and `Hamza
    "Ham" Qureshi`: one person, named without and with a middle initial or a nickname; the shorter form goes
    into the one fuller form."""
    by_key: dict[str, list[int]] = {}
    for i, p in enumerate(people):
        words = fold(_NICKNAME.sub("", p.name)).split()  # (and without a nickname: `Hamza "Ham" Qureshi`)
        by_key.setdefault(" ".join(w for w in words if len(w) > 1), []).append(i)
    out = {}
    for key, ids in by_key.items():
        if len(ids) < 2 or len(key.split()) < 2:
            continue
        longest = max(ids, key=lambda i: len(people[i].name.split()))
        if sum(len(people[i].name.split()) == len(people[longest].name.split()) for i in ids) == 1:
            out.update({i: longest for i in ids if i != longest})
    return out


def _titled_variants(people: list[Found], remap: dict[int, int]) -> dict[int, int]:
    """`Dean Castellano-Wu` beside `Hermione Castellano-Wu`: a "name" whose first word is a title that is
    also a given name (`Dean`, `Judge`), followed by the surname of exactly one other person of the page,
    is that person addressed by her title."""
    out = {}
    for i, p in enumerate(people):
        words = fold(p.name).split()
        if i in remap or len(words) < 2 or not _is_title_key(words[0]):
            continue
        rest = " ".join(words[1:])
        hits = [j for j, q in enumerate(people) if j != i and j not in remap
                and (other := fold(q.name)).endswith(" " + rest) and len(other.split()) > len(words) - 1]
        if len(hits) == 1:
            out[i] = hits[0]
    return out


# Words a headline or caption puts before a group's name that are no part of it (folded).
_NOT_OF_A_GROUP_NAME = frozenset("new newly formed created first inaugural appointees members member meet join joins "
                                 "joined about the to of our its this launches launch launched announces announcing "
                                 "nuevo nueva nuevos nuevas primer primera integrantes del de la el".split())


def _never_a_name(name: str) -> bool:
    """A company, a capitalised headline or a place read as a person by any stage: it opens with a company's
    head word or holds a headline verb, a place unit or an infrastructure noun (`Transportes Ruiz`,
    `Sterling Ruiz Expands Plant`, `Harris County`, `Ruiz Port Corridor`)."""
    words = [w for w in name.split() if w[:1].isupper()]
    if words and (fold(words[0]) in V.COMPANY_HEADS or fold(words[0]) in V.ORG_HEADS):
        return True  # "Transportes Ruiz", "Grupo Salcedo": a company named after a family
    if len(words) > 1 and fold(words[-1]) in V.COMPANY_ENDS:
        return True  # "Pinecrest Tooling", "Dabiri Coatings": a trade's word ends a company's name
    return any(fold(w) in V.NOT_NAME_VERBS or fold(w) in V.PLACE_UNITS or fold(w) in V.THING_NOUNS for w in words)


def _open_quote_at(name: str) -> int | None:
    """Where a person's name opens a quotation it never closes (`Ana “Chata` at the end of a cut text),
    if two or more words come before it."""
    for q, close in (("“", "”"), ('"', '"')):
        at = name.find(q)
        if at > 0 and name.find(close, at + 1) < 0 and len(name[:at].split()) >= 2:
            return at
    return None


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

_CELL_SEP = re.compile(r"\s*\|\s*|\t+\s*|\s{2,}")


def table_cells(text: str, line: tuple[int, int]) -> list[tuple[int, int]]:
    """The cells of a table row (`A | B | C`, tab- or wide-space-separated), as offsets."""
    s, e = line
    out, pos = [], s
    for m in [*_CELL_SEP.finditer(text, s, e), None]:
        end = m.start() if m else e
        cell = text[pos:end]
        if cell.strip():
            a = pos + len(cell) - len(cell.lstrip())
            out.append((a, a + len(cell.strip())))
        if m:
            pos = m.end()
    return out


def cap_runs(toks: list[Tok], text: str) -> list[list[Tok]]:
    """Maximal runs of capitalised tokens (with connectors inside), broken by punctuation."""
    runs: list[list[Tok]] = []
    cur: list[Tok] = []
    for i, tok in enumerate(toks):
        gap = text[cur[-1].end : tok.start] if cur else ""
        gap_ok = bool(cur) and not cur[-1].possessive and "   " not in gap and "\t" not in gap and not (  # a tab or a wide gap parts columns and menu items
            "  " in gap and len(cur) == 1 and cur[0].text.isupper() and len(cur[0].text) > 1) and (  # menus; "ACME  Acme Corp"
            gap.strip() == "" or (gap.strip() == "," and tok.key in V.NAME_SUFFIXES and len(cur) >= 2)  # "Quarles, Jr."
        )
        century = i + 1 < len(toks) and toks[i + 1].key == "century" and re.fullmatch(r"\d+(?:st|nd|rd|th)", tok.text)
        if tok.cap or tok.text == "&" or century:  # "21st Century Border Initiative"
            if not gap_ok:
                if cur:
                    runs.append(cur)
                cur = []
            cur.append(tok)
        elif gap_ok and tok.key in _JOINERS and _joins_capital(toks, i, text):
            cur.append(tok)
        elif gap_ok and _YEAR.fullmatch(tok.text) and i + 1 < len(toks) and toks[i + 1].cap \
                and text[tok.end : toks[i + 1].start] == " " and cur[-1].text.isupper() and len(cur[-1].text) >= 2 \
                and not toks[i + 1].text.isupper():  # (not inside a shouted headline)
            cur.append(tok)  # "AFCDA 2025 Annual Convention": a year inside an event's name, after its host's acronym
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
_YEAR = re.compile(r"(?:19|20)\d\d")
# A tab or three spaces separate the columns of a flattened table or a menu bar, never the words of
# one name: "Lic. Ana Ruiz Paz      Jorge Lemus" is two names, "Inicio   Nosotros   Marco Legal" no name.
_COLUMN_GAP = re.compile(r"\t| {3,}")


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


def strip_leading(run: list[Tok]) -> list[Tok]:
    """Drop leading determiners and connectors (`the`, `Our`, `of`)."""
    while run and (run[0].key in V.LEADING_DETERMINERS or run[0].key in V.NAME_CONNECTORS):
        run = run[1:]
    return run


def strip_list_words(run: list[Tok]) -> list[Tok]:
    """`Members of the X Working Group` -> `X Working Group`."""
    for i, t in enumerate(run[:-1]):
        if t.key in V.LIST_WORDS and run[i + 1].key in V.NAME_CONNECTORS:
            rest = strip_leading(run[i + 1 :])
            if len(rest) >= 2:
                return rest
        if t.key not in V.LIST_WORDS:
            break
    return run


# The last word of a group's kind (`group`, `force`, `forum`, `subgroup`): no person's name ends with it.
_KIND_ENDS = frozenset(k.split()[-1] for table in (V.INITIATIVE_KINDS, V.AMBIGUOUS_GROUP_KINDS) for k in table) - {"exchange"}


def _name_from(run: list[Tok], i: int, titled: bool = False) -> list[Tok] | None:
    """The person name starting at run[i], or None if the run goes on past a plausible name."""
    name = [run[i]]
    j = i + 1
    company_after = False
    while j < len(run):
        t = run[j]
        if _company_follows(run, j, name):
            company_after = True  # "Teófilo Canul Ordaz de Hilaturas del Sureste": the name ends before `de`
            break
        if len(name) >= 2 and t.key in V.MATERIAL_WORDS:
            company_after = True  # "Senator Ana Ruiz Opening Statement (PDF)": a document of the person
            break
        if t.key in V.NAME_PARTICLES and t.text.islower() and _particles_then_name(run, j, name):
            name.append(t)
        elif t.text == "y" and len(name) >= 2 and j + 2 == len(run) and namey(run[j + 1]) and not is_given(run[j + 1].text) \
                and not is_place(run[j + 1].text) and run[j + 1].key not in V.ORG_SUFFIXES:
            name.append(t)  # "Leticia Garza Mier y Terán": two surnames joined by `y`, closing the run
        elif namey(t) or (t.key in V.NAME_SUFFIXES and len(name) >= 2):
            name.append(t)
        elif _surname_like_title(run, j, name, after_particle=bool(name) and name[-1].key in V.NAME_PARTICLES
                                 and name[-1].text.islower()):
            name.append(t)  # "Eustaquio Alcalde Berumen": a title word in a surname's place
        else:
            break
        if name[-1].possessive:
            j += 1
            break
        j += 1
    while name and (name[-1].key in V.NAME_PARTICLES or is_nickname(name[-1])):
        name.pop()
    words = [t for t in name if t.key not in V.NAME_PARTICLES]
    if not 2 <= len(words) <= 5 or name[-1].key in _KIND_ENDS:
        return None  # (nor "Origin Rules Subgroup", "Border Freight Forum": a group's name)
    if name[-1].key.endswith("s") and name[-1].key[:-1].replace(" ", "") in V.TITLE_WORDS:
        return None  # "Gala Co-Chairs": a heading of the people below it
    ends_at_connector = titled and j < len(run) and run[j].text.islower() and run[j].key in V.NAME_CONNECTORS
    title_after = j < len(run) and len(words) >= 3 and is_title_tok(run[j]) and not _surname_like_title(run, j, name)
    if j < len(run) and not name[-1].possessive and not company_after and not ends_at_connector and not title_after:
        return None  # "Harriet Lowe Policy Center": the run is something else (but "Ana Ruiz on the X" is a name)
    return name


def _company_follows(run: list[Tok], j: int, name: list[Tok]) -> bool:
    """run[j] is a bare `de` after a full Spanish name (given name and two surnames), followed by
    two or more capitalised words: `Nombre Apellido Apellido de Empresa Nombre`."""
    if run[j].key != "de" or not run[j].text.islower() or j + 2 >= len(run):
        return False
    words = [t for t in name if t.key not in V.NAME_PARTICLES and not is_nickname(t)]
    rest = run[j + 1 :]
    return len(words) >= 3 and rest[0].cap and rest[1].cap and rest[0].key not in V.NAME_PARTICLES


def _surname_like_title(run: list[Tok], j: int, name: list[Tok], after_particle: bool = False) -> bool:
    """A capitalised common word between a given name and another surname: a title (`Alcalde` in
    `Eustaquio Alcalde Berumen`), or right after the given name or a particle a common noun or a place
    (`Marisa Real Ontiveros`, `Ponce de León Garfias`)."""
    t = run[j]
    k = t.key
    if not name or not t.text[:1].isupper() or t.text.isupper() or k in V.ORG_SUFFIXES or k in V.ORG_HEADS:
        return False
    if not (j + 1 < len(run) and namey(run[j + 1]) and not is_given(run[j + 1].text) and run[j + 1].key not in V.NAME_PARTICLES):
        return False
    given = is_given(name[0].text)
    if k in V.TITLE_WORDS:
        return given
    common = k in V.NON_NAME_WORDS or k in V.PLACES or k in V.TOPIC_WORDS or is_place(t.text)
    things = _NOUN_BEFORE_NAME | V.THING_NOUNS | V.PLACE_UNITS  # (not "Jordan Industrial Park")
    return common and (after_particle or given and len(name) == 1) and k not in things and run[j + 1].key not in things


def _particles_then_name(run: list[Tok], j: int, name: list[Tok] = ()) -> bool:
    while j < len(run) and run[j].key in V.NAME_PARTICLES and run[j].text.islower():
        j += 1
    return j < len(run) and (namey(run[j]) or bool(name) and _surname_like_title(run, j, list(name), after_particle=True))


def collapse_double(run: list[Tok]) -> list[Tok]:
    """`Harriet Lowe Harriet Lowe` -> `Harriet Lowe`."""
    n = len(run)
    if n >= 4 and n % 2 == 0 and [t.key for t in run[: n // 2]] == [t.key for t in run[n // 2 :]]:
        return run[: n // 2]
    return run


def person_in_run(run: list[Tok], *, strong: bool = False) -> tuple[list[Tok], list[Tok]] | None:
    """Split a capitalised run into (title tokens, name tokens) if it ends with a person's name.

    Evidence needed: a known given name, or a title/honorific right before the name, or
    `strong` (the caller has structural evidence such as a member-list line).
    """
    run = collapse_double(run)
    in_thing = False  # inside an organization's or place's name (until a title word)
    for i, tok in enumerate(run):
        if tok.possessive and i < len(run) - 1:
            return None
        if is_title_tok(tok):
            in_thing = False
        if tok.key in V.STREET_WORDS and tok.text[:1].isupper() and i + 1 < len(run):
            in_thing = True  # "Calle Rodrigo Anaya 204", "Hotel Santiago Real": named after someone, not them
            continue
        prev = run[i - 1].key if i else ""
        if tok.key in ("don", "dona") and i + 1 < len(run) and is_given(run[i + 1].text):
            continue  # "Don Aurelio Castañón": a courtesy before a given name, not one
        if is_given(tok.text) and namey(tok) and not is_nickname(tok) and prev not in ("san", "santa", "st", "saint", "el", "los", "las"):
            in_thing = in_thing or _names_a_thing(run, i)
            if in_thing:
                continue
            name = _name_from(run, i)
            if name and len(name) >= 3 and looks_like_org(" ".join(t.text for t in name)):
                return None  # "Red Mexicana de Usuarios de Agua": an organization opening with a given name
            if name:
                while i > 0 and _INITIAL.fullmatch(run[i - 1].text) and (i == 1 or not namey(run[i - 2])) \
                        and fold(run[i - 1].text).rstrip(".") not in V.COURTESY:
                    i -= 1  # "J. Michael Ruiz": a first initial before the given name
                    name = [run[i]] + name
                if i > 0 and run[i - 1].text[:1].isupper() and run[i - 1].text.endswith(".") \
                        and fold(run[i - 1].text[:-1]) in V.NAME_ABBREVIATIONS:
                    i -= 1  # "Ma. Guadalupe Ríos": María written short
                    name = [run[i]] + name
                if strong and 0 < i <= 2 and all(namey(t) and not is_title_tok(t) and t.key.rstrip(".") not in V.COURTESY
                                                 and t.key not in V.NON_NAME_WORDS for t in run[:i]):
                    return [], run[:i] + name  # "Teodomiro Blas Quintanar" in a roster: an unknown first given name
                k = i
                while k > 0 and i - k < 2 and _unknown_given(run[k - 1]):
                    k -= 1
                if 0 < k < i and (run[k - 1].key.rstrip(".") in V.COURTESY or run[k - 1].key in _NAME_OPENING_TITLES):
                    return run[:k], run[k:i] + name  # "Dra. Itzayana Bautista Roel": an unknown given name after a courtesy
                return run[:i], name
            if i + 1 < len(run) and (is_given(run[i + 1].text) or not namey(run[i + 1])):
                continue  # "Nuevo León Secretary of Economy Ana Ruiz": `León` starts no name, go on
            break  # a given-name word that starts no name ("Wiremu Tane": "Tane"): other evidence decides
    for i, tok in enumerate(run):
        if is_title_tok(tok) or strong and i == 0:
            start = i + 1 if is_title_tok(tok) else i
            while is_title_tok(tok) and start + 2 < len(run) and run[start].key in V.TITLE_MODIFIERS and not is_given(run[start].text):
                start += 1  # "Representante Comercial Adjunta de ...", "Secretary General Ana Ruiz"
            if start < len(run) and namey(run[start]) and not is_title_tok(run[start]):
                name = _name_from(run, start, titled=is_title_tok(tok))
                if name:
                    return run[:start], name
    return None


# Honorifics written right before a name, never before more words of a title ("Dip.", "Sen.", "Rep.").
_NAME_OPENING_TITLES = frozenset("dip dip. sen sen. rep rep. diputada diputado senadora senador regidora regidor".split())


def _unknown_given(tok: Tok) -> bool:
    """A word that may be a given name no list knows: name-shaped, no title, courtesy, modifier, place or
    generic word."""
    return namey(tok) and not is_title_tok(tok) and tok.key.rstrip(".") not in V.COURTESY \
        and tok.key not in V.TITLE_MODIFIERS and tok.key not in GENERIC_WORDS and not is_place(tok.text)


def split_trailing_person(run: list[Tok]) -> list[list[Tok]]:
    """A body's name run on into the person named right after it (`Comité de Comercio Exterior Jacinto
    Olvera`, with no comma between): the two runs; else the run alone."""
    if not run or run[0].key not in V.ORG_HEADS and run[0].key not in KIND_WORDS:
        return [run]
    for k in range(2, len(run) - 1):
        if is_given(run[k].text) and run[k - 1].key not in V.NAME_CONNECTORS \
                and run[k - 1].key not in ("san", "santa", "st", "saint", "don", "dona") \
                and not is_place(" ".join(t.text for t in run[k - 1 :])) and not is_place(" ".join(t.text for t in run[k:])) \
                and (found := person_in_run(run[k:])) and not found[0] and found[1][-1] is run[-1]:
            return [run[:k], run[k:]]  # (not "Consejo de San Luis Potosí")
    return [run]


# Common nouns that, written before a given-name word, make the run a place's, a street's, a building's or
# a company's name ("Parque Industrial Rosa Blanca", "Av. Benito Morales 120", "Hospital San Lucas").
_NOUN_BEFORE_NAME = frozenset("industrial parque park plaza puerto port distrito district valle valley".split()) | V.STREET_WORDS


def _names_a_thing(run: list[Tok], i: int) -> bool:
    """The given-name word run[i] is part of an organization's or a place's name: the word before it
    is an organization head word or suffix, a place or a place noun, with no title before it
    (`Fundación Rosa Blanca`, `Parque Industrial Victoria Norte`, `Tucson Lane Expansion Study`)."""
    if i == 0 or is_title_tok(run[i - 1]):
        return False
    titles = [j for j in range(i) if is_title_tok(run[j])]
    since_title = run[titles[-1] + 1 : i] if titles else run[:i]
    if any(t.key in V.ORG_HEADS or t.key in V.ORG_SUFFIXES or t.key in _NOUN_BEFORE_NAME for t in since_title
           if t.text[:1].isupper()):
        return True  # "Director of Fundación Rosa Blanca"
    if any(t.text == "&" for t in since_title):
        return True  # "Ochoa & Reyes Abogados": a firm named after its partners
    prev = run[i - 1]
    if i >= 2 and prev.key in V.NAME_PARTICLES and prev.text.islower() and run[i - 2].text[:1].isupper():
        return True  # "Reserva Natural de Paloma Blanca", "Xochiquetzal de la Rosa": not a name from here
    if titles or not prev.text[:1].isupper() or prev.possessive:
        return False  # "Ambassador to Mexico Ana Ruiz": a title's place, then the name
    return (prev.key in V.PLACES or is_place(prev.text)) and not is_given(prev.text)


def phrase_of(text: str, toks: list[Tok]) -> str:
    """The text the tokens span, as written."""
    return text[toks[0].start : toks[-1].end] if toks else ""



def people_between(people: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """The (position, person) pairs of the sorted `people` with start <= position < end."""
    return people[bisect.bisect_left(people, (start, -1)) : bisect.bisect_left(people, (end, -1))]


def people_in(doc: Doc, start: int, end: int) -> list[int]:
    """The people of `doc` named (by a recorded mention) in text[start:end], in text order."""
    people = sorted((sp.start, pidx) for pidx, p in enumerate(doc.found["person"]) for sp in p.spans)
    return list(dict.fromkeys(pidx for _, pidx in people_between(people, start, end)))


def line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of every line of `text`."""
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


@functools.lru_cache(maxsize=100_000)
def has_title_word(phrase: str) -> bool:
    """Whether `phrase` holds a job-title word."""
    return any(is_title_tok(t) for t in tokens(phrase))


_APPOSITION_OPENERS = frozenset("the a an our its el la los las un una former then now also ex y and de del of at from "
                                 "with for en con".split())


def opens_with_verb(clause: str) -> bool:
    """`Name, informó sobre ...`, `Name, acompañada por el ...`: a clause about the person, not an
    apposition naming a title (which opens with a title, an article or a capitalised word)."""
    toks = tokens(clause)
    if not toks or toks[0].text[:1].isupper() or is_title_tok(toks[0]):
        return False
    return toks[0].key not in _APPOSITION_OPENERS and toks[0].key not in V.TITLE_MODIFIERS


# A company's legal form closing its name ("Transportes Cumbres, S.A. de C.V.", "X y Asociados, S.C.", "X, A.C.", "X Inc.").
LEGAL_FORM_END = re.compile(r",?\s+(?:A\.\s?C|S\.\s?C|S\.\s?A\.?(?:\s+de\s+C\.\s?V)?|Inc|INC|LLC|LLP|Ltd|LTD|Corp|CORP)\.?\s*$")
_LEGAL_FORM_DOT = re.compile(r"(?:\b[A-Z]\.\s?[A-Z]|\bInc|\bCorp|\bLtd)\.$")


def clean_org(name: str) -> str:
    """An organization name without a leading `the`, a possessive or trailing punctuation."""
    kept = _LEGAL_FORM_DOT.search(name.strip())  # "Ruiz y Asociados, S.C.": the legal form keeps its dot
    name = name.strip().rstrip(".,;:") + ("." if kept else "")
    name = re.sub(r"[’']s$", "", name)
    name = re.sub(r"^(?:the|The)\s+", "", name)
    return name


def last_before(doc: Doc, etype: str, pos: int) -> int | None:
    """The entity of `etype` named last before `pos` ("Our CEO ..." speaks for that organization)."""
    best, best_start = None, -1
    for i, org in enumerate(doc.found[etype]):
        for sp in org.spans:
            if best_start < sp.start < pos:
                best, best_start = i, sp.start
    return best


def first_known_in(doc: Doc, etype: str, start: int, end: int) -> int | None:
    """The first entity of `etype` already found in this document that text[start:end] names."""
    for run in cap_runs(tokens(doc.text[start:end], start), doc.text):
        run = strip_leading(run)
        if run:
            idx = doc.lookup(etype, clean_org(phrase_of(doc.text, run)))
            if idx is not None:
                return idx
    return None


def acronym_owner(doc: Doc, idx: int, run: list[Tok], sent) -> None:
    """`BTI Border Ports Task Force`: the leading acronym is the organization behind it."""
    owner = run[0]
    if re.fullmatch(r"[A-Z][A-Z0-9&]{1,9}", owner.text) and len(run) > 2:
        org = doc.add("organization", owner.text, doc.span(owner.start, owner.end, sent), acronym=owner.text)
        doc.partner(idx, org, "convener")
        doc.alias("initiative", idx, phrase_of(doc.text, run[1:]))
