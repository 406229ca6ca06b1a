"""What a parsed sentence shows about names, people, bodies and documents.

Small pure functions over spaCy tokens that stage 1 (mentions.py) asks while reading: is this
proper name a person the tagger missed, which organisation does this span name, who issued
this document. They keep no state; the discourse state keeps what the text has said so far.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.analysis.described import age_of, age_word
from reader.analysis.lexicon import (
    FEMALE_NOUNS,
    ISSUE_VERBS,
    MALE_NOUNS,
    ORG_NAME_ENDINGS,
    ORG_NOUNS,
    ORG_POSSESSIONS,
    PERSON_NOUNS,
    RELATION_NOUNS,
    SPEECH_VERBS,
    TITLES,
    WORK_NOUNS,
    is_person_noun,
)
from reader.analysis.names import first_names, fold, hyphenated_end, is_role_word
from reader.analysis.syntax import is_subject

if TYPE_CHECKING:
    from spacy.tokens import Token


def age_beside(ent) -> int | None:
    """ "Gregory Dunmore, 52," or "52-year-old Gregory Dunmore": the age the text gives."""
    doc = ent.doc
    e = ent.end
    if (
        e + 2 < len(doc)
        and doc[e].text == ","
        and doc[e + 1].text.isdigit()
        and doc[e + 2].text in (",", ".", ";")
        and int(doc[e + 1].text) < 120
    ):
        return int(doc[e + 1].text)
    if ent.start > 0:
        before = doc[ent.start - 1]
        if age_word(before):
            return age_of(before)
    return None


def issuing_verb(doc_noun: Token) -> Token | None:
    """The verb by which a document was issued: "X released a report", "X said in a
    statement"."""
    head = doc_noun.head
    if doc_noun.dep_ == "dobj" and head.lemma_.lower() in ISSUE_VERBS:
        if head.lemma_.lower() == "put" and not any(
            c.dep_ == "prt" and c.lower_ == "out" for c in head.children
        ):
            return None  # "put the statement on its website": placed, not issued
        return head
    if (
        doc_noun.dep_ == "pobj"
        and head.lower_ == "in"
        and head.head.pos_ in ("VERB", "AUX")
        and head.head.lemma_.lower() in SPEECH_VERBS | ISSUE_VERBS
    ):
        return head.head
    return None


def entity_span(tok: Token) -> tuple[int, int] | None:
    """Character span of the named organisation a token lies in ("the National Association of
    Counties", where the parser's noun phrase stops at "Association")."""
    if tok.ent_type_ not in ("ORG", "GPE", "NORP", "FAC") or tok.ent_iob_ == "O":
        return None
    doc = tok.doc
    s = tok.i
    while s > 0 and doc[s].ent_iob_ == "I":
        s -= 1
    e = tok.i + 1
    while e < len(doc) and doc[e].ent_iob_ == "I":
        e += 1
    if e - s > 8:
        return None
    if s > 0 and doc[s].lower_ != "the" and doc[s - 1].lower_ == "the":
        s -= 1  # "the Church": the article as written
    return doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)


def person_evidence(root: Token, start: int, end: int) -> bool:
    """A proper name the tagger did not call a person that the text shows is one: beside a
    noun for a person, after one ("goalkeeper Ollie Fenwick"), or given an age ("Gregory
    Dunmore, 52,")."""
    if named_in_apposition(root) or any(
        c.dep_ == "appos" and c.pos_ == "NOUN" and is_person_noun(c.lemma_.lower())
        for c in root.rights
    ):  # "her mother, Ana Ruiz" or "Marcus Feld, a physician"
        return True
    doc = root.doc
    k = start - 1
    while k >= 0 and doc[k].pos_ == "PROPN" and doc[k].dep_ == "compound":
        k -= 1  # "Harrowgate goalkeeper": a team name before the role is fine
    if k >= 0 and k < start:
        before = doc[k]
        if (
            before.pos_ in ("NOUN", "PROPN")
            and not before.ent_type_
            and (
                before.lower_ in PERSON_NOUNS or (before.is_lower and is_person_noun(before.lower_))
            )
            and before.dep_ == "compound"
            and start <= before.head.i < end
        ):
            return True
    ent_like = doc[start:end]
    return age_beside(ent_like) is not None and not any(t.like_num for t in ent_like)


def org_words(ent) -> frozenset[str]:
    """Words that can stand for an organisation later: its name's words and the noun the
    text sets beside it ("the insurer NFU Mutual", "Northgate, the utility,")."""
    words = set(fold(ent.text).split())
    doc = ent.doc
    if ent.start > 0 and doc[ent.start - 1].pos_ == "NOUN":
        words.add(doc[ent.start - 1].lemma_.lower())
    words.update(
        c.lemma_.lower() for c in ent.root.children if c.dep_ == "appos" and c.pos_ == "NOUN"
    )
    return frozenset(words)


def untagged_full_name_subject(t: Token, start: int, end: int) -> bool:
    """ "Sunita Raman of Westbrook was more forgiving": two or three capitalised words the
    tagger left unlabelled, as a clause's subject, are most often a person it missed."""
    doc = t.doc
    words = [
        w for w in doc[max(0, t.i - 5) : t.i + 1] if start <= w.idx < end and w.text != "-"
    ]  # ("Tamara Reyes-Whitfield": the hyphen joins, it is no word)
    first = words[0].i if words else t.i
    return (
        is_subject(t)
        and 2 <= len(words) <= 3
        and not (first > 0 and doc[first - 1].lower_ == "the")  # "The Salt Ledger draws …"
        and all(w.is_alpha and w.is_title and not w.ent_type_ and w.pos_ == "PROPN" for w in words)
        and fold(words[0].text) not in TITLES
        and not any(w.lower_ in PERSON_NOUNS for w in words)
    )


def with_hyphenated_tail(ent):
    """ "Ortega-Baines" tagged only as far as "Ortega": the name runs on through a hyphen
    with no space either side; "Janelle" tagged without "Fitzhugh", the untagged proper noun
    it modifies."""
    doc = ent.doc
    end = ent.end
    last = ent[-1]
    if (
        end < len(doc)
        and last.dep_ in ("compound", "flat")
        and last.head.i == end
        and doc[end].pos_ == "PROPN"
        and not doc[end].ent_type_
        and doc[end].text[:1].isupper()
        and doc[end].lower_ not in PERSON_NOUNS | ORG_NOUNS
    ):
        end += 1
    end = hyphenated_end(doc[end - 1]) + 1
    return ent if end == ent.end else entity(doc, ent.start, end, ent.label_)


def named_relative(ent) -> bool:
    """ "His daughter, Tamika Pruitt": a name given as somebody's relative."""

    root = ent.root
    head = root.head if root.dep_ in ("appos", "compound", "nsubj") else None
    if head is None or head.i == root.i:
        return False
    return head.lemma_.lower() in MALE_NOUNS | FEMALE_NOUNS and any(
        c.dep_ == "poss" for c in head.children
    )


def described_body(tok: Token) -> bool:
    """ "The Russian foreign ministry rejected …": a body the text names by what it is and
    whose it is, as a subject, for a later "it said" or "the ministry said"."""
    return (
        tok.dep_ in ("nsubj", "nsubjpass")
        and tok.tag_ == "NN"
        and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.lefts)
        and any(
            c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE", "ORG")
            for c in tok.lefts
        )
    )


def not_a_person(ent) -> str | None:
    """What a name the tagger called a person shows it is instead: "ORG" for "Furrow Labs",
    "the CEO of Furrow Labs" or "Furrow Labs, a startup"; "GPE" for "grew up in Enugu"."""
    root = ent.root
    head = root.head
    if ent[-1].lower_ in ORG_NAME_ENDINGS or (
        len(ent) > 1 and ent[-1].lower_ in ORG_NOUNS and ent[-1].lower_ not in PERSON_NOUNS
    ):
        return "ORG"
    if any(
        c.dep_ == "appos" and c.pos_ == "NOUN" and c.lemma_.lower() in ORG_NOUNS
        for c in root.rights
    ):
        return "ORG"
    if root.dep_ == "poss" and head.lemma_.lower() in ORG_POSSESSIONS:
        return "ORG"  # "Marches Water's chief executive"
    nxt = ent.end
    doc = ent.doc
    if nxt + 1 < len(doc) and doc[nxt].text == "," and doc[nxt + 1].lower_ == "which":
        return "ORG"  # "Marches Water, which serves 1.4 million customers": a thing
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN":
        role = head.head.lemma_.lower()
        if is_person_noun(role) and role not in RELATION_NOUNS:
            return "ORG"
    if (
        len(ent) == 1
        and root.dep_ == "pobj"
        and head.lower_ in ("in", "near", "outside")
        and head.head.pos_ == "VERB"
    ):
        return "GPE"
    return None


def entity(doc, start: int, end: int, label: str):
    """An entity span over doc[start:end] (spaCy imported here, as the engine needs it)."""
    from spacy.tokens import Span

    return Span(doc, start, end, label=label)


def relabelled(ent, label: str):
    """The same words as an entity of another type."""
    return entity(ent.doc, ent.start, ent.end, label)


def name_after_title(ent):
    """ "Assistant Summit County Prosecutor Renata Vukovich" tagged as one organisation: the
    two or three capitalised words after a role word are a person's name."""

    doc = ent.doc
    for k in range(ent.end - 3, ent.start - 1, -1):
        if not is_role_word(doc[k].text):
            continue
        tail = doc[k + 1 : ent.end]
        if len(tail) <= 3 and all(
            t.pos_ == "PROPN"
            and t.text[:1].isupper()
            and t.tag_ != "NNPS"
            and t.lemma_.lower() not in PERSON_NOUNS | ORG_NOUNS
            for t in tail
        ):
            return entity(doc, k + 1, ent.end, "PERSON")
        return None
    return None


def name_start(ent) -> int:
    """Where a person's name starts: the tagger sometimes leaves off a first name
    ("Gregory Allan Dunmore" tagged from "Allan"). A capitalised word glued before a name
    that already starts with a first name is a first name too or no part of it ("on Harvest
    Thanksgiving Tony read the lessons")."""
    doc = ent.doc
    first = ent.start
    given = first_names()
    while (
        first > 0
        and (fold(doc[first - 1].text) in given or fold(doc[first].text) not in given)
        and ent.start - first < 2
        and doc[first - 1].pos_ == "PROPN"
        and doc[first - 1].ent_iob_ == "O"
        and doc[first - 1].dep_ in ("compound", "flat")
        and doc[first - 1].text[:1].isupper()
        and doc[first - 1].is_alpha
        and doc[first - 1].lower_ not in PERSON_NOUNS
        and fold(doc[first - 1].text) not in TITLES
    ):
        first -= 1
    lead = doc[first]
    if lead.tag_ == "MD" and lead.dep_ == "aux" and lead.head.tag_ == "VB" and first + 1 < ent.end:
        first += 1  # "Will Sanders come down?": a question's modal, not the first name Will
    return first


def named_in_apposition(tok: Token) -> bool:
    """ "her mother, Ana Ruiz": a proper noun set beside a noun for a person names a person."""
    head = tok.head
    return (
        tok.dep_ == "appos"
        and tok.pos_ == "PROPN"
        and head.pos_ == "NOUN"
        and head.i < tok.i
        and is_person_noun(head.lemma_.lower())
    )


AUTHOR_LABELS = frozenset(("PERSON", "ORG", "GPE", "NORP", ""))


def can_author(tok: Token) -> bool:
    """A name that can issue a document: not a date ("Tuesday's report") or a number."""
    return tok.pos_ == "PROPN" and tok.ent_type_ in AUTHOR_LABELS


def by_agent(tok: Token) -> Token | None:
    """The name in a document's "by" phrase (its author), or in apposition to its object;
    also through a participle ("a guide written by the company")."""
    for acl in tok.rights:
        if acl.dep_ == "acl" and acl.tag_ == "VBN":
            for agent in acl.children:
                if agent.dep_ == "agent":
                    obj = next((c for c in agent.children if c.dep_ == "pobj"), None)
                    if obj is not None and (obj.pos_ == "PROPN" or obj.lemma_.lower() in ORG_NOUNS):
                        return obj
    for prep in tok.rights:
        if prep.dep_ != "prep" or prep.lower_ != "by":
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            if can_author(obj):
                return obj
            return next((c for c in obj.rights if c.dep_ == "appos" and can_author(c)), None)
    return None


def names_a_work(ent) -> bool:
    """ "her fifth novel, Salt Ledger," or "the film Night Train": a title, not a person; so is
    a name set in italics marks ("the New York _Herald_ bureau")."""
    doc = ent.doc
    root = ent.root
    if in_italics(ent):
        return True
    if root.dep_ == "appos" and root.head.lemma_.lower() in WORK_NOUNS:
        return True
    k = ent.start - 1
    while k >= 0 and doc[k].lower_ in (",", "the", "–", "—", "-"):
        k -= 1
    return k >= 0 and doc[k].lemma_.lower() in WORK_NOUNS and doc[k].pos_ == "NOUN"


#: How plain text marks italics (a title of a paper, a book, a ship).
_ITALICS = frozenset(("_", "*"))


def in_italics(ent) -> bool:
    """A name set between italics marks glued to it ("_Herald_", "_The Times_")."""
    doc = ent.doc
    k = ent.start - 1
    while k >= 0 and ent.start - k <= 3 and doc[k].is_title and doc[k].whitespace_:
        k -= 1  # "_The Times_": the words before the name inside the marks
    return (
        k >= 0
        and doc[k].text in _ITALICS
        and not doc[k].whitespace_
        and ent.end < len(doc)
        and doc[ent.end].text == doc[k].text
        and not doc[ent.end - 1].whitespace_
    )


def is_family(ent) -> bool:
    """ "the Finneys", "the Finney's home": a family, not a person; "the Mohammedan doctor":
    one word after an article that describes a person, not a name."""
    doc = ent.doc
    if ent.start == 0 or doc[ent.start - 1].lower_ not in ("the", "a", "an"):
        return False
    if doc[ent.start - 1].lower_ == "the" and ent.text.endswith(("s", "’s", "'s")):
        return True
    word = ent[-1]
    return (
        len(ent) == 1
        and word.dep_ in ("amod", "compound")
        and word.head.i > word.i
        and word.head.pos_ == "NOUN"
        and is_person_noun(word.head.lemma_.lower())
    )
