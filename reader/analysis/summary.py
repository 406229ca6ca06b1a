"""Speakers' summaries: each speaker's quotes, words and share, and the entity labels that
agree with them."""

from __future__ import annotations

import re
from collections.abc import Iterable

from reader.analysis.clusters import Registry
from reader.analysis.kinds import speaker_kind
from reader.analysis.model import Entity, Quote, Speaker
from reader.analysis.names import fold, strip_possessive
from reader.analysis.roles import shown_role
from reader.analysis.speaker_list import merged


def count_words(text: str) -> int:
    return len(re.findall(r"\w+(?:[’'-]\w+)*", text))


#: Entity labels a tagger gives a person's name by mistake ("Blinken" a place, "Gantz" a body).
_MISTAKEN = frozenset(("ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "WORK_OF_ART"))


def agree_with_speakers(
    entities: list[Entity], registry: Registry, speakers: Iterable[int]
) -> None:
    """A name the engine knows is a person is PERSON everywhere: an entity whose words are a
    quoted person's full name, one of its forms, or a surname only one person has, is
    relabelled and given that person (a person no quote is given to may be a place the
    tagger called a name: "Carver Falls")."""
    forms: dict[str, str | None] = {}
    surnames: dict[str, str | None] = {}
    bodies = {fold(c.canonical) for c in registry.clusters if c.kind != "person"}
    for c in (registry.clusters[i] for i in set(speakers)):
        if c.kind != "person" or not (c.first or c.gender):
            continue  # "Veltra" taken for a surname once: nothing shows it is a person
        for k in {fold(c.canonical), *(fold(a) for a in c.aliases)}:
            forms[k] = c.canonical if forms.get(k, c.canonical) == c.canonical else None
        if c.surname:  # a surname two people share names neither for sure
            got = surnames.get(c.surname, c.canonical)
            surnames[c.surname] = c.canonical if got == c.canonical else None
    for e in entities:
        if e.label not in _MISTAKEN:
            continue
        if e.speaker is not None:  # tagged a place, found to be a person
            e.label = "PERSON"
            continue
        key = fold(strip_possessive(e.text))
        if key in bodies:
            continue
        who = forms.get(key)
        if who is None and e.label not in ("GPE", "LOC"):  # "Washington" the city stays
            who = surnames.get(key)
        if who is not None:
            e.label = "PERSON"
            e.speaker = who


def summarise(quotes: list[Quote], registry: Registry, cluster_of: dict[int, int]) -> list[Speaker]:
    """Speaker records, most quoted words first; ``cluster_of`` maps quote id -> cluster id."""
    by_cluster: dict[int, Speaker] = {}
    total = 0
    for q in quotes:
        n = count_words(q.text)
        total += n
        cid = cluster_of.get(q.id)
        if cid is None:
            continue
        c = registry.clusters[cid]
        sp = by_cluster.get(cid)
        if sp is None:
            aliases = [a for a in c.aliases if a != c.canonical]
            sp = by_cluster[cid] = Speaker(
                name=c.canonical, aliases=aliases, role=shown_role(c.role), kind=speaker_kind(c)
            )
        sp.quotes.append(q.id)
        sp.words += n
    out = list(by_cluster.values())
    for sp in out:
        sp.share = round(sp.words / total, 4) if total else 0.0
    out.sort(key=lambda s: (-len(s.quotes), -s.words, s.name))
    return merged(out)
