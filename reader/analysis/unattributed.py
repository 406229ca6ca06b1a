"""Words kept as a quote when no speaker is found for them: the parse lost who says them, but
the text still presents them as somebody's (right after an uttering verb, a clause of their
own ending a sentence). The cue these give has no subject; the discourse rules look for the
speaker. Also the headline test the fragment rules share."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.analysis.cue_types import Cue
from reader.analysis.lexicon import FINITE_TAGS
from reader.analysis.quote_context import HEADLINE_WORDS, cried_out

if TYPE_CHECKING:
    from collections.abc import Callable

    from reader.analysis.references import DiscourseState


def uttered(st: DiscourseState, a: int, inside_quote: Callable[[int], bool]) -> Cue | None:
    """ "children bash a dollhouse, yelling “eminent domain!”", "… this morning, saying “Zip
    codes shouldn't determine destiny”": words right after an uttering verb are somebody's
    even when the parse finds no one saying them; the cue has no subject, and the discourse
    rules look for the speaker."""
    doc = st.doc
    assert doc is not None
    j = a - 1
    while j >= 0 and (doc[j].is_space or doc[j].text in (",", ":")):
        j -= 1
    if j < 0 or inside_quote(j) or cried_out(st.text, doc[a].idx + st.offset) != "fragment":
        return None
    return Cue(doc[j], doc[j].text, None, contains=True)


def own_clause(st: DiscourseState, a: int, b: int) -> Cue | None:
    """ "…, but usually only when “the truth is sexier than the lie.”", "Instead, “he just
    acts like a defeated man.”": a quoted sentence's end that holds a clause of its own (a
    subject and a finite verb, in lower case: no title) is somebody's words, not a term the
    writer holds at arm's length; the cue has no subject, and the discourse rules look for
    the speaker."""
    doc = st.doc
    assert doc is not None
    words = [t for t in doc[a : b + 1] if t.is_alpha]
    last = doc[b - 1] if b > a and doc[b].is_punct else doc[b]
    if len(words) < 3 or not words[0].is_lower or last.text not in (".", "!", "?"):
        return None
    for t in words:
        verb = t.head
        if t.dep_ not in ("nsubj", "nsubjpass") or t.tag_ in ("WDT", "WP") or not a <= verb.i <= b:
            continue
        finite = [verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass"))]
        if any(v.tag_ in FINITE_TAGS for v in finite):
            return Cue(verb, verb.text, None, contains=True)
    return None


def first_line_quote(st: DiscourseState, a: int, b: int) -> bool:
    """The quote over tokens a..b sits in the text's first paragraph, a short line with no
    full stop: a headline, in whatever case ("Water minister ‘appalled’ as spill kills
    fish")."""
    doc = st.doc
    assert doc is not None
    start = doc[a].idx + st.offset
    if st.para_first != 0 or not st.paras or not st.paras[0][0] <= start < st.paras[0][1]:
        return False
    ps, pe = st.paras[0]
    line = st.text[ps:pe].rstrip()
    return line[-1:] not in (".", "!", "?") and len(line.split()) <= HEADLINE_WORDS
