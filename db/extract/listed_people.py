"""Stage: a name in a list of people is a person, known given name or not.

`by A, B, Thaddeus Wyck and C`, `the Board: A, B, Ulises Pech Tamayo, C`, `the help of: A,
Org; Anatolia Ruelas, Org; B`: when at least two items of one list are people already found, an
item of the same shape (two to five capitalised name words, no organization, title or place word)
is a person too. Structure is the evidence; a given-name list is not needed.
"""

from __future__ import annotations

import re

from db.extract import vocabulary as V
from db.extract.core import (
    Doc,
    fold,
    has_title_word,
    is_given,
    is_place,
    is_title_tok,
    looks_like_org,
    namey,
    sentence_spans,
    tokens,
)
from db.extract.prose import paren_affiliation

_AND = re.compile(r"^(?:and|y|e|&|as well as|así como|además de|plus)\s+", re.I)
_MORE = re.compile(r"\s*(?:and|y|e|as well as|así como|además de|plus)\s", re.I)
_ARTICLE_TITLE = re.compile(r"\s*(?:(?:y|and|e)\s+)?(?:el|la|los|las|the|su|sus|its|his|her)\s+[a-záéíóúñ]")
_ITEM_END = re.compile(r"\s*[.:]?\s*$")


def read_listed_people(doc: Doc, lines: list[tuple[int, int]]) -> None:
    """Add the people of the module's docstring to `doc`."""
    text = doc.text
    starts = {sp.start for p in doc.found["person"] for sp in p.spans}
    if len(starts) < 2:
        return
    for ls, le in lines:
        for s, e in sentence_spans(text, ls, le):
            _read_list(doc, text, s, e, starts)


_ITEM_SEP = re.compile(r"[,;]|\s(?=(?:and|y)\s)")


def _items(text: str, s: int, e: int, by_semicolon: bool) -> list[tuple[int, int]]:
    """The list items of text[s:e]: `;`-separated (each item's first comma part), else comma- and
    `and`-separated parts."""
    seg = text[s:e]
    if by_semicolon:
        out, pos = [], s
        for part in seg.split(";"):
            if _MORE.match(part) and part.count(",") >= 2:
                # "A, tesorera; así como B, C y D, en calidad de vocales": the last part is a list of its own
                sub = pos
                for piece in re.split(r",|\s(?=(?:and|y)\s)", part):
                    out.append((sub, sub + len(piece)))
                    sub += len(piece) + 1
            else:
                head = part.rfind(": ") + 2 if ": " in part else 0  # "grateful for the help of: A, Org; B"
                first = part[head:].split(",")[0]
                out.append((pos + head, pos + head + len(first)))
            pos += len(part) + 1
        return out
    out, pos = [], s
    for part in _ITEM_SEP.split(seg):
        out.append((pos, pos + len(part)))
        pos += len(part) + 1
    return out


def _read_list(doc: Doc, text: str, s: int, e: int, starts: set[int]) -> None:
    semicolons = text.count(";", s, e)
    if semicolons != 1:
        _read_items(doc, text, s, e, starts, semicolons >= 2)
    else:  # "A, Title; B, Title, Org" or "A, B; and C": read both ways
        _read_items(doc, text, s, e, starts, False)
        _read_items(doc, text, s, e, starts, True)


def _read_items(doc: Doc, text: str, s: int, e: int, starts: set[int], semicolons: bool) -> None:
    items = _items(text, s, e, semicolons)
    if len(items) < (2 if semicolons else 3):
        return
    spans = []
    for a, b in items:
        raw = text[a:b]
        lead = len(raw) - len(raw.lstrip())
        a += lead
        m = _AND.match(text[a:b])
        if m:
            a += m.end()
        colon = text.rfind(": ", a, b)
        if colon >= 0:
            a = colon + 2  # "the members of the Board: A"
        elif not spans and (verb := list(_LIST_VERB.finditer(text, a, b))):
            a = verb[-1].end()  # "Named to the board alongside her were A of X; B, Title; C"
        b = a + len(_ITEM_END.sub("", text[a:b]))
        paren = re.search(r"\s*\([^()]{2,80}\)$", text[a:b])
        if paren and paren.start() > 0:
            b = a + paren.start()  # "Kwabena Asante-Flores (Gateway Transload LLC)": the name before its organization
        of = _OF_ORG.search(text, a, b)
        if of and semicolons and looks_like_org(of.group("org")):
            b = of.start()  # "Emeka Duru of Ridgeway Thermal Systems": the name before `of` its organization
        spans.append((a, b))
    known = sum(1 for a, b in spans if any(a <= st < b for st in starts) or _known_name(doc, text[a:b]))
    # "Committee: A (chair); Ifeoluwa Ruiz, Org (vice chair)": in a roster of semicolon items, half known is enough
    if known < 2 and not (semicolons and known >= 1 and 2 * known >= len(spans)):
        return
    for k, (a, b) in enumerate(spans):
        if any(a <= st < b for st in starts) or _known_name(doc, text[a:b]) or not _name_shaped(doc, text[a:b]):
            continue
        if k and not semicolons and re.fullmatch(r"\s*(?:and|y|&)\s*", text[spans[k - 1][1] : a]) and not any(
                spans[k - 1][0] <= st < spans[k - 1][1] for st in starts) and text[slice(*spans[k - 1])].strip() \
                and not _name_shaped(doc, text[slice(*spans[k - 1])]):
            continue  # "U.S. Customs and Border Protection": the second half of a name joined by `and`, not a person
        before = text[spans[k - 1][0] : spans[k - 1][1]] if k else ""
        if not semicolons and has_title_word(before) and not _ARTICLE_TITLE.match(before):
            continue  # "A, Director of Operations, Eólica Serrana; B": the item after a title is its organization
            # (but "y el titular de la Unidad X, Anacleto Rivas": a title with an article names who follows)
        pidx = doc.add("person", text[a:b], doc.span(a, b, (s, e)))
        paren = re.match(r"\s*\(([^()]{2,80})\)", text[b:e])
        of = _OF_ORG.match(text, b)
        if paren:
            paren_affiliation(doc, pidx, b + paren.start(1), paren.group(1), (s, e))
        elif of and looks_like_org(of.group("org")):
            org = of.group("org")
            doc.affiliate(pidx, doc.add("organization", org, doc.span(of.start("org"), of.end("org"), (s, e))), None)


# The verb that opens a list in its first item (`... were A; B`).
_LIST_VERB = re.compile(r"\b(?:were|are|include[sd]?|including|incluyen?|incluye|son|fueron|eran)\s+(?=[A-ZÁÉÍÓÚÑ])")
# `Name of Organization` in a list item (the organization's capitalised words up to the item's end).
_OF_ORG = re.compile(r"\s+(?:of|from|de|del)\s+(?P<org>[A-ZÁÉÍÓÚÑ][\w’'&.\-]*(?:\s+(?:[A-ZÁÉÍÓÚÑ&][\w’'&.\-]*|de|del|of|and|y))*)")


def _known_name(doc: Doc, item: str) -> bool:
    """The item names a person already found (`Ana Ruiz (chair)` after `Ana Ruiz` elsewhere)."""
    return doc.lookup("person", re.sub(r"\s*\([^()]*\)\s*$", "", item)) is not None


def _name_shaped(doc: Doc, item: str) -> bool:
    toks = tokens(item)
    words = [t for t in toks if t.key not in V.NAME_PARTICLES]
    if not 2 <= len(words) <= 5 or len(item) > 60 or re.search(r"[()\d@/|“”\"]", item):
        return False
    if not all(namey(t) or t.key in V.NAME_PARTICLES or t.key in V.NAME_SUFFIXES for t in toks) or not namey(toks[0]):
        return False
    if any(is_title_tok(t) or t.key in V.ORG_HEADS or t.key in V.ORG_SUFFIXES or t.key in V.TOPIC_WORDS for t in toks):
        return False
    if is_place(item):
        return False
    return all(doc.lookup(kind, item) is None for kind in ("organization", "initiative")) and fold(item) not in V.PLACES


_CELL_SEP = re.compile(r"\s*(?:\||\t)\s*")


def join_wrapped_cells(doc: Doc) -> None:
    """A table flattened from a PDF wraps a long name inside its cell: `Ing. Rosendo   | Vocal | Forjas` /
    `Aldama Ruiz   | del Norte`. A person found as the first cell of a row whose line above opens with a
    cell of one given-name word (after a courtesy title) is that one person: `Rosendo Aldama Ruiz`."""
    text = doc.text
    for idx, person in enumerate(doc.found["person"]):
        for sp in list(person.spans):
            ls = text.rfind("\n", 0, sp.start) + 1
            if text[ls : sp.start].strip() or ls == 0:
                continue
            eol = text.find("\n", sp.end)
            rest = text[sp.end : eol if eol >= 0 else len(text)]
            if not re.match(r"\s*(?:\||\t)", rest):
                continue
            pls = text.rfind("\n", 0, ls - 1) + 1
            prev = text[pls : ls - 1]
            sep = re.match(r"[^|\t]*[|\t]", prev)
            if not sep or (("|" in rest) != ("|" in prev)):
                continue
            toks = [t for t in tokens(prev[: sep.end() - 1]) if fold(t.text).rstrip(".") not in V.COURTESY]
            if len(toks) != 1 or not is_given(toks[0].text) or len(person.name.split()) > 3 \
                    or fold(person.name).split()[0] == fold(toks[0].text):
                continue  # (the table reader may have joined the cell already)
            full = f"{toks[0].text} {person.name}"
            if doc.lookup("person", full) is not None:
                continue
            person.aliases.discard(full)
            person.aliases.add(person.name)
            person.name = full
            doc.alias("person", idx, full)
            break


# Column headings of a table's names column ("Name | Title | Organization", "Nombre<TAB>Cargo").
_NAME_HEADERS = frozenset("name names nombre nombres participant participants participante participantes asistente "
                          "asistentes integrante integrantes speaker speakers ponente ponentes member members miembro "
                          "miembros representative representante delegate delegado delegada appointee appointees nominee nominees "
                          "designee honoree".split())
_CELL = re.compile(r"[^\t|]+")
_SPACED_CELL = re.compile(r"\S+(?: \S+)*")  # a cell of a table set apart by runs of two spaces or more
# Column headings of a table's organizations and titles columns.
_ORG_HEADERS = frozenset("organization organisation organizations company companies employer empresa empresas institution "
                         "institucion instituciones organizacion organizaciones dependencia affiliation afiliacion firm "
                         "entidad".split())
_TITLE_HEADERS = frozenset("title titles cargo cargos position puesto role".split())


def read_table_names(doc: Doc, lines: list[tuple[int, int]]) -> None:
    """A flattened table (cells split by tabs or `|`) whose header names a names column (`Nombre`, `Name`,
    `Participante`): each row's cell in that column is a person when it has a name's shape (a courtesy
    title before it is dropped: `C. Xiadani Uc Chi`)."""
    text = doc.text
    column: int | None = None
    org_col = title_col = None
    spaced = 0  # the header's number of cells, when its columns are set apart by spaces alone
    for ls, le in lines:
        line = text[ls:le]
        by_spaces = "\t" not in line and "|" not in line
        if by_spaces:
            if "  " not in line.strip():
                column, spaced = None, 0  # (one cell: not a table's row; most lines stop here)
                continue
            cells = [(ls + m.start(), ls + m.end()) for m in _SPACED_CELL.finditer(line)]
            if len(cells) < 3 or spaced and len(cells) != spaced:
                column, spaced = None, 0
                continue
        else:
            cells = [(ls + m.start(), ls + m.end()) for m in _CELL.finditer(line)]
        keys = [fold(text[a:b]).strip() for a, b in cells]
        heads = [i for i, k in enumerate(keys) if k in _NAME_HEADERS or k.rstrip("s") in _NAME_HEADERS]
        if heads and sum(1 for k in keys if k and len(k.split()) <= 3) == len([k for k in keys if k]):
            filled_keys = [k for k in keys if k]
            column = heads[0] - sum(1 for k in keys[: heads[0]] if not k)  # the header row
            org_col = next((i for i, k in enumerate(filled_keys) if set(k.split()) & _ORG_HEADERS), None)  # ("Employer / Affiliation")
            title_col = next((i for i, k in enumerate(filled_keys) if k in _TITLE_HEADERS), None)
            spaced = len(cells) if by_spaces else 0  # ("Seat   Appointee   Employer / Affiliation   Action")
            continue
        if column is None or by_spaces and not spaced:
            continue
        filled = [(a, b) for a, b in cells if text[a:b].strip()]
        if column >= len(filled):
            continue
        a, b = filled[column]
        raw = text[a:b]
        a += len(raw) - len(raw.lstrip())
        b = a + len(raw.strip())
        while True:  # courtesy titles before the name: "Ing.", "C.P.", "C."
            m = re.match(r"([A-Za-zÁÉÍÓÚáéíóú.]{1,5})\s+", text[a:b])
            if not m or fold(m.group(1)).rstrip(".") not in V.COURTESY | V.HONORIFICS:
                break
            a += m.end()
        item = text[a:b]
        pidx = doc.lookup("person", item)
        if pidx is None and _name_shaped(doc, item):
            pidx = doc.add("person", item, doc.span(a, b, (ls, le)))
        if pidx is not None and org_col is not None and org_col < len(filled) and len(filled) > column + 1:
            oa, ob = filled[org_col]  # "Name | Organization | Sector": the row's organization, with its title if a column has it
            org = text[oa:ob].strip()
            title = text[filled[title_col][0] : filled[title_col][1]].strip() if title_col is not None and title_col < len(filled) else None
            if title is None and ", " in org and has_title_word(org.rsplit(", ", 1)[0]) and not has_title_word(org.rsplit(", ", 1)[1]):
                title, org = org.rsplit(", ", 1)  # "Owner, Garza Customs Brokerage": the title, then the employer
            o0 = oa + text[oa:ob].rindex(org)
            if org and not is_place(org) and not re.fullmatch(r"[-–—]|n/?a|tbd|vacant|vacante", org, re.I):
                doc.affiliate(pidx, doc.add("organization", org, doc.span(o0, o0 + len(org), (ls, le))), title or None)
