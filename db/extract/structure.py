"""Stage: the text's structure before anything is read from it.

Hard-wrapped text (PDF copies, e-mail, some news sites) breaks sentences, titles and names across
lines, and the line patterns would read each piece as a line of its own. `unwrap` rejoins a line
with the next when the break is clearly inside a sentence: the next line starts in lower case, or
the line is long and ends with a comma or a connector word (`de`, `y`, `of`, `and`), or a parenthesis opened
on the line closes on the next (`Name (Asociación Nacional de` / `Parques Logísticos)`). The newline
becomes a space, so every offset into the text stays valid.
"""

from __future__ import annotations

import re

_CONNECTOR_END = re.compile(r"(?:,|\b(?:de|del|la|las|los|el|y|e|en|con|por|para|a|of|the|and|for|at|in|to|on|with|by))\s*$",
                            re.I)
_BULLET = re.compile(r"\s*(?:[-–—•*·o]\s|\d+[.)]\s)")
_WRAP_MIN = 40  # a line shorter than this ends where its writer ended it


def unwrap(text: str) -> str:
    """The text with hard-wrapped lines rejoined (same length; see the module's docstring)."""
    if "\n" not in text:
        return text
    lines = text.split("\n")
    out = []
    for i, line in enumerate(lines):
        out.append(line)
        if i + 1 == len(lines):
            break
        nxt = lines[i + 1]
        out.append(" " if _continues(line, nxt) else "\n")
    return "".join(out)


def _continues(line: str, nxt: str) -> bool:
    body, following = line.strip(), nxt.lstrip()
    if body and len(body) >= _WRAP_MIN and re.search(r",\s+(?:[A-Z]\.){2,}$", body) and following[:1].isupper() \
            and not _BULLET.match(nxt):
        return True  # "Director del Puerto, U.S." / "Fisheries and Border Enforcement (FBE).": the name goes on
    if not body or not following or _BULLET.match(nxt) or body.endswith((":", ".", "!", "?", ";")):
        return False
    if following[0].islower() and len(body) >= 25:
        return True
    if body.count("(") > body.count(")") and ")" in following and following.find(")") < (following.find("(") % 10_000):
        return True  # "Name (Asociación Nacional de" / "Parques Logísticos)": the parenthesis goes on
    
    if 60 <= len(body) <= 110 and len(following) <= 110 and _prose(body, 0.5) and _prose(following.rstrip(), 0.3) and following[0].isalpha():
        return True  # "and especially to Evandro" / "Quintanar Ibáñez of the Cobre Valley ...": a wrapped paragraph
    return len(body) >= _WRAP_MIN and bool(_CONNECTOR_END.search(body)) and following[0].isalpha()


def _prose(line: str, share: float) -> bool:
    """A line of running text: six or more words, that `share` of them in lower case, no `Label:` opening."""
    words = line.split()
    return len(words) >= 6 and sum(w[0].islower() for w in words) >= share * len(words) and ":" not in line[:30] \
        and "|" not in line and "\t" not in line
