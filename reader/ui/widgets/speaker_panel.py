"""The Speakers tab: one card per speaker, most quoted first, with their quotes.

An OptionList rather than a widget per card: a novel can hold thousands of quotes and the panel
is rebuilt as a streaming analysis grows, so rendering stays line-based and cheap.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len
from rich.style import Style as RichStyle
from rich.table import Table
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.color import Color
from textual.content import Content
from textual.message import Message
from textual.style import Style
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.analysis.model import KIND_LABELS, Analysis, Quote, Speaker
from reader.cells import wrap
from reader.fold import found_in
from reader.sanitize import one_line

#: Words of a quote shown while it is collapsed.
PREVIEW_WORDS = 14
#: Quotes listed per card before a "… N more" row (keeps long books' panels light).
QUOTES_SHOWN = 6
#: Lines a card's name and role may take before they are cut with "…".
NAME_LINES, ROLE_LINES = 2, 3
#: Cells of the share-of-quoted-words bar.
BAR_CELLS = 10
#: The card title for quotes whose speaker the text does not give.
UNATTRIBUTED = "Unattributed"
#: The heading over the cards of speakers the engine only guesses for every quote.
UNCERTAIN = "Uncertain"
#: The word before a guessed speaker, in the panel, the exports and the text report.
PROBABLY = "probably"
#: The bar before a quote row: solid for an attribution the engine is sure of, broken for a
#: guess (a shape, so it reads in 16 colours as well as in true colour).
BAR, GUESS_BAR = "▌", "┆"


def speaker_order(analysis: Analysis) -> list[Speaker]:
    """Speakers most quoted first (then most words, then name), so colour slots are stable."""
    return sorted(analysis.speakers, key=lambda s: (-len(s.quotes), -s.words, s.name))


def speaker_slots(analysis: Analysis) -> dict[str, int]:
    """Colour slot of each speaker: their rank in `speaker_order`, under their name and each
    alias, since a quote keeps the name it was given when its row joined another ("the
    Church" in the row of "Catholic Church"); a name is never taken over by another's alias."""
    order = speaker_order(analysis)
    slots = {sp.name: i for i, sp in enumerate(order)}
    for i, sp in enumerate(order):
        for alias in sp.aliases:
            slots.setdefault(alias, i)
    return slots


def plural(n: int, word: str, words: str = "") -> str:
    """ "1 quote", "2 quotes"; irregular plurals given: plural(n, "entity", "entities")."""
    return f"{n} {word}" if n == 1 else f"{n} {words or word + 's'}"


def preview(text: str, words: int = PREVIEW_WORDS) -> str:
    """The first words of a quote, on one line."""
    parts = one_line(text).split()
    if len(parts) <= words:
        return " ".join(parts)
    return " ".join(parts[:words]) + " …"


def share_bar(share: float, cells: int = BAR_CELLS) -> str:
    filled = max(0, min(cells, round(share * cells)))
    return "▰" * filled + "▱" * (cells - filled)


@dataclass(frozen=True, slots=True)
class Card:
    """What one card shows; `name` None is the Unattributed card."""

    name: str | None
    role: str | None
    quotes: list[Quote]
    share: float
    slot: int | None
    #: What the speaker is ("person", "org", "unnamed", "document"; None: not known).
    kind: str | None = None

    @property
    def uncertain(self) -> bool:
        """Every quote on the card is a guess: the card stands apart, under "Uncertain"."""
        return self.name is not None and bool(self.quotes) and all(
            q.uncertain for q in self.quotes
        )


def build_cards(analysis: Analysis) -> list[Card]:
    """Cards in `speaker_order`, those whose every quote is a guess after the others (the
    panel never asserts what the engine only guesses), the Unattributed card last."""
    by_id = {q.id: q for q in analysis.quotes}
    cards: list[Card] = []
    for slot, sp in enumerate(speaker_order(analysis)):
        quotes = [by_id[i] for i in sp.quotes if i in by_id]
        if not quotes:
            quotes = [q for q in analysis.quotes if q.speaker == sp.name]
        quotes.sort(key=lambda q: q.start)
        cards.append(Card(sp.name, sp.role, quotes, sp.share, slot, sp.kind))
    cards.sort(key=lambda card: card.uncertain)  # stable: each group keeps its order
    # A quote is listed once: one whose speaker's row joined another's is on that row's card
    # (its id a second time in the list would crash it), not also among the unattributed.
    listed = {q.id for card in cards for q in card.quotes}
    known = set(speaker_slots(analysis))
    orphans = [
        q for q in analysis.quotes
        if q.id not in listed and (q.speaker is None or q.speaker not in known)
    ]
    if orphans:
        cards.append(Card(None, None, sorted(orphans, key=lambda q: q.start), 0.0, None))
    return cards


class SpeakerPanel(OptionList):
    """Who said what. Choosing a quote posts QuoteChosen; choosing a name posts SpeakerChosen."""

    HELP_TITLE = "Speakers panel"
    #: The keys that work here besides its bindings, for the help (a new user found only
    #: `space` listed there).
    HELP_KEYS: ClassVar[tuple[tuple[str, str], ...]] = (
        ("↑ / ↓", "Move through the speakers and their quotes (pgup, pgdn, home, end too)"),
        ("enter", "On a quote: go to it in the text; on a name: to their first quote; on "
                  "“… more quotes”: list them all"),
        ("letters", "After /: narrow the cards to the names or roles holding what is typed "
                    "(enter keeps them; otherwise letters are the reader's keys: t, h, n…)"),
        ("backspace", "Take back the last letter typed"),
        ("escape", "Clear what was typed, then back to the text"),
    )

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "space",
            "toggle_expand",
            "Expand",
            id="speakers.expand",
            tooltip="Show the whole quote or only its first words",
        ),
        Binding("slash", "filter", "Filter", id="speakers.filter",
                tooltip="Type to narrow the cards by name or role"),
    ]

    class QuoteChosen(Message):
        def __init__(self, quote_id: int) -> None:
            super().__init__()
            self.quote_id = quote_id

    class SpeakerChosen(Message):
        def __init__(self, name: str | None) -> None:
            super().__init__()
            self.name = name

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, markup=False)
        self._cards: list[Card] = []
        self._colors: dict[int, Color] = {}
        self._neutral: Color | None = None
        self._expanded: set[int] = set()
        #: Cards (by speaker name; None = Unattributed) listing all their quotes.
        self._open_cards: set[str | None] = set()
        self._quotes: dict[int, Quote] = {}
        self._empty_text = "Analysing…"
        #: What was typed to narrow the cards (by name or role); "" shows them all.
        self._filter = ""
        #: Letters go to the filter (from `/` to enter or escape), not to the reader's keys.
        self._filtering = False

    # -- data in -------------------------------------------------------------------------------

    def set_analysis(
        self, analysis: Analysis, colors: dict[int, Color], neutral: Color | None = None
    ) -> None:
        """Show `analysis`; `colors` maps a speaker slot to its colour."""
        self._cards = build_cards(analysis)
        self._quotes = {q.id: q for q in analysis.quotes}
        self._colors = colors
        self._neutral = neutral
        self._rebuild()

    def set_colors(self, colors: dict[int, Color], neutral: Color | None = None) -> None:
        self._colors = colors
        self._neutral = neutral
        self._rebuild()

    def set_empty_text(self, text: str) -> None:
        self._empty_text = text
        if not self._cards:
            self._rebuild()

    @property
    def cards(self) -> Sequence[Card]:
        return self._cards

    @property
    def filter_text(self) -> str:
        return self._filter

    def set_filter(self, text: str) -> None:
        """Show only the cards whose name or role contains `text` (any case)."""
        if text != self._filter:
            self._filter = text
            self._rebuild()

    def _matches(self, card: Card) -> bool:
        wanted = self._filter
        if not wanted:
            return True
        return any(found_in(wanted, part or "")  # accents folded as the library's search
                   for part in (card.name or "Unattributed", card.role))

    @property
    def TAKES_TYPING(self) -> bool:  # the footer asks every widget by this name
        """While filtering, letters narrow the cards: the footer offers no character keys."""
        return self._filtering

    @property
    def filtering(self) -> bool:
        return self._filtering

    def action_filter(self) -> None:
        """`/`: the letters typed next narrow the cards, until enter or escape. Without it
        they are the reader's keys, as the footer and the help say (`t` switched tabs only
        outside this panel)."""
        self._set_filtering(True)

    def _set_filtering(self, on: bool) -> None:
        if on != self._filtering:
            self._filtering = on
            self._rebuild()
            self.refresh_bindings()

    def on_key(self, event: events.Key) -> None:
        """Letters typed after `/` narrow the cards (backspace undoes one, enter keeps them,
        escape clears them all before it goes back to the text)."""
        self.take_key(event)

    def take_key(self, event: events.Key) -> None:
        """A key for the filter; the article screen sends the letters typed right after
        tab and `/`, which were on their way to the text when the focus came here."""
        if event.key == "backspace" and self._filter:
            self.set_filter(self._filter[:-1])
        elif event.key == "escape" and (self._filter or self._filtering):
            self.set_filter("")
            self._set_filtering(False)
        elif self._filtering and event.key == "enter":
            self._set_filtering(False)
        elif not self._filtering and event.character == "/":  # the binding's, sent on
            self._set_filtering(True)
        elif (self._filtering and event.is_printable and event.character
              and event.character != " "):
            self.set_filter(self._filter + event.character)
        else:
            return
        event.stop()
        event.prevent_default()

    # -- rendering -----------------------------------------------------------------------------

    def _color(self, slot: int | None) -> Color | None:
        return self._neutral if slot is None else self._colors.get(slot)

    def _header(self, card: Card) -> Content:
        """The card's title: name (wrapped onto a second line rather than cut: "an organizer
        at a field office"), kind, and role on lines of its own as long as it needs, up to
        ROLE_LINES ("Republican Presidential candidate" read "Republican Presidential…")."""
        color = self._color(card.slot)
        swatch = Style(foreground=color, bold=True) if color else Style(bold=True)
        name = one_line(card.name) if card.name is not None else UNATTRIBUTED
        guess = PROBABLY + " " if card.uncertain else ""
        kind = KIND_LABELS.get(card.kind or "", "")
        room = self.scrollable_content_region.width - 2  # the options' padding
        names = wrap(name, room - 2 - cell_len(guess), NAME_LINES, cut=False) or [name]
        title: list[str | tuple[str, Style]] = [
            ("█ ", swatch), (guess, Style(italic=True, dim=True)), (names[0], Style(bold=True))
        ]
        for more in names[1:]:
            title += ["\n  ", (more, Style(bold=True))]
        if kind and len(names) == 1 and cell_len(f"█ {guess}{name}  {kind}") <= room:
            # The kind beside the name where it fits, so the role keeps its line whole (not
            # beside a wrapped name's end, where "office  unnamed source" read as one).
            title.append(("  " + kind, Style(dim=True)))
            kind = ""
        parts: list[Content] = [Content.assemble(*title)]
        role = one_line(card.role) if card.role else ""
        if role or kind:
            head = kind + (" · " if role else "") if kind else ""
            dim = head.rstrip()  # the kind, dim, on the first line; the role in italics
            for line in self._role_lines(head, role, room - 2):
                cut = len(dim) if dim and line.startswith(dim) else 0
                dim = ""
                parts.append(Content.assemble(
                    "  ", (line[:cut], Style(dim=True)), (line[cut:], Style(italic=True))
                ))
        count = plural(len(card.quotes), "quote")
        if card.name is None:
            parts.append(Content("  " + count))
        else:
            bar = Style(foreground=color) if color else Style()
            percent = f" {round(card.share * 100)}%"
            # The bar gives way before the numbers do: "100%" was cut to "10…" at 80×24.
            cells = BAR_CELLS
            if room > 0:
                cells = max(0, min(BAR_CELLS, room - 4 - len(count) - len(percent)))
            parts.append(
                Content.assemble("  ", count, "  ", (share_bar(card.share, cells), bar), percent)
            )
        return Content("\n").join(parts)

    @staticmethod
    def _role_lines(head: str, role: str, width: int) -> list[str]:
        """`head` (the kind, when it did not fit beside the name) then the role, wrapped."""
        if width <= 8:
            return [head + role]
        return wrap(head + role, width, ROLE_LINES, cut=False)

    def _quote_prompt(self, quote: Quote, card: Card | None) -> Content | Table:
        """A quote row: a bar in the speaker's colour, then the first words on one line, or the
        whole quote with a hanging indent once expanded. "probably" marks a guess among sure
        quotes; on a card of guesses only, which says "probably NAME" under "Uncertain", the
        broken bar is enough (at 80 columns the word left ten letters of the quote)."""
        color = self._color(card.slot if card is not None else None)
        glyph = f"  {GUESS_BAR if quote.uncertain else BAR} "
        say = quote.uncertain and not (card is not None and card.uncertain)
        guess = (PROBABLY + " ", Style(italic=True, dim=True)) if say else ""
        if quote.id not in self._expanded:
            bar_style = Style(foreground=color) if color else Style()
            return Content.assemble((glyph, bar_style), guess, preview(quote.text))
        grid = Table.grid(padding=0, expand=True)
        grid.add_column(width=4, no_wrap=True)
        grid.add_column(ratio=1)
        bar = RichStyle(color=color.rich_color) if color else RichStyle()
        text = Text()
        if say:
            text.append(PROBABLY + " ", style=RichStyle(italic=True, dim=True))
        text.append(one_line(quote.text))
        grid.add_row(Text(glyph, style=bar), text)
        return grid

    def _rebuild(self) -> None:
        highlighted = self.highlighted_option
        keep_id = highlighted.id if highlighted is not None else None
        scroll_y = self.scroll_y
        options: list[Option | None] = []
        if not self._cards:
            options.append(Option(Content(self._empty_text), id="empty", disabled=True))
        if self._filter or self._filtering:
            shown_cards = sum(1 for card in self._cards if self._matches(card))
            typing = "▏" if self._filtering else ""
            keep = " · enter keeps" if self._filtering and self._filter else ""
            said = (f"filter: {self._filter}{typing} · {shown_cards} of {len(self._cards)}"
                    f"{keep} · esc clears")
            room = self.scrollable_content_region.width - 2
            lines = wrap(one_line(said), room, 3, cut=False) or [said]  # "esc clears" whole
            options.append(Option(Content.styled("\n".join(lines), Style(italic=True)),
                                  id="filter", disabled=True))
        first = True
        heading = False
        for i, card in enumerate(self._cards):
            if not self._matches(card):
                continue
            if not first:
                options.append(None)
            first = False
            if card.uncertain and not heading:
                heading = True
                options.append(Option(Content.styled(
                    f"{UNCERTAIN} (guessed)",
                    Style(bold=True, italic=True)), id="uncertain", disabled=True))
            key = "unattributed" if card.name is None else f"speaker-{i}"
            options.append(Option(self._header(card), id=key))
            shown = card.quotes
            if card.name not in self._open_cards and len(shown) > QUOTES_SHOWN + 1:
                shown = shown[:QUOTES_SHOWN]
            for quote in shown:
                options.append(Option(self._quote_prompt(quote, card), id=f"quote-{quote.id}"))
            if len(shown) < len(card.quotes):
                more = len(card.quotes) - len(shown)
                prompt = Content.styled(f"    … {plural(more, 'more quote')}", Style(italic=True))
                options.append(Option(prompt, id=f"more-{i}"))
        self.set_options(options)
        if keep_id is not None:
            try:
                self.highlighted = self.get_option_index(keep_id)
            except Exception:
                self.highlighted = None
        else:
            self.highlighted = None
        self.scroll_to(y=scroll_y, animate=False, immediate=True)

    def on_resize(self) -> None:
        if self._cards:
            self._rebuild()

    def _card_of_quote(self, quote_id: int) -> Card | None:
        return next((c for c in self._cards if any(q.id == quote_id for q in c.quotes)), None)

    def show_quote(self, quote_id: int) -> None:
        """Highlight a quote's row (when the article moves to it) without posting anything."""
        option_id = f"quote-{quote_id}"
        if all(option.id != option_id for option in self.options):
            card = self._card_of_quote(quote_id)
            if card is None:
                return
            self._open_cards.add(card.name)
            self._rebuild()
        try:
            index = self.get_option_index(option_id)
        except Exception:
            return
        with self.prevent(OptionList.OptionHighlighted):
            self.highlighted = index

    def _set_expanded(self, quote_id: int, expanded: bool) -> None:
        quote = self._quotes.get(quote_id)
        if quote is None:
            return
        if expanded:
            self._expanded.add(quote_id)
        else:
            self._expanded.discard(quote_id)
        self.replace_option_prompt(
            f"quote-{quote_id}", self._quote_prompt(quote, self._card_of_quote(quote_id))
        )

    # -- events --------------------------------------------------------------------------------

    def action_toggle_expand(self) -> None:
        option = self.highlighted_option
        if option is None or not option.id or not option.id.startswith("quote-"):
            return
        quote_id = int(option.id.removeprefix("quote-"))
        self._set_expanded(quote_id, quote_id not in self._expanded)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        option_id = event.option.id or ""
        if option_id.startswith("quote-"):
            quote_id = int(option_id.removeprefix("quote-"))
            self._set_expanded(quote_id, True)
            self.post_message(self.QuoteChosen(quote_id))
        elif option_id.startswith("more-"):
            index = int(option_id.removeprefix("more-"))
            self._open_cards.add(self._cards[index].name)
            self._rebuild()
            self.highlighted = self.get_option_index(
                f"quote-{self._cards[index].quotes[QUOTES_SHOWN].id}"
            )
        elif option_id == "unattributed":
            self.post_message(self.SpeakerChosen(None))
        elif option_id.startswith("speaker-"):
            card = self._cards[int(option_id.removeprefix("speaker-"))]
            self.post_message(self.SpeakerChosen(card.name))
