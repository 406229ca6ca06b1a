"""A novel's person the narration names by a rank and a surname ("Colonel Ducroix", "Dr. Bull",
"Professor de Worms"): the rank is part of the name a reader knows them by, as "Mr." is of "Mr.
Witherspoon", and the speaker list shows it; "Ducroix" alone says less than the book does.

Only a capitalised rank right before the name, for a person the text gives no first name and no
form of address; kin ("Aunt Janey") and abbreviations in capitals ("AG Mukasey") are no ranks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.analysis.kinship import is_kin_noun
from reader.analysis.lexicon import HONORIFICS, TITLES, word_set
from reader.analysis.names import fold

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: Titles before a name that say no rank of one person ("Saint Paul", "Vice President").
NOT_RANKS = word_set("saint st superior vice officer chief deputy coach")


def is_rank(word: str) -> bool:
    """ "Colonel", "Dr.", "Professor": a rank or calling written as a title."""
    low = fold(word).rstrip(".")
    return (
        word[:1].isupper()
        and not word.isupper()
        and low in TITLES
        and low not in HONORIFICS
        and low not in NOT_RANKS
        and not is_kin_noun(low)
    )


def rank_of(doc: Doc, first: int, last: int) -> str | None:
    """The rank written at the head of the name at tokens first..last, or right before it."""
    if last - first > 1 and is_rank(doc[first].text):
        return doc[first].text
    if first > 0 and is_rank(doc[first - 1].text):
        return doc[first - 1].text
    return None


def unranked(name: str) -> str:
    """The name without a rank put before it by ``name_by_rank`` ("Croft" of "Admiral
    Croft"): what a form of address given later ("Mrs Croft") is weighed against."""
    first, _, rest = name.partition(" ")
    return rest if rest and is_rank(first) else name
