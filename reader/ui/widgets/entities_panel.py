"""The Entities tab: named entities grouped by type with counts; choosing one cycles through it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import ClassVar

from textual.color import Color
from textual.content import Content
from textual.message import Message
from textual.style import Style
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.analysis.model import Entity
from reader.cells import fit
from reader.sanitize import one_line

#: Display names for spaCy's labels; unknown labels are shown as they are.
LABEL_NAMES: dict[str, str] = {
    "PERSON": "People",
    "ORG": "Organisations",
    "GPE": "Countries, cities",
    "LOC": "Places",
    "NORP": "Groups",
    "FAC": "Facilities",
    "EVENT": "Events",
    "DATE": "Dates",
    "TIME": "Times",
    "MONEY": "Money",
    "PERCENT": "Percentages",
    "QUANTITY": "Quantities",
    "CARDINAL": "Numbers",
    "ORDINAL": "Ordinals",
    "PRODUCT": "Products",
    "WORK_OF_ART": "Works",
    "LAW": "Laws",
    "LANGUAGE": "Languages",
    # Names the tagger took for people's that the text uses like things' (summary.things).
    "MISC": "Other names",
}


#: Entities listed per type before a "… N more" row.
ENTITIES_SHOWN = 25


@dataclass(slots=True)
class EntityGroup:
    """One entity (by label and text) and where it occurs."""

    label: str
    text: str
    spans: list[tuple[int, int]] = field(default_factory=list)


def group_entities(entities: list[Entity]) -> list[tuple[str, list[EntityGroup]]]:
    """Types with the most mentions first; within a type, most mentioned first then text order.
    People are grouped by the speaker cluster the engine gave them, when it gave one."""
    by_label: dict[str, dict[str, EntityGroup]] = {}
    for ent in sorted(entities, key=lambda e: e.start):
        # A person's name variants ("Blinken", "Antony Blinken") are one speaker cluster.
        key = ent.speaker if ent.label == "PERSON" and ent.speaker else one_line(ent.text)
        groups = by_label.setdefault(ent.label, {})
        group = groups.setdefault(key, EntityGroup(ent.label, key))
        group.spans.append((ent.start, ent.end))
    result = []
    for label, groups in by_label.items():
        items = sorted(groups.values(), key=lambda g: (-len(g.spans), g.spans[0][0]))
        result.append((label, items))
    result.sort(key=lambda item: (-sum(len(g.spans) for g in item[1]), item[0]))
    return result


class EntitiesPanel(OptionList):
    """Entities by type. Choosing one posts Chosen with its next occurrence (cycling)."""

    HELP_TITLE = "Entities panel"
    #: Its keys, for the help (they come from OptionList: the help listed none).
    HELP_KEYS: ClassVar[tuple[tuple[str, str], ...]] = (
        ("↑ / ↓", "Move through the names (pgup, pgdn, home, end too)"),
        ("enter", "Go to the name in the text; again, to its next mention; on “… more”: "
                  "list them all"),
    )

    class Chosen(Message):
        def __init__(self, label: str, text: str, start: int, end: int, index: int, count: int):
            super().__init__()
            self.label = label
            self.text = text
            self.start = start
            self.end = end
            #: Which occurrence this is (0-based) of `count`.
            self.index = index
            self.count = count

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, markup=False)
        self._groups: dict[str, EntityGroup] = {}
        self._grouped: list[tuple[str, list[EntityGroup]]] = []
        self._next: dict[str, int] = {}
        #: Types listing all their entities.
        self._open_labels: set[str] = set()
        self._color_of: Callable[[str], Color | None] = lambda label: None
        self._empty_text = "Analysing…"
        #: The width the names were cut to (0: not laid out yet, not cut).
        self._width = 0

    def set_entities(
        self, entities: list[Entity], color_of: Callable[[str], Color | None] | None = None
    ) -> None:
        if color_of is not None:
            self._color_of = color_of
        self._grouped = group_entities(entities)
        self._rebuild()

    def set_colors(self, color_of: Callable[[str], Color | None]) -> None:
        self._color_of = color_of
        self._rebuild()

    def set_empty_text(self, text: str) -> None:
        self._empty_text = text
        if not self._grouped:
            self._rebuild()

    @property
    def groups(self) -> list[tuple[str, list[EntityGroup]]]:
        return self._grouped

    def _rebuild(self) -> None:
        highlighted = self.highlighted_option
        keep_id = highlighted.id if highlighted is not None else None
        scroll_y = self.scroll_y
        self._groups = {}
        room = self._width = self.scrollable_content_region.width
        options: list[Option | None] = []
        if not self._grouped:
            options.append(Option(Content(self._empty_text), id="empty", disabled=True))
        for n, (label, groups) in enumerate(self._grouped):
            if n:
                options.append(None)
            color = self._color_of(label)
            mark = Style(foreground=color, bold=True) if color else Style(bold=True)
            header = _header(label, groups, mark, room)
            options.append(Option(header, id=f"label-{label}", disabled=True))
            shown = groups
            if label not in self._open_labels and len(groups) > ENTITIES_SHOWN + 1:
                shown = groups[:ENTITIES_SHOWN]
            for i, group in enumerate(shown):
                option_id = f"ent-{label}-{i}"
                self._groups[option_id] = group
                count = f"  ×{len(group.spans)}"
                # The name gives way, not its count ("Emmanuelle Charpentier ×…" at 80
                # columns): cut to the room the count leaves.
                # Less the option's padding (a cell each side) and the two spaces before it.
                name = fit(group.text, room - 4 - len(count)) if room > 8 else group.text
                prompt = Content.assemble("  ", Content(name), (count, "dim"))
                options.append(Option(prompt, id=option_id))
            if len(shown) < len(groups):
                more = len(groups) - len(shown)
                options.append(
                    Option(
                        Content.styled(f"  … {more} more", Style(italic=True)), id=f"more-{label}"
                    )
                )
        self.set_options(options)
        if keep_id is not None and keep_id in self._groups:
            self.highlighted = self.get_option_index(keep_id)
        else:
            self.highlighted = None
        self.scroll_to(y=scroll_y, animate=False, immediate=True)

    def on_resize(self) -> None:
        if self.scrollable_content_region.width != self._width and self._grouped:
            self._rebuild()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        option_id = event.option.id or ""
        if option_id.startswith("more-"):
            label = option_id.removeprefix("more-")
            self._open_labels.add(label)
            self._rebuild()
            self.highlighted = self.get_option_index(f"ent-{label}-{ENTITIES_SHOWN}")
            return
        group = self._groups.get(option_id)
        if group is None:
            return
        key = f"{group.label}\x00{group.text}"
        index = self._next.get(key, 0) % len(group.spans)
        self._next[key] = index + 1
        start, end = group.spans[index]
        self.post_message(self.Chosen(group.label, group.text, start, end, index, len(group.spans)))


def _header(label: str, groups: list[EntityGroup], mark: Style, room: int) -> Content:
    """"People 9 · 29 mentions": the names listed, then how often they are named (a new user
    read "People 29" as 29 people); spaCy's label after them where there is room. Where the
    heading does not fit one line (80 columns: "Organisations 9 · 19 me…"), the counts go on
    a second line under the type's name rather than be cut."""
    total = sum(len(g.spans) for g in groups)
    name = LABEL_NAMES.get(label, label)
    counts = f"{len(groups)} · {total} mention{'s' if total != 1 else ''}"
    # Less the option's padding (a cell each side); 0 is a panel not laid out yet.
    width = room - 2 if room > 0 else 10_000
    code = f"  {label}" if 2 + len(name) + 1 + len(counts) + len(label) + 4 <= room else ""
    apart = "\n  " if 2 + len(name) + 1 + len(counts) > width else " "
    return Content.assemble(("■ ", mark), (name, Style(bold=True)), apart, counts,
                            (code, Style(dim=True)))
