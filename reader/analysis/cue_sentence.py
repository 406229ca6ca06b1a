"""The cue's sentence is where its pronoun is read: "He added, “…”" before a quote of many
sentences looks back from "He", not from the quote's last sentence, whose count would push
the person named just before out of the window (the quote's own sentences name no one the
discourse can use: names inside quotes are not mentions)."""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

from reader.analysis.sieve import attribute

if TYPE_CHECKING:
    from reader.analysis.cues import Cue
    from reader.analysis.references import DiscourseState
    from reader.analysis.sieve import Resolution


def attribute_at_cue(
    st: DiscourseState, cue: Cue | None, a: int, sent_starts: list[int]
) -> Resolution | None:
    """The cue rules' answer for the quote from token ``a``, read in news from the sentence of
    a cue's subject before the quote (``sent_starts``: the Doc's sentence starts)."""
    subj = cue.subject if cue is not None else None
    if subj is None or subj.i >= a or st.registry.familiar:
        return attribute(cue, st)
    here = st.sent
    # the sentence after the cue's: the cue's own is read as an earlier one, as before
    st.sent = min(here, st.sent_base + bisect_right(sent_starts, subj.i))
    try:
        return attribute(cue, st)
    finally:
        st.sent = here
