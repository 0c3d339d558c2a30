"""A document's text with the names drawn from it highlighted by type, drawn line by line.

Built for long documents (the readers accept 2 million characters): the text is wrapped into
row offsets once per width (a scan of `str.rfind` calls, no `Text` for the whole document), and
`render_line` styles only the rows on screen, finding their mentions by bisection. Untrusted
text: every control or invisible character is shown as a space (so offsets stay those of
`documents.text`), and the text is never parsed as markup.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import Iterable

from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

TYPE_STYLES = {
    "person": Style(color="#000000", bgcolor="#8ec5ff"),
    "organization": Style(color="#000000", bgcolor="#ffcf7a"),
    "initiative": Style(color="#000000", bgcolor="#9fe59f"),
}
SELECTED = Style(bold=True, underline=True, reverse=True)
_UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufffd]")


def _safe_table() -> dict[int, str]:
    ranges = [(0x00, 0x1F), (0x7F, 0x9F), (0x200B, 0x200F), (0x2028, 0x202E), (0x2060, 0x2064),
              (0x2066, 0x2069), (0xFEFF, 0xFEFF)]
    table = {c: " " for lo, hi in ranges for c in range(lo, hi + 1)}
    del table[0x0A]  # newlines break rows
    return table


_SAFE = _safe_table()


def display_safe(text: str) -> str:
    """`text` with control and invisible characters as spaces: same length, same offsets."""
    return text.translate(_SAFE) if _UNSAFE.search(text) else text


def wrap_rows(text: str, width: int) -> list[int]:
    """Start offsets of the rows `text` takes at `width` columns: lines break at newlines, long
    ones after the last space that fits (or at `width` when a word is longer)."""
    width = max(width, 8)
    rows: list[int] = []
    append = rows.append
    find, rfind = text.find, text.rfind
    start, end_of_text = 0, len(text)
    while True:
        newline = find("\n", start)
        line_end = end_of_text if newline < 0 else newline
        while line_end - start > width:
            append(start)
            cut = rfind(" ", start + 1, start + width + 1)
            start = cut + 1 if cut > start else start + width
        append(start)
        if newline < 0:
            return rows
        start = newline + 1


class DocumentView(ScrollView, can_focus=True):
    """The text, its mentions `(start, end, entity_type, key)` styled by type; the mentions of
    the `selected` key are drawn reversed."""

    DEFAULT_CSS = """
    DocumentView { height: 1fr; scrollbar-gutter: stable; overflow-x: hidden; }
    """
    BINDINGS = [
        Binding("j", "scroll_down", "Down", show=False),
        Binding("k", "scroll_up", "Up", show=False),
        Binding("space", "page_down", "Page down", show=False),
    ]

    def __init__(self, text: str = "", mentions: Iterable[tuple[int, int, str, str]] = (), **kwargs) -> None:
        super().__init__(**kwargs)
        self._rows: list[int] = [0]
        self._width = 0
        self.selected: str | None = None
        self.set_document(text, mentions)

    def set_document(self, text: str, mentions: Iterable[tuple[int, int, str, str]]) -> None:
        """Show `text` with `mentions` (kept where the view is when the text is the same)."""
        same = getattr(self, "_raw", None) == text
        self._raw = text
        self._text = display_safe(text)
        self._mentions = sorted(m for m in mentions if 0 <= m[0] < m[1] <= len(text))
        self._starts = [m[0] for m in self._mentions]
        self._longest = max((m[1] - m[0] for m in self._mentions), default=0)
        if not same:
            self._width = 0
        self._layout()
        self.refresh()

    def _layout(self) -> None:
        width = self.scrollable_content_region.width if self.is_attached else 0
        if width <= 0:
            width = 80
        if width != self._width:
            top = self._rows[min(int(self.scroll_y), len(self._rows) - 1)] if self._width else 0
            self._width = width
            self._rows = wrap_rows(self._text, width)
            self.virtual_size = Size(width, len(self._rows))
            if self.is_attached:
                self.scroll_to(y=self.row_of(top), animate=False, immediate=True)

    def on_resize(self) -> None:
        self._layout()

    @property
    def row_count(self) -> int:
        """How many rows the text takes at the current width."""
        return len(self._rows)

    def row_of(self, offset: int) -> int:
        """The row holding character `offset`."""
        return max(bisect_right(self._rows, offset) - 1, 0)

    def show_offset(self, offset: int) -> None:
        """Scroll so that character `offset` is on screen, a third of the way down."""
        row = self.row_of(offset)
        top, height = int(self.scroll_y), self.scrollable_content_region.height or 1
        if not top <= row < top + height:
            self.scroll_to(y=max(row - height // 3, 0), animate=False)

    def select(self, key: str | None, offset: int | None = None) -> None:
        """Draw the mentions of `key` reversed and bring `offset` (e.g. its first) into view."""
        self.selected = key
        if offset is not None:
            self.show_offset(offset)
        self.refresh()

    def visible_mentions(self) -> list[tuple[int, int, str, str]]:
        """The mentions that touch the rows on screen (what `render_line` styles)."""
        top = int(self.scroll_y)
        height = self.scrollable_content_region.height or 1
        start = self._rows[min(top, len(self._rows) - 1)]
        bottom = min(top + height, len(self._rows))
        end = self._rows[bottom] if bottom < len(self._rows) else len(self._text)
        return self._mentions_between(start, end)

    def _mentions_between(self, start: int, end: int) -> list[tuple[int, int, str, str]]:
        first = bisect_left(self._starts, start - self._longest)
        last = bisect_left(self._starts, end, lo=first)
        return [m for m in self._mentions[first:last] if m[1] > start]

    def action_scroll_home(self) -> None:
        """`home`: the start of the text, at once (no animation over thousands of rows)."""
        self.scroll_home(animate=False)

    def action_scroll_end(self) -> None:
        """`end`: the end of the text, at once."""
        self.scroll_end(animate=False)

    def render_line(self, y: int) -> Strip:
        """One row of text, its mentions styled (only rows on screen are ever drawn)."""
        row = int(self.scroll_y) + y
        width = self.scrollable_content_region.width
        base = self.rich_style
        if row >= len(self._rows):
            return Strip.blank(width, base)
        start = self._rows[row]
        end = self._rows[row + 1] if row + 1 < len(self._rows) else len(self._text)
        piece = self._text[start:end].rstrip("\n")
        line = Text(piece, style=base, no_wrap=True, end="")
        for m_start, m_end, etype, key in self._mentions_between(start, start + len(piece)):
            style = TYPE_STYLES.get(etype, Style(underline=True))
            if key == self.selected:
                style = style + SELECTED
            line.stylize(style, max(m_start - start, 0), min(m_end, end) - start)
        return Strip(line.render(self.app.console)).crop(0, width).extend_cell_length(width, base)
