"""How a name is keyed and weighed: the folded key a person is found by, a first name's
other forms, how full a name is, and the families a text shows by its "Miss"es."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from reader.analysis.names import first_names, fold


def spaced(text: str) -> str:
    """A name or role as words: the line breaks and runs of spaces the text wrapped it with
    ("his\ncompanion") are no part of it. Only the names; mentions keep their offsets."""
    return " ".join(text.split())


@cache
def familiar_names() -> dict[str, frozenset[str]]:
    """First name -> the other forms of it ("frank" -> {"francis"}, "francis" -> {"frank"})."""
    path = Path(__file__).with_name("data") / "familiar_names.txt"
    table: dict[str, set[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            formal, *familiar = line.split()
            for short in familiar:
                table.setdefault(formal, set()).add(short)
                table.setdefault(short, set()).add(formal)
    return {name: frozenset(forms) for name, forms in table.items()}


_MISS = re.compile(r"\bMiss\s+(?:[A-Z][\w-]*\s+)?([A-Z][\w-]+)")


def misses(text: str) -> frozenset[str]:
    """The surnames (keys) a text writes after "Miss": a family with a daughter in it."""
    return frozenset(key(m) for m in _MISS.findall(text))


def key(word: str) -> str:
    """The folded key a name word is found by. A name whose hyphenated parts are linked by
    lower-case words ("Winnie-the-Pooh") is a byname known by its last part ("Pooh")."""
    parts = word.split("-")
    if len(parts) > 2 and parts[-1][:1].isupper() and any(p[:1].islower() for p in parts[1:-1]):
        return fold(parts[-1])
    return fold(word)


def not_hers(first: str) -> bool:
    """A first name after "Mrs." that is no woman's is her husband's ("Mrs. Henry Dashwood")."""
    return first_names().get(first) != "f"


def fullness(words: list[str]) -> int:
    """How full a name is: its words and hyphenated parts ("Winnie-the-Pooh" is fuller
    than "Pooh Bear")."""
    return sum(len(w.split("-")) for w in words)
