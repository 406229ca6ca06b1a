"""Finding quote spans from quotation marks and paragraphs, on the raw text (no parsing).

The scan is one linear pass per paragraph with a tiny state machine, so a stray or unbalanced
mark can only ever affect the paragraph it is in: a quote still open at a paragraph's end stops at
that paragraph's last non-space character, and the next paragraph starts afresh. Whether a span
is really somebody's words (not a title or a scare quote) is decided later, with the parse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.analysis.lexicon import word_set

DOUBLE_OPEN = "“„‟"
DOUBLE_CLOSE = "”"
SINGLE_OPEN = "‘‚‛"
SINGLE_CLOSE = "’"
GUILLEMET_OPEN = "«‹"
GUILLEMET_CLOSE = "»›"
STRAIGHT_DOUBLE = '"'
STRAIGHT_SINGLE = "'"

#: Characters after which a mark is at the start of something (it opens).
_OPENING_CONTEXT = set(" \t\n\r\u00a0([{<—–-/:;") | set(DOUBLE_OPEN + SINGLE_OPEN + "«‹")

#: Lines no longer than this, separated by blank lines, are taken as hard-wrapped prose.
WRAP_WIDTH = 80
_BLANK_LINE = re.compile(r"(?:\r\n|\r|\n)[ \t\u00a0]*(?:\r\n|\r|\n)")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """A span between quotation marks; ``closed`` is False when it ran to the paragraph's end."""

    start: int
    end: int
    closed: bool
    paragraph: int
    #: True when only spaces come before the opening mark in its paragraph.
    opens_paragraph: bool


def paragraphs(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Paragraph spans (start, end) with no leading or trailing whitespace.

    Text hard-wrapped at a fixed width (novels from Project Gutenberg) has its paragraphs
    separated by blank lines; elsewhere every line is a paragraph.
    """
    end = len(text) if end is None else end
    chunk = text[start:end]
    splitter = _BLANK_LINE if _hard_wrapped(chunk) else _LINE_BREAK
    out: list[tuple[int, int]] = []
    pos = start
    for m in splitter.finditer(text, start, end):
        _add_trimmed(text, pos, m.start(), out)
        pos = m.end()
    _add_trimmed(text, pos, end, out)
    return out


def _hard_wrapped(chunk: str) -> bool:
    """Blank lines between blocks of short lines (a printer's fixed width), not one line per
    paragraph: then a single line break is only a wrap."""
    blank = len(_BLANK_LINE.findall(chunk))
    if not blank:
        return False
    lengths = [len(line) for line in _LINE_BREAK.split(chunk) if line.strip()]
    short = sum(1 for n in lengths if n <= WRAP_WIDTH)
    inner_breaks = len(lengths) - (blank + 1)  # line breaks inside blocks
    return inner_breaks >= max(1, blank // 4) and short >= 0.8 * len(lengths)


def _add_trimmed(text: str, s: int, e: int, out: list[tuple[int, int]]) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        out.append((s, e))


def primary_marks(text: str) -> str:
    """Which marks the text quotes with: "double", "single" or "guillemet"."""
    doubles = sum(text.count(c) for c in DOUBLE_OPEN + DOUBLE_CLOSE + STRAIGHT_DOUBLE)
    guillemets = sum(text.count(c) for c in "«»")
    # Opening single marks: a curly opener, or a straight one at the start of a word.
    singles = sum(text.count(c) for c in SINGLE_OPEN)
    singles += len(re.findall(r"(?:^|(?<=[\s(\[—–]))'(?=\w)", text))
    if guillemets > doubles and guillemets >= singles:
        return "guillemet"
    if singles >= 4 and singles > 2 * doubles:
        return "single"
    return "double"


ALL_MARKS = (
    DOUBLE_OPEN
    + DOUBLE_CLOSE
    + SINGLE_OPEN
    + SINGLE_CLOSE
    + GUILLEMET_OPEN
    + GUILLEMET_CLOSE
    + STRAIGHT_DOUBLE
    + STRAIGHT_SINGLE
)
#: This many quotation marks in a row quote nothing (a rule drawn in marks, noise): they are text.
MARK_RUN = 4
#: A run of marks, tried before a single mark, so the scanner steps over the whole run.
_RUN = "[" + re.escape(ALL_MARKS) + f"]{{{MARK_RUN},}}"
MARK_RUNS = re.compile(_RUN)


def _marks(chars: str) -> re.Pattern[str]:
    return re.compile(_RUN + "|[" + re.escape(chars) + "]")


_MARKS = {
    # Guillemets are never apostrophes or inches, so they count whatever the primary marks.
    "double": _marks(DOUBLE_OPEN + DOUBLE_CLOSE + STRAIGHT_DOUBLE + "«»"),
    "single": _marks(SINGLE_OPEN + SINGLE_CLOSE + STRAIGHT_SINGLE + "«»"),
    "guillemet": _marks(GUILLEMET_OPEN + GUILLEMET_CLOSE),
}


def _role(text: str, i: int, lo: int, hi: int, in_quote: bool) -> str | None:
    """Whether the mark at i opens or closes a quote here (None: not a quotation mark)."""
    ch = text[i]
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < hi else " "
    left_open = prev in _OPENING_CONTEXT or prev.isspace()
    right_space = nxt.isspace() or nxt in ",.;:!?)]}—–…" or i + 1 >= hi
    if not in_quote and ch == STRAIGHT_DOUBLE and _opens_glued(text, i, lo, hi, left_open):
        return "open"
    if ch in (SINGLE_CLOSE, STRAIGHT_SINGLE) and prev.isalnum() and nxt.isalnum():
        return None  # an apostrophe: don't, it's
    if ch == STRAIGHT_DOUBLE and prev.isdigit() and not in_quote:
        return None  # inches: 5"
    if ch in (SINGLE_CLOSE, STRAIGHT_SINGLE) and not in_quote and not left_open:
        return None  # a trailing apostrophe: the Finneys'
    if in_quote and _plural_possessive(text, i, hi):
        return None  # ‘the workers’ money,’ he said
    if in_quote:
        if ch in DOUBLE_CLOSE + SINGLE_CLOSE + "»›" or ch in (STRAIGHT_DOUBLE, STRAIGHT_SINGLE):
            # A closer-shaped mark closes unless it plainly starts a word after a space.
            if left_open and not right_space and ch in (STRAIGHT_DOUBLE, STRAIGHT_SINGLE):
                return "open"
            return "close"
        # An opener-shaped mark inside a quote: closing if it sits at a word's end.
        return "close" if not left_open and right_space else "open"
    if ch in DOUBLE_OPEN + SINGLE_OPEN + "«‹":
        return "open"
    # A closer-shaped (or straight) mark outside a quote opens only at the start of a word.
    if left_open and not right_space:
        return "open"
    return None


#: An ellipsis opening quoted words (". . . I just want"), and a sentence's end a straight
#: mark may be glued to (`the authorities."We were deceived`).
_ELLIPSIS = re.compile(r"(?:\. \. \.|\.\.\.|…) ?\w")
_SENTENCE_END = frozenset(".?!")


def _opens_glued(text: str, i: int, lo: int, hi: int, left_open: bool) -> bool:
    """A straight double mark outside a quote that opens though a letter does not follow
    it: before an ellipsis after a space (`Ill. ". . . I just want`), or glued to a sentence's
    end before a capital (`authorities."We basically`)."""
    if left_open:
        return _ELLIPSIS.match(text, i + 1, hi) is not None
    return (
        i > lo + 1
        and text[i - 1] in _SENTENCE_END
        and text[i - 2].isalpha()
        and i + 1 < hi
        and text[i + 1].isupper()
    )


_LATER_CLOSE = re.compile(r"[,.!?…][’']")


def _plural_possessive(text: str, i: int, hi: int) -> bool:
    """A single mark after a plural -s and before a lower-case word ("the workers’ money") is an
    apostrophe when the quote plainly closes later, after punctuation, in the same paragraph."""
    if text[i] not in (SINGLE_CLOSE, STRAIGHT_SINGLE) or i + 2 >= hi:
        return False
    if text[i - 1] not in "sS" or text[i + 1] != " " or not text[i + 2].islower():
        return False
    if text[i - 2 : i].lower() in ("us", "ss", "is"):
        return False  # "‘appalled and furious’ about": -ous, -ss, -is make no plural
    return _LATER_CLOSE.search(text, i + 2, hi) is not None


def find_quotes(text: str, start: int = 0, end: int | None = None) -> list[QuoteSpan]:
    """All quote spans in text[start:end], in order; never raises on unbalanced marks."""
    end = len(text) if end is None else end
    return quotes_in_paragraphs(text, paragraphs(text, start, end), primary_marks(text[start:end]))


def quotes_in_paragraphs(
    text: str, paras: list[tuple[int, int]], primary: str, first_index: int = 0
) -> list[QuoteSpan]:
    """Quote spans in the given paragraphs (numbered from first_index)."""
    out: list[QuoteSpan] = []
    for n, (ps, pe) in enumerate(paras):
        out.extend(
            q
            for q in _scan_paragraph(text, ps, pe, first_index + n, primary)
            if any(c.isalnum() for c in text[q.start : q.end])  # marks around nothing said
        )
    return out


def _scan_paragraph(text: str, ps: int, pe: int, p_index: int, primary: str) -> list[QuoteSpan]:
    """The paragraph's quotes, reading a mark that opens inside a quote as a quote nested in
    it (“… a deal “has to do with Israel” makes clear …,”) when every mark the paragraph opens
    is closed; otherwise as the start of a new quote, the one before it never closed."""
    nested = _scan(text, ps, pe, p_index, primary, nest=True)
    return nested if nested is not None else _scan(text, ps, pe, p_index, primary, nest=False) or []


def _scan(
    text: str, ps: int, pe: int, p_index: int, primary: str, nest: bool
) -> list[QuoteSpan] | None:
    """One pass over the paragraph's marks; None when nesting was tried and left a mark open."""
    # Where the paragraph's words begin: a quote opening there opens the paragraph (found once,
    # not by stripping the text before each quote, which was quadratic in a long paragraph).
    words_at = _NON_SPACE.search(text, ps, pe)
    first = words_at.start() if words_at else pe
    out: list[QuoteSpan] = []
    open_at = -1
    open_family = ""
    depth = 0  # marks open inside the quote, when nesting
    nested = False
    for m in _MARKS[primary].finditer(text, ps, pe):
        if m.end() - m.start() > 1:
            continue  # a run of marks is text
        i = m.start()
        family = "guillemet" if text[i] in "«»" else primary
        if open_at >= 0 and family != open_family:
            continue  # marks of another kind inside a quote are nested, not quotes
        role = _role(text, i, ps, pe, open_at >= 0)
        if role is None:
            continue
        if open_at < 0:
            if role == "open":
                open_at, open_family = i, family
            continue
        if role == "close" and depth:
            depth -= 1
        elif role == "close":
            if i > open_at + 1:
                out.append(QuoteSpan(open_at, i + 1, True, p_index, open_at <= first))
            open_at = -1
        elif nest:
            depth += 1
            nested = True
        else:
            # A new opening mark while one is open: the first one was never closed.
            e = i
            while e > open_at + 1 and text[e - 1].isspace():
                e -= 1
            if e > open_at + 1:
                out.append(QuoteSpan(open_at, e, False, p_index, open_at <= first))
            open_at = i
    if nested and open_at >= 0:
        return None
    if open_at >= 0 and pe > open_at + 1:
        out.append(QuoteSpan(open_at, pe, False, p_index, open_at <= first))
    return out


_NON_SPACE = re.compile(r"\S")


_WORD = re.compile(r"[^\W\d_][\w’'-]*|\d[\w’'.,-]*")
_SMALL_WORDS = word_set("a an the of and or in on at to for with by from vs via as is")
_PREV_WORD = re.compile(r"([\w-]+)\W*$")


def words_of(text: str) -> list[str]:
    """The words of a quote or its context, numbers included."""
    return _WORD.findall(text)


def content_words(words: list[str]) -> list[str]:
    """The words that carry a title's capitals: not "a", "of", "the" and the like."""
    return [w for w in words if w.lower() not in _SMALL_WORDS]


def quote_shape(quoted: str, closed: bool = True) -> str:
    """ "speech" (sentence-like words), "title" (Capitalised Title Words) or "fragment"."""
    inner = quoted.strip().strip(ALL_MARKS + " ").strip()
    words = words_of(inner)
    if not words:
        return "fragment"
    last = inner[-1]
    ends_sentence = last in ".!?…"
    ends_punct = ends_sentence or last in ",;:—–-"
    if not ends_punct and len(words) >= 2:
        content = content_words(words)
        caps = sum(1 for w in content if w[0].isupper() or w[0].isdigit())
        if content and caps / len(content) >= 0.75:
            return "title"
    first_upper = inner[0].isupper() or not inner[0].isalpha()
    if len(words) >= 8:
        return "speech"
    if (ends_punct or not closed) and first_upper and len(words) >= 4:
        return "speech"
    if ends_sentence and first_upper and len(words) >= 2:
        return "speech"
    return "fragment"


#: Forms of the commonest speech verbs, which may introduce even a short capitalised quote.
_SAYING_FORMS = word_set(
    """said says say told tells asked asks added adds wrote writes replied replies shouted
    yelled declared announced read reads reading saying chanted chanting"""
)


def preceding_word(text: str, start: int, lo: int = 0) -> str:
    """The word just before position start (lower-case), for title cues like "see"."""
    m = _PREV_WORD.search(text, max(lo, start - 40), start)
    return m.group(1).lower() if m else ""


def is_name_in_sentence(text: str, start: int, end: int, lo: int = 0) -> bool:
    """Capitalised Words quoted in the middle of a sentence ("appeared on 'Panorama'", "told
    the "Financial Times,"") are a name or a title, not somebody's words, even with the comma
    that American style puts inside the marks: speech that short opens a sentence or ends one."""
    content = content_words(words_of(text[start:end]))
    # (a year among the capitals stays a name: "founder of “Indian Americans for Hillary 2008.”";
    # a number alone is none)
    lower = [w for w in content if not (w[0].isupper() or w[0].isdigit())]
    if lower or content == ["I"] or not any(w[0].isupper() for w in content):
        return False
    inner = text[start + 1 : end].rstrip(DOUBLE_CLOSE + SINGLE_CLOSE + GUILLEMET_CLOSE + "\"' ")
    j = start - 1
    while j >= lo and text[j].isspace():
        j -= 1
    if not (j >= lo and text[j].isalpha()):
        return False
    if inner.endswith((".", "!", "?", "…")):
        # "christened the spot “Camp Courage.”": two or more Capitalised Words ending a
        # sentence are still a name, unless a speech verb introduces them ("said “Thank You.”")
        return (
            inner.endswith(".")
            and len(content) >= 2
            and preceding_word(text, start, lo) not in _SAYING_FORMS
        )
    return True


def stands_as_sentence(text: str, start: int, end: int, lo: int = 0) -> bool:
    """A quote that is a whole sentence on its own (“Never.” after a colon, a full stop or at a
    paragraph's start) is somebody's words however short it is."""
    inner = text[start + 1 : end].rstrip(DOUBLE_CLOSE + SINGLE_CLOSE + GUILLEMET_CLOSE + "\"' ")
    if not inner or not inner[0].isupper() or not inner.endswith((".", "!", "?", "…")):
        return False
    j = start - 1
    while j >= lo and text[j] in " \t\u00a0":
        j -= 1
    return j < lo or text[j] in "\r\n:.!?" + DOUBLE_CLOSE + SINGLE_CLOSE + GUILLEMET_CLOSE
