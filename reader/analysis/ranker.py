"""The learned ranker over stage 3's candidates, for the quotes no cue attributes (issue 11).

The discourse rules each see one pattern (the turn before, the name called, the sentence
before); in a long exchange they disagree and the first to answer wins, right or wrong. The
ranker weighs every rule's answer together with the exchange and the mentions around the quote
(``ranker_features``) in one linear score per candidate, and picks the best; the softmax of
the scores is the quote's confidence. The weights are a small JSON file in the package, made
by ``tools/train_ranker.py`` from the PDNC training novels; without it the sieve's first rule
decides, as before.
"""

from __future__ import annotations

import json
import math
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from reader.analysis.candidates import Neighbours
from reader.analysis.news import own_subject
from reader.analysis.ranker_features import feature_names, quote_features
from reader.analysis.sieve import DISCOURSE_RULES, RANKER_RULE, attribute_discourse

if TYPE_CHECKING:
    from reader.analysis.references import DiscourseState
    from reader.analysis.state import QuoteInfo

#: The weights file inside the package.
WEIGHTS = "ranker.json"
RULES = tuple((r.id, r.fn) for r in DISCOURSE_RULES)
#: The ranker weighs a quote in a stretch of dialogue, as in the novels it learnt from: of
#: the last ``DIALOGUE_WINDOW`` quotes (at least ``DIALOGUE_MIN`` of them), at least
#: ``DIALOGUE_SHARE`` have no cue and as many are short turns of their own. In news nearly
#: every quote has a cue, quotes sit in long paragraphs, and the rules that carry a cue's
#: speaker on are better there than anything learnt from novels. Once a text has had such a
#: stretch it is fiction (``State.fiction``), and the ranker weighs its later quotes with no
#: cue too: in the novels it beats the rules' first answer outside the densest stretches as
#: well (cross-validated on the PDNC training novels, 0.640 -> 0.644 end to end). A book
#: told as dialogue is fiction from its first quote (``fiction_from_start``).
DIALOGUE_WINDOW = 20
DIALOGUE_MIN = 10
DIALOGUE_SHARE = 0.5


#: A text this long (characters) is a book: the longest articles, live blogs, run to
#: 35,000; a novel's opening alone is 60,000.
BOOK_CHARS = 40_000


def fiction_from_start(text: str, told_as_dialogue: bool) -> bool:
    """Whether the ranker weighs a text's uncued quotes from its first: a book told as
    dialogue, whose opening, where the people are new, comes before any stretch of it (PDNC
    training openings 0.704 -> 0.717 end to end). A feature article told in turns is no
    book: its first quotes stay the rules' until a stretch of dialogue is read."""
    return told_as_dialogue and len(text) >= BOOK_CHARS


#: The upper bounds of the bands of the top probability the confidence table is kept for.
BANDS = (0.4, 0.55, 0.7, 0.85, 0.95, 1.0)


@dataclass(frozen=True, slots=True)
class Ranker:
    """A linear score per candidate, over the columns ``features``; ``confidence`` maps the
    chosen candidate's probability to the share of such choices right in training (a
    candidate alone has probability 1, yet the speaker may be no candidate at all)."""

    features: tuple[str, ...]
    weights: tuple[float, ...]
    confidence: tuple[tuple[float, float], ...] = ()

    def confidence_of(self, probability: float) -> float:
        for top, share in self.confidence:
            if probability <= top:
                return share
        return round(probability, 3)

    def probabilities(self, rows: list[list[float]]) -> list[float]:
        """The softmax of the candidates' scores."""
        w = self.weights
        scores = [sum(x * y for x, y in zip(row, w, strict=True)) for row in rows]
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return [e / total for e in exps]


def from_json(data: dict) -> Ranker:
    """The ranker a weights file describes; ValueError when it was made for other features."""
    names = tuple(data["features"])
    if list(names) != feature_names([r for r, _ in RULES]):
        raise ValueError("the ranker's weights were made for other features")
    weights = tuple(float(w) for w in data["weights"])
    if len(weights) != len(names):
        raise ValueError("the ranker's weights do not match its features")
    table = tuple((float(top), float(share)) for top, share in data.get("confidence", ()))
    return Ranker(names, weights, table)


@lru_cache(maxsize=1)
def default_ranker() -> Ranker | None:
    """The packaged ranker, read once; None when the package has none that fits."""
    try:
        raw = resources.files("reader.analysis").joinpath("data", WEIGHTS).read_text("utf-8")
        return from_json(json.loads(raw))
    except (FileNotFoundError, ValueError, KeyError):
        return None


@dataclass(slots=True)
class Choice:
    """The speaker chosen for a quote with no cue, the rule id to stamp, the confidence."""

    cluster: int
    rule: str
    confidence: float | None


#: One quote's evidence as the training script records it: (quote id, candidate clusters,
#: their rows, the first rule's id and answer).
Record = tuple[int, list[int], list[list[float]], tuple[str, int] | None]


def in_dialogue(infos: list[QuoteInfo], i: int) -> bool:
    """Whether quote i is in a stretch of dialogue (see ``DIALOGUE_SHARE``)."""
    lo = max(0, i - DIALOGUE_WINDOW + 1)
    if i + 1 - lo < DIALOGUE_MIN:
        return False
    enough = DIALOGUE_SHARE * (i + 1 - lo)
    window = infos[lo : i + 1]
    return sum(not o.has_cue for o in window) >= enough and sum(o.turn for o in window) >= enough


#: What ``settle`` answers for a quote the ranker is to weigh.
RANK = "rank"


def settle(st: DiscourseState, infos: list[QuoteInfo], i: int) -> Choice | str | None:
    """What the rules decide for quote i (no cue, or a pronoun cue), or ``RANK`` when it is
    the ranker's to weigh: in a stretch of dialogue or any text that has had one, or where no
    rule answers, unless the quote carries on a cued one (``carries_on``); elsewhere the
    sieve's first rule's answer."""
    if in_dialogue(infos, i):
        st.fiction = True
    elif not st.fiction:
        found = _first_rule(infos, i)
        if found is not None or infos[i].pronoun is not None:
            return found
    carried = carries_on(st, infos, i)
    if carried is not None:
        return Choice(carried, "continuation", None)
    if not st.fiction and not st.told_as_dialogue:
        own = own_subject(st, infos[i])
        if own is not None:
            return Choice(own, "own_subject", None)
    return RANK


def choose(
    st: DiscourseState,
    infos: list[QuoteInfo],
    i: int,
    ranker: Ranker | None,
    record: list[Record] | None = None,
) -> Choice | None:
    """The speaker of quote i (no cue, or a pronoun cue), decided alone: the rules' answer
    (``settle``), or the ranker's best candidate (without a ranker, the first rule's)."""
    settled = settle(st, infos, i)
    if not isinstance(settled, str):
        return settled
    ids, rows, first = quote_features(st, infos, i, RULES)
    if record is not None:
        record.append((infos[i].qid, ids, rows, first))
    if not ids:
        return None
    if ranker is None:
        return Choice(first[1], first[0], None) if first is not None else None
    probs = ranker.probabilities(rows)
    best = max(range(len(ids)), key=lambda k: (probs[k], -k))
    return pick(ranker, ids[best], probs[best], first)


def pick(ranker: Ranker, cluster: int, probability: float, first: tuple[str, int] | None) -> Choice:
    """The ranker's choice of ``cluster`` at ``probability``: stamped with the first rule's id
    when that rule chose the same, else ``RANKER_RULE``."""
    rule = first[0] if first is not None and first[1] == cluster else RANKER_RULE
    return Choice(cluster, rule, ranker.confidence_of(probability))


def carries_on(st: DiscourseState, infos: list[QuoteInfo], i: int) -> int | None:
    """The speaker of the quote before quote i in its paragraph, when a cue named them and
    the narration between the two names no one else ("“No,” said Ann, turning away. “Never.”"):
    a paragraph's second quote is its first one's speaker unless the paragraph says otherwise
    (cross-validated on PDNC 0.669 -> 0.672, where the ranker alone often chose another)."""
    q = infos[i]
    prev = infos[i - 1] if i > 0 else None
    if (
        q.pronoun is not None
        or prev is None
        or prev.paragraph != q.paragraph
        or prev.cluster is None
        or not prev.has_cue
    ):
        return None
    mentions = st.mentions
    a = bisect_left(mentions, prev.sent_last, key=lambda m: m.sent)
    b = bisect_left(mentions, q.sent_first + 1, lo=a, key=lambda m: m.sent)
    if any(m.cluster != prev.cluster for m in mentions[a:b] if prev.end <= m.start < q.start):
        return None
    return prev.cluster


def _first_rule(infos: list[QuoteInfo], i: int) -> Choice | None:
    """The sieve's own answer: the pronoun rule's for a pronoun cue, else the first discourse
    rule's."""
    q = infos[i]
    if q.pronoun is not None:
        return None  # the cue rule's answer stands
    found = attribute_discourse(q, Neighbours(infos, i))
    return Choice(found[0], found[1], None) if found is not None else None
