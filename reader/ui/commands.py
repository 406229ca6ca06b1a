"""Command palette: every keyed action of the current screen, generated from its bindings."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from textual.app import App
from textual.command import CommandInput, CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.dom import DOMNode
from textual.types import IgnoreReturnCallbackType

from reader.ui.screens.help import own_bindings, title_of


def binding_commands(provider: Provider) -> Iterator[tuple[str, IgnoreReturnCallbackType, str]]:
    """(name, callback, help) for each described binding of the reader's classes on the screen."""
    screen = provider.screen
    app = provider.app
    nodes: list[DOMNode] = [screen, *screen.walk_children(with_self=False), app]
    seen: set[tuple[type, str]] = set()
    for node in nodes:
        for cls in type(node).__mro__:
            if not cls.__module__.startswith("reader."):
                continue
            for binding in own_bindings(cls):
                if not binding.description or (cls, binding.action) in seen:
                    continue
                seen.add((cls, binding.action))
                name = f"{title_of(cls)}: {binding.description}"
                key = app.get_key_display(binding)
                help_text = f"{binding.tooltip or binding.description}  (key: {key})"
                yield name, partial(_run, app, binding.action, node), help_text


async def _run(app: App[object], action: str, node: DOMNode) -> None:
    """Run the action, or say why it cannot run yet (an article being saved: article_hold)."""
    said = getattr(node, "said_waiting", None)
    if callable(said) and said(action):
        return
    await app.run_action(action, node)


class ReaderCommands(Provider):
    async def discover(self) -> Hits:
        for name, callback, help_text in binding_commands(self):
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, callback, help_text in binding_commands(self):
            if (score := matcher.match(name)) > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)


class ReaderPalette(CommandPalette):
    """Textual's palette with its input capped as every Field is: a page pasted into ctrl+p
    by a slip of the clipboard is refused whole and said, not taken as a search."""

    def on_mount(self) -> None:
        from reader.ui.widgets.field import LONGEST, too_long

        field = self.query_one(CommandInput)
        field.max_length = LONGEST
        field.restricted = partial(too_long, field)  # type: ignore[method-assign]
