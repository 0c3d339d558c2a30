"""Stage: affiliations written right next to a name that the line and sentence patterns leave.

- `Nombre Apellido Apellido de Empresa Nombre, cargo`: a Spanish board list names each member
  with the company after `de` (the name stage ends the name before it).
- A page about an organization's board or team (`The Board of Directors of X took the oath`,
  `Rinde protesta el Consejo Directivo de X`, `X names new members to its Board`): the people it
  names sit at that organization, except the officials who witness or host (a governor, a mayor).
- A `;`-separated list of people by organization (acknowledgments, delegations):
  `A, B and C, Org One; D, Org Two; ...`, `por la Secretaría X, A, B y C; así como representantes de Y,
  entre ellos D y E`: each group's people belong to the organization written with them.
- An apposition after a name, in any case and language: `Name, Presidente de la Cámara X (ACR)`,
  `Name (R-AZ), Ranking Member of the X Subcommittee and Co-Chair of the Y`, `Name, director at X`.
- An inline board or council list (`Serán integrantes del Consejo Directivo de la Asociación X:
  A de Empresa, vicepresidente; B, tesorera; ...`, `The Board includes A, Title; B, Title`): every
  person it names also holds a seat at the organization its introduction names.
"""

from __future__ import annotations

import re

from db.extract import vocabulary as V
from db.extract.core import (
    has_title_word,
    Doc,
    cap_runs,
    fold,
    initiative_kind,
    is_place,
    is_title_tok,
    looks_like_org,
    opens_with_verb,
    org_core,
    phrase_of,
    tokens,
)
from db.extract.membership import lead_end, mentioned_only_as_met

_DE_COMPANY = re.compile(r"\s+de\s+((?:[A-ZÁÉÍÓÚÑ][\w’'&.\-]*\s+){1,4}?[A-ZÁÉÍÓÚÑ][\w’'&.\-]*)(?=\s*[,;.)]|\s*$)")
_BOARD = re.compile(r"\b(?:consejo directivo|mesa directiva|consejo de administraci[oó]n|board of directors|board|"
                    r"junta directiva|comit[eé] ejecutivo)\b", re.I)


def read_name_affiliations(doc: Doc) -> None:
    """Add the affiliations of the module's docstring to `doc`."""
    text = doc.text
    for pidx, person in enumerate(list(doc.found["person"])):
        for sp in person.spans:
            m = _DE_COMPANY.match(text, sp.end)
            if not m or "\n\n" in m.group():
                continue
            org = " ".join(m.group(1).split())
            if is_place(org) or all(is_title_tok(t) for t in tokens(org)) or fold(org).split()[0] in V.NAME_PARTICLES:
                continue
            sentence = (sp.start, m.end(1))
            oidx = doc.add("organization", org, doc.span(m.start(1), m.end(1), sentence))
            role = _role_after(text, m.end(1))
            doc.affiliate(pidx, oidx, role)
            if role and not person.title:
                person.title = role
    _board_lists(doc)
    _board_page(doc)
    _semicolon_groups(doc)
    _appositions(doc)
    _staff_lists(doc)
    _team_sections(doc)
    _office_holders(doc)


def _role_after(text: str, pos: int) -> str | None:
    """`, vicepresidente;` right after an item: its role."""
    m = re.match(r"\s*,\s*([a-záéíóúñ][\w\s\-]{2,40}?)\s*(?=[;.]|\s+y\s|$)", text[pos : pos + 60])
    return m.group(1) if m and any(is_title_tok(t) for t in tokens(m.group(1))) else None


def _board_lists(doc: Doc) -> None:
    """People named in a `;`-separated list after a board heading hold a seat at its organization; so do
    those listed one a line under `... elected the following to the 2025–2026 Board of Directors:` (the board
    of the organization the introduction names, else of the page's publisher)."""
    text = doc.text
    for m in _BOARD.finditer(text):
        colon = text.find(":", m.end(), m.end() + 200)
        if colon < 0:
            continue
        end = text.find("\n\n", colon)
        end = len(text) if end < 0 else end
        if re.search(r"\b(?:del|de la|of the|of its)\s+(?:grupo|group|comisi[oó]n|comit[eé]|consejo|council|committee|caucus|"
                     r"task force|mesa|alianza|alliance)\b", text[m.start() : colon], re.I) \
                and not any(m.start() <= sp.start < colon for org in doc.found["organization"] for sp in org.spans):
            continue  # "La mesa directiva del grupo quedó integrada así: ...": a group's officers, no organization's
        if text.count(";", colon, end) >= 2:
            owner = _org_in(doc, m.start(), colon)
        elif not text[colon + 1 : _line_end(text, colon)].strip() and text.count("\n", colon, end) >= 2 \
                and "\n" not in text[m.end() : colon]:
            owner = next((i for i, org in enumerate(doc.found["organization"]) if i not in doc.dropped_orgs
                          and not _BOARD.fullmatch(org.name.strip()) and any(m.start() <= sp.start < colon for sp in org.spans)),
                         None)
            owner = publisher(doc) if owner is None else owner
        else:
            continue
        if owner is None:
            continue
        for pidx, person in enumerate(doc.found["person"]):
            if any(colon < sp.start < end for sp in person.spans):
                doc.affiliate(pidx, owner, _seat_title(text, person, colon, end))


def _org_in(doc: Doc, start: int, end: int) -> int | None:
    """The organization named between `start` and `end` (the list's introduction), else the one the
    document's opening names first."""
    best = None
    for i, org in enumerate(doc.found["organization"]):
        if _BOARD.fullmatch(org.name.strip()) or _BOARD.match(org.name) and len(org.name.split()) <= 3:
            continue  # the board itself ("Consejo Directivo"), not its organization
        for sp in org.spans:
            if start <= sp.start < end:
                return i
            if best is None and sp.start < 600:
                best = i
    return best


def _seat_title(text: str, person, start: int, end: int) -> str | None:
    for sp in person.spans:
        if start < sp.start < end:
            company = _DE_COMPANY.match(text, sp.end)
            return _role_after(text, company.end(1) if company else sp.end)
    return None


_BOARD_PAGE = re.compile(
    r"\b(?:(?:the|its|their|our|new|to)\s+board\b|board of directors|consejo directivo|mesa directiva|junta directiva|"
    r"sworn in|took the oath|oath of office|rinde protesta|rindi[oó] protesta|tomaron protesta|toma protesta|"
    r"rindieron protesta|new leadership|nuevo consejo|nueva mesa)", re.I)
# A line with a dot leader: a table of contents' (`Board of Directors ....... 12`) or an officers' list's
# (`Chair of the Board ...... Name, Company`).
_DOT_LEADER = re.compile(r"\S\s*\.{4,}\s*\S|\.{5,}\s*\d+\s*$")


def _line_end(text: str, pos: int) -> int:
    """Where the line holding `pos` ends."""
    end = text.find("\n", pos)
    return end if end >= 0 else len(text)


def _line_of(text: str, pos: int) -> str:
    """The line of `text` holding `pos`."""
    return text[text.rfind("\n", 0, pos) + 1 : _line_end(text, pos)]


_CAPS_HEADING = re.compile(r"[A-ZÁÉÍÓÚÑ0-9][A-ZÁÉÍÓÚÑ0-9 \-–&,.]{3,60}")
_CAPS_HEADING_LINE = re.compile(r"(?m)^[ \t]*(?:\d{1,2}\.\s+)?[A-ZÁÉÍÓÚÑ][A-ZÁÉÍÓÚÑ \-–&]{5,60}[ \t]*$")
_HEAD_OF = re.compile(r"\b(?:president[ea]?|chair(?:man|woman|person)?|head|director[a]?|presidente|al frente)\s+"
                      r"(?:of|de|del)\s+(?:the\s+|la\s+)?", re.I)
# Public offices whose holders attend a board's ceremony without sitting on it.
_OFFICES = (r"governor|gobernador|mayor|alcalde|municipal president|presidenta? municipal|senator|senador|secretary|"
            r"secretari[oa]|minister|ambassador|embajador|diputad[oa]|consul|c[oó]nsul")
_OFFICIALS = re.compile(r"\b(?:" + _OFFICES + r")", re.I)


_BOARD_OFFICES = frozenset("secretary secretario secretaria".split())


def _board_page(doc: Doc) -> None:
    """People of a page about an organization's board sit at that organization."""
    text = doc.text
    end = lead_end(text)
    since, upto = 0, len(text)
    board = next((m for m in _BOARD_PAGE.finditer(text, 0, end) if not _DOT_LEADER.search(_line_of(text, m.start()))), None)
    if board is None or _CAPS_HEADING.fullmatch(_line_of(text, board.start()).strip()):
        # a board under its own heading in a longer report: its people are those before the next heading
        board = next((m for m in _BOARD_PAGE.finditer(text) if _CAPS_HEADING.fullmatch(_line_of(text, m.start()).strip())), None)
        if board is None:
            return
        since = board.start()
        line_end = text.find("\n", board.end())
        nxt = _CAPS_HEADING_LINE.search(text, line_end if line_end >= 0 else len(text))
        upto = nxt.start() if nxt else upto
        owner = _masthead_org(doc)  # the report's publisher, named alone atop it
    else:
        owner = _headline_org(doc, end)
        if owner is not None and _generic_body(doc.found["organization"][owner].name):
            owner = publisher(doc) or owner  # "Port Commission approves ...": the commission of the port that publishes
    if owner is None:
        return
    for pidx, person in enumerate(doc.found["person"]):
        if (pidx, owner) in doc.affiliations or mentioned_only_as_met(doc, person):
            continue
        if not since <= min((sp.start for sp in person.spans), default=0) < upto:
            continue
        if person.title and _OFFICIALS.search(person.title) and fold(person.title) not in _BOARD_OFFICES:
            continue  # (a board's "Secretary" or "Secretaria" sits on it)
        if any((o := _OFFICIALS.search(text[max(0, sp.start - 40) : sp.start])) and not re.match(
                r"(?:secretary|secretari[oa])\s*:", text[max(0, sp.start - 40) + o.start() : sp.start], re.I)
               for sp in person.spans):  # "Secretaria: Lic. Name" is the board's own secretary
            continue
        doc.affiliate(pidx, owner, None)


def _generic_body(name: str) -> bool:
    """A body named only by head words (`Port Commission`, `Board`): some organization's own, unnamed."""
    return all(w in V.ORG_HEADS or w in V.ORG_SUFFIXES or w == "port" for w in fold(name).split())


def _masthead_org(doc: Doc) -> int | None:
    """The organization named alone on one of the page's first lines."""
    text = doc.text
    top = [(s, e) for s, e in ((m.start(), m.end()) for m in re.finditer(r"[^\n]+", text[:2000])) if text[s:e].strip()][:4]
    for i, org in enumerate(doc.found["organization"]):
        for sp in org.spans:
            if any(s <= sp.start and text[s:e].strip() == text[sp.start : sp.end].strip() for s, e in top):
                return i
    return None


def _headline_org(doc: Doc, end: int) -> int | None:
    """The organization the opening lines are about: one named after `president of`/`al frente de`
    (added when it is a bare name), else the first organization they name."""
    text = doc.text
    for m in _HEAD_OF.finditer(text, 0, end):
        stop = text.find("\n", m.end())
        stop = min(end, m.end() + 80, stop if stop >= 0 else len(text))
        runs = cap_runs(tokens(text[m.end() : stop], m.end()), text)
        if not runs or runs[0][0].start != m.end():
            continue
        run = runs[0]
        name = phrase_of(text, run)
        words = fold(name).split()
        if not words or is_place(name) or doc.lookup("person", name) is not None or words[0] in V.TOPIC_WORDS \
                or is_title_tok(run[0]) or len(run) > 6:
            continue
        return doc.add("organization", name, doc.span(run[0].start, run[-1].end, (m.start(), run[-1].end)))
    first = [(min(sp.start for sp in org.spans), i) for i, org in enumerate(doc.found["organization"])
             if org.spans and any(sp.start < end for sp in org.spans) and not _BOARD.match(org.name)]
    return min(first)[1] if first else None  # the one named first in the text, not the first read


_GROUP_LEAD = re.compile(r"(?:^\s*|\b)(?:y\s+|and\s+|as[ií] como\s+)?(?:(?:representantes|funcionarios|integrantes|officials|"
                         r"representatives|executives|staff)\s+)?(?:por|de|del|from|for|of|on behalf of)\s+(?:el\s+|la\s+|los\s+|"
                         r"las\s+|the\s+)?(?=[A-ZÁÉÍÓÚÑ])")


def _semicolon_groups(doc: Doc) -> None:
    """People listed by organization in `;`-separated groups (see the module's docstring)."""
    text = doc.text
    for start, end in _paragraphs(text):
        if text.count(";", start, end) < 2:
            continue
        pos = start
        for seg in re.split(r";", text[start:end]):
            s0, s1 = pos, pos + len(seg)
            pos = s1 + 1
            stop = re.search(r"(?<=[a-z]{3})\.\s+(?=[A-ZÁÉÍÓÚÑ])", seg)
            if stop:  # the list ended with its sentence
                seg, s1 = seg[: stop.start()], s0 + stop.start()
            people = [i for i, p in enumerate(doc.found["person"]) if any(s0 <= sp.start < s1 for sp in p.spans)]
            if not people or re.search(r"\n[ \t]*(?:[A-ZÁÉÍÓÚÑ][\w ]{0,30}:|(?:Por|For|From)\s)", seg):
                continue  # the item runs into labelled lines ("Por la X: ...", "Invitado: ..."): read line by line
            org = _segment_org(doc, seg, s0, people)
            if org is None:
                continue
            for pidx in people:
                doc.affiliate(pidx, org, None)


def _segment_org(doc: Doc, seg: str, s0: int, people: list[int]) -> int | None:
    text = doc.text
    lead = _GROUP_LEAD.search(seg, 0, 40)
    before = seg[: lead.start()].split() if lead else []
    if lead and len(before) <= 2 and not any(w[:1].isupper() for w in before[1:]) and not (
            has_title_word(" ".join(before)) and len(people) > 1):
        # ("Por la SE, A, B y C", "el presidente de X, Name"; not "el director de X, A, y la coordinadora de Y, B")
        line_end = seg.find("\n", lead.end())
        runs = cap_runs(tokens(seg[lead.end() : line_end if line_end >= 0 else len(seg)], s0 + lead.end()), text)
        if runs and runs[0][0].start == s0 + lead.end() and text[runs[0][-1].end : runs[0][-1].end + 1] == ",":
            name = phrase_of(text, runs[0])
            if not is_place(name) and doc.lookup("person", name) is None:
                return doc.add("organization", name, doc.span(runs[0][0].start, runs[0][-1].end, (s0, s0 + len(seg))))
    last = seg.rstrip(" .").rsplit(",", 1)
    if len(last) != 2:
        return None
    cand = last[1].strip()
    c0 = s0 + seg.rfind(cand)
    words = cand.split()
    if not cand or not cand[0].isupper() or len(words) > 8 or is_place(cand) or any(
        is_title_tok(t) for t in tokens(cand)
    ):
        return None
    if any(c0 <= sp.start < c0 + len(cand) for i in people for sp in doc.found["person"][i].spans):
        return None  # the last part is one of the people
    return doc.add("organization", cand, doc.span(c0, c0 + len(cand), (s0, s0 + len(seg))))


def _paragraphs(text: str):
    start = 0
    for m in re.finditer(r"\n\s*\n|\n(?=\s*[-•*])", text):
        yield start, m.start()
        start = m.end()
    yield start, len(text)


_APPOSITION = re.compile(r"\s*(?:\([^)\n]{1,30}\)\s*)?,\s*([^;\n]{3,220}?)(?=;|(?<=[a-z0-9áéíóúñ)])\.\s|(?<=[A-Z]{2})\.\s+(?=[A-ZÁÉÍÓÚÑ][a-záéíóúñ])|\.?$|\n|,\s+(?:y|and)\s+[A-ZÁÉÍÓÚÑ]|"
                         r",\s+(?!(?:y|and|e|ex|former)\s)[a-záéíóúñ]+\s+(?!(?:de|del|of|at|en|for|para)\s)|"  # ", advirtió que"
                         r"\s+(?:y|and)\s+[A-ZÁÉÍÓÚÑ][\w’'\-]+\s+[A-ZÁÉÍÓÚÑ]|,\s+[A-ZÁÉÍÓÚÑ][\w’'\-]+\s+[A-ZÁÉÍÓÚÑ][\w’'\-]+,)")
_PIECES = re.compile(r"\s+(?:and|y)\s+(?=(?:former\s+|ex\s+)?[\w-]+(?:\s+[\w-]+)?\s+(?:of|de|del|at)\b)|;\s*")
_TITLE_AT = re.compile(r"(.{2,80}?)\s+(?:of the|of|at the|at|for the|de la|de los|de las|del|de|en la|en el|en)\s+"
                       r"(?P<kind>(?:consultora|consultor[ií]a|empresa|firma|compañ[ií]a|despacho|agencia|armadora|fabricante|"
                       r"naviera|company|firm|consultancy|startup|manufacturer|carrier)\s+(?:[a-záéíóúñ]+\s+)?)?"  # "de la consultora estadounidense X"
                       r"(?=[A-ZÁÉÍÓÚÑ])(.+)$")


_BARE_DE = re.compile(r"(?:de|del|de la|from|of)\s+((?:Grupo\s+)?[A-ZÁÉÍÓÚÑ][\w’'&.\-]*(?:\s+(?:de\s+|del\s+|y\s+|&\s+)?"
                      r"[A-ZÁÉÍÓÚÑ][\w’'&.\-]*){0,4}(?:,\s+S\.\s?A\.(?:\s+de\s+C\.\s?V\.)?)?)\s*$")
_STAFF_OF = re.compile(r"\b(?:officials|representatives|executives|members|staff|leaders|funcionari[oa]s|representantes|"
                       r"integrantes|directivos|titulares)\s+(?:of|from|de|del|de la)\s+", re.I)


def _staff_lists(doc: Doc) -> None:
    """`officials of Mexico's Secretariat of Economy (SE): A, title; B, title`: they work there."""
    text = doc.text
    for m in _STAFF_OF.finditer(text):
        colon = text.find(":", m.end(), m.end() + 160)
        if colon < 0 or "\n" in text[m.end() : colon]:
            continue
        owner = next((i for i, org in enumerate(doc.found["organization"])
                      if any(m.end() <= sp.start < colon for sp in org.spans)), None)
        if owner is None:
            continue
        end = text.find("\n", colon)
        end = len(text) if end < 0 else end
        for pidx, person in enumerate(doc.found["person"]):
            if any(colon < sp.start < end for sp in person.spans):
                doc.affiliate(pidx, owner, None)


def _appositions(doc: Doc) -> None:
    """Title and organization written after a name (see the module's docstring)."""
    text = doc.text
    for pidx, person in enumerate(list(doc.found["person"])):
        for sp in person.spans:
            who = _WHO_AT.match(text, sp.end)
            if who and (org := _firm_at(doc, text, who.end())):  # "Name, who heads procurement at Firm X"
                doc.affiliate(pidx, doc.add("organization", org, doc.span(who.end(), who.end() + len(org), (sp.start, who.end() + len(org)))), None)
            who = _WHO_AS.match(text, sp.end)
            if who and has_title_word(who.group("title")) and (org := _firm_at(doc, text, who.end())):
                # "Name, who will lead the new plant as President and CEO of Firm X"
                doc.affiliate(pidx, doc.add("organization", org, doc.span(who.end(), who.end() + len(org), (sp.start, who.end() + len(org)))),
                              who.group("title"))
            m = _APPOSITION.match(text, sp.end)
            conj = re.match(r"(?:y|and|e)\s+(\w+)", m.group(1)) if m else None
            if not m or _verb_clause(m.group(1)) or re.match(r"(?:y|and|e)\s+(?:el|la|los|las|the)\s", m.group(1)) or (
                    conj and not is_title_tok(tokens(conj.group(1))[0]) and fold(conj.group(1)) not in V.TITLE_MODIFIERS):
                continue  # "Name, y el jefe de ...": the next person's title; "Name, y se reunió con ...": a verb
            bare = _BARE_DE.match(m.group(1))
            if bare:  # "Iñaki Ruiz, de Vantrelis, y ...": the company alone
                org = bare.group(1)
                if not is_place(org) and doc.lookup("person", org) is None and not is_title_tok(tokens(org)[0]):
                    at = m.start(1) + bare.start(1)
                    doc.affiliate(pidx, doc.add("organization", org, doc.span(at, at + len(org), (sp.start, m.end(1)))), None)
                m = _APPOSITION.match(text, m.end(1))  # "la senadora Name, del PRI, integrante de la Comisión X"
                if not m or _verb_clause(m.group(1)) or not any(is_title_tok(t) for t in tokens(m.group(1))[:2]):
                    continue
            for piece in _PIECES.split(m.group(1)):
                t = _TITLE_AT.match(piece.strip())
                if not t or not any(is_title_tok(tok) for tok in tokens(t.group(1))):
                    continue
                org = _org_phrase(t.group(3))
                title = t.group(1).strip()
                poss = re.match(r"(?:[A-ZÁÉÍÓÚÑ][\w&.\-]*\s+){0,5}[A-ZÁÉÍÓÚÑ][\w&.\-]*[’']s\s", t.group(3))
                if poss and not _org_phrase(t.group(3)[poss.end():]) and (firm := _firm_at(doc, t.group(3), 0)):
                    org = firm  # "plant manager of Firm X's Saltillo complex"
                elif org is None or _portfolio_only(org_core(org)[0]):
                    deeper = _PORTFOLIO_THEN.match(t.group(3))  # "Director of Government Affairs for Firm X"
                    firm = _firm_at(doc, t.group(3), deeper.end()) if deeper else None
                    if firm:
                        org = firm
                        title = piece.strip()[: piece.strip().index(t.group(3)) + deeper.end()]
                        title = re.sub(r"\s+(?:at|for|with)\s+(?:the\s+)?$", "", title)
                if org is None and t.group("kind"):  # the kind of firm vouches for a bare name
                    bare_name = re.match(r"[A-ZÁÉÍÓÚÑ][\w’'&.\-]*(?:\s+(?:(?:de|del|y|&)\s+)?[A-ZÁÉÍÓÚÑ][\w’'&.\-]*){0,5}", t.group(3))
                    org = bare_name.group() if bare_name and not is_place(bare_name.group()) else None
                rest, off = t.group(3), 0
                # "VP of Global Sourcing at Firm X": a portfolio that looks like a name, then `at` the organization
                sub_at = org and (fold(org).split()[0] in _SUBUNITS or fold(org).split()[-1] in _SUBUNITS
                                  or re.match(re.escape(org) + r"\s+at\s", rest)) and re.match(
                    re.escape(org) + r"\s+(?:at|en)\s+(?:the\s+|la\s+|el\s+)?(?=[A-ZÁÉÍÓÚÑ])", rest)
                if sub_at and _org_phrase(rest[sub_at.end():]):  # "Director of the Office of X at the Y Administration"
                    org = _org_phrase(rest[sub_at.end():])
                elif sub_at and _portfolio_only(org) is False and (run := _CAP_RUN.match(rest, sub_at.end())) \
                        and not is_place(run.group()) and doc.lookup("person", run.group()) is None:
                    org = run.group()  # "VP of Global Sourcing at Bellamy Kitchenware": the firm's bare name
                while org and (_portfolio_only(org_core(org)[0]) or _portfolio_lead(org)):
                    deeper = _DEEPER.search(rest, off + 1)  # "vicepresidenta de Asuntos Gubernamentales de X"
                    if not deeper or deeper.start() > off + len(org):
                        org = None
                        break
                    off = deeper.end()
                    org = _org_phrase(rest[off:])
                unit = re.fullmatch(r"(?P<unit>\S+\s.+?)\s+(?:de la|del|de|of the|of|at the|at)\s+(?P<org>[A-Z][A-Z&]{1,9})", org or "")
                if unit and fold(unit.group("unit")).split()[0] in _UNIT_HEADS:
                    org = unit.group("org")  # "profesora del Departamento de Ingeniería de la UPD": the university
                if not org or re.fullmatch(r"[A-Z]{2,8}", org) and not _acronym_fits(doc, org):
                    continue  # an acronym the document tied to another name ("... Subcommittee ... Exchange (BLX)")
                at = text.find(org, m.start(1), m.end(1))
                if at < 0:
                    continue
                core = org_core(org)[0]
                ini = doc.lookup("initiative", core)
                kind = initiative_kind(core) if ini is None and doc.lookup("organization", core) is None else None
                if kind and len(core.split()) >= 2 and fold(core) not in V.INITIATIVE_KINDS:
                    at0 = text.find(core, at)  # "co-chair of the X 2030 Steering Committee": a group
                    ini = doc.add("initiative", core, doc.span(at0, at0 + len(core), (sp.start, m.end(1))), kind=kind)
                if ini is not None:  # "Co-Chair of the X Exchange": a role in the group
                    doc.member(pidx, ini, t.group(1).strip().lower())
                    continue
                oidx = doc.add("organization", org, doc.span(at, at + len(org), (sp.start, m.end(1))))
                doc.affiliate(pidx, oidx, title)
                person.title = person.title or title


def _verb_clause(clause: str) -> bool:
    """A clause about the person (`Name, advirtió que ...`), unless a title follows its first word (`plant manager of X`)."""
    toks = tokens(clause)
    return opens_with_verb(clause) and not (len(toks) > 1 and is_title_tok(toks[1]))


_WHO_AS = re.compile(r",\s+(?:who|quien)\s+[^,;.\n]{0,60}?\s(?:as|como)\s+(?:(?:the|a|an|el|la)\s+)?(?P<title>[^,;.\n]{2,60}?)\s+"
                     r"(?:of|at|de|del|de la)\s+(?:the\s+)?(?=[A-ZÁÉÍÓÚÑ])")
_WHO_AT = re.compile(r",\s+who\s+(?:heads|leads|runs|directs|manages|oversees|chairs|works|serves|teaches|is)\s+"
                     r"(?:[a-z][\w\-]*\s+|[A-Z][\w\-]*\s+){0,6}?(?:at|for|with)\s+(?:the\s+)?(?=[A-ZÁÉÍÓÚÑ])")
# "Government Affairs for X", "procurement at X", "North American Operations at X": a portfolio, then the firm.
_PORTFOLIO_THEN = re.compile(r"(?:[\w\-]+\s+){0,4}?(?:at|for|with)\s+(?:the\s+)?(?=[A-ZÁÉÍÓÚÑ])")


def _firm_at(doc: Doc, text: str, start: int) -> str | None:
    """The organization named at text[start:]: one of an organization's shape, else a bare capitalised name
    (its possessive cut: `Corbel Automotive's Saltillo complex`) that is no place and no person."""
    rest = re.split(r"\n|(?<=[^\W\d_]{2})\.\s", text[start : start + 120])[0]
    poss = re.match(r"((?:[A-ZÁÉÍÓÚÑ][\w&.\-]*\s+){0,5}[A-ZÁÉÍÓÚÑ][\w&.\-]*)[’']s\s", rest)
    if poss:
        rest = poss.group(1)
    org = _org_phrase(rest)
    if org is None:
        run = _CAP_RUN.match(rest)
        org = run.group().rstrip(".,") if run else None
        if org and len(org.split()) < 2 and not looks_like_org(org) and doc.lookup("organization", org) is None:
            return None
    if not org or is_place(org) or doc.lookup("person", org) is not None or is_title_tok(tokens(org)[0]) \
            or _portfolio_only(org) or doc.lookup("initiative", org) is not None or initiative_kind(org_core(org)[0]):
        return None  # (a working group or council is a group the person takes part in, read elsewhere)
    return org


_CAP_RUN = re.compile(r"[A-ZÁÉÍÓÚÑ][\w’'&.\-]*(?:\s+(?:(?:de|del|y|&|and|of)\s+)?[A-ZÁÉÍÓÚÑ][\w’'&.\-]*){0,5}")
_DEEPER = re.compile(r"\s(?:de la|de los|de las|del|de|of the|of|at the|at)\s+(?=[A-ZÁÉÍÓÚÑ])")


def _portfolio_only(name: str) -> bool:
    """`Asuntos Gubernamentales`, `Government Affairs`: a portfolio's words, no organization's name."""
    from db.extract.prose import PORTFOLIO_WORDS
    words = [w for w in fold(name).split() if w not in V.NAME_CONNECTORS]
    return bool(words) and not looks_like_org(name) and all(
        w in PORTFOLIO_WORDS or w in V.TOPIC_WORDS or w in V.NON_NAME_WORDS for w in words)


_UNIT_HEADS = frozenset("departamento department center centre centro laboratorio laboratory lab facultad faculty escuela "
                        "school division división unidad unit oficina office programa program coordinacion".split())
_SUBUNITS = frozenset("office oficina division unit unidad program programa department departamento bureau".split())


def _acronym_fits(doc: Doc, acr: str) -> bool:
    """An acronym names the organization it is recorded for when its letters are that name's initials, in order."""
    known = doc.lookup("organization", acr)
    if known is None:
        return True
    initials = "".join(w[0] for w in doc.found["organization"][known].name.split() if w[:1].isupper())
    it = iter(initials.upper())
    return acr == doc.found["organization"][known].name or all(c in it for c in acr)


def _portfolio_lead(org: str) -> bool:
    """`Asuntos Gubernamentales de Transbordos Monclova`: a portfolio's words, then `de`/`of` and another name."""
    parts = _DEEPER.split(org, maxsplit=1)
    return len(parts) == 2 and _portfolio_only(parts[0])


def _org_phrase(rest: str) -> str | None:
    """The organization at the start of `rest`: capitalised words and connectors, with an acronym
    in parentheses, cut before a place (`en Monterrey`) or lower-case words."""
    m = re.match(r"(?:[A-ZÁÉÍÓÚÑ][\w’'&.\-]*|\d+)(?:\s+(?:(?:de|del|la|las|los|y|of|the|for|and|on|&|e)\s+)*"
                 r"(?:[A-ZÁÉÍÓÚÑ][\w’'&.\-]*|\d+))*(?:\s*\([A-Z][A-Za-z&.\-]{1,11}\))?", rest)
    if not m:
        return None
    org = m.group().strip()
    core, _ = org_core(org)
    if is_place(core) or fold(core).replace(" ", "") in V.PLACES or not looks_like_org(core) or is_title_tok(tokens(core)[0]):
        return None  # "Director of Industrial Policy": a portfolio; "Governor of the State of X"
    if all(fold(w) in V.TOPIC_WORDS or fold(w) in V.NAME_CONNECTORS for w in core.split()):
        return None  # "Secretary of Economy": a portfolio, not an organization
    return org


# A team page of the site's own organization: "STAFF" / "Our Team" / "Board of Directors 2025" over name cards.
_TEAM_HEADING = re.compile(r"(?:our |the |nuestro |el |la )?(?:staff|team|equipo|personal|leadership(?: team)?|executive team|"
                           r"officers|board of directors|board|directors|trustees|consejo directivo|mesa directiva|"
                           r"junta directiva|consejo de administracion|equipo directivo)(?:\s+\d{4}(?:\W{1,3}\d{4})?)?")
_COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[–-]\s*\d{4})?\s+)?(?P<org>[^.|\n©]{3,80}?)"
                        r"(?=\s*(?:[.,|]|all rights|todos los derechos|derechos reservados|$))", re.I | re.M)


def _site_owner(doc: Doc) -> int | None:
    """The organization whose site this is: the one its copyright line names, when its masthead names it too."""
    text = doc.text
    m = _COPYRIGHT.search(text)
    if not m:
        return None
    owner = doc.lookup("organization", m.group("org").strip())
    if owner is None:
        return None
    org = doc.found["organization"][owner]
    head = text[: sum(len(x) + 1 for x in text.split("\n")[:3])]
    names = [org.name, *(a for a in org.aliases if a)] + ([org.acronym] if org.acronym else [])
    return owner if any(re.search(r"(?<!\w)" + re.escape(n) + r"(?!\w)", head) for n in names) else None


def _team_sections(doc: Doc) -> None:
    """People carded under a staff, team or board heading of the site's own organization work or sit there."""
    text = doc.text
    owner = None
    section: str | None = None
    pos = 0
    spans = sorted((sp.start, i) for i, p in enumerate(doc.found["person"]) for sp in p.spans)
    k = 0
    for line in text.split("\n"):
        ls, le = pos, pos + len(line)
        pos = le + 1
        body = line.strip()
        words = fold(body) if body and len(body) <= 60 and (section or len(body) <= 40) else ""  # only read below then
        if body and len(body) <= 40 and _TEAM_HEADING.fullmatch(words):
            if owner is None:
                owner = _site_owner(doc)
                if owner is None:
                    return
            section = "board" if re.search(r"board|directors|trustees|consejo|mesa|junta", words) else "staff"
            continue
        if section and body and len(body) <= 60 and (body.isupper() and sum(c.isalpha() for c in body) >= 4
                                                     or re.search(r"\b(?:advisory|council|committee|consultivo|comit)", words)):
            section = None  # "ADVISORY COUNCIL": another list starts
        while k < len(spans) and spans[k][0] < ls:
            k += 1
        if section is None:
            continue
        for st, pidx in spans[k:]:
            if st >= le:
                break
            person = doc.found["person"][pidx]
            if text[ls:st].strip(" \t•·-–—*") and not re.fullmatch(r"\s*(?:[A-Z][\w.]{1,5}\.?\s+)*", text[ls:st]):
                continue  # a card's name opens its line ("Lic. Name"), not a sentence that mentions someone
            alone = not any(p == pidx for p, _ in doc.affiliations)
            doc.affiliate(pidx, owner, person.title if section == "staff" and alone else None)


# "el secretario de Desarrollo Económico, Mtro. Name" when the document names the "Secretaría de Desarrollo Económico":
# the office's title written as a person's title names the ministry he heads.
_OFFICE = re.compile(r"(?P<sub>sub)?secretar[ií]a\s+(?P<rest>(?:de|del|para)\s+.+)", re.I)
_LEAD_COURTESY = re.compile(r"\s*,?\s*(?:(?:Mtro|Mtra|Lic|Ing|Dr|Dra|C\.\s?P|Arq|Prof|Sr|Sra)\.?\s+)?")


def _office_holders(doc: Doc) -> None:
    text = doc.text
    starts = {sp.start: i for i, p in enumerate(doc.found["person"]) for sp in p.spans}
    ends = {sp.end: i for i, p in enumerate(doc.found["person"]) for sp in p.spans}
    for oidx, org in enumerate(list(doc.found["organization"])):
        m = _OFFICE.fullmatch(org.name)
        if not m:
            continue
        title_re = re.compile(r"\b" + ("sub" if m.group("sub") else "") + r"secretari[oa]\s+" + re.escape(m.group("rest")) + r"\b", re.I)
        for t in title_re.finditer(text):
            if text[t.start() : t.start() + 1].isupper() and text[max(0, t.start() - 2) : t.start()].strip() not in (",", ""):
                continue  # "la Secretaria de X" spelled without its accent is the ministry, not its head
            after = _LEAD_COURTESY.match(text, t.end())
            pidx = starts.get(after.end()) if after and "," in text[t.end() : after.end()] else None
            if pidx is None:
                before = re.search(r",\s*(?:(?:el|la|the|actual)\s+)?$", text[max(0, t.start() - 12) : t.start()])
                pidx = ends.get(t.start() - len(before.group())) if before else None
            if pidx is not None:
                doc.affiliate(pidx, oidx, text[t.start() : t.end()])



# The boilerplate that closes a release from its publisher (`About the Port of X`, `About the Institute:`,
# `Acerca de la Cámara X`).
_ABOUT = re.compile(r"(?m)^[ \t]*(?:About|ABOUT|Acerca de|ACERCA DE|Sobre|SOBRE)\s+(?:the\s+|The\s+|THE\s+|la\s+|La\s+|el\s+|El\s+)?"
                    r"(?P<name>[^\n:|]{2,90}?)[ \t]*(?::|$)")
# Words of a title held inside an organization (its staff, its board), not of a public office.
_STAFF_TITLE = re.compile(r"\b(?:president|vice|chair\w*|director|ceo|cfo|coo|cto|officer|manager|commissioner\w*|executive|head|"
                          r"treasurer|trustee|board|founder|partner|economist|analyst|fellow|researcher|spokes\w+|coordinator|"
                          r"counsel|presidente|presidenta|directora?|gerente|coordinador[a]?|jef[ea]|consejer[oa]|tesorer[oa]|"
                          r"vocal|vicepresident[ea])\b", re.I)
_PUBLIC_OFFICE = re.compile(r"\b(?:" + _OFFICES + r"|rep\b|representative|congress|ministr[oa]|judge|juez|county\b|state\b|lt\b|"
                            r"lieutenant|undersecretary|subsecretari[oa]|council\s?member|regidor|sheriff|attorney general|municipal)",
                            re.I)


def publisher(doc: Doc) -> int | None:
    """The organization that publishes the page: the one its copyright line and masthead name, the one
    its closing `About the X` names, or the one alone atop the page that its body names again."""
    owner = _site_owner(doc)
    if owner is not None:
        return owner
    text = doc.text
    top = _masthead_org(doc)
    for m in _ABOUT.finditer(text, len(text) // 3):
        name = m.group("name").strip().rstrip(".")
        found = doc.lookup("organization", name)
        if found is not None and found not in doc.dropped_orgs:
            return found
        words = fold(name).split()
        if top is not None and len(words) == 1 and words[0] in fold(doc.found["organization"][top].name).split():
            return top  # "About the Institute:" under "The X Institute for Y" atop the page
    if top is not None and top not in doc.dropped_orgs:
        org = doc.found["organization"][top]
        first_line_end = text.find("\n", min(sp.start for sp in org.spans))
        if any(sp.start > first_line_end for sp in org.spans):
            return top  # named atop the page and again below it
    return None


def read_publisher_staff(doc: Doc) -> None:
    """`Executive Director and CEO Margarethe X`, `Commissioner Y`, `Chairman Z` on a page its organization
    publishes (`publisher`): someone with no organization of their own, named after a staff or board title
    written right before the name, holds it at the publisher (a public officer, someone met or heard, does not)."""
    owner = None
    text = doc.text
    for pidx, person in enumerate(doc.found["person"]):
        title = person.title or ""
        if not title or any(p == pidx for p, _ in doc.affiliations) or not _STAFF_TITLE.search(title) \
                or _PUBLIC_OFFICE.search(title):
            continue
        before = [(sp, fold(text[max(0, sp.start - len(title) - 12) : sp.start])) for sp in person.spans]
        said = [sp for sp, b in before if re.search(re.escape(fold(title)) + r"[\s.]*(?:(?:dr|dra|lic|ing|mtro|mtra|mr|ms|mrs)\.?\s+)?$", b)
                and not re.search(r"\b(?:its|his|her|their|su|sus)\s+" + re.escape(fold(title)), b)]
        if not said or mentioned_only_as_met(doc, person):
            continue  # (the title is written right before the name, and it is no one else's: not "its president")
        if owner is None:
            owner = publisher(doc)
            if owner is None:
                return
            own = set(fold(doc.found["organization"][owner].name).split()) | {fold(a) for a in doc.found["organization"][owner].aliases}
        named = [n for o, org in enumerate(doc.found["organization"]) if o != owner and o not in doc.dropped_orgs
                 for n in (org.name, *org.aliases) if len(n) >= 3 and re.search(rf"(?<!\w){re.escape(fold(n))}(?!\w)", fold(title))]
        if named or re.search(r"\b(?:of|at|de|del|for|para)\s*$", title, re.I) or any(
                re.fullmatch(r"[A-Z]{2,}[A-Z&-]*", w) and fold(w) not in own and not is_title_tok(t)
                for t in tokens(title) for w in [t.text]) or any(
                fold(m.group(1)) not in own for sp in said
                for m in re.finditer(r"\b([A-Z][\w&.-]*)['’]s\s", text[max(0, sp.start - len(title) - 120) : sp.start])):
            continue  # "Vértice Autopartes Chief Operating Officer", "Meridian's Chief Operating Officer": another's
        clause = [max(text.rfind(c, 0, sp.start) for c in ".;\n") + 1 for sp in said]
        if any(o != owner and o not in doc.dropped_orgs and not _generic_body(org.name)
               and any(c <= osp.start < sp.start for c, sp in zip(clause, said))
               for o, org in enumerate(doc.found["organization"]) for osp in org.spans):
            continue  # "X (SEANA), represented by Vice President for Policy A": the clause names her organization
        doc.affiliate(pidx, owner, title)
