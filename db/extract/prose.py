"""Sentence-level patterns: titles before names, appositions, legislators, acronyms defined in
parentheses, organizations and initiatives named by capitalised runs, leadership (`led by`),
partners (`Founding Partner X`, `X as a Logistics Partner`), `companies such as A, B and C`, and
later references to a person by surname or given name."""

from __future__ import annotations

import re

from db.extract import vocabulary as V
from db.extract.core import (
    DOCUMENT_ABOUT,
    KIND_WORDS,
    GENERIC_WORDS,
    Doc,
    Tok,
    acronym_owner,
    cap_runs,
    clean_org,
    first_known_in,
    fold,
    has_title_word,
    initiative_kind,
    is_generic,
    is_given,
    is_place,
    is_title_tok,
    last_before,
    looks_like_org,
    namey,
    opens_with_verb,
    person_in_run,
    phrase_of,
    sentence_spans,
    split_trailing_person,
    strip_leading,
    strip_list_words,
    tokens,
)

# prose ------------------------------------------------------------------------

_OF_GAP = re.compile(r",?\s+(?:of|at|from|de|del|de la)\s+(?:the\s+)?")
_FILE_TYPES = frozenset("pdf doc docx xls xlsx ppt pptx mp3 mp4 html zip csv txt".split())  # folded
_ACRONYM_DEF = re.compile(r"\(\s*([A-Z][A-Za-z0-9&.\-]{1,11})\s*\)")


def read_sentence(doc: Doc, sent: tuple[int, int]) -> None:
    """Apply every sentence pattern to text[sent[0]:sent[1]]."""
    text = doc.text
    s, e = sent
    toks = tokens(text[s:e], s)
    runs = cap_runs(toks, text)
    acronym_after: dict[int, str] = {}
    for m in _ACRONYM_DEF.finditer(text, s, e):
        acronym_after[m.start()] = m.group(1)
    sentence_people: list[tuple[int, list[Tok]]] = []
    _supports(doc, sent)
    _such_as(doc, sent)  # before the runs, so that `A y B` after `representantes de` splits at `y`
    runs = [part for r in runs for part in _split_verbs(r)]
    caption = _caption_span(text, s, e)
    menu = _menu_line(text, s, e)
    pair_firsts: set[int] = set()
    for r in runs:
        if any(t.key in ("and", "y") for t in r) and _pair_of_people(doc, r):
            pair_firsts.add(next(r[i - 1].end for i, t in enumerate(r) if t.key in ("and", "y")))
    covered = _comma_names(doc, sent)
    last_person_end = -1
    for run in [sub for r in runs for part in _split_and(doc, r) for sub0 in _split_person_of(part, text)
                for sub in split_trailing_person(sub0)]:
        if any(a <= run[0].start < b for a, b in covered):
            continue  # a piece of "Secretaría de Agricultura, Ganadería y Pesca (SAGP)"
        after = text[run[-1].end : e]
        # "Sean Ruiz of Morgan Hale", "Ana Paz, de Grupo Lucía": the run after a person and `of` is their organization
        org_side = last_person_end >= 0 and bool(_OF_GAP.fullmatch(text, last_person_end, run[0].start))
        acr_m = re.match(r"\s*\(\s*([A-Z][A-Za-z0-9&.\-]{1,11})\s*\)", after)
        acr = acr_m.group(1) if acr_m and re.search(r"[A-Z].*[A-Z]", acr_m.group(1)) else None
        if acr and ("-" in acr and re.search(r"\d", acr) or re.fullmatch(r"[DRI]-[A-Z][A-Za-z.]*", acr)):
            acr = None  # "(D-TX 28th District)", "(R-TX)": party and state, not an acronym
        if acr and fold(acr) in _FILE_TYPES:
            acr = None  # "Ana Ruiz Testimony (PDF)": a link's file type, not the run's acronym
        found = person_in_run(run) if not menu and not org_side else None
        if acr and found and not _initials_fit(run, acr):
            acr = None  # "Dra. Name Surname (UPD) — coordinadora", "Dip. Name (PAN)": the person's party or
            # organization, not the run's acronym
        if acr and not found and not menu and not org_side and 2 <= len(run) <= 5 and not _initials_fit(run, acr) \
                and _ENUM_BEFORE.search(text, max(s, run[0].start - 12), run[0].start) \
                and not any(t.key in V.TITLE_WORDS or t.key in KIND_WORDS for t in run) \
                and not looks_like_org(phrase_of(text, run)) and all(namey(t) or t.key in V.NAME_PARTICLES for t in run) \
                and (found := person_in_run(run, strong=True)):
            acr = None  # "Lucero Ávila Schroeder (PAN);": a name whose bracket is not its own acronym is a person's
        if not found and not menu and not org_side and not acr and (tail := _evidenced_name(text, run, e)):
            found = person_in_run(tail, strong=True)  # "Dwight R. Obuya", "Name, plant director at ..."
            found = (run[: len(run) - len(tail)] + found[0], found[1]) if found else None
        if not found and not acr and not org_side and caption[0] <= run[0].start < caption[1] and 2 <= len(run) <= 4 and all(
            namey(t) or t.key in V.NAME_PARTICLES for t in run
        ) and not _after_title_item(text, caption[0], run[0].start):
            found = person_in_run(run, strong=True)  # "Pictured (l-r): A, B and C at the signing"
        if not found and not acr and not menu and not org_side and _lower_title_before(text, s, run):
            found = person_in_run(run, strong=True)  # "la diputada Yatziri Olmedo Kantún, del PT"
        if not found and not acr and not org_side and run[-1].end in pair_firsts:
            found = person_in_run(run, strong=True)  # "A and B, co-founders of X"
        if found and not acr:
            title_toks, name = found
            title_toks = strip_leading(title_toks)
            title = phrase_of(text, title_toks) if title_toks and any(is_title_tok(t) for t in title_toks) else None
            if title and all(t.key.rstrip(".") in V.COURTESY or t.key in V.COURTESY for t in title_toks):
                title = None  # "Dr.", "Ing.", "Lic." are not job titles
            pidx = doc.add("person", phrase_of(text, name), doc.span(name[0].start, name[-1].end, sent))
            paren = re.match(r"\s*\(([^()]{2,60})\)", text[name[-1].end : e])
            if title and paren and re.search(r"\b[DRI]-[A-Z]{2}\b", paren.group(1)):
                title = f"{title} ({paren.group(1)})"
            elif paren:
                paren_affiliation(doc, pidx, name[-1].end + paren.start(1), paren.group(1), sent)
            courtesy_only = all(t.key.rstrip(".") in V.COURTESY or t.key in V.COURTESY for t in title_toks)
            owned = _owner_title_before(doc, s, title_toks[0].start if title_toks else name[0].start) if courtesy_only else None
            if owned:  # "ADUMEX's Administrador Central de Operación, Lic. Name, confirmed"
                doc.affiliate(pidx, owned[0], owned[1])
                doc.found["person"][pidx].title = doc.found["person"][pidx].title or owned[1]
            if not title and not title_toks:
                title = _title_before_comma(text, s, name[0].start)  # "Mexico’s Ambassador to the U.S., Name,"
                if title:
                    om = re.match(r"(.+?)\s+(?:of|at|for|de|del)\s+(?:the\s+|la\s+|el\s+)?([A-Z].*)$", title)
                    if om and looks_like_org(om.group(2)) and not is_place(om.group(2)) and has_title_word(om.group(1)):
                        inner = inner_head(om.group(2))  # "el director de Puertos del Departamento de X, Name"
                        org = om.group(2)[inner:]
                        a = text.index(org, s)  # "Director General of the X Institute, Name,"
                        oidx = doc.add("organization", clean_org(org), doc.span(a, a + len(org), sent))
                        title = om.group(1)
                        doc.affiliate(pidx, oidx, title)
                    doc.found["person"][pidx].title = doc.found["person"][pidx].title or title
                    title = None
            if title:
                doc.found["person"][pidx].title = doc.found["person"][pidx].title or _expand_title(title)
                _title_org(doc, pidx, title_toks, sent)
                if re.match(r"(?:Our|Nuestr[oa])\s", text[run[0].start : name[0].start]):
                    own = last_before(doc, "organization", run[0].start)
                    if own is not None:
                        doc.affiliate(pidx, own, title)
            sentence_people.append((pidx, name))
            last_person_end = name[-1].end
            _apposition(doc, pidx, name[-1].end, sent)
            _who_heads(doc, pidx, name[-1].end, sent)
            _as_new_title(doc, pidx, name, sent)
            _our_title(doc, pidx, name, sent)
            _of_org(doc, pidx, name[-1].end, sent)
            continue
        if not menu:
            _entity_run(doc, run, acr, sent)
        if len(run) == 2 and run[0].start == s and not is_given(run[0].text) and not acr:
            run = run[1:]  # "Later Teresa thanked ..."
        if len(run) == 1 and not acr:
            pidx = doc.person_by_part(run[0].text)
            if pidx is not None and namey(run[0]) and not is_given(run[0].text) or (
                pidx is not None and re.match(r"\s+[a-z]", text[run[0].end : run[0].end + 3])
            ):
                doc.add("person", doc.found["person"][pidx].name, doc.span(run[0].start, run[0].end, sent))
                sentence_people.append((pidx, run))
    for k, (pidx, name) in enumerate(sentence_people[:-1]):
        if name[-1].end in pair_firsts:  # "A and B, co-founders of X": A shares B's apposition
            other = sentence_people[k + 1][0]
            for (p, o), t in list(doc.affiliations.items()):
                if p == other:
                    doc.affiliate(pidx, o, t)
    _led_by(doc, sent, sentence_people)
    _chaired_org(doc, sent, sentence_people)
    _participants_included(doc, sent, sentence_people)
    _partners(doc, sent)
    _is_title_at(doc, sent, sentence_people)


_COMMA_NAME_WORD = re.compile(r"\b(?:[A-ZÁÉÍÓÚÑ][\w’'&\-]*|de|del|la|las|los|y|e|of|the|and|for)\b|,")


def _comma_names(doc: Doc, sent) -> list[tuple[int, int]]:
    """`Secretaría de Agricultura, Ganadería y Pesca (SAGP)`: a name with commas inside, read back
    from the acronym after it when the acronym's letters are the initials of its capitalised words. Returns the
    spans so read."""
    text = doc.text
    out = []
    for m in _ACRONYM_DEF.finditer(text, sent[0], sent[1]):
        acr = re.sub(r"[^A-Z]", "", m.group(1))
        if len(acr) < 3 or acr != m.group(1):
            continue
        words = list(_COMMA_NAME_WORD.finditer(text, max(sent[0], m.start() - 120), m.start()))
        caps: list[re.Match] = []
        for w in reversed(words):  # walk back over contiguous words, commas and connectors
            if text[w.end() : (caps[0].start() if caps else m.start())].strip():
                break
            caps.insert(0, w)
        letters = [w for w in caps if w.group()[:1].isupper()]
        for k in range(len(letters)):
            if "".join(w.group()[0] for w in letters[k:]) == acr:
                start = letters[k].start()
                name = text[start : m.start()].strip()
                if "," in name and fold(name.split()[0]) in V.ORG_HEADS:
                    doc.add("organization", name, doc.span(start, start + len(name), sent), acronym=acr)
                    out.append((start, m.start()))
                break
    for m in _ENUM_NAME.finditer(text, sent[0], sent[1]):
        items = re.split(r",\s+|\s+(?:y|e|and)\s+", m.group("items"))
        if all(not w.isupper() and (fold(w) in PORTFOLIO_WORDS or fold(w) in V.TOPIC_WORDS or re.search(
                r"(?:cion|sion|dad|dades|ia|ias|ismo|ncia|tura|logia|ics|ment|ness)$", fold(w))) for w in items):
            doc.add("organization", m.group(), doc.span(m.start(), m.end(), sent))
            out.append((m.start(), m.end()))
    return out


# "Comisión de Minería, Tecnología y Sustentabilidad", "Secretaría de Cultura, Ciencia e Innovación":
# a body named for several portfolios, commas inside its name.
_ENUM_NAME = re.compile(r"\b(?:Comisi[oó]n|Secretar[ií]a|Subsecretar[ií]a|Comit[eé]|Consejo|Instituto|Ministerio|Committee|"
                        r"Department|Ministry|Commission)\s+(?:de|del|de la|on|of|for)\s+"
                        r"(?P<items>[A-ZÁÉÍÓÚÑ][^\W\d_]+(?:,\s+[A-ZÁÉÍÓÚÑ][^\W\d_]+){1,4}\s+(?:y|e|and)\s+[A-ZÁÉÍÓÚÑ][^\W\d_]+)")


_TITLE_NEXT = re.compile(r"(?:,\s+(?:(?:the|a|an|our|its)\s+)?|\s+(?:is|was|serves as|served as|es|fue|funge como)\s+"
                         r"(?:(?:the|a|an|our|its|el|la|un|una)\s+)?)((?:[\w.-]+\s+){0,2}[\w-]+)")  # "Name, Former U.S. Ambassador"
_POSSESSIVE_TITLE = re.compile(r",\s+(?:the\s+)?(?:[A-Z][\w.&\-]*\s+){0,6}[A-Z][\w.&\-]*[’']s\s+((?:[\w-]+\s+){0,2}[\w-]+)")
_WHO = re.compile(r",\s+(?:quien|quienes|who)\s+[a-záéíóúñ]")
_WHO_HEADS = re.compile(r",\s+who\s+(?:heads|leads|runs|chairs|directs|founded|co-founded)\s+(?:the\s+)?(?=[A-Z0-9])")


_CAPTION = re.compile(r"(?:\((?:l\s*-\s*r|l\.?\s*to\s*r\.?|left to right|de izq[^)]{0,20})\)|\bfrom left|"
                      r"\bde izquierda a derecha)[^:]{0,10}:\s*"  # the names of a photo, left to right
                      r"|\b(?:panelists|speakers|participants|moderators?|ponentes|panelistas|participantes)\s*:\s*", re.I)


_COLUMNS = re.compile(r"\t+| {3,}")
_MENU_MAX = 600  # a site's menu line is never longer than this (a longer line is not split for every run of it)


def _menu_line(text: str, s: int, e: int) -> bool:
    """A site's menu bar (`Inicio   Nosotros   Marco Legal   Contacto`): four or more short items set apart
    by wide gaps, none with a title, a comma or a digit. Its items name pages, not people."""
    ls, le = text.rfind("\n", 0, s) + 1, text.find("\n", e)
    line = text[ls : le if le >= 0 else len(text)]
    if len(line) > _MENU_MAX:
        return False
    cells = [c.strip() for c in _COLUMNS.split(line) if c.strip()]
    if len(cells) < 4 or not any(fold(c) in _NAV_WORDS for c in cells):
        return False  # a row of a names grid (`Ana Ruiz   Luis Paz   ...`) has no page word like `Home`
    return all(len(c.split()) <= 4 and not re.search(r"[,\d@]", c) and not has_title_word(c) for c in cells)


# Items of a site's menu bar, besides the common page words of `NON_NAME_WORDS` (`home`, `news`, `contact`).
_NAV_WORDS = V.NON_NAME_WORDS | frozenset("inicio nosotros participa datos servicios eventos contacto noticias prensa blog "
                                         "buscar search menu socios publicaciones transparencia donate programs research "
                                         "publications sala multimedia galeria".split())


# Adjectives that go on a lower-case title when written capitalised ("el presidente Nacional", "director Comercial").
_TITLE_ADJECTIVES = frozenset("nacional estatal municipal federal tecnico tecnica emerito emerita emeritus ejecutivo "
                              "ejecutiva comercial general regional adjunto adjunta operativo operativa juridico juridica "
                              "administrativo administrativa financiero financiera academico academica".split())
_ARTICLE_TITLE = re.compile(r"(?:\b(?:el|la|los|las|del|al|the|a|an)\s+|,\s+)([a-záéíóúñ][\w-]+)\s+$")  # (", maestra Name")


def _lower_title_before(text: str, s: int, run: list[Tok]) -> bool:
    """`la diputada Yatziri Olmedo Kantún,`, `el gobernador Eliud Ochoa Paz`: an article and a job title in
    lower case right before two to four name words (no place, no title word among them)."""
    m = _ARTICLE_TITLE.search(text, max(s, run[0].start - 40), run[0].start)
    if not m or not (is_title_tok(tokens(m.group(1))[0]) and fold(m.group(1)) in V.TITLE_WORDS | V.HONORIFICS):
        return False
    words = [t for t in run if t.key not in V.NAME_PARTICLES]
    if words and (words[0].key in V.TITLE_MODIFIERS or words[0].key in _TITLE_ADJECTIVES):
        return False  # "la directora Ejecutiva de X", "el presidente Nacional de Y": the title goes on
    return 2 <= len(words) <= 4 and all(namey(t) and not is_title_tok(t) for t in words) and not is_place(words[0].text) \
        and not any(is_place(t.text) for i, t in enumerate(run) if i and run[i - 1].key in V.NAME_PARTICLES)


def _after_title_item(text: str, start: int, pos: int) -> bool:
    """`Moderator: Ana Ruiz, Country Manager, Tallgrass Staffing`: the item before `pos` is a job title,
    so the item at `pos` is the person's organization, not another name."""
    items = re.split(r"[,;]", text[start:pos])
    return len(items) >= 2 and not items[-1].strip() and has_title_word(items[-2])


def _caption_span(text: str, s: int, e: int) -> tuple[int, int]:
    """The names part of a photo caption (`Pictured (l-r): A, B and C at ...`), or an empty span."""
    m = _CAPTION.search(text, s, e)
    if not m:
        return (0, 0)
    stop = re.compile(r"\s(?:at|in|during|on|with|en|durante|con)\s").search(text, m.end(), e)
    return (m.end(), stop.start() if stop else e)


def _plural_title(tok: Tok) -> bool:
    """`co-founders`, `partners`: a job title in the plural."""
    return tok.text.islower() and tok.key.endswith("s") and (
        tok.key[:-1] in V.TITLE_WORDS or tok.key[:-1].replace(" ", "") in V.TITLE_WORDS)


def _evidenced_name(text: str, run: list[Tok], end: int) -> list[Tok] | None:
    """The name-like tail of a run (`According to Phineas Calloway` -> `Phineas Calloway`) if `_name_evidence`
    vouches for it."""
    k = len(run)
    while k > 0 and namey(run[k - 1]) or k > 1 and run[k - 1].key in V.NAME_SUFFIXES and k == len(run):
        k -= 1
    tail = run[k:]
    if tail and 2 <= len(tail) <= 4 and tail[0].start == run[0].start and _EL_TITLE.search(
        text, max(0, tail[0].start - 80), tail[0].start
    ) and _title_before_comma(text, max(0, tail[0].start - 80), tail[0].start):
        return tail  # "el embajador de Canadá, Graeme Clarkson"
    before = tail and re.search(r"\b(de|del|of|at|from|en|in|por|para)\s+$", text[max(0, tail[0].start - 6) : tail[0].start])
    if before and not (before.group(1) == "por" and _TITLE_NEXT.match(text, tail[-1].end, end)):
        return None  # "Jacinto Ruiz, de Plásticos Acuña, como tesorero": a complement, the company of the one before
        # (but "coordinada por A y por Deandra Kessler, vicepresidenta de X": an agent, then her title)
    return tail if tail and _name_evidence(text, tail, end) else None


def _name_evidence(text: str, run: list[Tok], end: int) -> bool:
    """A run of 2-4 name-like words that is a person by its shape, though its given name is unknown:
    a middle initial (`Dwight R. Obuya`), or a job title right after it (`Name, plant director at`,
    `Name is the Director of`)."""
    after = run[-1].end
    if len(run) > 2 and run[-1].key in V.NAME_SUFFIXES:
        run = run[:-1]  # "Cipriano Lozada Jr."
    if not 2 <= len(run) <= 4 or not all(namey(t) for t in run) or any(t.possessive for t in run[:-1]):
        return False
    if len(run) >= 3 and any(re.fullmatch(r"[A-Z]\.", t.text) for t in run[1:-1]) and len(run[0].text) > 2:
        return True
    if any(re.fullmatch(r"[A-Z]\.?", t.text) for t in run):
        return False
    if _WHO_HEADS.match(text, after, end):
        return True
    unknown = _unknown_name(text, run, after)
    if (_SAID_AFTER.match(text, after, end) or _SAID_BEFORE.search(text, max(0, run[0].start - 30), run[0].start)) \
            and len(run) == 2 and unknown \
            and not re.search(r"\b(?:and|y|of|de|for|the|&)\s+$", text[max(0, run[0].start - 5) : run[0].start]):
        return True  # "Ravindra Osei spent ten years at X", '"...," said Ravindra Osei': what only people do
    paren = _PAREN_AFTER.match(text, after, end)
    if paren and len(run) <= 3 and len(paren.group(1).split()) >= 2 and unknown and _org_or_post(paren.group(1)):
        return True  # "Temperance Achebe (National Council of Independent Truckers)", "Name (Editor, X Ledger)"
    if _NICKNAME.fullmatch(text, run[0].start, after):
        return True  # 'Kwabena "Kobi" Danforth': a nickname in quotes between a given name and a surname
    if _BY_ROLE.search(text, max(0, run[0].start - 40), run[0].start) and unknown \
            and not any(t.key[:-1] in V.TITLE_WORDS for t in run):
        return True  # "led by Kwabena Danforth of X", "moderada por Yatziri Olmos": a role only people take
    if _WHO.match(text, after, end) and re.search(r"(?:[,;:(]|\band\b|\by\b)\s*$", text[max(0, run[0].start - 6) : run[0].start]):
        return True  # "..., Evaristo Zubieta Luján, quien estimó": a relative pronoun for people (not "of X, who")
    if unknown and len(run) <= 3 and _LIST_ITEM_BEFORE.search(text, max(0, run[0].start - 12), run[0].start) \
            and (of := _OF_ORG_AFTER.match(text, after, end)) and looks_like_org(of.group(1)):
        return True  # "Named to the board were Emeka Duru of Ridgeway Thermal Systems; ...": an item of a list of people
    pm = _POSSESSIVE_TITLE.match(text, after, end)
    if pm and has_title_word(pm.group(1)):
        return True  # "Name, the Baker Grid Institute’s chief economist"
    m = _TITLE_NEXT.match(text, after, end)
    if not m:
        return False
    toks = tokens(m.group(1))
    k = next((i for i, t in enumerate(toks) if is_title_tok(t) and t.key not in V.HONORIFICS - V.TITLE_WORDS), None)
    # "X District, including its President": a clause about X's people, not X's own title
    return k is not None and not any(t.key in _CLAUSE_WORDS or t.key in V.NOT_NAME_VERBS or t.key in V.SPEECH_VERBS
                                     or t.text.islower() and _PRETERITE.fullmatch(t.text)
                                     for t in toks[:k])  # (nor "X, intervinieron Capitán Y": a verb, then the next name)


def _unknown_name(text: str, run: list[Tok], after: int) -> bool:
    """The run may be a person whose given name no list knows: no organization's shape, no place, no
    generic or title word (the evidence around it decides)."""
    phrase = text[run[0].start : after]
    return not looks_like_org(phrase) and not is_place(phrase) and not any(t.key in GENERIC_WORDS or is_title_tok(t) for t in run)


def _org_or_post(inner: str) -> bool:
    """What a bracket after a person holds: an organization (`National Council of X`) or a title and an
    organization (`Editor, X Ledger`); not a role alone (`vice chair`) nor a date (`April 2, 2025`)."""
    parts = [p.strip() for p in inner.split(",")]
    last = parts[-1]
    if not re.search(r"[^\W\d_]{2}", last):
        return False
    return looks_like_org(last) and len(last.split()) >= 2 or len(parts) >= 2 and has_title_word(parts[0])


_PAREN_AFTER = re.compile(r"\s*\(([^()\n]{4,90})\)")
_SAID_AFTER = re.compile(r",?\s+(?:said|says|spent|joined|served|became|added|noted|explained|told|stressed|recalled|"
                         r"dijo|señaló|afirmó|explicó|agregó|destacó|indicó|comentó|aseguró|subrayó|puntualizó)\b")
_SAID_BEFORE = re.compile(r"[,”\"]\s*(?:said|says|added|noted|explained|dijo|señaló|afirmó|explicó|agregó|destacó|"
                          r"indicó|comentó|aseguró|subrayó|puntualizó)\s+$")
_LIST_ITEM_BEFORE = re.compile(r"(?:;|:|\b(?:were|are|included|includes|include|fueron|son))\s+(?:and\s+|y\s+)?$")
_OF_ORG_AFTER = re.compile(r"\s+(?:of|from|at|de)\s+(?:the\s+)?([A-ZÁÉÍÓÚÑ][\w&.’'\-]*(?:\s+(?:[A-ZÁÉÍÓÚÑ&][\w&.’'\-]*|de|del|of|the|y|and)){0,7})"
                           r"\s*(?=[;,.]|\s+(?:and|y)\s|$)")
_NICKNAME = re.compile(r"[A-ZÁÉÍÓÚÑ][\w’'\-]+\s+[\"“][A-ZÁÉÍÓÚÑa-z][\w’'\- ]{1,15}[\"”]\s+[A-ZÁÉÍÓÚÑ][\w’'\-]+(?:\s+[A-ZÁÉÍÓÚÑ][\w’'\-]+)?")
_BY_ROLE = re.compile(r"\b(?:(?:co-?)?(?:led|chaired|moderated|hosted|headed|presented|introduced|joined|accompanied)\s+by|"
                      r"(?:encabezad[oa]s?|moderad[oa]s?|presidid[oa]s?|coordinad[oa]s?|acompañad[oa]s?|liderad[oa]s?)\s+por)"
                      r"\s+(?:(?:the|el|la)\s+)?(?:" + V.COURTESY_ABBREVIATIONS + r"\.?\s+)?$", re.I)


# Words that open a clause after a comma, not a job title ("including its", "among them", "con su").
_CLAUSE_WORDS = frozenset("including incluyendo its his her their our su sus such like with con among entre whose cuyo "
                          "cuya and y or o".split())


_EL_TITLE = re.compile(r"\b(?:[Ee]l|[Ll]a|[Ll]os|[Ll]as|the)\s+([a-z][\w-]+(?:\s+(?:general|ejecutiv[oa]|adjunt[oa]))?"
                       r"(?:\s+(?:de|del|para|of|for|to|the|la|los|y|and)\s+(?:la\s+|the\s+)?[A-ZÁÉÍÓÚ][\w.\-]*"
                       r"(?:\s+(?:(?:de|del|la|y|para|of|for|the|and)\s+)*[A-ZÁÉÍÓÚ][\w.\-]*)*){0,3}"
                       r"(?:\s*\([A-Z][A-Za-z&.\-]{1,11}\))?),\s*")


def _title_before_comma(text: str, s: int, name_start: int) -> str | None:
    """`Mexico’s Ambassador to the United States, Name, said`: the title phrase that opens the sentence."""
    m = re.fullmatch(r"\s*(?:[“\"]?(?:The|El|La)\s+)?(?:[A-Z][\w.\-–]*(?:\s+[A-Z][\w.\-–]*)*[’']s\s+)?"
                     r"([A-Z][^,;:“\"]{2,80}?),\s*", text[s:name_start])
    toks = tokens(m.group(1)) if m else []
    if toks and (is_title_tok(toks[0]) or toks[0].key in V.TITLE_MODIFIERS):
        if len(toks) > 9 or person_in_run(toks) or not all(t.cap or t.key in V.NAME_CONNECTORS for t in toks):
            return None  # "Chief among them, Name": not a title phrase
        return m.group(1).strip()
    m = _EL_TITLE.search(text, s, name_start)  # "junto con el embajador de Canadá, Name"
    if not m or m.end() != name_start or not is_title_tok(tokens(m.group(1))[0]):
        return None
    return m.group(1).strip()


_OWNER_TITLE = re.compile(r"\s*(?P<owner>[A-Z][A-Za-z&.\-]{1,11}|(?:[A-Z][\w.\-]*\s+){0,5}[A-Z][\w.\-]*)[’']s\s+"
                          r"(?P<title>[A-Z][^,;:“\"]{2,80}?),\s*(?:(?:Lic|Ing|Dr|Dra|Mtro|Mtra|C\.\s?P|Arq|Mr|Ms|Mrs)\.?\s+)?")


def _owner_title_before(doc: Doc, s: int, name_start: int) -> tuple[int, str] | None:
    """`ADUMEX's Administrador Central de Operación, Lic. Name`, `the Port Authority's Director of Trade, Name`: an
    organization's possessive, then the title, opening the sentence (or a clause after `and`/`y`) before the name."""
    text = doc.text
    lead = re.search(r"(?:^|(?<=\s)(?:and|y|while|with)\s+|(?<=,)\s*)(?:the\s+)?(?=[A-Z][\w.&\-]*(?:\s+[A-Z][\w.&\-]*)*[’']s\s)",
                     text[s:name_start])
    if not lead:
        return None
    m = _OWNER_TITLE.fullmatch(text, s + lead.end(), name_start)
    if not m or not has_title_word(m.group("title")) or len(tokens(m.group("title"))) > 9:
        return None
    owner = m.group("owner")
    if is_place(owner) or doc.lookup("person", owner) is not None or doc.person_by_part(owner.split()[-1]) is not None:
        return None  # "Mexico's Ambassador to the U.S., Name": a country's office
    if not (owner.isupper() or looks_like_org(owner) or doc.lookup("organization", owner) is not None):
        return None
    oidx = doc.add("organization", owner, doc.span(m.start("owner"), m.end("owner"), (s, name_start)))
    return oidx, m.group("title").strip()


# Before an item of an enumeration of people (`...; B (PAN); C (PRI), y D`).
_ENUM_BEFORE = re.compile(r"(?:[;,]|\b(?:y|e|and))\s+$")


def _initials_fit(run: list[Tok], acr: str) -> bool:
    """Whether the acronym's first letters are the run's initials, in order (`Universidad Autónoma X (UAX)`)."""
    initials = fold("".join(t.text[0] for t in run if t.cap and t.key not in V.COURTESY and t.key.rstrip(".") not in V.COURTESY))
    it = iter(initials.upper())
    return bool(initials) and initials[0].upper() == acr[0].upper() and all(c in it for c in acr.upper()[:2])


_PRETERITE = re.compile(r"[a-záéíóúñ]{4,}(?:ó|aron|ieron)")  # a Spanish preterite ("intervinieron", "asistió")


def _split_verbs(run: list[Tok]) -> list[list[Tok]]:
    """`Border Alliance Launches Skills Initiative` (a headline) -> the two names around the verb."""
    parts, cur = [], []
    after_verb = False
    if len(run) > 2 and run[0].text[:1].isupper() and _PRETERITE.fullmatch(run[0].text.lower()):
        run = run[1:]  # "Asistió Ana Ruiz", "Participaron A y B": a Spanish verb opening the sentence
    for t in run:
        if t.key in V.HEADLINE_VERBS and cur:
            parts.append(cur)
            cur = []
            after_verb = True
        elif t.key not in V.HEADLINE_VERBS and not (after_verb and not cur and t.key in ("up", "out")):
            cur.append(t)  # ("Stand Up X Working Group": the verb's particle is no part of the name)
            after_verb = False
    if cur:
        parts.append(cur)
    return [p for p in parts if p]


_AS_TITLE = re.compile(r"\s+as\s+(?:the\s+)?((?:[A-Z][\w&.\-]*\s+){0,5}[A-Z][\w&.\-]*)[’']s?\s+(?:new|next|first|incoming|interim)?\s*"
                       r"((?:[A-Za-z][\w\-]*\s+){0,4}[A-Za-z][\w\-]*)")


def _as_new_title(doc: Doc, pidx: int, name: list[Tok], sent) -> None:
    """`We welcome Ana Ruiz as Volta Grid’s new Chief Financial Officer`: the title at that organization."""
    m = _AS_TITLE.match(doc.text, name[-1].end, sent[1])
    if not m or not has_title_word(m.group(2)) or not re.search(r"[’']s?\s", doc.text[m.end(1) : m.end(1) + 3]):
        return
    org = clean_org(m.group(1))
    if is_place(org) or doc.lookup("person", org) is not None or not org:
        return
    title = " ".join(t.text for t in tokens(m.group(2)) if is_title_tok(t) or t.text[:1].isupper() or t.key in ("of", "for"))
    oidx = doc.add("organization", org, doc.span(m.start(1), m.start(1) + len(org), sent))
    doc.affiliate(pidx, oidx, title or None)
    person = doc.found["person"][pidx]
    person.title = person.title or title or None


_ITS_TITLE = re.compile(r"\b(?:its|their|su|sus)\s+((?:[\w\-]+\s+){0,5}?[\w\-]+),?\s*"
                        r"(?:(?:Dr|Dra|Lic|Ing|Mr|Ms|Mrs|Mtro|Mtra)\.\s*)?$")
_OUR_TITLE = re.compile(r"\b(?:[Oo]ur|[Nn]uestr[oa])\s+((?:[\w\-]+\s+){0,3}?[\w\-]+),\s*$")


def _our_title(doc: Doc, pidx: int, name: list[Tok], sent) -> None:
    """`She will report to our CEO, Name`: the title at the organization the page speaks for (named last before)."""
    before = doc.text[max(sent[0], name[0].start - 60) : name[0].start]
    its = _ITS_TITLE.search(before)
    if its and has_title_word(its.group(1)):  # "directivos de la Asociación X, encabezados por su presidente, Name"
        own = last_before(doc, "organization", name[0].start)
        if own is not None and any(sent[0] <= sp.start < name[0].start for sp in doc.found["organization"][own].spans):
            doc.affiliate(pidx, own, its.group(1))
            person = doc.found["person"][pidx]
            person.title = person.title or its.group(1)
        return
    m = _OUR_TITLE.search(before)
    if not m or not has_title_word(m.group(1)):
        return
    named = [(sum(sp.start < name[0].start for sp in org.spans), -min(sp.start for sp in org.spans), i)
             for i, org in enumerate(doc.found["organization"]) if any(sp.start < name[0].start for sp in org.spans)]
    own = max(named)[2] if named else None  # the organization the page names most before the name
    if own is not None:
        doc.affiliate(pidx, own, m.group(1))
        person = doc.found["person"][pidx]
        person.title = person.title or m.group(1)


def _who_heads(doc: Doc, pidx: int, name_end: int, sent) -> None:
    """`Name, who heads the Laredo Customs Brokers Association`: an affiliation (no title written)."""
    m = _WHO_HEADS.match(doc.text, name_end, sent[1])
    org = _org_prefix(doc.text[m.end() : sent[1]]) if m else None
    if org and looks_like_org(clean_org(org)) and not is_place(org):
        oidx = doc.add("organization", clean_org(org), doc.span(m.end(), m.end() + len(clean_org(org)), sent))
        doc.affiliate(pidx, oidx, None)


def _split_person_of(run: list[Tok], text: str = "") -> list[list[Tok]]:
    """`Jane Holt of Acme Logistics` -> the person and the organization as two runs (an unknown given name
    too after `led by`, `moderated by`)."""
    for i, t in enumerate(run):
        if t.key in ("of", "from", "at") and i >= 2 and i + 1 < len(run) and (person_in_run(run[:i]) or (
                text and i <= 4 and all(namey(x) for x in run[:i]) and not looks_like_org(phrase_of(text, run[:i]))
                and (_BY_ROLE.search(text, max(0, run[0].start - 40), run[0].start)
                     or i <= 3 and not any(is_title_tok(x) or x.key in GENERIC_WORDS for x in run[:i])
                     and _LIST_ITEM_BEFORE.search(text, max(0, run[0].start - 12), run[0].start)))):
            # ("Also named to the working group were Thaddea Mbeki-Rowan of the Office of ...")
            return [run[:i], strip_leading(run[i + 1 :])]
    return [run]


_PLURAL_TITLE = re.compile(r",\s+(?:the\s+)?((?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*s)\s+(?:of|at|for|de|del)\s+")


def _pair_of_people(doc: Doc, run: list[Tok]) -> bool:
    """`Ottilie Brandauer and Sebastián Larrazábal, co-founders of X`: two names joined by `and` under a
    plural title, one of them a known person shape, the other two or three name-like words."""
    m = _PLURAL_TITLE.match(doc.text, run[-1].end)
    if not m or not (has_title_word(m.group(1)) or has_title_word(m.group(1)[:-1])):
        return False
    cut = next(i for i, t in enumerate(run) if t.key in ("and", "y"))
    a, b = run[:cut], run[cut + 1 :]
    return bool(person_in_run(b)) and 2 <= len(a) <= 3 and all(namey(t) and t.text[0].isupper() for t in a)


_SECOND_NAME_OPENERS = frozenset("the la el los las en a at in with con de for para".split())


def _y_surname(doc: Doc, run: list[Tok], i: int) -> bool:
    """run[i] is `y` joining a last surname (`Mier y Terán`) to a name of three words or more before it: the word
    after it is name-like, no given name, place, organization word or known entity."""
    nxt = run[i + 1]
    return namey(nxt) and not is_given(nxt.text) and not is_place(nxt.text) and nxt.key not in V.ORG_SUFFIXES \
        and doc.lookup("organization", nxt.text) is None and doc.person_by_part(nxt.text) is None \
        and bool(person_in_run(run[:i])) and len([t for t in run[:i] if namey(t)]) >= 3


def _split_and(doc: Doc, run: list[Tok]) -> list[list[Tok]]:
    """Split a run at `and` when a part is a person or an already known entity."""
    cuts = [i for i, t in enumerate(run) if t.key in ("and", "y")
            and not (0 < i < len(run) - 2 and is_title_tok(run[i - 1]) and is_title_tok(run[i + 1]))
            and not (t.text == "y" and i == len(run) - 2 and i >= 3 and _y_surname(doc, run, i))]
    # ("Authority President and CEO Name": two titles joined by `and` before one name stay one run;
    # "Leticia Garza Mier y Terán": a surname joined by `y` closes a full name)
    if not cuts:
        return [run]
    parts, prev = [], 0
    for c in cuts + [len(run)]:
        if run[prev:c]:
            parts.append(run[prev:c])
        prev = c + 1
    text = doc.text
    phrases = [clean_org(phrase_of(text, strip_leading(part))) for part in parts]
    for part, phrase in zip(parts, phrases):
        if any(person_in_run(p) for p in _split_person_of(part)) or doc.lookup("organization", phrase) is not None or doc.lookup("initiative", phrase) is not None or (
            len(part) == 1 and doc.person_by_part(part[0].text) is not None
        ):
            return parts
    if len(parts) == 2 and len(phrases[1].split()) <= 3 and (fold(phrases[1]).split() or [""])[-1] in _BODY_AFTER_AND \
            and not looks_like_org(phrases[0]) and not person_in_run(parts[0]):
        return [run]  # "House Ways and Means Committee", "Science and Technology Committee": one body's name
    if all(len(p.split()) >= 2 for p in phrases) and looks_like_org(phrases[-1]) and (
        not looks_like_org(phrases[0]) or fold(phrases[0]).split()[-1] in V.ORG_SUFFIXES | V.COMPANY_ENDS
    ):
        return parts  # "Jordan Industrial Park and Victoria Logistics Center": two names
    if all(len(p.split()) >= 2 for p in phrases) and all(run[c + 1].key in _SECOND_NAME_OPENERS
                                                      for c in cuts if c + 1 < len(run)) and any(
            looks_like_org(p) or initiative_kind(p) for p in phrases):
        return parts  # "the National Council of X and the Y Institute", "en la Comisión X y en Constructora Y"
    if len(parts) == 2 and is_place(phrases[0]) and run[cuts[0] + 1].key in ("the", "la", "el", "los", "las") \
            and len(phrases[1].split()) >= 2 and looks_like_org(phrases[1]):
        return parts  # "the plant in Katy and the Saguaro Valley Grid Cooperative": a place, then a body
    if all(len(p.split()) >= 2 and (fold(p).split() or [""])[0] in V.ORG_HEADS for p in phrases):
        return parts  # "la Secretaría de Economía y la Asociación de Parques Industriales"
    if len(parts) == 2 and all(len(p.split()) >= 2 for p in phrases) and initiative_kind(phrases[1]) and (
        initiative_kind(phrases[0]) or fold(phrases[0]).split()[-1] in V.ORG_SUFFIXES
    ):
        return parts  # "Frontera Energy Council and Bajío Talent Initiative"
    return [run]


# Bodies whose names join two subjects with `and` (`Ways and Means Committee`, `Labor and Economic Development
# Committee`, `Science and Technology Council`).
_BODY_AFTER_AND = frozenset("committee subcommittee commission council caucus department office division".split())


_SUCH_AS = re.compile(
    r"\b(?:companies|organizations|organisations|firms|corporations|businesses|partners|sponsors|members|groups|"
    r"institutions|agencies|manufacturers|investors|brands)\s*,?\s+(?:such\s+as|like|including|among\s+them)\s+",
    re.I,
)


# A body's members listed after it: "the Advisory Panel, which includes A, B and the C Alliance".
_WHICH_INCLUDES = re.compile(r"\b(?:which|that)\s+(?:includes?|comprises?|brings together)\s+|\bque\s+(?:incluye|agrupa|re[uú]ne)\s+(?:a\s+)?")
# People named by the organizations they come from: "purchasing teams from A and B", "representantes de X, Y y Z".
_STAFF_FROM = re.compile(
    r"\b(?:executives|representatives|officials|managers|teams|leaders|delegates|buyers|engineers|employees|"
    r"ejecutivos|representantes|funcionari[oa]s|directivos|empresarios|gerentes|compradores)\s+"
    r"(?:of|from|de|del|de la)\s+(?:the\s+)?(?=[A-ZÁÉÍÓÚÑ])")


def _such_as(doc: Doc, sent) -> None:
    """`companies such as A, B, and C`, `executives of A and B`: each item is an organization."""
    text = doc.text
    s, e = sent
    for m in [*_SUCH_AS.finditer(text, s, e), *_STAFF_FROM.finditer(text, s, e), *_WHICH_INCLUDES.finditer(text, s, e)]:
        pos = m.end()
        staff = m.re is not _SUCH_AS
        while pos < e:
            item = re.match(r"(?:and\s+|or\s+|y\s+|e\s+)?(?:the\s+)?((?:[A-ZÁÉÍÓÚÑ0-9][\w&’'.\-]*)(?:\s+(?:[A-ZÁÉÍÓÚÑ0-9][\w&’'.\-]*"
                            r"|(?:of|de las|de los|de la|del|de|&)(?=\s+[A-ZÁÉÍÓÚÑ0-9])))*)", text[pos:e])
            if not item or not item.group(1):
                break
            name = clean_org(item.group(1))
            a = pos + item.start(1)
            if staff and (initiative_kind(name) or doc.lookup("initiative", name) is not None or is_title_tok(tokens(name)[0])):
                break  # "members of the X Working Group", "officials of the Secretary's office"
            if name and not is_place(name) and not is_generic(name) and not person_in_run(tokens(name)):
                doc.add("organization", name, doc.span(a, a + len(name), sent))
            pos += item.end()
            sep = re.match(r"\s*,\s*|\s+(?=and\s|or\s|y\s|e\s)", text[pos:e])
            if not sep:
                break
            pos += sep.end()


_SUPPORTS = re.compile(r"\b(?:supports|sponsors|funds|backs|underwrites|apoya|patrocina)\s+(?:the\s+|el\s+|la\s+)?(?=[A-Z])")
_GROUP_ITEM = re.compile(r"((?:[A-Z][\w’'.&\-–]*)(?:\s+(?:[A-Z][\w’'.&\-–]*|of|for|on|de|del|la|&))*)")


def _supports(doc: Doc, sent) -> None:
    """`X supports the A Council, B Council and C Initiative`: each item an initiative with X as supporter,
    when at least one item is named as an initiative (the rest share its shape)."""
    text = doc.text
    s, e = sent
    for m in _SUPPORTS.finditer(text, s, e):
        items, pos = [], m.end()
        while pos < e:
            item = _GROUP_ITEM.match(text, pos, e)
            if not item:
                break
            items.append((item.start(1), item.group(1)))
            sep = re.compile(r"\s*,\s*(?:and\s+|y\s+)?(?:the\s+)?|\s+(?:and|y)\s+(?:the\s+)?").match(text, item.end(), e)
            if not sep:
                break
            pos = sep.end()
        kinds = [initiative_kind(name) or (fold(name).split()[-1] in V.GROUP_BODIES and "council") for _, name in items]
        if len(items) < 2 or not all(kinds) or not any(initiative_kind(n) for _, n in items):
            continue
        subject = [r for r in cap_runs(tokens(text[s : m.start()], s), text)]
        supporter = None
        if subject:
            run = strip_leading(subject[-1])
            phrase = clean_org(phrase_of(text, run)) if run else ""
            if phrase and looks_like_org(phrase) and not is_place(phrase):
                supporter = doc.add("organization", phrase, doc.span(run[0].start, run[-1].end, sent))
        for (a, name), kind in zip(items, kinds):
            name = clean_org(name)
            idx = doc.add("initiative", name, doc.span(a, a + len(name), sent), kind=kind)
            if supporter is not None:
                doc.partner(idx, supporter, "supporter")




def paren_affiliation(doc: Doc, pidx: int, start: int, inner: str, sent) -> None:
    """`Helen Park (Rice University)` or `Jane Doe (Chief Economist, Banco Austral)`."""
    parts = [p.strip() for p in inner.split(",")]
    while len(parts) >= 2 and (is_place(parts[-1]) or re.fullmatch(r"[A-Z]{2}|(?:[A-Z][a-z]{0,4}\.\s?){1,2}|(?:[A-Z]\.\s?){2,3}", parts[-1])):
        parts = parts[:-1]  # "Name (Firm X, Laredo, TX)": where the firm is
        inner = ", ".join(parts)
    title = None
    if len(parts) >= 2 and has_title_word(parts[0]):
        title, inner = ", ".join(parts[:-1]), parts[-1]
        start = doc.text.index(inner, start)
    elif len(parts) == 1 and has_title_word(inner) and not looks_like_org(inner):
        person = doc.found["person"][pidx]
        person.title = person.title or inner  # "Jane Doe (CEO)"
        return
    if not _org_in_parens(inner) or doc.lookup("person", inner) is not None or (
            len(inner.split()) == 1 and doc.person_by_part(inner) is not None):
        return  # "Press contact: Ana Ruiz (Senator Holm)": the person she speaks for
    oidx = doc.add("organization", clean_org(inner), doc.span(start, start + len(inner), sent))
    doc.affiliate(pidx, oidx, title)
    person = doc.found["person"][pidx]
    person.title = person.title or title


def _org_in_parens(inner: str) -> bool:
    """`Name (Cascadia Freight)`: a short capitalised name that is no place, party tag or date."""
    inner = inner.strip()
    words = inner.split()
    if not 1 <= len(words) <= 6 or is_place(inner) or is_generic(inner) or re.search(r"\d|@|\b[DRI]-[A-Z]", inner):
        return False
    return looks_like_org(inner) or all(w[:1].isupper() or fold(w) in V.NAME_CONNECTORS for w in words)


def _expand_title(title: str) -> str:
    return re.sub(r"^Rep\.(?=\s|$)", "Representative", re.sub(r"^Sen\.(?=\s|$)", "Senator", title))


def _entity_run(doc: Doc, run: list[Tok], acr: str | None, sent) -> None:
    """Organizations and initiatives named by a capitalised run (with an acronym, if defined)."""
    text = doc.text
    run = strip_list_words(strip_leading(run))
    while len(run) > 2 and run[0].key in ("at", "from", "with", "by", "in", "desde", "con", "por"):
        run = strip_leading(run[1:])  # "At the Halvard Policy Institute, ...": a sentence opening with a preposition
    if not run:
        return
    for i, t in enumerate(run[1:-1], 1):
        if t.key in V.NAME_CONNECTORS and (run[i + 1].key in V.WEEKDAYS or run[i + 1].key in V.MONTHS):
            run = run[:i]  # "the Wilson Center on Tuesday"
            break
    for i, t in enumerate(run[1:-1], 1):
        if t.key in ("and", "y") and is_title_tok(run[i + 1]) and len(run) > i + 2:
            run = run[:i]  # "the X Office and Governor Name’s": the office, then a person
            break
    for i, t in enumerate(run[1:-1], 1):
        if t.key in ("in", "en") and is_place(phrase_of(text, run[i + 1 :])) and looks_like_org(phrase_of(text, run[:i])) \
                and not any(w.key in _PLACE_NAMED for w in run[:i]):
            run = run[:i]  # "the Secretariat of Economy in Monterrey" (but "the U.S. Embassy in Mexico")
            break
    if acr:
        run = _acronym_scope(run, acr)
    if len(run) >= 2 and all(t.text.isupper() or t.key in V.NAME_CONNECTORS for t in run):
        while run and (run[0].key in V.NON_NAME_WORDS or run[0].key in V.NAME_CONNECTORS):
            run = run[1:]  # "ABOUT THE X CENTER": only an entity already known by that name
        if not run or (doc.lookup("organization", phrase_of(text, run)) is None
                       and doc.lookup("initiative", phrase_of(text, run)) is None):
            return
    while len(run) > 2 and (is_title_tok(run[0]) or run[0].key in V.TITLE_MODIFIERS and is_title_tok(run[1])) and any(
        t.key in V.NAME_CONNECTORS for t in run[1:3]
    ):
        if run[0].key in V.ORG_HEADS and not looks_like_org(phrase_of(text, strip_leading(run[1:]))):
            break  # "Secretaría de Economía" is the ministry, not a secretary of something
        run = strip_leading(run[1:])  # "Secretary of the Organization of ..." -> the organization
    inner = inner_head(phrase_of(text, run)) if not acr else 0
    if inner:
        run = [t for t in run if t.start >= run[0].start + inner]  # "Industria de la Secretaría de Economía"
    de = next((i for i, t in enumerate(run) if t.key in ("de", "del", "of")), None)
    if de and not acr and de + 1 < len(run) and run[de + 1].cap and is_place(phrase_of(text, run[:de])) and not any(
            t.key in V.ORG_HEADS or t.key in V.ORG_SUFFIXES or t.key in GENERIC_WORDS for t in run[:de]):
        run = run[de + 1 :]  # "la planta de Celaya de Motores X", "vicepresidente para Canadá de Y": the post's place, then the firm
    while len(run) > 1 and is_title_tok(run[-1]) and not initiative_kind(phrase_of(text, run)) and not _office_of(run):
        run = run[:-1]  # "US-Mexico Foundation CEO" (but "Office of the Treasurer")
    phrase = clean_org(phrase_of(text, run))
    if not phrase:
        return
    if (about := DOCUMENT_ABOUT.match(phrase)) and initiative_kind(phrase) and (
            rest := [t for t in run if t.start >= run[0].start + about.end()]):
        run, phrase = rest, clean_org(phrase_of(text, rest))  # "Joint Statement on the X Dialogue": the dialogue
    if is_generic(phrase) and not acr and not (initiative_kind(phrase) and fold(phrase) not in V.INITIATIVE_KINDS) \
            and not named_body(phrase):
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
    if kind and known_ini is None and run[0].key in V.LINK_VERBS:
        return  # "[Download PDF Program]": a link, not a group's name
    if known_ini is not None or (kind and (len(run) >= 2 or acr) and fold(phrase) not in V.INITIATIVE_KINDS):
        idx = doc.add("initiative", phrase, span, kind=kind, acronym=acr)
        _owner_of(doc, idx, run, sent)
        acronym_owner(doc, idx, run, sent)
        return
    if known_org is not None:
        doc.add("organization", phrase, span, acronym=acr)
        return
    if acr and is_place(phrase):
        return
    if known_org is None and known_ini is None and not acr and _menu_at(text, run[0].start):
        return  # "Home   My Network   Jobs   Help Center": a site's menu
    words = phrase.split()
    if len(words) >= 2 and fold(words[-1]) in ("office", "offices", "oficina", "oficinas") and is_place(" ".join(words[:-1])):
        return  # "Washington, DC Office | Austin | Dallas": where a member keeps an office
    if any(t.key in _VENUE_WORDS for t in run):
        return  # "el Centro de Convenciones de Celaya", "the Civic Center Ballroom": where an event is held
    cut = next((i for i, t in enumerate(run) if t.key in _NOT_ORG_ENDS), None)
    if cut is not None and not acr:
        head = clean_org(phrase_of(text, run[:cut])) if cut >= 2 else ""
        if head and run[cut].key != "building" and fold(head).split()[-1] in V.ORG_SUFFIXES | V.ORG_HEADS and not any(
                is_title_tok(t) for t in run[:cut]) and not is_place(head):
            doc.add("organization", head, doc.span(run[0].start, run[cut - 1].end, sent))  # "X Subcommittee Hearing on Y"
        return  # "Longworth House Office Building", "Committee Members Present", "Chairman X Opening Statement"
    if not acr and (_STREET_BEFORE.search(text, max(0, run[0].start - 12), run[0].start)
                    or _STREET_AFTER.match(text, run[-1].end)) and doc.lookup("organization", phrase) is None:
        return  # "Av. Revolución Industrial 1200", "1750 Harbor Gateway Dr., Suite 300": a street in an address
    legal = _LEGAL_AFTER.match(text, run[-1].end)
    if legal and not acr and not is_place(phrase) and not person_in_run(run):
        full = phrase_of(text, run) + text[run[-1].end : legal.end()]  # "Hanbit Metalworks Co., Ltd.", "X de México, S.A. de C.V."
        start = run[0].start
        partners = re.search(r"(?:^|[\s(])([A-ZÁÉÍÓÚÑ][\w’'\-]+(?:,\s+[A-ZÁÉÍÓÚÑ][\w’'\-]+)*),\s+$", text[max(sent[0], start - 60) : start])
        if partners and any(t.text in ("&", "y", "and") for t in run) and fold(partners.group(1)) not in V.PLACES and not any(
                is_title_tok(t) or t.key in GENERIC_WORDS for t in tokens(partners.group(1))):
            full = partners.group(1) + ", " + full  # "Ibarra, Kessel & Prado, S.C.": a firm named for its partners
            start -= len(partners.group(0)) - partners.start(1) - (1 if partners.group(0)[:1] in " (" else 0)
            start = text.rfind(partners.group(1), max(sent[0], start - 60), run[0].start)
        doc.add("organization", full, doc.span(start, legal.end(), sent))
        return
    is_org = (acr and len(run) >= 2) or (looks_like_org(phrase) and len(run) >= 2 and not is_place(phrase)) or (
        len(run) >= 3 and run[-1].key in _AGENCY_ENDS) or (
        len(run) >= 3 and (is_title_tok(run[-1]) or run[-1].key[:-1] in V.TITLE_WORDS) and _office_of(run))  # "the Ohio House of Representatives"
    if is_org and fold(run[0].text) in V.TITLE_WORDS and len(run) <= 2:
        return
    if is_org:
        idx = doc.add("organization", phrase, span, acronym=acr)


_STREET_BEFORE = re.compile(r"\b(?:Av|Avda|Avenida|Blvd|Bulevar|Boulevard|Calle|Calz|Calzada|Carretera|Paseo|Periférico)\.?\s+$")
_STREET_AFTER = re.compile(r"\s+(?:Dr|St|Ave|Blvd|Rd|Street|Avenue|Drive|Road|Boulevard|Pkwy|Parkway|Hwy|Highway|Ln|Lane)\b\.?(?:,|\s+(?:Suite|Ste|#|\d))")


# A legal form written after a company's name, which the capitalised run stops before.
_LEGAL_AFTER = re.compile(r"(?<=[\w.]),\s+(?:Ltd\.|Inc\.|LLC|L\.L\.C\.|GmbH|PLC|S\.\s?A\.\s?B\.\s+de\s+C\.\s?V\.|S\.\s?A\.\s+de\s+C\.\s?V\.|"
                          r"S\.\s?de\s+R\.\s?L\.(?:\s+de\s+C\.\s?V\.)?|S\.\s?C\.|S\.\s?A\.)(?=[\s,;)]|$)")


def _menu_at(text: str, pos: int) -> bool:
    """The line at `pos` is a menu: four or more short items set apart by wide gaps, tabs or bars, most of one word."""
    a, b = text.rfind("\n", 0, pos) + 1, text.find("\n", pos)
    if (b if b >= 0 else len(text)) - a > _MENU_MAX:
        return False
    cells = [c for c in re.split(r"\s{3,}|\t|\s+[|·•]\s+", text[a : b if b >= 0 else len(text)].strip()) if c.strip()]
    return len(cells) >= 4 and all(len(c.split()) <= 3 for c in cells) and sum(len(c.split()) == 1 for c in cells) * 2 >= len(cells)


# Words of a portfolio or a department named after a title ("director de Proyectos", "Head of Trade Policy").
PORTFOLIO_WORDS = frozenset(
    "asuntos desarrollo comercio industria politica relaciones planeacion operaciones operacion proyectos ventas finanzas "
    "administracion recursos humanos exterior internacional internacionales economico economica economicos nacional "
    "vinculacion talento calidad innovacion estrategia comunicacion gobierno gubernamentales institucionales "
    "gubernamentales affairs commercial development operations projects sales strategy communications research programs government "
    "public policy external internal corporate americas markets supply chain human resources "
    "manufactura compras adquisiciones abastecimiento ingenieria mercadotecnia juridico cumplimiento sustentabilidad "
    "procurement purchasing sourcing engineering marketing legal compliance regulatory sustainability "
    "latinoamerica norteamerica latin north south publicos publicas corporativos corporativas regulatorios legales "
    "promocion promotion afiliacion membership enlace inversiones inversion investment investments".split())


# Last words of a public agency's name that no general suffix list holds ("U.S. Fisheries and Border Enforcement").
# Nouns before a title that name a unit or a site, not an organization ("Port Director Name", "Plant Manager Name").
_SUBUNIT_HEADS = frozenset("office oficina division unit unidad program programa department departamento bureau".split())
_UNIT_NOUNS = frozenset("port plant site country program project area region zone sales marketing operations".split())
_AGENCY_ENDS = frozenset("protection enforcement patrol customs aduanas".split())
_VENUE_WORDS = frozenset("convenciones convention ballroom auditorio auditorium salon".split())
# Last words of a capitalised run that make it a document, a building or a heading, never an organization.
_NOT_ORG_ENDS = frozenset("statement statements notice disclosure testimony building present transcript agenda "
                          "remarks minutes briefing hearing".split())
_BODY_OF_HEADS = V.ORG_HEADS | frozenset("house administration bureau service".split())
# Last words of a public body named by generic words alone ("National Statistics Administration").
_BODY_ENDS = frozenset("administration agency bureau authority service commission department office institute "
                       "secretariat ministry agencia comision oficina secretaria".split())


def _office_of(run: list[Tok]) -> bool:
    """`Office of the Treasurer`, `House of Representatives`, `Office of the Special Trade Envoy`:
    the title word that ends the run names the office the body is of, so it stays in the name."""
    return any(t.key in ("of", "de", "del") and run[i - 1].key in _BODY_OF_HEADS for i, t in enumerate(run[1:-1], 1))


def named_body(phrase: str) -> bool:
    """A public body named by generic words: a head word then `of` (`Department of Labor`, `Office
    of the Treasurer`, `Ministry of Labour`), or three or more capitalised words ending in a body's
    word (`National Statistics Administration`), with no title word before the end."""
    words = fold(phrase).split()
    if len(words) < 3 or not all(w[:1].isupper() or fold(w) in V.NAME_CONNECTORS for w in phrase.split()):
        return False
    if words[0] in _BODY_OF_HEADS and words[1] in ("of", "for", "de", "del", "on") and any(
            w not in V.NAME_CONNECTORS for w in words[2:]):
        return True  # "Department of Labor"
    return words[-1] in _BODY_ENDS and not any(w in V.TITLE_WORDS or w in V.NAME_CONNECTORS for w in words[:-1])


def _owner_of(doc: Doc, ini: int, run: list[Tok], sent) -> None:
    """`X’s Y Working Group`: the organization X convenes the initiative."""
    text = doc.text
    toks = tokens(text[sent[0] : run[0].start], sent[0])
    if toks and toks[-1].possessive:
        back = [toks[-1]]
        for t in reversed(toks[:-1]):
            if text[t.end : back[0].start].strip() or not (t.cap or t.key in V.NAME_CONNECTORS) or t.possessive:
                break
            back.insert(0, t)
        back = strip_leading(back)
        if back:
            phrase = clean_org(phrase_of(text, back))
            if doc.lookup("organization", phrase) is not None or looks_like_org(phrase) or phrase.isupper():
                oidx = doc.add("organization", phrase, doc.span(back[0].start, back[-1].end, sent))
                doc.partner(ini, oidx, "convener")
                return
    before = text[sent[0] : run[0].start]
    verb = re.search(r"\b(?:convened|launched|hosts?|hosted|organi[sz]ed|created|formed)\b.*\b(?:its|the)\s+\S*$", before)
    if verb:  # the subject: the organization named last before the verb
        subject = last_before(doc, "organization", sent[0] + verb.start())
        if subject is not None and any(sp.start >= sent[0] for sp in doc.found["organization"][subject].spans):
            doc.partner(ini, subject, "convener")


def _acronym_scope(run: list[Tok], acr: str) -> list[Tok]:
    """The part of a run an acronym stands for ("... Binational Ports Institute (BPI)")."""
    letters = re.sub(r"[^A-Za-z0-9]", "", acr).upper()
    for i in range(len(run)):
        part = [t for t in run[i:] if t.key not in V.NAME_CONNECTORS]
        initials = "".join(t.text if t.text.replace(".", "").isupper() else t.text[0] for t in part)
        initials = re.sub(r"[^A-Za-z0-9]", "", initials).upper()
        if initials == letters:
            return strip_leading(run[i:])  # "... de la Agencia X (AX)": not "de la Agencia X"
    for i, t in enumerate(run):
        if t.key == "and" and i + 1 < len(run):
            tail = strip_leading(run[i + 1 :])
            if tail and tail[0].text[0].upper() == letters[0] and run[0].text[0].upper() != letters[0]:
                return tail
    return run


def _title_org(doc: Doc, pidx: int, title_toks: list[Tok], sent) -> None:
    """`White House National Security Council Senior Director ...`: an organization inside a title."""
    text = doc.text
    for i, t in enumerate(title_toks):
        if t.key in V.ORG_SUFFIXES and i >= 1 and i + 1 < len(title_toks) and is_title_tok(title_toks[i + 1]) or (
            t.key in V.ORG_SUFFIXES and i >= 1 and i + 2 < len(title_toks) and title_toks[i + 1].key in V.TITLE_MODIFIERS
        ):
            org_toks = title_toks[: i + 1]
            while len(org_toks) > 1 and doc.lookup("organization", phrase_of(text, org_toks[:-1])) is not None \
                    or len(org_toks) > 1 and org_toks[-1].key in GENERIC_WORDS and org_toks[0].text.isupper() and len(org_toks) == 2:
                org_toks, i = org_toks[:-1], i - 1  # "TBCA Board Chair": TBCA, title "Board Chair"
            phrase = clean_org(phrase_of(text, org_toks))
            if is_place(phrase):
                return
            oidx = doc.add("organization", phrase, doc.span(org_toks[0].start, org_toks[-1].end, sent))
            title = phrase_of(text, title_toks[i + 1 :])
            doc.affiliate(pidx, oidx, title)
            doc.found["person"][pidx].title = title
            return
        if t.possessive and i + 1 < len(title_toks):
            return
    lead = title_toks[0]
    if len(title_toks) >= 2 and is_title_tok(title_toks[1]) and not is_title_tok(lead) and lead.key.strip() and \
            lead.key not in _UNIT_NOUNS and \
            fold(lead.text).replace(".", "").replace(" ", "") not in V.PLACES and (
        lead.text.isupper() and len(lead.text) >= 2 or doc.lookup("organization", lead.text) is not None or (
            lead.key not in GENERIC_WORDS and lead.key not in V.PLACES and lead.key not in V.TOPIC_WORDS
            and not lead.key.endswith(("an", "ish", "ese"))
        )
    ):
        # "Tesla CEO Elon Musk", "BTI CEO ...": a one-word organization before the title
        oidx = doc.add("organization", lead.text, doc.span(lead.start, lead.end, sent))
        title = phrase_of(text, title_toks[1:])
        doc.affiliate(pidx, oidx, title)
        doc.found["person"][pidx].title = title
    elif len(title_toks) >= 3 and (re.fullmatch(r"[A-Z][A-Za-z&]{1,9}", owner := re.sub(r"[’']s?$", "", lead.text))
                                   and sum(c.isupper() for c in owner) >= 2
                                   or lead.possessive and doc.lookup("organization", owner) is not None) \
            and is_title_tok(title_toks[-1]) and not is_title_tok(lead) and not is_place(owner) \
            and fold(owner) not in V.PLACES and doc.person_by_part(owner) is None:
        # "FMC Regional Commissioner Name", "FMC Harbor District Port Director Name"
        oidx = doc.add("organization", owner, doc.span(lead.start, lead.start + len(owner), sent))
        title = phrase_of(text, title_toks[1:])
        doc.affiliate(pidx, oidx, title)
        doc.found["person"][pidx].title = doc.found["person"][pidx].title or title


_APPOS_START = re.compile(r",\s+(?:(?:a|an|the|our|then|now|also)\s+)?")
_PREP_ORG = re.compile(r"\s+(?:of|at|in|with|for|from|to|de|del|en)\s+(?:the\s+|la\s+|el\s+)?(?=[A-Z0-9])")


def _apposition(doc: Doc, pidx: int, name_end: int, sent) -> None:
    """`Name, vice president and senior director of BPI` -> title and organization."""
    text = doc.text
    s, e = sent
    m = _APPOS_START.match(text, name_end, e)
    if not m:
        return
    ends = [i for i in (text.find(",", m.end(), e), text.find(";", m.end(), e)) if i >= 0]
    clause_end = min(ends) if ends else e
    clause = text[m.end() : clause_end].rstrip(" .;:”\"")
    if re.match(r"(?:y|and|e)\s+(?:el|la|los|las|the|su|sus)\s", clause):
        return  # "A, y la directora general de X, B": the next item's title, not A's
    toks = tokens(clause)
    pm = re.match(r"((?:(?:[A-Z][\w.&-]*|of|for|the|and|de|del|la|para|y)\s+){0,7}[A-Z][\w.&-]*)[’']s\s+(.+)$", clause)
    if pm and has_title_word(pm.group(2)) and not is_place(pm.group(1)):
        a = m.end() + pm.start(1)  # "Name, the Wilson Center’s director for Mexico"
        org = clean_org(pm.group(1))
        oidx = doc.add("organization", org, doc.span(a, a + len(pm.group(1)), sent))
        doc.affiliate(pidx, oidx, pm.group(2).strip())
        person = doc.found["person"][pidx]
        person.title = person.title or pm.group(2).strip()
        return
    if toks and (clause_end == e or text[clause_end : clause_end + 1] == ";") and not any(is_title_tok(t) for t in toks) \
            and _bare_org(clause):  # (also an item of "Name, Company; Name, Company")
        a = m.end()  # "Moderated by Prof. Name, University of Texas Energy Institute."
        oidx = doc.add("organization", clean_org(clause), doc.span(a, a + len(clean_org(clause)), sent))
        doc.affiliate(pidx, oidx, None)
        return
    if not toks or not any(is_title_tok(t) or _plural_title(t) for t in toks[:4]) or opens_with_verb(clause):
        return
    if not (is_title_tok(toks[0]) or _plural_title(toks[0]) or toks[0].key in V.TITLE_MODIFIERS or toks[0].text.islower() or (
        len(toks) > 1 and is_title_tok(toks[1]) and toks[0].key not in V.PLACES
    )):
        return
    if any(person_in_run(r) for r in cap_runs(toks, clause)):
        return  # a list of people, not an apposition
    first_title = None
    pending: list[str] = []
    for title, org_start, org_end in _title_org_pairs(clause):
        org = clean_org(clause[org_start:org_end]) if org_start is not None else ""
        if not org or is_place(org) or _portfolio(doc, title, org):
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
    nxt = _NEXT_PART.match(text[clause_end:e])  # "U.S. Agency for X" keeps its dots
    base = clause_end
    for _ in range(2):  # "Director General, Trade Policy, Meridian Export Agency": a unit between title and organization
        if not (pending and nxt and all(w in PORTFOLIO_WORDS or w in GENERIC_WORDS or w in V.TOPIC_WORDS
                                        for w in fold(nxt.group(1)).split())):
            break
        base += nxt.end()
        nxt = _NEXT_PART.match(text[base:e])
    clause_end = base
    if nxt and fold(nxt.group(1)).replace(".", "").replace(" ", "") in V.PLACES:
        nxt = None  # "..., U.S." cut by the end of its line
    bare_nxt = re.sub(r"\s*\([A-Z][A-Za-z&.\-]{1,11}\)$", "", nxt.group(1)) if nxt else ""
    if pending and nxt and (doc.lookup("organization", clean_org(nxt.group(1))) is not None or (
        looks_like_org(nxt.group(1)) and not is_place(nxt.group(1)) and not is_generic(nxt.group(1))
        and nxt.group(1)[:1].isupper()
    ) or _bare_name_ends(doc, nxt.group(1), clause_end + nxt.end(1), e) or (
        len(bare_nxt.split()) >= 3 and fold(bare_nxt).split()[-1] in _AGENCY_ENDS and bare_nxt[:1].isupper())):
        a = clause_end + nxt.start(1)  # "Name, communications manager, BCC, ..."
        oidx = doc.add("organization", clean_org(nxt.group(1)), doc.span(a, a + len(nxt.group(1)), sent))
        doc.affiliate(pidx, oidx, first_title)
    person = doc.found["person"][pidx]
    if first_title and not person.title:
        person.title = first_title


_NEXT_PART = re.compile(r",\s*((?:(?<![A-Za-z])[A-Z]\.(?:[A-Z]\.)+|[^,;.]|\.(?=\S))+?)\s*(?=[,;]|\.(?!\S)|$)")


def _bare_name_ends(doc: Doc, name: str, end: int, sent_end: int) -> bool:
    """`Name, President & CEO, Vantablu Robotica.`: a name of capitalised words with no organization shape that
    closes the apposition (at the end of the sentence, line or `;` item) after a title is the organization."""
    toks = tokens(name)
    after = doc.text[end : sent_end].strip()
    if fold(name).replace(".", "").replace(" ", "") in V.PLACES:
        return False  # "..., U.S." cut at the end of a line
    return 1 <= len(toks) <= 5 and (after in ("", ".") or after.startswith(";")) and all(
        t.cap or t.key in V.NAME_CONNECTORS for t in toks) and toks[0].cap and not is_place(name) and not is_generic(
        name) and not has_title_word(name) and not person_in_run(toks) and not all(
        fold(w) in PORTFOLIO_WORDS or fold(w) in GENERIC_WORDS for w in name.split())


_PLACE_NAMED = frozenset("embassy consulate embajada consulado office oficina mission".split())


def _bare_org(clause: str) -> bool:
    """A clause that is only an organization's name: capitalised words, an organization shape, no place alone."""
    toks = tokens(clause)
    return 2 <= len(toks) <= 8 and all(t.cap or t.key in V.NAME_CONNECTORS for t in toks) and looks_like_org(
        clause) and not is_place(clause) and not is_generic(clause) and not person_in_run(toks)


_UNIT_TITLES = frozenset("director directora head jefe jefa secretary secretario secretaria undersecretary subsecretario "
                         "subsecretaria minister ministro ministra coordinator coordinador coordinadora administrador "
                         "administradora titular commissioner comisionado comisionada general".split())


def _portfolio(doc: Doc, title: str, org: str) -> bool:
    """`Director General of Regulatory Improvement`, `secretario de Desarrollo Social`: a government
    office's portfolio or unit, not an organization (no head word, suffix or acronym, not known)."""
    words = fold(title).split()
    if fold(org).split()[0] in ("unidad", "unit", "oficina", "office") and len(org.split()) >= 3:
        return False  # "head of the Unidad de Análisis Sectorial Regional": a named unit
    if doc.lookup("organization", org) is None and not named_body(org) and all(
            w in PORTFOLIO_WORDS or w in GENERIC_WORDS or w in V.TOPIC_WORDS for w in fold(org).split()):
        return True  # "Minister Counselor for Commercial Affairs, Embassy of Peru": generic words name a portfolio
    return bool(words) and words[-1] in _UNIT_TITLES and not looks_like_org(org) and doc.lookup(
        "organization", org) is None and not re.search(r"\b[A-Z]{2,}\b", org)


def _next_prep(cands, n: int, after: int) -> str:
    """The preposition of the first candidate after position `after` (`at` in `Office of X at the Y`)."""
    later = [c for c in cands[n + 1 :] if c.start() >= after]
    return later[0].group().split()[0] if later else ""


def doc_free(org: str) -> bool:
    """Not a place's possessive (`Mexico’s`), which the caller reads past."""
    return not re.search(r"[’']s$", org)


def _title_org_pairs(clause: str):
    """Split an apposition into (title, org offsets) pieces joined by `and`."""
    pieces = re.split(r"\s+and\s+(?=(?:a\s+|an\s+|the\s+)?(?:[A-Z]|former|senior|vice|non|co-|deputy))", clause)
    pos = 0
    for piece in pieces:
        start = clause.index(piece, pos)
        pos = start + len(piece)
        m = None
        cands = list(_PREP_ORG.finditer(piece))
        for n, cand in enumerate(cands):
            rest = piece[cand.end() :]
            org = _org_prefix(rest)
            if org and is_generic(org):
                continue
            if org and n + 1 < len(cands) and (all(w in PORTFOLIO_WORDS or w in V.TOPIC_WORDS or w in GENERIC_WORDS
                                                   for w in fold(org).split()) and not named_body(org) or (
                    (fold(org).split()[0] in _SUBUNIT_HEADS or fold(org).split()[-1] in _SUBUNIT_HEADS or not looks_like_org(org))
                    and _next_prep(cands, n, cand.end() + len(org)) in ("at", "en") and doc_free(org)
            )) and any(c.start() >= cand.end() + len(org) for c in cands[n + 1 :]):
                continue  # "Undersecretary of Foreign Trade at X", "Director of the Office of Y at the Z Administration"
            if org and n + 1 < len(cands) and len(org.split()) == 1 and not looks_like_org(org) and not is_place(
                re.sub(r"[’']s$", "", org)
            ) and (
                cands[n + 1].start() >= cand.end() + len(org)
            ):
                continue  # "Professor of Economics at X University": the later name is the organization
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
            inner = inner_head(org) if not extra else 0
            if inner:  # "subsecretario de Industria de la Secretaría de Economía"
                o0 = start + cand.end() + inner
                title = re.sub(r"\s+(?:de la|de los|de las|del|de|of the|of|at the|at|for the|for)$", "",
                               piece[: cand.end() + inner].strip())  # (not "directora de Asuntos" for "... Asuntos Corporativos de")
                yield title.strip(), o0, o0 + len(org) - inner
                continue
            o0 = start + cand.end() + extra
            yield piece[: cand.start()].strip(), o0, o0 + len(org)
            continue
        toks = tokens(piece)
        lead = []
        for t in toks:
            if t.cap and not is_title_tok(t):
                lead.append(t)
            else:
                break
        lead_name = piece[lead[0].start : lead[-1].end] if lead else ""
        if lead and len(lead) < len(toks) and any(is_title_tok(t) for t in toks[len(lead):]) and (
            looks_like_org(lead_name) or lead_name.isupper() or len(lead) >= 2
        ):
            org = piece[lead[0].start : lead[-1].end]
            yield piece[lead[-1].end :].strip(), start + lead[0].start, start + lead[-1].end
            continue
        yield piece.strip(), None, None


def inner_head(org: str) -> int:
    """Offset of an organization named inside a longer phrase (`Industria de la Secretaría de Economía` ->
    `Secretaría ...`): a head word after a connector, when the phrase does not start with one; else 0."""
    toks = tokens(org)
    if not toks or toks[0].key in V.ORG_HEADS or looks_like_org(org[: toks[0].end]):
        return 0
    for i in range(1, len(toks)):
        if toks[i].key in V.ORG_HEADS and toks[i - 1].key in V.NAME_CONNECTORS and i >= 2:
            return toks[i].start
    for i in range(1, len(toks) - 1):  # "Asuntos Gubernamentales de Transbordos Monclova": a portfolio, then the company
        k = i + 2 if toks[i].key == "de" and toks[i + 1].key in ("la", "los", "las") and i + 2 < len(toks) else i + 1
        if toks[i].key in ("de", "del", "of", "at") and toks[k].cap and (toks[k].key not in PORTFOLIO_WORDS or (
                len(toks) - k >= 3 and looks_like_org(org[toks[k].start:]))) and all(  # "de la North Texas X Partnership"  # "Manufactura para Latinoamérica de X"
                t.key in PORTFOLIO_WORDS or t.key in V.TOPIC_WORDS or (j and t.key in ("para", "for"))
                for j, t in enumerate(toks[:i])) and not is_place(org[toks[k].start:]) \
                and toks[k].key not in ("gobierno", "government"):  # "Economía del Gobierno de X" stays a title
            return toks[k].start  # ("Promoción de la APILB": the association)
        if toks[i].key not in PORTFOLIO_WORDS and toks[i].key not in V.TOPIC_WORDS and toks[i].key not in V.NAME_CONNECTORS:
            break
    return 0


_OF_ORG = re.compile(r"\s+(?:of|from|at|with|de|del)\s+(?:the\s+|la\s+|el\s+)?(?=[A-Z0-9])")


def _of_org(doc: Doc, pidx: int, name_end: int, sent) -> None:
    """`Jane Doe of Acme Corp`, `John Roe from the Gulf Ports Council`: an organization-shaped name only."""
    m = _OF_ORG.match(doc.text, name_end, sent[1])
    if not m:
        return
    org = _org_prefix(doc.text[m.end() : sent[1]], stop_at_and=True)
    if not org:
        return
    org = clean_org(org)
    known = doc.lookup("organization", org) is not None
    after = m.end() + len(org)
    nxt = re.match(r"\s+(?:and|y)\s+", doc.text[after : sent[1]])  # "A of Prairie Hydraulics and B, plant controller at Y"
    rest = doc.text[after + nxt.end() : sent[1]] if nxt else ""
    head = re.match(r"(?:[A-ZÁÉÍÓÚÑ][\w’'\-]*\s+){1,3}[A-ZÁÉÍÓÚÑ][\w’'\-]*(?=\s*,)", rest)  # "B, plant controller"
    next_person = bool(head) and (found := person_in_run(tokens(head.group()))) is not None and not found[0]
    bare = (re.match(r"\s*(?:,\s*(?:who|which|quien|que|whose)\b|[;.]|$)", doc.text[after : sent[1]]) or next_person) and 2 <= len(
        org.split()) <= 5 and not is_generic(org) and not is_place(org) and not person_in_run(tokens(org)) and not has_title_word(org)
    if not known and not bare and not (looks_like_org(org) and not is_place(org) and not is_generic(org)):
        return  # "Mayor Roberto Salcedo of Laredo" (but "Name of Ironbark Cable Assemblies, who ...")
    oidx = doc.add("organization", org, doc.span(m.end(), m.end() + len(org), sent))
    doc.affiliate(pidx, oidx, None)


def _org_prefix(text: str, *, stop_at_and: bool = False) -> str | None:
    """The capitalised organization name at the start of `text`, if any."""
    toks = tokens(text)
    run: list[Tok] = []
    for i, t in enumerate(toks):
        if run and text[run[-1].end : t.start].strip() not in ("",):
            break
        if stop_at_and and t.key in ("and", "y"):
            break
        if t.cap or (run and (t.key in V.NAME_CONNECTORS or t.text == "&") and i + 1 < len(toks) and toks[i + 1].cap):
            run.append(t)  # "Rendón & Asociados"
            if t.possessive:
                break
        else:
            break
    while run and run[-1].key in V.NAME_CONNECTORS:
        run.pop()
    if not run:
        return None
    return text[run[0].start : run[-1].end].rstrip(".")


_IS_TITLE = re.compile(r"\s+(?:is|was|serves as|served as|works as)\s+(?:(?:a|an|the)\s+)?")
_AT_ORG = re.compile(r"\s+(?:at|of|with)\s+(?:the\s+)?(?=[A-Z0-9])")


def _is_title_at(doc: Doc, sent, people) -> None:
    """`Name is Senior Manager for the Americas at the U.S. Chamber of Commerce`: the first
    organization-shaped (or already known) name after `at`/`of`/`with` in the clause."""
    text = doc.text
    for pidx, name in people:
        m = _IS_TITLE.match(text, name[-1].end, sent[1])
        if not m:
            continue
        clause_end = min([i for i in (text.find(",", m.end(), sent[1]), text.find(";", m.end(), sent[1])) if i >= 0]
                         or [sent[1]])
        for prep in _AT_ORG.finditer(text, m.end(), clause_end):
            title = text[m.end() : prep.start()].strip()
            org = _org_prefix(text[prep.end() : clause_end])
            if not org or not has_title_word(title):
                continue
            org = clean_org(org)
            kind = initiative_kind(org)
            if kind and len(org.split()) >= 2 and fold(org) not in V.INITIATIVE_KINDS and doc.lookup("organization", org) is None:
                a = text.index(org, prep.end())  # "Name serves as President of the X Trade Partnership"
                iidx = doc.add("initiative", org, doc.span(a, a + len(org), sent), kind=kind)
                doc.member(pidx, iidx, title.lower())
                doc.found["person"][pidx].title = doc.found["person"][pidx].title or title
                break
            if is_place(org) or not (looks_like_org(org) or doc.lookup("organization", org) is not None):
                continue
            oidx = doc.add("organization", org, doc.span(prep.end(), prep.end() + len(org), sent))
            doc.affiliate(pidx, oidx, title)
            if not doc.found["person"][pidx].title:
                doc.found["person"][pidx].title = title
            break


_LEAD = re.compile(
    r"\b(?P<verb>led|chaired|co-chaired|headed|coordinated|directed|moderated|encabezad[oa]|presidid[oa]|"
    r"coordinad[oa]|liderad[oa]|dirigid[oa])\s+(?:by|por)\s+(?:(?:the|la|el|former|then|current)\s+)?"
    r"(?:[A-Z][a-z]{0,4}\.\s+)?(?:[A-Z][\w\-]*\s+){0,3}$"
)
_ROLE_OF_VERB = {
    "led": "lead", "headed": "lead", "chaired": "chair", "co-chaired": "co-chair", "coordinated": "coordinator",
    "directed": "director", "moderated": "moderator", "encabezad": "lead", "liderad": "lead", "presidid": "chair",
    "coordinad": "coordinator", "dirigid": "director",
}
# "an interim Steering Committee will be co-chaired by A": a group the page names by its kind alone.
_GENERIC_GROUP_LED = re.compile(r"\b((?:(?!(?:The|An|A|This|Our|Its|Their|Each)\s)[A-Z][a-z]+\s+){1,2}(?:Committee|Council|Working Group|Task Force|Subcommittee))\s+"
                                r"(?:will be|is|was|has been|shall be)\s+(?:co-?)?(?:chaired|led|headed)\s+by\b")
_GROUP_REF = re.compile(r"\b(?:the|this|our|its)\s+(?:group|working group|task force|initiative|dialogue|council|forum|delegation|committee|commission|board|mission|roundtable)\b", re.I)


_CHAIRED_BY = re.compile(r",\s+(?:which\s+is\s+|que\s+es\s+)?(?:chaired|headed|led|presided over|run|presidid[oa]|encabezad[oa]|"
                         r"dirigid[oa])\s+(?:by|por)\s+(?:(?:the|la|el|its|su)\s+)?(?:[a-z][\w\-]*\s+){0,3}$")


def _chaired_org(doc: Doc, sent, people) -> None:
    """`hosted by the American Business Council of X, chaired by Name`: the organization named just before
    `, chaired by` is the chair's (an initiative there is read by `_led_by`)."""
    text = doc.text
    for pidx, name in people:
        m = _CHAIRED_BY.search(text, sent[0], name[0].start)
        if not m:
            continue
        hits = [(i, sp) for i, org in enumerate(doc.found["organization"]) for sp in org.spans
                if sent[0] <= sp.start and sp.end <= m.start() and text[sp.end : m.start()].strip() in ("", ")")]
        if hits and doc.lookup("initiative", doc.found["organization"][hits[-1][0]].name) is None:
            doc.affiliate(pidx, hits[-1][0], None)


def _led_by(doc: Doc, sent, people) -> None:
    """`the group will be led by NAME`: NAME leads the initiative referred to."""
    text = doc.text
    last_role, last_end = None, -1
    for pidx, name in people:
        before = text[sent[0] : name[0].start]
        m = _LEAD.search(before)
        if not m and last_role and re.search(r"(?:,\s*|\s)(?:and|y)\s+(?:(?:by|por)\s+)?(?:(?:the|el|la)\s+)?(?:"
                                             + V.COURTESY_ABBREVIATIONS + r"\.?\s+)?$", text[last_end : name[0].start]) and (
            text.count(",", last_end, name[0].start) <= 3
        ):
            doc.member(pidx, last_role[0], last_role[1])  # "co-chaired by A, ..., and B"
            last_end = name[-1].end
            continue
        if not m:
            continue
        ini = first_known_in(doc, "initiative", sent[0], name[0].start)
        if ini is None and (g := _GENERIC_GROUP_LED.search(before)):
            kind = initiative_kind(g.group(1)) or V.AMBIGUOUS_GROUP_KINDS.get(fold(g.group(1)).split()[-1], "committee")
            ini = doc.add("initiative", g.group(1), doc.span(sent[0] + g.start(1), sent[0] + g.end(1), sent), kind=kind)
        if ini is None and _GROUP_REF.search(before):
            ini = doc.last_initiative
        if ini is not None:
            verb = m.group("verb")
            role = _ROLE_OF_VERB.get(verb[:-1] if verb[-1] in "oa" else verb, verb.rstrip("d"))
            doc.member(pidx, ini, role)
            last_role, last_end = (ini, role), name[-1].end




_INCLUDED = re.compile(r"\b(?:(?:participants|attendees|members|delegates|panelists)\s+(?:included|include|were|are)|"
                       r"joining\s+(?:her|him|them)\s+(?:are|were|will\s+be))\b"
                       r"|\b(?:integrantes|miembros)\s+(?:son|incluyen|fueron)\b", re.I)


def _participants_included(doc: Doc, sent, people) -> None:
    """`Participants included A, B and C`: members of the initiative named in this sentence or just before."""
    text = doc.text
    m = _INCLUDED.search(text, sent[0], sent[1])
    if not m:
        return
    ini = first_known_in(doc, "initiative", sent[0], sent[1])
    if ini is None:
        ini = last_before(doc, "initiative", sent[0])
        if ini is None or max(sp.start for sp in doc.found["initiative"][ini].spans) < sent[0] - 400:
            return
    for pidx, name in people:
        if name[0].start > m.end():
            doc.member(pidx, ini, "member")


_ROLE_AFTER = re.compile(r"^\s+as\s+(?:a|an|the|its)\s+((?:[A-Z][\w-]*\s+){0,3}(?:Partner|Sponsor|Supporter|Member|Funder|Donor|Host|Convener))")


_ROLE_STEMS = frozenset(w.rstrip("s") for w in V.ROLE_WORDS)


def _partners(doc: Doc, sent) -> None:
    """`supported by Founding Corporate Partner Acme alongside Globex as a Logistics Corporate Partner`."""
    text = doc.text
    s, e = sent
    sentence = text[s:e]
    ini = first_known_in(doc, "initiative", s, e)
    if ini is None and _GROUP_REF.search(sentence):
        ini = doc.last_initiative
    if ini is None:
        return
    for run in cap_runs(tokens(sentence, s), text):
        run = strip_leading(run)
        if not run:
            continue
        # "Founding Corporate Partner Acme": the run holds role words then the name
        words = run
        k = max((i for i, t in enumerate(words) if t.key.rstrip("s") in _ROLE_STEMS), default=-1)
        if 0 <= k < len(words) - 1:
            role = phrase_of(text, words[: k + 1])
            name_toks = words[k + 1 :]
        elif k == -1:
            after = _ROLE_AFTER.match(text[run[-1].end : e])
            if not after:
                continue
            role = after.group(1).strip()
            name_toks = words
        else:
            continue
        name = clean_org(phrase_of(text, name_toks))
        if not name or is_place(name) or initiative_kind(name) or person_in_run(name_toks):
            continue
        oidx = doc.add("organization", name, doc.span(name_toks[0].start, name_toks[-1].end, sent))
        doc.partner(ini, oidx, role)


def read_list_line_people(doc: Doc, lines: list[tuple[int, int]], list_lines: set[int]) -> None:
    """A member-list line is read for its one member; a second person it names after a title
    (`Sen. Ana Ruiz, en representación del senador Anselmo Quiroz Beltrán`) is a person too."""
    text = doc.text
    taken = [(sp.start, sp.end) for p in doc.found["person"] for sp in p.spans]
    for ls, le in lines:
        if ls not in list_lines or _menu_line(text, ls, le):
            continue
        for s, e in sentence_spans(text, ls, le):
            for run in cap_runs(tokens(text[s:e], s), text):
                found = person_in_run(run)
                if not found or not (any(is_title_tok(t) for t in found[0]) or _lower_title_before(text, s, found[1])):
                    continue  # only a titled name: the line's other runs are its member's title and organization
                a, b = found[1][0].start, found[1][-1].end
                if any(x < b and a < y for x, y in taken):
                    continue
                doc.add("person", phrase_of(text, found[1]), doc.span(a, b, (s, e)))
