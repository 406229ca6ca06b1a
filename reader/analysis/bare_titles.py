"""A courtesy title standing alone ("Dr.", "Rev."), which is no role.

The words before a name are taken for the person's role ("Senator", "Gov.", "Inspector":
an office or a calling), but "Dr. Sarah Hale" tells no more of her than "Mrs." would: shown
as her role it reads as a stray abbreviation, and held as her role it keeps out the one the
text gives next ("Dr. Hale, the director of the clinic").
"""

from __future__ import annotations

import re

from reader.analysis.lexicon import word_set
from reader.analysis.names import fold

#: Titles of courtesy that name no office or calling of their own, written short or spelt
#: out: "Doctor Sarah Hale" and "Reverend Al Green" say no more than "Dr." and "Rev." do.
COURTESY = word_set("dr dr. doctor rev rev. revd revd. reverend fr fr.")


def bare_title(role: str | None) -> bool:
    """Whether ``role`` is a courtesy title alone ("Dr.", "Rev"), not a role."""
    if not role:
        return False
    words = re.findall(r"[\w’'.-]+", role)
    return len(words) == 1 and fold(words[0]) in COURTESY
