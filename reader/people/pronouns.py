"""The pronouns the narration uses of a speaker: "Charpentier sold her own rights" says a woman
even when the first-name list does not know "Emmanuelle" and no quote was cued by "she said".

Read from the article's text and the engine's entities (each PERSON entity knows its speaker),
never from a parse: a sentence counts only when the speaker is the one person it names, named
before the pronoun and not as a possessive ("Zhang's patent came out, she's broken off" is
someone else), and every third-person pronoun after the name outside quotes says one gender,
up to the first word that brings in someone else: a person noun or title, "who" ("told
reporters the mayor had lied and that he should resign" is the mayor's "he"; "thanked the
nurse who said she" the nurse's), or a capitalised word inside the sentence that is not the
speaker's name (a name the entities missed).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence

from reader.analysis.lexicon import (
    FEMALE_NOUNS,
    FEMALE_PRONOUNS,
    HONORIFICS,
    MALE_NOUNS,
    MALE_PRONOUNS,
    PERSON_NOUNS,
    TITLES,
)
from reader.analysis.model import Analysis
from reader.sentences import split_sentences

#: A paragraph break: no sentence runs over it.
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
WORD = re.compile(r"[A-Za-z]+")
#: Words after which a pronoun may be someone else's.
OTHERS = PERSON_NOUNS | MALE_NOUNS | FEMALE_NOUNS | TITLES | HONORIFICS | {"who", "whom", "whose"}


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of each paragraph, as the reading cursor splits them
    (reader.sentences): an abbreviation ("etc.", "Dr.") or a stop before a lower-case word
    ends none."""
    bounds, start = [], 0
    for m in PARAGRAPH_BREAK.finditer(text):
        bounds += split_sentences(text, start, m.start())
        start = m.end()
    return bounds + split_sentences(text, start)


def _unquoted(text: str, start: int, end: int, quotes: Sequence[tuple[int, int]]) -> str:
    """text[start:end] with the quoted words blanked: a quote's "she" is not the narration's."""
    chars = list(text[start:end])
    for a, b in quotes:
        for i in range(max(a, start), min(b, end)):
            chars[i - start] = " "
    return "".join(chars)


def _before_others(words: list[str], names: set[str]) -> set[str]:
    """The lower-cased words up to the first that brings in another person."""
    kept: set[str] = set()
    for word in words:
        lower = word.lower()
        single = lower[:-1] if lower.endswith("s") else lower
        if (lower in OTHERS or single in OTHERS
                or (word[:1].isupper() and word != "I" and word not in names)):
            break
        kept.add(lower)
    return kept


def _possessive(text: str, end: int) -> bool:
    return text[end:end + 2] in ("'s", "’s") or text[end - 1:end] in ("'", "’")


def pronoun_genders(analysis: Analysis, text: str) -> dict[str, str]:
    """Speaker name -> "f" or "m" where the sentences naming only them say so, and none says
    the other; speakers the narration gives no pronoun are left out."""
    if not text:
        return {}
    people = [e for e in analysis.entities if e.label == "PERSON" and e.end <= len(text)]
    if not people:
        return {}
    quotes = sorted((q.start, q.end) for q in analysis.quotes)
    quote_ends = [e for _, e in quotes]  # quotes do not overlap: their ends are in order too
    votes: dict[str, Counter[str]] = {}
    starts = [e.start for e in people]
    k = 0
    for a, b in sentence_bounds(text):
        while k < len(people) and starts[k] < a:
            k += 1
        inside = []
        j = k
        while j < len(people) and people[j].start < b:
            inside.append(people[j])
            j += 1
        names = {e.speaker for e in inside}
        if len(names) != 1 or None in names:
            continue
        first = next((e for e in inside if not _possessive(text, e.end)), None)
        if first is None or first.speaker is None:
            continue
        near = quotes[bisect_left(quote_ends, first.end):bisect_right(quotes, (b, b))]
        names = {w for e in inside for w in WORD.findall(e.text)}
        words = _before_others(WORD.findall(_unquoted(text, first.end, b, near)), names)
        male, female = bool(words & MALE_PRONOUNS), bool(words & FEMALE_PRONOUNS)
        if male != female:
            votes.setdefault(first.speaker, Counter())["m" if male else "f"] += 1
    return {name: v.most_common(1)[0][0] for name, v in votes.items() if len(v) == 1}
