"""Relatives: who "her mother", "his brother", "the undertaker's wife" is, given the person
they are the relative of. A family shares a surname and a form of address tells its members
apart (Mr., Mrs. and Miss Bennet); a relative the text named as such ("Ronny, her son") is
found by that word. The words and the relations' logic; `relatives.py` asks the registry.
"""

from __future__ import annotations

from reader.analysis.lexicon import word_set

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
