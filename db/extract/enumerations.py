"""Stage: organizations named by acronym or in enumerations.

- `de la SICT`, `del IMPLAN`, `of the CBP`: an acronym after `of the`/`de la` is an organization
  (not a place or a state code).
- `entre ellos CIAF, COMDEF, UAFN, Universidad Tecnológica del Mayo`, `de la SRE, Segob, SHCP y
  Semarnat`: in an enumeration holding at least two acronyms or organization-shaped names, every
  acronym and every organization-shaped or unknown single capitalised word is an organization.
"""

from __future__ import annotations

import re

from db.extract import vocabulary as V
from db.extract.core import Doc, fold, is_given, is_place, line_spans, looks_like_org, sentence_spans

_ACRONYM = r"[A-ZÁÉÍÓÚÑ]{2,8}"
_OF_ACRONYM = re.compile(rf"\b(?:de la|del|de los|de las|of the|at the|from the|con la|con el|por la|por el)\s+({_ACRONYM})\b")
_ITEM = r"[A-ZÁÉÍÓÚÑ][\w’'&.\-]*(?:\s+(?:de|del|la|las|los|y|of|the|for|and|[A-ZÁÉÍÓÚÑ][\w’'&.\-]*)){0,7}?"
_ENUMERATION = re.compile(rf"({_ITEM}(?:\s*,\s*{_ITEM}){{2,}}(?:\s*,?\s+(?:y|and|e)\s+{_ITEM})?)")
_NOT_ACRONYMS = frozenset("us usa eu ue ee uu uk dc ceo cfo coo cto vp md pdf faq".split())


def read_enumerations(doc: Doc) -> None:
    """Add the organizations of the module's docstring to `doc`."""
    text = doc.text
    for start, end in line_spans(text):
        if end - start < 8:
            continue
        for s, e in sentence_spans(text, start, end):
            sent = (s, e)
            for m in _OF_ACRONYM.finditer(text, s, e):
                _add(doc, m.start(1), m.end(1), sent)
            if text.count(",", s, e) >= 2:
                for m in _ENUMERATION.finditer(text, s, e):
                    _enumeration(doc, m, sent)


def _is_acronym(word: str) -> bool:
    return bool(re.fullmatch(_ACRONYM, word)) and fold(word) not in _NOT_ACRONYMS and fold(word) not in V.PLACES


def _add(doc: Doc, a: int, b: int, sent) -> None:
    name = doc.text[a:b]
    if not _is_acronym(name) or doc.lookup("person", name) is not None or doc.lookup("initiative", name) is not None:
        return
    doc.add("organization", name, doc.span(a, b, sent), acronym=name)


def _enumeration(doc: Doc, m: re.Match, sent) -> None:
    text = doc.text
    items = []
    for part in re.finditer(r"[^,]+", m.group(1)):
        piece = re.sub(r"^\s*(?:y|and|e)\s+", "", part.group())
        lead = part.group().find(piece)
        a = m.start(1) + part.start() + lead
        piece = piece.strip()
        for sub in re.split(r"\s+(?:y|and|e)\s+", piece):
            off = text.find(sub, a, m.end(1))
            if off >= 0:
                items.append((off, off + len(sub), sub))
    shaped = [it for it in items if _is_acronym(it[2]) or looks_like_org(it[2]) or doc.lookup("organization", it[2]) is not None]
    acronyms = [it for it in shaped if _is_acronym(it[2])]
    if len(acronyms) < 2 and len(shaped) < 3:
        return
    for a, b, name in items:
        words = name.split()
        if _is_acronym(name):
            _add(doc, a, b, sent)
        elif looks_like_org(name) and not is_place(name) and len(words) >= 2:
            doc.add("organization", name, doc.span(a, b, sent))
        elif len(words) == 1 and len(name) >= 5 and _unknown_word(name) and acronyms:
            doc.add("organization", name, doc.span(a, b, sent))


def _unknown_word(word: str) -> bool:
    k = fold(word)
    return not (is_given(word) or is_place(word) or k in V.NON_NAME_WORDS or k in V.TOPIC_WORDS or k in V.TITLE_WORDS
                or k in V.MONTHS or k in V.ORG_HEADS or k in V.PLACES)
