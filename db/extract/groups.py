"""Stage: initiatives named anywhere in the text, named or not.

- Named groups inside longer capitalised runs: `Final Report of the Binational Task Force on X`,
  `2025 Gulf Freight Summit River Cities Association` (a headline run on into the next
  name), `la Reunión Plenaria del Mecanismo Binacional de X` (Spanish names start with their kind).
- Unnamed delegations and missions: `a bipartisan congressional delegation to Mexico`,
  `an investment mission to Mérida and Campeche`, `la misión empresarial mexicana`.

Each is typed by its kind words (`db.extract.core.initiative_kind`); a name already drawn as an
organization is left as it is.
"""

from __future__ import annotations

import re

from db.extract import vocabulary as V
from db.extract.core import (
    DOCUMENT_ABOUT,
    KIND_WORDS,
    Doc,
    Tok,
    binational_group_kind,
    cap_runs,
    extend_group_span,
    fold,
    initiative_kind,
    is_place,
    is_title_tok,
    looks_like_org,
    people_in,
    line_spans,
    phrase_of,
    sentence_spans,
    split_trailing_person,
    strip_leading,
    tokens,
)

# Spanish kind words that open a group's name ("Mecanismo Binacional ...", "Foro de ...").
_KIND_FIRST = {w.split()[0] for w in V.INITIATIVE_KINDS_FIRST} | {
    w for w in V.AMBIGUOUS_GROUP_KINDS if not w.isascii() or w in ("consejo", "comision", "comite", "alianza", "asamblea")
}
_OF = frozenset({"of", "de", "del"})
# Words of a document's or a session's own name, never of a group's ("Final Report", "Executive Summary").
_DOCUMENT_WORDS = frozenset("report informe summary resumen agenda minutes page final draft executive joint statement "
                            "session sesion meeting reunion plenaria".split())

_UNNAMED = re.compile(
    r"\b(?:(?:[Aa]|[Aa]n|[Tt]he|[Ii]ts|[Oo]ur|[Tt]his|heads|led|leads|[Uu]na|[Ll]a|[Ee]l|[Ee]sta|[A-Z][\w.]*[’']s)\s+)"
    r"(?:[a-z]+[’']s\s+)?(?:(?:first|second|third|fourth|fifth|inaugural|next|upcoming)\s+)?"  # "the cluster's first"
    r"((?:(?:[a-z][a-z\-]+)\s+){0,2}?"
    r"(?:(?:congressional|trade|investment|business|legislative|bipartisan|official|state|economic|commercial|host|"
    r"visiting|supplier|suppliers|sourcing|buyer|buyers|procurement|reverse|return|export|industry|fact-finding)\s+)"
    r"(?:delegation|mission|codel)"
    r"(?:\s+(?:to|from)\s+(?:the\s+(?:state|city|region)\s+of\s+)?(?:(?:northern|southern|central|western|eastern)\s+)?"
    r"[A-Z][\w.]+(?:\s+[A-Z][\w.]+)?"
    r"(?:\s+and\s+[A-Z][\w.]+(?:\s+[A-Z][\w.]+)?)?)?)"
    r"|\b(?:(?:[Uu]na|[Ll]a|[Ee]sta)\s+|[Rr]ecib(?:imos|e|i[oó]|en|ieron)\s+a\s+)((?:misi[oó]n|delegaci[oó]n|comitiva)\s+"
    # "una misión inversa a Houston", "una misión inversa de proveedores texanos"
    r"(?:inversa\s+a\s+[A-ZÁÉÍÓÚÑ][\w]+(?:\s+[A-ZÁÉÍÓÚÑ][\w]+)?|(?:(?:inversa\s+)?(?:empresarial|comercial|legislativa|"
    r"oficial|bipartidista|plural|de\s+(?:empresarios|proveedores|inversionistas|funcionarios|legisladores|alcaldes|"
    r"exportadores|compradores))|inversa(?=\s+de\s+[a-z]))"
    r"(?:\s+(?:mexican[ao]s?|[a-z]+ense|estadounidense|de\s+[A-ZÁÉÍÓÚÑ][\w]+(?:\s+[A-ZÁÉÍÓÚÑ][\w]+)?|"
    r"de\s+(?:empresarios|proveedores|inversionistas|funcionarios|compradores)\s+[a-záéíóúñ]+(?:nos|nas|ses|ñ[oa]s|c[oa]s|enses|[ií][oa]s)|"
    r"[a-záéíóúñ]+(?:nos|nas|ses|ñ[oa]s|c[oa]s|enses|[ií][oa]s)))?"
    # "delegación de empresarios del estado de Ohio", "delegación bipartidista de la Cámara de Representantes de X"
    r"(?:\s+(?:de|del|de\s+la)\s+(?:(?:estado|ciudad|condado|provincia)\s+de\s+)?[A-ZÁÉÍÓÚÑ][\w]+"
    r"(?:\s+(?:de\s+|del\s+|la\s+)?[A-ZÁÉÍÓÚÑ][\w]+){0,5})?"
    r"(?:\s+a\s+[A-ZÁÉÍÓÚÑ][\w]+(?:\s+[A-ZÁÉÍÓÚÑ][\w]+)?(?:\s+y\s+[A-ZÁÉÍÓÚÑ][\w]+(?:\s+[A-ZÁÉÍÓÚÑ][\w]+)?)?)?"  # "a Ohio y Michigan"
    r"|mexicana|estadounidense|canadiense|[a-z]+(?:ense|eca|eña|ana)\b))"
)


# A program's session line names a panel with its number and title (`10:00 - 11:00  Panel 2: Water
# and Power at the Border`, `Mesa 1: Talento técnico`), up to a moderator named on the same line.
_PANEL_LINE = re.compile(
    r"[ \t\-•*]*(?:(?:Day|DAY|D[ií]a|D[IÍ]A)[ \t]+\d{1,2}[ \t]*[|·,–-]?[ \t]*)?(?:\d{1,2}[:.]\d{2}[ \t]*(?:[AaPp]\.?[Mm]\.?)?[ \t]*(?:[-–—][ \t]*\d{1,2}[:.]\d{2}[ \t]*(?:[AaPp]\.?[Mm]\.?)?)?[ \t]*)?"
    r"(?P<name>(?P<kind>(?:(?:Regional|Special|Featured|Closing|Opening|Industry|Policy|REGIONAL|SPECIAL|FEATURED|CLOSING|"
    r"OPENING|INDUSTRY|POLICY)[ \t]+)?(?:Panel|PANEL|Fireside[ \t]+[Cc]hat|FIRESIDE[ \t]+CHAT)|Mesa(?:[ \t]+(?:redonda|de di[aá]logo|de trabajo|de an[aá]lisis))?|MESA(?:[ \t]+REDONDA)?|"
    r"Sesi[oó]n|Session|Workshop|Taller|Conversatorio|Breakout|Roundtable|Round[ \t]+table|Track|Breakout[ \t]+Session|"
    r"SESSION|SESI[OÓ]N|WORKSHOP|TALLER|BREAKOUT(?:[ \t]+SESSION)?|ROUNDTABLE|TRACK|"
    r"(?:(?:Opening|Closing|General|OPENING|CLOSING|GENERAL)[ \t]+)?(?:Plenary|PLENARY)(?:[ \t]+(?:Session|SESSION|Panel|PANEL))?|"
    r"(?:Sesi[oó]n|SESI[OÓ]N)[ \t]+(?:plenaria|PLENARIA)|Plenaria|PLENARIA)"
    r"[ \t]*(?:\d{1,2}|[IVX]{1,4}|[A-H](?=[ \t]*[:.–—|]))?"
    r"[ \t]*(?:[:.–—]|(?<=[ \t])\|)[ \t]*[^\n]{4,140}?)[ \t.]*(?=$|[ \t]+(?:Moderador[a]?|Moderator|Modera|Moderated by)\b)", re.M)
# A session or event named in quotes after its kind word (`en el panel "Agua y energía para la
# industria"`, `the forum “Building the Border Supplier Base”`).
_QUOTED = re.compile(
    r"\b(?P<kind>panel|mesa(?: redonda| de di[aá]logo| de an[aá]lisis| de trabajo)?|sesi[oó]n|session|conversatorio|taller|workshop|foro|forum|summit|"
    r"cumbre|encuentro|di[aá]logo|dialogue|roundtable|seminario|seminar|webinar)(?:,[ \t]*|[ \t]+)"
    r"(?:(?:titulad[oa]|denominad[oa]|llamad[oa]|entitled|titled|called|named)[ \t]+)?"
    r"[\"“«](?P<name>[^\"”»\n]{6,140})[\"”»]", re.I)
# A mission or forum followed by its own name (`la misión comercial Nuevo León Conecta 2025`,
# `the trade mission Gulf Coast Forward`).
_CALLED = re.compile(
    r"\b(?:[Ll]a|[Ee]l|[Tt]he|[Tt]his|[Ee]sta|[Ee]ste)[ \t]+(?P<kind>(?:misi[oó]n|delegaci[oó]n|gira|trade mission|"
    r"business mission|investment mission|mission|foro|forum|cumbre|summit|encuentro)"
    r"(?:[ \t]+(?:comercial|empresarial|de negocios|oficial|binacional|de inversi[oó]n|econ[oó]mic[oa]))?)[ \t]+"
    r"(?:(?:denominad[oa]|llamad[oa]|called|named|dubbed)[ \t]+)?"
    r"(?P<name>[A-ZÁÉÍÓÚÑ][\w’'\-–]*(?:[ \t]+(?:[A-ZÁÉÍÓÚÑ0-9][\w’'\-–]*|de|del|la|y|&|and|of|the)){1,7})")
_KIND_OF_WORD = {"panel": "panel", "mesa": "roundtable", "sesion": "panel", "session": "panel", "conversatorio": "panel",
                 "plenary": "panel", "plenaria": "panel", "track": "panel",
                 "taller": "panel", "workshop": "panel", "breakout": "panel", "foro": "forum", "forum": "forum",
                 "summit": "summit", "cumbre": "summit", "encuentro": "forum", "dialogo": "dialogue",
                 "dialogue": "dialogue", "roundtable": "roundtable", "seminario": "forum", "seminar": "forum",
                 "webinar": "forum", "mision": "delegation", "delegacion": "delegation", "gira": "delegation",
                 "mission": "delegation"}


def _add_named(doc: Doc, m: re.Match, sent: tuple[int, int]) -> None:
    """An initiative named by `m`'s `name` group, of the kind its `kind` group says."""
    name = re.split(r"[ \t]{3,}|\t", m.group("name").strip())[0].rstrip(".,;:")  # (not the next column's `TRACK B`)
    name = re.sub(r"(?:[ \t]+(?:de|del|la|y|&|and|of|the))+$", "", name)
    words = fold(name).split()
    if len(words) < 2 or is_place(name) or is_title_tok(tokens(name)[0]) or words[0] in V.MONTHS | V.WEEKDAYS:
        return
    if m.re is _CALLED and (doc.lookup("person", name) is not None or doc.lookup("organization", name) is not None):
        return
    kind_words = fold(m.group("kind")).split()
    kind = next((_KIND_OF_WORD[w] for w in reversed(kind_words) if w in _KIND_OF_WORD), None) or "panel"
    if "trade" in kind_words or "mission" in kind_words or "mision" in kind_words:
        kind = "delegation"
    start = m.start("name")
    doc.add("initiative", name, doc.span(start, start + len(name), sent), kind=kind)


# A jury named by the awards it judges (`Jury for the 2025 Nearshoring Excellence Awards`, `Jurado del Premio X`).
_JURY = re.compile(r"\b(?:Jury|JURY|Jurado|JURADO|Judging Panel)\s+(?:for|of|del|de la|de los|de|para)\s+(?:the\s+|el\s+|la\s+)?"
                   r"(?:(?:19|20)\d\d\s+)?[A-ZÁÉÍÓÚÑ][\w’'&\-]*(?:\s+(?:[A-ZÁÉÍÓÚÑ][\w’'&\-]*|(?:19|20)\d\d|de|del|la|y|of|the|and|&)){0,7}")


# Titles of an organization's own staff: a body with an executive director is an organization.
_STAFF = frozenset("director directora executive ejecutivo ejecutiva manager gerente officer staff spokesperson "
                   "spokesman spokeswoman communications analyst ceo".split())


# More unnamed delegations: `a Senate delegation to X and Y`, `the 2023 San Antonio trade delegation
# to X`, `a delegation of Tijuana business leaders`.
_UNNAMED_MORE = re.compile(
    r"\b(?:[Aa]|[Aa]n|[Tt]he|[Ii]ts|[Oo]ur|[Tt]his|led|leads|heads)\s+(?:\d{1,3}-(?:member|person|company|strong)\s+)?"
    r"((?:(?:19|20)\d\d\s+)?(?:[A-Z][\w.’']*\s+){1,3}(?:(?:congressional|trade|investment|business|legislative|bipartisan|"
    r"official|state|economic|commercial)\s+(?:and\s+(?:trade|investment|business|economic|commercial)\s+)?)?(?:delegation|mission)"
    r"(?:\s+(?:to|from)\s+(?:the\s+(?:state|city|region)\s+of\s+)?[A-Z][\w.]+(?:\s+[A-Z][\w.]+)?"
    r"(?:\s+and\s+[A-Z][\w.]+(?:\s+[A-Z][\w.]+)?)?)?"
    r"|(?:(?:trade|business|investment|official|bipartisan|congressional|legislative|state)\s+)?delegation\s+of\s+"
    r"(?:(?:about|some|nearly|over|roughly|more\s+than)\s+)?(?:\d{1,3}\s+)?(?:[A-Z][\w.’']*\s+){0,3}(?:[a-z\-]+\s+){0,2}"
    r"(?:leaders|executives|companies|officials|lawmakers|legislators|mayors|businesses|manufacturers|"
    r"representatives|CEOs|entrepreneurs|exporters|suppliers)"
    # "a 12-member delegation from the Ohio–Bajío Supplier Alliance (OBSA)": named by its size and who sends it
    r"|\d{1,3}-(?:member|person|company|strong)\s+(?:(?:trade|business|investment|official|supplier)\s+)?"
    r"(?:delegation|mission)\s+(?:from|of)\s+(?:the\s+)?[A-ZÁÉÍÓÚÑ][\w’'–-]*(?:\s+(?:[A-ZÁÉÍÓÚÑ][\w’'–-]*|of|de|del|for)){0,6})\b")


_OF_WHOM = re.compile(r"\s+of\s+(?:(?:about|some|nearly|over|roughly|more\s+than)\s+)?(?:\d{1,3}\s+)?(?:[A-Z][\w.’']*\s+){0,3}"
                      r"(?:[a-z\-]+\s+){0,2}(?:leaders|executives|companies|officials|lawmakers|legislators|mayors|"
                      r"businesses|manufacturers|representatives|CEOs|entrepreneurs|exporters|suppliers)\b")


# A Spanish group's task in lower case: a noun and up to two words that qualify it (`ventanilla única digital`).
_TASK = r"[a-záéíóúñ][\w\-]+(?:\s+(?!(?:de|del|a|al|que|con|en|y|e|o|para|por|el|la|los|las|se|su|sus|lo)\b)[a-záéíóúñ][\w\-]+){0,2}"
# Unnamed groups in lower case with what they are about: `a joint working group on aquifer data`, `the
# workforce panel`, `un subgrupo de ventanilla única digital` (named as the text names them).
_UNNAMED_GROUP = re.compile(
    r"\b(?:[Aa]|[Aa]n|[Tt]he|[Uu]n|[Uu]na|[Ee]l|[Ll]a)\s+(?:new\s+|nuevo\s+|nueva\s+)?"
    r"(?:(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)-(?:member|person)\s+)?"  # ("a five-member judging panel")
    r"((?:(?:joint|binational|bilateral|trilateral|technical|regulatory|workforce|[a-z]+)\s+){0,2}"
    r"(?:working\s+group|task\s+force|subgroup|panel)(?:\s+on\s+[a-z][a-z\-]+(?:\s+[a-z][a-z\-]+){0,2})?"
    r"|(?:subgrupo|grupo\s+de\s+trabajo|mesa\s+de\s+trabajo)(?:\s+(?:plural|binacional|bilateral|t[eé]cnico|especial|"
    r"interinstitucional|permanente))?(?:\s+(?:de|sobre|para|en\s+materia\s+de)\s+(?:(?:el|la|los|las|dar)\s+)?" + _TASK +
    r"(?:\s+(?:a\s+la|a\s+los|de\s+la|de\s+los|al|a|del|de|y)\s+" + _TASK + r"){0,2}(?:\s+(?:del?|de\s+la)\s+[A-ZÁÉÍÓÚÑ][\w\-]+)?)?)\b")
# (`grupo de trabajo para dar seguimiento a la revisión del T-MEC`: its task, up to the agreement it follows)
_UNNAMED_STOP = frozenset("of the a an and or to in on for de la el y que con en para su sus this that led chaired "
                          "co-chaired headed will which who would by was were is are has have".split())


# `los integrantes del Grupo Asesor del proyecto, que revisaron ...: A (Org), B y C`, `the members of the Advisory
# Group: A, B`: a group the page names by its kind alone, and the people listed after the colon.
_MEMBERS_OF_KIND = re.compile(
    r"\b(?:integrantes?|miembros)\s+del\s+(?P<es>(?:Grupo|Consejo|Comit[eé])\s+(?:Asesor|Consultivo|T[eé]cnico|Directivo|"
    r"Ejecutivo|de\s+Trabajo))\b|\bmembers\s+of\s+the\s+(?P<en>(?:Advisory|Steering|Technical|Expert|Review)\s+"
    r"(?:Group|Board|Committee|Panel|Council))\b")


def _members_of_a_kind(doc: Doc) -> None:
    """Groups of _MEMBERS_OF_KIND and their members listed after a colon in the same sentence."""
    text = doc.text
    for m in _MEMBERS_OF_KIND.finditer(text):
        g = "es" if m.group("es") else "en"
        name = m.group(g)
        kind = V.INITIATIVE_KINDS_FIRST.get(fold(name)) or initiative_kind(name) or "advisory board"
        ini = doc.add("initiative", name, doc.span(m.start(g), m.end(g), (m.start(), m.end())), kind=kind)
        colon = text.find(":", m.end(), m.end() + 250)
        if colon < 0 or "\n\n" in text[m.end() : colon]:
            continue
        stop = re.search(r"(?<=[a-záéíóúñ)]{2})\.\s+[A-ZÁÉÍÓÚÑ]|\n\s*\n", text[colon:])
        stop_at = colon + stop.start() if stop else len(text)
        for pidx in people_in(doc, colon, stop_at):
            doc.member(pidx, ini, "member")


def find_groups(doc: Doc, skip_lines: set[int] = frozenset()) -> None:
    """Add the initiatives of the module's docstring to `doc`; a binational body drawn as an
    organization but with no staff of its own is retyped as the group it is."""
    text = doc.text
    for org, ent in enumerate(doc.found["organization"]):
        kind = binational_group_kind(ent.name)
        if kind and org not in doc.dropped_orgs and not _staffed(doc, org):
            doc.retype_org(org, kind)
    if "ntegrante" in text or "embers of the" in text:
        _members_of_a_kind(doc)
    for start, end in line_spans(text):
        panel = _PANEL_LINE.match(text, start, end)
        if panel:
            _add_named(doc, panel, (start, end))
        if end - start < 4 or start in skip_lines:
            continue
        for s, e in sentence_spans(text, start, end):
            sent = (s, e)
            for run in cap_runs(tokens(text[s:e], s), text):
                if not any(t.key in KIND_WORDS for t in run):
                    continue  # names no group
                for sub in _group_subruns(run):
                    _add_group(doc, sub, sent)
            for m in _QUOTED.finditer(text, s, min(len(text), e + 2)):  # (a title ending "?" ends the sentence inside its quotes)
                _add_named(doc, m, sent)
            for m in _CALLED.finditer(text, s, e):
                _add_named(doc, m, sent)
            for m in _JURY.finditer(text, s, e):
                name = m.group().rstrip(" .,;:")
                if doc.lookup("initiative", name) is None:
                    doc.add("initiative", name, doc.span(m.start(), m.start() + len(name), sent), kind="jury")
            for m in _UNNAMED.finditer(text, s, e):
                g = 1 if m.group(1) else 2
                name = m.group(g).rstrip(".")
                whom = _OF_WHOM.match(text, m.end(g), e) if g == 1 and name.endswith(("delegation", "mission")) else None
                if whom:  # "a bipartisan delegation of Arizona legislators": who travel is part of its name
                    name = text[m.start(g) : whom.end()]
                if doc.lookup("initiative", name) is None:
                    doc.add("initiative", name, doc.span(m.start(g), m.start(g) + len(name), sent), kind="delegation")
            for m in _UNNAMED_GROUP.finditer(text, s, e):
                name = m.group(1)
                words = name.split()
                spanish = words[0] in ("subgrupo", "grupo", "mesa")  # (its "a", "del" are no verbs: "para dar seguimiento a la")
                for n, w in enumerate(words[2:], 2):  # the topic ends at a verb: "on aquifer data led by ..."
                    if w in _UNNAMED_STOP and w not in ("on", "de", "para", "sobre", "of", "the", "la", "el") \
                            and not (spanish and w in ("a", "al", "del", "los", "las")):
                        words = words[:n]
                        break
                while words and words[-1] in _UNNAMED_STOP:
                    words.pop()
                name = " ".join(words)
                jury = V.INITIATIVE_KINDS.get(" ".join(words)) == "jury"  # "a five-member judging panel": the jury of the page
                if len(words) < 2 or words[0] in _UNNAMED_STOP or not jury and all(w in KIND_WORDS or w in _GENERIC_MODIFIERS for w in words) or any(sp.start <= m.start(1) < sp.end for ini in
                                                                       doc.found["initiative"] for sp in ini.spans):
                    continue
                kind = "jury" if jury else "panel" if words[-1] == "panel" or "panel" in words else "working group"
                doc.add("initiative", name, doc.span(m.start(1), m.start(1) + len(name), sent), kind=kind)
            for m in _UNNAMED_MORE.finditer(text, s, e):
                name = re.sub(r"(?:\s+(?:of|de|del|for))+$", "", m.group(1).rstrip("."))
                first = tokens(name)[0]
                if is_title_tok(first) or first.key in V.MONTHS or doc.lookup("person", name) is not None:
                    continue
                if not any(sp.start <= m.start(1) < sp.end for ini in doc.found["initiative"] for sp in ini.spans):
                    doc.add("initiative", name, doc.span(m.start(1), m.start(1) + len(name), sent), kind="delegation")


# An event page: a headline, its date or time a few lines below, and the furniture of an event
# (`Register`, `Featured speakers`, `Panelists`, `Add to calendar`, `Ponentes`, `Regístrate`).
_EVENT_DATE = re.compile(
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:lunes|martes|miércoles|jueves|viernes|sábado|domingo)\b|"
    r"\b\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.|hrs|h)\b|"
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:\s*[-–]\s*\d{1,2})?,\s+(?:19|20)\d\d|"
    r"\b\d{1,2}(?:\s*(?:al|y|-|–)\s*\d{1,2})?\s+de\s+[a-z]+\s+de\s+(?:19|20)\d\d", re.I)
_EVENT_SIGNAL = re.compile(
    r"^\s*(?:register(?:\s+(?:now|here|to attend))?|rsvp|add to calendar|watch live|featured (?:speakers|panelists)|"
    r"moderated by|featuring|speakers|panelists|"
    r"moderators?|agenda|program(?:me)?|reg[ií]strate|inscr[ií]bete|registro|ponentes|panelistas|moderador[a]?|programa|"
    r"event series|serie de eventos)\b",
    re.I | re.M)


CHROME_LINE = re.compile(r"^(?:skip to|jump to|saltar a|ir a|sponsored by|presented by|patrocinad[oa] por|view this email|"
                         r"view in browser|ver (?:este correo|en (?:el |tu )?navegador)|unsubscribe)\b|\bmain content\b|\bcontenido principal\b|\bcookies?\b|"
                          r"\bmenu\b|\bmenú\b", re.I)


_SESSION = re.compile(r"\b(?:session|sesi[oó]n) \d", re.I)
# What only an event's own page says: how to attend it.
_REGISTRATION = re.compile(r"\b(?:register|registration|rsvp|add to calendar|watch live|livestream|join us|"
                           r"reg[ií]strate|registro|inscr[ií]bete|inscripci[oó]n|transmisi[oó]n en vivo|cupo limitado)\b", re.I)


# "Webinar Recap: Reading the Signals in the Corridor", "Resumen del foro: X": a recap's headline names the event.
_RECAP = re.compile(r"[ \t]*(?:(?:Webinar|Event|Panel|Session|Forum|Conference|Summit|Roundtable|Workshop)\s+)?"
                    r"(?:Recap|Highlights|Wrap-?up)\s*[:–—-]\s*(?P<title>[\"“]?[A-Z0-9¿¡][^\n]{5,110}?)[\"”]?[ \t]*$", re.I)


_TITLE_SMALL_WORDS = frozenset("a an the of in on at for to and or with from by vs de del la el en y para con los las".split())


def _recap_headline(doc: Doc) -> bool:
    """A recap's headline (_RECAP): its title is the event; True when one was read."""
    text = doc.text
    for s, e in [(s, e) for s, e in line_spans(text)[:20] if text[s:e].strip()][:10]:
        m = _RECAP.fullmatch(text, s, e)
        if m is None or m.group("title").endswith("."):
            continue
        title = m.group("title").strip("\"“” ")
        words = title.split()
        if any(w[:1].islower() and fold(w) not in _TITLE_SMALL_WORDS for w in words) \
                or any(fold(w) in V.HEADLINE_VERBS for w in words) or '"' in title or "“" in title:
            continue  # a sentence about the event ("Breakfast Draws Record Crowd"), read by the other stages
        start = text.index(title, m.start("title"))
        doc.event_page = doc.add("initiative", title, doc.span(start, start + len(title), (s, e)), kind="forum")
        return True
    return False


# `July 17 — "Cold Chain at the Border." Speakers will include A, founder of X, and B`: another event, named
# by its title in quotes, with its speakers.
_QUOTED_EVENT = re.compile(r"[—–-][ \t]*[“\"](?P<title>[A-Z¿¡][^\"”\n]{5,90}?)[.,]?[”\"][.,]?[ \t]+"
                           r"(?P<who>Speakers|Panelists|Presenters|Ponentes|Panelistas)[ \t]+(?:will include|include|are|will be|"
                           r"incluyen|ser[áa]n|son)\b")


# `el programa de intercambio "Puentes de Manufactura"`, `the "Border Ready" initiative`: a program named in quotes.
_QUOTED_PROGRAM = re.compile(r"\b(?:programa|program|programme|iniciativa|initiative)\s+(?:de\s+[a-záéíóúñ]+\s+(?:[a-záéíóúñ]+\s+)?)?"
                             r"[“\"](?P<name>[A-ZÁÉÍÓÚÑ][^\"”\n]{3,60}?)[”\"]|[“\"](?P<name2>[A-ZÁÉÍÓÚÑ][^\"”\n]{3,60}?)[”\"]\s+"
                             r"(?:program|programme|initiative)\b")


def quoted_events(doc: Doc) -> None:
    """Events named by a quoted title before their speakers (_QUOTED_EVENT), and those speakers; programs
    named in quotes (_QUOTED_PROGRAM)."""
    text = doc.text
    if "rogram" in text or "niciativ" in text or "nitiative" in text:
        for m in _QUOTED_PROGRAM.finditer(text):
            g = "name" if m.group("name") else "name2"
            doc.add("initiative", m.group(g), doc.span(m.start(g), m.end(g), (m.start(), m.end())), kind="program")
    if "peakers" not in text and "anelist" not in text and "resenters" not in text and "onentes" not in text:
        return
    for m in _QUOTED_EVENT.finditer(text):
        ini = doc.add("initiative", m.group("title"), doc.span(m.start("title"), m.end("title"), (m.start(), m.end())),
                      kind="forum")
        end = text.find("\n", m.end())
        stop = re.search(r"(?<=[a-z]{2})\.\s+[A-Z]", text[m.end() : end if end >= 0 else len(text)])
        stop_at = m.end() + stop.start() if stop else (end if end >= 0 else len(text))
        for pidx in people_in(doc, m.end(), stop_at):
            doc.member(pidx, ini, "speaker")


def event_headline(doc: Doc) -> None:
    """The headline of an event page is the event (an initiative), even without a kind word:
    `Nearshoring at a Crossroads: Power and Water` above `Thursday, May 15, 2025 | 10:00 am`; a recap's
    headline (`Webinar Recap: X`) names the event it recaps."""
    text = doc.text
    if ("ecap" in text[:3000] or "ighlights" in text[:3000] or "rap-up" in text[:3000] or "rapup" in text[:3000]) \
            and _recap_headline(doc):
        return
    signals = {fold(m.group()).split()[0] for m in _EVENT_SIGNAL.finditer(text)}
    if _SESSION.search(text):
        signals.add("session")  # "Nearshoring in Practice, Session 2"
    if not signals or not (_REGISTRATION.search(text) or len(signals) >= 2):
        return  # an event's own page: how to attend it, or its speakers and moderator
    lines = [(s, e) for s, e in line_spans(text)[:40] if text[s:e].strip()]
    for n, (s, e) in enumerate(lines[:15]):
        line = text[s:e].strip()
        words = line.split()
        if not 3 <= len(words) <= 20 or line.endswith((".", ":")) or _EVENT_DATE.search(line) or "  " in line \
                or "|" in line or not (line[:1].isupper() or re.match(r"\d+(?:st|nd|rd|th|[ºª°]|er|o|a)?\s", line)) \
                or line.isupper() and len(words) < 3:  # (an ordinal may open it: "52nd ANNUAL CONVENTION")
            continue
        if CHROME_LINE.search(line) or looks_like_org(line) or fold(words[0]) in V.ORG_HEADS \
                or len(re.findall(r"[·•|]", line)) >= 2 or re.search(r"\s[›»>/]\s", line):
            continue  # the site's or the publisher's name, a menu or a breadcrumb, not the event's
        dated_below = any(_EVENT_DATE.search(text[a:b]) for a, b in lines[n + 1 : n + 4])
        if sum(1 for w in words if w[:1].isupper()) * 2 < len(words) and (not dated_below or ". " in line):
            continue  # a sentence, not a headline (a sentence-case title has its date right below)
        if not dated_below and not any(_EVENT_DATE.search(text[a:b]) for a, b in lines[max(0, n - 2) : n] + lines[n + 1 : n + 5]):
            continue
        if re.match(r"[A-ZÁÉÍÓÚÑ ]{3,}:\s", line) and n + 1 < len(lines):
            continue  # "WEBINAR SERIES: ROAD TO X" above the event's own title
        if any(s <= sp.start < e for p in doc.found["person"] for sp in p.spans):
            continue  # "Rosendo Garza-Pflueger, STLCBA President": a program's speaker, not its title
        start = s + (len(text[s:e]) - len(text[s:e].lstrip()))
        kind_paren = _KIND_IN_PARENS.search(line)  # "Nearshoring 2026: X & Y (Live Webinar)": the title, then its kind
        name_end = start + (kind_paren.start() if kind_paren else len(line))
        if page_word := _PAGE_WORD_TAIL.search(text, start, name_end):
            name_end = page_word.start()  # "NearShift Americas 2025 — Agenda": the event, not its page
        if any(sp.start < name_end and sp.end > s for ini in doc.found["initiative"] for sp in ini.spans):
            return  # the headline names a group already
        name = text[start:name_end].rstrip()
        kind = (initiative_kind(kind_paren.group(1)) or "forum") if kind_paren else "forum"
        doc.event_page = doc.add("initiative", name, doc.span(start, start + len(name), (s, e)), kind=kind)
        for i, ini in enumerate(doc.found["initiative"]):
            if i != doc.event_page and any(name_end <= sp.start < e for sp in ini.spans):
                doc.merge_initiative(i, doc.event_page)  # ("Live Webinar" in the parentheses is the same event)
        return


# What page of the event a headline's tail names (`X — Agenda`, `X | Programa`, `X: Speakers`).
_PAGE_WORD_TAIL = re.compile(r"\s*(?:[—–|:]|\s-)\s*(?:(?:full|draft|final|day\s+\d)\s+)?(?:agenda|program|programme|schedule|"
                             r"speakers|programa|agenda de trabajo|orden del d[ií]a|ponentes)\s*$", re.I)
_KIND_IN_PARENS = re.compile(r"\s*\(((?:live|virtual|online|free|in-person|hybrid|en l[ií]nea|presencial|gratuito|"
                             r"gratuita)?\s*(?:webinar|webcast|forum|summit|conference|workshop|seminar|roundtable|"
                             r"foro|taller|seminario|conversatorio|cumbre|event|evento))\)\s*$", re.I)


def _group_subruns(run: list[Tok]) -> list[list[Tok]]:
    """Group names inside a capitalised run (see the module's docstring)."""
    out = []
    keys = [t.key for t in run]
    whole = _whole(run)
    if whole:
        out.append(whole)  # "Binational Rail and Water Table", "Alianza Binacional Sonora–Arizona"
    for i, k in enumerate(keys):
        if k in _KIND_FIRST and i > 0 and keys[i - 1] in _OF | {"la", "las", "los", "el"}:
            sub = run[i:]  # "... del Mecanismo Binacional de X"
            if len(sub) >= 2:
                out.append(_trim(sub))
    for i in range(1, len(run)):
        # a kind word inside a run: the name is the capitalised words before it (and its topic after
        # `on`/`for` when the kind takes one), up to a document word, a place or another connector
        if i + 1 < len(run) and run[i + 1].key not in V.NAME_CONNECTORS and not run[i + 1].text[:1].isupper():
            continue
        kind = initiative_kind(" ".join(t.text for t in run[max(0, i - 1) : i + 1]))
        if not kind or (i + 1 == len(run) and not any(t.key in V.NAME_CONNECTORS for t in run)):
            continue
        if i + 1 < len(run) and run[i + 1].key in _VENUE_WORDS:
            continue  # "the Prairie Wind Conference Center": a venue
        if i + 1 < len(run) and run[i + 1].key in ("act", "acts", "amendments"):
            continue  # "the Federal Advisory Committee Act": a law
        if i + 2 < len(run) and run[i + 1].key in V.SITTING_WORDS and run[i + 2].key in _OF:
            continue  # "Third Ministerial Meeting of the X Dialogue": a sitting of X
        start = i
        while start > 0:
            if start > 1 and run[start - 1].key in ("and", "&", "y") and run[start].key in _PAIRED_MODIFIERS \
                    and run[start - 2].key in _PAIRED_MODIFIERS:
                start -= 2  # "Trade and Investment Delegation": two modifiers joined by `and` are one name
                continue
            if run[start - 1].key in V.NAME_CONNECTORS or is_title_tok(run[start - 1]) and run[start - 1].key not in _GROUP_TITLE_WORDS \
                    or run[start - 1].key in _DOCUMENT_WORDS and run[start - 1].key not in _GROUP_TITLE_WORDS \
                    or run[start - 1].key in V.HEADLINE_VERBS \
                    or run[start - 1].key in ("up", "out") and start > 1 and run[start - 2].key in V.HEADLINE_VERBS:
                break
            start -= 1
        end = i + 1
        if end < len(run) and run[end].key in ("on", "for", "sobre", "para") and kind in V.KINDS_BEFORE_TOPIC:
            end += 1
            while end < len(run) and run[end].key not in _DOCUMENT_WORDS and not initiative_kind(run[end].text) and not (
                    run[end].key in ("in", "en") and not (run[end].key == "in" and is_place(run[-1].text))):
                end += 1  # (its topic may hold a region: "Roundtable on Nearshoring in Northeast Mexico")
        sub = _trim(strip_leading(run[start:end]))
        if sub and sub[0].start > run[start].start and run[start].key in _GROUP_TITLE_WORDS and len(run[start:end]) - len(sub) == 1:
            sub = [run[start]] + sub  # "Executive Roundtable", "CEO Dialogue": the title word is the group's kind
        if len(sub) >= 2:
            out.append(sub)
    if len(run) >= 3:
        for j in range(len(run) - 2, 0, -1):
            if run[j].key in _OF and run[j - 1].key not in V.INITIATIVE_KINDS and _kind(
                " ".join(t.text for t in run[j + 1 :])
            ):
                sub = strip_leading(run[j + 1 :])  # "Final Report of the Binational Task Force on X"
                if len(sub) >= 2:
                    out.append(sub)
                break
    return out


# Title words that also name a kind of group (`Executive Roundtable`, `CEO Dialogue`, `Ministerial Meeting`).
_GROUP_TITLE_WORDS = frozenset("executive ceo ceos leadership ministerial presidential".split())
# Words that make a kind word before them part of a venue's name (`Conference Center`, `Convention Hall`).
_VENUE_WORDS = frozenset("center centre hall room hotel building centro salon auditorium auditorio ballroom".split())
# Modifiers a group's name joins with `and` (`Trade and Investment Mission`, `Science and Technology Dialogue`).
_PAIRED_MODIFIERS = frozenset("trade investment business economic commercial technology science innovation industry "
                              "industrial energy logistics education security commerce development".split())


def _whole(run: list[Tok]) -> list[Tok] | None:
    """The run as one group's name: not a title of one (`Vice Chair of the X Group`), nor two
    names joined by `and` (`X Council and Y Initiative`)."""
    run = strip_leading(run)
    verbs = [k for k, t in enumerate(run) if t.key in V.HEADLINE_VERBS]
    if verbs:
        run = run[verbs[-1] + 1 :]  # "X Alliance Launches Y Initiative": the group is after the verb
        if run and run[0].key in ("up", "out"):
            run = run[1:]  # "Stand Up", "Roll Out": the verb's particle
    if not run or is_title_tok(run[0]) or run[0].key in V.TITLE_MODIFIERS:
        return None
    if run[0].key in _KIND_FIRST:  # "COMITIVA LAGUNERA GIRA DE TRABAJO POR TEXAS": the trip is the verb's object
        cut = next((k for k in range(2, len(run)) if run[k].key in _TRIP_WORDS
                    and run[k - 1].key not in _OF | V.NAME_CONNECTORS), None)
        run = run[:cut] if cut else run
    for j in range(1, len(run) - 1):
        if run[j].key in _OF and _kind(" ".join(t.text for t in run[j + 1 :])):
            return None  # "Final Report of the X Task Force": the group is after `of`
    for k in range(1, len(run) - 1):
        if run[k].key in ("and", "y", "&") and (run[k - 1].key in V.AMBIGUOUS_GROUP_KINDS or (
                run[k - 1].key in KIND_WORDS and initiative_kind(" ".join(t.text for t in run[:k])))):
            return None  # "X Council and Y Initiative" (not "Mesa de Trabajo de Logística y Aduanas")
    return run if len(run) >= 2 else None


# Spanish nouns of a trip or a visit, the object of a headline's verb after a group's name.
_TRIP_WORDS = frozenset("gira visita viaje recorrido jornada".split())


def _kind(name: str) -> str | None:
    return initiative_kind(name) or binational_group_kind(name)


def _trim(run: list[Tok]) -> list[Tok]:
    """A group's run without connectors at its end, nor the person named right after it (`integrantes del
    Comité de Comercio Exterior Jacinto Olvera, de X`)."""
    run = split_trailing_person(run)[0]
    while run and (run[-1].key in V.NAME_CONNECTORS):
        run = run[:-1]
    return run


_GENERIC_MODIFIERS = frozenset("new nuevo nueva nuevos nuevas the our this este esta first primer primera joint "
                               "new-look proposed propuesto propuesta binational binacional bilateral trilateral annual "
                               "anual regional".split())


def _add_group(doc: Doc, run: list[Tok], sent: tuple[int, int]) -> None:
    text = doc.text
    cut = next((k for k in range(1, len(run) - 1) if run[k].key in ("on", "el", "en", "this", "next", "last")
                and run[k + 1].key.strip(".") in V.WEEKDAYS | V.MONTHS), None)
    if cut:
        run = run[:cut]  # "... Trade Council on Monday"
    if (about := DOCUMENT_ABOUT.match(text, run[0].start, run[-1].end)) and len(run) > 2:
        run = [t for t in run if t.start >= about.end()] or run  # "Joint Statement on the X Dialogue": the dialogue
    name = re.sub(r"[\"“”]", "", phrase_of(text, run)).strip(" ,;:")  # '"Nearshoring Now" Breakfast'
    start, end = extend_group_span(text, run[0].start, run[-1].end)
    if fold(name) in V.INITIATIVE_KINDS_FIRST and end > run[-1].end:
        name = " ".join(text[start:end].split())  # "Reunión de Trabajo Bilateral" + "sobre Inversiones"
    kind = _kind(name)
    edition = start < run[0].start and re.search(r"(?:19|20)\d\d|\b[IVXL]{1,5}\b", text[start : run[0].start])
    generic = all(w in _GENERIC_MODIFIERS or w in KIND_WORDS for w in fold(name).split())
    if generic and edition and kind:
        name = " ".join(text[start : run[-1].end].split())  # "2025 Annual Meeting", "XVIII Plenary Session": named by edition
    elif not kind or fold(name) in V.INITIATIVE_KINDS or fold(name) in V.INITIATIVE_KINDS_FIRST \
            or doc.lookup("organization", name) is not None or generic:
        return  # (nor "NEW TASK FORCE", "the Joint Working Group": a kind, not a name)
    if doc.lookup("organization", text[start:end]) is not None:
        return  # "X Partnership for Trade" was drawn as an organization
    if run[0].key in V.LINK_VERBS:
        return  # "[Download PDF Program]", "Register for the Forum": a link, not a group's name
    doc.add("initiative", name, doc.span(run[0].start, run[-1].end, sent), kind=kind)


def _staffed(doc: Doc, org: int) -> bool:
    """Someone holds a staff title at the organization, or the text writes one before its acronym's use
    (`ANAF President and CEO Name`)."""
    if any(o == org and title and set(fold(title).split()) & _STAFF for (_, o), title in doc.affiliations.items()):
        return True
    acronym = doc.found["organization"][org].acronym
    return bool(acronym) and any(set(fold(m.group(1)).split()) & _STAFF for m in re.finditer(
        rf"\b{re.escape(acronym)}(?:['’]s)?\s+((?:(?:[A-Z][A-Za-z]+|and|&)\s+){{1,5}})", doc.text))
