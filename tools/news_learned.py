"""Would a small learned model beat the news rules? Cross-validated by article (issue 11).

Two studies on a PolNeAR folder (texts and the gold of ``polnear.py``), each reporting what
a model trained on the other folds would change in the fold left out, against the rules:

``short``   every quoted span of at most six words whose shape the rules accept (titles and
            capitalised names are set aside first and never count: titles are not quotes),
            with the features below and the rules' decision; a span is a quote when a gold
            quote overlaps it at character Jaccard >= 0.5, the scorer's match. A logistic
            regression over the spans the rules DROP says which it would keep, by threshold.
``speaker`` every news quote with no cue that the discourse rules attribute, with the
            candidates and features the novels' ranker weighs (``ranker_features``); a softmax
            over them (``train_ranker.fit``) says where it would choose another speaker than
            the rules, and who is right then (the scorer's strict name rule).

    python tools/news_learned.py short|speaker TEXTS_DIR GOLD_DIR [--folds 5]

Nothing here is shipped: on the development slice neither model beat the rules out of fold
(the figures are in the news31 report); this keeps the experiment repeatable.
"""

from __future__ import annotations

import argparse
import json
import sys
from bisect import bisect_right
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from reader.analysis.lexicon import word_set

if TYPE_CHECKING:
    from spacy.tokens import Doc

SHORT = 6
#: 0.0: every span (or every disagreement) the model leans to at all.
THRESHOLDS = (0.0, 0.5, 0.6, 0.7, 0.8)
_PERSONAL = word_set("i me my we us our you your mine ours")
_ARM_LENGTH = word_set(
    """called dubbed so-called titled entitled nicknamed termed labeled labelled term word
    phrase label slogan nickname known as"""
)
_ATTACH = ("dobj", "pobj", "attr", "oprd", "nsubj", "conj", "appos", "compound", "amod")


def span_features(doc: Doc, a: int, b: int, s0: int, s1: int) -> dict[str, float]:
    """The quote over tokens a..b (marks included) in the sentence s0..s1: its length and
    shape, what holds it, and the speech verbs and naming words around it."""
    from reader.analysis.fragments import fragment_root
    from reader.analysis.syntax import is_speech_verb

    inner = [t for t in doc[a : b + 1] if not t.is_punct and not t.is_space]
    n = len(inner)
    prev = doc[a - 1] if a > s0 else None
    nxt = doc[b + 1] if b + 1 < s1 else None
    outside = [t for t in doc[s0:s1] if not a <= t.i <= b]
    root = fragment_root(doc, a, b)
    dep = root.dep_ if root is not None else ""
    f = {
        "bias": 1.0,
        "words_1": n <= 1,
        "words_2_3": 2 <= n <= 3,
        "verb_inside": any(t.pos_ in ("VERB", "AUX") for t in inner),
        "personal_inside": any(t.lower_ in _PERSONAL for t in inner),
        "capital_first": bool(inner) and inner[0].text[:1].isupper(),
        "noun_only": bool(inner) and all(t.pos_ in ("NOUN", "PROPN", "ADJ", "DET") for t in inner),
        "punct_inside": doc[max(a, b - 1)].text in (",", ".", "!", "?"),
        "after_naming": prev is not None and prev.lower_ in _ARM_LENGTH,
        "after_det": prev is not None and prev.dep_ in ("det", "poss"),
        "after_colon": prev is not None and prev.text in (":", "—", "–"),
        "sentence_start": prev is None,
        "before_noun": nxt is not None and nxt.pos_ in ("NOUN", "PROPN"),
        "speech_verb": any(is_speech_verb(t) for t in outside),
        "head_speech": root is not None and is_speech_verb(root.head),
        "head_verb": root is not None and root.head.pos_ == "VERB",
        "person_subject": any(
            t.ent_type_ == "PERSON" and t.dep_.startswith("nsubj") for t in outside
        ),
    }
    f.update({f"dep_{d}": dep == d for d in _ATTACH})
    return {k: float(v) for k, v in f.items()}


def logistic(x: np.ndarray, y: np.ndarray, l2: float = 1.0) -> np.ndarray:
    """Logistic regression weights (L2, the first column's unpenalised) by Newton's method."""
    w = np.zeros(x.shape[1])
    reg = np.full(x.shape[1], l2)
    reg[0] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-np.clip(x @ w, -30, 30)))
        hess = (x.T * (p * (1 - p))) @ x + np.diag(reg + 1e-6)
        step = np.linalg.solve(hess, x.T @ (p - y) + reg * w)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def folds_of(docs: set[str], folds: int) -> dict[str, int]:
    """Each article's fold: by sorted name, in turn (every fold spans publishers and months)."""
    return {d: i % folds for i, d in enumerate(sorted(docs))}


def oof_spans(rows: list[dict], folds: int) -> dict[float, tuple[int, int]]:
    """For each threshold: (quotes, false ones) a model fitted on the other folds would add
    among the spans the rules drop, summed over the folds left out."""
    dropped = [r for r in rows if not r["kept"]]
    names = sorted({k for r in dropped for k in r["f"]}, key=lambda n: (n != "bias", n))
    fold = folds_of({r["doc"] for r in dropped}, folds)
    out = dict.fromkeys(THRESHOLDS, (0, 0))
    for k in range(folds):
        train = [r for r in dropped if fold[r["doc"]] != k]
        test = [r for r in dropped if fold[r["doc"]] == k]
        if not train or not test or len({r["y"] for r in train}) < 2:
            continue
        x = np.array([[r["f"].get(n, 0.0) for n in names] for r in train])
        w = logistic(x, np.array([float(r["y"]) for r in train]))
        xt = np.array([[r["f"].get(n, 0.0) for n in names] for r in test])
        p = 1 / (1 + np.exp(-(xt @ w)))
        for t in THRESHOLDS:
            right = sum(1 for r, q in zip(test, p, strict=True) if q >= t and r["y"])
            wrong = sum(1 for r, q in zip(test, p, strict=True) if q >= t and not r["y"])
            out[t] = (out[t][0] + right, out[t][1] + wrong)
    return out


def oof_speakers(records: list[dict], folds: int, l2: float) -> dict[float, tuple[int, int, int]]:
    """For each threshold: (switches, model right, rules right) where a softmax fitted on
    the other folds would choose another candidate than the rules with that probability."""
    from train_ranker import fit  # type: ignore[import-not-found]

    fold = folds_of({r["doc"] for r in records}, folds)
    out = dict.fromkeys(THRESHOLDS, (0, 0, 0))
    for k in range(folds):
        train = [(r["rows"], r["labels"]) for r in records
                 if fold[r["doc"]] != k and any(r["labels"])]  # fmt: skip
        if not train:
            continue
        w = fit(train, l2, 1500)
        for r in (r for r in records if fold[r["doc"]] == k):
            s = np.array(r["rows"]) @ w
            p = np.exp(s - s.max())
            p /= p.sum()
            best = int(p.argmax())
            for t in THRESHOLDS:
                if best != r["chosen"] and p[best] >= t:
                    n, m, ru = out[t]
                    out[t] = (n + 1, m + r["labels"][best], ru + r["rules_ok"])
    return out


def _jaccard_hit(s: int, e: int, gold: list[tuple[int, int]]) -> bool:
    return any(
        max(0, min(e, ge) - max(s, gs)) / (max(e, ge) - min(s, gs)) >= 0.5 for gs, ge in gold
    )


def collect_spans(files: list[Path], gold: Path) -> list[dict]:
    """The short accepted-shape spans of the texts, each with its features, the rules'
    decision ("kept") and its gold label ("y")."""
    from evaluate import DEFAULT_CACHE, run  # type: ignore[import-not-found]

    from reader.analysis import engine as em
    from reader.analysis.cues import quote_shape_of
    from reader.analysis.stream import pipeline

    nlp, mid = pipeline(None, None)
    rows: list[dict] = []
    original = em.Engine._quote
    name = [""]

    def recording(self, qs, trange, sents, sent_starts, k, inq):  # type: ignore[no-untyped-def]
        st, (a, b) = self.state, trange
        before, shape = len(st.quotes), quote_shape_of(self.state, qs)
        original(self, qs, trange, sents, sent_starts, k, inq)
        doc = st.doc
        if shape is None or doc is None:
            return
        if sum(1 for t in doc[a : b + 1] if not t.is_punct and not t.is_space) > SHORT:
            return
        s0 = sents[bisect_right(sent_starts, a) - 1].start
        rows.append({"doc": name[0], "start": qs.start, "end": qs.end,
                     "kept": len(st.quotes) > before,
                     "f": span_features(doc, a, b, s0, sents[k].end)})  # fmt: skip

    em.Engine._quote = recording  # type: ignore[method-assign]
    try:
        for f in files:
            name[0] = f.stem
            run(em.Engine(f.read_text("utf-8")), nlp, mid, DEFAULT_CACHE)
    finally:
        em.Engine._quote = original  # type: ignore[method-assign]
    spans = {f.stem: _gold(gold, f.stem) for f in files}
    for r in rows:
        r["y"] = _jaccard_hit(
            r["start"], r["end"], [(g["start"], g["end"]) for g in spans[r["doc"]]]
        )
    return rows


def collect_speakers(files: list[Path], gold: Path) -> list[dict]:
    """The news quotes with no cue that the discourse rules attribute, with the ranker's
    candidates and rows, which candidates name the gold speaker, and the rules' choice."""
    from evaluate import DEFAULT_CACHE, run  # type: ignore[import-not-found]
    from train_ranker import match, speaker_ok  # type: ignore[import-not-found]

    from reader.analysis import engine as em
    from reader.analysis.ranker import RULES, Choice
    from reader.analysis.ranker_features import quote_features
    from reader.analysis.stream import pipeline

    nlp, mid = pipeline(None, None)
    original = em.settle
    seen: list[tuple] = []

    def recording(st, infos, i):  # type: ignore[no-untyped-def]
        settled = original(st, infos, i)
        if isinstance(settled, Choice) and not st.fiction:
            ids, rows, _ = quote_features(st, infos, i, RULES)
            seen.append((infos[i].qid, ids, rows, settled.cluster))
        return settled

    out: list[dict] = []
    em.settle = recording
    try:
        for f in files:
            seen.clear()
            engine = em.Engine(f.read_text("utf-8"))
            run(engine, nlp, mid, DEFAULT_CACHE)
            engine.snapshot()
            st, quotes = engine.state, _gold(gold, f.stem)
            found = match(quotes, [(q.start, q.end) for q in st.quotes])
            names = st.registry.clusters
            for qid, ids, rows, chosen in seen:
                gi = found.get(qid)
                if gi is None or not ids:
                    continue
                aliases = quotes[gi]["speaker"]
                out.append({"doc": f.stem, "rows": rows,
                            "labels": [speaker_ok(names[c].canonical, aliases) for c in ids],
                            "chosen": ids.index(chosen) if chosen in ids else -1,
                            "rules_ok": speaker_ok(st.quotes[qid].speaker, aliases)})  # fmt: skip
    finally:
        em.settle = original
    return out


def _gold(gold: Path, stem: str) -> list[dict]:
    return json.loads((gold / f"{stem}.json").read_text("utf-8"))["quotes"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("study", choices=["short", "speaker"])
    ap.add_argument("texts", type=Path)
    ap.add_argument("gold", type=Path)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--l2", type=float, default=0.01, help="the speaker softmax's penalty")
    a = ap.parse_args(argv)
    files = sorted(f for f in a.texts.glob("*.txt") if (a.gold / f"{f.stem}.json").is_file())
    if len(files) < a.folds or a.folds < 2:
        print(f"Need at least {max(2, a.folds)} texts with a gold file, one fold each.",
              file=sys.stderr)  # fmt: skip
        return 2
    if a.study == "short":
        rows = collect_spans(files, a.gold)
        kept = [r for r in rows if r["kept"]]
        print(f"short spans {len(rows)}: the rules keep {len(kept)} "
              f"({sum(r['y'] for r in kept)} quotes) and drop {len(rows) - len(kept)} "
              f"({sum(r['y'] for r in rows if not r['kept'])} quotes)")  # fmt: skip
        for t, (right, wrong) in oof_spans(rows, a.folds).items():
            print(f"threshold {t}: out of fold the model adds {right} quotes, {wrong} false")
    else:
        recs = collect_speakers(files, a.gold)
        print(
            f"uncued news quotes {len(recs)}: the rules right {sum(r['rules_ok'] for r in recs)}"
            f", a right candidate for {sum(any(r['labels']) for r in recs)}"
        )
        for t, (n, model, rules) in oof_speakers(recs, a.folds, a.l2).items():
            print(
                f"p >= {t}: out of fold the model switches {n}: right {model} "
                f"(the rules were right on {rules})"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
