"""Who issued a document and who heard the words: "X released its report" and "a statement
from the board" for "the report said" later, and "told The Courier", a body that heard the
words rather than spoke them, for "the company said"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.analysis import evidence as ev
from reader.analysis.lexicon import ORG_NOUNS
from reader.analysis.names import fold
from reader.analysis.syntax import is_speech_verb, np_is_definite, np_span

if TYPE_CHECKING:
    from spacy.tokens import Token

    from reader.analysis.references import DiscourseState


def note_document(st: DiscourseState, t: Token, lemma: str) -> None:
    """Remember who issued a document ("X released its report") for "the report said"."""
    if t.tag_ == "NNS":
        return  # "she wrote reports on each": no word on who issued "the report"
    candidates = [c for c in t.children if c.dep_ == "poss" and ev.can_author(c)]
    agent = ev.by_agent(t)  # "a report by the Lakeshore Policy Center"
    if agent is not None:
        candidates.append(agent)
    source = from_source(t)  # "a statement from the board"
    if source is not None:
        if source.pos_ == "NOUN" and st.find_or_create_author(source) is None:
            s, e = np_span(source)  # no body named that it stands for: the board as worded
            name = st.local(s, e)
            st.record_org(s + st.offset, name, False, frozenset(fold(name).split()))
        candidates.append(source)
    # "a Department of Energy readout", "a Pentagon statement"
    candidates += [c for c in t.lefts if c.dep_ in ("compound", "nmod") and ev.can_author(c)]
    verb = ev.issuing_verb(t)
    if verb is None and t.dep_ == "pobj" and t.head.lower_ == "in" and t.i < t.head.head.i:
        # "In a statement released Wednesday, Varga praised …": whoever acts after it
        verb = t.head.head if t.head.head.pos_ == "VERB" else None
    if verb is not None:
        candidates += [c for c in verb.children if c.dep_ == "nsubj"]
    for author in candidates:
        cl = st.find_or_create_author(author)
        if cl is not None:
            st.doc_authors[lemma] = cl.id
            return


def told_to(t: Token) -> bool:
    """ "later told The Courier", "said to Reuters", "in an interview with CNN": the name is
    who heard the words, the object of telling or of a preposition after a speech verb."""
    head = t.head
    if t.dep_ in ("dobj", "dative") and head.lemma_.lower() == "tell":
        return True
    if t.dep_ != "pobj" or head.lower_ not in ("to", "with"):
        return False
    verb = head.head
    return is_speech_verb(verb) or verb.lemma_.lower() in ("interview", "speak", "talk")


def from_source(tok: Token) -> Token | None:
    """ "a statement from the board", "a letter from Acme": the body or name a document
    comes from, its issuer (a body described needs "the": "a letter from a friend" is not)."""
    for prep in tok.rights:
        if prep.dep_ != "prep" or prep.lower_ != "from":
            continue
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is None:
            return None
        if ev.can_author(obj):
            return obj
        body = obj.pos_ == "NOUN" and obj.lemma_.lower() in ORG_NOUNS and obj.tag_ == "NN"
        return obj if body and np_is_definite(obj) else None
    return None
