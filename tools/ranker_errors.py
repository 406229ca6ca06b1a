"""Where the speaker ranker goes wrong on converted novels: for every quote it weighs (no cue,
in dialogue), whether the gold speaker is among its candidates at all, whether the text knows
them as anyone, and how often its choice is right, by the quote's place in the exchange
(after a cued turn, after an uncued one, after narration, in the same paragraph as the quote
before) and the scene's size (two speakers in the quotes around it, or more).

    python tools/ranker_errors.py --corpus TEXTS GOLD [--rules]

``--rules`` weighs nothing: the sieve's first rule answers, as the training script records.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from evaluate import DEFAULT_CACHE
from train_ranker import Text, analyse, match, speaker_ok

from reader.analysis.engine import Engine
from reader.analysis.ranker import default_ranker
from reader.analysis.state import QuoteInfo
from reader.analysis.stream import pipeline

#: How many quotes either side count towards a scene's speakers.
SCENE = 8


def place(infos: list[QuoteInfo], i: int) -> str:
    """Where quote i sits in its exchange."""
    q, prev = infos[i], infos[i - 1] if i else None
    if prev is not None and prev.paragraph == q.paragraph:
        return "same paragraph"
    if prev is not None and prev.paragraph == q.paragraph - 1:
        return "after a cued turn" if prev.has_cue else "after an uncued turn"
    return "after narration"


def tally(t: Text, engine: Engine, counts: dict[tuple[str, str], Counter[str]]) -> None:
    """Add the quotes of ``engine``'s analysis of ``t`` that the ranker weighed to ``counts``."""
    st = engine.state
    found = match(t.gold, [(q.start, q.end) for q in st.quotes])
    clusters = st.registry.clusters
    index = {o.qid: k for k, o in enumerate(st.infos)}
    for qid, ids, _, _ in engine.record or []:
        gi = found.get(qid)
        if gi is None or qid not in index:
            continue
        aliases = t.gold[gi]["speaker"]
        i = index[qid]
        near = st.infos[max(0, i - SCENE) : i + SCENE + 1]
        people = {o.cluster for o in near if o.cluster is not None and o.qid != qid}
        scene = "two speakers" if len(people) <= 2 else "three or more"
        for key in ((place(st.infos, i), scene), ("all", "")):
            c = counts.setdefault(key, Counter())
            c["quotes"] += 1
            c["candidate"] += any(speaker_ok(clusters[k].canonical, aliases) for k in ids)
            c["known"] += any(speaker_ok(k.canonical, aliases) for k in clusters)
            c["right"] += speaker_ok(st.quotes[qid].speaker, aliases)


def report(counts: dict[tuple[str, str], Counter[str]]) -> str:
    lines = [f"{'place':22s} {'scene':14s} {'quotes':>7s} {'cand.':>6s} {'known':>6s} "
             f"{'right':>6s} {'right|cand.':>11s}"]  # fmt: skip
    for (where, scene), c in sorted(counts.items()):
        n = c["quotes"]
        lines.append(
            f"{where:22s} {scene:14s} {n:7d} {c['candidate'] / n:6.3f} {c['known'] / n:6.3f} "
            f"{c['right'] / n:6.3f} {c['right'] / max(1, c['candidate']):11.3f}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", nargs=2, action="append", type=Path, metavar=("TEXTS", "GOLD"))
    ap.add_argument("--rules", action="store_true", help="the rules' first answer, no ranker")
    ap.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    args = ap.parse_args(argv)
    texts = [
        Text(path, gdir / f"{path.stem}.json")
        for tdir, gdir in args.corpus or []
        for path in sorted(tdir.glob("*.txt"))
        if (gdir / f"{path.stem}.json").exists()
    ]
    if not texts:
        print("No text with a gold file in the corpora given.", file=sys.stderr)
        return 2
    args.cache.mkdir(parents=True, exist_ok=True)
    nlp, mid = pipeline(None, None)
    ranker = None if args.rules else default_ranker()
    counts: dict[tuple[str, str], Counter[str]] = {}
    for t in texts:
        tally(t, analyse(t, ranker, nlp, mid, args.cache), counts)
    if not counts:
        print("No quote in these texts is one the ranker weighs.", file=sys.stderr)
        return 2
    print(report(counts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
