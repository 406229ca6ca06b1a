"""The tagger's organisations that end a title ("State" of "Secretary of State"): an office,
not a body, so neither an entity to list nor an organisation that speaks."""

from __future__ import annotations

from spacy.tokens import Span

from reader.analysis.lexicon import word_set

#: Titles whose "of X" names the office, not a body: "Secretary of State", "Minister of Finance".
OFFICE_TITLES = word_set("secretary secretaries minister ministers")
#: The last words of the offices a secretary or minister holds; "the Fire Brigades Union" and
#: "the Church of Scotland" after "secretary of" are bodies, and stay.
OFFICE_ENDS = word_set(
    "state treasury defense defence education interior army navy energy agriculture commerce "
    "labor labour health transportation transport justice security development affairs "
    "finance war services trade environment culture housing force welfare industry economy "
    "communications information tourism veterans"
)


def names_an_office(ent: Span) -> bool:
    """The tagger's organisation is the end of a title ("State" in "Secretary of State",
    "Treasury" in "the Secretary of the Treasury"): no body is named, nothing to list."""
    doc, i = ent.doc, ent.start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    return (ent.label_ == "ORG" and i >= 1 and doc[i].lower_ == "of"
            and doc[i - 1].lower_ in OFFICE_TITLES and ent[-1].lower_ in OFFICE_ENDS)
