"""Stage: memberships from sections, the people listed under a group's own heading.

Pages about several groups give each one a heading and list its people under it: a program's
`Panel 2: Title` line with its `Moderator:` and `Panelists:` lines, a committees page's
`2. Comité de Talento` followed by a `Nombre | Cargo | Empresa` table, a roster's `Customs
Committee` followed by `Name, Title, Org` lines. A heading is a short line that is (mostly) the
name of a group already drawn; its section is the list-like lines after it, up to the next heading,
a new time slot of a program, a page-furniture heading (`About`, `Media contact`, `Sponsors`) or a
paragraph of prose. Every person named at the head of a section line is a member of the group, with
the role the line (or the role label above it) states.
"""

from __future__ import annotations

import re
from collections import Counter

from db.extract import vocabulary as V
from db.extract.core import (Doc, fold, initiative_kind, is_given, line_spans, local_legislature, people_between, sentence_spans,
                             table_cells)
from db.extract.membership import best_of_kind, main_group, people_named_in

# Numbering, bullets and a program's time slot before a heading or a list line.
_LEAD = re.compile(r"^[\s•·▪‣◦●○■□*+\-–—\U0001F300-\U0001FAFF\u2600-\u27BF\uFE0F]*(?:\d{1,2}[:.]\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?\s*(?:[-–—]\s*\d{1,2}[:.]\d{2}"
                   r"\s*(?:[AaPp]\.?[Mm]\.?)?)?\s*|(?:\d{1,2}|[IVX]{1,4})[.)]\s+)?")
_MODERATOR = re.compile(r"\b(?:Moderador[a]?|Moderator|Modera|Moderated by)\b")
_TIME_SLOT = re.compile(r"^\s*\d{1,2}[:.]\d{2}\b")
# Headings of page furniture: what follows them is not the group's.
_FURNITURE = re.compile(
    r"^\s*(?:about|acerca|sobre nosotros|contact|contacto|media|press|prensa|staff|personal|equipo|sponsors?|"
    r"patrocinador|socios|partners|aliados|related|relacionad|te puede interesar|lee también|share|compartir|"
    r"follow|síguenos|siguenos|more news|más noticias|read more|acuerdos|agreements|next steps|photo|foto)\b", re.I)
# A line that only labels the role of the lines after it (`Panelists:`, `Moderadora`, `Co-Chairs`).
_ROLE_LABEL = re.compile(r"^\s*(?P<label>[^\W\d_][^\W\d_ /]*(?:[ /-][^\W\d_]+){0,2})\s*:?\s*$")
# Roles stated on a line, in English and Spanish, most specific first.
_ROLES = (
    ("co-chair", re.compile(r"\bco-?chair|\bco-?presid|\bco-?coordinador|\bco-?coordinator|\bco-?lead", re.I)),
    ("vice-chair", re.compile(r"\bvice[ -]?(?:chair|presid)", re.I)),
    ("chair", re.compile(r"\bchair|\bpresident[ea] del? (?:comit|grupo|consejo|mesa|panel)|\bpresidid", re.I)),
    ("coordinator", re.compile(r"\bcoordinador|\bcoordinator", re.I)),
    ("lead", re.compile(r"^\s*leads?\s*$", re.I)),  # the label `Lead:` alone
    ("moderator", re.compile(r"\bmoderat|\bmoderador|\bmodera\b|\bconduce\b|\bhost\b", re.I)),
    ("secretary", re.compile(r"\bsecretari[oa]\b(?! de )|\bsecretary\b(?! of )|\brapporteur|\brelator", re.I)),
    ("treasurer", re.compile(r"\btreasurers?\b|\btesorer[oa]s?\b", re.I)),
    ("speaker", re.compile(r"\bpanelist|\bpanelista|\bspeaker|\bponente|\bkeynote|\bconferencista|\bparticipan\b|"
                           r"\bconversan\b", re.I)),
    ("member", re.compile(r"\bvocal(?:es)?\b|\bmembers?\b|\bmiembros?\b|\bintegrantes?\b", re.I)),
)
_PROSE_CHARS = 220  # a line this long with a sentence in it is a paragraph, not a list line


# `Customs Committee: Ana Ruiz (chair); Leo Park, Park Freight (vice chair)`: a group as the label
# of a line of its people.
_LABELLED = re.compile(r"^[ \t•·*\-–]*(?P<label>[A-ZÁÉÍÓÚÑ][^:\n]{2,80}?)[ \t]*:[ \t]+(?=\S)", re.M)
_GROUP_HEADS = ("committee", "subcommittee", "council", "commission", "comite", "subcomite", "consejo", "comision",
                "working group", "task force", "grupo de trabajo", "mesa de trabajo", "subgroup", "subgrupo",
                "delegation", "delegacion", "comitiva")  # ("U.S. delegation: A; B, Director, X; and C.")


def read_labelled_groups(doc: Doc) -> None:
    """A line labelled with a group's name and listing people makes them its members, with the
    role in parentheses after each (`(chair)`, `(vicepresidente)`)."""
    text = doc.text
    people = sorted((sp.start, sp.end, pidx) for pidx, p in enumerate(doc.found["person"]) for sp in p.spans)
    if not people:
        return
    for m in _LABELLED.finditer(text):
        label = m.group("label").strip()
        if re.search(r"(?<!\b[A-Z])\. ", label):
            continue  # a sentence before a role label ("Comisión X con Ymca. Copresidentes:"; not "U.S. delegation")
        key = fold(label)
        if not any(key.endswith(h) or key.startswith(h + " ") for h in _GROUP_HEADS) or len(key.split()) < 2:
            continue
        if re.fullmatch(r"(?:council|committee|commission|board|consejo|comite|comision) (?:members|miembros|integrantes)", key):
            continue  # "Council Members: A (District 1), B (District 2)": the seats of a body the label does not name
        end = text.find("\n", m.end())
        end = len(text) if end < 0 else end
        hits = [(s, e, p) for s, e, p in people if m.end() <= s < end]
        hits = sorted(set(hits) | set(_named_again(doc, m.end(), end)))
        if not hits:
            continue
        kind = "delegation" if key.split()[-1] in ("delegation", "delegacion", "comitiva") or key.split()[0] in (
            "delegacion", "comitiva") else next((k for k in ("working group", "task force", "committee", "council", "commission")
                     if k in key or {"comite": "committee", "consejo": "council", "comision": "commission",
                                     "subcomite": "committee", "grupo de trabajo": "working group",
                                     "mesa de trabajo": "working group", "subgrupo": "working group",
                                     "subgroup": "working group"}.get(key.split()[0]) == k), "committee")
        start = m.start("label")
        org = doc.lookup("organization", label)
        if org is not None and org not in doc.dropped_orgs:
            doc.retype_org(org, kind)
        ini = doc.add("initiative", label, doc.span(start, start + len(label), (m.start(), end)), kind=kind)
        for n, (s, e, p) in enumerate(hits):
            nxt = hits[n + 1][0] if n + 1 < len(hits) else end
            paren = re.search(r"\(([^)]{2,40})\)", text[e:nxt])
            doc.member(p, ini, _role_of(paren.group(1)) if paren else "member")


# The first column's header of a table of a body's commissions (`Comisión | Presidente | Empresa`,
# `Comisión     Coordinador(a)     Integrantes`): each row names one and who leads it and sits on it.
_TABLE_BODY_HEADS = {"comision": "commission", "comisiones": "commission", "comite": "committee", "comites": "committee",
                     "committee": "committee", "committees": "committee", "subcomite": "committee", "mesa": "roundtable",
                     "mesas": "roundtable", "working group": "working group", "grupo de trabajo": "working group",
                     "workstream": "working group", "task force": "task force"}


def read_group_tables(doc: Doc) -> None:
    """`_TABLE_BODY_HEADS`: every row's first cell is a group (named by its topic, `Atracción de Inversiones`); the
    people in its other cells are its members, with the role their column's header names (`Coordinador(a)`)."""
    text = doc.text
    lines = line_spans(text)
    people = sorted((sp.start, pidx) for pidx, p in enumerate(doc.found["person"]) for sp in p.spans)
    for n, (s, e) in enumerate(lines):
        head = table_cells(text, (s, e))
        if not 2 <= len(head) <= 5 or fold(text[head[0][0] : head[0][1]]).rstrip(":") not in _TABLE_BODY_HEADS:
            continue
        labels = [text[a:b] for a, b in head]
        roles = [_role_of(lb) or ("chair" if re.fullmatch(r"(?i)\s*(?:president[ea]?|chair(?:man|woman|person)?)s?\s*:?\s*", lb)
                                  else "member" if re.search(r"(?i)integrant|miembro|member|vocal", lb) else None)
                 for lb in labels]
        if not any(roles[1:]):
            continue
        kind = _TABLE_BODY_HEADS[fold(labels[0]).rstrip(":")]
        piped = "|" in text[s:e]
        cols = [a - s for a, _ in head]
        group = None
        for k in range(n + 1, len(lines)):
            ls, le = lines[k]
            if not text[ls:le].strip():
                break
            cells = table_cells(text, (ls, le))
            if piped:
                if "|" not in text[ls:le]:
                    break
                placed = list(enumerate(cells))
            else:
                placed = [(min(range(len(cols)), key=lambda c: abs(cols[c] - (a - ls))), (a, b)) for a, b in cells]
            first = next(((a, b) for c, (a, b) in placed if c == 0), None)
            if first is not None:
                name = text[first[0] : first[1]].strip()
                if not 1 <= len(name.split()) <= 8 or doc.lookup("person", name) is not None and is_given(name.split()[0]):
                    group = None
                    continue
                group = doc.lookup("initiative", name)
                if group is None:
                    group = doc.add("initiative", name, doc.span(first[0], first[0] + len(name), (ls, le)), kind=kind)
            if group is None:
                continue
            for c, (a, b) in placed:
                if 0 < c < len(roles) and roles[c]:
                    for _, pidx in people_between(people, a, b):
                        doc.member(pidx, group, roles[c])


# A workstream or working table named at the head of its paragraph, then who leads it: `Grid Integration and
# Interconnection. Co-led by Dr. Solbakken and Ing. Carbajal Ybarra, the workstream completed ...`.
_LED_PARAGRAPH = re.compile(
    r"(?m)^[ \t•*\-]*(?P<name>[A-ZÁÉÍÓÚÑ][^.\n:;]{3,80}?)\.[ \t]+(?P<verb>Co-led|Led|Co-chaired|Chaired|Coordinated|Headed|"
    r"Coordinad[oa]|Encabezad[oa]|Copresidid[oa]|Presidid[oa])\b")
_LED_ROLE = {"co-led": "co-lead", "led": "lead", "co-chaired": "co-chair", "chaired": "chair", "headed": "lead"}


def read_led_paragraphs(doc: Doc) -> None:
    """`_LED_PARAGRAPH`: the name opening the paragraph is a group (a workstream) and the people named in its
    first sentence lead it."""
    text = doc.text
    for m in _LED_PARAGRAPH.finditer(text):
        name = m.group("name").strip()
        words = name.split()
        if not 2 <= len(words) <= 10 or sum(w[:1].isupper() for w in words) * 2 < len(words) \
                or doc.lookup("person", name) is not None or doc.lookup("organization", name) is not None:
            continue
        line_end = text.find("\n", m.end())
        first = sentence_spans(text, m.start("verb"), len(text) if line_end < 0 else line_end)
        hits = _named_again(doc, m.end(), first[0][1], surnames=True) if first else []
        if not hits:
            continue
        verb = fold(m.group("verb"))
        role = _LED_ROLE.get(verb, "coordinator" if verb.startswith("coordin") else "chair" if "presid" in verb else "lead")
        start = m.start("name")
        ini = doc.lookup("initiative", name)
        if ini is None:
            ini = doc.add("initiative", name, doc.span(start, start + len(name), (m.start(), m.end())),
                          kind=initiative_kind(name) or "working group")
        for _, _, pidx in hits:
            doc.member(pidx, ini, role)


_WIDE_CELL = re.compile(r"\S+(?: \S+)*")  # the cells of a line, apart by two spaces or more (or a tab)
_BODY_FIRST = frozenset("comision comite subcomite committee subcommittee mesa grupo consejo council".split())


def read_role_labelled_bodies(doc: Doc) -> None:
    """`Comisión de Aduanas          Comisión de Seguridad` over `Coordinador: A          Coordinadora: B`:
    each body named on a line (one or two side by side) is a group, led by the person its role label names
    on the line below, at the same column."""
    text = doc.text
    lines = [ln for ln in line_spans(text) if text[ln[0] : ln[1]].strip()]
    people = sorted((sp.start, pidx) for pidx, p in enumerate(doc.found["person"]) for sp in p.spans)
    for (s, e), (s2, e2) in zip(lines, lines[1:]):
        if _BODY_THEN_ROLE.match(text[s:e]):
            continue  # (its role and people on its own line: read below)
        cells = [(s + m.start(), s + m.end()) for m in _WIDE_CELL.finditer(text[s:e])]
        numbered = bool(cells) and re.fullmatch(r"\d{1,2}[.)]|[IVX]{1,4}\.", text[cells[0][0] : cells[0][1]]) is not None
        cells = cells[1:] if numbered else cells  # "1.  COMISIÓN DE ATRACCIÓN DE INVERSIONES"
        if not 1 <= len(cells) <= 3 or not all(next(iter(fold(text[a:b]).split()), "") in _BODY_FIRST
                                               and len(text[a:b].split()) >= 3 for a, b in cells):
            continue
        if numbered and len(cells) == 1:  # a numbered heading naming a body: a group whatever follows
            _body_group(doc, text, cells[0], (s, e))
        below = [(s2 + m.start(), s2 + m.end()) for m in re.finditer(r"[^\s:][^:]{1,30}:[ \t]+\S+(?:[ \t]\S+)*", text[s2:e2])]
        for n, (a, b) in enumerate(cells):
            col = a - s
            under = next(((c, d) for c, d in below if abs((c - s2) - col) <= 3), None)
            if under is None and len(below) == len(cells):
                under = below[n]  # the columns drift apart, one label under each body still
            if under is None:
                continue
            label, _, rest = text[under[0] : under[1]].partition(":")
            role = _role_of(label) or ("coordinator" if fold(label).startswith("coordin") else None)
            hits = people_between(people, under[0] + len(label) + 1, under[1])
            if not role or not hits:
                continue
            doc.member(hits[0][1], _body_group(doc, text, (a, b), (s, e)), role)
    for m in _GROUP_THEN_PEOPLE.finditer(text):  # "a) Energy and Power Working Group - A (Org) and B (Org)"
        ini = doc.lookup("initiative", m.group("body").strip())
        if ini is None:
            continue
        hits = people_between(people, m.start("rest"), m.end("rest"))
        if not hits or _BODY_THEN_ROLE.match(text, m.start(), m.end()):
            continue
        lead_in = text[m.start("rest") : hits[0][0]]
        role = _role_of(lead_in) or ("lead" if re.search(r"\bled\b|\bleads?\b|encabezad", lead_in) else "member")
        for _, pidx in hits[:1] if re.search(r"\bled\s+by\b", lead_in) else hits:
            doc.member(pidx, ini, role)  # ("led by A, with B of X": A leads; B is left to the sentence readers)
    for m in _BODY_THEN_ROLE.finditer(text):
        label = m.group("label")
        role = _role_of(label) or ("coordinator" if fold(label).startswith("coordin") else None)
        hits = people_between(people, m.start("rest"), m.end("rest"))
        if role and hits and fold(m.group("body")).split()[0] in _BODY_FIRST:
            group = _body_group(doc, text, m.span("body"), (m.start(), m.end()))
            for _, pidx in hits:
                doc.member(pidx, group, role)


# `Mesa de Semiconductores — coordinador: Dr. A, jefe de ...`: a body, its role label and its people on one line.
_BODY_THEN_ROLE = re.compile(r"(?m)^[ \t•*\-]*(?P<body>[A-ZÁÉÍÓÚÑ][^\n—–:]{4,80}?)[ \t]+[—–-][ \t]+"
                             r"(?P<label>[^\n:—–]{3,30}):[ \t]+(?P<rest>[^\n]+)$")


# A list line naming a group, then after a dash the people who lead or make it (`b) X Working Group - led by A`).
_GROUP_THEN_PEOPLE = re.compile(r"(?m)^[ \t•*\-]*(?:[a-z]\)|\d{1,2}[.)])?[ \t]*(?P<body>[A-ZÁÉÍÓÚÑ][^\n—–:]{4,80}?)[ \t]+[—–-][ \t]+"
                                r"(?P<rest>[^\n]+)$")


def _body_group(doc: Doc, text: str, cell: tuple[int, int], line: tuple[int, int]) -> int:
    """The group a body's name in `cell` names (an organization of that name retyped)."""
    a, b = cell
    name = text[a:b].strip()
    org = doc.lookup("organization", name)
    kind = V.AMBIGUOUS_GROUP_KINDS.get(fold(name).split()[0], "committee")
    if org is not None and org not in doc.dropped_orgs:
        return doc.retype_org(org, kind)
    known = doc.lookup("initiative", name)
    return known if known is not None else doc.add("initiative", name, doc.span(a, b, line), kind=kind)


def read_sections(doc: Doc) -> None:
    """Make the people listed under a group's heading its members (see the module's docstring)."""
    text = doc.text
    lines = line_spans(text)
    heads = _headings(doc, lines)
    if not heads:
        return
    people = sorted((sp.start, pidx) for pidx, p in enumerate(doc.found["person"]) for sp in p.spans)
    doc.section_groups |= {group for n, group in heads if _names_its_group(text, lines[n], doc, group)}
    for n, (line_no, group) in enumerate(heads):
        stop = heads[n + 1][0] if n + 1 < len(heads) else len(lines)
        role_label: str | None = None
        last_person = line_no  # the line of the section's last person (a card's title and company lines follow it)
        head_start, head_end = lines[line_no]
        for pidx in _same_line_moderators(text, people, head_start, head_end):
            doc.member(pidx, group, "moderator")
        for k in range(line_no + 1, stop):
            start, end = lines[k]
            line = text[start:end]
            body = line.strip()
            if not body:
                continue
            if _BIO_LINK.match(line):
                continue
            if _ends_section(line, k > line_no + 1) and not (_RUN_LABEL.match(line) and not _TIME_SLOT.match(line)):  # (a long
                # line of role labels is the section's: "Coordinador: A. Integrantes destacados: B (X), C (Y) y D (Z).")
                if _card_bio(text, lines, k):
                    continue  # a speaker card's bio paragraph: the section's cards go on below it
                break
            label = _ROLE_LABEL.match(line)
            if label and _role_of(label.group("label")) and len(body) < 40:
                role_label = _role_of(label.group("label"))
                continue
            if _SUBHEADING.fullmatch(body) and not people_between(people, start, end) and k > line_no + 1:
                if last_person > line_no and k - last_person <= 2 and not _LIST_HEADING_WORDS.search(body):
                    continue  # "Chief Economist" / "Banco X" under a card's name: the card goes on
                break  # "Empresas participantes": another list begins
            if people_between(people, start, end):
                last_person = k
            for pidx, role in _listed_people(doc, people, start, end):
                doc.member(pidx, group, role or role_label or "member")
            for pidx, role in _labelled_runs(doc, people, start, end):
                doc.member(pidx, group, role)


# A line ending in words that open a list of more members of the group just named.
_WITH_THEM = re.compile(r"(?:serving with (?:them|him|her)|also serving|joining (?:them|him|her)|other members(?: are)?|"
                        r"members are|los acompañan|completan (?:el|la) \w+|además participan|también participan)\s*:\s*$", re.I)
# A heading naming the page's group by its kind alone: `Task Force members:`, `Integrantes del Consejo:`.
_KIND_MEMBERS = re.compile(
    r"^\s*(?:(?:the\s+)?(?P<kind>task force|working group|council|committee|advisory board|steering committee|delegation|"
    r"grupo de trabajo|consejo|comit[eé]|comisi[oó]n|mesa)\s+(?:members|membership|miembros|integrantes)"
    r"|(?:members of the|integrantes del?|miembros del?)\s+(?P<kind2>task force|working group|council|committee|"
    r"grupo de trabajo|consejo|comit[eé]|comisi[oó]n|mesa))\s*:?\s*$", re.I)
# Headings that list the people of the document's own group without naming it.
_ATTENDEES = re.compile(r"^\s*(?:(?:the\s+)?(?:delegation|mission)\s+(?:includes|included|will include|members)|"
                        r"participating\s+\w+(?:\s+\w+)?(?:\s+(?:included|include|were|are))?|"
                        r"(?:participants|attendees|speakers)\s+(?:included|include|were|are|will include)|"
                        r"empresas participantes|"
                        r"attendees|attendance|present|in attendance|asistentes|lista de asistencia|participantes|"
                        r"integrantes|(?:la\s+)?(?:delegaci[oó]n|comitiva)\s+(?:incluye|estuvo integrada por|est[aá] integrada por))"
                        r"\s*:?\s*$", re.I)


def _names_its_group(text: str, line: tuple[int, int], doc: Doc, group: int) -> bool:
    """The heading line names its group (`2. Comité de X`), rather than calling on the page's
    group by a generic word (`Attendees:`, `Task Force members:`)."""
    return any(line[0] <= sp.start < line[1] for sp in doc.found["initiative"][group].spans)


def _headings(doc: Doc, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(line number, initiative) of every line that is a group's heading (or an attendees'
    heading, for the document's main group)."""
    text = doc.text
    out_extra_with: list[tuple[int, int]] = []
    for n, (s, e) in enumerate(lines):  # "... co-chaired by A and B. Serving with them:" -> the group named last
        if text[s:e].rstrip().endswith(":") and _WITH_THEM.search(text[s:e]):
            named = [(sp.start, i) for i, g in enumerate(doc.found["initiative"]) for sp in g.spans if sp.start < e]
            if named:
                out_extra_with.append((n, max(named)[1]))
    for n, (s, e) in enumerate(lines):  # "ADVISORY COUNCIL" above "The Harbor Exporters Advisory Council brings together ..."
        if not 0 < len(text[s:e].split()) <= 5:
            continue
        kind = fold(_LEAD.sub("", text[s:e], count=1)).rstrip(" :")
        if not kind or len(kind.split()) > 4 or not (initiative_kind(kind) or kind.split()[-1] in V.AMBIGUOUS_GROUP_KINDS):
            continue
        nxt = next((k for k in range(n + 1, min(n + 3, len(lines))) if text[lines[k][0]:lines[k][1]].strip()), None)
        if nxt is None:
            continue
        a, b = lines[nxt]
        named = [i for i, g in enumerate(doc.found["initiative"]) for sp in g.spans
                 if a <= sp.start < b and fold(g.name).endswith(kind)]
        if named:
            out_extra_with.append((n, named[0]))
        elif len(kind.split()) >= 2 and kind not in _NOT_A_GROUP_HEADING and not set(kind.split()) & _NOT_IN_A_BARE_KIND \
                and not local_legislature(kind) \
                and not re.search(r"[>»›|/·]", text[s:e]) and _people_below(doc, lines, n):
            # "Steering Committee" / "Advisory Board" over its people, on the page of the body they belong to
            raw = _LEAD.sub("", text[s:e], count=1).strip().rstrip(":").strip()
            name = raw.title() if raw.isupper() else raw
            gkind = initiative_kind(raw) or V.AMBIGUOUS_GROUP_KINDS.get(kind.split()[-1], "committee")
            out_extra_with.append((n, doc.add("initiative", name, doc.span(e - len(text[s:e].lstrip()), e, (s, e)),
                                              kind=gkind)))
    for n, (s, e) in enumerate(lines):  # "Task Force members:" on the page of one task force
        m = _KIND_MEMBERS.match(text[s:e])
        if m:
            word = m.group("kind") or m.group("kind2")
            kind = initiative_kind(word) or V.AMBIGUOUS_GROUP_KINDS.get(fold(word)) \
                or V.INITIATIVE_KINDS_FIRST.get(fold(word))
            group = best_of_kind(doc, kind) if kind else main_group(doc)  # no group of that kind: nobody's list
            if group is not None:
                out_extra_with.append((n, group))
    attendees = [n for n, (s, e) in enumerate(lines) if _ATTENDEES.match(text[s:e])]
    if attendees:
        group = main_group(doc)
        extra = [(n, group) for n in attendees] if group is not None else []
    else:
        extra = []
    spans = sorted((sp.start, sp.end, i) for i, g in enumerate(doc.found["initiative"]) for sp in g.spans)
    out = []
    j = 0
    for n, (start, end) in enumerate(lines):
        while j < len(spans) and spans[j][0] < start:
            j += 1
        k = j
        best = None
        while k < len(spans) and spans[k][0] < end:
            s, e, i = spans[k]
            if e <= end and _is_heading(text, start, end, s, e):
                best = i
                break
            k += 1
        if best is not None:
            out.append((n, best))
    return sorted(out + extra + out_extra_with)


# Headings that name a kind but no group of people (`Board of Directors` seats are affiliations).
_NOT_A_GROUP_HEADING = frozenset({"board of directors", "consejo directivo", "mesa directiva", "junta directiva",
                                  "comite ejecutivo", "executive committee", "our team", "staff"})


# Words that make a heading more than a body's bare kind (`Members of the council`, `Task Force members`).
_NOT_IN_A_BARE_KIND = frozenset("members member miembros integrantes of the de del la el our nuestro nuestra its".split())


def _people_below(doc: Doc, lines: list[tuple[int, int]], n: int) -> bool:
    """Two or more mentions of people stand in the dozen lines below line n."""
    end = lines[min(len(lines) - 1, n + 12)][1]
    return sum(1 for p in doc.found["person"] for sp in p.spans if lines[n][1] < sp.start < end) >= 2


def _is_heading(text: str, start: int, end: int, s: int, e: int) -> bool:
    """The line text[start:end] is a heading for the group named at text[s:e]."""
    line = text[start:end]
    lead = _LEAD.match(line)
    before = line[lead.end() if lead else 0 : s - start].strip(" \t\"“«")
    after = text[e:end].strip(" \t\"”»:.")
    after = re.sub(r"^\([^)]{0,40}\)\s*", "", after)  # "Comité de Calidad (AS9100)"
    if after in ("", "👇", "⬇", "⬇️", "↓") and _INTRODUCES.search(text[start:s]) and (
            after or text[e:end].strip().endswith(":")):
        return True  # "proud to introduce the first members of the X Board 👇", "La X está integrada por:"
    if before and not re.fullmatch(r"(?:members of(?: the)?|integrantes del?|miembros del?)", before, re.I):
        return False
    if not after:
        return True
    return bool(re.match(r"^(?:members?|miembros|integrantes)\b\s*:?$", after, re.I)) or bool(
        _MODERATOR.match(after))


# A sentence ending in a group's name that introduces the list below it.
_INTRODUCES = re.compile(r"\b(?:members|miembros|integrantes|introduce|presentar|include|includes|incluye|are|son|"
                         r"integrad[oa] por|conformad[oa] por|composed of)\b", re.I)


# Words of a heading that opens another list, even right under a person's card.
_LIST_HEADING_WORDS = re.compile(r"participa|members|miembros|integrantes|empresas|companies|sponsors|patrocin|staff|"
                                 r"equipo|team|invitados|guests|asistentes|attendees", re.I)
# A short heading of its own (no person, no punctuation): the next list, not this group's.
_SUBHEADING = re.compile(r"[^\W\d_][^\W\d_’'\-]*(?:[ \t]+[^\W\d_][^\W\d_’'\-]*){0,3}[ \t]*:?")



def _ends_section(line: str, not_first: bool) -> bool:
    """A line after which the section's people end: furniture, a new time slot, prose."""
    if furniture_heading(line):
        return True
    if _TIME_SLOT.match(line):
        return True
    return len(line.strip()) > _PROSE_CHARS and bool(re.search(r"[a-záéíóúñ]{3}[.!?](?:\s|$)", line))


_BIO_LINK = re.compile(r"^\s*(?:view|read|see)\s+(?:the\s+)?(?:full\s+)?(?:bio|biography|profile|more)\b|"
                       r"^\s*(?:ver|leer)\s+(?:la\s+)?(?:semblanza|biograf[ií]a|perfil|m[aá]s)\b", re.I)


def _card_bio(text: str, lines: list[tuple[int, int]], k: int) -> bool:
    """Line k is the bio of a speaker card: a `View full bio` link follows it."""
    for start, end in lines[k + 1 : k + 3]:
        if text[start:end].strip():
            return bool(_BIO_LINK.match(text[start:end]))
    return False


def furniture_heading(line: str) -> bool:
    """A short heading of page furniture (`Media contact`, `About us`, `Sponsors`): what follows
    it is not a group's list."""
    body = _LEAD.sub("", line, count=1).strip()
    m = _FURNITURE.match(body)
    return bool(m) and (len(body) < 60 or bool(re.match(r"[^:\n]{0,25}:", body[m.end():])))


def _role_of(phrase: str) -> str | None:
    """The role a phrase names, if any."""
    for role, pattern in _ROLES:
        if pattern.search(phrase):
            return role
    return None


_CELL_LABEL = re.compile(r"\s*(?P<label>[^:]{2,40}):\s*")
_CELL_GAP = re.compile(r"\s*[|\t]\s*|\s{3,}")


def _listed_people(doc: Doc, people: list[tuple[int, int]], start: int, end: int):
    """(person, role) for each person a list line is about: named at its head, or after a role
    label, or one of several separated by `;` (a line of panelists)."""
    text = doc.text
    line = text[start:end]
    lead = _LEAD.match(line)
    body_start = start + (lead.end() if lead else 0)
    label = _CELL_LABEL.match(text[body_start:end])
    label_role = _role_of(label.group("label")) if label else None
    if label:
        body_start += label.end()
    hits = people_between(people, body_start, end) or [(s, p) for s, _, p in _named_again(doc, body_start, min(end, body_start + 80))]
    if not hits:
        return []
    out = []
    first_s, first_p = hits[0]
    head = fold(text[body_start:first_s])
    company_first = re.search(r"\s[—–|-]\s*(?:\S+\s*){0,2}$", text[body_start:first_s]) and len(head.split()) <= 10
    if len(head.split()) <= 3 or company_first:  # honorifics, a title, nothing, or `Company — Ing.` before the name
        cells = _CELL_GAP.split(text[first_s:end])
        role = label_role or _role_of(" ".join(cells[1:2])) or _role_of(text[body_start:first_s])
        out.append((first_p, role))
    for s, p in hits[1:]:
        if any(m.start() > body_start for m in _RUN_LABEL.finditer(text, body_start, s)):
            continue  # after another label ("Coordinador: A. Integrantes: B (X), C (Y)"): `_labelled_runs` reads it
        gap = text[start:s]
        if re.search(r"[;•·]\s*(?:\S+\s+){0,3}$", gap) or re.search(r"\)\s*[,;·]\s*(?:\S+\s+){0,3}$", gap):
            out.append((p, label_role))
    return out


# A role label inside a paragraph of a group's section: `... review.  Lead: A (Org).  Members: B, C.`
_RUN_LABEL = re.compile(r"(?:^|(?<=[.;]\s)|(?<=[.;]\s\s))\s*(?P<label>Lead|Leads|Chair|Chairs|Co-?[Cc]hairs?|Vice[ -][Cc]hair|"
                        r"Coordinator|Coordinador[a]?|Coordina|(?:(?:Key|Notable|Other)\s+)?[Mm]embers|Miembros|Integrantes|"
                        r"Participants|Participan|Moderator|Modera|Liaison|Staff liaison|Enlace(?:\s+acad[eé]mico|\s+institucional)?)"
                        r"(?:\s+(?:destacad[oa]s|principales))?\s*:\s*")


# A courtesy title or an initial whose dot ends the text searched (`Dr.`, `Ing.`, `J.`).
_COURTESY_BEFORE = re.compile(r"\b(?:" + V.COURTESY_ABBREVIATIONS + r"|[A-Z])\.$")


def _labelled_runs(doc: Doc, people: list[tuple[int, int]], start: int, end: int):
    """(person, role) for the people after each role label inside the line (`Lead: A (Org). Members: B, C`);
    a surname alone names the one person of the page who bears it."""
    text = doc.text
    labels = list(_RUN_LABEL.finditer(text, start, end))
    for n, m in enumerate(labels):
        stop = labels[n + 1].start() if n + 1 < len(labels) else end
        dot = next((d for d in re.finditer(r"\.(?:\s|$)(?![^()]*\))", text[m.end() : stop])
                    if not _COURTESY_BEFORE.search(text, m.end(), m.end() + d.start() + 1)), None)
        stop = m.end() + dot.start() if dot else stop  # (not the dot of "Dr." or of an initial)
        role = _role_of(m.group("label")) or "member"
        yield from ((pidx, role) for pidx in people_named_in(doc, people, m.end(), stop))


def _same_line_moderators(text: str, people: list[tuple[int, int]], start: int, end: int) -> list[int]:
    """People on the heading's own line after a moderator label (`Panel 2: Title  Moderator: Name`)."""
    m = _MODERATOR.search(text, start, end)
    return [p for _, p in people_between(people, m.end(), end)] if m else []


def _named_again(doc: Doc, start: int, end: int, surnames: bool = False) -> list[tuple[int, int, int]]:
    """(start, end, person) of the full names of people already found, written again in
    text[start:end] where no stage recorded a mention (and with `surnames`, one person's surnames alone:
    `Dr. Solbakken`, `Ing. Carbajal Ybarra`)."""
    out = []
    segment = doc.text[start:end]
    lasts = [p.name.split()[-1] if p.name.split() else "" for p in doc.found["person"]]
    once = {last for last, n in Counter(lasts).items() if n == 1}  # surnames of one person only
    for pidx, person in enumerate(doc.found["person"]):
        last = lasts[pidx]
        names = {person.name} | person.aliases
        if "-" in last and len(last) >= 6 and last in once:
            names.add(last)  # "Deputy Secretary Blakemore-Ito": one person's hyphenated surname
        words = [w for w in person.name.split() if not w.startswith(("\"", "“", "'"))]
        if surnames and len(words) >= 3 and last in once:
            names.add(" ".join(words[-2:]))  # "Ing. Carbajal Ybarra": both surnames
        found = None
        for name in sorted(names, key=len, reverse=True):
            if len(name.split()) >= 2 or "-" in name:
                found = re.search(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", segment)
                if found:
                    break
        if not found and surnames and len(words) >= 2 and len(last) >= 4 and last in once:
            found = _titled_surname(last).search(segment)  # "Dr. Solbakken": a lone surname after a courtesy or title
            if found:
                out.append((start + found.end() - len(last), start + found.end(), pidx))
            continue
        if found:
            out.append((start + found.start(), start + found.end(), pidx))
    return out


def _titled_surname(last: str) -> re.Pattern:
    """`Dr. X`, `Ing. X`, `Secretary X`: the surname `last` after a courtesy or a title."""
    return re.compile(r"\b(?:" + V.COURTESY_ABBREVIATIONS + r"|Director|Directora|Secretary|Undersecretary|Minister|"
                      r"Ambassador|Consul)\.?\s+" + re.escape(last) + r"(?![\w-])")
