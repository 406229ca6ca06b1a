"""The Notes tab: the article's highlights and notes in text order; choosing one jumps to it.

Unsaved notes (drafts kept when the editor was left with escape, or by a window that was
killed) are listed too, as cards of their own marked as drafts: a reader who left the editor
must see that the words are still there, and choosing the card opens the editor with them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import suppress
from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.color import Color
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.style import Style
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option, OptionDoesNotExist

from reader.cells import fit
from reader.sanitize import inert
from reader.ui.note_place import place

EMPTY_TEXT = "No notes yet — press h to highlight, n to add a note"
ORPHANS_HEADING = "Not found in this version"
#: What a draft's card says first: its words are not a stored note yet ("draft" as the editor
#: and the status line say it; short, for the panel of an 80-column terminal).
DRAFT_LABEL = "Draft · "
#: A draft another window open now is keeping.
ELSEWHERE_LABEL = "Other window’s draft · "
#: A draft another window kept and then left, closing (or crashing): no one is typing it.
CLOSED_LABEL = "Closed window’s draft · "
#: Words of the passage shown per item (one line); lines of the note (wrapped, its own
#: line breaks kept).
PASSAGE_WORDS = 10
NOTE_LINES = 3
#: Lines at most of the words a changed passage's note was written about.
WRITTEN_LINES = 2
#: The most lines of a note a card shows when the panel has room for them all (a few notes).
MOST_NOTE_LINES = 12
#: Cells before the text of an item: the colour swatch and a space; note lines align with it.
INDENT = 3
#: Cards listed at a time: more are listed as the cursor or the scroll nears the end of those
#: listed. Laying out 3,000 cards (and Textual's list measuring each) took about 2 s the first
#: time the tab was shown; a screenful is all that is seen at once.
CHUNK = 150
#: How near the end of the listed cards (options or rows) the next ones are listed.
NEAR_END = 20


@dataclass(frozen=True, slots=True)
class NoteItem:
    """One annotation as the panel needs it: plain data, no database handle."""

    ann_id: int
    start: int
    color: int
    passage: str
    note: str
    orphaned: bool = False
    #: The words the note was written about, when the passage's words have changed since
    #: (a new version of the article); "" when they are as written.
    written_about: str = ""
    #: The key of the unsaved note's draft this card is (its words are `note`); "" for a
    #: stored annotation.
    draft: str = ""
    #: The draft is another window's, open now (not one kept from before).
    elsewhere: bool = False
    #: The draft was kept by another window, closed since: enter restores it, x discards it.
    closed: bool = False

    @property
    def option_id(self) -> str:
        return f"draft:{self.draft}" if self.draft else str(self.ann_id)


def _fit(text: str, width: int) -> str:
    """`text` cut to `width` terminal cells (wide characters count twice), with "…"; no
    width, no limit."""
    return fit(text, width) if width else text


def _first_words(text: str, words: int = PASSAGE_WORDS, width: int = 0) -> str:
    """The passage's first words as written, on one line of at most `width` cells; no
    quotation marks are added (a passage may start with its own)."""
    parts = inert(text, newlines=False).split()
    return _fit(" ".join(parts[:words]) + (" …" if len(parts) > words else ""), width)


def _from_change(written: str, now: str, lead: int = 1) -> str:
    """The words a note was written about where they differ from the passage now, "…" for
    the words before and after that are the same ("… of Israel, for the security …"), as
    Markdown quotes them whole: the card has a line or two, and a new user's showed only the
    passage's same first word ("written about: “For…")."""
    from reader.anchoring import words

    old, new = written.split(), now.split()
    same = [words(a) == words(b) for a, b in zip(old, new, strict=False)]
    at = same.index(False) if False in same else min(len(old), len(new))
    tail = 0  # the same last words, not reaching back into the same first ones
    while (tail < min(len(old), len(new)) - at
           and words(old[-1 - tail]) == words(new[-1 - tail])):
        tail += 1
    end = len(old) - tail
    if end <= at:  # words were added (or taken) here: the words written on either side
        at, end = max(0, at - 1), min(len(old), at + 1)
    start = max(0, at - lead)
    return (("… " if start else "") + " ".join(old[start:end])
            + (" …" if end < len(old) else ""))


def _note_lines(note: str, width: int, limit: int = NOTE_LINES) -> list[str]:
    """The note's own lines wrapped to `width` cells, at most `limit` of them ("…" if cut).

    Only the note's start is read: `limit + 1` rows of `width` cells never take more than
    that many characters, so a note of megabytes (a long paste) is listed at once."""
    budget = (limit + 1) * max(width, 1)
    lines: list[str] = []
    cut = False
    for line in note.replace("\r\n", "\n").split("\n", limit * 4):
        if len(lines) > limit:
            break
        head = line[:budget]
        flat = " ".join(inert(head, newlines=False).split())
        cut = len(line) > budget and bool(line[budget:].strip())
        if flat:
            lines += [part.plain.rstrip() for part in Content(flat).wrap(width)]
        if cut:
            break
    if len(lines) > limit or (cut and lines):
        lines = lines[:limit]
        lines[-1] = _fit(lines[-1] + " …", width)
    return lines


class NotesList(OptionList):
    """The Notes tab's list: End goes to the last note, not the last of those listed so far."""

    def __init__(self, list_all: Callable[[], None], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._list_all = list_all

    def action_last(self) -> None:
        self._list_all()
        super().action_last()

    def on_focus(self) -> None:
        self._highlight_first()

    def action_select(self) -> None:
        self._highlight_first()
        super().action_select()

    def _highlight_first(self) -> None:
        # Nothing highlighted yet: enter did nothing until an arrow key was pressed.
        if self.highlighted is None and self.option_count:
            self.action_first()


class NotesPanel(Vertical):
    """Lists NoteItems; posts NotesPanel.Selected(ann_id) when one is chosen (enter or click)."""

    can_focus = False
    HELP_TITLE = "Notes panel"
    #: Its keys, for the help (they come from OptionList: the help listed none).
    HELP_KEYS: ClassVar[tuple[tuple[str, str], ...]] = (
        ("↑ / ↓", "Move through the highlights and notes (pgup, pgdn, home, end too)"),
        ("enter", "Go to the passage in the text (n then edits its note)"),
        ("x", "Delete the highlighted card's highlight, or discard a draft (u undoes)"),
    )

    class Selected(Message):
        """The reader chose an annotation: the screen scrolls the article to it."""

        def __init__(self, ann_id: int) -> None:
            super().__init__()
            self.ann_id = ann_id

    class DraftSelected(Message):
        """The reader chose a draft's card: the screen opens the editor with its words."""

        def __init__(self, key: str) -> None:
            super().__init__()
            self.key = key

    def __init__(
        self, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._items: list[NoteItem] = []
        self._notes: list[NoteItem] = []
        self._drafts: list[NoteItem] = []
        #: Each listed item's card by (item, width, dark theme): a change (h, x, u, a note
        #: saved) lays out only the cards that changed, not thousands again (1-2 s a key).
        self._cards: dict[tuple[NoteItem, int, bool, int], Content] = {}
        #: How many of the items are listed now (the first ones), and each item's place.
        self._listed = 0
        self._index: dict[int, int] = {}
        #: The text's length and headings (start, title): each card says where it is.
        self._outline: tuple[int, tuple[tuple[int, str], ...]] = (0, ())

    def set_outline(self, length: int, headings: Sequence[tuple[int, str]]) -> None:
        """The text's length and its headings, so that a card names its chapter and how far
        through the text it is (two notes on like sentences looked the same)."""
        outline = (length, tuple(headings))
        if outline != self._outline:
            self._outline, self._cards = outline, {}
            if self._items:
                self._render_items()

    def compose(self) -> ComposeResult:
        yield Static(Content(EMPTY_TEXT), id="notes-empty")
        yield NotesList(self._list_more_all, id="notes-list")

    def on_mount(self) -> None:
        self._render_items()
        # Swatches follow the theme (light or dark): redraw when it changes.
        self.watch(self.app, "theme", lambda _theme: self._render_items(), init=False)
        self.watch(self.option_list, "scroll_y", self._scrolled, init=False)

    @property
    def items(self) -> list[NoteItem]:
        """The annotations as listed: text order, orphaned ones last."""
        return list(self._items)

    @property
    def option_list(self) -> OptionList:
        return self.query_one("#notes-list", OptionList)

    def focused_card(self) -> NoteItem | None:
        """The card highlighted while the list has the focus: keys pressed there (x) act on
        that card, not on whatever highlight the article's cursor was left on."""
        option_list = self.option_list
        at = option_list.highlighted
        if not option_list.has_focus or at is None or at >= option_list.option_count:
            return None
        option_id = option_list.get_option_at_index(at).id
        return next((i for i in self._items if i.option_id == option_id), None)

    def set_annotations(self, items: Sequence[NoteItem]) -> None:
        """Replace the list, keeping the highlighted annotation where it still exists."""
        self._notes = list(items)
        self._merge()

    def set_drafts(self, items: Sequence[NoteItem]) -> None:
        """Replace the drafts' cards (listed among the notes, by where their passage is); a
        key listed twice is listed once, as a card's key is its option's id, which the list
        refuses to repeat."""
        keys: set[str] = set()
        self._drafts = [i for i in items if not (i.draft in keys or keys.add(i.draft))]
        self._merge()

    def _merge(self) -> None:
        items = [*self._notes, *self._drafts]

        def order(i: NoteItem) -> tuple[int, bool, int, str]:
            return (i.start, bool(i.draft), i.ann_id, i.draft)

        found = sorted((i for i in items if not i.orphaned), key=order)
        lost = sorted((i for i in items if i.orphaned), key=order)
        grown = len(found) + len(lost) - len(self._items)
        if self._items and self._listed >= len(self._items) and 0 < grown <= NEAR_END:
            self._listed += grown  # all were listed (the end reached): a new one is too
        self._items = found + lost
        self._index = {item.ann_id: i for i, item in enumerate(self._items) if not item.draft}
        if self.is_mounted:
            self._render_items()

    def highlight(self, ann_id: int) -> None:
        """Move the list's cursor to an annotation (e.g. the one under the article's cursor)."""
        option_list = self.option_list
        at = self._index.get(ann_id)
        if at is not None and at >= self._listed:
            self._list_more(at + NEAR_END)
        try:
            option_list.highlighted = option_list.get_option_index(str(ann_id))
        except OptionDoesNotExist:  # not listed (yet): leave the cursor where it is
            return

    def _render_items(self) -> None:
        """List the first items again (as many as were listed, at least CHUNK)."""
        option_list = self.option_list
        previous = option_list.highlighted_option
        keep = previous.id if previous is not None else None
        count = min(len(self._items), max(CHUNK, self._listed))
        cards: dict[tuple[NoteItem, int, bool, int], Content] = {}
        options = self._options(0, count, cards)
        self._cards = cards
        self._listed = count
        option_list.set_options(options)
        self.query_one("#notes-empty", Static).display = not self._items
        option_list.display = bool(self._items)
        if keep is not None and keep.isdigit():
            self.highlight(int(keep))
        elif keep is not None:
            with suppress(OptionDoesNotExist):
                option_list.highlighted = option_list.get_option_index(keep)

    def _options(
        self, start: int, end: int, cards: dict[tuple[NoteItem, int, bool, int], Content]
    ) -> list[Option | None]:
        """The options of items start..end (the orphans' heading before the first orphan);
        each card laid out once per width and theme (kept in `cards`)."""
        options: list[Option | None] = []
        width, dark, limit = self._line_width(), self.app.current_theme.dark, self._note_limit()
        for at in range(start, end):
            item = self._items[at]
            if item.orphaned and (at == 0 or not self._items[at - 1].orphaned):
                if at:
                    options.append(None)
                options.append(
                    Option(Content.styled(ORPHANS_HEADING, "bold italic"), disabled=True)
                )
            key = (item, width, dark, limit)
            card = cards[key] = self._cards.get(key) or self._prompt(item, width, limit)
            options.append(Option(card, id=item.option_id))
        return options

    def _list_more(self, upto: int = 0) -> None:
        """List the next CHUNK items (or up to item `upto`) after those listed."""
        end = min(len(self._items), max(self._listed + CHUNK, upto + 1))
        if end <= self._listed:
            return
        cards = dict(self._cards)
        options = self._options(self._listed, end, cards)
        self._cards = cards
        self._listed = end
        self.option_list.add_options(options)

    def _list_more_all(self) -> None:
        self._list_more(len(self._items) - 1)

    def _scrolled(self, _y: float) -> None:
        option_list = self.option_list
        if option_list.max_scroll_y - option_list.scroll_y < NEAR_END:
            self._list_more()

    def _swatch_color(self, color: int) -> Color:
        from reader.ui.palette import highlight_color

        return highlight_color(color, self.app.current_theme.dark)

    def _line_width(self) -> int:
        """Cells of text per option line after the swatch, so that the list never wraps a
        line itself (its continuation would not align): the option's padding and a possible
        scrollbar are left out."""
        option_list = self.option_list
        width = option_list.size.width or self.size.width or 40
        scrollbar = option_list.styles.scrollbar_size_vertical
        return max(12, width - 2 - scrollbar - INDENT)

    def _note_limit(self) -> int:
        """Lines of each note a card shows: NOTE_LINES, or more when the panel is tall enough
        for every card with more (a new user saw three notes cut to three lines at 80×24 above
        an empty half of the panel)."""
        height = self.size.height  # the panel's: the list itself is as tall as its cards
        if not height or not self._items:
            return NOTE_LINES
        # Each card: its passage and place lines, a possible "written about" line, the note.
        per_card = height // len(self._items) - 1 - bool(self._outline[0]) - WRITTEN_LINES * any(
            i.written_about for i in self._items)
        return max(NOTE_LINES, min(MOST_NOTE_LINES, per_card))

    def on_resize(self) -> None:
        if self._items:
            self._render_items()

    def on_show(self) -> None:
        # Laid out while hidden (another tab shown), the cards did not know the room.
        if self._items and self._note_limit() != NOTE_LINES:
            self._render_items()

    def _prompt(self, item: NoteItem, width: int, limit: int = NOTE_LINES) -> Content:
        """Swatch, passage and note as plain text: article text and notes are never markup.

        Every line after the first starts INDENT cells in, under the passage."""
        swatch = Style(background=self._swatch_color(item.color))
        passage_style = "italic dim" if item.orphaned else "italic"
        label = "" if not item.draft else (
            ELSEWHERE_LABEL if item.elsewhere else CLOSED_LABEL if item.closed else DRAFT_LABEL)
        parts: list[str | Content | tuple[str, str | Style]] = [
            ("  ", swatch),
            " ",
            (label, "bold"),
            (_first_words(item.passage, width=max(1, width - len(label))), passage_style),
        ]
        where = "" if item.orphaned else place(item.start, *self._outline)
        if where:
            parts += ["\n" + " " * INDENT, (_fit(where, width), "dim")]
        if item.written_about:
            was = "written about: " + _from_change(item.written_about, item.passage)
            for line in _note_lines(was, width, WRITTEN_LINES):
                parts += ["\n" + " " * INDENT, (line, "italic dim")]
        for line in _note_lines(item.note, width, limit):
            parts += ["\n" + " " * INDENT, line]
        return Content.assemble(*parts)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        option_id = event.option.id
        if option_id is not None and option_id.startswith("draft:"):
            self.post_message(self.DraftSelected(option_id.removeprefix("draft:")))
        elif option_id is not None:
            self.post_message(self.Selected(int(option_id)))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option_index >= self.option_list.option_count - NEAR_END:
            self._list_more()
