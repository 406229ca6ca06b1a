"""The same person across articles: "Antony Blinken" = "Blinken" = "Secretary of State Antony
Blinken" = "A. Blinken", but never "Hillary Clinton" with "Bill Clinton".

Names meet on the accent-folded surname. Full names join when their first names agree (the
same, or an initial of the other); a surname alone ("Blinken") or an initial joins only when
one person of that surname is in the library; when two are ("Hillary Clinton", "Bill
Clinton"), "Clinton" stays a person of its own, for the text does not say which.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from reader.analysis.names import first_names, fold, name_parts


@dataclass(frozen=True, slots=True)
class NameKey:
    surname: str
    #: The folded first name, a one-letter initial, or "" for a surname alone.
    first: str


@lru_cache(maxsize=65536)
def name_key(name: str) -> NameKey | None:
    """Surname and first name of a person's name, titles and middle names left out (cached:
    a library names the same people again and again)."""
    _, words = name_parts(name)
    words = [w for w in words if w.strip(".")]
    if not words:
        return None
    surname = fold(words[-1]).strip(".")
    given = [fold(w).strip(".") for w in words[:-1]]
    # "State Antony Blinken" (a title the name parser left): the first word that is a known
    # first name, else the first word.
    known = first_names()
    first = next((w for w in given if w in known), given[0] if given else "")
    return NameKey(surname, first)


def compatible(a: str, b: str) -> bool:
    """First names of one person: the same, or one is the other's initial."""
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[:1] == b[:1]
    return False


def merge_names(names: Sequence[str], kinds: Sequence[str] | None = None) -> list[int]:
    """A group number for each name: equal numbers are one person. Names whose kind is not
    "person" (organisations, unnamed sources) are grouped only with the same name and kind."""
    group = [-1] * len(names)
    by_surname: dict[str, list[int]] = defaultdict(list)
    exact: dict[tuple[str, str], int] = {}
    keys: dict[int, NameKey] = {}
    next_id = 0
    for i, name in enumerate(names):
        kind = kinds[i] if kinds is not None else "person"
        key = name_key(name) if kind == "person" else None
        if key is None:
            folded = " ".join(fold(name).split()).removeprefix("the ")
            group[i] = exact.setdefault((kind, folded), -2 - i)
            continue
        keys[i] = key
        by_surname[key.surname].append(i)
    for idxs in by_surname.values():
        full: list[tuple[str, int]] = []  # (first name, group) of the people with full names
        for i in sorted(idxs, key=lambda i: -len(keys[i].first)):  # full first names first
            first = keys[i].first
            if len(first) <= 1:
                continue
            found = next((g for f, g in full if f == first), None)
            if found is None:
                found = next_id
                next_id += 1
                full.append((first, found))
            group[i] = found
        # Initials and bare surnames: to the one full name they fit, else a group of their own.
        alone: dict[str, int] = {}
        for i in idxs:
            if group[i] != -1:
                continue
            first = keys[i].first
            fits = {g for f, g in full if not first or compatible(first, f)}
            if len(fits) == 1:
                group[i] = fits.pop()
            else:
                if first not in alone:
                    alone[first] = next_id
                    next_id += 1
                group[i] = alone[first]
    # Organisations and unnamed sources were given negative ids; renumber after the people.
    renumber: dict[int, int] = {}
    for i, g in enumerate(group):
        if g < 0:
            group[i] = renumber.setdefault(g, next_id + len(renumber))
    return group
