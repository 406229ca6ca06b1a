"""Quote recall by length, from a dump of ``score_polnear.py --dump``.

The issue's target for short quotes (a word someone "called" something, a fragment after a
colon) is recall of gold quotes of six words or fewer; the scorer reports recall only by kind
of source, so this splits it by length, with precision over all predictions alongside.

    python ../shared/tools/score_polnear.py --dump D.jsonl GOLD_DIR OUT_DIR
    python tools/quote_lengths.py D.jsonl [--short 6] [--list miss|fp|short-fp]
"""

from __future__ import annotations

import argparse
import json
import sys

MARKS = "\"'“”‘’«»„‟‹›"


def words(text: str) -> int:
    """Words inside the quotation marks."""
    return len(text.strip().strip(MARKS).split())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dump")
    ap.add_argument("--short", type=int, default=6)
    ap.add_argument("--list", choices=["miss", "fp", "short-fp"], default=None)
    a = ap.parse_args(argv)
    with open(a.dump, encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    counts = {"short": [0, 0], "long": [0, 0]}
    fp = tp = 0
    fp_short = 0
    for r in rows:
        if r["type"] == "fp":
            fp += 1
            fp_short += words(r["pred"].get("text", "")) <= a.short
            if a.list in ("fp", "short-fp") and (
                a.list == "fp" or words(r["pred"].get("text", "")) <= a.short
            ):
                print(f"FP {r['doc']} {r['pred']['start']} {r['pred'].get('text', '')!r}")
            continue
        kind = "short" if words(r["gold"]["text"]) <= a.short else "long"
        counts[kind][0] += 1
        if r["type"] == "match":
            counts[kind][1] += 1
            tp += 1
        elif a.list == "miss" and kind == "short":
            g = r["gold"]
            print(f"MISS {r['doc']} {g['start']} {g['text']!r} cue={g.get('cue')!r}")
    for kind, (n, hit) in counts.items():
        sign = "<=" if kind == "short" else "> "
        print(f"{kind:5} ({sign} {a.short} words) gold {n:5d} found {hit:5d} "
              f"recall {hit / n if n else 0:.3f}")
    print(f"quote precision {tp / (tp + fp) if tp + fp else 0:.3f} "
          f"(false positives {fp}, of them short {fp_short})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
