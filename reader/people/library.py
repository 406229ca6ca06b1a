"""The people of a library: every speaker of every article merged into persons (see merge),
with their articles, quotes, words, roles and dates, and the quotes each said."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reader.analysis.names import name_parts, title_gender
from reader.fold import has_words
from reader.people.classify import name_gender
from reader.people.merge import merge_names

if TYPE_CHECKING:
    from reader.store.people_rows import QuoteRow, SpeakerRow


@dataclass(slots=True)
class Person:
    name: str
    kind: str
    gender: str
    gender_by: str
    names: list[str] = field(default_factory=list)
    articles: list[int] = field(default_factory=list)
    quotes: int = 0
    words: int = 0
    roles: list[str] = field(default_factory=list)
    first: str = ""
    last: str = ""
    #: (article id, the speaker's name in that article's analysis, or a name its quotes
    #: give them there: names_in_articles): how quotes are found.
    members: set[tuple[int, str]] = field(default_factory=set)
    #: Every quote of theirs is a guess of the engine's: shown as "probably NAME".
    guessed: bool = False

    @property
    def shown_name(self) -> str:
        return f"probably {self.name}" if self.guessed else self.name


def _gender(rows: Sequence[SpeakerRow], names: Sequence[str]) -> tuple[str, str]:
    """A person's gender across the library by the weight of evidence, never by one article:
    a title in their name ("Mrs. Hale") first; then what the texts say, one vote per
    article's speaker, so one article's wrong "she said", however many words it quotes, does
    not outvote the articles that say "he"; a tie goes to the first name's statistics; then
    the first name alone; then the narration's pronouns, one vote per article."""
    titled = {g for n in names if (g := title_gender(name_parts(n)[0])) is not None}
    if len(titled) == 1:
        return titled.pop(), "text"
    first = {g for n in names if (g := name_gender(n)) is not None}
    by_name = first.pop() if len(first) == 1 else None
    said = _majority(rows, "text")
    if said == "tie" and by_name is not None:
        return by_name, "text"
    if said in ("f", "m"):
        return said, "text"
    if by_name is not None:
        return by_name, "name"
    told = _majority(rows, "narration")
    return (told, "narration") if told in ("f", "m") else ("unknown", "")


def _roles(rows: Sequence[SpeakerRow]) -> list[str]:
    """Roles, most given first, one per spelling that differs only in case or spaces
    ("council chair" and "Council chair"), spelt as most often given."""
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for r in rows:
        if r.role and r.role.strip():
            spellings[" ".join(r.role.split()).casefold()][" ".join(r.role.split())] += 1
    ranked = sorted(spellings.values(), key=lambda c: -sum(c.values()))
    return [c.most_common(1)[0][0] for c in ranked]


def _majority(rows: Sequence[SpeakerRow], by: str) -> str | None:
    """ "f" or "m" when most of the rows whose gender came `by` this way say it, "tie" when
    as many say each, None when none says."""
    votes = Counter(r.gender for r in rows if r.gender_by == by and r.gender in ("f", "m"))
    if not votes:
        return None
    return "tie" if votes["f"] == votes["m"] else votes.most_common(1)[0][0]


def names_in_articles(rows: Sequence[SpeakerRow]) -> dict[tuple[int, str], str]:
    """(article id, a name its quotes give) -> the speaker's name in that article: a quote
    keeps the name it was given when its speaker joined another ("the Church" in the row of
    "Catholic Church"), as the article's speakers panel lists it. An alias is never taken for
    another speaker's name, nor kept when two speakers of the article share it."""
    named = {(r.article_id, r.name): r.name for r in rows}
    claimed = Counter((r.article_id, a) for r in rows for a in set(r.aliases))
    for r in rows:
        for alias in r.aliases:
            key = (r.article_id, alias)
            if key not in named and claimed[key] == 1:
                named[key] = r.name
    return named


def build_people(rows: Sequence[SpeakerRow]) -> list[Person]:
    """Persons, most quoted words first."""
    groups = merge_names([r.name for r in rows], [r.kind for r in rows])
    named = names_in_articles(rows)
    aliases: dict[tuple[int, str], set[tuple[int, str]]] = defaultdict(set)
    for key, name in named.items():
        aliases[(key[0], name)].add(key)
    members: dict[int, list[SpeakerRow]] = defaultdict(list)
    for g, r in zip(groups, rows, strict=True):
        members[g].append(r)
    people = []
    for seen in members.values():
        names = Counter(r.name for r in seen for _ in range(max(1, r.quotes)))
        # The fullest of the names most often quoted: "Antony Blinken", not "Blinken".
        name = max(names, key=lambda n: (len(n.split()) > 1, names[n], len(n)))
        kind = Counter(r.kind for r in seen).most_common(1)[0][0]
        gender, by = _gender(seen, sorted({n for r in seen for n in (r.name, *r.aliases)})) if (
            kind == "person") else ("unknown", "")
        roles = _roles(seen)
        dates = sorted(r.added for r in seen)
        people.append(Person(
            name=name,
            kind=kind,
            gender=gender,
            gender_by=by,
            names=sorted({n for r in seen for n in (r.name, *r.aliases)}),
            articles=sorted({r.article_id for r in seen}),
            quotes=sum(r.quotes for r in seen),
            words=sum(r.words for r in seen),
            roles=roles,
            first=dates[0],
            last=dates[-1],
            members={m for r in seen for m in aliases[(r.article_id, r.name)]},
        ))
    people.sort(key=lambda p: (-p.words, -p.quotes, p.name))
    return people


def mark_guessed(people: Sequence[Person], guessed: Mapping[tuple[int, str], bool]) -> None:
    """Mark each person all of whose quotes, in every article, are guesses (`guessed`: the
    (article id, speaker) quoted -> whether their every quote there is one)."""
    for person in people:
        quoted = [guessed[m] for m in person.members if m in guessed]
        person.guessed = bool(quoted) and all(quoted)


def find_person(people: Sequence[Person], name: str) -> Person | None:
    """The person a typed name means, by the same rule that merges names across articles:
    "Blinken" finds Antony Blinken when he is the only Blinken; None when no one fits."""
    if not people or not name.strip():
        return None
    for p in people:  # a name as the library shows it, or any of its forms
        if name.strip().casefold() in {n.casefold() for n in (p.name, *p.names)}:
            return p
    names = [p.name for p in people] + [name]
    kinds = [p.kind for p in people] + ["person"]
    groups = merge_names(names, kinds)
    hits = [p for p, g in zip(people, groups, strict=False) if g == groups[-1]]
    if len(hits) == 1:
        return hits[0]
    # A first name alone ("Antony", "Betsy") means the one person it begins: a reader looking
    # for a character types the name the book calls her by.
    typed = name.strip().casefold()
    if " " in typed:
        return None
    firsts = [
        p for p in people
        if p.kind == "person" and any(_first_name(n) == typed for n in (p.name, *p.names))
    ]
    return firsts[0] if len(firsts) == 1 else None


def _first_name(name: str) -> str | None:
    """ "antony" for "Antony Blinken"; None for a one-word name, which is no first name."""
    words = name.split()
    return words[0].casefold() if len(words) > 1 else None


def quotes_of(person: Person, quotes: Sequence[QuoteRow]) -> list[QuoteRow]:
    """Their quotes, by the article's date (published, else added), then place in it."""
    return sorted(
        (q for q in quotes if q.speaker is not None and (q.article_id, q.speaker) in
         person.members),
        key=lambda q: (q.dated, q.added, q.article_id, q.start),
    )


def speaker_of(people: Sequence[Person]) -> dict[tuple[int, str], Person]:
    """(article id, speaker name in its analysis) -> the person, for labelling quotes."""
    return {m: p for p in people for m in p.members}


def speakers_named(
    rows: Sequence[SpeakerRow], typed: str, people: Sequence[Person] | None = None
) -> frozenset[tuple[int, str]]:
    """(article id, speaker name in its analysis) of the speakers a typed name means: the one
    person find_person finds, else every speaker whose name, or the name the article's panel
    lists them under, has each word typed ("Church" and "Catholic" both find "the Church" of
    the row "Catholic Church"; "Mary Ann" finds two Mary Anns). `reader quotes --speaker` and
    `reader search --speaker` both ask this, so one name finds the same quotes in both.
    `people`: build_people(rows), when the caller has them already."""
    person = find_person(people if people is not None else build_people(rows), typed)
    if person is not None:
        return frozenset(person.members)
    return frozenset(
        key for key, shown in names_in_articles(rows).items()
        if has_words(key[1], typed) or has_words(shown, typed)
    )
