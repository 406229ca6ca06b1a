"""A plain-text who-said-what summary of an analysis (``reader analyze --format text``)."""

from __future__ import annotations

from reader.analysis.model import KIND_LABELS, Analysis, Quote
from reader.sanitize import one_line

WIDTH = 72


def shorten(text: str, limit: int = WIDTH) -> str:
    """One line of at most ``limit`` characters, cut at a word boundary with an ellipsis."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:") + "…"


def _count(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _clean(text: str) -> str:
    """Article text is data: the one policy (reader.sanitize), so it cannot drive the terminal."""
    return one_line(text)


def format_report(analysis: Analysis, title: str = "") -> str:
    """Speakers most quoted first, each with role, kind, quote count, share and shortened
    quotes; a quote whose speaker the engine only guesses says "probably"."""
    by_id: dict[int, Quote] = {q.id: q for q in analysis.quotes}
    lines: list[str] = []
    heading = shorten(_clean(title or analysis.doc or "Analysis"))
    lines.append(heading)
    lines.append("=" * min(len(heading), WIDTH))
    unattributed = [q for q in analysis.quotes if q.speaker is None]
    lines.append(
        f"{_count(len(analysis.quotes), 'quote')}, {_count(len(analysis.speakers), 'speaker')}"
        + (f", {len(unattributed)} unattributed" if unattributed else "")
    )
    for sp in analysis.speakers:
        lines.append("")
        head = _clean(sp.name)
        if sp.role:
            head += f" ({_clean(sp.role)})"
        if sp.kind in KIND_LABELS:
            head += f", {KIND_LABELS[sp.kind]}"
        lines.append(
            f"{head}: {_count(len(sp.quotes), 'quote')}, {_count(sp.words, 'word')}, "
            f"{sp.share:.0%} of quoted words"
        )
        if sp.aliases:
            lines.append(f"  also: {', '.join(_clean(a) for a in sp.aliases)}")
        for qid in sp.quotes:
            q = by_id.get(qid)
            if q is not None and q.uncertain:
                lines.append(f"  - probably: {shorten(_clean(q.text), WIDTH - 14)}")
            elif q is not None:
                lines.append(f"  - {shorten(_clean(q.text), WIDTH - 4)}")
    if unattributed:
        lines.append("")
        lines.append(f"Unattributed: {_count(len(unattributed), 'quote')}")
        for q in unattributed:
            lines.append(f"  - {shorten(_clean(q.text), WIDTH - 4)}")
    return "\n".join(lines)
