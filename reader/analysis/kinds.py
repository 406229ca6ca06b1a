"""What a speaker is: a person, an organisation, an unnamed source or a document, from what
the engine learnt of its cluster while reading (the speakers panel and the exports say it)."""

from __future__ import annotations

import re

from reader.analysis.clusters import Cluster
from reader.analysis.lexicon import ORG_NOUNS, PAPERS, is_human_noun

#: The kinds a Speaker can have.
KINDS = ("person", "org", "unnamed", "document")

#: Words after which a document's description goes on about something else ("the report on
#: hiring", "a statement from the ministry"): the head noun stands before them.
_AFTER_HEAD = frozenset(("of", "on", "by", "from", "about", "in", "for", "to", "with", "into"))


def document_head(description: str) -> str | None:
    """The document noun a description ends in ("the new report" -> "report"), or None for
    anything else, a capitalised name included ("Daily Report" is a body's name)."""
    words: list[str] = []
    for word in re.findall(r"[\w’'-]+", description):
        if word.lower() in _AFTER_HEAD:
            break
        words.append(word)
    if not words:
        return None
    head = re.sub(r"[’']s$", "", words[-1])
    if not head.islower():
        return None
    for form in (head, head[:-1] if head.endswith("s") else ""):
        if form in PAPERS:
            return form
    return None


#: Words that open a description rather than a name ("the old gentleman", "his companion").
_DETERMINERS = frozenset(
    ("the", "a", "an", "his", "her", "their", "my", "our", "your", "its", "this", "that",
     "another", "some", "one", "no", "any", "these", "those")
)


def described_human(description: str) -> bool:
    """A description whose head noun is a human being ("the old gentleman", "his companion",
    "the Admiral"): a person the text describes, never a body, however the rule that found
    it filed it."""
    words = []
    for word in re.findall(r"[\w’'-]+", description):
        if word.lower() in _AFTER_HEAD:
            break
        words.append(word)
    if len(words) < 2 or words[0].lower() not in _DETERMINERS:
        return False
    head = words[-1].lower()
    if head in ("one", "ones"):
        return True  # "the tall dark one": a person picked out among people
    lemmas = (head, head[:-1]) if head.endswith("s") else (head,)
    lemmas += (head[:-3] + "y",) if head.endswith("ies") else ()
    lemmas += (head[:-3] + "man",) if head.endswith("men") else ()
    if any(form in ORG_NOUNS for form in lemmas):
        return False
    return any(is_human_noun(form) for form in lemmas)


def speaker_kind(cluster: Cluster) -> str:
    """ "person", "org" (a body), "unnamed" (a source the text describes but does not name:
    "a senior official") or "document" ("the report", "a statement": a paper no issuer is
    given for)."""
    if cluster.kind == "person":
        return "person"
    paper = document_head(cluster.canonical) is not None
    if cluster.kind == "description":
        # "one of her ads", "A campaign TV ad": a source described by a paper is that paper
        return "document" if paper and cluster.head in PAPERS else "unnamed"
    if paper:
        return "document"
    return "unnamed" if described_human(cluster.canonical) else "org"
