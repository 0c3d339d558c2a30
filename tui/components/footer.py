"""A footer that fits its width: every key is always shown; descriptions are added while they
fit (help and quit first, then in order), so at 80 columns no key is pushed off the edge."""

from __future__ import annotations


from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

PALETTE_WIDTH = 13
FIRST = ("help", "quit")

class FittingFooter(Footer):
    """Footer(compact=True) keeping every key on screen, descriptions as room allows."""

    def __init__(self, **kwargs) -> None:
        super().__init__(compact=True, **kwargs)

    def on_resize(self) -> None:
        self.call_after_refresh(self.recompose)

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        active = self.screen.active_bindings
        by_action: dict[str, tuple] = {}
        for _, binding, enabled, tooltip in active.values():
            if binding.show and binding.action not in by_action:
                by_action[binding.action] = (binding, enabled, tooltip)
        items = list(by_action.values())
        displays = [self.app.get_key_display(b) for b, _, _ in items]
        room = (self.size.width or self.app.size.width) - PALETTE_WIDTH - sum(len(d) + 1 for d in displays)
        order = sorted(range(len(items)), key=lambda i: (items[i][0].action.split(".")[-1] not in FIRST, i))
        described = set()
        for i in order:
            cost = len(items[i][0].description) + 1
            if cost <= room:
                described.add(i)
                room -= cost
        for i, (binding, enabled, tooltip) in enumerate(items):
            yield FooterKey(
                binding.key, displays[i], binding.description if i in described else "", binding.action,
                disabled=not enabled, tooltip=tooltip or binding.description,
            ).data_bind(compact=Footer.compact)
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE:
            entry = active.get(self.app.COMMAND_PALETTE_BINDING)
            if entry is not None:
                _, binding, enabled, tooltip = entry
                yield FooterKey(
                    binding.key, self.app.get_key_display(binding), binding.description, binding.action,
                    classes="-command-palette", disabled=not enabled, tooltip=binding.tooltip or binding.description,
                )
