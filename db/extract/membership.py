"""Stage: memberships from the document's main group.

A page about one group (its headline or opening lines name a task force, a delegation, a forum ...)
lists, quotes and describes the people who take part in it. After the line and sentence patterns
have run, every person of such a page who has no membership yet becomes a member of that group,
with the role its context states (co-chair, moderator, speaker ...), except the people the group
merely meets or hears from (`met with`, `se reunió con`) and the page's own author.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from db.extract import vocabulary as V
from db.extract.core import LEGAL_FORM_END, Doc, fold, initiative_kind, line_spans, looks_like_org, people_between
from db.extract.groups import CHROME_LINE

# How far into the document the main group must be named: its headline and opening lines.
_LEAD_LINES = 4
_LEAD_CHARS = 700

# A person named after these words is someone the group meets, not one of its members.
_MET = re.compile(
    r"(?:\b(?:met|meets|meeting|meetings|sat down|talks|spoke|visited|reuni[oó]n(?:es)?|se reuni[oó]|se reunieron|"
    r"encuentros?|sostuvo|sostuvieron|dialog[oó])\b(?:\s+[\w’'.-]+){0,4}?\s+(?:with|con)\b"
    r"|\b(?:toured|recorri[oó]|recorrieron)\b(?:\s+[\w’'.-]+){0,6}?\s+(?:with|con)\b"
    r"|\b(?:received|welcomed|greeted|hosted|briefed|recibid[oa]s?|atendid[oa]s?)(?:\s+(?:at|in|en)(?:\s+[\w’'.-]+){1,5}?)?\s+(?:by|por)\b"
    r"|\b(?:visited|toured|visit[oó]|visitaron|recorri[oó]|recorrieron)\b[^.;]*,\s+(?:where|donde)\b"
    r"|\bat\s+the\s+invitation\s+of\b|\ba\s+invitaci[oó]n\s+de\b)[^.;]*$",
    re.I,
)
_AUTHOR = re.compile(r"^\s*(?:by|posted by|written by|author|(?-i:[Pp]or(?=\s*:|\s+[A-ZÁÉÍÓÚÑ]))|autor[a]?|(?:media|press)\s+contacts?|contacts?|"
                     r"contacto(?:\s+de\s+prensa)?|for more information)\b[:\s]", re.I)

# Roles stated next to a name, in English and Spanish.
_ROLES = (
    ("co-chair", re.compile(r"\bco-?chair|\bcopresident[ea]|\bco-?presid", re.I)),
    ("co-lead", re.compile(r"\bco-?lead(?:er)?s?\b", re.I)),  # ("... Greenville, S.C. - co-lead")
    ("chair", re.compile(r"\bchair(?:ed|s|man|woman|person)?\b|\bpresidid[oa]s?\s+por\b|\bpresidi[oó]\b", re.I)),
    ("lead", re.compile(r"\bled\b|\bleads\b|\bleading\b|\b(?:will|to) lead\b|\b(?:mission|delegation|trip|team|group) lead\b|\bhead(?:ed|s)?\b|\bencabez", re.I)),
    ("moderator", re.compile(r"\bmoderat|\bmoder[oó]\b|\bmoderador", re.I)),
    ("speaker", re.compile(r"\bspeak|\bkeynote|\bpanel|\bponente|\bconferencista|\bexpositor", re.I)),
)


def main_group(doc: Doc) -> int | None:
    """The initiative the document is about: the first one its headline or opening lines name,
    else the one group of the kind a headline names without naming it (`Governor to Lead Trade
    Mission to X`, `Concluye misión comercial en Texas`: the document's one delegation)."""
    lead = lead_end(doc.text)
    if doc.event_page is not None and any(sp.start < lead for sp in doc.found["initiative"][doc.event_page].spans):
        return doc.event_page  # an event page: the event its title names
    headline = page_headline(doc.text)
    if any(_BOARD_PAGE.search(doc.text[a:b]) for a, b in line_spans(doc.text) if b <= (headline[1] if headline else lead)):
        return None  # an organization's board page: its seats are affiliations with the organization
        # (titled with its board: a board heading below the headline is a section of the group's page)
    if headline is not None:
        s, e = headline
        inits = doc.found["initiative"]
        named = sorted((min(sp.start for sp in ini.spans if s <= sp.start < e), i) for i, ini in enumerate(inits)
                       if any(s <= sp.start < e for sp in ini.spans))
        words = fold(doc.text[s:e])
        if named:
            plain = "".join(unicodedata.normalize("NFKD", c)[:1].lower() for c in doc.text[s:e])  # offsets kept
            # "Governor Concludes Trade Mission to X, Announces Y Working Group": the group of the kind the
            # headline speaks of first, when its kind comes before the first group it names
            for pattern, kind in _LEAD_KINDS:
                m = re.search(pattern, plain)
                if m and s + m.start() < named[0][0] and fold(inits[named[0][1]].kind or "") != kind:
                    pick = _lead_group_of_kind(doc, kind)
                    if pick is not None:
                        return pick
        if named:
            return named[0][1]
        for pattern, kind in _LEAD_KINDS:
            if re.search(pattern, words):
                pick = _lead_group_of_kind(doc, kind)
                if pick is not None:
                    return pick  # "Concluye misión comercial en Texas": the document's one mission
                break
    best, best_key = None, None
    for i, ini in enumerate(doc.found["initiative"]):
        starts = [sp.start for sp in ini.spans]
        if not starts or min(starts) >= lead or ini.kind == "panel" or i in doc.committees:
            continue  # (a panel is a part of an event, a committee of an association, never what the page is about)
        if _proposed(doc, i):
            continue  # "Acuerdan instalar un grupo de trabajo": a group to come, not the one the page reports
        key = (min(starts), -len(starts))
        if best_key is None or key < best_key:
            best, best_key = i, key
    if best is not None:
        return best
    head = fold(doc.text[:lead])
    for i, ini in enumerate(doc.found["initiative"]):
        if len(fold(ini.name).split()) >= 3 and fold(ini.name) in head and ini.kind != "panel" and not _proposed(doc, i):
            return i  # named in capitals or across a line break at the top: `GRUPO TÉCNICO DE ...`
    for words, kind in _LEAD_KINDS:
        if re.search(words, head):
            pick = _lead_group_of_kind(doc, kind)
            if pick is not None and not _proposed(doc, pick):
                return pick
    if headline is not None:  # "La Comisión X realizó la mesa de análisis “Y”, en la que ...": the event the page reports
        for held in _HELD.finditer(doc.text, headline[1], headline[1] + 1200):
            events = [i for i, ini in enumerate(doc.found["initiative"]) if ini.kind in _EVENT_KINDS | {"panel"}
                      and any(held.end() <= sp.start <= held.end() + 40 for sp in ini.spans)]
            if len(events) == 1:
                return events[0]
    return None


def _proposed(doc: Doc, i: int) -> bool:
    """Initiative `i` is described, not named, and only agreed or proposed where it is mentioned (`acuerdan instalar un grupo de
    trabajo ...`)."""
    ini = doc.found["initiative"][i]
    return _unnamed(ini.name) and any(
        _PROPOSED.search(doc.text, max(0, sp.start - 80), sp.start) for sp in ini.spans)


# Words before a group that is only agreed or proposed (`acuerdan instalar un`, `agreed to form a`).
_PROPOSED = re.compile(r"\b(?:instalar|crear|conformar|formar|establecer|create|form|establish|set up|launch)\s+"
                       r"(?:un|una|el|la|a|an|the)\s+(?:new\s+|nuevo\s+|nueva\s+)?$", re.I)


# The verb of a body holding an event (`realizó la mesa de análisis “X”`, `hosted the roundtable "X"`).
_HELD = re.compile(r"\b(?:realiz(?:[oó]|aron)|llev(?:[oó]|aron) a cabo|organiz(?:[oó]|aron)|celebr(?:[oó]|aron)|sostuv(?:o|ieron)|"
                   r"hosted|held|convened|organized)\s+(?:el|la|un|una|the|a|an)?\s*",
                   re.I)


def _lead_group_of_kind(doc: Doc, kind: str) -> int | None:
    """The group of `kind` that the top of the page speaks of without naming it: the document's best of that
    kind (`best_of_kind`), unless it is one of an association's several committees (`2025 Committee Chairs`)."""
    pick = best_of_kind(doc, kind)
    return None if pick in doc.committees and len(doc.committees) > 1 else pick


# The headline of an organization's board page (`CONSEJO DIRECTIVO 2025–2027`, `Board of Directors`).
_BOARD_PAGE = re.compile(r"^\s*(?:(?:our|nuestro|el)\s+)?(?:board of (?:directors|trustees|governors)|(?:new\s+)?board|"
                         r"consejo directivo|consejo de administraci[oó]n|junta directiva|mesa directiva|comit[eé] directivo|"
                         r"comit[eé] ejecutivo|executive committee|officers(?: and directors)?)\b[\s\d–-]*$", re.I)


def best_of_kind(doc: Doc, kind: str) -> int | None:
    """The document's group of `kind`: a named one before an unnamed one, the most mentioned first."""
    inits = doc.found["initiative"]
    of_kind = [i for i, ini in enumerate(inits) if ini.kind == kind and ini.spans]
    named = [i for i in of_kind if inits[i].name[:1].isupper() or inits[i].name[:1].isdigit()]
    pick = named or of_kind
    if not pick:
        return None
    return max(pick, key=lambda i: (len(inits[i].spans), -inits[i].spans[0].start))


_DATE_LINE = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|ene|abr|ago|dic)[a-z]*\.?\s+(?:\d|de\b)|"
                        r"\b\d{1,2}\s+de\s+[a-z]+|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.I)


@functools.lru_cache(maxsize=4)  # asked for by several stages of one document
def page_headline(text: str) -> tuple[int, int] | None:
    """The span of the document's headline (see `_headline`), within its opening lines."""
    return _headline(text, lead_end(text))


def _headline(text: str, lead: int) -> tuple[int, int] | None:
    """The span of the document's headline: its first line of three words or more that is no menu,
    breadcrumb or date."""
    spans = [(a, b) for a, b in line_spans(text) if text[a:b].strip()]
    for n, (start, end) in enumerate(spans):
        if start >= lead:
            return None
        line = text[start:end]
        if (mail := _MAIL_HEADER.match(line)) and mail.group("subject") is None:
            continue  # "De: Comunicación X <a@b.mx>", "Sent: Tuesday": the e-mail's envelope
        if mail:  # "Asunto: INVITACIÓN | Taller "X" - 23 de octubre": the e-mail's subject is its headline
            return start + mail.end(), end
        if len(line.split()) < 4 or _MENU.match(line) or re.search(r"\s[/>»›|]\s", line) or _RECORD_LINE.match(line):
            continue  # a site's name, a menu or a breadcrumb, a record's bracketed header
        if n + 1 < len(spans) and _MENU.match(text[spans[n + 1][0] : spans[n + 1][1]]) and len(line.split()) <= 6 \
                and line.isupper() \
                and not any(fold(w) in V.HEADLINE_VERBS for w in line.split()):
            continue  # "HALLORANN VESEY & QUINTERO" above the site's menu: the publisher's name
        if CHROME_LINE.search(line):
            continue  # `Skip to main content`, a cookie banner
        if _DATE_LINE.search(line) and (len(line.split()) <= 8 or len(line.split()) <= 12 and re.search(r"\b(?:19|20)\d\d\.?\s*$", line)):
            continue  # (also "Mexicali, Baja California, a 26 de mayo de 2025": a dateline)
        if _masthead_name(line):
            continue  # "Arizona Office of International Commerce": the publisher's name atop its page
        return start, end
    return None


_MAIL_HEADER = re.compile(r"\s*(?:(?P<subject>Asunto|Subject|Re|RE|Fwd|FW|Rv|RV)|De|From|Para|To|Cc|CC|Fecha|Date|"
                          r"Enviado|Sent|Enviado el)\s*:\s*")


def _masthead_name(line: str) -> bool:
    """An organization's name alone on a line (a site's masthead): a few capitalised words with an
    organization's head word and no verb."""
    words = line.split()
    return len(words) <= 7 and looks_like_org(line) and all(w[:1].isupper() or fold(w) in V.NAME_CONNECTORS for w in words) \
        and not any(fold(w) in V.HEADLINE_VERBS or fold(w) in V.NOT_NAME_VERBS for w in words) and not initiative_kind(line)


# Kind words a headline uses for the group it is about without naming it (folded text).
_LEAD_KINDS = (
    (r"\b(?:trade|business|investment|economic|commercial|congressional)? ?(?:mission|delegation|codel)\b|"
     r"\bmision\b|\bdelegacion\b|\bcomitiva\b|\bgira (?:de trabajo|comercial)", "delegation"),
    (r"\bsummit\b|\bcumbre\b", "summit"),
    (r"\bforum\b|\bforo\b|\bconference\b|\bencuentro\b|\bbreakfast\b|\bluncheon\b|\bwebinar\b|\bseminar(?:io)?\b|"
     r"\bsymposium\b|\bsimposio\b|\bconvention\b|\bconvencion\b", "forum"),  # (not "congreso": a legislature too)
    (r"\bworking group\b|\bgrupo de trabajo\b|\bmesa de trabajo\b", "working group"),
    (r"\btask ?force\b", "task force"),
    (r"\bdialogue\b|\bdialogo\b", "dialogue"),
    (r"\bconsortium\b|\bconsorcio\b", "consortium"),
    (r"\bresearch network\b", "network"),
    (r"\bcouncil\b|\bconsejo\b", "council"),
    (r"\bcommittee\b|\bcomite\b", "committee"),
    (r"\bmesa redonda\b|\broundtable\b|\bround table\b", "roundtable"),
)


# A line of a record's furniture: a bracketed header (`[Federal Register Volume 90 (Monday, June 23, 2025)]`,
# `[Notices]`) or a rule (`-----`, `=====`).
_RECORD_LINE = re.compile(r"^\s*(?:\[[^\]\n]*\]|[^\w\s]{3,})\s*$")


# A site's menu or breadcrumb: items apart by wide spaces, bars or slashes (`Home   About   News`,
# `Inicio / Sala de prensa / Boletines`).
_MENU = re.compile(r"^\s*\S+(?:[^\S\n]\S+){0,3}(?:(?:[^\S\n]{3,}|\s+[|/>»·]\s+)\S+(?:[^\S\n]\S+){0,3}){2,}\s*$")


@functools.lru_cache(maxsize=4)  # the main group is asked for by several stages of one document
def lead_end(text: str) -> int:
    """Offset where the headline and opening lines end (lines of a few words only, like a site's
    menu or its breadcrumb, do not count)."""
    seen, first = 0, None
    for start, end in line_spans(text):
        if _MENU.match(text[start:end]) and not re.search(r"[a-záéíóúñ]{3}[.!?]", text[start:end]) \
                or _RECORD_LINE.match(text[start:end]) \
                or CHROME_LINE.search(text[start:end].strip()) or first is None and _masthead_name(text[start:end].strip()):
            continue  # (nor the publisher's name atop the page: `GOBIERNO DEL ESTADO DE X`, `Secretaría de Y`)
        if len(text[start:end].strip()) >= 25:
            first = start if first is None else first
            seen += 1
            if seen >= _LEAD_LINES or end - first >= _LEAD_CHARS:
                return min(end, first + _LEAD_CHARS)
    return len(text)


_EVENT_KINDS = frozenset({"forum", "summit", "dialogue", "roundtable", "meeting"})
_GENERIC_DELEGATION_WORDS = frozenset("delegation mission trade business official investment economic commercial the "
                                      "bipartisan congressional legislative codel state governor's "
                                      "delegacion mision comitiva empresarial comercial oficial de la el gira".split())


def merge_unnamed_delegations(doc: Doc) -> None:
    """`la comitiva oficial`, `the delegation`, `la misión comercial` in a document that names one
    delegation (`la misión comercial Sonora Avanza 2026`) are that delegation."""
    inits = doc.found["initiative"]
    kinds = [i for i, ini in enumerate(inits) if ini.kind == "delegation" and ini.spans]
    named = [i for i in kinds if inits[i].name[:1].isupper() or inits[i].name[:1].isdigit()]
    if len(named) != 1:
        return
    for i in kinds:
        name = inits[i].name
        words = [w for w in fold(name).split() if not re.fullmatch(
            r"\d+|day|days|member|person|strong|one|two|three|four|five|six|seven|eight|nine|ten|dos|tres|cuatro|cinco", w)]
        generic = len(name.split()) <= 3 and (
            not re.search(r"[A-ZÁÉÍÓÚÑ0-9]|\b(?:to|from|of|a|de|del|desde)\b", name)
            or all(w in _GENERIC_DELEGATION_WORDS for w in fold(name).split())) or (  # "COMITIVA EMPRESARIAL"
            words and all(w in _GENERIC_DELEGATION_WORDS for w in words))  # "a four-day bipartisan congressional delegation"
        if i != named[0] and generic and not re.search(r"\b(?:invers[ao]|reverse|next|pr[oó]xim[ao]|future|futur[ao]|host|"
                                                       r"anfitriona|return|de regreso)\b",
                                                                           inits[i].name, re.I):
            doc.merge_initiative(i, named[0])


def merge_headline_group(doc: Doc) -> None:
    """`Arizona and Sonora Stand Up Binational Working Group on X` over `... launched the Arizona-Sonora
    Advanced Manufacturing Working Group`: a group the headline describes and the text never names again is the
    one group of its kind that the text names in running prose."""
    text = doc.text
    headline = page_headline(text)
    if headline is None or headline[1] - headline[0] > 180 or re.search(r"[a-z]{2}\.\s", text[headline[0] : headline[1]]) \
            or re.match(r"\s*(?:\d{1,2}[.)]|[IVX]{1,4}\.)\s", text[headline[0] : headline[1]]):
        return  # (the page's first line is a paragraph or a numbered section's heading, not a headline)
    inits = doc.found["initiative"]
    for i, ini in enumerate(inits):
        if not ini.spans or any(sp.start >= headline[1] for sp in ini.spans) or i == doc.event_page:
            continue  # (named again below the headline; a breadcrumb above it may repeat it; an event page's own event)
        same = [j for j, other in enumerate(inits) if j != i and other.kind == ini.kind and other.spans
                and any(headline[1] <= sp.start and _in_prose(text, sp.start) for sp in other.spans)]
        if len(same) > 1:  # a named one, not "a planned reverse trade mission"
            same = [j for j in same if inits[j].name[:1].isupper() or inits[j].name[:1].isdigit()]
        if len(same) == 1 and _unnamed(inits[same[0]].name) and not _unnamed(ini.name):
            doc.merge_initiative(same[0], i)  # "a five-day business mission" is the headline's named one
        elif len(same) == 1:
            doc.merge_initiative(i, same[0])


def _unnamed(name: str) -> bool:
    """A group described rather than named: `five-day business mission`, `grupo de trabajo plural para ... del T-MEC`."""
    return name[:1].islower()


def _in_prose(text: str, pos: int) -> bool:
    """`pos` stands in a line of running text (five lower-case words or more), not a heading."""
    start, end = text.rfind("\n", 0, pos) + 1, text.find("\n", pos)
    return len(re.findall(r"(?<![\w’'])[a-záéíóúñ]{2,}\b", text[start : end if end >= 0 else len(text)])) >= 5


def join_main_group(doc: Doc) -> None:
    """Make the people of a page about one group its members (see the module's docstring)."""
    group, after = main_group(doc), 0
    if group is None:
        group, after = appointment_group(doc)
        if group is None:
            return
    inits = doc.found["initiative"]
    # a panel of the event, a committee listed under its own heading on the page of a consortium, is
    # part of it: its people take part in the main group too (a group only named in prose is not)
    headline = page_headline(doc.text)
    titled = headline is not None and fold(inits[group].name) == fold(doc.text[headline[0] : headline[1]])
    # peers under headings stay apart, unless the page is titled with the group (its sections are its parts)
    parts = set(doc.section_groups) - {group} if titled or group not in doc.section_groups else set()
    parts |= {i for i, ini in enumerate(inits) if ini.kind == "panel"}
    if inits[group].kind in _EVENT_KINDS:  # a delegation travels to the event: its people take part in it
        parts |= {i for i, ini in enumerate(inits) if ini.kind == "delegation" and i != group}
    members = {p for p, i in doc.memberships if i == group or i not in parts}
    spokespeople = _spokespeople(doc, group)
    end = _BODY_END.search(doc.text)
    body_end = end.start() if end else len(doc.text)
    others = [sp for i, ini in enumerate(inits) if doc.initiative_root(i) != doc.initiative_root(group)
              and fold(ini.name) not in fold(inits[group].name) and fold(inits[group].name) not in fold(ini.name)
              for sp in ini.spans]  # where other groups are named: a role said there is no role in this one
    for pidx, person in enumerate(doc.found["person"]):
        if pidx in members or not person.spans or min(sp.start for sp in person.spans) > body_end \
                or min(sp.start for sp in person.spans) < after:
            continue  # (named only in the teasers and links after the release's end mark, or above the appointment)
        if mentioned_only_as_met(doc, person) or all(
                _NOT_MEMBERS.search(doc.text, sp.end, _sentence_end(doc.text, sp.end)) for sp in person.spans):
            continue  # (nor `A of X and B of Y, who are not members of the Task Force`)
        contexts = [_context(doc.text, sp.start, sp.sentence) for sp in person.spans
                    if not _after_other(sp, others, inits[group].spans)]  # (not "X Working Group, co-chaired by A")
        if pidx in spokespeople:
            continue
        doc.member(pidx, group, _role(contexts, _ROLE_OF_ORG))
        doc.joined.add((pidx, group))


# A body's members being appointed (`appointing and reappointing members to the X`, `appointed the following
# individuals to serve on the X`, `nombró a los integrantes del X`).
_APPOINTED = re.compile(r"\b(?:appoint(?:s|ed|ing)?|reappoint(?:s|ed|ing)?|nombr(?:a|[oó]|ar)|design(?:a|[oó]|ar))\b"
                        r"[^.;\n]{0,60}?\b(?:members?|individuals|persons|integrantes|miembros|consejeros|vocales)\s+"
                        r"(?:to(?:\s+serve)?\s+(?:on|to)?|del?|of)\s*(?:the\s+|la\s+|el\s+)?", re.I)


def appointment_group(doc: Doc) -> tuple[int | None, int]:
    """On a page about no one group (a council's agenda, a gazette), the group whose members an item appoints,
    and where that item begins: the people named from there on are its members."""
    text = doc.text
    if "ppoint" not in text and "ombr" not in text and "esign" not in text:
        return None, 0
    for m in _APPOINTED.finditer(text):
        hits = [i for i, ini in enumerate(doc.found["initiative"]) for sp in ini.spans if m.end() <= sp.start <= m.end() + 2]
        if hits:
            line = text.rfind("\n", 0, m.start()) + 1
            return doc.initiative_root(hits[0]), line
    return None, 0


def _after_other(sp, others: list, own: list) -> bool:
    """The group named last before `sp` in its sentence is another one than the page's (`own`)."""
    before = [(o.start, o in others) for o in others + own if o.sentence == sp.sentence and o.start < sp.start]
    return bool(before) and max(before)[1]


# The delegation of the other side of a visit (`the host delegation`, `la delegación anfitriona`).
_COUNTERPART = re.compile(r"\b(?:host|hosting|receiving|anfitriona|receptora)\b", re.I)


def settle_main_group(doc: Doc) -> None:
    """After the sentences are read: someone joined to the page's group only for being on its page, whom a
    sentence places in the other side's group of the same kind (`the host delegation comprised A` on a page
    about the visiting delegation), belongs to that other group only."""
    inits = doc.found["initiative"]
    for pidx, group in list(doc.joined):
        if any(p == pidx and i != group and (p, i) not in doc.joined and inits[i].kind == inits[group].kind
               and _COUNTERPART.search(inits[i].name) for p, i in list(doc.memberships)):
            del doc.memberships[(pidx, group)]
            doc.joined.discard((pidx, group))


# Said of people right after them: they take no part in the group.
_NOT_MEMBERS = re.compile(r"\b(?:(?:are|is|were|was)\s+not\s+(?:a\s+)?(?:members?|part)\s+of|no\s+(?:son|es|fueron|fue)\s+"
                          r"(?:integrantes|miembros?|parte)\b)", re.I)


# The line that ends a release's body: `###`, `-30-`, `--ooOoo--`, or the heading of the links after it.
_BODY_END = re.compile(r"^[ \t]*(?:#{3,}|-\s?30\s?-|-+o+O+o+-+|(?:Related(?: news| stories| articles| posts)?|"
                       r"Other News\b[^\n]*|More news|Te puede interesar|Lo m[aá]s le[ií]do|Noticias relacionadas|"
                       r"Tambi[eé]n te puede interesar)[ \t]*:?)[ \t]*$", re.M | re.I)


def mentioned_only_as_met(doc: Doc, person) -> bool:
    """Every mention of `person` is someone met or heard (`met with X`), or the page's author or
    press contact (named on the line, or under a `Media contact` heading right above it)."""
    contexts = [_context(doc.text, sp.start, sp.sentence) for sp in person.spans]
    first = min((sp.start for sp in person.spans), default=-1)
    return all(_met(before) or _met(_sentence_before(doc.text, sp.start)) or _AUTHOR.search(before)
               or _CONTACT_HEADING.match(_line_above(doc.text, sp.start)) or _CREDIT.search(doc.text, max(0, sp.start - 30), sp.start)
               or sp.start > first and _SAID.search(sp.sentence)  # (a host met, then quoted: still a host)
               for (before, _), sp in zip(contexts, person.spans))


def _met(before: str) -> bool:
    """`before` (the words ahead of a name) says the name was met or heard, a courtesy's dot aside
    (`received at City Hall by Lic. Name`)."""
    return bool(_MET.search(_COURTESY_DOT.sub(" ", before)))


_COURTESY_DOT = re.compile(r"\b" + V.COURTESY_ABBREVIATIONS + r"\.")


# A photo or page credit right before a name (`(Chamber photo / Ana Ruiz)`, `Foto: Ana Ruiz`).
_CREDIT = re.compile(r"(?:\bphotos?|\bfotos?|\bimage|\bimagen|\bcredit|\bcr[eé]dito|\bcourtesy|\bcortes[ií]a)"
                     r"\s*(?:[:/|]|by|de|of)\s*(?:[^\n/|:]{1,50}[/|]\s*)?$", re.I)  # (`Photo: Port of X / Name`)


def _sentence_before(text: str, pos: int) -> str:
    """The words of `pos`'s sentence before it (at most 240 characters): `sostuvo un encuentro con
    directivos de X, encabezados por su vicepresidente, Name`."""
    line = text.rfind("\n", 0, pos)
    prev = text[text.rfind("\n", 0, max(line, 0)) + 1 : max(line, 0)].rstrip()
    if line > 0 and len(prev) >= 50 and not prev.endswith((".", ":", ";", "!", "?")):
        line = text.rfind("\n", 0, line)  # a hard-wrapped line: its sentence goes on from the line above
    stop = 0
    for m in _STOP.finditer(text, max(0, line + 1, pos - 240), pos):
        word = re.search(r"([\w.]+)\.\s$", m.group())
        if not word or fold(word.group(1)) not in V.COURTESY and fold(word.group(1)) not in V.ABBREVIATIONS \
                and not re.fullmatch(r"[A-Z]", word.group(1)):
            stop = m.end()  # (not the dot of "Lic.", "Mr." or an initial)
    start = max(stop, line + 1, pos - 240)
    return text[start:pos]


_STOP = re.compile(r"\S*[.!?]\s")


_CONTACT_HEADING = re.compile(r"^\s*(?:(?:media|press)\s+(?:contacts?|inquiries|enquiries)|contacts?|contacto(?:\s+de\s+prensa)?|"
                              r"for more information|para más información|about the author|sobre el autor)\s*(?::[^\n.]{0,80})?$",
                              re.I)  # (`Contacto de prensa: Coordinación de Comunicación Social` above the name)


def _line_above(text: str, pos: int) -> str:
    """The nearest non-empty line above the line holding `pos`."""
    end = text.rfind("\n", 0, pos)
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        if text[start:end].strip():
            return text[start:end]
        end = start - 1
    return ""


def _context(text: str, start: int, sentence: str) -> tuple[str, str]:
    """The text of the name's line before it, and the whole line."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line_end = line_end if line_end >= 0 else len(text)
    if line_end - line_start > 200:  # a paragraph: only the words around the name
        line_start, line_end = max(line_start, start - 80), min(line_end, start + 120)
    return text[line_start:start], text[line_start:line_end]


def _role(contexts: list[tuple[str, str]], drop: re.Pattern | None = None) -> str:
    """The role a name's lines state (but what `drop` matches), else `member`."""
    for _, line in contexts:
        line = drop.sub(" ", line) if drop else line
        for role, pattern in _ROLES:
            if pattern.search(line) or pattern.search(fold(line)):
                return role
    return "member"


# A title held at an organization (`Chair of the House Committee on Commerce`, `head of the X Office`): the
# person's office, not the role in the page's group.
_ROLE_OF_ORG = re.compile(r"\b(?:[Cc]o-?)?(?:[Cc]hair(?:man|woman|person)?|[Hh]ead)\s+of\s+(?:the\s+)?[A-Z][\w.&’'-]*"
                          r"(?:\s+(?:of|on|and|for|[A-Z][\w.&’'-]*))*")


_SAID = re.compile(r"\b(?:said|says|added|noted|stated|explained|told|afirm[oó]|señal[oó]|dijo|añadi[oó]|"
                   r"explic[oó]|declar[oó]|coment[oó]|indic[oó]|destac[oó]|subray[oó])\b", re.I)


def _spokespeople(doc: Doc, group: int) -> set[int]:
    """People only quoted (`said X, president of the Org`) for an organization the opening lines
    name as the group's convener or publisher: they speak for it, they are not members."""
    lead = lead_end(doc.text)
    lead_orgs = {o for o, ent in enumerate(doc.found["organization"])
                 if any(sp.start < lead for sp in ent.spans)}
    out = set()
    speaking_for = {p for (p, o) in doc.affiliations if o in lead_orgs}
    for pidx, person in enumerate(doc.found["person"]):
        if pidx not in speaking_for:
            continue
        if all(_SAID.search(sp.sentence) and _role([_context(doc.text, sp.start, sp.sentence)]) == "member"
               for sp in person.spans):
            out.add(pidx)
    return out


# `A and B led a congressional delegation to X`, `A encabezó la misión`: the people before the
# verb lead the group named right after it.
_LED_ACTIVE = re.compile(r"\b(?P<verb>led|co-led|headed|co-headed|chaired|co-chaired|encabez(?:ó|aron)|lider(?:ó|aron)|"
                         r"presidi(?:ó|eron)|copresidi(?:ó|eron)|"
                         r"(?:served|serves|serving|serve|sat|sits|sit|sitting)\s+on|(?:was|were|been)\s+(?:named|appointed)\s+to|(?:is|was|are|were|became|become)\s+(?:also\s+)?(?:a\s+)?members?\s+of|"
                         r"joined|took part in|participated in|particip(?:ó|aron)\s+en|integr(?:ó|aron|a|an)|"
                         r"(?:forma|formó|forman|formaron)\s+parte\s+de(?:l)?)"
                         r"\s+(?:a|an|the|la|el|una|un|this|esta|este)?\s*(?:(?:council|committee|board)['’]s\s+)?", re.I)
# `C and D were also part of the delegation`, `formaron parte de la comitiva`: members of the group referred to.
_PART_OF = re.compile(r"\b(?:(?:were|was|are|is|will be)\s+(?:also\s+)?(?:part|members?)\s+of|joined|"
                      r"(?:formaron|forman|formó|forma)\s+parte\s+de|integraron|integran|se\s+sumaron\s+a)\s+"
                      r"(?:the|this|that|our|its|la|el|esta|este|dicha|dicho|del)?\s*"
                      r"(?P<ref>delegation|delegación|delegacion|mission|misión|mision|comitiva|group|grupo|task force|"
                      r"working group|council|consejo|committee|comité|panel)\b", re.I)
_ACTIVE_ROLE = {"led": "lead", "co-led": "co-lead", "headed": "lead", "co-headed": "co-lead", "chaired": "chair",
                "co-chaired": "co-chair"}


# A group named, then who holds a role in it (`the X Committee, which Ana Ruiz will chair`, `el
# Comité de X, que presidirá la vicepresidenta Ruiz`, `la Mesa X, a cargo de Ruiz`).
_GROUP_THEN_ROLE = re.compile(
    r"[^.;]{0,40}?\b(?P<verb>co-?chaired by|chaired by|co-?led by|led by|headed by|coordinated by|moderated by|"
    r"copresidid[oa]s? por|presidid[oa]s? por|encabezad[oa]s? por|coordinad[oa]s? por|moderad[oa]s? por|"
    r"integrad[oa]s? por|conformad[oa]s? por|compuest[oa]s? por|composed of|made up of|comprised of|"
    r"(?:comprised|comprises|consisted of|consists of|included|includes|will include|incluy[oó]|incluye|along with|"
    r"estuvo (?:integrad[oa]|conformad[oa]) por)(?= [A-Z\u00c0-\u00de])|"
    r"(?:is|are|was|were|will be) (?:co-?chaired|chaired|led|headed) (?:this year |again )?by|"
    r"que (?:co)?(?:presidir[áa]n?|encabezar[áa]n?|coordinar[áa]n?|presiden?|encabezan?|coordinan?)|cuy[oa] (?:coordinador|coordinadora|"
    r"presidente|presidenta) (?:ser[áa]|es)|(?:seguir[áa]|estar[áa]|queda(?:r[áa])?) a cargo de|a cargo de|"
    # "La Comisión de X tendrá como coordinadores a A y a B"
    r"(?:tendr[áa]n?|tiene|tienen|tuvo) como (?:coordinador(?:es|a|as)?|president[ea]s?|copresident[ea]s?|titular(?:es)?) a)\b", re.I)
# A relative clause between a group and what is said of it (`, which arrived Sunday for a visit,`).
_RELATIVE_CLAUSE = re.compile(r",\s+(?:which|that|que|la cual|el cual)\s[^.;,\n]{3,100},\s*")
# The rest of a group's people after its leader (`was led by A and included B; C; and D`).
_AND_INCLUDED = re.compile(r"\b(?:and|y|e)\s+(?:also\s+)?(?:included|includes|will include|comprised|incluy[oó]|incluye|"
                           r"incluir[áa]|(?:was|were|fue|estuvo)\s+(?:joined|integrad[oa]|acompañad[oa]s?)\s+(?:by|por))\s", re.I)
# People named after the words that open a list of a group's members (`Among its members are A; B`,
# `Integraron la delegación A, B y C`, `Participants will include A and B`).
_MEMBERS_FOLLOW = re.compile(
    r"\b(?:among (?:its|the delegation's|the group's|the mission's) members (?:are|were|will be)|"
    r"(?:participants|members|attendees|delegates) (?:will include|included|include|are|were)|"
    r"(?:integraron|integran|conformaron|conforman|acompañaron|acompañan)(?: al [^,]{3,40}?)?(?: en)? (?:la|el|a la|al) "
    r"(?P<ref>delegaci[oó]n|comitiva|misi[oó]n|grupo|comit[eé]|consejo|mesa)|"
    r"(?:formaron|forman) parte de (?:la|el) (?P<ref2>delegaci[oó]n|comitiva|misi[oó]n|grupo|comit[eé]|consejo|mesa)|"
    r"(?:formaron|forman|form[oó]|forma) parte de (?:ella|[ée]l|este|esta|dicho|dicha)|"
    r"(?:its|their) members (?:are|include|included|were)|among its members,?\s+(?:most recently|including|such as)?|"
    r"(?:serving|sitting) (?:with|alongside) (?:them|him|her) (?:are|were|will be)|"
    r"(?:lo|la) (?:integran|integraron|conforman|conformaron)(?: adem[aá]s| tambi[eé]n)?|"
    r"on the (?P<ref3>panel|delegation|mission|task force|committee|council)\s+(?:were|are|was|is|will be|sat)|"
    r"(?:named|appointed|elected)\s+to\s+the\s+(?P<ref4>board|council|committee|task force|panel)\b[^.;:]{0,40}?"
    r"\b(?:were|are|was|is|include[sd]?)|"
    r"(?:panelists|panelistas) (?:were|are|included|include|will include|will be|fueron|son|ser[áa]n)|"
    r"(?:taking part|participating|participants|speaking|speakers) (?:in|at) the (?P<ref5>roundtable|forum|summit|dialogue|"
    r"panel|meeting|session|delegation|mission|working group|task force)\s+(?:were|are|will be|included|include)|"
    r"(?:participaron|participan|participar[áa]n) en (?:la|el) (?P<ref6>mesa|foro|cumbre|di[aá]logo|reuni[oó]n|sesi[oó]n|"
    r"delegaci[oó]n|misi[oó]n|comitiva|grupo de trabajo)(?: [a-záéíóúñ]+)?)", re.I)


# `Name (MC), quien preside el Grupo X`, `Name, who co-chairs the X Caucus`: the nearest person
# before the relative clause holds the role in the group named right after the verb.
_WHO_LEADS = re.compile(r"\b(?:quien|who|que)\s+(?:also\s+|tambi[eé]n\s+)?(?P<verb>co-?chairs|chairs|co-?leads|leads|heads|"
                        r"coordinates|copreside|preside|encabeza|coordina|lidera|co-?chaired|chaired|co-?led|led|headed|"
                        r"encabez[oó]|presidi[oó]|copresidi[oó]|coordin[oó]|lider[oó])\s+(?:el|la|los|las|the|this|esta|este)?\s*"
                        r"(?:[A-Z][\w&.\-]*['’]s\s+)?", re.I)  # ("who also chairs SILA's X Committee")
# `A and B volunteered to serve as its first co-conveners`: they hold that role in the group named last.
_SERVE_AS_ITS = re.compile(r"\b(?:volunteered|agreed|offered|were named|was named|were appointed|was appointed|will)\s+(?:to\s+)?"
                           r"serve\s+as\s+(?:its|the\s+group's|the\s+council's|the\s+committee's)\s+(?:first\s+|new\s+|founding\s+)?"
                           r"(?P<role>[a-z][a-z\-]*(?:\s+[a-z][a-z\-]*)?)\b", re.I)
# What `who led the delegation` refers to when no group's name follows the verb.
_REF_AFTER = re.compile(r"(?P<ref>delegation|mission|delegaci[oó]n|misi[oó]n|comitiva|working group|task force|"
                        r"roundtable|forum|panel|dialogue|summit|committee|council)\b", re.I)


# `Reps. A (R-Texas) and B (D-Calif.), co-chairs of the House X Caucus`: everyone of the run before it.
_PLURAL_ROLE = re.compile(r",\s*(?:the\s+|los\s+|las\s+)?(?P<role>co-?chairs|chairs|co-?leads|leaders|members|"
                          r"copresident[ae]s|presidentes|coordinador[ae]s|integrantes|miembros)\s+(?:of|de|del)\s+"
                          r"(?:the|la|el|this|esta|este)?\s*", re.I)


# `A delivered the opening remarks at the X Roundtable`: A spoke at the group named right after.
_REMARKS_AT = re.compile(r"\b(?:remarks|keynote(?: address)?|address|presentation|spoke|speaks|presented|ponencia|"
                         r"particip[oó]|intervino|habl[oó])\s+(?:[\w’'-]+\s+){0,3}?(?:at|in|during|en|durante)\s+"
                         r"(?:the|el|la|this|esta|este)\s*", re.I)
# `The roundtable was moderated by A, and featured presentations by B and C`: the group a kind word
# refers back to (the document's last group of that kind) and the people after the verb.
_THE_GROUP_DID = re.compile(
    r"\b(?:[Tt]he|[Tt]his|[Ee]l|[Ll]a|[Ee]ste|[Ee]sta)\s+(?P<ref>roundtable|forum|summit|panel|dialogue|conference|delegation|"
    r"mission|working group|task force|council|committee|board|foro|cumbre|panel|mesa|delegaci[oó]n|misi[oó]n|comitiva|grupo|"
    r"comit[eé]|consejo|program|programme|programa|initiative|iniciativa)\s*(?:,[^,.;\n]{3,160},\s*)?(?:[\w’'-]+\s+){0,3}?(?P<verb>(?:was|were|will be|is|are|fue|ser[áa]|es)\s+(?:co-?)?(?:moderated|chaired|"
    r"led|headed|hosted|attended|joined|coordinated|moderad[oa]|presidid[oa]|encabezad[oa]|coordinad[oa])"
    r"(?:\s+(?:for|during|in|through|until|durante|en|hasta)(?:\s+[\w’'-]+){1,4}?)?\s+(?:by|por)|"
    r"(?:featured|included|includes|will include|brought together|convened|gathered|(?<!se )reuni[oó]|cont[oó] con)"
    r"(?:\s+(?:presentations|remarks|talks|speakers|panelists|ponencias|la participaci[oó]n de)\s+(?:by|from|of|de))?)", re.I)
# What joins two co-chairs after their verb: `A y por B`, `A and B` (past A's title, before a comma).
_AND_BY = re.compile(r"[^,;.]{0,3}(?:,\s*)?\s(?:and|y)\s+(?:(?:by|por)\s+)?(?:(?:the|el|la)\s+)?(?:" + V.COURTESY_ABBREVIATIONS
                     + r"\.?\s+)?$")
_REF_KINDS = {"roundtable": "roundtable", "forum": "forum", "summit": "summit", "panel": "panel", "dialogue": "dialogue",
              "conference": "forum", "delegation": "delegation", "mission": "delegation", "working group": "working group",
              "board": "advisory board",
              "task force": "task force", "council": "council", "committee": "committee", "foro": "forum",
              "cumbre": "summit", "mesa": "roundtable", "delegacion": "delegation", "mision": "delegation",
              "comitiva": "delegation", "grupo": "working group", "comite": "committee", "consejo": "council",
              "program": "program", "programme": "program", "programa": "program", "initiative": "initiative",
              "iniciativa": "initiative"}


# `A (Morena), quien lo coordinará`, `B, who will chair it`: the nearest person before holds that role
# in the group the sentence is about (the last one named before).
_WHO_IT = re.compile(r"\b(?:quien|who)\s+(?:(?:lo|la)\s+(?P<verb>coordinar[áa]|presidir[áa]|encabezar[áa]|coordina|preside|"
                     r"encabeza)|will\s+(?P<verb2>chair|co-chair|lead|coordinate)\s+it)\b", re.I)


# A sentence with no subject in a paragraph about one person (a profile, a list entry): `Desde enero
# preside el Consejo X.`, `Forma parte también del Y.`, `Co-chairs the Z Task Force.`
_SUBJECTLESS = re.compile(
    r"(?:^|(?<=[a-záéíóúñ)\d]{2}\.)\s|(?<=\n))(?:(?:desde|en|since|in|also|tambi[eé]n|adem[aá]s|actualmente|currently|"
    r"hoy|today)\b[^.,\n]{0,25}?\s)?(?P<verb>copreside|preside|encabeza|coordina|lidera|forma parte(?: también)? de(?:l)?|"
    r"integra|co-?chairs|chairs|leads|serves on|sits on|is a member of)\b", re.I | re.M)


# `A y B, quienes fungirán como copresidentes del Consejo X`, `who will serve as co-chairs of the X`.
_AS_ROLE_OF = re.compile(r"\b(?:quienes|quien|who|que)\s+(?:fungir[áa]n?|fungen|funge|ser[áa]n?|will\s+serve|serve|serves|"
                         r"act|acts|actuar[áa]n?)\s+(?:como|as)\s+(?P<role>copresident[ea]s?|co-?chairs?|president[ea]s?|"
                         r"chairs?|coordinador[ae]s?|co-?coordinator(?:s)?|coordinators?|members?|miembros?|integrantes?|"
                         r"vocales?)\s+(?:del|de\s+la|de|of\s+the|of)\s+", re.I)


# `Name (R-Texas), a member of the X Committee and co-chair of the bipartisan Y Caucus`: the person
# before the apposition holds the role in the group named right after it.
_ROLE_OF_GROUP = re.compile(r"(?P<lead>,|\band|\by|\b(?:is|was|will be|serves as|es|fue)|(?:^|(?<=[a-z]{2}\.)|(?<=\n))\s*)\s*"
                            r"(?:also\s+|tambi[eé]n\s+)?(?:a|an|the|el|la)?\s*(?P<role>co-?chair|chair(?:man|woman)?|vice[- ]chair|"
                            r"member|founding member|co-?founder|co-?lead|leader|presidente|presidenta|coordinador[a]?|"
                            r"copresident[ea])\s+(?:of|del|de\s+la)\s+(?:the\s+)?(?P<adj>(?:bipartisan|binational)\s+)?", re.I)
def _pronoun_subject(text: str, people: list[tuple[int, int]], sentence: int) -> int | None:
    """Who `He`/`She` opening the sentence at `sentence` is: the person named last before it, in the same
    paragraph or card (a bio's subject), at most 700 characters back."""
    para = text.rfind("\n\n", 0, sentence)
    near = people_between(people, max(sentence - 700, para + 1 if para >= 0 else 0), sentence)
    return near[-1][1] if near else None


# `He serves on the X and co-chairs the Y Caucus with Rep. B`: the subject of the sentence before.
_PRONOUN_LEADS = re.compile(r"\b(?P<verb>co-?chairs|chairs|co-?leads|leads|serves on|sits on|copreside|preside|encabeza|coordina)\s+"
                            r"(?:the|el|la|this|esta|este)?\s*")
_PRONOUN = re.compile(r"\s*(?:He|She|Él|Ella)\b")


# `Lo copresiden A, por parte de X, y B`, `Participan además C y D`, `It is co-chaired by E`: the people of
# the group the paragraph is about (the last one named before).
_ALSO_INCLUDE = re.compile(r"\b(?:and|y)\s+(?:will\s+)?(?:also\s+)?(?:include|includes|incluir[áa]|integrar[áa]|tendr[áa])\b", re.I)


def people_named_in(doc: Doc, people: list[tuple[int, int]], start: int, end: int) -> list[int]:
    """The people named in text[start:end]: their recorded mentions, and any item of the list that is a
    surname of one person of the page (`co-chaired by Galindo-Marsh and Quiroga Ledesma`, `Members:
    Park-Valdivia, de la Fuente Olvera (Org)`), honorifics before it and an organization after it dropped."""
    spans = people_between(people, start, end)
    found = [p for _, p in spans]
    pos = start
    for item in re.split(r"(\s*,\s*|\s+(?:and|y|e)\s+)", doc.text[start:end]):
        a, pos = pos, pos + len(item)
        if item.strip() and not any(a <= s < pos for s, _ in spans):
            words = re.sub(r"^(?:(?:[A-Z][a-z]{0,4}\.|Sen|Rep|[a-záéíóúñ]+)\s+)+", "", item.strip())  # (`por las senadoras X`)
            words = re.sub(r"\s*\([^()]*\)\s*$", "", words).strip(" .;")
            pidx = doc.person_by_surname(words) if len(words.split()) <= 4 else None
            if pidx is not None and pidx not in found:
                found.append(pidx)
    return found


_IT_HAS = re.compile(r"(?:^|(?<=[.;]\s))(?:(?:Lo|La|Los|Las)\s+(?P<verb>copresiden|presiden|coordinan|encabezan|integran|lideran)|"
                     r"(?P<verb2>Participan(?:\s+(?:adem[aá]s|tambi[eé]n))?|Tambi[eé]n participan|Completan el grupo|"
                     r"It (?:is|was|will be) (?:co-?chaired|chaired|led|coordinated) by|Its members are)|"
                     r"(?P<verb3>Lo copreside|Lo preside|La copreside|La preside|Lo coordina|La coordina|Lo encabeza|La encabeza))\b",
                     re.M)


# `the X Caucus, which she co-chairs with Sen. B`, `the delegation to Y that Kettleborough led in February`.
_WHICH_SHE = re.compile(r",?\s+(?:which|that|que)\s+(?:(?:he|she|they|él|ella)|(?P<who>[A-ZÁÉÍÓÚÑ][\w’'-]+(?:\s+[A-ZÁÉÍÓÚÑ][\w’'-]+)?))"
                        r"\s+(?:also\s+)?(?P<verb>co-?chairs|chairs|co-?leads|leads|led|co-?led|headed|chaired|co-?chaired|"
                        r"copreside|preside|encabeza|encabez[oó]|presidi[oó]|coordina)\b(?P<with>\s+(?:with|junto con|con)\b)?")
# `She was accompanied by Sens. A and B and by Representatives C (LA) and D (OH)`: the delegation's people.
_ACCOMPANIED = re.compile(r"\b(?:was|were|fue|fueron|will be)\s+(?:accompanied|joined|acompañad[oa]s?)\s+(?:by|por)\b")


# `A and B have agreed to serve as co-chairs;` (of the group just named, which the clause leaves unsaid).
_SERVE_AS = re.compile(r"\b(?:(?:have|has|had)\s+agreed\s+to|agreed\s+to|will|to|aceptaron|aceptó)\s+(?:serve|act|fungir)\s+"
                       r"(?:as|como)\s+(?:its\s+|sus\s+)?(?P<role>co-?chairs?|chairs?|co-?leads?|vice[ -]chairs?|"
                       r"copresident[ea]s?|president[ea]s?|coordinador[ae]s?)\b(?!\s+(?:of|del|de)\b)", re.I)


def _group_after(doc: Doc, pos: int) -> int | None:
    """The initiative named right at `pos`, or a council or committee drawn as an organization there
    (retyped as the convened group its roles show it is)."""
    for idx, ent in enumerate(doc.found["organization"]):
        if idx in doc.dropped_orgs:
            continue
        words = fold(ent.name).split()
        if words and any(sp.start in (pos, pos + 1) for sp in ent.spans) and (
                words[0] in _CHAIRED_HEADS or words[-1] in _CHAIRED_HEADS):
            return doc.retype_org(idx, V.AMBIGUOUS_GROUP_KINDS.get(words[0] if words[0] in _CHAIRED_HEADS else words[-1],
                                                                   "council"))
    return None


def group_acronyms(doc: Doc) -> None:
    """`el Consorcio X (COBX)` then `El COBX será coordinado por ...`: the acronym written after a
    group's name is the group wherever it stands alone."""
    text = doc.text
    for idx, ini in enumerate(doc.found["initiative"]):
        acronym = ini.acronym
        if not acronym:
            for sp in ini.spans:
                m = re.match(r"\s*\(([A-Z][A-Z0-9&\-]{1,11})\)", text[sp.end : sp.end + 16])
                if m:
                    acronym = m.group(1)
                    break
        if not acronym:
            continue
        doc.alias("initiative", idx, acronym)
        org = doc.lookup("organization", acronym)
        if org is not None and org not in doc.dropped_orgs and fold(doc.found["organization"][org].name) == fold(acronym):
            doc.retype_org(org, ini.kind or "initiative")  # the acronym alone was read as an organization
        ini.acronym = ini.acronym or acronym
        known = {sp.start for sp in ini.spans}
        for m in re.finditer(rf"(?<![\w(]){re.escape(acronym)}(?![\w)])", text):
            if m.start() not in known:
                line_start = text.rfind("\n", 0, m.start()) + 1
                line_end = text.find("\n", m.end())
                ini.spans.append(doc.span(m.start(), m.end(), (line_start, len(text) if line_end < 0 else line_end)))


# `the X Consortium, a regional initiative that ...`, `la Alianza X, una iniciativa que ...`: the body that
# the words after it call an initiative, a coalition or a program is a convened group.
_DESCRIBED_AS_GROUP = re.compile(
    r"\s*,\s+(?:a|an|una|un)\s+(?:(?:new|regional|binational|bi-national|cross-border|joint|national|state|"
    r"multi-stakeholder|multistakeholder|voluntary|public-private|industry-led|employer-led|nueva|nuevo|regional|"
    r"binacional|trade|supplier|business|commercial|comercial|empresarial)\s+){0,3}(?P<kind>initiative|coalition|program|programme|iniciativa|coalici[oó]n|programa|delegation|delegaci[oó]n|mission|misi[oó]n|comitiva|working group|task force)\b", re.I)
_FOUNDED_BODIES = frozenset("coalition coalicion alliance alianza network red consortium consorcio".split())
_FOUNDED = re.compile(r"\b(?:establish|launch|form|found|create|convene|constitu|cre|lanz|fund)[a-záéíóú]*\s+"
                      r"(?:(?:the|a|an|la|el|una|un|new|nueva|nuevo)\s+)*$", re.I)
_DESCRIBED_KIND = {"initiative": "initiative", "iniciativa": "initiative", "coalition": "alliance", "coalicion": "alliance",
                   "program": "program", "programme": "program", "programa": "program", "delegation": "delegation",
                   "delegacion": "delegation", "mission": "delegation", "mision": "delegation", "comitiva": "delegation",
                   "working group": "working group", "task force": "task force"}


def _same_group(doc: Doc, ini: int, m: re.Match) -> None:
    """The unnamed group of a description (`X Partnership, a delegation of nine suppliers`) is `ini`."""
    for other, found in enumerate(doc.found["initiative"]):
        if other != ini and any(m.start() <= o.start <= m.end() for o in found.spans):
            doc.merge_initiative(other, ini)


def _retype_described_groups(doc: Doc) -> None:
    """An organization followed by `, a regional initiative` (_DESCRIBED_AS_GROUP) is an initiative."""
    text = doc.text
    if not re.search(r"initiative|coalition|program|iniciativa|coalici|programa|alliance|alianza|network|red\b|consorti|consorcio|"
                     r"delegation|delegaci|mission|misi|comitiva|working group|task force|partnership",
                     text, re.I):
        return
    for org, ent in enumerate(doc.found["organization"]):
        if org in doc.dropped_orgs or _LEGISLATIVE.search(ent.name):
            continue
        last = (fold(ent.name).split() or [""])[-1]
        for sp in ent.spans:
            m = _DESCRIBED_AS_GROUP.match(text, sp.end)
            if m:
                _same_group(doc, doc.retype_org(org, _DESCRIBED_KIND[fold(m.group("kind"))]), m)
                break
            if last in _FOUNDED_BODIES and _FOUNDED.search(text, max(0, sp.start - 60), sp.start):
                doc.retype_org(org, V.AMBIGUOUS_GROUP_KINDS.get(last, "alliance"))
                break  # "we establish the X Coalition", "lanzaron la Alianza X": a body its founders convene
    for ini, ent in enumerate(doc.found["initiative"]):
        for sp in ent.spans:
            if m := _DESCRIBED_AS_GROUP.match(text, sp.end):
                _same_group(doc, ini, m)


def retype_chaired_bodies(doc: Doc) -> None:
    """`The X Host Committee is co-chaired by A and B`, `tomó protesta a los integrantes del Consejo
    X`: a council or committee drawn as an organization but chaired by people named right after it,
    or whose members the text speaks of, is a convened group (a legislature's standing committee
    stays an organization)."""
    text = doc.text
    _retype_headline_kind(doc)
    _retype_described_groups(doc)
    headline = page_headline(text) if _MEMBERS_HEADING.search(text) else None
    top = page_headline(text)
    installed = fold(text[top[0] : top[1]]) if top and _INSTALLS.search(fold(text[top[0] : top[1]])) else ""
    for org, ent in enumerate(doc.found["organization"]):
        words = fold(ent.name).split()
        if org in doc.dropped_orgs or not words or not (words[-1] in _CHAIRED_HEADS | {"subcommittee", "subcomite"}
                                                         or words[0] in _CHAIRED_HEADS):
            continue
        page_of = headline is not None and (any(headline[0] <= sp.start < headline[1] for sp in ent.spans)
                                            or fold(ent.name) == fold(text[headline[0] : headline[1]]))
        page_of = page_of or bool(installed) and len(words) >= 3 and fold(ent.name) in installed  # "INSTALA X LA COMISIÓN DE Y"
        # "X Council — 2025–2026 Leadership and Members" over its table
        roster_of = any(m.group(1).strip().endswith(" ".join(ent.name.split()[-2:])) for m in _ROSTER_HEADING.finditer(text))
        if not _LEGISLATIVE.search(ent.name) and (page_of or roster_of or any(
                _ITS_MEMBERS.search(text, max(0, sp.start - 60), sp.start) for sp in ent.spans)):
            head = words[0] if words[0] in _CHAIRED_HEADS else words[-1]
            doc.retype_org(org, V.AMBIGUOUS_GROUP_KINDS.get(head, "committee"))
            continue
        if _is_members_committee(text, ent.name, words, ent.spans) and not any(
                o != org and _LEGISLATIVE.search(other.name) and fold(ent.name) in fold(other.name)
                for o, other in enumerate(doc.found["organization"])):  # (`Ways and Means Committee` of the House's)
            doc.committees.add(doc.retype_org(org, "committee"))  # "Supplier Development Committee" of an association
            continue
        head_first = words[0] in ("comision", "comite", "consejo", "subcomite") and (len(words) >= 3 and words[1] in ("de", "del")
                                                                                  or len(words) == 2) \
            and not _LEGISLATIVE.search(ent.name) and not any(
                _LEGISLATIVE_CONTEXT.search(text, max(0, sp.start - 240), sp.start) for sp in ent.spans)
        if words[-1] not in _CHAIRED_HEADS | {"subcommittee", "subcomite"} and not head_first:
            continue  # (nor "Comisión de Economía" of a legislature: "la diputada X, presidenta de la ...")
        if words[-1] in ("committee", "subcommittee", "comite", "subcomite") and not _LEGISLATIVE.search(ent.name) and any(
                _CHAIRS_BEFORE.search(text, max(0, sp.start - 50), sp.start) or _GROUPS_PART.search(text, max(0, sp.start - 50), sp.start)
                for sp in ent.spans):
            doc.retype_org(org, "committee")  # "who also chairs SILA's Cross-Border Committee": a committee of people
            continue
        for sp in ent.spans:
            m = _GROUP_THEN_ROLE.match(text, sp.end)
            if m and re.search(r"chair|led|head|presid|encabez|coordin", m.group("verb"), re.I) \
                    and not _OTHER_SUBJECT.search(text, sp.end, m.start("verb")):
                doc.retype_org(org, V.AMBIGUOUS_GROUP_KINDS.get(words[0] if head_first else words[-1], "committee"))
                break


# A headline saying a body is set up or sworn in (folded): `Instala X la Comisión de Y`, `X launches Y Council`.
_INSTALLS = re.compile(r"\b(?:instala|instalan|instalo|crea|crean|creo|conforma|conforman|integra|integran|constituye|"
                      r"constituyen|toma(?:n)? protesta|rinde(?:n)? protesta|launch(?:es|ed)?|form(?:s|ed)|creates?|"
                      r"establish(?:es|ed)?|install(?:s|ed)?|names? (?:new )?members)\b")
_CHAIRED_HEADS = frozenset("committee council commission group comite consejo comision".split())
# Local governments' own bodies: a city council is never a convened group.
_LOCAL_BODY = re.compile(r"\b(?:City|County|Town|Municipal|Village|Ayuntamiento|Cabildo|Municipio|Board of)\b", re.I)


def _retype_headline_kind(doc: Doc) -> None:
    """`X and Y launch binational consortium on Z`: when the headline speaks of a council, consortium or
    alliance and the page names no group of that kind but exactly one organization with that head word, that
    organization is the group (`the Altiplano–Midwest Packaging Consortium (AMPC)`)."""
    text = doc.text
    headline = page_headline(text)
    if headline is None:
        return
    words = fold(text[headline[0] : headline[1]])
    if LEGAL_FORM_END.search(text[headline[0] : headline[1]]):
        return  # "CONSEJO EMPRESARIAL DEL NORESTE, A.C.": the masthead names the publisher, no group
    if _INSTALLS.search(words) and any(len(fold(ent.name).split()) >= 3 and fold(ent.name) in words
                                       for ent in doc.found["organization"]):
        return  # "Instala el Consejo la Comisión de X": the headline names its body in full
    for pattern, kind in _LEAD_KINDS:
        if kind not in set(V.AMBIGUOUS_GROUP_KINDS.values()) or not re.search(pattern, words):
            continue
        if any(ini.kind == kind for ini in doc.found["initiative"]):
            continue
        heads = {w for w, k in V.AMBIGUOUS_GROUP_KINDS.items() if k == kind}
        hits = [o for o, ent in enumerate(doc.found["organization"]) if o not in doc.dropped_orgs and (names := fold(ent.name).split())
                and (names[-1] in heads or names[0] in heads) and len(names) >= 3
                and not _LEGISLATIVE.search(ent.name) and not _LOCAL_BODY.search(ent.name)
                and not any(headline[0] <= sp.start < headline[1] for sp in ent.spans)  # (a masthead's own name)
                and fold(ent.name) not in words]
        if len(hits) == 1:
            doc.retype_org(hits[0], kind)
# "will sit on the council's Customs Subcommittee": a part of a convened group is one too.
_GROUPS_PART = re.compile(r"\bthe\s+(?:council|committee|board|task\s+force|working\s+group|coalition|alliance|forum)['’]s\s+$|"
                          r"\b(?:named|appointed|elected)\s+to\s+the\s+$", re.I)
_CHAIRS_BEFORE = re.compile(r"\b(?:co-?chairs|chairs|co-?chaired|chaired|leads|heads|"
                            r"preside|presidi[oó]|encabeza|coordina)\s+(?:the\s+|el\s+|la\s+)?(?:[A-Z][\w&.\-]*(?:’s|'s)\s+)?$")
# "Creado con el X Council (XC), el comité es copresidido por": the verb's subject is another body.
_OTHER_SUBJECT = re.compile(r"\b(?:el|la|the|this|este|esta|dicho|dicha)\s+(?:comit[eé]|comisi[oó]n|grupo|consejo|mesa|"
                            r"committee|council|group|task force|board|commission|panel)\b", re.I)
# The words before a body that speak of its members (`las y los integrantes del`, `new members of the`).
_ITS_MEMBERS = re.compile(r"\b(?:integrantes|(?:nuevos|nuevas|los|las)\s+miembros|(?:new|founding|inaugural)\s+members|"
                          r"(?:appoint(?:s|ed)?|seat(?:s|ed)?|swore\s+in|sworn\s+in|install(?:s|ed)?)\s+(?:the\s+)?"
                          r"(?:first\s+|initial\s+)?(?:[\w-]+\s+)?members)"
                          r"\s+(?:del|de\s+la|de|of\s+the|of)\s+$", re.I)
# A heading over a body's members (`Members (2025–2026)`, `Committee Leadership`, `Integrantes`): on the
# page a committee's or council's headline names, the body is the group those people make up.
_THE_KIND = re.compile(r"\b(?:the|this|el|la|este|esta)\s+(council|committee|task force|working group|forum|dialogue|"
                       r"delegation|mission|consejo|comit[eé]|grupo)\b(?!['’]s)", re.I)
_ROSTER_HEADING = re.compile(r"(?m)^[ \t]*([A-ZÁÉÍÓÚÑ][^\n—–:]{3,80}?)[ \t]*[—–:][ \t]*[^\n]{0,20}?\b(?:[Mm]embers|[Mm]embership|"
                             r"[Ll]eadership|[Rr]oster|[Mm]iembros|[Ii]ntegrantes)\b[^\n]{0,80}$")
_MEMBERS_HEADING = re.compile(r"^[ \t]*(?:(?:committee|council|board|task force|comit[eé]|consejo)[ \t]+)?"
                              r"(?:members|membership|leadership|miembros|integrantes)\b[^\n.]{0,30}$", re.M | re.I)
# A legislature's standing committee is an organization (`Comisión de X del Congreso del Estado`).
_LEGISLATIVE = re.compile(r"\b(?:House|Senate|Senado|C[aá]mara|Congres[so]|Legislat|Assembly|Asamblea)", re.I)
# Words around a committee's name that make it a legislature's (`chairs its Commerce Committee` in a bio of a
# state senator, `SB 1142 passed the X Committee`, `Diputada A, who chairs the X Committee of the Congreso`).
_LEGISLATIVE_CONTEXT = re.compile(
    r"\b(?:House|Senate|Senado|C[aá]mara\s+(?:de\s+(?:Diputad|Senador|Representantes)|alta|baja)\w*|Congres[so]|Legislat\w*|Assembly|Asamblea|Senators?|Sen\.|Senador[ae]?s?|"
    r"Rep\.|Reps\.|Representatives?|Congress(?:wo)?man|Diputad[oa]s?|Dip\.|Ranking\s+Member|[SH]B\s?\d+|bill|hearing|"
    r"audiencia|Parlamento|Parliament)\b", re.I)
# A committee convened by the people on it even inside a legislature (`Joint Select Committee on X`).
_CONVENED_COMMITTEE = re.compile(r"\b(?:Joint|Select|Study|Binational|Bi-national|Bilateral|Trilateral|Host|Organizing|"
                                 r"Organising|Steering|Advisory|Binacional|Organizador|Consultivo|Asesor|Mixt[oa])\b", re.I)


def _is_members_committee(text: str, name: str, words: list[str], spans) -> bool:
    """A committee or comité that is not a legislature's (`Supplier Development Committee`, `Comité de
    Energía` of an association, `Host Committee`) is a group of people from several organizations: its
    name is not a legislature's and no mention of it stands among a legislature's words."""
    if not words or not (words[-1] in ("committee", "subcommittee") or words[0] in ("comite", "subcomite")):
        return False
    if len(words) < 2:
        return False
    if _CONVENED_COMMITTEE.search(name):
        return True
    if _LEGISLATIVE.search(name) or _LOCAL_BODY.search(name):
        return False
    for sp in spans:
        para_start = max(text.rfind("\n\n", 0, sp.start), sp.start - 240)
        if _LEGISLATIVE_CONTEXT.search(text, max(0, para_start), sp.start) or \
                _LEGISLATIVE_CONTEXT.search(text[sp.end : sp.end + 60].split("\n")[0]):
            return False
    return True


# `Joining the Governor are A and B`, `Rounding out the official party is C`, `Business leaders
# traveling with the delegation include D; E`, `Acompañan al gobernador A y B`: the delegation's people.
_TRAVELLING_WITH = re.compile(
    r"\b(?:(?:joining|accompanying)\s+(?:the\s+\w+|him|her|them)(?:\s+on\s+the\s+\w+)?\s+(?:are|were|is|was|will\s+be)|"
    r"rounding\s+out\s+the\s+(?:official\s+)?(?:party|delegation|group|mission)\s+(?:are|were|is|was|will\s+be)|"
    r"travel(?:l)?ing\s+with\s+(?:the|him|her|them)(?:\s+(?:delegation|governor|mission|secretary|mayor|group|party))?\s+"
    r"(?:include|includes|included|are|were|was|is|will\s+be)|"
    r"(?:acompañan|acompañaron|acompañará[n]?)\s+al?\s+(?:gobernador|gobernadora|secretari[oa]|alcalde|alcaldesa|"
    r"presidente|presidenta|titular|mandatario|mandataria|dirigente|l[ií]der|edil|embajador|embajadora|senador|senadora|"
    r"diputado|diputada|funcionario|funcionaria)(?:\s+\w+){0,2}?(?:\s+en\s+(?:la|esta)\s+\w+)?)\b", re.I)


def _role_verb(verb: str) -> str:
    v = fold(re.sub(r"^(?:was|were|will be|is|are|fue|ser[áa]|es)\s+", "", verb.strip(), flags=re.I))
    if re.search(r"(?:^|\s)co ?(?:chair|presid|led|lead)", v):
        return "co-chair"  # ("It will be co-chaired by")
    if "coordinador" in v:
        return "coordinator"
    if "chair" in v or "presid" in v or "preside" in v:
        return "chair"
    if "parte" in v or "member" in v or "integra" in v or "serves" in v or "sits" in v:
        return "member"
    if "coordin" in v:
        return "coordinator"
    if "moder" in v:
        return "moderator"
    return "lead"


def read_participation(doc: Doc) -> None:
    """Memberships from active sentences (see `_LED_ACTIVE` and `_PART_OF`), read once every group is known."""
    text = doc.text
    people = sorted((sp.start, pidx) for pidx, p in enumerate(doc.found["person"]) for sp in p.spans)
    groups = sorted((sp.start, sp.end, i) for i, g in enumerate(doc.found["initiative"]) for sp in g.spans)
    if not people:
        return
    low = text.lower()  # each pattern runs only when a word it needs is in the text
    for s, e, ini in groups:
        rel = _RELATIVE_CLAUSE.match(text, e)  # "The X delegation, which arrived Sunday, was led by A"
        m = _GROUP_THEN_ROLE.match(text, e) or (rel and _GROUP_THEN_ROLE.match(text, rel.end()))
        if not m:
            continue
        made_up = re.match(r"(?:integrad|conformad|compuest|composed|made|compris|consist|includ|incluy|estuvo|along)",
                           m.group("verb"), re.I)
        stop = _sentence_end(text, m.end()) if made_up else _clause_end(text, m.end())
        more = None if made_up else _AND_INCLUDED.search(text, m.end(), _sentence_end(text, m.end()))
        for pidx in people_named_in(doc, people, m.end(), min(stop, more.start()) if more else stop):
            doc.member(pidx, ini, "member" if made_up else _role_verb(m.group("verb")))
        if more:  # "was led by A and included B; C; and D"
            for pidx in people_named_in(doc, people, more.end(), _sentence_end(text, more.end())):
                doc.member(pidx, ini, "member")
    for m in (_SUBJECTLESS.finditer(text) if _may(low, ("preside", "encabeza", "coordina", "lidera", "parte de", "integra", "chairs", "leads", "serves on", "sits on", "member of")) else ()):
        ini = next((i for s, _, i in groups if m.end() <= s <= m.end() + 160 and not _SENTENCE_END.search(text, m.end(), s)), None)
        near = people_between(people, m.start() - 700, m.start())
        if ini is None or not near:
            continue
        role = _role_verb(m.group("verb"))
        doc.member(near[-1][1], ini, role)
        group_start = min(sp.start for sp in doc.found["initiative"][ini].spans if sp.start >= m.end())
        for ps, pidx in people_between(people, m.end(), group_start):  # "Copreside, junto con Orrin Castell, la Mesa X"
            doc.member(pidx, ini, role)
    for m in (_AS_ROLE_OF.finditer(text) if _may(low, ("fungir", "ser", "serve", "act")) else ()):
        org = _group_after(doc, m.end())
        ini = next((i for s, _, i in groups if m.end() <= s <= m.end() + 3), None) if org is None else org
        if ini is None:
            continue
        stop = m.start()
        for ps, pidx in people_between(people, _sentence_start(text, stop), stop):
            doc.member(pidx, ini, _role_verb(m.group("role")))
    for m in (_ROLE_OF_GROUP.finditer(text) if _may(low, ("chair of", "member of", "lead of", "leader of", "founder of", "presidente del", "president of", "coordinador")) else ()):
        at = m.start("adj") if m.group("adj") else m.end()  # (the group's name may open with the adjective)
        ini = next((i for s, _, i in groups if at <= s <= m.end() + 3), None)
        subjectless = not m.group("lead").strip(" ,")  # "Co-chair of NACMA's X Committee." opening a bio's sentence
        if re.match(r"(?:is|was|will be|serves as|es|fue)\b", m.group("lead").strip(), re.I):
            here = _sentence_start(text, m.start())  # "She is a member of the X", "He is co-chair of the Y"
            subject = _pronoun_subject(text, people, here) if _PRONOUN.match(text, here) else None
            if ini is not None and subject is not None and m.start() - here < 40:
                doc.member(subject, ini, _role_verb(m.group("role")))
            continue
        owner = re.match(r"(?:[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)?[’']s\s+)?", text[m.end() :]).group()  # "NACMA's "
        if ini is None and owner:
            ini = next((i for s, _, i in groups if m.end() + len(owner) <= s <= m.end() + len(owner) + 3), None)
        if ini is None and re.match(r"(?:co-?chair|chair|founding member|vice[- ]chair)", m.group("role"), re.I) \
                and not _LEGISLATIVE.search(owner) and not _LEGISLATIVE.search(text[m.end() : m.end() + len(owner) + 60].split(",")[0]):
            ini = _group_after(doc, m.end() + len(owner))  # (not "Chair of the Senate's X Committee")
        near = people_between(people, m.start() - 700 if subjectless else _sentence_start(text, m.start()), m.start())
        if ini is not None and near:
            doc.member(near[-1][1], ini, _role_verb(m.group("role")))
    for m in (_PRONOUN_LEADS.finditer(text) if _may(low, ("he ", "she ", "él ", "ella ")) else ()):
        owner = re.match(r"(?:[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)?[’']s\s+)?", text[m.end() :]).group()  # "the Institute's X"
        ini = next((i for s, _, i in groups if m.end() + len(owner) <= s <= m.end() + len(owner) + 3), None)
        here = _sentence_start(text, m.start())
        if ini is None or not _PRONOUN.match(text, here) or m.start() - here > 160:
            continue
        subject = _pronoun_subject(text, people, here)
        if subject is None:
            continue
        role = _role_verb(m.group("verb"))
        doc.member(subject, ini, role)
        group_end = next(e for s, e, i in groups if i == ini and s >= m.end())
        w = re.match(r"\s+(?:with|junto con|con)\s+(?:(?:[A-Z][a-z]{1,4}\.|Representative|Senator|Congresswoman|Congressman)\s+)?"
                     r"(?P<part>[A-ZÁÉÍÓÚÑ][\w’'-]+)", text[group_end : group_end + 80])
        if w:  # "co-chairs the X Caucus with Rep. B": B holds the role too
            cowork = [pidx for _, pidx in people_between(people, group_end, _clause_end(text, group_end + w.end()))]
            by_part = doc.person_by_part(w.group("part"))
            for pidx in cowork or ([by_part] if by_part is not None else []):
                doc.member(pidx, ini, role)
    for m in (_IT_HAS.finditer(text) if _may(low, ("lo ", "la ", "participan", "it is", "it was", "it will", "members are")) else ()):
        before = [i for s, _, i in groups if m.start() - 800 <= s < m.start()]
        if not before:
            continue
        verb = m.group("verb") or m.group("verb2") or m.group("verb3")
        role = _role_verb(verb) if re.search(r"presid|chair|coordin|encabez|led|lead", verb, re.I) else "member"
        ref = None  # "... the council brings together X. It is chaired by A": the group of the kind just spoken of
        for r in _THE_KIND.finditer(text, max(0, m.start() - 300), m.start()):
            ref = r
        last_named = max((e for s, e, i in groups if s < m.start()), default=0)
        if ref is not None and ref.start() > last_named:  # (spoken of after the group named last)
            kind = _REF_KINDS.get(fold(ref.group(1)))
            same = [i for s, _, i in groups if m.start() - 2000 <= s < m.start() and doc.found["initiative"][i].kind == kind]
            before = same or before
        stop = _sentence_end(text, m.end())
        more = _ALSO_INCLUDE.search(text, m.end(), stop)  # "... co-chaired by A and B and will also include C, D"
        for a, b, r in ((m.end(), more.start() if more else stop, role), (more.end(), stop, "member") if more else (0, 0, "")):
            for pidx in people_named_in(doc, people, a, b):
                doc.member(pidx, before[-1], r)
    for m in (_WHICH_SHE.finditer(text) if _may(low, ("which", "that", "que ")) else ()):
        before = [(s, e, i) for s, e, i in groups if s < m.start() and e >= m.start() - 3]
        if not before:
            continue
        ini = before[-1][2]  # the group named right before the relative clause
        role = _role_verb(m.group("verb"))
        if m.group("who"):
            pidx = doc.person_by_surname(m.group("who")) or doc.person_by_part(m.group("who"))
        else:
            pidx = _pronoun_subject(text, people, before[-1][0])
        if pidx is not None:
            doc.member(pidx, ini, role)
        if m.group("with"):
            for qidx in people_named_in(doc, people, m.end(), _clause_end(text, m.end())):
                doc.member(qidx, ini, role)
    for m in (_ACCOMPANIED.finditer(text) if _may(low, ("accompanied", "acompañad", "joined by")) else ()):
        here = _sentence_start(text, m.start())
        before = [i for s, _, i in groups if here - 600 <= s < here and doc.found["initiative"][i].kind == "delegation"]
        if not before or not _PRONOUN.match(text, here):
            continue
        for qidx in people_named_in(doc, people, m.end(), _sentence_end(text, m.end())):
            doc.member(qidx, before[-1], "member")
    for m in (_SERVE_AS.finditer(text) if _may(low, ("serve as", "act as", "fungir")) else ()):
        before = [i for s, _, i in groups if m.start() - 600 <= s < m.start()]
        if not before:
            continue
        for ps, pidx in people_between(people, _sentence_start(text, m.start()), m.start()):
            doc.member(pidx, before[-1], _role_verb(m.group("role")))
    for m in (_WHO_IT.finditer(text) if _may(low, ("quien", "who")) else ()):
        before = [(s, i) for s, _, i in groups if s < m.start()]
        near = people_between(people, m.start() - 120, m.start())
        if before and near:
            doc.member(near[-1][1], before[-1][1], _role_verb(m.group("verb") or m.group("verb2")))
    for m in (_PLURAL_ROLE.finditer(text) if _may(low, ("chairs", "leads", "leaders", "members", "president", "coordinador", "integrantes", "miembros")) else ()):
        ini = next((i for s, _, i in groups if m.end() <= s <= m.end() + 3), None)
        if ini is None:
            continue
        start = max(text.rfind(". ", 0, m.start()) + 1, text.rfind(";", 0, m.start()) + 1, text.rfind("\n", 0, m.start()) + 1,
                    m.start() - 240)
        by = list(re.finditer(r"\b(?:by|por|with|con|include[sd]?|incluye(?:n)?)\s", text[start:m.start()]))
        if by:
            start += by[-1].end()
        role = _role_verb(m.group("role"))
        for ps, pidx in people_between(people, start, m.start()):
            doc.member(pidx, ini, "member" if re.match(r"(?:members|miembros|integrantes)", m.group("role"), re.I) else role)
    for m in (_REMARKS_AT.finditer(text) if _may(low, ("remarks", "keynote", "address", "presentation", "spoke", "speaks", "presented", "ponencia", "particip", "intervino", "habl")) else ()):
        ini = next((i for s, _, i in groups if m.end() <= s <= m.end() + 3), None)
        clause = max(text.rfind(". ", 0, m.start()) + 1, text.rfind(";", 0, m.start()) + 1, text.rfind("\n", 0, m.start()) + 1)
        near = people_between(people, clause, m.start())
        if ini is not None and near:
            doc.member(near[-1][1], ini, "speaker")
    for m in (_THE_GROUP_DID.finditer(text) if _may(low, (" by", " por", "featured", "include", "brought together", "convened", "gathered", "reuni", "contó con", "conto con")) else ()):
        kind = _REF_KINDS.get(fold(m.group("ref")))
        before = [i for s, _, i in groups if s < m.start() and doc.found["initiative"][i].kind == kind]
        ini = before[-1] if before else None
        if ini is None:
            continue
        stop = _sentence_end(text, m.end())
        role = _role_verb(m.group("verb")) if re.search(r"chair|moderat|led|head|coordin|presid|encabez", m.group("verb"), re.I) \
            else "speaker" if re.search(r"present|featur|remarks|ponen", m.group(0), re.I) else "member"
        last_end = None
        for ps, pidx in people_between(people, m.end(), stop):
            if last_end is not None and not (role.startswith("co-") and _AND_BY.match(text, last_end, ps)):
                break  # `moderated by A, and featured B`: the role is the first person's (`co-chaired by A and by B`: both)
            doc.member(pidx, ini, role)
            if role in ("speaker", "member"):
                continue
            last_end = next(sp.end for sp in doc.found["person"][pidx].spans if sp.start == ps)
    for m in (_SERVE_AS_ITS.finditer(text) if "serve as its" in low or "serve as the" in low else ()):
        before = [i for s, _, i in groups if s < m.start()]
        if not before:
            continue
        role = m.group("role").lower()
        role = ("co-chair" if "co" in role.split("-")[0] else "chair") if "chair" in role else "member"
        for ps, pidx in people_between(people, _sentence_start(text, m.start()), m.start()):
            doc.member(pidx, before[-1], role)
    for m in (_WHO_LEADS.finditer(text) if _may(low, ("quien", "who", "que ")) else ()):
        ini = next((i for s, _, i in groups if m.end() <= s <= m.end() + 3), None)
        ref = _REF_AFTER.match(text, m.end()) if ini is None and m.group(0)[-1:].isspace() else None
        if ref is not None:  # "A, who led the delegation": the page's one group of that kind
            ini = best_of_kind(doc, _REF_KINDS.get(fold(ref.group("ref")), ""))
        near = people_between(people, m.start() - 120, m.start())
        if ini is not None and near:
            doc.member(near[-1][1], ini, _role_verb(m.group("verb")))
    for m in (_TRAVELLING_WITH.finditer(text) if _may(low, ("joining", "accompan", "rounding out", "travel", "acompañ")) else ()):
        ini = best_of_kind(doc, "delegation")
        ini = ini if ini is not None else main_group(doc)
        if ini is None:
            continue
        for ps, pidx in people_between(people, m.end(), _sentence_end(text, m.end())):
            doc.member(pidx, ini, "member")
    for m in (_MEMBERS_FOLLOW.finditer(text) if _may(low, ("members", "participants", "attendees", "delegates", "integr", "conform", "acompañ",
                                                            "taking part", "participating", "speaking", "speakers", "particip", "serving with", "sitting with", "alongside",
                                                            "parte de", "on the ", "panelist", "panelista", "named to", "appointed to",
                                                            "elected to")) else ()):
        ref = m.group("ref") or m.group("ref2") or m.group("ref3") or m.group("ref4") or m.group("ref5") or m.group("ref6") or (
            "panel" if re.match(r"panel", m.group(0), re.I) else None)
        before = [(s, i) for s, _, i in groups if s < m.start()]
        if ref:
            same = [(s, i) for s, i in before if fold(ref)[:5] in fold(doc.found["initiative"][i].name + " " +
                                                                     (doc.found["initiative"][i].kind or ""))]
            before = same or before
        ini = before[-1][1] if before else main_group(doc)
        if ini is None:
            continue
        stop = text.find("\n\n", m.end())
        if re.match(r"(?:,?[ \t]*(?:entre otros|entre otras|among others|including))?[ \t]*:[ \t]*\n", text[m.end() :]):
            # "Taking part in the roundtable were:", "Integraron la comitiva, entre otros:" over a list
            stop = len(text) if stop < 0 else stop
        else:
            stop = _sentence_end(text, m.end()) if stop < 0 else min(stop, _sentence_end(text, m.end()))
        for ps, pidx in people_between(people, m.end(), stop):
            doc.member(pidx, ini, "member")
    for m in (_LED_ACTIVE.finditer(text) if _may(low, ("led", "head", "chaired", "encabez", "lider", "presidi", "serv", "sat ", "sits", "sitting", "member", "joined", "took part", "particip", "integr", "parte de")) else ()):
        start = text.rfind("\n", 0, m.start()) + 1
        ini = next((i for s, _, i in groups if m.end() <= s <= m.end() + 40), None)
        if ini is None:
            continue
        clause = max(start, text.rfind(". ", start, m.start()) + 1, text.rfind(";", start, m.start()) + 1)
        verb = m.group("verb").lower()
        role = _ACTIVE_ROLE.get(verb, "co-chair" if verb.startswith("copresid") else "chair" if verb.startswith("presid")
                                else "lead" if re.match(r"encabez|lider|led|head", verb) else "member")
        near = people_between(people, clause, m.start())
        if near and re.search(r"\b(?:who|quien|quienes)\b", text[near[-1][0] : m.start()]):
            near = near[-1:]  # "A, who will sit on X, and B, who was named to Y": each the one before `who`
        for s, pidx in near:
            if not _MET.search(text, clause, s):
                doc.member(pidx, ini, role)
    for m in (_PART_OF.finditer(text) if _may(low, ("part", "member", "joined", "integr", "sumaron")) else ()):
        start = text.rfind("\n", 0, m.start()) + 1
        clause = max(start, text.rfind(". ", start, m.start()) + 1, text.rfind(";", start, m.start()) + 1)
        named = next((i for s, _, i in groups if m.end("ref") - len(m.group("ref")) <= s <= m.end() + 3), None)
        ref = fold(m.group("ref"))
        ini = named if named is not None else next(
            (i for s, _, i in reversed(groups) if s < m.start() and ref[:5] in fold(doc.found["initiative"][i].name)
             or s < m.start() and ref[:5] in fold(doc.found["initiative"][i].kind or "")), None)
        if ini is None:
            continue
        for s, pidx in people_between(people, clause, m.start()):
            doc.member(pidx, ini, "member")


def _may(low: str, words: tuple[str, ...]) -> bool:
    """Whether the lower-cased text holds any of `words` (a cheap test before a slow pattern)."""
    return any(w in low for w in words)



def _clause_end(text: str, pos: int) -> int:
    """Where the clause running from `pos` ends (`.`, `;`, `, así como`, a line break; not the dot
    of `U.S.`, of an initial or of an honorific such as `Dra.`)."""
    return _first_end(_CLAUSE_END, text, pos)


def _sentence_end(text: str, pos: int) -> int:
    """Where the sentence running from `pos` ends (a full stop before a capital, or a line break)."""
    return _first_end(_SENTENCE_END, text, pos)


def _sentence_start(text: str, pos: int) -> int:
    """Where the sentence holding `pos` starts (past a full stop that ends no abbreviation such as `Dr.`)."""
    line_start = text.rfind("\n", 0, pos) + 1
    at = pos
    while True:
        dot = text.rfind(". ", line_start, at)
        if dot < 0:
            return line_start
        word = text[text.rfind(" ", line_start, dot) + 1 : dot]
        if not (fold(word) in V.HONORIFICS or fold(word).replace(" ", ".") in V.ABBREVIATIONS or len(word) <= 1):
            return dot + 2
        at = dot


def _first_end(pattern: re.Pattern, text: str, pos: int) -> int:
    for m in pattern.finditer(text, pos):
        if text[m.start()] == ".":
            word = text[text.rfind(" ", 0, m.start()) + 1 : m.start() + 1]
            if fold(word.rstrip(".")) in V.HONORIFICS or fold(word.rstrip(".")).replace(" ", ".") in V.ABBREVIATIONS:
                continue
        return m.start()
    return len(text)


_CLAUSE_END = re.compile(r"(?<=[a-záéíóúñ)\d]{2})\.\s|(?<=[A-Z]{3})\.\s+(?=[A-ZÁÉÍÓÚÑ][a-záéíóúñ])|;|\n|"
                         r",\s+(?:as well as|así como|while|mientras)\b")
_SENTENCE_END = re.compile(r"(?<=[a-záéíóúñ)\d]{2})\.\s+(?=[A-ZÁÉÍÓÚÑ“\"])|(?<=[A-Z]{3})\.\s+(?=[A-ZÁÉÍÓÚÑ][a-záéíóúñ])|\n")
