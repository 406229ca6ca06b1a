"""The help screen: every key of the screen below it, generated from the bindings themselves."""

from __future__ import annotations

import re
import textwrap
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingsMap, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.dom import DOMNode
from textual.geometry import Size
from textual.screen import ModalScreen, Screen
from textual.style import Style
from textual.widgets import Static


def title_of(cls: type) -> str:
    """The heading of a class's keys in the help and the command palette: its HELP_TITLE (a
    person's words), else its name spelled as words ("SearchBar" -> "Search bar")."""
    title = cls.__dict__.get("HELP_TITLE")
    if title:
        return str(title)
    words = re.findall(r"[A-Z]+(?![a-z])|[A-Z]?[a-z0-9]+", cls.__name__)
    return " ".join([words[0], *(w.lower() for w in words[1:])]) if words else cls.__name__


def own_bindings(cls: type) -> list[Binding]:
    raw = cls.__dict__.get("BINDINGS")
    if not raw:
        return []
    return [b for bindings in BindingsMap(raw).key_to_bindings.values() for b in bindings]


def _available(node: DOMNode, binding: Binding) -> bool:
    """Whether `node` offers the binding's action now (its check_action, as the footer asks)."""
    from textual.actions import SkipAction, parse

    try:
        _, name, parameters = parse(binding.action)
        return node.check_action(name, parameters) is not False
    except (SkipAction, ValueError):
        return True


def _one_row_per_key(rows: list[tuple[str, str, bool]]) -> list[tuple[str, str]]:
    """(key, description) from (key, description, available now): a key bound to several
    actions of one class ("esc": clear the filter, or stop a fetch; "^e": to People, or back
    to Articles) is listed once, with what it does now, or, when it does none of them now,
    with all of them on one line (it was listed once per action, two rows "esc")."""
    by_key: dict[str, list[tuple[str, bool]]] = {}
    for key, text, available in rows:
        if (text, available) not in by_key.setdefault(key, []):
            by_key[key].append((text, available))
    out = []
    for key, _, _ in rows:
        entries = by_key.pop(key, None)
        if entries is None:
            continue  # listed already
        texts = list(dict.fromkeys(t for t, _ in entries))
        now = list(dict.fromkeys(t for t, available in entries if available))
        out.append((key, "; ".join(now if now and len(texts) > 1 else texts)))
    return out


def collect_bindings(screen: Screen) -> list[tuple[str, list[tuple[str, str]]]]:
    """(section title, [(keys, description)]) for the reader's own classes on `screen` (the
    focused widget's first), then the app's. Keys that do the same thing are joined on one
    row ("j / down"); a key of several actions is one row (_one_row_per_key)."""
    nodes: list[DOMNode] = [screen, *screen.walk_children(with_self=False)]
    nodes.append(screen.app)
    # The keys of what has focus come first: in an article, moving through the text (j/k, ]/[,
    # g/G, v) heads the first page, not after two pages of the screen's other keys.
    if screen.focused is not None:
        nodes.remove(screen.focused)
        nodes.insert(0, screen.focused)
    raw: dict[str, list[tuple[str, str, bool]]] = {}
    seen_classes: set[type] = set()
    for node in nodes:
        for cls in type(node).__mro__:
            if cls in seen_classes or not cls.__module__.startswith("reader."):
                continue
            seen_classes.add(cls)
            # Keys a widget takes without a binding of its own (its base class's arrows,
            # letters typed into a filter), as the class words them.
            for keys, text in cls.__dict__.get("HELP_KEYS", ()):
                raw.setdefault(title_of(cls), []).append((keys, text, True))
            for binding in own_bindings(cls):
                if not binding.description:
                    continue
                raw.setdefault(title_of(cls), []).append((
                    screen.app.get_key_display(binding),
                    binding.tooltip or binding.description,
                    _available(node, binding),
                ))
    sections: dict[str, dict[str, list[str]]] = {}
    for title, rows in raw.items():
        section = sections.setdefault(title, {})
        # Keys that do the same thing (same words) share a row: "1 / 2 / 3 / 4 / 5".
        for key, text in _one_row_per_key(rows):
            keys = section.setdefault(text, [])
            if key not in keys:
                keys.append(key)
    return [
        (title, [(" / ".join(keys), text) for text, keys in entries.items()])
        for title, entries in sections.items()
    ]


def help_content(
    sections: list[tuple[str, list[tuple[str, str]]]], width: int | None = None
) -> Content:
    """The keys in two columns; given the `width` it is drawn at, a description too long for
    its line wraps under itself, not under the keys (at 80 columns "cursor" stood alone at
    the left edge, under "n", and read as a key)."""
    column = max((len(keys) for _, rows in sections for keys, _ in rows), default=8) + 2
    lines: list[Content] = []
    for title, rows in sections:
        if lines:
            lines.append(Content(""))
        lines.append(Content.styled(title, Style(bold=True, underline=True)))
        for keys, text in rows:
            wrapped = [text]
            if width is not None and width - column >= 20:
                wrapped = textwrap.wrap(text, width - column, break_on_hyphens=False) or [""]
            lines.append(Content.assemble((keys.ljust(column), Style(bold=True)), wrapped[0]))
            lines.extend(Content(" " * column + more) for more in wrapped[1:])
    return Content("\n").join(lines)


class KeyList(Static):
    """The keys, wrapped to the width they are drawn at (see help_content). `content` keeps
    the rows unwrapped, one per key."""

    def __init__(self, sections: list[tuple[str, list[tuple[str, str]]]], **kwargs: Any) -> None:
        super().__init__(help_content(sections), markup=False, **kwargs)
        self._sections = sections

    def render(self) -> Content:
        return help_content(self._sections, self.content_region.width or None)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return help_content(self._sections, width).get_height(self.styles, width)


class HelpScreen(ModalScreen[None]):
    """Lists every key; any of escape, ? or q closes it."""

    HELP_TITLE = "Help screen"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,q", "dismiss", "Close help", id="help.close"),
    ]

    def __init__(self, sections: list[tuple[str, list[tuple[str, str]]]]) -> None:
        super().__init__()
        self._sections = sections

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Static("Keys", id="help-title")
            yield KeyList(self._sections, id="help-keys")
            yield Static(
                "Every action is also in the command palette (ctrl+p). escape closes this.",
                id="help-hint",
            )
        from reader.ui.widgets.footer import FittingFooter  # not before the first frame

        yield FittingFooter()  # its own keys, not the screen's below (q quit, h…)
