"""The name a story's reader knows an unnamed person by: the definite phrase the narration
calls them by ("the surgeon", "the visitor"), not the words that first brought them in ("a
parish surgeon who did such matters by contract", "her visitor"), which no one calls them again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.analysis.lexicon import word_set
from reader.analysis.name_keys import spaced

if TYPE_CHECKING:
    from spacy.tokens import Token

    from reader.analysis.clusters import Cluster

#: Words a description that first brings someone in opens with, which a later "the" replaces.
OPENERS = word_set("a an his her their my our your its this that one another some")
#: Words that open a clause that brought someone in ("the voice that was near tears"); what
#: tells a person apart ("the man with the papers") stays.
RELATIVES = word_set("that who whom which whose")


def definite_phrase(tok: Token, upto: int | None = None) -> str | None:
    """ "the old gentleman" as written, from its "the" to the head noun ``tok`` (or to token
    ``upto``, the end of a phrase that tells the person apart); None when no "the" opens it
    or anything but plain words stands between."""
    det = next((c for c in tok.lefts if c.dep_ == "det"), None)
    if det is None or det.lower_ != "the":
        return None
    end = tok.i + 1 if upto is None else upto
    words = tok.doc[det.i : end]
    if any(not (t.is_alpha or t.text == "-") for t in words):
        return None
    return spaced(words.text)


def _words(name: str) -> set[str]:
    return {w.lower() for w in name.replace("-", " ").split()}


def call_by(c: Cluster, phrase: str) -> bool:
    """Name the unnamed person ``c`` by the definite ``phrase`` the story now calls them by,
    when their name opens with words that only brought them in ("a", "her") or only add a
    clause that brought them in ("the voice that ..."), and ``phrase`` says nothing their name did
    not ("the surgeon" for "a parish surgeon who ..."; never
    "the old woman" for "a young woman"). True when the name changed."""
    first = c.canonical.split(" ", 1)[0].lower()
    # "the voice that was not far remote from tears" is "the voice" when next called so
    rest = c.canonical.lower().removeprefix(phrase.lower() + " ")
    trailing = rest != c.canonical.lower() and rest.split(" ", 1)[0] in RELATIVES
    if not (first in OPENERS or trailing) or phrase.lower() == c.canonical.lower():
        return False
    if not _words(phrase) - {"the"} <= _words(c.canonical):
        return False
    c.canonical = "the " + phrase.split(" ", 1)[1]
    return True
