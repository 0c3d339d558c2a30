"""An Input whose own editing keys (ctrl+u, backspace, ctrl+w, home, …) act in the order typed.

Textual runs a widget's non-priority bindings only once the key has bubbled back up to the
app, by which time the printable keys typed right after it have already been inserted: a
burst like ctrl+u `ruiz` ends with `ruiz` deleted. Here the Input resolves its own bindings as
the key reaches it, in the same queue as the characters.
"""

from __future__ import annotations

from textual import events
from textual.widgets import Input


class OrderedInput(Input):
    """An Input that applies its own key bindings in typing order."""

    async def _on_key(self, event: events.Key) -> None:
        if not event.is_printable:
            for binding in self._bindings.key_to_bindings.get(event.key, ()):
                if not binding.priority and self.check_action(binding.action, ()) is not False:
                    event.stop()
                    event.prevent_default()
                    await self.run_action(binding.action)
                    return
        await super()._on_key(event)
