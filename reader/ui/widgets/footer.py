"""The footer, with whole labels: a key whose label does not fit is left out, never cut.

Textual's footer clips what does not fit, so at 80 columns it ended in "h High". Here keys are
kept in order while they fit whole (the command palette's key, on the right, always); the rest
are one `?` away, in the help that lists every key.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.cells import cell_len
from textual import events
from textual.widget import Widget
from textual.widgets import Footer, Input, TextArea

from reader.ui.textual_private import FooterKey

#: Cells a FooterKey takes besides its key and label: padding around the key and after the label.
_KEY_PADDING = 3
#: The palette key's left border.
_PALETTE_BORDER = 1


def _cells(item: Widget) -> int | None:
    if not isinstance(item, FooterKey):
        return None  # a group: not used by the reader's screens; kept as it is
    if not item.description:
        return cell_len(item.key_display) + 2
    return cell_len(item.key_display) + 1 + cell_len(item.description) + _KEY_PADDING - 1


def fitting(items: Iterable[Widget], width: int, first: Iterable[str] = ()) -> list[Widget]:
    """The items to show in `width` cells: the keys of the actions in `first` (most wanted
    first) that fit, then every other key whose label fits whole, in order, up to the first
    that does not; each label once, all in their own order; the command palette's key always."""
    items = list(items)
    palette = [item for item in items if item.has_class("-command-palette")]
    budget = width - sum((_cells(item) or 0) + _PALETTE_BORDER for item in palette)
    labels: set[str] = set()
    once: list[Widget] = []
    for item in items:
        if item in palette:
            continue
        if isinstance(item, FooterKey) and item.description:
            if item.description in labels:
                continue  # "q Quit" then "^q Quit": the label once, the first key (help has both)
            labels.add(item.description)
        once.append(item)
    kept: set[int] = set()
    for action in first:  # the most wanted first: each that fits
        for item in once:
            need = _cells(item)
            mine = isinstance(item, FooterKey) and item.action == action
            if mine and need is not None and need <= budget:
                budget -= need
                kept.add(id(item))
    for item in once:
        if id(item) in kept:
            continue
        need = _cells(item)
        if need is not None:
            if need > budget:
                break
            budget -= need
        kept.add(id(item))
    return [*(item for item in once if id(item) in kept), *palette]


def takes_typing(widget: Widget | None) -> bool:
    """Whether printable keys go to `widget` as text rather than to the bindings."""
    return isinstance(widget, (Input, TextArea)) or bool(getattr(widget, "TAKES_TYPING", False))


def typed(item: Widget, priority: set[str]) -> bool:
    """Whether the key is a character a widget that takes typing keeps for itself (a priority
    binding, such as the library's `/`, still runs first, so it stays)."""
    if not isinstance(item, FooterKey) or item.has_class("-command-palette"):
        return False
    shown = item.key_display
    return (len(shown) == 1 and shown.isprintable() and not shown.isspace()
            and item.key not in priority)


class FittingFooter(Footer):
    """Textual's Footer, keeping only the keys whose labels fit whole.

    While the focused widget takes typed characters (an input, or `TAKES_TYPING`, as the
    Speakers panel's filter), the character keys are left out: "q Quit" there types a "q"."""

    def compose(self):  # type: ignore[no-untyped-def]
        width = self.size.width or self.app.size.width
        items = super().compose()
        if takes_typing(self.screen.focused):
            priority = {key for key, (_node, binding, _enabled, _tip)
                        in self.screen.active_bindings.items() if binding.priority}
            items = [item for item in items if not typed(item, priority)]
        yield from fitting(items, width, getattr(self.screen, "FOOTER_FIRST", ()))

    def on_resize(self, event: events.Resize) -> None:
        if event.size.width != getattr(self, "_fitted_width", None):
            self._fitted_width = event.size.width
            self.call_after_refresh(self.recompose)
