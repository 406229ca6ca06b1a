"""Who is heard in a library, as the Gender Gap Tracker measures it for newsrooms: quoted
words by people, organisations and unnamed sources, and people's words by the gender the text
gives them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reader.people.library import Person

KINDS = ("person", "org", "unnamed")
GENDERS = ("f", "m", "unknown")


@dataclass(frozen=True, slots=True)
class Voices:
    #: Quoted words by kind of speaker: person, org, unnamed.
    by_kind: dict[str, int]
    #: People's quoted words by gender: f, m, unknown.
    by_gender: dict[str, int]
    #: People counted by gender.
    people_by_gender: dict[str, int]

    def share(self, part: dict[str, int], key: str) -> float:
        total = sum(part.values())
        return part.get(key, 0) / total if total else 0.0


def voices(people: Sequence[Person]) -> Voices:
    by_kind = dict.fromkeys(KINDS, 0)
    by_gender = dict.fromkeys(GENDERS, 0)
    counted = dict.fromkeys(GENDERS, 0)
    for p in people:
        # A document with no issuer given ("the report said") is heard as a body is.
        kind = "org" if p.kind == "document" else p.kind
        by_kind[kind if kind in by_kind else "person"] += p.words
        if p.kind == "person":
            g = p.gender if p.gender in by_gender else "unknown"
            by_gender[g] += p.words
            counted[g] += 1
    return Voices(by_kind, by_gender, counted)


def bar(parts: Sequence[tuple[str, float]], width: int) -> list[tuple[str, int]]:
    """Cells for each part of a stacked bar `width` cells wide (largest remainders)."""
    total = sum(v for _, v in parts)
    if total <= 0:
        return [(k, 0) for k, _ in parts]
    exact = [(k, v * width / total) for k, v in parts]
    cells = [(k, int(x)) for k, x in exact]
    short = width - sum(n for _, n in cells)
    order = sorted(range(len(exact)), key=lambda i: -(exact[i][1] - cells[i][1]))
    for i in order[:short]:
        cells[i] = (cells[i][0], cells[i][1] + 1)
    return cells
