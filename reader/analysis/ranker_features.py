"""What the ranker weighs for each possible speaker of a quote with no cue: stage 3's evidence
turned into numbers.

A quote's candidates are the people the discourse rules could name (every rule's answer, not
only the first one's), those who spoke in the turns around it, those the turns beside it call
by name, and the people mentioned near it (``WINDOW_SENTENCES``). Each gets a row of
``FEATURES``: which rules name them, where they spoke last in the exchange, whether they were
just addressed, how near and how prominently they are mentioned. The rows are plain lists of
floats, so the engine needs nothing beyond the standard library to score them.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from reader.analysis.candidates import Neighbours
from reader.analysis.lexicon import FEMALE_PRONOUNS, MALE_PRONOUNS
from reader.analysis.mention_log import WINDOW_SENTENCES, by_salience
from reader.analysis.ranker_narration import named_in_narration, narration_says_i, voiced
from reader.analysis.ranker_pronoun import NAMES as PRONOUN_NAMES
from reader.analysis.ranker_pronoun import pronoun_cues
from reader.analysis.ranker_recency import NAMES as RECENCY_NAMES
from reader.analysis.ranker_recency import recency
from reader.analysis.ranker_turns import NAMES as TURN_NAMES
from reader.analysis.ranker_turns import gated_columns, turns
from reader.analysis.state import QuoteInfo

if TYPE_CHECKING:
    from spacy.tokens import Token

    from reader.analysis.references import DiscourseState

#: How many quotes back and ahead the exchange features look.
BACK_QUOTES = 12
AHEAD_QUOTES = 6
#: How many quote-bearing paragraphs (turns) back and ahead have a feature of their own.
TURNS_BACK = 4
TURNS_AHEAD = 2

#: Words that call the listener a man or a woman ("No, sir."): the speaker is the other one.
CALLS_MALE = re.compile(r"\b(?:sir|my (?:dear )?(?:boy|fellow|lord|man))\b", re.IGNORECASE)
CALLS_FEMALE = re.compile(
    r"\b(?:madam|ma'am|my (?:dear )?(?:girl|lady))\b|\bmiss\b", re.IGNORECASE
)

RuleFn = Callable[[QuoteInfo, Neighbours], "int | None"]


def pronoun_gender(tok: Token | None) -> str | None:
    """ "m" for "he", "f" for "she", else None."""
    if tok is None:
        return None
    low = tok.lower_
    return "m" if low in MALE_PRONOUNS else "f" if low in FEMALE_PRONOUNS else None


def feature_names(rule_ids: Sequence[str]) -> list[str]:
    """The names of the columns of a candidate's row, in order (the weights file keeps them,
    so a file made for other features is refused rather than misread)."""
    common = common_names(rule_ids)
    gated = [f"uncued_turn_{common[k]}" for k in gated_columns(common)]
    return common + PRONOUN_NAMES + TURN_NAMES + RECENCY_NAMES + gated


def common_names(rule_ids: Sequence[str]) -> list[str]:
    """The columns every quote's candidates fill alike."""
    names = [f"rule_{r}" for r in rule_ids]
    names += ["first_rule"]
    names += [f"turn_back_{k}" for k in range(1, TURNS_BACK + 1)]
    names += [f"turn_back_{k}_turn" for k in range(1, TURNS_BACK + 1)]
    names += [f"turn_back_{k}_cue" for k in range(1, TURNS_BACK + 1)]
    names += [f"turn_ahead_{k}" for k in range(1, TURNS_AHEAD + 1)]
    names += [f"turn_ahead_{k}_turn" for k in range(1, TURNS_AHEAD + 1)]
    names += [
        "prev_same_para",
        "next_same_para",
        "prev_para_open",
        "prev_para_closed_opens",
        "prev_addressed",
        "next_addressed",
        "before",
        "intro",
        "reported",
        "last_spoke_recency",
        "window_quotes",
        "mention_same_para_before",
        "mention_same_para_after",
        "mention_prev_para",
        "mention_subject",
        "mention_name",
        "mention_count",
        "mention_near",
        "salience_0",
        "salience_1",
        "salience_2",
        "subject_after",
        "two_party_back_1",
        "two_party_back_2",
        "narrator",
        "narrator_in_para",
        "narrator_in_prev_para",
        "called_same_gender",
        "called_other_gender",
        "kind_person",
        "kind_description",
        "kind_org",
        "bias_exchange",
        "bias_mention_only",
        "pronoun_answer",
        "pronoun_gender_known",
        "pronoun_fits_0",
        "pronoun_fits_1",
        "pronoun_fits_2",
        "pronoun_turn_back_1",
        "pronoun_turn_back_2",
        "voiced",
        "newcomer_unheard",
        "newcomer_unspoken",
    ]
    return names


def _turns(infos: list[QuoteInfo], i: int, step: int, count: int) -> list[QuoteInfo | None]:
    """The quote nearest to quote i in each of the next ``count`` quote-bearing paragraphs in
    direction ``step`` (the last quote of a paragraph before, the first of one after)."""
    out: list[QuoteInfo | None] = []
    para = infos[i].paragraph
    j = i + step
    limit = BACK_QUOTES if step < 0 else AHEAD_QUOTES
    while 0 <= j < len(infos) and abs(j - i) <= limit and len(out) < count:
        o = infos[j]
        if o.paragraph != para:
            out.append(o)
            para = o.paragraph
        j += step
    return out + [None] * (count - len(out))


def quote_features(
    st: DiscourseState,
    infos: list[QuoteInfo],
    i: int,
    rules: Sequence[tuple[str, RuleFn]],
) -> tuple[list[int], list[list[float]], tuple[str, int] | None]:
    """The candidates of quote i (cluster ids), their rows of features, and the first rule
    that answers with its answer (the sieve's own choice), for a quote with no cue."""
    q = infos[i]
    near = Neighbours(infos, i)
    clusters = st.registry.clusters
    answers: dict[str, int] = {}
    first_rule: str | None = None
    gender = q.pronoun
    if gender is not None and q.cluster is not None:
        first_rule = "pronoun"
        answers["pronoun"] = q.cluster
    for rid, fn in rules:
        found = fn(q, near)
        if found is not None:
            answers[rid] = found
            if first_rule is None:
                first_rule = rid
    back = _turns(infos, i, -1, TURNS_BACK)
    ahead = _turns(infos, i, 1, TURNS_AHEAD)
    prev, nxt = near.prev, near.next

    cands: dict[int, None] = {}
    exchange: set[int] = set()

    def add(cid: int | None, in_exchange: bool = True) -> None:
        if cid is None:
            return
        cands.setdefault(cid, None)
        if in_exchange:
            exchange.add(cid)

    for cid in answers.values():
        add(cid)
    for o in (*back, *ahead):
        if o is not None:
            add(o.cluster)
    for j in range(max(0, i - BACK_QUOTES), min(len(infos), i + AHEAD_QUOTES + 1)):
        if j != i:
            add(infos[j].cluster)
    if prev is not None:
        add(prev.turn_addressee)
    if nxt is not None:
        add(nxt.addressee_cluster)
    add(q.before)
    add(q.intro)
    add(q.reported)
    narrator = st.narrator_id
    i_para = i_prev = False
    if narrator is not None:
        add(narrator)
        i_para = narration_says_i(st, infos, i, q.paragraph)
        i_prev = narration_says_i(st, infos, i, q.paragraph - 1)
    said = st.text[q.start : q.end]
    called = "m" if CALLS_MALE.search(said) else "f" if CALLS_FEMALE.search(said) else None

    # mentions near the quote, from WINDOW_SENTENCES before it to the end of its last sentence
    mentions = st.mentions
    lo = q.sent_first - WINDOW_SENTENCES
    a = bisect_left(mentions, lo, key=lambda m: m.sent)
    b = bisect_left(mentions, q.sent_last + 1, lo=a, key=lambda m: m.sent)
    window = [
        m for m in mentions[a:b] if not q.start <= m.start < q.end and m.start != q.cue_at
    ]
    # the subject of the sentence right after the quote, in its paragraph ("Elinor smiled."),
    # other than the cue's own pronoun ("he said"), which names whoever the cue rule chose
    c_after = bisect_left(mentions, q.sent_last + 2, lo=b, key=lambda m: m.sent)
    subject_after = {
        m.cluster
        for m in mentions[a:c_after]
        if m.subject
        and m.start >= q.end
        and m.start != q.cue_at
        and st.paragraph_of(m.start) == q.paragraph
    }
    before_q = [m for m in window if m.start < q.start]
    rank: dict[int, int] = {}
    for k, m in enumerate(by_salience(reversed(before_q), q.sent_first)):
        if k > 2:
            break
        rank.setdefault(m.cluster, k)
    stats: dict[int, list[float]] = {}
    for m in window:
        kind = clusters[m.cluster].kind
        if kind == "org":
            continue
        add(m.cluster, in_exchange=False)
        s = stats.setdefault(m.cluster, [0.0] * 7)
        para = st.paragraph_of(m.start)
        if para == q.paragraph:
            if m.start < q.start:
                s[0] = 1.0
            else:
                s[1] = 1.0
        elif para == q.paragraph - 1:
            s[2] = 1.0
        s[3] = max(s[3], float(m.subject))
        s[4] = max(s[4], float(m.kind == "name"))
        s[5] += 1.0
        dist = q.start - m.end if m.start < q.start else m.start - q.end
        s[6] = max(s[6], 1.0 / (1.0 + max(0, dist) / 100.0))

    pc = pronoun_cues(st, infos, i, before_q)
    tt = turns(st, infos, i, back)
    rc = recency(st, infos, i, before_q, back)
    for cid in pc.candidates():
        add(cid, in_exchange=False)

    last_spoke: dict[int, int] = {}
    spoke: dict[int, int] = {}
    for j in range(max(0, i - BACK_QUOTES), min(len(infos), i + AHEAD_QUOTES + 1)):
        c = infos[j].cluster
        if c is not None and j != i:
            spoke[c] = spoke.get(c, 0) + 1
            if j < i:
                last_spoke[c] = j

    fits: dict[int, int] = {}
    if gender is not None:
        for c in list(cands):
            cl = clusters[c]
            if cl.kind == "org" or cl.gender not in (None, gender):
                del cands[c]
        # the people the pronoun may mean, in the order the pronoun rule weighs them
        cue_at = q.cue_at if q.cue_at is not None else q.start
        for m in by_salience(reversed([m for m in window if m.start < cue_at]), q.sent_last):
            if m.cluster in cands and m.cluster not in fits:
                fits[m.cluster] = len(fits)
                if len(fits) > 2:
                    break
    # a turn that calls someone by name ("Tut, tut! Miss Lucy!") is spoken to them, not by
    # them: they are no candidate while anyone else is
    others = [c for c in cands if c != q.turn_addressee]
    ids = others if others else list(cands)
    newcomers = named_in_narration(st, q, window)
    two_party = len(spoke) == 2
    own_turn = float(gender is None and q.turn)  # its common row weighed apart too
    gated = gated_columns(common_names([r for r, _ in rules]))
    heard = voiced(st, infos)
    rows: list[list[float]] = []
    rule_ids = [rid for rid, _ in rules]
    for cid in ids:
        c = clusters[cid]
        row = [float(answers.get(rid) == cid) for rid in rule_ids]
        row.append(float(first_rule is not None and answers[first_rule] == cid))
        row += [float(o is not None and o.cluster == cid) for o in back]
        row += [float(o is not None and o.cluster == cid and q.turn and o.turn) for o in back]
        row += [float(o is not None and o.cluster == cid and o.has_cue) for o in back]
        row += [float(o is not None and o.cluster == cid) for o in ahead]
        row += [float(o is not None and o.cluster == cid and q.turn and o.turn) for o in ahead]
        same_prev = prev is not None and prev.paragraph == q.paragraph
        same_next = nxt is not None and nxt.paragraph == q.paragraph
        row += [
            float(same_prev and prev is not None and prev.cluster == cid),
            float(same_next and nxt is not None and nxt.cluster == cid),
            float(
                prev is not None
                and prev.paragraph == q.paragraph - 1
                and not prev.closed
                and prev.cluster == cid
            ),
            float(
                prev is not None
                and prev.paragraph == q.paragraph - 1
                and prev.closed
                and q.opens_paragraph
                and prev.cluster == cid
            ),
            float(prev is not None and prev.turn_addressee == cid and prev.cluster != cid),
            float(nxt is not None and nxt.addressee_cluster == cid and nxt.cluster != cid),
            float(q.before == cid),
            float(q.intro == cid),
            float(q.reported == cid),
            1.0 / (i - last_spoke[cid]) if cid in last_spoke else 0.0,
            math.log1p(spoke.get(cid, 0)),
        ]
        s = stats.get(cid)
        if s is None:
            row += [0.0] * 7
        else:
            row += [s[0], s[1], s[2], s[3], s[4], math.log1p(s[5]), s[6]]
        r = rank.get(cid)
        row += [float(r == 0), float(r == 1), float(r == 2)]
        row += [
            float(cid in subject_after),
            float(two_party and back[0] is not None and back[0].cluster == cid),
            float(two_party and back[1] is not None and back[1].cluster == cid),
            float(cid == narrator),
            float(cid == narrator and i_para),
            float(cid == narrator and i_prev),
            float(called is not None and c.gender == called),
            float(called is not None and c.gender not in (None, called)),
            float(c.kind == "person"),
            float(c.kind == "description"),
            float(c.kind == "org"),
            float(cid in exchange),
            float(cid not in exchange),
        ]
        pq = gender is not None
        row += [
            float(pq and answers.get("pronoun") == cid),
            float(pq and c.gender == gender),
            float(pq and fits.get(cid) == 0),
            float(pq and fits.get(cid) == 1),
            float(pq and fits.get(cid) == 2),
            float(pq and back[0] is not None and back[0].cluster == cid),
            float(pq and back[1] is not None and back[1].cluster == cid),
        ]
        row.append(float(cid in heard))
        row += [
            float(cid in newcomers and cid not in heard),
            float(cid in newcomers and cid not in last_spoke),
        ]
        prev_addressed = prev is not None and prev.turn_addressee == cid and prev.cluster != cid
        row += pc.row(cid, prev_addressed, s is not None and s[0] > 0, cid in heard)
        row += tt.row(cid)
        row += rc.row(cid, pq and fits.get(cid) == 0, pq and pc.speakers[:1] == [cid])
        row += [row[k] * own_turn for k in gated]
        rows.append(row)
    return ids, rows, (first_rule, answers[first_rule]) if first_rule is not None else None
