"""`?` on a full-screen view (Documents, Review): its own keys, from its BINDINGS; and the same
actions as command palette entries."""

from __future__ import annotations

from typing import Iterable

from textual.app import SystemCommand
from textual.binding import Binding


class ScreenKeys:
    """Mixin for a screen: `action_help` lists its bindings; `commands()` gives them to the palette."""

    def _shown_bindings(self) -> list[Binding]:
        return [b for b in self.BINDINGS if isinstance(b, Binding) and b.show and b.action != "help"]

    def action_help(self) -> None:
        """Show the keys of this screen."""
        from tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen([(self.app.get_key_display(b), b.description) for b in self._shown_bindings()]))

    def commands(self) -> Iterable[SystemCommand]:
        """This screen's actions, by name, for the command palette."""
        for binding in self._shown_bindings():
            action = getattr(self, "action_" + binding.action.split("(")[0], None)
            if action is not None and "(" not in binding.action:
                yield SystemCommand(binding.description, f"{binding.description} ({self.app.get_key_display(binding)})",
                                    action)
