"""Cues that end in a colon: a clause ("Duarte nodded: “…”") or a label with no verb
("Harrowgate goalkeeper Ollie Fenwick: “…”", "Polls agree - Ann Poll: “…”") says whose
the quote after it is."""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

from reader.analysis.cue_types import Cue
from reader.analysis.lexicon import (
    DOC_NOUNS,
    FEMALE_PRONOUNS,
    MALE_PRONOUNS,
    ORG_NOUNS,
    is_person_noun,
)
from reader.analysis.syntax import np_is_definite, verb_subject

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from reader.analysis.quotes import QuoteSpan
    from reader.analysis.references import DiscourseState


def before_space(doc: Doc, a: int) -> int:
    """The quote's first token, moved back over the whitespace tokens before it ("resisted:
    “…”" with two spaces), so that the colon is the token just before."""
    while a > 0 and doc[a - 1].is_space:
        a -= 1
    return a


def clause_before_colon(st: DiscourseState, a: int, inq: list[int]) -> Cue | None:
    """ "Duarte nodded: “Everything.”": a person's clause ended by a colon introduces the
    quote after it, whatever its verb."""
    doc = st.doc
    assert doc is not None
    a = before_space(doc, a)
    if a < 2 or doc[a - 1].text != ":" or inq[a - 1] >= 0:
        return None
    verb = doc[a - 1].head
    if verb.i >= a:
        verb = doc[a - 2]  # "Hale was blunt: the plan …": the colon hung from the verb after it
    for _ in range(3):
        # "makes a libertarian-style case:": the colon hangs from the object, or from the
        # quoted clause, which hangs from the verb
        if (verb.pos_ in ("VERB", "AUX") and verb.i < a) or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX") or verb.i >= a:
        return None
    subj = verb_subject(verb, lambda i: inq[i] >= 0)
    if subj is None or not (
        subj.ent_type_ == "PERSON"
        or subj.lower_ in MALE_PRONOUNS | FEMALE_PRONOUNS
        or (subj.pos_ == "PROPN" and st.known_person(subj) is not None)
        # "the receiver didn't hesitate: “…”"
        or (subj.pos_ == "NOUN" and np_is_definite(subj) and is_person_noun(subj.lemma_.lower()))
        # "the Illinois Board of Elections was conclusive in its findings: “…”", "Hoff's
        # letter makes a libertarian-style case: “…”": a body or a document speaks too
        or (subj.ent_type_ in ("ORG", "NORP") and subj.pos_ == "PROPN")
        or (
            subj.pos_ == "NOUN"
            and np_is_definite(subj)
            and subj.lemma_.lower() in DOC_NOUNS | ORG_NOUNS
        )
    ):
        return None
    return Cue(verb, verb.text, subj, contains=True)


#: The most words a label before a colon runs to.
LABEL_MAX = 16
#: What ends the text before a label in its paragraph: a spaced dash after a headline ("Polls
#: agree - Ann Poll: “…”") or the end of a sentence or quote ("Ann: “…” Bob: “…”").
LABEL_BREAKS = frozenset({"-", "–", "—", ".", "!", "?", "”", '"'})


def label_bounds(st: DiscourseState, qs: QuoteSpan, a: int) -> tuple[int, int]:
    """The tokens of the label before the quote at token ``a`` (the colon at the end, not
    in): from past the last break in its paragraph before the colon, else the paragraph's
    start."""
    doc = st.doc
    assert doc is not None
    colon = before_space(doc, a) - 1
    lo = bisect_left(st.starts, st.paras[qs.paragraph - st.para_first][0] - st.offset)
    for j in range(colon - 1, max(lo, colon - LABEL_MAX - 1) - 1, -1):
        t = doc[j]
        spaced = t.whitespace_ and j > 0 and doc[j - 1].whitespace_
        if t.text in LABEL_BREAKS and (t.text not in "-–—" or spaced):
            return j + 1, colon
    return lo, colon


def label_before_colon(st: DiscourseState, qs: QuoteSpan, a: int, inq: list[int]) -> Cue | None:
    """ "Harrowgate goalkeeper Ollie Fenwick: “…”": a paragraph that names a person and a
    colon, with no verb, labels the quote after it (the "What they said" style)."""
    doc = st.doc
    assert doc is not None
    a = before_space(doc, a)
    if a < 1 or doc[a - 1].text != ":" or inq[a - 1] >= 0:
        return None
    lo, colon = label_bounds(st, qs, a)
    label = doc[lo:colon]
    # (a name in capitals is often tagged a verb: "HOLLISTER:")
    if not 0 < len(label) <= LABEL_MAX or any(
        t.pos_ in ("VERB", "AUX") and not t.is_upper for t in label
    ):
        return None
    for t in label:
        if t.is_upper and t.is_alpha and len(label) == 1 and st.known_person(t) is not None:
            return Cue(t, ":", t, contains=True)  # a transcript: "HOLLISTER: “No.”"
        if t.pos_ != "PROPN" or (t.dep_ in ("compound", "flat") and t.head.i > t.i):
            continue
        if t.ent_type_ == "PERSON" or st.known_person(t) is not None:
            return Cue(t, ":", t, contains=True)
    return issuer_label(label)


def issuer_label(label: Span) -> Cue | None:
    """ "Polls agree - HuffPollster: “…”", "From the report: “…”": a label that names a body
    or a document labels the quote too (after the people, which come first); after a
    headline's spaced dash, a label of a few capitalised words is whoever wrote what follows,
    tagged or not ("- Pew Research:", "- Philip Bump:")."""
    doc = label.doc
    dashed = label.start > 0 and doc[label.start - 1].text in ("-", "–", "—")
    if dashed and len(label) <= 4 and all(t.is_alpha and t.text[:1].isupper() for t in label):
        return Cue(label[-1], ":", label[-1], contains=True)
    for t in label:
        if t.dep_ in ("compound", "flat") and label.start <= t.head.i < label.end:
            continue
        if t.dep_ == "pobj" and t.head.lower_ != "from":
            continue  # "Then, later that month on CNN:": where it was said, not who said it
        body = t.pos_ == "PROPN" and t.ent_type_ == "ORG"
        paper = t.pos_ == "NOUN" and t.lemma_.lower() in DOC_NOUNS and np_is_definite(t)
        if body or paper:
            return Cue(t, ":", t, contains=True)
    return None


#: Dashes that open a signature line after a quote ("- Bernie Sanders.").
DASHES = ("-", "–", "—")


def signed_after(st: DiscourseState, qs: QuoteSpan, b: int) -> Cue | None:
    """ "“… the top 1 percent.”" then a line "- Bernie Sanders." or "-President Obama,
    tweeting after the speech.": the line after a quote that ends its paragraph, opening with
    a dash and a name, signs the quote (the fact-checker's and the notebook's style)."""
    doc = st.doc
    assert doc is not None
    j = b + 1
    while j < len(doc) and doc[j].is_space:
        j += 1
    nxt = qs.paragraph - st.para_first + 1
    if j >= len(doc) or nxt >= len(st.paras) or doc[j].idx + st.offset != st.paras[nxt][0]:
        return None
    first = doc[j]
    if first.text in DASHES:
        j += 1
    elif not (first.text[:1] in DASHES and first.text[1:2].isupper()):
        return None
    k = j
    while (
        k < len(doc)
        and k - j < 4
        and doc[k].pos_ == "PROPN"
        and doc[k].text.lstrip("-–—")[:1].isupper()
    ):
        k += 1
    ends = k < len(doc) and doc[k].text in (",", ".")
    if k == j or not ends or doc[k - 1].idx + st.offset >= st.paras[nxt][1]:
        return None
    return Cue(doc[k - 1], "-", doc[k - 1], contains=True)
