"""The visible text of an HTML page, with its line structure (stdlib `html.parser`).

Scripts, styles, navigation and other page chrome are dropped; headings, paragraphs, list
items, table rows and `<br>` become lines, so a member list of `Name - Organization` items
reads like the same list in a text file. Entities are decoded.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

# Elements whose whole content is not part of the document's text.
SKIPPED_TAGS = frozenset(
    {
        "head", "script", "style", "noscript", "template", "nav", "header", "footer", "aside",
        "form", "button", "select", "textarea", "svg", "canvas", "iframe", "object", "dialog",
    }
)
# ARIA landmark roles that mark the same kinds of chrome on a plain <div>.
SKIPPED_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search", "menu"})
PARAGRAPH_TAGS = frozenset(
    {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "table", "blockquote",
        "section", "article", "main", "figure", "pre", "address", "hr", "title",
    }
)
LINE_TAGS = frozenset({"div", "li", "tr", "dt", "dd", "figcaption", "caption", "thead", "tbody", "tfoot"})
CELL_TAGS = frozenset({"td", "th"})
VOID_TAGS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)
CELL_SEPARATOR = " - "  # table cells joined like the `Name - Organization` lines of member lists
BULLET = "• "

_SPACES = re.compile(r"[ \t\r\n\f\v\u00a0]+")
_BLANK_LINES = re.compile(r"\n{3,}")
_RUN_OF_SPACES = re.compile(r" {2,}")


class _VisibleText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip_tag: str | None = None  # the element being skipped
        self._skip_depth = 0  # how many of that element are open (they can nest)
        self._pre = 0
        self._pending = 0  # newlines owed before the next text: 1 = new line, 2 = blank line
        # Table cells: `<td><p>Name</p></td><td><p>Org</p></td>` is one `Name - Org` line, but a
        # cell holding several paragraphs (a layout table) keeps them on lines of their own.
        self._row_has_cell = False
        self._in_cell = False
        self._cell_has_text = False
        self._cell_break = 0  # a break inside a cell, applied only if more text follows in it
        self._cell_multiline = False  # the cell broke lines: the next cell starts a new block

    def _hidden(self, tag: str, attrs: list[tuple[str, str | None]]) -> bool:
        if tag in SKIPPED_TAGS:
            return True
        values = {k.lower(): (v or "") for k, v in attrs}
        style = values.get("style", "").replace(" ", "").lower()
        return (
            "hidden" in values
            or values.get("aria-hidden", "").lower() == "true"
            or values.get("role", "").lower() in SKIPPED_ROLES
            or "display:none" in style
            or "visibility:hidden" in style
        )

    def _newline(self, count: int = 1, add: bool = False) -> None:
        """Owe `count` newlines; breaks of adjacent tags merge (`</li><li>` is one break),
        except `<br>`s, which add up (`add`)."""
        if self._in_cell:
            if self._cell_has_text:
                self._cell_break = min(2, self._cell_break + count) if add else max(self._cell_break, count)
            return
        self._pending = min(2, self._pending + count) if add else max(self._pending, count)

    def _emit(self, text: str) -> None:
        if self._in_cell:
            if self._cell_break:
                self._pending, self._cell_break, self._cell_multiline = max(self._pending, self._cell_break), 0, True
            self._cell_has_text = True
        if self._pending and self.parts:
            self.parts.append("\n" * self._pending)
        self._pending = 0
        self.parts.append(text)

    def _start_cell(self) -> None:
        self._in_cell, self._cell_break = False, 0
        if self._cell_multiline:
            self._newline(2)
        elif self._row_has_cell:
            self._emit(CELL_SEPARATOR)
        self._row_has_cell = True
        self._in_cell, self._cell_has_text, self._cell_multiline = True, False, False

    def handle_starttag(self, tag, attrs):
        if self._skip_tag is not None:
            if tag == self._skip_tag:
                self._skip_depth += 1
            return
        if tag not in VOID_TAGS and self._hidden(tag, attrs):
            self._skip_tag, self._skip_depth = tag, 1
            return
        if tag == "pre":
            self._pre += 1
        if tag in ("tr", "table"):
            self._in_cell, self._row_has_cell, self._cell_multiline = False, False, False
        if tag == "br":
            self._newline(1, add=True)
        elif tag in PARAGRAPH_TAGS:
            self._newline(2)
        elif tag in LINE_TAGS:
            self._newline()
        elif tag in CELL_TAGS:
            self._start_cell()
        if tag == "li":
            self._emit(BULLET)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID_TAGS:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if self._skip_tag is not None:
            if tag == self._skip_tag:
                self._skip_depth -= 1
                if self._skip_depth == 0:
                    self._skip_tag = None
            return
        if tag == "pre" and self._pre:
            self._pre -= 1
        if tag in ("tr", "table") or tag in CELL_TAGS:
            self._in_cell, self._cell_break = False, 0
        if tag in PARAGRAPH_TAGS:
            self._newline(2)
        elif tag in LINE_TAGS:
            self._newline()

    def handle_data(self, data):
        if self._skip_tag is not None:
            return
        if self._pre:
            self._emit(data.replace("\r\n", "\n"))
        elif data.strip():
            self._emit(_SPACES.sub(" ", data))
        elif self.parts and not self._pending and not self._cell_break:
            self.parts.append(" ")


def html_to_text(html: str) -> str:
    """The visible text of `html`: one line per block, list item or table row; chrome dropped."""
    parser = _VisibleText()
    parser.feed(html)
    parser.close()
    lines = [_RUN_OF_SPACES.sub(" ", line).strip(" ") for line in "".join(parser.parts).split("\n")]
    text = "\n".join(lines)
    return _BLANK_LINES.sub("\n\n", text).strip()


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a `<meta>` tag near its start, if any."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii").lower() if match else None
