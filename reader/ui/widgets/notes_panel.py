"""The Notes tab: the article's highlights and notes in text order; choosing one jumps to it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.color import Color
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.style import Style
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option, OptionDoesNotExist

from reader.ui.sanitize import inert

EMPTY_TEXT = "No notes yet — press h to highlight, n to add a note"
ORPHANS_HEADING = "Not found in this version"
#: Words of the passage shown per item; the note gets more room than the passage.
PASSAGE_WORDS = 10
NOTE_CHARS = 160


@dataclass(frozen=True, slots=True)
class NoteItem:
    """One annotation as the panel needs it: plain data, no database handle."""

    ann_id: int
    start: int
    color: int
    passage: str
    note: str
    orphaned: bool = False


def _first_words(text: str, words: int = PASSAGE_WORDS, width: int = 0) -> str:
    """The passage's first words, cut to `width` characters (one line) when given."""
    parts = inert(text, newlines=False).split()
    head = " ".join(parts[:words]) + (" …" if len(parts) > words else "")
    if width and len(head) > width:
        head = head[: max(1, width - 1)].rstrip() + "…"
    return head


def _short_note(note: str, limit: int = NOTE_CHARS) -> str:
    flat = " ".join(inert(note, newlines=False).split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


class NotesPanel(Vertical):
    """Lists NoteItems; posts NotesPanel.Selected(ann_id) when one is chosen (enter or click)."""

    can_focus = False

    class Selected(Message):
        """The reader chose an annotation: the screen scrolls the article to it."""

        def __init__(self, ann_id: int) -> None:
            super().__init__()
            self.ann_id = ann_id

    def __init__(
        self, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._items: list[NoteItem] = []

    def compose(self) -> ComposeResult:
        yield Static(Content(EMPTY_TEXT), id="notes-empty")
        yield OptionList(id="notes-list")

    def on_mount(self) -> None:
        self._render_items()
        # Swatches follow the theme (light or dark): redraw when it changes.
        self.watch(self.app, "theme", lambda _theme: self._render_items(), init=False)

    @property
    def items(self) -> list[NoteItem]:
        """The annotations as listed: text order, orphaned ones last."""
        return list(self._items)

    @property
    def option_list(self) -> OptionList:
        return self.query_one("#notes-list", OptionList)

    def set_annotations(self, items: Sequence[NoteItem]) -> None:
        """Replace the list, keeping the highlighted annotation where it still exists."""
        found = sorted((i for i in items if not i.orphaned), key=lambda i: (i.start, i.ann_id))
        lost = sorted((i for i in items if i.orphaned), key=lambda i: (i.start, i.ann_id))
        self._items = found + lost
        if self.is_mounted:
            self._render_items()

    def highlight(self, ann_id: int) -> None:
        """Move the list's cursor to an annotation (e.g. the one under the article's cursor)."""
        option_list = self.option_list
        try:
            option_list.highlighted = option_list.get_option_index(str(ann_id))
        except OptionDoesNotExist:  # not listed (yet): leave the cursor where it is
            return

    def _render_items(self) -> None:
        option_list = self.option_list
        previous = option_list.highlighted_option
        keep = previous.id if previous is not None else None
        options: list[Option | None] = []
        orphans_started = False
        for item in self._items:
            if item.orphaned and not orphans_started:
                orphans_started = True
                if options:
                    options.append(None)
                options.append(
                    Option(Content.styled(ORPHANS_HEADING, "bold italic"), disabled=True)
                )
            options.append(Option(self._prompt(item), id=str(item.ann_id)))
        option_list.set_options(options)
        self.query_one("#notes-empty", Static).display = not self._items
        option_list.display = bool(self._items)
        if keep is not None:
            self.highlight(int(keep))

    def _swatch_color(self, color: int) -> Color:
        dark = self.app.current_theme.dark
        try:
            from reader.ui.palette import highlight_color
        except ImportError:
            highlight_color = None
        if highlight_color is not None:
            return highlight_color(color, dark)
        theme = self.app.current_theme
        choices = [theme.warning, theme.success, theme.primary, theme.accent, theme.error]
        value = choices[(color - 1) % len(choices)] or theme.primary
        return Color.parse(value)

    def _line_width(self) -> int:
        """Characters of text per option line (after the swatch), for one-line passages."""
        width = self.option_list.scrollable_content_region.width or self.size.width or 40
        return max(12, width - 7)

    def on_resize(self) -> None:
        if self._items:
            self._render_items()

    def _prompt(self, item: NoteItem) -> Content:
        """Swatch, passage and note as plain text: article text and notes are never markup."""
        swatch = Style(background=self._swatch_color(item.color))
        passage_style = "italic dim" if item.orphaned else "italic"
        parts: list[str | Content | tuple[str, str | Style]] = [
            ("  ", swatch),
            " ",
            (f"“{_first_words(item.passage, width=self._line_width())}”", passage_style),
        ]
        if item.note.strip():
            parts += ["\n   ", _short_note(item.note, limit=2 * self._line_width())]
        return Content.assemble(*parts)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.Selected(int(event.option.id)))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
