"""Rules for a quote with no cue, from its neighbours: the continuation of a speaker's words,
a two-person exchange, the sentence or paragraph before it. Each returns the speaker's
cluster id."""

from __future__ import annotations

from reader.analysis.candidates import Neighbours, QuoteInfo


def rule_preceding_subject(q: QuoteInfo, near: Neighbours) -> int | None:
    """A quote with no cue right after a sentence about a person is that person's ("Smith was
    blunt. “This is wrong.”"), unless that sentence held the previous, attributed quote."""
    if q.before is None:
        return None
    prev = near.prev
    if (
        prev is not None
        and prev.paragraph == q.paragraph
        and prev.cluster is not None
        and prev.sent_last >= q.sent_first - 1
    ):
        return None
    return q.before


def rule_continuation(q: QuoteInfo, near: Neighbours) -> int | None:
    """A quote with no cue beside an attributed one in its paragraph has that speaker."""
    prev, nxt = near.prev, near.next
    if prev is not None and prev.paragraph == q.paragraph and prev.cluster is not None:
        return prev.cluster
    if nxt is not None and nxt.paragraph == q.paragraph and nxt.cluster is not None:
        return nxt.cluster
    return None


def rule_conversation(q: QuoteInfo, near: Neighbours) -> int | None:
    """A paragraph opening with a quote and no cue, after two short turns of a two-person
    exchange, is the other person's turn: the one before the previous speaker."""
    prev = near.prev
    if not q.opens_paragraph or prev is None or prev.cluster is None:
        return None
    if prev.paragraph != q.paragraph - 1 or not prev.closed:
        return None
    before_prev = near.before_prev()
    if (
        before_prev is not None
        and before_prev.paragraph == prev.paragraph - 1
        and q.turn
        and prev.turn
        and before_prev.turn
        and before_prev.cluster is not None
        and before_prev.cluster != prev.cluster
    ):
        return before_prev.cluster
    return None


def rule_continuation_next_paragraph(q: QuoteInfo, near: Neighbours) -> int | None:
    """A paragraph opening with a quote and no cue continues the previous paragraph's
    speaker."""
    prev = near.prev
    if not q.opens_paragraph or prev is None or prev.cluster is None:
        return None
    if prev.paragraph != q.paragraph - 1:
        return None
    return prev.cluster


def rule_reported_speech(q: QuoteInfo, near: Neighbours) -> int | None:
    """A paragraph that opens with a quote and no cue, after a paragraph reporting what
    someone said ("Feld said he had seen it. / “You don't need a trial to see that.”"), gives
    that person's words, unless the previous paragraph ended with a quote of its own."""
    if not q.opens_paragraph or q.reported is None:
        return None
    prev = near.prev
    if prev is not None and prev.paragraph >= q.paragraph - 1:
        return None
    return q.reported
