"""Character spans of noun phrases and their definiteness: how the text names a source
("a spokesman for the ministry", "a French diplomat who attended the sessions").

Pure functions of tokens (split from ``syntax``, which re-exports them).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.analysis.placed import places_source
from reader.analysis.quotes import (
    DOUBLE_CLOSE,
    DOUBLE_OPEN,
    GUILLEMET_CLOSE,
    GUILLEMET_OPEN,
    STRAIGHT_DOUBLE,
)
from reader.analysis.speech_verb import is_speech_verb

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def token_span(tok: Token) -> tuple[int, int]:
    return tok.idx, tok.idx + len(tok.text)


def np_is_definite(tok: Token) -> bool:
    """ "the mayor", "this analyst", "Russia's envoy": a determiner or a possessor makes a
    noun phrase definite."""
    return any(
        c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in ("the", "this", "that"))
        for c in tok.lefts
    )


def np_span(tok: Token, with_prep: bool = False, places: bool = True) -> tuple[int, int]:
    """Character span of a noun phrase: determiners, possessors and modifiers up to the head,
    and with_prep its "for/of/at X" complement ("a spokesman for the ministry") and, with
    places, where it is ("someone in the audience": not in fiction, where "a policeman on
    the Embankment" is only where the policeman stands)."""
    start = tok.i
    for child in tok.lefts:
        if child.dep_ in ("det", "poss", "amod", "compound", "nummod", "nmod", "quantmod"):
            start = min(start, child.left_edge.i)
            break
    end = tok.i + 1
    doc = tok.doc
    # A phrase never takes in quoted words: they are someone's, not the writer's name for the
    # source ('a “regional” candidate' is "candidate"; "a candidate who has called for “…”")
    marks = [j for j in range(start, tok.i) if doc[j].text in DOUBLE_MARKS]
    if marks:
        start = marks[-1] + 1
    if with_prep:
        for child in tok.rights:
            if (
                (child.dep_ == "prep" and child.lower_ in ("for", "of", "at", "with", "from"))
                or (places and places_source(child))
                # a postposed modifier right after the noun: "a person familiar with ...",
                # "people briefed on ..." (a reduced relative: no subject of its own)
                or (
                    child.left_edge.i == tok.i + 1
                    and child.dep_ in ("amod", "acl")
                    and any(c.dep_ == "prep" for c in child.children)
                    and not any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)
                )
            ):
                if _quotes_in(doc, end, _phrase_end(child)):
                    break
                end = max(end, _phrase_end(child))
            elif (
                # "a French diplomat who attended the sessions": a restrictive relative clause
                # (no comma) is part of how the text describes the source
                child.dep_ == "relcl"
                and child.left_edge.i == end
                and doc[end].tag_ in ("WP", "WDT")
                and child.right_edge.i - end < 16
                and not _quotes_in(doc, end, child.right_edge.i + 1)
                # "a banner that read:": a thing's clause of speech is the cue, not its name
                and not (doc[end].tag_ == "WDT" and is_speech_verb(child))
            ):
                end = child.right_edge.i + 1
            else:
                break
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


#: Quotation marks that are never an apostrophe (a single curly or straight mark may be one:
#: "Clinton’s").
DOUBLE_MARKS = frozenset(
    DOUBLE_OPEN + DOUBLE_CLOSE + STRAIGHT_DOUBLE + GUILLEMET_OPEN + GUILLEMET_CLOSE
)


def _quotes_in(doc: Doc, start: int, end: int) -> bool:
    return any(doc[j].text in DOUBLE_MARKS for j in range(start, end))


def _phrase_end(head: Token) -> int:
    """End of a noun's complement, which stops before a comma or a clause that describes it
    ("an analyst at X, who asked not to be named, said")."""
    doc = head.doc
    for j in range(head.i + 1, head.right_edge.i + 1):
        t = doc[j]
        if t.text in ",;(—–" or t.dep_ in ("relcl", "acl") or t.tag_ in ("WP", "WDT"):
            return j
    return head.right_edge.i + 1
