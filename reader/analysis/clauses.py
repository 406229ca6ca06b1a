"""Where a word sits in its sentence, for how salient the person it names is: in the main
clause, in a clause below it, or in what a speech verb reports as someone's words.

Pure functions of tokens over a spaCy parse, each walking a few heads up (no more than
eight), so a sentence costs time in proportion to its words.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.analysis.syntax import is_speech_verb

if TYPE_CHECKING:
    from spacy.tokens import Token


def in_reported_clause(tok: Token) -> bool:
    """``tok`` sits in what a speech verb reports ("Cruz electrified the crowds, Stovall
    said"; "Trump, Sexton said, has created …"): the one reporting, not the one reported on,
    is whom a pronoun after it most likely means."""
    prev, t = tok, tok
    for _ in range(8):
        if (
            t is not tok
            and t.pos_ in ("VERB", "AUX")
            and any(
                c.dep_ == "parataxis" and c.i != prev.i and is_speech_verb(c) for c in t.children
            )
        ):
            return True
        if t.head.i == t.i:
            return False
        if t.dep_ == "ccomp" and is_speech_verb(t.head) and not _reports_news(t.head):
            return True
        prev, t = t, t.head
    return False


def clause_rank(tok: Token) -> int:
    """How far from the sentence's main clause ``tok`` sits, for the salience of a subject:
    0 in the main clause (or a speech verb set in it: "Trump, Sexton said, has …"), 1 in a
    clause below it, 2 in what a speech verb reports ("Cruz electrified the crowds, Stovall
    said")."""
    if in_reported_clause(tok):
        return 2
    v = tok.head
    for _ in range(8):
        if v.dep_ == "ROOT":
            return 0
        if not (
            v.dep_ == "conj"
            or (v.dep_ == "parataxis" and is_speech_verb(v))
            or (v.dep_ == "ccomp" and _reports_news(v.head))
        ):
            return 1
        v = v.head
    return 1


def _reports_news(verb: Token) -> bool:
    """ "…, Right Wing Watch first reported": a paper's report, whose story is about the one
    it reports on, as if the text told it itself."""
    return verb.lemma_.lower() == "report"


def fronted_topic(tok: Token) -> bool:
    """The person an "as for" puts first ("As for Trump, he said he is not worried"): what the
    sentence is about, as its subject would be."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ != "for" or prep.i == 0:
        return False
    as_ = prep.doc[prep.i - 1]
    return as_.lower_ == "as" and as_.i < as_.head.i  # put before its clause


def governing_names(verb: Token) -> list[Token]:
    """ "Cruz said as the heckler yelled": the names that are subjects of the clauses the
    adverbial clause of ``verb`` hangs from. A description that is the subject of ``verb``
    is not one of them (a writer would have said "he"); nor through a reported clause, whose
    words may name anyone ("Trump said, after Quick said the billionaire front-runner had")."""
    found: list[Token] = []
    v = verb
    for _ in range(8):
        if v.dep_ != "advcl" or v.head.i == v.i:
            break
        v = v.head
        found += [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "PROPN"]
    return found
