"""Stage: the text's structure before anything is read from it.

Hard-wrapped text (PDF copies, e-mail, some news sites) breaks sentences, titles and names across
lines, and the line patterns would read each piece as a line of its own. `unwrap` rejoins a line
with the next when the break is clearly inside a sentence: the next line starts in lower case, or
the line is long and ends with a comma or a connector word (`de`, `y`, `of`, `and`), or a parenthesis opened
on the line closes on the next (`Name (Asociación Nacional de` / `Parques Logísticos)`). The newline
becomes a space, so every offset into the text stays valid. A session's label and title opening a paragraph
(`Panel 1: Ports and Rail. This panel ...`) end their line, as a heading does.

A bill or a transcript printed with numbered lines is first read without its numbers (`without_line_numbers`):
there the text does move, and the offsets found in it are mapped back to the document's before they are kept.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from db.extract.core import line_spans
from db.extract.vocabulary import COURTESY_ABBREVIATIONS, PROGRAM_CUES, SESSION_LABELS

_CONNECTOR_END = re.compile(r"(?:,|\b(?:de|del|la|las|los|el|y|e|en|con|por|para|a|of|the|and|for|at|in|to|on|with|by))\s*$",
                            re.I)
_BULLET = re.compile(r"\s*(?:[-–—•*·o]\s|\d+[.)]\s|[a-z]\)\s|(?:[ivx]{1,4}|[A-Z])\)\s)")  # ("a) ", "iv) ": lettered items)
_WRAP_MIN = 40  # a line shorter than this ends where its writer ended it
_WRAP_MAX = 120  # text hard-wrapped by a PDF or a mail program has lines no longer than this
_COLUMNS = re.compile(r"\t| {3,}")


def unwrap(text: str) -> str:
    """The text with hard-wrapped lines rejoined (same length; see the module's docstring)."""
    if "\n" not in text:
        return text
    lines = text.split("\n")
    joins = [_continues(line, nxt) for line, nxt in zip(lines, lines[1:])]
    _wrapped_paragraphs(lines, joins)
    out = []
    for i, line in enumerate(lines):
        out.append(line)
        if i + 1 == len(lines):
            break
        out.append(" " if joins[i] else "\n")
    return _SESSION_LEAD.sub(lambda m: m.group(1) + "\n", "".join(out))


_LINE_NUMBER = re.compile(r"[ \t]{0,3}\d{1,2}(?:[ \t]{2,}|[ \t]*$)")


def without_line_numbers(text: str) -> tuple[str, Callable[[int], int] | None]:
    """A bill or a transcript printed with numbered lines (` 5   Commerce Lorraine X and included`): the text
    without each number and the margin around it (see `_squeeze`), and the offset map back to `text`; `text` and
    None when most lines carry no number or the numbers do not count up, page after page."""
    spans = line_spans(text)
    lines = [text[a:b] for a, b in spans]
    numbered = [(i, m) for i, line in enumerate(lines) if (m := _LINE_NUMBER.match(line))]
    if len(numbered) < 10 or 2 * len(numbered) < sum(1 for line in lines if line.strip()):
        return text, None
    values = [int(re.search(r"\d+", m.group()).group()) for _, m in numbered]
    steps = sum(1 for a, b in zip(values, values[1:]) if b in (a + 1, 1))
    if 10 * steps < 9 * (len(values) - 1):
        return text, None  # numbers that do not count lines: a table's column, a numbered list
    cuts = []
    for i, m in numbered:
        body = lines[i][m.end():]
        cuts.append((spans[i][0], spans[i][0] + m.end() + len(body) - len(body.lstrip(" \t"))))
    return _squeeze(text, cuts)


def _squeeze(text: str, cuts: list[tuple[int, int]]) -> tuple[str, Callable[[int], int]]:
    """`text` without the ranges `cuts` (sorted, apart), as many spaces added at its end (so its length stays),
    and a function from an offset of the new text to the same character's offset in `text`."""
    out, prev = [], 0
    starts, shifts = [0], [0]  # offsets of the new text from which the shift back grows
    for a, b in cuts:
        out.append(text[prev:a])
        starts.append(a - shifts[-1])
        shifts.append(shifts[-1] + b - a)
        prev = b
    out.append(text[prev:])

    def to_original(offset: int) -> int:
        return offset + shifts[bisect.bisect_right(starts, offset) - 1]

    return "".join(out) + " " * shifts[-1], to_original


# "Panel 1: Ports and Rail. This panel will be moderated by ...": a session's label and title open the
# paragraph; it is read as a heading line over the rest (the space after the title becomes a newline).
_SESSION_LEAD = re.compile(r"(?m)^([ \t]*(?=[A-ZÁÉÍÓÚÑ])(?i:" + SESSION_LABELS[3:-1] + r")\s+"
                           r"(?:\d{1,2}|[A-Z]|[IVX]{1,4})\s*[:.–-]\s+[^.\n]{3,90}?\.)[ ](?=[A-ZÁÉÍÓÚÑ])")


def _wrapped_paragraphs(lines: list[str], joins: list[bool]) -> None:
    """In a paragraph already shown hard-wrapped (a break inside a sentence), a full-width line that ends
    without punctuation goes on in the next, even when that starts with a capital: `We are grateful to
    Ana Ruiz` / `Paz of the Institute`. A list of short items is never one paragraph."""
    start = 0
    while start < len(lines):
        if not lines[start].strip():
            start += 1
            continue
        end = start
        while end + 1 < len(lines) and lines[end + 1].strip():
            end += 1
        block = range(start, end)  # the breaks inside lines[start..end]
        width = max(len(lines[i].rstrip()) for i in range(start, end + 1))
        if end - start >= 2 and width <= _WRAP_MAX and any(joins[i] for i in block):
            for i in block:
                line, nxt = lines[i].rstrip(), lines[i + 1].lstrip()
                if not joins[i] and len(line) >= max(_WRAP_MIN, 0.8 * width) and _open_end(line, nxt) and (
                        _prose(line) or line.count("(") > line.count(")")
                        or i > start and _prose(lines[i - 1]) and _prose(nxt)):  # (a line of names inside prose)
                    joins[i] = True
        start = end + 1


def _open_quote(line: str) -> bool:
    """The line leaves a quotation open (an odd number of `"`, or more `“` than `”`)."""
    return line.count('"') % 2 == 1 or line.count("“") > line.count("”")


def _prose(line: str) -> bool:
    """A line of running text, not a list item of names (`Ana Ruiz, Federación Textil del Norte`):
    at least a third of its words are in lower case."""
    words = re.findall(r"[^\W\d_][\w’'\-]*", line)
    return len(words) >= 5 and 3 * sum(w[0].islower() for w in words) >= len(words)


def _open_end(line: str, nxt: str) -> bool:
    """`line` may go on in `nxt`: no closing punctuation, no column layout, `nxt` no bullet."""
    return (not line.endswith((".", ":", ";", "!", "?", ")", "|")) and not _COLUMNS.search(line.strip())
            and not _BULLET.match(nxt) and (nxt[:1].isalpha() or nxt[:1] in "“\"¿¡(") and not _COLUMNS.search(nxt))


def _continues(line: str, nxt: str) -> bool:
    body, following = line.strip(), nxt.lstrip()
    if body and len(body) >= _WRAP_MIN and re.search(r",\s+(?:[A-Z]\.){2,}$", body) and following[:1].isupper() \
            and not _BULLET.match(nxt) and not _LEGAL_FORM_END.search(body):
        return True  # "Director del Puerto, U.S." / "Fisheries and Border Enforcement (FBE).": the name goes on
    if body.endswith(";") and len(body) >= _WRAP_MIN and re.match(r"(?:and|y|e)\s+[A-ZÁÉÍÓÚÑ]", following):
        return True  # "Dr. Ana Ruiz, X Laboratory;" / "and Consul General Name.": the list goes on
    if _COURTESY_END.search(body) and len(body) >= _WRAP_MIN and following[:1].isupper() and not _BULLET.match(nxt) \
            and not _COLUMNS.search(body):
        return True  # "to be co-chaired by Mr." / "Nwachukwu and Ing. Dávila": a name after its courtesy title
    if not body or not following or _BULLET.match(nxt) or body.endswith((":", ".", "!", "?", ";")):
        return False
    if following[0].islower() and len(body) >= 25 and not _CUE_LINE.fullmatch(following.rstrip()):
        return True
    if body.count("(") > body.count(")") and ")" in following and following.find(")") < (following.find("(") % 10_000):
        return True  # "Name (Asociación Nacional de" / "Parques Logísticos)": the parenthesis goes on
    if 60 <= len(body) <= 110 and len(following) <= 110 and _running_text(body, 0.5) and _running_text(following.rstrip(), 0.3) and following[0].isalpha():
        return True  # "and especially to Evandro" / "Quintanar Ibáñez of the Cobre Valley ...": a wrapped paragraph
    if _open_quote(body) and len(body) >= 25 and following[0].isalpha() and re.search(r"[”\"]", following):
        return True  # `Mario "El` / `Flaco" Paz, Director`: a nickname or a quotation broken by the wrap
    return len(body) >= _WRAP_MIN and bool(_CONNECTOR_END.search(body)) and following[0].isalpha() \
        and not _COLUMNS.search(body)  # (a table's row ending `Elkhart, IN` goes on in no next row)


# A program's cue alone on its line, between two speakers' cards (`in conversation with`).
_CUE_LINE = re.compile(r"(?:" + PROGRAM_CUES + r"|with|and|y|con)\s*:?", re.I)


_COURTESY_END = re.compile(rf"\s{COURTESY_ABBREVIATIONS}\.$")

# A company's legal form ending a line (`Kuri, Haddad y Asociados, S.C.`): the line ends with the name.
_LEGAL_FORM_END = re.compile(r",\s+(?:S\.\s?C|A\.\s?C|S\.\s?A|S\.\s?L|S\.\s?A\.\s?S|S\.\s?A\.\s?P\.\s?I)\.$")


def _running_text(line: str, share: float) -> bool:
    """A line of running text: six or more words, that `share` of them in lower case, no `Label:` opening."""
    words = line.split()
    return len(words) >= 6 and sum(w[0].islower() for w in words) >= share * len(words) and ":" not in line[:30] \
        and "|" not in line and "\t" not in line
