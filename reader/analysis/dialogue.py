"""Dialogue in fiction: whom a quote addresses by name.

A vocative ("Margaret, come here." or "You know, Mr. Knightley, that …") names the ADDRESSEE of
a quote, never its speaker: in an exchange it is evidence for who spoke the turns either side.
(The name of a first-person narrator, read from the same vocatives: ``narrator``.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.analysis.lexicon import STORY_PERSON_NOUNS, TITLES, is_person_noun, word_set
from reader.analysis.names import fold

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from reader.analysis.state import QuoteInfo

#: Capitalised words that open or break into a quote and are no names.
NOT_NAMES = word_set(
    """alas oh ah aye well yes no nay why now come look hush nonsense indeed dear good god
    heavens goodness bless pray really listen see hello goodbye thanks thank please sorry
    perhaps certainly quite sure true right okay ok hurrah hullo hallo hey say fancy mind
    stop wait there here so then still yet but and or i you we they he she it this that
    what who how when where nothing everything something madam sir ma'am mamma papa"""
)

_ENDS = frozenset((",", "!", "?", ".", ";", "—", "--"))


def _name_at(doc: Doc, k: int, stop: int) -> int:
    """The index after a name starting at token ``k`` (an optional title, then one to three
    capitalised proper nouns), or ``k`` when none starts there."""
    j = k
    if j < stop and fold(doc[j].text).rstrip(".") in TITLES and doc[j].text[:1].isupper():
        j += 1
        if j < stop and doc[j].text == ".":
            j += 1
    first = j
    while j < stop and j - first < 3 and _name_word(doc[j]):
        j += 1
    if j == first:
        return k
    if j - first == 1 and j - k == 1 and doc[first].lower_ in NOT_NAMES:
        return k
    return j


def _name_word(t: Token) -> bool:
    return (
        t.is_alpha
        and t.text[:1].isupper()
        and not t.is_upper
        and t.pos_ in ("PROPN", "NOUN", "INTJ")
        and t.lower_ not in NOT_NAMES
    )


#: Words of endearment a vocative may open with ("My dear Lucy, …", "Dearest Marianne!").
ENDEARMENTS = word_set("my dear dearest darling sweet poor good little")


def _after_endearment(doc: Doc, k: int, stop: int) -> int:
    """The index after the words of endearment starting at token ``k`` (none: ``k``)."""
    j = k
    while j < stop and j - k < 3 and doc[j].lower_ in ENDEARMENTS:
        j += 1
    return j


def vocatives(doc: Doc, a: int, b: int) -> list[tuple[int, int]]:
    """The token spans of the names a quote over tokens a..b may address, in order: opening
    it or one of its sentences ("Jake, come here", "Lost! My dear Miss Lucy, …"), and set
    off by a comma inside it ("You know, Mr. Knightley, that …"). An exclamation at the head
    looks like a name too ("Heyday, Miss Morland!"), so the caller takes the first that
    names someone it knows."""
    out: list[tuple[int, int]] = []
    head = a
    while head <= b and (doc[head].is_punct or doc[head].is_space):
        head += 1
    for k in range(head, b):
        before = doc[k - 1].text if k > a else ""
        opens = k == head or before in ("!", "?", ".")
        if (before != "," and not opens) or (out and k < out[-1][1]):
            continue
        start = _after_endearment(doc, k, b + 1)
        end = _name_at(doc, start, b + 1)
        if end <= start or end > b:
            continue
        after = doc[end]
        if (opens and after.text in _ENDS and after.text != ".") or (
            before == ","
            and (after.text in _ENDS or after.is_quote)
            and not _appositive(doc, start, end)
        ):
            out.append((start, end))
    return out


def _appositive(doc: Doc, start: int, end: int) -> bool:
    """ "His boy, Joe, shaved me": the name set off by commas renames a noun for a person
    before it (the parser's apposition) and the sentence runs on, so it names someone talked
    about, not the one addressed ("I beg your pardon, Basil, but …" and "I and two paupers,
    Mrs. Mann!" still address); a wrong addressee would start an exchange on the wrong pair."""
    head = doc[end - 1]
    noun = head.head
    return (
        head.dep_ == "appos"
        and doc[end].text == ","
        and noun.i < start
        and noun.pos_ == "NOUN"
        and (is_person_noun(noun.lemma_.lower()) or noun.lemma_.lower() in STORY_PERSON_NOUNS)
    )


def turn_addressee(prev: QuoteInfo | None, q: QuoteInfo) -> int | None:
    """Whom quote q's turn addresses so far: the person q calls by name, else the one the quote
    before it in its paragraph's turn did, unless q's cue names another speaker."""
    if q.addressee_cluster is not None:
        return q.addressee_cluster
    if prev is None or prev.paragraph != q.paragraph:
        return None
    if q.has_cue and prev.cluster not in (None, q.cluster):
        return None
    return prev.turn_addressee
