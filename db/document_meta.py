"""A document's readable title and the date it states, read from its text.

The title is the headline: a markdown `#` heading near the top when there is one, else the first
line that reads like one (page chrome such as `Español`, `top of page`, `Skip to content`, a
line that is only a date or a number is skipped), capped at `MAX_TITLE` characters at a word
boundary. HTML documents arrive as their visible text (`db.formats.html_text`), whose first
line is the page's first heading; `<head>` (and its `<title>`) is not part of that text.

The date is the first full date stated near the top of the text, in the forms press releases
use in English and Spanish: `March 4, 2025`, `Mar. 4, 2025`, `4 March 2025`,
`4 de marzo de 2025`, `2025-03-04`. The month names are a fixed table here rather than a
dependency: `dateparser` is large, slow to import and finds "dates" in ordinary words, and
the stdlib's `calendar` names follow the process locale (no Spanish unless installed).
"""

from __future__ import annotations

import re
from datetime import date

MAX_TITLE = 120
TITLE_SCAN_LINES = 40  # lines looked at for a heading / headline
DATE_SCAN_CHARS = 5000  # how far into the text a date counts as the document's own

_MONTHS = {
    # English
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
    # Spanish
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
    "ene": 1, "abr": 4, "ago": 8, "dic": 12,
}
_MONTH = "(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|º|°|o)?"
_YEAR_DIGITS = re.compile(r"(?:19|20)\d\d")  # what every form's year holds (a cheap first look)
_DATE_FORMS = [
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),
    # March 4, 2025 · Mar. 4 2025 · MARCH 4, 2025
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),
    # 4 March 2025 · 4 de marzo de 2025 · 4 de marzo del 2025 · 4-mar-2025
    re.compile(rf"\b{_DAY}(?:\s+de\s+|\s+|-){_MONTH}(?:,?\s+del?\s+|,?\s+|-){_YEAR}\b", re.IGNORECASE),
]

# Lines of page chrome that come before a page's headline (compared case- and space-folded).
_CHROME = {
    "español", "espanol", "english", "en español", "top of page", "skip to content",
    "skip to main content", "saltar al contenido", "ir al contenido", "menu", "menú", "home",
    "inicio", "search", "buscar", "share", "compartir", "print", "imprimir", "back", "volver",
    "press release", "news", "noticias", "comunicado de prensa", "comunicado", "log in", "login",
    "sign in", "subscribe", "suscríbete", "close", "cerrar", "share this", "tweet",
    "view this email in your browser", "view in browser", "view this email in a browser", "ver en el navegador",
    "ver este correo en tu navegador", "ver este correo en el navegador",
}
_MARKDOWN_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_MARKUP_EDGES = re.compile(r"^[\s*_>#\-•|=]+|[\s*_#|=:]+$")
_LEADING_DATE_LABEL = re.compile(r"^(?:date|fecha)\s*:?\s*\d{4}-\d{2}-\d{2}\s*", re.IGNORECASE)
_LETTERS = re.compile(r"[^\W\d_]")
_DATELINE_END = re.compile(r"\s*[.:]?\s*[–—-]+\s*|\s*[.:]\s+")
_MARKDOWN_INLINE = re.compile(r"\[([^\]]*)\]\([^)]*\)|[*`]+|(?<!\w)_+|_+(?!\w)")
_SENTENCE_END = re.compile(r"(?<=[a-záéíóúñ]{2})[.!?](?=\s)")


def stated_date(text: str, scan: int = DATE_SCAN_CHARS) -> str | None:
    """The first full date (ISO `YYYY-MM-DD`) in the first `scan` characters, or None."""
    head = text[:scan]
    if not _YEAR_DIGITS.search(head):  # every form holds a year: most list pages have none
        return None
    best: tuple[int, str] | None = None
    for form in _DATE_FORMS:
        for match in form.finditer(head):
            found = _as_iso(match)
            if found:
                if best is None or match.start() < best[0]:
                    best = (match.start(), found)
                break  # the first valid one of this form; forms compete on position
    return best[1] if best else None


def _as_iso(match: re.Match) -> str | None:
    month = match.group("month")
    number = int(month) if month.isdigit() else _MONTHS.get(month.lower().rstrip("."))
    try:
        return date(int(match.group("year")), number or 0, int(match.group("day"))).isoformat()
    except ValueError:  # 31 February, month 13
        return None


def _title_candidate(line: str) -> str | None:
    line = _LEADING_DATE_LABEL.sub("", " ".join(line.split()))
    line = _MARKUP_EDGES.sub("", _MARKDOWN_INLINE.sub(lambda m: m.group(1) or "", line)).strip()
    half = len(line) // 2
    if len(line) % 2 and line[:half] == line[half + 1:]:  # `Name Name`: a page's label twice
        line = line[:half]
    if not line or not _LETTERS.search(line):
        return None
    if line.casefold() in _CHROME:
        return None
    dated = _first_date(line[:80])
    if dated is not None:
        rest = line[dated.end():]
        after = _DATELINE_END.match(rest)
        if after and rest[after.end():].strip():  # `CITY, ST – March 4, 2025 – The ...`
            return _title_candidate(rest[after.end():])
        if len(_LETTERS.findall(line[: dated.start()] + rest)) <= 20:  # a dateline alone
            return None
    return line


def _first_date(text: str) -> re.Match | None:
    if not _YEAR_DIGITS.search(text):
        return None
    matches = [m for form in _DATE_FORMS for m in form.finditer(text) if _as_iso(m)]
    return min(matches, key=lambda m: m.start()) if matches else None


def cap_title(text: str, limit: int = MAX_TITLE) -> str:
    """`text` on one line, cut at a word boundary to at most `limit` characters (with `…`)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    end = _SENTENCE_END.search(text, 20, limit)
    if end:  # a paragraph as the first line: its first sentence
        return text[: end.start()]
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:–—-") + "…"


def document_title(text: str, name: str = "", fmt: str = "txt") -> str:
    """The document's headline: its first markdown heading (in `.md`), else its first line
    that reads like a headline, capped; the file `name` only when the text has none."""
    lines = text[: 200 * TITLE_SCAN_LINES].split("\n")[: TITLE_SCAN_LINES * 3]
    if fmt in ("md", "markdown"):
        for line in lines:
            heading = _MARKDOWN_HEADING.match(line)
            if heading:
                found = _title_candidate(heading.group(1))
                if found:
                    return cap_title(found)
    seen, first = 0, None
    for line in lines:
        if not line.strip():
            continue
        seen += 1
        found = _title_candidate(line)
        if found:
            if not _MASTHEAD.search(line.strip()):
                return cap_title(found)
            first = first or found
        if seen >= TITLE_SCAN_LINES:
            break
    return cap_title(first or name) or "(untitled)"


# A site's masthead, menu or breadcrumb, not the page's headline: items parted by bars, bullets, wide
# gaps or arrows (`GLMCC | Great Lakes Chamber`, `Home   About   News`, `Inicio / Sala de prensa`).
_MASTHEAD = re.compile(r"\s[|·•›»>/]\s|\S {3,}\S|\t")


def document_date(text: str, imported_at: str) -> str:
    """The date the text states, else the day of `imported_at` (an ISO timestamp)."""
    return stated_date(text) or imported_at[:10]
