"""Speakers' summaries: each speaker's quotes, words and share, and the role a name is given
where it appears."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from reader.analysis.clusters import Registry
from reader.analysis.kinds import speaker_kind
from reader.analysis.lexicon import TITLE_WORDS, TITLES
from reader.analysis.model import Entity, Quote, Speaker
from reader.analysis.names import fold, is_honorific, strip_possessive
from reader.analysis.roles import role_span, role_text, shown_role
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


_ROLE_DEPS = frozenset(
    ("compound", "nmod", "amod", "prep", "pobj", "punct", "det", "poss", "case", "cc", "conj")
)


def _title_words(toks: Iterable[Any]) -> set[str]:
    """The words of a title before a name, an abbreviation also as the word it stands for
    ("Florida Sen." is later "the Florida senator")."""
    words: set[str] = set()
    for t in toks:
        short = fold(t.text).rstrip(".")
        if t.is_alpha:
            words.add(t.lemma_.lower())
        if short in TITLE_WORDS:
            words |= {short, TITLE_WORDS[short]}
    return words


_ROLE_STOP = frozenset(("the", "a", "an", "of", "his", "her", "their", "its", "'s", "’s"))


def role_of(doc: Any, start: int, end: int) -> tuple[str | None, set[str]]:
    """The role a name is given where it appears: a title before it ("U.S. Secretary of State
    Antony Blinken", "opposition leader Yair Lapid") or an apposition after it ("Rodger Novak,
    a former pharmaceutical industry executive")."""
    chain: list[int] = []
    j = start - 1
    while j >= 0 and start - j <= 8:
        t = doc[j]
        if t.ent_type_ == "PERSON" or t.dep_ not in _ROLE_DEPS or t.dep_ in ("det", "poss", "case"):
            break
        if t.is_punct and t.text != "." and not (t.text == "-" and not t.whitespace_):
            break  # "Co-founder" keeps its hyphen
        # The word belongs to the title when its chain of heads leads into the name.
        h, steps = t, 0
        while h.i < start and steps < 6 and h.head.i != h.i and start - 9 <= h.head.i < end:
            h, steps = h.head, steps + 1
        if h.i < start:
            break
        chain.append(j)
        j -= 1
    chain.sort()
    useful = [k for k in chain if fold(doc[k].text).rstrip(".") not in TITLES]
    if (
        chain
        and chain[-1] == start - 1
        and any(doc[k].pos_ in ("NOUN", "PROPN") for k in useful)
        and doc[chain[-1]].tag_ not in ("NNS", "NNPS")
    ):
        s, e = chain[0], chain[-1] + 1
        if s > 0 and doc[s - 1].dep_ == "poss" and doc[s - 1].pos_ == "PRON":
            s -= 1  # "his wife Fran"
        span_text = role_text(doc, s, e)
        if span_text is not None:
            return span_text, _title_words(doc[k] for k in chain)
    title_only = None
    if chain and not useful and not all(is_honorific(doc[k].text) for k in chain):
        title_only = doc[chain[0] : chain[-1] + 1].text
    root = doc[end - 1]
    for child in root.rights:
        # "Jo Hart, a teacher"; "Jo Hart, a Democrat": with an article even a proper noun
        # describes the person instead of naming them.
        described = child.pos_ == "NOUN" or (
            child.pos_ == "PROPN"
            and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in child.children)
        )
        if child.dep_ != "appos" or not described or child.tag_ in ("NNS", "NNPS"):
            continue
        out: list[Any] = []
        for t in child.subtree:
            # The phrase stops at its first relative clause or at a comma after the head,
            # except the comma of a place name ("University of California, Berkeley").
            if t.i > child.i and (t.dep_ in ("relcl", "acl") or t.tag_ in ("WP", "WDT", "WP$")):
                break
            if t.i > child.i and t.text == ",":
                nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
                if nxt is None or nxt.ent_type_ != "GPE":
                    break
            out.append(t)
        while out and out[-1].is_punct:
            out.pop()
        if out and len(out) <= 14:
            words = {t.lemma_.lower() for t in out if t.is_alpha and t.lower_ not in _ROLE_STOP}
            return role_text(doc, out[0].i, out[-1].i + 1), words
        break
    head = root.head
    if root.dep_ == "appos" and head.pos_ == "NOUN" and head.i < start:
        # "The mayor, Tom Reed, said": the noun the name stands in apposition to.
        first = min([head.i, *(c.left_edge.i for c in head.lefts)])
        if doc[first].lower_ in _ROLE_STOP:
            first += 1
        if first <= head.i:
            words = {doc[k].lemma_.lower() for k in range(first, head.i + 1) if doc[k].is_alpha}
            # "The leader of Wendmoor District Council, Janet Pryce": the body is in the role
            words |= {
                t.lemma_.lower()
                for t in doc[head.i + 1 : start]
                if t.is_alpha and t.lower_ not in _ROLE_STOP and t.ent_type_ != "PERSON"
            }
            if head.tag_ in ("NNS", "NNPS"):
                # "cabinet members Benny Gantz and Gadi Eizenkot": each one is a member (and
                # of "two friends", one is no "two friend").
                while first < head.i and doc[first].pos_ == "NUM":
                    first += 1
                if role_span(doc, first, head.i + 1) is None:
                    return None, words
                return " ".join((doc[first : head.i].text_with_ws + head.lemma_).split()), words
            return role_text(doc, first, head.i + 1), words
    if title_only:
        words = {fold(w).rstrip(".") for w in title_only.split()}
        words |= {TITLE_WORDS[w] for w in words if w in TITLE_WORDS}
        return " ".join(title_only.split()), words
    return None, set()
