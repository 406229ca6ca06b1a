"""Whether a text is told as conversation (a novel's dialogue) or reports speech (news).

Read from the marks alone, before any parse. A story's turns are short paragraphs that open
with a quote, and so are a news live blog's ("The Latest: …") or a debate digest's; what
tells them apart is how the turns read. A conversation's turns speak to someone (I and
you), are mostly answered without a speech verb in their paragraph, and the story tells
them in the past; a reporter's turns each carry their speech verb ("“…,” Cruz said."),
often in the present ("says"), and quote statements that address no one in the text.
"""

from __future__ import annotations

import re

from reader.analysis.candidates import TURN_CHARS
from reader.analysis.quotes import paragraphs, quotes_in_paragraphs

#: A text is told as conversation when at least this many of its quotes, and this share of
#: them, are turns (a short paragraph opening with the quote): a novel's chapter has dozens;
#: an article's quotes mostly sit inside the writer's paragraphs.
DIALOGUE_TURNS = 12
DIALOGUE_SHARE = 0.2

#: Speech verbs and attributions a turn's own paragraph may carry outside its quotes.
_CUED = re.compile(
    r"\b(?:says|said|tells|told|asks|asked|adds|added|writes|wrote|tweets|tweeted|according)\b"
)
#: A speech verb before its speaker ("said Archer", "said he"): a storyteller's order.
_INVERTED = re.compile(
    r"\b(?:says|said|tells|told|asks|asked|adds|added|writes|wrote)\s+(?:[A-Z]\w*|he|she)\b"
)
#: The same in the present tense: news reports speech as it stands ("Cruz says").
_PRESENT = re.compile(r"\b(?:says|tells|asks|adds|writes|tweets)\b")
#: Words that speak to someone: a conversation's turns address one another.
_PERSONAL = re.compile(r"\b(?:I|[Yy]ou)\b")

#: A reporter's turns: this share or more carry a speech verb in their paragraph (the
#: novels' turns at most two in three), or this share or more one in the present (the
#: novels' hardly any), or fewer than this share say I or you (the novels' at least 0.38).
NEWS_CUED = 0.8
NEWS_PRESENT = 0.25
CONVERSATION_PERSONAL = 0.25


def told_as_dialogue(text: str, primary: str) -> bool:
    """Whether the whole text is told as conversation (read from its marks, no parse)."""
    paras = paragraphs(text)
    spans = quotes_in_paragraphs(text, paras, primary)
    turns = 0
    turn_paras: dict[int, list[tuple[int, int]]] = {}
    for q in spans:
        ps, pe = paras[q.paragraph]
        if pe - ps <= TURN_CHARS and not text[ps].isalnum():
            turns += 1
            turn_paras.setdefault(q.paragraph, []).append((q.start, q.end))
    if turns < DIALOGUE_TURNS or turns < DIALOGUE_SHARE * len(spans):
        return False
    return not reported(text, paras, turn_paras)


def reported(
    text: str, paras: list[tuple[int, int]], turn_paras: dict[int, list[tuple[int, int]]]
) -> bool:
    """Whether the turns read as a reporter's quotes rather than a conversation's."""
    cued = present = personal = 0
    for k, quotes in turn_paras.items():
        ps, pe = paras[k]
        narration = []
        at = ps
        for qs, qe in quotes:
            narration.append(text[at:qs])
            at = max(at, qe)
        narration.append(text[at:pe])
        told = " ".join(narration)
        cued += _CUED.search(told) is not None and _INVERTED.search(told) is None
        present += _PRESENT.search(told) is not None
        personal += any(_PERSONAL.search(text[qs:qe]) for qs, qe in quotes)
    n = len(turn_paras)
    return (
        cued >= NEWS_CUED * n or present >= NEWS_PRESENT * n or personal < CONVERSATION_PERSONAL * n
    )
