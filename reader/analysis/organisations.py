"""The organisation index: every organisation the text names, in order, for "the company",
"it said", "the RFA" and "Vantara" after "Vantara Micro Devices"."""

from __future__ import annotations

from typing import NamedTuple

from reader.analysis.names import by_initials, fold, strip_possessive


class OrgNamed(NamedTuple):
    """One naming of an organisation."""

    start: int  # absolute char offset
    sent: int  # global sentence number
    name: str
    subject: bool  # it was a clause's subject (it did something)
    words: frozenset[str]  # the words of its name, folded
    audience: bool = False  # it was told the words ("told The Courier"): it heard, not spoke


def org_key(name: str) -> str:
    """An organisation's first word: "Vantara Micro" and "Vantara Micro Devices" meet."""
    words = fold(name).removeprefix("the ").split()
    return words[0] if words else ""


class OrgIndex:
    """Organisations in reading order. Lookups are pure; ``record`` is the one write."""

    def __init__(self) -> None:
        self.named: list[OrgNamed] = []
        #: First word of an organisation's name -> its names of two words or more.
        self._names_by_first: dict[str, set[str]] = {}

    def record(
        self,
        start: int,
        sent: int,
        name: str,
        subject: bool,
        words: frozenset[str],
        audience: bool = False,
    ):
        """Remember an organisation named at char start (for "the company" and "it said")."""
        self.named.append(OrgNamed(start, sent, name, subject, words, audience))
        bare = name.removeprefix("the ").removeprefix("The ")
        if " " in bare:
            self._names_by_first.setdefault(org_key(bare), set()).add(bare)

    def longer_name(self, surface: str) -> str | None:
        """ "Vantara Micro Devices" for "Vantara": a one-word short form of an organisation
        named in full before."""
        key = fold(strip_possessive(surface)).removeprefix("the ")
        if " " in key or len(key) < 3 or not key.isalpha():
            return None
        longer = self._names_by_first.get(key, set())
        # one longer name only: "Crestmoor" beside "Crestmoor Healthcare Group" and "Crestmoor
        # of Bowling Green" stays as written
        return next(iter(longer)) if len(longer) == 1 else None

    def by_acronym(self, surface: str) -> str | None:
        """ "the RFA" in capitals: the organisation named lately whose initials those are."""
        key = fold(surface).removeprefix("the ").strip()
        if not surface[-len(key) :].isupper():
            return None
        recent = ((fold(o.name).removeprefix("the "), o.name) for o in reversed(self.named[-50:]))
        return by_initials(key, recent)

    def meant_by(self, before: int, lo: int, head: str) -> OrgNamed | None:
        """The organisation "the authority" or "it" stands for at char ``before``: the latest
        one whose name has that word (``head``), however far back; else, among those named
        since sentence ``lo``, the last that did something (a subject), else the last one
        named; else the one the text has named most. One the words were told to ("later told
        The Courier") is no speaker's stand-in: only its own name's word finds it."""
        earlier = [org for org in reversed(self.named) if org.start < before]
        worded = next((o for o in earlier if head and head in o.words), None)
        earlier = [org for org in earlier if not org.audience]
        recent = [org for org in earlier[:50] if org.sent >= lo]
        return (
            worded
            or next((o for o in recent if o.subject), None)
            or (recent[0] if recent else None)
            or _most_named(earlier)
        )


def _most_named(earlier: list[OrgNamed]) -> OrgNamed | None:
    """With none named lately, the organisation the text has named most (the latest of
    those): what "the company" means in an article about one company."""
    if not earlier:
        return None
    counts: dict[str, int] = {}
    for org in earlier:
        key = org_key(org.name)
        counts[key] = counts.get(key, 0) + 1
    best = max(counts.values())
    return next(o for o in earlier if counts[org_key(o.name)] == best)
