"""Line-shaped patterns: member lists under a heading (`Name - Organization`, `Name, Title, Org`,
`Role: Name - Org`, bare names, role sub-headings such as `Co-Chairs`), tables with a header row
(`Nombre | Cargo | Empresa`, tab-separated, flattened one cell a line), two lists side by side,
bylines (`Name` then `Title, Organization` or `Title at Organization` on the next line), speaker and
witness cards (`Name` / `Title` / `Organization` / ...) and profile headlines (`Title at Org | ...`)."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from db.extract import vocabulary as V
from db.extract.sections import furniture_heading
from db.extract.core import (
    table_cells,
    LEGAL_FORM_END,
    EMAIL_RE,
    Doc,
    Tok,
    acronym_owner,
    cap_runs,
    clean_org,
    collapse_double,
    fold,
    has_title_word,
    initiative_kind,
    is_generic,
    is_given,
    is_place,
    is_title_tok,
    looks_like_org,
    org_core,
    person_in_run,
    phrase_of,
    strip_leading,
    strip_list_words,
    tokens,
)
from db.extract.prose import PORTFOLIO_WORDS as _PORTFOLIO_WORDS
from db.extract.prose import inner_head, named_body
from db.extract.bios import org_at
from db.extract.core import GENERIC_WORDS as GENERIC

BULLET_RE = re.compile(r"^\s*(?:[•·▪‣◦●○■□*+]|[-–—](?=\s)|\d{1,3}[.)](?=\s))\s*")
_LIST_SEP = re.compile(r"\s+[-–—|]+\s*|\s*[-–—|]+\s+|\s*[:]\s+")

# member lists ---------------------------------------------------------------

@dataclass
class _ListItem:
    line: tuple[int, int]
    name: tuple[int, int]  # offsets of the name
    rest: tuple[int, int] | None  # offsets of what follows the separator
    role: str | None = None  # "Chairman: Name - Org"
    title: str | None = None  # "Senator Name, Org": the title written before the name


_ROLE_PREFIX = re.compile(r"([A-Z][^:,]{1,40}):\s+(?=\S)")
# A role in a column of its own before the name (`Principal Investigator        Name (Org)`).
_ROLE_COLUMN = re.compile(r"([A-Z][^:\t]{1,45}?)(?:[ ]{3,}|\t+)(?=[A-ZÁÉÍÓÚÑ])")


# A roster line's label before a dash: a seat (`District IV`, `Seat 3`, `Distrito 2`) or a role of
# at most four words (`Immediate Past Chair`).
_SEAT_OR_ROLE = re.compile(r"(?P<seat>(?:District|Distrito|Seat|Position|Place|Precinct|Ward|Zone|Zona|Region|Regi[oó]n|"
                           r"Area|[AÁ]rea)\s+(?:[IVXL]{1,5}|\d{1,3}|[A-Z])\b\.?)|(?P<role>[A-Z][a-z]+(?:[ -][A-Za-z][a-z]*){0,3})")


_SUFFIX_AFTER_COMMA = re.compile(r",\s*(?:Jr|Sr|II|III|IV)\.?(?=\s|,|$)")


_PAREN_AFTER = re.compile(r"(.+?)\s*\((.+)\)\s*")  # "Name (Org)"


def _split_list_line(text: str, start: int, end: int) -> _ListItem | None:
    line = text[start:end]
    m = BULLET_RE.match(line)
    body_start = start + (m.end() if m else len(line) - len(line.lstrip()))
    body = text[body_start:end].rstrip()
    first = _SENTENCE_END.search(body) if "." in body else None
    if len(body) > 160 and first and first.start() <= 160 and _LIST_SEP.search(body, 0, first.start()):
        body = body[: first.start() + 1]  # "• Name — 25 years at Carrier X, most recently as COO. She will chair ...": the first sentence
        end = body_start + len(body)
    if not body or body.endswith(":") or len(body) > 160 or "@" in body and EMAIL_RE.fullmatch(body.strip()):
        return None
    if "(" in body and any(not has_title_word(m.group(1)) and 2 <= len(m.group(1).split()) <= 5
                           for m in _PAREN_RUN.finditer(body)):
        return None  # "Council Members: A (District 1), B (District 2), C (At Large)": several people, read as a sentence
    role = None
    rm = _ROLE_PREFIX.match(body) or _ROLE_COLUMN.match(body)
    if rm and has_title_word(rm.group(1)):
        role, body_start, body = rm.group(1), body_start + rm.end(), body[rm.end() :]
    sep = _LIST_SEP.search(body)
    if sep and ":" not in sep.group() and (lm := _SEAT_OR_ROLE.fullmatch(body[: sep.start()])) and re.match(
            r"[A-ZÁÉÍÓÚÑ]", body[sep.end() :].lstrip()) and (lm.group("seat") or has_title_word(lm.group("role"))):
        # "District II – Name, title, Org", "Vice Chair – Name (Company)": a seat or a role, then the entry
        role = role or (lm.group("role") and lm.group("role").strip())
        skip = sep.end() + len(body[sep.end() :]) - len(body[sep.end() :].lstrip())
        body_start, body = body_start + skip, body[skip:]
        sep = _LIST_SEP.search(body)
    paren = _PAREN_AFTER.fullmatch(body) if "(" in body else None
    comma = body.find(",")
    suffix = _SUFFIX_AFTER_COMMA.match(body, comma) if comma > 0 else None
    if suffix:  # "Dale Emmons, Jr. - Org": the suffix is part of the name
        after = body.find(",", suffix.end())
        sep = _LIST_SEP.search(body, suffix.end())
        comma = after
        if comma < 0 and not sep:
            comma = -1
    if sep and (comma < 0 or sep.start() < comma):
        name_end, rest = sep.start(), (sep.end(), len(body))
    elif paren and not (0 < comma < paren.end(1)):
        name_end, rest = paren.end(1), (paren.start(2), paren.end(2))
    elif comma > 0:
        name_end, rest = comma, (comma + 1, len(body))
    else:
        name_end, rest = len(body), None
    head = body[:name_end].strip()
    if sep and rest and ":" not in sep.group() and not _courtesy_len(head) and _courtesy_len(body[rest[0]:].lstrip()) \
            and not has_title_word(head) and not _heading_role(head) and fold(head).split()[:1] not in (["por"], ["by"], ["para"], []):
        return None  # "Aceros del Norte — Ing. Name, director general": a roster line written organization first
    rest_span = None
    if rest:
        r0, r1 = rest
        seg = body[r0:r1]
        r0 += len(seg) - len(seg.lstrip())
        r1 -= len(seg) - len(seg.rstrip(" .;"))
        if r1 > r0:
            rest_span = (body_start + r0, body_start + r1)
    return _ListItem((start, end), (body_start, body_start + name_end), rest_span, role)


def _title_case(raw: str) -> str:
    """`JOSÉ LUIS DE LA GARZA` -> `José Luis de la Garza`, `ESPARZA-McCAULEY` -> `Esparza-McCauley` (same length,
    so offsets still hold)."""
    return re.sub(r"\b(Ma?c)([a-z])", lambda m: m.group(1) + m.group(2).upper() if len(m.group(1)) == 2 else m.group(0),
                  " ".join(w.lower() if fold(w) in V.NAME_PARTICLES | V.NAME_CONNECTORS and i else w.title()
                           for i, w in enumerate(raw.split(" "))))


def _shouted(raw: str) -> bool:
    """A name written in capitals, but for a suffix (`, Jr.`) or a `Mc` (`ESPARZA-McCAULEY`)."""
    if raw.isupper():
        return True
    if "Mc" not in raw and "Jr" not in raw and "Sr" not in raw:
        return False  # (a name in mixed case: most lines)
    core = re.sub(r",?\s+(?:Jr|Sr)\.?\s*$", "", raw.strip())
    return re.sub(r"\bMc(?=[A-Z])", "MC", core).isupper()


_COURTESY_PREFIX = re.compile(r"((?:[A-Z]\.){2}|[A-Z][a-z]{1,4}\.?|[A-Z]{2,4}\.)\s+(?=[A-ZÁÉÍÓÚÑ])")  # ("DR. NAME" in capitals)


_NAME_PAREN = re.compile(r"(.+?)\s*\(([^()]{2,40})\)\s*")


def _courtesy_len(name: str) -> int:
    """Length of a courtesy title opening `name` (`Lic. `, `Dra. `, `C.P. `), else 0."""
    m = _COURTESY_PREFIX.match(name)
    return m.end() if m and fold(m.group(1)).replace(" ", "") in V.COURTESY | {"c.p"} else 0


_NOT_A_NAME = re.compile(r"\w\w[.!?;:]\s|[;:]|\d")  # a sentence's end, a colon or a digit


def _list_person(text: str, item: _ListItem, strong: bool) -> list[Tok] | None:
    a, b = item.name
    raw = text[a:b]
    skip = _courtesy_len(raw)  # "Lic. Name", "C.P. Name"
    a, raw = a + skip, raw[skip:]
    paren = _NAME_PAREN.fullmatch(raw) if "(" in raw else None
    if paren and item.rest is not None and _heading_role(paren.group(2)):
        item.role = item.role or paren.group(2)  # "Name (Co-Chair), Org"
        raw = paren.group(1)
    if "(" in raw or ")" in raw:
        return None
    if not raw.strip() or _NOT_A_NAME.search(raw.strip().rstrip(".")):
        return None
    if _shouted(raw) and len(raw.strip()) > 4:
        raw = _title_case(raw)  # "JOSÉ LUIS GIL - USAID", "ROSCOE T. DUPLANTIER, Jr.", "LUCIANO ESPARZA-McCAULEY"
    toks = tokens(raw, a)
    if not toks or not all(t.cap or t.key in V.NAME_PARTICLES for t in toks):
        return None
    run = collapse_double(toks)
    found = person_in_run(run, strong=strong)
    if not found:
        return None
    if found[0]:  # "Senator Name, Texas State Senate": a title before the name, kept for the affiliation
        if not all(is_title_tok(t) or t.key in V.TITLE_MODIFIERS for t in found[0]) or item.rest is None:
            return None
        item.title = phrase_of(text, found[0])
    return found[1]


# Column labels of a table's header row, by what the column holds.
_COLUMNS = {
    "person": "name nombre full name nombre completo director directora member miembro integrante consejero consejera "
              "participant participante attendee asistente speaker ponente delegate delegado representative "
              "representante",
    "org": "company empresa organization organisation organizacion institution institucion dependencia affiliation "
           "agency employer entity entidad firm organismo",
    "title": "title position cargo puesto role rol job title",
    "other": "location city ciudad state estado country pais email correo phone telefono sector seat term periodo",
}
_COLUMN_OF = {label: kind for kind, labels in _COLUMNS.items() for label in labels.split()} | {
    "full name": "person", "nombre completo": "person", "job title": "title"}


# A part of more words than the longest label names no column: it is not folded (every line of a
# list is read as a possible header row, and folding each one was a tenth of a list's extraction).
_LONGEST_LABEL = max(len(label.split()) for label in _COLUMN_OF)


_SLASH = re.compile(r"\s*/\s*")


def _column(cell: str) -> str | None:
    """The kind of column a header cell names (`Empresa / Institución` -> "org"), else None."""
    kinds = {
        _COLUMN_OF.get(fold(part).strip()) if not _words_at_least(part, _LONGEST_LABEL + 1) else None
        for part in _SLASH.split(cell.strip())
    }
    kinds.discard(None)
    return kinds.pop() if len(kinds) == 1 else None


_ASCII_CHUNK = re.compile(r"\S*[A-Za-z0-9]\S*")  # a space-separated chunk holding an ASCII letter or digit


def _words_at_least(part: str, n: int) -> bool:
    """Whether fold(part) surely has at least n words: every space-separated chunk holding an ASCII
    letter or digit gives at least one (folding keeps those and turns only other characters into
    spaces, never joining two chunks)."""
    return len(_ASCII_CHUNK.findall(part)) >= n




def _tables(doc: Doc, lines: list[tuple[int, int]]) -> set[int]:
    """Tables with a header row naming their columns, one row a line (`Nombre | Cargo | Empresa`, tab-separated,
    a row wrapped onto a second line of fewer cells) or flattened one cell a line (`Director` / `Company` /
    `Location` then three lines a row): each row's person, title and organization. Returns the lines read."""
    text = doc.text
    used: set[int] = set()
    nonempty = [ln for ln in lines if text[ln[0] : ln[1]].strip()]
    k = 0
    while k < len(nonempty):
        cols = [_column(text[a:b]) for a, b in table_cells(text, nonempty[k])]
        flat = 0
        if len(cols) == 1 and cols[0]:  # a header flattened one label a line
            while k + flat < len(nonempty) and len(c := table_cells(text, nonempty[k + flat])) == 1 and _column(text[c[0][0]:c[0][1]]):
                flat += 1
            cols = [_column(text[c[0][0]:c[0][1]]) for c in (table_cells(text, nonempty[k + i]) for i in range(flat))]
        if len(cols) < 2 or not all(cols) or cols.count("person") != 1 or "org" not in cols and "title" not in cols:
            k += 1
            continue
        header = nonempty[k]
        rows: list[tuple[list[tuple[int, int]], list[tuple[int, int]]]] = []  # (cells, lines)
        j = k + max(flat, 1)
        while j < len(nonempty):
            if flat:
                chunk = nonempty[j : j + flat]
                if len(chunk) < flat or any(len(table_cells(text, ln)) != 1 for ln in chunk):
                    break
                cells = [table_cells(text, ln)[0] for ln in chunk]
                if not _table_person(text, cells[cols.index("person")], True):
                    break
                rows.append((cells, chunk))
                j += flat
                continue
            ln = nonempty[j]
            if text.count("\n", nonempty[j - 1][1], ln[0]) > 1:
                break  # a blank line ends the table
            cells = table_cells(text, ln)
            nxt = table_cells(text, nonempty[j + 1]) if j + 1 < len(nonempty) and text.count(
                "\n", ln[1], nonempty[j + 1][0]) == 1 else []
            if len(cells) == len(cols) and len(nxt) == 2 < len(cols) and cols[0] == "person":
                rows.append((cells, [ln, nonempty[j + 1]]))  # the rest of the row wrapped onto a line of two cells
                j += 2
                continue
            if len(cells) == len(cols) and _table_person(text, cells[cols.index("person")], True):
                rows.append((cells, [ln]))
            elif len(cells) == len(cols) and _PLACEHOLDER.fullmatch(_cell_text(text, cells[cols.index("person")])):
                used.add(ln[0])  # a seat nobody holds yet: the table goes on
            else:
                break
            j += 1
        if not rows:
            k += 1
            continue
        heading = _heading_before(text, lines, header)
        ini = _heading_initiative(doc, heading) if heading else None
        used.add(header[0])
        if flat:
            used.update(ln[0] for ln in nonempty[k : k + flat])
        for cells, rlines in rows:
            row = {kind: cells[i] for i, kind in enumerate(cols) if kind != "other"}
            pa, pb = row["person"]
            if len(rlines) > 1 and not flat:  # "Ing. Name | Vocal | Org" / "Surname | Org (continued)"
                rest = table_cells(text, rlines[1])[0]
                skip = _courtesy_len(text[pa:pb])
                toks = tokens(text[pa + skip : pb], pa + skip) + tokens(text[rest[0] : rest[1]], rest[0])
                found = person_in_run(toks, strong=True) if toks and len(toks) <= 6 and all(
                    t.cap or t.key in V.NAME_PARTICLES for t in toks) else None
                name_toks = found[1] if found and not found[0] else None
            else:
                name_toks = _table_person(text, (pa, pb), True)
            if not name_toks:
                continue
            shown = " ".join(t.text for t in name_toks)
            pidx = doc.add("person", shown, doc.span(name_toks[0].start, name_toks[-1].end, rlines[0]))
            if len(name_toks) > 1 and name_toks[-1].start > rlines[0][1]:
                doc.alias("person", pidx, shown)
            title = text[row["title"][0]:row["title"][1]] if "title" in row else None
            person = doc.found["person"][pidx]
            if title:
                person.title = person.title or title
            if "org" in row:
                oa, ob = row["org"]
                if len(rlines) > 1 and not flat:
                    first = [c for c in table_cells(text, rlines[0])][-1]
                    last = table_cells(text, rlines[1])[-1]
                    org = " ".join([text[first[0]:first[1]], text[last[0]:last[1]]])
                    span = doc.span(first[0], first[1], rlines[0])
                else:
                    org = text[oa:ob]
                    span = doc.span(oa, ob, rlines[0])
                org = _strip_place_parens(clean_org(org))
                if org and not is_place(org) and not is_generic(org):
                    doc.affiliate(pidx, doc.add("organization", org, span), title)
            if ini is not None:
                cell = _cell_text(text, (pa, pb))
                comma = cell.find(",")
                doc.member(pidx, ini, (comma > 0 and _cell_role(cell[comma + 1 :])) or "member")
            used.update(ln[0] for ln in rlines)
        k = j
    return used


def _cell_text(text: str, cell: tuple[int, int]) -> str:
    return text[cell[0] : cell[1]].strip()


def _cell_role(rest: str) -> str | None:
    """The role written after a name in a table's name cell (`Name, Chair`, `Name, Vice Chair`,
    `Nombre, Presidente`): the words after the comma, when they are one to three title words."""
    toks = tokens(rest)
    if not 1 <= len(toks) <= 3 or not all(is_title_tok(t) or t.key in V.TITLE_MODIFIERS for t in toks) \
            or not is_title_tok(toks[-1]) or rest.strip()[-1:] not in "".join(t.text[-1:] for t in toks[-1:]):
        return None
    return rest.strip()


# A row of a roster whose name cell holds no one yet ("Vacant | Student representative | —").
_PLACEHOLDER = re.compile(r"(?i)vacant|vacante|tbd|tba|por definir|por designar|open seat|—|–|-|n/?a")


def _table_person(text: str, cell: tuple[int, int], named_column: bool = False) -> list[Tok] | None:
    """The person named in a table's name cell (a courtesy title such as `Ing.` or `Dr.` dropped). In a
    column its header calls `Name`, two to five capitalised words that name no organization, place or
    title are a name even when no list knows their words (`Chayton Two Bulls-Ramírez`)."""
    a, b = cell
    raw = text[a:b]
    skip = _courtesy_len(raw)
    comma = re.search(r",\s*(?!(?:Jr|Sr|III|II|IV|Ph\.?\s?D)\b)", raw[skip:])
    if comma and (not has_title_word(raw[skip + comma.end():]) or _cell_role(raw[skip + comma.end():])):
        raw = raw[: skip + comma.start()]  # "Name, Company" or "Name, Vice Chair" in one cell: the name alone
    toks = tokens(raw[skip:], a + skip)
    if looks_like_org(raw[skip:]):
        return None  # "Saucedo Parr Insurance Brokers": a company named after its founders
    if not toks or len(toks) > 6 or not all(t.cap or t.key in V.NAME_PARTICLES for t in toks):
        return None
    found = person_in_run(toks, strong=True)
    if found and not found[0]:
        return found[1]
    if named_column and 2 <= len(toks) <= 5 and toks[0].cap and toks[-1].cap and not any(
            is_title_tok(t) or t.key in V.ORG_HEADS or t.key in V.ORG_SUFFIXES or t.key in V.TOPIC_WORDS for t in toks) \
            and not is_place(raw[skip:]) and not re.search(r"[\d()@/|:;]", raw[skip:]):
        return toks
    return None


_WIDE = re.compile(r"\S(?:\s{3,}|\t+\s*)(?=\S)")


def _two_columns(doc: Doc, lines: list[tuple[int, int]]) -> set[int]:
    """Two lists set side by side, each line holding a cell of each at the same column (`Lic. Name      Name` /
    `Partner, Firm X      Vice President, Firm Y`): each column read as cards (a name, then its titles and
    organizations, a cell ending in `de`/`of` going on in the next). Cards may stand apart by blank lines
    (`Name      Name` / `Company      Company` / blank / ...): then each card's first cell is its person.
    Returns the lines read."""
    text = doc.text
    used: set[int] = set()
    k = 0
    while k < len(lines):
        block: list[tuple[tuple[int, int], tuple[int, int]]] = []
        card_starts: set[int] = set()  # indices into block of rows right after a blank line
        col = None
        j = k
        blank = False
        while j < len(lines):
            s, e = lines[j]
            gaps = list(_WIDE.finditer(text, s, e))
            body = text[s:e].strip()
            if not body and block and col is not None and not blank:
                blank = True  # a blank line between cards of the same two columns
                j += 1
                continue
            if not gaps and body and col is not None:  # one cell only: the left one, or the right one at its column
                if len(body) > 100 or body.endswith(".") and not LEGAL_FORM_END.search(body) \
                        or blank and not _card_opening(text, lines, j) \
                        or blank and _member_heading(text, (s, e)) and not _heading_role(body):
                    break  # running text below the columns, or the heading of another list ("BOARD OF DIRECTORS")
                b0 = text.index(body, s)
                if b0 - s <= 1:
                    cell = ((b0, b0 + len(body)), (b0 + len(body), b0 + len(body)))
                elif abs(b0 - s - col) <= 3:
                    cell = ((b0, b0), (b0, b0 + len(body)))
                else:
                    break
                if blank:
                    card_starts.add(len(block))
                block.append(cell)
                blank = False
                j += 1
                continue
            if len(gaps) != 1 or not body:
                break
            at = gaps[0].end() - s
            if col is not None and abs(at - col) > 3 and not (block and blank is False and _name_pair(text, block[card_starts and max(
                    n for n in card_starts if n < len(block)) or 0])):
                break  # (cards set apart by a gap of the same width, not at the same column: "Name      Name" over "Title, City      Title")
            col = at if col is None else col
            left = text[s : gaps[0].start() + 1].strip()
            l0 = text.index(left, s)
            if blank or not block:
                card_starts.add(len(block))
            block.append(((l0, l0 + len(left)), (gaps[0].end(), s + len(text[s:e].rstrip()))))
            blank = False
            j += 1
        if len(block) < 4:
            k = max(j, k + 1)
            continue
        found = 0
        for side in (0, 1):
            kept = [(n, b[side]) for n, b in enumerate(block) if b[side][1] > b[side][0]]
            cells = [c for _, c in kept]
            starts = {m for m, (n, _) in enumerate(kept) if n in card_starts} if len(card_starts) >= 2 else set()
            # "Vicepresidenta     Lic. Dafne Ríos" over "                   Grupo Textil": a role beside the name
            # ("Chair     Name, Company" on one line is a list item's, read with its company by the list reader)
            beside = {m: text[block[n][0][0] : block[n][0][1]].strip() for m, (n, c) in enumerate(kept)
                      if side == 1 and block[n][0][1] > block[n][0][0] and "," not in text[c[0] : c[1]]
                      and _role_cell(text[block[n][0][0] : block[n][0][1]])}
            lefts = [text[b[0][0] : b[0][1]] for b in block if b[0][1] > b[0][0]]
            if beside and 3 * len(beside) < 2 * len(lefts):
                beside = {}  # the left column is another column of cards, not of roles
            for m, (n, c) in enumerate(kept):  # "Consejeros   A (Org)" / "             B (Org)": the role goes on
                if m not in beside and m - 1 in beside and block[n][0][1] == block[n][0][0] \
                        and re.search(r"\S\s*\([^()]{2,60}\)$", text[c[0] : c[1]]):
                    beside[m] = beside[m - 1]
            rows = {m for m, (n, c) in enumerate(kept) if side == 1 and block[n][0][1] > block[n][0][0]}
            found += _column_cards(doc, cells, starts, beside, rows if beside else frozenset())
        if found >= 2:
            used.update(lines[i][0] for i in range(k, j))
        k = j
    return used


def _wrapped_tail(prev: str, seg: str) -> bool:
    """`seg` ends the organization that the card's line `prev` (`Title, Org`) was cut in: a word or two of a
    name's end (`Holdings`, `Electric Cooperative`), no title, place or comma."""
    words = seg.split()
    return "," in prev and 1 <= len(words) <= 3 and "," not in seg and all(w[:1].isupper() for w in words) \
        and (fold(words[-1]) in V.ORG_SUFFIXES or fold(words[-1]) in V.COMPANY_ENDS) and not has_title_word(seg) \
        and not is_place(seg) and not LEGAL_FORM_END.search(prev) and bool(re.search(r"[A-Z][\w&.'’-]*$", prev)) \
        and not is_place(last := prev.rsplit(",", 1)[1].strip()) and not looks_like_org(last)  # (not "Country Manager, Mexico")


# A card's sentence on where the person worked before (`former HR lead at X`, `Previously with the customs brokerage X`).
# (the organization after it is read by `org_at`)
_PAST_AT = re.compile(r"\b(?:(?:[Ff]ormer|[Pp]reviously|[Ee]arlier)\s+(?P<title>[A-Za-z][\w\- ]{2,40}?)\s+(?:at|with|of)|"
                      r"[Pp]reviously\s+(?:with|at))\s+(?:the\s+)?(?:[a-z][\w\-]*\s+){0,3}(?=[A-ZÁÉÍÓÚÑ])")


_BIO_SENTENCE = re.compile(r"(?<=[a-z]{2})\.\s+(?=[A-ZÁÉÍÓÚÑ])")


def _name_pair(text: str, row: tuple[tuple[int, int], tuple[int, int]]) -> bool:
    """Both cells of a row are names (`Zoltán Farkas-Medina          Yaretzi Anaya Lucero`)."""
    return all(b > a and _table_person(text, (a, b), named_column=True) for a, b in row)


def _card_opening(text: str, lines: list[tuple[int, int]], j: int) -> bool:
    """The one-cell line after a blank opens another card: a line of a few words with more lines under it."""
    s, e = lines[j]
    nxt = lines[j + 1] if j + 1 < len(lines) else None
    return len(text[s:e].split()) <= 6 and nxt is not None and bool(text[nxt[0] : nxt[1]].strip())


def _role_cell(cell: str) -> bool:
    """A table cell holding a role alone (`Vicepresidenta`, `Consejeros`, `Vice Chair`)."""
    cell = cell.strip().rstrip(":")
    if "," in cell and is_place(cell.split(",", 1)[1].strip()):
        cell = cell.split(",", 1)[0]  # "Field Coordinator, Mexico": the role, then where it is held
    cell = re.sub(r"^(?:Co|Vice|Deputy|Sub)-(?=[A-Z])", "", cell)  # "Co-Principal Investigator"
    toks = tokens(cell)
    if not 0 < len(toks) <= 4 or "," in cell:
        return False
    if fold(cell).rstrip("s") in V.TITLE_WORDS or toks[-1].key.rstrip("s") in V.TITLE_WORDS and len(toks) <= 3:
        return True  # ("Research Associates" beside names are their role, not a firm)
    return not looks_like_org(cell) and all(
        is_title_tok(t) or t.key in V.TITLE_MODIFIERS or t.key in V.NAME_CONNECTORS for t in toks)


def _column_cards(doc: Doc, cells: list[tuple[int, int]], starts: set[int] = frozenset(),
                  beside: dict[int, str] | None = None, rows: set[int] = frozenset()) -> int:
    """Cards in one column of cells (`starts`: the cells that open a card after a blank line; `beside`: the
    cells with a role in the column on their left; `rows`: the cells with any cell on their left, each
    a row of its own); returns how many people were read."""
    beside = beside or {}
    text = doc.text
    upto = min([k for k in starts if k > 0] + [len(cells)])  # the cells before the next card (or heading)
    if starts <= {0} | set(range(upto, len(cells))) and upto >= 6 and upto % 2 == 0:
        pairs = [_table_person(text, c) for c in cells[:upto]]
        if all(pairs[0::2]) and not any(pairs[1::2]) and not any(
                has_title_word(text[a:b]) and not looks_like_org(text[a:b]) for a, b in cells[1:upto:2]):
            starts = set(starts) | set(range(0, upto, 2))  # "Name" / "Company" / "Name" / "Company": two-line cards
    names = []
    paren_orgs: dict[int, tuple[int, int]] = {}  # "Garrett Oyelowo (Hollins Thermal de México)": the company in brackets
    for i, c in enumerate(cells):  # a name needs a title on the next cell and no connector ending the cell before
        after = text[cells[i + 1][0] : cells[i + 1][1]] if i + 1 < len(cells) else ""
        before = text[cells[i - 1][0] : cells[i - 1][1]] if i else ""
        ok = has_title_word(after.split(",")[0]) and not re.search(r"\s(?:de|del|of|y|and|for|la)$", before.strip())
        opens = i in starts and i + 1 < len(cells) and i + 1 not in starts  # the first cell of a card with more below
        role_above = (i == 1 or i - 1 in starts) and has_title_word(before) and len(before.split()) <= 4 \
            and not looks_like_org(before)
        if opens or role_above or i in beside:  # "Lorcan Mayhew (ex officio)", "Rashid Benmoussa-Clarke*": the name before its mark
            m = re.search(r"\s*(?:\(([^()]{2,60})\)|[*†‡]+)$", text[c[0] : c[1]])
            if m and m.start() > 0 and m.group(1) and m.group(1)[:1].isupper() and _name_shaped(m.group(1)) \
                    and not has_title_word(m.group(1)):
                paren_orgs[i] = (c[0] + m.start(1), c[0] + m.end(1))
            c = (c[0], c[0] + m.start()) if m and m.start() > 0 else c
        company = bool(LEGAL_FORM_END.search(text[c[0] : c[1]]))  # "Transportes Cumbres, S.A. de C.V."
        if beside and i in rows and i not in beside and "," in text[c[0] : c[1]] and not company:
            cut = c[0] + text[c[0] : c[1]].index(",")  # "Data Engineering    Name, Company": a row of its own
            name = _table_person(text, (c[0], cut), named_column=True)
            rest = text[cut + 1 : c[1]].strip()
            if name and rest[:1].isupper() and _name_shaped(rest) and not has_title_word(rest):
                paren_orgs[i] = (text.index(rest, cut), text.index(rest, cut) + len(rest))
            names.append(name)
            continue
        names.append(_table_person(text, c, named_column=i in beside) if (ok or opens or role_above or i in beside)
                     and not company else None)  # (a role beside the cell vouches for a name no list knows)
    count = 0
    for i, name in enumerate(names):
        if not name:
            continue
        pidx = doc.add("person", phrase_of(text, name), doc.span(name[0].start, name[-1].end, cells[i]))
        count += 1
        person = doc.found["person"][pidx]
        rest = []
        n = i + 1
        while n < len(cells) and not names[n] and len(rest) < 4 and n not in starts and n not in beside and n not in rows:
            a, b = cells[n]
            seg = text[a:b].strip().rstrip(";")
            if _ends_card(seg):
                break
            if "," in seg and _table_person(text, (a, a + text[a:b].index(","))) and not LEGAL_FORM_END.search(seg):
                break  # "Name, Company": the next card's person, not this one's organization (not "Ruiz, Paz y Asociados, S.C.")
            if rest and re.search(r"\s(?:de|del|of|y|and|for|la)$", rest[-1][0]) and not has_title_word(seg):
                rest[-1] = (rest[-1][0] + " " + seg, rest[-1][1])  # "Consejo Peninsular de" / "Comercio Exterior"
            elif rest and _wrapped_tail(rest[-1][0], seg):
                rest[-1] = (rest[-1][0] + " " + seg, rest[-1][1])  # "President, Lund Agricultural" / "Holdings"
            else:
                rest.append((seg, cells[n]))
            n += 1
        pending = None
        if i >= 1 and not names[i - 1] and (i == 1 or i - 1 in starts) and has_title_word(text[cells[i - 1][0] : cells[i - 1][1]]):
            person.title = person.title or text[cells[i - 1][0] : cells[i - 1][1]].strip()
        if i in beside and has_title_word(beside[i]):
            person.title = person.title or beside[i]
        if i in paren_orgs:
            a, b = paren_orgs[i]
            doc.affiliate(pidx, doc.add("organization", text[a:b], doc.span(a, b, cells[i])), None)
        rest = [(piece.strip(), span) for seg, span in rest for piece in _BIO_SENTENCE.split(seg) if piece.strip()]
        for m, (seg, span) in enumerate(rest):  # ("Trade policy. Former specialist, Agency X.": each sentence apart)
            parts = comma_parts(seg)
            if not parts:
                continue
            first = parts[0].strip()
            if is_place(first) and len(parts) <= 2:
                continue  # "Grand Rapids, MI": where the card's person is
            last_of_card = m == len(rest) - 1 and pending is None and bool(starts)
            if has_title_word(first) and not looks_like_org(first) and len(parts) == 1 and not (
                    last_of_card and not is_title_tok(tokens(first)[0]) and len(first.split()) >= 2):
                pending = seg  # a title alone: the organization is on the next cell (not "Tern Harbor Advisors")
                person.title = person.title or seg
                continue
            pairs = _title_org_sequence([p.strip() for p in parts]) if len(parts) >= 2 else []
            if not pairs and (not has_title_word(first) or last_of_card) and _name_shaped(seg):
                pairs = [(pending, seg)]  # (a bio's sentence or a card's links in the column are no organization)
            if not pairs and (past := _PAST_AT.search(seg)) and (s0 := text.find(seg, span[0], span[1] + 1)) >= 0 \
                    and (found := org_at(doc, text, s0 + past.end(), s0 + len(seg), bare=bool(past.group("title")))):
                pairs = [(past.group("title"), found[0])]  # "former HR lead at X", "Previously with the brokerage X"
            for title, org in pairs:
                org = _strip_place_parens(clean_org(org))
                if not org or is_place(org) or is_generic(org) and not named_body(org):
                    continue
                at = text.find(org.split()[0], span[0], span[1] + 1)
                at = at if at >= 0 else span[0]
                doc.affiliate(pidx, doc.add("organization", org, doc.span(at, min(span[1], at + len(org)), span)), title)
                person.title = person.title or title
            pending = None
    return count


def member_lists(doc: Doc, lines: list[tuple[int, int]]) -> set[int]:
    """Member-list lines (`Name - Organization`, `Name, Title, Org`, bare names) under a heading."""
    text = doc.text
    _masthead(doc, lines)
    table_lines = _tables(doc, lines)
    table_lines |= _two_columns(doc, [ln for ln in lines if ln[0] not in table_lines])
    lines, line_of_cell = _column_pairs(text, lines, table_lines)
    items = [(ln, None if ln[0] in table_lines else _split_list_line(text, *ln)) for ln in lines]
    used: set[int] = set(table_lines)
    i = 0
    while i < len(items):
        # a block: list-shaped lines, blank lines allowed between them
        block, j = [], i
        while j < len(items):
            (s, e), item = items[j]
            if not text[s:e].strip():
                j += 1
                continue
            if item is None or not _list_shaped(text, item) or furniture_heading(text[s:e]):
                break
            if block and item.rest is None and not _heading_role(text[s:e]) and _member_heading(
                text, _line_heading(text, (s, e))
            ):
                break  # "Board of Directors": a new list starts under its own heading
            block.append(item)
            j += 1
        heading = _heading_before(text, lines, block[0].line) if block else None
        while block and block[0].rest is None and _member_heading(text, _line_heading(text, block[0].line)):
            heading, block = _line_heading(text, block[0].line), block[1:]  # "Members of the X Task Force"
        block = [it for it in block if not _header_row(text, it)]  # "Name | Title | Organization"
        if len(block) < 2 and not (block and block[0].rest and _member_heading(text, heading)):
            i = max(j, i + 1)
            continue
        with_rest = with_given = 0
        strong_names: dict[int, list[Tok] | None] = {}  # a line's strong reading, reused below
        for it in block:
            if it.rest:
                name = strong_names[id(it)] = _list_person(text, it, True)
                if name is not None:
                    with_rest += 1
                    with_given += is_given(name[0].text)
        # structure alone vouches for unknown names only under a group heading or when most
        # lines do start with known given names
        member_heading = _member_heading(text, heading)
        strong = (with_rest >= 1 and member_heading) or (with_rest >= 3 and with_given * 2 >= with_rest) or (
            with_rest >= 2 and with_rest == sum(1 for it in block if it.rest) and _titled_rests(text, block)
        )
        persons = []
        carded = 0
        for it in block:
            if strong and it.rest is not None:
                name = strong_names[id(it)]  # what the same call returned above
            else:
                name = _list_person(text, it, False)
            if name is None and it.rest is None and strong:
                name = _list_person(text, it, False)
            if it.rest is None and _shouted_card(text, lines, it):
                name = name or _list_person(text, it, True)  # "AUGUSTINA PELLEGRINI-WARD" over "President, X Center": a card
                carded += name is not None
            if name is not None and _body_name(name):
                name = None  # "Mesa de Dispositivos Médicos — coordinadora: A": a body, not a person
            if name is not None:
                persons.append((it, name))
        if len(persons) < 2 and not (persons and (member_heading or carded)):
            i = j
            continue
        ini = _heading_initiative(doc, heading) if heading else None
        # a role heading above or inside the list ("Co-Chairs", "Members") gives the role of what follows;
        # without a named group, the role is settled once the prose is read (the page's initiative)
        current = _heading_role(text[heading[0] : heading[1]]) if heading and ini is None else None
        if current is None and ini is None and heading and _MEMBERS_TAIL.search(". " + text[heading[0] : heading[1]]):
            current = "member"  # "... The Council is chaired by A. Current members:": the group named before
        role_of: dict[tuple[int, int], str | None] = {}
        for it in block:
            sub = _heading_role(text[it.line[0] : it.line[1]])
            if sub:
                current = sub
            else:
                role_of[it.line] = current
        person_lines = {it.line for it, _ in persons}
        for it, name in persons:
            role = role_of.get(it.line)
            if tail := _TRAILING_ROLE.search(text, it.line[0], it.line[1]):  # "..., Racine, Wis. - mission lead"
                role = "co-lead" if "co" in fold(tail.group(1)) else "lead"
            pidx = _add_list_person(doc, it, name, ini, role or "member")
            if role in ("speaker", "moderator") and ini is None:
                doc.pending_delegates.append((pidx, it.line[0], role))  # "Panelists": of the event, not of a group it mentions
            elif role and ini is None:
                doc.pending_roles.append((pidx, role, it.line[0]))
            elif ini is None and heading and (group_role := _participants_heading(text[heading[0] : heading[1]])):
                doc.pending_delegates.append((pidx, it.line[0], group_role))
            used.add(it.line[0])
            if it.rest is not None:
                continue
            card = _card(doc, pidx, lines, it.line)
            if card:  # "Name" / "Title" / "Organization" (speaker and witness cards)
                used.update(card)
                continue
            nxt = _next_nonempty(text, lines, it.line)
            if nxt is not None and nxt not in person_lines:
                if _title_line(doc, pidx, nxt):  # "Name" then "Title, Organization"
                    used.add(nxt[0])
        i = j
    return used | {line_of_cell[c] for c in used if c in line_of_cell}


def _shouted_card(text: str, lines: list[tuple[int, int]], item: _ListItem) -> bool:
    """A name line in capitals over a line of titles (`KEIKO X` / `Vice President, Government Affairs, Y`)."""
    raw = text[item.name[0] : item.name[1]].strip()
    if not _shouted(raw) or not 2 <= len(raw.split()) <= 6:
        return False
    nxt = _next_nonempty(text, lines, item.line)
    if nxt is None or nxt[0] - item.line[1] > 2:
        return False
    below = text[nxt[0] : nxt[1]].strip()
    first = below.split(",")[0]
    toks = tokens(first)
    if ":" in first or _WIDE.search(below) or re.search(r"\d", text[item.line[0] : item.line[1]]):
        return False  # "2.  ROLL CALL" / "Present: Mayor X", "MISSION FEES" / "Package     Members": no card
    return not _shouted(below) and any(is_title_tok(t) for t in toks[:3]) and len(first.split()) <= 8 \
        and not _courtesy_len(below) and len(below) <= 160 and not any(
            fold(w) in GENERIC and fold(w) not in V.NAME_CONNECTORS | V.NAME_PARTICLES for w in raw.split())


def _column_pairs(text: str, lines: list[tuple[int, int]], skip: set[int]) -> tuple[list[tuple[int, int]], dict[int, int]]:
    """Lines holding two list entries side by side (`LEOPOLD P. VORHEES, Texas      ADELINE ROSSITER-KANE, Oregon`),
    two lines or more in a row, split into their cells; returns the lines and each cell's line start."""
    pairs = [None if ln[0] in skip else _column_pair(text, ln, _WIDE) for ln in lines]
    narrow = [None if ln[0] in skip or pairs[n] else _column_pair(text, ln, _NARROW) for n, ln in enumerate(lines)]
    out: list[tuple[int, int]] = []
    line_of_cell: dict[int, int] = {}
    for n, ln in enumerate(lines):
        pair = pairs[n] or narrow[n]  # ("ROSCOE T. DUPLANTIER, Jr., Mississippi  INGRID X, Vermont": two spaces in a row of wider ones)
        if pair and ((n and pairs[n - 1]) or (n + 1 < len(pairs) and pairs[n + 1]) or (
                pairs[n] and ((n and narrow[n - 1]) or (n + 1 < len(pairs) and narrow[n + 1])))):
            out += pair
            line_of_cell.update({c[0]: ln[0] for c in pair})
        else:
            out.append(ln)
    return out, line_of_cell


_NARROW = re.compile(r"\S {2,}(?=\S)")


def _column_pair(text: str, line: tuple[int, int], gap: re.Pattern) -> list[tuple[int, int]] | None:
    """The two cells of a line that sets two `Name, Detail` entries apart by a `gap`, else None."""
    s, e = line
    gaps = [g for g in gap.finditer(text, s, e)]
    if len(gaps) != 1:
        return None
    g = gaps[0]
    cells = [(s + len(text[s : g.start() + 1]) - len(text[s : g.start() + 1].lstrip()), g.start() + 1),
             (g.end(), s + len(text[s:e].rstrip()))]
    for a, b in cells:
        cell = text[a:b]
        if "," not in cell:
            return None
        toks = tokens(cell.split(",", 1)[0])
        if not 2 <= len(toks) <= 6 or not toks[0].cap or not toks[-1].cap or any(is_title_tok(t) for t in toks) \
                or looks_like_org(cell.split(",", 1)[0]) or is_place(cell.split(",", 1)[0].strip()):
            return None
    return cells


_MASTHEAD = re.compile(r"[ \t]*(?P<acr>[A-Z][A-Z0-9&]{1,9})[ \t]*(?:[|–—:-][ \t]*(?P<name>[^\n|]{6,90}?)[ \t]*(?:\||$)|$)")


def _masthead(doc: Doc, lines: list[tuple[int, int]]) -> None:
    """A site's masthead, an acronym and the full name beside or under it (`ACBC | Amber Coast Business
    Council`, `ACBC` / `Amber Coast Business Council`): one organization, the acronym its short name."""
    text = doc.text
    top = [ln for ln in lines[:12] if text[ln[0] : ln[1]].strip()][:4]
    for n, (s, e) in enumerate(top):
        m = _MASTHEAD.match(text, s, e)
        if not m or m.end() != e and not m.group("name"):
            continue
        acr, name = m.group("acr"), m.group("name")
        if name is None and n + 1 < len(top):
            ns, ne = top[n + 1]
            name = text[ns:ne].strip()
            n0 = text.index(name, ns) if name else ns
        else:
            n0 = text.index(name, s) if name else s
        if not name or not _acronym_of(acr, name) or not _name_shaped(name):
            continue
        doc.add("organization", name, doc.span(n0, n0 + len(name), (n0, n0 + len(name))), acronym=acr)
        return
    for s, e in top[:2]:  # "CONSEJO EMPRESARIAL DEL NORESTE, A.C." over a report: its publisher, by its legal name
        name = text[s:e].strip()
        if not (name[:1].isupper() and LEGAL_FORM_END.search(name)) or len(name.split()) < 3 or len(name) > 110 \
                or re.search(r"[|·•/:]", name):
            continue
        n0 = text.index(name, s)
        acr = next((a.group() for a in re.finditer(r"\b[A-Z]{3,8}\b", text[: min(len(text), 20_000)])
                    if _acronym_of(a.group(), name.rsplit(",", 1)[0])), None)
        doc.add("organization", name, doc.span(n0, n0 + len(name), (n0, n0 + len(name))), acronym=acr)
        return




def _acronym_of(acr: str, name: str) -> bool:
    """`ACOBC` for `Amber Coast Business Council`: the name's initials in order within the acronym, and
    the acronym's letters in order within the name."""
    words = [w for w in re.split(r"[\s\-–]+", fold(name)) if w and w not in V.NAME_CONNECTORS]
    initials = "".join(w[0] for w in words).upper()
    letters = fold(name).upper()
    acr = fold(acr).upper().replace("&", "")
    it, it2 = iter(acr), iter(letters)
    return len(words) >= 2 and acr[:1] == initials[:1] and all(c in it for c in initials) and all(c in it2 for c in acr)


def _line_heading(text: str, line: tuple[int, int]) -> tuple[int, int]:
    s, e = line
    body = text[s:e].strip()
    off = text.index(body, s) if body else s
    return off, off + len(body.rstrip(":").rstrip())


def _header_row(text: str, item: _ListItem) -> bool:
    """A table's header row: `Name | Title | Organization`."""
    return fold(text[item.name[0] : item.name[1]]) in ("name", "nombre", "full name")


def _titled_rests(text: str, block: list[_ListItem]) -> bool:
    """Every line's rest reads `Title, Organization` (or `Title | Organization`): structure enough for a name."""
    for it in block:
        if it.rest is None:
            continue
        parts = [p for p in re.split(r"\s*[,|]\s*", text[it.rest[0] : it.rest[1]]) if p.strip()]
        if len(parts) < 2 or not has_title_word(parts[0]):
            return False
    return True


_PARTICIPANTS = re.compile(r"(?:(?:the\s+)?(?:delegation|(?:trade\s+|business\s+)?mission|trip)\s+)?(?:participants|delegates|"
                           r"delegation members|mission members|travell?ers|participantes|delegados|"
                           r"integrantes de la (?:delegaci[oó]n|comitiva|misi[oó]n))(?:\s+included)?"
                           r"(?:\s*\((?:confirmed|as of [^)]{1,30}|to date|confirmados|confirmadas)\))?", re.I)
_SPEAKERS = re.compile(r"(?:featured\s+|keynote\s+)?(?:speakers|panelists|panelistas|ponentes|conferencistas)", re.I)


# A sentence ending in the list of a delegation's members (`The U.S. delegation was led by A and included:`).
_DELEGATION_INCLUDED = re.compile(r"\b(?:delegation|delegaci[oó]n|mission|misi[oó]n|comitiva)\b.*\b(?:included|includes|include|"
                                  r"comprised|consisted of|was composed of|integrada por|conformada por|incluy[oó])\s*$", re.I)


def _participants_heading(line: str) -> str | None:
    """`Participants:` -> "member" (of the document's delegation), `Speakers:` -> "speaker" (of its forum)."""
    line = line.strip().rstrip(":").strip()
    if _PARTICIPANTS.fullmatch(line) or _DELEGATION_INCLUDED.search(line):
        return "member"
    return "speaker" if _SPEAKERS.fullmatch(line) else None


def _heading_role(line: str) -> str | None:
    """`Co-Chairs:` -> "co-chair", `Members` -> "member"; None for other lines."""
    m = _ROLE_HEADING.fullmatch(BULLET_RE.sub("", line).strip())
    if not m:
        return None
    role = m.group(1).lower().replace("chairs", "chair").replace("chairmen", "chair").rstrip("s")
    if re.search(r"at[\s-]+large", role):
        return "member"  # "Members at large"
    return {"leadership": "lead", "leader": "lead", "copresidente": "co-chair", "presidente": "chair",
            "vicepresidente": "vice chair", "miembro": "member", "integrante": "member", "delegate": "member",
            "delegado": "member", "secretarie": "secretary", "tesorera": "tesorero", "secretaria": "secretario",
            "panelist": "speaker", "panellist": "speaker", "presenter": "speaker", "ponente": "speaker",
            "panelista": "speaker", "moderadore": "moderator"}.get(role, role)


_ROLE_HEADING = re.compile(
    r"(?:(?:our|the)\s+)?((?:co-|vice[- ])?chairs?|(?:co-|vice[- ])?chairmen|co-?leads?|leaders?|leadership|members|"
    r"advisors|advisers|copresidentes?|presidentes?|vicepresidentes?|miembros|integrantes|delegates|delegados|"
    r"treasurers?|secretary-treasurer|secretar(?:y|ies)|members\s+at[\s-]+large|at[\s-]+large\s+members|"
    r"tesorer[oa]s?|secretari[oa]s?|speakers|panelists|panellists|presenters|ponentes|panelistas|moderators|moderadores)\s*:?",
    re.I,
)


# A paragraph ending by announcing the list below it (`... each quarter. Current members:`).
_MEMBERS_TAIL = re.compile(r"(?:^|[.:;]\s+)(?:(?:current|its|our|the|other|additional|sus|los|actuales)\s+)?"
                           r"(?:members|miembros|integrantes)(?:\s+(?:are|include|son|actuales))?\s*:?[ \t]*$", re.I)


_SENTENCE_IN = re.compile(r"\w\w[.!?]\s")


def _list_shaped(text: str, item: _ListItem) -> bool:
    name = text[item.name[0] : item.name[1]]
    name = name[_courtesy_len(name) :]
    return len(name.split()) <= 7 and not _SENTENCE_IN.search(name)


def _line_index(lines: list[tuple[int, int]], line: tuple[int, int]) -> int:
    return bisect.bisect_left(lines, line)


def _next_nonempty(text: str, lines, line: tuple[int, int]) -> tuple[int, int] | None:
    for ln in lines[_line_index(lines, line) + 1 :]:
        if text[ln[0] : ln[1]].strip():
            return ln
    return None


def _heading_before(text: str, lines, first_line: tuple[int, int]) -> tuple[int, int] | None:
    """The nearest non-empty line above a list, if it reads like a heading."""
    idx = _line_index(lines, first_line)
    for s, e in reversed(lines[:idx]):
        line = text[s:e].strip()
        if not line:
            continue
        if len(line.split()) <= 14 and not re.search(r"[.!?]$", line):
            off = text.index(line, s)
            return off, off + len(line.rstrip(":").rstrip())
        tail = _MEMBERS_TAIL.search(text, s, e)
        if tail:  # "... to pressure-test our outlook. Current members:": the paragraph's last words head the list
            start = tail.start() + len(tail.group()) - len(tail.group().lstrip(".:; \t"))
            return start, start + len(text[start : tail.end()].rstrip().rstrip(":").rstrip())
        return None
    return None


def _member_heading(text: str, heading: tuple[int, int] | None) -> bool:
    """A heading that announces people: an initiative's name or words like `Members`."""
    if heading is None:
        return False
    words = fold(text[heading[0] : heading[1]])
    return initiative_kind(words) is not None or any(
        w in V.LIST_WORDS - {"about"} or w in V.PEOPLE_HEADINGS for w in words.split()) or any(
        words.startswith(k + " ") for k in V.INITIATIVE_KINDS_FIRST
    )


def _heading_initiative(doc: Doc, heading: tuple[int, int]) -> int | None:
    """The initiative a list heading names (`X Task Force:`), and its owning organization."""
    text = doc.text
    s, e = heading
    for run in cap_runs(tokens(text[s:e], s), text):
        run = strip_list_words(strip_leading(run))
        phrase = phrase_of(text, run)
        kind = initiative_kind(phrase)
        words = fold(phrase).split()
        if not kind and words and _MEMBERS_AFTER.match(text, run[-1].end) and words[-1] in V.GROUP_BODIES:
            kind = "council"  # "Rio Grande Freight Council members:": a body with listed members
        if not kind or len(run) < 2 or fold(phrase) in V.INITIATIVE_KINDS:
            continue
        sent = heading
        shouted = phrase.isupper() and len(run) >= 3
        name = _title_case(phrase) if shouted else phrase  # "BINATIONAL WATER AND ENERGY WORKING GROUP"
        idx = doc.add("initiative", name, doc.span(run[0].start, run[-1].end, sent), kind=kind)
        if shouted:
            doc.alias("initiative", idx, phrase)
        else:
            acronym_owner(doc, idx, run, sent)
        return idx
    return None


# First words of a body's name (`Mesa de X`, `Comité de Y`, `Task Force on Z`) that a list line may open with.
_GROUP_FIRST = frozenset("mesa comision comite subcomite grupo consejo committee council panel task working subgrupo".split())
def _body_name(toks: list[Tok]) -> bool:
    """`Mesa de Dispositivos Médicos`, `Task Force on X`: the words open with a body's kind and `de`/`of`."""
    return len(toks) > 2 and toks[0].key in _GROUP_FIRST and toks[1].key in ("de", "del", "of", "on")


_MEMBERS_AFTER = re.compile(r"[ \t]+(?:members|membership|roster)[ \t]*:?[ \t]*(?:\n|$)", re.I)


def _add_list_person(doc: Doc, item: _ListItem, name: list[Tok], initiative: int | None, role: str = "member") -> int:
    """Add a member-list line's person with organization, title, email and membership; returns the person."""
    text = doc.text
    line = item.line
    written = phrase_of(text, name)
    shown = " ".join(_title_case(written).split()) if _shouted(written) else written
    pidx = doc.add("person", shown, doc.span(name[0].start, name[-1].end, line))
    if initiative is not None:
        doc.member(pidx, initiative, item.role.lower() if item.role and role == "member" else role)
    _list_details(doc, item, pidx)
    if item.role and not doc.found["person"][pidx].title:
        doc.found["person"][pidx].title = item.role
    return pidx


_SEGMENT = re.compile(r"[^;]+")


def _list_details(doc: Doc, item: _ListItem, pidx: int) -> None:
    """Title and organization from a list line's rest; each `;`-separated role (`CEO, Org; former
    Director, Other Org`) gives its own affiliation."""
    if not item.rest:
        return
    r0, r1 = item.rest
    segments = [m for m in _SEGMENT.finditer(doc.text[r0:r1]) if m.group().strip()]
    for n, m in enumerate(segments):
        seg = m.group()
        lead = len(seg) - len(seg.lstrip())
        _role_details(doc, item, pidx, (r0 + m.start() + lead, r0 + m.end()), first=n == 0)


def _role_details(doc: Doc, item: _ListItem, pidx: int, span: tuple[int, int], first: bool) -> None:
    text = doc.text
    line = item.line
    r0, r1 = span
    rest = text[r0:r1].rstrip(" .")
    if re.search(r"\b(?:S\.\s?C|A\.\s?C|S\.\s?A|C\.\s?V|Inc|Corp|Ltd)$", rest) and text[r0 + len(rest) : r0 + len(rest) + 1] == ".":
        rest += "."  # "Kuri, Haddad y Asociados, S.C.": the legal form keeps its dot
    r1 = r0 + len(rest)
    email = EMAIL_RE.search(rest) if "@" in rest else None
    if email:
        doc.found["person"][pidx].email = doc.found["person"][pidx].email or email.group()
        rest = rest[: email.start()].rstrip(" ,;(<")
        r1 = r0 + len(rest)
    rest = _rest_clause(rest)
    if (cred := _CREDENTIALS.match(rest)) and cred.end() < len(rest):
        r0, rest = r0 + cred.end(), rest[cred.end():]  # "Name, DNP — Org": her degree, then her organization
    if _NOTE_ONLY.fullmatch(rest):
        return  # "Name, MBA (signing in a personal capacity)"
    r1 = r0 + len(rest)
    parts = [q for p in comma_parts(rest) for q in _dash_parts(p)]
    if not parts:
        return
    trimmed = _drop_trailing_places(parts, sites=True)
    if _career_pairs(doc, pidx, trimmed, r0, line, first):
        return
    rest = ", ".join(parts)
    title, org = None, None
    if len(parts) == 1 and (m := _ORG_THEN_ROLE.fullmatch(parts[0])) and has_title_word(m.group("role")) \
            and not has_title_word(m.group("org")):
        parts = [m.group("role"), m.group("org")]  # "SEDECO (secretaria técnica)": the role is written after the body
    elif len(parts) >= 2 and (m := _TITLE_AT_ORG.fullmatch(rest)) and has_title_word(m.group("title").split(",")[0]) \
            and not has_title_word(m.group("org")):
        parts = [m.group("title"), m.group("org")]  # "Vice President, Mexico Operations at Brightwater Fluid Systems"
    if not first and len(parts) < 2 and not looks_like_org(parts[0]):
        return  # a later role without an organization ("; former Deputy Secretary of Commerce")
    if item.title and len(parts) == 1 and (looks_like_org(parts[0]) or not has_title_word(parts[0])):
        title, org = item.title, parts[0]
    elif len(parts) >= 2 and not any(has_title_word(p) for p in parts):
        # "De la Calle, Madrazo, Mancera": a firm's name with commas ("Firm X, Reynosa plant": not its site)
        org = ", ".join(trimmed) if len(trimmed) < len(parts) else rest.strip()
    elif len(parts) >= 2 and (pairs := _title_org_sequence(parts)):
        title, org = pairs[0]
        for extra_title, extra_org in pairs[1:]:
            if (o0 := text.find(extra_org, r0, line[1])) >= 0:
                doc.affiliate(pidx, doc.add("organization", extra_org, doc.span(o0, o0 + len(extra_org), line)), extra_title)
    elif len(parts) >= 2:
        parts = trimmed if len(trimmed) == 2 else parts  # "retired Port Director, Agency X, Laredo": not the place
        title_parts = [p for p in parts[:-1]]
        if any(has_title_word(p) for p in title_parts) or not has_title_word(parts[-1]):
            title, org = ", ".join(title_parts), parts[-1]
        else:
            org, title = parts[0], ", ".join(parts[1:])
    elif has_title_word(parts[0]) and not looks_like_org(parts[0]):
        title = parts[0]
        split = title_then_org(parts[0])
        if split:  # "directora general de Empaques del Pacífico"
            title, org = split
    elif has_title_word(parts[0]) and is_generic(re.sub(r"^(?:of|de|del)\s+", "", org_core(parts[0])[0])):
        title = parts[0]  # "Director of Member Services": a title naming a portfolio
    else:
        org = parts[0]
    if title and first:
        doc.found["person"][pidx].title = doc.found["person"][pidx].title or title
    org = _strip_place_parens(org) if org else org
    if org and not is_place(org) and (o0 := text.find(org, r0, line[1])) >= 0:
        oidx = doc.add("organization", org, doc.span(o0, o0 + len(org), line))
        doc.affiliate(pidx, oidx, title)


_SPACED_DASH = re.compile(r"\s+[–—]\s+")
# A roster line's role after a dash at its end (`- mission lead`, `– co-lead`).
_TRAILING_ROLE = re.compile(r"\s[-–—]\s*((?:(?:mission|delegation|trip|team)\s+)?(?:co-?)?lead(?:er)?)\s*$", re.I)
# One parenthesised detail after another name in a line: `A (District 1), B (District 2)`.
_PAREN_RUN = re.compile(r"\([^()\n]{1,40}\)\s*[,;]\s*(?:and\s+|y\s+)?([A-ZÁÉÍÓÚÑ][^(),;:\n]{2,50}?)\s*\(")


def _dash_parts(part: str) -> list[str]:
    """`Purchasing Director — Texas X Cooperative` -> the title and the body; `U.S. Commercial Service – El Paso`
    -> the body and its place; a dash inside a body's name (`Universidad X – Campus Y`) stays."""
    m = _SPACED_DASH.search(part)
    if not m:
        return [part]
    left, right = part[: m.start()], part[m.end() :]
    if (has_title_word(left) and not has_title_word(right) and looks_like_org(right)) or (is_place(right.strip()) and not is_place(left.strip())):
        return [left, right]
    return [part]


_TITLE_AT_ORG = re.compile(r"(?P<title>[^;]+?)\s+at\s+(?:the\s+)?(?P<org>[A-Z][^,;]*)")
_ORG_THEN_ROLE = re.compile(r"(?P<org>[^()]+?)\s*\((?P<role>[a-záéíóúñ][^()]{1,40})\)")


# "Name — retired Port Director, Agency X, Laredo. 31 years on the bridges": the details end with the first sentence;
# "Name, VP at Firm Y, who moved ...": a relative clause after them is no part of them.
_SENTENCE_END = re.compile(r"(?<=[^\W\d]{3})(?<!\bInc)(?<!\bCorp)(?<!\bLtd)(?<!\bBros)(?<!\bMich)(?<!\bMass)(?<!\bCalif)\.\s+(?=[A-Z0-9¿¡])")
_RELATIVE = re.compile(r",?\s+(?:who|which|where|whose|quien|quienes|que|donde|cuya|cuyo)\s", re.I)


def _rest_clause(rest: str) -> str:
    """A list line's details up to the end of their first sentence and before a relative clause."""
    end = _SENTENCE_END.search(rest) if "." in rest else None
    rest = rest[: end.start()] if end else rest
    rel = _RELATIVE.search(rest)
    return rest[: rel.start()].rstrip(" ,") if rel and rel.start() > 0 else rest


# "Plant Manager, Firm X, Laredo, TX" / "CEO | Firm Y | Querétaro, Qro.": a city and its state's abbreviation end the details.
_STATE_ABBREV = re.compile(r"[A-Z]{2}|(?:[A-Z][a-z]{0,4}\.\s?){1,2}|(?:[A-Z]\.\s?){2,3}")


def _drop_trailing_places(parts: list[str], sites: bool = False) -> list[str]:
    """`parts` without the city and state after them (with `sites`, down to one part, and a site
    named by its place: `Reynosa plant`)."""
    parts = list(parts)
    keep = 1 if sites else 2
    while len(parts) > 2 and _STATE_ABBREV.fullmatch(parts[-1].strip()) and is_place(parts[-2].strip()):
        parts = parts[:-2]
    while len(parts) > keep and (is_place(parts[-1].strip()) or sites and _site_of_place(parts[-1])):
        parts = parts[:-1]
    return parts


_SITE_WORDS = frozenset("plant office campus site facility facilities operations planta oficina sede".split())


def _site_of_place(part: str) -> bool:
    """`Reynosa plant`, `planta Ramos Arizpe`: a company's site named by its place."""
    words = part.split()
    if len(words) < 2:
        return False
    if fold(words[-1]) in _SITE_WORDS:
        return is_place(" ".join(words[:-1]))
    return fold(words[0]) in _SITE_WORDS and words[0].islower() and is_place(" ".join(words[1:]))


# Degrees and credentials written after a name ("Name, DNP — Org", "Name, PhD, MBA").
_CREDENTIALS = re.compile(r"(?:(?:Ph\.?\s?D|MBA|DNP|M\.?D|J\.?D|CPA|P\.?E|RN|Esq|MPH|Ed\.?D|DrPH|CFA|CSCP|PMP|CPIM|CSCMP|"
                          r"FACHE|LL\.?M|MSc|M\.?Sc|MA|MS|BSc)\.?(?:\s*,\s*|\s+(?=[—–-]|\()|\s*[—–-]\s*|$))+\s*(?:[—–-]\s*)?")
_NOTE_ONLY = re.compile(r"\s*\([a-z][^()]*\)\s*")


# "former Head of Compliance at Firm X, now Managing Partner at Firm Y"; "25 years at Carrier Z, most recently as COO";
# "VP Global Sourcing @ Firm W": each part that names its organization after `at`/`with`/`@` is one affiliation.
_CAREER_MARK = re.compile(r"^(?:(?:and|y)\s+)?(?:former(?:ly)?|now|then|currently|later|previously|ex|retired|antes|hoy|ahora|actualmente)\s+", re.I)
_YEARS_AT = re.compile(r"(?:(?:more than|over|nearly|almost|some|más de|casi)\s+)?(?:\d+|[a-z]+)\s+(?:years|años)\s+"
                       r"(?:at|with|in|en|con)\s+(?:the\s+|la\s+|el\s+)?(?P<org>[A-Z0-9].*)", re.I)
_AS_TITLE = re.compile(r"(?:most recently|latterly|finally|lastly|últimamente|la última como|el último como)?\s*"
                       r"(?:as|como)\s+(?:(?:an?|un|una)\s+)?(?P<title>.+)", re.I)
_PART_AT = re.compile(r"(?P<title>.+?)\s*(?:\s(?:at|with)\s+(?:the\s+)?|\s?@\s?)(?P<org>[A-Z0-9].*)")


def _career_pairs(doc: Doc, pidx: int, parts: list[str], r0: int, line: tuple[int, int], first: bool) -> bool:
    """Affiliations from parts written `Title at Org` or `N years at Org[, most recently as Title]`;
    False (nothing done) unless some part is written so."""
    pairs: list[tuple[str | None, str]] = []
    for n, raw in enumerate(parts):
        part = _CAREER_MARK.sub("", raw.strip())
        years = _YEARS_AT.fullmatch(part)
        if years:
            nxt = _AS_TITLE.fullmatch(_CAREER_MARK.sub("", parts[n + 1].strip())) if n + 1 < len(parts) else None
            title = nxt.group("title") if nxt and has_title_word(nxt.group("title")) else None
            pairs.append((title, years.group("org")))
            continue
        at = _PART_AT.fullmatch(part)
        if at and has_title_word(at.group("title")) and not is_title_tok(tokens(at.group("org"))[0]):
            pairs.append((at.group("title"), at.group("org")))
    if not pairs:
        return False
    text = doc.text
    for title, org in pairs:
        org = _strip_place_parens(clean_org(org))
        if not org or is_place(org) or is_generic(org) or not org[:1].isupper():
            continue
        if (o0 := text.find(org, r0, line[1])) >= 0:
            doc.affiliate(pidx, doc.add("organization", org, doc.span(o0, o0 + len(org), line)), title)
            if first and title:
                doc.found["person"][pidx].title = doc.found["person"][pidx].title or title
    return True


_TITLE_PREP = re.compile(r"\s+(?:de la|de los|del|de|of the|of|at the|at|with the|with|en)\s+(?=[A-ZÁÉÍÓÚÑ0-9])")
def title_then_org(part: str) -> tuple[str, str] | None:
    """`director de planta de Nordhavn Aerostructures`, `Head of Sales at Volta Grid`: the title and the
    organization that ends it; None when what follows the title is a portfolio (`Director of Trade Policy`)."""
    for m in _TITLE_PREP.finditer(part):
        title, org = part[: m.start()].strip(), part[m.end():].strip().rstrip(".")
        where = re.search(r"\s+(?:en|in)\s+(?=[A-ZÁÉÍÓÚÑ])", org)
        if where and is_place(org[where.end():]):
            org = org[: where.start()]  # "cónsul de X en Nuevo Laredo": the post's city is no part of the name
        if not has_title_word(title):
            continue
        otoks = tokens(org)
        if not otoks or not all(t.cap or t.key in V.NAME_CONNECTORS for t in otoks) or is_place(org) or has_title_word(org):
            continue
        words = [w for w in fold(org).split() if w not in V.NAME_CONNECTORS]
        if looks_like_org(org) and not is_generic(org) or len(words) >= 2 and not all(
                w in _PORTFOLIO_WORDS or w in GENERIC or w in V.TOPIC_WORDS or w in V.PLACES for w in words):
            inner = inner_head(org)  # "Gerente de Promoción de la APILB": the portfolio stays in the title
            if inner:
                title = f"{title}{part[m.start():m.end()]}{re.sub(r'[ ,]+(?:de la|de los|del|de|of the|of|at|for)?[ ]*$', '', org[:inner])}"
                org = org[inner:]
            return title, org
    return None


_LEGAL_FORM = re.compile(r"(?:S\.\s?C\.?|A\.\s?C\.?|S\.\s?A\.(?:\s+de\s+C\.\s?V\.?)?|S\.\s?A\.\s?B\.(?:\s+de\s+C\.\s?V\.)?|"
                         r"S\.\s?de\s+R\.\s?L\.(?:\s+de\s+C\.\s?V\.)?|Inc\.?|P\.?L\.?L\.?C\.?|P\.C\.|LLC|LLP|L\.?P\.|Ltd\.?|Corp\.?|PLC|GmbH)",
                         re.I)


_FIRM_TAIL = re.compile(r"[A-ZÁÉÍÓÚÑ][\w’'\-]+\s+(?:y|&|and|e)\s+(?:Asociados|Associates|Partners|Abogados|[A-ZÁÉÍÓÚÑ][\w’'\-]+)")


_COMMA_PART = re.compile(r"\s*[,|]\s*|\s+·\s+|\s+and\s+(?=(?:former|then|ex|later)\s)|\s+y\s+(?=(?:ex|exdirector|extitular)\b)")


def comma_parts(rest: str) -> list[str]:
    """`Senior Partner, Varela & Asociados, S.C., Mexico City` -> the comma-separated parts, a legal
    form (`S.C.`, `Inc.`, `S.A. de C.V.`) kept with the name before it, degrees dropped."""
    parts: list[str] = []
    for p in _COMMA_PART.split(rest):
        if not p.strip() or _DEGREE.fullmatch(p.strip()):
            continue
        if parts and _LEGAL_FORM.fullmatch(p.strip()):
            parts[-1] = f"{parts[-1]}, {p.strip()}"
            continue
        if parts and _FIRM_TAIL.fullmatch(p.strip()) and not is_place(p.strip()) and (prev := tokens(parts[-1])) \
                and prev[-1].cap and not is_title_tok(prev[-1]) and not is_place(prev[-1].text):
            parts[-1] = f"{parts[-1]}, {p.strip()}"  # "Socio de Salas, Ruiz y Asociados": a firm named for its partners
            continue
        parts.append(p)
    return parts


_SUBUNIT = frozenset("department departamento office oficina unit unidad division division school program programa".split())
_AT = re.compile(r"\s+(?:based\s+at|at|en)\s+(?:the\s+)?(?=[A-Z])")


def _title_org_sequence(parts: list[str]) -> list[tuple[str | None, str]]:
    """`Title, Org, Title, Org, City` -> [(title, org), ...]: each title (or run of titles) takes the
    organization after it; places and sub-units followed by their institution are passed over."""
    pairs: list[tuple[str | None, str]] = []
    titles: list[str] = []
    for n, part in enumerate(parts):
        part = part.strip()
        if is_place(part) or fold(part).startswith(("state of", "estado de", "city of mexico")):
            continue
        if has_title_word(part) and not looks_like_org(part):
            at = _AT.search(part)
            if at and looks_like_org(part[at.end():]):  # "Columnist based at the Valley Ledger"
                pairs.append((part[: at.start()], part[at.end():]))
                titles = []
            else:
                titles.append(part)
            continue
        if not titles and pairs and part[:1].isupper() and looks_like_org(part) and not is_generic(part):
            pairs.append((pairs[-1][0], part))  # "Director, Centro X, Universidad Y": both
            continue
        if not part[:1].isupper() or not titles and pairs:
            continue
        words = fold(part).split()
        following = n + 1 < len(parts) and not has_title_word(parts[n + 1]) and not is_place(parts[n + 1].strip())
        if following and titles and (not looks_like_org(part) or words[0] in _SUBUNIT):
            titles.append(part)  # "Vice President, Corporate Affairs, Banco X"; "Department of Y, El Colegio Z"
            continue
        pairs.append((", ".join(titles) or None, part))
        titles = []
    return pairs if pairs and (pairs[0][0] or len(pairs) > 1) else []


_DEGREE = re.compile(r"(?:Ph\.?\s?D\.?|M\.?B\.?A\.?|M\.?D\.?|J\.?D\.?|Esq\.?|CPA|P\.?E\.?|Jr\.?|Sr\.?|II|III)", re.I)


# bylines ------------------------------------------------------------------------

def bylines(doc: Doc, lines, list_lines: set[int]) -> None:
    """`Name` on its own line (maybe doubled), then `Title, Organization` on the next line."""
    text = doc.text
    nonempty = [(s, e) for s, e in lines if text[s:e].strip()]
    for k, (s, e) in enumerate(nonempty):
        if s in list_lines:
            continue
        line0 = s
        enum = _ENUMERATION.match(text, s, e)
        if enum:  # "3. Name" atop a ranked profile: the number is no part of the name
            s = enum.end()
        if _name_sep_title(doc, (line0, e), s):
            list_lines.add(line0)
            continue
        badge = re.search(r"\s+[•·]\s+\S+(?:\s+\S+)?\s*$", text[s:e])
        if badge:  # "Name • 2nd", "Name • Author": a social post's degree badge after the name
            e = s + badge.start()
        toks = tokens(text[s:e], s)
        byline = bool(toks) and toks[0].text in ("By", "Por") and len(toks) > 2
        toks = toks[1:] if byline else toks  # "By Theodora K. Vance-Whitlock"
        if not toks or len(toks) > 10 or not all(t.cap or t.key in V.NAME_PARTICLES for t in toks):
            continue
        if re.search(r"[.,;:!?|]", text[toks[0].start : e].strip().rstrip(".").replace(". ", " ")):
            continue
        if any(text[a.end : b.start].strip() or "   " in text[a.end : b.start] or "\t" in text[a.end : b.start]
               for a, b in zip(toks, toks[1:])):
            continue  # "Name - Organization" out of a list is no byline; "Name      Name" is two columns
        single = collapse_double(toks)
        nxt_line = text[nonempty[k + 1][0] : nonempty[k + 1][1]].strip() if k + 1 < len(nonempty) else ""
        nxt2 = nonempty[k + 2] if k + 2 < len(nonempty) else None
        stacked = nxt2 is not None and _stacked_title(text, nxt_line, text[nxt2[0] : nxt2[1]].strip())
        carded = nxt2 is not None and nonempty[k + 1][0] == e + 1 and nxt2[0] == nonempty[k + 1][1] + 1 and (
            (_card_line(text, nonempty[k + 1]) or ("",))[0] == "title" and _card_line(text, nxt2) is not None)
        evidence = byline or stacked or carded or len(single) < len(toks) or (
            "," in nxt_line and has_title_word(nxt_line.split(",")[0]) and len(nxt_line) <= 150
        )
        while evidence and len(single) > 2 and (fold(single[0].text).rstrip(".") in V.COURTESY | {"the", "honorable"}):
            single = single[1:]  # "The Honorable Name", "Ms. Name" atop a witness card
        found = person_in_run(single, strong=evidence and 2 <= len(single) <= 4)
        if not found or found[0]:
            continue
        name = found[1]
        pidx = doc.add("person", phrase_of(text, name), doc.span(name[0].start, name[-1].end, (s, e)))
        list_lines.add(line0)
        card = _card(doc, pidx, lines, (s, e))
        if card:  # "Name" / "Title" / "Organization" / "Former Title, Organization"
            list_lines.update(card)
        elif stacked:  # "Name" / "Chief Executive Officer" / "Fairweather Logistics Group"
            t0 = text.index(nxt_line, nonempty[k + 1][0])
            org = clean_org(text[nxt2[0] : nxt2[1]].strip())
            o0 = text.index(org, nxt2[0])
            oidx = doc.add("organization", org, doc.span(o0, o0 + len(org), nxt2))
            doc.affiliate(pidx, oidx, text[t0 : t0 + len(nxt_line)])
            doc.found["person"][pidx].title = doc.found["person"][pidx].title or nxt_line
            list_lines.update((nonempty[k + 1][0], nxt2[0]))
        elif k + 1 < len(nonempty) and _title_line(doc, pidx, nonempty[k + 1]):
            list_lines.add(nonempty[k + 1][0])


_ENUMERATION = re.compile(r"[ \t]*(?:\d{1,3}[.)]|[•·▪‣◦●○■□]|[-–—](?=\s))[ \t]+")
_HEADER_SEP = re.compile(r"[ \t]+(?:\||—|–|-)[ \t]+")


def _name_sep_title(doc: Doc, line: tuple[int, int], s: int) -> bool:
    """A profile's header line `Name | CEO de Org`, `Name — Socio director de Firm`, `Name | Founder and CEO, Org`:
    the name, a separator, then a title with its organization. True if the line was one."""
    text = doc.text
    e = line[1]
    sep = _HEADER_SEP.search(text, s, e)
    if not sep or "|" in text[sep.end() : e] or len(text[s:e]) > 160:
        return False
    rest = text[sep.end() : e].strip().rstrip(".")
    if _org_sep_name(doc, line, s, sep, rest):
        return True
    first = comma_parts(rest)[0] if comma_parts(rest) else ""
    if not rest or not has_title_word(first) or _courtesy_len(first) or looks_like_org(first) and not title_then_org(first) \
            or not is_title_tok(tokens(first)[0]) and fold(tokens(first)[0].text) not in V.TITLE_MODIFIERS:
        return False
    raw = text[s : sep.start()]
    skip = _courtesy_len(raw)
    toks = tokens(raw[skip:], s + skip)
    if not toks or len(toks) > 7 or not all(t.cap or t.key in V.NAME_PARTICLES for t in toks) or _body_name(toks):
        return False
    found = person_in_run(collapse_double(toks), strong=True)
    if not found or found[0]:
        return False
    name = found[1]
    pidx = doc.add("person", phrase_of(text, name), doc.span(name[0].start, name[-1].end, line))
    r0 = text.index(rest, sep.end())
    _list_details(doc, _ListItem(line=line, name=(name[0].start, name[-1].end), rest=(r0, r0 + len(rest))), pidx)
    return True


def _org_sep_name(doc: Doc, line: tuple[int, int], s: int, sep: re.Match, rest: str) -> bool:
    """A delegation's roster line written organization first: `Firm X (FX) — Ing. Name, director general`."""
    text = doc.text
    comma = rest.find(",")
    if comma < 0 or not has_title_word(rest[comma + 1 :]) or "," in rest[comma + 1 :]:
        return False
    left = text[s : sep.start()].strip()
    ltoks = tokens(re.sub(r"\s*\([^()]{2,12}\)$", "", left))
    skip = _courtesy_len(rest)  # "— Ing. Name": the courtesy title says the person is on the right
    if not ltoks or len(ltoks) > 8 or not all(t.cap or t.key in V.NAME_CONNECTORS for t in ltoks) or is_place(left) \
            or is_generic(left) or has_title_word(left) or person_in_run(ltoks) and not looks_like_org(left) and not skip:
        return False
    r0 = text.index(rest, sep.end())
    toks = tokens(rest[skip:comma], r0 + skip)
    if not toks or len(toks) > 6 or not all(t.cap or t.key in V.NAME_PARTICLES for t in toks):
        return False
    found = person_in_run(collapse_double(toks), strong=bool(skip) or is_given(toks[0].text))
    if not found or found[0]:
        return False
    name = found[1]
    pidx = doc.add("person", phrase_of(text, name), doc.span(name[0].start, name[-1].end, line))
    title = rest[comma + 1 :].strip()
    o0 = text.index(left, s)
    doc.affiliate(pidx, doc.add("organization", left, doc.span(o0, o0 + len(left), line)), title)
    person = doc.found["person"][pidx]
    person.title = person.title or title
    return True


# "Email   LinkedIn", "Read Bio +", "Ver perfil": a team card's links, never its organization.
_CHROME_WORDS = frozenset("email e-mail mail linkedin twitter x facebook instagram youtube website web site bio biography "
                          "read more view full profile contact share download cv vcard ver leer mas perfil correo "
                          "semblanza completa biografia".split())


def _name_shaped(line: str) -> bool:
    """Capitalised words and connectors only, at most nine: a name, not a sentence or a card's links."""
    toks = tokens(clean_org(line))
    return bool(toks) and len(toks) <= 9 and all(t.cap or t.key in V.NAME_CONNECTORS for t in toks) and not _chrome(line)


def _chrome(line: str) -> bool:
    words = re.findall(r"[^\W\d_][\w\-]*", fold(line))
    return bool(words) and all(w in _CHROME_WORDS for w in words)


_BEHALF_LINE = re.compile(r"(?:[A-Z][a-z]+\s+)?on\s+behalf\s+of\s+(?:the\s+)?(?=[A-Z])")


# A line of a program that is no part of a card: a cue between speakers, or a button led by a symbol.
_CARD_CUE = re.compile(V.PROGRAM_CUES + r"\b|[^\w\s\"“(¿¡'‘]", re.I)


def _ends_card(line: str) -> bool:
    """`line` is no part of the card above it: the next list's heading (`Panelists`), a cue between speakers
    (`in conversation with`) or a button led by a symbol (`☆ Add to My Agenda`)."""
    return bool(_participants_heading(line) or _CARD_CUE.match(line))


def _card_line(text: str, line: tuple[int, int]) -> tuple[str, list[tuple[int, int]]] | None:
    """What one line of a card under a name is: ("title", [its comma parts]), ("org", [the organizations
    it names]) or ("behalf", [the organization]); None for anything else (a link, a date, prose)."""
    s, e = line
    body = text[s:e].strip()
    if not body or len(body) > 160 or re.search(r"[.!?]$", body.rstrip(")")) and not re.search(
            r"\b(?:Inc|Corp|Co|Ltd|S\.\s?[AC])\.$", body) or "(" in body or EMAIL_RE.search(body):
        return None
    if _chrome(body) or _ends_card(body):
        return None
    b0 = text.index(body, s)
    behalf = _BEHALF_LINE.match(body)
    if behalf:  # "Testifying on behalf of the Rio Bravo Growers League"
        org = clean_org(body[behalf.end():])
        otoks = tokens(org)
        named = otoks and len(otoks) <= 8 and all(t.cap or t.key in V.NAME_CONNECTORS for t in otoks) and not is_place(org)
        return ("behalf", [(b0 + behalf.end(), b0 + behalf.end() + len(org))]) if looks_like_org(org) or named else None
    parts, pos = [], 0
    for part in comma_parts(body):
        part = part.strip()
        a = body.find(part, pos)
        if a < 0:
            return None  # a part rewritten by the splitter (not the line's own text)
        pos = a + len(part)
        parts.append((b0 + a, b0 + a + len(part)))
    if not parts:
        return None
    first = text[parts[0][0] : parts[0][1]]
    if has_title_word(first) and not looks_like_org(first):
        return "title", parts
    otoks = tokens(first)
    if not otoks or len(otoks) > 9 or not all(t.cap or t.key in V.NAME_CONNECTORS for t in otoks) or is_place(first) \
            or is_generic(first) and not named_body(first) or person_in_run(otoks) and not looks_like_org(first):
        return None
    orgs = [parts[0]] + [(a, b) for a, b in parts[1:] if looks_like_org(text[a:b]) and not is_place(text[a:b])
                         and not has_title_word(text[a:b]) and fold(text[a:b]).split()[0] != "government"]
    return "org", orgs


def _card(doc: Doc, pidx: int, lines, line: tuple[int, int]) -> list[int]:
    """A card under a name line: up to four lines, each a title, an organization or `Title, Organization`
    (`Senior Fellow, Andes Program` / `Halvard Policy Institute` / `Former Advisor, Office of X`).
    A title line followed by an organization line is that organization's title; a title line followed by
    none carries its own organization at its end. Returns the lines read (none unless two or more)."""
    text = doc.text
    idx = _line_index(lines, line)
    card: list[tuple[tuple[int, int], tuple[str, list[tuple[int, int]]]]] = []
    for ln in lines[idx + 1 : idx + 5]:
        if not text[ln[0] : ln[1]].strip() or any(ln[0] <= sp.start < ln[1] for p in doc.found["person"] for sp in p.spans):
            break
        kind = _card_line(text, ln)
        if kind is None:
            break
        card.append((ln, kind))
    if len(card) < 2 or card[0][1][0] != "title":
        return []
    person = doc.found["person"][pidx]

    def affiliate(a: int, b: int, title: str | None, ln) -> None:
        org = _strip_place_parens(clean_org(text[a:b]))
        if org and not is_place(org) and (not is_generic(org) or named_body(org)):
            doc.affiliate(pidx, doc.add("organization", org, doc.span(a, a + len(org), ln)), title)

    pending: str | None = None
    for n, (ln, (kind, parts)) in enumerate(card):
        if kind == "title":
            whole = text[parts[0][0] : parts[-1][1]]
            person.title = person.title or (whole if n + 1 < len(card) and card[n + 1][1][0] == "org" else None)
            if n + 1 < len(card) and card[n + 1][1][0] == "org":
                pending = whole
                continue
            strs = [text[a:b] for a, b in parts]
            at = _TITLE_AT.fullmatch(whole)
            if len(parts) == 1 and at and has_title_word(at.group("title")):
                a = parts[0][0] + at.start("org")
                affiliate(a, a + len(at.group("org").rstrip(" .")), at.group("title"), ln)
                person.title = person.title or at.group("title")
                continue
            pairs = _title_org_sequence(strs) if len(strs) >= 2 else []
            for title, org in pairs:
                a = text.find(org, ln[0], ln[1])
                if a >= 0:
                    affiliate(a, a + len(org), title, ln)
            person.title = person.title or (pairs[0][0] if pairs and pairs[0][0] else whole)
        elif kind == "org":
            for a, b in parts:
                affiliate(a, b, pending, ln)
            pending = None
        else:
            affiliate(*parts[0], None, ln)
    return [ln[0] for ln, _ in card]


def _stacked_title(text: str, title: str, org: str) -> bool:
    """A title alone on a line (`Plant Manager`) and an organization-shaped name alone on the next."""
    if not title or "," in title or len(title.split()) > 7 or not has_title_word(title) or looks_like_org(title):
        return False
    otoks = tokens(org)
    return (1 < len(otoks) <= 8 and not is_generic(org) and not _chrome(org) and all(t.cap or t.key in V.NAME_CONNECTORS for t in otoks)
            and not is_place(org) and not re.search(r"[.,;:!?|@]", org.rstrip(".")))


# "VP Global Sourcing @ Firm X": a profile headline's `@` reads `at`.
_TITLE_AT = re.compile(r"(?P<title>.+?)(?:\s+(?:at|with)\s+(?:the\s+)?|\s*@\s*)(?P<org>[A-Z0-9].*)")


def _title_line(doc: Doc, pidx: int, line: tuple[int, int]) -> bool:
    """`Title, Organization` or `Title at Organization` on the line under a name; True if it was one."""
    text = doc.text
    ns, ne = line
    nxt = text[ns:ne].strip()
    if ";" in nxt and len(nxt) <= 600 and has_title_word(nxt.split(";")[0]) and not any(
        ns <= sp.start < ne for p in doc.found["person"] for sp in p.spans
    ):
        # "Professor of X, School Y, University Z, City; former Chair, Board W": a line of credentials
        item = _ListItem(line=line, name=(ns, ns), rest=(ns + text[ns:ne].index(nxt), ns + text[ns:ne].index(nxt) + len(nxt)))
        _list_details(doc, item, pidx)
        return True
    if " | " in nxt and len(nxt) <= 200:  # "Director of X at Org | Operations | Board Member, Other Org": a profile headline
        found = False
        pos = text.index(nxt, ns)
        for seg in nxt.split(" | "):
            a = text.index(seg, pos)
            pos = a + len(seg)
            at = _TITLE_AT.fullmatch(seg) or re.fullmatch(r"(?P<title>[^,]+?),\s+(?P<org>[A-Z].*)", seg)
            if not at or not has_title_word(at.group("title")) or "," in at.group("title"):
                continue
            org = _strip_place_parens(clean_org(at.group("org")))
            if not org or is_place(org) or is_generic(org) or has_title_word(org):
                continue
            o0 = text.index(org, a)
            doc.affiliate(pidx, doc.add("organization", org, doc.span(o0, o0 + len(org), line)), at.group("title"))
            person = doc.found["person"][pidx]
            person.title = person.title or at.group("title")
            found = True
        segs = [g.strip() for g in nxt.split(" | ")]
        if not found and len(segs) >= 2 and has_title_word(segs[0]) and not looks_like_org(segs[0]) \
                and "," not in segs[0] and _stacked_title(text, segs[0], segs[1]) and not has_title_word(segs[1]):
            # "Director of Trade Operations | Brokerage X | Nogales, AZ": title, then the organization, then the place
            org = _strip_place_parens(clean_org(segs[1]))
            o0 = text.index(org, ns)
            doc.affiliate(pidx, doc.add("organization", org, doc.span(o0, o0 + len(org), line)), segs[0])
            person = doc.found["person"][pidx]
            person.title = person.title or segs[0]
            found = True
        if found:
            return True
    if len(nxt) > 150 or not nxt[:1].isupper() and not nxt[:1].islower():
        return False
    where = re.search(r"\s*\(([^()]{2,40})\)$", nxt)
    if where and "," in where.group(1) and (is_place(where.group(1).split(",")[0].strip())
                                            or _STATE_ABBREV.fullmatch(where.group(1).split(",")[-1].strip())):
        nxt = nxt[: where.start()]  # "Chief Executive Officer, Grupo X (Monterrey, N.L.)": where the firm is based
    parts = [p.strip() for p in nxt.split(",") if p.strip() and not _DEGREE.fullmatch(p.strip())]
    at = _TITLE_AT.fullmatch(nxt)
    if at and has_title_word(at.group("title")) and "," not in at.group("title"):
        title, org = at.group("title"), at.group("org")
    elif len(parts) >= 2 and has_title_word(parts[0]):
        parts = _drop_trailing_places(parts)  # "..., El Paso, TX": a city and its state's code
        while len(parts) > 2 and (is_place(parts[-1]) or fold(parts[-1]).replace(".", "").replace(" ", "") in V.PLACES):
            parts = parts[:-1]  # "President, Firm X, Nogales, Arizona": the city and state after the organization
        title, org = ", ".join(parts[:-1]), parts[-1]
        at = _TITLE_AT.fullmatch(org)
        if at and not has_title_word(at.group("title")) and len(at.group("title").split()) <= 3:
            title, org = f"{title}, {at.group('title')}", at.group("org")  # "VP Sales, Mexico at Org"
    elif "," not in nxt and "|" not in nxt and len(nxt) <= 100 and (split := title_then_org(nxt)):
        title, org = split  # "Vicepresidente para Canadá de Firm X" under the name
    else:
        return False
    org = _strip_place_parens(org.rstrip(" ."))
    person = doc.found["person"][pidx]
    if is_place(org) or not org[:1].isupper() or is_generic(org):
        person.title = person.title or nxt.rstrip(" .")  # "Minister of Economy, Republic of Guatemala"
        return True
    person.title = person.title or title
    o0 = text.index(org, ns)
    oidx = doc.add("organization", clean_org(org), doc.span(o0, o0 + len(org), line))
    doc.affiliate(pidx, oidx, title)
    return True


_LABEL = re.compile(r"\s*(?:[A-Z][\w\s\-]{1,40}:\s*)?")


def credential_lines(doc: Doc, lines: list[tuple[int, int]]) -> None:
    """A name alone on its line (`Chair: Name`, `Name`) and, on the next, its titles and
    organizations (`Professor of X, School Y, City; former Chair, Board Z`)."""
    text = doc.text
    starts = [ln[0] for ln in lines]
    affiliated = {p for p, _ in doc.affiliations}
    for pidx, person in enumerate(doc.found["person"]):
        if pidx in affiliated:
            continue
        for sp in person.spans:
            k = bisect.bisect_right(starts, sp.start) - 1
            if k < 0:
                continue
            ls, le = lines[k]
            label = _LABEL.match(text, ls, sp.start)
            if not label or label.end() != sp.start or text[sp.end : le].strip(" \t.,"):
                continue
            nxt = _next_nonempty(text, lines, lines[k])
            if nxt is None or any(nxt[0] <= q.start < nxt[1] for p in doc.found["person"] for q in p.spans):
                continue
            if "," in text[nxt[0] : nxt[1]] and _title_line(doc, pidx, nxt):
                break


_PLACE_PARENS = re.compile(r"(.+?)\s*\(([^()]+)\)")


def _strip_place_parens(org: str) -> str:
    """`Banco Atlántida (Honduras)` -> `Banco Atlántida`."""
    m = _PLACE_PARENS.fullmatch(org.strip()) if "(" in org else None
    return m.group(1) if m and is_place(m.group(2)) else org
