"""Whether a book's opening is attributed better when the engine has read the whole book: the
gold quotes of a prefix (the first 60,000 characters), as the prefix's own run and as the
whole book's run attributed them, counted right in one and wrong in the other, with why.

The engine attributes a quote in the step that reads it and only renames a cluster later, so
the two runs can differ only where the whole book renamed a speaker's cluster (a name heard
later, a form said more often, the narrator named), or near the prefix's end (its last parse
batch has no text after it to look ahead into). The second part is the same whole-book run
scored on the prefix's quotes and on the rest: a gap there is the book's later text being
easier or harder, not anything learned.

    python tools/early_vs_full.py PREFIX_GOLD PREFIX_RUN FULL_GOLD FULL_RUN [--list]
        [--prefix-texts DIR]

Each folder holds one NAME.json per book (gold as in ../shared/corpus, runs as
``tools/evaluate.py`` writes them).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from train_ranker import match, speaker_ok

#: A quote this close to the prefix's end may lack the look-ahead the whole run had.
EDGE_CHARS = 2_000


def matched(gold: list[dict], pred: list[dict]) -> dict[int, dict]:
    """Gold quote index -> the predicted quote matched to it."""
    pairs = match(gold, [(p["start"], p["end"]) for p in pred])
    return {gi: pred[pi] for pi, gi in pairs.items()}


def right(q: dict | None, aliases: list[str]) -> bool:
    return q is not None and speaker_ok(q.get("speaker"), aliases)


def why(a: dict | None, b: dict | None, prefix_end: int, narrator: str) -> str:
    """Why the prefix run's quote ``a`` and the whole run's ``b`` differ."""
    if a is None or b is None:
        return "found in one run only"
    if a["end"] > prefix_end - EDGE_CHARS:
        return "near the prefix's end"
    if (a.get("rule"), a.get("mention")) == (b.get("rule"), b.get("mention")):
        if a.get("speaker") == narrator:
            return "narrator named later"
        return "same choice, cluster renamed later"
    return "chosen differently"


def compare(
    gold: list[dict], early: list[dict], full: list[dict], prefix_end: int
) -> tuple[Counter[tuple[bool, bool]], list[tuple[dict, dict | None, dict | None, str]]]:
    """Counts of (prefix run right, whole run right) over the gold quotes of the prefix, and
    the quotes where they disagree with the reason."""
    full = [q for q in full if q["end"] <= prefix_end]
    ea, fa = matched(gold, early), matched(gold, full)
    counts: Counter[tuple[bool, bool]] = Counter()
    differ = []
    for gi, g in enumerate(gold):
        a, b = ea.get(gi), fa.get(gi)
        key = (right(a, g["speaker"]), right(b, g["speaker"]))
        counts[key] += 1
        if key[0] != key[1]:
            differ.append((g, a, b, why(a, b, prefix_end, "the narrator")))
    return counts, differ


def split_accuracy(gold: list[dict], pred: list[dict], prefix_end: int) -> dict[str, tuple]:
    """(right, quotes) of one run over its gold quotes in the prefix, after it, and all."""
    m = matched(gold, pred)
    out = {}
    for part, keep in (
        ("prefix", lambda q: q["end"] <= prefix_end),
        ("rest", lambda q: q["end"] > prefix_end),
        ("whole", lambda q: True),
    ):
        idx = [i for i, g in enumerate(gold) if keep(g)]
        out[part] = (sum(right(m.get(i), gold[i]["speaker"]) for i in idx), len(idx))
    return out


def _quotes(path: Path) -> list[dict]:
    return json.loads(path.read_text("utf-8"))["quotes"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    for name in ("prefix_gold", "prefix_run", "full_gold", "full_run"):
        ap.add_argument(name, type=Path)
    ap.add_argument("--list", action="store_true", help="print each quote the runs disagree on")
    ap.add_argument(
        "--prefix-texts",
        type=Path,
        help="the prefixes' NAME.txt (else a prefix ends at its last gold quote)",
    )
    args = ap.parse_args(argv)
    books = sorted(p.stem for p in args.prefix_gold.glob("*.json"))
    missing = [
        str(d / f"{b}.json")
        for b in books
        for d in (args.prefix_run, args.full_gold, args.full_run)
        if not (d / f"{b}.json").exists()
    ]
    if not books or missing:
        print(f"nothing to compare: missing {missing[0] if missing else 'gold'}", file=sys.stderr)
        return 2
    total: Counter[tuple[bool, bool]] = Counter()
    reasons: Counter[str] = Counter()
    for b in books:
        gold = _quotes(args.prefix_gold / f"{b}.json")
        full_gold, full = (
            _quotes(args.full_gold / f"{b}.json"),
            _quotes(args.full_run / f"{b}.json"),
        )
        prefix_end = max((q["end"] for q in gold), default=0)
        if args.prefix_texts is not None and (args.prefix_texts / f"{b}.txt").exists():
            prefix_end = len((args.prefix_texts / f"{b}.txt").read_text("utf-8"))
        counts, differ = compare(gold, _quotes(args.prefix_run / f"{b}.json"), full, prefix_end)
        total += counts
        acc = split_accuracy(full_gold, full, prefix_end)
        print(
            f"{b:28} prefix run right {counts[True, True] + counts[True, False]:4}/{len(gold):4}"
            f"  whole run right {counts[True, True] + counts[False, True]:4}"
            f"  only prefix {counts[True, False]:3}  only whole {counts[False, True]:3}"
            + "  whole run: "
            + "  ".join(f"{k} {r / n:.3f}" if n else f"{k} -" for k, (r, n) in acc.items())
        )
        for g, a, b_, reason in differ:
            reasons[(reason, "whole better" if right(b_, g["speaker"]) else "prefix better")] += 1
            if args.list:
                print(
                    f"    {g['start']:7} gold {g['speaker'][0]!r}:"
                    f" prefix {a and a.get('speaker')!r} whole {b_ and b_.get('speaker')!r}"
                    f" ({reason})"
                )
    print(
        f"TOTAL both right {total[True, True]}  both wrong {total[False, False]}"
        f"  only prefix {total[True, False]}  only whole {total[False, True]}"
    )
    for (reason, better), n in reasons.most_common():
        print(f"  {n:4}  {better:13} {reason}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
