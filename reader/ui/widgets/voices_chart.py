"""The voices of a library as two stacked bars: who is heard (people, organisations, unnamed
sources) and people's quoted words by the gender the text gives them. Plain data in."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from reader.people.voices import Voices, bar

#: Label and theme colour of each part.
KIND_PARTS = (("person", "people", "$primary"), ("org", "organisations", "$secondary"),
              ("unnamed", "unnamed sources", "$warning"))
GENDER_PARTS = (("f", "women", "$accent"), ("m", "men", "$primary"),
                ("unknown", "unknown", "$text-muted"))
BAR_CELLS = 40


def chart_line(title: str, counts: dict[str, int], parts: tuple[tuple[str, str, str], ...],
               width: int = BAR_CELLS) -> Content:
    total = sum(counts.values())
    cells = dict(bar([(key, counts.get(key, 0)) for key, _, _ in parts], width))
    pieces: list[Content | tuple[str, str] | str] = [f"{title:<8}"]
    for key, _, colour in parts:
        if cells[key]:
            pieces.append(("█" * cells[key], colour))
    if not total:
        pieces.append(("░" * width, "$text-muted"))
    pieces.append("  ")
    for key, label, colour in parts:
        share = counts.get(key, 0) / total if total else 0.0
        pieces += [("■ ", colour), f"{label} {share:.0%}  "]
    return Content.assemble(*pieces)


class VoicesChart(Static):
    """Shares of quoted words; the numbers beside the bars so no colour has to be read."""

    def show(self, voices: Voices) -> None:
        words = sum(voices.by_kind.values())
        self.update(Content("\n").join([
            Content(f"Voices: {words} quoted words"),
            chart_line("Who", voices.by_kind, KIND_PARTS),
            chart_line("Gender", voices.by_gender, GENDER_PARTS),
        ]))
