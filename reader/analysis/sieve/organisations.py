"""Rules for bodies and their papers: "the report said", "the company said", "Police said";
and the two ways a subject that looks like a body is a person after all."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.analysis.cues import Cue
from reader.analysis.evidence import issuing_verb
from reader.analysis.lexicon import (
    DOC_NOUNS,
    GROUP_NOUNS,
    ORG_NOUNS,
    PAPERS,
    SHARE_WORDS,
    word_set,
)
from reader.analysis.names import is_honorific, name_span
from reader.analysis.narrator import family_call
from reader.analysis.sieve.base import Discourse, Resolution
from reader.analysis.syntax import np_is_definite, np_span, token_span

if TYPE_CHECKING:
    from spacy.tokens import Token

    from reader.analysis.cluster import Cluster


def rule_document(cue: Cue, disc: Discourse) -> Resolution | None:
    """ "the report said": whoever issued the report, else the report as written. A paper
    made to be watched or read speaks for whoever the sentence says put it out ("Sanders is
    releasing an ad that urges …", "The Post ran a piece that noted …")."""
    subj = cue.subject
    if subj is None or subj.pos_ != "NOUN":
        return None
    lemma = subj.lemma_.lower()
    if lemma not in DOC_NOUNS:
        issuer = _paper_issuer(subj) if lemma in PAPERS else None
        author = _paper_author(issuer, disc) if issuer is not None else None
        if issuer is None or author is None:
            return None
        pron = issuer.pos_ == "PRON"
        return Resolution(author, token_span(issuer) if pron else np_span(issuer), pron)
    issuer = _issuer(subj)
    if issuer is not None:  # "Black Lives Matter issued a statement saying …": the issuer
        author = disc.find_or_create_author(issuer)
        if author is None and issuer.pos_ == "PROPN" and issuer.ent_type_ != "PERSON":
            author = disc.known_person(issuer) or disc.find_or_create_org(issuer)
        if author is not None:
            pron = issuer.pos_ == "PRON"
            return Resolution(author, token_span(issuer) if pron else np_span(issuer), pron)
    author = disc.find_or_create_document_author(subj)
    if author is not None:
        return Resolution(author, np_span(subj))
    return Resolution(disc.find_or_create_org(subj), np_span(subj))


#: Entity types of words that count or date things, which are never a body that speaks.
NOT_BODIES = frozenset(("PERCENT", "CARDINAL", "ORDINAL", "DATE", "TIME", "MONEY", "QUANTITY"))


def rule_poll(cue: Cue, disc: Discourse) -> Resolution | None:
    """ "In a CNN/ORC poll released Monday, 31% of Republicans said …", "The Q poll also finds
    that, while 37 percent of Americans say …": a share of the people asked speaks for the
    poll that asked them, the source the text gives."""
    subj = cue.subject
    if subj is None or not _share(subj):
        return None
    poll = _poll_of(cue.token, subj)
    if poll is None:
        return None
    author = disc.find_or_create_document_author(poll)
    return Resolution(author or disc.find_or_create_org(poll), np_span(poll))


def _share(subj: Token) -> bool:
    """ "75 percent of Democrats", "Six in 10 Republicans", "half of voters"."""
    return any(
        t.ent_type_ in ("PERCENT", "CARDINAL") or t.lemma_.lower() in SHARE_WORDS
        for t in subj.subtree
        if t.i <= subj.i
    )


def _poll_of(verb: Token, subj: Token) -> Token | None:
    """The poll or survey the sentence gives as the frame of the answer: in a phrase before
    the share ("In a … poll,", "according to a survey") or the subject of a clause the answer
    is part of ("The poll finds that …")."""
    above = {verb.i, *(a.i for a in verb.ancestors)}
    for t in verb.sent:
        if t.i >= subj.i or t.pos_ != "NOUN" or t.lemma_.lower() not in ("poll", "survey"):
            continue
        framing = t.dep_ == "pobj" and t.head.lower_ in ("in", "to", "by", "from")
        if framing or (t.dep_ == "nsubj" and t.head.i in above):
            return t
    return None


def _issuer(doc_noun: Token) -> Token | None:
    """The subject of the verb that issued the document in this sentence ("she issued a
    statement saying", "the group released a report finding")."""
    verb = issuing_verb(doc_noun)
    if verb is None or doc_noun.dep_ != "dobj":
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


#: Verbs by which someone puts out a paper of ``PAPERS`` that is not a document they
#: issue ("ran a piece", "is airing an ad"), beside the issuing verbs.
PUT_OUT_VERBS = word_set("run air launch release publish unveil post write produce")


def _paper_issuer(paper: Token) -> Token | None:
    """The subject of the verb that put the paper out, when the words are the paper's own
    through a relative clause ("an ad that urges"), whose words they are as the sentence
    gives them (``_paper_author`` says who it is)."""
    head = paper.head
    if paper.dep_ != "dobj" or head.lemma_.lower() not in PUT_OUT_VERBS:
        return None
    if not any(c.dep_ == "relcl" and c.i > paper.i for c in paper.children):
        return None
    return next((c for c in head.children if c.dep_ == "nsubj"), None)


def _paper_author(issuer: Token, disc: Discourse) -> Cluster | None:
    """Who put the paper out: a name ("The Post"); a person the text has named, though the
    tagger took the name for a common noun ("Sanders is releasing an ad", "Sanders" a plural);
    "he" or "she" resolved to a person. Not "it" or "they", nor a description ("the
    campaign", "a group"), which the sentence does not tie to one body."""
    if issuer.pos_ == "PROPN":
        return disc.find_or_create_author(issuer)
    if issuer.pos_ == "NOUN" and issuer.text[:1].isupper():
        return disc.known_person(issuer)
    if issuer.pos_ == "PRON" and issuer.lower_ in ("he", "she"):
        return disc.find_or_create_author(issuer)
    return None


def rule_organisation_description(cue: Cue, disc: Discourse) -> Resolution | None:
    """ "the company said": the organisation last named in the text."""
    subj = cue.subject
    if subj is None or subj.pos_ != "NOUN" or subj.lemma_.lower() not in ORG_NOUNS:
        return None
    if not np_is_definite(subj) or any(c.dep_ in ("compound", "poss") for c in subj.lefts):
        return None
    if _named_beside(subj) is not None:
        return None  # "The Israeli newspaper Haaretz noted": the body named, for the body rule
    org = disc.find_or_create_recent_org(subj)
    if org is None:
        return None
    return Resolution(org, np_span(subj))


def rule_known_name(cue: Cue, disc: Discourse) -> Resolution | None:
    """ "Vance said" with "Vance" tagged as anything but a person: a name the text already
    gave a person stays that person."""
    subj = cue.subject
    if subj is None or subj.pos_ not in ("PROPN", "NOUN"):
        return None
    if not subj.text[:1].isupper() or np_is_definite(subj):
        return None
    person = disc.known_person(subj)
    return Resolution(person, name_span(subj)) if person is not None else None


def rule_described_person(cue: Cue, disc: Discourse) -> Resolution | None:
    """ "the third-generation grower said": a definite noun that is no body is a person
    described, whatever the word."""
    subj = cue.subject
    if not _may_be_a_body(subj) or subj is None or _named_beside(subj) is not None:
        return None
    if subj.pos_ == "NOUN" and subj.is_lower and subj.lemma_.lower() in PAPERS:
        # "Harrowgate's official account posted": its owner; "The ad says": a paper, for
        # the body rule to name as written
        author = disc.find_or_create_document_author(subj)
        return Resolution(author, np_span(subj)) if author is not None else None
    if subj.lemma_.lower() in GROUP_NOUNS:  # "the crowd chanted": people, none named
        return Resolution(disc.find_or_create_unnamed_source(subj), np_span(subj))
    if (
        subj.pos_ == "NOUN"
        and not subj.ent_type_
        and subj.lemma_.lower() not in ORG_NOUNS
        and subj.tag_ == "NN"
    ):
        person = disc.resolve_description(subj, set())
        if person is not None and person.kind == "person":
            return Resolution(person, np_span(subj))
    return None


def rule_organisation(cue: Cue, disc: Discourse) -> Resolution | None:
    """ "the Church accused", "the airline said": an organisation speaks."""
    subj = cue.subject
    if not _may_be_a_body(subj) or subj is None:
        return None
    if family_call(subj.text):  # "said Pa.": a family's word (no body), whatever the text
        return _family_word(subj, disc)
    named = _named_beside(subj)
    if named is not None:  # "The book's publisher, Linden & Marsh, said": through the name
        start = np_span(subj)[0]
        end = named.right_edge.idx + len(named.right_edge.text)
        return Resolution(disc.find_or_create_org(named), (start, end))
    return Resolution(disc.find_or_create_org(subj), np_span(subj))


def _family_word(subj: Token, disc: Discourse) -> Resolution | None:
    """ '"…," said Pa.': a family's word alone is a person, though the tokenizer took "Pa."
    with its period for Pennsylvania (the period ends the sentence). Not only in a story
    (``story`` is not yet known at a book's first turns): no body is called "Pa" or "Ma"."""
    word = subj.text.rstrip(".")
    c = disc.registry.find_or_create_person(word, subj.idx + disc.offset)
    if c is None:
        return None
    if subj.i not in disc.mention_at:
        disc.record_mention(subj, c.id)
    return Resolution(c, (subj.idx, subj.idx + len(word)))


def _may_be_a_body(subj: Token | None) -> bool:
    """A name, or a noun that is a name, definite, or a body's bare collective noun."""
    if subj is None or subj.pos_ not in ("PROPN", "NOUN") or subj.ent_type_ in NOT_BODIES:
        return False
    if is_honorific(subj.text) and not np_is_definite(subj):
        # "said Mrs.": a form of address with its name lost, no body ("the old lady" is
        # someone described)
        return False
    return not (
        subj.pos_ == "NOUN" and not (subj.ent_type_ or np_is_definite(subj) or _bare_body(subj))
    )


def _named_beside(subj: Token) -> Token | None:
    """The name given beside a noun: "The book's publisher, Linden & Marsh"."""
    return next(
        (
            c
            for c in subj.rights
            if c.pos_ == "PROPN"
            and c.ent_type_ != "PERSON"
            and (c.dep_ == "appos" or (c.dep_ == "conj" and c.nbor(-1).text == ","))
        ),
        None,
    )


def _bare_body(tok: Token) -> bool:
    """ "Police said": a collective noun for a body, with no article, names that body."""
    return tok.lemma_.lower() in ORG_NOUNS and not any(
        c.dep_ in ("det", "poss", "nummod") for c in tok.children
    )
