"""vCard 3.0 (RFC 2426 / RFC 2425) writing and reading, and splitting a full name into N parts.

Only what the contact export and import need: text properties with escaping, CRLF line
ends, folding at 75 octets, and the reverse (unfolding, unescaping) for import.
"""

from __future__ import annotations

import quopri
import re
from typing import Iterable, Iterator

from db.textnorm import plain_line_breaks

MAX_LINE_OCTETS = 75
TITLE_PARAM = "X-STAKEHOLDERS-TITLE"  # on an ORG: the person's title at that organization
HONORIFICS = {
    "mr", "mrs", "ms", "miss", "dr", "prof", "rep", "sen", "hon", "gov", "amb", "sr", "sra", "srta",
    "lic", "ing", "mtro", "mtra", "don", "dona", "doña", "sir", "dame", "rev", "gen", "adm", "col",
}
SUFFIXES = {"jr", "sr", "ii", "iii", "iv", "phd", "md", "esq", "mba", "cpa"}
# Lower-case particles that start a family name: "de la Garza", "van der Berg", "del Valle".
PARTICLES = {"de", "del", "la", "las", "los", "van", "von", "der", "den", "da", "das", "do", "dos", "di", "du", "le", "y"}
# Common given names that are often the second word of a compound given name ("José Luis",
# "María Fernanda", "John Michael"), so a three-word name is not read as two surnames.
SECOND_GIVEN_NAMES = {
    "luis", "maria", "maría", "jose", "josé", "antonio", "carlos", "juan", "manuel", "eduardo", "angel",
    "ángel", "fernando", "alberto", "elena", "isabel", "teresa", "guadalupe", "carmen", "miguel",
    "francisco", "javier", "alejandro", "andres", "andrés", "ana", "pablo", "ignacio", "enrique",
    "fernanda", "jesus", "jesús", "ricardo", "rafael", "roberto", "daniel", "david", "andre", "andré",
    "eugenia", "cristina", "patricia", "paula", "lucia", "lucía", "sofia", "sofía", "gabriela", "alfonso",
    "james", "john", "michael", "robert", "william", "thomas", "joseph", "richard", "charles", "paul",
    "mark", "anne", "ann", "marie", "lee", "lynn", "rose", "jane", "louise", "elizabeth", "mary", "jean",
}


def escape_text(value: str) -> str:
    """Escape a TEXT value: backslash, comma, semicolon and newlines (RFC 2426 5.). Every other
    line break a reader might split at (U+2028, U+2029, NEL) is written as an escaped newline
    too, and VT/FF dropped (`plain_line_breaks`): a value never starts a content line."""
    value = plain_line_breaks(value).replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
    return value.replace("\n", "\\n")


def split_lines(text: str) -> list[str]:
    """The physical lines of a vCard file, split only at CRLF, CR or LF (RFC 6350 3.2) and
    never at U+2028, U+2029, NEL, VT or FF as `str.splitlines` would."""
    return re.split(r"\r\n|\r|\n", text)


def unescape_text(value: str) -> str:
    """Reverse `escape_text`."""
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def split_unescaped(value: str, sep: str) -> list[str]:
    """Split a raw (still escaped) value on `sep` where it is not escaped; parts stay escaped."""
    parts, current, i = [], [], 0
    while i < len(value):
        ch = value[i]
        if ch == "\\" and i + 1 < len(value):
            current.append(value[i : i + 2])
            i += 2
            continue
        if ch == sep:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
        i += 1
    parts.append("".join(current))
    return parts


def fold_line(line: str) -> str:
    """Fold a content line so no physical line exceeds 75 octets of UTF-8 (never inside a
    character); continuation lines start with a space. Returns lines joined by CRLF."""
    out: list[str] = []
    current, size, limit = [], 0, MAX_LINE_OCTETS
    for ch in line:
        n = len(ch.encode("utf-8"))
        if size + n > limit:
            out.append("".join(current))
            current, size, limit = [" "], 1, MAX_LINE_OCTETS
        current.append(ch)
        size += n
    out.append("".join(current))
    return "\r\n".join(out)


def param(name: str, value: str) -> str:
    """`;NAME="value"`: a property parameter, quoted, with RFC 6868 caret escapes (^^ for ^,
    ^' for a double quote, ^n for a newline), so any text survives as a parameter."""
    encoded = value.replace("^", "^^").replace('"', "^'")
    encoded = re.sub(r"\r\n|\r|\n", "^n", encoded)
    return f';{name}="{encoded}"'


def _param_value(raw: str) -> str:
    """Reverse `param` on one value: unquote, then RFC 6868 caret escapes."""
    if len(raw) >= 2 and raw[0] == raw[-1] == '"':
        raw = raw[1:-1]
    return re.sub(r"\^(.)", lambda m: {"^": "^", "'": '"', "n": "\n"}.get(m.group(1), m.group(0)), raw)


def content_line(name: str, value: str) -> str:
    """`NAME:value` folded, with CRLF at the end; `value` must already be escaped."""
    return fold_line(f"{name}:{value}") + "\r\n"


def _word(token: str) -> str:
    return token.lower().strip(".,")


# Common Spanish surnames that are also given names: taken as a given name only when two
# surnames still follow ("Juan Mora Santos" is Juan + Mora Santos).
SURNAMES_ALSO_GIVEN = {
    "moreno", "romero", "alonso", "gil", "marin", "medina", "castillo", "santos", "cano", "vidal", "leon",
    "pena", "flores", "vega", "reyes", "santana", "duran", "mora", "moya", "pastor", "rosales", "salas",
}


def _is_given_name(token: str) -> bool:
    """A given name: the short list first, then the gender-guesser dictionary (loaded once)."""
    from db.extract.vocabulary import GIVEN_NAMES, package_given_names
    from db.textnorm import fold

    word = fold(_word(token))
    return word in GIVEN_NAMES or word in SECOND_GIVEN_NAMES or word in package_given_names()


def _is_particle(token: str) -> bool:
    return token.islower() and _word(token) in PARTICLES


def split_name(full_name: str) -> dict[str, str]:
    """Split a full name into vCard N parts: family, given, additional, prefix, suffix.

    Honorifics go to prefix, generational and degree suffixes to suffix. The given names are
    the first word and the words after it that are given names (`Lucía Berenice` / `Álvarez`);
    the family name starts at the first word that is not, or at a particle (`de`, `de la`,
    `del`, `y`, `van`...), which belongs to it (`Sofía` / `Treviño de la Garza`); the last word
    is always a family name. A middle initial is an additional name.
    """
    tokens = full_name.replace(",", " ").split()
    prefix, suffix = [], []
    while len(tokens) > 1 and _word(tokens[0]) in HONORIFICS:
        prefix.append(tokens.pop(0))
    while len(tokens) > 1 and _word(tokens[-1]) in SUFFIXES:
        suffix.insert(0, tokens.pop())
    parts = {"family": "", "given": "", "additional": "", "prefix": " ".join(prefix), "suffix": " ".join(suffix)}
    if len(tokens) <= 1:
        parts["given"] = " ".join(tokens)
        return parts
    given, additional, i = [tokens[0]], [], 1
    while i < len(tokens) - 1:
        token = tokens[i]
        if _is_particle(token):
            break
        if re.fullmatch(r"\w\.?", token):
            additional.append(token)
        elif additional or not _is_given_name(token):
            break
        elif _word(token) in SURNAMES_ALSO_GIVEN and sum(not _is_particle(t) for t in tokens[i + 1:]) < 2:
            break
        else:
            given.append(token)
        i += 1
    parts["given"], parts["additional"], parts["family"] = " ".join(given), " ".join(additional), " ".join(tokens[i:])
    return parts


def format_vcard(card: dict) -> str:
    """One vCard 3.0 from a dict with name, title, organizations (list), email, phone,
    notes (list), tags (list), uid and optional extra `X-` properties (`x`: list of (name, value))."""
    n = split_name(card["name"])
    n_value = ";".join(escape_text(n[k]) for k in ("family", "given", "additional", "prefix", "suffix"))
    lines = ["BEGIN:VCARD\r\n", "VERSION:3.0\r\n", content_line("FN", escape_text(card["name"])),
             content_line("N", n_value)]
    titles = card.get("organization_titles") or []
    for i, org in enumerate(card.get("organizations") or []):
        title = titles[i] if i < len(titles) else None
        lines.append(content_line("ORG" + (param(TITLE_PARAM, title) if title else ""), escape_text(org)))
    if card.get("title"):
        lines.append(content_line("TITLE", escape_text(card["title"])))
    if card.get("email"):
        lines.append(content_line("EMAIL;TYPE=INTERNET", escape_text(card["email"])))
    if card.get("phone"):
        lines.append(content_line("TEL;TYPE=WORK", escape_text(card["phone"])))
    if card.get("notes"):
        lines.append(content_line("NOTE", escape_text("\n\n".join(card["notes"]))))
    if card.get("tags"):
        lines.append(content_line("CATEGORIES", ",".join(escape_text(t) for t in card["tags"])))
    for name, value in card.get("x") or []:
        lines.append(content_line(name, escape_text(value)))
    lines.append(content_line("UID", escape_text(card["uid"])))
    lines.append("END:VCARD\r\n")
    return "".join(lines)


def iter_content_lines(lines: Iterable[str]) -> Iterator[str]:
    """Unfold physical lines (a line starting with space or tab continues the previous one)."""
    current: str | None = None
    for raw in lines:
        line = raw.rstrip("\r\n")
        if current is not None and _qp_continues(current):
            current = current[:-1] + line  # vCard 2.1 quoted-printable soft line break
            continue
        if line[:1] in (" ", "\t") and current is not None:
            current += line[1:]
            continue
        if current is not None:
            yield current
        current = line
    if current is not None:
        yield current


def _is_qp(head: str) -> bool:
    return "QUOTED-PRINTABLE" in head.upper()


def _qp_continues(line: str) -> bool:
    head = line.split(":", 1)[0]
    return line.endswith("=") and _is_qp(head)


def _decode_qp(value: str, charset: str) -> str:
    """Decode a vCard 2.1 QUOTED-PRINTABLE value (UTF-8 unless CHARSET says otherwise)."""
    data = quopri.decodestring(value.encode("ascii", "replace"))
    try:
        return data.decode(charset or "utf-8")
    except (LookupError, UnicodeDecodeError):
        return data.decode("cp1252", errors="replace")


def parse_content_line(line: str) -> tuple[str, dict[str, str], str]:
    """`item1.EMAIL;TYPE=work:a@b` -> ("EMAIL", {"TYPE": "work"}, "a@b"); the value stays
    escaped (a vCard 2.1 QUOTED-PRINTABLE value is decoded)."""
    match = re.match(r'((?:[^:"]|"[^"]*")*):(.*)', line)
    if not match:
        return "", {}, ""
    head, value = match.groups()
    name, *params = re.findall(r'(?:[^;"]|"[^"]*")+', head) or [""]
    name = name.split(".")[-1].upper()
    parsed = {}
    for p in params:
        key, sep, val = p.partition("=")
        if not sep and key.upper() in ("QUOTED-PRINTABLE", "BASE64", "8BIT"):  # vCard 2.1 bare
            key, val = "ENCODING", key
        elif not sep:  # vCard 2.1 bare type: TEL;WORK;VOICE
            key, val = "TYPE", ",".join(filter(None, (parsed.get("TYPE", ""), key)))
        parsed[key.upper()] = _param_value(val)
    if _is_qp(head):
        value = _decode_qp(value, parsed.get("CHARSET", ""))
    return name, parsed, value


def iter_vcards(lines: Iterable[str]) -> Iterator[list[tuple[str, dict[str, str], str]]]:
    """The vCards in a stream of lines, each as its list of (NAME, params, raw value)."""
    card: list | None = None
    for line in iter_content_lines(lines):
        if not line.strip():
            continue
        name, params, value = parse_content_line(line)
        if name == "BEGIN" and value.upper() == "VCARD":
            card = []
        elif name == "END" and value.upper() == "VCARD":
            if card is not None:
                yield card
            card = None
        elif card is not None:
            card.append((name, params, value))
