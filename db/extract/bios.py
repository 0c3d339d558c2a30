"""Stage: the organizations of a biography and of a title written before a name.

- A biography is a paragraph or line that opens with a person's name and a verb of being
  (`Name is managing partner of X`, `Name was director general at Y from 2019 to 2023`,
  `Nombre es director de Z`); every organization it places the person at (`at`, `of`, `with`,
  `advises`, `joined`, `de`, `en`), past roles included, is an affiliation, except where the
  person studied (`holds a doctorate from`, `egresado de`).
- A career told in sentences about the person named just before (`She joins us from X, where ...`,
  `she began her career with Y`), and a paragraph under a name alone on its line (`Dra. Name` /
  `Economista en jefe del Banco X ... Anteriormente fue ... en Y`).
- A title written before a name, with the organization at its end (common in Spanish releases):
  `la jefa de Unidad para América del Norte de la SRE, Nombre`, `el director de la oficina de
  campo de CBP en Laredo, Nombre`, `a nombre de la ANAM, el administrador de Operación, Nombre`.
"""

from __future__ import annotations

import re

from db.extract import vocabulary as V
from db.extract.prose import inner_head
from db.extract.core import (
    Doc,
    fold,
    has_title_word,
    initiative_kind,
    is_place,
    is_title_tok,
    looks_like_org,
    org_core,
    sentence_spans,
    tokens,
)

_BIO_VERB = re.compile(r"[\s,]+(?:\([^)\n]{1,40}\)\s*)?(?:is|was|has been|had been|serves as|served as|currently serves as|"
                       r"es|fue|ha sido|se desempeña como|se desempeñó como|funge como|fungió como)\s", re.I)
_AT = re.compile(r"\b(?:at|of|with|for|advises|advised|joined|founded|co-founded|leads|led|heads|headed|"
                 r"de|del|en|con|para|asesora a|dirige|fundó|encabeza)\s+(?:the\s+|la\s+|el\s+|los\s+|las\s+)?"
                 r"(?=[A-ZÁÉÍÓÚÑ0-9])")
_STUDIED = re.compile(r"\b(?:degree|doctorate|ph\.?\s?d|bachelor|master|mba|diploma|graduated?|graduate of|alumn[aiu]s?|"
                      r"studied|holds an?|earned|licenciatura|licenciad[oa]|maestr[ií]a|doctorado|egresad[oa]|estudi[oó]|"
                      r"titulad[oa]|posgrado)\b[^.;]{0,60}$", re.I)
_ORG_WORDS = re.compile(r"(?:[A-ZÁÉÍÓÚÑ][\w’'&.\-]*|\d+)(?:,?\s+(?:(?:de|del|la|las|los|y|of|the|for|para|and|on|&|e)\s+)*"
                        r"(?:[A-ZÁÉÍÓÚÑ][\w’'&.\-]*|\d+|[“\"][A-ZÁÉÍÓÚÑ][^”\"\n]{0,40}[”\"]))*(?:,\s+(?:S\.\s?C\.|S\.\s?A\.(?:\s+de\s+C\.\s?V\.)?|Inc\.|LLC|LLP|"
                        r"Ltd\.|L\.P\.))?(?:\s*\([A-Z][A-Za-z&.\-]{1,11}\))?")
_IN_PLACE = re.compile(r"\s+(?:in|en)\s+((?:[A-ZÁÉÍÓÚÑ][\w.\-]*)(?:\s+(?:de\s+)?[A-ZÁÉÍÓÚÑ][\w.\-]*){0,3})")
_PLACE_NAMED = frozenset("embassy consulate embajada consulado mission mision".split())


def read_bios(doc: Doc) -> None:
    """Add the affiliations of the module's docstring to `doc`."""
    _biographies(doc)
    _titles_before_names(doc)
    _career_sentences(doc)
    _bios_under_names(doc)
    _given_name_bios(doc)
    _joined(doc)
    _known_org_lower_title(doc)


# Where a career sentence places a person: "en X", "at X", "with X", "para X", "con X" (any capitalised name),
# "de/del/of X" (a name of an organization's shape, or one already known).
_BARE_PREP = re.compile(r"\b(?:at|with|en|para|con|joined|(?:years|años|decades|décadas)\s+(?:at|with|in|en|con)(?:\s+(?:the|la|el))?(?:\s+[a-záéíóúñ]+){0,2}|(?:has\s+|have\s+)?(?:led|leads|heads|headed|runs|ran|founded|co-founded)|(?:ran|runs|managed|manages|oversaw|oversees|handled|handles)\s+(?:[a-z][\w\-]*\s+){1,4}for|(?:came|comes|moved|joined|joins)\s+(?:to\s+\w+\s+)?from|se incorporó a|ingresó a)\s+(?:the\s+|la\s+|el\s+)?(?=[A-ZÁÉÍÓÚÑ0-9])")
_SHAPED_PREP = re.compile(r"\b(?:of|for|de|del)\s+(?:the\s+|la\s+|el\s+|los\s+|las\s+)?(?=[A-ZÁÉÍÓÚÑ0-9])")


_SITES = re.compile(r"\b(?:plantas?|oficinas?|sedes?|f[aá]bricas?|instalaciones|operaciones|plants?|offices?|facilities|"
                    r"headquarters|based|ubicad[oa]s?|radica)\s*$", re.I)


_RANK = re.compile(r"^\d{1,3}[.)]\s+")
_PROFILE_HEADER = re.compile(r"(.{5,60}?)\s+(?:\||—|–)\s+\S")


def _bios_under_names(doc: Doc) -> None:
    """`Dra. Name` alone on its line, then a paragraph of her career (`Economista en jefe del Banco X desde 2021.
    Anteriormente fue directora de Análisis en Aseguradora Y ...`): every organization it places her at, past
    roles included, but where she studied."""
    text = doc.text
    people = doc.found["person"]
    pos = 0
    for line in text.split("\n"):
        le = pos + len(line)
        pos = le + 1
        body = _RANK.sub("", line.strip())  # "4. Name": a ranked profile
        header = _PROFILE_HEADER.match(body)
        if header:  # "Name | CEO de Firm X": the profile's header line
            body = header.group(1)
        if not body or len(body) > 60:
            continue
        lead = re.match(r"(?:(?:Lic|Ing|Dr|Dra|Mtro|Mtra|C\.P|Arq|Prof|Mr|Ms|Mrs|Sr|Sra|Hon)\.?\s+)?", body)
        pidx = doc.lookup("person", body[lead.end():])
        if pidx is None:
            continue
        ps, pe = le + 1, text.find("\n", le + 1)
        pe = len(text) if pe < 0 else pe
        first = text[ps:pe].strip()
        if not header and 0 < len(first) <= 100 and has_title_word(first) and not re.search(r"[.;]\s|\.$", first):
            ps, pe = pe + 1, text.find("\n", pe + 1)  # "Name" / "Presidenta, Firm X" / her career
            pe = len(text) if pe < 0 else pe
        para = text[ps:pe]
        if len(para) < 80 or not re.search(r"[.;]\s|\.$", para.rstrip()) or any(
                ps <= q.start < pe for other in people for q in other.spans):
            continue
        _paragraph_orgs(doc, pidx, ps, pe)


def _paragraph_orgs(doc: Doc, pidx: int, ps: int, pe: int) -> None:
    """Every organization a paragraph about one person places her at, past roles included, but where she studied."""
    text = doc.text
    hits = [(m, True) for m in _BARE_PREP.finditer(text, ps, pe)] + [(m, False) for m in _SHAPED_PREP.finditer(text, ps, pe)]
    covered = -1
    for m, bare in sorted(hits, key=lambda h: h[0].start()):
        if m.start() < covered:
            continue
        titled = False
        if not bare:  # "fue vicepresidenta de operaciones de Firm X": a title vouches for the name after it
            titled = bare = any(is_title_tok(t) for t in tokens(text[max(ps, m.start() - 40) : m.start()])[-4:])  # "Port of Ensenada Authority": `of` inside a name read already
        if _STUDIED.search(text, max(ps, m.start() - 80), m.start()) or fold(m.group().split()[0]) in ("en", "in", "at") \
                and _SITES.search(text, max(ps, m.start() - 30), m.start()):
            continue  # where she studied; "con plantas en Apodaca": where a company operates
        found = org_at(doc, text, m.end(), pe, bare=bare)
        if found is None:
            continue
        name, a, b = found
        if bare and len(name.split()) < 2 and not looks_like_org(name) and doc.lookup("organization", name) is None:
            continue
        if titled and (not name[:1].isalpha() or _portfolio_words(name)):
            continue  # "director de Análisis Macroeconómico", "VP of Tenant Relations": the title's portfolio
        if is_place(name) or fold(name.split()[0]) in V.MONTHS or re.fullmatch(r"[\d\s]+", name):
            continue
        if any(is_place(part) for part in re.split(r"\s+(?:y|and)\s+", name)):
            continue  # "plantas en Apodaca y Salinas Victoria"
        oidx = doc.add("organization", name, doc.span(a, b, (ps, pe)))
        doc.affiliate(pidx, oidx, None)
        covered = b


def _portfolio_words(name: str) -> bool:
    """Whether a name opens with a portfolio's or policy area's word (`Análisis ...`, `Tenant Relations`)."""
    from db.extract.prose import PORTFOLIO_WORDS
    words = [w for w in fold(name).split() if w not in V.NAME_CONNECTORS]
    portfolio = PORTFOLIO_WORDS | _MORE_PORTFOLIO
    return bool(words) and not looks_like_org(name) and (words[0] in portfolio or words[0] in V.TOPIC_WORDS or any(
        w in portfolio for w in words[-1:]))


_MORE_PORTFOLIO = frozenset("relations relaciones procurement purchasing compras sourcing abastecimiento analysis analisis "
                            "compliance cumplimiento exports exportaciones imports importaciones marketing mercadotecnia "
                            "engineering ingenieria tenant tenants clientes accounts cuentas macroeconomico macroeconomic "
                            "research investigacion economics economia".split())


_CALLED = re.compile(r"[“\"]([^\W\d_][\w’'\-]*)[”\"]")


def _given_name_bios(doc: Doc) -> None:
    """A team page's bio that calls the person by the given name or nickname only, a few lines under the card
    (`Read Bio +` / `Marisol has led the association since 2019. Before that she spent nine years at X ...`)."""
    text = doc.text
    people = doc.found["person"]
    starts = sorted((sp.start, i) for i, p in enumerate(people) for sp in p.spans)
    pos = 0
    for line in text.split("\n"):
        ls, le = pos, pos + len(line)
        pos = le + 1
        body = line.lstrip()
        first = re.match(r"[^\W\d_][\w’'\-]*", body)
        if not first or len(body) < 80 or not re.search(r"[.;]\s|\.$", body.rstrip()):
            continue
        word = first.group()
        near = [i for st, i in starts if ls - 600 <= st < ls]
        hits = [i for i in dict.fromkeys(reversed(near))
                if word == people[i].name.split()[0] or word in _CALLED.findall(people[i].name)]
        if len(hits) != 1 or not re.match(r"[^\W\d_]+\s+(?:[a-z]+\s+){0,2}[a-z]+", body):
            continue
        _paragraph_orgs(doc, hits[0], ls + len(line) - len(body), le)


# A sentence of a career told about someone named before: "She joins us from X", "he began his career at Y",
# "she spent seven years as ...", "Before that, she led operations at Z", "Previously, he served as ...".
_SUBJECT = re.compile(r"(?:(?:Before that|Previously|Earlier|Prior to that|Antes|Anteriormente|Before joining [^,]{1,60}),\s+)?"
                      r"(?P<who>She|He|Ella|Él)\s+", re.I)
_CAREER = re.compile(r"\b(?:joins|joined|comes|came|moves|moved|arrives|arrived)\s+(?:us\s+|[a-z]+\s+team\s+)?from\s|"
                     r"\b(?:began|started|launched)\s+(?:his|her|their)\s+career\b|\bspent\s+\w+\s+(?:years|decades)\b|"
                     r"\b(?:previously|formerly|earlier)\s+(?:served|worked|led|held|was)\b|\bserved\s+as\b|"
                     r"\bworked\s+(?:at|for|with)\b|\bled\s+[a-z][\w\s\-]{0,40}\s(?:at|for)\s|\bheld\s+[a-z]|"
                     r"\b(?:inici[oó]\s+su\s+carrera|se\s+desempe[nñ][oó]|trabaj[oó]\s+en|lleg[oó]\s+de)\b")
_CAREER_AT = re.compile(r"\b(?:at|with|from|for|en|de|con|para|joining|(?:advis[eo]r|consultant|counsel)\s+to)\s+"
                        r"(?:the\s+|la\s+|el\s+)?(?=[A-ZÁÉÍÓÚÑ0-9])")
_INTRO = re.compile(r"(?:Before\s+joining\s+[^,]{1,60}|Previously|Earlier|Prior\s+to\s+that|Before\s+that|"
                    r"Antes\s+de\s+[^,]{1,60}|Anteriormente),\s+")


def _career_sentences(doc: Doc) -> None:
    """Organizations of a career told in sentences about the person named just before (`She joins us from
    Trans-Andes Rail, where she spent six years as ...; she began her career with the X Service`)."""
    text = doc.text
    people = doc.found["person"]
    starts = sorted((sp.start, i) for i, p in enumerate(people) for sp in p.spans if not is_place(p.name))
    if not starts:
        return
    pos = 0
    for line in text.split("\n"):
        ls, le = pos, pos + len(line)
        pos = le + 1
        if "career" not in line and not _CAREER.search(line):
            continue
        for s0, s1 in sentence_spans(text, ls, le):
            sub = _SUBJECT.match(text, s0, s1)
            subject = None
            if sub:
                before = [i for st, i in starts if st < s0 and st >= s0 - 700]
                subject = before[-1] if before else None
            else:
                intro = _INTRO.match(text, s0, s1)  # "Before joining X, Name spent ten years at Y"
                at = intro.end() if intro else s0
                subject = next((i for st, i in starts if st == at), None)  # "Anneliese began her career ..."
            if subject is None or not _CAREER.search(text, s0, s1):
                continue
            if any(s0 < st < s1 and i != subject for st, i in starts):
                continue  # another person in the sentence: whose career it tells is unclear
            for m in _CAREER_AT.finditer(text, s0, s1):
                if _STUDIED.search(text, max(s0, m.start() - 80), m.start()):
                    continue
                found = org_at(doc, text, m.end(), s1, bare=True)
                if found is None:
                    continue
                name, a, b = found
                words = name.split()
                if len(words) < 2 and not looks_like_org(name) and doc.lookup("organization", name) is None:
                    continue  # one bare capitalised word ("from Monterrey", "at Google"?) needs more evidence
                if is_place(name) or fold(words[0]) in V.MONTHS or re.fullmatch(r"[\d\s]+", name):
                    continue
                oidx = doc.add("organization", name, doc.span(a, b, (s0, s1)))
                doc.affiliate(subject, oidx, None)


def org_at(doc: Doc, text: str, start: int, limit: int, *, bare: bool = False) -> tuple[str, int, int] | None:
    """The organization named at text[start:limit] (its name, start and end), or None: capitalised
    words with connectors, a legal form, a quoted brand and an acronym in parentheses."""
    m = _ORG_WORDS.match(text, start, limit)
    if not m:
        return None
    name = m.group().rstrip(" ,")
    para = name.find(" para ")
    if para > 0 and fold(name).split()[0] not in V.ORG_HEADS:
        name = name[:para]  # "Washington para Agencia X": a place, then whom one works for (not "Centro para X")
    poss = re.search(r"\w[’']s?(?=\s)", name)
    if poss:
        name = name[: poss.end()]  # "Norcastle Electronics' Tijuana plant": the owner's name ends at the possessive
    if re.search(r"\w[’']s?$", name):
        name = re.sub(r"[’']s?$", "", name)  # "Norcastle Electronics' Tijuana plant": the owner's name
    stop = re.search(r"(?<=[^\W\d_]{3})\.\s", name)
    if stop:
        name = name[: stop.start() + 1]  # "Banco Terravela. She ...": the sentence ended
    if re.search(r"[^\W\d_]{3,}\.$", name) and not re.search(r"\b(?:Inc|Corp|Co|Ltd|Bros)\.$", name):
        name = name[:-1]  # a sentence's full stop, not an abbreviation's
    end = m.start() + len(name)
    if ", " in name and not re.search(r",\s+(?:S\.|Inc|LL|Ltd|L\.P)", name):
        name = name.split(",")[0]  # "Encinos Capital, El Colegio": a list, not one name
        end = start + len(name)
    words = fold(name).split()
    if words and words[0] in _PLACE_NAMED:
        place = _IN_PLACE.match(text, end, limit)
        if place and is_place(place.group(1)):
            name, end = text[start : place.end()], place.end()  # "Embassy of Mexico in Washington"
    lead_place = re.match(r"(.+?)\s+(?:de|del|of)\s+(?=[A-ZÁÉÍÓÚÑ])", name)
    if lead_place and is_place(lead_place.group(1)) and len(lead_place.group(1).split()) <= 3 and not looks_like_org(lead_place.group(1)) \
            and fold(lead_place.group(1)).split()[0] not in V.ORG_HEADS:  # (not "Centro de Estudios X": a centre, not a town)
        start += lead_place.end()  # "planta de Celaya de Motores X": the plant's town, then the firm
        name = name[lead_place.end():]
    core, _ = org_core(name)
    if not core or is_place(core) and doc.lookup("organization", core) is None or doc.lookup("person", core) is not None:
        return None  # a place, unless the document defined it as an organization's acronym ("SE")
    toks = tokens(core)
    if not toks or is_title_tok(toks[0]) and not toks[0].text.lower().startswith("secretaría") or all(fold(w) in V.TOPIC_WORDS or fold(w) in V.NAME_CONNECTORS for w in core.split()):
        return None  # "Undersecretary of Foreign Trade": a portfolio
    if not (bare or looks_like_org(core) or doc.lookup("organization", core) is not None):
        return None  # `bare`: the caller's construction vouches for a name without a head word
    if doc.lookup("initiative", core) is not None or initiative_kind(core) and doc.lookup("organization", core) is None:
        return None  # "Vice Chair of the Border Water Working Group": a role in a group, read elsewhere
    return name, start, end


def _biographies(doc: Doc) -> None:
    text = doc.text
    people = doc.found["person"]
    for pidx, person in enumerate(list(people)):
        for sp in person.spans:
            line_start = text.rfind("\n", 0, sp.start) + 1
            if text[line_start : sp.start].strip(" \t-•*") or not _BIO_VERB.match(text, sp.end):
                continue
            end = text.find("\n", sp.end)
            end = _bio_end(text, people, pidx, sp.end, len(text) if end < 0 else end)
            for m in _AT.finditer(text, sp.end, end):
                if _STUDIED.search(text, max(sp.end, m.start() - 80), m.start()):
                    continue
                found = org_at(doc, text, m.end(), end)
                if found is None:
                    continue
                name, a, b = found
                if any(a <= other.start < b for q in people for other in q.spans):
                    continue
                sentence = (max(line_start, text.rfind(". ", 0, a) + 1), b)
                oidx = doc.add("organization", name, doc.span(a, b, sentence))
                title = _bio_title(text, sp.end, m.start())
                doc.affiliate(pidx, oidx, title)


# A person's move right after their name (`Name joined Harborline Logistics as VP, Mexico`, `Nombre se incorporó a X
# como directora`), with the title after `as`/`como`.
_JOINED = re.compile(r"(?:,[^,\n]{0,60},)?\s+(?:has\s+|have\s+|recently\s+)?(?:joined|joins|se\s+(?:incorpor[oó]|incorpora|"
                     r"sum[oó]|suma|uni[oó]|une)\s+a)\s+(?:the\s+|la\s+|el\s+)?(?=[A-ZÁÉÍÓÚÑ0-9])")
_AS_TITLE = re.compile(r"\s+(?:as|como)\s+(?:its\s+|their\s+|su\s+|the\s+|el\s+|la\s+|an?\s+)?(?P<title>[^.;,(\n]{2,60}?)"
                       r"(?=[.;,(\n]|$)")


def _joined(doc: Doc) -> None:
    """`Name joined X as Title`: the organization the person moved to (see _JOINED)."""
    text = doc.text
    if "joined" not in text and "joins" not in text and " se " not in text:
        return
    for pidx, person in enumerate(doc.found["person"]):
        for sp in person.spans:
            m = _JOINED.match(text, sp.end)
            if m is None:
                continue
            end = text.find("\n", m.end())
            end = len(text) if end < 0 else end
            found = org_at(doc, text, m.end(), end)
            if found is None and (bare := org_at(doc, text, m.end(), end, bare=True)) and _AS_TITLE.match(text, bare[2]):
                found = bare  # "joined Tidewater Drayage as VP": joined as a title, a body of any name
            if found is None or is_place(found[0]) or any(found[1] <= o.start < found[2] for q in doc.found["person"] for o in q.spans):
                continue
            name, a, b = found
            title = _AS_TITLE.match(text, b)
            title = title.group("title").strip() if title and has_title_word(title.group("title")) else None
            sentence = (text.rfind("\n", 0, sp.start) + 1, end)
            doc.affiliate(pidx, doc.add("organization", name, doc.span(a, b, sentence)), title)


# A known organization, then a title in lower case, right before a name (`OBBA board chair Name`,
# `Kestrel Drivetrains chief executive Name`).
_ORG_LOWER_TITLE = re.compile(r"(?P<org>[A-ZÁÉÍÓÚÑ][\w&.’'\-]*(?:\s+(?:[A-ZÁÉÍÓÚÑ][\w&.’'\-]*|of|de|del|the|&)){0,6})"
                              r"\s+(?P<title>(?:[a-z][a-z\-]*\s+){0,3}[a-z][a-z\-]*)\s+$")


def _known_org_lower_title(doc: Doc) -> None:
    """`OBBA board chair Name`: a title in lower case between an organization the document knows and a name."""
    text = doc.text
    for pidx, person in enumerate(doc.found["person"]):
        for sp in person.spans:
            if sp.start < 2 or not text[sp.start - 2].islower():
                continue  # (a lower-case word right before the name, or nothing to read)
            m = _ORG_LOWER_TITLE.search(text, max(0, sp.start - 120), sp.start)
            if m is None or not has_title_word(m.group("title")):
                continue
            words = m.group("org").split()
            for k in range(len(words)):  # the longest known organization ending right before the title
                org = " ".join(words[k:])
                oidx = doc.lookup("organization", org)
                if oidx is not None and oidx not in doc.dropped_orgs:
                    doc.affiliate(pidx, oidx, m.group("title"))
                    break


def _bio_end(text: str, people, pidx: int, start: int, end: int) -> int:
    """The biography ends where a sentence opens with another person's name."""
    for s0, _ in sentence_spans(text, start, end):
        if any(q != pidx and sp.start == s0 for q, other in enumerate(people) for sp in other.spans):
            return s0
    return end


def _bio_title(text: str, name_end: int, prep: int) -> str | None:
    """`is managing partner and co-founder of`: the role just before the organization."""
    clause = text[name_end:prep]
    clause = re.split(r"[.;]\s|,\s", clause)[-1]
    clause = _BIO_VERB.sub(" ", " " + clause).strip()
    clause = re.sub(r"^(?:(?:a|an|the|un|una|el|la|he|she|they|previously|also|now|currently|later|then|most recently)\s+)+",
                    "", clause, flags=re.I)
    return clause if clause and len(clause) <= 80 and has_title_word(clause) else None


_ARTICLE_TITLE = re.compile(r"\b(?:el|la|los|las|al|del|the)\s+(?=[a-záéíóúñ])")
_PREP = re.compile(r"\s(?:de la|de los|de las|del|de|of the|of|at the|at|for the|for)\s+(?=[A-ZÁÉÍÓÚÑ])")
_ON_BEHALF = re.compile(r"(?:a nombre|en representaci[oó]n|por parte|on behalf)\s+(?:de|del|of)\s+(?:la\s+|el\s+|the\s+)?"
                        r"([A-ZÁÉÍÓÚÑ][^,;:()\n]{1,80}),\s*$")


_ACRONYM_AFTER = re.compile(r"\s*\([A-Z][A-Za-z&.\-]{1,12}\)\s*")  # "del Centro de Estudios X (CECOR), doctora Name"
_RANK_BEFORE = re.compile(r"(?<=, )([a-záéíóúñ]+)\s+$")
_COURTESY_BEFORE = re.compile(r"(?:Lic|Ing|Dr|Dra|Mtro|Mtra|C\.P|Arq|Sr|Sra|Mr|Ms|Mrs)\.\s+$")


def _titles_before_names(doc: Doc) -> None:
    text = doc.text
    for pidx, person in enumerate(list(doc.found["person"])):
        for sp in person.spans:
            courtesy = _COURTESY_BEFORE.search(text, max(0, sp.start - 12), sp.start)
            name_at = courtesy.start() if courtesy else sp.start  # "el presidente de la X, Lic. Name"
            rank = _RANK_BEFORE.search(text, max(0, name_at - 24), name_at)
            if rank and (fold(rank.group(1)) in V.TITLE_WORDS or fold(rank.group(1)) in V.HONORIFICS):
                name_at = rank.start(1)  # "la presidenta de la Comisión X, senadora Name"
            if text[name_at - 2 : name_at] != ", ":
                continue
            window_start = max(0, name_at - 200, text.rfind("\n", 0, name_at) + 1)
            before = text[window_start : name_at - 2]
            lead = None
            for m in _ARTICLE_TITLE.finditer(before):
                words = tokens(before[m.end() :])
                if words and is_title_tok(words[0]):
                    lead = m  # the last article that opens a title ("el director de la oficina")
            if lead is None:
                continue
            phrase = before[lead.end() :]
            if re.search(r"[,;:]|\.\s", phrase):
                continue
            at = window_start + lead.end()
            org = _phrase_org(doc, text, at, name_at - 2)
            if org is None:
                behalf = _ON_BEHALF.search(text, window_start, window_start + lead.start())
                if behalf:
                    org = org_at(doc, text, behalf.start(1), behalf.end(1))
                    title = phrase
                if org is None:
                    continue
            else:
                title = text[at : org[3]].strip()
            name, a, b = org[:3]
            inner = inner_head(name)  # "el director de Asuntos Públicos de X, Name": X
            if inner:
                name, a = name[inner:], a + inner
                title = re.sub(r"\s+(?:de la|de los|del|de|of the|of|at the|at|for)\s*$", "", text[at:a]).strip()
            oidx = doc.add("organization", name, doc.span(a, b, (at, sp.end)))
            doc.affiliate(pidx, oidx, title if has_title_word(title) else None)
            if not person.title and has_title_word(title):
                person.title = title


def _phrase_org(doc: Doc, text: str, start: int, end: int) -> tuple[str, int, int, int] | None:
    """The organization that ends the title phrase text[start:end] (its name, start, end and
    where its preposition starts), trying the last preposition first."""
    preps = list(_PREP.finditer(text, start, end))
    for n in range(len(preps) - 1, -1, -1):
        prep = preps[n]
        found = org_at(doc, text, prep.end(), end)
        if found is None:
            continue
        name, a, b = found
        rest = text[b:end]
        place = _IN_PLACE.fullmatch(rest)
        if rest.strip() and not (place and is_place(place.group(1))) and not _ACRONYM_AFTER.fullmatch(rest):
            continue  # the organization must end the phrase ("de CBP en Laredo": CBP)
        if n and fold(name).split()[0] not in V.ORG_HEADS:  # "la Federación de Industrias del Sur": the whole body
            wider = org_at(doc, text, preps[n - 1].end(), end)
            if wider and wider[2] == b and fold(wider[0]).split()[0] in V.ORG_HEADS and wider[0].endswith(name):
                return (*wider, preps[n - 1].start())
        return name, a, b, prep.start()
    return None
