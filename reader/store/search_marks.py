"""Marking a query's words in a very long row without FTS5's highlight().

highlight() copies its whole output again at each match: a 1 MB note saying "word" 110,000
times took 11 s (4.6 s of CPU) to mark, and the library's search, which runs as the person
types, showed nothing meanwhile (the index cuts an article's text into short pieces, so such a
row is a note, or a quote). A row that long is marked here instead, as the index matched it:
a word whose porter stem (the index's own tokenizer, asked through SQLite) is the query
word's ("studies" for "study", not "warm" for "war"), or starts with it for a prefix query
(word*); at most LONG_ROW_MARKS times. Like highlight(), only the phrases of the parts of the
query that hold in the row are marked: in `a OR (b NOT c)` a row with "a", "b" and "c" marks
"a" alone, and the words after a NOT never. A NEAR group counts as its phrases all present
(highlight() marks only the instances near one another).
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from collections.abc import Iterable
from itertools import islice

#: Rows longer than this (characters) are marked here, not by highlight().
HIGHLIGHT_LONGEST = 100_000
#: Matches marked in such a row: more than a person goes through, however often it says it.
LONG_ROW_MARKS = 200
#: The pieces of an FTS5 query (search_query.fts_query): a quoted phrase with its "*", the
#: operators, brackets, NEAR( and its distance.
_PIECE = re.compile(r'"([^"]*)"(\*?)|\b(AND|OR|NOT)\b|NEAR\(|\(|\)|,\s*\d+')
_WORD = re.compile(r"\w+")
#: The index's tokenizer (search_index): the stems are its.
_TOKENIZE = "porter unicode61"

#: A phrase: its words' stems, each with whether it is a prefix (the last word of word*).
Phrase = list[tuple[str, bool]]
#: The query as a tree: ("phrase", index) or (operator, children) for AND, OR and NOT.
Node = tuple[str, object]


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


class _Parser:
    """The FTS5 query fts_query writes, read with FTS5's precedence: NOT binds tightest, then
    AND, then OR (fts_query joins every two operands with an explicit operator)."""

    def __init__(self, match: str) -> None:
        self.pieces = list(_PIECE.finditer(match))
        self.at = 0
        self.phrases: list[tuple[str, bool]] = []

    def _peek(self) -> str | None:
        return self.pieces[self.at].group() if self.at < len(self.pieces) else None

    def either(self) -> Node:
        return self._joined("OR", self._all)

    def _all(self) -> Node:
        return self._joined("AND", self._but)

    def _joined(self, op: str, part: object) -> Node:
        children = [part()]  # type: ignore[operator]
        while self._peek() == op:
            self.at += 1
            children.append(part())  # type: ignore[operator]
        return children[0] if len(children) == 1 else (op, children)

    def _but(self) -> Node:
        node = self._one()
        while self._peek() == "NOT":
            self.at += 1
            node = ("NOT", [node, self._one()])
        return node

    def _one(self) -> Node:
        if self.at >= len(self.pieces):
            return ("AND", [])
        piece = self.pieces[self.at]
        self.at += 1
        if piece.group(1) is not None:
            self.phrases.append((piece.group(1), bool(piece.group(2))))
            return ("phrase", len(self.phrases) - 1)
        if piece.group() == "NEAR(":
            near: list[Node] = []
            while self._peek() not in (None, ")"):
                if self.pieces[self.at].group(1) is not None:
                    near.append(self._one())
                else:
                    self.at += 1  # its distance
            self.at += 1
            return ("AND", near)
        if piece.group() == "(":
            node = self.either()
            self.at += 1  # its ")"
            return node
        return self._one()  # an operator out of place (fts_query writes none)


def _held(node: Node, found: list[bool]) -> set[int] | None:
    """The phrases whose words are marked, when the part of the query `node` holds in the row;
    None when it does not (highlight() marks nothing of a part that failed)."""
    kind, value = node
    if kind == "phrase":
        return {value} if found[value] else None  # type: ignore[index]
    parts: list[Node] = value  # type: ignore[assignment]
    if kind == "NOT":
        left = _held(parts[0], found)
        return left if left is not None and _held(parts[1], found) is None else None
    held = [_held(p, found) for p in parts]
    if kind == "AND" and None in held:
        return None
    kept = [h for h in held if h is not None]
    return set().union(*kept) if kept else None


def _phrases(texts: list[tuple[str, bool]]) -> list[Phrase]:
    """Each phrase as its words' stems (a word the tokenizer drops is left out)."""
    split = [(_WORD.findall(text.lower()), star) for text, star in texts]
    stem = stems(w for words, _ in split for w in words)
    out: list[Phrase] = []
    for words, star in split:
        kept = [stem[w] for w in words if stem[w]]
        out.append([(s, star and i == len(kept) - 1) for i, s in enumerate(kept)])
    return out


def _instances(body: str, phrases: list[Phrase]) -> list[list[tuple[int, int]]]:
    """(start, end) of each phrase's every instance in body: words one after the other with
    its stems. Only words that start like a stem (less its last letter, which the stemmer may
    have changed: "studi" of "study") are looked at, found by one pattern."""
    heads = sorted({s[: max(1, len(s) - 1)] for p in phrases for s, _ in p}, key=len, reverse=True)
    if not heads:
        return [[] for _ in phrases]
    pattern = re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, heads))})\w*", re.IGNORECASE)
    # Looked for without accents, as the tokenizer drops them ("mulle" finds "Müller").
    words = [(m.start(), m.end(), body[m.start():m.end()].lower())
             for m in pattern.finditer(_bare(body))]
    stem = stems(w for _, _, w in words)
    said = [stem[w] for _, _, w in words]

    def fits(i: int, k: int, want: tuple[str, bool]) -> bool:
        """Whether candidate i + k is the phrase's k-th word: next to the one before it."""
        if i + k >= len(words) or (k and _WORD.search(body, words[i + k - 1][1],
                                                       words[i + k][0])):
            return False
        got, (s, star) = said[i + k], want
        return got.startswith(s) if star else got == s

    # A phrase's first LONG_ROW_MARKS instances are all that can be marked of it.
    return [
        list(islice(((words[i][0], words[i + len(p) - 1][1]) for i in range(len(words))
                     if p and all(fits(i, k, want) for k, want in enumerate(p))),
                    LONG_ROW_MARKS))
        for p in phrases
    ]


def _bare(text: str) -> str:
    """`text` without its accents, one character for one ("Müller": "Muller")."""
    return "".join(unicodedata.normalize("NFD", ch)[0] if ch > "\x7f" else ch for ch in text)


def marked(body: str, match: str, opening: str, closing: str) -> str:
    """`body` with the query's words between `opening` and `closing`, as highlight() marks."""
    parser = _Parser(match)
    tree = parser.either()
    phrases = _phrases(parser.phrases)
    instances = _instances(body, phrases)
    held = _held(tree, [bool(i) for i in instances]) or set()
    spans = sorted({span for n in held for span in instances[n]})
    out, done, count = [], 0, 0
    for start, end in spans:
        if count == LONG_ROW_MARKS:
            break
        if start >= done:
            out += [body[done:start], opening, body[start:end], closing]
            done, count = end, count + 1
    return "".join([*out, body[done:]])
