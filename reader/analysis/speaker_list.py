"""The speakers panel's list: one row per someone. The engine may file one name twice (a
person and, through a rule that took the name for a body, an organisation: "Miss Bartlett",
"Rabbit"); a list that shows the name twice, once as an organisation, is wrong to a reader.

A row whose name is a name (capitalised) joins the person of that name, or of that form of
name when only one person has it, and the row's kind is the one the name was given most (a
tie goes to the body: "Rossiya-Info" taken once for a person is still an agency); a name with
a form of address ("Miss Bartlett") is a person whatever rule found it. Descriptions ("a
voice") stay apart: two voices may be two people.
"""

from __future__ import annotations

from reader.analysis.model import Speaker
from reader.analysis.names import fold, is_honorific


def _addressed(name: str) -> bool:
    """ "Miss Bartlett", "Mr. Bumble": a form of address opens a person's name."""
    first, _, rest = name.partition(" ")
    return bool(rest) and is_honorific(first)


#: Full names whose last word is, alone, another body: in news "the House" is Congress's
#: chamber, never the White House.
_NOT_SHORTENED = frozenset(("white house",))


def _short_form_of(sp: Speaker, bodies: list[Speaker]) -> Speaker | None:
    """The body ``sp`` is the short form of: "the Church" is "The Catholic Church", the one
    body quoted whose name ends in that word ("the Party" beside two parties is neither)."""
    article, _, word = sp.name.partition(" ")
    if sp.kind != "org" or article.lower() != "the" or " " in word or not word[:1].isupper():
        return None
    key = fold(word)
    longer = [
        b for b in bodies
        if b is not sp and len(fold(b.name).removeprefix("the ").split()) >= 2
        and fold(b.name).split()[-1] == key
    ]
    if len(longer) != 1 or fold(longer[0].name).removeprefix("the ") in _NOT_SHORTENED:
        return None
    return longer[0]


def _join(home: Speaker, sp: Speaker) -> None:
    """``sp``'s quotes and words counted as ``home``'s, its name one of ``home``'s names."""
    home.quotes = sorted({*home.quotes, *sp.quotes})
    home.words += sp.words
    home.share = round(home.share + sp.share, 4)
    if sp.name != home.name and sp.name not in home.aliases:
        home.aliases.append(sp.name)
    home.role = home.role or sp.role


def merged(speakers: list[Speaker]) -> list[Speaker]:
    """The rows with each person once, most quoted first (the engine's order otherwise), and
    a body's short form ("the Church") in the row of its full name ("The Catholic Church")."""
    for sp in speakers:
        if sp.kind != "person" and _addressed(sp.name):
            sp.kind = "person"
    bodies = [sp for sp in speakers if sp.kind == "org"]
    homes = {id(sp): _short_form_of(sp, bodies) for sp in bodies}
    for sp in bodies:
        home = homes[id(sp)]
        if home is not None and homes[id(home)] is None:
            _join(home, sp)
    speakers = [sp for sp in speakers if homes.get(id(sp)) is None or homes[id(homes[id(sp)])]]
    people: dict[str, Speaker] = {}
    forms: dict[str, Speaker | None] = {}
    for sp in speakers:
        if sp.kind != "person":
            continue
        people.setdefault(fold(sp.name), sp)
        for form in {fold(a) for a in sp.aliases}:
            forms[form] = sp if forms.get(form, sp) is sp else None
    out: list[Speaker] = []
    for sp in speakers:
        key = fold(sp.name)
        home = people.get(key) or forms.get(key)
        if home is None or home is sp or not sp.name[:1].isupper():
            out.append(sp)
            continue
        _join(home, sp)
        if len(sp.quotes) >= len(home.quotes) - len(sp.quotes):
            home.kind = sp.kind  # said as often as a body as a person: a body's name
    out.sort(key=lambda s: (-len(s.quotes), -s.words, s.name))
    return out
