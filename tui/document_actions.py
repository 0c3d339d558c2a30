"""The app's `D` key: the Documents screen (and from it, Review). A mixin for `StakeholdersApp`
(it uses the app's search engine, `open_entity` and `request_card`).

Wiring in tui/app.py: `DocumentActions` among the app's bases, `*DOCUMENT_BINDINGS` in BINDINGS,
DOCUMENT_ACTIONS in MAIN_ACTIONS and `yield from self.document_commands()` in the palette.
"""

from __future__ import annotations

from typing import Iterable

from textual.app import SystemCommand
from textual.binding import Binding


DOCUMENT_BINDINGS = [Binding("D", "documents", "Documents", id="documents")]
DOCUMENT_ACTIONS = {"documents"}


class DocumentActions:
    """Actions behind DOCUMENT_BINDINGS."""

    def find_entities(self, query: str, entity_type: str) -> list[tuple[int, str, str]]:
        """(id, name, detail) of the records of `entity_type` matching `query` (for merge pickers)."""
        return self.pick_search(query, entity_type)  # in the picker's worker thread

    def action_documents(self) -> None:
        """Every imported document; enter reviews one."""

        def closed(ref: tuple[str, int] | None) -> None:
            self.reload()  # reviews may have corrected what the panes show
            if ref is not None:
                self.open_entity(*ref)
                self.request_card(ref, force=True)

        from tui.screens.documents import DocumentsScreen  # imported when first opened: a faster start

        self.push_screen(DocumentsScreen(self.find_entities), closed)

    def document_commands(self) -> Iterable[SystemCommand]:
        """The documents actions for the command palette."""
        from tui.screens.documents import DocumentsScreen
        from tui.screens.review import ReviewScreen

        screen = self.screen
        if isinstance(screen, (DocumentsScreen, ReviewScreen)):  # the open screen's own actions
            yield from screen.commands()
        else:
            yield SystemCommand("Documents", "Every imported document, to review what each gave (D)",
                                self.action_documents)
