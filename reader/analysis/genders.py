"""What the text teaches of a person's gender: a word for a man or a woman beside the name,
"his wife" in a sentence about one person, and "he"/"she" as the subject after one named
person. Counted on the cluster (``Cluster.male``/``female``); a name that says a gender
(``Cluster.named_gender``) is not overruled from a clause below the main one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.analysis.clauses import clause_rank
from reader.analysis.lexicon import FEMALE_NOUNS, FEMALE_PRONOUNS, MALE_NOUNS, MALE_PRONOUNS
from reader.analysis.syntax import is_subject, listener_clause

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from reader.analysis.clusters import Cluster
    from reader.analysis.references import DiscourseState


def gender_from_relation(st: DiscourseState, t: Token, sent: Span) -> None:
    # "Hal Finney died in August, and his wife Fran says …": a relation named
    # through "his"/"her" tells the gender of the one person the sentence is about
    # ("To Sharp, Trump is the man who saved her father's farm": two people, so "her" is
    # not Trump's)
    named = {cid for i, cid in st.mention_at.items() if sent.start <= i < t.i}
    before = {
        cid for i, cid in st.mention_at.items() if sent.start <= i < t.i and is_subject(t.doc[i])
    }
    c = st.registry.clusters[before.pop()] if len(before) == 1 and len(named) == 1 else None
    if c is not None and c.kind == "person":
        if t.lower_ == "his":
            c.male += 1
        else:
            c.female += 1


def read_subject_pronoun(st: DiscourseState, t: Token, seen: list[int], start: int) -> None:
    """ "he", "she" as a subject: it teaches the gender of the one person the sentence named,
    and carries a known person on as a mention."""
    low = t.lower_
    if not (low in MALE_PRONOUNS or low in FEMALE_PRONOUNS):
        return
    # only a subject named before it: in "she attended a rally where Trump and her mother
    # spoke", Trump is not "she"
    doc = t.doc
    subjects = [i for i in range(start, t.i) if i in st.mention_at and is_subject(doc[i])]
    before = {st.mention_at[i] for i in subjects}
    gender = "m" if low in MALE_PRONOUNS else "f"
    if len(set(seen)) == 1 and before == set(seen) and not listener_clause(t):
        c = st.registry.clusters[seen[0]]
        # a name that says the other gender, named in a clause below the main one ("Hillary
        # Clinton “caused havoc,” he said"; "When Sanders accused Clinton, she said"), is
        # not the one the pronoun means: it teaches nothing (the main clause's subject may:
        # "Lindsey Graham argued …, and he")
        main = any(clause_rank(doc[i]) == 0 for i in subjects)
        if c.kind == "person" and (main or c.named_gender in (None, gender)):
            if gender == "m":
                c.male += 1
            else:
                c.female += 1
    # "His side, he pointed out, ...": the pronoun carries its person on, so a
    # later "he said" finds them even when the name is sentences back.
    # Only through a person whose gender is known: a guess would teach itself.
    if t.i not in st.mention_at:
        found = st.resolve_pronoun(t, gender)
        if (
            found is not None
            and found.kind == "person"
            and (found.gender == gender or (found.gender is None and main_subject(st, t, found)))
        ):
            st.record_mention(t, found.id, subject=True)


def main_subject(st: DiscourseState, t: Token, found: Cluster) -> bool:
    """ "Naureen Jahangir, a supporter, is among those who … The campaign was the first time
    she had been involved": a person whose gender is not yet known is carried on by the
    pronoun only as the one person subject of the main clause just before it."""
    near = [m for m in st.recent(t.idx + st.offset) if m.sent >= st.sent - 1 and m.subject]
    people = {m.cluster for m in near if st.registry.clusters[m.cluster].kind == "person"}
    return people == {found.id} and any(m.depth == 0 for m in near)


def gender_from_apposition(st: DiscourseState, ent: Span, c: Cluster) -> None:
    """ "his wife, Fran Finney", "actress Mia Wells": a word for a man or a woman standing
    beside the name says the gender (not one coordinated with it: "Trump and her mother")."""
    root = ent.root
    beside = [c for c in root.children if c.dep_ in ("appos", "compound", "nmod")]
    if root.dep_ in ("appos", "compound", "nmod", "attr"):
        beside.append(root.head)
    for t in beside:
        low = t.lemma_.lower()
        if low in MALE_NOUNS:
            c.male += 2
        elif low in FEMALE_NOUNS:
            c.female += 2


def gender_from_cue_pronoun(st: DiscourseState, subject: Token, c: Cluster) -> None:
    """ "“…,” Avery said. “…,” he added": in a story, the pronoun of a speech verb teaches
    the gender of the person it was resolved to only where that is safe: the last quote, in
    this same paragraph, was theirs by a cue that named them (a new paragraph may be
    another's turn: "“…,” said Avery. ¶ “…,” she said"), or their gender is already the
    pronoun's. A guess that taught itself would let a wrong "she" make the next pronoun
    wrong as well (measured on the training novels: learning also where no other recent
    person fits the pronoun lost 0.007 end to end)."""
    low = subject.lower_
    gender = "m" if low in MALE_PRONOUNS else "f" if low in FEMALE_PRONOUNS else None
    if gender is None or c.kind != "person":
        return
    c.pronoun_cues += 1
    last = st.infos[-1] if st.infos else None
    named_last = (
        last is not None
        and last.cluster == c.id
        and last.has_cue
        and last.pronoun is None
        and st.paragraph_of(subject.idx + st.offset) == last.paragraph
    )
    # News gives a paragraph to one person, and its "she said" is hers: there any pronoun
    # resolved teaches (measured: the news slice is the same either way, the audits better)
    if not st.novel or c.gender == gender or named_last:
        if gender == "m":
            c.male += 1
        else:
            c.female += 1

