"""Deciding a run of uncued turns together: a beam over the ranker's choices.

The ranker scores one quote at a time, and its features read who spoke the turns before, as
already decided: one wrong turn in a long exchange makes the next look right for the wrong
person, and the error runs on to the cued turn that ends the exchange, which the ranker sees
only from the last turns. Here the quotes of a run the ranker would weigh one after another
are decided together: each partial assignment of speakers (a hypothesis) is extended by its
quote's best candidates, scored with the features read under that hypothesis (the earlier
turns' speakers as it assigns them), plus a preference for the alternation of two people
(A-B-A) and a cost for a person answering themselves (A-A), into the cued turns after the
run too; the best ``BEAM`` hypotheses are kept, and
the best at the run's end wins. The ranker's weights are untouched: it learnt from the
rules' choices, one quote at a time. The cost is at most ``BEAM`` times the ranker's per
quote, over runs of at most ``MAX_RUN`` quotes.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.analysis.ranker import RULES, pick
from reader.analysis.ranker_features import quote_features

if TYPE_CHECKING:
    from reader.analysis.mention_log import MentionRec
    from reader.analysis.ranker import Choice, Ranker, Record
    from reader.analysis.references import DiscourseState
    from reader.analysis.state import QuoteInfo

#: Hypotheses kept per quote, and the candidates each is extended by.
BEAM = 4
EXTEND = 4
#: The longest run decided together: a longer one is decided in runs of this length, so
#: the work per quote stays bounded (each hypothesis is laid over the run before it).
MAX_RUN = 24
#: A hypothesis this far below the best (in log-probability) is dropped: where the ranker
#: is sure, one is read instead of ``BEAM`` (and cross-validated no worse).
MARGIN = 2.0
#: Added to a hypothesis's log-probability for each turn by the speaker of the turn two
#: paragraphs back and not of the one just before (A-B-A), the cued turns after the run
#: included (tuned on the PDNC training novels cross-validated by novel).
ALTERNATION = 1.0
#: Taken from a hypothesis's log-probability for each turn it gives to the speaker of the
#: turn just before, both opening paragraphs that follow one another and that turn closed
#: (A-A: a person answering themselves); the cued turns after the run included. In the PDNC
#: training novels' gold, 2.6% of such pairs of turns are one person's (294 of 11,344);
#: without the cost the ranker's lean to a person the narration just named could win over
#: the alternation (training novels whole, the same retrained ranker: 23,747 right at 0,
#: 23,769 at 0.5, 23,783 at 1.5).
REPEAT = 1.5


@dataclass(slots=True)
class _Cue:
    """A quote of the run as it came: its cluster, and the mentions of its pronoun cue with
    their clusters."""

    cluster: int | None
    mentions: list[MentionRec]
    mention_clusters: list[int]


@dataclass(slots=True)
class _Node:
    """One hypothesis: the speaker of the run's next quote, and the path to it."""

    score: float
    cluster: int | None
    parent: _Node | None
    ids: list[int]
    rows: list[list[float]]
    first: tuple[str, int] | None
    prob: float


def _path(node: _Node | None) -> list[_Node]:
    out: list[_Node] = []
    while node is not None:
        out.append(node)
        node = node.parent
    out.reverse()
    return out


def _assign(q: QuoteInfo, cluster: int | None, was: _Cue) -> None:
    """Give quote q ``cluster`` for the while; the pronoun of its cue ("he said") means the
    one given, as it will once the engine decides, unless the cue's own answer stands."""
    q.cluster = cluster
    changed = cluster is not None and cluster != was.cluster
    for m, before in zip(was.mentions, was.mention_clusters, strict=True):
        m.cluster = cluster if changed else before


def _alternates(infos: list[QuoteInfo], i: int) -> bool:
    """Whether quote i, a turn opening its paragraph after two such turns in the paragraphs
    just before, is by the speaker of the first and not of the second."""
    if i < 2:
        return False
    q, prev, prev2 = infos[i], infos[i - 1], infos[i - 2]
    if not (q.opens_paragraph and prev.opens_paragraph):
        return False
    if prev.paragraph != q.paragraph - 1 or prev2.paragraph != prev.paragraph - 1:
        return False
    c, c1, c2 = q.cluster, prev.cluster, prev2.cluster
    return c is not None and c == c2 and c != c1


def _repeats(infos: list[QuoteInfo], i: int) -> bool:
    """Whether quote i, a turn opening its paragraph right after a closed turn that opened
    the paragraph before, is by that turn's speaker."""
    if i < 1:
        return False
    q, prev = infos[i], infos[i - 1]
    if not (q.opens_paragraph and prev.opens_paragraph and prev.closed):
        return False
    if prev.paragraph != q.paragraph - 1:
        return False
    return q.cluster is not None and q.cluster == prev.cluster


def _turn_taking(infos: list[QuoteInfo], i: int) -> float:
    """What the exchange adds to a hypothesis for quote i's speaker as it assigns it."""
    return ALTERNATION * _alternates(infos, i) - REPEAT * _repeats(infos, i)


def decode(
    st: DiscourseState,
    infos: list[QuoteInfo],
    run: list[int],
    ranker: Ranker,
    record: list[Record] | None = None,
) -> list[Choice | None]:
    """The choices for the quotes ``run`` (indices into ``infos``, in order), decided
    together; a quote with no candidate gets None."""
    saved = []
    for i in run:
        q = infos[i]
        ms = st.logged_at(q.cue_at, q.sent_first, q.sent_last) if q.pronoun else []
        saved.append(_Cue(q.cluster, ms, [m.cluster for m in ms]))
    beam: list[_Node | None] = [None]
    try:
        for k, i in enumerate(run):
            grown: list[_Node] = []
            for h in beam:
                path = [n.cluster for n in _path(h)]
                for m, c in enumerate(path):
                    _assign(infos[run[m]], c, saved[m])
                ids, rows, first = quote_features(st, infos, i, RULES)
                base = h.score if h is not None else 0.0
                if not ids:
                    grown.append(_Node(base, saved[k].cluster, h, [], [], first, 1.0))
                    continue
                probs = ranker.probabilities(rows)
                order = sorted(range(len(ids)), key=lambda j: (-probs[j], j))[:EXTEND]
                for j in order:
                    infos[i].cluster = ids[j]
                    score = base + math.log(max(probs[j], 1e-12))
                    score += _turn_taking(infos, i)
                    grown.append(_Node(score, ids[j], h, ids, rows, first, probs[j]))
                infos[i].cluster = saved[k].cluster
            grown.sort(key=lambda n: -n.score)
            beam = [n for n in grown[:BEAM] if n.score >= grown[0].score - MARGIN]
        # the cued turns after the run: does the exchange alternate into them?
        after = []
        for j in (run[-1] + 1, run[-1] + 2):
            if j >= len(infos) or not infos[j].has_cue or infos[j].pronoun is not None:
                break
            after.append(j)
        ends = [h for h in beam if h is not None]
        for h in ends if after else ():
            for m, n in enumerate(_path(h)):
                _assign(infos[run[m]], n.cluster, saved[m])
            h.score += sum(_turn_taking(infos, j) for j in after)
        ends.sort(key=lambda n: -n.score)
    finally:
        for i, was in zip(run, saved, strict=True):
            _assign(infos[i], was.cluster, was)
    best = _path(ends[0])
    out: list[Choice | None] = []
    for node, i in zip(best, run, strict=True):
        if not node.ids:
            out.append(None)
            continue
        if record is not None:
            record.append((infos[i].qid, node.ids, node.rows, node.first))
        assert node.cluster is not None
        out.append(pick(ranker, node.cluster, node.prob, node.first))
    return out
