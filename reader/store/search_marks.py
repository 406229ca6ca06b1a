"""Marking a query's words in a very long row without FTS5's highlight().

highlight() copies its whole output again at each match: a 1 MB note saying "word" 110,000
times took 11 s (4.6 s of CPU) to mark, and the library's search, which runs as the person
types, showed nothing meanwhile (the index cuts an article's text into short pieces, so such a
row is a note, or a quote). A row that long is marked here instead, as the index matched it:
a word whose porter stem (the index's own tokenizer, asked through SQLite) is the query
word's ("studies" for "study", not "warm" for "war"), or starts with it for a prefix query
(word*), and never a word the query excludes (after NOT); at most LONG_ROW_MARKS times.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable

#: Rows longer than this (characters) are marked here, not by highlight().
HIGHLIGHT_LONGEST = 100_000
#: Matches marked in such a row: more than a person goes through, however often it says it.
LONG_ROW_MARKS = 200
#: The pieces of an FTS5 query (search_query.fts_query): a quoted phrase with its "*", NOT
#: and brackets; NEAR( opens a bracket too.
_PIECE = re.compile(r'"([^"]*)"(\*?)|\bNOT\b|\(|\)')
#: The index's tokenizer (search_index): the stems are its.
_TOKENIZE = "porter unicode61"


def stems(words: Iterable[str]) -> dict[str, str]:
    """Each word's stem as the index's tokenizer makes it ("" when it makes none)."""
    distinct = sorted(set(words))
    if not distinct:
        return {}
    with sqlite3.connect(":memory:") as db:
        db.execute(f"CREATE VIRTUAL TABLE t USING fts5(w, tokenize='{_TOKENIZE}')")
        db.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance')")
        db.executemany("INSERT INTO t (rowid, w) VALUES (?, ?)", enumerate(distinct, 1))
        found = dict(db.execute("SELECT doc, term FROM v WHERE offset = 0"))
    return {word: str(found.get(i, "")) for i, word in enumerate(distinct, 1)}


def _searched(match: str) -> list[tuple[str, bool]]:
    """The phrases of an FTS5 query the rows hold (not those after NOT), each with its "*"."""
    out: list[tuple[str, bool]] = []
    negated_at: int | None = None  # the bracket depth a NOT is in force at
    depth, after_not = 0, False
    for piece in _PIECE.finditer(match):
        text = piece.group()
        if text == "NOT":
            after_not = True
        elif text == "(":
            if after_not and negated_at is None:
                negated_at = depth
            after_not = False
            depth += 1
        elif text == ")":
            depth -= 1
            if negated_at == depth:
                negated_at = None
        else:
            if not after_not and negated_at is None:
                out.append((piece.group(1), bool(piece.group(2))))
            after_not = False
    return out


def _pattern(match: str) -> tuple[re.Pattern[str], list[list[tuple[str, bool]]]] | None:
    """A pattern of the candidates (words starting with each stem, less its last letter, which
    the stemmer may have changed: "studi" of "study") and each phrase's stems."""
    phrases = [(re.findall(r"\w+", p), star) for p, star in _searched(match)]
    stem = stems(w for words, _ in phrases for w in words)
    parts, wanted = [], []
    for words, star in phrases:
        wanted_stems = [stem[w] for w in words if stem[w]]
        if not wanted_stems:
            continue
        last = len(wanted_stems) - 1
        wanted.append([(s, star and i == last) for i, s in enumerate(wanted_stems)])
        words_re = [rf"({re.escape(s[: max(1, len(s) - 1)])}\w*)" for s in wanted_stems]
        parts.append(r"(?<!\w)" + r"\W+".join(words_re))
    if not parts:
        return None
    return re.compile("|".join(f"({p})" for p in parts), re.IGNORECASE), wanted


def marked(body: str, match: str, opening: str, closing: str) -> str:
    """`body` with the query's words between `opening` and `closing`, as highlight() marks."""
    found = _pattern(match)
    if found is None:
        return body
    pattern, wanted = found
    hits = list(pattern.finditer(body))
    stem = stems(w.lower() for hit in hits for w in hit.groups() if w is not None)
    out, done, count = [], 0, 0
    for hit in hits:
        if count == LONG_ROW_MARKS:
            break
        if _agrees(hit, wanted, stem):
            out += [body[done : hit.start()], opening, hit.group(), closing]
            done, count = hit.end(), count + 1
    return "".join([*out, body[done:]])


def _agrees(hit: re.Match[str], wanted: list[list[tuple[str, bool]]], stem: dict[str, str]) -> bool:
    """Whether the words of a candidate are the phrase's: each with its stem (or, the last of
    a prefix query, a stem starting with it)."""
    group = 1
    for phrase in wanted:
        if hit.group(group) is not None:
            words = [stem[hit.group(group + 1 + i).lower()] for i in range(len(phrase))]
            return all(
                got.startswith(s) if star else got == s
                for got, (s, star) in zip(words, phrase, strict=True)
            )
        group += 1 + len(phrase)
    return False
