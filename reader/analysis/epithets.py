"""Epithets: the words a story's narration uses of a person instead of the name ("the girl"
for Nancy, "the old gentleman" for Mr. Brownlow, "the Jew" for Fagin).

A story re-uses such a description for whoever it fits in the scene at hand, so it is tied
afresh each time it is used: to the most salient person nearby whose gender the noun says and
whose age the narration has not said otherwise, the one it has already called so first. It is
never a standing name held by whoever first had it for the rest of the book.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from reader.analysis.lexicon import word_set
from reader.analysis.names import first_names

if TYPE_CHECKING:
    from spacy.tokens import Token

    from reader.analysis.clusters import Cluster, Registry
    from reader.analysis.mention_log import MentionRec

#: Words that say a person is old, or young; a head noun may say it too ("the girl").
OLD_WORDS = word_set(
    "old older oldest elder eldest elderly aged ancient venerable grey gray grey-haired"
)
YOUNG_WORDS = word_set("young younger youngest little youthful juvenile")
YOUNG_HEADS = word_set("girl boy lad lass youth child maid maiden kid youngster")

#: Nouns that say only what kind of person someone is (a sex, an age), no role or kin: in a
#: story they are epithets, used of whoever fits in the scene.
EPITHET_NOUNS = word_set("man woman gentleman lady girl boy lad lass youth fellow chap damsel")

#: Words that set one person against others of the kind ("the second gentleman", "the other
#: man"): no epithet of whoever fits, but one of several the text tells apart.
CONTRAST_WORDS = word_set("first second third fourth fifth other another last same latter former")

#: How many characters back a story's unnamed person ("a stranger") is still the one a
#: "the stranger" with that head means: about a scene; later it is whoever fits then.
SCENE_CHARS = 6000


def age_said(words: Iterable[str]) -> str | None:
    """ "old", "young" or None: the age the words give a person."""
    ws = set(words)
    old = bool(ws & OLD_WORDS)
    young = bool(ws & (YOUNG_WORDS | YOUNG_HEADS))
    if old == young:
        return None
    return "old" if old else "young"


def gender_of(c: Cluster) -> str | None:
    """A person's gender: the pronouns', else the name's, else (a story's "Nancy") the one a
    lone first name is mostly given to."""
    said = c.gender or c.named_gender
    if said is None and not c.first and " " not in c.canonical:
        said = first_names().get(c.surname)
    return said if said in ("m", "f") else None


def remember(c: Cluster, words: set[str], gender: str | None) -> None:
    """Count the words a story's narration has used of ``c``, where they fit them (an
    epithet said of someone by a rule that took no account of its gender is no evidence)."""
    if gender_of(c) not in (None, gender):
        return
    for w in words:
        c.epithets[w] = c.epithets.get(w, 0) + 1


def contrasted(tok: Token) -> bool:
    """ "the second gentleman", "the other man": one of several of that kind."""
    return any(c.lower_ in CONTRAST_WORDS for c in tok.lefts)


def epithet_words(tok: Token) -> set[str]:
    """The head noun of a description and the words before it that say an age."""
    words = {tok.lemma_.lower()}
    for c in tok.lefts:
        low = c.lower_
        if c.dep_ in ("amod", "compound") and (low in OLD_WORDS or low in YOUNG_WORDS):
            words.add(low)
    return words


def fits_age(c: Cluster, words: set[str]) -> bool:
    """Whether what the narration has ``called`` person ``c`` says nothing against the age
    ``words`` give ("the old gentleman" is not the one it called "the young gentleman"):
    the age it has said most often."""
    said = age_said(words)
    old = sum(n for w, n in c.epithets.items() if w in OLD_WORDS)
    young = sum(n for w, n in c.epithets.items() if w in YOUNG_WORDS or w in YOUNG_HEADS)
    known = None if old == young else "old" if old > young else "young"
    return said is None or known is None or said == known


def story_person(
    reg: Registry,
    ranked: Iterable[MentionRec],
    words: set[str],
    gender: str,
    skip: set[int],
) -> Cluster | None:
    """The person a story's gendered description means among the mentions ``ranked`` (by
    salience): of those of that gender whose age fits, the one the narration has called by
    these words most often, else the most salient."""
    best: Cluster | None = None
    best_score = 0
    seen: set[int] = set()
    for m in ranked:
        c = reg.clusters[m.cluster]
        if c.id in seen or c.id in skip or c.kind != "person":
            continue
        seen.add(c.id)
        if gender_of(c) != gender or not fits_age(c, words):
            continue
        score = sum(c.epithets.get(w, 0) for w in words)
        if best is None or score > best_score:
            best, best_score = c, score
    return best


def out_of_scene(at: int, before: int) -> bool:
    """Whether something last met at char offset ``at`` is a scene or more before ``before``."""
    return at < before - SCENE_CHARS


def newcomer(c: Cluster | None, before: int) -> bool:
    """A story's unnamed person brought in within the scene ("a fat gentleman came in"), whom
    "the gentleman" then means; chapters later "the girl" is not "a young girl of thirteen"
    who once opened a door, but whoever the scene has of that kind."""
    return c is not None and c.kind == "description" and not out_of_scene(c.since, before)
