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
    if prev is not None and prev.cited and near.i > 1:
        # "“…,” he says, referring to the prototype, which Ramanathan described as “…”
        # “But they found …”": the words go on from the one citing
        prev = near.infos[near.i - 2]
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


def rule_alternation(q: QuoteInfo, near: Neighbours) -> int | None:
    """In an exchange, two people take turns: a turn with no cue is the speaker of the nearest
    turn a cue names an even number of turns away, or, when both are short lines of dialogue,
    the other party of the nearest one an odd number away (the other party: the nearest known
    speaker who is not that one). In news a paragraph after a long quote goes on with it."""
    if not q.opens_paragraph:
        return None
    known = near.exchange()
    if not known or not alternates(known):
        return None
    order = sorted(known, key=lambda t: (abs(t), t > 0))
    anchor = known[order[0]]
    first = anchor.cluster
    if order[0] % 2 == 0:
        return first if first != q.addressee_cluster else None
    if not (q.turn and anchor.turn):
        return None
    # the other party took a turn of their own: not someone quoted in the narration after
    # ("“…,” Viguerie tells. / “…” / “…,” he adds. / Morton Blackwell endorsed Cruz, saying
    # he “has …”": the middle turn is Viguerie's still)
    other = next(
        (known[t].cluster for t in order[1:] if known[t].cluster != first and known[t].turn),
        None,
    ) or _answered(known, order[0])
    return other if other != q.addressee_cluster else None


def _answered(known: dict[int, QuoteInfo], nearest: int) -> int | None:
    """The person the nearest cued turn, just before, answers: the last quote of the
    paragraph right before it, another's, though told in narration ("Kim was not moved.
    “You said that …,” she said. / “That bonus …,” Harmon said. / “Then let the board
    come …”": the untagged turn is Kim's)."""
    anchor, before = known[nearest], known.get(nearest - 1)
    if nearest != -1 or before is None or before.cluster == anchor.cluster:
        return None
    return before.cluster if before.paragraph == anchor.paragraph - 1 else None


def alternates(known: dict[int, QuoteInfo]) -> bool:
    """The known turns may be two people's taking turns: a list of statements by three or more
    people, as in news, is not."""
    nearest = sorted(known, key=abs)[:4]
    return len({known[t].cluster for t in nearest}) <= 2


def rule_addressed(q: QuoteInfo, near: Neighbours) -> int | None:
    """A turn with no cue answers, or is answered by, the turn beside it that calls someone
    by name ("Jake, come here."): the one called is its speaker. The turn before may call
    them in any of its quotes ("Edward," she said, "are you still to be an orator?")."""
    if not q.opens_paragraph:
        return None
    prev, nxt = near.prev, near.next
    for o, called in ((prev, prev and prev.turn_addressee), (nxt, nxt and nxt.addressee_cluster)):
        if (
            o is not None
            and called is not None
            and abs(o.paragraph - q.paragraph) == 1
            and (o.opens_paragraph if o is nxt else near.opens_turn(near.i - 1))
            and called != o.cluster
            and called != q.addressee_cluster
        ):
            return called
    return None


def rule_introduced(q: QuoteInfo, near: Neighbours) -> int | None:
    """A paragraph that opens with a quote and no cue, after a paragraph of narration alone
    whose last sentence is about a person ("Elinor turned to her sister."), is that person's."""
    return q.intro


def rule_runs_on(q: QuoteInfo, near: Neighbours) -> int | None:
    """A paragraph that opens with a quote after a paragraph whose quote was left open (no
    closing mark: the words run on, as news prints a long quote) is the same speaker's."""
    prev = near.prev
    if not q.opens_paragraph or prev is None or prev.closed or prev.cluster is None:
        return None
    return prev.cluster if prev.paragraph == q.paragraph - 1 else None
