"""Titles that keep two people of one surname apart in a story.

A story's family shares a surname: "Captain Harville" is not the "Mrs Harville" met before
him, nor "Admiral Croft" his wife, nor "Major Callendar" "Mrs. Callendar"; and a knight
("Sir Walter Elliot") is never called "Mr Elliot", which is another of his family (the heir).
A surname alone says neither title nor gender, so without this the later name joins whoever
had the surname first and two speakers become one. Only in stories: news calls a woman
"Secretary Clinton" and "Mrs. Clinton", and a knight "Mr Starmer".
"""

from __future__ import annotations

from reader.analysis.cluster import Cluster
from reader.analysis.kinship import is_kin_noun
from reader.analysis.lexicon import FEMALE_TITLES, HONORIFICS, TITLES, word_set
from reader.analysis.names import fold, form_of_address

#: Ranks a woman holds, whatever her form of address.
_WOMENS_RANKS = word_set("countess baroness chairwoman councilwoman empress marchioness")

#: The forms of address of a woman.
_HERS = ("mrs", "miss")


def _rank(word: str) -> bool:
    """A rank or calling before a name ("Captain", "Major", "Dr.", "Inspector"): not a form of
    address, not kin ("Aunt Norris" is Mrs Norris), not a woman's title. In the stories of
    the novels' time a calling is a man's unless the text says otherwise: "Doctor Manette" is
    not "Miss Manette"; a "Dr. Sarah Hale" the text knows female is let through in ``apart``."""
    return (
        word in TITLES
        and word not in HONORIFICS
        and word not in FEMALE_TITLES
        and word not in _WOMENS_RANKS
        and not is_kin_noun(word)
    )


def _ranks(titles: list[str]) -> bool:
    return any(_rank(fold(t).rstrip(".")) for t in titles if not t.isupper())


def _knight(c: Cluster) -> bool:
    """The person has been called "Sir" before a name ("Sir Walter Elliot")."""
    return any(fold(a).startswith("sir ") for a in c.aliases)


def apart(c: Cluster, titles: list[str], story: bool) -> bool:
    """Whether a name with these titles before a surname alone cannot be ``c`` in a story:
    a man's rank against a woman's form of address (either way round), or "Mr" for a knight."""
    if not story or not titles:
        return False
    address = form_of_address(titles)
    # a ranked person the text knows to be a woman ("Captain Sarah Hale", "she") is no man
    ranked = any(_rank(r) for r in c.ranks) and "f" not in (c.gender, c.named_gender)
    if _ranks(titles) and address is None and c.address in _HERS and not ranked:
        return True  # "Captain Harville" after "Mrs Harville"
    if address in _HERS and ranked and c.address not in _HERS:
        return True  # "Mrs Croft" after "Admiral Croft"
    return address == "mr" and fold(titles[-1]).rstrip(".") == "mr" and _knight(c)


def keep_apart(found: list[Cluster] | None, titles: list[str], story: bool) -> list[Cluster]:
    """``found`` less the people the titles keep apart (``apart``)."""
    return [c for c in found or () if not apart(c, titles, story)]
