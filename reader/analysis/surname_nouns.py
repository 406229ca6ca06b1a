"""A known person's surname the tagger read as a common noun ("Sanders did not usually get
this personal": "Sanders" tagged a plural noun): still a mention of that person, so a "he"
after it finds them (news only; a story's capitalised nouns are more often things)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.analysis.name_keys import key

if TYPE_CHECKING:
    from spacy.tokens import Token

    from reader.analysis.references import DiscourseState


def surname_noun(st: DiscourseState, t: Token) -> int | None:
    """Log ``t`` as a mention of the known person whose surname it is, if it is a subject
    written with a capital that only such a person's surname explains; their cluster id."""
    if st.registry.familiar or t.dep_ not in ("nsubj", "nsubjpass") or not t.text[:1].isupper():
        return None
    if not t.text.replace("’", "").replace("'", "").isalpha():
        return None
    if t.i + 1 < len(t.doc) and t.doc[t.i + 1].pos_ == "PROPN":
        return None  # a word of a longer name
    c = st.registry.find_person(t.text, strict=True)
    if c is None or c.kind != "person" or c.surname != key(t.text):
        return None
    st.record_mention(t, c.id)
    return c.id
