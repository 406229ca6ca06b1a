"""Retrain the speaker ranker (reader/analysis/data/ranker.json) from converted corpora.

Each text is analysed with the rules alone (kept parses as tools/evaluate.py keeps them); for
every quote with no cue the engine records its candidates and their features, and a candidate
is right when its final name names the gold speaker of the gold quote the quote matches (the
scorer's rules: spans with Jaccard >= 0.5, a name that is the gold person's). A softmax over
each quote's candidates (L2-regularised, full-batch gradient descent from zero, a fixed number
of steps) gives the weights; ``--rounds 2`` records a second time with the first weights in
the loop (the beam's own choices for the previous turns, as when used) and fits the records
of both rounds together (DAgger: the second round alone, without the first, lost).
The same inputs give the same file, byte for byte.

    python tools/train_ranker.py --corpus TEXTS GOLD [--corpus TEXTS GOLD ...] [--out FILE]
    python tools/train_ranker.py --corpus TEXTS GOLD --cv 6   # cross-validation by text
    python tools/train_ranker.py --corpus FULL/texts FULL/gold --cv 3 \
        --cv-also OPENINGS/texts OPENINGS/gold   # and each left-out text's opening
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path

import numpy as np
from evaluate import DEFAULT_CACHE, run

from reader.analysis.engine import Engine
from reader.analysis.ranker import BANDS, RULES, WEIGHTS, Ranker, Record
from reader.analysis.ranker_features import feature_names
from reader.analysis.stream import pipeline

OUT = Path(__file__).resolve().parents[1] / "reader" / "analysis" / "data" / WEIGHTS
TITLES = {"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "lady", "lord", "president",
          "secretary", "minister", "senator", "sen", "rep", "gov", "governor", "gen",
          "general", "lt", "col", "capt", "captain", "judge", "justice", "rev", "the"}  # fmt: skip


def norm_tokens(name: str | None) -> list[str]:
    if not name:
        return []
    s = unicodedata.normalize("NFKD", name).lower()
    s = re.sub(r"[’']s\b", "", s)
    s = re.sub(r"[^a-z0-9 ]+", " ", s)
    return [t for t in s.split() if t not in TITLES]


def speaker_ok(pred: str | None, aliases: list[str]) -> bool:
    """The scorer's rule: an alias, or a subset of the full name that includes the surname."""
    p = norm_tokens(pred)
    if not p:
        return False
    if any(p == norm_tokens(a) for a in aliases):
        return True
    full = max((norm_tokens(a) for a in aliases), key=len)
    return bool(full) and full[-1] in p and set(p) <= set(full)


def match(gold: list[dict], pred: list[tuple[int, int]]) -> dict[int, int]:
    """Predicted quote -> gold quote, one to one, best overlap first (Jaccard >= 0.5)."""
    pairs = []
    for gi, g in enumerate(gold):
        for pi, (ps, pe) in enumerate(pred):
            inter = min(g["end"], pe) - max(g["start"], ps)
            if inter > 0:
                union = max(g["end"], pe) - min(g["start"], ps)
                if inter / union >= 0.5:
                    pairs.append((inter / union, gi, pi))
    pairs.sort(reverse=True)
    used_g: set[int] = set()
    out: dict[int, int] = {}
    for _, gi, pi in pairs:
        if gi not in used_g and pi not in out:
            used_g.add(gi)
            out[pi] = gi
    return out


class Text:
    """One training text and its gold quotes."""

    def __init__(self, path: Path, gold: Path) -> None:
        self.name = path.stem
        self.text = path.read_text("utf-8")
        self.gold = json.loads(gold.read_text("utf-8"))["quotes"]


def analyse(t: Text, ranker: Ranker | None, nlp, mid: str, cache: Path) -> Engine:
    engine = Engine(t.text)
    engine.ranker = ranker
    engine.record = []
    run(engine, nlp, mid, cache)
    engine.snapshot()
    return engine


def examples(
    t: Text, engine: Engine, reachable: bool = True
) -> list[tuple[list[list[float]], list[bool]]]:
    """(rows, which candidates are right) for each recorded quote that matches a gold quote
    (only those with the speaker among their candidates when ``reachable``)."""
    st = engine.state
    found = match(t.gold, [(q.start, q.end) for q in st.quotes])
    clusters = st.registry.clusters
    out = []
    records: list[Record] = engine.record or []
    for qid, ids, rows, _ in records:
        gi = found.get(qid)
        if gi is None or not ids:
            continue
        aliases = t.gold[gi]["speaker"]
        labels = [speaker_ok(clusters[c].canonical, aliases) for c in ids]
        if any(labels) or not reachable:
            out.append((rows, labels))
    return out


def end_to_end(t: Text, engine: Engine) -> tuple[int, int, int]:
    """(right, predicted, gold) quotes as the scorer counts them."""
    st = engine.state
    quotes = st.quotes
    found = match(t.gold, [(q.start, q.end) for q in quotes])
    right = sum(
        speaker_ok(quotes[pi].speaker, t.gold[gi]["speaker"]) for pi, gi in found.items()
    )
    return right, len(quotes), len(t.gold)


def fit(data: list[tuple[list[list[float]], list[bool]]], l2: float, steps: int) -> np.ndarray:
    """Weights maximising the log-probability of the right candidates (summed when several
    are the same person), minus l2/2 |w|^2, by gradient descent with momentum from zero."""
    nf = len(data[0][0][0])
    x = np.array([r for rows, _ in data for r in rows], dtype=np.float64)
    pos = np.array([lab for _, labels in data for lab in labels], dtype=np.float64)
    sizes = np.array([len(rows) for rows, _ in data])
    starts = np.concatenate(([0], np.cumsum(sizes)[:-1]))
    group = np.repeat(np.arange(len(data)), sizes)
    n = len(data)
    w = np.zeros(nf)
    v = np.zeros(nf)
    rate, momentum = 0.5, 0.9
    for _ in range(steps):
        s = x @ w
        top = np.maximum.reduceat(s, starts)[group]
        e = np.exp(s - top)
        p_all = e / np.add.reduceat(e, starts)[group]
        ep = e * pos
        p_pos = ep / np.add.reduceat(ep, starts)[group]
        grad = x.T @ (p_all - p_pos) / n + l2 * w
        v = momentum * v - rate * grad
        w = w + v
    return w


def accuracy(w: np.ndarray, data: list[tuple[list[list[float]], list[bool]]]) -> float:
    right = 0
    for rows, labels in data:
        s = np.array(rows) @ w
        right += labels[int(np.argmax(s))]
    return right / len(data) if data else 0.0


def to_ranker(w: np.ndarray) -> Ranker:
    names = feature_names([r for r, _ in RULES])
    return Ranker(tuple(names), tuple(round(float(x), 6) for x in w))


class NoExamples(Exception):
    """No quote of the texts is one the ranker weighs with its speaker among the candidates."""


def calibrate(ranker: Ranker, data: list[tuple[list[list[float]], list[bool]]]) -> Ranker:
    """The ranker with its confidence table: for each band of the top candidate's
    probability, the share of the quotes in it whose speaker that candidate is, counting the
    quotes whose speaker is no candidate at all (rising with the probability)."""
    hits = [0] * len(BANDS)
    seen = [0] * len(BANDS)
    for rows, labels in data:
        probs = ranker.probabilities(rows)
        best = max(range(len(rows)), key=lambda k: (probs[k], -k))
        band = next(b for b, top in enumerate(BANDS) if probs[best] <= top)
        seen[band] += 1
        hits[band] += labels[best]
    table: list[float] = []
    for band in range(len(BANDS)):
        share = (hits[band] + 1) / (seen[band] + 2)  # one right and one wrong seen in advance
        table.append(round(max(share, table[-1] if table else 0.0), 3))
    return Ranker(ranker.features, ranker.weights, tuple(zip(BANDS, table, strict=True)))


Examples = list[tuple[list[list[float]], list[bool]]]


class RulesOnly:
    """Each text's analysis by the rules alone, done once: its examples for a first round of
    training and its end-to-end counts (cross-validation asks for them in every fold)."""

    def __init__(self, nlp, mid: str, cache: Path) -> None:
        self.nlp, self.mid, self.cache = nlp, mid, cache
        self.done: dict[str, tuple[Examples, tuple[int, int, int]]] = {}

    def __call__(self, t: Text) -> tuple[Examples, tuple[int, int, int]]:
        if t.name not in self.done:
            engine = analyse(t, None, self.nlp, self.mid, self.cache)
            self.done[t.name] = (examples(t, engine, reachable=False), end_to_end(t, engine))
        return self.done[t.name]


def train(
    texts: list[Text],
    l2: float,
    steps: int,
    rounds: int,
    nlp,
    mid: str,
    cache: Path,
    rules_only: RulesOnly | None = None,
) -> Ranker:
    ranker: Ranker | None = None
    every: Examples = []
    first = rules_only or RulesOnly(nlp, mid, cache)
    for _ in range(max(1, rounds)):
        for t in texts:
            if ranker is None:
                every += first(t)[0]
            else:
                every += examples(t, analyse(t, ranker, nlp, mid, cache), reachable=False)
        data = [ex for ex in every if any(ex[1])]
        if not data:
            raise NoExamples
        ranker = to_ranker(fit(data, l2, steps))
    assert ranker is not None
    return calibrate(ranker, every)


def cross_validate(
    texts: list[Text],
    folds: int,
    l2: float,
    steps: int,
    rounds: int,
    nlp,
    mid: str,
    cache: Path,
    out: Path | None = None,
    also: dict[str, list[tuple[str, Text]]] | None = None,
) -> None:
    """Train on all folds but one, score the one left out end to end; print the totals and
    each text's F1 (and write the analyses of the texts left out to ``out``). ``also`` gives
    other versions of a text (its first 60,000 characters) scored with the same fold's
    ranker, so the openings are measured out of sample too."""
    totals = np.zeros(3)
    base = np.zeros(3)
    extra: dict[str, np.ndarray] = {}
    chosen = []
    rules_only = RulesOnly(nlp, mid, cache)
    for k in range(folds):
        test = [t for i, t in enumerate(texts) if i % folds == k]
        rest = [t for i, t in enumerate(texts) if i % folds != k]
        ranker = train(rest, l2, steps, rounds, nlp, mid, cache, rules_only)
        w = np.array(ranker.weights)
        fold = np.zeros(3)
        for t in test:
            engine = analyse(t, ranker, nlp, mid, cache)
            fold += end_to_end(t, engine)
            if out is not None:
                out.mkdir(parents=True, exist_ok=True)
                (out / f"{t.name}.json").write_text(engine.snapshot().to_json(), "utf-8")
            chosen += [(accuracy(w, [ex]), len(ex[0])) for ex in examples(t, engine)]
            base += rules_only(t)[1]
            print(f"  {t.name}: {f1(*end_to_end(t, engine)):.3f}")
            for label, other in (also or {}).get(t.name, []):
                got = np.array(end_to_end(other, analyse(other, ranker, nlp, mid, cache)))
                extra[label] = extra.get(label, np.zeros(3)) + got
                print(f"  {t.name} ({label}): {f1(*got):.3f}")
        totals += fold
        print(f"fold {k} ({', '.join(t.name for t in test)}): end-to-end F1 {f1(*fold):.3f}")
    right = sum(a for a, _ in chosen)
    print(f"the speaker chosen where a candidate: {right / len(chosen):.3f} of {len(chosen)}")
    for label, (right, pred, gold) in (("rules", base), ("ranker", totals)):
        p, r = right / pred, right / gold
        print(f"{label:7s} end-to-end P/R/F1 {p:.3f}/{r:.3f}/{f1(right, pred, gold):.3f}")
    for label, (right, pred, gold) in sorted(extra.items()):
        print(f"ranker ({label}) end-to-end F1 {f1(right, pred, gold):.3f}")


def f1(right: float, pred: float, gold: float) -> float:
    """End-to-end F1 from (right, predicted, gold) counts."""
    return 2 * right / (pred + gold) if pred + gold else 0.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", nargs=2, action="append", type=Path, metavar=("TEXTS", "GOLD"))
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--l2", type=float, default=0.001)
    ap.add_argument("--steps", type=int, default=1500)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--cv", type=int, default=0, help="cross-validate over this many folds")
    ap.add_argument("--cv-out", type=Path, default=None, help="where --cv writes analyses")
    ap.add_argument(
        "--cv-also",
        nargs=2,
        action="append",
        type=Path,
        metavar=("TEXTS", "GOLD"),
        help="other versions of the texts (same names), scored with each fold's ranker",
    )
    ap.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    args = ap.parse_args(argv)
    if not args.corpus:
        print("Give at least one --corpus TEXTS GOLD.", file=sys.stderr)
        return 2
    texts = []
    for tdir, gdir in args.corpus:
        for path in sorted(tdir.glob("*.txt")):
            gold = gdir / f"{path.stem}.json"
            if gold.exists():
                texts.append(Text(path, gold))
    if not texts:
        print("No text with a gold file in the corpora given.", file=sys.stderr)
        return 2
    args.cache.mkdir(parents=True, exist_ok=True)
    nlp, mid = pipeline(None, None)
    try:
        if args.cv:
            also: dict[str, list[tuple[str, Text]]] = {}
            for tdir, gdir in args.cv_also or []:
                for path in sorted(tdir.glob("*.txt")):
                    gold = gdir / f"{path.stem}.json"
                    if gold.exists():
                        also.setdefault(path.stem, []).append((tdir.parent.name, Text(path, gold)))
            cross_validate(
                texts,
                args.cv,
                args.l2,
                args.steps,
                args.rounds,
                nlp,
                mid,
                args.cache,
                args.cv_out,
                also,
            )
            return 0
        ranker = train(texts, args.l2, args.steps, args.rounds, nlp, mid, args.cache)
    except NoExamples:
        print("No quote in these texts for the ranker to learn from.", file=sys.stderr)
        return 2
    data = {
        "about": "speaker ranker for quotes with no cue; made by tools/train_ranker.py",
        "texts": [t.name for t in texts],
        "l2": args.l2,
        "steps": args.steps,
        "rounds": args.rounds,
        "features": list(ranker.features),
        "weights": list(ranker.weights),
        "confidence": [list(band) for band in ranker.confidence],
    }
    args.out.write_text(json.dumps(data, indent=1) + "\n", "utf-8")
    print(f"{args.out}: {len(texts)} texts", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
