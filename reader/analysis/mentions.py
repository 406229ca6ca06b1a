"""Stage 1, the mentions: each sentence outside the quotes, read once in order. Entities get
their labels corrected (a company the tagger called a person, a person it called a place),
people, descriptions, organisations and documents are recorded in the discourse state, and a
pronoun teaches the gender of the person it stands for. One function per kind of word.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

from reader.analysis import evidence as ev
from reader.analysis.batch_people import tagged_person_elsewhere
from reader.analysis.clauses import governing_names
from reader.analysis.ent_bounds import without_verb
from reader.analysis.genders import (
    gender_from_apposition,
    gender_from_relation,
    read_subject_pronoun,
)
from reader.analysis.headings import heading_or_byline, headline_role, title_case_line
from reader.analysis.issuers import note_document, told_to
from reader.analysis.lexicon import (
    DOC_NOUNS,
    FEMALE_NOUNS,
    MALE_NOUNS,
    ORG_NOUNS,
    PERSON_NOUNS,
    is_person_noun,
)
from reader.analysis.marked import mark_of
from reader.analysis.name_evidence import (
    known_first_name,
    listed_with_person,
    proper_word,
    trusted_span,
)
from reader.analysis.name_roles import role_found
from reader.analysis.names import after_the, fold, is_honorific, name_span, strip_possessive
from reader.analysis.narrator import narrator_subject
from reader.analysis.newcomers import new_in_story, story_noun
from reader.analysis.offices import names_an_office
from reader.analysis.owned_roles import owned_role
from reader.analysis.proxies import named_beside, own_proxy, speaks_for_another
from reader.analysis.rank_naming import name_by_rank
from reader.analysis.ranked_names import is_rank, rank_of
from reader.analysis.roles import described_role
from reader.analysis.surname_nouns import surname_noun
from reader.analysis.syntax import (
    is_speech_verb,
    is_subject,
    np_is_definite,
    np_span,
    verb_subject,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from reader.analysis.clusters import Cluster
    from reader.analysis.references import DiscourseState


def read_sentence(st: DiscourseState, sent: Span, ents: list[Span], inq: list[int]) -> None:
    """Read one sentence outside its quotes: its entities, then its other words by kind."""
    seen: list[int] = []  # the clusters named as subjects, for a pronoun's gender
    for ent in ents:
        read_entity(st, ent, inq, seen)
    for t in sent:
        if inq[t.i] < 0:
            read_token(st, t, sent, seen)


def read_entity(st: DiscourseState, ent: Span, inq: list[int], seen: list[int]) -> None:
    """A tagged entity, its label corrected: a person mentioned, an organisation named."""
    doc = st.doc
    assert doc is not None
    if names_an_office(ent):
        return
    cut = without_verb(ent, title_case_line(st, ent))
    if cut is None:
        return
    ent = cut
    off = st.offset
    reg = st.registry
    if ent.label_ == "PERSON":
        ent = ev.with_hyphenated_tail(ent)
    if ent.label_ in ("PERSON", "ORG", "GPE", "NORP", "FAC") and len(ent) >= 3:
        ent = ev.name_after_title(ent) or ent
    if ent.label_ == "PERSON":
        label = st.non_person.get(fold(strip_possessive(ent.text)))
        if (
            label is None
            and len(ent) == 1
            and reg.find_person(ent.text, strict=True) is None
            and st.orgs.longer_name(ent.text) is not None
        ):
            label = "ORG"  # "Vantara" after "Vantara Micro Devices"
        if label is not None:
            ent = ev.relabelled(ent, label)
    if inq[ent.start] >= 0 or inq[ent.end - 1] >= 0:
        known = st.person_in_quote(ent.text) if ent.label_ == "PERSON" else None
        st.record_entity(ent, known.id if known is not None else None)
        return
    cid = None
    person = ent.label_ == "PERSON" or (
        ent.label_ in ("ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT")
        and proper_word(ent.root)
        and reg.find_person(ent.text, strict=True) is None
        and (
            ev.person_evidence(ent.root, ent.start, ent.end)
            or listed_with_person(ent.root)
            or (ent.label_ in ("ORG", "PRODUCT", "NORP") and known_first_name(ent))
        )
    )
    if ev.names_a_work(ent) or fold(ent.text) in st.works:
        st.works.add(fold(ent.text))  # "her novel, The Salt Ledger," and after
        person = False
    if person and not ev.is_family(ent) and not heading_or_byline(st, ent):
        headline = title_case_line(st, ent)
        first, last = trusted_span(
            ent, ev.name_start(ent), st.text, st.offset, headline, st.registry.common
        )
        before = doc[first - 1].text if first > 0 else ""
        if is_honorific(before) or (st.novel and is_rank(before)):
            first -= 1  # "Mr. Halvorsen": the title tells the gender; in a story a rank keeps
            # "Major Callendar" from the Mrs. Callendar before him (``titles_apart``)
        c = reg.find_or_create_person(
            doc[first:last].text,
            doc[first].idx + off,
            relative=ev.named_relative(ent),
        )
        if c is not None:
            cid = c.id
            # each title given counts for "the senator" later (the first stays shown); a
            # headline's capitals make none ("This Big-Name Senator Endorsed Trump")
            found = role_found(doc, ent.start, ent.end)
            role, words = headline_role((found.role, found.words), headline)
            if c.role is None or c.role_group:
                role = owned_role(st, ent.start, ent.end, c, role)
            c.set_role(role, words, found.group)
            rank = rank_of(doc, first, last) if st.novel else None
            if rank is not None and name_by_rank(c, rank):
                reg.changed.add(c.id)  # "Colonel Ducroix", as the book names him
            gender_from_apposition(st, ent, c)
            if c.age is None:
                c.age = ev.age_beside(ent)
    elif ent.label_ in ("ORG", "GPE", "NORP", "PRODUCT", "WORK_OF_ART", "FAC", "LOC"):
        c = reg.find_person(ent.text, strict=True) if ent.root.pos_ == "PROPN" else None
        if c is not None and len(ent) == 1 and after_the(ent.root, c.canonical):
            c = None  # "the Church": a body, not George Church
        cid = c.id if c is not None else None
        # "The Corrales Basin Water Authority" tagged a work of art: a name that ends
        # in a word for a body is an organisation, whatever the tagger said.
        if (
            cid is None
            and (ent.label_ == "ORG" or ent[-1].lower_ in ORG_NOUNS)
            and ent[-1].lower_ not in PERSON_NOUNS  # "the MEP" tagged ORG
        ):
            st.record_org(
                ent.start_char + off,
                st.orgs.longer_name(ent.text) or ent.text,
                is_subject(ent.root),
                ev.org_words(ent),
                audience=told_to(ent.root),
            )
    st.record_entity(ent, cid, "PERSON" if person and cid is not None else None)
    if cid is not None:
        st.record_mention(ent.root, cid)
        # Only a subject teaches a later pronoun its gender: in "since Zhang's patent
        # came out, she left" the "she" is somebody else.
        if is_subject(ent.root):
            seen.append(cid)


def read_token(st: DiscourseState, t: Token, sent: Span, seen: list[int]) -> None:
    """A word outside the entities, by kind: a name or body the tagger missed, a person or
    a document described, a possessive or a subject pronoun."""
    pos = t.pos_
    if pos == "PROPN" and not t.ent_type_ and t.lower_ in DOC_NOUNS:
        note_document(st, t, t.lower_)  # "a Department of Energy readout", mis-tagged
    elif pos == "PROPN" and not t.ent_type_ and t.lower_ in ORG_NOUNS:
        untagged_body(st, t)
    elif pos == "PROPN" and not t.ent_type_ and t.i not in st.mention_at:
        cid = untagged_name(st, t)
        if cid is not None and is_subject(t):
            seen.append(cid)
    elif pos == "NOUN" and (cid := surname_noun(st, t)) is not None:
        seen.append(cid)  # "Sanders" tagged a plural noun
    elif pos == "NOUN":
        read_noun(st, t, seen)
    elif (
        pos == "PRON"
        and t.dep_ == "poss"
        and t.lower_ in ("his", "her")
        and t.head.lemma_.lower() in MALE_NOUNS | FEMALE_NOUNS
    ):
        gender_from_relation(st, t, sent)
    elif pos == "PRON" and t.dep_ in ("nsubj", "nsubjpass"):
        if (me := narrator_subject(st, t)) is not None:
            st.record_mention(t, me, subject=True)  # "I turned to her": as "he" would
        else:
            read_subject_pronoun(st, t, seen, sent.start)


def read_noun(st: DiscourseState, t: Token, seen: list[int]) -> None:
    """A common noun: a person described, a document, or a body described."""
    lemma = t.lemma_.lower()
    person = is_person_noun(lemma) or (st.novel and (mark_of(t) is not None or story_noun(t)))
    if person and t.tag_ == "NN" and t.dep_ != "compound":
        cid = description_mention(st, t)
        if cid is not None:
            seen.append(cid)
    elif lemma in DOC_NOUNS:
        note_document(st, t, lemma)
    elif lemma in ORG_NOUNS and ev.described_body(t):
        s, e = np_span(t)
        name = st.local(s, e)
        st.record_org(s + st.offset, name, True, frozenset(fold(name).split()))


def note_reported_speech(st: DiscourseState, sent: Span, inq: list[int]) -> None:
    """Remember who a paragraph says said something, for a quote that opens the next."""
    inside = lambda i: inq[i] >= 0  # noqa: E731
    for t in sent:
        if inq[t.i] >= 0 or not is_speech_verb(t):
            continue
        subj = verb_subject(t, inside)
        if subj is None:
            continue
        cid = st.mention_at.get(subj.i)
        if cid is None:
            cid = next(
                (
                    st.mention_at[c.i]
                    for c in subj.children
                    if c.dep_ == "appos" and c.i in st.mention_at
                ),
                None,
            )
        if cid is None or st.registry.clusters[cid].kind == "org":
            continue
        st.speakers_at[t.i] = cid
        para = bisect_right(st.para_starts, t.idx + st.offset) - 1
        st.reported[st.para_first + para] = cid


def untagged_body(st: DiscourseState, t: Token) -> None:
    """ "The Rivers and Floodplain Authority", untagged: capitalised words ending in a word
    for a body name an organisation, for "the authority" and "the RFA" later."""
    doc = t.doc
    if t.i + 1 < len(doc) and doc[t.i + 1].pos_ == "PROPN" and doc[t.i + 1].is_title:
        return  # not the name's last word
    s = t.i
    while s > 0:
        prev = doc[s - 1]
        word = prev.is_title and prev.pos_ == "PROPN" and not prev.ent_type_
        joiner = (
            prev.lower_ in ("and", "of", "for", "&")
            and s > 1
            and doc[s - 2].is_title
            and doc[s - 2].pos_ == "PROPN"
        )
        if not (word or joiner):
            break
        s -= 1
    if s == t.i:
        return
    name = st.local(doc[s].idx, t.idx + len(t.text))
    st.record_org(doc[s].idx + st.offset, name, is_subject(t), frozenset(fold(name).split()))


def untagged_name(st: DiscourseState, t: Token) -> int | None:
    """A name the tagger missed: a person named before ("Okafor put it bluntly"), or one
    given in apposition to a person noun ("Her mother, Ana Ruiz, said")."""
    if t.dep_ in ("compound", "flat") and t.head.pos_ == "PROPN" and t.head.i > t.i:
        return None  # the name's last word speaks for it
    s, e = name_span(t)
    s = _after_calling(t, s)
    surface = st.local(s, e)
    c = st.registry.find_person(surface)
    if c is None and (
        (len(surface.split()) > 1
         and (ev.person_evidence(t, t.i, t.i + 1) or ev.untagged_full_name_subject(t, s, e)))
        or (is_subject(t) and tagged_person_elsewhere(st, t, surface))  # "Whitfield confronted"
    ):
        c = st.registry.find_or_create_person(surface, s + st.offset)
        if c is not None and not c.role_words:
            _set_role(st, c, _first_word(t, s), t.i + 1)
    if c is None or c.kind != "person":
        return None
    if c.role is None or c.role_group:
        # "That's because Doudna, a structural biologist at …": a role given at a later
        # mention the tagger left unlabelled is the person's role all the same
        _set_role(st, c, _first_word(t, s), t.i + 1)
    st.record_mention(t, c.id)
    span = t.doc.char_span(s, e, label="PERSON", alignment_mode="expand")
    if span is not None:
        st.record_entity(span, c.id)  # listed and counted as the tagged names are
    return c.id


def _after_calling(t: Token, s: int) -> int:
    """ "Nurse Linda Park": a capitalised word for a calling before an untagged full name is
    the person's role, not the name's first word (doc-local char ``s`` moved past it)."""
    k = _first_word(t, s)
    while k < t.i - 1 and is_person_noun(t.doc[k].lower_) and t.doc[k].is_title:
        k += 1
    return t.doc[k].idx


def _set_role(st: DiscourseState, c: Cluster, start: int, end: int) -> None:
    """The role the name at tokens start..end is given, as the person's."""
    found = role_found(st.doc, start, end)
    c.set_role(owned_role(st, start, end, c, found.role), found.words, found.group)


def _first_word(t: Token, s: int) -> int:
    """The token that opens the name ending at ``t``, which starts at doc-local char ``s``."""
    return next(k for k in range(t.i, -1, -1) if t.doc[k].idx <= s)


def description_mention(st: DiscourseState, t: Token) -> int | None:
    """A person named by role: attached to a name it is a role, else a mention of its own."""
    for c in t.children:
        if c.pos_ == "PROPN" and (c.dep_ == "appos" or c.ent_type_ == "PERSON"):
            return None
    if (t.dep_ == "appos" and t.head.pos_ == "PROPN") or named_beside(t):
        return None  # "Jo Hart, the mayor"; "a spokesman for Halden Corp, John Reyes,"
    if any(c.dep_ == "poss" and c.lower_ == "its" for c in t.children):
        return None  # "its flagship agent": a thing's, not a person
    if any(c.dep_ == "det" and c.lower_ in ("no", "neither") for c in t.children):
        return None  # "no other secretary of state had …": nobody
    doc = t.doc
    after = t.right_edge.i + 1
    if (
        after + 1 < len(doc)
        and doc[after].text == ","
        and doc[after + 1].ent_type_ == "PERSON"
        and t.left_edge.i == t.sent.start
    ):
        return None  # "An evolutionary ecologist at X, Hollós has …": her role, fronted
    if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in t.children) and (
        t.lemma_.lower() in MALE_NOUNS | FEMALE_NOUNS
    ):
        # "his wife": a relation, usually named next, or the person already given that role
        holder = role_holder(st, t) or st.resolve_relative(t, set())
        if holder is None:
            return None
        st.record_mention(t, holder.id)
        return holder.id
    if own_proxy(t):  # "Hale's spokeswoman": someone of her own, not Hale
        st.record_mention(t, st.find_or_create_unnamed_source(t).id)
        return st.mention_at[t.i]
    definite = np_is_definite(t)
    if not definite and not any(c.dep_ in ("det", "nummod") for c in t.children):
        return None  # "served as mayor": a bare singular names a role, not a person
    if definite:
        # "Cruz said as the heckler yelled": not Cruz
        named = [st.known_person(n) for n in governing_names(t.head)] if is_subject(t) else []
        cl = st.resolve_description(t, {c.id for c in named if c is not None})
        if speaks_for_another(t) and (
            cl is None or (cl.kind == "person" and t.lemma_.lower() not in cl.role_words)
        ):
            # "the former vice president's spokeswoman": not the vice president, nor whoever
            # was named last, unless the text gave someone that role; she, as worded
            cl = st.find_or_create_unnamed_source(t)
        if cl is None and new_in_story(st, t):
            cl = st.find_or_create_unnamed_source(t)
        if cl is None:
            return None
        if cl.kind == "person" and cl.role is None and not _denied(t):
            # "The National Unity Party leader said": the text gives the person a role.
            cl.set_role(described_role(t), {t.lemma_.lower()})
    elif t.dep_ not in ("dobj", "dative") and not (t.dep_ == "pobj" and t.head.lower_ == "as"):
        # (not "cast her as a self-serving agent": a role said of someone, no one new)
        cl = st.find_or_create_unnamed_source(t)  # "A French diplomat …", "a call from an operator"
    else:
        return None  # "what he would tell a younger player": spoken to, not a source
    st.record_mention(t, cl.id)
    return cl.id


def _denied(t: Token) -> bool:
    """ "he won't be the Democratic nominee", "she could be the next speaker": a role the
    clause denies or only supposes is none the person has."""
    verb = t.head
    return t.dep_ == "attr" and any(
        c.dep_ == "neg" or (c.dep_ == "aux" and c.tag_ == "MD") for c in verb.children
    )


def role_holder(st: DiscourseState, t: Token) -> Cluster | None:
    """The recent person the text has given this role word ("her husband, Jose Silva")."""
    head = t.lemma_.lower()
    for m in st.recent(t.idx + st.offset):
        c = st.registry.clusters[m.cluster]
        if c.kind == "person" and head in c.role_words:
            return c
    return None
