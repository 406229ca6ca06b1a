"""Relatives: who "her mother", "his brother", "the undertaker's wife" is, given the person
they are the relative of. A family shares a surname and a form of address tells its members
apart (Mr., Mrs. and Miss Bennet); a relative the text named as such ("Ronny, her son") is
found by that word. Pure queries over the registry: nothing is created here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.analysis.lexicon import word_set

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from reader.analysis.cluster import Cluster

#: Kinship noun -> (the relative's gender, the forms of address the relative may go by;
#: None: any). A mother is no "Miss", a daughter no "Mrs." until the text says so.
KIN: dict[str, tuple[str, frozenset[str | None] | None]] = {
    "father": ("m", None),
    "husband": ("m", None),
    "son": ("m", None),
    "brother": ("m", None),
    "uncle": ("m", None),
    "nephew": ("m", None),
    "grandfather": ("m", None),
    "mother": ("f", frozenset(("mrs", None))),
    "wife": ("f", frozenset(("mrs", None))),
    "grandmother": ("f", frozenset(("mrs", None))),
    "aunt": ("f", None),
    "daughter": ("f", frozenset(("miss", None))),
    "sister": ("f", frozenset(("miss", "mrs", None))),
    "niece": ("f", frozenset(("miss", "mrs", None))),
}

#: Nouns that say the gender of the person they describe: "said the girl" is not the man
#: named last. (Wider than the kinship nouns; used only to refuse a person of the other
#: gender, never to choose one.)
MALE_DESCRIPTIONS = word_set(
    """man gentleman boy lad fellow youth chap husband father son brother uncle nephew
    grandfather boyfriend bridegroom widower king prince duke earl baron count lord sir
    clergyman chairman nobleman landlord host waiter footman butler monk priest"""
)
FEMALE_DESCRIPTIONS = word_set(
    """woman lady girl maid maiden lass wife mother daughter sister aunt niece grandmother
    girlfriend bride widow queen princess duchess countess baroness governess actress hostess
    mistress landlady waitress housekeeper nun heroine spinster"""
)


#: A relation's generation from the person it is said of: a parent's +1, a child's -1.
GENERATION = {
    "father": 1, "mother": 1, "grandfather": 2, "grandmother": 2, "uncle": 1, "aunt": 1,
    "son": -1, "daughter": -1, "nephew": -1, "niece": -1,
}  # fmt: skip

#: The relations found so far: (person id, kinship noun) -> the relative's id.
Relations = dict[tuple[int, str], int]


def contradicts(relations: Relations, person: int, other: int, noun: str) -> bool:
    """Whether what the text has shown of two people's kinship rules out ``other`` being
    ``person``'s ``noun``: her daughter is not her mother."""
    gen = GENERATION.get(noun, 0)
    for (a, said), b in relations.items():
        if (a, b) == (person, other) and GENERATION.get(said, 0) != gen:
            return True
        if (a, b) == (other, person) and GENERATION.get(said, 0) != -gen:
            return True
    return False


def described_gender(noun: str) -> str | None:
    """The gender a description's head noun says, if it says one."""
    if noun in MALE_DESCRIPTIONS:
        return "m"
    if noun in FEMALE_DESCRIPTIONS:
        return "f"
    return None


def is_kin_noun(noun: str) -> bool:
    return noun in KIN


def relative_of(
    clusters: Sequence[Cluster],
    person: Cluster,
    noun: str,
    exclude: Iterable[int] = (),
    relations: Relations | None = None,
) -> Cluster | None:
    """The person who is ``person``'s ``noun`` ("mother"), if the text has named one: someone
    the text gave that word as a role and who shares the surname, else the one member of the
    family (same surname, the relative's gender, a fitting form of address) seen last."""
    if noun not in KIN or person.kind != "person":
        return None
    gender, addresses = KIN[noun]
    barred = set(exclude) | {person.id}
    relations = relations if relations is not None else {}
    said = relations.get((person.id, noun))
    if said is not None and said not in barred:
        return clusters[said]  # "her mother" again

    def fits(c: Cluster) -> bool:
        return (
            c.kind == "person"
            and c.id not in barred
            and c.gender == gender
            and (addresses is None or c.address in addresses)
            and not contradicts(relations, person.id, c.id, noun)
        )

    surname = person.surname
    kin = [c for c in clusters if c.surname == surname and fits(c)] if surname else []
    worded = [c for c in kin if noun in c.role_words]
    if worded:
        return max(worded, key=lambda c: c.last_seen)
    if noun in ("husband", "wife") and person.address == "miss":
        return None  # "Miss Bennet's husband": none yet, whoever shares her name
    if noun == "husband" and person.address == "mrs":
        # "Mrs. Dashwood's husband" is Mr. Dashwood, not her son John
        kin = [c for c in kin if c.address == "mr"] or kin
    if kin:
        return max(kin, key=lambda c: c.last_seen)
    # "Mrs. Moore" and "Ronny, her son": another surname, but the text gave him the word
    holders = [c for c in clusters if fits(c) and noun in c.role_words]
    return holders[0] if len(holders) == 1 else None
