"""Speakers' summaries: each speaker's quotes, words and share, and the entity labels that
agree with them."""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import islice

from reader.analysis.clusters import Registry
from reader.analysis.kinds import speaker_kind
from reader.analysis.lexicon import (
    ORG_POSSESSIONS,
    PERSON_NOUNS,
    PROXY_NOUNS,
    RELATION_NOUNS,
    word_set,
)
from reader.analysis.model import Entity, Quote, Speaker
from reader.analysis.names import fold, strip_possessive
from reader.analysis.placed import CHANNEL_NOUNS
from reader.analysis.roles import shown_role
from reader.analysis.speaker_list import merged


def count_words(text: str) -> int:
    return len(re.findall(r"\w+(?:[’'-]\w+)*", text))


#: Entity labels a tagger gives a person's name by mistake ("Blinken" a place, "Gantz" a body).
_MISTAKEN = frozenset(("ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "WORK_OF_ART"))


def agree_with_speakers(
    entities: list[Entity], registry: Registry, speakers: Iterable[int], text: str = ""
) -> None:
    """A name the engine knows is a person is PERSON everywhere: an entity whose words are a
    quoted person's full name, one of its forms, or a surname only one person has, is
    relabelled and given that person (a person no quote is given to may be a place the
    tagger called a name: "Carver Falls"). A name used like a thing is no person's (things)."""
    speakers = set(speakers)
    forms: dict[str, str | None] = {}
    surnames: dict[str, str | None] = {}
    bodies = {fold(c.canonical) for c in registry.clusters if c.kind != "person"}
    for c in (registry.clusters[i] for i in set(speakers)):
        if c.kind != "person" or not (c.first or c.gender or c.pronoun_cues):
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
    if text:
        things(entities, registry, speakers, text)


#: The label of a name the tagger called a person's that the text uses like a thing's.
NOT_A_PERSON = "MISC"
#: Words before a name that make it a thing's ("the CRISPR system", "no CRISPR drug"); not
#: "that", which opens a clause as often ("believes that Savaged is").
_THING_BEFORE = word_set("the a an no this these those its their our your any every each")
#: Words before a channel the words went out through ("on Twitter", "via Facebook"); "on"
#: alone says nothing ("attacks on Obama").
_CHANNEL_BEFORE = word_set("on via")
#: Nouns after a name that make it a person's: a proxy ("the Clinton campaign"), a relation
#: ("the Hollins family") or an office held ("the Biden administration").
_PERSONS_OWN = PROXY_NOUNS | RELATION_NOUNS | word_set("administration presidency era estate")
#: Uses of a word looked at (a book may say a name thousands of times).
_MOST_USES = 500
_WORD_BEFORE = re.compile(r"(\w+)\s+$")
_WORD_AFTER = re.compile(r"^\s+(\w+)")


def things(entities: list[Entity], registry: Registry, speakers: set[int], text: str) -> None:
    """A one-word name the tagger took for a person's (CRISPR, Twitter, a handle) is not
    listed as a person when the text never quotes it, never gives it a first name, a title
    or a gender, and uses it like a thing at least once: after an article ("the CRISPR
    system"), before what a company has ("Twitter CEO Dick Costolo") or as a handle
    ("@IanHanchett"). A person named by the surname alone keeps PERSON unless all of that
    holds."""
    quoted: set[str] = set()
    for c in (registry.clusters[i] for i in speakers):
        quoted |= {fold(c.canonical), *(fold(a) for a in c.aliases)}
    clusters = {fold(c.canonical): c for c in registry.clusters}
    # Names quoted are people's, and so is a word of a longer person's name ("Obama" after
    # "Barack Obama").
    known = quoted | {
        word
        for name in [*(e.text for e in entities if e.label == "PERSON"),
                     *(c.canonical for c in registry.clusters if c.kind == "person")]
        if len(words := fold(strip_possessive(name)).split()) > 1
        for word in words
    }
    groups: dict[str, list[Entity]] = {}
    for e in entities:
        if e.label == "PERSON":
            groups.setdefault(e.speaker or fold(strip_possessive(e.text)), []).append(e)
    for key, group in groups.items():
        names = {fold(strip_possessive(e.text)) for e in group} | {fold(key)}
        if any(len(n.split()) != 1 for n in names) or names & known:
            continue
        c = clusters.get(fold(key))
        if c is not None and (c.first or c.ranks or c.address or c.male or c.female):
            continue
        # Every use of the word counts: the tagger may call it a name only where it reads
        # like one ("use CRISPR"), not in "the CRISPR system".
        word = strip_possessive(group[0].text)
        # No look-behind: it would turn off the regex engine's fast search for the word,
        # 30 times slower on a book; the character before is checked by hand.
        found = (m for m in re.finditer(rf"{re.escape(word)}(?!\w)", text)
                 if not text[m.start() - 1 : m.start()].isalnum()
                 and text[m.start() - 1 : m.start()] != "_")
        uses = {_use(text, m.start(), m.end()) for m in islice(found, _MOST_USES)}
        if "thing" in uses and "person" not in uses:
            for e in group:
                e.label = NOT_A_PERSON


def _use(text: str, start: int, end: int) -> str:
    """ "thing" as a handle, before what a company has ("Twitter CEO", "a Veltra
    executive"), after an article, or a channel's word after "on" or "via" ("on Twitter");
    "person" before any other noun for a person or what a
    person has ("the Biden administration", "the Harper boy", "an Obama official"), which
    a family or a politician's name takes as often as a company's; else ""."""
    after = _WORD_AFTER.match(text[end : end + 20])
    following = after.group(1).lower() if after else ""
    if text[start - 1 : start] == "@" or following in ORG_POSSESSIONS:
        return "thing"
    if following in _PERSONS_OWN or following in PERSON_NOUNS:
        return "person"
    before = _WORD_BEFORE.search(text[max(0, start - 20) : start])
    word = before.group(1).lower() if before else ""
    channel = word in _CHANNEL_BEFORE and text[start:end].lower() in CHANNEL_NOUNS
    return "thing" if word in _THING_BEFORE or channel else ""


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
