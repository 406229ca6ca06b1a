"""A relational role says whose it is: "his wife Fran" shows Fran as "Hal Finney's wife",
not as "his wife" (whose?) or a bare "wife". The possessive pronoun the role opens with is
resolved like any pronoun, the person given the role left out."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from reader.analysis.clusters import Cluster
    from reader.analysis.references import DiscourseState

#: Possessive pronouns a role may open with, and the gender each says.
_PRONOUN_GENDER = {"his": "m", "her": "f"}
#: How far from the name the role's pronoun may stand ("his wife Fran", "Lindsey Graham, his
#: hawkish South Carolina colleague").
_REACH = 16


def owned_role(
    st: DiscourseState, start: int, end: int, holder: Cluster, role: str | None
) -> str | None:
    """``role``, given to the name at tokens start..end, with its opening "his"/"her" made the
    possessor's name ("Hal Finney's wife"); without it when the possessor is not found
    ("their lawyer" -> "lawyer"). Any other role as it is."""
    if not role:
        return role
    word, _, rest = role.partition(" ")
    low = word.lower()
    if low not in ("his", "her", "their") or not rest:
        return role
    doc = st.doc
    assert doc is not None
    sent = doc[start].sent
    lo, hi = max(sent.start, start - _REACH), min(sent.end, end + _REACH)
    said = set(rest.split())
    pron = next(
        (
            t
            for t in doc[lo:hi]
            if t.lower_ == low and t.dep_ == "poss" and t.pos_ == "PRON" and t.head.text in said
        ),
        None,
    )
    gender = _PRONOUN_GENDER.get(low)
    if pron is None or gender is None:
        return rest
    joined = _joined_to(pron)
    if joined is not None:
        owner = st.known_person(joined)  # none known: a guess is worse than no possessor
    else:
        barred = {holder.id} | _described_by_pronoun(st, pron)
        owner = st.resolve_pronoun(pron, gender, frozenset(barred))
        if owner is not None and _rivals(st, pron, gender, barred | {owner.id}):
            return rest  # two people it may be: no guess
    # a possessor the text has not shown to be "his" or "hers" is a guess a reader would
    # rather not be shown ("His agent" after his wife spoke)
    if owner is None or owner.kind != "person" or owner.gender != gender or owner is holder:
        return rest
    name = owner.canonical
    return f"{name}' {rest}" if name.endswith("s") else f"{name}'s {rest}"


def _described_by_pronoun(st: DiscourseState, pron: Token) -> set[int]:
    """The people the sentence calls a relation through the same pronoun ("William F.
    Buckley, Jr. was his uncle and his father, Brent Bozell, …"): someone is not their own
    uncle, so the pronoun is not theirs."""
    out: set[int] = set()
    for t in pron.sent:
        if t.dep_ not in ("attr", "appos") or t.pos_ != "NOUN":
            continue
        if not any(c.dep_ == "poss" and c.lower_ == pron.lower_ for c in t.children):
            continue
        named = [c for c in t.head.children if c.dep_ == "nsubj"] if t.dep_ == "attr" else [t.head]
        out |= {st.mention_at[n.i] for n in named if n.i in st.mention_at}
    return out


def _joined_to(pron: Token) -> Token | None:
    """ "Marrow and her younger sister, Greta": the name the possessed noun is joined to,
    whose the pronoun is."""
    noun = pron.head
    if noun.dep_ != "conj" or noun.head.pos_ != "PROPN":
        return None
    return noun.head


def _rivals(st: DiscourseState, pron: Token, gender: str, barred: set[int]) -> bool:
    """Someone else of the pronoun's gender is named in its sentence or the one before
    ("Joe and Kit were eighteen when Maurice Oakley's farewell dinner to his brother"): the
    pronoun could be theirs as well."""
    before = pron.idx + st.offset
    reg = st.registry
    return any(
        m.sent >= st.sent - 1
        and m.cluster not in barred
        and reg.clusters[m.cluster].kind == "person"
        and reg.clusters[m.cluster].gender == gender
        for m in st.recent(before)
    )
