"""The voices of a library as two stacked bars: who is heard (people, organisations, unnamed
sources: every quoted word) and people's quoted words by the gender the text gives them (the
heading says so, with each bar's total). Plain data in; drawn
for the width it has, so the legend never wraps (short labels, then a shorter bar)."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from reader.people.voices import Voices, bar

#: Key, label, short label and theme colour of each part.
Part = tuple[str, str, str, str]
KIND_PARTS: tuple[Part, ...] = (
    ("person", "people", "people", "$primary"),
    ("org", "organisations", "orgs", "$secondary"),
    ("unnamed", "unnamed sources", "unnamed", "$warning"),
)
GENDER_PARTS: tuple[Part, ...] = (
    ("f", "women", "women", "$accent"),
    ("m", "men", "men", "$primary"),
    ("unknown", "unknown", "unknown", "$text-muted"),
)
BAR_CELLS = 40
#: The bar keeps at least this many cells before the labels are shortened.
MIN_BAR = 16
TITLE = 8


def legend(counts: dict[str, int], parts: tuple[Part, ...], short: bool) -> list[tuple[str, str]]:
    total = sum(counts.values())
    out: list[tuple[str, str]] = []
    for key, label, brief, colour in parts:
        share = counts.get(key, 0) / total if total else 0.0
        out.append((colour, f"{brief if short else label} {share:.0%}"))
    return out


def legend_cells(items: list[tuple[str, str]]) -> int:
    return sum(2 + len(text) + 2 for _, text in items) - 2  # "■ " text, two spaces between


def chart_line(title: str, counts: dict[str, int], parts: tuple[Part, ...],
               width: int = BAR_CELLS, short: bool = False, room: int = 0) -> Content:
    """The bar and its legend; past `room` cells (when given) the legend goes on under the
    bar, between labels, each label with its figure: the chart is not wrapped by Textual
    (text-wrap: nowrap), and a line wider than the chart lost its last labels."""
    total = sum(counts.values())
    cells = dict(bar([(key, counts.get(key, 0)) for key, *_ in parts], width))
    pieces: list[Content | tuple[str, str] | str] = [f"{title:<{TITLE}}"]
    for key, _, _, colour in parts:
        if cells[key]:
            pieces.append(("█" * cells[key], colour))
    if not total:
        pieces.append(("░" * width, "$text-muted"))
    used = TITLE + width
    for colour, text in legend(counts, parts, short):
        gap = "  "
        if room and used + len(gap) + 2 + len(text) > room and used > TITLE:
            gap, used = "\n" + " " * TITLE, TITLE  # on under the bar, from the bar's start
        pieces += [gap, ("■ ", colour), text]
        used += (len(gap) if used > TITLE else 0) + 2 + len(text)
    return Content.assemble(*pieces)


def fit(voices: Voices, width: int) -> tuple[int, bool]:
    """(bar cells, short labels) so that both lines fit in `width` cells."""
    for short in (False, True):
        need = max(legend_cells(legend(voices.by_kind, KIND_PARTS, short)),
                   legend_cells(legend(voices.by_gender, GENDER_PARTS, short)))
        room = width - TITLE - 2 - need
        if room >= MIN_BAR or short:
            return max(4, min(BAR_CELLS, room)), short
    raise AssertionError  # the loop returns


def heading(voices: Voices, room: int) -> str:
    """The chart's first line: what each bar counts. The Who bar shares out every quoted word,
    the Gender bar only people's (organisations and unnamed sources have none): a new user
    summed the women's Words in the table over all of them and got 13.5% where the bar said
    15%, the heading naming one total for both. The longest wording that fits `room`."""
    words = sum(voices.by_kind.values())
    people = sum(voices.by_gender.values())
    for text in (
        f"Voices: {words:,} quoted words; the Gender bar counts the {people:,} said by people",
        f"Voices: {words:,} quoted words; Gender: the {people:,} by people",
        f"{words:,} words; Gender: {people:,} by people",
    ):
        if len(text) <= room:
            return text
    return text


class VoicesChart(Static):
    """Shares of quoted words; the numbers beside the bars so no colour has to be read."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.voices: Voices | None = None

    def show(self, voices: Voices) -> None:
        self.voices = voices
        self._draw()

    def on_resize(self) -> None:
        self._draw()

    def _draw(self) -> None:
        if self.voices is None:
            return
        voices = self.voices
        room = self.content_size.width or BAR_CELLS * 3
        cells, short = fit(voices, room)
        self.update(Content("\n").join([
            Content(heading(voices, room)),
            chart_line("Who", voices.by_kind, KIND_PARTS, cells, short, room),
            chart_line("Gender", voices.by_gender, GENDER_PARTS, cells, short, room),
        ]))
