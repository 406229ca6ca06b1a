"""Analyse a folder of texts for scoring, keeping each text's parse so later runs replay only
the engine.

Developing rules on a corpus means re-running the engine hundreds of times on the same texts;
spaCy's parse is 90% of the time and never changes between runs. The parsed pieces are kept
as DocBins keyed by the text, the model, the batching and (for a text they touch) the
tokenizer rules of ``reader.analysis.nlp``, so a rule change is scored in
seconds. The output is the same JSON ``reader analyze`` writes.

    python tools/evaluate.py TEXTS_DIR OUT_DIR [--cache DIR] [--only NAME...]
    python ../shared/tools/score_polnear.py GOLD_DIR OUT_DIR
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import time
from pathlib import Path

from reader.analysis.engine import Engine
from reader.analysis.nlp import parse_key
from reader.analysis.stream import (
    BATCH_CHARS,
    MAX_DOC_CHARS,
    feed_pieces,
    make_batches,
    parse_pieces,
    pipeline,
)

DEFAULT_CACHE = Path(os.environ.get("READER_PARSE_CACHE", Path.home() / ".cache/reader-parses"))


def analyse(text: str, name: str, nlp, mid: str, cache: Path) -> str:
    """The analysis JSON of one text, parsing it only if no kept parse fits."""
    engine = run(Engine(text), nlp, mid, cache)
    return engine.snapshot(doc=name, model=mid).to_json()


def run(engine: Engine, nlp, mid: str, cache: Path) -> Engine:
    """Feed ``engine`` its whole text, parsing it only if no kept parse fits."""
    from spacy.tokens import DocBin

    text = engine.text
    batches = make_batches(text, BATCH_CHARS, MAX_DOC_CHARS, engine.primary)
    # parse_key: a text the tokenizer rules now split differently is parsed afresh
    key = hashlib.sha256(
        f"{mid}{parse_key(text)}|{BATCH_CHARS}|{MAX_DOC_CHARS}|{text}".encode()
    ).hexdigest()
    path = cache / f"{key}.spacy"
    if path.exists():
        docs = list(DocBin().from_bytes(path.read_bytes()).get_docs(nlp.vocab))
    else:
        docs = list(parse_pieces(text, batches, nlp))
        tmp = path.with_suffix(".tmp")
        tmp.write_bytes(DocBin(docs=docs).to_bytes())
        tmp.replace(path)
    for _ in feed_pieces(engine, batches, docs):
        pass
    return engine


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("texts", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    ap.add_argument("--model", default=None)
    ap.add_argument("--only", nargs="*", default=None, help="file stems to analyse")
    args = ap.parse_args(argv)
    files = sorted(args.texts.glob("*.txt"))
    if args.only:
        files = [f for f in files if f.stem in set(args.only)]
    if not files:
        print(f"no .txt files in {args.texts}", file=sys.stderr)
        return 2
    args.cache.mkdir(parents=True, exist_ok=True)
    args.out.mkdir(parents=True, exist_ok=True)
    nlp, mid = pipeline(args.model, None)
    t0 = time.perf_counter()
    for f in files:
        out = analyse(f.read_text("utf-8"), f.name, nlp, mid, args.cache)
        (args.out / f"{f.stem}.json").write_text(out, "utf-8")
    print(f"{len(files)} texts in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
