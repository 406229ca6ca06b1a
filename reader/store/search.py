"""Queries over the full-text index (see search_index): hits with their article, the passage
around the match, the speaker of a quote and the offset the article opens at."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from sqlite_utils import Database

from reader.errors import ReaderError
from reader.fold import has_words
from reader.quoting import guessed_rule
from reader.store.search_marks import HIGHLIGHT_LONGEST, marked
from reader.store.search_query import fts_query, operators_alone
from reader.store.search_spelt import with_spelt_marks

#: Marks FTS5's highlight() puts around matched terms; private-use characters no text needs.
OPEN, CLOSE = "\ue000", "\ue001"
#: Characters of context shown on each side of a match.
CONTEXT = 60
#: The longest query searched for (a long paragraph pasted to find it), in words and characters.
MOST_WORDS = 400
LONGEST = 20_000


class SearchQueryError(ReaderError):
    """The query has no word to search for (one sentence for the person who typed it)."""


@dataclass(frozen=True, slots=True)
class SearchHit:
    article_id: int
    title: str
    kind: str
    speaker: str
    #: Where the article opens: the matched term (the row's start when none is marked).
    offset: int
    start: int
    end: int
    #: The passage around the match, on one line.
    context: str
    #: Where the match is in `context` (start, end); (0, 0) when none is marked.
    match: tuple[int, int] = (0, 0)
    #: The matched words as the article has them (line breaks, double spaces), from `offset`:
    #: what the article's own search looks for (`context` has whitespace made one space).
    exact: str = ""
    #: A quote whose speaker the engine only guesses: shown as "probably NAME" everywhere.
    uncertain: bool = False

    @property
    def said_by(self) -> str:
        """The speaker as lists show them, hedged as the article view hedges a guess."""
        return f"probably {self.speaker}" if self.uncertain and self.speaker else self.speaker


def _flat(text: str) -> str:
    """Whitespace runs as one space (the context is shown on one line)."""
    return " ".join(text.split()) + (" " if text[-1:].isspace() else "") if text else ""


def _context(
    body: str, first: int = -1, close: int = -1
) -> tuple[int, str, tuple[int, int], str]:
    """(offset in the unmarked body of the match marked from `first` to `close` in body (the
    first mark by default), the text around it without the marks, where the match is in that
    text: (0, 0) when none is marked, the match as the body has it)."""
    if first < 0:
        first = body.find(OPEN)
        close = body.find(CLOSE, first)
    plain = body.replace(OPEN, "").replace(CLOSE, "")
    if first < 0:
        return 0, " ".join(plain[: 2 * CONTEXT].split()), (0, 0), ""
    marks = body.count(OPEN, first, close) + body.count(CLOSE, first, close)
    length = (close - first - marks) if close > first else 0
    first -= body.count(OPEN, 0, first) + body.count(CLOSE, 0, first)  # not in the plain text
    lo = max(0, first - CONTEXT)
    hi = min(len(plain), first + length + CONTEXT)
    before = ("…" if lo else "") + _flat(plain[lo:first]).lstrip()
    match = " ".join(plain[first : first + length].split())
    after = " ".join(plain[first + length : hi].split())
    if after and plain[first + length : first + length + 1].isspace():
        after = " " + after
    text = before + match + after + ("…" if hi < len(plain) else "")
    exact = plain[first : first + length]
    return first, text, (len(before), len(before) + len(match)), exact


def _marked(body: str) -> list[tuple[int, int]]:
    """(open, close) of each match marked in body, where words marked one after the other
    (nothing but spaces and punctuation between them) are one match: a phrase, or a pasted
    sentence, is one place to go to, not one per word."""
    spans: list[tuple[int, int]] = []
    at = body.find(OPEN)
    while at >= 0:
        close = body.find(CLOSE, at)
        if close < 0:
            break
        if spans and not any(c.isalnum() for c in body[spans[-1][1] : at]):
            spans[-1] = (spans[-1][0], close)
        else:
            spans.append((at, close))
        at = body.find(OPEN, close)
    return spans


def _contexts(body: str, every: bool) -> list[tuple[int, str, tuple[int, int], str]]:
    """`_context` of every match marked in body (`every`), else of the first one only: a
    paragraph saying the word three times is three places to go to."""
    spans = _marked(body) if every else []
    return [_context(body, *span) for span in spans] or [_context(body)]


def query_fault(query: str) -> bool:
    """Whether the query itself fails, on an empty index of the same shape: a locked or damaged
    database is then told apart from a search the person mistyped."""
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute("CREATE VIRTUAL TABLE t USING fts5(body, speaker)")
        conn.execute("SELECT rowid FROM t WHERE t MATCH ?", [query]).fetchall()
    except sqlite3.OperationalError:
        return True
    finally:
        conn.close()
    return False


def _speaker_has_words(name: str | None, typed: str) -> int:
    """SQL's test of a quote's speaker against a typed name (reader.fold.has_words: accents
    folded, "Muller" finds "Hans Müller"); LIKE on lower() folded neither accents nor ü."""
    return int(bool(name) and has_words(name or "", typed))


def search(
    db: Database,
    query: str,
    *,
    kinds: tuple[str, ...] = ("text", "quote", "note"),
    speaker: str | None = None,
    members: frozenset[tuple[int, str]] | None = None,
    limit: int | None = 200,
) -> list[SearchHit]:
    """The best matches first (FTS5's bm25 rank). `query` is what the person typed, read as
    words (search_query); SearchQueryError when it holds none.

    `members` (article id, speaker name in its analysis) keeps the quotes of one person merged
    across articles (reader.people); `speaker` keeps those whose speaker has its every word."""
    if len(query) > LONGEST or len(query.split()) > MOST_WORDS:
        # A pasted page: FTS5 given 200,000 words to join took over a minute, the library's
        # search (which runs as the person types) frozen meanwhile.
        raise SearchQueryError(
            f"Too long to search for: at most {MOST_WORDS} words and {LONGEST:,} characters "
            f"(this is {len(query.split()):,} words)."
        )
    match = fts_query(query)
    if not match and operators_alone(query):
        raise SearchQueryError(
            "AND, OR and NOT join words and need a word on each side (budget AND vote)."
        )
    if not match:
        raise SearchQueryError("Give words to search for: letters or digits.")
    where = [f"r.kind IN ({', '.join('?' for _ in kinds)})"]
    params: list[object] = [match, *kinds]
    if members is not None:
        pairs = sorted(members)
        if not pairs:
            return []
        where.append(
            f"(r.article_id, r.speaker) IN (VALUES {', '.join('(?, ?)' for _ in pairs)})"
        )
        params += [v for pair in pairs for v in pair]
    elif speaker:
        db.conn.create_function("reader_has_words", 2, _speaker_has_words, deterministic=True)
        where.append("reader_has_words(r.speaker, ?)")
        params.append(speaker)
    sql = (
        f"SELECT r.article_id, a.title, r.kind, r.speaker, r.start, r.\"end\", "
        f"CASE WHEN length(r.body) > {HIGHLIGHT_LONGEST} THEN r.body ELSE "
        f"highlight(search_rows_fts, 0, '{OPEN}', '{CLOSE}') END AS marked, "
        f"length(r.body) > {HIGHLIGHT_LONGEST} AS long, q.rule, q.confidence, "
        # Where the umlauts spelt out matched ("Mueller" in "Müller"'s copy): search_spelt
        f"CASE WHEN r.body_spelt = '' THEN '' WHEN length(r.body) > {HIGHLIGHT_LONGEST} "
        f"THEN r.body_spelt ELSE highlight(search_rows_fts, 2, '{OPEN}', '{CLOSE}') END "
        "FROM search_rows_fts JOIN search_rows r ON r.id = search_rows_fts.rowid "
        "JOIN articles a ON a.id = r.article_id "
        # The quote's confidence (else the rule that found its speaker): is it a guess?
        "LEFT JOIN quote_rows q ON r.kind = 'quote' AND q.article_id = r.article_id "
        "AND q.start = r.start AND q.\"end\" = r.\"end\" "
        f"WHERE search_rows_fts MATCH ? AND {' AND '.join(where)} "
        "ORDER BY search_rows_fts.rank, r.article_id, r.start"
    )
    if limit is not None:  # room for the text hits that repeat a quote's (dropped below)
        sql += f" LIMIT {2 * int(limit)}"
    try:
        rows = db.execute(sql, params).fetchall()
    except sqlite3.OperationalError as exc:
        if query_fault(match):
            raise SearchQueryError(
                f"{query!r} is not a search the index understands ({exc})."
            ) from exc
        raise
    hits = []
    for article_id, title, kind, who, start, end, body, long, rule, confidence, spelt in rows:
        guess = kind == "quote" and bool(who) and guessed_rule(rule, confidence)
        body = marked(body, match, OPEN, CLOSE) if long else body  # search_marks
        if spelt:
            spelt = marked(spelt, match, OPEN, CLOSE) if long else spelt
            body = with_spelt_marks(body, spelt, OPEN, CLOSE)
        # One hit per match, as `/` counts them in the reader; a note's body is the note, not
        # the article: it opens at the passage it is on, once however often the note says it.
        for at, context, place, exact in _contexts(body, every=kind != "note"):
            offset = start if kind == "note" else start + at
            hits.append(SearchHit(
                article_id, title, kind, who, offset, start, end, context, place, exact, guess))
    return in_text_order(without_echoes(hits)[:limit])


def in_text_order(hits: list[SearchHit]) -> list[SearchHit]:
    """The articles in the order of their best hit, and each article's hits in the order its
    text has them: a list that reads down an article as the article reads, not by rank."""
    first: dict[int, int] = {}
    for hit in hits:
        first.setdefault(hit.article_id, len(first))
    return sorted(hits, key=lambda h: (first[h.article_id], h.offset, h.kind))


def without_echoes(hits: list[SearchHit]) -> list[SearchHit]:
    """The hits less each text hit whose match is inside a quote also found: the paragraph
    would list the quote's words a second time, without their speaker."""
    quoted: dict[int, list[tuple[int, int]]] = {}
    for hit in hits:
        if hit.kind == "quote":
            quoted.setdefault(hit.article_id, []).append((hit.start, hit.end))
    return [
        hit for hit in hits
        if hit.kind != "text"
        or not any(start <= hit.offset < end for start, end in quoted.get(hit.article_id, ()))
    ]
