"""A novel's person brought in by a definite description ("The stranger came in out of the
snow"): a character of their own, though no "a stranger" came first.

A definite description was only ever resolved to someone known; when no one fits it was no
mention at all, so the stranger's turns went to the person named last: a third person known
only by a description was never a candidate. In a story, the subject of a narration sentence
described so is someone new, kept under those words. (A description the engine ties to an
earlier one stays tied: A Handful of Dust's "the vicar" still joins "the organist".)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.analysis.lexicon import STORY_PERSON_NOUNS, is_person_noun
from reader.analysis.syntax import is_subject, np_is_definite

if TYPE_CHECKING:
    from spacy.tokens import Token

    from reader.analysis.references import DiscourseState


def new_in_story(st: DiscourseState, t: Token) -> bool:
    """Whether the definite description at ``t``, which names no one known, is a newcomer:
    in a novel, the subject of its clause, a noun for a person, with no owner ("his host"
    is someone's, and resolved as such)."""
    return (
        st.novel
        and is_subject(t)
        and (is_person_noun(t.lemma_.lower()) or story_noun(t))
        and not any(c.dep_ == "poss" for c in t.children)
    )


def story_noun(t: Token) -> bool:
    """A novel's word for a person that the news lexicon leaves out ("the vicar", "the
    butler"), definite and the subject of its clause: a person described in the narration
    (an indefinite one, "a fat gentleman came in", is left to the rules for a newcomer's
    epithet, which tie "said the doctor" to no one on those words alone)."""
    return is_subject(t) and np_is_definite(t) and t.lemma_.lower() in STORY_PERSON_NOUNS
