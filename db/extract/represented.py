"""Stage: an organization written before or after a run of people, for all of them.

- After: `los diputados A (PES), vicepresidenta de la Mesa, B (Morena) y C (PT) en representación
  del Congreso del Estado`, `A and B, on behalf of the X Council`, `A, representing the Y Union`.
- Opening: `At the X Institute, research associates A and B prepared ...`: the sentence's people.
- Lines: `Por la Secretaría X: Lic. A, cargo; Mtra. B, cargo.` (an attendance list by organization).
- Group: `por parte de la SE, la subsecretaria X, A; el jefe de Y, B, y ...`: everyone up to the sentence's end.
- Before: `acudieron, del Grupo X, A, vicepresidente, y por Conservas “Y”, B, accionista, y C,
  directora general`: each organization opens its own run of people.

A run is people written one after another, separated by a comma or `y`/`and`, each optionally
followed by a parenthesis (a party, a state) or a short lower-case title.
"""

from __future__ import annotations

import re

from db.extract.bios import org_at
from db.extract.core import Doc

_GAP = re.compile(r"\s*(?:\([^()\n]{1,40}\))?\s*(?:,\s*[a-záéíóúñ][^,;.()\n“”\"]{1,70}?)?\s*(?:,\s*(?:y|and|e)?|\s+(?:y|and|e))\s+$")
_TAIL = re.compile(r"\s*(?:\([^()\n]{1,40}\))?\s*(?:,\s*[a-záéíóúñ][^,;.()\n“”\"]{1,70}?)?\s*")
_AFTER = re.compile(r",?\s*(?:en representaci[oó]n|a nombre|por parte|on behalf|in representation)\s+(?:de|del|of)\s+"
                    r"(?:la\s+|el\s+|los\s+|las\s+|the\s+)?(?=[A-ZÁÉÍÓÚÑ])|,?\s*representing\s+(?:the\s+)?(?=[A-Z])")
_BEFORE = re.compile(r"(?:^|[,;:]\s*|\b(?:y|and)\s+)(?:del|de la|de los|por(?:\s+la|\s+el)?|from(?:\s+the)?)\s+"
                     r"(?=[A-ZÁÉÍÓÚÑ])")


def read_represented(doc: Doc) -> None:
    """Add the affiliations of the module's docstring to `doc`."""
    text = doc.text
    spans = sorted((sp.start, sp.end, pidx) for pidx, p in enumerate(doc.found["person"]) for sp in p.spans)
    _at_org_sentences(doc)
    _for_org_groups(doc)
    _for_org_lines(doc)
    runs: list[list[tuple[int, int, int]]] = []
    for item in spans:
        if runs and 0 <= item[0] - runs[-1][-1][1] <= 120 and _GAP.fullmatch(text, runs[-1][-1][1], item[0]):
            runs[-1].append(item)
        else:
            runs.append([item])
    for run in runs:
        people = {p for _, _, p in run}
        first, last = run[0], run[-1]
        tail = _TAIL.match(text, last[1])
        after = _AFTER.match(text, tail.end()) if tail else None
        org = None
        if after:
            stop = min(len(text), after.end() + 120)
            org = org_at(doc, text, after.end(), stop)
        if org is None:
            org = _before(doc, text, first[0])
        if org is None:
            continue
        name, a, b = org
        oidx = doc.add("organization", name, doc.span(a, b, (min(a, first[0]), max(b, last[1]))))
        for pidx in people:
            doc.affiliate(pidx, oidx, None)


_AT_ORG_OPENING = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=\n))(?:At|En)\s+(?:the\s+|la\s+|el\s+)?(?:(?:sede|oficinas|instalaciones|"
                             r"headquarters|offices)\s+(?:del|de la|de|of the|of)\s+)?(?=[A-ZÁÉÍÓÚÑ])")
# "Integraron la delegación, por parte de la SE, la subsecretaria X, A; el jefe de Y, B, y ...": a group's organization.
_FOR_ORG = re.compile(r"\b(?i:por parte|en representaci[oó]n|a nombre|on behalf)\s+(?:de|del|of)\s+(?:la\s+|el\s+|los\s+|las\s+|the\s+)?"
                      r"(?=[A-ZÁÉÍÓÚÑ])")
# "Por parte de la Secretaría X acompañaron al titular la Mtra. A, ... y el Lic. B, ...": those who came for it.
_ATTENDED = re.compile(r"\s+(?:asistieron|asisti[oó]|participaron|particip[oó]|acudieron|acudi[oó]|estuvieron|"
                       r"acompañaron|acompañ[oó]|viajaron|viaj[oó]|integraron|"
                       r"attended|took part|were present|accompanied|traveled|travelled|joined)\s")
_GROUP_STOP = re.compile(r"(?<!\bMtro)(?<!\bMtra)(?<!\bLic)(?<!\bIng)(?<!\bDr)(?<!\bDra)(?<!\bArq)(?<!\bSr)(?<!\bSra)(?<!\bMr)"
                         r"(?<!\bMs)(?<!\bMrs)(?<!\bC\.P)\.\s|\n|\b(?:así como|as well as|along with|junto con|por parte|en representaci[oó]n|on behalf)\b")


# "Por la Secretaría de Movilidad: Lic. A, cargo; Mtra. B, cargo." / "For the Port Authority (PA):" then the people.
_FOR_LINE = re.compile(r"^[ \t]*(?:Por|For|From|De|Del)\s+(?:(?:la|el|los|las|the)\s+)?(?=[A-ZÁÉÍÓÚÑ])", re.M)
_LABEL_LINE = re.compile(r"^[ \t]*(?:[A-ZÁÉÍÓÚÑ][\w ]{0,30}:|(?:Por|For|From)\s)", re.M)


def _for_org_lines(doc: Doc) -> None:
    """An attendance list by organization: a line opening `Por la X:` (or `For the X:`) and the people after
    the colon, on that line and the next ones, up to the next such label or a blank line."""
    text = doc.text
    for m in _FOR_LINE.finditer(text):
        colon = text.find(":", m.end(), m.end() + 160)
        if colon < 0 or "\n" in text[m.end() : colon]:
            continue
        head = re.sub(r"\s*\([A-Z][A-Za-z&.\-]{1,11}\)\s*$", "", text[m.end() : colon])
        org = org_at(doc, text, m.end(), m.end() + len(head), bare=True)
        if org is None or org[2] != m.end() + len(head):
            continue
        nxt = _LABEL_LINE.search(text, text.find("\n", colon) + 1 if "\n" in text[colon:] else len(text))
        blank = text.find("\n\n", colon)
        end = min([i for i in ((nxt.start() if nxt else -1), blank) if i >= 0] or [len(text)])
        people = {i for i, p in enumerate(doc.found["person"]) for sp in p.spans if colon < sp.start < end}
        if not people:
            continue
        oidx = doc.add("organization", org[0], doc.span(org[1], org[2], (m.start(), colon)))
        for pidx in people:
            doc.affiliate(pidx, oidx, None)


def _for_org_groups(doc: Doc) -> None:
    """People listed after `por parte de la X,` / `on behalf of the X,` (titles before or after each name)
    up to the sentence's end or the next group (`así como`, another `por parte de`) sit at X."""
    text = doc.text
    for m in _FOR_ORG.finditer(text):
        comma = text.find(",", m.end(), m.end() + 100)
        colon = text.find(":", m.end(), m.end() + 100)
        stop = min(i for i in (comma, colon) if i >= 0) if max(comma, colon) >= 0 else m.end() + 100
        org = org_at(doc, text, m.end(), min(stop, len(text)), bare=True)
        verb = org and _ATTENDED.match(text, org[2])
        if verb:  # "Por parte de la Cámara de Senadores asistieron la diputada A y el diputado B"
            stop = verb.end() - 1
        elif org is None or org[2] != stop:
            continue
        end = _GROUP_STOP.search(text, stop + 1)
        end = end.start() if end else len(text)
        people = sorted((sp.start, sp.end, i) for i, p in enumerate(doc.found["person"]) for sp in p.spans if stop < sp.start < end)
        if not people:
            continue
        oidx = doc.add("organization", org[0], doc.span(org[1], org[2], (m.start(), end)))
        prev = stop
        for start, pend, pidx in people:
            if any((pidx, o) in doc.affiliations and any(prev < sp.start < start for sp in other.spans)
                   for o, other in enumerate(doc.found["organization"]) if o != oidx):
                break  # "..., y el director de la oficina de CBP en Laredo, Name": another side's people begin
            doc.affiliate(pidx, oidx, None)
            prev = pend


def _at_org_sentences(doc: Doc) -> None:
    """`At the Gulf Policy Institute, research associates A and B prepared the annex; C edited it.`: a
    sentence that opens by naming an organization tells what its people did there."""
    text = doc.text
    for m in _AT_ORG_OPENING.finditer(text):
        comma = text.find(",", m.end(), m.end() + 90)
        if comma < 0:
            continue
        org = org_at(doc, text, m.end(), comma)
        if org is None or org[2] != comma:
            continue
        end = min([i for i in (text.find(". ", comma), text.find("\n", comma)) if i >= 0] or [len(text)])
        people = {i for i, p in enumerate(doc.found["person"]) for sp in p.spans if comma < sp.start < end}
        if not people:
            continue
        oidx = doc.add("organization", org[0], doc.span(org[1], org[2], (m.start(), end)))
        for pidx in people:
            doc.affiliate(pidx, oidx, None)


def _before(doc: Doc, text: str, start: int) -> tuple[str, int, int] | None:
    """`..., del Grupo X, Name`: the organization that opens the run at `start`."""
    if text[start - 2 : start] != ", ":
        return None
    window = max(0, start - 120, text.rfind("\n", 0, start) + 1)
    for m in _BEFORE.finditer(text, window, start):
        org = org_at(doc, text, m.end(), start, bare=True)
        if org is not None and text[org[2] : start] == ", " and len(org[0].split()) <= 6:
            return org
    return None
