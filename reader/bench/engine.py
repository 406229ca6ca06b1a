"""Engine overhead: the whole ``analyze`` against spaCy's own parse of the same text.

``python -m reader.bench.engine [CHARS]`` builds a text of about CHARS characters by repeating
the development articles (or the bundled sample when the corpus is absent), then times bare
``nlp(text)`` and ``analyze(text)`` on the same loaded pipeline, median of three runs each.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from reader.analysis import analyze
from reader.analysis.nlp import load_pipeline

REPO = Path(__file__).resolve().parents[2]
DEV = REPO.parent / "shared" / "corpus" / "dev"
SAMPLE = REPO / "reader" / "samples" / "seed.txt"


def sample_text(chars: int) -> str:
    """About ``chars`` characters of real news prose, paragraphs kept."""
    parts = (
        [p.read_text(encoding="utf-8") for p in sorted(DEV.glob("*.txt"))] if DEV.is_dir() else []
    )
    if not parts:
        parts = [SAMPLE.read_text(encoding="utf-8")]
    base = "\n\n".join(parts)
    reps = max(1, -(-chars // len(base)))
    return "\n\n".join([base] * reps)[:chars].rsplit("\n", 1)[0]


def run(chars: int = 300_000, repeat: int = 3) -> dict[str, float]:
    """Seconds for bare spaCy and for analyze on the same text (runs interleaved so load from
    other processes hits both alike), the engine's own pass on a parsed Doc, and the ratios."""
    from reader.analysis.component import get_component

    nlp = load_pipeline()
    if chars > nlp.max_length:
        raise ValueError("use the stream benchmark for texts beyond one spaCy Doc")
    text = sample_text(chars)
    nlp(text[:2000])  # warm up
    component = get_component(nlp)
    bare, whole, engine = [], [], []
    quotes = 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        doc = nlp(text)
        bare.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        quotes = len(analyze(text, nlp=nlp).quotes)
        whole.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        component.analyse(doc)
        engine.append(time.perf_counter() - t0)
    spacy_s, analyze_s, engine_s = (statistics.median(x) for x in (bare, whole, engine))
    return {
        "chars": len(text),
        "quotes": quotes,
        "spacy_s": round(spacy_s, 3),
        "analyze_s": round(analyze_s, 3),
        "engine_s": round(engine_s, 3),
        "ratio": round(analyze_s / spacy_s, 3),
        "engine_pct": round(100 * engine_s / spacy_s, 1),
    }


def run_stream(chars: int = 1_000_000, batch_chars: int = 20_000) -> dict[str, float]:
    """The streaming analysis of a long text against bare ``nlp.pipe`` on the same batches."""
    from reader.analysis.nlp import mark_paragraphs
    from reader.analysis.stream import analyze_stream, make_batches

    nlp = load_pipeline()
    text = sample_text(chars)
    words = len(text.split())
    batches = make_batches(text, batch_chars)
    t0 = time.perf_counter()
    for _ in nlp.pipe(
        (mark_paragraphs(nlp.make_doc(text[s:e]), p, s) for s, e, p in batches), batch_size=1
    ):
        pass
    bare = time.perf_counter() - t0
    t0 = time.perf_counter()
    first = 0.0
    last = None
    for step in analyze_stream(text, nlp=nlp, batch_chars=batch_chars):
        first = first or time.perf_counter() - t0
        last = step
    total = time.perf_counter() - t0
    assert last is not None
    return {
        "chars": len(text),
        "batches": len(batches),
        "quotes": len(last.analysis.quotes),
        "pipe_s": round(bare, 2),
        "stream_s": round(total, 2),
        "first_batch_s": round(first, 2),
        "words_per_s": round(words / total),
        "pipe_words_per_s": round(words / bare),
    }


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    if "--long" in args:
        r2 = run_stream()
        print(
            f"stream bench: {r2['chars']} chars in {r2['batches']} batches, {r2['quotes']} quotes"
        )
        print(f"  bare nlp.pipe: {r2['pipe_s']:.2f} s ({r2['pipe_words_per_s']} words/s)")
        print(
            f"  analyze_stream: {r2['stream_s']:.2f} s ({r2['words_per_s']} words/s), "
            f"first batch after {r2['first_batch_s']:.2f} s"
        )
        return
    chars = int(args[0]) if args else 300_000
    r = run(chars)
    print(f"engine bench: {r['chars']} chars, {r['quotes']} quotes, median of 3")
    print(f"  bare spaCy nlp(text): {r['spacy_s']:.2f} s")
    print(f"  analyze(text):        {r['analyze_s']:.2f} s")
    print(f"  engine pass alone on the parsed Doc: {r['engine_s']:.2f} s")
    print(
        f"  ratio analyze/spaCy {r['ratio']:.3f}; engine pass = {r['engine_pct']:.1f}% of the parse"
    )


if __name__ == "__main__":
    main()
